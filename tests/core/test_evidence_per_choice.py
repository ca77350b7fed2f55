"""Evidence per choice (issue 13): one multiple-choice answer may mix what a court established with
what was merely reported. A document names the chosen options it shows (`choices`); without it, it
shows the whole answer, as every file written before did."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import ROOT, run_cli

from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.load.library import load_assessment, shipped_library
from pia_wizard.core.models.assessment import Answer, Assessment, Evidence
from pia_wizard.core.work.compare import side

EXAMPLE = ROOT / "examples" / "missing-child-judicial-authorisation.pia.json"
COURT = Evidence(title="Court ruling", confidence=4)
PRESS = Evidence(title="Press report", confidence=1)


def test_without_choices_an_answer_has_its_strongest_document() -> None:
    answer = Answer(value=("a", "b"), evidence=(COURT, PRESS))
    assert answer.choice_evidence() == {}
    assert answer.evidence_level == 4


def test_each_chosen_option_is_as_strong_as_its_strongest_document() -> None:
    court_on_a = COURT.model_copy(update={"choices": ("a",)})
    answer = Answer(value=("a", "b"), evidence=(court_on_a, PRESS))
    assert answer.choice_evidence() == {"a": 4, "b": 1}
    assert answer.evidence_level == 1  # a rule reads the whole selection: as strong as its weakest part
    both = Answer(value=("a", "b"), evidence=(court_on_a, COURT.model_copy(update={"choices": ("b",)})))
    assert both.evidence_level == 4
    none_for_b = Answer(value=("a", "b"), evidence=(court_on_a,))
    assert none_for_b.choice_evidence() == {"a": 4, "b": 0}


def test_an_old_file_keeps_its_meaning_and_a_new_one_round_trips() -> None:
    data = json.loads(EXAMPLE.read_text())
    old = Assessment.model_validate(data)
    assert all(not e.choices for a in old.answers.values() for e in a.evidence)
    data["answers"]["q909"]["evidence"][0]["choices"] = ["more_staff"]
    new = Assessment.model_validate(data)
    assert new.answers["q909"].evidence[0].choices == ("more_staff",)
    dumped = new.model_dump(mode="json", exclude_defaults=True)
    assert dumped["answers"]["q909"]["evidence"][0]["choices"] == ["more_staff"]
    assert "choices" not in dumped["answers"]["q501"]["evidence"][0]  # left out when it is the default


def _steps_reading(assessment: Assessment, question: str) -> dict[tuple[str, str], tuple[str, list[int]]]:
    library = shipped_library()
    compiled = library.questionnaires["biometric-deployment"]
    evaluation = evaluate(compiled, library.rulebooks.values(), assessment, explore=False)
    return {
        (book.id, step.id): (step.status, [a.evidence_level for a in step.answers if a.question == question])
        for book in evaluation.rulebooks
        for test in book.tests
        for step in test.steps
        if any(a.question == question for a in step.answers)
    }


def test_a_step_that_needs_a_document_reads_the_weakest_chosen_option() -> None:
    # The police's alternatives (q909): an assessment annexed to the court application (level 4) shows
    # all three. If it showed only "more staff" and a press report the rest, the strict-necessity step
    # (a document, level 2) is no longer shown.
    assessment, _ = load_assessment(EXAMPLE, shipped_library())
    answer = assessment.answers["q909"]
    (annex,) = answer.evidence
    assert _steps_reading(assessment, "q909")[("eu-law", "LED10-SN")] == ("pass", [4])

    def with_evidence(*items: Evidence) -> Assessment:
        changed = answer.model_copy(update={"evidence": items})
        return assessment.model_copy(update={"answers": {**assessment.answers, "q909": changed}})

    split = with_evidence(annex.model_copy(update={"choices": ("more_staff",)}), PRESS)
    assert _steps_reading(split, "q909")[("eu-law", "LED10-SN")] == ("undetermined", [1])
    all_named = with_evidence(annex.model_copy(update={"choices": tuple(answer.value)}), PRESS)
    assert _steps_reading(all_named, "q909")[("eu-law", "LED10-SN")] == ("pass", [4])


def test_a_comparison_carries_each_options_level() -> None:
    answer = Answer(value=("a", "b"), evidence=(COURT.model_copy(update={"choices": ("a",)}), PRESS))
    shown = side(answer)
    assert shown.evidence_level == 1 and dict(shown.choice_evidence) == {"a": 4, "b": 1}
    assert side(Answer(value=("a", "b"), evidence=(COURT, PRESS))) != shown


def _write(tmp_path: Path, evidence: list[dict[str, object]], question: str = "q909") -> Path:
    data = json.loads(EXAMPLE.read_text())
    data["answers"][question]["evidence"] = evidence
    target = tmp_path / "case.pia.json"
    target.write_text(json.dumps(data))
    return target


@pytest.mark.parametrize(
    ("question", "choices", "message"),
    [
        ("q909", ["more_staf"], '"more_staf" is not one of the choices of “'),
        ("q1205", ["yes"], "evidence names the options it shows only on a question with several choices"),
    ],
    ids=["not-a-choice", "not-a-multiple-choice"],
)
def test_choices_that_mean_nothing_are_refused(tmp_path, question, choices, message) -> None:
    path = _write(tmp_path, [{"title": "Ruling", "confidence": 4, "choices": choices}], question)
    result = run_cli("validate", str(path))
    assert result.returncode == 2
    assert f"/answers/{question}/evidence/0/choices" in result.stdout + result.stderr
    assert message in result.stdout + result.stderr


def test_a_document_for_an_option_not_chosen_is_a_warning(tmp_path) -> None:
    path = _write(tmp_path, [{"title": "Ruling", "confidence": 4, "choices": ["plain_cctv"]}])
    result = run_cli("validate", str(path))
    assert result.returncode == 0
    said = result.stdout + result.stderr
    assert "/answers/q909/evidence/0/choices" in said
    assert "the document “Ruling” is said to show" in said and "which is not chosen" in said
