"""Start-up of the window: `pia-wizard gui [FILE]` and a bare `pia-wizard` end up in `run_gui`.

This module is the thin layer between the command line and Qt. It imports nothing from PySide6 at
module level, so that `pia_wizard.cli` stays Qt-free, and it checks for the two common ways the
window cannot start before Qt gets a chance to abort the process:

* no display on Linux/BSD (no DISPLAY, no WAYLAND_DISPLAY and no QT_QPA_PLATFORM), and
* PySide6 failing to import, usually because a system library such as libEGL is missing.

Both print a short explanation to stderr and return exit code 3 (`EXIT_NO_GUI`), without a traceback.

The window shows first and fills in afterwards: a plain window of the main window's size and title
("Loading…") is painted as soon as Qt is up, and only then are the questionnaire library and the
main window's modules loaded (most of the start-up time: the models, the YAML files and their
checks). The main window then takes the placeholder's place. The cyclic garbage collector is paused
from the start until the window has been painted with its file (see `resume_collector`). See
docs/performance.md.

Environment variables:

PIA_WIZARD_EXIT_AFTER_SHOW=1
    Quit right after the window has been shown (and FILE opened) and return 0, without offering to
    restore unsaved work. Used by the smoke tests, typically with QT_QPA_PLATFORM=offscreen.
PIA_WIZARD_REPORT_FIRST_PAINT=1
    Print when the first window was painted, in seconds after the process started, and exit 0:
        pia-wizard: first paint 0.215 s after process start (monotonic clock 5061.123456 s)
    The process start is read from /proc/self/stat (Linux; 10 ms resolution, "n/a" elsewhere). The
    monotonic clock is the system-wide CLOCK_MONOTONIC, so that a benchmark that notes the clock
    before it starts the process can measure the whole start-up precisely (benchmarks/bench_startup.py).
PIA_WIZARD_REPORT_READY=1
    Print when the main window was painted with FILE open and its verdicts shown (without FILE:
    with the start screen), in the same form ("ready" instead of "first paint") followed by the
    process's peak memory so far (VmHWM, Linux), and exit 0 without offering to restore unsaved work.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

from pia_wizard import __version__

EXIT_NO_GUI = 3
EXIT_BAD_DATA = 2

APP_NAME = "pia-wizard"
EXIT_AFTER_SHOW_VAR = "PIA_WIZARD_EXIT_AFTER_SHOW"
REPORT_FIRST_PAINT_VAR = "PIA_WIZARD_REPORT_FIRST_PAINT"
REPORT_READY_VAR = "PIA_WIZARD_REPORT_READY"

# The main window is built once the placeholder has been painted, or after this long at the latest
# (a window that is never exposed, say on another virtual desktop, gets no paint event).
FILL_AFTER_MS = 300

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


def _flag(name: str) -> bool:
    return os.environ.get(name, "") == "1"


def _exit_after_show() -> bool:
    return _flag(EXIT_AFTER_SHOW_VAR)


def seconds_since_process_start() -> float | None:
    """How long ago this process started (Linux: /proc/self/stat against CLOCK_BOOTTIME), else None."""
    try:
        stat = Path("/proc/self/stat").read_text(encoding="ascii")
        # Fields after the command name (which may hold spaces) start at field 3; starttime is 22.
        start_ticks = int(stat[stat.rindex(")") + 2 :].split()[19])
        now = time.clock_gettime(time.CLOCK_BOOTTIME)
        return now - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def peak_memory_kib() -> int | None:
    """This process's peak resident memory (VmHWM) in KiB, where /proc has it."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None


def timing_line(what: str) -> str:
    """`pia-wizard: WHAT 0.215 s after process start (monotonic clock 5061.123456 s)`."""
    monotonic = time.monotonic()
    since = seconds_since_process_start()
    shown = f"{since:.3f} s" if since is not None else "n/a"
    return f"pia-wizard: {what} {shown} after process start (monotonic clock {monotonic:.6f} s)"


# Start-up makes a few hundred thousand objects that nearly all stay (classes, the library, widgets):
# the cyclic collector's passes over them cost ~45 ms of a ~0.45 s start (134 young, 12 middle and one
# full pass, measured on 2026-12-04) and found ~500 unreachable objects. So it is paused until the
# window has been painted with its file, then it collects once and runs as usual again.
RESUME_COLLECTOR_AFTER_MS = 3000  # at the latest, whatever the window is doing
_collector_paused = False  # by run_gui: a collector that was already off is left off


