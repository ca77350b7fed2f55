"""The installed Qt binding must not leak references to None/True (PySide6 6.12.0 on Python 3.11 did,
and the interpreter aborted with "none_dealloc" seconds into building a window)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


def test_calls_and_signals_do_not_take_references_from_none_or_true() -> None:
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(64):
        probe.setObjectName("probe")
        probe.ping.emit()
    # Python ≥ 3.12 reports a fixed huge count for immortal objects; 3.11 counts for real.
    assert none_before - sys.getrefcount(None) < 32
    assert true_before - sys.getrefcount(True) < 32
