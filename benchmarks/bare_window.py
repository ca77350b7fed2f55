"""The bare reference for the start-up figures: a plain PySide6 window, nothing of pia-wizard.

It is measured the way the app measures itself (`PIA_WIZARD_REPORT_FIRST_PAINT=1`, see
pia_wizard/ui/launch.py): the same window size, and the time noted right after the window's first
paint has been done. It prints the same line, so bench_startup.py reads both alike:

    bare window: first paint 0.190 s after process start (monotonic clock 5061.123456 s)

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bare_window.py`.
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def since_process_start() -> str:
    try:
        with open("/proc/self/stat", encoding="ascii") as stat_file:
            stat = stat_file.read()
        start_ticks = int(stat[stat.rindex(")") + 2 :].split()[19])
        import os

        return f"{time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf('SC_CLK_TCK'):.3f} s"
    except (OSError, ValueError, IndexError, AttributeError):
        return "n/a"


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QLabel("bare", window))
    window.resize(1280, 800)

    def report() -> None:
        monotonic = time.monotonic()
        print(
            f"bare window: first paint {since_process_start()} after process start "
            f"(monotonic clock {monotonic:.6f} s)",
            flush=True,
        )
        app.quit()

    class PaintWatch(QObject):
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint and watched.isWidgetType() and watched.window() is window:
                app.removeEventFilter(self)
                QTimer.singleShot(0, report)
            return False

    watcher = PaintWatch()
    app.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
