"""The stand-in main window shown until the guided questionnaire window lands.

It only says what works today. A file passed on the command line is named, never read: its name is
user input and is shown as plain text, so markup in it is displayed literally.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

WINDOW_TITLE = "pia-wizard"

COMING_TEXT = "The guided questionnaire window is coming in the next release."
VALIDATE_TEXT = (
    "The command line works now. To check questionnaire, rulebook, sources, glossary and "
    "assessment files, run:"
)
VALIDATE_COMMAND = "pia-wizard validate PATH..."

# A longer name (file systems allow 255 bytes) would widen the window past the screen, since a label
# cannot wrap inside a word; its middle is elided instead, keeping the start and the extension.
MAX_NAME_CHARS = 80
MIN_WIDTH = 420


def shown_name(path: Path) -> str:
    """The file name as the window shows it: the name alone, its middle elided when very long."""
    name = path.name or str(path)
    if len(name) <= MAX_NAME_CHARS:
        return name
    keep = MAX_NAME_CHARS - 1
    return name[: keep - keep // 3] + "…" + name[-(keep // 3) :]


def _plain_label(text: str, parent: QWidget) -> QLabel:
    """A wrapping label whose text is never interpreted as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PlaceholderWindow(QMainWindow):
    """A calm notice in place of the wizard; names the file to open, if one was given."""

    def __init__(self, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(WINDOW_TITLE)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(14)

        heading = _plain_label(WINDOW_TITLE, central)
        heading_font = QFont(heading.font())
        if heading_font.pointSizeF() > 0:  # -1 when the platform font is sized in pixels
            heading_font.setPointSizeF(heading_font.pointSizeF() * 1.5)
        heading_font.setBold(True)
        heading.setFont(heading_font)
        layout.addWidget(heading)

        self.coming_label = _plain_label(COMING_TEXT, central)
        layout.addWidget(self.coming_label)

        self.validate_label = _plain_label(VALIDATE_TEXT, central)
        layout.addWidget(self.validate_label)

        command = _plain_label(VALIDATE_COMMAND, central)
        command.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        command.setContentsMargins(16, 0, 0, 0)
        layout.addWidget(command)

        # Named only; the file is not opened or parsed until the wizard exists.
        self.file_label: QLabel | None = None
        if path is not None:
            self.file_label = _plain_label(f"File to open: {shown_name(path)}", central)
            self.file_label.setObjectName("fileLabel")
            layout.addWidget(self.file_label)

        layout.addStretch(1)
        self.setCentralWidget(central)
        # QMainWindow ignores height-for-width, so shrinking the window would squeeze the wrapped
        # labels into each other; the minimum height is the one the text needs at the minimum width.
        central.setMinimumSize(MIN_WIDTH, layout.totalHeightForWidth(MIN_WIDTH))
        self.resize(560, 260)
