"""Readable at 1280 × 800: the glossary and sources window, a percentage typed for a rate, a page that
does not jump, evidence that wraps, a deployment described in a paragraph (issue 14, smaller points)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QStyle

from pia_wizard.core.load.library import shipped_library
from pia_wizard.ui.evidence_dialog import EvidenceInput
from pia_wizard.ui.section_list import DETAILS

from .helpers_ui import answers, card, choose, type_into


def _cells_fit(table) -> list[str]:  # type: ignore[no-untyped-def]
    """The cells whose wrapped text is taller than its row or wider than its column."""
    cut = []
    metrics = table.fontMetrics()
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is None or not item.text():
                continue
            width = table.columnWidth(column) - margin
            needed = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, item.text())
            if needed.height() > table.rowHeight(row) or needed.width() > width + 1:
                cut.append(f"{row},{column}: {needed.height()} > {table.rowHeight(row)} {item.text()[:40]}")
    return cut


def test_sources_and_glossary_are_readable_at_1280_by_800(qtbot, make_window) -> None:
    window = make_window(shipped_library(), files=None)
    window.resize(1280, 800)
    window.open_source("")
    dialog = window._sources_dialog
    QApplication.processEvents()
    assert dialog.width() <= 1280 and dialog.height() <= 800
    assert _cells_fit(dialog.table) == []  # no column cuts its text
    dialog.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    terms = dialog.terms
    line = terms.fontMetrics().lineSpacing()
    tallest = max(terms.rowHeight(r) for r in range(terms.rowCount()))
    assert tallest <= 8 * line, f"a glossary row is {tallest} px tall"
    assert _cells_fit(terms) == []
    alignment = terms.item(0, 1).textAlignment()
    assert alignment & Qt.AlignmentFlag.AlignTop and not alignment & Qt.AlignmentFlag.AlignVCenter
    dialog.close()


def test_a_rate_takes_a_percentage_and_a_count_does_not(qtbot, window) -> None:
    rate = card(window, "q_rate").input.line
    assert "%" in rate.placeholderText()
    type_into(qtbot, window, "q_rate", "0.1 %")
    assert answers(window)["q_rate"] == 0.001
    assert rate.text() == "0.1 %"  # what was typed stays; it means the same
    type_into(qtbot, window, "q_people", "5 %")
    found = card(window, "q_people")
    assert "q_people" not in answers(window) and "without %" in found.problem.text()


def test_answering_a_required_question_does_not_move_the_page(qtbot, window_widgets) -> None:
    window = window_widgets
    found = card(window, "w_who")
    QApplication.processEvents()
    before = (found.heading.height(), found.height(), found.required.width())
    choose(qtbot, window, "w_who", "police")
    QApplication.processEvents()
    assert (found.heading.height(), found.height(), found.required.width()) == before


def test_the_evidence_list_wraps_and_shows_its_items(qtbot, window) -> None:
    panel = card(window, "q_yes").note_panel
    long_title = "Minutes of the council's committee on public safety, item 7, " * 2
    for n in range(2):
        panel.add_evidence(EvidenceInput({"title": f"{n} {long_title}", "confidence": 2}, None))
    QApplication.processEvents()
    listing = panel.evidence_list
    assert not listing.horizontalScrollBar().isVisible()
    assert listing.height() >= 2 * 2 * listing.fontMetrics().lineSpacing()
    assert card(window, "q_yes").note_button.text() == "Note and evidence: 2 documents"


def test_the_deployment_is_described_in_a_paragraph(qtbot, window) -> None:
    window.go_to_section(DETAILS)
    field = window.page.deployment
    assert isinstance(field, QPlainTextEdit) and field.height() >= 3 * field.fontMetrics().lineSpacing()
    field.setFocus()
    qtbot.keyClicks(field, "Cameras on the square.")
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # leaves the field: committed
    assert window.document.assessment.metadata.deployment == "Cameras on the square."
