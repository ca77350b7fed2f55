"""Answers known only partly: ranges, "no limit", "one of these", dates known to the month or year.

A comparison with a range is true (false) exactly when every number in the range makes it true
(false); a condition over "one of these" answers is true (false) exactly when it is so for every
possibility (judged case by case, so `q = a or q = b` is true).
"""

from __future__ import annotations

import itertools
from types import MappingProxyType
from typing import Any

import pytest
from helpers import MINI, fixture_library
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from pia_wizard.core.answers import edits
from pia_wizard.core.answers.edits import EditError
from pia_wizard.core.evaluation.figures import compute_figures, find_inconsistencies
from pia_wizard.core.load.loading import load_questionnaire
from pia_wizard.core.models.assessment import Answer, Assessment
from pia_wizard.core.models.conditions import All, AnyOf, Not, QuestionTest
from pia_wizard.core.rules.logic import Truth, all_of, evaluate
from pia_wizard.core.rules.partial import answer_cases
from pia_wizard.core.rules.visibility import AnswerView

COMPILED = load_questionnaire(MINI)
T, F, U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN


def view(**values: Any) -> AnswerView:
    answers = {q: Answer.model_validate({"value": v}) for q, v in values.items()}
    return AnswerView(COMPILED, MappingProxyType(answers))


def qtest(question: str, op: str, operand: Any) -> QuestionTest:
    return QuestionTest.model_validate({"question": question, op: operand})


# ---------------------------------------------------------------------------------------- ranges

RANGES = st.tuples(st.integers(0, 60), st.integers(0, 60)).map(sorted)


@given(bounds=RANGES, threshold=st.integers(-2, 62), op=st.sampled_from(["gt", "ge", "lt", "le", "equals"]))
def test_a_range_decides_a_comparison_only_when_every_number_in_it_agrees(bounds, threshold, op) -> None:
    low, high = bounds
    got = evaluate(qtest("q_num", op, threshold), view(q_num={"low": low, "high": high}))
    each = {evaluate(qtest("q_num", op, threshold), view(q_num=n)) for n in range(low, high + 1)}
    assert got is (each.pop() if len(each) == 1 else U)


@given(bounds=RANGES, options=st.lists(st.integers(0, 62), min_size=1, max_size=4))
def test_in_over_a_range_is_true_only_for_a_single_number_that_matches(bounds, options) -> None:
    low, high = bounds
    got = evaluate(qtest("q_num", "in", options), view(q_num={"low": low, "high": high}))
    each = {evaluate(qtest("q_num", "in", options), view(q_num=n)) for n in range(low, high + 1)}
    assert got is (each.pop() if len(each) == 1 else U)


def test_an_open_end_is_closed_by_the_question_bounds_else_infinite() -> None:
    # q_num allows 0–1000: "at least 900" can never exceed 1000, "at most 5" never go below 0.
    assert evaluate(qtest("q_num", "le", 1000), view(q_num={"low": 900})) is T
    assert evaluate(qtest("q_num", "ge", 0), view(q_num={"high": 5})) is T
    # q_people has no maximum: "at least 900" may be any number above it.
    assert evaluate(qtest("q_people", "le", 10**12), view(q_people={"low": 900})) is U
    assert evaluate(qtest("q_people", "gt", 899), view(q_people={"low": 900})) is T


# ---------------------------------------------------------------------------------------- one of these

LEAVES = st.one_of(
    st.builds(lambda v: qtest("q_choice", "equals", v), st.sampled_from(["a", "b"])),
    st.builds(lambda v: qtest("q_unit", "equals", v), st.sampled_from(["comparison", "search"])),
    st.builds(lambda v: qtest("q_multi", "includes_any", [v]), st.sampled_from(["red", "blue"])),
    st.builds(lambda v: qtest("q_yes", "equals", v), st.booleans()),
)
CONDITIONS = st.recursive(
    LEAVES,
    lambda inner: st.one_of(
        st.builds(lambda c: Not.model_validate({"not": c}), inner),
        st.builds(lambda cs: All(all=tuple(cs)), st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda cs: AnyOf(any=tuple(cs)), st.lists(inner, min_size=1, max_size=3)),
    ),
    max_leaves=6,
)
OPEN = {"q_choice": ["a", "b"], "q_unit": ["comparison", "search"], "q_multi": ["red", "blue"]}


def _multiple(question: str) -> bool:
    return COMPILED.entries[question].question.type == "multiple_choice"


@given(condition=CONDITIONS, which=st.sets(st.sampled_from(sorted(OPEN)), min_size=1), yes=st.booleans())
def test_one_of_these_is_decided_exactly_over_its_possibilities(condition, which, yes) -> None:
    values: dict[str, Any] = {"q_yes": yes, "q_choice": "a", "q_unit": "search", "q_multi": ["red"]}
    for question in which:
        values[question] = {"one_of": OPEN[question]}
    answers = {q: Answer.model_validate({"value": v}) for q, v in values.items()}
    cases = answer_cases(answers, _multiple)
    assert cases is not None
    exact = all_of(evaluate(condition, AnswerView(COMPILED, MappingProxyType(c))) for c in cases)
    # Brute force: every combination of the possibilities, written out as plain answers.
    names = sorted(which)
    truths = set()
    for combo in itertools.product(*(OPEN[q] for q in names)):
        plain = dict(values)
        for question, value in zip(names, combo, strict=True):
            plain[question] = [value] if _multiple(question) else value
        truths.add(evaluate(condition, view(**plain)))
    assert exact is (truths.pop() if len(truths) == 1 else U)
    # Test by test (without the cases) is never wrong, only sometimes less decided.
    loose = evaluate(condition, AnswerView(COMPILED, MappingProxyType(answers)))
    assert loose in (exact, U)


