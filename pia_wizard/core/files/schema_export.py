"""JSON Schemas generated from the models, so authors get editor help (committed under
questionnaires/schema/; a test checks they match). `python -m pia_wizard.core.files.schema_export DIR`
rewrites them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.models.migrations import QuestionnaireMigrations
from pia_wizard.core.models.questionnaire import Questionnaire
from pia_wizard.core.models.rulebook import FactsFile, Rulebook
from pia_wizard.core.models.sources import Glossary, SourcesFile
from pia_wizard.core.models.translation import TermsFile, TranslationFile

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "questionnaire": Questionnaire,
    "rulebook": Rulebook,
    "facts": FactsFile,
    "sources": SourcesFile,
    "glossary": Glossary,
    "assessment": Assessment,
    "migrations": QuestionnaireMigrations,
    "translation": TranslationFile,
    "terms": TermsFile,
}


def schema_text(kind: str) -> str:
    schema = SCHEMA_MODELS[kind].model_json_schema(mode="validation")
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"pia-wizard/{kind}.schema.json",
        **schema,
    }
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_all(folder: Path) -> list[Path]:
    from pia_wizard.core.files.atomic_file import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in SCHEMA_MODELS:
        target = folder / f"{kind}.schema.json"
        write_atomic(target, schema_text(kind).encode("utf-8"), keep_backup=False)
        written.append(target)
    return written


if __name__ == "__main__":
    for written_path in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "questionnaires/schema")):
        print(written_path)
