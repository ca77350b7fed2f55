"""Fuzzing the loaders: valid files mutated at random give either a loaded model or a LoadError whose
every problem names the file and a place — never another exception, never a vague message."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from helpers import FIXTURES, MINI, SOURCES
from hypothesis import given, settings
from hypothesis import strategies as st
from tests_support import fixture_assessment_text

from pia_wizard.core.files.problems import LoadError, Problem
from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import check_files

LIBRARY, _ = check_files([SOURCES, MINI])
VALID_ASSESSMENT = json.loads(fixture_assessment_text())
VALID_QUESTIONNAIRE = MINI.read_text(encoding="utf-8")

ODD_STRINGS = st.sampled_from(
    [
        "",
        "x" * 300_000,
        "\u202e\u0000\ud7ff",
        "é" * 10,
        "<script>alert(1)</script>",
        "NaN",
        "-1",
        "1e999",
        "\ufeff",
    ]
)
ODD_VALUES = st.one_of(
    ODD_STRINGS,
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.just([]),
    st.just({}),
    st.just([[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]),
)


def paths_of(value: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths_of(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths_of(item, (*path, index))
    return found


def replace(value: Any, path: tuple, new: Any) -> Any:
    if not path:
        return new
    head, *rest = path
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[head] = replace(value[head], tuple(rest), new)
    return copy


def assert_located(problems: tuple[Problem, ...], name: str) -> None:
    assert problems
    for problem in problems:
        assert problem.file == name
        assert problem.line is not None or problem.pointer is not None, str(problem)
        assert problem.message and "Traceback" not in problem.message


@settings(max_examples=int(os.environ.get("PIA_FUZZ_EXAMPLES", "120")))
@given(data=st.data())
def test_mutated_assessment_loads_or_fails_with_located_problems(tmp_path_factory, data) -> None:
    document = VALID_ASSESSMENT
    for _ in range(data.draw(st.integers(1, 3))):
        target = data.draw(st.sampled_from(paths_of(document)))
        document = replace(document, target, data.draw(ODD_VALUES))
    text = json.dumps(document)
    mode = data.draw(st.sampled_from(["whole", "truncated", "duplicate", "nan"]))
    if mode == "truncated":
        text = text[: data.draw(st.integers(0, max(0, len(text) - 1)))]
    elif mode == "duplicate":
        text = text.replace('"schema_version": 1', '"schema_version": 1, "schema_version": 1', 1)
    elif mode == "nan":
        text = text.replace("2026", "NaN", 1)
    path = Path(tmp_path_factory.mktemp("fuzz")) / "fuzzed.pia.json"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    try:
        load_assessment_file(path, LIBRARY)
    except LoadError as exc:
        assert_located(exc.problems, str(path))


@settings(max_examples=int(os.environ.get("PIA_FUZZ_EXAMPLES", "80")))
@given(data=st.data())
def test_mutated_questionnaire_checks_or_fails_with_located_problems(tmp_path_factory, data) -> None:
    lines = VALID_QUESTIONNAIRE.splitlines()
    mutation = data.draw(st.sampled_from(["truncate", "swap", "duplicate", "garbage", "indent"]))
    index = data.draw(st.integers(0, len(lines) - 1))
    if mutation == "truncate":
        lines = lines[:index]
    elif mutation == "swap" and ":" in lines[index]:
        key = lines[index].split(":", 1)[0]
        lines[index] = (
            f"{key}: {data.draw(st.sampled_from(['[1, 2]', '{a: 1}', '-5', '.nan', 'null', 'yes', '~']))}"
        )
    elif mutation == "duplicate":
        lines.insert(index, lines[index])
    elif mutation == "garbage":
        lines.insert(index, data.draw(st.sampled_from(["{{{", "- - -", "  ? x", "*alias", "&a b", "\t tab"])))
    else:
        lines[index] = "   " + lines[index]
    path = Path(tmp_path_factory.mktemp("fuzz")) / "fuzzed.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    _library, report = check_files([SOURCES, path])
    if report.problems:
        assert_located(tuple(report.problems), str(path))


def test_fixture_used_by_the_fuzzer_is_valid(tmp_path) -> None:
    path = tmp_path / "ok.pia.json"
    path.write_text(fixture_assessment_text(), encoding="utf-8")
    load_assessment_file(path, LIBRARY)
    assert FIXTURES.exists()
