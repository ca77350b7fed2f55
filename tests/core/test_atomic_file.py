"""Saving must never lose, half-write or silently change an assessment file.

Every test works on real files in tmp_path. Faults are injected through a stand-in for the `os` module
that `atomic_file` uses, which counts every os call a save makes and can make exactly the k-th one
fail; a slower test kills real child processes in the middle of saving.
"""

from __future__ import annotations

import errno
import hashlib
import inspect
import json
import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import pia_wizard
from pia_wizard.core.files import atomic_file
from pia_wizard.core.files.atomic_file import (
    MAX_ASSESSMENT_BYTES,
    FileTooLargeError,
    SaveError,
    backup_path,
    read_limited,
    write_atomic,
)

OLDER = b'{"version": 0, "note": "the backup before the last save"}\n'
OLD = b'{"version": 1, "note": "what is on disk now"}\n' * 50
NEW = b'{"version": 2, "note": "what the user is saving"}\n' * 80

Hook = Callable[..., Any]


class RecordingOS:
    """Stands in for `os` inside `atomic_file`: records each os function call, can make one of them fail.

    `fail_at=k` makes the k-th call raise OSError(`error`) instead of running (a failing close still
    releases its descriptor first, as close() does on every platform). `hooks` replace single
    functions: hook(real_function, *args) -> result.
    """

    def __init__(
        self, *, fail_at: int | None = None, error: int = errno.ENOSPC, hooks: dict[str, Hook] | None = None
    ) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.fail_at = fail_at
        self.error = error
        self.hooks = hooks or {}
        self.failed: tuple[str, tuple[Any, ...]] | None = None

    def __getattr__(self, name: str) -> Any:
        real = getattr(os, name)
        if not callable(real) or isinstance(real, type):
            return real  # constants, os.path, os.stat_result ...

        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, args))
            if len(self.calls) == self.fail_at:
                self.failed = (name, args)
                if name == "close":
                    real(*args, **kwargs)
                raise OSError(self.error, os.strerror(self.error))
            hook = self.hooks.get(name)
            if hook is not None:
                return hook(real, *args, **kwargs)
            return real(*args, **kwargs)

        return call

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]

    def index(self, name: str, last_arg: Path) -> int | None:
        """1-based number of the last call `name(..., last_arg)`, e.g. the rename onto the target."""
        found = None
        for number, (called, args) in enumerate(self.calls, start=1):
            if called == name and args and Path(args[-1]) == last_arg:
                found = number
        return found


@pytest.fixture
def fake_os(monkeypatch: pytest.MonkeyPatch) -> Callable[..., RecordingOS]:
    def install(**kwargs: Any) -> RecordingOS:
        recorder = RecordingOS(**kwargs)
        monkeypatch.setattr(atomic_file, "os", recorder)
        return recorder

    return install


def raising(code: int) -> Hook:
    def hook(real: Hook, *args: Any, **kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code))

    return hook


def open_fds() -> int | None:
    """How many descriptors this process holds (Linux), to catch a save that leaks one."""
    fd_dir = Path("/proc/self/fd")
    return len(list(fd_dir.iterdir())) if fd_dir.is_dir() else None


def names_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def prepare(folder: Path, old: bytes | None, bak: bytes | None) -> Path:
    folder.mkdir()
    target = folder / "x.pia.json"
    if old is not None:
        target.write_bytes(old)
    if bak is not None:
        backup_path(target).write_bytes(bak)
    return target


# --------------------------------------------------------------------------------------- round trip


def test_round_trip_keeps_the_previous_version_as_bak(tmp_path: Path) -> None:
    target = tmp_path / "x.pia.json"
    write_atomic(target, OLD)
    assert target.read_bytes() == OLD
    assert names_in(tmp_path) == {"x.pia.json"}, "the first save has nothing to back up"

    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
    assert backup_path(target) == tmp_path / "x.pia.json.bak"
    assert (tmp_path / "x.pia.json.bak").read_bytes() == OLD
    assert names_in(tmp_path) == {"x.pia.json", "x.pia.json.bak"}, "no temp file may be left"

    write_atomic(target, OLDER)
    assert target.read_bytes() == OLDER
    assert (tmp_path / "x.pia.json.bak").read_bytes() == NEW
    assert names_in(tmp_path) == {"x.pia.json", "x.pia.json.bak"}