def resume_collector() -> None:
    """End the start-up pause of the garbage collector: one full collection, then on as usual. Does
    nothing when run_gui did not pause it or it has been resumed already (paint, timer, return)."""
    global _collector_paused
    if _collector_paused:
        _collector_paused = False
        gc.collect()
        gc.enable()


def run_gui(path: Path | None) -> int:
    """Open the main window (on FILE, or the start screen) and run the event loop; return the exit code."""
    global _collector_paused
    if gc.isenabled():
        gc.disable()
        _collector_paused = True
    try:
        return _run_gui(path)
    finally:
        resume_collector()


def _run_gui(path: Path | None) -> int:
    if _no_display():
        sys.stderr.write(NO_DISPLAY_MESSAGE)
        return EXIT_NO_GUI

    try:
        from PySide6.QtWidgets import QApplication
    except ModuleNotFoundError as error:
        if not (error.name or "").startswith(("PySide6", "shiboken6")):
            raise
        sys.stderr.write(PYSIDE_MISSING_MESSAGE.format(error=error))
        return EXIT_NO_GUI
    except ImportError as error:
        sys.stderr.write(QT_LIBRARY_MESSAGE.format(error=error, packages=DEBIAN_QT_PACKAGES))
        return EXIT_NO_GUI

    # Set before the QApplication exists, so QSettings and platformdirs see them from the start.
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(APP_NAME)
    QApplication.setApplicationVersion(__version__)
    # The desktop entry's name: on Wayland the window is matched to pia-wizard.desktop (its icon, its
    # name in the dock) through it; X11 uses the window class, the same name.
    QApplication.setDesktopFileName(APP_NAME)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from pia_wizard.ui.app_icon import app_icon

    app.setWindowIcon(app_icon())
    from pia_wizard.ui.language import install_language

    install_language(remembered_language())  # before any widget takes its words

    start = _Startup(app, path)
    start.begin()
    code = app.exec()
    start.drop_placeholder()  # still there when the window was never built (an error, or FIRST_PAINT)
    if start.error is not None:
        raise start.error
    return start.exit_code if start.exit_code is not None else code


class _Startup:
    """The placeholder window first; the library and the main window once it has been painted."""

    def __init__(self, app, path: Path | None) -> None:  # type: ignore[no-untyped-def]
        self.app = app
        self.path = path
        self.placeholder = None
        self.window = None
        self.exit_code: int | None = None
        self.error: BaseException | None = None
        self._filling = False
        self._watches: list[object] = []

    def begin(self) -> None:
        from PySide6.QtCore import QTimer

        if sys.platform == "darwin":  # a double-clicked *.pia.json comes as an event, not in argv
            from pia_wizard.ui.file_open import FileOpenEvents

            self.file_events = FileOpenEvents(self.app, self._file_opened)
        self.placeholder = _placeholder()
        self.placeholder.show()
        if _flag(REPORT_FIRST_PAINT_VAR):
            self._watch(self.placeholder, lambda: self._report("first paint"))
            return
        self._watch(self.placeholder, self._fill)
        QTimer.singleShot(FILL_AFTER_MS, self._fill)

    def drop_placeholder(self) -> None:
        for watcher in self._watches:  # a placeholder that was never painted leaves its watcher behind
            watcher.cancel()  # type: ignore[attr-defined]
        self._watches.clear()
        if self.placeholder is not None:
            self.placeholder.close()
            self.placeholder.deleteLater()
            self.placeholder = None

    def _watch(self, window, then) -> None:  # type: ignore[no-untyped-def]
        self._watches.append(watch_paint(window, then))

    def _report(self, what: str) -> None:
        line = timing_line(what)
        if what == "ready":
            peak = peak_memory_kib()
            line += f"; peak RSS {peak / 1024:.0f} MB" if peak is not None else "; peak RSS n/a"
        print(line, flush=True)
        self.exit_code = 0
        self.app.quit()

    def _fill(self) -> None:
        if self._filling:
            return
        self._filling = True
        try:
            self._build()
        except BaseException as exc:  # noqa: BLE001 - re-raised by run_gui once the event loop has ended
            self.error = exc
            self.app.exit(1)

    def _build(self) -> None:
        from PySide6.QtCore import QTimer

        # Imported after Qt is known to load, so an ImportError in our own code is never mistaken for Qt's.
        from pia_wizard.ui.main_window import MainWindow

        library = _library()
        if library is None:
            self.exit_code = EXIT_BAD_DATA
            self.app.exit(EXIT_BAD_DATA)
            return
        window = MainWindow(library)
        self.window = window
        placeholder = self.placeholder
        if placeholder is not None:  # take the placeholder's place on the screen
            window.resize(placeholder.size())
            window.move(placeholder.pos())
            window.setWindowState(placeholder.windowState())
        window.show()
        self.drop_placeholder()
        if _flag(REPORT_READY_VAR):
            # As in ordinary use, the file opens in the window once the window is up, then it is painted.
            QTimer.singleShot(0, self._open_and_report)
        elif _exit_after_show():
            if self.path is not None:
                window.open_path(self.path)
            QTimer.singleShot(0, self.app.quit)
        else:
            # After the first paint: the restore offer and the file open in a window that is already there.
            QTimer.singleShot(0, lambda: _after_show(window, self.path))
            QTimer.singleShot(RESUME_COLLECTOR_AFTER_MS, resume_collector)

    def _file_opened(self, path: Path) -> None:
        """A file the system asked to open: in the window, or once the window is there."""
        if self.window is None:
            self.path = path
        else:
            self.window.open_path(path)

    def _open_and_report(self) -> None:
        window = self.window
        if window is None:
            return
        if self.path is not None:
            window.open_path(self.path)
        window.update()  # a paint even when nothing changed (no FILE)
        self._watch(window, lambda: self._report("ready"))


