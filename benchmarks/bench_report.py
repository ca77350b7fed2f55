"""Report export figures: for the largest example (by answer count), the time to make each template's PDF
in-process with the imports warm (median of 3, with the page count), and the whole
`pia-wizard report` process (start-up, imports, evaluation, layout, writing).

Run: `make bench` (or `.venv/bin/python benchmarks/bench_report.py [--template NAME] [--runs N]`).
Every line ends with the command that reproduces it. CPU time is printed beside wall time, because
other load on a small machine inflates wall time. "prepare" is redaction, evaluation, context and HTML;
"print" is WeasyPrint's layout (again, for the briefing, when it must be shortened to its page budget)
and writing the PDF.
"""

from __future__ import annotations

import argparse
import gc
import io
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ".venv/bin/python benchmarks/bench_report.py"
TEMPLATES = ("briefing", "submission", "factsheet", "information-request")


def largest_example(library) -> tuple[Path, int]:  # type: ignore[no-untyped-def]
    from pia_wizard.core.load.assessment_io import load_assessment_file

    counts = {
        path: len(load_assessment_file(path, library).assessment.answers)
        for path in sorted((ROOT / "examples").glob("*.pia.json"))
    }
    path = max(counts, key=lambda p: (counts[p], p.name))
    return path, counts[path]


def pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def in_process(path: Path, template: str, runs: int, library) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from pia_wizard.core.load.assessment_io import load_assessment_file
    from pia_wizard.report.options import ReportOptions
    from pia_wizard.report.render import prepare_report, print_report

    loaded = load_assessment_file(path, library)
    options = ReportOptions(template=template)
    prepare, printing, total, cpu = [], [], [], []
    pdf, compact = b"", 0
    for _ in range(runs):
        # Each run starts from a clean heap, as a fresh process or the export worker (which collects
        # while it waits) does: otherwise the previous run's laid-out pages, a cyclic structure the
        # collector frees only in a full pass, would be collected inside this run's timing.
        gc.collect()
        w, c = time.perf_counter(), time.process_time()
        report = prepare_report(loaded.assessment, loaded.questionnaire, library, options)
        middle = time.perf_counter()
        printed = print_report(report)
        end = time.perf_counter()
        prepare.append(middle - w)
        printing.append(end - middle)
        total.append(end - w)
        cpu.append(time.process_time() - c)
        pdf, compact = printed.pdf, printed.compact
    return {
        "prepare": statistics.median(prepare),
        "print": statistics.median(printing),
        "total": statistics.median(total),
        "cpu": statistics.median(cpu),
        "pages": pages(pdf),
        "layouts": compact + 1,
        "kb": len(pdf) / 1024,
    }


def whole_process(path: Path, template: str, runs: int) -> tuple[float, float, list[str]]:
    """Median wall and CPU seconds of `pia-wizard report` in a new process, and the command."""
    program = Path(sys.executable).with_name("pia-wizard")
    walls, cpus = [], []
    with tempfile.TemporaryDirectory(prefix="pia-bench-") as temp:
        out = Path(temp) / f"{template}.pdf"
        command = [str(program), "report", str(path), "-o", str(out), "--template", template]
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    shown = [".venv/bin/pia-wizard", "report", str(path.relative_to(ROOT)), "-o", "OUT.pdf"]
    return statistics.median(walls), statistics.median(cpus), [*shown, "--template", template]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--template", choices=TEMPLATES, action="append", help="only this template")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (the median is shown)")
    args = parser.parse_args(argv)
    templates = args.template or list(TEMPLATES)

    from pia_wizard.core.load.library import shipped_library

    library = shipped_library()
    path, answers = largest_example(library)
    name = path.relative_to(ROOT)
    print(f"# pia-wizard report export — {name} ({answers} answers), median of {args.runs}")
    print(f"# reproduce everything with: {SCRIPT}")
    # Warm: WeasyPrint imported, fonts found and one report laid out before anything is timed.
    started = time.perf_counter()
    import pia_wizard.report.pdf_writer  # noqa: F401 - the import is what is measured

    imported = time.perf_counter() - started
    in_process(path, "factsheet", 1, library)
    print(f"# WeasyPrint import (first, cold in this process): {imported:.2f} s")
    print()
    print(
        f"{'in-process, imports warm':<26} {'prepare':>8} {'print':>7} {'total':>7} {'cpu':>7} {'pages':>6}"
    )
    for template in templates:
        f = in_process(path, template, args.runs, library)
        layouts = f" ({f['layouts']} layouts)" if f["layouts"] > 1 else ""
        print(
            f"{template:<26} {f['prepare']:7.2f}s {f['print']:6.2f}s {f['total']:6.2f}s {f['cpu']:6.2f}s "
            f"{f['pages']:>6}{layouts}  {f['kb']:.0f} KB   "
            f"$ {SCRIPT} --template {template} --runs {args.runs}"
        )
    print()
    print(f"{'whole process':<26} {'wall':>8} {'cpu':>7}")
    for template in templates:
        wall, cpu, command = whole_process(path, template, args.runs)
        print(f"{template:<26} {wall:7.2f}s {cpu:6.2f}s   $ {' '.join(command)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
