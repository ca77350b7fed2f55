"""Edits return new assessments, check values against the questionnaire, and leave the old intact."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import MINI

from pia_wizard.core.answers import edits
from pia_wizard.core.answers.edits import EditError
from pia_wizard.core.load.loading import load_questionnaire
from pia_wizard.core.models.assessment import Assessment

COMPILED = load_questionnaire(MINI)
EMPTY = Assessment.model_validate({"schema_version": 1, "questionnaire": {"id": "mini", "version": "1.0"}})


def test_edit_returns_new_value_and_keeps_old() -> None:
    changed = edits.set_value(COMPILED, EMPTY, "q_choice", "a")
    assert changed.answers["q_choice"].value == "a"
    assert "q_choice" not in EMPTY.answers
    back = edits.clear_answer(COMPILED, changed, "q_choice")
    assert "q_choice" not in back.answers and back == EMPTY


@pytest.mark.parametrize(
    ("question", "value", "message"),
    [
        ("q_choice", "z", "not one of the choices of “Pick” \\(a, b\\)"),
        ("q_multi", ["red", "green"], '"green" is not one of the choices'),
        ("q_multi", ["red", "red"], "listed twice"),
        ("q_multi", "red", "list of choices"),
        ("q_yes", 1, "true or false"),
        ("q_num", True, "answered with a number"),
        ("q_num", 2.5, "whole number"),
        ("q_num", -1, "below the smallest answer “Count” allows \\(0\\)"),
        ("q_num", 1001, "above the largest answer"),
        ("q_date", "15/01/2026", "not a date"),
        ("q_text", 3, "answered with text"),
        ("q_nope", "x", "no question"),
        ("q_site_people", 3, "per item of group"),
        ("g_sites", [], "add_item"),
    ],
)
def test_values_are_checked_against_the_question(question: str, value: object, message: str) -> None:
    with pytest.raises(EditError, match=message):
        edits.set_value(COMPILED, EMPTY, question, value)


def test_unknown_replaces_value_and_keeps_note() -> None:
    a = edits.set_value(COMPILED, EMPTY, "q_num", 5)
    a = edits.set_note(a, "q_num", "from the press release")
    a = edits.set_unknown(COMPILED, a, "q_num")
    assert a.answers["q_num"].unknown and a.answers["q_num"].value is None
    assert a.answers["q_num"].note.text == "from the press release"


def test_dates_are_stored_as_iso_text() -> None:
    a = edits.set_value(COMPILED, EMPTY, "q_date", dt.date(2026, 3, 1))
    assert a.answers["q_date"].value == "2026-03-01"


def test_evidence_add_replace_remove() -> None:
    a = edits.add_evidence(EMPTY, "q_yes", {"title": "One", "confidence": 1})
    a = edits.add_evidence(a, "q_yes", {"title": "Two", "confidence": 2})
    a = edits.replace_evidence(a, "q_yes", 0, {"title": "Uno", "confidence": 4})
    assert [e.title for e in a.answers["q_yes"].evidence] == ["Uno", "Two"]
    a = edits.remove_evidence(a, "q_yes", 1)
    assert [e.title for e in a.answers["q_yes"].evidence] == ["Uno"]
    with pytest.raises(EditError):
        edits.remove_evidence(a, "q_yes", 5)
    with pytest.raises(EditError, match="no attachment"):
        edits.add_evidence(a, "q_yes", {"title": "x", "attachment": "deadbeef", "confidence": 1})


def test_group_items() -> None:
    a = edits.add_item(COMPILED, EMPTY, "g_sites")
    a = edits.add_item(COMPILED, a, "g_sites")
    a = edits.set_item_value(COMPILED, a, "g_sites", 1, "q_site_people", 300)
    a = edits.set_item_value(COMPILED, a, "g_sites", 0, "q_site_people", None, unknown=True)
    items = a.answers["g_sites"].value
    assert items[1]["q_site_people"].value == 300 and items[0]["q_site_people"].unknown
    a = edits.remove_item(COMPILED, a, "g_sites", 0)
    assert len(a.answers["g_sites"].value) == 1
    with pytest.raises(EditError):
        edits.set_item_value(COMPILED, a, "g_sites", 0, "q_site_people", "many")
    with pytest.raises(TypeError):
        a.answers["g_sites"].value[0]["q_site_people"] = None  # items are read-only too


def test_metadata_is_validated() -> None:
    a = edits.set_metadata(EMPTY, title="Square", assessment_date="2026-11-20")
    assert a.metadata.assessment_date == dt.date(2026, 11, 20)
    with pytest.raises(ValueError, match="Extra inputs"):
        edits.set_metadata(EMPTY, operator_type="police")


def test_group_item_answers_can_be_cleared_and_carry_notes_and_evidence() -> None:
    a = edits.add_item(COMPILED, EMPTY, "g_sites")
    a = edits.set_item_value(COMPILED, a, "g_sites", 0, "q_site_people", 300)
    a = edits.set_item_note(
        COMPILED, a, "g_sites", 0, "q_site_people", "from the council paper", private=True
    )
    a = edits.add_item_evidence(
        COMPILED, a, "g_sites", 0, "q_site_people", {"title": "Paper", "confidence": 3}
    )
    answer = a.answers["g_sites"].value[0]["q_site_people"]
    assert answer.value == 300 and answer.note.private and answer.evidence[0].confidence == 3
    a = edits.set_item_value(COMPILED, a, "g_sites", 0, "q_site_people", None)
    cleared = a.answers["g_sites"].value[0]["q_site_people"]
    assert cleared.value is None and not cleared.unknown and cleared.note.text == "from the council paper"
    a = edits.replace_item_evidence(
        COMPILED, a, "g_sites", 0, "q_site_people", 0, {"title": "Minutes", "confidence": 2}
    )
    replaced = a.answers["g_sites"].value[0]["q_site_people"].evidence
    assert [(e.title, e.confidence) for e in replaced] == [("Minutes", 2)]
    with pytest.raises(EditError):
        edits.replace_item_evidence(
            COMPILED, a, "g_sites", 0, "q_site_people", 1, {"title": "x", "confidence": 1}
        )
    a = edits.remove_item_evidence(COMPILED, a, "g_sites", 0, "q_site_people", 0)
    a = edits.set_item_note(COMPILED, a, "g_sites", 0, "q_site_people", "")
    assert "q_site_people" not in a.answers["g_sites"].value[0]  # nothing left: the answer is gone
    with pytest.raises(EditError):
        edits.remove_item_evidence(COMPILED, a, "g_sites", 0, "q_site_people", 0)
    with pytest.raises(EditError):
        edits.set_item_note(COMPILED, a, "g_sites", 3, "q_site_people", "x")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Minutes: 3 May.pdf", "Minutes_ 3 May.pdf"),
        ("../../etc/passwd", "_.._etc_passwd"),
        (".hidden", "hidden"),
        ("a\\b.pdf", "a_b.pdf"),
        ("", "file"),
        ("\x00x", "_x"),
    ],
)
def test_any_file_name_becomes_a_safe_attachment_name(name: str, expected: str) -> None:
    assert edits.safe_attachment_name(name) == expected
    edits.add_attachment(EMPTY, edits.safe_attachment_name(name), "application/pdf", b"x")
