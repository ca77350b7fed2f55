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
from helpers import ROOT, internal_names, source_ids_in

from pia_wizard.commands.score import summary
from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.models.base import localise
from pia_wizard.report.context import for_uses, sentence
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


CUT = re.compile(r"(…|\.\.\.|\b(?:Art|Arts|para|paras|ch|No|cf|e\.g|i\.e|Admin|Code|Reg|Dir|v)\.)\s*$")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name.removesuffix(".pia.json"))
def test_no_reason_in_a_report_is_a_cut_sentence(example: Path) -> None:
    """The briefing's decisive reasons are whole: a red line's short form written by hand, or the
    finding's whole text — never a sentence cut where a full stop was guessed ("… GDPR Art.")."""
    loaded = load_assessment_file(example, LIBRARY)
    shorts = {
        line.id: sentence(localise(line.short, "en", "en"))
        for book in LIBRARY.rulebooks.values()
        for line in book.red_lines
        if line.short is not None
    }
    for template in TEMPLATES:
        report = prepare_report(
            loaded.assessment, loaded.questionnaire, LIBRARY, ReportOptions(template=template)
        )
        findings = {
            (r.title, f.rule, f.title, f.uses): f for r in report.evaluation.rulebooks for f in r.findings
        }
        uses = report.context["assessment"]["uses"]
        for reason in report.context["reasons"]:
            finding = findings[(reason["rulebook"], reason["rule"], reason["title"], tuple(reason["uses"]))]
            whole = {sentence(finding.text), sentence(finding.short)} | {shorts.get(finding.rule)}
            # With several uses, a reason that not every use gives starts by naming its use.
            assert reason["gist"].removeprefix(for_uses(reason["uses"], uses)) in whole, reason["gist"]
            assert not CUT.search(reason["gist"]), reason["gist"]
            assert not CUT.search(reason["text"]), reason["text"]
        for text in re.findall(r'<ol class="reasons">(.*?)</ol>', report.html, flags=re.S):
            for item in re.findall(r"<li>(.*?)</li>", text, flags=re.S):
                words = html.unescape(re.sub(r"<[^>]+>", " ", item)).strip()
                assert not CUT.search(re.sub(r"\s*\(?[A-Z][\w./-]*\s+[VSU?]\)?\s*$", "", words)), words


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name.removesuffix(".pia.json"))
def test_the_briefing_names_sources_readably_before_its_annex(example: Path) -> None:
    """Before the annex (whose source table pairs each id with its source), a source is named by its
    readable short name, and the V / S / U tags are explained where they are first used."""
    loaded = load_assessment_file(example, LIBRARY)
    report = prepare_report(
        loaded.assessment, loaded.questionnaire, LIBRARY, ReportOptions(template="briefing")
    )
    body = readable(report.html.split('<section class="annex" id="annex">')[0])
    assert source_ids_in(body, [s.id for s in LIBRARY.sources.sources if s.id not in s.name()]) == []
    if "(" in body and re.search(r"\s[VSU]\s", body):
        legend = body.index("Sources are marked")
        assert legend < re.search(r"\s[VSU]\s+\)|\s[VSU]\s+;", body).start()


def test_every_shipped_source_has_a_readable_short_name() -> None:
    missing = [s.id for s in LIBRARY.sources.sources if not s.short]
    assert missing == []


def test_timeline_names_carry_no_raw_verification_tags() -> None:
    """A timeline's name is printed in every report's "About this report" with its tag drawn beside it;
    "[S+: read in …]" or "[V]" inside the name printed raw brackets a reader cannot decode."""
    library = shipped_library()
    raw = [
        (book.id, timeline.id, text)
        for book in library.rulebooks.values()
        for timeline in book.timelines
        for text in timeline.title.values()
        if re.search(r"\[(V|S|U)\+?\b", text)
    ]
    assert raw == []
