"""Add or edit one piece of evidence: title, address and / or attached file, date, quote, confidence,
and for a multiple choice the chosen options it shows (when it shows only some of them).

A file is embedded in the assessment with its hash (never referred to by a path on someone's disk).
Attaching a file keeps the address typed: the copy shows what the document said, the address where a
reader finds it, and a report prints both.
The dialog only collects and checks the fields; the question card turns them into an edit.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core.answers.edits import safe_attachment_name
from pia_wizard.core.models.assessment import Attachment, Evidence
from pia_wizard.ui.text import evidence_level_name, shown_name
from pia_wizard.ui.widgets import muted, plain_label, problem_label

# Base64 grows a file by a third, and the whole assessment may hold 20 MB.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class NewAttachment:
    file_name: str
    media_type: str
    content: bytes


@dataclass(frozen=True)
class EvidenceInput:
    """What the dialog returns: the evidence fields, and a file to embed if one was chosen."""

    fields: dict[str, Any]
    attachment: NewAttachment | None


class EvidenceDialog(QDialog):
    def __init__(
        self,
        question_label: str,
        evidence: Evidence | None,
        attachments: Mapping[str, Attachment],
        parent: QWidget | None = None,
        options: Mapping[str, str] | None = None,
    ) -> None:
        """`options`: for a multiple choice, the chosen options (value → words) the document may be
        said to show, when it shows only some of them (a court's finding on one watchlist category,
        a press report on another)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit evidence") if evidence else self.tr("Add evidence"))
        self.setMinimumWidth(520)
        self._attachments = attachments
        self._kept_attachment = evidence.attachment if evidence else None
        self.new_attachment: NewAttachment | None = None
        self.result_value: EvidenceInput | None = None

        about = muted(plain_label(self.tr("Evidence for: %1").replace("%1", question_label), self))
        form = QFormLayout()

        self.title = QLineEdit(self)
        self.title.setObjectName("evidenceTitle")
        self._row(form, self.tr("&Title"), self.title)

        self.address = QLineEdit(self)
        self.address.setObjectName("evidenceAddress")
        self.address.setPlaceholderText("https://…")
        self._row(form, self.tr("&Address"), self.address)

        self.attach_button = QPushButton(self.tr("Attach a &file…"), self)
        self.attach_button.setAccessibleName(self.tr("Attach a file…"))
        self.attach_button.clicked.connect(self._choose_file)
        self.remove_file_button = QPushButton(self.tr("Remove file"), self)
        self.remove_file_button.setAccessibleName(self.tr("Remove file"))
        self.remove_file_button.clicked.connect(self._remove_file)
        self.file_label = plain_label("", self, wrap=True)
        file_row = QHBoxLayout()
        file_row.addWidget(self.attach_button)
        file_row.addWidget(self.remove_file_button)
        file_row.addWidget(self.file_label, 1)
        form.addRow(self.tr("And / or a file:"), file_row)

        self.accessed = QLineEdit(self)
        self.accessed.setObjectName("evidenceDate")
        self.accessed.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self._row(form, self.tr("&Date (published or accessed)"), self.accessed)

        self.quote = QPlainTextEdit(self)
        self.quote.setObjectName("evidenceQuote")
        self.quote.setTabChangesFocus(True)
        self.quote.setFixedHeight(self.quote.fontMetrics().lineSpacing() * 4 + 14)
        self._row(form, self.tr("&Quote"), self.quote)

        self.confidence = QComboBox(self)
        self.confidence.setObjectName("evidenceConfidence")
        for level in range(5):
            self.confidence.addItem(evidence_level_name(level), level)
        self._row(form, self.tr("&Confidence"), self.confidence)

        self.choice_boxes: dict[str, QCheckBox] = {}
        if options:
            shows = QWidget(self)
            column = QVBoxLayout(shows)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(
                muted(
                    plain_label(
                        self.tr(
                            "Tick the chosen options this document shows, if it shows only some of them "
                            "(a court established one, a newspaper reported another). Tick none if it "
                            "shows the whole answer."
                        ),
                        shows,
                    )
                )
            )
            named = set(evidence.choices) if evidence else set()
            for value, words in options.items():
                box = QCheckBox(words, shows)
                box.setObjectName(f"evidenceChoice:{value}")
                box.setChecked(value in named)
                column.addWidget(box)
                self.choice_boxes[value] = box
            form.addRow(self.tr("It shows:"), shows)

        self.problem = problem_label(self)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

        if evidence is not None:
            self.title.setText(evidence.title)
            self.address.setText(evidence.address or "")
            self.accessed.setText(evidence.accessed.isoformat() if evidence.accessed else "")
            self.quote.setPlainText(evidence.quote)
            self.confidence.setCurrentIndex(evidence.confidence)
        else:
            self.confidence.setCurrentIndex(1)
        self._show_file()

    def _row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(field)
        field.setAccessibleName(text.replace("&", ""))
        form.addRow(label, field)

    def _file_name(self) -> str:
        if self.new_attachment is not None:
            return self.new_attachment.file_name
        if self._kept_attachment and self._kept_attachment in self._attachments:
            return self._attachments[self._kept_attachment].file_name
        return ""

    def _show_file(self) -> None:
        name = self._file_name()
        self.file_label.setText(shown_name(Path(name)) if name else self.tr("none"))
        self.remove_file_button.setEnabled(bool(name))

    def _choose_file(self) -> None:
        path_text, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file"))
        if path_text:
            self.attach_file(Path(path_text))

    def attach_file(self, path: Path) -> bool:
        """Read a file to embed; False (with the reason shown) when it cannot be used."""
        try:
            size = path.stat().st_size
            if size > MAX_ATTACHMENT_BYTES:
                self._show_problem(
                    self.tr("This file is larger than %1 MB; link to it with an address instead.").replace(
                        "%1", str(MAX_ATTACHMENT_BYTES // 2**20)
                    )
                )
                return False
            content = path.read_bytes()
        except OSError as exc:
            self._show_problem(self.tr("Could not read the file: %1").replace("%1", exc.strerror or str(exc)))
            return False
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.new_attachment = NewAttachment(safe_attachment_name(path.name), media_type, content)
        self._kept_attachment = None
        self._show_file()
        self.problem.hide()
        return True

    def _remove_file(self) -> None:
        self.new_attachment = None
        self._kept_attachment = None
        self._show_file()

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    def collect(self) -> EvidenceInput | str:
        """The checked fields, or a message saying what is wrong."""
        title = self.title.text().strip()
        if not title:
            return self.tr("Give the evidence a title (what it is, who published it).")
        address = self.address.text().strip()
        if address and not address.lower().startswith(("http://", "https://")):
            return self.tr("The address must start with http:// or https://.")
        accessed_text = self.accessed.text().strip()
        accessed = None
        if accessed_text:
            try:
                accessed = dt.date.fromisoformat(accessed_text)
            except ValueError:
                return self.tr("Type the date as YYYY-MM-DD, for example 2026-11-23.")
        fields: dict[str, Any] = {
            "title": title,
            "quote": self.quote.toPlainText(),
            "confidence": int(self.confidence.currentData()),
        }
        if accessed is not None:
            fields["accessed"] = accessed
        if self.new_attachment is None and self._kept_attachment:
            fields["attachment"] = self._kept_attachment
        if address:
            fields["address"] = address
        shows = tuple(value for value, box in self.choice_boxes.items() if box.isChecked())
        if shows:
            fields["choices"] = shows
        try:
            Evidence.model_validate({**fields, **({"attachment": None} if self.new_attachment else {})})
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            return f"{where}: {first.get('msg', '')}" if where else str(first.get("msg", ""))
        return EvidenceInput(fields, self.new_attachment)

    def accept(self) -> None:
        collected = self.collect()
        if isinstance(collected, str):
            self._show_problem(collected)
            return
        self.result_value = collected
        super().accept()
