"""A cache of the shipped library, so that start-up does not read and validate every YAML file again.

Loading the shipped questionnaire, rulebooks, sources and glossary (YAML read with positions, pydantic
validation, cross-checks) takes ~0.2 s; unpickling the result takes ~0.01 s. The cache is written
after a full load that found no problem, and read only when its key matches: a SHA-256 over this
program's version and core code, the Python and pydantic versions, and every data file's name and
bytes. Any change, or a cache that cannot be read, means a full load (and a new cache). The cache
holds only the shipped files, never an assessment.

It is a pickle in the user's cache folder: anyone who can write there can already run code as that
user (the same holds for Python's own `__pycache__`), so reading it gives nothing away. Set
PIA_WIZARD_CACHE_DIR to use another folder, or to an empty value to turn the cache off.
"""

from __future__ import annotations

import contextlib
import copyreg
import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pia_wizard import __version__

CACHE_DIR_VAR = "PIA_WIZARD_CACHE_DIR"
PREFIX = "library-"
SUFFIX = ".pickle"


def cache_dir() -> Path | None:
    """Where the cache lives; None when PIA_WIZARD_CACHE_DIR is set to an empty value (cache off)."""
    chosen = os.environ.get(CACHE_DIR_VAR)
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    import platformdirs

    return Path(platformdirs.user_cache_dir("pia-wizard", appauthor=False))


def cache_key(data_files: Iterable[Path], data_root: Path) -> str:
    """What the cached library depends on: the data files, the code that reads them, the versions."""
    import pydantic

    digest = hashlib.sha256()
    digest.update(f"{__version__}\0{sys.version}\0{pydantic.VERSION}\0".encode())
    core = Path(__file__).resolve().parents[1]  # all of pia_wizard/core, not just files/
    for path in sorted(core.rglob("*.py")):
        digest.update(path.relative_to(core).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    if getattr(sys, "frozen", False):
        # An installed build (PyInstaller) carries no .py files: its code is packed into the
        # executable, so a rebuilt bundle of the same version must not reuse an older pickle.
        digest.update(b"frozen\0" + Path(sys.executable).read_bytes() + b"\0")
    for path in sorted(data_files):
        digest.update(path.relative_to(data_root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def read_only_mapping(content: dict[Any, Any]) -> Mapping[Any, Any]:
    """Rebuilds a read-only mapping when the cache is read (MappingProxyType cannot be pickled)."""
    return MappingProxyType(content)


def _dumps(value: object) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    table = copyreg.dispatch_table.copy()
    table[MappingProxyType] = lambda proxy: (read_only_mapping, (dict(proxy),))
    pickler.dispatch_table = table  # type: ignore[assignment]
    pickler.dump(value)
    return buffer.getvalue()


def cached(key: str, load: Callable[[], tuple[Any, bool]], folder: Path | None) -> Any:
    """The value cached under `key`, else `load()` → (value, cacheable), written to the cache if
    cacheable. A cache that cannot be read or written is passed over: it only ever saves time."""
    if folder is None:
        return load()[0]
    path = folder / f"{PREFIX}{key[:32]}{SUFFIX}"
    with contextlib.suppress(OSError):  # none yet, or a folder that cannot be read
        data = path.read_bytes()
        # Unpickling a truncated cache, or one whose classes changed beyond what the key sees, can raise
        # almost anything; the full load below is always right, so any failure just means loading again.
        with contextlib.suppress(Exception):
            return pickle.loads(data)  # noqa: S301 - our own cache, see the module docstring
    value, cacheable = load()
    if cacheable:
        try:
            data = _dumps(value)
        except (pickle.PicklingError, TypeError, AttributeError):  # a test shows the library pickles
            return value
        _write(folder, path, data)
    return value


def _write(folder: Path, path: Path, data: bytes) -> None:
    """Write the new cache beside the old ones, swap it in, and remove caches of other keys."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        os.replace(temp, path)  # readers see the old file or the new one, never half of one
        for old in folder.glob(f"{PREFIX}*{SUFFIX}"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only or full disk: start-up is slower, nothing else changes
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
