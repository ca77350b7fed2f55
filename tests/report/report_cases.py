"""Assessments the report tests render, built on the fixture questionnaire and rulebooks, and helpers
that read a PDF back with pypdf (never poppler)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpers import FIXTURES, ROOT, fixture_library
from pypdf import PdfReader

from pia_wizard.core.answers import edits
from pia_wizard.core.models.assessment import Assessment

HERE = Path(__file__).parent
GLOSSARY = HERE / "fixtures" / "glossary.yaml"
LIBRARY = fixture_library(FIXTURES / "rulebook-ladder.yaml", FIXTURES / "rulebook-mini.yaml", GLOSSARY)
COMPILED = LIBRARY.questionnaires["mini"]
EMPTY = Assessment.model_validate({"schema_version": 1, "questionnaire": {"id": "mini", "version": "1.0"}})
TEMPLATE_NAMES = ("briefing", "submission", "factsheet", "information-request")

# Distinctive words placed in each kind of material, so a test can tell whether it leaked.
PRIVATE_NOTE = "Zebracorn private source said so"
SHARED_NOTE = "Quokkanote from the public meeting"
QUOTE = "Wombatquote we will scan about a hundred"
ASSESSOR = "Ada Narwhalson"
ORGANISATION = "Okapi Post"
EVIDENCE_TITLE = "Council minutes of 3 November 2026"
FILE_NAME = "capybara-sign.txt"


def answer(assessment: Assessment, **values: Any) -> Assessment:
    for question, value in values.items():
        if value == "UNKNOWN":
            assessment = edits.set_unknown(COMPILED, assessment, question)
        else:
            assessment = edits.set_value(COMPILED, assessment, question, value)
    return assessment


def red_line_case() -> Assessment:
    """Rich: metadata, a red line, notes (shared and private), evidence with a quote and a file, a group."""
    a = edits.set_metadata(
        EMPTY,
        title="Live facial recognition at Central Station",
        deployment="Six cameras scanning faces against a police watchlist",
        operator_name="City Police Department",
        place="Central Station, Exampletown",
        assessor=ASSESSOR,
        organisation=ORGANISATION,
        audience="City council, public safety committee",
        assessment_date="2026-11-23",
    )
    a = answer(
        a,
        q_multi=["red"],
        q_choice="b",
        q_num=100,
        q_yes=True,
        q_b1=True,
        q_people=40000,
        q_watch=2000,
        q_rate=0.0001,
        q_unit="comparison",
        q_days=365,
        q_text="UNKNOWN",
    )
    a = edits.set_note(a, "q_num", SHARED_NOTE)
    a = edits.set_note(a, "q_choice", PRIVATE_NOTE, private=True)
    a = edits.set_note(a, "q_date", PRIVATE_NOTE + " again", private=True)  # a note and nothing else
    a, file_id = edits.add_attachment(a, FILE_NAME, "text/plain", b"No cameras beyond this point")
    a = edits.add_evidence(
        a,
        "q_num",
        {
            "title": EVIDENCE_TITLE,
            "address": "https://example.org/minutes.pdf",
            "accessed": "2026-11-04",
            "quote": QUOTE,
            "confidence": 3,
        },
    )
    a = edits.add_evidence(a, "q_b1", {"title": "Photo of a sign", "attachment": file_id, "confidence": 1})
    a = edits.add_item(COMPILED, a, "g_sites")
    a = edits.set_item_value(COMPILED, a, "g_sites", 0, "q_site_name", "Main hall")
    a = edits.set_item_value(COMPILED, a, "g_sites", 0, "q_site_people", 250)
    return a


def passing_case() -> Assessment:
    a = edits.set_metadata(EMPTY, title="Door entry by face at the town hall", assessment_date="2026-11-23")
    a = answer(a, q_multi=["red"], q_choice="a", q_num=100, q_yes=True, q_text="statute 12")
    return edits.add_evidence(a, "q_num", {"title": "Published register", "confidence": 4})


def not_applicable_case() -> Assessment:
    """Little more than a date: no title, nothing known, one rulebook out of its jurisdiction."""
    return answer(edits.set_metadata(EMPTY, assessment_date="2026-11-23"), q_multi=["blue"])


CASES = {
    "red-line": red_line_case,
    "passes": passing_case,
    "not-applicable": not_applicable_case,
}


def example_files() -> list[Path]:
    return sorted((ROOT / "examples").glob("*.pia.json"))


# ------------------------------------------------------------------------------------ reading PDFs


@dataclass
class ReadBack:
    pages: list[str]
    attachments: dict[str, list[bytes]]
    xmp: str
    reader: PdfReader

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def flat(self) -> str:
        """The text with every run of white space made one space (lines wrap anywhere)."""
        return re.sub(r"\s+", " ", self.text)

    def page_of(self, needle: str) -> int | None:
        for number, page in enumerate(self.pages, start=1):
            if needle in page:
                return number
        return None


def read_pdf(data: bytes) -> ReadBack:
    reader = PdfReader(io.BytesIO(data))
    metadata = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    return ReadBack(
        pages=[page.extract_text() or "" for page in reader.pages],
        attachments={name: list(content) for name, content in reader.attachments.items()},
        xmp=metadata,
        reader=reader,
    )


def embedded_fonts(reader: PdfReader) -> set[str]:
    """The font names a PDF embeds (subset prefixes such as `ABCDEF+` removed)."""
    names = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+", 1)[-1])
    return names


def replace_attachments(pdf: bytes, wanted: dict[str, bytes]) -> bytes:
    """The PDF with the named embedded files' contents rewritten (by pypdf), everything else kept:
    what someone who swaps the data inside a report would do."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, NumberObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    names = writer.root_object["/Names"]["/EmbeddedFiles"]["/Names"]
    found = set()
    for index in range(0, len(names), 2):
        name = str(names[index])
        if name in wanted:
            stream = names[index + 1].get_object()["/EF"]["/F"].get_object()
            stream.set_data(wanted[name])
            stream["/Params"][NameObject("/Size")] = NumberObject(len(wanted[name]))
            found.add(name)
    assert found == set(wanted), f"no such attachment: {set(wanted) - found}"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# ------------------------------------------------------------------------ reading editable copies


@dataclass
class DocxBack:
    """A Word document read back with python-docx: its headings, paragraphs, tables and properties."""

    document: Any
    headings: list[tuple[str, str]]  # (style name, text)
    paragraphs: list[tuple[str, str]]  # (style name, text), headings included
    tables: list[list[list[str]]]

    @property
    def text(self) -> str:
        """Every paragraph and table cell, and the document's properties, as one string."""
        props = self.document.core_properties
        cells = [c for t in self.tables for row in t for c in row]
        fields = [props.title, props.subject, props.author, props.last_modified_by, props.comments]
        return "\n".join([*(p for _s, p in self.paragraphs), *cells, *fields])

    def table_with(self, *header: str) -> list[list[str]]:
        """The first table whose first row starts with `header`."""
        for table in self.tables:
            if tuple(table[0][: len(header)]) == header:
                return table
        raise AssertionError(f"no table headed {header}: {[t[0] for t in self.tables]}")


def read_docx(data: bytes) -> DocxBack:
    import docx

    document = docx.Document(io.BytesIO(data))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    headings = [(s, t) for s, t in paragraphs if s == "Title" or s.startswith("Heading")]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return DocxBack(document, headings, paragraphs, tables)
