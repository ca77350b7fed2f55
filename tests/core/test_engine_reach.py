"""Where an instrument reaches and binds: out of reach its rules do not apply; where it is not confirmed
binding its results are information only and never move the verdict; unknown reach is undetermined."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from helpers import FIXTURES, fixture_library

from pia_wizard.core.answers import edits
from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.models.assessment import Assessment

LIBRARY = fixture_library(FIXTURES / "rulebook-reach.yaml")
COMPILED = LIBRARY.questionnaires["mini"]
REACH = LIBRARY.rulebooks["reach"]
EMPTY = Assessment.model_validate({"schema_version": 1, "questionnaire": {"id": "mini", "version": "1.0"}})


def judged(**answers: Any):
    assessment = EMPTY
    for question, value in answers.items():
        if value == "UNKNOWN":
            assessment = edits.set_unknown(COMPILED, assessment, question)
        else:
            assessment = edits.set_value(COMPILED, assessment, question, value)
    evaluation = evaluate(COMPILED, [REACH], assessment, dt.date(2026, 11, 23), sources=LIBRARY.sources)
    return evaluation.rulebooks[0]


@pytest.mark.parametrize(
    ("where", "verdict"),
    [
        ("here", "red_line"),
        ("household", "passes"),
        ("elsewhere", "passes"),
        ("UNKNOWN", "insufficient_information"),
    ],
)
def test_a_red_line_counts_only_where_its_instrument_reaches_and_binds(where: str, verdict: str) -> None:
    outcome = judged(q_text=where, q_choice="b", q_num=1)
    assert outcome.verdict == verdict
    findings = [(f.kind, f.severity) for f in outcome.findings if f.rule == "RLX"]
    expected = {
        "here": [("red_line", "red_line")],
        "household": [],
        "elsewhere": [("applicability", "info")],
        "UNKNOWN": [("red_line", "undetermined")],
    }[where]
    assert findings == expected


def test_a_result_where_the_instrument_does_not_bind_is_shown_as_information_only() -> None:
    outcome = judged(q_text="elsewhere", q_choice="b", q_num=600)
    assert outcome.verdict == "passes"
    (step,) = outcome.tests[0].steps
    assert (step.status, step.decisive) == ("fail", False)
    assert "not confirmed binding here" in step.reason
    (line,) = [f for f in outcome.findings if f.rule == "RLX"]
    assert "not confirmed binding here" in line.text
    assert judged(q_text="here", q_choice="a", q_num=600).verdict == "fails"


def test_a_step_out_of_reach_does_not_apply() -> None:
    (step,) = judged(q_text="household", q_choice="a", q_num=600).tests[0].steps
    assert step.status == "not_applicable"
