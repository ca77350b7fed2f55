"""Help › About: the version, the licence, the date the rules rest on, where the program and the
person's data live, and the third-party software the program ships (its notices, read on demand)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pia_wizard import app_info
from pia_wizard.core.load.library import Library
from pia_wizard.ui.app_icon import app_icon
from pia_wizard.ui.language import long_date


def _place(path: Path | None, missing: str) -> str:
    return str(path) if path is not None else missing


class AboutDialog(QDialog):
    def __init__(
        self, library: Library, places: dict[str, Path | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About pia-wizard"))
        self.resize(640, 520)

        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        icon.setAccessibleName(self.tr("pia-wizard's icon"))
        as_of = app_info.rules_as_of(library)
        facts = [
            self.tr("Version %1").replace("%1", app_info.version()),
            self.tr("Free software under the %1; it comes with no warranty.").replace("%1", app_info.LICENCE),
            self.tr("The rules rest on legal sources up to %1.").replace(
                "%1", long_date(as_of) if as_of else self.tr("no stated date")
            ),
        ]
        self.summary = QLabel(
            self.tr(
                "pia-wizard helps judge a proposed biometric surveillance deployment before it is "
                "bought or switched on."
            )
            + "\n\n"
            + "\n".join(facts),
            self,
        )
        self.summary.setObjectName("aboutSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        nothing = self.tr("not kept (turned off)")
        lines = [
            self.tr("Where your data lives"),
            "",
            self.tr("Your assessments: wherever you save them (files ending in .pia.json)."),
            self.tr("Settings and recent files: %1").replace("%1", _place(places.get("settings"), nothing)),
            self.tr("Unsaved work kept for recovery: %1").replace(
                "%1", _place(places.get("recovery"), nothing)
            ),
            self.tr("Cached questionnaires (safe to delete): %1").replace(
                "%1", _place(places.get("cache"), nothing)
            ),
            self.tr("This program and its questionnaires and rules: %1").replace(
                "%1", _place(places.get("program"), nothing)
            ),
        ]
        self.places = QLabel("\n".join(lines), self)
        self.places.setObjectName("aboutPlaces")
        self.places.setWordWrap(True)
        self.places.setTextFormat(Qt.TextFormat.PlainText)
        self.places.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        about = QWidget(self)
        row = QHBoxLayout(about)
        row.addWidget(icon, 0)
        column = QVBoxLayout()
        column.addWidget(self.summary)
        column.addSpacing(12)
        column.addWidget(self.places)
        column.addStretch(1)
        row.addLayout(column, 1)

        self.notices = QPlainTextEdit(self)
        self.notices.setObjectName("aboutNotices")
        self.notices.setReadOnly(True)
        self.notices.setAccessibleName(self.tr("Third-party software and licences"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(about, self.tr("&About"))
        self.tabs.addTab(self.notices, self.tr("&Third-party software"))
        self.tabs.currentChanged.connect(self._fill_notices)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _fill_notices(self, index: int) -> None:
        """The notices are long (~200 kB): read when their tab is first shown."""
        if self.tabs.widget(index) is self.notices and not self.notices.toPlainText():
            from pia_wizard.notices import notices_text

            self.notices.setPlainText(notices_text())
