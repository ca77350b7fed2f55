"""Answers known only partly, as the engine reads them: a range, "no limit", one of a few choices,
a date known to the month or year.

The file keeps what the person confirmed (`models/assessment.py`); this module turns it into the
engine's `Span` and `Possible` (`logic.py`) and back into words. Nothing here widens a range: an
open end is closed only by the question's own minimum or maximum, else it stays infinite.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from pia_wizard.core.models.assessment import Answer, NoLimit, NumberRange, Possibilities
from pia_wizard.core.models.messages import messages
from pia_wizard.core.rules.logic import Known, Possible, Span

PARTIAL_DATE = re.compile(r"(?P<year>\d{4})(-(?P<month>\d{2}))?")
CASE_LIMIT = 64
"""At most this many combinations of possibilities are judged one by one; beyond, test by test."""


def number_state(value: Any, minimum: float | None, maximum: float | None) -> Known:
    """An exact number, or the span a range allows (closed by the question's bounds)."""
    if isinstance(value, NoLimit):
        return Known(math.inf)
    if isinstance(value, NumberRange):
        low = value.low if value.low is not None else (minimum if minimum is not None else -math.inf)
        high = value.high if value.high is not None else (maximum if maximum is not None else math.inf)
        return Known(float(low)) if low == high else Known(Span(float(low), float(high)))
    return Known(float(value))


def date_span(text: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of "2027" or "2027-03"; None if it is neither."""
    match = PARTIAL_DATE.fullmatch(text)
    if match is None:
        return None
    year = int(match["year"])
    if match["month"] is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(match["month"])
    if not 1 <= month <= 12:
        return None
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def partial_date_words(text: str, language: str = "en") -> str | None:
    """ "2027" or "March 2027" ("März 2027") for a date known to the year or the month; None for
    anything else."""
    match = PARTIAL_DATE.fullmatch(text)
    if match is None or date_span(text) is None:
        return None
    if match["month"] is None:
        return match["year"]
    first = dt.date(int(match["year"]), int(match["month"]), 1)
    return messages(language, "engine").month(first)


def date_state(text: str) -> Known:
    span = date_span(text)
    if span is None:
        return Known(dt.date.fromisoformat(text))
    return Known(Span(*span))


def choice_state(value: Possibilities, multiple: bool) -> Known:
    """For a multiple choice, each possibility is that one choice alone ("1:1 or 1:N, not both")."""
    if multiple:
        return Known(Possible(tuple((v,) for v in value.one_of)))
    return Known(Possible(tuple(value.one_of)))


def answer_cases(
    answers: Mapping[str, Answer], multiple: Callable[[str], bool]
) -> list[dict[str, Answer]] | None:
    """The answers once for each combination of the top-level "one of these" answers.

    None when there are none, or more than CASE_LIMIT combinations (then each test is judged over
    its own possibilities, which is sound but may leave more unknown)."""
    open_ = {q: a for q, a in answers.items() if isinstance(a.value, Possibilities)}
    if not open_:
        return None
    count = math.prod(len(a.value.one_of) for a in open_.values())  # type: ignore[union-attr]
    if count > CASE_LIMIT:
        return None
    names = list(open_)
    cases = []
    for values in itertools.product(*(open_[q].value.one_of for q in names)):  # type: ignore[union-attr]
        case = dict(answers)
        for question_id, value in zip(names, values, strict=True):
            one = (value,) if multiple(question_id) else value
            case[question_id] = open_[question_id].model_copy(update={"value": one})
        cases.append(case)
    return cases


def plain_bounds(value: NumberRange, fmt: Any = None) -> str:
    """ "between 1,000 and 9,999", "at least 1,000", "at most 50" — the bounds as the file has them."""
    show = fmt or _number
    if value.low is not None and value.high is not None:
        words = f"between {show(value.low)} and {show(value.high)}"
    elif value.low is not None:
        words = f"at least {show(value.low)}"
    else:
        words = f"at most {show(value.high)}"
    return f"{words} (“{value.as_stated}”)" if value.as_stated else words


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.10f}".rstrip("0").rstrip(".")


def as_written(value: Any) -> Any:
    """A partial answer as the file writes it ({"low": 1000, "high": 9999}, "2027-03"), for results."""
    if isinstance(value, NumberRange | NoLimit | Possibilities):
        return value.model_dump(mode="json", exclude_defaults=True)
    return value


def describe(
    value: Any, number: Callable[[float], str], labels: Mapping[str, str] | None = None, unit: str = ""
) -> str | None:
    """A partial answer in words ("between 1,000 and 9,999 people (“thousands a day”)", "no limit",
    "one of: A, B — not known which"); None when `value` is not a partial answer."""
    if isinstance(value, Mapping):
        try:
            value = Answer.model_validate({"value": dict(value)}).value
        except ValueError:
            return None
    if isinstance(value, NoLimit):
        return "no limit"
    if isinstance(value, NumberRange):
        words = plain_bounds(value.model_copy(update={"as_stated": ""}), number)
        words = f"{words} {unit}".strip()
        return f"{words} (“{value.as_stated}”)" if value.as_stated else words
    if isinstance(value, Possibilities):
        names = ", ".join((labels or {}).get(v, v) for v in value.one_of)
        return f"one of: {names} — not known which"
    return None