def test_keep_backup_false_makes_no_bak(tmp_path: Path) -> None:
    target = tmp_path / "x.pia.json"
    write_atomic(target, OLD, keep_backup=False)
    write_atomic(target, NEW, keep_backup=False)
    assert target.read_bytes() == NEW
    assert names_in(tmp_path) == {"x.pia.json"}


def test_accepts_empty_data_and_a_str_path(tmp_path: Path) -> None:
    target = tmp_path / "x.pia.json"
    target.write_bytes(OLD)
    write_atomic(str(target), b"")  # type: ignore[arg-type]
    assert target.read_bytes() == b""
    assert backup_path(target).read_bytes() == OLD


def test_a_save_interrupted_after_the_backup_is_finished_cleanly(tmp_path: Path) -> None:
    """A kill between the backup and the final rename leaves `.bak` as a hard link to the file itself."""
    target = tmp_path / "x.pia.json"
    target.write_bytes(OLD)
    os.link(target, backup_path(target))
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
    assert backup_path(target).read_bytes() == OLD
    assert names_in(tmp_path) == {"x.pia.json", "x.pia.json.bak"}, "no temp link may be left"


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_keeps_the_mode_of_an_existing_file_and_its_backup(tmp_path: Path, fake_os: Any) -> None:
    target = tmp_path / "x.pia.json"
    target.write_bytes(OLD)
    target.chmod(0o640)
    write_atomic(target, NEW)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert stat.S_IMODE(backup_path(target).stat().st_mode) == 0o640

    target.chmod(0o604)
    fake_os(hooks={"link": raising(errno.EPERM)})  # the copied backup gets the mode too
    write_atomic(target, OLD)
    assert stat.S_IMODE(target.stat().st_mode) == 0o604
    assert stat.S_IMODE(backup_path(target).stat().st_mode) == 0o604


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_a_new_file_gets_the_ordinary_mode_for_the_umask(tmp_path: Path, umask: int) -> None:
    previous = os.umask(umask)
    try:
        write_atomic(tmp_path / "x.pia.json", OLD)
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "x.pia.json").stat().st_mode) == 0o666 & ~umask


# ------------------------------------------------------------------------ a fault at every step

