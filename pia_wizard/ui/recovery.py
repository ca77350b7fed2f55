"""Crash recovery: unsaved work copied every 30 seconds to the user data folder, offered after a crash.

Each running window owns a *session*: a lock file (QLockFile, which knows when its process died), the
latest copy of the assessment (`<id>.pia.json`) and a small description (`<id>.json`: which file it
was, when). A clean close deletes all three. At start-up, a session whose lock nobody holds belongs
to a window that crashed or was killed: it is offered for restoring.

The folder is created private to the user (0700): recovery copies hold the same sensitive notes as
the assessment itself.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from pia_wizard.core.files.atomic_file import write_atomic

FOLDER_NAME = "recovery"
AUTOSAVE_MS = 30_000


def recovery_folder(data_dir: Path) -> Path:
    folder = data_dir / FOLDER_NAME
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)
    return folder


def _remove(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


class RecoverySession:
    """The recovery files of one running window."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.id = uuid.uuid4().hex
        self.data_path = folder / f"{self.id}.pia.json"
        self.meta_path = folder / f"{self.id}.json"
        self._lock = QLockFile(str(folder / f"{self.id}.lock"))
        self._lock.setStaleLockTime(0)  # never stale by age: only a dead process frees it
        self._lock.tryLock(0)

    def write(self, content: bytes, *, original: Path | None, read_only: bool, title: str) -> None:
        """Replace the recovery copy (atomically: a crash mid-write leaves the previous copy)."""
        meta = {
            "original": str(original) if original else None,
            "read_only": read_only,
            "title": title,
            "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
        }
        write_atomic(self.data_path, content, keep_backup=False)
        write_atomic(self.meta_path, json.dumps(meta).encode("utf-8"), keep_backup=False)

    def has_copy(self) -> bool:
        return self.data_path.exists()

    def discard(self) -> None:
        """Nothing unsaved any more: remove the copy, keep the session."""
        _remove(self.data_path, self.meta_path)

    def close(self) -> None:
        """A clean close: nothing of this session stays on disk."""
        self.discard()
        self._lock.unlock()
        _remove(Path(self._lock.fileName()))


@dataclass
class Orphan:
    """The recovery copy of a window that did not close cleanly; holds its lock while offered."""

    data_path: Path
    meta_path: Path
    original: Path | None
    read_only: bool
    title: str
    saved_at: str
    lock: QLockFile

    def discard(self) -> None:
        _remove(self.data_path, self.meta_path)
        self.release()
        _remove(Path(self.lock.fileName()))

    def release(self) -> None:
        """Leave it for a later start."""
        self.lock.unlock()


def orphans(folder: Path) -> list[Orphan]:
    """Recovery copies whose window is gone, newest first (each locked so no other start offers it)."""
    found = []
    for data_path in folder.glob("*.pia.json"):
        session = data_path.name.removesuffix(".pia.json")
        lock = QLockFile(str(folder / f"{session}.lock"))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # a running window owns it
        meta_path = folder / f"{session}.json"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        original = meta.get("original")
        found.append(
            Orphan(
                data_path=data_path,
                meta_path=meta_path,
                original=Path(original) if isinstance(original, str) else None,
                read_only=bool(meta.get("read_only", False)),
                title=str(meta.get("title", "")),
                saved_at=str(meta.get("saved_at", "")),
                lock=lock,
            )
        )
    found.sort(key=lambda o: o.data_path.stat().st_mtime if o.data_path.exists() else 0, reverse=True)
    return found
