"""The export job, run in a separate process: load, evaluate, render, report progress on a queue.

This module must not import Qt: it is what the spawned worker process imports. Rendering a long
report in a worker *thread* stalled the window's event loop up to ~160 ms (the GIL); a process keeps
it turning. Starting one costs about a second (Python, the core, WeasyPrint, the fonts), so the
window starts it ahead of need — when the export dialog opens — and keeps it for later exports:
`serve` warms up, then runs one request after another until it is told to stop, has been idle for
`IDLE_SECONDS`, or finds that the window's process has gone.

THE SEAM to the report layer is `_render_pdf`, called by `render_export` (named by `RENDERER`): it
renders through `pia_wizard.report` (prepare_report + print_report, or the HTML alone for a file name
ending in .html, or an editable Word or Markdown copy for .docx or .md; these three need no WeasyPrint)
when that can be imported (the PDF signed when the request names a key: the passphrase comes in the
request, in memory, and is never written or logged), and otherwise `render_export` writes the
evaluation as JSON. Any exception, such as WeasyPrint's missing
system libraries, comes back to the window as the error dialog's text.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import json
import multiprocessing
import os
import queue as queue_module
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pia_wizard.ui.marks import QT_TRANSLATE_NOOP

RENDERER = "pia_wizard.ui.export_worker:render_export"
IDLE_SECONDS = 600.0  # a kept worker gives its memory (~130 MB) back after ten idle minutes
WATCH_SECONDS = 1.0  # how often an idle worker looks whether the window's process still runs

Progress = Callable[[float, str], None]


class _Queue(Protocol):
    def put(self, item: Any) -> None: ...


class _Requests(Protocol):
    def get(self, block: bool = True, timeout: float | None = None) -> Any: ...


@dataclass(frozen=True)
class ExportRequest:
    """Everything the worker needs, as plain picklable data (models hold read-only mappings)."""

    assessment_json: str
    name: str  # the assessment's file name, for messages
    output: str
    template: str
    language: str
    draft: bool
    date: str  # ISO date the rules are judged at
    rulebooks: tuple[str, ...]
    library_files: tuple[str, ...] | None = None  # None: the shipped library
    renderer: str = RENDERER
    options: dict[str, Any] = field(default_factory=dict)


def run(request: ExportRequest, queue: _Queue) -> None:
    """The worker process's entry point: every outcome, good or bad, goes back on the queue."""
    queue.put(("started", os.getpid(), threading.current_thread().name))
    try:
        module_name, _, function_name = request.renderer.partition(":")
        render = getattr(importlib.import_module(module_name), function_name)
        output = render(request, lambda fraction, text: queue.put(("progress", float(fraction), str(text))))
    except Exception as exc:  # noqa: BLE001 - any failure is shown to the person as a message
        from pia_wizard.core.files.problems import LoadError

        # The project's own errors (LoadError, ReportError, SaveError …) are written for people.
        ours = type(exc).__module__.startswith("pia_wizard.") and not isinstance(exc, AssertionError)
        message = str(exc) if ours or isinstance(exc, LoadError | OSError) else f"{type(exc).__name__}: {exc}"
        queue.put(("error", message))
    else:
        queue.put(("done", str(output)))


def serve(
    requests: _Requests,
    results: _Queue,
    *,
    warm: bool = True,
    idle_seconds: float = IDLE_SECONDS,
    watch_seconds: float = WATCH_SECONDS,
) -> None:
    """The kept worker's entry point: warm up, say ("ready", pid), then run each request (see `run`)
    until a None request, `idle_seconds` without one, or the parent process gone."""
    if warm:
        warm_up()
    results.put(("ready", os.getpid()))
    parent = multiprocessing.parent_process()  # None when not started by multiprocessing (tests)
    idle_since = time.monotonic()
    while True:
        try:
            request = requests.get(timeout=watch_seconds)
        except queue_module.Empty:
            if (parent is not None and not parent.is_alive()) or time.monotonic() - idle_since > idle_seconds:
                return
            continue
        if request is None:
            return
        run(request, results)
        gc.collect()  # the laid-out report is garbage now: free it while the worker waits, not later
        idle_since = time.monotonic()


def warm_up() -> None:
    """What every export needs before its own work: the core and the shipped library, the report layer
    with WeasyPrint, and the fonts (found on the first layout). Best effort: whatever fails here (say,
    WeasyPrint's system libraries are missing) fails again in the export, which reports it."""
    try:
        from pia_wizard.core.load.library import shipped_library
        from pia_wizard.report.render import warm_up as warm_up_report

        shipped_library()
        warm_up_report()
    except Exception:  # noqa: BLE001 - see the docstring: the export itself reports the problem
        return


def load(request: ExportRequest):  # type: ignore[no-untyped-def]
    """The library, questionnaire, assessment and rulebooks the request names."""
    from pia_wizard.core.files.problems import LoadError
    from pia_wizard.core.load.library import assessment_from_document, check_files, shipped_library
    from pia_wizard.core.load.loading import parse_assessment_document

    if request.library_files is None:
        library = shipped_library()
    else:
        library, report = check_files([Path(p) for p in request.library_files])
        if report.problems:
            raise LoadError(report.problems)
    document = parse_assessment_document(request.assessment_json, request.name)
    assessment, compiled = assessment_from_document(document, library)
    books = [library.rulebooks[r] for r in request.rulebooks if r in library.rulebooks]
    return library, compiled, assessment, books


