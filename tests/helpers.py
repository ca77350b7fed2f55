"""Paths and small helpers shared by tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
MINI = FIXTURES / "mini.yaml"
BAD = FIXTURES / "bad"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m pia_wizard ARGS` as a user would, capturing output."""
    return subprocess.run(
        [sys.executable, "-m", "pia_wizard", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=120,
        check=False,
    )


SOURCES = FIXTURES / "sources.yaml"


def fixture_library(*extra: Path):
    """Sources, the mini questionnaire and any extra fixture files, independent of shipped content."""
    from pia_wizard.core.library import check_files

    library, report = check_files([SOURCES, MINI, *extra])
    if report.problems:
        raise AssertionError("\n".join(map(str, report.problems)))
    return library
