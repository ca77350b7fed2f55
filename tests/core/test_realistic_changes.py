"""Counterfactuals only where they could fit the stated purpose (the questionnaire's
`realistic_change` on a choice). domain.md §2.1: GDPR Art. 9(2)(c) vital interests only where the
person cannot consent (a life at stake); walking past a camera is not "manifestly made public" (e)."""

from __future__ import annotations

import datetime as dt

from helpers import ROOT

from pia_wizard.core import edits
from pia_wizard.core.assessment_io import load_assessment_file
from pia_wizard.core.engine import Context, RulebookIndex
from pia_wizard.core.evaluate import evaluate
from pia_wizard.core.explore import realistic
from pia_wizard.core.library import shipped_library
from pia_wizard.core.models.assessment import Assessment

LIBRARY = shipped_library()
COMPILED = LIBRARY.questionnaires["biometric-deployment"]
# The school's attendance system, turned into a shop's theft prevention scanning its staff too.
SCHOOL = load_assessment_file(ROOT / "examples" / "school-attendance-face.pia.json", LIBRARY).assessment
SHOP = edits.set_value(
    COMPILED,
    edits.set_value(
        COMPILED, edits.set_value(COMPILED, SCHOOL, "q201", "private_own"), "q1009", ["employees"]
    ),
    "q501",
    ["loss_prevention"],
)


def offered(assessment: Assessment, rulebook: str = "eu-law") -> set[tuple[str, object]]:
    evaluation = evaluate(COMPILED, LIBRARY.rulebooks.values(), assessment, sources=LIBRARY.sources)
    result = next(r for r in evaluation.rulebooks if r.id == rulebook)
    return {(c.question, c.value) for cf in result.counterfactuals for c in cf.changes}


def test_a_shop_is_never_offered_vital_interests() -> None:
    assert ("q707", "public_interest_law") in offered(SHOP)  # other ways out are still offered
    assert ("q707", "vital_interests") not in offered(SHOP)
    assert ("q707", "vital_interests") not in offered(SCHOOL)  # nor a school taking attendance


def test_vital_interests_is_offered_where_a_life_may_be_at_stake_or_the_purpose_is_unknown() -> None:
    missing_person = edits.set_value(COMPILED, SHOP, "q501", ["loss_prevention", "victims_missing"])
    assert ("q707", "vital_interests") in offered(missing_person)
    assert ("q707", "vital_interests") in offered(edits.set_unknown(COMPILED, SHOP, "q501"))


def test_made_public_is_never_a_realistic_change() -> None:
    """No verdict improves on it today, so the search never reaches it: asked of the check itself."""
    index = RulebookIndex.build(LIBRARY.rulebooks["eu-law"])
    for assessment in (SHOP, edits.set_unknown(COMPILED, SHOP, "q501")):
        ctx = Context(COMPILED, index, assessment.answers, dt.date(2026, 11, 23), None, {})
        assert not realistic(ctx, "q707", "made_public")
        assert realistic(ctx, "q707", "public_interest_law")


def test_the_police_are_offered_only_for_a_law_enforcement_purpose() -> None:
    metro = load_assessment_file(ROOT / "examples" / "metro-emotion-advertising.pia.json", LIBRARY).assessment
    changes = offered(metro)
    assert ("q201", "private_for_police") not in changes and ("q201", "police") not in changes
    # The same advertising screens, said to serve crime prevention: the change becomes a real option.
    for_police = edits.set_value(COMPILED, metro, "q501", ["marketing", "crime_prevention"])
    assert ("q201", "private_for_police") in offered(for_police)
