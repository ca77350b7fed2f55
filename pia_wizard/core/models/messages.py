"""The program's own sentences in the reader's language: gettext catalogs read with Babel.

Questions, rules and the glossary are content with their own translation files (questionnaires/i18n/);
what the engine, the command line and the reports word themselves lives in gettext catalogs, one per
domain: `engine` (core and command line) and `reports` (report/ and report_templates/). Each language
is `pia_wizard/locale/<lang>/LC_MESSAGES/<domain>.po`, read as it is committed (no compiled .mo to keep in
step): Babel parses it once per process and fuzzy entries are left out, so an English text that changed
falls back to English until a translator confirms the German. English is the source and needs no file.

Dates and numbers follow the same language (Babel's CLDR data), except English, which keeps the
project's own "5 December 2026" whatever the machine's locale.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent, get_decimal_symbol, get_group_symbol

from pia_wizard.core.models.base import long_date

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
DOMAINS = ("engine", "reports")
SOURCE_LANGUAGE = "en"


def catalog_path(language: str, domain: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def catalog_languages() -> tuple[str, ...]:
    """Languages with at least one catalog, English first (it needs none)."""
    if not LOCALE_DIR.is_dir():
        return (SOURCE_LANGUAGE,)
    found = sorted(p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES").is_dir())
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


@functools.cache
def _translations(language: str, domain: str) -> gettext.NullTranslations:
    path = catalog_path(language, domain)
    if language == SOURCE_LANGUAGE or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=domain)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


class Messages:
    """One language's sentences of one domain, and its dates and numbers."""

    def __init__(self, language: str, domain: str) -> None:
        self.language = language or SOURCE_LANGUAGE
        self.domain = domain
        self._catalog = _translations(self.language, domain)

    @property
    def translations(self) -> gettext.NullTranslations:
        """The gettext object itself, for callers that fill placeholders their own way (Jinja2's i18n)."""
        return self._catalog

    def gettext(self, message: str) -> str:
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int, **values: object) -> str:
        """The form for `count` by the language's own plural rule; `%(num)d` is filled in, and any
        other named placeholder from `values` (a sentence may have more than the one number)."""
        return self._catalog.ngettext(singular, plural, count) % {"num": count, **values}

    def pgettext(self, context: str, message: str) -> str:
        return self._catalog.pgettext(context, message)

    def date(self, day: dt.date) -> str:
        """A long date: "5 December 2026", "5. Dezember 2026"."""
        if self.language == SOURCE_LANGUAGE:
            return long_date(day)
        return format_date(day, format="long", locale=self._locale)

    def month(self, day: dt.date) -> str:
        """A month and year: "March 2027", "März 2027"."""
        if self.language == SOURCE_LANGUAGE:
            return long_date(day).split(" ", 1)[1]
        return format_date(day, format="LLLL y", locale=self._locale)

    def number(self, value: float, digits: int = 0) -> str:
        """A number with the language's separators: 1,234.5 or 1.234,5."""
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(value, format=pattern, locale=self._locale)

    def percent(self, fraction: float, digits: int = 0) -> str:
        """A share as a percentage in the language's own pattern: "12 %" in German, "12%" in English."""
        pattern = self._locale.percent_formats[None].pattern
        if digits:
            # "#,##0%" or "#,##0\u00a0%": the decimals go after the last integer digit.
            last = pattern.rindex("0") + 1
            pattern = pattern[:last] + "." + "0" * digits + pattern[last:]
        return format_percent(fraction, format=pattern, locale=self._locale)

    def separators(self) -> tuple[str, str]:
        """The language's group and decimal marks: (",", ".") in English, (".", ",") in German."""
        return get_group_symbol(self._locale), get_decimal_symbol(self._locale)

    @functools.cached_property
    def _locale(self) -> Locale:
        try:
            return Locale.parse(self.language.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            return Locale.parse(SOURCE_LANGUAGE)


@functools.cache
def messages(language: str, domain: str) -> Messages:
    """The catalog of `domain` in `language` (English when there is none), read once per process."""
    if domain not in DOMAINS:
        raise ValueError(f"unknown message domain {domain!r} (known: {', '.join(DOMAINS)})")
    return Messages(language, domain)


def language_name(code: str, language: str) -> str:
    """Language `code` named in `language` ("fr" in "de": "Französisch"), capitalised as a menu item;
    the code itself when it names no language Babel knows (the window, the export dialog and
    `pia-wizard translations` all name languages this way)."""
    try:
        named = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return code
    try:
        name = named.get_language_name(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):  # a language Babel does not know to name in: English names
        name = named.get_language_name(SOURCE_LANGUAGE)
    return (name[:1].upper() + name[1:]) if name else code


def N_(message: str) -> str:
    """Marks a message for extraction where it is defined; it is translated where it is shown."""
    return message
