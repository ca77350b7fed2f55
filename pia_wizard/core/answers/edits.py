"""Every change to an assessment is a function that returns a new assessment.

Loaded models cannot be changed in place, so each edit is checked here (against the questionnaire
where a value is involved) and the old value stays intact — which is what undo needs.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from pia_wizard.core.answers.answer_check import value_issue
from pia_wizard.core.models.assessment import (
    Answer,
    Assessment,
    Attachment,
    Evidence,
    Metadata,
    Note,
    parse_partial,
)
from pia_wizard.core.models.questionnaire import AnyQuestion, GroupQuestion
from pia_wizard.core.rules.compiled import CompiledQuestionnaire


class EditError(ValueError):
    """An edit that the questionnaire does not allow (wrong type, not a choice, out of bounds)."""


def _normalise(value: Any) -> Any:
    if isinstance(value, dict):  # a range, "no limit" or "one of", written as in the file
        try:
            return parse_partial(value)
        except ValueError as exc:
            raise EditError(str(exc)) from None
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def _checked(compiled: CompiledQuestionnaire, question: AnyQuestion, value: Any) -> Any:
    value = _normalise(value)
    issue = value_issue(compiled, question, value)
    if issue is not None:
        raise EditError(issue)
    return value


def _with_answer(assessment: Assessment, question_id: str, answer: Answer | None) -> Assessment:
    answers = dict(assessment.answers)
    if answer is None or answer == Answer():
        answers.pop(question_id, None)
    else:
        answers[question_id] = answer
    return assessment.model_copy(update={"answers": MappingProxyType(answers)})


def _answer(assessment: Assessment, question_id: str) -> Answer:
    return assessment.answers.get(question_id) or Answer()


def _top_level(compiled: CompiledQuestionnaire, question_id: str) -> AnyQuestion:
    entry = compiled.entries.get(question_id)
    if entry is None:
        raise EditError(f"no question '{question_id}'")
    if entry.group is not None:
        raise EditError(f"'{question_id}' is asked per item of group '{entry.group.id}'")
    return entry.question


def set_value(
    compiled: CompiledQuestionnaire, assessment: Assessment, question_id: str, value: Any
) -> Assessment:
    """Answer a question with a value (clears "unknown"); notes and evidence stay."""
    question = _top_level(compiled, question_id)
    if isinstance(question, GroupQuestion):
        raise EditError("edit a group through add_item / set_item_value / remove_item")
    checked = _checked(compiled, question, value)
    answer = _answer(assessment, question_id).model_copy(update={"value": checked, "unknown": False})
    return _with_answer(assessment, question_id, answer)


def set_unknown(compiled: CompiledQuestionnaire, assessment: Assessment, question_id: str) -> Assessment:
    """Answer "Unknown / not disclosed" (an honest answer, reported as an information gap)."""
    _top_level(compiled, question_id)
    answer = _answer(assessment, question_id).model_copy(update={"value": None, "unknown": True})
    return _with_answer(assessment, question_id, answer)


def clear_answer(compiled: CompiledQuestionnaire, assessment: Assessment, question_id: str) -> Assessment:
    """Back to unanswered; a note or evidence already given is kept."""
    _top_level(compiled, question_id)
    answer = _answer(assessment, question_id).model_copy(update={"value": None, "unknown": False})
    return _with_answer(assessment, question_id, answer)


def set_status(assessment: Assessment, question_id: str, status: str) -> Assessment:
    answer = Answer.model_validate({**_answer(assessment, question_id).model_dump(), "status": status})
    return _with_answer(assessment, question_id, answer)


def set_note(assessment: Assessment, question_id: str, text: str, *, private: bool = False) -> Assessment:
    """Set (or with empty text, remove) the note on a question."""
    note = Note.model_validate({"text": text, "private": private}) if text else None
    answer = _answer(assessment, question_id).model_copy(update={"note": note})
    return _with_answer(assessment, question_id, answer)


def add_evidence(
    assessment: Assessment, question_id: str, evidence: Evidence | Mapping[str, Any]
) -> Assessment:
    item = _evidence(assessment, evidence)
    answer = _answer(assessment, question_id)
    return _with_answer(
        assessment, question_id, answer.model_copy(update={"evidence": (*answer.evidence, item)})
    )


def replace_evidence(
    assessment: Assessment, question_id: str, index: int, evidence: Evidence | Mapping[str, Any]
) -> Assessment:
    item = _evidence(assessment, evidence)
    answer = _answer(assessment, question_id)
    if not 0 <= index < len(answer.evidence):
        raise EditError(f"no evidence item {index} on '{question_id}'")
    items = list(answer.evidence)
    items[index] = item
    return _with_answer(assessment, question_id, answer.model_copy(update={"evidence": tuple(items)}))


def remove_evidence(assessment: Assessment, question_id: str, index: int) -> Assessment:
    answer = _answer(assessment, question_id)
    if not 0 <= index < len(answer.evidence):
        raise EditError(f"no evidence item {index} on '{question_id}'")
    items = answer.evidence[:index] + answer.evidence[index + 1 :]
    return _with_answer(assessment, question_id, answer.model_copy(update={"evidence": items}))


def _evidence(assessment: Assessment, evidence: Evidence | Mapping[str, Any]) -> Evidence:
    """Validated evidence whose attached file (if any) is one of the assessment's attachments."""
    item = evidence if isinstance(evidence, Evidence) else Evidence.model_validate(dict(evidence))
    if item.attachment is not None and item.attachment not in assessment.attachments:
        raise EditError(f"no attachment '{item.attachment}' in this assessment")
    return item


