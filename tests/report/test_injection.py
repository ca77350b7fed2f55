"""Every free-text field filled with markup, scripts, links and CSS: all of it shows as text, nothing is
fetched or embedded, and the URL fetcher is asked for nothing outside report_templates/; in the Word and
Markdown copies too."""

from __future__ import annotations

import datetime as dt
import io
import re
import typing
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from report_cases import COMPILED, EMPTY, LIBRARY, TEMPLATE_NAMES, read_docx, read_pdf

from pia_wizard.core.answers import edits, review
from pia_wizard.core.models.assessment import Assessment, Scenario, Use
from pia_wizard.core.models.base import FreeTextMarker
from pia_wizard.report import pdf_writer
from pia_wizard.report.editable import editable_bytes
from pia_wizard.report.options import LetterDetails, ReportOptions
from pia_wizard.report.render import prepare_report, print_report
from pia_wizard.report.templates import templates_dir

PAYLOAD = (
    '<img src="file:///etc/passwd">'
    '<a rel="attachment" href="file:///etc/passwd">x</a>'
    '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
    "<script>alert(1)</script>"
    "</style>"
    "body { display: none } @import url(http://127.0.0.1:9/y.css); * { color: white !important }"
)
RAW_MARKUP = ("<img", "<a rel=", "<link rel=", "<script")  # CSS as text is harmless outside <style>


def free_text_fields(model: type[BaseModel], seen: set[type] | None = None) -> set[str]:
    """Every field whose type is, or may be, FreeText (inside unions too), walking nested models."""
    seen = seen if seen is not None else set()
    found: set[str] = set()
    for name, info in model.model_fields.items():
        if any(isinstance(m, FreeTextMarker) for m in info.metadata) or _holds_free_text(info.annotation):
            found.add(f"{model.__name__}.{name}")
        for arg in _flatten(info.annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel) and arg not in seen:
                seen.add(arg)
                found |= free_text_fields(arg, seen)
    return found


def _flatten(annotation: object) -> list[object]:
    args = typing.get_args(annotation)
    return [annotation, *[x for a in args for x in _flatten(a)]]


def _holds_free_text(annotation: object) -> bool:
    return any(
        isinstance(m, FreeTextMarker) for a in _flatten(annotation) for m in getattr(a, "__metadata__", ())
    )


def payload(field: str) -> str:
    return f"[{field}] {PAYLOAD}"


def injected() -> tuple[Assessment, set[str]]:
    """An assessment with every free-text field filled, and the set of fields it filled."""
    filled: set[str] = set()
    metadata = {
        name: payload(f"Metadata.{name}")
        for name, info in type(EMPTY.metadata).model_fields.items()
        if any(isinstance(m, FreeTextMarker) for m in info.metadata)
    }
    filled |= {f"Metadata.{name}" for name in metadata}
    a = edits.set_metadata(EMPTY, **metadata, assessment_date="2026-11-23")
    for question, value in {"q_multi": ["red"], "q_choice": "b", "q_num": 100}.items():
        a = edits.set_value(COMPILED, a, question, value)
    a = edits.set_value(COMPILED, a, "q_text", payload("Answer.value"))
    a = edits.set_note(a, "q_num", payload("Note.text"))
    a = edits.add_evidence(
        a, "q_num", {"title": payload("Evidence.title"), "quote": payload("Evidence.quote"), "confidence": 2}
    )
    filled |= {"Answer.value", "Note.text", "Evidence.title", "Evidence.quote"}
    a = edits.set_value(
        COMPILED, a, "q_people", {"low": 1, "high": 2, "as_stated": payload("NumberRange.as_stated")}
    )
    filled.add("NumberRange.as_stated")
    a = edits.add_item(COMPILED, a, "g_sites")
    a = edits.set_item_value(COMPILED, a, "g_sites", 0, "q_site_name", payload("item Answer.value"))
    # A scenario names itself and its origin in the person's own words (reports may show both).
    link = Scenario(name=payload("Scenario.name"), origin_title=payload("Scenario.origin_title"))
    a = a.model_copy(update={"scenario": link})
    filled |= {"Scenario.name", "Scenario.origin_title"}
    # Several uses (issue 13): each is named in the person's own words, and reports name them.
    uses = (Use(name=payload("Use.name")),)
    a = a.model_copy(update={"first_use_name": payload("Assessment.first_use_name"), "uses": uses})
    filled |= {"Use.name", "Assessment.first_use_name"}
    # A reviewer's comment (in the annex) and an approval (on the cover), in the reviewer's own words.
    a = review.add_comment(COMPILED, a, "q_num", payload("ReviewComment.text"), payload("ReviewComment.by"))
    a = review.set_comment_resolved(a, 0)
    a = review.record_step(
        a, "approved", payload("ReviewStep.by"), dt.date(2026, 11, 23), payload("ReviewStep.comment")
    )
    filled |= {"ReviewComment.text", "ReviewComment.by", "ReviewStep.by", "ReviewStep.comment"}
    return a, filled


