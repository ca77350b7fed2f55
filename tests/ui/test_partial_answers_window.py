"""The window takes answers known only partly (issue 13): "1000–9999" and "about 50" in a number
field (the window proposes bounds, the person confirms them), and "one of these, not known which"
for a choice, found under the choices and out of the way of the common case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QToolButton

from pia_wizard.core.models.assessment import NumberRange, Possibilities

from .helpers_ui import answers, card, choose, click, type_into


def test_a_number_field_takes_a_range(qtbot, window) -> None:
    type_into(qtbot, window, "q_people", "1000-9999")
    assert answers(window)["q_people"] == NumberRange(low=1000, high=9999)
    line = card(window, "q_people").input.line
    line.setText("2000–8000")  # the en dash the window itself shows (typed keys cannot carry it)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert answers(window)["q_people"] == NumberRange(low=2000, high=8000)
    shown = card(window, "q_days").input
    shown.show_value(NumberRange(low=100, high=1000))  # a range from a file is shown with its dash
    assert shown.line.text() == "100–1000"
    type_into(qtbot, window, "q_watch", "10 - 20")  # a plain hyphen with spaces reads as a range too
    assert answers(window)["q_watch"] == NumberRange(low=10, high=20)


def test_an_exact_number_stays_exact(qtbot, window) -> None:
    type_into(qtbot, window, "q_people", "5000")
    assert answers(window)["q_people"] == 5000


def test_a_range_beyond_the_question_bounds_is_refused(qtbot, window) -> None:
    type_into(qtbot, window, "q_num", "500-2000")  # q_num allows 0–1000
    assert "q_num" not in answers(window)
    assert card(window, "q_num").problem.text()


def test_about_a_number_is_not_stored_until_the_person_confirms_the_bounds(qtbot, window) -> None:
    type_into(qtbot, window, "q_people", "about 50")
    assert "q_people" not in answers(window)  # the tool never widens "about 50" on its own
    found = card(window, "q_people")
    propose = found.findChild(QToolButton, "propose:q_people")
    assert propose is not None and propose.isVisible()
    assert propose.text() == "Use 40–60"
    assert "which range do you mean" in found.problem.text()
    click(qtbot, propose)
    assert answers(window)["q_people"] == NumberRange(low=40, high=60, as_stated="about 50")
    assert not propose.isVisible()
    assert found.input.line.text() == "40–60"


def test_one_of_these_is_found_under_the_choices_and_stored_as_possibilities(qtbot, window) -> None:
    found = card(window, "q_unit")
    toggle = found.findChild(QToolButton, "one-of:q_unit")
    boxes = {v: found.findChild(QCheckBox, f"one-of:q_unit:{v}") for v in ("comparison", "search")}
    assert toggle is not None and toggle.isVisible()
    assert not any(box.isVisible() for box in boxes.values())  # out of the way until asked for
    click(qtbot, toggle)
    assert all(box.isVisible() for box in boxes.values())
    click(qtbot, boxes["comparison"])
    assert "q_unit" not in answers(window)  # one possibility is not "one of these"
    click(qtbot, boxes["search"])
    assert answers(window)["q_unit"] == Possibilities(one_of=("comparison", "search"))
    # Choosing one plainly replaces the possibilities.
    choose(qtbot, window, "q_unit", "search")
    assert answers(window)["q_unit"] == "search"
    assert not boxes["comparison"].isChecked()


def test_one_of_these_on_a_multiple_choice(qtbot, window) -> None:
    found = card(window, "q_multi")
    click(qtbot, found.findChild(QToolButton, "one-of:q_multi"))
    values = [c.value for c in found.entry.choices][:2]
    for value in values:
        click(qtbot, found.findChild(QCheckBox, f"one-of:q_multi:{value}"))
    assert answers(window)["q_multi"] == Possibilities(one_of=tuple(values))
