"""docs/questionnaire.md: generated from the YAML, complete, and never out of date."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT
from pydantic import TypeAdapter

from pia_wizard.core.load import questionnaire_doc
from pia_wizard.core.load.loading import load_questionnaire, load_sources
from pia_wizard.core.load.questionnaire_doc import describe_condition, describe_show_if, render_markdown
from pia_wizard.core.models.conditions import Condition

FOLDER = ROOT / "questionnaires"
QUESTIONNAIRE = FOLDER / "biometric-deployment.yaml"
SOURCES = FOLDER / "sources.yaml"
DOC = ROOT / "docs" / "questionnaire.md"
COMPILED = load_questionnaire(QUESTIONNAIRE)
RENDERED = render_markdown(COMPILED, load_sources(SOURCES))
CONDITION = TypeAdapter(Condition)


def test_the_committed_document_is_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == RENDERED, (
        "docs/questionnaire.md is out of date: run `python -m pia_wizard.core.load.questionnaire_doc`"
    )


def test_every_section_and_question_is_in_the_document() -> None:
    for section in COMPILED.questionnaire.sections:
        assert f"\n## {section.id} — " in RENDERED
    for qid in COMPILED.entries:
        assert f" {qid} — " in RENDERED, qid


def test_every_condition_is_written_in_words() -> None:
    assert "{" not in RENDERED.replace("{en", "")  # no YAML mapping leaks into the text
    shown = RENDERED.count("- **Shown:** when ")
    conditions = sum(1 for s in COMPILED.questionnaire.sections if s.show_if) + sum(
        1 for e in COMPILED.entries.values() if e.question.show_if
    )
    assert shown == conditions
    assert RENDERED.count("(shown while unknown)") > conditions  # the section table repeats them


def test_the_source_table_lists_every_cited_source_with_its_tag() -> None:
    table = RENDERED.split("\n## Sources\n", 1)[1]
    sources = {s.id: s for s in load_sources(SOURCES).sources}
    cited = {ref for entry in COMPILED.entries.values() for ref in entry.question.refs}
    for ref in cited:
        assert f"\n| {ref} | {sources[ref].tag} | " in table, ref
    assert "missing from the source table" not in RENDERED


IN_LIST = {"question": "q201", "in": ["police", "private_for_police"]}
NESTED = {
    "all": [
        {"question": "q101", "equals": "eu"},
        {"any": [{"question": "q102", "equals": True}, {"not": {"question": "q203", "equals": False}}]},
    ]
}


@pytest.mark.parametrize(
    ("condition", "words"),
    [
        ({"question": "q202", "includes_any": ["identify"]}, "q202 includes any of: identify"),
        ({"question": "q207", "equals": True}, "q207 is yes"),
        (IN_LIST, "q201 is one of: police, private_for_police"),
        ({"question": "q602", "ge": 4}, "q602 is at least 4"),
        ({"question": "q301", "is_unknown": True}, "q301 is answered Unknown / not disclosed"),
        ({"question": "q301", "answered": False}, "q301 is not answered"),
        (NESTED, "q101 is eu AND (q102 is yes OR NOT (q203 is no))"),
        (
            {"any_item": "g401", "where": {"question": "q413", "gt": 1000}},
            "at least one g401 item has: q413 is more than 1000",
        ),
        (
            {"sum": {"group": "g401", "question": "q412"}, "lt": 10},
            "the sum of q412 over the g401 items is less than 10",
        ),
    ],
)
def test_conditions_read_as_words(condition: dict, words: str) -> None:
    assert describe_condition(CONDITION.validate_python(condition)) == words


def test_a_section_condition_says_it_shows_while_unknown() -> None:
    watchlist = COMPILED.sections["s3"]
    assert describe_show_if(watchlist.show_if) == "when q202 includes any of: identify (shown while unknown)"
    assert describe_show_if(None) == "always"


def test_main_writes_the_document_and_check_detects_staleness(tmp_path: Path) -> None:
    out = tmp_path / "questionnaire.md"
    args = ["--questionnaire", str(QUESTIONNAIRE), "--sources", str(SOURCES), "--output", str(out)]
    assert questionnaire_doc.main([*args, "--check"]) == 1  # missing counts as out of date
    assert questionnaire_doc.main(args) == 0
    assert out.read_text(encoding="utf-8") == RENDERED
    assert not (tmp_path / "questionnaire.md.bak").exists()
    assert questionnaire_doc.main([*args, "--check"]) == 0
    out.write_text("stale\n", encoding="utf-8")
    assert questionnaire_doc.main([*args, "--check"]) == 1


def test_main_reports_a_broken_questionnaire(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("kind: questionnaire\nschema_version: 1\n", encoding="utf-8")
    args = ["--questionnaire", str(broken), "--sources", str(SOURCES), "--output", str(tmp_path / "x.md")]
    assert questionnaire_doc.main(args) == 2
    assert "broken.yaml" in capsys.readouterr().err
    assert not (tmp_path / "x.md").exists()


def test_the_generator_imports_neither_qt_nor_weasyprint() -> None:
    code = (
        "import sys, pia_wizard.core.load.questionnaire_doc\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'weasyprint')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=120)
