"""Start-up of the window: `pia-wizard gui [FILE]` and a bare `pia-wizard` end up in `run_gui`.

This module is the thin layer between the command line and Qt. It imports nothing from PySide6 at
module level, so that `pia_wizard.cli` stays Qt-free, and it checks for the two common ways the
window cannot start before Qt gets a chance to abort the process:

* no display on Linux/BSD (no DISPLAY, no WAYLAND_DISPLAY and no QT_QPA_PLATFORM), and
* PySide6 failing to import, usually because a system library such as libEGL is missing.

Both print a short explanation to stderr and return exit code 3 (`EXIT_NO_GUI`), without a traceback.

Environment variables:

PIA_WIZARD_EXIT_AFTER_SHOW=1
    Quit right after the window has been shown (and FILE opened) and return 0, without offering to
    restore unsaved work. Used by the smoke tests and the start-up benchmark, typically together
    with QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pia_wizard import __version__

EXIT_NO_GUI = 3
EXIT_BAD_DATA = 2

APP_NAME = "pia-wizard"
EXIT_AFTER_SHOW_VAR = "PIA_WIZARD_EXIT_AFTER_SHOW"

DEBIAN_QT_PACKAGES = "libegl1 libgl1 libxkbcommon-x11-0 libfontconfig1"

NO_DISPLAY_MESSAGE = """\
pia-wizard: cannot open the window: no display found (DISPLAY and WAYLAND_DISPLAY are not set).
Ways out:
  - run it from a desktop session;
  - on a server, start it under a virtual X server (Debian package: xvfb):
        xvfb-run -a .venv/bin/pia-wizard
  - for a headless check only (it shows nothing), set QT_QPA_PLATFORM=offscreen.
The command line works without a display, for example: pia-wizard validate PATH...
"""

PYSIDE_MISSING_MESSAGE = """\
pia-wizard: cannot open the window: PySide6 is not installed in this Python environment ({error}).
Install the project into it, for example with `make venv` or `pip install -e .`.
"""

QT_LIBRARY_MESSAGE = """\
pia-wizard: cannot open the window: loading Qt (PySide6) failed: {error}
A system library is probably missing. On Debian or Ubuntu install:
    sudo apt-get install {packages}
"""


def _no_display() -> bool:
    """True on Linux/BSD when Qt would find no display and no explicit platform was chosen."""
    if sys.platform in ("win32", "darwin"):
        return False
    return not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _exit_after_show() -> bool:
    return os.environ.get(EXIT_AFTER_SHOW_VAR, "") == "1"


def run_gui(path: Path | None) -> int:
    """Open the main window (on FILE, or the start screen) and run the event loop; return the exit code."""
    if _no_display():
        sys.stderr.write(NO_DISPLAY_MESSAGE)
        return EXIT_NO_GUI

    try:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
    except ModuleNotFoundError as error:
        if not (error.name or "").startswith(("PySide6", "shiboken6")):
            raise
        sys.stderr.write(PYSIDE_MISSING_MESSAGE.format(error=error))
        return EXIT_NO_GUI
    except ImportError as error:
        sys.stderr.write(QT_LIBRARY_MESSAGE.format(error=error, packages=DEBIAN_QT_PACKAGES))
        return EXIT_NO_GUI

    # Imported after the check above so an ImportError in our own code is never mistaken for Qt's.
    from pia_wizard.ui.main_window import MainWindow

    # Set before the QApplication exists, so QSettings and platformdirs see them from the start.
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(APP_NAME)
    QApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])

    library = _library()
    if library is None:
        return EXIT_BAD_DATA
    window = MainWindow(library)
    window.show()
    if _exit_after_show():
        if path is not None:
            window.open_path(path)
        QTimer.singleShot(0, app.quit)
    else:
        # After the first paint: the restore offer and the file open in a window that is already there.
        QTimer.singleShot(0, lambda: _after_show(window, path))
    return app.exec()


def _library():  # type: ignore[no-untyped-def]
    """The shipped library, or None after explaining on stderr why it cannot load."""
    from pia_wizard.core.library import shipped_library
    from pia_wizard.core.problems import LoadError

    try:
        return shipped_library()
    except LoadError as exc:
        sys.stderr.write(f"pia-wizard: the questionnaire files of this installation do not load:\n{exc}\n")
        return None


def _after_show(window, path: Path | None) -> None:  # type: ignore[no-untyped-def]
    if window.offer_recovery():
        return
    if path is not None:
        window.open_path(path)
