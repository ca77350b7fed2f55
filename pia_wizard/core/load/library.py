"""The knowledge a check needs: sources, glossary, questionnaires and rulebooks, cross-checked.

`validate` builds a library from the shipped files and then lets the files it was given take their
place (by kind and id), so a folder of edited questionnaires is checked together with its own
sources, and a single assessment is checked against the shipped questionnaire.
"""

from __future__ import annotations

import functools
import gc
import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import BaseModel

from pia_wizard.core.answers.answer_check import check_assessment, null_value_issues, version_issue
from pia_wizard.core.answers.answer_warnings import hidden_answer_warnings
from pia_wizard.core.answers.questionnaire_versions import (
    QuestionnaireMigration,
    check_migrations,
    migrate_answers,
    question_label,
    steps_from,
)
from pia_wizard.core.answers.review import review_state, stale_approval_message
from pia_wizard.core.evaluation.figures import FIGURE_FACTS, figure_facts
from pia_wizard.core.files.documents import Document, Path_, read_yaml
from pia_wizard.core.files.library_cache import cache_dir, cache_key, cached
from pia_wizard.core.files.problems import LoadError, Problem
from pia_wizard.core.files.resources import questionnaires_dir
from pia_wizard.core.load.loading import (
    SCHEMA_SUFFIX,
    file_kind_by_name,
    load_yaml_model,
    read_assessment_document,
    validate_assessment,
    yaml_kind,
)
from pia_wizard.core.load.translations import LanguageStatus, LoadedTranslation, Translator
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.models.migrations import QuestionnaireMigrations
from pia_wizard.core.models.questionnaire import Questionnaire
from pia_wizard.core.models.rulebook import DerivedFact, FactsFile, Rulebook
from pia_wizard.core.models.sources import Glossary, SourcesFile
from pia_wizard.core.models.translation import TermsFile, TranslationFile
from pia_wizard.core.rules.compiled import CompiledQuestionnaire, compile_questionnaire
from pia_wizard.core.rules.rulebook_check import check_facts_file, check_rulebook


@dataclass
class Library:
    sources: SourcesFile | None = None
    glossary: Glossary | None = None
    questionnaires: dict[str, CompiledQuestionnaire] = field(default_factory=dict)
    rulebooks: dict[str, Rulebook] = field(default_factory=dict)
    facts: dict[str, FactsFile] = field(default_factory=dict)
    migrations: dict[str, QuestionnaireMigrations] = field(default_factory=dict)  # by questionnaire id
    # Content translations: what each language lacks (the texts themselves are in the models above),
    # and each language's table of official legal terms.
    translations: dict[str, LanguageStatus] = field(default_factory=dict)
    terms: dict[str, TermsFile] = field(default_factory=dict)

    def content(self) -> list[tuple[str, BaseModel, str]]:
        """Every content model with its name and default language: what translations translate."""
        found: list[tuple[str, BaseModel, str]] = []
        if self.sources is not None:
            found.append(("sources", self.sources, "en"))
        if self.glossary is not None:
            found.append(("glossary", self.glossary, self.glossary.default_language))
        for key, compiled in self.questionnaires.items():
            found.append(
                (f"questionnaire {key}", compiled.questionnaire, compiled.questionnaire.default_language)
            )
        found.extend((f"facts {k}", m, "en") for k, m in self.facts.items())
        found.extend((f"rulebook {k}", m, "en") for k, m in self.rulebooks.items())
        found.extend((f"migrations {k}", m, "en") for k, m in self.migrations.items())
        return found

    @property
    def source_ids(self) -> frozenset[str]:
        return frozenset(s.id for s in self.sources.sources) if self.sources else frozenset()


@dataclass
class _Loaded:
    path: Path
    document: Document
    model: BaseModel


@dataclass
class CheckReport:
    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # said, but the files still load


