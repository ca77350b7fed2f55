"""What an evaluation returns: verdicts that explain themselves.

Plain frozen models, serialised to the documented JSON of `pia-wizard score --json`; every view and
report shows these and computes nothing of its own. Same input → same output, byte for byte.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field

from pia_wizard.core.models.base import Frozen
from pia_wizard.core.models.messages import N_, messages

Verdict = Literal["red_line", "fails", "insufficient_information", "conditional", "passes", "not_applicable"]
# Worst first: the order in which a rulebook's verdict is decided.
VERDICT_ORDER: tuple[Verdict, ...] = (
    "red_line",
    "fails",
    "insufficient_information",
    "conditional",
    "passes",
    "not_applicable",
)
# What a reader sees for each verdict, wherever prose names one (the ids are for `score --json` only).
# English here; `verdict_label` gives them in the reader's language.
VERDICT_LABELS: dict[str, str] = {
    "red_line": N_("Red line"),
    "fails": N_("Fails"),
    "insufficient_information": N_("Insufficient information"),
    "conditional": N_("Conditional"),
    "passes": N_("Passes"),
    "not_applicable": N_("Not applicable"),
}

# The same inside a sentence ("“Street stops” fails"): lower case in English, as each language writes it.
VERDICT_IN_TEXT: dict[str, str] = {
    "red_line": N_("red line"),
    "fails": N_("fails"),
    "insufficient_information": N_("insufficient information"),
    "conditional": N_("conditional"),
    "passes": N_("passes"),
    "not_applicable": N_("not applicable"),
}


def verdict_label(verdict: str, language: str = "en", in_text: bool = False) -> str:
    """A verdict as a reader sees it, in `language` ("Red line", "Rote Linie"); `in_text`: inside a
    sentence ("red line" in English, "Rote Linie" in German, whose nouns keep their capital)."""
    labels = VERDICT_IN_TEXT if in_text else VERDICT_LABELS
    return messages(language, "engine").gettext(labels[verdict])


StepStatus = Literal["pass", "fail", "undetermined", "conditional", "not_applicable", "not_in_force"]
TestStatus = Literal["pass", "fail", "undetermined", "conditional", "not_reached", "not_applicable"]
AnswerStateName = Literal["value", "unknown", "unanswered", "hidden"]


class SourceRef(Frozen):
    id: str
    tag: str  # V / S / U, or "?" when the source table lacks the id
    name: str = ""  # the source's readable short name, for prose (the id is for the source table)


class ItemAnswerRef(Frozen):
    """One item's answer to a question of a repeatable group (a site), as it stood."""

    state: AnswerStateName
    value: Any = None


class AnswerRef(Frozen):
    """One answer that led to a finding, as it stood.

    A question inside a repeatable group has one answer per item: its `value` is "(per item)" (kept
    for `score --json` readers) and `items` holds each item's own answer, in order, so a view never
    has to guess one answer for all sites.
    """

    question: str
    state: AnswerStateName
    value: Any = None
    evidence_level: int = 0
    items: tuple[ItemAnswerRef, ...] = ()


