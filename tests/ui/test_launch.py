"""The start-up layer and the first things the window shows.

The window is checked in-process with pytest-qt (offscreen, from conftest.py); how the program starts
and fails to start is checked in subprocesses, as a user's shell would run it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from pia_wizard.ui import launch
from pia_wizard.ui.text import MAX_NAME_CHARS, shown_name

REPO = Path(__file__).resolve().parents[2]
DISPLAY_VARS = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def _env_without_display(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in (*DISPLAY_VARS, launch.EXIT_AFTER_SHOW_VAR)}
    env.update(extra)
    return env


def _run(args: list[str], env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout
    )


# --- the window ---------------------------------------------------------------------------------


def test_window_starts_on_the_start_screen_with_title(make_window, library) -> None:
    window = make_window(library)
    assert window.isVisible()
    assert window.windowTitle() == "pia-wizard"
    assert window.stack.currentWidget() is window.start_screen
    assert not window.save_action.isEnabled()


# A file name cannot contain "/", so the markup is written without closing tags: Path("<b>x</b>.json")
# would be the file "b>.json" in the folder "<b>x<". Each name would render differently as rich text.
@pytest.mark.parametrize(
    "name",
    ["<b>x<br>&amp;.pia.json", "<img src=x onerror=alert(1)>.pia.json", "<h1>big<hr>.pia.json"],
)
def test_file_name_with_html_is_shown_literally(make_window, library, tmp_path: Path, name: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    from pia_wizard.ui import settings
    from pia_wizard.ui.prompts import Prompts

    window = make_window(library)
    window.prompts = Prompts(window)
    assert not window.open_path(tmp_path / name)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert box.text() == f"“{name}” cannot be opened:"
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.accept()
    # In the recent files list too.
    (tmp_path / name).write_text("{}", encoding="utf-8")
    settings.add_recent_file(tmp_path / name)
    window.show_start()
    assert window.start_screen.recent.item(0).text() == name


def test_very_long_file_name_is_elided_in_the_middle() -> None:
    name = "a" * 200 + ".pia.json"
    shown = shown_name(Path(name))
    assert len(shown) == MAX_NAME_CHARS
    assert shown.startswith("aaa")
    assert shown.endswith(".pia.json")
    assert "…" in shown
    assert shown_name(Path("short.pia.json")) == "short.pia.json"


def test_run_gui_in_process_sets_names_and_returns_zero(qapp, monkeypatch) -> None:
    monkeypatch.setenv(launch.EXIT_AFTER_SHOW_VAR, "1")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    old = (QApplication.applicationName(), QApplication.organizationName())
    try:
        assert launch.run_gui(Path("example.pia.json")) == 0
        assert QApplication.applicationName() == "pia-wizard"
        assert QApplication.organizationName() == "pia-wizard"
        assert QApplication.desktopFileName() == "pia-wizard"  # installer/linux/pia-wizard.desktop
        assert not QApplication.windowIcon().isNull()
    finally:
        QApplication.setApplicationName(old[0])
        QApplication.setOrganizationName(old[1])
        # After quit() the event dispatcher stays interrupted: a later processEvents() (qtbot.wait)
        # would then deliver no timer at all. One more turn of an event loop clears that.
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_display_check_only_applies_to_linux_and_bsd(monkeypatch, platform: str) -> None:
    for var in DISPLAY_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(sys, "platform", platform)
    assert not launch._no_display()
    monkeypatch.setattr(sys, "platform", "linux")
    assert launch._no_display()


# --- start-up in a subprocess --------------------------------------------------------------------


@pytest.mark.slow
def test_gui_without_display_explains_and_exits_3() -> None:
    result = _run(["-m", "pia_wizard", "gui"], _env_without_display())

    assert result.returncode == 3, result.stderr
    assert "no display" in result.stderr
    assert "xvfb-run -a" in result.stderr
    assert "QT_QPA_PLATFORM=offscreen" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.slow
def test_gui_offscreen_exits_0_after_show() -> None:
    env = _env_without_display(QT_QPA_PLATFORM="offscreen", **{launch.EXIT_AFTER_SHOW_VAR: "1"})
    result = _run(["-m", "pia_wizard", "gui"], env)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_cli_does_not_import_pyside6() -> None:
    result = _run(["-c", "import sys, pia_wizard.cli; print('PySide6' in sys.modules)"], os.environ.copy())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"

    code = (
        "import sys, pia_wizard.cli\n"
        "try:\n"
        "    pia_wizard.cli.main(['--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('PySide6' in sys.modules)\n"
    )
    result = _run(["-c", code], os.environ.copy())
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "False"


# Stands in for a broken Qt installation: the import of PySide6.QtWidgets raises what the brief's
# failure cases raise (a missing system library; PySide6 absent from the venv).
_BROKEN_IMPORT = """\
import sys
from importlib.abc import MetaPathFinder

class Broken(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6.QtWidgets":
            raise {error}
        return None

sys.meta_path.insert(0, Broken())
sys.modules.pop("PySide6.QtWidgets", None)
from pia_wizard.cli import main
sys.exit(main(["gui"]))
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            'ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")',
            "libegl1 libgl1 libxkbcommon-x11-0 libfontconfig1",
        ),
        ('ModuleNotFoundError("No module named PySide6.QtWidgets", name="PySide6.QtWidgets")', "make venv"),
    ],
)
def test_gui_when_qt_cannot_be_imported_explains_and_exits_3(error: str, expected: str) -> None:
    env = _env_without_display(QT_QPA_PLATFORM="offscreen", **{launch.EXIT_AFTER_SHOW_VAR: "1"})
    result = _run(["-c", _BROKEN_IMPORT.format(error=error)], env)

    assert result.returncode == 3, result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