def collect_files(paths: list[Path]) -> Iterator[Path]:
    """Files under the given paths, folders walked recursively in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        else:
            yield path


def check_files(paths: list[Path], base: Library | None = None) -> tuple[Library, CheckReport]:
    """Load and cross-check every file; the library returned holds what loaded cleanly."""
    library = (
        Library()
        if base is None
        else Library(
            base.sources,
            base.glossary,
            dict(base.questionnaires),
            dict(base.rulebooks),
            dict(base.facts),
            dict(base.migrations),
            dict(base.translations),
            dict(base.terms),
        )
    )
    report = CheckReport()
    by_kind: dict[str, list[_Loaded]] = {
        "sources": [],
        "glossary": [],
        "questionnaire": [],
        "facts": [],
        "rulebook": [],
        "migrations": [],
        "translation": [],
        "terms": [],
    }
    assessments: list[Path] = []
    schemas: list[Path] = []
    for path in collect_files(paths):
        report.files.append(path)
        kind = file_kind_by_name(path)
        if kind is None:
            report.problems.append(Problem(str(path), _not_ours(path)))
        elif kind == "assessment":
            assessments.append(path)
        elif kind == "schema":
            schemas.append(path)
        else:
            try:
                document = read_yaml(path)
                by_kind[yaml_kind(document)].append(_Loaded(path, document, load_yaml_model(document)))
            except LoadError as exc:
                report.problems.extend(exc.problems)

    translations = by_kind["translation"]
    translator = Translator(
        LoadedTranslation(x.path, x.model) for x in translations if isinstance(x.model, TranslationFile)
    )
    report.problems.extend(translator.problems)
    for loaded in by_kind["terms"]:
        if isinstance(loaded.model, TermsFile):
            library.terms[loaded.model.language] = loaded.model
    for loaded in by_kind["sources"]:
        library.sources = translator.apply(loaded.model, "sources", None)
        report.problems.extend(_duplicate_ids(loaded, "sources", "id"))
    for loaded in by_kind["glossary"]:
        glossary = loaded.model
        if isinstance(glossary, Glossary):
            library.glossary = translator.apply(glossary, "glossary", None, glossary.default_language)
        report.problems.extend(_duplicate_ids(loaded, "terms", "id"))
    for loaded in by_kind["questionnaire"]:
        if not isinstance(loaded.model, Questionnaire):  # pragma: no cover - sorted by kind above
            continue
        try:
            model = loaded.model
            model = translator.apply(model, "questionnaire", model.id, model.default_language)
            compiled = compile_questionnaire(model, loaded.document)
            library.questionnaires[compiled.id] = compiled
        except LoadError as exc:
            report.problems.extend(exc.problems)
    for loaded in by_kind["migrations"]:
        migrations = loaded.model
        if not isinstance(migrations, QuestionnaireMigrations):  # pragma: no cover - sorted by kind above
            continue
        compiled = _questionnaire_of(library, loaded, migrations.questionnaire, report)
        if compiled is None:
            continue
        issues = check_migrations(migrations, compiled)
        report.problems.extend(loaded.document.problem(p, m) for p, m in issues)
        if not issues:
            library.migrations[compiled.id] = translator.apply(migrations, "migrations", compiled.id)
    for loaded in by_kind["facts"]:
        facts_file = loaded.model
        if not isinstance(facts_file, FactsFile):  # pragma: no cover - sorted by kind above
            continue
        compiled = _questionnaire_of(library, loaded, facts_file.questionnaire, report)
        if compiled is None:
            continue
        issues = check_facts_file(facts_file, compiled)
        report.problems.extend(loaded.document.problem(p, m) for p, m in issues)
        if not issues:
            library.facts[facts_file.id] = translator.apply(facts_file, "facts", facts_file.id)
    for loaded in by_kind["rulebook"]:
        rulebook = loaded.model
        if not isinstance(rulebook, Rulebook):  # pragma: no cover - sorted by kind above
            continue
        compiled = _questionnaire_of(library, loaded, rulebook.questionnaire, report)
        if compiled is None:
            continue
        shared: list[DerivedFact] = []
        unknown_files = False
        for index, facts_id in enumerate(rulebook.shared_facts):
            if facts_id == FIGURE_FACTS and FIGURE_FACTS not in library.facts:
                shared.extend(figure_facts(compiled))
                continue
            facts_file = library.facts.get(facts_id)
            if facts_file is None or facts_file.questionnaire != rulebook.questionnaire:
                report.problems.append(
                    loaded.document.problem(("shared_facts", index), f"unknown facts file '{facts_id}'")
                )
                unknown_files = True
            else:
                shared.extend(facts_file.facts)
        if unknown_files:
            continue
        issues = check_rulebook(rulebook, compiled, tuple(shared))
        report.problems.extend(loaded.document.problem(p, m) for p, m in issues)
        if not issues:
            rulebook = translator.apply(rulebook, "rulebook", rulebook.id)
            # The engine sees one list of facts: the shared ones first, then the rulebook's own.
            library.rulebooks[rulebook.id] = rulebook.model_copy(update={"facts": (*shared, *rulebook.facts)})
    if library.sources is not None:
        citing = ("questionnaire", "facts", "rulebook", "glossary")
        for loaded in [x for kind in citing for x in by_kind[kind]]:
            report.problems.extend(_unknown_refs(loaded, library.source_ids))
    # The status of the translation files checked here (a base library's files are not re-checked).
    library.translations = translator.status
    for status in translator.status.values():
        report.warnings.extend(status.unused)
    report.warnings.extend(translator.unmatched())
    for path in assessments:
        try:
            document = read_assessment_document(path)
            assessment, compiled, migration = migrated_assessment(document, library)
        except LoadError as exc:
            report.problems.extend(exc.problems)
        else:
            if migration is not None:
                report.warnings.extend(migration_notices(document, migration, compiled))
            report.warnings.extend(assessment_warnings(document, assessment, compiled))
    for path in schemas:
        report.problems.extend(_check_schema_file(path))
    return library, report


def _questionnaire_of(
    library: Library, loaded: _Loaded, questionnaire_id: str, report: CheckReport
) -> CompiledQuestionnaire | None:
    """The questionnaire a facts file or rulebook reads; a located problem when there is none."""
    compiled = library.questionnaires.get(questionnaire_id)
    if compiled is None:
        message = f"unknown questionnaire '{questionnaire_id}'"
        report.problems.append(loaded.document.problem(("questionnaire",), message))
    return compiled


def load_assessment(path: Path, library: Library) -> tuple[Assessment, CompiledQuestionnaire]:
    """Load, migrate and check an assessment against the questionnaire it answers."""
    document = read_assessment_document(path)
    return assessment_from_document(document, library)


def assessment_from_document(
    document: Document, library: Library
) -> tuple[Assessment, CompiledQuestionnaire]:
    assessment, compiled, _migration = migrated_assessment(document, library)
    return assessment, compiled


def migrated_assessment(
    document: Document, library: Library
) -> tuple[Assessment, CompiledQuestionnaire, QuestionnaireMigration | None]:
    """The assessment checked, its answers carried forward to today's questionnaire version (the
    record says what that changed; None when the file already answers today's version)."""
    assessment = validate_assessment(document)
    compiled = library.questionnaires.get(assessment.questionnaire.id)
    if compiled is None:
        known = ", ".join(sorted(library.questionnaires)) or "none"
        raise LoadError(
            [
                document.problem(
                    ("questionnaire", "id"),
                    f"unknown questionnaire '{assessment.questionnaire.id}' (this pia-wizard has: {known})",
                )
            ]
        )
    issues = null_value_issues(document.data)
    migrations = library.migrations.get(compiled.id)
    version = version_issue(compiled, assessment.questionnaire.version, migrations)
    if version is not None:
        raise LoadError(
            [document.problem(p, m) for p, m in [*issues, (("questionnaire", "version"), version)]]
        )
    steps = steps_from(migrations, assessment.questionnaire.version, compiled.questionnaire.version) or []
    assessment, migration = migrate_answers(assessment, compiled, steps)
    issues.extend(check_assessment(compiled, assessment))
    if issues:
        raise LoadError([document.problem(p, m) for p, m in issues])
    return assessment, compiled, migration