SCENARIOS = {
    "new file": {"old": None, "bak": None, "keep_backup": True, "hard_links": True},
    "first backup": {"old": OLD, "bak": None, "keep_backup": True, "hard_links": True},
    "backup replaced": {"old": OLD, "bak": OLDER, "keep_backup": True, "hard_links": True},
    "no hard links": {"old": OLD, "bak": OLDER, "keep_backup": True, "hard_links": False},
    "keep_backup=False": {"old": OLD, "bak": OLDER, "keep_backup": False, "hard_links": True},
}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_failure_at_any_step_leaves_complete_files_and_no_temp(
    tmp_path: Path, fake_os: Any, scenario: str
) -> None:
    old, bak, keep_backup, hard_links = SCENARIOS[scenario].values()
    hooks = {} if hard_links else {"link": raising(errno.EPERM)}

    # A counting save: how many os calls, and which of them replaces the target and the backup.
    target = prepare(tmp_path / "count", old, bak)
    counted = fake_os(hooks=hooks)
    write_atomic(target, NEW, keep_backup=keep_backup)
    n_calls = len(counted.calls)
    final_rename = counted.index("replace", target)
    backup_rename = counted.index("replace", backup_path(target))
    assert final_rename is not None
    assert (backup_rename is not None) == (old is not None and keep_backup)
    assert names_in(target.parent) == {"x.pia.json"} | (
        {"x.pia.json.bak"} if bak is not None or backup_rename else set()
    )
    assert {"open", "write", "fsync", "close", "replace"} <= set(counted.names())

    failed_steps = []
    for k in range(1, n_calls + 2):
        target = prepare(tmp_path / f"fail-at-{k}", old, bak)
        fds_before = open_fds()
        recorder = fake_os(fail_at=k, hooks=hooks)
        if k == n_calls + 1:  # one past the last call: nothing fails, so N really was every call
            write_atomic(target, NEW, keep_backup=keep_backup)
            assert recorder.failed is None and len(recorder.calls) == n_calls
            break
        with pytest.raises(SaveError) as caught:
            write_atomic(target, NEW, keep_backup=keep_backup)
        where = f"{scenario}: failure at call {k} of {n_calls}, {recorder.failed}"
        assert recorder.failed is not None, where
        assert recorder.failed[0] == counted.calls[k - 1][0], f"{where}: a save must be deterministic"
        failed_steps.append(k)

        error = caught.value
        assert error.path == target and error.errno == errno.ENOSPC, where
        assert isinstance(error.__cause__, OSError) and error.__cause__.errno == errno.ENOSPC, where
        assert "disk is full" in str(error), where

        written = k > final_rename  # only the folder flush comes after the final rename
        assert error.written is written, where
        if written:
            assert target.read_bytes() == NEW, where
            assert "was saved" in str(error), where
        else:
            if old is None:
                assert not target.exists(), where
            else:
                assert target.read_bytes() == old, where
            if k == 1:  # looking at the existing file failed: whether there was one is unknown
                assert "Nothing on the disk was changed." in str(error), where
            elif old is None:
                assert "The file was not created." in str(error), where
            else:
                assert "Your previous version is unchanged." in str(error), where

        bak_file = backup_path(target)
        if backup_rename is not None and k > backup_rename:
            assert bak_file.read_bytes() == old, where
        elif bak is not None:
            assert bak_file.read_bytes() == bak, where
        else:
            assert not bak_file.exists(), where
        expected = {p.name for p in (target, bak_file) if p.exists()}
        assert names_in(target.parent) == expected, f"{where}: temp files left behind"
        assert open_fds() == fds_before, f"{where}: a file descriptor leaked"

    assert failed_steps == list(range(1, n_calls + 1)), "every step must have been made to fail"


def test_the_number_of_os_calls_of_an_ordinary_save(tmp_path: Path, fake_os: Any) -> None:
    """Documents the steps; if this changes, check the fault test above still means what it says."""
    target = prepare(tmp_path / "f", OLD, OLDER)
    recorder = fake_os()
    write_atomic(target, NEW)
    expected = ["stat", "open", "write", "fsync", "close", "chmod", "stat", "link", "replace", "replace"]
    if hasattr(os, "O_DIRECTORY"):
        expected += ["open", "fsync", "close"]
    assert recorder.names() == expected


@pytest.mark.skipif(not hasattr(os, "O_DIRECTORY"), reason="folders cannot be fsynced on Windows")
def test_fsyncs_the_new_file_before_the_rename_and_the_folder_after_it(tmp_path: Path, fake_os: Any) -> None:
    target = prepare(tmp_path / "f", OLD, None)
    synced: list[tuple[int, os.stat_result]] = []
    recorder: RecordingOS

    def fsync(real: Hook, fd: int) -> None:
        synced.append((len(recorder.calls), os.fstat(fd)))
        real(fd)

    recorder = fake_os(hooks={"fsync": fsync})
    write_atomic(target, NEW)

    files = [(n, info) for n, info in synced if stat.S_ISREG(info.st_mode)]
    folders = [(n, info) for n, info in synced if stat.S_ISDIR(info.st_mode)]
    assert len(files) == 1 and len(folders) == 1, synced
    final_rename = recorder.index("replace", target)
    assert final_rename is not None
    # The file flushed is the temp file that then became the target (a rename keeps the inode).
    assert files[0][0] < final_rename
    assert files[0][1].st_ino == target.stat().st_ino
    assert files[0][1].st_dev == target.stat().st_dev
    assert folders[0][0] > final_rename
    assert folders[0][1].st_ino == target.parent.stat().st_ino


