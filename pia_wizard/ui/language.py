"""The window's language: our own .qm catalog, Qt's (qtbase_<lang>.qm) and the default QLocale.

The window's strings are English in the source and translated through Qt (`self.tr`, `translate`)
from the catalogs in pia_wizard/ui/i18n/ (`make translations` builds them from the .ts files). A
language is offered when its catalog exists, so a new language is a new .ts/.qm pair and no Python.
English has a catalog too, holding only the plural forms ("1 answer", "2 answers").

The language is chosen once, at start-up, before any window is built: widgets take their words when
they are made, so a change in Preferences applies at the next start (the dialog says so).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, Qt, QTranslator

if TYPE_CHECKING:  # imported at start-up, before the first paint: nothing it does not need then
    import datetime as dt

I18N_DIR = Path(__file__).resolve().parent / "i18n"
CATALOG_PREFIX = "pia_wizard_"
SOURCE_LANGUAGE = "en"

# The translators installed now, kept alive here (Qt holds only a pointer to them).
_installed: list[QTranslator] = []
_current: list[str] = []  # the language installed, once install_language has run


def language_codes(folder: Path = I18N_DIR) -> list[str]:
    """The languages the window has a catalog for, English first."""
    codes = {p.stem.removeprefix(CATALOG_PREFIX) for p in folder.glob(CATALOG_PREFIX + "*.qm")}
    return [SOURCE_LANGUAGE, *sorted(codes - {SOURCE_LANGUAGE})]


def available_languages(folder: Path = I18N_DIR) -> dict[str, str]:
    """Language code → its name in its own language ("de" → "Deutsch"), English first."""
    return {code: native_name(code) for code in language_codes(folder)}


def native_name(code: str) -> str:
    """A language named in itself, capitalised as a menu item: "English", "Deutsch", "Français"."""
    return named_in(code, code)


def named_in(code: str, language: str) -> str:
    """Language `code` named in `language`, as the core names languages (Babel). Imported here, not at
    the top: this module runs before the first paint, and the core's messages bring Babel and pydantic."""
    from pia_wizard.core.models.messages import language_name

    return language_name(code, language)


def window_language() -> str:
    """The window's language: the one installed, else QLocale's default."""
    return installed_language() or QLocale().name().split("_")[0]


def qt_catalog_folders() -> list[Path]:
    """Where Qt's own catalogs may be: Qt's configured folder, then the one inside PySide6 (a bundle)."""
    import PySide6

    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    folders.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    return folders


def install_language(code: str, folder: Path = I18N_DIR) -> list[Path]:
    """Translate the window into `code` from now on; return the catalogs loaded (none for a language
    without one: the window stays English). Replaces a language installed before."""
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if code not in language_codes(folder):
        code = SOURCE_LANGUAGE
    _current[:] = [code]
    QLocale.setDefault(QLocale(code))
    loaded: list[Path] = []
    candidates = [folder / f"{CATALOG_PREFIX}{code}.qm"]
    qt_name = f"qtbase_{code}.qm"
    candidates += [place / qt_name for place in qt_catalog_folders() if (place / qt_name).is_file()][:1]
    for path in candidates:
        translator = QTranslator()
        if path.is_file() and translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
            loaded.append(path)
    return loaded


def installed_language() -> str | None:
    """The language installed by `install_language`, None before it was called."""
    return _current[0] if _current else None


def ensure_language(code: str) -> None:
    """Install `code` unless a language has been installed already (start-up chose it)."""
    if not _current:
        install_language(code)


# ------------------------------------------------------------------------- dates and numbers shown


def long_date(day: dt.date) -> str:
    """A date in words in the window's language: "5 December 2026", "5. Dezember 2026". The pattern is
    itself translated (Qt's date format letters), and QLocale names the month."""
    pattern = QCoreApplication.translate("Date", "d MMMM yyyy")
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def date_time_text(iso: str) -> str:
    """A moment stored as ISO text ("2026-12-05T17:20:31") in words of the window's language:
    "5 December 2026, 17:20", "5. Dezember 2026 um 17:20 Uhr"; the text as it is when it is no moment."""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso.replace("T", " ")
    return QLocale().toString(moment, QCoreApplication.translate("Date", "d MMMM yyyy, HH:mm"))


def month_names() -> tuple[str, ...]:
    """The twelve months' names in the window's language ("März"), as QLocale has them."""
    locale = QLocale()
    return tuple(locale.standaloneMonthName(month, QLocale.FormatType.LongFormat) for month in range(1, 13))


def shown_number(value: float | int) -> str:
    """A number to read (not to edit) in the window's language: "1,234.5" shown as "1.234,5" in German.
    English keeps the digits as typed ("1234.5"), as it always has."""
    if QLocale().language() == QLocale.Language.English:
        from pia_wizard.ui.text import number_text

        return number_text(value)
    if isinstance(value, int) or (math.isfinite(value) and value == int(value) and abs(value) < 1e15):
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "f", QLocale.FloatingPointPrecisionOption.FloatingPointShortest)
