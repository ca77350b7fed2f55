"""The condition language's three-valued meaning, and what visibility does with it."""

from __future__ import annotations

import itertools
from types import MappingProxyType

import pytest
from helpers import MINI
from pydantic import TypeAdapter

from pia_wizard.core.load.loading import load_questionnaire
from pia_wizard.core.models.assessment import Answer
from pia_wizard.core.models.conditions import Condition
from pia_wizard.core.rules.logic import Truth, evaluate, k_and, k_not, k_or
from pia_wizard.core.rules.visibility import AnswerView

T, F, U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN
COMPILED = load_questionnaire(MINI)
CONDITION = TypeAdapter(Condition)

# Kleene's strong three-valued tables, written out by hand.
AND_TABLE = {
    (T, T): T,
    (T, U): U,
    (T, F): F,
    (U, T): U,
    (U, U): U,
    (U, F): F,
    (F, T): F,
    (F, U): F,
    (F, F): F,
}
OR_TABLE = {
    (T, T): T,
    (T, U): T,
    (T, F): T,
    (U, T): T,
    (U, U): U,
    (U, F): U,
    (F, T): T,
    (F, U): U,
    (F, F): F,
}
NOT_TABLE = {T: F, U: U, F: T}


def view(**answers: object) -> AnswerView:
    """Answers as keyword arguments: a value, or the string 'UNKNOWN'."""
    built = {
        qid: Answer(unknown=True) if value == "UNKNOWN" else Answer.model_validate({"value": value})
        for qid, value in answers.items()
    }
    return AnswerView(COMPILED, MappingProxyType(built))


def truth(condition: dict, **answers: object) -> Truth:
    return evaluate(CONDITION.validate_python(condition), view(**answers))


# A leaf per truth value: q_yes equals true is T when yes, F when no, U when unknown.
LEAF = {"question": "q_yes", "equals": True}
SETTING = {T: True, F: False, U: "UNKNOWN"}


@pytest.mark.parametrize(("left", "right"), list(itertools.product([T, U, F], repeat=2)))
def test_all_and_any_follow_kleene_tables(left: Truth, right: Truth) -> None:
    first = {"question": "q_yes", "equals": True}
    second = {"question": "q_b1", "equals": True}
    answers = {"q_yes": SETTING[left], "q_b1": SETTING[right], "q_choice": "b"}  # q_b1 visible
    assert truth({"all": [first, second]}, **answers) is AND_TABLE[(left, right)]
    assert truth({"any": [first, second]}, **answers) is OR_TABLE[(left, right)]
    assert k_and([left, right]) is AND_TABLE[(left, right)]
    assert k_or([left, right]) is OR_TABLE[(left, right)]


@pytest.mark.parametrize("value", [T, U, F])
def test_not_follows_kleene_table(value: Truth) -> None:
    assert truth({"not": LEAF}, q_yes=SETTING[value]) is NOT_TABLE[value]
    assert k_not(value) is NOT_TABLE[value]


def test_empty_ish_answers() -> None:
    # Unanswered and unknown both make a comparison unknown...
    assert truth(LEAF) is U
    assert truth(LEAF, q_yes="UNKNOWN") is U
    # ...but the state tests tell them apart, and are never unknown.
    assert truth({"question": "q_yes", "is_unknown": True}) is F
    assert truth({"question": "q_yes", "is_unknown": True}, q_yes="UNKNOWN") is T
    assert truth({"question": "q_yes", "answered": True}) is F
    assert truth({"question": "q_yes", "answered": True}, q_yes="UNKNOWN") is T
    assert truth({"question": "q_yes", "answered": True}, q_yes=False) is T


