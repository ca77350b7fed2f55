"""Read and write assessment files (`*.pia.json`).

Saving is atomic and keeps the previous version as `NAME.pia.json.bak` (see atomic_file.py); the bytes
are canonical (sorted keys, defaults left out) so the same assessment always gives the same file.
Loading migrates older schema versions in memory and never rewrites the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pia_wizard.core.answers.questionnaire_versions import QuestionnaireMigration
from pia_wizard.core.files.atomic_file import (
    MAX_ASSESSMENT_BYTES,
    SaveError,
    remove_stale_temps,
    write_atomic,
)
from pia_wizard.core.files.problems import Problem
from pia_wizard.core.load.library import Library, assessment_warnings, migrated_assessment, shipped_library
from pia_wizard.core.load.loading import read_assessment_document
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.rules.compiled import CompiledQuestionnaire


@dataclass(frozen=True)
class LoadedAssessment:
    assessment: Assessment
    questionnaire: CompiledQuestionnaire
    path: Path
    warnings: tuple[Problem, ...] = ()  # e.g. answers kept but not used: say them, the file still loads
    migration: QuestionnaireMigration | None = None  # written for an older questionnaire version


def assessment_bytes(assessment: Assessment) -> bytes:
    """The canonical file content of an assessment."""
    data = assessment.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data["schema_version"] = assessment.schema_version  # always written, even though it is the default
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False)
    return (text + "\n").encode("utf-8")


def save_assessment(path: Path, assessment: Assessment) -> None:
    """Write atomically, keeping the previous version as .bak; SaveError says why it failed.

    Temp files that killed saves of this file left behind are removed first (`remove_stale_temps`)."""
    content = assessment_bytes(assessment)
    if len(content) > MAX_ASSESSMENT_BYTES:
        raise SaveError(
            path,
            f"Could not save '{path.name}': it would be {len(content) / 2**20:.1f} MB, more than the "
            f"{MAX_ASSESSMENT_BYTES // 2**20} MB an assessment may hold (large attached files?). "
            "Your previous version is unchanged.",
        )
    remove_stale_temps(path)  # first: on a full disk, what a killed save left may be the space needed
    write_atomic(path, content, keep_backup=True)


def load_assessment_file(
    path: Path, library: Library | None = None, language: str = "en"
) -> LoadedAssessment:
    """Load, migrate and check an assessment; LoadError names every problem's place. The warnings
    (answers kept but not used) are worded in `language`; the errors are for the file's author."""
    document = read_assessment_document(path)
    assessment, compiled, migration = migrated_assessment(document, library or shipped_library())
    warnings = tuple(assessment_warnings(document, assessment, compiled, language))
    return LoadedAssessment(assessment, compiled, path, warnings, migration)
