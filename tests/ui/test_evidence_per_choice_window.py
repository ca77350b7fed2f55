"""Evidence per choice in the window (issue 13): in a multiple choice's "Note and evidence", a document
can be said to show only some of the chosen options (a court established one, a newspaper reported
another); the list says which, and the report prints it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox

from pia_wizard.ui.evidence_dialog import EvidenceDialog

from .helpers_ui import card, choose


def _in_dialog(qtbot, act: Callable[[EvidenceDialog], None]) -> list[EvidenceDialog]:  # type: ignore[no-untyped-def]
    """Do `act` in the evidence dialog once it is open, then press OK (its default button)."""
    seen: list[EvidenceDialog] = []

    def fill() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, EvidenceDialog) and w.isVisible()]
        if not shown:
            QTimer.singleShot(10, fill)
            return
        seen.append(shown[0])
        act(shown[0])
        qtbot.keyClick(shown[0], Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)
    return seen


def _boxes(dialog: EvidenceDialog) -> dict[str, QCheckBox]:
    boxes = dialog.findChildren(QCheckBox)
    return {b.objectName().split(":", 1)[1]: b for b in boxes if b.objectName().startswith("evidenceChoice:")}


def test_a_document_can_show_only_some_chosen_options(qtbot, window) -> None:
    choose(qtbot, window, "q_multi", "red")
    choose(qtbot, window, "q_multi", "blue")
    panel = card(window, "q_multi").note_panel

    def court(dialog: EvidenceDialog) -> None:
        assert set(_boxes(dialog)) == {"red", "blue"}  # the options chosen, none ticked at first
        assert not any(b.isChecked() for b in _boxes(dialog).values())
        qtbot.keyClicks(dialog.title, "Court ruling")
        dialog.confidence.setCurrentIndex(4)
        _boxes(dialog)["red"].setChecked(True)

    _in_dialog(qtbot, court)
    panel.add_evidence()

    def press(dialog: EvidenceDialog) -> None:
        qtbot.keyClicks(dialog.title, "Press report")  # no option ticked: it shows the whole answer

    _in_dialog(qtbot, press)
    panel.add_evidence()

    answer = window.document.assessment.answers["q_multi"]
    assert [(e.title, e.confidence, e.choices) for e in answer.evidence] == [
        ("Court ruling", 4, ("red",)),
        ("Press report", 1, ()),
    ]
    assert answer.choice_evidence() == {"red": 4, "blue": 1}
    assert panel.evidence_list.item(0).text().endswith("shows: Red")
    assert "shows:" not in panel.evidence_list.item(1).text()

    # Editing the court ruling opens with its option ticked; ticking the other one too is kept.
    panel.evidence_list.setCurrentRow(0)
    opened = _in_dialog(qtbot, lambda dialog: _boxes(dialog)["blue"].setChecked(True))
    panel.edit_evidence()
    assert _boxes(opened[0])["red"].isChecked()
    assert window.document.assessment.answers["q_multi"].evidence[0].choices == ("red", "blue")

    # The report says which options each document shows.
    from pia_wizard.report.options import ReportOptions
    from pia_wizard.report.render import prepare_report

    report = prepare_report(
        window.document.assessment,
        window.document.compiled,
        window.library,
        ReportOptions(template="briefing"),
        date=window.today(),
    )
    assert "for “Red” and “Blue” only" in report.html


def test_a_question_with_one_answer_offers_no_options(qtbot, window) -> None:
    choose(qtbot, window, "q_yes", True)
    opened = _in_dialog(qtbot, lambda dialog: qtbot.keyClicks(dialog.title, "Minutes"))
    card(window, "q_yes").note_panel.add_evidence()
    assert _boxes(opened[0]) == {}
    assert window.document.assessment.answers["q_yes"].evidence[0].choices == ()
