"""Follow-ups appear only when earlier answers make them matter (issue 13).

A question about something an earlier answer says exists or happened ("Has anyone found the DPIA
inadequate?" after "Was a DPIA done?") must wait while that answer is Unknown or unanswered. The walk
below goes over every condition that decides whether a question is shown: each `follows` is checked
on the real visibility code, and each `show_if` that shows its question while an answer it reads is
unknown must be one of the justified exceptions listed here, with its reason.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

import pytest
from helpers import ROOT

from pia_wizard.core.load.loading import load_questionnaire
from pia_wizard.core.models.assessment import Answer
from pia_wizard.core.rules.condition_check import referenced_questions
from pia_wizard.core.rules.logic import Truth, evaluate
from pia_wizard.core.rules.visibility import AnswerView

COMPILED = load_questionnaire(ROOT / "questionnaires" / "biometric-deployment.yaml")

EXCLUDES_POLICE = (
    "asked unless the operator is known to be the police or to work for them: the condition leaves a "
    "question out, it does not follow up; while the operator is unknown the answer can decide a verdict"
)
# Questions shown while an answer their `show_if` reads is unknown or unanswered, each with its reason.
JUSTIFIED: dict[str, str] = {
    "q273": "asked unless consent is known to be the legal ground (then the legal-basis section asks "
    "the same); it already follows 'must a person do anything for the match?'",
    "q402": "the total of people passing is asked while no site gives its own number: the condition is "
    "about an answer's absence, not a follow-up",
    "q403": "the total of cameras is asked while no site gives its own number: the condition is about "
    "an answer's absence, not a follow-up",
    "q707": EXCLUDES_POLICE,
    "q730": EXCLUDES_POLICE,
    "q790": EXCLUDES_POLICE,
}


def view_of(values: Mapping[str, Any]) -> AnswerView:
    answers = {q: Answer(unknown=True) if v is UNKNOWN_ANSWER else Answer(value=v) for q, v in values.items()}
    return AnswerView(COMPILED, MappingProxyType(answers))


UNKNOWN_ANSWER = object()


def candidates(question_id: str) -> Iterator[Any]:
    """Values worth trying for a question a condition reads."""
    entry = COMPILED.entries[question_id]
    kind = entry.question.type
    if kind == "yes_no":
        yield from (True, False)
    elif kind == "single_choice":
        yield from (c.value for c in entry.choices)
    elif kind == "multiple_choice":
        yield from ((c.value,) for c in entry.choices)
    elif kind == "number":
        yield from (0, 1_000_000_000)


def opening(question_id: str) -> dict[str, Any] | None:
    """Answers that show a follow-up, each of them needed: the answers that show what it follows (when
    that is a follow-up too), then values tried one question at a time (one that makes `follows`
    true first, else one that leaves it open), then every answer it does not need dropped."""
    question = COMPILED.question(question_id)
    assert question.follows is not None
    parents = list(dict.fromkeys(referenced_questions(question.follows)))
    chosen: dict[str, Any] = {}
    for parent in parents:
        if COMPILED.question(parent).follows is not None:
            chosen.update(opening(parent) or {})
    rank = {Truth.TRUE: 2, Truth.UNKNOWN: 1, Truth.FALSE: 0}
    for parent in parents:
        tried = [{**chosen, parent: value} for value in candidates(parent)]
        best = max(tried, key=lambda t: rank[evaluate(question.follows, view_of(t))], default=chosen)
        if evaluate(question.follows, view_of(best)) is not Truth.FALSE:
            chosen = best
    if not view_of(chosen).question_visible(question_id):
        return None
    for answered in list(chosen):
        fewer = {q: v for q, v in chosen.items() if q != answered}
        if view_of(fewer).question_visible(question_id):
            chosen = fewer
    return chosen


FOLLOW_UPS = [q for q, e in COMPILED.entries.items() if e.question.follows is not None]


def test_the_questionnaire_has_follow_ups() -> None:
    assert "q1230" in FOLLOW_UPS
    assert len(FOLLOW_UPS) > 50


@pytest.mark.parametrize("question_id", FOLLOW_UPS)
def test_a_follow_up_waits_for_each_answer_it_follows(question_id: str) -> None:
    answers = opening(question_id)
    assert answers is not None, f"{question_id} can never be shown"
    assert view_of(answers).question_visible(question_id)
    assert not view_of({}).question_visible(question_id)
    for parent in answers:
        unknown = {**answers, parent: UNKNOWN_ANSWER}
        missing = {q: v for q, v in answers.items() if q != parent}
        assert not view_of(unknown).question_visible(question_id), f"shown while {parent} is unknown"
        assert not view_of(missing).question_visible(question_id), f"shown while {parent} is unanswered"


def shown_while_unknown() -> dict[str, list[str]]:
    """Each question with a `show_if` that shows it while an answer the condition reads is unknown."""
    found: dict[str, list[str]] = {}
    for question_id in COMPILED.entries:
        question = COMPILED.question(question_id)
        if question.show_if is None:
            continue
        base = opening(question_id) if question.follows is not None else {}
        assert base is not None
        for parent in dict.fromkeys(referenced_questions(question.show_if)):
            for answers in ({**base, parent: UNKNOWN_ANSWER}, {q: v for q, v in base.items() if q != parent}):
                if view_of(answers).question_visible(question_id):
                    found.setdefault(question_id, []).append(parent)
                    break
    return found


def test_only_the_justified_questions_show_while_what_they_depend_on_is_unknown() -> None:
    found = shown_while_unknown()
    unexplained = {q: parents for q, parents in found.items() if q not in JUSTIFIED}
    assert unexplained == {}, "follow-ups shown while what they follow is unknown: use `follows`"
    assert sorted(found) == sorted(JUSTIFIED), "an exception listed here no longer applies"
    assert all(reason.strip() for reason in JUSTIFIED.values())


@pytest.mark.parametrize(
    ("dpia_done", "shown"),
    [(True, True), (False, False), (UNKNOWN_ANSWER, False), (None, False)],
    ids=["yes", "no", "unknown", "unanswered"],
)
def test_the_dpia_findings_question_waits_for_a_dpia_said_to_exist(dpia_done: Any, shown: bool) -> None:
    answers = {} if dpia_done is None else {"q1205": dpia_done}
    for follow_up in ("q1206", "q1207", "q1208", "q1209", "q1230"):
        assert view_of(answers).question_visible(follow_up) is shown


@pytest.mark.parametrize(("tried", "shown"), [(True, True), (UNKNOWN_ANSWER, False), (None, False)])
def test_trial_numbers_wait_for_was_it_tried(tried: Any, shown: bool) -> None:
    answers = {} if tried is None else {"q904": tried}
    for follow_up in ("q905", "q906", "q907", "q908"):
        assert view_of(answers).question_visible(follow_up) is shown


def test_a_follow_up_of_a_hidden_question_stays_hidden() -> None:
    # The consent follow-ups read only the legal ground; that question is hidden for the police, so an
    # answer "consent" left behind it no longer opens them.
    assert view_of({"q101": "eu", "q707": "consent"}).question_visible("q709")
    assert not view_of({"q101": "eu", "q201": "police", "q707": "consent"}).question_visible("q709")
