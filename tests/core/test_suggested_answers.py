"""What would change a verdict is only ever an answer a file may hold: the counterfactual search never
suggests "None of these" beside another choice, nor an empty list (issue 13 refuses both)."""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

import pytest

from pia_wizard.core.answers.answer_check import NONE_CHOICE, value_issue
from pia_wizard.core.evaluation.engine import Context
from pia_wizard.core.evaluation.evaluate import _index
from pia_wizard.core.evaluation.explore import alternatives
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.models.assessment import Answer
from pia_wizard.core.rules.visibility import AnswerView

LIBRARY = shipped_library()
COMPILED = LIBRARY.questionnaires["biometric-deployment"]
BOOK = next(iter(LIBRARY.rulebooks.values()))
WITH_NONE = [
    qid
    for qid, entry in COMPILED.entries.items()
    if entry.question.type == "multiple_choice"
    and entry.group is None
    and any(c.value == NONE_CHOICE for c in entry.choices)
]


def _suggestions(question_id: str, current: tuple[str, ...]) -> list[object]:
    answers = MappingProxyType({question_id: Answer(value=current)})
    ctx = Context(
        COMPILED,
        _index(BOOK),
        answers,
        dt.date(2026, 11, 23),
        None,
        {},
        shared_view=AnswerView(COMPILED, answers),
    )
    every_choice = {c.value for c in COMPILED.entries[question_id].choices}  # as if rules named each
    return alternatives(ctx, question_id, {question_id: every_choice})


@pytest.mark.parametrize("question_id", WITH_NONE)
def test_every_suggested_choice_list_is_one_a_file_may_hold(question_id: str) -> None:
    question = COMPILED.entries[question_id].question
    others = [c.value for c in COMPILED.entries[question_id].choices if c.value != NONE_CHOICE]
    for current in [(NONE_CHOICE,), (others[0],), (others[0], others[1])]:
        suggested = _suggestions(question_id, current)
        assert suggested, current
        refused = [
            (v, value_issue(COMPILED, question, v)) for v in suggested if value_issue(COMPILED, question, v)
        ]
        assert refused == [], current
    # from "some choice", the way to "none" is "none" alone
    assert (NONE_CHOICE,) in _suggestions(question_id, (others[0],))


def test_there_are_questions_with_a_none_choice() -> None:
    assert len(WITH_NONE) >= 3
