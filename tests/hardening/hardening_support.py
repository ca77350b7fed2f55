"""What the hardening tests share: settings folders of their own, dialogs that only record, and a
guard that fails on any internet socket. (Not named conftest: the folder is not a package.)"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

import pytest


def isolate_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QSettings and the user data folders in tmp_path: a real user's are never read or written."""
    import platformdirs
    from PySide6.QtCore import QSettings

    config, data = tmp_path / "config", tmp_path / "data"
    config.mkdir(exist_ok=True)
    data.mkdir(exist_ok=True)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(config))
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(config))
    monkeypatch.setattr(
        platformdirs, "user_data_dir", lambda appname=None, *a, **k: str(data / (appname or ""))
    )
    monkeypatch.setattr(
        platformdirs, "user_config_dir", lambda appname=None, *a, **k: str(config / (appname or ""))
    )


class RecordedPrompts:
    """Stands in for the window's dialogs: records errors and notices, answers "discard"."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str, str]] = []
        self.infos: list[tuple[str, str, str]] = []

    def error(self, title: str, text: str, details: str = "") -> None:
        self.errors.append((title, text, details))

    def info(self, title: str, text: str, details: str = "") -> None:
        self.infos.append((title, text, details))

    def unsaved_changes(self, _name: str) -> str:
        return "discard"

    def save_path(self, _suggested: Path) -> None:
        return None


def record_prompts(window: Any) -> RecordedPrompts:
    prompts = RecordedPrompts()
    window.prompts = prompts
    return prompts


INTERNET = (socket.AF_INET, socket.AF_INET6)
_REAL_SOCKET = socket.socket


def internet_sockets_open() -> list[str]:
    """The internet sockets this process holds now, in any state, found through /proc/self/fd, so
    that sockets made by C or C++ code (Qt, Pango, fontconfig) count too, not only Python's: each
    socket descriptor is duplicated and asked for its address family."""
    found = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            if not os.readlink(fd).startswith("socket:"):
                continue
            copy = os.dup(int(fd.name))
        except OSError:  # closed meanwhile (the descriptor listing /proc/self/fd itself, say)
            continue
        with _REAL_SOCKET(fileno=copy) as sock:  # closes the copy only
            if sock.family in INTERNET:
                found.append(f"fd {fd.name}: {sock.family.name} {sock.type.name}")
    return found


class InternetGuard:
    """Makes creating an AF_INET / AF_INET6 socket from Python fail and records the attempt; local
    AF_UNIX sockets (and socket pairs) stay allowed."""

    def __init__(self) -> None:
        self.attempts: list[str] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real_socket = socket.socket
        attempts = self.attempts

        class Guarded(real_socket):  # type: ignore[misc, valid-type]
            def __init__(self, family: int = -1, type: int = -1, proto: int = -1, fileno: Any = None) -> None:
                if fileno is None and (family in INTERNET or family == -1):
                    attempts.append(f"socket(family={family}, type={type})")
                    raise PermissionError(f"the test forbids internet sockets (family {family})")
                super().__init__(family, type, proto, fileno)

        def refuse(name: str):  # type: ignore[no-untyped-def]
            def refused(*args: Any, **kwargs: Any) -> Any:
                attempts.append(f"{name}{args!r}")
                raise PermissionError(f"the test forbids {name}")

            return refused

        monkeypatch.setattr(socket, "socket", Guarded)
        monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
        monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
        monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))


@pytest.fixture
def no_internet(monkeypatch: pytest.MonkeyPatch) -> InternetGuard:
    guard = InternetGuard()
    guard.install(monkeypatch)
    return guard


def run_script(script: str, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run a Python snippet in a fresh interpreter (memory and start-up measured apart from pytest's
    own) from the project's top folder; it prints a JSON object last, which is returned."""
    import json
    import subprocess
    import sys

    from helpers import ROOT

    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])
