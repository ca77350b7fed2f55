"""The window takes a date known only to the month or the year (issue 13): "March 2024" or "2024"
typed, or picked in the calendar with how precisely it is known, shown back as it was typed and
stored as a file stores it ("2024-03", "2024"), which the engine reads as any day in it."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication, QCalendarWidget, QComboBox, QDialog, QToolButton

from pia_wizard.core.load.library import load_assessment

from .helpers_ui import answers, card, click, type_into


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2024", "2024"),
        ("March 2024", "2024-03"),
        ("mar 2024", "2024-03"),
        ("2024-03", "2024-03"),
        ("2024-03-15", "2024-03-15"),
        ("15 March 2024", "2024-03-15"),
    ],
)
def test_a_date_is_typed_to_the_day_the_month_or_the_year(qtbot, window, typed, stored) -> None:
    type_into(qtbot, window, "q_date", typed)
    assert answers(window)["q_date"] == stored
    assert card(window, "q_date").input.line.text() == typed  # what was typed stays as typed
    assert not card(window, "q_date").problem.text()


def test_a_stored_month_or_year_is_shown_in_words(qtbot, window) -> None:
    shown = card(window, "q_date").input
    shown.show_value("2024-03")
    assert shown.line.text() == "March 2024"
    shown.show_value("2024")
    assert shown.line.text() == "2024"
    shown.show_value("2024-03-15")
    assert shown.line.text() == "2024-03-15"


@pytest.mark.parametrize("typed", ["12/03/2024", "2024-13", "Ju 2024", "2024-02-30"])
def test_an_unclear_date_is_refused_with_what_to_type(qtbot, window, typed) -> None:
    type_into(qtbot, window, "q_date", typed)
    assert "q_date" not in answers(window)
    problem = card(window, "q_date").problem.text()
    assert "March 2026" in problem or "not a day of the calendar" in problem
    assert "%1" not in problem


def test_a_month_saved_and_reopened_is_the_value_a_file_holds(
    qtbot, make_window, window, library, tmp_path
) -> None:
    type_into(qtbot, window, "q_date", "March 2024")
    window.prompts.save_answers = [tmp_path / "dated"]
    assert window.save()
    saved = tmp_path / "dated.pia.json"
    assert json.loads(saved.read_text())["answers"]["q_date"]["value"] == "2024-03"
    assessment, _compiled = load_assessment(saved, library)  # the file checks, as `validate` does
    assert assessment.answers["q_date"].value == "2024-03"
    other = make_window(library)
    assert other.open_path(saved)
    assert card(other, "q_date").input.line.text() == "March 2024"
    other.close()


def _pick_in_calendar(qtbot, window, precision: str, day: QDate) -> list[str]:  # type: ignore[no-untyped-def]
    """Open the calendar, say how precisely the date is known, pick a day and accept."""
    seen: list[str] = []

    def answer_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, answer_dialog)
            return
        combo = dialog.findChild(QComboBox, "datePrecision")
        seen.append(combo.currentData())
        combo.setCurrentIndex(combo.findData(precision))
        dialog.findChild(QCalendarWidget).setSelectedDate(day)
        dialog.accept()

    QTimer.singleShot(0, answer_dialog)
    click(qtbot, card(window, "q_date").findChild(QToolButton, "calendar:q_date"))
    return seen


def test_the_calendar_picks_a_month_or_a_year_when_that_is_all_that_is_known(qtbot, window) -> None:
    opened_with = _pick_in_calendar(qtbot, window, "month", QDate(2024, 3, 15))
    assert opened_with == ["day"]  # nothing known yet: a day, as before
    assert answers(window)["q_date"] == "2024-03"
    assert card(window, "q_date").input.line.text() == "March 2024"
    opened_with = _pick_in_calendar(qtbot, window, "year", QDate(2023, 7, 1))
    assert opened_with == ["month"]  # it opens at how precisely the date is known now
    assert answers(window)["q_date"] == "2023"
    _pick_in_calendar(qtbot, window, "day", QDate(2023, 7, 4))
    assert answers(window)["q_date"] == "2023-07-04"
