"""Load each kind of file the project reads, with every problem named by file and place.

YAML files say what they are (`kind:`) and which schema version they follow; assessment files are
`*.pia.json`. A file from a newer pia-wizard is refused with a clear message, and loading never
writes to the file it reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from pia_wizard.core.files.atomic_file import MAX_ASSESSMENT_BYTES
from pia_wizard.core.files.documents import Document, parse_json, read_json, read_yaml
from pia_wizard.core.files.migrations import MigrationError, migrate
from pia_wizard.core.files.problems import LoadError
from pia_wizard.core.files.validation import validate_document
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.models.migrations import MIGRATIONS_SCHEMA_VERSION, QuestionnaireMigrations
from pia_wizard.core.models.questionnaire import QUESTIONNAIRE_SCHEMA_VERSION, Questionnaire
from pia_wizard.core.models.rulebook import RULEBOOK_SCHEMA_VERSION, FactsFile, Rulebook
from pia_wizard.core.models.sources import (
    GLOSSARY_SCHEMA_VERSION,
    SOURCES_SCHEMA_VERSION,
    Glossary,
    SourcesFile,
)
from pia_wizard.core.models.translation import (
    TERMS_SCHEMA_VERSION,
    TRANSLATION_SCHEMA_VERSION,
    TermsFile,
    TranslationFile,
)
from pia_wizard.core.rules.compiled import CompiledQuestionnaire, compile_questionnaire

YAML_KINDS: dict[str, tuple[type[BaseModel], int]] = {
    "questionnaire": (Questionnaire, QUESTIONNAIRE_SCHEMA_VERSION),
    "rulebook": (Rulebook, RULEBOOK_SCHEMA_VERSION),
    "facts": (FactsFile, RULEBOOK_SCHEMA_VERSION),
    "sources": (SourcesFile, SOURCES_SCHEMA_VERSION),
    "glossary": (Glossary, GLOSSARY_SCHEMA_VERSION),
    "migrations": (QuestionnaireMigrations, MIGRATIONS_SCHEMA_VERSION),
    "translation": (TranslationFile, TRANSLATION_SCHEMA_VERSION),
    "terms": (TermsFile, TERMS_SCHEMA_VERSION),
}
M = TypeVar("M", bound=BaseModel)
ASSESSMENT_SUFFIX = ".pia.json"
SCHEMA_SUFFIX = ".schema.json"


def file_kind_by_name(path: Path) -> str | None:
    """'assessment', 'schema' or 'yaml' from the file name; None for a file the project never ships."""
    name = path.name.lower()
    if name.endswith(ASSESSMENT_SUFFIX):
        return "assessment"
    if name.endswith(SCHEMA_SUFFIX):
        return "schema"
    if name.endswith((".yaml", ".yml")):
        return "yaml"
    return None


def yaml_kind(document: Document) -> str:
    """The `kind:` a YAML file declares, checked."""
    data = document.data
    if not isinstance(data, dict):
        raise LoadError([document.problem((), "expected a mapping with `kind:` at the top of the file")])
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in YAML_KINDS:
        where = ("kind",) if "kind" in data else ()
        found = f" (found {kind!r})" if "kind" in data else ""
        raise LoadError([document.problem(where, f"`kind:` must be one of {', '.join(YAML_KINDS)}{found}")])
    return str(kind)


def _check_schema_version(document: Document, supported: int, what: str) -> None:
    version = document.data.get("schema_version") if isinstance(document.data, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and version > supported:
        raise LoadError(
            [
                document.problem(
                    ("schema_version",),
                    f"this {what} was written for a newer pia-wizard (schema version {version}; "
                    f"this version reads up to {supported}). Update pia-wizard to use it.",
                )
            ]
        )


def load_yaml_model(document: Document) -> BaseModel:
    """Validate a YAML document as the kind it declares."""
    kind = yaml_kind(document)
    model, supported = YAML_KINDS[kind]
    _check_schema_version(document, supported, kind)
    return validate_document(document, model)


def load_yaml_as(document: Document, model: type[M]) -> M:
    """Validate a YAML document that must be of one particular kind."""
    kind = yaml_kind(document)
    expected = next(k for k, (m, _v) in YAML_KINDS.items() if m is model)
    if kind != expected:
        raise LoadError([document.problem(("kind",), f"expected a {expected} file, found a {kind} file")])
    _check_schema_version(document, YAML_KINDS[kind][1], kind)
    return validate_document(document, model)


def load_questionnaire(path: Path) -> CompiledQuestionnaire:
    document = read_yaml(path)
    return compile_questionnaire(load_yaml_as(document, Questionnaire), document)


def load_sources(path: Path) -> SourcesFile:
    return load_yaml_as(read_yaml(path), SourcesFile)


def load_glossary(path: Path) -> Glossary:
    return load_yaml_as(read_yaml(path), Glossary)


def load_rulebook_file(path: Path) -> Rulebook:
    """A rulebook checked on its own; its cross-checks against a questionnaire are in library.py."""
    return load_yaml_as(read_yaml(path), Rulebook)


# ------------------------------------------------------------------------------------ assessments


def read_assessment_document(path: Path, *, display_name: str | None = None) -> Document:
    """Read an assessment file (refusing an oversize one before parsing) and migrate it forward."""
    return _migrated(read_json(path, limit=MAX_ASSESSMENT_BYTES, display_name=display_name))


def parse_assessment_document(text: str, name: str) -> Document:
    """Same as read_assessment_document, for text that is already in memory (e.g. from a PDF)."""
    if len(text.encode("utf-8")) > MAX_ASSESSMENT_BYTES:
        raise LoadError.single(name, f"larger than the {MAX_ASSESSMENT_BYTES // 2**20} MB limit")
    return _migrated(parse_json(text, name))


def _migrated(document: Document) -> Document:
    data = document.data
    if not isinstance(data, dict):
        raise LoadError([document.problem((), "expected a JSON object (an assessment file)")])
    if "schema_version" not in data:
        raise LoadError([document.problem((), "missing 'schema_version': is this a pia-wizard assessment?")])
    try:
        migrated, _start = migrate(data)
    except MigrationError as exc:
        raise LoadError([document.problem(("schema_version",), str(exc))]) from exc
    return Document(document.file, migrated, document.kind)


def validate_assessment(document: Document) -> Assessment:
    return validate_document(document, Assessment)
