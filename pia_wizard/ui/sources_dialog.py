"""The in-app source table and glossary, opened from a question's source references.

Each source shows its pinpoint, its verification tag (V checked against the legal text, S against a
secondary source only, U not verified) and its address.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core.models.base import localise
from pia_wizard.core.models.sources import Glossary, SourcesFile
from pia_wizard.ui.text import plain_tooltip
from pia_wizard.ui.verdict_pane import translate_tag


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(plain_tooltip(text))
    # Read from the top left like a page; centred text in a tall row read as scattered lines.
    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return item


def _fit_rows(table: QTableWidget) -> None:
    """Rows as tall as their wrapped text at the columns' present widths, again whenever they change
    (measured before the dialog had its width, a glossary row came out ~350 px tall)."""
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    table.horizontalHeader().sectionResized.connect(lambda *_: table.resizeRowsToContents())


class SourcesDialog(QDialog):
    def __init__(
        self,
        sources: SourcesFile | None,
        glossary: Glossary | None,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sourcesDialog")
        self.setWindowTitle(self.tr("Sources and glossary"))
        self.resize(1100, 640)  # fits a 1280 × 800 screen with room for the window's frame
        self.tabs = QTabWidget(self)

        sources_page = QWidget(self.tabs)
        filter_label = QLabel(self.tr("&Find:"), sources_page)
        self.filter = QLineEdit(sources_page)
        self.filter.setAccessibleName(self.tr("Find:"))
        self.filter.setPlaceholderText(self.tr("id, title or article"))
        filter_label.setBuddy(self.filter)
        self.table = QTableWidget(sources_page)
        self.table.setObjectName("sourcesTable")
        self.table.setAccessibleName(self.tr("Sources"))
        headers = [
            self.tr("Id"),
            self.tr("Source"),
            self.tr("Pinpoint"),
            self.tr("Checked"),
            self.tr("Address"),
        ]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        rows = sources.sources if sources else ()
        self.table.setRowCount(len(rows))
        self.rows: dict[str, int] = {}
        for row, source in enumerate(rows):
            self.rows[source.id] = row
            self.table.setItem(row, 0, _item(source.id))
            self.table.setItem(row, 1, _item(source.title + (f"\n{source.note}" if source.note else "")))
            self.table.setItem(row, 2, _item(source.pinpoint))
            self.table.setItem(row, 3, _item(f"{source.tag} — {translate_tag(source.tag)}"))
            self.table.setItem(row, 4, _item(source.address or ""))
        header = self.table.horizontalHeader()
        # Fixed shares of the width, text wrapped in each: with columns sized to their longest
        # entry, the title and the address were cut at the dialog's edge.
        for column, width in enumerate((110, 0, 150, 170, 260)):
            if width:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        _fit_rows(self.table)
        self.filter.textChanged.connect(self._filter)
        box = QVBoxLayout(sources_page)
        box.addWidget(filter_label)
        box.addWidget(self.filter)
        box.addWidget(self.table)
        self.tabs.addTab(sources_page, self.tr("&Sources"))

        glossary_page = QWidget(self.tabs)
        self.terms = QTableWidget(glossary_page)
        self.terms.setObjectName("glossaryTable")
        self.terms.setAccessibleName(self.tr("Glossary"))
        self.terms.setColumnCount(2)
        self.terms.setHorizontalHeaderLabels([self.tr("Term"), self.tr("Meaning")])
        self.terms.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.terms.setWordWrap(True)
        self.terms.verticalHeader().hide()
        terms = glossary.terms if glossary else ()
        default = glossary.default_language if glossary else "en"
        self.terms.setRowCount(len(terms))
        self.term_rows: dict[str, int] = {}
        for row, term in enumerate(terms):
            self.term_rows[term.id] = row
            self.terms.setItem(row, 0, _item(localise(term.term, language, default)))
            meaning = localise(term.definition, language, default)
            if term.refs:
                meaning += "\n" + self.tr("Sources: %1").replace("%1", ", ".join(term.refs))
            self.terms.setItem(row, 1, _item(meaning))
        self.terms.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.terms.setColumnWidth(0, 240)
        self.terms.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        _fit_rows(self.terms)
        glossary_box = QVBoxLayout(glossary_page)
        glossary_box.addWidget(self.terms)
        self.tabs.addTab(glossary_page, self.tr("&Glossary"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.tabs.currentChanged.connect(lambda _index: self._fit_shown())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_shown()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_shown()

    def _fit_shown(self) -> None:
        """Row heights of the table in view, measured at its width now (a hidden tab has none)."""
        (self.table if self.tabs.currentIndex() == 0 else self.terms).resizeRowsToContents()

    def show_source(self, source_id: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.filter.clear()
        row = self.rows.get(source_id)
        if row is not None:
            self.table.selectRow(row)
            item = self.table.item(row, 0)
            if item is not None:
                self.table.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus()

    def show_term(self, term_id: str) -> None:
        self.tabs.setCurrentIndex(1)
        row = self.term_rows.get(term_id)
        if row is not None:
            self.terms.selectRow(row)
            item = self.terms.item(row, 0)
            if item is not None:
                self.terms.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtTop)
        self.terms.setFocus()

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.table.rowCount()):
            cells = (self.table.item(row, c) for c in range(self.table.columnCount()))
            hay = " ".join(c.text().lower() for c in cells if c is not None)
            self.table.setRowHidden(row, bool(needle) and needle not in hay)
