"""Print a questionnaire version's question and choice ids as JSON (`python tools/questionnaire_ids.py`).

Run once when a questionnaire version is released and commit the output under
tests/fixtures/v<N>/questionnaire-ids.json: tests/test_questionnaire_migrations.py compares the next
version's migrations with it, so a question added, renamed or dropped without a migration step is
caught, however many branches changed the questionnaire in between.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.rules.compiled import CompiledQuestionnaire


def questionnaire_ids(compiled: CompiledQuestionnaire) -> dict[str, Any]:
    """The version, and per question (group items included) its type and choice values."""
    return {
        "questionnaire": compiled.id,
        "version": compiled.questionnaire.version,
        "questions": {
            question_id: {
                "type": entry.question.type,
                **({"group": entry.group.id} if entry.group is not None else {}),
                **({"choices": [c.value for c in entry.choices]} if entry.choices else {}),
            }
            for question_id, entry in compiled.entries.items()
        },
    }


if __name__ == "__main__":
    questionnaire_id = sys.argv[1] if len(sys.argv) > 1 else "biometric-deployment"
    record = questionnaire_ids(shipped_library().questionnaires[questionnaire_id])
    rows = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in record["questions"].items())
    head = json.dumps({k: record[k] for k in ("questionnaire", "version")})[:-1] + ","
    sys.stdout.write(f'{head}\n "questions": {{\n{rows}\n }}}}\n')  # one line per question: small diffs
