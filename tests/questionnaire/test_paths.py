"""Typical deployments as answer sets, and the path each one takes through the questionnaire.

The path is the list of visible sections. Sections are skipped only when the answer that skips them
is known: the same deployment with its key answer unknown sees the skipped section again.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from helpers import ROOT

from pia_wizard.core.answers.answer_check import check_assessment
from pia_wizard.core.load.loading import load_questionnaire
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.rules.visibility import AnswerView

COMPILED = load_questionnaire(ROOT / "questionnaires" / "biometric-deployment.yaml")
ALL_SECTIONS = [section.id for section in COMPILED.questionnaire.sections]
WATCHLIST, POLICE_OBJECTIVE, POLICE_AUTHORISATION = "s3", "s6", "s8"

# A police live facial recognition van at a football match, in an EU member state.
POLICE_VAN: dict[str, object] = {
    "q101": "eu",
    "q105": "germany",
    "q102": False,
    "q201": "police",
    "q222": ["mobile_cameras"],
    "q202": ["identify"],
    "q203": False,
    "q204": "while_present",
    "q205": True,
    "q210": "uncontrolled",
    "q211": ["transport"],
    "q206": ["face"],
    "q207": False,
    "q301": 600,
    "q302": "open",
    "q303": ["custody"],
    "g401": [{"q411": "Stadium forecourt", "q412": 2, "q413": 40000}],
    "q501": ["suspects", "crime_prevention"],
    "q503": "general",
    "q601": ["organised_armed_robbery", "other_offence"],
    "q602": 2,
    "q803": "internal",
    "q1105": "per_comparison",
    "q1106": 0.00001,
    "q1108": 1,
}

# A supermarket chain's watchlist of banned people, shared with other shops through the vendor (UK).
SUPERMARKET: dict[str, object] = {
    "q101": "uk",
    "q109": "england_wales",
    "q201": "private_own",
    "q222": ["fixed_cameras"],
    "q202": ["identify"],
    "q203": False,
    "q204": "while_present",
    "q205": True,
    "q210": "uncontrolled",
    "q211": ["none"],
    "q206": ["face"],
    "q207": False,
    "q313": ["banned", "interest"],
    "q303": ["targeted_images", "shared_private"],
    "q306": "any_staff",
    "q310": ["other_companies", "vendor_network"],
    "q501": ["loss_prevention", "exclusion"],
    "q503": "general",
    "q721": False,
}

# Face unlock on a phone: one-to-one, the owner looks at the phone, nothing leaves the device.
PHONE: dict[str, object] = {
    "q101": "eu",
    "q105": "france",
    "q201": "private_own",
    "q222": ["personal_devices"],
    "q202": ["verify"],
    "q203": True,
    "q204": "while_present",
    "q205": False,
    "q210": "controlled",
    "q211": ["none"],
    "q206": ["face"],
    "q207": False,
    "q501": ["access"],
    "q503": "specific_people",
    "q707": "consent",
    "q721": False,
}

# An emotion-detecting advertising screen in a shopping centre (not one of the three; it walks the
# categorisation and emotion questions).
AD_SCREEN: dict[str, object] = {
    "q101": "eu",
    "q201": "private_own",
    "q222": ["fixed_cameras"],
    "q202": ["categorise", "emotion"],
    "q203": False,
    "q204": "while_present",
    "q205": True,
    "q206": ["face"],
    "q207": False,
    "q215": ["age", "sex_gender"],
    "q501": ["marketing"],
}


def _assessment(answers: Mapping[str, object]) -> Assessment:
    built = {}
    for qid, value in answers.items():
        if value == "UNKNOWN":
            built[qid] = {"unknown": True}
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            built[qid] = {"value": [{k: {"value": v} for k, v in item.items()} for item in value]}
        else:
            built[qid] = {"value": value}
    assessment = Assessment.model_validate(
        {
            "schema_version": 1,
            "questionnaire": {"id": COMPILED.id, "version": COMPILED.questionnaire.version},
            "answers": built,
        }
    )
    assert check_assessment(COMPILED, assessment) == []
    return assessment


def view(answers: Mapping[str, object]) -> AnswerView:
    return AnswerView.of(COMPILED, _assessment(answers))


def path(answers: Mapping[str, object]) -> list[str]:
    shown = view(answers)
    return [section for section in ALL_SECTIONS if shown.section_visible(section)]


def test_the_police_van_walks_every_section() -> None:
    assert path(POLICE_VAN) == ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12"]
    shown = view(POLICE_VAN)
    # Police: the GDPR consent questions are not asked, the AI Act's police conditions are.
    assert not shown.question_visible("q707")
    for qid in ("q601", "q602", "q603", "q605", "q801", "q802", "q803", "q806"):
        assert shown.question_visible(qid), qid
    # Live use only: the questions about searching recorded footage are skipped.
    for qid in ("q606", "q607", "q807"):
        assert not shown.question_visible(qid), qid
    # Per-site figures were given, so the totals are not asked again.
    assert not shown.question_visible("q402")
    assert not shown.question_visible("q403")


def test_the_supermarket_skips_the_police_sections_but_not_the_watchlist() -> None:
    assert path(SUPERMARKET) == ["s1", "s2", "s3", "s4", "s5", "s7", "s9", "s10", "s11", "s12"]
    shown = view(SUPERMARKET)
    assert shown.question_visible("q311")  # the shared list: who checks it?
    assert not shown.question_visible("q707")  # GDPR Art. 9(2) is asked for EU deployments only
    assert shown.question_visible("q1108")  # the watchlisted-passers estimate for the false alerts


def test_the_phone_skips_the_police_and_watchlist_sections() -> None:
    route = path(PHONE)
    assert route == ["s1", "s2", "s5", "s7", "s9", "s10", "s11", "s12"]
    for skipped in (WATCHLIST, POLICE_OBJECTIVE, POLICE_AUTHORISATION, "s4"):
        assert skipped not in route
    shown = view(PHONE)
    # Consent is the ground: the consent sub-questions follow; the identification-only ones do not.
    for qid in ("q709", "q710", "q711"):
        assert shown.question_visible(qid), qid
    for qid in ("q704", "q1107", "q1108"):
        assert not shown.question_visible(qid), qid
    assert shown.question_visible("q1105") and shown.question_visible("q1106")


def test_the_ad_screen_walks_categorisation_and_emotion() -> None:
    assert path(AD_SCREEN) == ["s1", "s2", "s4", "s5", "s7", "s9", "s10", "s11", "s12"]
    shown = view(AD_SCREEN)
    for qid in ("q215", "q216", "q217", "q219"):
        assert shown.question_visible(qid), qid
    for qid in ("q1105", "q1106"):  # no match, so no false-match rate
        assert not shown.question_visible(qid), qid


@pytest.mark.parametrize(
    ("deployment", "unknown", "section"),
    [
        (PHONE, "q202", WATCHLIST),
        (PHONE, "q222", "s4"),
        (SUPERMARKET, "q201", POLICE_AUTHORISATION),
        (SUPERMARKET, "q501", POLICE_OBJECTIVE),
    ],
)
def test_an_unknown_answer_never_skips_a_section(
    deployment: dict[str, object], unknown: str, section: str
) -> None:
    assert section not in path(deployment)
    changed = {**deployment, unknown: "UNKNOWN"}
    assert section in path(changed)
    unanswered = {k: v for k, v in deployment.items() if k != unknown}
    assert section in path(unanswered)


def test_with_nothing_answered_every_part_is_shown() -> None:
    assert path({}) == ALL_SECTIONS
