"""Answers written for an older questionnaire version, read under today's (core, no Qt).

`migrations.py` carries the assessment FILE format forward; this module carries the ANSWERS forward
when the questionnaire itself changed, following the steps in `questionnaires/migrations/*.yaml`
in order. Nothing is lost silently: every older answer is carried (perhaps under a new id or with a
renamed choice) or listed as dropped with the reason the migrations file gives, and the questions a
version added are listed for the person to answer. Loading never rewrites the file; saving does.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pia_wizard.core.answers.review import carry_review
from pia_wizard.core.files.documents import Path_
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.models.base import localise
from pia_wizard.core.models.messages import messages
from pia_wizard.core.models.migrations import (
    DropChoice,
    DropQuestion,
    QuestionnaireMigrations,
    RenameChoice,
    RenameQuestion,
    SplitQuestion,
    Step,
)
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.core.rules.visibility import AnswerView


def version_key(version: str) -> tuple[int, ...]:
    """ "1", "1.0" and "1.0.0" are the same version; "2" comes after "1.9"."""
    parts = [int(p) for p in version.split(".") if p.isdigit()]
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def steps_from(migrations: QuestionnaireMigrations | None, version: str, current: str) -> list[Step] | None:
    """The steps that take `version` to `current`, in order; None when there is no such path."""
    if version_key(version) == version_key(current):
        return []
    if migrations is None:
        return None
    steps: list[Step] = []
    at = version_key(version)
    while at != version_key(current):
        step = next((s for s in migrations.steps if version_key(s.from_version) == at), None)
        if step is None or version_key(step.to_version) <= at:
            return None
        steps.append(step)
        at = version_key(step.to_version)
    return steps


def known_versions(migrations: QuestionnaireMigrations | None, current: str) -> list[str]:
    """Every questionnaire version this pia-wizard reads, oldest first."""
    versions = {version_key(current): current}
    for step in migrations.steps if migrations else ():
        versions.setdefault(version_key(step.from_version), step.from_version)
    return [versions[k] for k in sorted(versions)]


@dataclass(frozen=True)
class DroppedAnswer:
    """An older answer (or one choice of it) that today's questionnaire cannot hold."""

    question_id: str  # the id in the file as written (for tests and tools; never shown)
    text: str  # what a person is told: the question by its label, what went, and why


@dataclass(frozen=True)
class QuestionnaireMigration:
    """What reading an older file under today's questionnaire changed."""

    from_version: str
    to_version: str
    summaries: tuple[str, ...]
    renamed: tuple[tuple[str, str], ...]  # (id as written, id today), for tests and tools
    dropped: tuple[DroppedAnswer, ...]
    new_questions: tuple[str, ...]  # ids of questions added since, shown and not answered yet

    def headline(self, language: str = "en") -> str:
        """One line in `language`. (The texts of dropped answers and the summaries are worded when the
        file is read, in the questionnaire's language.)"""
        m = messages(language, "engine")
        count = len(self.new_questions)
        new = (
            m.ngettext("%(num)d new question to answer", "%(num)d new questions to answer", count)
            if count
            else m.gettext("no new question to answer")
        )
        words = {"from": self.from_version, "to": self.to_version, "new": new, "dropped": len(self.dropped)}
        if self.dropped:
            return (
                m.gettext(
                    "written for questionnaire version %(from)s; read as version %(to)s: %(new)s, "
                    "%(dropped)d answer(s) dropped"
                )
                % words
            )
        return (
            m.gettext("written for questionnaire version %(from)s; read as version %(to)s: %(new)s") % words
        )

    def lines(self, compiled: CompiledQuestionnaire, language: str = "en") -> list[str]:
        """Everything a person should know, in plain words (labels, never ids)."""
        m = messages(language, "engine")
        lines = [self.headline(language), *self.summaries]
        lines += [m.gettext("dropped: %(text)s") % {"text": d.text} for d in self.dropped]
        lines += [
            m.gettext("new: %(label)s") % {"label": question_label(compiled, q, language)}
            for q in self.new_questions
        ]
        return lines


def question_label(compiled: CompiledQuestionnaire, question_id: str, language: str = "") -> str:
    """A question as a person knows it: its label in quotes (in `language`, else the questionnaire's)."""
    default = compiled.questionnaire.default_language
    label = localise(compiled.entries[question_id].question.label, language or default, default)
    return messages(language or "en", "engine").gettext("“%(label)s”") % {"label": label}


