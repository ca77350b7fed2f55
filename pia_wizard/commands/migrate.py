"""`pia-wizard migrate FILE`: write an assessment written for an older questionnaire version at today's.

Reading already carries old answers forward in memory (`core/questionnaire_versions.py`); this command
writes the result, atomically, keeping the file as it was in `FILE.bak`, and says what changed. Exit 0
when the file is at today's version afterwards (written, or already there), 2 on bad input.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pia_wizard.core.files.atomic_file import SaveError
from pia_wizard.core.files.problems import LoadError
from pia_wizard.core.load.assessment_io import load_assessment_file, save_assessment
from pia_wizard.core.load.library import Library, shipped_library

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def run_migrate(path: Path, library: Library | None = None) -> int:
    if path.suffix.lower() == ".pdf":
        print(
            f"{path}: a report is never rewritten. `pia-wizard validate` and `score` read it under today's "
            "questionnaire; to keep working on its answers, open it in the window and save them under a "
            "new name.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    try:
        loaded = load_assessment_file(path, library or shipped_library())
    except LoadError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    migration = loaded.migration
    if migration is None:
        version = loaded.assessment.questionnaire.version
        print(f"{path}: already written for questionnaire version {version}; not changed")
        return EXIT_OK
    try:
        save_assessment(path, loaded.assessment)
    except SaveError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    for line in migration.lines(loaded.questionnaire):
        print(f"{path}: {line}")
    print(f"{path}: written at version {migration.to_version}; the file as it was is in {path.name}.bak")
    return EXIT_OK
