"""Facts added for issue 13 reach a figure or a check: number plates read beside faces count as
matching datasets (WP248 criterion 6), and answers that contradict the new ones are flagged."""

from __future__ import annotations

from typing import Any

from pia_wizard.core.evaluation.figures import compute_figures, find_inconsistencies
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.rules.visibility import AnswerView

LIBRARY = shipped_library()
COMPILED = LIBRARY.questionnaires["biometric-deployment"]


def view(**answers: Any) -> AnswerView:
    assessment = Assessment.model_validate(
        {
            "schema_version": 1,
            "questionnaire": {"id": COMPILED.id, "version": COMPILED.questionnaire.version},
            "answers": {qid: {"value": value} for qid, value in answers.items()},
        }
    )
    return AnswerView.of(COMPILED, assessment)


BASE = {"q101": "eu", "q201": "police", "q222": ["fixed_cameras"], "q202": ["verify"], "q1012": False}


def matching_met(**answers: Any) -> bool:
    dpia = compute_figures(COMPILED, view(**{**BASE, **answers})).dpia
    assert dpia is not None
    return any(label.startswith("W6") for label in dpia.met)


def test_number_plates_beside_faces_combine_datasets() -> None:
    assert matching_met(q206=["face", "number_plates"])
    assert not matching_met(q206=["face"])


def test_a_list_the_police_supplied_combines_datasets() -> None:
    identify = {"q202": ["identify"], "q310": ["none"]}
    assert matching_met(**identify, q206=["face"], q330=["police_supplied_list"])
    assert not matching_met(**identify, q206=["face"], q330=["own_list"])


def flagged(**answers: Any) -> set[str]:
    return {i.id for i in find_inconsistencies(COMPILED, view(**answers))}


def test_plain_video_with_recognition_is_flagged() -> None:
    assert "C11" in flagged(**{**BASE, "q202": ["plain_video", "identify"]})
    assert "C11" not in flagged(**{**BASE, "q202": ["plain_video"]})


def test_free_refusal_with_no_way_out_is_flagged() -> None:
    consent = {"q101": "eu", "q201": "private_own", "q202": ["verify"], "q707": "consent", "q709": True}
    assert "C10" in flagged(**consent, q730="no_opt_out")
    assert "C10" not in flagged(**consent, q730="alternative_equal")
