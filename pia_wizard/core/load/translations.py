"""Content translations applied to the loaded files, and what each language still lacks.

A translation file (core/models/translation.py) names the file it translates by kind and id. Loading
adds each current translation to its English text under the language's code, so everything that
localises text (window, reports, command line) finds it with no change; a missing, empty or stale one is
not added, and the English shows instead. What is missing or stale is counted per language, for
`validate`, `pia-wizard translations` and the window, which marks English shown in a translated window.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from pia_wizard.core.files.problems import Problem
from pia_wizard.core.models.base import localise
from pia_wizard.core.models.translation import (
    TRANSLATION_SCHEMA_VERSION,
    Entry,
    TermsFile,
    TranslationFile,
    localised_texts,
    source_hash,
    with_texts,
)

I18N_FOLDER = "i18n"


@dataclass(frozen=True)
class Gap:
    """One text a language lacks: where the English is, and what it says."""

    file: str  # the English file's kind and id, in words ("rulebook eu-law")
    address: str
    english: str
    stale: bool  # a translation exists, but of an earlier English text


@dataclass
class LanguageStatus:
    language: str
    total: int = 0
    translated: int = 0
    gaps: list[Gap] = field(default_factory=list)
    unused: list[Problem] = field(default_factory=list)  # entries for texts that no longer exist

    @property
    def missing(self) -> list[Gap]:
        return [g for g in self.gaps if not g.stale]

    @property
    def stale(self) -> list[Gap]:
        return [g for g in self.gaps if g.stale]

    @property
    def complete(self) -> bool:
        return not self.gaps


@dataclass
class LoadedTranslation:
    path: Path
    model: TranslationFile


def content_name(kind: str, content_id: str | None) -> str:
    return f"{kind} {content_id}" if content_id else kind


class Translator:
    """Applies the translation files met while loading, and keeps each language's status."""

    def __init__(self, files: Iterable[LoadedTranslation]) -> None:
        self.files: dict[tuple[str, str | None, str], list[LoadedTranslation]] = {}
        for loaded in files:
            translates = loaded.model.translates
            key = (translates.kind, translates.id, loaded.model.language)
            self.files.setdefault(key, []).append(loaded)
        self.languages = sorted({language for (_k, _i, language) in self.files})
        self.status = {language: LanguageStatus(language) for language in self.languages}
        self.problems: list[Problem] = []
        self._seen: set[tuple[str, str | None]] = set()
        for (kind, content_id, language), loaded in self.files.items():
            if len(loaded) > 1:
                names = ", ".join(str(x.path) for x in loaded)
                self.problems.append(
                    Problem(
                        str(loaded[1].path),
                        f"a second {language} translation of the {content_name(kind, content_id)} ({names})",
                    )
                )

    def apply(self, model: Any, kind: str, content_id: str | None, default_language: str = "en") -> Any:
        """The model with every current translation added; the status notes what is not."""
        self._seen.add((kind, content_id))
        if not self.languages:  # nothing to translate into (a folder of English files alone)
            return model
        texts = localised_texts(model)
        for language in self.languages:
            status = self.status[language]
            entries: dict[str, tuple[Entry, Path]] = {}
            for loaded in self.files.get((kind, content_id, language), []):
                entries.update({a: (e, loaded.path) for a, e in loaded.model.texts.items()})
            current: dict[str, str] = {}
            for address, text in texts.items():
                source = localise(text, default_language, default_language)
                status.total += 1
                found = entries.get(address)
                if found is not None and found[0].text and found[0].source == source_hash(source):
                    current[address] = found[0].text
                    status.translated += 1
                else:
                    stale = found is not None and bool(found[0].text)
                    status.gaps.append(Gap(content_name(kind, content_id), address, source, stale))
            for address in entries.keys() - texts.keys():
                path = entries[address][1]
                message = f"translates a text that no longer exists: {address}"
                status.unused.append(Problem(str(path), message, warning=True))
            model = with_texts(model, language, current)
        return model

    def unmatched(self) -> list[Problem]:
        """Translation files whose English file was not loaded (a wrong id, or a file not given)."""
        return [
            Problem(str(x.path), f"no {content_name(kind, content_id)} to translate", warning=True)
            for (kind, content_id, _language), loaded in self.files.items()
            if (kind, content_id) not in self._seen
            for x in loaded
        ]


