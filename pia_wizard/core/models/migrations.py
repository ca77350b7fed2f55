"""Questionnaire migrations (`kind: migrations`): how answers written for one questionnaire version
become answers to the next.

A questionnaire's ids are stable, but a new version may rename or split a question, rename or drop
a choice, drop a question, or add questions. Each step says so as data, beside the questionnaire
(`questionnaires/migrations/<questionnaire id>.yaml`), so an assessment written years ago is read
under today's questions without guessing. A dropped answer always carries the reason the user sees,
and the label its question had (the question itself is gone, and ids are never shown to a person).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from pia_wizard.core.models.assessment import VersionNumber
from pia_wizard.core.models.base import Frozen, Id, LocalisedText, tagged_union
from pia_wizard.core.models.frozen import FrozenMap

MIGRATIONS_SCHEMA_VERSION = 1


class RenameQuestion(Frozen):
    """The same question under a new id: the whole answer (value, unknown, note, evidence) moves."""

    change: Literal["rename_question"]
    question: Id = Field(description="The id in the older version.")
    to: Id = Field(description="The id in the newer version.")


class RenameChoice(Frozen):
    """The same choice under a new value, in one question's answers."""

    change: Literal["rename_choice"]
    question: Id = Field(description="The question's id in the newer version (after any rename).")
    choice: Id
    to: Id


class SplitTarget(Frozen):
    question: Id
    choices: FrozenMap[Id, Id] = Field(
        default_factory=dict,
        description="Older choice → this question's choice; an older choice not listed leaves this "
        "question unanswered. Empty: the value is carried as it is (for a question of the same type).",
    )


class SplitQuestion(Frozen):
    """One older question became several: each newer question gets the answer, its choices mapped."""

    change: Literal["split_question"]
    question: Id = Field(description="The id in the older version.")
    label: LocalisedText = Field(description="The older question's label, for what is said to the user.")
    into: tuple[SplitTarget, ...] = Field(min_length=2)
    reason: LocalisedText = Field(description="Said for an answer that could not be carried to one part.")


class DropQuestion(Frozen):
    """A question that no longer exists: its answer is dropped, and the user is told why."""

    change: Literal["drop_question"]
    question: Id
    label: LocalisedText = Field(description="The older question's label, for what is said to the user.")
    reason: LocalisedText


class DropChoice(Frozen):
    """A choice that no longer exists: it is removed from answers (a single choice becomes unanswered)."""

    change: Literal["drop_choice"]
    question: Id = Field(description="The question's id in the newer version (after any rename).")
    choice: Id
    label: LocalisedText = Field(description="The dropped choice's label, for what is said to the user.")
    reason: LocalisedText


def _change_of(raw: Any) -> str | None:
    change = raw.get("change") if isinstance(raw, dict) else getattr(raw, "change", None)
    return change if isinstance(change, str) else None


Change = tagged_union(
    _change_of,
    ("rename_question", RenameQuestion),
    ("rename_choice", RenameChoice),
    ("split_question", SplitQuestion),
    ("drop_question", DropQuestion),
    ("drop_choice", DropChoice),
    what="change",
)
AnyChange = RenameQuestion | RenameChoice | SplitQuestion | DropQuestion | DropChoice


class Step(Frozen):
    """From one questionnaire version to the next; the changes apply in the order written."""

    from_version: VersionNumber = Field(alias="from")
    to_version: VersionNumber = Field(alias="to")
    summary: LocalisedText = Field(
        description="What changed, in plain words, for the person whose file it is."
    )
    changes: tuple[Change, ...] = ()
    new_questions: tuple[Id, ...] = Field(
        default=(),
        description="Every question (and group item question) this version adds: they start unanswered. "
        "A test compares this list with the ids the older version had.",
    )


class QuestionnaireMigrations(Frozen):
    kind: Literal["migrations"]
    schema_version: int = Field(ge=1)
    questionnaire: Id
    steps: tuple[Step, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_new_questions(self) -> QuestionnaireMigrations:
        for step in self.steps:
            twice = sorted({q for q in step.new_questions if step.new_questions.count(q) > 1})
            if twice:
                raise ValueError(f"new_questions lists {', '.join(twice)} twice")
        return self
