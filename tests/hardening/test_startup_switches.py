"""The start-up path the benchmarks measure: the placeholder window first, then the main window; the
switches that print when each was painted (PIA_WIZARD_REPORT_FIRST_PAINT, PIA_WIZARD_REPORT_READY);
and the failures on the way, which must still end the program with the right code."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hardening_support import run_script
from helpers import ROOT
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from pia_wizard.ui import launch

LINE = re.compile(
    r"^pia-wizard: (?P<what>first paint|ready) (?P<since>[0-9.]+ s|n/a) after process start "
    r"\(monotonic clock (?P<clock>[0-9.]+) s\)(?P<rss>; peak RSS ([0-9]+ MB|n/a))?$"
)
EXAMPLE = ROOT / "examples" / "portland-shop-door.pia.json"


def _offscreen(**env: str) -> dict[str, str]:
    """This environment without the program's own switches, on the offscreen platform, plus `env`."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PIA_WIZARD_")}
    environment.update(QT_QPA_PLATFORM="offscreen", **env)
    return environment


def _gui(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = _offscreen(**env)
    return subprocess.run(
        [sys.executable, "-m", "pia_wizard", "gui", *args],
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_first_paint_is_reported_and_the_program_exits() -> None:
    result = _gui(**{launch.REPORT_FIRST_PAINT_VAR: "1"})
    assert result.returncode == 0, result.stderr
    found = LINE.match(result.stdout.strip())
    assert found and found["what"] == "first paint" and found["rss"] is None, result.stdout
    if Path("/proc/self/stat").exists():
        assert 0 < float(found["since"].removesuffix(" s")) < 60


@pytest.mark.slow
def test_ready_is_reported_with_the_file_open(tmp_path: Path) -> None:
    result = _gui(str(EXAMPLE), **{launch.REPORT_READY_VAR: "1", "XDG_DATA_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    found = LINE.match(result.stdout.strip())
    assert found and found["what"] == "ready" and found["rss"], result.stdout
    assert "Traceback" not in result.stderr


def test_seconds_since_process_start_is_plausible() -> None:
    since = launch.seconds_since_process_start()
    if since is None:
        pytest.skip("no /proc/self/stat here")
    assert 0 < since < 24 * 3600


def _run_in_process(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv(launch.EXIT_AFTER_SHOW_VAR, "1")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    old = (QApplication.applicationName(), QApplication.organizationName())
    try:
        return launch.run_gui(None)
    finally:
        QApplication.setApplicationName(old[0])
        QApplication.setOrganizationName(old[1])
        loop = QEventLoop()  # after quit() / exit() one more turn lets later timers fire (test_launch.py)
        QTimer.singleShot(0, loop.quit)
        loop.exec()


def test_a_library_that_does_not_load_ends_with_code_2(qapp, monkeypatch, capsys) -> None:
    from pia_wizard.core.files.problems import LoadError
    from pia_wizard.core.load import library

    def broken():  # type: ignore[no-untyped-def]
        raise LoadError.single("questionnaires/x.yaml", "broken on purpose")

    monkeypatch.setattr(library, "shipped_library", broken)
    assert _run_in_process(monkeypatch) == launch.EXIT_BAD_DATA
    err = capsys.readouterr().err
    assert "the questionnaire files of this installation do not load" in err and "broken on purpose" in err


def test_an_error_while_building_the_window_is_raised_after_the_event_loop(qapp, monkeypatch) -> None:
    from pia_wizard.ui import main_window

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("the window broke")

    monkeypatch.setattr(main_window, "MainWindow", failing)
    with pytest.raises(RuntimeError, match="the window broke"):
        _run_in_process(monkeypatch)
    assert not [
        w for w in QApplication.topLevelWidgets() if w.isVisible() and w.objectName() == "startupWindow"
    ]


COLLECTOR_SCRIPT = """
import gc, json, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import pia_wizard.ui.launch as launch

seen = {}
started = time.monotonic()
real_after_show = launch._after_show

def after_show(window, path):
    seen["while opening"] = gc.isenabled()
    real_after_show(window, path)
    seen["right after opening"] = gc.isenabled()

    def look():
        if gc.isenabled() or time.monotonic() - started > 60:
            seen["resumed after s"] = round(time.monotonic() - started, 2)
            QApplication.instance().quit()
        else:
            QTimer.singleShot(20, look)

    look()

launch._after_show = after_show
launch.RESUME_COLLECTOR_AFTER_MS = 60_000  # only the paint may resume it here
code = launch.run_gui(Path(sys.argv[1]))
seen["after the event loop"] = gc.isenabled()
print(json.dumps(seen))
"""


def test_the_collector_pauses_for_start_up_and_resumes_once_the_window_is_painted(tmp_path: Path) -> None:
    environment = _offscreen(XDG_CONFIG_HOME=str(tmp_path / "c"), XDG_DATA_HOME=str(tmp_path / "d"))
    seen = run_script(COLLECTOR_SCRIPT, str(EXAMPLE), env=environment)
    assert seen["while opening"] is False and seen["right after opening"] is False
    assert seen["resumed after s"] < 30  # by the paint watch, not the (here 60 s) fallback timer
    assert seen["after the event loop"] is True


def test_the_collector_runs_again_whatever_way_the_window_ends(qapp, monkeypatch) -> None:
    import gc

    from pia_wizard.ui import main_window

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        assert not gc.isenabled()  # paused while the window is built
        raise RuntimeError("the window broke")

    monkeypatch.setattr(main_window, "MainWindow", failing)
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="the window broke"):
        _run_in_process(monkeypatch)
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(qapp, monkeypatch) -> None:
    import gc

    gc.disable()
    try:
        assert _run_in_process(monkeypatch) == 0
        launch.resume_collector()  # as the paint watch or the timer would, late
        assert not gc.isenabled()
    finally:
        gc.enable()
