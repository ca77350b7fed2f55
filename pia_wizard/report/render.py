"""Make a report: redact, evaluate, build the plain context, render HTML, and print it to PDF.

`prepare_report` does everything but the PDF (fast, no WeasyPrint); `render_pdf` imports WeasyPrint
only when it is called, and turns its missing system libraries into a message that says what to
install. Same assessment and options → same HTML and same PDF bytes: every date comes from the
assessment, none from the clock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import importlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pia_wizard import __version__
from pia_wizard.core.answers.review import ReviewState, review_state
from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.evaluation.results import Evaluation
from pia_wizard.core.load.assessment_io import assessment_bytes
from pia_wizard.core.load.library import Library
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.models.rulebook import Rulebook
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.report.context import build_report_context
from pia_wizard.report.options import ReportOptions
from pia_wizard.report.redaction import redact
from pia_wizard.report.templates import compile_templates, render_html, templates_dir
from pia_wizard.report.wording import words

ASSESSMENT_ATTACHMENT = "assessment.pia.json"
VERDICTS_ATTACHMENT = "verdicts.json"
MAX_COMPACT = 2  # how far a template with a page budget may be shortened

MISSING_LIBRARIES = (
    "WeasyPrint cannot run: {error}\n"
    "It needs the Pango text library. On Debian or Ubuntu: "
    "sudo apt install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b "
    "(libharfbuzz-subset0 makes it faster); on Fedora: sudo dnf install pango; on macOS: "
    "brew install pango. Meanwhile, {fallback} writes the report as a web page that a browser can print."
)
CLI_FALLBACK = "--html OUT.html"


class ReportError(Exception):
    """A report that cannot be made, with a message for the person who asked for it."""


class MissingLibrariesError(ReportError):
    """WeasyPrint or its system libraries are missing; the message says what to install, and how to get
    the report as a web page meanwhile (the command line's way unless `fallback` names another)."""

    def __init__(self, error: BaseException) -> None:
        self.error = error
        super().__init__(self.message())

    def message(self, fallback: str = CLI_FALLBACK) -> str:
        return MISSING_LIBRARIES.format(error=self.error, fallback=fallback)


@dataclass(frozen=True)
class Report:
    """A report ready to print: its HTML and the files to embed in the PDF."""

    options: ReportOptions
    html: str
    context: dict[str, Any]
    evaluation: Evaluation
    assessment: Assessment  # as redacted: what the report shows and embeds
    data: bytes  # the redacted assessment's canonical bytes
    fingerprint: str  # SHA-256 of `data`
    attachments: tuple[tuple[str, bytes, str, str], ...]  # name, bytes, description, AFRelationship

    @property
    def timestamp(self) -> dt.datetime:
        return dt.datetime.combine(self.evaluation.date, dt.time(0, 0), tzinfo=dt.UTC)


def rulebooks_for(library: Library, compiled: CompiledQuestionnaire) -> list[Rulebook]:
    return [b for b in library.rulebooks.values() if b.questionnaire == compiled.id]


def prepare_report(
    assessment: Assessment,
    compiled: CompiledQuestionnaire,
    library: Library,
    options: ReportOptions,
    *,
    date: dt.date | None = None,
    rulebooks: Sequence[Rulebook] | None = None,
    root: Path | None = None,
    review: ReviewState | None = None,
    private_notes: bool | None = None,
) -> Report:
    """Everything up to the PDF. ValueError when there is no evaluation date.

    The review is judged over `assessment` as given; a caller that already removed private notes
    (the window's export) passes the state of the full assessment and whether it had private notes."""
    books = list(rulebooks) if rulebooks is not None else rulebooks_for(library, compiled)
    redacted = redact(assessment, options)
    data = assessment_bytes(redacted)
    fingerprint = hashlib.sha256(data).hexdigest()
    evaluation = evaluate(compiled, books, redacted, date, sources=library.sources, language=options.language)
    context = build_report_context(
        compiled=compiled,
        rulebooks=books,
        library=library,
        assessment=redacted,
        evaluation=evaluation,
        options=options,
        fingerprint=fingerprint,
        review=review or review_state(assessment),  # over the full assessment, never the redacted copy
        full=assessment,
        private_notes=private_notes,
    )
    html = render_html(options.template, context, root)
    attachments: tuple[tuple[str, bytes, str, str], ...] = ()
    if not options.leaves_out("embedded"):
        tr = words(options.language).gettext  # a PDF viewer shows the descriptions in its attachments list
        attachments = (
            (
                ASSESSMENT_ATTACHMENT,
                data,
                tr("The assessment this report was made from (SHA-256 {fingerprint})").format(
                    fingerprint=fingerprint
                ),
                "Source",
            ),
            (
                VERDICTS_ATTACHMENT,
                verdicts_bytes(evaluation, books, compiled, fingerprint),
                tr("The verdicts as evaluated for this report"),
                "Supplement",
            ),
        )
    return Report(options, html, context, evaluation, redacted, data, fingerprint, attachments)


def verdicts_bytes(
    evaluation: Evaluation, rulebooks: Sequence[Rulebook], compiled: CompiledQuestionnaire, fingerprint: str
) -> bytes:
    """The verdicts beside the embedded assessment, so a reader can compare a re-evaluation with them."""
    versions = {b.id: b.version for b in rulebooks}
    body = {
        "assessment_sha256": fingerprint,
        "evaluated_on": evaluation.date.isoformat(),
        "timeline": evaluation.timeline,
        "questionnaire": {"id": compiled.id, "version": compiled.questionnaire.version},
        "rulebooks": [
            {"id": r.id, "version": versions.get(r.id, ""), "verdict": r.verdict}
            for r in evaluation.rulebooks
        ],
        "generator": f"pia-wizard {__version__}",
    }
    return (json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


@dataclass(frozen=True)
class Printed:
    pdf: bytes
    html: str  # the HTML that was printed (shortened if the template's page budget required it)
    compact: int  # 0 = as prepared; higher = fewer items shown, to keep within the page budget


def print_report(report: Report, *, root: Path | None = None) -> Printed:
    """Lay out and write the PDF. A template with a page budget (the briefing: three pages before the
    annex) is laid out again with fewer items until it fits, or until it cannot be shortened further.

    ReportError when WeasyPrint or its system libraries are missing, or when the HTML asked for any
    resource outside the report templates (a bug: nothing outside is fetched, and nothing is printed).
    """
    try:
        pdf_writer = importlib.import_module("pia_wizard.report.pdf_writer")
    except (OSError, ImportError) as exc:  # cffi cannot load Pango, or WeasyPrint is not installed
        raise MissingLibrariesError(exc) from exc
    folder = root or templates_dir()
    fetcher = pdf_writer.LockedFetcher(folder)
    budget = report.options.spec.page_budget
    html, compact = report.html, 0
    with collector_paused():
        while True:
            document = pdf_writer.layout(html, root=folder, fetcher=fetcher)
            before = "annex" if report.context["annex"] is not None else None
            if budget is None or compact >= MAX_COMPACT or pdf_writer.page_count(document, before) <= budget:
                break
            compact += 1
            html = render_html(report.options.template, {**report.context, "compact": compact}, root)
        attachments, when = report.attachments, report.timestamp
        pdf = pdf_writer.write(document, attachments=attachments, when=when, fetcher=fetcher)
    if fetcher.refused:
        raise ReportError(
            "the report asked for resources outside its templates, which were refused: "
            + ", ".join(fetcher.refused)
        )
    return Printed(pdf, html, compact)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for a print, and as it was afterwards. WeasyPrint builds some
    hundred thousand boxes that all live until the PDF is written; the collector's full passes over
    them took ~0.25 s of a ~2 s briefing and freed little (2026-12-04: the briefing of the largest
    example 1.84 → 1.58 s CPU, its peak memory 129 → 134 MB; the submission 3.1 → 2.8 s, 155 → 164 MB).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def render_pdf(report: Report, *, root: Path | None = None) -> bytes:
    """The PDF bytes (see print_report)."""
    return print_report(report, root=root).pdf


WARM_UP_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>warm-up</title><style>
{css}</style></head><body><h1>Warm-up</h1><p>Serif <b>bold</b> <i>italic</i> <span class="mono">mono</span>
<span class="sans">sans</span> <span class="tag tag-V">V</span></p>
<table><tr><td>a</td><td>b</td></tr></table></body></html>"""


def warm_up(root: Path | None = None) -> None:
    """Import WeasyPrint and print one small page in the reports' fonts and styles, so that the next
    report does not pay for it, and compile every template. The export worker does this while the
    person is still choosing in the export dialog (about 0.6 s of every cold export)."""
    pdf_writer = importlib.import_module("pia_wizard.report.pdf_writer")
    folder = root or templates_dir()
    compile_templates(folder)
    fetcher = pdf_writer.LockedFetcher(folder)
    css = (folder / "_base" / "base.css").read_text(encoding="utf-8")
    document = pdf_writer.layout(WARM_UP_HTML.format(css=css), root=folder, fetcher=fetcher)
    when = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    pdf_writer.write(document, attachments=(), when=when, fetcher=fetcher)
