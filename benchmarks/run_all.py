"""`make bench`: every benchmark in one run, each figure with the command that reproduces it.

Runs the scripts below one after the other (each in a fresh process), passes their output through,
then lists every figure against its target from issue 7. Nothing tracked is changed unless
`--record docs/performance.md` is given (`make bench RECORD=1`): then that file is rewritten with
the figures, the targets, the machine (CPUs, model, memory), the versions and the date.

A script adds figures to the summary by calling `_figures.figure(...)`, which appends a JSON line to
the file named by PIA_BENCH_RESULTS. bench_core.py, bench_engine.py and bench_report.py do not (yet):
the engine's summary line and the report's two tables are read from their output instead. A script
that records a figure under the same key (for bench_report.py: `briefing_render`, in seconds, is the
one checked against the council briefing target) takes precedence over what is read from its output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ".venv/bin/python"
QT_NOISE = "This plugin does not support propagateSizeHints()"


@dataclass(frozen=True)
class Script:
    name: str
    purpose: str


SCRIPTS = (
    Script("bench_startup.py", "first paint and interactive, against a bare PySide6 window"),
    Script("bench_engine.py", "evaluation p50/p99 per example; gaps and counterfactuals"),
    Script("bench_explore_extremes.py", "gaps and counterfactuals with every answer unknown, and none"),
    Script("bench_uses.py", "evaluation and exploration with one use and with three"),
    Script("bench_report.py", "export: each template in-process, and the `pia-wizard report` process"),
    Script("bench_session.py", "stall while the window exports; memory of the window and the worker"),
    Script("bench_core.py", "CLI start-up, loading the library, visibility, save and load"),
)

# (key, what, target, unit): the targets of issue 7, in the order the summary lists them.
TARGETS = (
    ("first_paint_ratio", "first paint, app / bare window", 1.5, "×"),
    ("interactive_ratio", "interactive (largest example with verdicts), app / bare window", 3.0, "×"),
    ("evaluation_p99", "evaluation p99, all examples", 5.0, "ms"),
    ("exploration_max", "counterfactuals and gap ranking, slowest example", 100.0, "ms"),
    ("exploration_all_unknown", "counterfactuals and gap ranking, every answer unknown", 100.0, "ms"),
    ("briefing_render", "council briefing render (in-process, imports warm)", 1.5, "s"),
    ("stall", "longest event-loop stall while exporting", 50.0, "ms"),
    ("gui_rss", "GUI peak RSS (session with an example open)", 200.0, "MB"),
)

ENGINE_LINE = re.compile(
    r"evaluation p50 (?P<p50>[0-9.]+) ms, p99 (?P<p99>[0-9.]+) ms.*?"
    r"exploration median (?P<median>[0-9.]+) ms, max (?P<max>[0-9.]+) ms"
)


def run(script: Script, results: Path) -> tuple[str, int]:
    """Run one script, passing its output through; return that output and the exit code."""
    path = ROOT / "benchmarks" / script.name
    print(f"\n## {script.name} — {script.purpose}", flush=True)
    env = {**os.environ, "PIA_BENCH_RESULTS": str(results)}
    process = subprocess.Popen(
        [sys.executable, str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
    )
    lines = []
    if process.stdout is None:
        raise RuntimeError("no output pipe")
    for line in process.stdout:
        if line.strip() == QT_NOISE:
            continue
        sys.stdout.write(line)
        sys.stdout.flush()
        lines.append(line)
    code = process.wait()
    if code:
        print(f"!! {script.name} exited with code {code}", flush=True)
    return "".join(lines), code


def engine_figures(output: str) -> list[dict]:
    found = ENGINE_LINE.search(output)
    if found is None:
        return []
    command = f"{PYTHON} benchmarks/bench_engine.py"
    rows = [
        ("evaluation_p50", "evaluation p50, all examples", float(found["p50"]), "ms", None),
        ("evaluation_p99", "evaluation p99, all examples", float(found["p99"]), "ms", 5.0),
        ("exploration_median", "gaps + counterfactuals, median example", float(found["median"]), "ms", None),
        ("exploration_max", "gaps + counterfactuals, slowest example", float(found["max"]), "ms", 100.0),
    ]
    return [
        {
            "key": key,
            "label": label,
            "value": value,
            "unit": unit,
            "target": target,
            "met": None if target is None else value <= target,
            "detail": "read from bench_engine.py's summary line",
            "command": command,
        }
        for key, label, value, unit, target in rows
    ]


REPORT_IN_PROCESS = re.compile(
    r"^(?P<template>[a-z-]+)\s+(?P<prepare>[0-9.]+)s\s+(?P<print>[0-9.]+)s\s+(?P<total>[0-9.]+)s\s+"
    r"(?P<cpu>[0-9.]+)s\s+(?P<pages>[0-9]+)\b.*?\$ (?P<command>.+)$"
)
REPORT_PROCESS = re.compile(
    r"^(?P<template>[a-z-]+)\s+(?P<wall>[0-9.]+)s\s+(?P<cpu>[0-9.]+)s\s+\$ (?P<command>.+)$"
)


def report_figures(output: str) -> list[dict]:
    """bench_report.py's tables, read from its output (unless it records figures itself)."""
    figures = []
    for line in output.splitlines():
        found = REPORT_IN_PROCESS.match(line.strip())
        if found:
            template = found["template"]
            figures.append(
                {
                    "key": "briefing_render" if template == "briefing" else f"render_{template}",
                    "label": f"{template} render in-process, imports warm",
                    "value": float(found["total"]),
                    "unit": "s",
                    "target": 1.5 if template == "briefing" else None,
                    "met": float(found["total"]) <= 1.5 if template == "briefing" else None,
                    "detail": (
                        f"{found['pages']} pages; prepare {found['prepare']} s, print {found['print']} s"
                    ),
                    "command": found["command"],
                }
            )
            continue
        found = REPORT_PROCESS.match(line.strip())
        if found:
            figures.append(
                {
                    "key": f"report_process_{found['template']}",
                    "label": f"`pia-wizard report` process, {found['template']}",
                    "value": float(found["wall"]),
                    "unit": "s",
                    "target": None,
                    "met": None,
                    "detail": f"cpu {found['cpu']} s",
                    "command": found["command"],
                }
            )
    return figures