@pytest.mark.parametrize(
    ("condition", "answers", "expected"),
    [
        ({"question": "q_choice", "equals": "a"}, {"q_choice": "a"}, T),
        ({"question": "q_choice", "equals": "a"}, {"q_choice": "b"}, F),
        ({"question": "q_choice", "in": ["a", "b"]}, {"q_choice": "b"}, T),
        ({"question": "q_choice", "in": ["a"]}, {"q_choice": "UNKNOWN"}, U),
        ({"question": "q_multi", "includes_any": ["red"]}, {"q_multi": ["red", "blue"]}, T),
        ({"question": "q_multi", "includes_any": ["red"]}, {"q_multi": ["blue"]}, F),
        ({"question": "q_multi", "includes_any": ["red"]}, {"q_multi": []}, F),
        ({"question": "q_multi", "includes_all": ["red", "blue"]}, {"q_multi": ["red"]}, F),
        ({"question": "q_multi", "includes_all": ["red", "blue"]}, {"q_multi": ["blue", "red"]}, T),
        ({"question": "q_multi", "includes_all": ["red"]}, {}, U),
        ({"question": "q_num", "gt": 10}, {"q_num": 11}, T),
        ({"question": "q_num", "gt": 10}, {"q_num": 10}, F),
        ({"question": "q_num", "ge": 10}, {"q_num": 10}, T),
        ({"question": "q_num", "lt": 10}, {"q_num": 10}, F),
        ({"question": "q_num", "le": 10}, {"q_num": 10}, T),
        ({"question": "q_num", "le": 10}, {"q_num": "UNKNOWN"}, U),
        ({"question": "q_num", "equals": 3}, {"q_num": 3}, T),
        ({"question": "q_date", "lt": "2025-02-02"}, {"q_date": "2025-01-31"}, T),
        ({"question": "q_date", "ge": "2025-02-02"}, {"q_date": "2025-01-31"}, F),
        ({"question": "q_text", "equals": "x"}, {"q_text": "x"}, T),
        ({"question": "q_yes", "equals": False}, {"q_yes": False}, T),
    ],
)
def test_question_tests(condition: dict, answers: dict, expected: Truth) -> None:
    if "lt" in condition or "ge" in condition:
        key = "lt" if "lt" in condition else "ge"
        if condition["question"] == "q_date":
            import datetime as dt

            condition = {**condition, key: dt.date.fromisoformat(condition[key])}
    assert truth(condition, **answers) is expected


def test_yes_no_true_never_equals_number_one() -> None:
    assert truth({"question": "q_num", "equals": 1}, q_num=1) is T
    assert truth(LEAF, q_yes=True) is T


def sites(*items: dict) -> list[dict]:
    return [
        {qid: {"value": v} if v != "UNKNOWN" else {"unknown": True} for qid, v in item.items()}
        for item in items
    ]


@pytest.mark.parametrize(
    ("items", "any_expected", "all_expected", "sum_ge_300"),
    [
        ([], F, T, F),
        ([{"q_site_people": 500}], T, T, T),
        ([{"q_site_people": 50}, {"q_site_people": 500}], T, F, T),
        ([{"q_site_people": 50}, {"q_site_people": "UNKNOWN"}], U, F, U),
        ([{"q_site_people": 500}, {"q_site_people": "UNKNOWN"}], T, U, U),
        ([{"q_site_people": 50}, {}], U, F, U),
    ],
)
def test_group_quantifiers_and_sum(
    items: list, any_expected: Truth, all_expected: Truth, sum_ge_300: Truth
) -> None:
    where = {"question": "q_site_people", "gt": 100}
    answers = {"g_sites": sites(*items)}
    assert truth({"any_item": "g_sites", "where": where}, **answers) is any_expected
    assert truth({"all_items": "g_sites", "where": where}, **answers) is all_expected
    assert (
        truth({"sum": {"group": "g_sites", "question": "q_site_people"}, "ge": 300}, **answers) is sum_ge_300
    )


def test_group_answered_unknown_makes_quantifiers_unknown() -> None:
    where = {"question": "q_site_people", "gt": 100}
    assert truth({"any_item": "g_sites", "where": where}, g_sites="UNKNOWN") is U
    assert truth({"all_items": "g_sites", "where": where}) is U


# ------------------------------------------------------------------------------------ visibility


def test_show_if_unknown_shows_the_section() -> None:
    assert view(q_choice="a").section_visible("s_b") is False
    assert view(q_choice="b").section_visible("s_b") is True
    assert view(q_choice="UNKNOWN").section_visible("s_b") is True  # ignorance never hides
    assert view().section_visible("s_b") is True  # nor does an unanswered question


def test_hidden_question_counts_as_unanswered_downstream() -> None:
    # q_b1 = true would show q_b2, and q_b2 answered would show q_after_b2 ...
    shown = view(q_choice="b", q_b1=True, q_b2=True)
    assert shown.question_visible("q_b2") and shown.question_visible("q_after_b2")
    # ... but once q_choice = a hides section s_b, the stale answers there count for nothing.
    hidden = view(q_choice="a", q_b1=True, q_b2=True)
    assert not hidden.question_visible("q_b1")
    assert not hidden.question_visible("q_b2")
    assert truth({"question": "q_b1", "equals": True}, q_choice="a", q_b1=True) is U
    assert truth({"question": "q_b2", "answered": True}, q_choice="a", q_b2=True) is F
    assert not hidden.question_visible("q_after_b2")


def test_item_question_visibility_is_per_item() -> None:
    answers = view(g_sites=sites({"q_site_people": 500}, {"q_site_people": 5}))
    first, second = answers.answers["g_sites"].value
    assert answers.item_question_visible("q_site_note", first) is True
    assert answers.item_question_visible("q_site_note", second) is False
