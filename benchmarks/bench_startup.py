"""Start-up figures: first paint and interactive, the app against a bare PySide6 window.

Run: `make bench` (or `.venv/bin/python benchmarks/bench_startup.py [--runs N]`). Offscreen Qt
platform, settings and data folders of their own. Each round starts, one after the other, the bare
window (benchmarks/bare_window.py), the app with `PIA_WIZARD_REPORT_FIRST_PAINT=1` and the app on
the largest example with `PIA_WIZARD_REPORT_READY=1`; the figures are medians over the rounds, so
that the bare reference and the app share the machine's load. A time is measured from just before
the process is started to the CLOCK_MONOTONIC stamp it prints right after the paint, so it includes
the interpreter's own start-up. A ratio is the median of each round's ratio (the app against the
bare window started just before it), so that the machine's speed, which drifts on a shared virtual
machine, is the same on both sides of each ratio.

- first paint: the first painted window (the app's is the placeholder it shows before it loads);
- interactive: the main window painted with the largest example open and its verdicts shown, and
  the app's peak memory (VmHWM) at that moment. The shipped library is read from its cache (written
  by a warm-up start, as after any first start); the same start without the cache is measured too
  (`PIA_WIZARD_CACHE_DIR=` empty), which is what the first start after installing costs.

- the self-contained build (issue 17), when `make dist` has built it (build/pyinstaller/dist/): its
  interactive start on the largest example in the same rounds, against the venv's (ratio per round).

Targets (issue 7): first paint ≤ 1.5× the bare window; interactive ≤ 3×. Issue 17: the bundle's
interactive start ≤ 1.3× the venv's.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _figures import ROOT, figure, isolated_env, largest_example, median

COMMAND = ".venv/bin/python benchmarks/bench_startup.py"
BUNDLE = ROOT / "build" / "pyinstaller" / "dist" / "pia-wizard" / "pia-wizard"
STAMP = re.compile(r"monotonic clock (?P<clock>[0-9.]+) s\)(?:; peak RSS (?P<rss>[0-9]+) MB)?")


def timed_start(
    args: list[str], env: dict[str, str], program: Path | None = None
) -> tuple[float, float | None]:
    """Seconds from just before the start to the stamp the process prints; and its peak RSS (MB).
    `program`: an executable run with `args` (the bundle) instead of this Python."""
    started = time.monotonic()
    result = subprocess.run(
        [*([str(program)] if program else [sys.executable]), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    found = STAMP.search(result.stdout)
    if result.returncode != 0 or found is None:
        raise SystemExit(f"{' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    rss = float(found["rss"]) if found["rss"] else None
    return float(found["clock"]) - started, rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11, help="rounds (default 11)")
    runs = parser.parse_args().runs
    example = largest_example()
    print(f"# pia-wizard start-up figures — reproduce with: {COMMAND}")
    print(f"# {runs} rounds, offscreen; largest example: {example.relative_to(ROOT)}")
    bare, first, ready, ready_rss, cold, bundled = [], [], [], [], [], []
    bundle = BUNDLE if BUNDLE.is_file() else None
    with tempfile.TemporaryDirectory(prefix="pia-bench-") as tmp:
        env = isolated_env(Path(tmp) / "home")
        first_env = {**env, "PIA_WIZARD_REPORT_FIRST_PAINT": "1"}
        ready_env = {**env, "PIA_WIZARD_REPORT_READY": "1"}
        cold_env = {**ready_env, "PIA_WIZARD_CACHE_DIR": ""}  # as on the first start after installing
        timed_start(["benchmarks/bare_window.py"], env)  # warm the file cache once, not counted
        timed_start(["-m", "pia_wizard", "gui", str(example)], ready_env)
        if bundle:
            timed_start(
                ["gui", str(example)], ready_env, bundle
            )  # its own library cache, as after a first start
        for _ in range(runs):
            bare.append(timed_start(["benchmarks/bare_window.py"], env)[0])
            first.append(timed_start(["-m", "pia_wizard", "gui"], first_env)[0])
            seconds, rss = timed_start(["-m", "pia_wizard", "gui", str(example)], ready_env)
            ready.append(seconds)
            if rss is not None:
                ready_rss.append(rss)
            cold.append(timed_start(["-m", "pia_wizard", "gui", str(example)], cold_env)[0])
            if bundle:
                bundled.append(timed_start(["gui", str(example)], ready_env, bundle)[0])
    base = median(bare)
    one = "QT_QPA_PLATFORM=offscreen"
    figure(
        "bare_first_paint",
        "bare PySide6 window: first paint",
        base * 1000,
        "ms",
        command=f"{one} .venv/bin/python benchmarks/bare_window.py",
    )
    figure(
        "first_paint",
        "app: first paint (placeholder window)",
        median(first) * 1000,
        "ms",
        command=f"{one} PIA_WIZARD_REPORT_FIRST_PAINT=1 .venv/bin/pia-wizard",
    )
    figure(
        "first_paint_ratio",
        "first paint: app / bare",
        median([app / ref for app, ref in zip(first, bare, strict=True)]),
        "×",
        target=1.5,
        command=COMMAND,
    )
    figure(
        "interactive",
        f"app: interactive ({example.name.removesuffix('.pia.json')})",
        median(ready) * 1000,
        "ms",
        command=f"{one} PIA_WIZARD_REPORT_READY=1 .venv/bin/pia-wizard gui {example.relative_to(ROOT)}",
    )
    figure(
        "interactive_ratio",
        "interactive: app / bare",
        median([app / ref for app, ref in zip(ready, bare, strict=True)]),
        "×",
        target=3,
        command=COMMAND,
    )
    figure(
        "interactive_cold",
        "app: interactive, no library cache (first start after installing)",
        median(cold) * 1000,
        "ms",
        command=f"{one} PIA_WIZARD_CACHE_DIR= PIA_WIZARD_REPORT_READY=1 .venv/bin/pia-wizard gui "
        f"{example.relative_to(ROOT)}",
    )
    if bundled:
        figure(
            "bundle_interactive",
            "self-contained build: interactive",
            median(bundled) * 1000,
            "ms",
            command=f"make dist; {one} PIA_WIZARD_REPORT_READY=1 {BUNDLE.relative_to(ROOT)} gui "
            f"{example.relative_to(ROOT)}",
        )
        figure(
            "bundle_interactive_ratio",
            "interactive: self-contained build / venv",
            median([app / ref for app, ref in zip(bundled, ready, strict=True)]),
            "×",
            target=1.3,
            command=COMMAND,
        )
    else:
        print("# self-contained build not measured: `make dist` has not built build/pyinstaller/dist/")
    if ready_rss:
        figure(
            "gui_rss_ready",
            "app: peak RSS when interactive",
            median(ready_rss),
            "MB",
            command=f"{one} PIA_WIZARD_REPORT_READY=1 .venv/bin/pia-wizard gui {example.relative_to(ROOT)}",
        )


if __name__ == "__main__":
    main()
