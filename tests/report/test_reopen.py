"""A report re-opened: the fingerprint checked, the embedded assessment re-evaluated with today's
rulebooks, "same verdicts" or what changed and why."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from report_cases import COMPILED, LIBRARY, passing_case, red_line_case, replace_attachments

from pia_wizard.core.load.assessment_io import assessment_bytes
from pia_wizard.core.load.library import Library
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
    assert check.fingerprint_holds
    assert check.fingerprint == check.recorded == fingerprint
    assert check.printed == fingerprint[:16]  # read from the cover of the first page
    assert check.evaluated_on == dt.date(2026, 11, 23)
    assert check.summary()[-1] == "same verdicts with today's rulebooks (judged as of 2026-11-23)"
    assert check.assessment is not None and check.compiled is COMPILED


def test_a_swapped_assessment_fails_the_fingerprint_but_still_loads(report_pdf: tuple[bytes, str]) -> None:
    pdf, fingerprint = report_pdf
    other = assessment_bytes(passing_case())
    check = check_report(replace_attachments(pdf, {"assessment.pia.json": other}), LIBRARY, "van.pdf")
    assert not check.fingerprint_holds and not check.same_verdicts
    assert check.problems == [f"van.pdf: {check.fingerprint_line()}"]
    assert "does NOT hold" in check.problems[0] and f"report recorded {fingerprint}" in check.problems[0]
    assert check.assessment == passing_case()  # what `score` and the window show, saying so
    assert check.changes == []  # not re-evaluated: there is nothing trustworthy to compare with


def test_swapping_the_record_too_is_caught_by_the_printed_fingerprint(report_pdf: tuple[bytes, str]) -> None:
    pdf, _fingerprint = report_pdf
    other = assessment_bytes(passing_case())
    record = json.dumps({"assessment_sha256": hashlib.sha256(other).hexdigest(), "rulebooks": []})
    swapped = replace_attachments(pdf, {"assessment.pia.json": other, "verdicts.json": record.encode()})
    check = check_report(swapped, LIBRARY)
    assert not check.fingerprint_holds
    assert "first page prints" in check.fingerprint_problem


def test_without_the_record_the_printed_fingerprint_is_checked(report_pdf: tuple[bytes, str]) -> None:
    pdf, fingerprint = report_pdf
    check = check_report(replace_attachments(pdf, {"verdicts.json": b"not json"}), LIBRARY)
    assert check.fingerprint_holds and check.recorded is None and check.printed == fingerprint[:16]


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
    no_record = write_pdf(
        "<p>x</p>",
        root=templates_dir(),
        attachments=[("assessment.pia.json", data, "", "Source")],
        when=dt.datetime(2026, 11, 23, tzinfo=dt.UTC),
    )
    check = check_report(no_record, LIBRARY)
    assert "neither records nor prints a fingerprint" in check.problems[0]


def test_a_report_without_embedded_data_or_not_a_pdf() -> None:
    report = prepare_report(red_line_case(), COMPILED, LIBRARY, ReportOptions(template="information-request"))
    assert "no embedded assessment" in check_report(render_pdf(report), LIBRARY).problems[0]
    assert "cannot read the PDF" in check_report(b"not a pdf", LIBRARY).problems[0]
