"""The questions and messages the window puts to the person: file choosers, "save changes?", errors.

They are gathered in one object so a test can answer them (replace `window.prompts`) without
patching Qt. Error messages are window-modal but do not block: the window stays usable behind them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from pia_wizard.ui.language import date_time_text
from pia_wizard.ui.text import shown_name, translate

ASSESSMENT_FILTER = QT_TRANSLATE_NOOP("Prompts", "pia-wizard assessments (*.pia.json)")
MAX_PROBLEMS_SHOWN = 6


def back_to(window: QWidget) -> None:
    """Give the keyboard back to the window a dialog came from: without a window manager (and with
    some) nothing did, and Ctrl+PgDn or Ctrl+Q went nowhere until a click."""
    window.raise_()
    window.activateWindow()


class Prompts(QObject):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent

    def open_path(self, folder: str) -> Path | None:
        text, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open an assessment"),
            folder,
            self.tr(ASSESSMENT_FILTER) + ";;" + self.tr("All files (*)"),
        )
        back_to(self.window)
        return Path(text) if text else None

    def scenario_name(self) -> str | None:
        """The name of a new scenario ("with judicial authorisation"), or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(
            self.window,
            self.tr("Save as scenario"),
            self.tr("What does this scenario try? For example “with judicial authorisation”:"),
        )
        return text if ok and text.strip() else None

    def use_name(self, title: str, current: str = "") -> str | None:
        """A name for a use of the system ("searches of CCTV footage"), or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        text, ok = QInputDialog.getText(
            self.window,
            title,
            self.tr("What is this use of the system? For example “searches of CCTV footage”:"),
            QLineEdit.EchoMode.Normal,
            current,
        )
        return text if ok and text.strip() else None

    def save_path(self, suggested: Path) -> Path | None:
        text, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save the assessment as"), str(suggested), self.tr(ASSESSMENT_FILTER)
        )
        back_to(self.window)
        return Path(text) if text else None

    def folder(self, title: str, start: str) -> Path | None:
        text = QFileDialog.getExistingDirectory(self.window, title, start)
        return Path(text) if text else None

    def choose_questionnaire(self, titles: dict[str, str]) -> str | None:
        ids = list(titles)
        shown = [titles[i] for i in ids]
        choice, ok = QInputDialog.getItem(
            self.window, self.tr("New assessment"), self.tr("&Questionnaire:"), shown, 0, False
        )
        return ids[shown.index(choice)] if ok and choice in shown else None

    def unsaved_changes(self, name: str) -> str:
        """'save', 'discard' or 'cancel'."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Save the changes to “%1” before closing it?").replace("%1", name))
        box.setInformativeText(self.tr("Changes you do not save are lost."))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)  # Escape keeps the work open
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"

    def restore(self, title: str, saved_at: str) -> str:
        """'restore', 'discard' or 'later' for work recovered after a crash."""
        box = QMessageBox(self.window)
        box.setObjectName("restoreBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Restore unsaved work?"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "pia-wizard did not close properly last time. Restore the unsaved changes to “%1”?"
            ).replace("%1", title)
        )
        box.setInformativeText(self.tr("Copied automatically on %1.").replace("%1", date_time_text(saved_at)))
        restore = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("restoreButton")
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discardButton")
        later = box.addButton(self.tr("Ask &later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.setEscapeButton(later)
        box.exec()
        clicked = box.clickedButton()
        if clicked is restore:
            return "restore"
        if clicked is discard:
            return "discard"
        return "later"

    def open_file(self, path: Path) -> bool:
        """Hand a file to the system's own program for it (a PDF viewer, to print a report)."""
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        self.error(
            self.tr("Cannot open the report"),
            self.tr("No program to show PDF files was found. The report is here:\n%1").replace(
                "%1", str(path)
            ),
        )
        return False

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self.window, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def error(self, title: str, text: str, details: str = "") -> QMessageBox:
        """Show a problem without blocking; the window stays usable."""
        return self._message(QMessageBox.Icon.Warning, title, text, details)

    def info(self, title: str, text: str, details: str = "") -> QMessageBox:
        return self._message(QMessageBox.Icon.Information, title, text, details)

    def _message(self, icon: QMessageBox.Icon, title: str, text: str, details: str) -> QMessageBox:
        box = QMessageBox(icon, title, "", QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("messageBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        lines = text.splitlines()
        box.setText(lines[0] if lines else "")
        if len(lines) > 1:
            box.setInformativeText("\n".join(lines[1:]))
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box


def problems_text(name: Path, problems: list[str]) -> tuple[str, str]:
    """A short message naming the first problems, and the full list for the details."""
    shown = problems[:MAX_PROBLEMS_SHOWN]
    more = len(problems) - len(shown)
    opened = translate("Prompts", "“%1” cannot be opened:").replace("%1", shown_name(name))
    lines = [opened, *(f"• {p}" for p in shown)]
    if more > 0:
        lines.append(translate("Prompts", "… and %1 more (see the details).").replace("%1", str(more)))
    return "\n".join(lines), "\n".join(problems)
