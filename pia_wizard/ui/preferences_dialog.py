"""Preferences: language, default audience, output folder for reports (kept in QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.ui.language import available_languages
from pia_wizard.ui.section_page import AUDIENCES
from pia_wizard.ui.settings import Preferences
from pia_wizard.ui.widgets import muted, path_field, plain_label


class PreferencesDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(480)
        form = QFormLayout()

        self.language = QComboBox(self)
        # Every language the window has a catalog for, each named in itself ("Deutsch").
        for code, name in available_languages().items():
            self.language.addItem(name, code)
        index = self.language.findData(preferences.language)
        self.language.setCurrentIndex(max(index, 0))
        self._row(form, self.tr("&Language"), self.language)

        self.audience = QComboBox(self)
        self.audience.setEditable(True)
        self.audience.addItems([QCoreApplication.translate("DetailsPage", a) for a in AUDIENCES])
        self.audience.setEditText(preferences.default_audience)
        self._row(form, self.tr("Default &audience"), self.audience)

        label, self.folder, row = path_field(
            self,
            self.tr("Report &folder"),
            self.tr("Report folder"),
            self.tr("&Browse…"),
            preferences.output_folder,
            self._browse,
        )
        form.addRow(label, row)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            muted(
                plain_label(
                    self.tr(
                        "A new language applies when pia-wizard next starts. Questions and rules not yet "
                        "translated are shown in English."
                    ),
                    self,
                )
            )
        )
        layout.addWidget(buttons)

    def _row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(field)
        field.setAccessibleName(text.replace("&", ""))
        form.addRow(label, field)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for reports"), self.folder.text())
        if folder:
            self.folder.setText(str(Path(folder)))

    def preferences(self) -> Preferences:
        return Preferences(
            language=str(self.language.currentData() or "en"),
            default_audience=self.audience.currentText().strip(),
            output_folder=self.folder.text().strip(),
        )
