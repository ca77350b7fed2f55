"""Crash-safe saving and size-limited reading of assessment files.

An assessment file holds weeks of someone's work. A save that is interrupted (power cut, full disk,
killed process, unplugged USB stick) must never leave that file half-written or missing. So a save
never writes into the existing file: it writes a complete new copy next to it, forces the copy onto
the disk, keeps the previous version as `NAME.bak`, and only then swaps the copy in with one atomic
rename. At every moment the file on disk is either the complete old or the complete new version.
"""

from __future__ import annotations

import errno as errno_codes
import os
import re
import secrets
import stat
import time
from pathlib import Path

__all__ = [
    "MAX_ASSESSMENT_BYTES",
    "FileTooLargeError",
    "SaveError",
    "backup_path",
    "read_limited",
    "remove_stale_temps",
    "write_atomic",
]

MAX_ASSESSMENT_BYTES = 20 * 1024 * 1024
"""Largest assessment file the program opens; a real one is a few hundred kilobytes."""

# Windows opens files in text mode unless told otherwise, and would then turn every \n into \r\n.
_BINARY = getattr(os, "O_BINARY", 0)
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY
_READ_FLAGS = os.O_RDONLY | _BINARY
_TEMP_ATTEMPTS = 100
_CHUNK = 1024 * 1024


def _codes(*names: str) -> frozenset[int]:
    return frozenset(getattr(errno_codes, name) for name in names if hasattr(errno_codes, name))


# Errors with which a file system says "no hard links here" (FAT/exFAT, many network shares, some
# FUSE drives; Windows reports an unsupported call as EINVAL). The backup is then made by copying.
_LINK_UNSUPPORTED = _codes("EPERM", "EACCES", "EXDEV", "ENOTSUP", "EOPNOTSUPP", "EMLINK", "ENOSYS", "EINVAL")
# Errors with which a file system says "folders cannot be fsynced here": nothing more can be done.
_DIR_FSYNC_UNSUPPORTED = _codes("EINVAL", "ENOTSUP", "EOPNOTSUPP")


class SaveError(Exception):
    """A save failed. The message is written for the person who pressed Save, not for a developer.

    `written` is True only when the new version did replace the file but could not be confirmed to be
    on the disk (the final folder flush failed); otherwise the previous version is untouched.
    """

    def __init__(self, path: Path, reason: str, errno: int | None = None, written: bool = False) -> None:
        super().__init__(path, reason, errno, written)
        self.path = path
        self.reason = reason
        self.errno = errno
        self.written = written

    def __str__(self) -> str:
        return self.reason


class FileTooLargeError(Exception):
    """A file is larger than anything the program should load; refused before it is read into memory."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(path, size, limit)
        self.path = path
        self.size = size
        self.limit = limit

    def __str__(self) -> str:
        size, limit = _megabytes(self.size), _megabytes(self.limit)
        if size == limit:
            size = f"just over {limit}"
        return (
            f"'{Path(self.path).name}' is too large to open: it is {size} MB, and files this program "
            f"opens may be at most {limit} MB. It is probably not the right file, or it is damaged."
        )


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    if value >= 10:
        return f"{value:.0f}"
    if value >= 0.1:
        return f"{value:.1f}"
    return f"{value:.2g}"


def backup_path(path: Path) -> Path:
    """Where the previous version of `path` is kept: `x.pia.json` -> `x.pia.json.bak`."""
    return path.with_name(path.name + ".bak")


class _Leftovers:
    """File descriptors and temp files a save holds, so that a failed save can take them all back."""

    def __init__(self) -> None:
        self.fds: list[int] = []
        self.temps: list[Path] = []

    def close(self, fd: int) -> None:
        # Forget the descriptor first: even a close() that fails has released it (POSIX, Windows).
        self.fds.remove(fd)
        os.close(fd)

    def renamed(self, temp: Path, target: Path) -> None:
        os.replace(temp, target)
        self.temps.remove(temp)

    def release(self) -> None:
        """Close and delete whatever is still held; errors here must not hide the original one."""
        for fd in reversed(self.fds):
            try:
                os.close(fd)
            except OSError:
                pass
        for temp in reversed(self.temps):
            try:
                os.unlink(temp)
            except OSError:
                pass
        self.fds.clear()
        self.temps.clear()


def _temp_name(path: Path, tag: str) -> Path:
    # Hidden, ends in .tmp: never mistaken for an assessment or a backup if a crash leaves it behind.
    return path.with_name(f".{path.name}.{tag}{secrets.token_hex(6)}.tmp")


STALE_TEMP_SECONDS = 10 * 60
"""A temp file untouched this long is a killed save's leftover: a running save writes it in seconds."""