def migration_notices(
    document: Document, migration: QuestionnaireMigration, compiled: CompiledQuestionnaire
) -> list[Problem]:
    """What `validate` says about a migration: warnings, not problems (the file loads and scores)."""
    where = ("questionnaire", "version")
    lines = [
        f"{migration.headline()} (`pia-wizard migrate` writes it at version {migration.to_version})",
        *(f"answer dropped: {d.text}" for d in migration.dropped),
    ]
    if migration.new_questions:
        lines.append(
            "new questions: " + ", ".join(question_label(compiled, q) for q in migration.new_questions)
        )
    return [replace(document.problem(where, line), warning=True) for line in lines]


def assessment_warnings(
    document: Document, assessment: Assessment, compiled: CompiledQuestionnaire, language: str = "en"
) -> list[Problem]:
    """What a loaded assessment holds that is not used (answers to hidden questions), and an approval
    that no longer covers its answers, as warnings (worded in `language`)."""
    found = list(hidden_answer_warnings(compiled, assessment, language))
    state = review_state(assessment)
    if state.approval is not None and not state.current and assessment.review is not None:
        where = ("review", "steps", len(assessment.review.steps) - 1)
        found.append((where, stale_approval_message(state, language)))
    return [replace(document.problem(path, message), warning=True) for path, message in found]


