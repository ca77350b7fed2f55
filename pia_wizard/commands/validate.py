"""`pia-wizard validate PATH...`: check every file the project ships or writes, and nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

from pia_wizard.core.library import Library, check_files, shipped_library
from pia_wizard.core.problems import LoadError

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def run_validate(paths: list[Path]) -> int:
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        print(f"{path}: no such file or folder", file=sys.stderr)
    if missing:
        return EXIT_BAD_INPUT
    try:
        base = shipped_library()
    except LoadError as exc:  # the installation itself is broken: say so, then check against nothing
        print("warning: the shipped questionnaires do not load:", file=sys.stderr)
        print(exc, file=sys.stderr)
        base = Library()
    _library, report = check_files(paths, base)
    for problem in report.problems:
        print(problem)
    bad_files = len({p.file for p in report.problems})
    count = len(report.files)
    if report.problems:
        print(
            f"{len(report.problems)} problem(s) in {bad_files} of {count} file(s)",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    print(f"{count} file(s) checked: no problems", file=sys.stderr)
    return EXIT_OK
