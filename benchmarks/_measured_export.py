"""The export worker's renderer for bench_session.py: the real one, then the worker's peak memory.

Imported by name in the spawned worker process (`ExportRequest.renderer`), which inherits the
benchmark's sys.path. It renders exactly what the window's export renders and adds one last progress
message, `peak-rss-kib N`, with the worker's VmHWM, so the figure is the worker's own peak.
"""

from __future__ import annotations

from pathlib import Path


def render(request, progress):  # type: ignore[no-untyped-def]
    from pia_wizard.ui.export_worker import render_export

    output = render_export(request, progress)
    status = Path("/proc/self/status")
    peak = (
        next(
            (int(line.split()[1]) for line in status.read_text().splitlines() if line.startswith("VmHWM:")),
            0,
        )
        if status.exists()
        else 0
    )
    progress(1.0, f"peak-rss-kib {peak}")
    return output
