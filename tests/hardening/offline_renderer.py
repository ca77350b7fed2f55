"""Export-worker renderers for the offline tests, imported by name in the worker process (which gets the
tests' sys.path): the real renderer under the same internet guard as the tests' own process, and one
that reaches out on purpose, to show that the guard works over there too."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from hardening_support import InternetGuard, internet_sockets_open

from pia_wizard.ui.export_worker import ExportRequest, Progress, render_export


def _guarded(work: Callable[[], Path]) -> Path:
    guard = InternetGuard()
    with pytest.MonkeyPatch.context() as patch:
        guard.install(patch)
        try:
            output = work()
        except PermissionError:
            if not guard.attempts:
                raise
            output = Path()
    left = internet_sockets_open()
    if guard.attempts or left:
        raise AssertionError(f"the export worker reached for the network: {guard.attempts + left}")
    return output


def render(request: ExportRequest, progress: Progress) -> Path:
    """The window's real export, in the worker, with internet sockets forbidden and looked for after."""
    return _guarded(lambda: render_export(request, progress))


def reach_out(request: ExportRequest, progress: Progress) -> Path:
    """Tries to connect somewhere: the guard must turn that into an error the window shows."""
    return _guarded(lambda: socket.create_connection(("127.0.0.1", 9)) and Path(request.output))