def render_export(request: ExportRequest, progress: Progress) -> Path:
    from pia_wizard.core.evaluation.evaluate import evaluate
    from pia_wizard.core.files.atomic_file import write_atomic

    progress(0.05, QT_TRANSLATE_NOOP("Export", "Loading the questionnaire and rulebooks"))
    library, compiled, assessment, books = load(request)
    date = dt.date.fromisoformat(request.date)
    rendered = _render_pdf(request, library, compiled, assessment, books, date, progress)
    if rendered is not None:
        progress(1.0, QT_TRANSLATE_NOOP("Export", "Done"))
        return rendered
    # No report layer: the evaluation as JSON, next to where the PDF would have gone.
    progress(0.35, QT_TRANSLATE_NOOP("Export", "Evaluating"))
    evaluation = evaluate(
        compiled, books, assessment, date, sources=library.sources, language=request.language
    )
    output = Path(request.output).with_suffix(".json")
    body = {
        "draft": request.draft,
        "template": request.template,
        "language": request.language,
        "title": assessment.metadata.title,
        "evaluation": evaluation.model_dump(mode="json"),
    }
    write_atomic(
        output, (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8"), keep_backup=False
    )
    progress(1.0, QT_TRANSLATE_NOOP("Export", "Done"))
    return output


HTML_SUFFIXES = (".html", ".htm")
GUI_FALLBACK = "a file name ending in .html in the export dialog"


def _render_pdf(request, library, compiled, assessment, books, date, progress):  # type: ignore[no-untyped-def]
    """The PDF (or, for a file name ending in .html, .docx or .md, the web page or an editable copy)
    through the report layer (`pia_wizard.report`), or None when it is not there."""
    try:
        from pia_wizard.report.editable import editable_bytes, editable_format
        from pia_wizard.report.options import LetterDetails, ReportOptions
        from pia_wizard.report.render import MissingLibrariesError, ReportError, prepare_report, print_report
    except ImportError:
        return None
    from pia_wizard.core.files.atomic_file import write_atomic

    letter = request.options.get("letter") or {}
    reply_by = letter.get("reply_by")
    options = ReportOptions(
        template=request.template,
        language=request.language,
        draft=request.draft,
        omit=frozenset(request.options.get("omit", ())),
        letter=LetterDetails(
            recipient=str(letter.get("recipient") or ""),
            reference=str(letter.get("reference") or ""),
            reply_by=dt.date.fromisoformat(str(reply_by)) if reply_by else None,
            legal_basis=str(letter.get("legal_basis") or ""),
        ),
        prepared_for=str(request.options.get("prepared_for") or ""),
    )
    progress(0.2, QT_TRANSLATE_NOOP("Export", "Evaluating and writing the report"))
    # The window sent the assessment without private notes: the review is judged as it stood in full.
    review = request.options.get("review") or {}
    state = None
    if "current" in review:
        from dataclasses import replace

        from pia_wizard.core.answers.review import review_state

        state = replace(review_state(assessment), current=bool(review["current"]))
    report = prepare_report(
        assessment,
        compiled,
        library,
        options,
        date=date,
        rulebooks=books,
        review=state,
        private_notes=review.get("private_notes"),
    )
    output = Path(request.output)
    editable = editable_format(output.suffix)
    if editable is not None:  # an editable copy in the same words (no WeasyPrint)
        progress(0.8, QT_TRANSLATE_NOOP("Export", "Saving the editable copy"))
        write_atomic(output, editable_bytes(report.context, editable), keep_backup=False)
        return output
    if output.suffix.lower() in HTML_SUFFIXES:  # a web page to print from a browser (no WeasyPrint)
        progress(0.95, QT_TRANSLATE_NOOP("Export", "Saving the web page"))
        write_atomic(output, report.html.encode("utf-8"), keep_backup=False)
        return output
    progress(0.5, QT_TRANSLATE_NOOP("Export", "Printing the PDF"))
    try:
        pdf = print_report(report).pdf
    except MissingLibrariesError as exc:
        raise ReportError(exc.message(GUI_FALLBACK)) from exc
    if request.options.get("sign_key"):  # signed before anything is written: a failure writes nothing
        from pia_wizard.report.signing import load_signer, read_key, sign_pdf

        progress(0.9, QT_TRANSLATE_NOOP("Export", "Signing the PDF"))
        key = Path(str(request.options["sign_key"]))
        passphrase = str(request.options.get("passphrase", "")).encode("utf-8")
        signer = load_signer(read_key(key), passphrase, str(key))
        pdf = sign_pdf(pdf, signer)
    progress(0.95, QT_TRANSLATE_NOOP("Export", "Saving the PDF"))
    write_atomic(output, pdf, keep_backup=False)
    return output
