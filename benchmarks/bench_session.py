"""GUI session figures: event-loop stall while exporting, and peak memory of the window and the worker.

Run: `make bench` (or `.venv/bin/python benchmarks/bench_session.py [--runs N]`). One window, on the
offscreen Qt platform with settings and data folders of its own, opens the largest example, waits
for its gaps and counterfactuals, then exports the council briefing as the File › Export command
does: a window-modal progress dialog, the job in the window's worker process. N times (default 11)
with the worker warm, as after the export dialog has been open for a moment or after an earlier
export, and M times (default 5) cold, the worker started by the export itself. A timer ticks every
TICK_MS on the window's event loop; a run's stall is the longest gap between two ticks from just
before the export is started to the moment the finished file is reported (the start of the export
itself, the progress dialog included, counts).

- stall: median and worst of all the runs' longest gaps (target ≤ 50 ms);
- memory: the window process's peak RSS (VmHWM) at the end of the session (target ≤ 200 MB), and the
  export worker's own peak RSS (median of the runs), reported apart;
- export as seen from the window: start to finished file, median, warm and cold.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

COMMAND = ".venv/bin/python benchmarks/bench_session.py"
TICK_MS = 5


class QuietPrompts:
    """Stands in for the window's dialogs: records what it was told, never blocks."""

    def __init__(self) -> None:
        self.infos: list[tuple[str, ...]] = []
        self.errors: list[tuple[str, ...]] = []

    def info(self, *args: str) -> None:
        self.infos.append(args)

    def error(self, *args: str) -> None:
        self.errors.append(args)

    def unsaved_changes(self, _name: str) -> str:
        return "discard"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11, help="exports with the worker warm (default 11)")
    parser.add_argument("--cold-runs", type=int, default=5, help="exports that start the worker (default 5)")
    arguments = parser.parse_args()
    runs, cold_runs = arguments.runs, arguments.cold_runs

    from _figures import figure, isolated_env, largest_example, median, peak_rss_kib

    home = Path(tempfile.mkdtemp(prefix="pia-bench-session-"))
    os.environ.update(isolated_env(home / "home"))  # offscreen; settings and data folders of its own

    import dataclasses

    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from pia_wizard.core.load.library import shipped_library
    from pia_wizard.ui.main_window import MainWindow

    _app = QApplication(sys.argv[:1])  # kept alive for the session
    example = largest_example()
    window = MainWindow(shipped_library())
    window.prompts = QuietPrompts()  # type: ignore[assignment]
    window.show()
    if not window.open_path(example):
        raise SystemExit(f"could not open {example}")

    def wait_until(condition, timeout_s: float = 120) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout_s
        loop = QEventLoop()
        while not condition():
            if time.monotonic() > deadline:
                raise SystemExit("timed out")
            QTimer.singleShot(10, loop.quit)
            loop.exec()

    evaluator = window.evaluator
    wait_until(lambda: evaluator is not None and evaluator.latest_explored is not None and not evaluator.busy)

    clock = QElapsedTimer()
    clock.start()
    ticks: list[int] = []
    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.setInterval(TICK_MS)
    ticker.timeout.connect(lambda: ticks.append(clock.nsecsElapsed()))
    ticker.start()

    print(f"# pia-wizard GUI session figures — reproduce with: {COMMAND}")
    print(
        f"# offscreen; {example.name}; council briefing, {runs} exports with the worker warm and "
        f"{cold_runs} starting it; a tick every {TICK_MS} ms"
    )
    stalls, worker_peaks = [], []
    exports: dict[str, list[float]] = {"warm": [], "cold": []}
    out = home / "out"
    out.mkdir()
    worker = window.ensure_export_worker()
    for run, kind in enumerate(["warm"] * runs + ["cold"] * cold_runs):
        if kind == "cold":
            worker.stop()  # the export starts a new worker and waits for it
        else:
            worker.ensure_started()  # as the export dialog does; kept after an earlier export
            wait_until(worker.poll_ready)
        request = window.export_request(out / f"briefing-{run}.pdf", "briefing", "en", False)
        request = dataclasses.replace(request, renderer="_measured_export:render")
        peaks: list[int] = []
        ticks.clear()
        ticks.append(clock.nsecsElapsed())
        begun = time.perf_counter()
        job = window.start_export(request)
        job.progressed.connect(
            lambda _f, text, peaks=peaks: (
                peaks.append(int(text.split()[1])) if text.startswith("peak-rss-kib") else None
            )
        )
        wait_until(lambda job=job: not job.running)
        ended = clock.nsecsElapsed()
        exports[kind].append(time.perf_counter() - begun)
        if window.prompts.errors:
            raise SystemExit(f"the export failed: {window.prompts.errors[-1]}")
        ticks.append(ended)
        gaps = [(b - a) / 1e6 for a, b in itertools.pairwise(ticks)]
        stalls.append(max(gaps))
        worker_peaks.extend(peaks)
        print(
            f"  export {run + 1:>2} ({kind}): {exports[kind][-1]:.2f} s, longest gap {stalls[-1]:.1f} ms",
            flush=True,
        )
    ticker.stop()
    gui_peak = peak_rss_kib()
    window.close()
    shutil.rmtree(home, ignore_errors=True)

    figure(
        "stall",
        "stall while exporting: longest tick gap (median)",
        median(stalls),
        "ms",
        target=50,
        detail=f"worst {max(stalls):.1f} ms over {len(stalls)} exports, ticks every {TICK_MS} ms",
        command=COMMAND,
    )
    for kind, key, label, detail in (
        ("warm", "export_from_window", "export from the window: start to finished file",
         "council briefing, the worker warmed up while the export dialog was open"),
        ("cold", "export_from_window_cold", "export from the window, worker started by the export",
         "council briefing, no export dialog beforehand"),
    ):  # fmt: skip
        if exports[kind]:
            figure(key, label, median(exports[kind]), "s", detail=detail, command=COMMAND)
    if gui_peak is not None:
        figure(
            "gui_rss",
            "memory: window process peak RSS",
            gui_peak / 1024,
            "MB",
            target=200,
            detail="largest example open and explored, then exported",
            command=COMMAND,
        )
    if worker_peaks:
        figure(
            "worker_rss",
            "memory: export worker peak RSS (median)",
            median(worker_peaks) / 1024,
            "MB",
            detail="its own VmHWM, not counted in the window's",
            command=COMMAND,
        )


if __name__ == "__main__":
    main()
