"""Help › User guide: docs/user-guide.md, shipped with the program and shown as formatted text.

Qt renders the Markdown itself, so the guide reads the same offline as online. Links to other pages of
the guide open here; a web address goes to the person's browser.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from pia_wizard.core.files.resources import data_dir

GUIDE = "user-guide.md"


def guide_path() -> Path | None:
    try:
        path = data_dir("docs") / GUIDE
    except FileNotFoundError:
        return None
    return path if path.is_file() else None


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("pia-wizard user guide"))
        self.resize(820, 680)
        self.text = QTextBrowser(self)
        self.text.setObjectName("guideText")
        self.text.setAccessibleName(self.tr("User guide"))
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self._follow)
        path = guide_path()
        if path is None:
            self.text.setPlainText(self.tr("The user guide is missing from this installation."))
        else:
            self.text.setSearchPaths([str(path.parent)])
            self.text.setSource(QUrl.fromLocalFile(str(path)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and not url.path():
            self.text.scrollToAnchor(url.fragment())
        else:
            self.text.setSource(self.text.source().resolved(url))
