"""Counterfactuals only where they could fit the stated purpose (the questionnaire's
`realistic_change` on a choice). domain.md §2.1: GDPR Art. 9(2)(c) vital interests only where the
person cannot consent and a life is at stake; walking past a camera is not "manifestly made public"
(e); 9(2)(b) employment law covers the operator's own staff. §1.1: law enforcement (AI Act
Art. 3(45)–(46)) means a purpose of preventing or investigating crime."""

from __future__ import annotations

import datetime as dt

from helpers import ROOT

from pia_wizard.core.answers import edits
from pia_wizard.core.evaluation.engine import Context, RulebookIndex
from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.evaluation.explore import realistic
from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.models.assessment import Assessment

LIBRARY = shipped_library()
COMPILED = LIBRARY.questionnaires["biometric-deployment"]
INDEX = RulebookIndex.build(LIBRARY.rulebooks["eu-law"])


def example(name: str) -> Assessment:
    return load_assessment_file(ROOT / "examples" / f"{name}.pia.json", LIBRARY).assessment


def answered(assessment: Assessment, **values: object) -> Assessment:
    for question, value in values.items():
        if value == "UNKNOWN":
            assessment = edits.set_unknown(COMPILED, assessment, question)
        else:
            assessment = edits.set_value(COMPILED, assessment, question, value)
    return assessment


# The school's attendance system turned into a shop's theft prevention that scans its staff too.
SHOP = answered(
    example("school-attendance-face"), q201="private_own", q1009=["employees"], q501=["loss_prevention"]
)


def fits(assessment: Assessment, question: str, value: object) -> bool:
    return realistic(
        Context(COMPILED, INDEX, assessment.answers, dt.date(2026, 11, 23), None, {}), question, value
    )


def offered(assessment: Assessment, rulebook: str) -> set[tuple[str, object]]:
    evaluation = evaluate(COMPILED, LIBRARY.rulebooks.values(), assessment, sources=LIBRARY.sources)
    result = next(r for r in evaluation.rulebooks if r.id == rulebook)
    return {(c.question, c.value) for cf in result.counterfactuals for c in cf.changes}


def test_a_shop_is_never_offered_vital_interests() -> None:
    assert not fits(SHOP, "q707", "vital_interests")
    assert not fits(example("school-attendance-face"), "q707", "vital_interests")  # nor a school's register
    assert ("q707", "vital_interests") not in offered(SHOP, "eu-law")
    assert fits(SHOP, "q707", "public_interest_law")  # other grounds stay open


def test_vital_interests_fits_where_a_life_may_be_at_stake_or_the_purpose_is_unknown() -> None:
    assert fits(answered(SHOP, q501=["loss_prevention", "victims_missing"]), "q707", "vital_interests")
    assert fits(answered(SHOP, q501=["threat"]), "q707", "vital_interests")
    assert fits(answered(SHOP, q1009=["patients"]), "q707", "vital_interests")
    assert fits(answered(SHOP, q501="UNKNOWN"), "q707", "vital_interests")


def test_made_public_never_fits() -> None:
    for assessment in (SHOP, answered(SHOP, q501="UNKNOWN"), answered(SHOP, q501=["victims_missing"])):
        assert not fits(assessment, "q707", "made_public")


def test_employment_law_fits_only_where_staff_are_scanned() -> None:
    assert not fits(example("border-egates"), "q707", "employment")  # travellers, not staff
    assert fits(example("call-centre-emotion-monitoring"), "q707", "employment")


def test_the_police_are_offered_only_for_a_law_enforcement_purpose() -> None:
    shop_door = example("portland-shop-door")  # keeping banned people out of a shop
    assert not fits(shop_door, "q201", "private_for_police")
    assert ("q201", "private_for_police") not in offered(shop_door, "us-local")
    metro = example("metro-emotion-advertising")
    assert not fits(metro, "q201", "police") and not fits(metro, "q201", "private_for_police")
    assert fits(answered(metro, q501=["marketing", "crime_prevention"]), "q201", "private_for_police")
    # A multiple choice: adding a choice is judged, keeping or removing one is not.
    assert fits(SHOP, "q1009", ("employees",)) and fits(SHOP, "q501", ())


def test_a_law_enforcement_purpose_is_never_suggested_to_a_school() -> None:
    school = example("school-attendance-face")  # a public authority taking attendance
    for purpose in ("suspects", "victims_missing", "threat"):
        assert not fits(school, "q501", ("attendance", purpose))
        assert fits(answered(school, q201="police"), "q501", ("attendance", purpose))
    purposes = {v for q, value in offered(school, "eu-law") if q == "q501" for v in value}
    assert not purposes & {"suspects", "victims_missing", "threat"}
