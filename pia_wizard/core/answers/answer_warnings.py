"""Answers that load but are not used, said as warnings.

An answer to a question that earlier answers hide (a characteristics list kept after "categorise" was
unticked) stays in the file, so that changing the earlier answer back brings it back; but it counts
as unanswered everywhere (visibility.py). Saying so keeps the file's author from believing it is used.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from pia_wizard.core.answers.answer_check import Issue
from pia_wizard.core.answers.uses import use_answers, use_count
from pia_wizard.core.files.documents import Path_
from pia_wizard.core.models.assessment import Answer, Assessment
from pia_wizard.core.models.base import localise
from pia_wizard.core.models.messages import SOURCE_LANGUAGE, Messages, messages
from pia_wizard.core.models.questionnaire import AnyQuestion
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.core.rules.condition_check import referenced_questions
from pia_wizard.core.rules.visibility import AnswerView


class _Words:
    """The questionnaire's labels and the warnings' own sentences, in one language."""

    def __init__(self, compiled: CompiledQuestionnaire, language: str) -> None:
        self.compiled = compiled
        self.language = language
        self.m: Messages = messages(language, "engine")

    def text(self, value: Mapping[str, str]) -> str:
        return localise(value, self.language, self.compiled.questionnaire.default_language)

    def label(self, question: AnyQuestion) -> str:
        """A question as a person knows it: its label in quotes, never its id."""
        return self.m.gettext("“%(label)s”") % {"label": self.text(question.label)}

    def ignored(self, label: str, reason: str) -> str:
        return self.m.gettext("%(label)s — kept but not used: %(reason)s") % {
            "label": label,
            "reason": reason,
        }


def hidden_answer_warnings(
    compiled: CompiledQuestionnaire, assessment: Assessment, language: str = SOURCE_LANGUAGE
) -> list[Issue]:
    """Each given answer whose question is hidden, with why, as (path in the file, message).

    With several uses, a use's own answers are judged on that use's answers (the message names the
    use), and a shared answer is unused only when every use hides it."""
    words = _Words(compiled, language)
    views = [AnswerView(compiled, use_answers(compiled, assessment, i)) for i in range(use_count(assessment))]
    warnings = list(_hidden(words, views, assessment.answers, ("answers",)))
    for_use = words.m.gettext("%(message)s (for the use “%(use)s”)")
    for index, use in enumerate(assessment.uses):
        for path, message in _hidden(words, [views[index + 1]], use.answers, ("uses", index, "answers")):
            warnings.append((path, for_use % {"message": message, "use": use.name.strip()}))
    return warnings


def _hidden(
    words: _Words, views: list[AnswerView], answers: Mapping[str, Answer], at: Path_
) -> Iterator[Issue]:
    compiled = words.compiled
    for question_id, answer in answers.items():
        entry = compiled.entries.get(question_id)
        if entry is None or entry.group is not None:
            continue  # refused by the answer check
        path: Path_ = (*at, question_id)
        seen_by = views[:1] if question_id in compiled.per_use else views
        showing = [view for view in seen_by if view.question_visible(question_id)]
        if not showing:
            if answer.answered:
                label = words.label(entry.question)
                yield path, words.ignored(label, _why_hidden(words, views[0], question_id))
            continue
        if entry.question.type == "group" and isinstance(answer.value, tuple):
            yield from _hidden_items(words, showing[0], answer, path)
        yield from _evidence_for_unchosen(words, answer, path)


def _evidence_for_unchosen(words: _Words, answer: Answer, path: Path_) -> Iterator[Issue]:
    """A document said to show an option that is no longer chosen: kept, but it counts for nothing."""
    chosen = answer.value if isinstance(answer.value, tuple) else ()
    labels = {c.value: c.label for c in words.compiled.entries[path[-1]].choices}
    m = words.m
    for index, evidence in enumerate(answer.evidence):
        stale = [v for v in evidence.choices if v in labels and v not in chosen]
        if stale and answer.value is not None:
            names = ", ".join(m.gettext("“%(label)s”") % {"label": words.text(labels[v])} for v in stale)
            yield (
                (*path, "evidence", index, "choices"),
                m.gettext(
                    "the document “%(title)s” is said to show %(choices)s, which is not chosen — "
                    "kept but not used"
                )
                % {"title": evidence.title, "choices": names},
            )


def _hidden_items(words: _Words, view: AnswerView, answer: Answer, path: Path_) -> Iterator[Issue]:
    compiled = words.compiled
    for index, item in enumerate(answer.value or ()):  # type: ignore[arg-type]
        if not isinstance(item, Mapping):
            continue
        for item_question_id, item_answer in item.items():
            entry = compiled.entries.get(item_question_id)
            if entry is None or not item_answer.answered:
                continue
            if not view.item_question_visible(item_question_id, item):
                label = words.m.gettext("%(label)s (item %(number)d)") % {
                    "label": words.label(entry.question),
                    "number": index + 1,
                }
                reason = _depends_on(words, item_question_id)
                yield (*path, "value", index, item_question_id), words.ignored(label, reason)


def _why_hidden(words: _Words, view: AnswerView, question_id: str) -> str:
    section = words.compiled.entries[question_id].section
    if not view.section_visible(section.id):
        title = words.text(section.title)
        reason = words.text(section.skipped_reason) if section.skipped_reason else ""
        if reason:
            return words.m.gettext("the section “%(title)s” is skipped (%(reason)s)") % {
                "title": title,
                "reason": reason,
            }
        return words.m.gettext("the section “%(title)s” is skipped because of earlier answers") % {
            "title": title
        }
    return _depends_on(words, question_id)


def _depends_on(words: _Words, question_id: str) -> str:
    compiled, m = words.compiled, words.m
    question = compiled.entries[question_id].question
    read = {
        q: None
        for condition in (question.follows, question.show_if)
        if condition is not None
        for q in referenced_questions(condition)
    }
    labels = [words.label(compiled.entries[q].question) for q in read if q in compiled.entries]
    if not labels:
        return m.gettext("it is not asked with the answers given to earlier answers")
    given = m.gettext(" and ").join(labels)
    return m.gettext("it is not asked with the answers given to %(questions)s") % {"questions": given}
