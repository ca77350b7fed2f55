"""Shared pydantic building blocks: frozen models, ids, localised and free text, tagged unions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, StringConstraints, Tag

from pia_wizard.core.models.frozen import FrozenMap


class Frozen(BaseModel):
    """Base of every model: unknown keys rejected, nothing mutable in place, no NaN."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        strict=False,
        allow_inf_nan=False,
        validate_default=False,
        use_enum_values=True,
        # Build each model's validator on first use: start-up pays only for the models it needs.
        defer_build=True,
    )


M = TypeVar("M", bound=BaseModel)
_TRUSTED: dict[type[BaseModel], tuple[dict[str, Any], frozenset[str], frozenset[str]]] = {}


def trusted(cls: type[M], /, **values: Any) -> M:
    """An instance built from values the engine made itself, without validation.

    pydantic's `model_construct` does the same but walks every field's aliases and defaults again on
    each call; the engine builds ~170 result objects per evaluation, and that walk was a fifth of the
    evaluation time. Defaults are read once per class here. A missing required field or an unknown
    one is a bug in the caller, so it raises TypeError rather than leaving a half-built model.
    """
    known = _TRUSTED.get(cls)
    if known is None:
        fields = cls.__pydantic_fields__
        defaults = {
            n: f.get_default(call_default_factory=True) for n, f in fields.items() if not f.is_required()
        }
        required = frozenset(n for n, f in fields.items() if f.is_required())
        known = _TRUSTED[cls] = (defaults, required, frozenset(fields))
    defaults, required, names = known
    if not required <= values.keys() or not values.keys() <= names:
        missing, unknown = sorted(required - values.keys()), sorted(values.keys() - names)
        raise TypeError(f"{cls.__name__}: missing {missing}, unknown {unknown}")
    instance = cls.__new__(cls)
    object.__setattr__(instance, "__dict__", {**defaults, **values})
    object.__setattr__(instance, "__pydantic_fields_set__", set(values))
    object.__setattr__(instance, "__pydantic_extra__", None)
    object.__setattr__(instance, "__pydantic_private__", None)
    return instance


# What each pattern in the models means, in words: a person who typed a local path where a web
# address belongs is told that, not shown a regular expression (validation.py reads this table).
PATTERN_MEANINGS: dict[str, str] = {}


def described_pattern(regex: str, meaning: str, **constraints: Any) -> StringConstraints:
    """A string pattern whose mismatch is explained as `meaning` ("a web address starting …")."""
    PATTERN_MEANINGS[regex] = meaning
    return StringConstraints(pattern=regex, **constraints)


# Ids carry no meaning and never change once published (XLSForm's lesson): lower case, digits, _ -.
Id = Annotated[
    str,
    described_pattern(
        r"^[a-z][a-z0-9_-]{0,63}$",
        "an id: a lower-case letter, then up to 63 lower-case letters, digits, '_' or '-'",
    ),
]
# Source ids follow the domain brief's style (AIA-5-1-h, GDPR-9-2-g, BRIDGES-BR-R1).
SourceId = Annotated[
    str,
    described_pattern(
        r"^[A-Za-z0-9][A-Za-z0-9._:/()-]{0,79}$",
        "a source id such as GDPR-9-2-g (letters, digits and . _ : / ( ) -, at most 80)",
    ),
]
LanguageCode = Annotated[
    str,
    described_pattern(r"^([a-z]{2,3}(-[A-Z]{2})?)?$", "a language code such as en, fr or pt-BR"),
]


class FreeTextMarker:
    """Marks a field a user types freely; the report layer escapes these, and tests walk them."""

    def __repr__(self) -> str:
        return "FreeText"


FREE_TEXT_MAX = 200_000
# Every field a user types freely has this one annotated type.
FreeText = Annotated[str, FreeTextMarker(), StringConstraints(max_length=FREE_TEXT_MAX)]


class LocalisedMarker:
    """Marks localised text, so translation finds every such field (core/models/translation.py)."""

    def __repr__(self) -> str:
        return "Localised"


def _plain_string_is_default_language(value: Any) -> Any:
    return {"": value} if isinstance(value, str) else value


# A string in several languages: {en: …, fr: …}. A plain string means "the file's default language"
# and is stored under the empty key; `localise` falls back to the default language.
LocalisedText = Annotated[
    FrozenMap[LanguageCode, Annotated[str, StringConstraints(min_length=1, max_length=20_000)]],
    BeforeValidator(_plain_string_is_default_language, json_schema_input_type=str | dict[str, str]),
    LocalisedMarker(),
]


def localise(text: Mapping[str, str], language: str, default_language: str) -> str:
    """The text in `language`, else in the default language, else any text there is."""
    for key in (language, default_language, ""):
        if key in text:
            return text[key]
    return next(iter(text.values()), "")


def tagged_union(choose: Callable[[Any], str | None], *members: tuple[str, Any], what: str) -> Any:
    """A union whose member is picked by `choose(raw)`; tags look like `<name>` so error locations
    never collide with real keys in the file (the position mapper skips them)."""
    options = tuple(Annotated[member, Tag(f"<{tag}>")] for tag, member in members)
    expected = ", ".join(tag for tag, _ in members)

    def pick(raw: Any) -> str | None:
        tag = choose(raw)
        return f"<{tag}>" if tag is not None else None

    return Annotated[
        _union(options),
        Discriminator(
            pick,
            custom_error_type=f"invalid_{what.replace(' ', '_')}",
            custom_error_message=f"not a valid {what}; expected one of: {expected}",
        ),
    ]


def _union(options: tuple[Any, ...]) -> Any:
    from typing import Union

    return Union[options]  # noqa: UP007


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: dt.date) -> str:
    """2 December 2027 — independent of the machine's locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
