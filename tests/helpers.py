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
    from pia_wizard.core.load.library import check_files

    library, report = check_files([SOURCES, MINI, *extra])
    if report.problems:
        raise AssertionError("\n".join(map(str, report.problems)))
    return library


# Verdict and status ids a reader must never see in prose (the plain words "fails", "passes" and
# "conditional" are English as well as ids, so only the ids no sentence contains are looked for).
INTERNAL_VERDICT_IDS = (
    "red_line",
    "insufficient_information",
    "not_applicable",
    "not_reached",
    "not_in_force",
)


def internal_names(text: str, rulebook_ids: list[str]) -> list[str]:
    """Rulebook ids, verdict ids and question ids (q202) found in text meant for a reader, each with
    its surroundings. "human-rights" is also an English word ("human-rights bodies"), so that id is
    looked for only where a sentence could not use it: "(human-rights)" or "human-rights would"."""
    import re

    ids = [r for r in rulebook_ids if r != "human-rights"] + list(INTERNAL_VERDICT_IDS)
    pattern = re.compile(
        r"(?<![\w/.-])(?:" + "|".join(map(re.escape, ids)) + r")(?![\w-])"
        r"|\bq\d{3,4}\b|\(human-rights\)|human-rights would"
    )
    return [text[max(0, m.start() - 60) : m.end() + 30] for m in pattern.finditer(text)]


def source_ids_in(text: str, source_ids: list[str]) -> list[str]:
    """Source ids ("AIA-3-45/46", "CJEU-C-205-21") in text meant for a reader, with their surroundings."""
    import re

    ids = sorted(source_ids, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w/-])(?:" + "|".join(map(re.escape, ids)) + r")(?![\w/-])")
    return [text[max(0, m.start() - 60) : m.end() + 30] for m in pattern.finditer(text)]
