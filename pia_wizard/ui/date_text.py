"""A date as a person types it, known to the day, the month or only the year, and back.

Documents often give only "March 2024" or "since 2019". A file stores such a date as "2024-03" or
"2019" (`core/rules/partial.py`), which the engine reads as any day in that month or year; the window
must accept and show the same values, in words a person types. No Qt here: the rules are testable
on their own, and the date input uses them. Month names are English and, given by the date input,
those of the window's language ("März 2026"); the messages are marked for Qt's translation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from pia_wizard.core.models.base import MONTHS
from pia_wizard.core.rules.partial import date_span, partial_date_words
from pia_wizard.ui.marks import QT_TRANSLATE_NOOP

PRECISIONS = ("day", "month", "year")
_MONTH = r"(?P<month>[^\W\d_]{3,12})\.?"  # letters of any language: "März"
_YEAR = r"(?P<year>\d{4})"
_FORMS = (
    re.compile(rf"{_YEAR}"),
    re.compile(rf"{_YEAR}-(?P<number>\d{{1,2}})"),
    re.compile(rf"{_YEAR}-(?P<number>\d{{2}})-(?P<day>\d{{2}})"),
    re.compile(rf"(?P<day>\d{{1,2}})\.(?P<number>\d{{1,2}})\.{_YEAR}"),  # 23.11.2026, as in German
    re.compile(rf"{_MONTH},? {_YEAR}"),
    re.compile(rf"(?P<day>\d{{1,2}})\.? {_MONTH},? {_YEAR}"),  # 23 November 2026, 23. November 2026
    re.compile(rf"{_MONTH} (?P<day>\d{{1,2}}),? {_YEAR}"),
)
# The messages, with %1 for what was typed: the date input translates them (ui/text.translate).
HINT = QT_TRANSLATE_NOOP("Input", "2026-11-23, March 2026 or 2026")
NOT_A_DAY = QT_TRANSLATE_NOOP("Input", "“%1” is not a day of the calendar.")
TYPE_A_DATE = QT_TRANSLATE_NOOP(
    "Input",
    "Type a date as 2026-11-23, March 2026 or 2026 (a month or a year when that is all that is known).",
)


def _month(name: str, months: Sequence[str] = ()) -> int | None:
    """1–12 for "March", "mar" or "Sept" (or a name or start of one in `months`, "März", "Dez");
    None for anything else."""
    if name.lower() == "sept":
        return 9
    found = set()
    for names in (MONTHS, months):
        found |= {n for n, full in enumerate(names, 1) if full.lower().startswith(name.lower())}
    return found.pop() if len(found) == 1 else None


def parse_date(text: str, months: Sequence[str] = ()) -> str | None:
    """The value a file would hold: "2026-11-23", "2026-03" or "2026"; None for an empty text.
    Month names in English or in `months` (the window's language, January first).

    ValueError (NOT_A_DAY or TYPE_A_DATE) for anything else: "12/03/2024" is ambiguous."""
    cleaned = " ".join(text.replace(",", ", ").split()).strip(" ,").lower()
    if not cleaned:
        return None
    for form in _FORMS:
        match = form.fullmatch(cleaned)
        if match is None:
            continue
        found = match.groupdict()
        month = int(found["number"]) if found.get("number") else None
        if found.get("month"):
            month = _month(found["month"], months)
            if month is None:
                break
        value = match["year"] if month is None else f"{match['year']}-{month:02d}"
        if found.get("day"):
            try:
                return dt.date(int(match["year"]), month or 0, int(found["day"])).isoformat()
            except ValueError:
                raise ValueError(NOT_A_DAY) from None
        if date_span(value) is None:
            break
        return value
    raise ValueError(TYPE_A_DATE)


def date_words(value: str | None, months: Sequence[str] = ()) -> str:
    """How the input shows a stored date: the full date as typed in files, else "March 2026", "2026"
    (the month named from `months` when given: "März 2026")."""
    if not value:
        return ""
    if months and len(value) == 7 and date_span(value) is not None:
        return f"{months[int(value[5:7]) - 1]} {value[:4]}"
    return partial_date_words(value) or value


def precision_of(value: str | None) -> str:
    """How precisely a stored date is known: "day", "month" or "year"."""
    if value and date_span(value) is not None:
        return "year" if len(value) == 4 else "month"
    return "day"


def with_precision(day: dt.date, precision: str) -> str:
    """A day picked in a calendar, kept only as precisely as the person knows it."""
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def first_day(value: str | None) -> dt.date | None:
    """The day a calendar opens on for a stored date (the first day of a month or a year)."""
    if not value:
        return None
    span = date_span(value)
    if span is not None:
        return span[0]
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
