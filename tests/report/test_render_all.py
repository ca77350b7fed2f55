"""Every template rendered for every example and fixture assessment, and the PDF read back with pypdf:
verdicts first, pages before the annex, rule ids, the embedded assessment and its fingerprint, PDF/A
identification, fixed dates, and the same bytes twice."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from typing import Any

import pytest
from report_cases import (
    CASES,
    COMPILED,
    EVIDENCE_TITLE,
    LIBRARY,
    PRIVATE_NOTE,
    SHARED_NOTE,
    TEMPLATE_NAMES,
    ReadBack,
    embedded_fonts,
    example_files,
    read_pdf,
)

from pia_wizard.core.load.assessment_io import assessment_bytes, load_assessment_file
from pia_wizard.core.load.library import Library, assessment_from_document, shipped_library
from pia_wizard.core.load.loading import parse_assessment_document
from pia_wizard.report.options import ReportOptions
from pia_wizard.report.render import (
    ASSESSMENT_ATTACHMENT,
    VERDICTS_ATTACHMENT,
    Report,
    prepare_report,
    render_pdf,
)
from pia_wizard.report.wording import VERDICTS

Rendered = tuple[Report, bytes, ReadBack]


def _sources() -> dict[str, Callable[[], tuple[Any, Any, Library]]]:
    sources: dict[str, Callable[[], tuple[Any, Any, Library]]] = {
        name: (lambda build=build: (build(), COMPILED, LIBRARY)) for name, build in CASES.items()
    }
    for path in example_files():

        def load(path=path):  # type: ignore[no-untyped-def]
            library = shipped_library()
            loaded = load_assessment_file(path, library)
            return loaded.assessment, loaded.questionnaire, library

        sources[f"example:{path.name}"] = load
    return sources


SOURCES = _sources()


@pytest.fixture(scope="module")
def rendered() -> Callable[[str, str], Rendered]:
    """Renders a pair and reads its PDF back. Only the small fixture cases are kept for a second test:
    an example's PDF and its read-back run to megabytes, and each is checked once."""
    cache: dict[tuple[str, str], Rendered] = {}

    def get(case: str, template: str) -> Rendered:
        if (case, template) in cache:
            return cache[case, template]
        assessment, compiled, library = SOURCES[case]()
        report = prepare_report(assessment, compiled, library, ReportOptions(template=template))
        pdf = render_pdf(report)
        result = (report, pdf, read_pdf(pdf))
        if not case.startswith("example:"):
            cache[case, template] = result
        return result

    return get


def _outline_pages(back: ReadBack) -> dict[str, int]:
    """Bookmark title → page number (1-based), from the PDF outline WeasyPrint builds from headings."""
    pages: dict[str, int] = {}

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                pages.setdefault(str(item.title).strip(), back.reader.get_destination_page_number(item) + 1)

    walk(back.reader.outline)
    return pages


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("template", TEMPLATE_NAMES)
@pytest.mark.parametrize("case", sorted(SOURCES))
def test_every_template_renders_every_assessment(rendered, case: str, template: str) -> None:
    report, pdf, back = rendered(case, template)
    assert PRIVATE_NOTE not in report.html
    # Only the DejaVu families the style sheet names: a glyph one family lacks (✓ and ✗ are not in
    # DejaVu Serif) must fall back to another named family, never to whatever font this machine has.
    fonts = embedded_fonts(back.reader)
    assert fonts and all(name.startswith("DejaVu") for name in fonts), fonts
    if template == "submission":
        for result in report.evaluation.rulebooks:
            for finding in result.findings:
                assert f">{finding.rule}<" in report.html, f"{finding.rule} missing from the submission"
    assert pdf.startswith(b"%PDF-1.7")
    assert back.pages and all(page.strip() for page in back.pages), "an empty page"

    # PDF/A-3b identification in the XMP metadata, and dates from the assessment, not the clock.
    assert 'pdfaid:part="3"' in back.xmp and 'pdfaid:conformance="B"' in back.xmp
    day = report.evaluation.date
    assert back.reader.metadata.creation_date.date() == day
    assert f"<xmp:CreateDate>{day.isoformat()}T00:00:00Z</xmp:CreateDate>" in back.xmp

    # Private notes never leave the building, whatever the template.
    assert PRIVATE_NOTE not in back.text
    assert all(PRIVATE_NOTE.encode() not in b for files in back.attachments.values() for b in files)

    catalog = back.reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"], "a tagged PDF"
    assert str(catalog["/Lang"]) == report.options.language
    if report.options.spec.letter:
        assert back.attachments == {}
        assert "/AF" not in catalog
        assert "Annex" not in _outline_pages(back), "the letter has no annex"
        assert SHARED_NOTE not in back.text and EVIDENCE_TITLE not in back.text
        assert "Request for information" in back.text
        return

    # The embedded assessment: its bytes, its fingerprint, and it loads as the same assessment.
    assert sorted(back.attachments) == [ASSESSMENT_ATTACHMENT, VERDICTS_ATTACHMENT]
    (embedded,) = back.attachments[ASSESSMENT_ATTACHMENT]
    assert embedded == report.data
    fingerprint = hashlib.sha256(embedded).hexdigest()
    assert fingerprint == report.fingerprint
    assert fingerprint in _squashed(back.text), "the fingerprint printed is the attachment's SHA-256"
    library = LIBRARY if not case.startswith("example:") else shipped_library()
    reopened, _ = assessment_from_document(
        parse_assessment_document(embedded.decode("utf-8"), ASSESSMENT_ATTACHMENT), library
    )
    assert assessment_bytes(reopened) == embedded
    (verdicts,) = back.attachments[VERDICTS_ATTACHMENT]
    assert {r["id"]: r["verdict"] for r in json.loads(verdicts)["rulebooks"]} == report.evaluation.verdicts
    assert json.loads(verdicts)["assessment_sha256"] == fingerprint

    # /AF lists each attachment once, and each says how it relates to the document.
    references = [ref.idnum for ref in catalog["/AF"]]
    assert len(references) == len(set(references)) == 2
    relationships = {
        str(ref.get_object()["/UF"]): ref.get_object()["/AFRelationship"] for ref in catalog["/AF"]
    }
    assert relationships == {ASSESSMENT_ATTACHMENT: "/Source", VERDICTS_ATTACHMENT: "/Supplement"}

    outline = _outline_pages(back)
    assert "Annex" in outline, sorted(outline)
    if template == "briefing":
        first_page = re.sub(r"\s+", " ", back.pages[0])
        for result in report.evaluation.rulebooks:
            assert result.title in first_page
            assert VERDICTS[result.verdict][0] in first_page, "the verdicts are on page 1"
        assert outline["Annex"] - 1 <= 3, "the briefing has at most three pages before its annex"
    if template == "submission":
        for result in report.evaluation.rulebooks:
            for finding in result.findings:
                assert finding.rule in back.flat, f"{finding.rule} missing from the submission PDF"


