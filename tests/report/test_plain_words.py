"""No internal name in what a reader reads: every report of every example, and `score`'s text output.

Rulebook ids (eu-law), verdict ids (red_line, insufficient_information) and question ids (q202) are an
interface for `score --json`, `--rulebook ID` and the reports' method annex, which lists them on
purpose; everywhere else a reader sees the rulebook's title and the verdict's label.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from helpers import ROOT, internal_names

from pia_wizard.commands.score import summary
from pia_wizard.core.assessment_io import load_assessment_file
from pia_wizard.core.evaluate import evaluate
from pia_wizard.core.library import shipped_library
from pia_wizard.report.options import TEMPLATES, ReportOptions
from pia_wizard.report.render import prepare_report, rulebooks_for

EXAMPLES = sorted((ROOT / "examples").glob("*.pia.json"))
LIBRARY = shipped_library()
IDS = list(LIBRARY.rulebooks)


def readable(page: str) -> str:
    """The text of a report page as a reader sees it, without the method annex (ids belong there)."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r'<h2 class="annex-part" id="annex-method">.*?</section>', " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name.removesuffix(".pia.json"))
def test_no_internal_name_in_any_report_or_the_score_text(example: Path) -> None:
    loaded = load_assessment_file(example, LIBRARY)
    books = rulebooks_for(LIBRARY, loaded.questionnaire)
    evaluation = evaluate(loaded.questionnaire, books, loaded.assessment, sources=LIBRARY.sources)
    found = {"score": internal_names(summary(evaluation, books), IDS)}
    for template in TEMPLATES:
        report = prepare_report(
            loaded.assessment, loaded.questionnaire, LIBRARY, ReportOptions(template=template)
        )
        assert 'id="annex-method"' in report.html or template == "information-request"
        found[template] = internal_names(readable(report.html), IDS)
    assert {k: v for k, v in found.items() if v} == {}


def test_the_method_annex_still_names_the_ids() -> None:
    """The one place a reader can look an id up keeps them (and the scan above is not blind)."""
    loaded = load_assessment_file(EXAMPLES[0], LIBRARY)
    report = prepare_report(
        loaded.assessment, loaded.questionnaire, LIBRARY, ReportOptions(template="briefing")
    )
    annex = report.html[report.html.index('id="annex-method"') :]
    assert internal_names(html.unescape(re.sub(r"<[^>]+>", " ", annex)), IDS)
