"""Every kind of load error names the file, the exact place and what is wrong, and exits 2."""

from __future__ import annotations

import pytest
from helpers import BAD, MINI, ROOT, run_cli

# (fixture, expected first line of output: FILE:LINE:COL: message, or FILE:/pointer: message)
CASES = [
    ("malformed.yaml", "malformed.yaml:7:1: invalid YAML: while parsing a flow sequence"),
    (
        "wrong_type.yaml",
        "wrong_type.yaml:15:18: sections[0].questions[0].minimum: Input should be a valid number",
    ),
    (
        "unknown_key.yaml",
        "unknown_key.yaml:14:9: unknown key 'lable' in sections[0].questions[0] (did you mean 'label'?)",
    ),
    ("unknown_question.yaml", "unknown_question.yaml:12:78: unknown question 'q9'"),
    ("bad_choice.yaml", "bad_choice.yaml:12:90: 'y' is not a choice of question 'q1' (choices: x)"),
    (
        "equals_multiple.yaml",
        "equals_multiple.yaml:12:90: 'equals' cannot test the multiple-choice question 'q1'",
    ),
    (
        "type_mismatch.yaml",
        "type_mismatch.yaml:12:86: sections[0].questions[1].show_if.gt: Input should be a valid",
    ),
    ("cycle.yaml", "cycle.yaml:11:67: show_if conditions form a cycle: q1 → q2 → q1"),
    ("bad_period.yaml", "bad_period.yaml:13:26: 'q1' is a yes_no question; expected date"),
    ("bad_realistic_change.yaml", "bad_realistic_change.yaml:16:70: unknown question 'q9'"),
    (
        "future.yaml",
        "future.yaml:2:17: this questionnaire was written for a newer pia-wizard (schema version 99",
    ),
    ("duplicate_key.yaml", "duplicate_key.yaml:10:5: duplicate key 'title' (first defined on line 9)"),
    ("truncated.pia.json", "truncated.pia.json:6:1: invalid JSON: Expecting ',' delimiter"),
    ("duplicate_key.pia.json", "duplicate_key.pia.json:/answers/q_num: duplicate key 'q_num'"),
    ("nan.pia.json", "nan.pia.json:/answers/q_num/value: NaN is not allowed"),
    ("future.pia.json", "future.pia.json:/schema_version: this file was written by a newer pia-wizard"),
    (
        "wrong_answers.pia.json",
        "wrong_answers.pia.json:/answers/q_num/value: "
        '“Count” is answered with a number (without quotes), not "three"',
    ),
]


@pytest.mark.parametrize(("fixture", "expected"), CASES, ids=[c[0] for c in CASES])
def test_cli_names_file_line_column_and_exits_2(fixture: str, expected: str) -> None:
    result = run_cli("validate", str(MINI.relative_to(ROOT)), str((BAD / fixture).relative_to(ROOT)))
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"tests/fixtures/bad/{expected}") for line in lines), lines
    assert "Traceback" not in result.stderr


def test_every_answer_problem_is_reported_not_just_the_first() -> None:
    result = run_cli("validate", str(MINI), str(BAD / "wrong_answers.pia.json"))
    lines = result.stdout.splitlines()
    assert any(
        line.endswith('/answers/q_choice/value: "zzz" is not one of the choices of “Pick” (a, b)')
        for line in lines
    )
    assert any(line.endswith("/answers/q_nope: the questionnaire has no question 'q_nope'") for line in lines)


def test_oversize_assessment_is_refused_before_parsing(tmp_path) -> None:
    from pia_wizard.core.files.atomic_file import MAX_ASSESSMENT_BYTES

    big = tmp_path / "big.pia.json"
    with big.open("wb") as handle:
        handle.truncate(MAX_ASSESSMENT_BYTES + 1)  # sparse: no memory, no parse
    result = run_cli("validate", str(big))
    assert result.returncode == 2
    assert f"{big}: " in result.stdout
    assert "too large" in result.stdout and "20 MB" in result.stdout


def test_file_of_unknown_kind_is_an_error(tmp_path) -> None:
    stray = tmp_path / "notes.txt"
    stray.write_text("hello", encoding="utf-8")
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 2
    assert result.stdout.startswith(f"{stray}: not a pia-wizard file")


def test_yaml_without_kind_is_an_error(tmp_path) -> None:
    odd = tmp_path / "odd.yaml"
    odd.write_text("id: x\n", encoding="utf-8")
    result = run_cli("validate", str(odd))
    assert result.returncode == 2
    assert result.stdout.startswith(f"{odd}:1:1: `kind:` must be one of questionnaire, rulebook")


def test_shipped_questionnaires_folder_validates() -> None:
    result = run_cli("validate", "questionnaires/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "no problems" in result.stderr


def test_missing_path_exits_2() -> None:
    result = run_cli("validate", "no/such/file.yaml")
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr
