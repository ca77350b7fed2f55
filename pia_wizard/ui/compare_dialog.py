"""File › Compare with…: the open assessment beside another one (a file or a report PDF), the
differing answers highlighted, each with a jump to its question; what it did to each verdict.

The comparison is the core's, put into words by `report/comparison.py` (the same words as
`pia-wizard compare`); this module only lays it out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core.load.library import Library
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.ui.text import translate

CHANGED = QColor("#fff3c4")  # a pale yellow that keeps black text readable
QUESTION_ROLE = Qt.ItemDataRole.UserRole


class CompareDialog(QDialog):
    """Two assessments side by side; `go_to` asks the window to open a question of the open one."""

    go_to = Signal(str)

    def __init__(self, context: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(self.tr("Compare assessments"))
        self.resize(980, 720)
        a, b = context["sides"]["a"], context["sides"]["b"]
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("<b>A</b> (this assessment): %1<br><b>B</b>: %2")
            .replace("%1", _escape(a["title"]))
            .replace(
                "%2", _escape(f"{b['title']} — {b['file']}" + (f"; {b['origin']}" if b["origin"] else ""))
            )
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        summary = QLabel(" ".join(context["summary"]))
        summary.setObjectName("compareSummary")
        summary.setWordWrap(True)
        layout.addWidget(summary)

        layout.addWidget(QLabel(self.tr("<b>Verdicts</b>")))
        self.verdicts = self._table("compareVerdicts", [self.tr("Rulebook"), self.tr("A"), self.tr("B")])
        for v in context["verdicts"]:
            self._row(self.verdicts, [v["title"], v["a_label"], v["b_label"]], v["changed"])
        self.verdicts.setMaximumHeight(30 + 44 * max(1, len(context["verdicts"])))
        layout.addWidget(self.verdicts)

        count = len(context["answers"])
        label = (
            self.tr(
                "<b>Answers that differ</b> (%1) — double-click one, or choose it and “Go to question”"
            ).replace("%1", str(count))
            if count
            else self.tr("<b>The two assessments give the same answers.</b>")
        )
        layout.addWidget(QLabel(label))
        self.answers = self._table("compareAnswers", [self.tr("Question"), self.tr("A"), self.tr("B")])
        for d in context["answers"]:
            self._row(self.answers, [d["label"], d["a"]["text"], d["b"]["text"]], True, d["question"])
        self.answers.itemDoubleClicked.connect(lambda item: self.jump(item.row()))
        layout.addWidget(self.answers, 1)

        others = _other_changes(context)
        self.others = QLabel(others)
        self.others.setObjectName("compareOthers")
        self.others.setWordWrap(True)
        self.others.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.others)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.go_button = QPushButton(self.tr("Go to question"))
        self.go_button.setObjectName("compareGoTo")
        self.go_button.setEnabled(count > 0)
        self.go_button.clicked.connect(lambda: self.jump(self.answers.currentRow()))
        buttons.addButton(self.go_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if count:
            self.answers.selectRow(0)

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        return table

    def _row(self, table: QTableWidget, texts: list[str], changed: bool, question: str = "") -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if changed:
                item.setBackground(QBrush(CHANGED))
                item.setForeground(QBrush(QColor("#000000")))
            if question:
                item.setData(QUESTION_ROLE, question)
            table.setItem(row, column, item)

    def showEvent(self, event: QShowEvent) -> None:
        """Rows sized to their wrapped text once the columns have their widths."""
        super().showEvent(event)
        for table in (self.verdicts, self.answers):
            table.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for table in (self.verdicts, self.answers):
            table.resizeRowsToContents()

    def jump(self, row: int) -> None:
        """Ask the window to open the question of this row, and step aside."""
        item = self.answers.item(row, 0) if row >= 0 else None
        if item is None:
            return
        self.go_to.emit(item.data(QUESTION_ROLE))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _other_changes(context: dict[str, Any]) -> str:
    """Findings, open questions and figures that changed, in a few plain lines."""
    parts = []
    findings = (
        ("only_b", translate("Compare", "New findings in B")),
        ("only_a", translate("Compare", "Findings in A only")),
    )
    for key, heading in findings:
        items = context["findings"][key]
        if items:
            shown = "; ".join(_escape(f"{f['severity_label']}: {f['title']}") for f in items[:6])
            parts.append(f"<b>{heading}:</b> {shown}{' …' if len(items) > 6 else ''}")
    gaps = (
        ("closed", translate("Compare", "Answered in B")),
        ("opened", translate("Compare", "Newly open in B")),
    )
    for key, heading in gaps:
        items = context["gaps"][key]
        if items:
            shown = "; ".join(_escape(g["label"]) for g in items[:4])
            parts.append(f"<b>{heading}:</b> {shown}{' …' if len(items) > 4 else ''}")
    for f in context["figures"]:
        parts.append(_escape(f"{f['label']}: {f['a_text']} → {f['b_text']}"))
    return "<br>".join(parts)


def comparison_for(
    library: Library,
    compiled: CompiledQuestionnaire,
    assessment: Assessment,
    name: str,
    path: Path,
    date: dt.date | None,
    language: str = "en",
) -> dict[str, Any] | str:
    """The comparison's words for the open assessment (A) and the file or report at `path` (B), or
    why there is none, in plain words, in `language` (the window's)."""
    from pia_wizard.commands.compare import BadInput, load_side
    from pia_wizard.core.evaluation.evaluate import evaluate
    from pia_wizard.core.work.compare import ComparisonError, compare
    from pia_wizard.report.comparison import Input, comparison_context

    try:
        other = load_side(path, library)
    except BadInput as exc:
        return str(exc)
    if other.loaded.questionnaire.id != compiled.id:
        return translate(
            "Compare", "%1 answers a different questionnaire, so it cannot be compared with this one."
        ).replace("%1", path.name)
    books = [r for r in library.rulebooks.values() if r.questionnaire == compiled.id]
    try:
        eval_a = evaluate(compiled, books, assessment, date, sources=library.sources, language=language)
        eval_b = evaluate(
            compiled, books, other.loaded.assessment, other.date, sources=library.sources, language=language
        )
        comparison = compare(compiled, assessment, other.loaded.assessment, eval_a, eval_b)
    except (ComparisonError, ValueError) as exc:
        return f"{path.name}: {exc}"
    a = Input(name, assessment, eval_a)
    b = Input(path.name, other.loaded.assessment, eval_b, other.origin)
    return comparison_context(comparison, compiled, a, b, language)
