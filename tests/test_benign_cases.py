"""Benign uses can pass (issue 12; domain.md §15.9, §15.12): a phone unlocked by its owner and a
cooperative gate with an equally good alternative and a documented legal basis reach `passes` or
`conditional` under every rulebook that applies, with nothing decisive left unknown — and lose that
as soon as the choice stops being real."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.models.assessment import Assessment

LIBRARY = shipped_library()
COMPILED = LIBRARY.questionnaires["biometric-deployment"]
DATE = dt.date(2026, 11, 23)
GOOD = ("passes", "conditional", "not_applicable")


def assessment(answers: dict[str, Any], evidence: dict[str, int] | None = None) -> Assessment:
    data: dict[str, Any] = {qid: {"value": value} for qid, value in answers.items()}
    for qid, level in (evidence or {}).items():
        data[qid]["evidence"] = [{"title": "document (fictional)", "confidence": level}]
    return Assessment.model_validate(
        {
            "schema_version": 1,
            "questionnaire": {"id": COMPILED.id, "version": COMPILED.questionnaire.version},
            "answers": data,
        }
    )


def phone(country: str, operator: str, evidence: dict[str, int] | None = None, **more: Any) -> Assessment:
    """What a new user knows of face unlock: no published law, no trial, nothing on switched-off features."""
    answers: dict[str, Any] = {
        "q101": country,
        "q102": True,
        "q201": operator,
        "q222": ["personal_devices"],
        "q202": ["verify"],
        "q203": True,
        "q730": "alternative_equal",
        "q272": True,
        "q273": False,
        "q204": "while_present",
        "q205": False,
        "q206": ["face"],
        "q211": ["none"],  # no workplace, school, assembly … in view: only the owner
        "q1009": ["none"],  # none of the groups the consent rules single out (children, employees …)
        "q501": ["access"],
    }
    if operator == "private_person":
        answers["q270"] = False
    else:
        answers["q230"] = False  # the maker runs it for itself, not for a public body
    if country == "us":
        answers |= {"q106": "california", "q107": "other"}
    if country == "uk":
        answers["q790"] = "explicit_consent"  # UK GDPR Art. 9(2)(a): the owner's own choice
    return assessment(answers | more, evidence)


GATE = {
    "q101": "eu",
    "q105": "austria",
    "q102": True,
    "q201": "public_authority",
    "q222": ["fixed_cameras"],
    "q202": ["verify"],
    "q203": True,
    "q730": "alternative_equal",
    "q272": True,
    "q273": False,
    "q204": "while_present",
    "q205": False,
    "q210": "controlled",
    "q211": ["transport"],
    "q206": ["face"],
    "q207": False,
    "q501": ["access"],
    "q503": "specific_people",
    "q505": "convenience",
    "q701": "National border control law",
    "q702": "specific",
    "q703": True,
    "q705": True,
    "q707": "public_interest_law",
    "q712": "National border control law",
    "q740": True,  # the border law provides for the gates, with safeguards (GDPR Art. 9(2)(g))
    "q903": False,
    "q904": True,
    "q909": ["more_staff"],
    "q910": "Staffed booths stay open; gates only shorten queues.",
    "q911": False,
    "q912": True,
    "q1102": "independent_at_threshold",
    "q1112": "reviewed",
    "q250": False,
    "q1050": True,
    "q1114": ["refused_entry"],
    "q1115": False,
    "q1205": True,
    "q1206": ["a_description", "b_necessity_proportionality", "c_risks", "d_measures"],
    "q1230": ["none"],  # nobody found the DPIA inadequate
}
GATE_EVIDENCE = {
    "q707": 3,
    "q712": 3,
    "q740": 3,
    "q703": 3,
    "q705": 3,
    "q904": 2,
    "q1102": 2,
    "q1112": 2,
    "q1205": 3,
}


def verdicts(a: Assessment) -> dict[str, str]:
    return evaluate(COMPILED, LIBRARY.rulebooks.values(), a, DATE, explore=False).verdicts


@pytest.mark.parametrize("country", ["eu", "eea", "uk", "us"])
@pytest.mark.parametrize("operator", ["private_own", "private_person"])
def test_a_phone_unlocked_by_its_owner_passes_everywhere(country: str, operator: str) -> None:
    extra: dict[str, Any] = {}
    shown: dict[str, int] = {}
    if country in ("eu", "eea") and operator == "private_own":
        # the phone maker's ground: the owner's consent, shown by the set-up screen (a published
        # document); millions of phones are large scale, so the maker's DPIA is asked for, and shown
        extra = {
            "q707": "consent",
            "q709": True,
            "q710": False,
            "q711": True,
            "q1050": True,
            "q1114": ["recorded_only"],
            "q1115": False,
            "q1205": True,
            "q1206": ["a_description", "b_necessity_proportionality", "c_risks", "d_measures"],
            "q1230": ["none"],  # nobody found the maker's DPIA inadequate
        }
        shown = {"q707": 3, "q709": 3, "q711": 3, "q1205": 3}
    evaluation = evaluate(
        COMPILED, LIBRARY.rulebooks.values(), phone(country, operator, shown, **extra), DATE
    )
    assert all(r.verdict in GOOD for r in evaluation.rulebooks), evaluation.verdicts
    assert [g.question for r in evaluation.rulebooks for g in r.gaps if g.impact] == []
    hr = next(r for r in evaluation.rulebooks if r.id == "human-rights")
    (v1,) = [s for t in hr.tests for s in t.steps if s.id == "V1"]
    assert v1.status == "pass"


def test_the_phone_is_tested_in_full_once_the_choice_is_not_real() -> None:
    forced = verdicts(phone("uk", "private_own", q730="alternative_worse"))
    assert forced["human-rights"] == "insufficient_information"  # the three-part test applies again
    assert (
        verdicts(phone("uk", "private_own", q730="alternative_worse", q702="none"))["human-rights"] == "fails"
    )


def test_a_switched_off_feature_on_the_owners_own_phone_is_not_a_red_line() -> None:
    """S7 counts an installed feature where people who are not taking part are captured (RYF-2022)."""
    installed = {"q207": True, "q213": ["emotion", "identify"], "q214": True}
    assert verdicts(phone("eu", "private_person", **installed))["ban-biometric-surveillance"] == "passes"
    street = dict(GATE, q203=False, q210="uncontrolled", q205=True, **installed)
    assert verdicts(assessment(street))["ban-biometric-surveillance"] == "red_line"


def test_a_documented_cooperative_gate_passes_every_rulebook_that_applies() -> None:
    evaluation = evaluate(COMPILED, LIBRARY.rulebooks.values(), assessment(GATE, GATE_EVIDENCE), DATE)
    assert all(r.verdict in GOOD for r in evaluation.rulebooks), evaluation.verdicts
    assert evaluation.verdicts["human-rights"] in ("passes", "conditional")  # a public body: tested in full
    assert [g.question for r in evaluation.rulebooks for g in r.gaps if g.impact] == []


def test_the_gate_fails_without_its_bias_test_and_undecided_without_documents() -> None:
    untested = assessment(GATE | {"q1102": "vendor_only"}, GATE_EVIDENCE)
    assert verdicts(untested)["human-rights"] == "fails"  # §9.3 EQ1: a public body must enquire into bias
    undocumented = assessment(GATE)
    assert verdicts(undocumented)["eu-law"] == "insufficient_information"  # §2.1: the ground on its word
