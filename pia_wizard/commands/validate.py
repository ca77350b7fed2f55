"""`pia-wizard validate PATH...`: check every file the project ships or writes, and nothing else.

A report PDF (`*.pdf`, also inside a folder) is re-opened through `pia_wizard.report.reopen`: its
fingerprint is checked and the embedded assessment re-evaluated with today's rulebooks (those given
alongside it take the shipped ones' place), printing "same verdicts" or each verdict that changed. A
PDF without an embedded assessment, or whose fingerprint does not hold, is a problem (exit 2); a
changed verdict is not. A signed report's signature is checked as well: by whom, whether the
certificate is self-signed (integrity only) or chains to a trust anchor named with `--trust CERT.pem`,
and whether anything was changed or appended after signing; signed bytes that were altered are a
problem (exit 2), an update appended after signing is said but is not. The core never sees the PDFs: it
does not read PDFs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pia_wizard.core.files.problems import LoadError
from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import Library, check_files, collect_files, shipped_library
from pia_wizard.core.load.loading import ASSESSMENT_SUFFIX
from pia_wizard.core.models.base import long_date

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def run_validate(paths: list[Path], trust: list[Path] | None = None) -> int:
    missing = [p for p in [*paths, *(trust or [])] if not p.exists()]
    for path in missing:
        print(f"{path}: no such file or folder", file=sys.stderr)
    if missing:
        return EXIT_BAD_INPUT
    anchors = None
    if trust:
        from pia_wizard.report.signing import SigningError, load_anchors

        try:
            anchors = load_anchors(trust)
        except SigningError as exc:
            print(f"--trust: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
    try:
        base = shipped_library()
    except LoadError as exc:  # the installation itself is broken: say so, then check against nothing
        print("warning: the shipped questionnaires do not load:", file=sys.stderr)
        print(exc, file=sys.stderr)
        base = Library()
    files = list(collect_files(paths))
    reports = [p for p in files if p.suffix.lower() == ".pdf"]
    others = [p for p in files if p.suffix.lower() != ".pdf"]
    library, report = check_files(others, base) if others else (base, None)
    problems = [str(p) for p in report.problems] if report is not None else []
    bad_files = len({p.file for p in report.problems}) if report is not None else 0
    for problem in problems:
        print(problem)
    warnings = [str(w) for w in report.warnings] if report is not None else []
    for warning in warnings:
        print(warning)
    if report is not None and library.translations:
        from pia_wizard.commands.translations import status_lines

        for status in library.translations.values():
            summary, *gaps = status_lines(status, limit=10)
            print(summary, file=sys.stderr)
            for line in gaps:
                print(line)
    for path in others:
        found = _check_review_signatures(path, library, anchors)
        problems.extend(found)
        bad_files += bool(found)
    for path in reports:
        found = _check_report(path, library, anchors)
        problems.extend(found)
        bad_files += bool(found)
    count = len(files)
    if problems:
        print(f"{len(problems)} problem(s) in {bad_files} of {count} file(s)", file=sys.stderr)
        return EXIT_BAD_INPUT
    noted = f" ({len(warnings)} warning(s))" if warnings else ""
    print(f"{count} file(s) checked: no problems{noted}", file=sys.stderr)
    return EXIT_OK


def _check_report(path: Path, library: Library, anchors: list[Any] | None) -> list[str]:
    """Re-open one report PDF, print what was found, and return its problems."""
    from pia_wizard.report.reopen import check_report_file

    check = check_report_file(path, library, anchors=anchors)
    for line in check.summary():
        print(line if check.problems else f"{path}: {line}")
    return check.problems


def _check_review_signatures(path: Path, library: Library, anchors: list[Any] | None) -> list[str]:
    """Check every signed review step of an assessment file, print what each shows, and return the
    invalid ones as problems (a step changed after it was signed). Files without a signature, or that
    did not load (already reported), are passed over."""
    if not path.name.endswith(ASSESSMENT_SUFFIX):
        return []
    try:
        if b'"signature"' not in path.read_bytes():
            return []
        loaded = load_assessment_file(path, library)
    except (OSError, LoadError):
        return []
    from pia_wizard.report.approval_signing import check_step

    review = loaded.assessment.review
    problems = []
    for number, step in enumerate(review.steps if review is not None else (), start=1):
        check = check_step(step, anchors)
        if check.state == "none":
            continue
        where = f"{path}: review step {number} ({long_date(step.date)}, by {step.by})"
        if check.state == "invalid":
            problems.append(f"{where}: {check.line()}")
            print(problems[-1])
        else:
            print(f"{where}: {check.line()}")
    return problems