def remove_stale_temps(path: Path, *, now: float | None = None) -> list[Path]:
    """Delete what killed saves of `path` left behind; return what was deleted.

    Only regular files named exactly as `_temp_name` names them for this file (`.NAME.HEX.tmp`,
    `.NAME.bak.HEX.tmp`), last written more than ten minutes ago, so that a save running in another
    window is never touched. A backup link that still is the current file is kept too: a save may be
    about to rename it onto `.bak`, and a link costs no space. Any error just leaves the file there;
    tidying up must never stop a save or an open, which is why `write_atomic` (every step of which
    may fail the save) does not call it: saving an assessment and opening one in the window do.
    """
    path = Path(path)
    pattern = re.compile(rf"\.{re.escape(path.name)}\.(?:bak\.)?[0-9a-f]{{12}}\.tmp")
    cutoff = (time.time() if now is None else now) - STALE_TEMP_SECONDS
    removed: list[Path] = []
    try:
        current: os.stat_result | None = os.stat(path)
    except OSError:
        current = None
    try:
        names = [entry.name for entry in os.scandir(path.parent) if pattern.fullmatch(entry.name)]
    except OSError:
        return removed
    for name in sorted(names):
        candidate = path.with_name(name)
        try:
            info = os.lstat(candidate)
            if not stat.S_ISREG(info.st_mode) or info.st_mtime > cutoff:
                continue
            if current is not None and os.path.samestat(info, current):
                continue
            os.unlink(candidate)
        except OSError:
            continue
        removed.append(candidate)
    return removed


def _create_temp(path: Path, tag: str, held: _Leftovers) -> tuple[int, Path]:
    """Create a new, empty temp file next to `path` (same folder, so the final rename is atomic)."""
    for _ in range(_TEMP_ATTEMPTS):
        temp = _temp_name(path, tag)
        try:
            # 0o666 lets the user's umask decide, exactly as for any other new file they create.
            fd = os.open(temp, _CREATE_FLAGS, 0o666)
        except FileExistsError:
            continue
        held.fds.append(fd)
        held.temps.append(temp)
        return fd, temp
    raise FileExistsError(errno_codes.EEXIST, "no free temporary file name", str(path.parent))


def _write_all(fd: int, data: bytes | bytearray | memoryview) -> None:
    view = memoryview(data).cast("B")
    while view:
        written = os.write(fd, view)
        if written <= 0:  # never for a regular file; refuse to spin forever if it ever happens
            raise OSError(errno_codes.EIO, os.strerror(errno_codes.EIO))
        view = view[written:]


def _write_temp(path: Path, data: bytes | bytearray | memoryview, held: _Leftovers) -> Path:
    """Steps 1-3: a complete, flushed copy of the new version in a temp file next to `path`."""
    fd, temp = _create_temp(path, "", held)
    _write_all(fd, data)
    os.fsync(fd)
    held.close(fd)
    return temp


def _keep_backup(path: Path, current: os.stat_result, held: _Leftovers) -> None:
    """Step 4: make `NAME.bak` the current version, atomically (the old `.bak` stays until replaced)."""
    backup = backup_path(path)
    try:
        existing = os.stat(backup)
    except FileNotFoundError:
        existing = None
    if existing is not None and os.path.samestat(existing, current):
        # An earlier save stopped between this step and the final rename: `.bak` already is the
        # current file. Linking again would be a no-op rename that leaves the temp link behind.
        return
    for _ in range(_TEMP_ATTEMPTS):
        link = _temp_name(path, "bak.")
        try:
            os.link(path, link)
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in _LINK_UNSUPPORTED:
                raise
            _copy_backup(path, current, held)
            return
        held.temps.append(link)
        held.renamed(link, backup)
        return
    raise FileExistsError(errno_codes.EEXIST, "no free temporary file name", str(path.parent))


