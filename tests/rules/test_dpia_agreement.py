"""The window's WP248 DPIA figure and the EU-law verdict read one rule (domain.md §15.2, §15.13(3)):
whenever the figure says a DPIA is indicated, the DPIA step applies; whenever it cannot tell, the step
cannot pass either."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rule_cases import case_assessment, load_cases

from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.evaluation.figures import DPIA_FACT
from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import shipped_library

LIBRARY = shipped_library()
EU = LIBRARY.rulebooks["eu-law"]
COMPILED = LIBRARY.questionnaires[EU.questionnaire]
ROOT = Path(__file__).resolve().parents[2]
DATE = dt.date(2026, 11, 23)
ASSESSMENTS = [
    load_assessment_file(p, LIBRARY).assessment for p in sorted((ROOT / "examples").glob("*.json"))
]
ASSESSMENTS += [
    case_assessment(case, COMPILED)
    for path in sorted((Path(__file__).parent / "cases").glob("eu-law.yaml"))
    for case in load_cases(path)
]


def test_the_rulebook_reads_the_figure_s_own_condition() -> None:
    assert DPIA_FACT in {fact.id for fact in EU.facts}


@pytest.mark.parametrize("index", range(len(ASSESSMENTS)))
def test_figure_and_dpia_step_agree(index: int) -> None:
    assessment = ASSESSMENTS[index]
    evaluation = evaluate(
        COMPILED, [EU], assessment, assessment.metadata.assessment_date or DATE, explore=False
    )
    result = evaluation.rulebooks[0]
    if result.applies == "no":
        return
    step = next(s for t in result.tests for s in t.steps if s.id == "DP1")
    indicated = evaluation.figures.dpia.indicated
    if indicated == "yes":
        assert step.status not in ("not_applicable",), step
    if step.status == "pass":
        assert indicated in ("yes", "no")