@pytest.mark.skipif(not hasattr(os, "O_DIRECTORY"), reason="folders cannot be fsynced on Windows")
def test_a_folder_that_cannot_be_fsynced_does_not_fail_the_save(tmp_path: Path, fake_os: Any) -> None:
    target = prepare(tmp_path / "f", OLD, None)

    def fsync(real: Hook, fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
        real(fd)

    fake_os(hooks={"fsync": fsync})
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW


# -------------------------------------------------------------------- errors a user can run into


def assert_untouched(target: Path) -> None:
    assert target.read_bytes() == OLD
    assert backup_path(target).read_bytes() == OLDER
    assert names_in(target.parent) == {"x.pia.json", "x.pia.json.bak"}


def _root_ignores_modes(folder: Path) -> bool:
    probe = folder / "probe"
    try:
        probe.write_bytes(b"")
    except PermissionError:
        return False
    probe.unlink()
    return True


@pytest.mark.skipif(os.name == "nt", reason="POSIX folder modes")
def test_saving_into_a_read_only_folder(tmp_path: Path) -> None:
    target = prepare(tmp_path / "f", OLD, OLDER)
    target.parent.chmod(0o500)
    try:
        if _root_ignores_modes(target.parent):
            pytest.skip("running as root: folder permissions are not enforced (see the EROFS test)")
        with pytest.raises(SaveError) as caught:
            write_atomic(target, NEW)
    finally:
        target.parent.chmod(0o700)
    assert "read-only" in str(caught.value)
    assert "previous version is unchanged" in str(caught.value)
    assert_untouched(target)


def test_saving_onto_a_read_only_disk(tmp_path: Path, fake_os: Any) -> None:
    target = prepare(tmp_path / "f", OLD, OLDER)

    def open_(real: Hook, file: Any, flags: int, *args: Any) -> int:
        if flags & os.O_CREAT:  # where a read-only file system first says no
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(file))
        return real(file, flags, *args)

    fake_os(hooks={"open": open_})
    with pytest.raises(SaveError) as caught:
        write_atomic(target, NEW)
    assert caught.value.errno == errno.EROFS
    assert "read-only" in str(caught.value)
    assert str(caught.value).startswith("Could not save 'x.pia.json': ")
    assert "previous version is unchanged" in str(caught.value)
    assert_untouched(target)


def test_a_full_disk(tmp_path: Path, fake_os: Any) -> None:
    target = prepare(tmp_path / "f", OLD, OLDER)
    fake_os(hooks={"write": raising(errno.ENOSPC)})
    with pytest.raises(SaveError) as caught:
        write_atomic(target, NEW)
    assert str(caught.value) == (
        "Could not save 'x.pia.json': the disk is full. Your previous version is unchanged."
    )
    assert_untouched(target)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EACCES, "permission"),
        (errno.EPERM, "read-only"),
        (errno.EIO, "disk reported a read/write error"),
        (errno.ELOOP, f"the system reported: {os.strerror(errno.ELOOP)}"),
    ],
)
def test_other_errors_are_explained(tmp_path: Path, fake_os: Any, code: int, words: str) -> None:
    target = prepare(tmp_path / "f", OLD, OLDER)
    fake_os(hooks={"replace": raising(code)})
    with pytest.raises(SaveError) as caught:
        write_atomic(target, NEW)
    assert words in str(caught.value)
    assert caught.value.errno == code
    assert_untouched(target)


def test_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "unplugged" / "x.pia.json"
    with pytest.raises(SaveError) as caught:
        write_atomic(target, NEW)
    assert caught.value.errno == errno.ENOENT
    assert f"the folder '{target.parent}' does not exist" in str(caught.value)
    assert "The file was not created." in str(caught.value)
    assert not target.parent.exists()


@pytest.mark.parametrize("code", [errno.EPERM, errno.EXDEV, errno.EOPNOTSUPP, errno.EMLINK])
def test_without_hard_links_the_backup_is_copied(tmp_path: Path, fake_os: Any, code: int) -> None:
    target = prepare(tmp_path / "f", OLD, OLDER)
    recorder = fake_os(hooks={"link": raising(code)})
    write_atomic(target, NEW)
    assert "link" in recorder.names()
    assert target.read_bytes() == NEW
    assert backup_path(target).read_bytes() == OLD
    assert names_in(target.parent) == {"x.pia.json", "x.pia.json.bak"}


