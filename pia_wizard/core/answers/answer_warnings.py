"""Answers that load but are not used, said as warnings.

An answer to a question that earlier answers hide (a characteristics list kept after "categorise" was
unticked) stays in the file, so that changing the earlier answer back brings it back; but it counts
as unanswered everywhere (visibility.py). Saying so keeps the file's author from believing it is used.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from pia_wizard.core.answers.answer_check import Issue, label_of
from pia_wizard.core.answers.uses import use_answers, use_count
from pia_wizard.core.files.documents import Path_
from pia_wizard.core.models.assessment import Answer, Assessment
from pia_wizard.core.models.base import localise
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.core.rules.condition_check import referenced_questions
from pia_wizard.core.rules.visibility import AnswerView

IGNORED = "kept but not used"


def hidden_answer_warnings(compiled: CompiledQuestionnaire, assessment: Assessment) -> list[Issue]:
    """Each given answer whose question is hidden, with why, as (path in the file, message).

    With several uses, a use's own answers are judged on that use's answers (the message names the
    use), and a shared answer is unused only when every use hides it."""
    views = [AnswerView(compiled, use_answers(compiled, assessment, i)) for i in range(use_count(assessment))]
    warnings = list(_hidden(compiled, views, assessment.answers, ("answers",)))
    for index, use in enumerate(assessment.uses):
        for path, message in _hidden(compiled, [views[index + 1]], use.answers, ("uses", index, "answers")):
            warnings.append((path, f"{message} (for the use “{use.name.strip()}”)"))
    return warnings


def _hidden(
    compiled: CompiledQuestionnaire, views: list[AnswerView], answers: Mapping[str, Answer], at: Path_
) -> Iterator[Issue]:
    for question_id, answer in answers.items():
        entry = compiled.entries.get(question_id)
        if entry is None or entry.group is not None:
            continue  # refused by the answer check
        path: Path_ = (*at, question_id)
        seen_by = views[:1] if question_id in compiled.per_use else views
        showing = [view for view in seen_by if view.question_visible(question_id)]
        if not showing:
            if answer.answered:
                label = label_of(compiled, entry.question)
                yield path, f"{label} — {IGNORED}: {_why_hidden(compiled, views[0], question_id)}"
            continue
        if entry.question.type == "group" and isinstance(answer.value, tuple):
            yield from _hidden_items(compiled, showing[0], answer, path)
        yield from _evidence_for_unchosen(compiled, answer, path)


def _evidence_for_unchosen(compiled: CompiledQuestionnaire, answer: Answer, path: Path_) -> Iterator[Issue]:
    """A document said to show an option that is no longer chosen: kept, but it counts for nothing."""
    chosen = answer.value if isinstance(answer.value, tuple) else ()
    labels = {c.value: c.label for c in compiled.entries[path[-1]].choices}
    language = compiled.questionnaire.default_language
    for index, evidence in enumerate(answer.evidence):
        stale = [v for v in evidence.choices if v in labels and v not in chosen]
        if stale and answer.value is not None:
            names = ", ".join(f"“{localise(labels[v], language, language)}”" for v in stale)
            yield (
                (*path, "evidence", index, "choices"),
                f"the document “{evidence.title}” is said to show {names}, which is not chosen — {IGNORED}",
            )


def _hidden_items(
    compiled: CompiledQuestionnaire, view: AnswerView, answer: Answer, path: Path_
) -> Iterator[Issue]:
    for index, item in enumerate(answer.value or ()):  # type: ignore[arg-type]
        if not isinstance(item, Mapping):
            continue
        for item_question_id, item_answer in item.items():
            entry = compiled.entries.get(item_question_id)
            if entry is None or not item_answer.answered:
                continue
            if not view.item_question_visible(item_question_id, item):
                label = f"{label_of(compiled, entry.question)} (item {index + 1})"
                reason = _depends_on(compiled, item_question_id)
                yield (*path, "value", index, item_question_id), f"{label} — {IGNORED}: {reason}"


def _why_hidden(compiled: CompiledQuestionnaire, view: AnswerView, question_id: str) -> str:
    entry = compiled.entries[question_id]
    section = entry.section
    language = compiled.questionnaire.default_language
    if not view.section_visible(section.id):
        title = localise(section.title, language, language)
        reason = localise(section.skipped_reason, language, language) if section.skipped_reason else ""
        because = f" ({reason})" if reason else " because of earlier answers"
        return f"the section “{title}” is skipped{because}"
    return _depends_on(compiled, question_id)


def _depends_on(compiled: CompiledQuestionnaire, question_id: str) -> str:
    question = compiled.entries[question_id].question
    read = {
        q: None
        for condition in (question.follows, question.show_if)
        if condition is not None
        for q in referenced_questions(condition)
    }
    labels = [label_of(compiled, compiled.entries[q].question) for q in read if q in compiled.entries]
    given = " and ".join(labels) if labels else "earlier answers"
    return f"it is not asked with the answers given to {given}"
