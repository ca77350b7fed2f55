"""The shipped questionnaire's versions: every version-1 file keeps working (issue 13).

- The migrations' list of new questions cannot go stale: it is compared with the committed record of
  version 1's question and choice ids (tests/fixtures/v1/questionnaire-ids.json, made with
  tools/questionnaire_ids.py). A question added to the questionnaire and not listed fails here.
- The version-1 fixtures (the examples as they were, a report PDF) and the decisions corpus load,
  migrate without losing an answer and score; `validate`, `score` and `migrate` say so.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXTURES, ROOT

from pia_wizard.cli import main
from pia_wizard.core.answers.questionnaire_versions import steps_from, version_key
from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.models.migrations import DropQuestion, RenameQuestion, SplitQuestion

V1 = FIXTURES / "v1"
RECORD = json.loads((V1 / "questionnaire-ids.json").read_text(encoding="utf-8"))
V1_FILES = sorted(V1.glob("*.pia.json"))
V1_REPORT = V1 / "police-lfr-van-football--factsheet.pdf"
DECISIONS = sorted((ROOT / "tests" / "decisions").glob("*.pia.json"))
# Most decisions were encoded at version 1; those re-encoded with version-2 questions are written at 2.
DECISIONS_V1 = [
    p for p in DECISIONS if json.loads(p.read_text(encoding="utf-8"))["questionnaire"]["version"] == "1.0"
]
DECISIONS_V2 = [p for p in DECISIONS if p not in DECISIONS_V1]
LIBRARY = shipped_library()
COMPILED = LIBRARY.questionnaires[RECORD["questionnaire"]]


def test_the_shipped_questionnaire_is_version_2_and_reads_version_1() -> None:
    assert COMPILED.questionnaire.version == "2"
    assert version_key(RECORD["version"]) == (1,)
    steps = steps_from(LIBRARY.migrations.get(COMPILED.id), RECORD["version"], "2")
    assert steps is not None and len(steps) == 1


def test_new_questions_list_every_question_version_1_did_not_have() -> None:
    """Today's ids = version 1's, minus those renamed, split or dropped, plus their new ids and the
    listed new questions. Run again after every merge that adds a question."""
    steps = steps_from(LIBRARY.migrations.get(COMPILED.id), RECORD["version"], COMPILED.questionnaire.version)
    assert steps is not None
    expected = set(RECORD["questions"])
    listed: list[str] = []
    for step in steps:
        for change in step.changes:
            if isinstance(change, RenameQuestion):
                expected = (expected - {change.question}) | {change.to}
            elif isinstance(change, SplitQuestion):
                expected = (expected - {change.question}) | {t.question for t in change.into}
            elif isinstance(change, DropQuestion):
                expected -= {change.question}
        listed.extend(step.new_questions)
    today = set(COMPILED.entries)
    unlisted = sorted(today - expected - set(listed), key=lambda q: COMPILED.order[q])
    assert unlisted == [], (
        f"questions added since version {RECORD['version']} but not in new_questions of "
        f"questionnaires/migrations/{COMPILED.id}.yaml: {unlisted}"
    )
    missing = sorted(expected - today)
    assert missing == [], (
        f"version-{RECORD['version']} questions gone without a rename, split or drop: {missing}"
    )
    assert not set(listed) & expected, "a question listed as new existed already"


def test_every_version_1_question_keeps_its_type_and_choices() -> None:
    """A version-1 answer stays a valid answer: no type change and no choice gone without a step."""
    steps = steps_from(LIBRARY.migrations.get(COMPILED.id), RECORD["version"], COMPILED.questionnaire.version)
    touched = {getattr(c, "question", None) for s in steps or () for c in s.changes}
    for question_id, old in RECORD["questions"].items():
        if question_id in touched or question_id not in COMPILED.entries:
            continue
        entry = COMPILED.entries[question_id]
        assert entry.question.type == old["type"], question_id
        gone = set(old.get("choices", ())) - {c.value for c in entry.choices}
        assert not gone, f"{question_id}: choices {sorted(gone)} gone without a rename or drop"


def _answers_by_place(answers: dict[str, Any]) -> dict[tuple[Any, ...], Any]:
    flat: dict[tuple[Any, ...], Any] = {}
    for question_id, answer in answers.items():
        flat[(question_id,)] = answer
        if isinstance(answer.get("value"), list):
            for index, item in enumerate(answer["value"]):
                if isinstance(item, dict):
                    for item_id, item_answer in item.items():
                        flat[(question_id, index, item_id)] = item_answer
    return flat


@pytest.mark.parametrize("path", V1_FILES + DECISIONS_V1, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_version_1_file_migrates_without_losing_an_answer_and_scores(path: Path) -> None:
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["questionnaire"]["version"] == "1.0"
    loaded = load_assessment_file(path, LIBRARY)
    migration = loaded.migration
    assert migration is not None and migration.to_version == "2"
    assert loaded.assessment.questionnaire.version == "2"
    migrated = loaded.assessment.model_dump(mode="json", by_alias=True, exclude_defaults=True)["answers"]
    before, after = _answers_by_place(written["answers"]), _answers_by_place(migrated)
    renamed = dict(migration.renamed)
    dropped = {d.question_id for d in migration.dropped}
    for place, answer in before.items():
        if place[-1] in dropped:
            continue
        new_place = (*place[:-1], renamed.get(place[-1], place[-1]))
        assert new_place in after, f"{place} lost"
        if place == new_place and len(place) == 3:
            assert after[place] == answer, place
    date = loaded.assessment.metadata.assessment_date or dt.date(2026, 11, 23)
    books = [b for b in LIBRARY.rulebooks.values() if b.questionnaire == COMPILED.id]
    evaluation = evaluate(loaded.questionnaire, books, loaded.assessment, date, explore=False)
    assert {r.id for r in evaluation.rulebooks} == {b.id for b in books}


@pytest.mark.parametrize("path", DECISIONS_V2, ids=lambda p: p.name)
def test_a_decision_written_at_version_2_loads_as_written_and_scores(path: Path) -> None:
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["questionnaire"]["version"] == "2"
    loaded = load_assessment_file(path, LIBRARY)
    assert loaded.migration is None
    answers = loaded.assessment.model_dump(mode="json", by_alias=True, exclude_defaults=True)["answers"]
    assert set(answers) == set(written["answers"])
    date = loaded.assessment.metadata.assessment_date
    books = [b for b in LIBRARY.rulebooks.values() if b.questionnaire == COMPILED.id]
    evaluation = evaluate(loaded.questionnaire, books, loaded.assessment, date, explore=False)
    assert {r.id for r in evaluation.rulebooks} == {b.id for b in books}


def test_validate_reports_the_migration_and_migrate_writes_version_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / V1_FILES[0].name
    shutil.copy(V1_FILES[0], path)
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert (
        f"{path}:/questionnaire/version: warning: written for questionnaire version 1.0; read as version 2"
        in out
    )
    assert main(["migrate", str(path)]) == 0
    assert json.loads(path.read_text(encoding="utf-8"))["questionnaire"]["version"] == "2"
    assert path.with_name(path.name + ".bak").read_bytes() == V1_FILES[0].read_bytes()
    capsys.readouterr()
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["score", "--json", str(path)]) == 0
    assert main(["score", "--json", str(V1_FILES[0])]) == 0


def test_a_version_1_report_is_judged_under_todays_questionnaire(capsys: pytest.CaptureFixture[str]) -> None:
    from pia_wizard.report.reopen import check_report_file

    check = check_report_file(V1_REPORT, LIBRARY)
    assert check.problems == []
    assert check.fingerprint_holds
    assert check.migration is not None and check.migration.from_version == "1.0"
    assert check.assessment is not None and check.assessment.questionnaire.version == "2"
    summary = check.summary()
    assert summary[0].startswith("not signed")  # the signature is said first
    at = summary.index(check.fingerprint_line())  # after the signature's lines
    assert "written for questionnaire version 1.0; read as version 2" in summary[at + 1]
    rest = summary[at + 2 :]
    if check.changes:  # the differences from the report's printed verdicts, each named
        assert rest == check.changes
    else:
        assert rest == [s for s in rest if s.startswith("same verdicts with today's rulebooks")]
    assert main(["validate", str(V1_REPORT)]) == 0
    assert main(["score", str(V1_REPORT)]) == 0
    assert main(["migrate", str(V1_REPORT)]) == 2
