"""Type-check a condition against a questionnaire when the file loads.

An unknown question id, a value that is not one of the question's choices, `equals` on a
multiple-choice question, a comparison on text, or an item question used outside its group are load
errors: a rule that silently never fires is the worst kind of bug in this product.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pia_wizard.core.files.documents import Path_
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

# Where a question lives, as the checker needs it: its type, its choices, and its group if any.


@dataclass(frozen=True)
class QuestionFacts:
    id: str
    type: str
    choices: frozenset[str]
    group: str | None


@dataclass(frozen=True)
class Scope:
    """What a condition may refer to: the questions, the group it sits in, and derived facts."""

    questions: dict[str, QuestionFacts]
    group: str | None = None
    facts: frozenset[str] | None = None  # None: facts are not available here (questionnaires)

    def inside(self, group: str) -> Scope:
        return Scope(self.questions, group, self.facts)


Issue = tuple[Path_, str]


def check_condition(node: ConditionNode, scope: Scope, path: Path_) -> Iterator[Issue]:
    """Yield (path in the file, message) for every problem in the condition."""
    if isinstance(node, Not):
        yield from check_condition(node.not_, scope, (*path, "not"))
    elif isinstance(node, All | AnyOf):
        key = "all" if isinstance(node, All) else "any"
        members = node.all if isinstance(node, All) else node.any
        for index, member in enumerate(members):
            yield from check_condition(member, scope, (*path, key, index))
    elif isinstance(node, FactRef):
        if scope.facts is None:
            yield (*path, "fact"), "derived facts can be used only in rulebooks"
        elif node.fact not in scope.facts:
            yield (*path, "fact"), f"unknown derived fact '{node.fact}'"
    elif isinstance(node, AnyItem | AllItems):
        key = "any_item" if isinstance(node, AnyItem) else "all_items"
        group_id = node.any_item if isinstance(node, AnyItem) else node.all_items
        group = scope.questions.get(group_id)
        if group is None:
            yield (*path, key), f"unknown question '{group_id}'"
        elif group.type != "group":
            yield (*path, key), f"'{group_id}' is a {_kind(group)}, not a repeatable group"
        else:
            yield from check_condition(node.where, scope.inside(group_id), (*path, "where"))
    elif isinstance(node, SumTest):
        yield from _check_sum(node, scope, path)
    elif isinstance(node, QuestionTest):
        yield from _check_question_test(node, scope, path)


def _kind(question: QuestionFacts) -> str:
    return question.type.replace("_", " ") + " question"


def _check_sum(node: SumTest, scope: Scope, path: Path_) -> Iterator[Issue]:
    group = scope.questions.get(node.sum.group)
    item = scope.questions.get(node.sum.question)
    if group is None or group.type != "group":
        yield (*path, "sum", "group"), f"'{node.sum.group}' is not a repeatable group"
        return
    if item is None or item.group != node.sum.group:
        yield (
            (*path, "sum", "question"),
            f"'{node.sum.question}' is not a question of group '{node.sum.group}'",
        )
    elif item.type != "number":
        yield (*path, "sum", "question"), f"can only add up numbers; '{item.id}' is a {_kind(item)}"


def _resolve(node: QuestionTest, scope: Scope, path: Path_) -> tuple[QuestionFacts | None, list[Issue]]:
    question = scope.questions.get(node.question)
    where = (*path, "question")
    if question is None:
        return None, [(where, f"unknown question '{node.question}'")]
    if question.group is not None and question.group != scope.group:
        return None, [
            (
                where,
                f"'{question.id}' belongs to the repeatable group '{question.group}': "
                f"test it inside {{any_item: {question.group}, where: …}} or all_items",
            )
        ]
    return question, []


_IS_NUMBER: Callable[[object], bool] = lambda v: isinstance(v, int | float) and not isinstance(v, bool)  # noqa: E731
_VALUE_TESTS: dict[str, tuple[Callable[[object], bool], str]] = {
    "yes_no": (lambda v: isinstance(v, bool), "true or false"),
    "number": (_IS_NUMBER, "a number"),
    "date": (lambda v: isinstance(v, dt.date), "a date (YYYY-MM-DD)"),
    "text": (lambda v: isinstance(v, str), "a text"),
}


def _check_question_test(node: QuestionTest, scope: Scope, path: Path_) -> Iterator[Issue]:
    question, issues = _resolve(node, scope, path)
    yield from issues
    if question is None:
        return
    op = node.operator
    where = (*path, op)
    operand = node.operand(op)
    if op in ("is_unknown", "answered"):
        return
    qtype = question.type
    if qtype == "group":
        yield where, f"'{question.id}' is a repeatable group: use any_item, all_items or sum, not {op}"
        return
    if qtype == "multiple_choice" and op in ("equals", "in"):
        yield (
            where,
            (
                f"'{op}' cannot test the multiple-choice question '{question.id}': "
                "use includes_any or includes_all"
            ),
        )
        return
    if op in ("includes_any", "includes_all") and qtype != "multiple_choice":
        yield where, f"'{op}' works only on multiple-choice questions; '{question.id}' is a {_kind(question)}"
        return
    if op in ("gt", "ge", "lt", "le") and qtype not in ("number", "date"):
        yield where, f"'{op}' compares numbers or dates; '{question.id}' is a {_kind(question)}"
        return
    values = operand if isinstance(operand, tuple) else (operand,)
    if qtype in ("single_choice", "multiple_choice"):
        for index, value in enumerate(values):
            spot = (*where, index) if isinstance(operand, tuple) else where
            if not isinstance(value, str) or value not in question.choices:
                yield (
                    spot,
                    (
                        f"{value!r} is not a choice of question '{question.id}' "
                        f"(choices: {', '.join(sorted(question.choices))})"
                    ),
                )
        return
    test, expected = _VALUE_TESTS[qtype]
    for index, value in enumerate(values):
        if not test(value) or (qtype == "date" and isinstance(value, dt.datetime)):
            spot = (*where, index) if isinstance(operand, tuple) else where
            yield (
                spot,
                f"question '{question.id}' is a {_kind(question)}: expected {expected}, found {value!r}",
            )


def referenced_questions(node: ConditionNode) -> Iterator[str]:
    """Every question id a condition reads (groups included), for dependency graphs."""
    if isinstance(node, QuestionTest):
        yield node.question
    elif isinstance(node, SumTest):
        yield node.sum.group
        yield node.sum.question
    elif isinstance(node, AnyItem):
        yield node.any_item
        yield from referenced_questions(node.where)
    elif isinstance(node, AllItems):
        yield node.all_items
        yield from referenced_questions(node.where)
    elif isinstance(node, Not):
        yield from referenced_questions(node.not_)
    elif isinstance(node, All | AnyOf):
        for member in node.all if isinstance(node, All) else node.any:
            yield from referenced_questions(member)


def referenced_facts(node: ConditionNode) -> Iterator[str]:
    if isinstance(node, FactRef):
        yield node.fact
    elif isinstance(node, Not):
        yield from referenced_facts(node.not_)
    elif isinstance(node, All | AnyOf):
        for member in node.all if isinstance(node, All) else node.any:
            yield from referenced_facts(member)
    elif isinstance(node, AnyItem | AllItems):
        yield from referenced_facts(node.where)
