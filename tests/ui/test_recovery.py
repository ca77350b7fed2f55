"""Crash recovery for real: the window runs in a process that is killed with SIGKILL after an autosave;
the next start offers to restore, and restoring gives the edited answer."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("crash_child.py")
ROOT = Path(__file__).resolve().parents[2]


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        PYTHONPATH=str(ROOT),
    )
    env.pop("PIA_WIZARD_EXIT_AFTER_SHOW", None)
    return env


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_work_survives_sigkill_and_is_restored_at_the_next_start(tmp_path: Path) -> None:
    env = _env(tmp_path)
    editing = subprocess.Popen(
        [sys.executable, str(CHILD), "edit"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert editing.stdout is not None
        line = editing.stdout.readline()
        assert line.startswith("AUTOSAVED "), line + (
            editing.stderr.read() if editing.poll() is not None else ""
        )
        edited = json.loads(line.removeprefix("AUTOSAVED "))
    finally:
        editing.send_signal(signal.SIGKILL)
        editing.wait(timeout=30)
    assert editing.returncode == -signal.SIGKILL
    recovery = tmp_path / "data" / "pia-wizard" / "recovery"
    assert len(list(recovery.glob("*.pia.json"))) == 1  # the killed window's copy, left behind

    restoring = subprocess.run(
        [sys.executable, str(CHILD), "restore"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert restoring.returncode == 0, restoring.stderr
    lines = {
        line.split(" ", 1)[0]: line.split(" ", 1)[1] for line in restoring.stdout.splitlines() if " " in line
    }
    assert "did not close properly" in lines["OFFERED"]
    assert json.loads(lines["RESTORED"]) == edited
    assert json.loads(lines["MODIFIED"]) is True
    assert "Traceback" not in restoring.stderr
    assert list(recovery.glob("*")) == []  # restored, then closed cleanly: nothing lingers
