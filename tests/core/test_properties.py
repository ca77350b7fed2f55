"""Properties over random answers and random conditions (hypothesis, bounded, derandomized)."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from helpers import MINI
from hypothesis import given
from hypothesis import strategies as st

from pia_wizard.core.load.loading import load_questionnaire
from pia_wizard.core.models.assessment import Answer
from pia_wizard.core.models.conditions import All, AnyOf, Not, QuestionTest
from pia_wizard.core.rules.logic import Truth, evaluate
from pia_wizard.core.rules.visibility import AnswerView

COMPILED = load_questionnaire(MINI)
# Section s_a has no show_if, so refining an answer there never hides anything.
VALUES: dict[str, st.SearchStrategy[Any]] = {
    "q_choice": st.sampled_from(["a", "b"]),
    "q_multi": st.lists(st.sampled_from(["red", "blue"]), unique=True).map(tuple),
    "q_yes": st.booleans(),
    "q_num": st.integers(0, 1000),
}
LEAVES = st.one_of(
    st.builds(lambda v: QuestionTest(question="q_choice", equals=v), st.sampled_from(["a", "b"])),
    st.builds(
        lambda v: QuestionTest(question="q_multi", includes_any=(v,)), st.sampled_from(["red", "blue"])
    ),
    st.builds(lambda v: QuestionTest(question="q_yes", equals=v), st.booleans()),
    st.builds(lambda v: QuestionTest(question="q_num", ge=v), st.integers(0, 1000)),
)
CONDITIONS = st.recursive(
    LEAVES,
    lambda inner: st.one_of(
        st.builds(lambda c: Not.model_validate({"not": c}), inner),
        st.builds(lambda cs: All(all=tuple(cs)), st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda cs: AnyOf(any=tuple(cs)), st.lists(inner, min_size=1, max_size=3)),
    ),
    max_leaves=8,
)
STATES = st.fixed_dictionaries(
    {qid: st.one_of(st.none(), st.just("UNKNOWN"), strategy) for qid, strategy in VALUES.items()}
)


def answers_of(states: dict[str, Any]) -> MappingProxyType:
    built = {}
    for qid, value in states.items():
        if value == "UNKNOWN":
            built[qid] = Answer(unknown=True)
        elif value is not None:
            built[qid] = Answer.model_validate({"value": value})
    return MappingProxyType(built)


@given(condition=CONDITIONS, states=STATES, data=st.data())
def test_learning_an_unknown_never_flips_a_definite_result(condition, states, data) -> None:
    """Kleene logic is monotone: a true or false result stays when an unknown becomes known."""
    before = evaluate(condition, AnswerView(COMPILED, answers_of(states)))
    unknowns = [qid for qid, value in states.items() if value in (None, "UNKNOWN")]
    if not unknowns:
        return
    refined = dict(states)
    for qid in unknowns:
        refined[qid] = data.draw(VALUES[qid])
    after = evaluate(condition, AnswerView(COMPILED, answers_of(refined)))
    assert after is not Truth.UNKNOWN  # everything known: a definite answer
    if before is not Truth.UNKNOWN:
        assert after is before


@given(states=STATES, b1=st.one_of(st.none(), st.booleans()), b2=st.one_of(st.none(), st.booleans()))
def test_visibility_is_total_and_consistent(states, b1, b2) -> None:
    answers = dict(answers_of(states))
    if b1 is not None:
        answers["q_b1"] = Answer(value=b1)
    if b2 is not None:
        answers["q_b2"] = Answer(value=b2)
    view = AnswerView(COMPILED, MappingProxyType(answers))
    for section_id in COMPILED.sections:
        view.section_visible(section_id)
    for question_id, entry in COMPILED.entries.items():
        visible = view.question_visible(question_id)
        if not view.section_visible(entry.section.id):
            assert not visible  # a hidden section hides all its questions
    # s_b is hidden exactly when q_choice is known and not "b".
    assert view.section_visible("s_b") is (states["q_choice"] in (None, "UNKNOWN", "b"))