def migrate_answers(
    assessment: Assessment, compiled: CompiledQuestionnaire, steps: list[Step]
) -> tuple[Assessment, QuestionnaireMigration | None]:
    """Apply `steps` (from `steps_from`) to the answers; the record is None when there were none."""
    if not steps:
        return assessment, None
    language = compiled.questionnaire.default_language
    data = assessment.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    answers: dict[str, Any] = data.setdefault("answers", {})
    renamed: dict[str, str] = {}  # today's id → id as written
    dropped: list[DroppedAnswer] = []
    new_questions: list[str] = []
    # Each further use's own answers are carried forward by the same steps (a dropped one names it).
    uses = [u for u in data.get("uses", []) if isinstance(u.get("answers"), dict)]
    use_renamed: list[dict[str, str]] = [{} for _ in uses]
    use_dropped: list[list[DroppedAnswer]] = [[] for _ in uses]
    for step in steps:
        for change in step.changes:
            _apply(change, answers, renamed, dropped, language)
            for use, its_renamed, its_dropped in zip(uses, use_renamed, use_dropped, strict=True):
                _apply(change, use["answers"], its_renamed, its_dropped, language)
        new_questions.extend(step.new_questions)
    for use, its_dropped in zip(uses, use_dropped, strict=True):
        dropped.extend(
            DroppedAnswer(d.question_id, f"{d.text} (for the use “{use.get('name', '')}”)")
            for d in its_dropped
        )
    data["questionnaire"] = {"id": compiled.id, "version": compiled.questionnaire.version}
    migrated = Assessment.model_validate(data)
    if not dropped:  # every answer carried with its meaning: an approval that held still holds
        migrated = carry_review(assessment, migrated)
    view = AnswerView.of(compiled, migrated)
    to_answer = tuple(
        q
        for q in sorted(set(new_questions), key=lambda q: compiled.order.get(q, 0))
        if q in compiled.entries and q not in migrated.answers and view.question_visible(q)
    )
    record = QuestionnaireMigration(
        from_version=assessment.questionnaire.version,
        to_version=compiled.questionnaire.version,
        summaries=tuple(localise(s.summary, language, language) for s in steps),
        renamed=tuple((old, new) for new, old in renamed.items() if old != new),
        dropped=tuple(dropped),
        new_questions=to_answer,
    )
    return migrated, record


def _answer_maps(answers: dict[str, Any]) -> Iterator[tuple[Path_, dict[str, Any]]]:
    """The top-level answers, then each group item's answers: where a question id may sit."""
    yield ("answers",), answers
    for question_id, answer in answers.items():
        value = answer.get("value") if isinstance(answer, dict) else None
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    yield ("answers", question_id, "value", index), item


def _apply(
    change: Any,
    answers: dict[str, Any],
    renamed: dict[str, str],
    dropped: list[DroppedAnswer],
    language: str,
) -> None:
    def text(value: Any) -> str:
        return localise(value, language, language)

    def written(question_id: str) -> str:
        return renamed.get(question_id, question_id)

    for _where, answer_map in list(_answer_maps(answers)):
        if isinstance(change, RenameQuestion) and change.question in answer_map:
            answer_map[change.to] = answer_map.pop(change.question)
            renamed[change.to] = renamed.pop(change.question, change.question)
        elif isinstance(change, RenameChoice) and change.question in answer_map:
            answer = answer_map[change.question]
            answer["value"] = _map_choices(answer.get("value"), {change.choice: change.to})
        elif isinstance(change, DropQuestion) and change.question in answer_map:
            del answer_map[change.question]
            dropped.append(
                DroppedAnswer(
                    written(change.question),
                    f"“{text(change.label)}” is no longer asked: {text(change.reason)}",
                )
            )
        elif isinstance(change, DropChoice) and change.question in answer_map:
            answer = answer_map[change.question]
            value = answer.get("value")
            if value == change.choice or (isinstance(value, list) and change.choice in value):
                kept = [v for v in value if v != change.choice] if isinstance(value, list) else []
                if kept:
                    answer["value"] = kept
                else:
                    answer.pop("value", None)
                if not _holds_something(answer):
                    del answer_map[change.question]
                dropped.append(
                    DroppedAnswer(
                        written(change.question),
                        f"the choice “{text(change.label)}” is no longer offered, so it was removed from "
                        f"your answer to that question: {text(change.reason)}",
                    )
                )
        elif isinstance(change, SplitQuestion) and change.question in answer_map:
            _split(change, answer_map, renamed, dropped, written(change.question), text)