def shown(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "×":
        return f"{value:.2f}×"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.2f} ms" if value < 100 else f"{value:.0f} ms"


def limit(value: float, unit: str) -> str:
    return f"≤ {value:g}{unit}" if unit == "×" else f"≤ {value:g} {unit}"


def summary_rows(figures: dict[str, dict]) -> list[tuple[str, str, str, str, str]]:
    """(what, figure, target, met, command) for every target, then the other figures."""
    rows = []
    for key, what, target, unit in TARGETS:
        found = figures.get(key)
        if found is None:
            note = "not measured" + (" (see benchmarks/bench_report.py)" if key == "briefing_render" else "")
            rows.append((what, note, limit(target, unit), "—", ""))
            continue
        met = "met" if found["value"] <= target else "**missed**"
        rows.append((what, shown(found["value"], unit), limit(target, unit), met, found["command"]))
    listed = {key for key, *_ in TARGETS}
    for key, found in figures.items():
        if key in listed:
            continue
        detail = f" ({found['detail']})" if found.get("detail") else ""
        rows.append((found["label"] + detail, shown(found["value"], found["unit"]), "", "", found["command"]))
    return rows


def machine() -> list[tuple[str, str]]:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    model = memory = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.lower().startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    try:
        from PySide6 import __version__ as pyside
        from PySide6.QtCore import qVersion

        qt = f"PySide6 {pyside}, Qt {qVersion()}"
    except ImportError:
        qt = "PySide6 not importable"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return [
        ("CPUs (nproc)", str(cpus)),
        ("CPU model", model),
        ("memory", memory),
        ("system", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("Python", platform.python_version()),
        ("Qt", f"{qt}, platform offscreen"),
        ("code", (commit or "unknown") + (" with uncommitted changes" if dirty else "")),
    ]


def table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        cells = [cell.replace("|", "\\|") if cell else "" for cell in row]
        lines.append(
            "| " + " | ".join(f"`{c}`" if i == len(row) - 1 and c else c for i, c in enumerate(cells)) + " |"
        )
    return "\n".join(lines)


NOTES_MARKER = "<!-- Everything below this line is written by hand and kept by `make bench RECORD=1`. -->"


def kept_notes(path: Path) -> str:
    """The hand-written part of an existing file (from NOTES_MARKER on), or a heading for one."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        text = ""
    if NOTES_MARKER in text:
        return text[text.index(NOTES_MARKER) :].rstrip() + "\n"
    return f"{NOTES_MARKER}\n\n## Notes\n"


def record(path: Path, figures: dict[str, dict], outputs: dict[str, str], when: dt.datetime) -> None:
    rows = summary_rows(figures)
    notes = kept_notes(path)
    parts = [
        "# Performance",
        "",
        f"Measured with `make bench RECORD=1` on {when:%Y-%m-%d %H:%M} UTC; `make bench` measures again on",
        "the machine at hand and prints the same figures without changing this file. Issue 7 sets the",
        "targets. Start-up and the GUI session run on the offscreen Qt platform; start-up figures are",
        "medians of 11 rounds, each round starting the bare PySide6 window and the app one after the",
        "other, timed from just before the process starts to the first painted window (see",
        "`PIA_WIZARD_REPORT_FIRST_PAINT` and `PIA_WIZARD_REPORT_READY` in `pia_wizard/ui/launch.py`).",
        "The app's first painted window is the placeholder it shows before it loads the questionnaires",
        "(the window first, then its content); *interactive* is the main window with the largest example",
        "open and its verdicts shown.",
        "",
        "## Machine",
        "",
        table(machine(), ("", "")),
        "",
        "## Figures against the targets",
        "",
        table(rows, ("what", "figure", "target", "", "reproduce with")),
        "",
        "What bounds the figures that miss their targets, with profiles: see the notes at the end.",
        "",
        "## Output of each script",
        "",
    ]
    for name, output in outputs.items():
        parts += [f"### {name}", "", "```", output.rstrip(), "```", ""]
    parts.append(notes)
    path.write_text("\n".join(parts), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(
        description="Run every benchmark and list the figures against the targets."
    )
    parser.add_argument(
        "--record", type=Path, metavar="FILE", help="also write the figures to FILE (Markdown)"
    )
    args = parser.parse_args()
    when = dt.datetime.now(dt.UTC)
    print(f"# pia-wizard benchmarks — reproduce with: make bench (or {PYTHON} benchmarks/run_all.py)")
    outputs: dict[str, str] = {}
    failed = []
    with tempfile.TemporaryDirectory(prefix="pia-bench-") as tmp:
        results = Path(tmp) / "figures.jsonl"
        results.touch()
        engine: list[dict] = []  # figures read from the output of scripts that do not record them
        for script in SCRIPTS:
            if not (ROOT / "benchmarks" / script.name).is_file():
                print(f"\n## {script.name} — not there yet: skipped", flush=True)
                continue
            output, code = run(script, results)
            outputs[script.name] = output
            if code:
                failed.append(script.name)
            if script.name == "bench_engine.py":
                engine += engine_figures(output)
            if script.name == "bench_report.py":
                engine += report_figures(output)
        figures: dict[str, dict] = {}
        for line in results.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            figures[item["key"]] = item
        for item in engine:
            figures.setdefault(item["key"], item)

    print("\n## Summary: figures against the targets of issue 7\n")
    for what, figure, target, met, command in summary_rows(figures):
        line = f"{what:<70} {figure:>12}"
        if target:
            line += f"   target {target:<9} {met.strip('*')}"
        print(line + (f"\n{'':<6}reproduce with: {command}" if command else ""))
    if args.record:
        record(args.record, figures, outputs, when)
        print(f"\nwrote {args.record}")
    if failed:
        print(f"\n!! failed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
