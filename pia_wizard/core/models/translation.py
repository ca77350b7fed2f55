"""Translations of the content files, and the address of every text they translate.

English is the source: the questionnaire, rulebooks, facts, glossary, sources and migrations are written
in it. A translation lives beside them, one file per translated file and language
(`questionnaires/i18n/<lang>/…`, `kind: translation`). Each entry is keyed by the address of an English
text ("questions/q101/label") and records a hash of the English it translates, so an English text that
changes leaves its translation *stale*: it is no longer shown (the English is, marked) until a
translator confirms it again. Addresses are built from ids, not positions, wherever the data has ids, so
reordering keeps its translations (and `pia-wizard translations` carries a translation whose English is
unchanged to a text's new address when it moves).
"""

from __future__ import annotations

import hashlib
import typing
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints

from pia_wizard.core.models.base import Frozen, Id, LanguageCode, LocalisedMarker
from pia_wizard.core.models.frozen import FrozenMap

TRANSLATION_SCHEMA_VERSION = 1
TERMS_SCHEMA_VERSION = 1
HASH_LENGTH = 12
# The attribute that names an element of a list in an address, in this order of preference.
_ELEMENT_KEYS = ("id", "value", "to_version")

SourceHash = Annotated[str, StringConstraints(pattern=rf"^[0-9a-f]{{{HASH_LENGTH}}}$")]
Address = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:()/%-]{1,300}$")]


class Translated(Frozen):
    """What a translation file translates: a file kind, and its id where the kind has several."""

    kind: Literal["questionnaire", "rulebook", "facts", "glossary", "sources", "migrations"]
    id: Id | None = Field(default=None, description="The questionnaire, rulebook or facts id.")


class Entry(Frozen):
    source: SourceHash = Field(description="The first 12 hex digits of the SHA-256 of the English text.")
    text: str = Field(
        default="", max_length=20_000, description="The translation; empty while it is still to be done."
    )
    previous: str = Field(
        default="",
        max_length=20_000,
        description="The translation of an earlier English text, kept for the translator when it changed.",
    )


class TranslationFile(Frozen):
    kind: Literal["translation"]
    schema_version: Annotated[int, Field(ge=1)]
    language: LanguageCode = Field(min_length=2)
    translates: Translated
    texts: FrozenMap[Address, Entry] = Field(default_factory=lambda: MappingProxyType({}))


class Term(Frozen):
    """A defined legal term and its official wording in one language."""

    id: Id
    en: str = Field(min_length=1, description="The English term as the instrument defines it.")
    official: str = Field(min_length=1, description="The official term, as the instrument words it.")
    where: str = Field(min_length=1, description='The instrument and article: "AI Act Art. 3(41)".')
    tag: Literal["V", "S", "U"] = Field(
        description="V: read in the official text; S: read in a secondary source quoting it; U: not checked."
    )
    address: str = Field(default="", description="Where the official wording was read.")
    english: tuple[str, ...] = Field(
        min_length=1, description="Regular expressions that find the term in English text (any case)."
    )
    forms: tuple[str, ...] = Field(
        min_length=1,
        description="Regular expressions that find the official term in any grammatical form.",
    )
    not_: tuple[str, ...] = Field(
        default=(),
        alias="not",
        description="Other translations of the term that must not be used for it.",
    )


class TermsFile(Frozen):
    kind: Literal["terms"]
    schema_version: Annotated[int, Field(ge=1)]
    language: LanguageCode = Field(min_length=2)
    terms: tuple[Term, ...] = Field(min_length=1)


def source_hash(text: str) -> str:
    """The hash a translation records of the English it translates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def _marked(annotation: Any) -> bool:
    """Whether an annotation is localised text (or an optional one)."""
    if typing.get_origin(annotation) is Annotated:
        return any(isinstance(m, LocalisedMarker) for m in annotation.__metadata__)
    return any(_marked(arg) for arg in typing.get_args(annotation) if arg is not type(None))


def _mapping_of_marked(annotation: Any) -> bool:
    """Whether an annotation is a mapping from keys to localised text (a rulebook's `notes`)."""
    if typing.get_origin(annotation) is Annotated:
        return _mapping_of_marked(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (Mapping, dict, typing.get_origin(Mapping[str, str])):
        args = typing.get_args(annotation)
        return len(args) == 2 and _marked(args[1])
    return any(_mapping_of_marked(a) for a in typing.get_args(annotation) if a is not type(None))


_FIELD_KINDS: dict[type[BaseModel], dict[str, str]] = {}


def _field_kinds(cls: type[BaseModel]) -> dict[str, str]:
    """Each field's role for translation: 'text', 'texts' (a mapping of them) or 'walk'."""
    known = _FIELD_KINDS.get(cls)
    if known is None:
        known = {}
        for name, info in cls.model_fields.items():
            annotated = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
            if _marked(annotated):
                known[name] = "text"
            elif _mapping_of_marked(annotated):
                known[name] = "texts"
            else:
                known[name] = "walk"
        _FIELD_KINDS[cls] = known
    return known


def _element_key(item: Any, index: int) -> str:
    """An element's name in an address: its id (or choice value, or version), else its position."""
    for attribute in _ELEMENT_KEYS:
        value = getattr(item, attribute, None)
        if isinstance(value, str) and value:
            return value.replace("%", "%25").replace("/", "%2F")  # a source id may hold "/"
    return str(index)


Rewrite = Callable[[str, Mapping[str, str]], Mapping[str, str] | None]


def _visit(model: BaseModel, path: tuple[str, ...], rewrite: Rewrite) -> BaseModel:
    """The model with `rewrite(address, text)` applied to each localised text (None keeps it)."""
    changes: dict[str, Any] = {}
    for name, role in _field_kinds(type(model)).items():
        value = getattr(model, name)
        info = type(model).model_fields[name]
        key = info.alias or name
        if value is None:
            continue
        if role == "text":
            new = rewrite("/".join((*path, key)), value)
            if new is not None:
                changes[name] = new
        elif role == "texts":
            updated = {k: rewrite("/".join((*path, key, str(k))), v) for k, v in value.items()}
            if any(v is not None for v in updated.values()):
                changes[name] = MappingProxyType({k: updated[k] or value[k] for k in value})
        elif isinstance(value, BaseModel):
            new_model = _visit(value, (*path, key), rewrite)
            if new_model is not value:
                changes[name] = new_model
        elif isinstance(value, tuple) and value and isinstance(value[0], BaseModel):
            items = []
            for index, item in enumerate(value):
                items.append(_visit(item, (*path, key, _element_key(item, index)), rewrite))
            if any(a is not b for a, b in zip(items, value, strict=True)):
                changes[name] = tuple(items)
    return model.model_copy(update=changes) if changes else model


def localised_texts(model: BaseModel) -> dict[str, Mapping[str, str]]:
    """Every localised text of a content model, by address, in the order of the file."""
    found: dict[str, Mapping[str, str]] = {}

    def collect(address: str, text: Mapping[str, str]) -> None:
        # A duplicate id is the loader's problem to report; its second text shares the first's entry.
        found.setdefault(address, text)

    _visit(model, (), collect)
    return found


def with_texts(model: Any, language: str, texts: Mapping[str, str]) -> Any:
    """The model with `texts` (address → translation) added under `language`."""
    if not texts:
        return model

    def add(address: str, text: Mapping[str, str]) -> Mapping[str, str] | None:
        translation = texts.get(address)
        return None if not translation else MappingProxyType({**text, language: translation})

    return _visit(model, (), add)
