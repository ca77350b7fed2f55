"""The questionnaire file: sections of typed questions, reusable choice lists, `show_if` conditions.

Ids are stable and carry no meaning; labels are localised and never used as keys. Every question says
whether it records a `fact` (how things are) or something `actionable` (a safeguard or decision the
operator could change), so that the engine can suggest changes that are in the operator's hands first.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from pia_wizard.core.models.base import Frozen, Id, LanguageCode, LocalisedText, SourceId, tagged_union
from pia_wizard.core.models.conditions import Condition

QUESTIONNAIRE_SCHEMA_VERSION = 1

Nature = Literal["fact", "actionable"]
QuestionType = Literal["single_choice", "multiple_choice", "yes_no", "number", "text", "date", "group"]


class RealisticChange(Frozen):
    """When a choice may be suggested as a change ("what would change this?"): only where it could
    fit the deployment as described. Without `when`, it is never suggested. The reason is data, cited."""

    when: Condition | None = Field(
        default=None, description="Suggested only when this is not false on the current answers."
    )
    because: LocalisedText
    refs: tuple[SourceId, ...] = ()


class Choice(Frozen):
    value: Id = Field(description="Stored in assessment files; never change it once published.")
    label: LocalisedText
    help: LocalisedText | None = None
    refs: tuple[SourceId, ...] = ()
    realistic_change: RealisticChange | None = Field(
        default=None, description="When this choice may be suggested as a change; absent: always."
    )


class ChoiceList(Frozen):
    """Choices shared by several questions (countries, rights, modalities)."""

    id: Id
    choices: tuple[Choice, ...] = Field(min_length=1)


class _QuestionBase(Frozen):
    id: Id
    label: LocalisedText
    help: LocalisedText | None = None
    ask: LocalisedText | None = Field(
        default=None, description="The question to put to the operator when this answer is unknown."
    )
    refs: tuple[SourceId, ...] = ()
    required: bool = False
    show_if: Condition | None = None
    follows: Condition | None = Field(
        default=None,
        description="A follow-up's condition: the question is shown only while this is known to hold, "
        "so it stays hidden while what it follows is unknown or unanswered (show_if still shows a "
        "question while its condition is unknown).",
    )
    nature: Nature = Field(
        description="fact: how things are; actionable: a safeguard or decision the operator could change"
    )
    per_use: bool = Field(
        default=False,
        description="Answered once for each use of the system the assessment describes (the questionnaire's "
        "`uses`); not on a group's items.",
    )


class _ChoiceQuestion(_QuestionBase):
    choices: tuple[Choice, ...] | None = Field(default=None, min_length=1)
    choice_list: Id | None = None

    @model_validator(mode="after")
    def _one_source_of_choices(self) -> _ChoiceQuestion:
        if (self.choices is None) == (self.choice_list is None):
            raise ValueError("give either `choices` or `choice_list`, not both and not neither")
        return self


class SingleChoiceQuestion(_ChoiceQuestion):
    type: Literal["single_choice"]


class MultipleChoiceQuestion(_ChoiceQuestion):
    type: Literal["multiple_choice"]


class YesNoQuestion(_QuestionBase):
    type: Literal["yes_no"]


class NumberQuestion(_QuestionBase):
    type: Literal["number"]
    unit: LocalisedText | None = None
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    no_limit: LocalisedText | None = Field(
        default=None,
        description='How "no limit" is offered (e.g. "No time limit"); rules read it as longer than '
        "any threshold. Absent: no such answer.",
    )

    @model_validator(mode="after")
    def _bounds_in_order(self) -> NumberQuestion:
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError(f"minimum {self.minimum} is greater than maximum {self.maximum}")
        return self


class TextQuestion(_QuestionBase):
    type: Literal["text"]
    multiline: bool = False
    max_length: int = Field(default=20_000, ge=1, le=200_000)


class DateQuestion(_QuestionBase):
    type: Literal["date"]


def _question_type(raw: Any) -> str | None:
    if isinstance(raw, dict):
        kind = raw.get("type")
        return kind if isinstance(kind, str) and kind in _ITEM_TYPES | {"group"} else None
    return getattr(raw, "type", None)


_ITEM_TYPES = {"single_choice", "multiple_choice", "yes_no", "number", "text", "date"}

_ITEM_MEMBERS: tuple[tuple[str, Any], ...] = (
    ("single_choice", SingleChoiceQuestion),
    ("multiple_choice", MultipleChoiceQuestion),
    ("yes_no", YesNoQuestion),
    ("number", NumberQuestion),
    ("text", TextQuestion),
    ("date", DateQuestion),
)

ItemQuestion = tagged_union(
    lambda raw: t if (t := _question_type(raw)) in _ITEM_TYPES else None,
    *_ITEM_MEMBERS,
    what="question type inside a group",
)


class GroupQuestion(_QuestionBase):
    """A repeatable group: the same questions asked for each of several sites or cameras."""

    type: Literal["group"]
    item_label: LocalisedText = Field(description='What one item is called, e.g. "site" or "camera".')
    items: tuple[ItemQuestion, ...] = Field(min_length=1)
    min_items: int = Field(default=0, ge=0)
    max_items: int = Field(default=500, ge=1, le=10_000)


Question = tagged_union(_question_type, *_ITEM_MEMBERS, ("group", GroupQuestion), what="question type")

AnyQuestion = (
    SingleChoiceQuestion
    | MultipleChoiceQuestion
    | YesNoQuestion
    | NumberQuestion
    | TextQuestion
    | DateQuestion
    | GroupQuestion
)
ChoiceQuestion = SingleChoiceQuestion | MultipleChoiceQuestion


class Section(Frozen):
    id: Id
    title: LocalisedText
    help: LocalisedText | None = None
    show_if: Condition | None = None
    skipped_reason: LocalisedText | None = Field(
        default=None, description='Shown when the section is skipped, e.g. "only asked for police use".'
    )
    questions: tuple[Question, ...] = Field(min_length=1)


class GroupTotal(Frozen):
    group: Id
    question: Id


class FalseAlertInputs(Frozen):
    """Which questions feed the false-alert calculator (the formula itself is in figures.py)."""

    applies_when: Condition | None = Field(
        default=None, description="When false: the figures say 'not applicable' (e.g. 1:1 verification)."
    )
    people_per_day: Id = Field(description="A number question: people passing the cameras per day.")
    people_per_day_items: GroupTotal | None = Field(
        default=None, description="Used when people_per_day is not answered: the sum over a group's items."
    )
    watchlist_size: Id
    false_match_rate: Id
    rate_unit: Id = Field(description="A single-choice question saying what the rate is per.")
    per_comparison: Id = Field(description="The rate_unit choice meaning 'per comparison'.")
    per_search: Id = Field(description="The rate_unit choice meaning 'per search (per person scanned)'.")
    watchlisted_per_day: Id | None = None
    days_per_year: Id | None = None
    claimed_accuracy: Id | None = Field(
        default=None, description='A number question: the vendor\'s overall accuracy claim ("99 %").'
    )
    refs: tuple[SourceId, ...] = ()


class Criterion(Frozen):
    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")]
    label: LocalisedText
    when: Condition


class Figures(Frozen):
    false_alerts: FalseAlertInputs | None = None
    dpia_criteria: tuple[Criterion, ...] = Field(
        default=(), description="WP248's high-risk criteria, each as a condition over answers."
    )
    dpia_threshold: int = Field(default=2, ge=1, description="Criteria met from which a DPIA is indicated.")
    dpia_refs: tuple[SourceId, ...] = ()


class Check(Frozen):
    """An inconsistency between answers: a condition that should never hold, or two dates in order."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")]
    text: LocalisedText
    when: Condition | None = None
    earlier: Id | None = None
    later: Id | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Check:
        if (self.when is None) == (self.earlier is None or self.later is None):
            raise ValueError("a check has either `when`, or both `earlier` and `later`")
        return self