def watch_paint(window, then):  # type: ignore[no-untyped-def]
    """Call `then` once, right after the next paint of `window` or of any widget in it has been done.

    The call is queued behind the paint event, so it runs once that paint (and the flush to the screen
    that follows it in the same turn of the event loop) is over. Returns the watcher; keep it alive.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class PaintWatch(QObject):
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint and watched.isWidgetType() and watched.window() is window:
                self.cancel()
                QTimer.singleShot(0, then)
            return False

        def cancel(self) -> None:
            QApplication.instance().removeEventFilter(self)

    watcher = PaintWatch()
    QApplication.instance().installEventFilter(watcher)
    return watcher


def _placeholder():  # type: ignore[no-untyped-def]
    """What the main window looks like before it is filled: its size and title, and a word of waiting."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QLabel, QMainWindow

    window = QMainWindow()
    window.setObjectName("startupWindow")
    window.setWindowTitle(APP_NAME)
    label = QLabel(QCoreApplication.translate("Startup", "Loading the questionnaires…"), window)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setEnabled(False)  # the muted text colour of the style, light or dark
    window.setCentralWidget(label)
    window.resize(1280, 800)  # MainWindow's size
    geometry = remembered_geometry()
    if geometry is not None:  # where the main window was last closed, as MainWindow does
        window.restoreGeometry(geometry)
    return window


def remembered_geometry():  # type: ignore[no-untyped-def]
    """The main window's remembered geometry, read as `settings.window_geometry` reads it (same store,
    same key; a test checks they agree) without importing that module and its ~10 ms of imports
    before the first paint."""
    from PySide6.QtCore import QByteArray, QSettings

    store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)
    value = store.value("window/geometry")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def remembered_language() -> str:
    """The window's language from Preferences, read as `settings.load_preferences` reads it (same
    store, same key) without importing that module before the first paint."""
    from PySide6.QtCore import QSettings

    store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)
    return str(store.value("preferences/language", "en") or "en")


def _library():  # type: ignore[no-untyped-def]
    """The shipped library, or None after explaining on stderr why it cannot load."""
    from pia_wizard.core.files.problems import LoadError
    from pia_wizard.core.load.library import shipped_library

    try:
        return shipped_library()
    except LoadError as exc:
        sys.stderr.write(f"pia-wizard: the questionnaire files of this installation do not load:\n{exc}\n")
        return None


def _after_show(window, path: Path | None) -> None:  # type: ignore[no-untyped-def]
    # Once the window has been painted as opened (the watcher must outlive this call: kept on the window).
    window.collector_watch = watch_paint(window, resume_collector)
    if window.offer_recovery():
        return
    if path is not None:
        window.open_path(path)
