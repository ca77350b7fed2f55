"""Answers as a reader reads them: choice labels, yes or no, numbers with units, dates in words, in the
report's language (English keeps "10,000" and "5 December 2026"; German "10.000", "5. Dezember 2026")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel import UnknownLocaleError
from babel.numbers import format_decimal

from pia_wizard.core.models.base import localise
from pia_wizard.core.models.messages import SOURCE_LANGUAGE
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.core.rules.partial import describe, partial_date_words
from pia_wizard.report.wording import ANSWER_STATES, long_date, words


class Formatter:
    """Localised text and answer values for one questionnaire and language."""

    def __init__(self, compiled: CompiledQuestionnaire, language: str) -> None:
        self.compiled = compiled
        self.language = language
        self.default = compiled.questionnaire.default_language
        self.words = words(language)

    def tr(self, message: str) -> str:
        """One of the report's own sentences in the report's language."""
        return self.words.gettext(message)

    def date(self, day: dt.date) -> str:
        """A long date in the report's language."""
        return self.words.date(day)

    def number(self, value: float) -> str:
        """A number with the language's separators, never in scientific notation."""
        if self.language == SOURCE_LANGUAGE or isinstance(value, bool):
            return number(value)
        try:
            return format_decimal(value, format="#,##0.##########", locale=self.language.replace("-", "_"))
        except (UnknownLocaleError, ValueError):  # a language Babel does not know: as in English
            return number(value)

    def text(self, value: Any) -> str:
        """A localised text from the questionnaire or a rulebook; '' for None."""
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        return localise(value, self.language, self.default)

    def label(self, question_id: str) -> str:
        entry = self.compiled.entries.get(question_id)
        return self.text(entry.question.label) if entry else question_id

    def value(self, question_id: str, value: Any) -> str:
        """A stored value in words, by the question's type."""
        entry = self.compiled.entries.get(question_id)
        if value is None:
            return ""
        if entry is None:
            return self.plain(value)
        kind = entry.question.type
        labels = {c.value: self.text(c.label) for c in entry.choices}
        unit = self.text(getattr(entry.question, "unit", None))
        partial = describe(value, self.number, labels, unit)
        if partial is not None:
            return partial
        if kind in ("single_choice", "multiple_choice"):
            values = value if isinstance(value, tuple | list) else (value,)
            return "; ".join(labels.get(v, str(v)) for v in values) or self.tr("none")
        if kind == "yes_no" and isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if kind == "number" and isinstance(value, int | float) and not isinstance(value, bool):
            return f"{self.number(value)} {unit}".strip()
        if kind == "date":
            return date_text(value, self)
        return self.plain(value)

    def plain(self, value: Any) -> str:
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, int | float):
            return self.number(value)
        if isinstance(value, tuple | list):
            return "; ".join(self.plain(v) for v in value)
        return str(value)

    def state_or_value(self, question_id: str, state: str, value: Any) -> str:
        if state == "value":
            return self.value(question_id, value)
        return self.tr(ANSWER_STATES.get(state, state))


def number(value: float) -> str:
    """10,000 · 2.5 · 0.0001 — never scientific notation, never a trailing .0."""
    if isinstance(value, bool):
        return str(value)
    if float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.10f}".rstrip("0").rstrip(".")
    return text


def date_text(value: Any, fmt: Formatter | None = None) -> str:
    """A date in words (in `fmt`'s language; English without one)."""
    as_words = fmt.date if fmt is not None else long_date
    if isinstance(value, dt.date):
        return as_words(value)
    if isinstance(value, str):
        try:
            return as_words(dt.date.fromisoformat(value))
        except ValueError:
            # "March 2027", "März 2027": known to the month
            return partial_date_words(value, fmt.language if fmt is not None else "en") or value
    return plain(value)


def plain(value: Any) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float):
        return number(value)
    if isinstance(value, tuple | list):
        return "; ".join(plain(v) for v in value)
    return str(value)
