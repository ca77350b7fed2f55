"""The editable copies (Word and Markdown) of every template for every example and fixture case, read
back (the Word file with python-docx): headings, the verdict table, numbered lists, the document's
properties, the disclaimer, the legal currency, the fingerprint and the editable-copy line; the same
bytes twice; and, where LibreOffice is installed, a Word file converted to PDF shows the verdicts."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from report_cases import (
    CASES,
    COMPILED,
    LIBRARY,
    TEMPLATE_NAMES,
    DocxBack,
    example_files,
    read_docx,
    red_line_case,
)

from pia_wizard.cli import main
from pia_wizard.core.load.assessment_io import load_assessment_file, save_assessment
from pia_wizard.core.load.library import shipped_library
from pia_wizard.report.editable import editable_bytes
from pia_wizard.report.markdown_writer import escape
from pia_wizard.report.options import ReportOptions
from pia_wizard.report.render import Report, prepare_report
from pia_wizard.report.wording import EDITABLE_NOTE

QUESTION_ID = re.compile(r"\bq\d{3}\b")


def no_more_ids(report: Report, text: str) -> bool:
    """No question or rulebook id that the PDF's own HTML does not show (a rulebook's data may)."""
    ids = set(QUESTION_ID.findall(text)) | {
        b["id"] for b in report.context["method"]["rulebooks"] if b["id"] in text
    }
    return ids <= set(QUESTION_ID.findall(report.html)) | {i for i in ids if f"({i})" in report.html}


def check_docx(report: Report, back: DocxBack) -> None:
    context = report.context
    letter = context["template"]["letter"]
    title = back.headings[0]
    assert title == ("Title", "Request for information" if letter else context["document"]["title"])
    assert any(style == "Heading 1" for style, _text in back.headings)
    props = back.document.core_properties
    assert props.title == context["document"]["title"]
    assert props.subject.startswith(context["document"]["kind"])
    assert props.created.date().isoformat() == context["document"]["date_iso"]
    assert "python-docx" not in back.text
    text = back.text
    assert EDITABLE_NOTE in text
    assert context["method"]["rules_as_of"] in text
    if not letter:
        table = back.table_with("Rulebook", "Does it apply?", "Verdict")
        assert [(row[0], row[2].split("\n")[0]) for row in table[1:]] == [
            (v["title"], v["label"]) for v in context["verdicts"]
        ]
        assert context["method"]["disclaimer"] in text
        assert context["method"]["fingerprint"] in text
        for cur in context["method"]["currency"]:
            assert f"“{cur['timeline']}”" in text
    else:
        numbered = [t for s, t in back.paragraphs if s == "List Number"]
        assert len(numbered) == len(context["gaps"])
        assert [g["ask"] for g in context["gaps"]] == [
            t[: len(g["ask"])] for t, g in zip(numbered, context["gaps"], strict=True)
        ]
    assert no_more_ids(report, text)


def check_markdown(report: Report, text: str) -> None:
    context = report.context
    assert "\n# Request for information\n" in text if context["template"]["letter"] else text.startswith("# ")
    assert escape(EDITABLE_NOTE) in text
    if not context["template"]["letter"]:
        assert "| Rulebook | Does it apply? | Verdict |" in text
        for v in context["verdicts"]:
            later = "".join(f" / {escape(x['short'])}" for x in v["later"])
            # With several uses, the use behind the verdict on its own line (issue 13).
            use = f" / {escape(v['use'][:1].upper() + v['use'][1:])}" if v["use"] else ""
            applies = escape(v["applies_label"].capitalize())
            row = f"| {escape(v['title'])} | {applies} | {escape(v['label'])}{use}{later} |"
            assert row in text
        assert context["method"]["fingerprint"] in text
        assert escape(context["method"]["disclaimer"]) in text
    assert no_more_ids(report, text)


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_every_template_of_every_example_as_word_and_markdown(path: Path) -> None:
    library = shipped_library()
    loaded = load_assessment_file(path, library)
    for template in TEMPLATE_NAMES:
        report = prepare_report(
            loaded.assessment, loaded.questionnaire, library, ReportOptions(template=template)
        )
        check_docx(report, read_docx(editable_bytes(report.context, "docx")))
        check_markdown(report, editable_bytes(report.context, "markdown").decode("utf-8"))


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("template", TEMPLATE_NAMES)
def test_every_template_of_every_fixture_case(case: str, template: str) -> None:
    report = prepare_report(CASES[case](), COMPILED, LIBRARY, ReportOptions(template=template, draft=True))
    back = read_docx(editable_bytes(report.context, "docx"))
    check_docx(report, back)
    assert "DRAFT — not for circulation" in back.text
    check_markdown(report, editable_bytes(report.context, "markdown").decode("utf-8"))


def test_the_submission_carries_its_analysis_in_tables_and_numbered_paragraphs() -> None:
    report = prepare_report(red_line_case(), COMPILED, LIBRARY, ReportOptions(template="submission"))
    back = read_docx(editable_bytes(report.context, "docx"))
    steps = back.table_with("Test", "Step", "Result", "Reason")
    first = report.context["rulebooks"][0]
    assert [row[:2] for row in steps[1:]] == [
        [t["title"], s["title"]] for t in first["tests"] for s in t["steps"]
    ]
    sources = back.table_with("Source", "Verification", "Address and note")
    assert [row[0] for row in sources[1:]] == [s["short"] for s in report.context["annex"]["sources"]]
    assert [t for _s, t in back.headings[:3]] == [
        report.context["document"]["title"],
        "1. Summary",
        "2. The deployment and its figures",
    ]
    numbered = [t for s, t in back.paragraphs if s == "List Number"]
    assert numbered[0] == report.context["summary"][0]
    # One numbering for the whole submission: paragraph numbers run on across sections.
    ids = {p._p.pPr.numPr.numId.val for p in back.document.paragraphs if p.style.name == "List Number"}
    assert len(ids) == 1
    markdown = editable_bytes(report.context, "markdown").decode("utf-8")
    assert f"{len(numbered)}\\. " in markdown and "1\\. " + escape(report.context["summary"][0]) in markdown


def test_each_numbered_list_starts_again_at_one() -> None:
    report = prepare_report(red_line_case(), COMPILED, LIBRARY, ReportOptions(template="briefing"))
    back = read_docx(editable_bytes(report.context, "docx"))
    lists: dict[int, list[str]] = {}
    for paragraph in back.document.paragraphs:
        if paragraph.style.name == "List Number":
            lists.setdefault(paragraph._p.pPr.numPr.numId.val, []).append(paragraph.text)
    assert len(lists) == 2  # the decisive reasons, the key gaps
    numbering = back.document.part.numbering_part.element
    for num_id in lists:
        (start,) = numbering.num_having_numId(num_id).xpath("./w:lvlOverride/w:startOverride/@w:val")
        assert start == "1"


def test_the_same_assessment_gives_the_same_bytes_dated_by_the_assessment() -> None:
    options = ReportOptions(template="factsheet")
    first = editable_bytes(prepare_report(red_line_case(), COMPILED, LIBRARY, options).context, "docx")
    second = editable_bytes(prepare_report(red_line_case(), COMPILED, LIBRARY, options).context, "docx")
    assert first == second
    dates = {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()}
    assert dates == {(2026, 11, 23, 0, 0, 0)}


def test_the_command_writes_word_and_markdown_without_weasyprint(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pia_wizard.report.pdf_writer", None)  # as without Pango
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    source = tmp_path / "case.pia.json"
    library = shipped_library()
    example = load_assessment_file(example_files()[0], library)
    save_assessment(source, example.assessment)
    word, markdown, named = tmp_path / "out.docx", tmp_path / "out.md", tmp_path / "out.txt"
    assert (
        main(["report", str(source), "-o", str(word), "--template", "submission", "--omit", "identity"]) == 0
    )
    assert main(["report", str(source), "-o", str(markdown)]) == 0
    assert main(["report", str(source), "-o", str(named), "--format", "docx"]) == 0
    assert "editable copy" in capsys.readouterr().err
    back = read_docx(word.read_bytes())
    assert back.headings[1] == ("Heading 1", "1. Summary")
    assert back.document.core_properties.author == ""
    assert example.assessment.metadata.assessor not in back.text
    assert markdown.read_text(encoding="utf-8").startswith("# ")
    assert read_docx(named.read_bytes()).headings[1:3] == [
        ("Heading 1", "In short"),
        ("Heading 1", "Verdict"),
    ]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_word_file_and_shows_the_verdicts(tmp_path: Path) -> None:
    report = prepare_report(red_line_case(), COMPILED, LIBRARY, ReportOptions(template="submission"))
    source = tmp_path / "submission.docx"
    source.write_bytes(editable_bytes(report.context, "docx"))
    profile = (tmp_path / "profile").as_uri()  # its own profile: no lock shared with another run
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    back = read_pdf_text((tmp_path / "submission.pdf").read_bytes())
    assert report.context["document"]["title"] in back
    for verdict in report.context["verdicts"]:
        assert f"{verdict['title']} {verdict['applies_label'].capitalize()} {verdict['label']}" in back


def read_pdf_text(data: bytes) -> str:
    """The text of a PDF that is not one of ours (no XMP), white space made single spaces."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", "\n".join(page.extract_text() or "" for page in reader.pages))