def safe_attachment_name(name: str) -> str:
    """A file name an attachment may carry: no folders, drive letters or control characters, no leading
    dot ("Minutes: 3 May.pdf" becomes "Minutes_ 3 May.pdf"); never empty."""
    cleaned = "".join("_" if ch in "/\\:" or ord(ch) < 32 else ch for ch in name).lstrip(".").strip()
    return cleaned[:200] or "file"


def add_attachment(
    assessment: Assessment, file_name: str, media_type: str, content: bytes
) -> tuple[Assessment, str]:
    """Embed a file (so evidence never points at a path on someone's disk); returns its id."""
    digest = hashlib.sha256(content).hexdigest()
    attachment = Attachment.model_validate(
        {
            "file_name": file_name,
            "media_type": media_type,
            "sha256": digest,
            "data": base64.b64encode(content).decode("ascii"),
        }
    )
    attachment_id = digest[:16]
    attachments = {**assessment.attachments, attachment_id: attachment}
    return assessment.model_copy(update={"attachments": MappingProxyType(attachments)}), attachment_id


def set_metadata(assessment: Assessment, **fields: Any) -> Assessment:
    metadata = Metadata.model_validate({**assessment.metadata.model_dump(), **fields})
    return assessment.model_copy(update={"metadata": metadata})


# ------------------------------------------------------------------------------ repeatable groups


def _group(compiled: CompiledQuestionnaire, group_id: str) -> GroupQuestion:
    question = _top_level(compiled, group_id)
    if not isinstance(question, GroupQuestion):
        raise EditError(f"'{group_id}' is not a repeatable group")
    return question


def _items(assessment: Assessment, group_id: str) -> list[Mapping[str, Answer]]:
    value = _answer(assessment, group_id).value
    return list(value) if isinstance(value, tuple) else []


def _with_items(assessment: Assessment, group_id: str, items: list[Mapping[str, Answer]]) -> Assessment:
    frozen = tuple(MappingProxyType(dict(item)) for item in items)
    answer = _answer(assessment, group_id).model_copy(update={"value": frozen, "unknown": False})
    return _with_answer(assessment, group_id, answer)


def add_item(compiled: CompiledQuestionnaire, assessment: Assessment, group_id: str) -> Assessment:
    group = _group(compiled, group_id)
    items = _items(assessment, group_id)
    if len(items) >= group.max_items:
        raise EditError(f"'{group_id}' holds at most {group.max_items} items")
    return _with_items(assessment, group_id, [*items, {}])