# -- Writing the skeletons a translator fills in ------------------------------------------------------


def translation_path(folder: Path, english_file: Path, language: str) -> Path:
    """Where a language's translation of a content file lives: i18n/<lang>/ and the same path."""
    return folder / I18N_FOLDER / language / english_file.relative_to(folder)


def skeleton(
    model: BaseModel,
    kind: str,
    content_id: str | None,
    language: str,
    existing: Mapping[str, Entry],
    default_language: str = "en",
) -> str:
    """A translation file with every text of `model`: translations kept where their English is
    unchanged; a changed one moved to `previous` (the text to be done again); one whose text moved to
    another address carried there. Each entry is preceded by its English, as a comment."""
    texts = localised_texts(model)
    by_hash: dict[str, Entry] = {}
    for address, entry in existing.items():
        if address not in texts and entry.text:
            by_hash.setdefault(entry.source, entry)
    translates = {"kind": kind} | ({"id": content_id} if content_id else {})
    lines = [
        f"# The {language} translation of the {content_name(kind, content_id)}, kept in step with it by",
        f"# `pia-wizard translations --language {language} --update` (docs/translating.md).",
        "# Each entry translates the English in the comment above it; `source` is that English text's hash",
        "# (do not edit it). Write the translation in `text`: an empty text is still to be done, and",
        "# `previous` is the translation of an earlier English text, to be checked against the new one.",
        "kind: translation",
        f"schema_version: {TRANSLATION_SCHEMA_VERSION}",
        f"language: {language}",
        f"translates: {json.dumps(translates)}",
        "texts:" if texts else "texts: {}",
    ]
    for address, text in texts.items():
        source = localise(text, default_language, default_language)
        digest = source_hash(source)
        entry = existing.get(address)
        previous = ""
        if entry is None and digest in by_hash:
            entry = by_hash[digest]
        if entry is not None and entry.source != digest:
            previous, entry = entry.text or entry.previous, None
        elif entry is not None:
            previous = entry.previous if not entry.text else ""
        lines.extend(_comment(source))
        lines.append(f"  {json.dumps(address)}:")
        lines.append(f'    source: "{digest}"')
        lines.append(f"    text: {_scalar(entry.text if entry else '')}")
        if previous:
            lines.append(f"    previous: {_scalar(previous)}")
    return "\n".join(lines) + "\n"


def _comment(text: str) -> Iterator[str]:
    for index, line in enumerate(text.splitlines() or [""]):
        yield ("  # en: " if index == 0 else "  #     ") + line


def _scalar(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is one)."""
    return json.dumps(text, ensure_ascii=False)


# -- The terminology table ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TermProblem:
    where: str
    term: str
    message: str


def term_problems(pairs: Iterable[tuple[str, str, str]], terms: TermsFile) -> list[TermProblem]:
    """Each (where, English, translation) whose English uses a defined term while the translation lacks
    its official wording, or whose translation uses a wording the table rules out for that term."""
    compiled = [
        (
            term,
            [re.compile(p, re.IGNORECASE) for p in term.english],
            [re.compile(p, re.IGNORECASE) for p in term.forms],
            [re.compile(p, re.IGNORECASE) for p in term.not_],
        )
        for term in terms.terms
    ]
    found = []
    for where, source, translation in pairs:
        if not translation:
            continue
        for term, english_patterns, forms, refused in compiled:
            uses_term = any(p.search(source) for p in english_patterns)
            if uses_term and not any(f.search(translation) for f in forms):
                message = f"“{term.en}” is not translated as „{term.official}“"
                found.append(TermProblem(where, term.id, message))
            for pattern in refused:
                match = pattern.search(translation)
                if match:
                    message = f"„{match.group(0)}“ is another wording of „{term.official}“ ({term.where})"
                    found.append(TermProblem(where, term.id, message))
    return found


def content_pairs(models: Iterable[tuple[str, Any, str]], language: str) -> Iterator[tuple[str, str, str]]:
    """(where, English, translation) for every translated text of the given (name, model, default) triples."""
    for name, model, default in models:
        for address, text in localised_texts(model).items():
            if language in text:
                yield f"{name} {address}", localise(text, default, default), text[language]