def _split(
    change: SplitQuestion,
    answer_map: dict[str, Any],
    renamed: dict[str, str],
    dropped: list[DroppedAnswer],
    written: str,
    text: Any,
) -> None:
    answer = answer_map.pop(change.question)
    old = answer.get("value")
    carried: set[Any] = set()
    for target in change.into:
        part = copy.deepcopy(answer)
        if old is not None and target.choices:
            value = _map_choices(old, dict(target.choices), keep_unmapped=False)
            carried.update(v for v in (old if isinstance(old, list) else [old]) if v in target.choices)
            if value in (None, []):
                part.pop("value")
            else:
                part["value"] = value
        elif old is not None:
            carried.update(old if isinstance(old, list) else [old])
        if _holds_something(part):
            answer_map[target.question] = part
            renamed[target.question] = written
    if old is not None and any(v not in carried for v in (old if isinstance(old, list) else [old])):
        dropped.append(
            DroppedAnswer(
                written,
                f"“{text(change.label)}” is now asked as {len(change.into)} questions, and part of your "
                f"answer could not be carried over: {text(change.reason)}",
            )
        )


def _holds_something(answer: dict[str, Any]) -> bool:
    """A value, "unknown", a note or evidence: worth keeping as an answer entry."""
    return any(
        answer.get(key) not in (None, False, [], "") for key in ("value", "unknown", "note", "evidence")
    )


def _map_choices(value: Any, mapping: dict[str, str], *, keep_unmapped: bool = True) -> Any:
    if isinstance(value, str):
        return mapping.get(value, value if keep_unmapped else None)
    if isinstance(value, list):
        mapped = [mapping.get(v, v if keep_unmapped else None) if isinstance(v, str) else v for v in value]
        return list(dict.fromkeys(v for v in mapped if v is not None))
    return value


def check_migrations(
    migrations: QuestionnaireMigrations, compiled: CompiledQuestionnaire
) -> list[tuple[Path_, str]]:
    """The migrations file against today's questionnaire, as (place in the file, message).

    Steps must form one chain, oldest first, ending at the questionnaire's version; the last step's
    targets (renamed-to ids, choices, new questions) must exist today, and the ids it renames or drops
    must not (an id is never reused)."""
    issues: list[tuple[Path_, str]] = []
    if migrations.questionnaire != compiled.id:
        issues.append((("questionnaire",), f"expected '{compiled.id}' (the questionnaire beside it)"))
    steps = migrations.steps
    for index, step in enumerate(steps):
        if version_key(step.to_version) <= version_key(step.from_version):
            issues.append(
                ((("steps", index, "to")), f"version {step.to_version} is not after {step.from_version}")
            )
        if index and version_key(step.from_version) != version_key(steps[index - 1].to_version):
            issues.append(
                (
                    ("steps", index, "from"),
                    f"must be {steps[index - 1].to_version}, where the step before ends (oldest first)",
                )
            )
    current = compiled.questionnaire.version
    if version_key(steps[-1].to_version) != version_key(current):
        issues.append(
            (
                ("steps", len(steps) - 1, "to"),
                f"the last step must end at the questionnaire's version {current}",
            )
        )
        return issues
    last = len(steps) - 1
    for index, change in enumerate(steps[-1].changes):
        issues.extend(
            ((("steps", last, "changes", index, *p)), m) for p, m in _change_issues(change, compiled)
        )
    for index, question_id in enumerate(steps[-1].new_questions):
        if question_id not in compiled.entries:
            issues.append(
                (
                    ("steps", last, "new_questions", index),
                    f"the questionnaire has no question '{question_id}'",
                )
            )
    return issues


def _change_issues(change: Any, compiled: CompiledQuestionnaire) -> Iterator[tuple[Path_, str]]:
    entries = compiled.entries

    def exists(path: Path_, question_id: str) -> Iterator[tuple[Path_, str]]:
        if question_id not in entries:
            yield path, f"the questionnaire has no question '{question_id}'"

    def gone(path: Path_, question_id: str) -> Iterator[tuple[Path_, str]]:
        if question_id in entries:
            yield path, f"'{question_id}' is still a question today: an id is never reused"

    def has_choice(path: Path_, question_id: str, choice: str) -> Iterator[tuple[Path_, str]]:
        if question_id in entries and choice not in {c.value for c in entries[question_id].choices}:
            yield path, f"'{question_id}' has no choice '{choice}'"

    if isinstance(change, RenameQuestion):
        yield from gone(("question",), change.question)
        yield from exists(("to",), change.to)
    elif isinstance(change, RenameChoice):
        yield from exists(("question",), change.question)
        yield from has_choice(("to",), change.question, change.to)
    elif isinstance(change, DropChoice):
        yield from exists(("question",), change.question)
        question = entries.get(change.question)
        if question is not None and change.choice in {c.value for c in question.choices}:
            yield ("choice",), f"'{change.choice}' is still a choice today: a value is never reused"
    elif isinstance(change, DropQuestion):
        yield from gone(("question",), change.question)
    elif isinstance(change, SplitQuestion):
        yield from gone(("question",), change.question)
        for index, target in enumerate(change.into):
            yield from exists(("into", index, "question"), target.question)
            for old, new in target.choices.items():
                yield from has_choice(("into", index, "choices", old), target.question, new)