class PlannedPeriod(Frozen):
    """The date questions holding the planned start and end of use: rules whose dates of application
    fall inside that period are reported from those dates (an unanswered end means no end date)."""

    start: Id
    end: Id
    refs: tuple[SourceId, ...] = ()


class Uses(Frozen):
    """One system often has several uses (tablet checks at stops and searches of CCTV footage; live
    alerts and searches of recordings): the questions marked `per_use` are answered for each use,
    every other question once, and every rule judges every use (docs/engine.md, "Several uses")."""

    item_label: LocalisedText = Field(description='What one use is called in the window ("use").')
    title: LocalisedText = Field(description='The heading of the uses, e.g. "Uses of the system".')
    help: LocalisedText | None = None
    first_name: LocalisedText = Field(
        description='The name a first use is shown with until the person names it ("the first use").'
    )


class Questionnaire(Frozen):
    kind: Literal["questionnaire"]
    schema_version: Annotated[int, Field(ge=1)]
    id: Id
    version: Annotated[str, Field(pattern=r"^\d+(\.\d+){0,2}$")]
    default_language: LanguageCode = Field(min_length=2)
    title: LocalisedText
    description: LocalisedText | None = None
    choice_lists: tuple[ChoiceList, ...] = ()
    sections: tuple[Section, ...] = Field(min_length=1)
    figures: Figures | None = None
    checks: tuple[Check, ...] = ()
    period: PlannedPeriod | None = None
    uses: Uses | None = Field(
        default=None, description="Needed when a question is `per_use`: how the window names a use."
    )
