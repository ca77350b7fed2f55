"""Several uses in one assessment (issue 13): the file, the checks and the edits.

A real example file is given a second use the way a person would write it, written to disk and
checked by `pia-wizard validate` as a user runs it; the edits run on the shipped questionnaire.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT

from pia_wizard.cli import main
from pia_wizard.core.answers import edits
from pia_wizard.core.answers.uses import (
    UseError,
    add_use,
    edit_use,
    remove_use,
    rename_use,
    use_names,
    use_view,
)
from pia_wizard.core.load.assessment_io import assessment_bytes, load_assessment_file
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.models.assessment import Answer

EXAMPLE = ROOT / "examples" / "police-lfr-van-football.pia.json"


def _write(tmp_path: Path, **extra: Any) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data.update(extra)
    path = tmp_path / "case.pia.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def _loaded(path: Path = EXAMPLE):
    loaded = load_assessment_file(path, shipped_library())
    return loaded.questionnaire, loaded.assessment


SEARCHES = {
    "name": "searches of CCTV footage",
    "answers": {"q204": {"value": "later"}, "q202": {"value": ["identify"]}},
}


def test_the_questionnaire_declares_which_questions_are_asked_per_use() -> None:
    compiled, _ = _loaded()
    assert {"q202", "q204", "q205", "g401", "q301", "q606"} <= compiled.per_use
    assert "q201" not in compiled.per_use  # who runs it is one answer for every use
    assert compiled.questionnaire.uses is not None


def test_a_file_without_uses_is_written_exactly_as_before() -> None:
    compiled, assessment = _loaded()
    assert assessment.uses == ()
    written = assessment_bytes(assessment)
    assert b'"uses"' not in written and b"first_use_name" not in written
    assert use_view(compiled, assessment, 0) is assessment


def test_a_second_use_is_read_checked_and_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, first_use_name="live van at the stadium", uses=[SEARCHES])
    assert main(["validate", str(path)]) == 0, capsys.readouterr()
    compiled, assessment = _loaded(path)
    assert use_names(compiled, assessment) == ("live van at the stadium", "searches of CCTV footage")
    second = use_view(compiled, assessment, 1)
    assert second.answers["q204"].value == "later"
    assert second.answers["q201"] == assessment.answers["q201"]  # shared
    assert "q301" not in second.answers  # per use, not inherited from the first use
    assert json.loads(assessment_bytes(assessment))["uses"][0]["name"] == "searches of CCTV footage"


@pytest.mark.parametrize(
    ("use", "pointer", "words"),
    [
        (
            {"name": "searches", "answers": {"q204": {"value": "tomorrow"}}},
            "/uses/0/answers/q204/value",
            "(for the use “searches”)",
        ),
        (
            {"name": "searches", "answers": {"q202": {"value": []}}},
            "/uses/0/answers/q202/value",
            "an empty list says nothing about",
        ),
        (
            {"name": "searches", "answers": {"q201": {"value": "police"}}},
            "/uses/0/answers/q201",
            "“Who runs the system?” is answered once for every use, not per use (for the use “searches”)",
        ),
        (
            {"name": "searches", "answers": {"q204": {"value": None}}},
            "/uses/0/answers/q204/value",
            "null is not an answer",
        ),
        (
            {"name": "Live van at the stadium", "answers": {}},
            "/uses/0/name",
            "there is already a use called “Live van at the stadium”",
        ),
    ],
    ids=["not a choice", "empty selection", "a shared question", "null", "same name twice"],
)
def test_a_use_s_answers_are_refused_like_any_other_naming_the_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], use: dict[str, Any], pointer: str, words: str
) -> None:
    path = _write(tmp_path, first_use_name="live van at the stadium", uses=[use])
    assert main(["validate", str(path)]) == 2
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1, out
    assert out[0].startswith(f"{path}:{pointer}: "), out
    assert words in out[0]


def test_a_hidden_answer_of_a_use_is_kept_and_the_warning_names_the_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Q606 (each search linked to a crime) is asked only for searches of recordings."""
    use = {"name": "live alerts", "answers": {"q204": {"value": "while_present"}, "q606": {"value": True}}}
    path = _write(tmp_path, uses=[use])
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}:/uses/0/answers/q606: warning: " in out
    assert "kept but not used" in out and "(for the use “live alerts”)" in out


def test_edits_go_to_the_chosen_use_and_undo_is_the_old_assessment() -> None:
    compiled, before = _loaded()
    two = add_use(compiled, before, "searches of CCTV footage")
    assert use_names(compiled, two)[1] == "searches of CCTV footage"
    after = edit_use(compiled, two, 1, lambda a: edits.set_value(compiled, a, "q204", "later"))
    assert after.uses[0].answers["q204"].value == "later"
    assert after.answers["q204"] == before.answers["q204"]  # the first use is untouched
    # A shared question edited while the second use is chosen changes it for every use.
    shared = edit_use(compiled, after, 1, lambda a: edits.set_value(compiled, a, "q201", "public_authority"))
    assert shared.answers["q201"].value == "public_authority" and "q201" not in shared.uses[0].answers
    # Notes and evidence of a use's own answer stay with that use.
    noted = edit_use(compiled, after, 1, lambda a: edits.set_note(a, "q204", "From the force's FOI reply."))
    assert noted.uses[0].answers["q204"].note is not None
    assert noted.answers["q204"].note == before.answers["q204"].note
    assert two.uses[0].answers == {}  # nothing changed in place


def test_uses_are_renamed_and_removed_and_names_must_differ() -> None:
    compiled, base = _loaded()
    two = add_use(compiled, base, "searches")
    with pytest.raises(UseError, match="already a use called"):
        add_use(compiled, two, " Searches ")
    with pytest.raises(UseError, match="needs a name"):
        rename_use(compiled, two, 1, "  ")
    named = rename_use(compiled, two, 0, "live van")
    assert use_names(compiled, named) == ("live van", "searches")
    edited = edit_use(compiled, named, 1, lambda a: edits.set_value(compiled, a, "q204", "later"))
    # Removing the first use makes the next the first: its own answers become the answers.
    first_gone = remove_use(compiled, edited, 0)
    assert first_gone.uses == () and first_gone.first_use_name == "searches"
    assert first_gone.answers["q204"] == Answer(value="later")
    assert "q202" not in first_gone.answers  # the removed use's per-use answers went with it
    assert first_gone.answers["q201"] == base.answers["q201"]
    assert remove_use(compiled, edited, 1).uses == ()
    with pytest.raises(UseError, match="at least one use"):
        remove_use(compiled, base, 0)


def test_an_approval_stops_covering_the_assessment_when_a_use_changes() -> None:
    """The review digest covers every use's own answers and names; one use digests as before."""
    from pia_wizard.core.answers.review import review_digest

    compiled, base = _loaded()
    two = add_use(compiled, base, "searches")
    assert review_digest(two) != review_digest(base)
    edited = edit_use(compiled, two, 1, lambda a: edits.set_value(compiled, a, "q204", "later"))
    assert review_digest(edited) != review_digest(two)
    assert review_digest(rename_use(compiled, edited, 1, "footage searches")) != review_digest(edited)
    assert review_digest(remove_use(compiled, two, 1).model_copy(update={"first_use_name": ""})) == (
        review_digest(base)
    )
