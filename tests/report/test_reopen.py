"""A report re-opened: the fingerprint checked, the embedded assessment re-evaluated with today's
rulebooks, "same verdicts" or what changed and why."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from report_cases import COMPILED, LIBRARY, red_line_case

from pia_wizard.core.library import Library
from pia_wizard.report.options import ReportOptions
from pia_wizard.report.pdf_writer import write_pdf
from pia_wizard.report.render import prepare_report, render_pdf
from pia_wizard.report.reopen import check_report
from pia_wizard.report.templates import templates_dir


@pytest.fixture(scope="module")
def report_pdf() -> tuple[bytes, str]:
    report = prepare_report(red_line_case(), COMPILED, LIBRARY, ReportOptions(template="factsheet"))
    return render_pdf(report), report.fingerprint


def test_same_verdicts_with_the_same_rulebooks(report_pdf: tuple[bytes, str]) -> None:
    pdf, fingerprint = report_pdf
    check = check_report(pdf, LIBRARY)
    assert check.same_verdicts, check.summary()
    assert check.fingerprint == fingerprint
    assert check.summary()[-1] == "same verdicts with today's rulebooks"


def test_a_newer_rulebook_that_changes_a_verdict_is_named(report_pdf: tuple[bytes, str]) -> None:
    ladder = LIBRARY.rulebooks["ladder"].model_copy(update={"version": "2.0", "red_lines": ()})
    newer = Library(
        LIBRARY.sources, LIBRARY.glossary, LIBRARY.questionnaires, {"ladder": ladder}
    )  # and mini-rules withdrawn
    check = check_report(report_pdf[0], newer)
    assert not check.problems
    assert any("Ladder: Red line in the report" in c and "version 1.0 → 2.0" in c for c in check.changes)
    assert "mini-rules: in the report, but no longer shipped" in check.changes


def test_data_changed_after_the_report_are_caught() -> None:
    data = b'{"schema_version": 1}\n'
    verdicts = json.dumps({"assessment_sha256": "0" * 64, "rulebooks": []}).encode()
    pdf = write_pdf(
        "<p>x</p>",
        root=templates_dir(),
        attachments=[
            ("assessment.pia.json", data, "", "Source"),
            ("verdicts.json", verdicts, "", "Supplement"),
        ],
        when=dt.datetime(2026, 11, 23, tzinfo=dt.UTC),
    )
    check = check_report(pdf, LIBRARY)
    assert check.problems and "changed after the report was made" in check.problems[0]


def test_a_report_without_embedded_data_or_not_a_pdf() -> None:
    report = prepare_report(red_line_case(), COMPILED, LIBRARY, ReportOptions(template="information-request"))
    assert "no embedded assessment" in check_report(render_pdf(report), LIBRARY).problems[0]
    assert "cannot read the PDF" in check_report(b"not a pdf", LIBRARY).problems[0]
