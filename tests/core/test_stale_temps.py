"""A save killed mid-write leaves `.NAME.HEX.tmp` beside the assessment; the next save removes such
leftovers of that file once they are ten minutes old, and nothing else (issue 13)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from pia_wizard.core.files.atomic_file import STALE_TEMP_SECONDS, remove_stale_temps, write_atomic
from pia_wizard.core.load.assessment_io import save_assessment
from pia_wizard.core.models.assessment import Assessment

NAME = "site.pia.json"
HEX = "0123456789ab"


def _make(folder: Path, name: str, *, age: float) -> Path:
    path = folder / name
    path.write_bytes(b"half a save")
    when = time.time() - age
    os.utime(path, (when, when))
    return path


def _folder(tmp_path: Path) -> tuple[Path, dict[str, Path], dict[str, Path]]:
    """An assessment, leftovers of its killed saves, and files that only look like them."""
    target = tmp_path / NAME
    target.write_bytes(b"{}")
    old = STALE_TEMP_SECONDS + 60
    stale = {
        "temp": _make(tmp_path, f".{NAME}.{HEX}.tmp", age=old),
        "backup temp": _make(tmp_path, f".{NAME}.bak.fedcba987654.tmp", age=old),
        "a day old": _make(tmp_path, f".{NAME}.aaaaaaaaaaaa.tmp", age=86_400),
    }
    kept = {
        "fresh temp (a save in another window)": _make(tmp_path, f".{NAME}.bbbbbbbbbbbb.tmp", age=5),
        "nine minutes old": _make(tmp_path, f".{NAME}.cccccccccccc.tmp", age=STALE_TEMP_SECONDS - 60),
        "another assessment's temp": _make(tmp_path, f".other.pia.json.{HEX}.tmp", age=old),
        "a name that starts the same": _make(tmp_path, f".{NAME}x.{HEX}.tmp", age=old),
        "upper-case hex": _make(tmp_path, f".{NAME}.0123456789AB.tmp", age=old),
        "short hex": _make(tmp_path, f".{NAME}.0123.tmp", age=old),
        "not hidden": _make(tmp_path, f"{NAME}.{HEX}.tmp", age=old),
        "another suffix": _make(tmp_path, f".{NAME}.{HEX}.tmp.keep", age=old),
        "the backup": _make(tmp_path, f"{NAME}.bak", age=old),
        "a user's file": _make(tmp_path, "notes.tmp", age=old),
    }
    folder = tmp_path / f".{NAME}.dddddddddddd.tmp"
    folder.mkdir()
    os.utime(folder, (time.time() - old, time.time() - old))
    kept["a folder with the pattern's name"] = folder
    return target, stale, kept


def test_a_save_removes_old_leftovers_of_its_file_and_nothing_else(tmp_path: Path) -> None:
    target, stale, kept = _folder(tmp_path)
    assessment = Assessment.model_validate(
        {"schema_version": 1, "questionnaire": {"id": "biometric-deployment", "version": "1.0"}}
    )
    save_assessment(target, assessment)
    assert target.read_bytes().startswith(b"{")
    assert kept["the backup"].read_bytes() == b"{}"  # replaced by the previous version, as always
    assert [name for name, p in stale.items() if p.exists()] == []
    assert [name for name, p in kept.items() if not p.exists()] == []
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([NAME, *(p.name for p in kept.values())])  # and no temp of its own


def test_the_sweep_reports_what_it_removed(tmp_path: Path) -> None:
    target, stale, kept = _folder(tmp_path)
    assert sorted(remove_stale_temps(target)) == sorted(stale.values())
    assert remove_stale_temps(target) == []
    assert all(p.exists() for p in kept.values())


def test_a_backup_link_that_still_is_the_current_file_is_kept(tmp_path: Path) -> None:
    """A save in another window links the current file as `.NAME.bak.HEX.tmp` and renames it onto
    `.bak` a moment later; the link carries the file's own (old) time, so age alone cannot tell."""
    target = tmp_path / NAME
    target.write_bytes(b"{}")
    old = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(target, (old, old))
    link = tmp_path / f".{NAME}.bak.{HEX}.tmp"
    os.link(target, link)
    assert remove_stale_temps(target) == []
    assert link.exists()
    write_atomic(target, b"new")  # the file is now another one: the old link is a leftover
    assert remove_stale_temps(target) == [link]


def test_a_missing_folder_or_file_is_no_error(tmp_path: Path) -> None:
    assert remove_stale_temps(tmp_path / "gone" / NAME) == []
    assert remove_stale_temps(tmp_path / NAME) == []
