"""Three-valued (Kleene) meaning of conditions: true, false, or unknown.

A comparison with an unknown or unanswered value is unknown; `not unknown` is unknown; `all` is false
if any member is false, else unknown if any is unknown; `any` is the dual. `is_unknown` and `answered`
look at the answer's state itself and are always true or false.

A value may be known only partly: a `Span` (a number between two bounds, a date known to the month)
or `Possible` (one of a few choices, not known which). A test is true (false) only when it is true
(false) for every value the answer allows, else unknown. Per test that is sound but not complete
(`q = a or q = b` with q one of {a, b} is true, yet each test alone is unknown): `evaluate_cases`
decides a whole condition case by case, which is exact.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from pia_wizard.core.models.conditions import (
    All,
    AllItems,
    AnyItem,
    AnyOf,
    ConditionNode,
    FactRef,
    Not,
    QuestionTest,
    SumTest,
)


class Truth(enum.IntEnum):
    """Ordered so that Kleene's AND is min and OR is max."""

    FALSE = 0
    UNKNOWN = 1
    TRUE = 2

    @classmethod
    def of(cls, value: bool) -> Truth:
        return cls.TRUE if value else cls.FALSE


def k_not(value: Truth) -> Truth:
    return Truth(2 - value)


def k_and(values: Iterable[Truth]) -> Truth:
    result = Truth.TRUE
    for value in values:
        if value is Truth.FALSE:
            return Truth.FALSE
        result = min(result, value)
    return result


def k_or(values: Iterable[Truth]) -> Truth:
    result = Truth.FALSE
    for value in values:
        if value is Truth.TRUE:
            return Truth.TRUE
        result = max(result, value)
    return result


class _State(enum.Enum):
    UNKNOWN = "unknown"  # answered "unknown / not disclosed"
    UNANSWERED = "unanswered"  # absent, or hidden by a show_if


UNKNOWN = _State.UNKNOWN
UNANSWERED = _State.UNANSWERED


@dataclass(frozen=True)
class Known:
    value: Any


@dataclass(frozen=True)
class Span:
    """Some value from `low` to `high`, both included, not known which (numbers may be infinite)."""

    low: Any
    high: Any


@dataclass(frozen=True)
class Possible:
    """One of `values`, not known which (at least two)."""

    values: tuple[Any, ...]


AnswerState = Known | _State


class AnswerSource(Protocol):
    """What the evaluator needs: answer states (hidden questions already count as unanswered)."""

    def state(self, question_id: str, item: Mapping[str, Any] | None = None) -> AnswerState: ...

    def items(self, group_id: str) -> AnswerState: ...  # Known(tuple of item scopes) when answered


FactLookup = Callable[[str], Truth]


def _no_facts(fact_id: str) -> Truth:
    raise KeyError(f"derived fact '{fact_id}' is not available here")


def evaluate(
    node: ConditionNode,
    answers: AnswerSource,
    facts: FactLookup = _no_facts,
    item: Mapping[str, Any] | None = None,
) -> Truth:
    """The truth of a condition; `item` is the scope of one group item inside any_item / all_items."""
    if isinstance(node, QuestionTest):
        return _question_test(node, answers.state(node.question, item))
    if isinstance(node, All):
        return k_and(evaluate(member, answers, facts, item) for member in node.all)
    if isinstance(node, AnyOf):
        return k_or(evaluate(member, answers, facts, item) for member in node.any)
    if isinstance(node, Not):
        return k_not(evaluate(node.not_, answers, facts, item))
    if isinstance(node, FactRef):
        return facts(node.fact)
    if isinstance(node, AnyItem | AllItems):
        group = node.any_item if isinstance(node, AnyItem) else node.all_items
        state = answers.items(group)
        if not isinstance(state, Known):
            return Truth.UNKNOWN
        results = (evaluate(node.where, answers, facts, scope) for scope in state.value)
        return k_or(results) if isinstance(node, AnyItem) else k_and(results)
    if isinstance(node, SumTest):
        total = group_sum(answers, node.sum.group, node.sum.question)
        if total is None:
            return Truth.UNKNOWN
        return _compare(node.operator, total, getattr(node, node.operator))
    raise TypeError(f"not a condition: {node!r}")  # pragma: no cover - the parser admits no other


