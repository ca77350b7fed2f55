"""The shipped examples load, are fictional and say so, and match their builder (tools/build_examples.py)."""

from __future__ import annotations

import importlib.util
import json

import pytest
from helpers import ROOT

from pia_wizard.core.answers.answer_warnings import hidden_answer_warnings
from pia_wizard.core.load.assessment_io import assessment_bytes, load_assessment_file
from pia_wizard.core.load.library import shipped_library

EXAMPLES = sorted((ROOT / "examples").glob("*.pia.json"))


def _builder():
    spec = importlib.util.spec_from_file_location("build_examples", ROOT / "tools" / "build_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_there_are_at_least_twelve_examples() -> None:
    assert len(EXAMPLES) >= 12


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_loads_and_says_it_is_fictional(path) -> None:
    loaded = load_assessment_file(path, shipped_library())
    assert "Fictional example" in loaded.assessment.metadata.deployment
    assert loaded.assessment.metadata.assessment_date is not None


def test_examples_match_their_builder() -> None:
    builder = _builder()
    assert sorted(f"{name}.pia.json" for name in builder.EXAMPLES) == [p.name for p in EXAMPLES]
    for name, spec in builder.EXAMPLES.items():
        committed = (ROOT / "examples" / f"{name}.pia.json").read_bytes()
        assert committed == assessment_bytes(builder.build(name, spec)), (
            f"stale: run `make examples` ({name})"
        )
        json.loads(committed)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_answers_no_hidden_question(path) -> None:
    """An example must open without the window's warning about ignored answers: every answer it gives
    is one the questionnaire shows for its other answers."""
    library = shipped_library()
    loaded = load_assessment_file(path, library)
    compiled = library.questionnaires[loaded.assessment.questionnaire.id]
    assert hidden_answer_warnings(compiled, loaded.assessment) == []
