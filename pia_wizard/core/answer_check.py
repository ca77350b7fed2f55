"""Check an assessment's answers against the questionnaire they answer.

pydantic checks the shape of the file; only the questionnaire knows that `q_operator` is a single
choice whose values are `police`, `council`, …, that a number has bounds, or which questions a
repeatable group holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from pia_wizard.core.compiled import CompiledQuestionnaire
from pia_wizard.core.documents import Path_
from pia_wizard.core.models.assessment import Answer, Assessment
from pia_wizard.core.models.questionnaire import (
    AnyQuestion,
    GroupQuestion,
    NumberQuestion,
    TextQuestion,
)

Issue = tuple[Path_, str]


def check_assessment(compiled: CompiledQuestionnaire, assessment: Assessment) -> list[Issue]:
    """Every mismatch between the answers and the questionnaire, as (path in the file, message)."""
    issues: list[Issue] = []
    for question_id, answer in assessment.answers.items():
        path: Path_ = ("answers", question_id)
        entry = compiled.entries.get(question_id)
        if entry is None:
            issues.append((path, f"no question '{question_id}' in questionnaire '{compiled.id}'"))
            continue
        if entry.group is not None:
            issues.append(
                (path, f"'{question_id}' is asked per item of group '{entry.group.id}', not on its own")
            )
            continue
        issues.extend(check_answer(compiled, entry.question, answer, path))
        issues.extend(_evidence_issues(assessment, answer, path))
        if isinstance(entry.question, GroupQuestion) and isinstance(answer.value, tuple):
            for index, item in enumerate(answer.value):
                if isinstance(item, Mapping):
                    for item_answer_id, item_answer in item.items():
                        item_path = (*path, "value", index, item_answer_id)
                        issues.extend(_evidence_issues(assessment, item_answer, item_path))
    return issues


def value_issue(compiled: CompiledQuestionnaire, question: AnyQuestion, value: Any) -> str | None:
    """Why `value` cannot answer `question`, or None when it can. Used by loading and by edits."""
    qtype = question.type
    if qtype == "single_choice":
        choices = [c.value for c in compiled.entries[question.id].choices]
        if not isinstance(value, str) or value not in choices:
            return f"{value!r} is not a choice of '{question.id}' (choices: {', '.join(choices)})"
    elif qtype == "multiple_choice":
        choices = [c.value for c in compiled.entries[question.id].choices]
        if not isinstance(value, tuple | list) or not all(isinstance(v, str) for v in value):
            return f"'{question.id}' takes a list of choices"
        wrong = [v for v in value if v not in choices]
        if wrong:
            listed = ", ".join(map(repr, wrong))
            return f"{listed} not a choice of '{question.id}' (choices: {', '.join(choices)})"
        if len(set(value)) != len(value):
            return "a choice is listed twice"
    elif qtype == "yes_no":
        if not isinstance(value, bool):
            return f"'{question.id}' takes true or false, not {value!r}"
    elif qtype == "number":
        return _number_issue(question, value)  # type: ignore[arg-type]
    elif qtype == "text":
        if not isinstance(value, str) or not isinstance(question, TextQuestion):
            return f"'{question.id}' takes text, not {value!r}"
        if len(value) > question.max_length:
            return f"text longer than {question.max_length} characters"
    elif qtype == "date":
        if not isinstance(value, str):
            return f"'{question.id}' takes a date (YYYY-MM-DD), not {value!r}"
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return f"{value!r} is not a date in the form YYYY-MM-DD"
        if len(value) != 10:
            return f"{value!r} is not a date in the form YYYY-MM-DD"
    elif qtype == "group":
        if not isinstance(value, tuple) or not isinstance(question, GroupQuestion):
            return f"'{question.id}' takes a list of items"
        if len(value) > question.max_items:
            return f"more than {question.max_items} items"
    return None


def _number_issue(question: NumberQuestion, value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"'{question.id}' takes a number, not {value!r}"
    if question.integer and float(value) != int(value):
        return f"'{question.id}' takes a whole number, not {value}"
    if question.minimum is not None and value < question.minimum:
        return f"{value} is below the minimum {question.minimum:g}"
    if question.maximum is not None and value > question.maximum:
        return f"{value} is above the maximum {question.maximum:g}"
    return None


def check_answer(
    compiled: CompiledQuestionnaire, question: AnyQuestion, answer: Answer, path: Path_
) -> Iterator[Issue]:
    if answer.value is None:
        return
    issue = value_issue(compiled, question, answer.value)
    if issue is not None:
        yield (*path, "value"), issue
        return
    if isinstance(question, GroupQuestion):
        items = {item.id: item for item in question.items}
        for index, item in enumerate(answer.value):  # type: ignore[union-attr]
            if not isinstance(item, Mapping):
                yield (*path, "value", index), "each item is a map of question id to answer"
                continue
            for item_question_id, item_answer in item.items():
                item_path = (*path, "value", index, item_question_id)
                if item_question_id not in items:
                    yield item_path, f"no question '{item_question_id}' in group '{question.id}'"
                else:
                    yield from check_answer(compiled, items[item_question_id], item_answer, item_path)


def _evidence_issues(assessment: Assessment, answer: Answer, path: Path_) -> Iterator[Issue]:
    for index, evidence in enumerate(answer.evidence):
        if evidence.attachment is not None and evidence.attachment not in assessment.attachments:
            yield (
                (*path, "evidence", index, "attachment"),
                f"no attachment '{evidence.attachment}' in this file",
            )
