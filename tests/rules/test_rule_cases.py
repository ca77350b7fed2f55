"""Every rule of every shipped rulebook has a case where it fires and a boundary case where it must not."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from helpers import FIXTURES, fixture_library
from rule_cases import cannot_fire, judge_case, load_cases, rule_fired, rule_status, rules_needing_cases

from pia_wizard.core.load.library import shipped_library

CASES_DIR = Path(__file__).parent / "cases"
LIBRARY = shipped_library()
CASES = [case for path in sorted(CASES_DIR.glob("*.yaml")) for case in load_cases(path)]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rulebook}:{c.name}" for c in CASES])
def test_rule_case(case) -> None:
    rulebook = LIBRARY.rulebooks[case.rulebook]
    compiled = LIBRARY.questionnaires[rulebook.questionnaire]
    result = judge_case(case, compiled, rulebook, LIBRARY.sources)
    assert rule_fired(result, case.rule) is case.fires, [f.model_dump() for f in result.findings]
    if case.status is not None:
        assert rule_status(result, case.rule) == case.status, [f.model_dump() for f in result.findings]


@pytest.mark.parametrize("rulebook_id", sorted(LIBRARY.rulebooks))
def test_every_rule_has_a_firing_case_and_a_boundary_case(rulebook_id: str) -> None:
    rulebook = LIBRARY.rulebooks[rulebook_id]
    mine = [c for c in CASES if c.rulebook == rulebook_id]
    dead = cannot_fire(CASES_DIR / f"{rulebook_id}.yaml")
    missing = []
    for rule in rules_needing_cases(rulebook):
        kinds = {c.fires for c in mine if c.rule == rule}
        if rule in dead and True in kinds:
            missing.append(f"{rule}: listed under cannot_fire, yet a case fires it")
        elif rule in dead and False not in kinds:
            missing.append(f"{rule}: needs a boundary case")
        elif rule not in dead and kinds != {True, False}:
            missing.append(f"{rule}: needs {'a firing case' if True not in kinds else 'a boundary case'}")
    assert missing == [], missing
    assert all(reason.strip() for reason in dead.values()), "every rule that cannot fire says why"
    assert set(dead) <= set(rules_needing_cases(rulebook)), "cannot_fire names only this rulebook's rules"
    assert all(c.domain for c in mine), "every case names the domain.md line it rests on"


def test_the_harness_can_fail() -> None:
    library = fixture_library(FIXTURES / "rulebook-ladder.yaml")
    rulebook, compiled = library.rulebooks["ladder"], library.questionnaires["mini"]
    cases = load_cases(FIXTURES / "rule-cases-ladder.yaml")
    for case in cases:
        assert rule_fired(judge_case(case, compiled, rulebook, library.sources), case.rule) is case.fires
    wrong = dataclasses.replace(next(c for c in cases if c.rule == "S1" and c.fires), fires=False)
    assert rule_fired(judge_case(wrong, compiled, rulebook, library.sources), wrong.rule) is not wrong.fires
    assert rules_needing_cases(rulebook) == ["RL", "RL2", "S1", "S2"]


NOT_EU_LAWFUL = (
    "police-ethnic-sorting-not-eu-lawful",  # §15.4: LED 10 / 11(3), AI Act 5(1)(g) carve-out
    "health-categorisation-invalid-consent",  # §15.1 GDPR-9-INF
    "metro-emotion-signs-only-not-eu-lawful",  # §15.1, §2.1: Art. 6 basis; small signs are not enough
)


@pytest.mark.parametrize("name", NOT_EU_LAWFUL)
def test_none_of_these_passes_eu_law(name: str) -> None:
    case = next(c for c in CASES if c.name == name)
    rulebook = LIBRARY.rulebooks[case.rulebook]
    result = judge_case(case, LIBRARY.questionnaires[rulebook.questionnaire], rulebook, LIBRARY.sources)
    assert result.verdict in ("red_line", "fails"), result.verdict