def test_same_assessment_gives_the_same_bytes_twice(rendered) -> None:
    """Also across a second of the clock: the second print starts in a later second than the first one
    ended in, so a time stamped into the file (as fontTools stamps its fonts) would show. Both subsetting
    paths in fresh interpreters: test_font_subsetting.py."""
    report, pdf, _ = rendered("red-line", "submission")
    time.sleep(1.0 - time.time() % 1.0 + 0.01)
    build = CASES["red-line"]
    again = prepare_report(build(), COMPILED, LIBRARY, ReportOptions(template="submission"))
    assert again.html == report.html
    assert render_pdf(again) == pdf


def test_the_evaluation_date_can_be_given(rendered) -> None:
    import datetime as dt

    later = prepare_report(CASES["red-line"](), COMPILED, LIBRARY, ReportOptions(), date=dt.date(2031, 6, 1))
    assert later.evaluation.date == dt.date(2031, 6, 1)
    assert "1 June 2031" in later.html


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs pdfinfo (Debian package poppler-utils)")
def test_pdfinfo_reads_the_pdfa_identification(rendered, tmp_path) -> None:
    """The same check with an independent reader: poppler's `pdfinfo -meta` prints the XMP packet."""
    report, pdf, _ = rendered("red-line", "briefing")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    shown = subprocess.run(
        ["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert 'pdfaid:part="3"' in shown and 'pdfaid:conformance="B"' in shown
    assert f"<xmp:CreateDate>{report.evaluation.date.isoformat()}T00:00:00Z</xmp:CreateDate>" in shown


def test_duties_that_start_later_in_the_planned_period_are_in_the_pdf() -> None:
    """The police's search of recorded footage, open-ended: the report says that Art. 26(10) binds it
    from 2 December 2027 (domain.md §14), beside the verdict on the assessment date."""
    library = shipped_library()
    path = next(p for p in example_files() if p.name == "police-protest-footage-search.pia.json")
    loaded = load_assessment_file(path, library)
    briefing = read_pdf(
        render_pdf(prepare_report(loaded.assessment, loaded.questionnaire, library, ReportOptions()))
    )
    short = "From 2 December 2027, more rules bind this deployment; the verdict on that date is “Red line”."
    assert short in briefing.flat  # beside the verdict on page 1
    options = ReportOptions(template="factsheet")
    factsheet = read_pdf(
        render_pdf(prepare_report(loaded.assessment, loaded.questionnaire, library, options))
    )
    assert "From 2 December 2027, this deployment is also bound by:" in factsheet.flat
    assert "This is a fixed date." in factsheet.flat