LETTER = LetterDetails(
    recipient=payload("recipient"), reference=payload("reference"), legal_basis=payload("legal basis")
)


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.attributes: list[tuple[str, str, str]] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        self.attributes.extend((tag, name, value or "") for name, value in attrs)

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False


def test_the_payload_covers_every_free_text_field_of_the_model() -> None:
    _assessment, filled = injected()
    assert free_text_fields(Assessment) == filled


@pytest.fixture(scope="module")
def recorded() -> list[Any]:
    """Every fetcher the printer creates, so the test can read what each was asked."""
    made: list[Any] = []
    original = pdf_writer.LockedFetcher

    class Recording(original):  # type: ignore[misc,valid-type]
        def __init__(self, root: Path) -> None:
            super().__init__(root)
            made.append(self)

    pdf_writer.LockedFetcher = Recording  # type: ignore[misc]
    yield made
    pdf_writer.LockedFetcher = original  # type: ignore[misc]


@pytest.mark.parametrize("template", TEMPLATE_NAMES)
def test_injected_text_stays_text(recorded: list[Any], template: str) -> None:
    assessment, filled = injected()
    report = prepare_report(assessment, COMPILED, LIBRARY, ReportOptions(template=template, letter=LETTER))

    # In the HTML: every payload escaped, none as markup; user text only in element text.
    for raw in RAW_MARKUP:
        assert raw not in report.html
    assert report.html.count("</style>") == 1
    assert "&lt;script&gt;" in report.html
    parsed = _Attributes()
    parsed.feed(report.html)
    assert "[" not in parsed.style, "user text in a <style> block"
    for tag, name, value in parsed.attributes:
        assert "]" not in value or name == "href", f"user text in <{tag} {name}>"
        if name == "href":
            assert value.startswith(("#", "http://", "https://")), value

    # In the PDF: visible as text, nothing fetched, nothing but our own files embedded.
    before = len(recorded)
    printed = print_report(report)
    fetchers = recorded[before:]
    assert fetchers
    root = templates_dir().resolve().as_uri()
    for fetcher in fetchers:
        assert all(url.startswith(root + "/") for url in fetcher.requests), fetcher.requests
        assert fetcher.refused == []
    back = read_pdf(printed.pdf)
    flat = re.sub(r"\s+", "", back.text)
    assert "<script>alert(1)</script>" in flat
    assert 'href="file:///etc/passwd"' in flat
    assert "root:x:0:0" not in back.text
    expected = {"assessment.pia.json", "verdicts.json"} if not report.options.spec.letter else set()
    assert set(back.attachments) == expected
    for page in back.reader.pages:
        for annotation in page.get("/Annots") or []:
            assert annotation.get_object().get("/Subtype") != "/FileAttachment"
    if template == "submission":  # the template that shows every field
        shown = {f for f in filled if re.sub(r"\s+", "", f"[{f}]") in flat}
        assert shown == filled
    if template == "information-request":
        for field in ("recipient", "reference", "legal basis"):
            assert re.sub(r"\s+", "", f"[{field}]") in flat


# The editable copies: in Word every payload is text in a run, and the package holds no link to
# anything outside it; in Markdown every payload is escaped, so rendered as CommonMark it makes no tag.
WORD_PARTS = re.compile(
    r"^([A-Za-z0-9_/.\[\]]+\.(xml|rels)|docProps/thumbnail\.jpeg)$"  # no images, no embedded objects
)
MARKDOWN_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "strong",
    "em",
}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


@pytest.mark.parametrize("template", TEMPLATE_NAMES)
def test_injected_text_stays_text_in_the_editable_copies(template: str) -> None:
    import zipfile

    from markdown_it import MarkdownIt

    assessment, filled = injected()
    report = prepare_report(assessment, COMPILED, LIBRARY, ReportOptions(template=template, letter=LETTER))

    word = editable_bytes(report.context, "docx")
    package = zipfile.ZipFile(io.BytesIO(word))
    for name in package.namelist():
        assert WORD_PARTS.match(name), f"unexpected part {name}"
        if name.endswith(".rels"):
            assert b'TargetMode="External"' not in package.read(name), name
    text = read_docx(word).text
    flat = re.sub(r"\s+", "", text)
    assert "<script>alert(1)</script>" in flat and 'href="file:///etc/passwd"' in flat

    markdown = editable_bytes(report.context, "markdown").decode("utf-8")
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    tags = _Tags()
    tags.feed(html)
    for tag, attrs in tags.tags:
        assert tag in MARKDOWN_TAGS, f"<{tag}> made from the Markdown copy"
        assert all(name == "style" and value in ("text-align:left",) for name, value in attrs), attrs
    shown = re.sub(r"\s+", "", markdown.replace("\\", ""))
    assert "<script>alert(1)</script>" in shown

    if template == "submission":  # the template that shows every field
        for copy in (flat, shown):
            assert {f for f in filled if re.sub(r"\s+", "", f"[{f}]") in copy} == filled
    if template == "information-request":
        for field in ("recipient", "reference", "legal basis"):
            assert re.sub(r"\s+", "", f"[{field}]") in flat
            assert re.sub(r"\s+", "", f"[{field}]") in shown
