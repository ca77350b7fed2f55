"""Saving onto a real read-only or full file system: a clear error, the previous file intact, nothing
left behind. A small tmpfs (64 KiB) is mounted for each test when this process may mount (root with
CAP_SYS_ADMIN, as on this machine); elsewhere (CI containers, ordinary users) the tests are skipped with
the reason, and tests/core/test_atomic_file.py still covers the same faults with failing os calls.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ROOT

from pia_wizard.core.answers.edits import set_metadata
from pia_wizard.core.files.atomic_file import SaveError, backup_path
from pia_wizard.core.load.assessment_io import assessment_bytes, load_assessment_file, save_assessment

EXAMPLE = ROOT / "examples" / "portland-shop-door.pia.json"
SIZE = "64k"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=30, check=False)


class SmallDisk:
    """A tmpfs mounted at `folder`, which can be made read-only and filled up."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def remount(self, mode: str) -> None:
        done = _run("mount", "-o", f"remount,{mode}", str(self.folder))
        assert done.returncode == 0, done.stderr

    def fill(self) -> Path:
        """Write one file until the disk refuses more (ENOSPC); return it."""
        filler = self.folder / "filler.bin"
        with open(filler, "wb", buffering=0) as out:
            with pytest.raises(OSError) as full:
                while True:
                    out.write(b"\0" * 4096)
        assert full.value.errno == errno.ENOSPC
        return filler

    def leftovers(self, *keep: Path) -> list[str]:
        return sorted(p.name for p in self.folder.iterdir() if p not in keep)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; the os-level faults are tested in tests/core")
    if shutil.which("mount") is None or shutil.which("umount") is None:
        pytest.skip("no mount / umount command")
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = _run("mount", "-t", "tmpfs", "-o", f"size={SIZE},mode=0755", "tmpfs", str(folder))
    if mounted.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {mounted.stderr.strip()}")
    try:
        yield SmallDisk(folder)
    finally:
        if _run("umount", str(folder)).returncode != 0:
            _run("umount", "-l", str(folder))


def _two_versions():  # type: ignore[no-untyped-def]
    loaded = load_assessment_file(EXAMPLE)
    first = set_metadata(loaded.assessment, title="Version one")
    second = set_metadata(loaded.assessment, title="Version two, longer " + "x" * 8000)
    return first, second


def test_saving_onto_a_read_only_disk(small_disk: SmallDisk) -> None:
    first, second = _two_versions()
    target = small_disk.folder / "assessment.pia.json"
    save_assessment(target, first)
    save_assessment(target, first)  # now with a .bak as well
    before = target.read_bytes()
    backup = backup_path(target).read_bytes()
    small_disk.remount("ro")

    with pytest.raises(SaveError) as caught:
        save_assessment(target, second)

    error = caught.value
    assert error.errno == errno.EROFS and not error.written
    assert str(error) == (
        "Could not save 'assessment.pia.json': the disk or folder is read-only. "
        "Your previous version is unchanged."
    )
    assert target.read_bytes() == before == assessment_bytes(first)
    assert backup_path(target).read_bytes() == backup
    assert small_disk.leftovers() == ["assessment.pia.json", "assessment.pia.json.bak"]
    small_disk.remount("rw")
    save_assessment(target, second)  # once writable again, the save goes through
    assert load_assessment_file(target).assessment == second


def test_saving_onto_a_full_disk(small_disk: SmallDisk) -> None:
    first, second = _two_versions()
    target = small_disk.folder / "assessment.pia.json"
    save_assessment(target, first)
    before = target.read_bytes()
    filler = small_disk.fill()

    with pytest.raises(SaveError) as caught:
        save_assessment(target, second)

    error = caught.value
    assert error.errno == errno.ENOSPC and not error.written
    assert str(error) == (
        "Could not save 'assessment.pia.json': the disk is full. Your previous version is unchanged."
    )
    assert target.read_bytes() == before
    assert small_disk.leftovers(filler) == ["assessment.pia.json"], "a temporary file was left behind"
    filler.unlink()
    save_assessment(target, second)  # with room again, the save goes through
    assert load_assessment_file(target).assessment == second
    assert backup_path(target).read_bytes() == before


def test_a_report_onto_a_read_only_disk_keeps_the_old_report(small_disk: SmallDisk, capsys) -> None:
    from pia_wizard.cli import main

    html = small_disk.folder / "report.html"
    html.write_text("<p>the report of last week</p>", encoding="utf-8")
    small_disk.remount("ro")
    assert main(["report", str(EXAMPLE), "--html", str(html)]) == 1
    assert "report: Could not save 'report.html': the disk or folder is read-only." in capsys.readouterr().err
    assert html.read_text(encoding="utf-8") == "<p>the report of last week</p>"


def test_the_window_says_so_and_keeps_the_work(
    qtbot, small_disk: SmallDisk, tmp_path: Path, monkeypatch
) -> None:
    from hardening_support import isolate_settings, record_prompts

    isolate_settings(tmp_path, monkeypatch)
    from pia_wizard.core.load.library import shipped_library
    from pia_wizard.ui.main_window import MainWindow

    target = small_disk.folder / "mine.pia.json"
    shutil.copyfile(EXAMPLE, target)
    original = target.read_bytes()
    window = MainWindow(shipped_library(), examples_dir=tmp_path / "no-examples", data_folder=tmp_path)
    qtbot.addWidget(window)
    prompts = record_prompts(window)
    assert window.open_path(target)
    document = window.document
    assert document is not None
    document.edit("title", lambda a: set_metadata(a, title="Edited while the disk was read-only"))
    small_disk.remount("ro")

    assert not window.save()

    (title, text, _details) = prompts.errors[-1]
    assert title == "Cannot save" and "read-only" in text and "Your previous version is unchanged." in text
    assert document.modified and document.assessment.metadata.title == "Edited while the disk was read-only"
    assert target.read_bytes() == original
