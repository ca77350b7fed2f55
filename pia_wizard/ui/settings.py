"""Preferences and recent files (QSettings) and the user data folder (platformdirs).

Settings are always opened in INI format under the user scope, so a test can point them at a
temporary folder with `QSettings.setPath` and never touch a real user's settings. Lists are stored
as JSON text: QSettings would return a one-element list as a bare string.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

APP_NAME = "pia-wizard"
MAX_RECENT = 10


def qsettings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def user_data_dir() -> Path:
    """The per-user data folder (recovery files live here)."""
    import platformdirs  # ~30 ms to import: not before the first window is painted

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Preferences:
    language: str = "en"
    default_audience: str = ""
    output_folder: str = ""


def load_preferences() -> Preferences:
    settings = qsettings()
    return Preferences(
        language=str(settings.value("preferences/language", "en") or "en"),
        default_audience=str(settings.value("preferences/default_audience", "") or ""),
        output_folder=str(settings.value("preferences/output_folder", "") or ""),
    )


def save_preferences(preferences: Preferences) -> None:
    settings = qsettings()
    settings.setValue("preferences/language", preferences.language)
    settings.setValue("preferences/default_audience", preferences.default_audience)
    settings.setValue("preferences/output_folder", preferences.output_folder)
    settings.sync()


def _read_list(key: str) -> list[str]:
    raw = qsettings().value(key, "[]")
    try:
        values = json.loads(raw) if isinstance(raw, str) else []
    except json.JSONDecodeError:
        return []
    return [v for v in values if isinstance(v, str)] if isinstance(values, list) else []


def recent_files() -> list[Path]:
    return [Path(p) for p in _read_list("recent/files")]


def add_recent_file(path: Path) -> None:
    text = str(path.resolve())
    paths = [text, *(p for p in _read_list("recent/files") if p != text)][:MAX_RECENT]
    settings = qsettings()
    settings.setValue("recent/files", json.dumps(paths))
    settings.sync()


def remove_recent_file(path: Path) -> None:
    text = str(path.resolve())
    settings = qsettings()
    settings.setValue("recent/files", json.dumps([p for p in _read_list("recent/files") if p != text]))
    settings.sync()


def clear_recent_files() -> None:
    """Forget the recent files and the last folder used: investigations should not linger."""
    settings = qsettings()
    settings.remove("recent/files")
    settings.remove("recent/folder")
    settings.sync()


def last_folder() -> str:
    return str(qsettings().value("recent/folder", "") or "")


def set_last_folder(folder: Path) -> None:
    settings = qsettings()
    settings.setValue("recent/folder", str(folder))
    settings.sync()


def _read_bytes(key: str) -> QByteArray | None:
    value = qsettings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _write(key: str, value: object) -> None:
    settings = qsettings()
    settings.setValue(key, value)
    settings.sync()


def window_geometry() -> QByteArray | None:
    """The main window's size and place when it was last closed (None the first time)."""
    return _read_bytes("window/geometry")


def save_window_geometry(geometry: QByteArray) -> None:
    _write("window/geometry", geometry)


def pane_widths() -> QByteArray | None:
    """How the three panes were divided when an assessment was last closed."""
    return _read_bytes("window/panes")


def save_pane_widths(state: QByteArray) -> None:
    _write("window/panes", state)
