"""Assessment files are migrated forward, one schema version at a time, when they are loaded.

Loading never rewrites the file: the migrated data lives in memory until the user saves. A file from a
newer pia-wizard is refused with a clear message instead of being half-understood.

Schema history (also in docs/file-formats.md):
- 0: pre-release drafts. `meta` instead of `metadata`, `questionnaire_id` / `questionnaire_version`
  at the top, and answers as bare values, `null` meaning "unknown"; notes in a separate `notes` map.
- 1: the current format (see `models/assessment.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pia_wizard.core.models.assessment import ASSESSMENT_SCHEMA_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _from_0(data: dict[str, Any]) -> dict[str, Any]:
    notes = data.get("notes") or {}
    answers: dict[str, Any] = {}
    for question_id, value in (data.get("answers") or {}).items():
        answer: dict[str, Any] = {"unknown": True} if value is None else {"value": value}
        if isinstance(notes, dict) and question_id in notes:
            answer["note"] = {"text": notes[question_id]}
        answers[question_id] = answer
    migrated: dict[str, Any] = {
        "schema_version": 1,
        "questionnaire": {"id": data.get("questionnaire_id"), "version": data.get("questionnaire_version")},
        "metadata": data.get("meta") or {},
        "answers": answers,
    }
    known = {"schema_version", "questionnaire_id", "questionnaire_version", "meta", "answers", "notes"}
    migrated.update({k: v for k, v in data.items() if k not in known})  # unknown keys fail validation later
    return migrated


# MIGRATIONS[n] turns a version-n document into a version-(n+1) document.
MIGRATIONS: dict[int, Migration] = {0: _from_0}


class MigrationError(ValueError):
    pass


def migrate(data: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """Bring a parsed assessment to the current schema; return it and the version it started at."""
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise MigrationError("'schema_version' must be a whole number")
    if version > ASSESSMENT_SCHEMA_VERSION:
        raise MigrationError(
            f"this file was written by a newer pia-wizard (schema version {version}; this version reads "
            f"up to {ASSESSMENT_SCHEMA_VERSION}). Update pia-wizard to open it; the file was not changed."
        )
    if version < 0:
        raise MigrationError(f"schema_version {version} is not valid")
    start = version
    while version < ASSESSMENT_SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data, start
