"""Which sections and questions are shown, and the answers as conditions see them.

A `show_if` that comes out unknown shows its part: ignorance never hides a part of the questionnaire.
A hidden question counts as unanswered in every condition downstream, so a stale answer behind a
changed choice can never fire a rule (aia-eia-js #1143 shows what happens otherwise).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pia_wizard.core.models.assessment import (
    Answer,
    Assessment,
    NoLimit,
    NumberRange,
    Possibilities,
)
from pia_wizard.core.models.questionnaire import AnyQuestion
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.core.rules.logic import UNANSWERED, UNKNOWN, AnswerState, Known, Truth, evaluate
from pia_wizard.core.rules.partial import choice_state, date_state, number_state


class AnswerView:
    """An assessment read through its questionnaire: typed values, visibility applied."""

    def __init__(self, compiled: CompiledQuestionnaire, answers: Mapping[str, Answer]) -> None:
        self.compiled = compiled
        self.answers = answers
        self._sections: dict[str, bool] = {}
        self._questions: dict[str, bool] = {}
        self._items: dict[tuple[str, int], bool] = {}
        self._states: dict[str, AnswerState] = {}  # top-level questions: asked again and again

    @classmethod
    def of(cls, compiled: CompiledQuestionnaire, assessment: Assessment) -> AnswerView:
        return cls(compiled, assessment.answers)

    # ------------------------------------------------------------------------------ visibility

    def section_visible(self, section_id: str) -> bool:
        if section_id not in self._sections:
            condition = self.compiled.sections[section_id].show_if
            self._sections[section_id] = condition is None or evaluate(condition, self) is not Truth.FALSE
        return self._sections[section_id]

    def question_visible(self, question_id: str) -> bool:
        """For an item question: whether its group is shown (each item may still hide it)."""
        if question_id not in self._questions:
            entry = self.compiled.entries[question_id]
            visible = self.section_visible(entry.section.id)
            if visible and entry.group is not None:
                visible = self.question_visible(entry.group.id)
            elif visible:
                visible = self._asked(entry.question)
            self._questions[question_id] = visible
        return self._questions[question_id]

    def item_question_visible(self, question_id: str, item: Mapping[str, Any]) -> bool:
        key = (question_id, id(item))
        if key not in self._items:
            entry = self.compiled.entries[question_id]
            visible = self.question_visible(question_id)
            visible = visible and self._asked(entry.question, item)
            self._items[key] = visible
        return self._items[key]

    def _asked(self, question: AnyQuestion, item: Mapping[str, Any] | None = None) -> bool:
        """`show_if` hides only when false; `follows` shows only when true (a follow-up waits until
        what it follows is known)."""
        if question.show_if is not None and evaluate(question.show_if, self, item=item) is Truth.FALSE:
            return False
        return question.follows is None or evaluate(question.follows, self, item=item) is Truth.TRUE

    # ------------------------------------------------------------------------------ answers

    def state(self, question_id: str, item: Mapping[str, Any] | None = None) -> AnswerState:
        if item is None:
            known = self._states.get(question_id)
            if known is None:
                known = self._states[question_id] = self._state(question_id, None)
            return known
        return self._state(question_id, item)

    def _state(self, question_id: str, item: Mapping[str, Any] | None) -> AnswerState:
        entry = self.compiled.entries[question_id]
        if entry.group is not None:
            if item is None:
                return UNANSWERED  # the checker forbids this; be safe
            if not self.item_question_visible(question_id, item):
                return UNANSWERED
            answer = item.get(question_id)
        else:
            if not self.question_visible(question_id):
                return UNANSWERED
            answer = self.answers.get(question_id)
        return _state_of(answer, entry.question)

    def items(self, group_id: str) -> AnswerState:
        if not self.question_visible(group_id):
            return UNANSWERED
        answer = self.answers.get(group_id)
        if answer is None or not answer.answered:
            return UNANSWERED
        if answer.unknown:
            return UNKNOWN
        return Known(tuple(answer.value or ()))


def _state_of(answer: Answer | None, question: AnyQuestion) -> AnswerState:
    """The typed value; a range, "no limit", a partial date or "one of these" as the engine reads it."""
    if answer is None or not answer.answered:
        return UNANSWERED
    if answer.unknown:
        return UNKNOWN
    value = answer.value
    if question.type == "date" and isinstance(value, str):
        return date_state(value)
    if question.type == "number" and isinstance(value, NumberRange | NoLimit | int | float):
        if not isinstance(value, bool):
            minimum, maximum = getattr(question, "minimum", None), getattr(question, "maximum", None)
            return number_state(value, minimum, maximum)
    if isinstance(value, Possibilities):
        return choice_state(value, question.type == "multiple_choice")
    return Known(value)