def group_sum(answers: AnswerSource, group: str, question: str) -> float | Span | None:
    """The sum of a number over a group's items; None (unknown) if any term is unknown.

    Ranges add up bound by bound: the sum of 10–20 and 5 is 15–25."""
    state = answers.items(group)
    if not isinstance(state, Known):
        return None
    low = high = 0.0
    for scope in state.value:
        term = answers.state(question, scope)
        if not isinstance(term, Known):
            return None
        value = term.value
        low += value.low if isinstance(value, Span) else value
        high += value.high if isinstance(value, Span) else value
    return low if low == high else Span(low, high)


def _compare(op: str, left: Any, right: Any) -> Truth:
    """`left op right`; for a span, true (false) only when every value in it makes it so."""
    if isinstance(left, Span):
        low, high = left.low, left.high
        if op == "gt":
            return _span_truth(low > right, high <= right)
        if op == "ge":
            return _span_truth(low >= right, high < right)
        if op == "lt":
            return _span_truth(high < right, low >= right)
        return _span_truth(high <= right, low > right)
    if op == "gt":
        return Truth.of(left > right)
    if op == "ge":
        return Truth.of(left >= right)
    if op == "lt":
        return Truth.of(left < right)
    return Truth.of(left <= right)


def _span_truth(all_true: bool, all_false: bool) -> Truth:
    return Truth.TRUE if all_true else Truth.FALSE if all_false else Truth.UNKNOWN


def all_of(truths: Iterable[Truth]) -> Truth:
    """True (false) when true (false) in every case; else unknown."""
    seen = set(truths)
    return seen.pop() if len(seen) == 1 else Truth.UNKNOWN


def _question_test(node: QuestionTest, state: AnswerState) -> Truth:
    op = node.operator
    if op == "is_unknown":
        return Truth.of((state is UNKNOWN) == node.is_unknown)
    if op == "answered":
        return Truth.of((state is not UNANSWERED) == node.answered)
    if not isinstance(state, Known):
        return Truth.UNKNOWN
    value = state.value
    if isinstance(value, Possible):
        return all_of(_question_test(node, Known(each)) for each in value.values)
    operand = node.operand(op)
    if isinstance(value, Span) and op in ("equals", "in"):
        options = (operand,) if op == "equals" else tuple(operand)
        inside = [o for o in options if _within(o, value)]
        if not inside:
            return Truth.FALSE
        return Truth.TRUE if value.low == value.high else Truth.UNKNOWN
    if op == "equals":
        return Truth.of(_same(value, operand))
    if op == "in":
        return Truth.of(any(_same(value, option) for option in operand))
    if op == "includes_any":
        return Truth.of(bool(set(value) & set(operand)))
    if op == "includes_all":
        return Truth.of(set(operand) <= set(value))
    probe = value.low if isinstance(value, Span) else value
    if isinstance(probe, dt.date) != isinstance(operand, dt.date):
        return Truth.UNKNOWN  # the loader prevents this; never guess
    return _compare(op, value, operand)


def _same(value: Any, operand: Any) -> bool:
    """Equality that keeps booleans apart from numbers (in Python, True == 1)."""
    if isinstance(value, bool) or isinstance(operand, bool):
        return isinstance(value, bool) and isinstance(operand, bool) and value == operand
    return bool(value == operand)


def _within(option: Any, span: Span) -> bool:
    if isinstance(option, bool) or isinstance(option, dt.date) != isinstance(span.low, dt.date):
        return False
    if not isinstance(option, int | float | dt.date):
        return False
    return bool(span.low <= option <= span.high)
