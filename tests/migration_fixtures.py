"""The mini questionnaire at a version 3 that renamed, split and dropped questions and choices and
added one, with the migrations from version 1 (tests of questionnaire versions, core and window)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helpers import MINI

MIGRATIONS = """\
kind: migrations
schema_version: 1
questionnaire: mini
steps:
  - from: "1.0"
    to: "2"
    summary: Words and colours are asked differently.
    changes:
      - {change: rename_question, question: q_text, to: q_words}
      - {change: rename_choice, question: q_choice, choice: a, to: alpha}
      - change: split_question
        question: q_multi
        label: Several
        reason: the colour has no place in either new question.
        into:
          - {question: q_warm, choices: {red: red}}
          - {question: q_cool, choices: {blue: blue}}
  - from: "2"
    to: "3"
    summary: The date is no longer asked; a new question.
    changes:
      - {change: drop_question, question: q_date, label: When, reason: the rules never used it.}
      - {change: drop_choice, question: q_cool, choice: blue, label: Blue, reason: blue was split.}
    new_questions: [q_new]
"""


def v3_questionnaire() -> str:
    text = MINI.read_text(encoding="utf-8")
    text = text.replace('version: "1.0"', 'version: "3"').replace("q_text", "q_words")
    text = text.replace("{value: a, label: A}", "{value: alpha, label: A}")
    text = text.replace("{question: q_choice, equals: a}", "{question: q_choice, equals: alpha}")
    text = text.replace("      - {id: q_date, type: date, nature: fact, label: When}\n", "")
    multi = (
        "      - {id: q_multi, type: multiple_choice, nature: fact, label: Several, choice_list: colours}\n"
    )
    assert multi in text
    text = text.replace(
        multi,
        "      - {id: q_warm, type: multiple_choice, nature: fact, label: Warm, choice_list: colours}\n"
        "      - {id: q_cool, type: multiple_choice, nature: fact, label: Cool, "
        "choices: [{value: green, label: Green}]}\n"
        "      - {id: q_new, type: text, nature: fact, label: Something new}\n",
    )
    return text.replace("{question: q_multi, includes_any: [red]}", "{question: q_warm, includes_any: [red]}")


def mini_v3_files(folder: Path) -> tuple[Path, Path]:
    """The version-3 questionnaire and its migrations file, written into `folder`."""
    questionnaire = folder / "mini-v3.yaml"
    questionnaire.write_text(v3_questionnaire(), encoding="utf-8")
    migrations = folder / "mini-migrations.yaml"
    migrations.write_text(MIGRATIONS, encoding="utf-8")
    return questionnaire, migrations


V1_ANSWERS: dict[str, Any] = {
    "q_choice": {"value": "a"},
    "q_multi": {"value": ["red", "blue"], "note": {"text": "seen on site"}},
    "q_text": {
        "value": "hello",
        "evidence": [{"title": "Minutes", "address": "https://e.org", "confidence": 3}],
    },
    "q_date": {"value": "2024-01-01"},
    "q_yes": {"unknown": True},
}


def mini_v1_file(folder: Path, answers: dict[str, Any], version: str = "1.0") -> Path:
    path = folder / "old.pia.json"
    data = {"schema_version": 1, "questionnaire": {"id": "mini", "version": version}, "answers": answers}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
