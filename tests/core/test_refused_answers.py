"""Answers that mean nothing are refused, with the file, the place and plain words (issue 13).

Each case is a real example file changed the way a person editing it by hand (or an old tool) would,
written to disk and given to `pia-wizard validate` and `pia-wizard score` as a user runs them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT, run_cli

from pia_wizard.cli import main

EXAMPLE = ROOT / "examples" / "police-lfr-van-football.pia.json"
Change = Callable[[dict[str, Any]], None]


def _answers(data: dict[str, Any]) -> dict[str, Any]:
    return data["answers"]


def _evidence(**fields: Any) -> Change:
    def change(data: dict[str, Any]) -> None:
        item = {"title": "Council minutes", "confidence": 3, "address": "https://example.org/m", **fields}
        _answers(data)["q202"]["evidence"] = [item]

    return change


# (case, change to the example, pointer, words the message must hold)
REFUSED: list[tuple[str, Change, str, str]] = [
    (
        "empty selection for a required question",
        lambda d: _answers(d)["q202"].update(value=[]),
        "/answers/q202/value",
        "an empty list says nothing about “What does the system do with the people it sees or hears?”: "
        'write {"unknown": true} if it is not known, or leave the question out until it is answered',
    ),
    (
        "empty selection where a 'none' choice exists",
        lambda d: _answers(d)["q211"].update(value=[]),
        "/answers/q211/value",
        'choose "none" (“None of these”) if none applies',
    ),
    (
        "unknown given as a word",
        lambda d: _answers(d).update(q211={"unknown": "yes"}),
        "/answers/q211/unknown",
        'expected true or false (without quotes), not "yes"',
    ),
    (
        "value null",
        lambda d: _answers(d).update(q211={"value": None}),
        "/answers/q211/value",
        'null is not an answer: write {"unknown": true} if the answer is not known, or leave "value" out',
    ),
    (
        "a questionnaire version newer than this program's",
        lambda d: d["questionnaire"].update(version="7.3"),
        "/questionnaire/version",
        "this file answers version 7.3 of the questionnaire “Biometric surveillance deployment”, newer "
        "than the version this pia-wizard knows (2): update pia-wizard to open it",
    ),
    (
        "a questionnaire version that never existed",
        lambda d: d["questionnaire"].update(version="0.9"),
        "/questionnaire/version",
        "version 0.9 of the questionnaire “Biometric surveillance deployment” does not exist",
    ),
    (
        "'none' together with other choices",
        lambda d: _answers(d)["q211"].update(value=["workplace", "none"]),
        "/answers/q211/value",
        '"none" (“None of these”) cannot be chosen together with other choices ("workplace") of '
        "“Could the system capture people in any of these places or situations?”",
    ),
    (
        "a list for a single choice",
        lambda d: _answers(d)["q201"].update(value=["police"]),
        "/answers/q201/value",
        '“Who runs the system?” takes one choice, not a list (["police"]); write "police"',
    ),
    (
        "a bare value where an answer goes",
        lambda d: _answers(d).update(q211="workplace"),
        "/answers/q211",
        'an answer is written as an object: {"value": …}, or {"unknown": true} when it is not known, '
        'not "workplace"',
    ),
    (
        "a local path as an evidence address",
        _evidence(address="C:\\Users\\me\\minutes.pdf"),
        "/answers/q202/evidence/0/address",
        "is not a web address starting with http:// or https:// (without spaces); a file on your own "
        "computer cannot be linked to: attach the file to the assessment instead",
    ),
    (
        "a date in another format",
        _evidence(accessed="12/03/2024"),
        "/answers/q202/evidence/0/accessed",
        '"12/03/2024" is not a date in the form YYYY-MM-DD (for example 2026-03-31)',
    ),
    (
        "a date with a time",
        lambda d: d["metadata"].update(assessment_date="2026-03-31T10:00:00"),
        "/metadata/assessment_date",
        '"2026-03-31T10:00:00" is not a date in the form YYYY-MM-DD',
    ),
    (
        "an evidence level in quotes",
        _evidence(confidence="3"),
        "/answers/q202/evidence/0/confidence",
        'expected a whole number (without quotes), not "3"',
    ),
    (
        "an evidence level off the scale",
        _evidence(confidence=5),
        "/answers/q202/evidence/0/confidence",
        "expected at most 4, not 5",
    ),
    (
        "a status that does not exist",
        lambda d: _answers(d)["q202"].update(status="done"),
        "/answers/q202/status",
        "expected 'draft' or 'final', not \"done\"",
    ),
]
# pydantic's and Python's words that no person should have to read
NOT_PLAIN = ("Input should", "instance of", "String should match", "^", "('", "Value error")


def _write(tmp_path: Path, change: Change, name: str = "case.pia.json") -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "pointer", "words"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED]
)
def test_validate_and_score_refuse_it_naming_file_place_and_what_to_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: Change, pointer: str, words: str
) -> None:
    path = _write(tmp_path, change)
    assert main(["validate", str(path)]) == 2
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1, out  # one problem, said once
    assert out[0].startswith(f"{path}:{pointer}: "), out
    assert words in out[0]
    assert not any(jargon in out[0] for jargon in NOT_PLAIN), out[0]

    assert main(["score", "--json", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # no verdicts from a file that means nothing
    assert f"{path}:{pointer}: " in captured.err and words in captured.err


def test_the_unchanged_example_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The cases above fail because of their change, not because of the example they start from."""
    path = _write(tmp_path, lambda d: None)
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_the_empty_selection_no_longer_turns_a_police_live_case_into_a_pass(tmp_path: Path) -> None:
    """What the issue found: q202 = [] read as "does nothing" cleared every red line. Run as a user does."""
    path = _write(tmp_path, lambda d: _answers(d)["q202"].update(value=[]))
    result = run_cli("score", "--json", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "an empty list says nothing about" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_answer_to_a_hidden_question_is_kept_and_said_to_be_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The legal ground under the GDPR is asked only of users that are not the police."""
    plain = _write(tmp_path, lambda d: None, "plain.pia.json")
    hidden = _write(tmp_path, lambda d: _answers(d).update(q707={"value": "consent"}), "hidden.pia.json")
    assert main(["validate", str(hidden)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"{hidden}:/answers/q707: warning: “On what ground does the operator say it may process "
        "people's biometric data?” — kept but not used: it is not asked with the answers given to "
        "“In which country is the system used?” and “Who runs the system?”"
    ]
    assert "no problems (1 warning(s))" in captured.err

    assert main(["score", "--json", str(hidden)]) == 0
    captured = capsys.readouterr()
    assert f"{hidden}:/answers/q707: warning: " in captured.err
    scored = json.loads(captured.out)  # stdout holds the JSON and nothing else
    assert main(["score", "--json", str(plain)]) == 0
    assert json.loads(capsys.readouterr().out)["verdicts"] == scored["verdicts"]


def test_a_hidden_answer_with_only_a_note_is_not_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, lambda d: _answers(d).update(q707={"note": {"text": "ask the council"}}))
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_unknown_with_a_null_value_is_still_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`{"value": null, "unknown": true}` says one thing clearly: it is not refused."""
    path = _write(tmp_path, lambda d: _answers(d).update(q211={"value": None, "unknown": True}))
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == ""


def _mini_file(tmp_path: Path, answers: dict[str, Any]) -> Path:
    path = tmp_path / "mini-case.pia.json"
    data = {"schema_version": 1, "questionnaire": {"id": "mini", "version": "1.0"}, "answers": answers}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_inside_a_group_item_null_is_refused_and_a_hidden_item_answer_is_warned_about(tmp_path: Path) -> None:
    """The site note is asked only of sites with more than 100 people: items are checked one by one."""
    from helpers import MINI, SOURCES

    from pia_wizard.core.load.library import check_files

    sites = [
        {"q_site_people": {"value": 50}, "q_site_note": {"value": "small"}},
        {"q_site_people": {"value": 500}, "q_site_note": {"value": "big"}},
    ]
    path = _mini_file(tmp_path, {"g_sites": {"value": sites}})
    _library, report = check_files([SOURCES, MINI, path])
    assert report.problems == []
    assert [(w.pointer, w.message) for w in report.warnings] == [
        (
            "/answers/g_sites/value/0/q_site_note",
            "“Why” (item 1) — kept but not used: it is not asked with the answers given to “People”",
        )
    ]
    sites[1]["q_site_name"] = {"value": None}
    _library, report = check_files([SOURCES, MINI, _mini_file(tmp_path, {"g_sites": {"value": sites}})])
    assert [p.pointer for p in report.problems] == ["/answers/g_sites/value/1/q_site_name/value"]
    assert report.problems[0].message.startswith("null is not an answer")


def test_a_skipped_section_is_named_with_its_reason(tmp_path: Path) -> None:
    from helpers import MINI, SOURCES

    from pia_wizard.core.load.library import check_files

    path = _mini_file(tmp_path, {"q_choice": {"value": "a"}, "q_b1": {"value": True}})
    _library, report = check_files([SOURCES, MINI, path])
    assert [str(w) for w in report.warnings] == [
        f"{path}:/answers/q_b1: warning: “B one” — kept but not used: the section “Only for b” is "
        "skipped because of earlier answers"
    ]


def test_the_report_command_says_the_warning_and_still_makes_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hidden = _write(tmp_path, lambda d: _answers(d).update(q707={"value": "consent"}), "hidden.pia.json")
    page = tmp_path / "report.html"
    assert main(["report", str(hidden), "--html", str(page)]) == 0
    assert f"{hidden}:/answers/q707: warning: " in capsys.readouterr().err
    assert page.stat().st_size > 0