def _copy_backup(path: Path, current: os.stat_result, held: _Leftovers) -> None:
    """Step 4 without hard links: copy to a temp file, flush it, then rename it onto `.bak`."""
    source = os.open(path, _READ_FLAGS)
    held.fds.append(source)
    fd, temp = _create_temp(path, "bak.", held)
    while chunk := os.read(source, _CHUNK):
        _write_all(fd, chunk)
    os.fsync(fd)
    held.close(fd)
    held.close(source)
    os.chmod(temp, stat.S_IMODE(current.st_mode))
    held.renamed(temp, backup_path(path))


def _flush_folder(folder: Path, held: _Leftovers) -> None:
    """Step 6: make the renames themselves durable, or a power cut could undo them."""
    if not hasattr(os, "O_DIRECTORY"):
        return  # Windows cannot open a folder; NTFS journals renames itself.
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    held.fds.append(fd)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _DIR_FSYNC_UNSUPPORTED:
            raise
    held.close(fd)


def write_atomic(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Replace the file at `path` with `data` so that no crash can leave it missing or half-written.

    With `keep_backup`, the version being replaced is kept as `NAME.bak`. On failure, everything
    this call created is removed, the file and its `.bak` are left as they were, and `SaveError`
    explains in plain words what went wrong.
    """
    path = Path(path)
    held = _Leftovers()
    current: os.stat_result | None = None
    existed: bool | None = None  # not known until the file has been looked at
    written = False
    try:
        try:
            current = os.stat(path)
        except FileNotFoundError:
            existed = False
        else:
            existed = True
        temp = _write_temp(path, data, held)
        if current is not None:
            os.chmod(temp, stat.S_IMODE(current.st_mode))
            if keep_backup:
                _keep_backup(path, current, held)
        held.renamed(temp, path)
        written = True
        _flush_folder(path.parent, held)
    except OSError as exc:
        message = _explain(path, exc, existed=existed, written=written)
        raise SaveError(path, message, exc.errno, written) from exc
    finally:
        held.release()


def _explain(path: Path, exc: OSError, *, existed: bool | None, written: bool) -> str:
    """Say what went wrong and what state the user's work is in, without jargon."""
    code = exc.errno
    folder = path.parent
    if code in _codes("ENOSPC", "EDQUOT"):
        reason = "the disk is full"
    elif code == errno_codes.EROFS:
        reason = "the disk or folder is read-only"
    elif code in (errno_codes.EACCES, errno_codes.EPERM):
        reason = "you do not have permission to save there (the file or folder may be read-only)"
    elif code == errno_codes.ENOENT and not folder.is_dir():
        reason = (
            f"the folder '{folder}' does not exist (it may have been moved or renamed, "
            "or it is on a drive that is no longer connected)"
        )
    elif code == errno_codes.ENAMETOOLONG:
        reason = "the file name or folder path is too long"
    elif code == errno_codes.EIO:
        reason = "the disk reported a read/write error (it may be failing or was disconnected)"
    else:
        reason = f"the system reported: {exc.strerror or exc}"
    if written:
        return (
            f"'{path.name}' was saved, but the computer could not confirm that it is safely on the "
            f"disk: {reason}. Save again, or save a copy somewhere else, before switching off."
        )
    if existed is None:
        outcome = "Nothing on the disk was changed."
    elif existed:
        outcome = "Your previous version is unchanged."
    else:
        outcome = "The file was not created."
    return f"Could not save '{path.name}': {reason}. {outcome}"


def read_limited(path: Path, limit: int) -> bytes:
    """Read a whole file, but refuse one larger than `limit` bytes before reading it into memory.

    The size is checked on the opened file first, then at most `limit + 1` bytes are read, so a file
    that grows between the check and the read is refused too. Other problems (missing file, no
    permission, a folder) raise the usual `OSError` subclasses.
    """
    path = Path(path)
    fd = os.open(path, _READ_FLAGS)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno_codes.EISDIR, os.strerror(errno_codes.EISDIR), str(path))
        if info.st_size > limit:
            raise FileTooLargeError(path, info.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise FileTooLargeError(path, max(total, os.fstat(fd).st_size), limit)
        return b"".join(chunks)
    finally:
        os.close(fd)
