"""The outline as a Word document (python-docx): heading styles, numbered lists, tables, properties.

Word's own styles carry the structure (Title, Heading 1–4, List Number, List Bullet, Table Grid), so
the navigation pane and a table of contents work and an editor's house style applies. Every list that
is numbered starts again at 1; the numbered paragraphs of a submission run on through the document.
The package's dates come from the assessment, not the clock, so the same input gives the same bytes.
No WeasyPrint is needed.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from babel.core import get_global
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from pia_wizard.report.editable import Heading, Items, Outline, Para, Run, Table

SMALL = Pt(9)
DRAFT_RED = RGBColor(0x9B, 0x1C, 0x1C)
PROPERTY_LIMIT = 255  # python-docx refuses longer core properties


def docx_bytes(outline: Outline, generator: str) -> bytes:
    """The .docx file's bytes."""
    document = Document()
    _properties(document, outline, generator)
    submission_numbers: int | None = None
    for block in outline.blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, block.level)
        elif isinstance(block, Para):
            if block.kind == "numbered":
                paragraph = document.add_paragraph(style="List Number")
                submission_numbers = _numbering(document, paragraph, submission_numbers)
            else:
                paragraph = document.add_paragraph()
            _runs(paragraph, block.runs, block.kind)
        elif isinstance(block, Items):
            style = "List Number" if block.numbered else "List Bullet"
            fresh: int | None = None
            for item in block.items:
                paragraph = document.add_paragraph(style=style)
                if block.numbered:
                    fresh = _numbering(document, paragraph, fresh)
                _runs(paragraph, item, "body")
        elif isinstance(block, Table):
            _table(document, block)
    return _fixed_dates(_save(document), outline.created)


def _properties(document: Any, outline: Outline, generator: str) -> None:
    props = document.core_properties
    when = dt.datetime.fromisoformat(outline.created).replace(tzinfo=dt.UTC)
    props.title = _fitted(outline.title)
    props.subject = _fitted(outline.subject)
    props.author = _fitted(outline.author)  # empty when the identity is left out
    props.last_modified_by = _fitted(outline.author)
    props.keywords = outline.keywords
    props.comments = f"Editable copy made by {generator}; the PDF report is the record."
    props.category = "Report"
    props.language = outline.language
    props.created = when
    props.modified = when
    props.revision = 1
    _language(document, outline.language)


def _language(document: Any, language: str) -> None:
    """The document's language for spelling and hyphenation (the default run language, w:lang): Word's
    own template says en-US, which an English copy keeps as it is; another language replaces it, with
    its likely region ("de" → "de-DE")."""
    if language in ("", "en"):
        return
    if "-" not in language:
        likely = get_global("likely_subtags").get(language, language).split("_")
        language = f"{likely[0]}-{likely[-1]}" if len(likely) > 1 else likely[0]
    run_defaults = (
        document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    )
    lang = run_defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_defaults.append(lang)
    lang.set(qn("w:val"), language)


def _fitted(text: str, limit: int = PROPERTY_LIMIT) -> str:
    """A property as Word allows it (255 characters), cut at a word with an ellipsis if longer."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 2].rsplit(" ", 1)[0] + " …"


def _runs(paragraph: Any, runs: tuple[Run, ...], kind: str) -> None:
    for part in runs:
        lines = part.text.split("\n")
        run = paragraph.add_run(lines[0])
        for line in lines[1:]:
            run.add_break(WD_BREAK.LINE)
            run.add_text(line)
        run.bold = part.bold or None
        if kind == "small":
            run.font.size = SMALL
        elif kind == "draft":
            run.font.color.rgb = DRAFT_RED


def _table(document: Any, block: Table) -> None:
    header = any(block.header)
    lines = [block.header, *block.rows] if header else list(block.rows)
    table = document.add_table(rows=len(lines), cols=len(block.header))
    table.style = document.styles["Table Grid"]
    for number, (row, line) in enumerate(zip(table.rows, lines, strict=True)):
        for index, (cell, text) in enumerate(zip(row.cells, line, strict=True)):
            strong = number == 0 if header else index == 0
            _runs(cell.paragraphs[0], (Run(text, bold=strong),), "body")
    if header:
        _repeat_header(table.rows[0])
    if block.caption:
        caption = document.add_paragraph(style="Caption")
        caption.add_run(block.caption)
    else:
        document.add_paragraph()  # Word joins two tables that touch


def _element(paragraph: Any) -> Any:
    """A paragraph's `w:p` element, through public API: python-docx's `ParagraphFormat` is an
    `ElementProxy` over the paragraph's own element, and `ElementProxy.element` is public."""
    return paragraph.paragraph_format.element


def _repeat_header(row: Any) -> None:
    """The header row repeats on each page a long table runs over. python-docx has no call for it and
    no public handle on a row's element: the row is the parent of its first cell (`w:tc`), which is the
    parent of the cell's first paragraph."""
    properties = _element(row.cells[0].paragraphs[0]).getparent().getparent().get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _numbering(document: Any, paragraph: Any, num_id: int | None) -> int:
    """Number `paragraph` in the list `num_id`, or in a new list that starts at 1 (None). python-docx
    has no public call for restarting a numbered list: a new numbering instance of the "List Number"
    style's abstract definition, with its start overridden, is Word's own way."""
    if num_id is None:
        numbering = document.part.numbering_part.element
        style = document.styles["List Number"].element
        style_num = style.pPr.numPr.numId.val
        abstract = numbering.num_having_numId(style_num).abstractNumId.val
        num = numbering.add_num(abstract)
        override = num.add_lvlOverride(ilvl=0)
        override.add_startOverride(1)
        num_id = num.numId
    p_pr = _element(paragraph).get_or_add_pPr()
    num_pr = p_pr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id
    return num_id


def _save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _fixed_dates(data: bytes, day: str) -> bytes:
    """The package re-zipped with every member dated `day` (the zip writer stamps the clock)."""
    stamp = dt.date.fromisoformat(day)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
