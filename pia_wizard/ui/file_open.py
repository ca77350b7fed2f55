"""Files the operating system asks the program to open by an event rather than on the command line.

macOS sends a file-open event (QEvent.FileOpen) when a *.pia.json is double-clicked in the Finder or
dropped on the program's icon (the bundle's Info.plist declares the type, installer/bundle_plan.py);
Linux and Windows pass the file on the command line (`pia-wizard gui FILE`, the desktop entry's %f).
The filter sees every event of the application, so the window installs it on macOS only (a Python
call per event costs little, but nothing is the right price elsewhere); the tests drive it anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication


class FileOpenEvents(QObject):
    def __init__(self, app: QApplication, opened: Callable[[Path], None]) -> None:
        super().__init__(app)
        self._opened = opened
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
            self._opened(Path(event.file()))
            return True
        return False