class Finding(Frozen):
    rule: str
    kind: Literal["red_line", "exception", "step", "applicability"]
    severity: Literal["red_line", "fail", "undetermined", "conditional", "warning", "info"]
    title: str
    text: str
    short: str = ""  # the finding in whole sentences for a one-page reader; "" means: use `text`
    answers: tuple[AnswerRef, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    missing_gates: tuple[str, ...] = ()
    applies_from: dt.date | None = None
    uses: tuple[str, ...] = ()  # the uses it comes from, by name, when the assessment describes several


class StepResult(Frozen):
    id: str
    title: str
    status: StepStatus
    reason: str
    decisive: bool = True
    answers: tuple[AnswerRef, ...] = ()


class TestResult(Frozen):
    id: str
    title: str
    status: TestStatus
    steps: tuple[StepResult, ...] = ()


class Gap(Frozen):
    question: str
    label: str
    ask: str
    state: Literal["unknown", "unanswered", "evidence", "range", "one_of"]  # the last two: narrow it
    blocks: tuple[str, ...]
    impact: int = 0  # how many verdicts change over the question's possible values
    uses: tuple[str, ...] = ()  # the uses it is open for, by name, when the assessment describes several


class Change(Frozen):
    question: str
    value: Any = None
    unknown: bool = False
    evidence_level: int | None = None
    nature: Literal["fact", "actionable"]
    label: str = ""


class Counterfactual(Frozen):
    rulebook: str
    changes: tuple[Change, ...]
    from_verdict: Verdict
    to_verdict: Verdict
    kind: Literal["actionable", "fact", "mixed"]
    text: str
    use: str = ""  # the use whose answers it changes and whose verdict it improves, when there are several


class Safeguard(Frozen):
    id: str
    text: str
    sources: tuple[SourceRef, ...] = ()


class LaterVerdict(Frozen):
    """The verdict from a later date inside the planned period, when rules start to apply on it
    (AI Act Art. 113): what the deployment will need from then on, beside the verdict now."""

    date: dt.date
    verdict: Verdict
    starting: tuple[str, ...]  # what starts to apply on that date, in words
    findings: tuple[Finding, ...] = ()  # the findings of rules that were not yet in force before
    text: str


class RulebookResult(Frozen):
    id: str
    title: str
    verdict: Verdict
    applies: Literal["yes", "no", "unknown"]
    timeline: str | None = None  # the applicability timeline the dates were read on
    rules_as_of: dt.date | None = None  # the legal currency: the date of the brief the rules rest on
    tests: tuple[TestResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    gaps: tuple[Gap, ...] = ()
    counterfactuals: tuple[Counterfactual, ...] = ()
    safeguards: tuple[Safeguard, ...] = ()
    # Verdicts on later dates inside the planned period when rules start to apply (earliest first);
    # `verdict` stays the verdict on the evaluation date.
    later: tuple[LaterVerdict, ...] = ()
    # With several uses: the use whose verdict this is (the worst; its tests, period and later dates).
    use: str = ""


class FigureInput(Frozen):
    question: str
    label: str
    state: AnswerStateName
    value: Any = None


class Figure(Frozen):
    """A number with its formula and inputs shown; `value` is None when an input is unknown."""

    id: str
    label: str
    value: float | None
    unit: str
    formula: str
    inputs: tuple[FigureInput, ...]
    needs: tuple[str, ...] = ()  # labels of the inputs still unknown
    applicable: bool = True
    text: str
    low: float | None = None  # an input known only as a range: the figure lies between low and high
    high: float | None = None


class DpiaIndicator(Frozen):
    met: tuple[str, ...]
    unknown: tuple[str, ...]
    threshold: int
    indicated: Literal["yes", "no", "unknown"]
    text: str


class Figures(Frozen):
    false_alerts_per_day: Figure | None = None
    wrong_alerts_per_100: Figure | None = None
    people_scanned_per_year: Figure | None = None
    dpia: DpiaIndicator | None = None
    claimed_accuracy_alerts: Figure | None = None  # what a "99 % accurate" claim would mean, read one way


class Inconsistency(Frozen):
    id: str
    text: str
    questions: tuple[str, ...]
    uses: tuple[str, ...] = ()  # the uses whose answers disagree, when the assessment describes several


class Period(Frozen):
    """The planned period of use the rules are judged over (from the questionnaire's `period`)."""

    start: dt.date | None = None
    end: dt.date | None = None
    end_state: Literal["date", "none", "unknown"]  # none: no end date given; unknown: not disclosed
    text: str


class UseResult(Frozen):
    """One use of the system judged on its own (the shared answers with its own answers over them)."""

    name: str
    rulebooks: tuple[RulebookResult, ...]
    figures: Figures = Field(default_factory=lambda: Figures())

    @property
    def verdicts(self) -> dict[str, Verdict]:
        return {r.id: r.verdict for r in self.rulebooks}


class Evaluation(Frozen):
    date: dt.date
    timeline: str | None
    rulebooks: tuple[RulebookResult, ...]
    period: Period | None = None
    figures: Figures = Field(default_factory=lambda: Figures())
    inconsistencies: tuple[Inconsistency, ...] = ()
    # With several uses: each use judged on its own, in order; `rulebooks` then holds the worst use's
    # verdict per rulebook with every use's findings (docs/engine.md, "Several uses"). Empty: one use.
    uses: tuple[UseResult, ...] = ()

    @property
    def verdicts(self) -> dict[str, Verdict]:
        return {r.id: r.verdict for r in self.rulebooks}
