"""A full headless run opens no internet socket: the app never touches the network."""

from __future__ import annotations

import socket

import pytest
from helpers import ROOT

from pia_wizard.cli import main

EXAMPLES = sorted((ROOT / "examples").glob("*.pia.json"))


@pytest.fixture
def no_internet(monkeypatch):
    """Fail the test on any AF_INET / AF_INET6 socket; local AF_UNIX pairs stay allowed."""
    real_socket = socket.socket
    opened: list[int] = []

    class Guarded(real_socket):
        def __init__(self, family=-1, *args, **kwargs):
            if family in (socket.AF_INET, socket.AF_INET6) or family == -1:
                opened.append(family)
                raise AssertionError(f"network socket opened (family {family})")
            super().__init__(family, *args, **kwargs)

    monkeypatch.setattr(socket, "socket", Guarded)
    monkeypatch.setattr(
        socket, "create_connection", lambda *a, **k: (_ for _ in ()).throw(AssertionError("connect"))
    )
    yield opened
    assert opened == []


def test_validate_and_score_everything_offline(no_internet, capsys) -> None:
    assert main(["validate", str(ROOT / "questionnaires"), str(ROOT / "examples")]) == 0
    for path in EXAMPLES:
        assert main(["score", str(path), "--json"]) == 0
    assert socket.socket is not None
    capsys.readouterr()


def test_the_guard_itself_catches_a_socket(no_internet) -> None:
    with pytest.raises(AssertionError, match="network socket"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    no_internet.clear()
