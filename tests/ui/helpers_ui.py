"""Small helpers the window tests share: find a question's widgets, answer like a person does."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QRadioButton, QWidget

from pia_wizard.ui.main_window import MainWindow
from pia_wizard.ui.question_card import QuestionCard
from pia_wizard.ui.section_page import SectionPage


def card(window: MainWindow, question_id: str) -> QuestionCard:
    """The question's card, after opening its section."""
    assert window.document is not None
    entry = window.document.compiled.entries[question_id]
    window.go_to_section(entry.section.id)
    assert isinstance(window.page, SectionPage)
    return window.page.cards[question_id]


def button(window: MainWindow, name: str) -> QAbstractButton:
    """A button of the current page or panes (a replaced page may linger until Qt deletes it)."""
    found = None
    for root in (window.page, window.editor, window):
        if root is not None and found is None:
            found = root.findChild(QAbstractButton, name)
    assert found is not None, f"no button {name!r}"
    return found


def click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Click it once the window is laid out, as a person sees it before clicking."""
    QApplication.processEvents()
    if isinstance(widget, QCheckBox | QRadioButton):  # only the box and its text take clicks
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(6, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(qtbot, window: MainWindow, question_id: str, value: object) -> None:  # type: ignore[no-untyped-def]
    """Click the radio button or checkbox of one choice (yes / no for yes-no questions)."""
    card(window, question_id)
    shown = {True: "yes", False: "no"}.get(value, value) if isinstance(value, bool) else value
    click(qtbot, button(window, f"answer:{question_id}:{shown}"))


def type_into(qtbot, window: MainWindow, question_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into a line input and press Enter."""
    found = card(window, question_id)
    widget = found.input.focus_widgets()[0]  # type: ignore[union-attr]
    widget.setFocus()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def answers(window: MainWindow) -> dict[str, object]:
    assert window.document is not None
    return {
        qid: ("UNKNOWN" if a.unknown else a.value)
        for qid, a in window.document.assessment.answers.items()
        if a.answered
    }


def wait_explored(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    evaluator = window.evaluator
    assert evaluator is not None
    qtbot.waitUntil(lambda: not evaluator.busy and evaluator.latest_explored is not None, timeout=10_000)


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def answer_like_a_person(qtbot, window: MainWindow, question_id: str, value: object) -> None:  # type: ignore[no-untyped-def]
    """Give a top-level question a value through its widgets: click choices, type the rest."""
    from pia_wizard.ui.inputs import DropDownChoiceInput
    from pia_wizard.ui.text import number_text

    found = card(window, question_id)
    qtype = found.entry.question.type
    if isinstance(found.input, DropDownChoiceInput):
        combo = found.input.combo
        combo.setFocus()
        while combo.currentData() != value:
            qtbot.keyClick(combo, Qt.Key.Key_Down)
    elif qtype in ("single_choice", "yes_no"):
        choose(qtbot, window, question_id, value)
    elif qtype == "multiple_choice":
        for choice in value:  # type: ignore[attr-defined]
            choose(qtbot, window, question_id, choice)
    elif qtype in ("number", "text", "date"):
        widget = found.input.focus_widgets()[0]  # type: ignore[union-attr]
        widget.clear()  # type: ignore[attr-defined]
        shown = number_text(value) if qtype == "number" else str(value)  # type: ignore[arg-type]
        type_into(qtbot, window, question_id, shown)
    else:
        raise ValueError(f"cannot answer a {qtype} question like a person here")
