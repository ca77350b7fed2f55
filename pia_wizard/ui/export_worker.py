"""The export job, run in a separate process: load, evaluate, render, report progress on a queue.

This module must not import Qt: it is what the spawned worker process imports. Rendering a long
report in a worker *thread* stalled the window's event loop up to ~160 ms (the GIL); a process keeps
it turning, at the price of about a second to start, which an export can afford.

THE SEAM to the report layer is `_render_pdf`, called by `render_export` (named by `RENDERER`): it
renders through `pia_wizard.report` (prepare_report + render_pdf) when that can be imported, and
otherwise `render_export` writes the evaluation as JSON. Any exception, such as WeasyPrint's missing
system libraries, comes back to the window as the error dialog's text.
"""

from __future__ import annotations

import importlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

RENDERER = "pia_wizard.ui.export_worker:render_export"

Progress = Callable[[float, str], None]


class _Queue(Protocol):
    def put(self, item: Any) -> None: ...


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
        from pia_wizard.core.problems import LoadError

        # The project's own errors (LoadError, ReportError, SaveError …) are written for people.
        ours = type(exc).__module__.startswith("pia_wizard.") and not isinstance(exc, AssertionError)
        message = str(exc) if ours or isinstance(exc, LoadError | OSError) else f"{type(exc).__name__}: {exc}"
        queue.put(("error", message))
    else:
        queue.put(("done", str(output)))


def load(request: ExportRequest):  # type: ignore[no-untyped-def]
    """The library, questionnaire, assessment and rulebooks the request names."""
    from pia_wizard.core.library import assessment_from_document, check_files, shipped_library
    from pia_wizard.core.loading import parse_assessment_document
    from pia_wizard.core.problems import LoadError

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
    import datetime as dt

    from pia_wizard.core.atomic_file import write_atomic
    from pia_wizard.core.evaluate import evaluate

    progress(0.05, "Loading the questionnaire and rulebooks")
    library, compiled, assessment, books = load(request)
    date = dt.date.fromisoformat(request.date)
    rendered = _render_pdf(request, library, compiled, assessment, books, date, progress)
    if rendered is not None:
        progress(1.0, "Done")
        return rendered
    # No report layer: the evaluation as JSON, next to where the PDF would have gone.
    progress(0.35, "Evaluating")
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
    progress(1.0, "Done")
    return output


def _render_pdf(request, library, compiled, assessment, books, date, progress):  # type: ignore[no-untyped-def]
    """The PDF through the report layer (`pia_wizard.report`), or None when it is not there."""
    try:
        from pia_wizard.report.options import ReportOptions
        from pia_wizard.report.render import prepare_report, render_pdf
    except ImportError:
        return None
    from pia_wizard.core.atomic_file import write_atomic

    options = ReportOptions(template=request.template, language=request.language, draft=request.draft)
    progress(0.2, "Evaluating and writing the report")
    report = prepare_report(assessment, compiled, library, options, date=date, rulebooks=books)
    progress(0.5, "Printing the PDF")
    pdf = render_pdf(report)
    progress(0.95, "Saving the PDF")
    output = Path(request.output)
    write_atomic(output, pdf, keep_backup=False)
    return output
