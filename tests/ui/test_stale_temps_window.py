"""Opening an assessment in the window removes what saves of it killed mid-write left beside it: old
`.NAME.HEX.tmp` files of its own, never a fresh one (a save in another window) nor anything else."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from pia_wizard.core.files.atomic_file import STALE_TEMP_SECONDS


def _aged(path: Path, seconds: float) -> Path:
    path.write_bytes(b"half a save")
    when = time.time() - seconds
    os.utime(path, (when, when))
    return path


def test_opening_an_assessment_removes_its_old_temp_files_only(qtbot, window, tmp_path: Path) -> None:
    target = tmp_path / "site.pia.json"
    data = {"schema_version": 1, "questionnaire": {"id": "mini", "version": "1.0"}, "answers": {}}
    target.write_text(json.dumps(data), encoding="utf-8")
    old = _aged(tmp_path / ".site.pia.json.0123456789ab.tmp", STALE_TEMP_SECONDS + 60)
    fresh = _aged(tmp_path / ".site.pia.json.ba9876543210.tmp", 1)
    other = _aged(tmp_path / ".other.pia.json.0123456789ab.tmp", STALE_TEMP_SECONDS + 60)
    window.document.undo_stack.setClean()
    assert window.open_path(target)
    assert not old.exists()
    assert fresh.exists() and other.exists()
    assert target.exists()
