"""Properties of the engine over random answer sets on the real questionnaire and rulebooks."""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

from hypothesis import given, settings
from hypothesis import strategies as st

from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.evaluation.explore import with_changes
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.models.assessment import Answer, Assessment, Evidence

LIBRARY = shipped_library()
COMPILED = LIBRARY.questionnaires["biometric-deployment"]
BOOKS = tuple(LIBRARY.rulebooks.values())
DATE = dt.date(2026, 11, 23)
# The questions the rulebooks read most: classification, purpose, gates. Others stay unanswered.
FOCUS = [
    q
    for q in COMPILED.entries
    if COMPILED.entries[q].group is None and q[:2] in ("q1", "q2", "q5", "q6", "q8")
]


def values_for(question_id: str) -> st.SearchStrategy:
    entry = COMPILED.entries[question_id]
    question = entry.question
    if question.type == "single_choice":
        return st.sampled_from([c.value for c in entry.choices])
    if question.type == "multiple_choice":
        return st.lists(st.sampled_from([c.value for c in entry.choices]), min_size=1, unique=True).map(tuple)
    if question.type == "yes_no":
        return st.booleans()
    if question.type == "number":
        return st.integers(0, 100)
    if question.type == "date":
        return st.dates(dt.date(2024, 1, 1), dt.date(2030, 12, 31)).map(dt.date.isoformat)
    return st.just("text")


@st.composite
def answer_sets(draw):
    answers = {}
    for question_id in FOCUS:
        kind = draw(st.sampled_from(["absent", "absent", "unknown", "value", "value"]))
        if kind == "unknown":
            answers[question_id] = Answer(unknown=True)
        elif kind == "value":
            level = draw(st.integers(0, 4))
            evidence = (Evidence(title="doc", confidence=level),) if level else ()
            answers[question_id] = Answer(value=draw(values_for(question_id)), evidence=evidence)
    return Assessment.model_validate(
        {"schema_version": 1, "questionnaire": {"id": COMPILED.id, "version": COMPILED.questionnaire.version}}
    ).model_copy(update={"answers": MappingProxyType(answers)})


@settings(max_examples=40)
@given(assessment=answer_sets())
def test_evaluation_never_raises_is_deterministic_and_red_lines_rule(assessment) -> None:
    first = evaluate(COMPILED, BOOKS, assessment, DATE, sources=LIBRARY.sources)
    second = evaluate(COMPILED, BOOKS, assessment, DATE, sources=LIBRARY.sources)
    assert first.model_dump_json() == second.model_dump_json()
    for result in first.rulebooks:
        if any(f.severity == "red_line" for f in result.findings):
            assert result.verdict == "red_line"
        if result.verdict == "red_line":
            assert any(f.severity == "red_line" for f in result.findings)


@settings(max_examples=25)
@given(assessment=answer_sets())
def test_applying_a_counterfactual_gives_the_verdict_it_claims(assessment) -> None:
    evaluation = evaluate(COMPILED, BOOKS, assessment, DATE, sources=LIBRARY.sources)
    for result in evaluation.rulebooks:
        book = LIBRARY.rulebooks[result.id]
        for counterfactual in result.counterfactuals[:3]:
            changed = assessment.model_copy(
                update={"answers": with_changes(assessment.answers, counterfactual.changes)}
            )
            after = evaluate(COMPILED, [book], changed, DATE, explore=False)
            assert after.verdicts[result.id] == counterfactual.to_verdict, counterfactual.text


@settings(max_examples=40)
@given(assessment=answer_sets(), data=st.data())
def test_quick_re_judging_agrees_with_a_full_judgement(assessment, data) -> None:
    """Re-judging only the rules a change reaches gives the same verdict as judging everything."""
    from pia_wizard.core.evaluation.engine import Context, judge, quick_verdict
    from pia_wizard.core.evaluation.evaluate import _index
    from pia_wizard.core.evaluation.results import Change
    from pia_wizard.core.rules.visibility import AnswerView

    question_id = data.draw(st.sampled_from(FOCUS))
    value = data.draw(st.one_of(values_for(question_id), st.just("UNKNOWN")))
    level = data.draw(st.sampled_from([None, 2, 4]))
    change = Change(
        question=question_id,
        value=None if value == "UNKNOWN" else value,
        unknown=value == "UNKNOWN",
        nature="fact",
        evidence_level=level,
    )
    changed = with_changes(assessment.answers, [change])
    for book in BOOKS:

        def ctx(answers, explain, book=book):
            return Context(
                COMPILED,
                _index(book),
                answers,
                DATE,
                None,
                {},
                explain=explain,
                shared_view=AnswerView(COMPILED, answers),
            )

        base = judge(ctx(assessment.answers, True))
        full = judge(ctx(changed, False)).result.verdict
        assert quick_verdict(ctx(changed, False), base, COMPILED.reach[question_id]) == full, book.id
