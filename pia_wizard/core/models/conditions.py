"""The condition language's syntax: small, declarative, parsed when the file loads. Never `eval`.

    {question: q_operator, equals: police}            single choice, yes/no, number, date, text
    {question: q_operator, in: [police, public]}      one of several values
    {question: q_modality, includes_any: [face, gait]}   multiple choice only
    {question: q_modality, includes_all: [face]}      multiple choice only
    {question: q_people, ge: 1000}                    gt / ge / lt / le on numbers and dates
    {question: q_x, is_unknown: true}                 answered "unknown / not disclosed"
    {question: q_x, answered: true}                   given a value or "unknown"
    {all: [C, ...]}  {any: [C, ...]}  {not: C}         Kleene logic
    {any_item: g_sites, where: C}  {all_items: g_sites, where: C}   over a repeatable group
    {sum: {group: g_sites, question: q_cameras}, ge: 10}            a group's numbers added up
    {fact: is_real_time}                              a rulebook's derived fact (rulebooks only)

Meaning (three-valued) is in `logic.py`; type checks against a questionnaire in `condition_check.py`.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from pia_wizard.core.models.base import Frozen, Id, tagged_union

Scalar = bool | int | float | dt.date | str
COMPARISONS = ("gt", "ge", "lt", "le")
QUESTION_OPERATORS = ("equals", "in", "includes_any", "includes_all", *COMPARISONS, "is_unknown", "answered")


class QuestionTest(Frozen):
    """A test of one question's answer. Exactly one operator."""

    question: Id
    equals: Scalar | None = None
    in_: tuple[Scalar, ...] | None = Field(default=None, alias="in", min_length=1)
    includes_any: tuple[str, ...] | None = Field(default=None, min_length=1)
    includes_all: tuple[str, ...] | None = Field(default=None, min_length=1)
    gt: float | dt.date | None = None
    ge: float | dt.date | None = None
    lt: float | dt.date | None = None
    le: float | dt.date | None = None
    is_unknown: bool | None = None
    answered: bool | None = None

    model_config = Frozen.model_config | {"populate_by_name": True}

    @model_validator(mode="after")
    def _one_operator(self) -> QuestionTest:
        used = [op for op in QUESTION_OPERATORS if self.operand(op) is not None]
        if len(used) != 1:
            found = ", ".join(used) or "none"
            raise ValueError(
                f"a test of question '{self.question}' needs exactly one of "
                f"{', '.join(QUESTION_OPERATORS)} (found: {found})"
            )
        return self

    def operand(self, op: str) -> Any:
        return getattr(self, "in_" if op == "in" else op)

    @functools.cached_property
    def operator(self) -> str:
        return next(op for op in QUESTION_OPERATORS if self.operand(op) is not None)


class GroupSum(Frozen):
    group: Id
    question: Id


class SumTest(Frozen):
    """Compare the sum of a number question over a repeatable group's items."""

    sum: GroupSum
    gt: float | None = None
    ge: float | None = None
    lt: float | None = None
    le: float | None = None

    @model_validator(mode="after")
    def _one_comparison(self) -> SumTest:
        used = [op for op in COMPARISONS if getattr(self, op) is not None]
        if len(used) != 1:
            raise ValueError(
                f"a sum needs exactly one of gt, ge, lt, le (found: {', '.join(used) or 'none'})"
            )
        return self

    @functools.cached_property
    def operator(self) -> str:
        return next(op for op in COMPARISONS if getattr(self, op) is not None)


class FactRef(Frozen):
    fact: Id


class Not(Frozen):
    not_: Condition = Field(alias="not")
    model_config = Frozen.model_config | {"populate_by_name": True}


class All(Frozen):
    all: tuple[Condition, ...] = Field(min_length=1)


class AnyOf(Frozen):
    any: tuple[Condition, ...] = Field(min_length=1)


class AnyItem(Frozen):
    any_item: Id
    where: Condition


class AllItems(Frozen):
    all_items: Id
    where: Condition


_KEYS: tuple[tuple[str, str], ...] = (
    ("all", "all"),
    ("any", "any"),
    ("not", "not"),
    ("fact", "fact"),
    ("any_item", "any_item"),
    ("all_items", "all_items"),
    ("sum", "sum"),
    ("question", "question"),
)


def _choose(raw: Any) -> str | None:
    if isinstance(raw, Frozen):
        return {
            All: "all",
            AnyOf: "any",
            Not: "not",
            FactRef: "fact",
            AnyItem: "any_item",
            AllItems: "all_items",
            SumTest: "sum",
            QuestionTest: "question",
        }.get(type(raw))
    if not isinstance(raw, dict):
        return None
    for key, tag in _KEYS:
        if key in raw:
            return tag
    return None


Condition = Annotated[
    tagged_union(
        _choose,
        ("all", All),
        ("any", AnyOf),
        ("not", Not),
        ("fact", FactRef),
        ("any_item", AnyItem),
        ("all_items", AllItems),
        ("sum", SumTest),
        ("question", QuestionTest),
        what="condition",
    ),
    Field(description="A condition over answers; see docs/file-formats.md"),
]

# The recursive models refer to Condition by name; pydantic resolves it from this module when a
# validator is first needed (defer_build), so importing this module builds nothing: the window,
# starting from the cached library, never validates a condition.

ConditionNode = QuestionTest | SumTest | FactRef | Not | All | AnyOf | AnyItem | AllItems
Kind = Literal["question", "sum", "fact", "not", "all", "any", "any_item", "all_items"]


def children(node: ConditionNode) -> tuple[ConditionNode, ...]:
    """Direct sub-conditions, for walkers."""
    if isinstance(node, Not):
        return (node.not_,)
    if isinstance(node, All):
        return node.all
    if isinstance(node, AnyOf):
        return node.any
    if isinstance(node, AnyItem | AllItems):
        return (node.where,)
    return ()
