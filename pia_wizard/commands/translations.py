"""`pia-wizard translations [--language CODE] [--update] [FOLDER]`: what each language still lacks.

Lists, per language, every text of the questionnaires, rulebooks, facts, glossary, sources and
migrations that has no translation (missing) or whose English changed since it was translated (stale),
and exits 1 while any is left. `--update` rewrites the language's files in FOLDER/i18n/<lang>/ so a
translator has one entry for every text, each under its English: translations whose English is unchanged
are kept, a changed one moves to `previous`, and a new language starts from empty texts. A new language is
this command and a text editor: no Python change. Where the language has a terminology table
(i18n/terms-<lang>.yaml), texts that word a defined legal term otherwise are listed too.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pia_wizard.core.files.atomic_file import write_atomic
from pia_wizard.core.files.documents import read_yaml
from pia_wizard.core.files.problems import LoadError
from pia_wizard.core.files.resources import questionnaires_dir
from pia_wizard.core.load.library import check_files, collect_files
from pia_wizard.core.load.loading import load_yaml_as, load_yaml_model
from pia_wizard.core.load.translations import (
    I18N_FOLDER,
    LanguageStatus,
    content_name,
    content_pairs,
    skeleton,
    term_problems,
    translation_path,
)
from pia_wizard.core.models.messages import language_name as named
from pia_wizard.core.models.translation import TranslationFile

EXIT_OK = 0
EXIT_INCOMPLETE = 1
EXIT_BAD_INPUT = 2
CONTENT_KINDS = ("questionnaire", "rulebook", "facts", "glossary", "sources", "migrations")


def language_name(code: str) -> str:
    """A language by its own name and code ("Deutsch (de)"), the code alone when Babel does not know it."""
    name = named(code, code)
    return f"{name} ({code})" if name != code else code


def status_lines(status: LanguageStatus, limit: int | None = None) -> list[str]:
    """What `validate` and this command print for one language."""
    head = (
        f"{language_name(status.language)}: {status.translated} of {status.total} texts translated; "
        f"{len(status.missing)} missing, {len(status.stale)} stale"
    )
    lines = [head]
    for label, gaps in (("missing", status.missing), ("stale", status.stale)):
        for gap in gaps[:limit] if limit is not None else gaps:
            english = gap.english.replace("\n", " ")
            english = english if len(english) <= 70 else english[:69] + "…"
            lines.append(f"  {label}: {gap.file} {gap.address}: {english}")
        if limit is not None and len(gaps) > limit:
            more = len(gaps) - limit
            lines.append(
                f"  … and {more} more {label} (`pia-wizard translations --language {status.language}`)"
            )
    return lines


def run_translations(folder: Path | None, language: str | None, update: bool) -> int:
    folder = folder or questionnaires_dir()
    if not folder.is_dir():
        print(f"{folder}: no such folder", file=sys.stderr)
        return EXIT_BAD_INPUT
    if update:
        if not language:
            print("--update needs --language CODE (the language whose files to write)", file=sys.stderr)
            return EXIT_BAD_INPUT
        try:
            written = update_language(folder, language)
        except LoadError as exc:
            print(exc, file=sys.stderr)
            return EXIT_BAD_INPUT
        for path in written:
            print(f"wrote {path}")
    library, report = check_files(list(collect_files([folder])))
    if report.problems:
        for problem in report.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    languages = [language] if language else sorted(library.translations)
    if not languages:
        print(f"no translations in {folder / I18N_FOLDER}")
        return EXIT_OK
    incomplete = False
    for code in languages:
        status = library.translations.get(code)
        if status is None:
            print(f"{language_name(code)}: no translation files (write them with --update)")
            incomplete = True
            continue
        print("\n".join(status_lines(status)))
        for problem in status.unused:
            print(problem)
        wording = library.terms.get(code)
        misworded = term_problems(content_pairs(library.content(), code), wording) if wording else []
        for found in misworded:
            print(f"  term: {found.where}: {found.message}")
        incomplete = incomplete or not status.complete or bool(misworded)
    return EXIT_INCOMPLETE if incomplete else EXIT_OK


def update_language(folder: Path, language: str) -> list[Path]:
    """Write every content file's translation skeleton for `language`; the paths written."""
    written = []
    for path in collect_files([folder]):
        if path.suffix not in (".yaml", ".yml") or I18N_FOLDER in path.relative_to(folder).parts[:1]:
            continue
        model = load_yaml_model(read_yaml(path))
        kind = str(getattr(model, "kind", ""))
        if kind not in CONTENT_KINDS:
            continue
        content_id = (
            getattr(model, "questionnaire", None) if kind == "migrations" else getattr(model, "id", None)
        )
        target = translation_path(folder, path, language)
        existing = load_yaml_as(read_yaml(target), TranslationFile).texts if target.exists() else {}
        default = str(getattr(model, "default_language", "en"))
        text = skeleton(model, kind, content_id, language, existing, default)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, text.encode("utf-8"), keep_backup=False)
            written.append(target)
    return written


__all__ = ["content_name", "run_translations", "status_lines", "update_language"]