def test_either_possibility_leading_to_the_same_result_decides_it() -> None:
    either = AnyOf(any=(qtest("q_choice", "equals", "a"), qtest("q_choice", "equals", "b")))
    answers = {"q_choice": Answer.model_validate({"value": {"one_of": ["a", "b"]}})}
    cases = answer_cases(answers, _multiple)
    assert all_of(evaluate(either, AnswerView(COMPILED, MappingProxyType(c))) for c in cases) is T
    # Unknown would leave it undecided: that is what "one of these" improves on.
    unknown = AnswerView(COMPILED, MappingProxyType({"q_choice": Answer(unknown=True)}))
    assert evaluate(either, unknown) is U


# ---------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("written", "op", "day", "expected"),
    [
        ("2027-03", "ge", "2027-03-01", T),
        ("2027-03", "lt", "2027-04-01", T),
        ("2027-03", "lt", "2027-03-15", U),
        ("2027", "ge", "2028-01-01", F),
        ("2027", "le", "2027-12-31", T),
        ("2027", "gt", "2027-06-30", U),
        ("2024-02", "le", "2024-02-29", T),  # a leap year's February ends on the 29th
        ("2024-02", "lt", "2024-02-29", U),
    ],
)
def test_a_date_known_to_the_month_or_year_is_the_interval_of_its_days(written, op, day, expected) -> None:
    assert evaluate(qtest("q_date", op, day), view(q_date=written)) is expected


# ---------------------------------------------------------------------------------------- files and edits

EMPTY = Assessment.model_validate({"schema_version": 1, "questionnaire": {"id": "mini", "version": "1.0"}})


@pytest.mark.parametrize(
    ("question", "value", "words"),
    [
        ("q_num", {"low": 5, "high": 2}, "low bound 5 is above its high bound 2"),
        ("q_num", {"low": 1.5, "high": 2}, "whole number"),
        ("q_num", {"low": 10, "high": 2000}, "above the largest answer"),
        ("q_num", {"as_stated": "many"}, "at least one bound"),
        ("q_num", {"no_limit": True}, "no “no limit” answer"),
        ("q_choice", {"one_of": ["a", "c"]}, '"c" in “one of” is not one of the choices'),
        ("q_choice", {"one_of": ["a"]}, "at least two choices"),
        ("q_yes", {"one_of": ["a", "b"]}, "cannot be answered with “one of these”"),
        ("q_text", {"low": 1, "high": 2}, "cannot be answered with a range"),
        ("q_num", {"lo": 1}, "a value written as an object is a range"),
        ("q_date", "2027-13", "YYYY-MM or YYYY"),
    ],
)
def test_meaningless_partial_answers_are_refused_in_plain_words(question, value, words) -> None:
    with pytest.raises(EditError, match=None) as caught:
        edits.set_value(COMPILED, EMPTY, question, value)
    assert words in str(caught.value)


def test_a_range_round_trips_through_the_file_and_an_exact_number_stays_exact() -> None:
    assessment = edits.set_value(
        COMPILED, EMPTY, "q_people", {"low": 1000, "high": 9999, "as_stated": "thousands"}
    )
    assessment = edits.set_value(COMPILED, assessment, "q_num", 50)
    again = Assessment.model_validate_json(assessment.model_dump_json(exclude_defaults=True))
    assert again.answers["q_people"].value.model_dump() == {
        "low": 1000,
        "high": 9999,
        "as_stated": "thousands",
    }
    assert again.answers["q_num"].value == 50
    with pytest.raises(ValidationError, match="unknown key 'hgh'"):
        Answer.model_validate({"value": {"low": 1, "hgh": 2}})


# ---------------------------------------------------------------------------------------- figures and checks

FIGURES = fixture_library().questionnaires["mini"]


def figures_of(**values: Any):  # type: ignore[no-untyped-def]
    assessment = EMPTY
    for question, value in values.items():
        assessment = edits.set_value(FIGURES, assessment, question, value)
    return compute_figures(FIGURES, AnswerView(FIGURES, assessment.answers))


def test_a_range_gives_a_figure_between_two_bounds() -> None:
    figures = figures_of(
        q_people={"low": 1000, "high": 9999}, q_watch=5_000, q_rate=0.000001, q_unit="comparison", q_days=100
    )
    alerts = figures.false_alerts_per_day
    assert alerts.value is None
    assert (alerts.low, alerts.high) == pytest.approx((5.0, 49.995))
    assert alerts.text.startswith("between 5 and 50 false alerts per day")
    per_year = figures.people_scanned_per_year
    assert (per_year.low, per_year.high) == (100_000, 999_900)
    assert "between 100,000 and 999,900 people scanned per year" == per_year.text
    assert alerts.inputs[0].value == {"low": 1000, "high": 9999}


def test_a_range_is_inconsistent_only_when_the_two_cannot_overlap() -> None:
    def check(**values: Any) -> list[str]:
        assessment = EMPTY
        for question, value in values.items():
            assessment = edits.set_value(FIGURES, assessment, question, value)
        return [i.id for i in find_inconsistencies(FIGURES, AnswerView(FIGURES, assessment.answers))]

    # C2: people per day (later) must not be below watchlisted passers-by (earlier).
    assert check(q_hits={"low": 10, "high": 50}, q_people={"low": 40, "high": 100}) == []
    assert check(q_hits={"low": 101, "high": 150}, q_people={"low": 40, "high": 100}) == ["C2"]
    assert check(q_hits=20, q_people=10) == ["C2"]