def _not_ours(path: Path) -> str:
    return (
        "not a pia-wizard file (expected a questionnaire, rulebook, sources or glossary .yaml, "
        "an assessment .pia.json or a generated .schema.json)"
    )


def _duplicate_ids(loaded: _Loaded, collection: str, key: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, item in enumerate(getattr(loaded.model, collection)):
        value = getattr(item, key)
        if value in seen:
            yield loaded.document.problem((collection, index, key), f"duplicate id '{value}'")
        seen.add(value)


def refs_of(model: BaseModel, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every source id cited in a model (fields named `refs`), with its path in the file."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        key = info.alias or name
        if name == "refs":
            for index, ref in enumerate(value):
                yield (*path, key, index), ref
        else:
            yield from _refs_in(value, (*path, key))


def _refs_in(value: object, path: Path_) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, BaseModel):
        yield from refs_of(value, path)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _refs_in(item, (*path, index))


def _unknown_refs(loaded: _Loaded, known: frozenset[str]) -> Iterator[Problem]:
    for path, ref in refs_of(loaded.model):
        if ref not in known:
            yield loaded.document.problem(path, f"unknown source id '{ref}' (not in sources.yaml)")


def _check_schema_file(path: Path) -> list[Problem]:
    from pia_wizard.core.files.schema_export import SCHEMA_MODELS, schema_text

    kind = path.name[: -len(SCHEMA_SUFFIX)]
    if kind not in SCHEMA_MODELS:
        return [Problem(str(path), f"no file kind '{kind}' (schemas: {', '.join(SCHEMA_MODELS)})")]
    try:
        committed = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [Problem(str(path), f"cannot read schema: {exc}")]
    if committed != json.loads(schema_text(kind)):
        return [
            Problem(str(path), f"out of date with the models: regenerate with `pia-wizard schema {kind}`")
        ]
    return []


@functools.cache
def shipped_library() -> Library:
    """The questionnaires, rulebooks, sources and glossary this installation ships (loaded once)."""
    folder = questionnaires_dir()
    files = sorted(folder.rglob("*.yaml"))

    def load() -> tuple[Library, bool]:
        library, report = check_files(files)
        if report.problems:
            raise LoadError(report.problems)
        return library, True

    library: Library = cached(cache_key(files, folder), load, cache_dir())
    # The shipped library lives as long as the process: keep the garbage collector from rescanning its
    # tens of thousands of objects in the middle of an evaluation (the p99 outliers were such passes).
    gc.freeze()
    return library
