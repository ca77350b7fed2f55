"""Renderers for the export tests, imported by the worker process (never collected by pytest)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from pia_wizard.ui.export_worker import ExportRequest, Progress


def slow(request: ExportRequest, progress: Progress) -> Path:
    """Holds its own GIL for about a second, in steps, as a long report would (at least a second: the
    export test's bound on the window's largest pause, 0.9 s, must stay below it)."""
    for step in range(10):
        end = time.perf_counter() + 0.1
        while time.perf_counter() < end:
            sum(range(1000))  # busy, not sleeping: a thread doing this would stall the window
        progress(step / 10, f"step {step}")
    output = Path(request.output).with_suffix(".json")
    output.write_text(json.dumps({"assessment": json.loads(request.assessment_json)}), encoding="utf-8")
    return output


def failing(request: ExportRequest, progress: Progress) -> Path:
    progress(0.1, "about to fail")
    raise ValueError("the template broke")


def forever(request: ExportRequest, progress: Progress) -> Path:
    progress(0.1, "waiting forever")
    while True:
        time.sleep(0.05)


def quick(request: ExportRequest, progress: Progress) -> Path:
    """Writes the request's template name to the output at once."""
    progress(0.5, "writing")
    output = Path(request.output)
    output.write_text(request.template, encoding="utf-8")
    return output
