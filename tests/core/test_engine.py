"""The verdict ladder, the burden of proof, evidence levels, applicability dates, determinism."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from helpers import FIXTURES, fixture_library

from pia_wizard.core.answers import edits
from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.evaluation.explore import with_changes
from pia_wizard.core.models.assessment import Assessment

LIBRARY = fixture_library(FIXTURES / "rulebook-ladder.yaml")
COMPILED = LIBRARY.questionnaires["mini"]
LADDER = LIBRARY.rulebooks["ladder"]
DATE = dt.date(2026, 11, 23)
EMPTY = Assessment.model_validate({"schema_version": 1, "questionnaire": {"id": "mini", "version": "1.0"}})


def build(evidence: dict[str, int] | None = None, **answers: Any) -> Assessment:
    assessment = EMPTY
    for question, value in answers.items():
        if value == "UNKNOWN":
            assessment = edits.set_unknown(COMPILED, assessment, question)
        else:
            assessment = edits.set_value(COMPILED, assessment, question, value)
    for question, level in (evidence or {}).items():
        assessment = edits.add_evidence(assessment, question, {"title": "doc", "confidence": level})
    return assessment


def result(assessment: Assessment, date: dt.date = DATE, **options: Any):
    evaluation = evaluate(COMPILED, [LADDER], assessment, date, sources=LIBRARY.sources, **options)
    return evaluation.rulebooks[0]


GOOD = {"q_multi": ["red"], "q_choice": "a", "q_num": 100, "q_yes": True}


@pytest.mark.parametrize(
    ("answers", "evidence", "verdict"),
    [
        ({"q_multi": ["blue"]}, {}, "not_applicable"),
        (GOOD, {"q_num": 2}, "passes"),
        ({**GOOD, "q_num": 600}, {"q_num": 2}, "fails"),
        ({**GOOD, "q_num": "UNKNOWN"}, {}, "insufficient_information"),
        ({**GOOD, "q_yes": False, "q_text": "planned"}, {"q_num": 2}, "conditional"),
        ({**GOOD, "q_choice": "b"}, {"q_num": 2}, "red_line"),
        ({**GOOD, "q_multi": "UNKNOWN"}, {"q_num": 2}, "insufficient_information"),
    ],
    ids=["not_applicable", "passes", "fails", "insufficient", "conditional", "red_line", "applies-unknown"],
)
def test_every_rung_of_the_ladder(answers: dict, evidence: dict, verdict: str) -> None:
    assert result(build(evidence, **answers)).verdict == verdict


def test_same_answers_at_evidence_levels_1_and_4_give_different_verdicts() -> None:
    assert result(build({"q_num": 1}, **GOOD)).verdict == "insufficient_information"
    assert result(build({"q_num": 4}, **GOOD)).verdict == "passes"
    weak = result(build({"q_num": 1}, **GOOD))
    (step,) = [s for t in weak.tests for s in t.steps if s.id == "S1"]
    assert step.status == "undetermined" and "evidence" in step.reason


def test_exception_counts_only_if_every_gate_is_shown() -> None:
    base = {**GOOD, "q_choice": "b"}
    unknown_gate = result(build({"q_num": 2}, **base, q_b1="UNKNOWN", q_b2=True))
    assert unknown_gate.verdict == "red_line"  # unknown leaves the red line standing
    (finding,) = [f for f in unknown_gate.findings if f.rule == "RL"]
    assert finding.missing_gates == ("G1",) and "not shown (unknown)" in finding.text
    vendor_word = result(build({"q_num": 2, "q_b1": 1}, **base, q_b1=True, q_b2=True))
    assert vendor_word.verdict == "red_line"  # claimed on the vendor's word: not shown
    assert "evidence too weak" in next(f for f in vendor_word.findings if f.rule == "RL").text
    shown = result(build({"q_num": 2, "q_b1": 3}, **base, q_b1=True, q_b2=True))
    assert shown.verdict == "passes"
    assert [f.kind for f in shown.findings if f.rule == "RL"] == ["exception"]


def test_finding_lists_triggering_answers_and_sources_with_tags() -> None:
    red = result(build({"q_num": 2}, **GOOD | {"q_choice": "b"}))
    (finding,) = [f for f in red.findings if f.rule == "RL"]
    answers = {a.question: (a.state, a.value) for a in finding.answers}
    assert answers["q_choice"] == ("value", "b")
    assert answers["q_b1"] == ("unanswered", None)
    assert [(s.id, s.tag) for s in finding.sources] == [("AIA-5-1-h", "V")]


def test_rule_not_yet_in_force_is_reported_not_dropped() -> None:
    big = build({"q_num": 2}, **GOOD | {"q_num": 950})
    now = result(big)
    assert now.verdict == "fails"  # S1 fails; RL2 does not apply yet
    (note,) = [f for f in now.findings if f.rule == "RL2"]
    assert note.kind == "applicability" and note.applies_from == dt.date(2030, 1, 1)
    assert "applies from 2030-01-01" in note.text
    assert result(big, dt.date(2030, 6, 1)).verdict == "red_line"
    assert result(big, dt.date(2030, 6, 1), timeline="amended").verdict == "fails"


def test_failed_test_stops_the_tests_after_it() -> None:
    failing = result(build({"q_num": 2}, **GOOD | {"q_num": 600}))
    assert [(t.id, t.status) for t in failing.tests] == [("legality", "fail"), ("necessity", "not_reached")]


def test_non_decisive_step_warns_without_changing_the_verdict() -> None:
    outcome = result(build({"q_num": 2}, **GOOD, q_date="2019-05-01"))
    assert outcome.verdict == "passes"
    assert [(f.rule, f.severity) for f in outcome.findings] == [("S3", "warning")]


def test_hidden_answers_are_excluded() -> None:
    # q_b1 / q_b2 sit in a section shown only for q_choice = b: with a, their answers count for nothing.
    outcome = result(build({"q_num": 2, "q_b1": 4}, **GOOD, q_b1=True, q_b2=True))
    assert outcome.verdict == "passes"
    red = result(build({"q_num": 2}, **GOOD | {"q_choice": "b"}, q_b1=True, q_b2=True))
    assert red.verdict == "red_line"


def test_gaps_are_ranked_and_phrased_as_questions() -> None:
    outcome = result(build({}, **{"q_multi": ["red"], "q_choice": "b", "q_b2": "UNKNOWN"}))
    gaps = {g.question: g for g in outcome.gaps}
    assert {"q_b1", "q_b2"} <= set(gaps)
    assert gaps["q_b2"].state == "unknown" and gaps["q_b1"].state == "unanswered"
    assert gaps["q_b1"].ask.startswith("Please state:")
    impacts = [g.impact for g in outcome.gaps]
    assert impacts == sorted(impacts, reverse=True)


def test_counterfactuals_apply_to_the_verdict_they_claim() -> None:
    assessment = build({"q_num": 2}, **GOOD | {"q_choice": "b"})
    outcome = result(assessment)
    assert outcome.counterfactuals, "a red line with gates has a way out"
    bundle = [c for c in outcome.counterfactuals if {ch.question for ch in c.changes} == {"q_b1", "q_b2"}]
    assert bundle and bundle[0].to_verdict == "passes"
    assert "with evidence at level 3" in bundle[0].text
    for counterfactual in outcome.counterfactuals:
        changed = assessment.model_copy(
            update={"answers": with_changes(assessment.answers, counterfactual.changes)}
        )
        assert result(changed).verdict == counterfactual.to_verdict
    kinds = [c.kind for c in outcome.counterfactuals if len(c.changes) == 1]
    assert kinds == sorted(kinds, key=["actionable", "mixed", "fact"].index)


def test_evaluation_is_deterministic_and_uses_the_assessment_date() -> None:
    assessment = edits.set_metadata(
        build({"q_num": 2}, **GOOD | {"q_choice": "b"}), assessment_date="2026-11-23"
    )
    first = evaluate(COMPILED, [LADDER], assessment, sources=LIBRARY.sources)
    second = evaluate(COMPILED, [LADDER], assessment, sources=LIBRARY.sources)
    assert first.date == dt.date(2026, 11, 23)
    assert first.model_dump_json() == second.model_dump_json()
    with pytest.raises(ValueError, match="no evaluation date"):
        evaluate(COMPILED, [LADDER], build(), sources=LIBRARY.sources)


def test_safeguards_to_require() -> None:
    outcome = result(build({"q_num": 2}, **GOOD | {"q_choice": "b"}))
    assert [s.id for s in outcome.safeguards] == ["SG1"]
    assert [s.id for s in result(build({"q_num": 2}, **GOOD)).safeguards] == []
    json.dumps(outcome.model_dump(mode="json"))  # serialisable as is


@pytest.mark.parametrize(
    ("answers", "evidence", "step", "status", "title"),
    [
        ({**GOOD, "q_num": 600}, {"q_num": 2}, "S1", "fail", "Too big"),
        ({**GOOD, "q_num": "UNKNOWN"}, {}, "S1", "undetermined", "Size not shown"),
        (
            {**GOOD, "q_yes": False, "q_text": "planned"},
            {"q_num": 2},
            "S2",
            "conditional",
            "Safeguard only planned",
        ),
        (GOOD, {"q_num": 2}, "S1", "pass", "Small enough"),
    ],
)
def test_a_step_is_headed_by_the_title_of_its_outcome(
    answers: dict, evidence: dict, step: str, status: str, title: str
) -> None:
    """A failed step headed by its passing title reads as its opposite ("Small enough" when too big)."""
    judged = result(build(evidence, **answers))
    found = {s.id: s for t in judged.tests for s in t.steps}[step]
    assert (found.status, found.title) == (status, title)
    findings = [f for f in judged.findings if f.rule == step]
    assert [f.title for f in findings] == ([] if status == "pass" else [title])
