"""The source table and the glossary: every legal statement in the product cites a source id here."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field

from pia_wizard.core.models.base import Frozen, Id, LocalisedText, SourceId, described_pattern, localise

SOURCES_SCHEMA_VERSION = 1
GLOSSARY_SCHEMA_VERSION = 1

# The domain brief's verification tags: V checked against the legal text itself; S against a
# secondary source only; U not verified (a placeholder until a lawyer confirms it).
VerificationTag = Literal["V", "S", "U"]
HttpAddress = Annotated[
    str,
    described_pattern(
        r"^https?://[^\s<>\"]+$",
        "a web address starting with http:// or https:// (without spaces); a file on your own "
        "computer cannot be linked to: attach the file to the assessment instead",
        max_length=2000,
    ),
]


class Source(Frozen):
    id: SourceId
    short: LocalisedText | None = Field(
        default=None,
        description='A readable short name ("AI Act Art. 3(45)–(46)"): what a reader sees where the '
        "id would otherwise appear; the id stays for the source table. Translated like other content.",
    )
    title: str = Field(min_length=1, max_length=500)
    pinpoint: str = Field(default="", max_length=500, description="Article, paragraph or page.")
    address: HttpAddress | None = None
    tag: VerificationTag
    note: str = Field(default="", max_length=5000)

    def name(self, language: str = "en") -> str:
        """The readable short name in `language` (English when untranslated), else the id."""
        return localise(self.short, language, "en") if self.short else self.id


class SourcesFile(Frozen):
    kind: Literal["sources"]
    schema_version: Annotated[int, Field(ge=1)]
    sources: tuple[Source, ...] = Field(min_length=1)


class Term(Frozen):
    id: Id
    term: LocalisedText
    definition: LocalisedText
    refs: tuple[SourceId, ...] = ()


class Glossary(Frozen):
    kind: Literal["glossary"]
    schema_version: Annotated[int, Field(ge=1)]
    default_language: str = Field(default="en", min_length=2)
    terms: tuple[Term, ...] = Field(min_length=1)

    def terms_in(self, text: str, language: str) -> tuple[Term, ...]:
        """The terms a text uses, in glossary order: the reports' glossary and the window's links
        follow this one rule. A term is its name before any bracket ("DPIA" of "DPIA (data protection
        impact assessment)"), found as whole words; ignoring case, except for a name in capitals: the
        "LED" directive is not the "led" of "answers that led to it"."""
        found = []
        for term in self.terms:
            name = localise(term.term, language, self.default_language).split(" (")[0].strip()
            if not name:
                continue
            flags = 0 if name.isupper() else re.IGNORECASE
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags):
                found.append(term)
        return tuple(found)