def remove_item(
    compiled: CompiledQuestionnaire, assessment: Assessment, group_id: str, index: int
) -> Assessment:
    _group(compiled, group_id)
    items = _items(assessment, group_id)
    if not 0 <= index < len(items):
        raise EditError(f"no item {index} in '{group_id}'")
    del items[index]
    return _with_items(assessment, group_id, items)


def _update_item(
    compiled: CompiledQuestionnaire,
    assessment: Assessment,
    group_id: str,
    index: int,
    question_id: str,
    update: Any,
) -> Assessment:
    """Replace one item question's answer by `update(old_answer)`; an empty answer is removed."""
    group = _group(compiled, group_id)
    if not any(q.id == question_id for q in group.items):
        raise EditError(f"no question '{question_id}' in group '{group_id}'")
    items = _items(assessment, group_id)
    if not 0 <= index < len(items):
        raise EditError(f"no item {index} in '{group_id}'")
    item = dict(items[index])
    new = update(item.get(question_id) or Answer())
    if new == Answer():
        item.pop(question_id, None)
    else:
        item[question_id] = new
    items[index] = item
    return _with_items(assessment, group_id, items)


def set_item_value(
    compiled: CompiledQuestionnaire,
    assessment: Assessment,
    group_id: str,
    index: int,
    question_id: str,
    value: Any,
    *,
    unknown: bool = False,
) -> Assessment:
    """Answer one question of one group item; `unknown=True` marks it unknown, `value=None` clears it."""
    group = _group(compiled, group_id)
    question = next((q for q in group.items if q.id == question_id), None)
    if question is None:
        raise EditError(f"no question '{question_id}' in group '{group_id}'")
    checked = None if unknown or value is None else _checked(compiled, question, value)
    return _update_item(
        compiled,
        assessment,
        group_id,
        index,
        question_id,
        lambda old: old.model_copy(update={"value": checked, "unknown": unknown}),
    )


def set_item_note(
    compiled: CompiledQuestionnaire,
    assessment: Assessment,
    group_id: str,
    index: int,
    question_id: str,
    text: str,
    *,
    private: bool = False,
) -> Assessment:
    """Set (or with empty text, remove) the note on one question of one group item."""
    note = Note.model_validate({"text": text, "private": private}) if text else None
    return _update_item(
        compiled, assessment, group_id, index, question_id, lambda old: old.model_copy(update={"note": note})
    )


def add_item_evidence(
    compiled: CompiledQuestionnaire,
    assessment: Assessment,
    group_id: str,
    index: int,
    question_id: str,
    evidence: Evidence | Mapping[str, Any],
) -> Assessment:
    item = _evidence(assessment, evidence)
    return _update_item(
        compiled,
        assessment,
        group_id,
        index,
        question_id,
        lambda old: old.model_copy(update={"evidence": (*old.evidence, item)}),
    )


def replace_item_evidence(
    compiled: CompiledQuestionnaire,
    assessment: Assessment,
    group_id: str,
    index: int,
    question_id: str,
    position: int,
    evidence: Evidence | Mapping[str, Any],
) -> Assessment:
    item = _evidence(assessment, evidence)

    def swap(old: Answer) -> Answer:
        if not 0 <= position < len(old.evidence):
            raise EditError(f"no evidence item {position} on '{question_id}' of item {index}")
        items = list(old.evidence)
        items[position] = item
        return old.model_copy(update={"evidence": tuple(items)})

    return _update_item(compiled, assessment, group_id, index, question_id, swap)


def remove_item_evidence(
    compiled: CompiledQuestionnaire,
    assessment: Assessment,
    group_id: str,
    index: int,
    question_id: str,
    position: int,
) -> Assessment:
    def drop(old: Answer) -> Answer:
        if not 0 <= position < len(old.evidence):
            raise EditError(f"no evidence item {position} on '{question_id}' of item {index}")
        return old.model_copy(update={"evidence": old.evidence[:position] + old.evidence[position + 1 :]})

    return _update_item(compiled, assessment, group_id, index, question_id, drop)