def test_a_link_error_that_is_not_about_support_fails_the_save(tmp_path: Path, fake_os: Any) -> None:
    target = prepare(tmp_path / "f", OLD, OLDER)
    fake_os(hooks={"link": raising(errno.EIO)})
    with pytest.raises(SaveError):
        write_atomic(target, NEW)
    assert_untouched(target)


def test_a_copied_backup_of_a_large_file_is_complete(tmp_path: Path, fake_os: Any) -> None:
    big_old = bytes(range(256)) * 20_000  # 5 MB: several read chunks
    target = prepare(tmp_path / "f", big_old, None)
    fake_os(hooks={"link": raising(errno.EPERM)})
    write_atomic(target, NEW)
    assert backup_path(target).read_bytes() == big_old


def test_short_writes_are_continued(tmp_path: Path, fake_os: Any) -> None:
    target = tmp_path / "x.pia.json"

    def write(real: Hook, fd: int, data: Any) -> int:
        return real(fd, bytes(data[:7]))

    recorder = fake_os(hooks={"write": write})
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
    assert recorder.names().count("write") == -(-len(NEW) // 7)


def test_save_error_carries_path_errno_and_message(tmp_path: Path) -> None:
    error = SaveError(tmp_path / "x.pia.json", "Could not save 'x.pia.json': the disk is full.", 28)
    assert (error.path, error.errno, error.written) == (tmp_path / "x.pia.json", 28, False)
    assert str(error) == "Could not save 'x.pia.json': the disk is full."
    assert not isinstance(error, OSError)


# ------------------------------------------------------------------------------ read_limited


def test_read_limited_refuses_one_byte_too_many_without_reading(tmp_path: Path, fake_os: Any) -> None:
    path = tmp_path / "big.pia.json"
    path.write_bytes(b"x" * 1001)
    recorder = fake_os()
    with pytest.raises(FileTooLargeError) as caught:
        read_limited(path, 1000)
    assert "read" not in recorder.names(), "the content must not be read at all"
    assert (caught.value.path, caught.value.size, caught.value.limit) == (path, 1001, 1000)
    assert "MB" in str(caught.value)
    assert open_fds() is None or "close" in recorder.names()


def test_read_limited_reads_a_file_of_exactly_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "x.pia.json"
    content = bytes(range(256)) * 4
    path.write_bytes(content)
    assert read_limited(path, len(content)) == content
    assert read_limited(path, MAX_ASSESSMENT_BYTES) == content
    (tmp_path / "empty").write_bytes(b"")
    assert read_limited(tmp_path / "empty", 0) == b""


def test_read_limited_refuses_a_file_that_grew_after_the_size_check(tmp_path: Path, fake_os: Any) -> None:
    path = tmp_path / "x.pia.json"
    path.write_bytes(b"y" * 5000)

    def fstat(real: Hook, fd: int) -> os.stat_result:
        info = real(fd)
        fields = list(info[:10])
        fields[stat.ST_SIZE] = 10  # what the size was a moment ago
        return os.stat_result(fields)

    recorder = fake_os(hooks={"fstat": fstat})
    with pytest.raises(FileTooLargeError):
        read_limited(path, 1000)
    read_sizes = [args[1] for name, args in recorder.calls if name == "read"]
    assert sum(read_sizes) <= 1001, "never more than limit + 1 bytes may be asked for"


def test_read_limited_refuses_a_huge_sparse_file_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.pia.json"
    with path.open("wb") as f:
        f.truncate(200 * 1024 * 1024)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(FileTooLargeError) as caught:
            read_limited(path, MAX_ASSESSMENT_BYTES)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024, "nothing of the file may have been read into memory"
    assert time.perf_counter() - started < 60  # only a hang; the memory bound above tells a read (was 5 s)
    assert str(caught.value) == (
        "'huge.pia.json' is too large to open: it is 200 MB, and files this program opens may be at "
        "most 20 MB. It is probably not the right file, or it is damaged."
    )


def test_read_limited_message_when_just_over_the_limit(tmp_path: Path) -> None:
    error = FileTooLargeError(tmp_path / "x.pia.json", MAX_ASSESSMENT_BYTES + 1, MAX_ASSESSMENT_BYTES)
    assert "it is just over 20 MB" in str(error)


def test_read_limited_keeps_ordinary_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_limited(tmp_path / "missing.pia.json", 100)
    with pytest.raises(IsADirectoryError):
        read_limited(tmp_path, 10**9)


# ------------------------------------------------------------------- killed in the middle of saving


def _version_bytes(n: int) -> bytes:
    """Version n of a test document: 200-300 KB, different for every n, carrying its own checksum."""
    body = {"version": n, "pad": f"{n:08d}" * (25_000 + (n * 7919) % 12_500)}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
    return json.dumps({**body, "sha": digest}, sort_keys=True).encode()


def _version_of(path: Path) -> int:
    """The version a file holds; fails unless it is exactly one complete version."""
    raw = path.read_bytes()
    try:
        n = json.loads(raw)["version"]
    except (ValueError, KeyError) as exc:
        raise AssertionError(f"{path.name} is not a complete version ({len(raw)} bytes)") from exc
    assert raw == _version_bytes(n), f"{path.name} claims version {n} but its bytes differ"
    return n


CHILD = (
    "import hashlib, json, sys\n"
    "from pathlib import Path\n"
    "from pia_wizard.core.files.atomic_file import write_atomic\n\n"
    + textwrap.dedent(inspect.getsource(_version_bytes))
    + textwrap.dedent(
        """
        target, n = Path(sys.argv[1]), int(sys.argv[2])
        print("started", flush=True)
        while True:
            n += 1
            write_atomic(target, _version_bytes(n))
        """
    )
)

KILLS = 60


def _children(env: dict[str, str], target: Path, rng: random.Random) -> Iterator[int]:
    """Start a saving child, kill it at a random moment, yield its exit code; KILLS times."""
    for _ in range(KILLS):
        current = _version_of(target)
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(target), str(current)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            assert proc.stdout is not None and proc.stderr is not None
            started = proc.stdout.readline()
            if started == b"started\n":
                time.sleep(rng.uniform(0.005, 0.080))
        finally:
            proc.kill()
            _, stderr = proc.communicate(timeout=60)
        assert started == b"started\n", stderr.decode(errors="replace")
        yield proc.returncode


@pytest.mark.slow
def test_killed_while_saving_the_file_is_always_one_complete_version(tmp_path: Path) -> None:
    target = tmp_path / "x.pia.json"
    bak = backup_path(target)
    write_atomic(target, _version_bytes(1))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(Path(pia_wizard.__file__).parents[1]), env.get("PYTHONPATH")) if p
    )
    last = 1
    leftovers_seen: set[str] = set()
    kills_mid_save = 0
    # A fixed seed: the kill moments are the same on every run. Not cryptography.
    for returncode in _children(env, target, random.Random(20240611)):  # noqa: S311
        if os.name != "nt":
            assert returncode == -signal.SIGKILL, "the child must have been saving, not have stopped"
        n = _version_of(target)
        assert n >= last, "a saved version must never go back"
        if bak.exists():
            assert _version_of(bak) in (n - 1, n)
        leftovers = names_in(tmp_path) - {target.name, bak.name}
        for name in leftovers:
            assert name.startswith(".") and name.endswith(".tmp"), name
        assert list(tmp_path.glob("*.pia.json")) == [target]
        assert list(tmp_path.glob("*.bak")) == ([bak] if bak.exists() else [])
        kills_mid_save += bool(leftovers - leftovers_seen)
        leftovers_seen |= leftovers
        last = n

    # The kills must really have landed in a busy save loop, some of them in the middle of a save.
    assert last - 1 >= KILLS // 2, f"only {last - 1} saves completed in {KILLS} runs"
    assert kills_mid_save >= 1, "no kill landed in the middle of a save"
    # Leftover temp files never get in the way of the next save.
    write_atomic(target, _version_bytes(last + 1))
    assert _version_of(target) == last + 1 and _version_of(bak) == last
