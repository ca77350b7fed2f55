"""Rulebooks load with their conditions checked against the questionnaire they read."""

from __future__ import annotations

import pytest
from helpers import FIXTURES, MINI, SOURCES

from pia_wizard.core.load.library import check_files

RULEBOOK = FIXTURES / "rulebook-mini.yaml"


def check(tmp_path, text: str | None = None) -> list[str]:
    path = RULEBOOK
    if text is not None:
        path = tmp_path / "rules.yaml"
        path.write_text(text, encoding="utf-8")
    _library, report = check_files([SOURCES, MINI, path])
    return [str(p).replace(str(path), "R") for p in report.problems]


def test_valid_rulebook_loads(tmp_path) -> None:
    library, report = check_files([SOURCES, MINI, RULEBOOK])
    assert report.problems == []
    rulebook = library.rulebooks["mini-rules"]
    assert rulebook.red_lines[0].exceptions[0].min_evidence == 3
    assert str(rulebook.applicability[0].from_["amended"]) == "2025-02-02"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("when: {fact: is_b_and_yes}", "when: {fact: is_c}", "R:29:18: unknown derived fact 'is_c'"),
        (
            "when: {question: q_choice, equals: b}",
            "when: {fact: is_b_and_yes}",
            "R:19:11: derived facts form a cycle: is_b → is_b_and_yes → is_b",
        ),
        ("applies_from: bans", "applies_from: someday", "R:30:19: unknown applicability date 'someday'"),
        (
            "{original: 2025-02-02, amended",
            "{original: 2025-02-02, revised",
            "R:15:43: unknown timeline 'revised'",
        ),
        (
            "after: [legality]",
            "after: [proportionality]",
            "R:41:13: 'proportionality' is not a test listed before",
        ),
        (
            "refs: [AIA-5-1-h]\n    exceptions",
            "refs: [AIA-9-9]\n    exceptions",
            "R:31:12: unknown source id 'AIA-9-9'",
        ),
        (
            "question: q_site_people}",
            "question: q_text}",
            "R:43:81: 'q_text' is not a question of group 'g_sites'",
        ),
        ("questionnaire: mini", "questionnaire: other", "R:5:16: unknown questionnaire 'other'"),
    ],
)
def test_rulebook_errors_are_located(tmp_path, old: str, new: str, expected: str) -> None:
    text = RULEBOOK.read_text(encoding="utf-8")
    assert old in text
    found = check(tmp_path, text.replace(old, new, 1))
    assert any(line.startswith(expected) for line in found), found


def test_facts_are_not_allowed_in_questionnaires(tmp_path) -> None:
    text = MINI.read_text(encoding="utf-8").replace(
        "show_if: {question: q_choice, equals: b}", "show_if: {fact: is_b}"
    )
    path = tmp_path / "q.yaml"
    path.write_text(text, encoding="utf-8")
    _library, report = check_files([SOURCES, path])
    assert [p.message for p in report.problems] == ["derived facts can be used only in rulebooks"]


SHARED_RULEBOOK = """kind: rulebook
schema_version: 1
id: uses-shared
version: "1.0"
questionnaire: mini
title: Uses shared facts
description: d
jurisdiction: everywhere
shared_facts: [mini-facts]
facts:
  - {id: own, label: Own, when: {all: [{fact: picks_b}, {question: q_yes, equals: true}]}, refs: [AIA-3-41]}
red_lines:
  - {id: R1, title: t, text: t, when: {fact: own}, refs: [AIA-3-41]}
rules_as_of: 2026-11-23
"""


def test_shared_facts_are_merged_into_the_rulebook(tmp_path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(SHARED_RULEBOOK, encoding="utf-8")
    library, report = check_files([SOURCES, MINI, FIXTURES / "facts-mini.yaml", path])
    assert report.problems == []
    assert [f.id for f in library.rulebooks["uses-shared"].facts] == ["picks_b", "own"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("shared_facts: [mini-facts]", "shared_facts: [nope]", "R:9:16: unknown facts file 'nope'"),
        ("- {id: own,", "- {id: picks_b,", "R:11:10: fact 'picks_b' is already in a shared facts file"),
    ],
)
def test_shared_facts_errors(tmp_path, old: str, new: str, expected: str) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(SHARED_RULEBOOK.replace(old, new), encoding="utf-8")
    _library, report = check_files([SOURCES, MINI, FIXTURES / "facts-mini.yaml", path])
    found = [str(p).replace(str(path), "R") for p in report.problems]
    assert any(line.startswith(expected) for line in found), found


@pytest.mark.parametrize("title", ["fail_title", "unknown_title"])
def test_a_step_without_a_title_for_each_outcome_is_refused(tmp_path, title: str) -> None:
    """A failed or undecided step must be headed by what happened, so every step carries both titles."""
    text = RULEBOOK.read_text(encoding="utf-8")
    given = {"fail_title": ", fail_title: No law", "unknown_title": ", unknown_title: Law not shown"}[title]
    stripped = text.replace(given, "")
    assert stripped != text
    found = check(tmp_path, stripped)
    where = "R:38:9: tests[0].steps[0]:"
    assert any(line.startswith(where) and f"step L1 needs {title}" in line for line in found), found


def test_a_conditional_step_needs_its_conditional_title(tmp_path) -> None:
    text = (FIXTURES / "rulebook-ladder.yaml").read_text(encoding="utf-8")
    stripped = text.replace("        conditional_title: Safeguard only planned\n", "")
    assert stripped != text
    path = tmp_path / "ladder.yaml"
    path.write_text(stripped, encoding="utf-8")
    _library, report = check_files([SOURCES, MINI, path])
    assert any("step S2 needs conditional_title" in p.message for p in report.problems), report.problems
    assert all(str(path) in str(p) for p in report.problems)
