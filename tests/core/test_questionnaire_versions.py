"""Questionnaire migrations: answers written for version 1 of the mini questionnaire, read under a
version 3 that renamed, split and dropped questions and choices and added one (real files on disk)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import SOURCES
from migration_fixtures import V1_ANSWERS, mini_v1_file, mini_v3_files

from pia_wizard.core.files.problems import LoadError
from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import Library, check_files


@pytest.fixture
def v3(tmp_path: Path) -> tuple[Library, Path]:
    questionnaire, migrations = mini_v3_files(tmp_path)
    library, report = check_files([SOURCES, questionnaire, migrations])
    assert report.problems == []
    return library, migrations


def _v1_file(tmp_path: Path, answers: dict[str, Any], version: str = "1.0") -> Path:
    return mini_v1_file(tmp_path, answers, version)


def test_every_change_is_applied_in_order_and_nothing_is_lost_silently(
    v3: tuple[Library, Path], tmp_path: Path
) -> None:
    library, _ = v3
    loaded = load_assessment_file(_v1_file(tmp_path, V1_ANSWERS), library)
    answers = {
        k: v.model_dump(mode="json", exclude_defaults=True) for k, v in loaded.assessment.answers.items()
    }
    assert loaded.assessment.questionnaire.version == "3"
    assert answers == {
        "q_choice": {"value": "alpha"},
        "q_warm": {"value": ["red"], "note": {"text": "seen on site"}},
        "q_cool": {"note": {"text": "seen on site"}},  # blue dropped in step 2, the note kept
        "q_words": {
            "value": "hello",
            "evidence": [{"title": "Minutes", "address": "https://e.org", "confidence": 3}],
        },
        "q_yes": {"unknown": True},
    }
    migration = loaded.migration
    assert migration is not None
    assert (migration.from_version, migration.to_version) == ("1.0", "3")
    assert set(migration.renamed) == {("q_text", "q_words"), ("q_multi", "q_warm"), ("q_multi", "q_cool")}
    assert [d.question_id for d in migration.dropped] == ["q_date", "q_multi"]
    assert migration.dropped[0].text == "“When” is no longer asked: the rules never used it."
    assert "“Blue” is no longer offered" in migration.dropped[1].text
    assert migration.new_questions == ("q_new",)
    assert migration.headline() == (
        "written for questionnaire version 1.0; read as version 3: "
        "1 new question to answer, 2 answer(s) dropped"
    )
    # No answer lost: each version-1 answer is carried under its own or a new id, or listed as dropped.
    carried = {old for old, new in migration.renamed if new in answers} | set(answers)
    dropped = {d.question_id for d in migration.dropped}
    assert all(q in carried or q in dropped for q in V1_ANSWERS)


def test_a_file_at_todays_version_is_not_migrated(v3: tuple[Library, Path], tmp_path: Path) -> None:
    library, _ = v3
    loaded = load_assessment_file(_v1_file(tmp_path, {"q_words": {"value": "x"}}, version="3.0"), library)
    assert loaded.migration is None
    assert loaded.assessment.questionnaire.version == "3.0"


def test_a_version_with_no_migration_is_refused_naming_the_versions_read(
    v3: tuple[Library, Path], tmp_path: Path
) -> None:
    library, _ = v3
    with pytest.raises(LoadError) as caught:
        load_assessment_file(_v1_file(tmp_path, {}, version="2.5"), library)
    (problem,) = caught.value.problems
    assert problem.pointer == "/questionnaire/version"
    assert (
        problem.message
        == "version 2.5 of the questionnaire “Mini” does not exist; this pia-wizard reads versions 1.0, 2, 3"
    )


def test_an_answer_the_migration_makes_invalid_is_refused_at_its_new_place(
    v3: tuple[Library, Path], tmp_path: Path
) -> None:
    library, _ = v3
    with pytest.raises(LoadError) as caught:
        load_assessment_file(_v1_file(tmp_path, {"q_text": {"value": 3}}), library)
    assert [p.pointer for p in caught.value.problems] == ["/answers/q_words/value"]


def test_validate_reports_the_migration_as_a_warning(v3: tuple[Library, Path], tmp_path: Path) -> None:
    _, migrations = v3
    questionnaire = migrations.with_name("mini-v3.yaml")
    _library, report = check_files([SOURCES, questionnaire, migrations, _v1_file(tmp_path, V1_ANSWERS)])
    assert report.problems == []
    lines = [w.message for w in report.warnings if w.pointer == "/questionnaire/version"]
    assert lines[0].startswith("written for questionnaire version 1.0; read as version 3: 1 new question")
    assert "answer dropped: “When” is no longer asked: the rules never used it." in lines
    assert "new questions: “Something new”" in lines
    assert all("q_" not in line for line in lines)  # labels, never ids


@pytest.mark.parametrize(
    ("edit", "pointer", "words"),
    [
        (("q_words", "q_nowhere"), "/steps/0/changes/0/to", None),  # an earlier step: not checkable today
        ('to: "3"', "/steps/1/to", "the last step must end at the questionnaire's version 3"),
        ("[q_new]", "/steps/1/new_questions/0", "the questionnaire has no question 'q_old'"),
        ("question: q_date", "/steps/1/changes/0/question", "'q_choice' is still a question today"),
        ("choice: blue, label", "/steps/1/changes/1/choice", "'green' is still a choice today"),
        ("change: drop_question", "/steps/1/changes/0/change", "not a valid change"),
    ],
)
def test_a_wrong_migrations_file_is_refused_with_file_and_place(
    v3: tuple[Library, Path], edit: Any, pointer: str, words: str | None
) -> None:
    _, migrations = v3
    text = migrations.read_text(encoding="utf-8")
    replacements = {
        'to: "3"': 'to: "4"',
        "[q_new]": "[q_old]",
        "question: q_date": "question: q_choice",
        "choice: blue, label": "choice: green, label",
        "change: drop_question": "change: remove_question",
    }
    if isinstance(edit, tuple):
        text = text.replace(*edit)
    else:
        assert edit in text
        text = text.replace(edit, replacements[edit])
    migrations.write_text(text, encoding="utf-8")
    _library, report = check_files([SOURCES, migrations.with_name("mini-v3.yaml"), migrations])
    if words is None:
        assert report.problems == []
        return
    messages = [(p.file, p.line, p.message) for p in report.problems]
    assert len(messages) == 1, messages
    file, line, message = messages[0]
    assert file == str(migrations)
    assert line == _line_of(text, pointer)
    assert words in message


def _line_of(text: str, pointer: str) -> int:
    """The line a pointer's last step sits on, found the simple way for these small files."""
    needle = {
        "/steps/1/to": 'to: "4"',
        "/steps/1/new_questions/0": "[q_old]",
        "/steps/1/changes/0/question": "question: q_choice, label",
        "/steps/1/changes/1/choice": "choice: green",
        "/steps/1/changes/0/change": "change: remove_question",
    }[pointer]
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_migrate_writes_todays_version_atomically_and_keeps_the_old_file_as_bak(
    v3: tuple[Library, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pia_wizard.commands.migrate import run_migrate

    library, _ = v3
    path = _v1_file(tmp_path, V1_ANSWERS)
    before = path.read_bytes()
    assert run_migrate(path, library) == 0
    out = capsys.readouterr().out
    assert f"{path}: written at version 3; the file as it was is in old.pia.json.bak" in out
    assert f"{path}: new: “Something new”" in out
    assert path.with_name("old.pia.json.bak").read_bytes() == before
    again = load_assessment_file(path, library)
    assert again.migration is None
    assert json.loads(path.read_text(encoding="utf-8"))["questionnaire"] == {"id": "mini", "version": "3"}
    assert again.assessment.answers["q_words"].value == "hello"
    assert run_migrate(path, library) == 0  # already at today's version: not written again
    assert "already written for questionnaire version 3; not changed" in capsys.readouterr().out
    assert path.with_name("old.pia.json.bak").read_bytes() == before


def test_migrate_refuses_bad_input_with_exit_2(
    v3: tuple[Library, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pia_wizard.commands.migrate import run_migrate

    library, _ = v3
    bad = _v1_file(tmp_path, {"q_text": {"value": 3}})
    before = bad.read_bytes()
    assert run_migrate(bad, library) == 2
    assert "/answers/q_words/value" in capsys.readouterr().err
    assert bad.read_bytes() == before and not bad.with_name("old.pia.json.bak").exists()
    assert run_migrate(tmp_path / "missing.pia.json", library) == 2
    assert run_migrate(tmp_path / "report.pdf", library) == 2
    assert "a report is never rewritten" in capsys.readouterr().err


def test_each_use_s_own_answers_are_carried_forward_too(tmp_path: Path) -> None:
    """Several uses (issue 13): a further use's answers follow the same steps; what is dropped from
    a use says which use it was."""
    from migration_fixtures import MIGRATIONS, v3_questionnaire

    text = v3_questionnaire()
    plain = "      - {id: q_words, type: text, nature: fact, label: Words}\n"
    assert plain in text
    text = text.replace(
        plain, "      - {id: q_words, type: text, nature: fact, per_use: true, label: Words}\n"
    )
    text += "uses: {item_label: use, title: Uses, first_name: First use}\n"
    questionnaire, migrations = tmp_path / "mini-v3.yaml", tmp_path / "mini-migrations.yaml"
    questionnaire.write_text(text, encoding="utf-8")
    migrations.write_text(MIGRATIONS, encoding="utf-8")
    library, report = check_files([SOURCES, questionnaire, migrations])
    assert report.problems == []
    path = _v1_file(tmp_path, {"q_text": {"value": "shared"}})
    data = json.loads(path.read_text(encoding="utf-8"))
    data["uses"] = [
        {"name": "second", "answers": {"q_text": {"value": "own"}, "q_date": {"value": "2026-01-02"}}}
    ]
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_assessment_file(path, library)
    assert loaded.assessment.uses[0].answers["q_words"].value == "own"
    assert loaded.assessment.answers["q_words"].value == "shared"
    assert "q_date" not in loaded.assessment.uses[0].answers
    assert loaded.migration is not None
    assert [d.text for d in loaded.migration.dropped] == [
        "“When” is no longer asked: the rules never used it. (for the use “second”)"
    ]
