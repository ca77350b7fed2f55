"""Check an assessment's answers against the questionnaire they answer.

pydantic checks the shape of the file; only the questionnaire knows that `q_operator` is a single
choice whose values are `police`, `council`, …, that a number has bounds, or which questions a
repeatable group holds.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Any

from pia_wizard.core.answers.questionnaire_versions import known_versions, steps_from, version_key
from pia_wizard.core.files.documents import Path_
from pia_wizard.core.files.validation import shown
from pia_wizard.core.models.assessment import (
    Answer,
    Assessment,
    NoLimit,
    NumberRange,
    Possibilities,
)
from pia_wizard.core.models.base import localise
from pia_wizard.core.models.migrations import QuestionnaireMigrations
from pia_wizard.core.models.questionnaire import (
    AnyQuestion,
    Choice,
    GroupQuestion,
    NumberQuestion,
    TextQuestion,
)
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.core.rules.partial import date_span

Issue = tuple[Path_, str]


def check_assessment(compiled: CompiledQuestionnaire, assessment: Assessment) -> list[Issue]:
    """Every mismatch between the answers and the questionnaire, as (path in the file, message).

    Each further use's answers are checked like the first's (a refused value is refused there too),
    and each message about them names the use."""
    issues = list(_answers_issues(compiled, assessment, assessment.answers, ("answers",)))
    seen: dict[str, int] = {}
    first = assessment.first_use_name.strip()
    if first:
        seen[" ".join(first.split()).casefold()] = -1
    for index, use in enumerate(assessment.uses):
        path: Path_ = ("uses", index)
        key = " ".join(use.name.split()).casefold()
        if not key:
            issues.append(((*path, "name"), "a use needs a name, such as “searches of CCTV footage”"))
        elif key in seen:
            issues.append(((*path, "name"), f"there is already a use called “{use.name.strip()}”"))
        seen[key] = index
        where = f"for the use “{use.name.strip()}”"
        for issue_path, message in _answers_issues(compiled, assessment, use.answers, (*path, "answers")):
            issues.append((issue_path, f"{message} ({where})"))
    return issues


def _answers_issues(
    compiled: CompiledQuestionnaire, assessment: Assessment, answers: Mapping[str, Answer], at: Path_
) -> Iterator[Issue]:
    per_use_only = at[0] == "uses"
    for question_id, answer in answers.items():
        path: Path_ = (*at, question_id)
        entry = compiled.entries.get(question_id)
        if entry is None:
            yield path, f"the questionnaire has no question '{question_id}'"
            continue
        if entry.group is not None:
            yield (
                path,
                f"{label_of(compiled, entry.question)} is asked for each item of "
                f"{label_of(compiled, entry.group)}, not on its own",
            )
            continue
        if per_use_only and question_id not in compiled.per_use:
            yield path, f"{label_of(compiled, entry.question)} is answered once for every use, not per use"
            continue
        yield from check_answer(compiled, entry.question, answer, path)
        yield from _evidence_issues(assessment, answer, path)
        yield from _evidence_choice_issues(compiled, entry.question, answer, path)
        if isinstance(entry.question, GroupQuestion) and isinstance(answer.value, tuple):
            for index, item in enumerate(answer.value):
                if isinstance(item, Mapping):
                    for item_answer_id, item_answer in item.items():
                        item_path = (*path, "value", index, item_answer_id)
                        yield from _evidence_issues(assessment, item_answer, item_path)


NONE_CHOICE = "none"
"""The choice that says "none of these" ("Nobody else", "None of these"): it excludes every other."""


def label_of(compiled: CompiledQuestionnaire, question: AnyQuestion) -> str:
    """A question as a person knows it: its label in quotes, never its id."""
    language = compiled.questionnaire.default_language
    return f"“{localise(question.label, language, language)}”"


def _choice_label(compiled: CompiledQuestionnaire, choice: Choice) -> str:
    language = compiled.questionnaire.default_language
    return localise(choice.label, language, language)


def value_issue(compiled: CompiledQuestionnaire, question: AnyQuestion, value: Any) -> str | None:
    """Why `value` cannot answer `question`, or None when it can. Used by loading and by edits.

    The message names the question by its label and the value as it is written in the file."""
    qtype = question.type
    label = label_of(compiled, question)
    partial = isinstance(value, NumberRange | NoLimit | Possibilities)
    fits = ("single_choice", "multiple_choice") if isinstance(value, Possibilities) else ("number",)
    if partial and qtype not in fits:
        return f"{label} cannot be answered with {_partial_kind(value)}"
    if qtype == "single_choice":
        return _single_choice_issue(compiled, question, value, label)
    if qtype == "multiple_choice":
        return _multiple_choice_issue(compiled, question, value, label)
    if qtype == "yes_no":
        if not isinstance(value, bool):
            return f"{label} is answered true or false (without quotes), not {shown(value)}"
    elif qtype == "number":
        return _number_issue(question, value, label)  # type: ignore[arg-type]

    elif qtype == "text":
        if not isinstance(value, str) or not isinstance(question, TextQuestion):
            return f"{label} is answered with text in quotes, not {shown(value)}"
        if len(value) > question.max_length:
            return f"the text is longer than the {question.max_length} characters {label} allows"
    elif qtype == "date":
        return _date_issue(value, label)
    elif qtype == "group":
        if not isinstance(value, tuple) or not isinstance(question, GroupQuestion):
            return f"{label} is answered with a list of items ([{{…}}, …]), not {shown(value)}"
        if len(value) > question.max_items:
            return f"{label} allows at most {question.max_items} items"
    return None


def _single_choice_issue(
    compiled: CompiledQuestionnaire, question: AnyQuestion, value: Any, label: str
) -> str | None:
    choices = [c.value for c in compiled.entries[question.id].choices]
    if isinstance(value, Possibilities):
        return _possibilities_issue(value, choices, label)
    if isinstance(value, tuple | list):
        hint = f"; write {shown(value[0])}" if len(value) == 1 else ""
        return f"{label} takes one choice, not a list ({shown(value)}){hint}"
    if not isinstance(value, str) or value not in choices:
        return f"{shown(value)} is not one of the choices of {label} ({', '.join(choices)})"
    return None


def _possibilities_issue(value: Possibilities, choices: list[str], label: str) -> str | None:
    wrong = [v for v in value.one_of if v not in choices]
    if wrong:
        listed = ", ".join(shown(v) for v in wrong)
        return f"{listed} in “one of” is not one of the choices of {label} ({', '.join(choices)})"
    twice = sorted({v for v in value.one_of if value.one_of.count(v) > 1})
    if twice:
        return f"{', '.join(shown(v) for v in twice)} is listed twice in “one of” for {label}"
    return None


def _multiple_choice_issue(
    compiled: CompiledQuestionnaire, question: AnyQuestion, value: Any, label: str
) -> str | None:
    entry = compiled.entries[question.id]
    choices = [c.value for c in entry.choices]
    if isinstance(value, Possibilities):
        return _possibilities_issue(value, choices, label)
    if not isinstance(value, tuple | list) or not all(isinstance(v, str) for v in value):
        return f"{label} takes a list of choices such as [{shown(choices[0])}], not {shown(value)}"
    wrong = [v for v in value if v not in choices]
    if wrong:
        listed = ", ".join(shown(v) for v in wrong)
        verb = "is not one of the choices" if len(wrong) == 1 else "are not choices"
        return f"{listed} {verb} of {label} ({', '.join(choices)})"
    twice = sorted({v for v in value if value.count(v) > 1})
    if twice:
        return f"{', '.join(shown(v) for v in twice)} is listed twice"
    none = next((c for c in entry.choices if c.value == NONE_CHOICE), None)
    if not value:
        if question.required or none is not None:
            instead = (
                f"choose {shown(NONE_CHOICE)} (“{_choice_label(compiled, none)}”) if none applies, "
                if none
                else ""
            )
            return (
                f'an empty list says nothing about {label}: {instead}write {{"unknown": true}} if it is '
                "not known, or leave the question out until it is answered"
            )
    elif none is not None and NONE_CHOICE in value and len(value) > 1:
        others = ", ".join(shown(v) for v in value if v != NONE_CHOICE)
        return (
            f"{shown(NONE_CHOICE)} (“{_choice_label(compiled, none)}”) cannot be chosen together with "
            f"other choices ({others}) of {label}"
        )
    return None


def _partial_kind(value: Any) -> str:
    if isinstance(value, Possibilities):
        return "“one of these” (only a choice question can)"
    if isinstance(value, NoLimit):
        return "“no limit”"
    return "a range (only a number can)"


def _date_issue(value: Any, label: str) -> str | None:
    form = (
        "in the form YYYY-MM-DD (for example 2026-03-31), or YYYY-MM or YYYY when only the month or "
        "year is known"
    )
    if not isinstance(value, str):
        return f"{label} is answered with a date {form}, not {shown(value)}"
    try:
        valid = _ISO_DATE.fullmatch(value) is not None and bool(dt.date.fromisoformat(value))
    except ValueError:
        valid = False
    valid = valid or date_span(value) is not None
    return None if valid else f"{shown(value)} is not a date {form}"


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _number_issue(question: NumberQuestion, value: Any, label: str) -> str | None:
    if isinstance(value, NoLimit):
        if question.no_limit is None:
            return f"{label} has no “no limit” answer: give a number, a range, or say it is unknown"
        return None
    if isinstance(value, NumberRange):
        bounds = [b for b in (value.low, value.high) if b is not None]
        return next((issue for b in bounds if (issue := _number_issue(question, b, label))), None)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{label} is answered with a number (without quotes), not {shown(value)}"
    if question.integer and float(value) != int(value):
        return f"{label} takes a whole number, not {value}"
    if question.minimum is not None and value < question.minimum:
        return f"{value} is below the smallest answer {label} allows ({question.minimum:g})"
    if question.maximum is not None and value > question.maximum:
        return f"{value} is above the largest answer {label} allows ({question.maximum:g})"
    return None


def check_answer(
    compiled: CompiledQuestionnaire, question: AnyQuestion, answer: Answer, path: Path_
) -> Iterator[Issue]:
    if answer.value is None:
        return
    issue = value_issue(compiled, question, answer.value)
    if issue is not None:
        yield (*path, "value"), issue
        return
    if isinstance(question, GroupQuestion):
        items = {item.id: item for item in question.items}
        for index, item in enumerate(answer.value):  # type: ignore[union-attr]
            if not isinstance(item, Mapping):
                yield (*path, "value", index), 'each item is an object of answers ({"q…": {"value": …}})'
                continue
            for item_question_id, item_answer in item.items():
                item_path = (*path, "value", index, item_question_id)
                if item_question_id not in items:
                    yield item_path, f"{label_of(compiled, question)} asks no question '{item_question_id}'"
                else:
                    yield from check_answer(compiled, items[item_question_id], item_answer, item_path)


def _evidence_issues(assessment: Assessment, answer: Answer, path: Path_) -> Iterator[Issue]:
    for index, evidence in enumerate(answer.evidence):
        if evidence.attachment is not None and evidence.attachment not in assessment.attachments:
            yield (
                (*path, "evidence", index, "attachment"),
                f"no attachment '{evidence.attachment}' in this file",
            )


def _evidence_choice_issues(
    compiled: CompiledQuestionnaire, question: AnyQuestion, answer: Answer, path: Path_
) -> Iterator[Issue]:
    """Evidence that names the options it shows: only for a multiple choice, only its own options."""
    choices = [c.value for c in compiled.entries[question.id].choices]
    for index, evidence in enumerate(answer.evidence):
        if not evidence.choices:
            continue
        where = (*path, "evidence", index, "choices")
        if question.type != "multiple_choice":
            yield (
                where,
                (
                    f"evidence names the options it shows only on a question with several choices; "
                    f"{label_of(compiled, question)} has one answer, which the whole document shows"
                ),
            )
            continue
        wrong = [v for v in evidence.choices if v not in choices]
        if wrong:
            listed = ", ".join(shown(v) for v in wrong)
            verb = "is not one of the choices" if len(wrong) == 1 else "are not choices"
            yield where, f"{listed} {verb} of {label_of(compiled, question)} ({', '.join(choices)})"


def null_value_issues(data: Any) -> list[Issue]:
    """`"value": null` in the file: it reads as "not answered", yet whoever wrote it probably meant
    "not known" (the pre-release format used null for that). Say which to write instead."""
    issues: list[Issue] = []
    if not isinstance(data, Mapping):
        return issues
    issues.extend(_null_values(data.get("answers"), ("answers",)))
    uses = data.get("uses")
    if isinstance(uses, list):
        for index, use in enumerate(uses):
            if isinstance(use, Mapping):
                issues.extend(_null_values(use.get("answers"), ("uses", index, "answers")))
    return issues


def _null_values(answers: Any, at: Path_) -> list[Issue]:
    issues: list[Issue] = []
    if not isinstance(answers, Mapping):
        return issues
    for question_id, answer in answers.items():
        path: Path_ = (*at, question_id)
        issues.extend(_null_value(answer, path))
        value = answer.get("value") if isinstance(answer, Mapping) else None
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Mapping):
                    for item_question_id, item_answer in item.items():
                        issues.extend(_null_value(item_answer, (*path, "value", index, item_question_id)))
    return issues


def _null_value(answer: Any, path: Path_) -> Iterator[Issue]:
    if isinstance(answer, Mapping) and "value" in answer and answer["value"] is None:
        if answer.get("unknown") is not True:
            yield (
                (*path, "value"),
                'null is not an answer: write {"unknown": true} if the answer is not known, or leave '
                '"value" out if the question is not answered yet',
            )


def version_issue(
    compiled: CompiledQuestionnaire, version: str, migrations: QuestionnaireMigrations | None = None
) -> str | None:
    """Why an assessment's questionnaire version cannot be read by this questionnaire, or None.

    The version this pia-wizard ships exists ("1" and "1.0.0" are "1.0"), and so does every older
    version its migrations carry forward (`questionnaire_versions.py`); a file that names another was
    written for a questionnaire whose questions may mean something else."""
    current = compiled.questionnaire.version
    if steps_from(migrations, version, current) is not None:
        return None
    title = label_of_questionnaire(compiled)
    if version_key(version) > version_key(current):
        return (
            f"this file answers version {version} of {title}, newer than the version this pia-wizard "
            f"knows ({current}): update pia-wizard to open it"
        )
    known = known_versions(migrations, current)
    reads = f"version {known[0]}" if len(known) == 1 else f"versions {', '.join(known)}"
    return f"version {version} of {title} does not exist; this pia-wizard reads {reads}"


def label_of_questionnaire(compiled: CompiledQuestionnaire) -> str:
    language = compiled.questionnaire.default_language
    return f"the questionnaire “{localise(compiled.questionnaire.title, language, language)}”"
