"""A rulebook: one named lens (EU law, UK law, the civil-society ban, human-rights tests, US local law).

Everything that decides a verdict is data here — derived facts, red lines with the gates of their
exceptions, test steps with minimum evidence levels, applicability dates, safeguards — each rule citing
its sources. Python holds only the mechanism (`evaluate`, in the engine), so a rule change never needs
a code change, and no score or threshold hides in an id or in code.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from pia_wizard.core.models.base import Frozen, Id, LocalisedText, SourceId
from pia_wizard.core.models.conditions import Condition
from pia_wizard.core.models.frozen import FrozenMap
from pia_wizard.core.models.sources import VerificationTag

RULEBOOK_SCHEMA_VERSION = 1

# Rule ids follow the domain brief (A1, B4, L3, N2, PR1, G7, EQ1): short, upper case allowed.
RuleId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_.-]{0,31}$")]
EvidenceLevel = Annotated[int, Field(ge=0, le=4)]
Severity = Literal["red_line", "fail", "warning", "info"]


class Timeline(Frozen):
    """One reading of when rules apply (the original Art. 113 dates, or an amendment)."""

    id: Id
    title: LocalisedText
    tag: VerificationTag
    refs: tuple[SourceId, ...] = ()
    default: bool = False


class Applicability(Frozen):
    """A named date from which some rules apply, per timeline (a rule not yet in force is reported
    "applies from …", never dropped), and where those rules reach and bind: an instrument may not cover
    a deployment at all (a private individual's household use: `applies_when` false), or cover it
    without being confirmed binding there (the AI Act in the EEA: `binding_when` false, so its results
    are shown as information only and never move the verdict)."""

    id: Id
    title: LocalisedText
    from_: FrozenMap[Id, dt.date] = Field(alias="from", min_length=1)
    applies_when: Condition | None = Field(
        default=None, description="False: the rules that rest on this do not apply to the deployment."
    )
    binding_when: Condition | None = Field(
        default=None, description="False: their results are information only and never move the verdict."
    )
    not_binding_text: LocalisedText | None = Field(
        default=None, description="Said with every result that is information only."
    )
    refs: tuple[SourceId, ...] = ()
    notes: FrozenMap[Id, LocalisedText] = Field(
        default_factory=dict,
        description="Per timeline: what a reader must know about the date (e.g. whether it is fixed).",
    )

    model_config = Frozen.model_config | {"populate_by_name": True}


class DerivedFact(Frozen):
    """A legal notion built from plain answers (e.g. is_real_time from AI Act Art. 3(42))."""

    id: Id
    label: LocalisedText
    when: Condition
    refs: tuple[SourceId, ...] = Field(min_length=1)


class Gate(Frozen):
    """One condition of an exception that the deployer must show (the burden of proof is theirs)."""

    id: RuleId
    title: LocalisedText
    shown_when: Condition
    min_evidence: EvidenceLevel = 0
    evidence_from: tuple[Id, ...] = Field(
        default=(), description="Questions whose evidence counts; default: those shown_when reads."
    )
    refs: tuple[SourceId, ...] = ()


class RedLine(Frozen):
    id: RuleId
    title: LocalisedText
    short: LocalisedText | None = Field(
        default=None,
        description="The line in one whole sentence, written by hand, for readers with one page (the "
        "briefing's decisive reasons); without it they get the whole text, never a cut one.",
    )
    text: LocalisedText
    when: Condition
    exceptions: tuple[Gate, ...] = Field(
        default=(), description="An exception counts only if every gate is shown; unknown leaves the line."
    )
    applies_from: Id | None = None
    refs: tuple[SourceId, ...] = Field(min_length=1)


class Step(Frozen):
    """One step of a test (L1, N3, P2 …): passes, fails, or stays undetermined.

    `title` states the passing outcome ("The watchlist criteria are fixed"); a reader of a failed or
    undecided step must see the title of what happened, so each outcome has its own title."""

    id: RuleId
    title: LocalisedText
    fail_title: LocalisedText | None = Field(default=None, description="Headline when the step fails.")
    unknown_title: LocalisedText | None = Field(
        default=None, description="Headline when the step cannot be decided on the answers given."
    )
    conditional_title: LocalisedText | None = Field(
        default=None, description="Headline when the step passes only once planned safeguards are in place."
    )
    text: LocalisedText | None = None
    applies_when: Condition | None = None
    fail_when: Condition | None = None
    pass_when: Condition | None = None
    conditional_when: Condition | None = Field(
        default=None, description="Passes only once planned safeguards are in place."
    )
    not_assessed_when: Condition | None = Field(
        default=None,
        description="True: the law asks something this product cannot judge; the step stays undetermined "
        "(never a pass), explained by not_assessed_text. A failure still counts.",
    )
    fail_text: LocalisedText | None = None
    pass_text: LocalisedText | None = None
    not_assessed_text: LocalisedText | None = None
    conditional_text: LocalisedText | None = None
    min_evidence: EvidenceLevel = 0
    evidence_from: tuple[Id, ...] = ()
    applies_from: Id | None = None
    decisive: bool = True
    severity: Severity = "fail"
    refs: tuple[SourceId, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _decides_something(self) -> Step:
        if self.fail_when is None and self.pass_when is None:
            raise ValueError(f"step {self.id} needs pass_when, fail_when or both")
        missing = [name for name in ("fail_title", "unknown_title") if getattr(self, name) is None]
        if self.conditional_when is not None and self.conditional_title is None:
            missing.append("conditional_title")
        if missing:
            raise ValueError(
                f"step {self.id} needs {' and '.join(missing)}: the headline a reader sees when the step "
                "fails, cannot be decided (or passes only with planned safeguards); `title` states only "
                "the passing outcome"
            )
        return self


class Test(Frozen):
    """An ordered test (legality, legitimate aim, necessity, proportionality, equality)."""

    id: Id
    title: LocalisedText
    after: tuple[Id, ...] = Field(default=(), description="Tests that must pass before this one is run.")
    steps: tuple[Step, ...] = Field(min_length=1)


class Safeguard(Frozen):
    """A safeguard to require, phrased so a council can write it into a procurement decision."""

    id: RuleId
    text: LocalisedText
    when: Condition | None = None
    refs: tuple[SourceId, ...] = ()


class FactsFile(Frozen):
    """Derived facts shared by several rulebooks (the classification from AI Act Art. 3)."""

    kind: Literal["facts"]
    schema_version: Annotated[int, Field(ge=1)]
    id: Id
    questionnaire: Id
    title: LocalisedText
    facts: tuple[DerivedFact, ...] = Field(min_length=1)


class Rulebook(Frozen):
    kind: Literal["rulebook"]
    schema_version: Annotated[int, Field(ge=1)]
    id: Id
    version: Annotated[str, Field(pattern=r"^\d+(\.\d+){0,2}$")]
    questionnaire: Id
    title: LocalisedText
    short_title: LocalisedText | None = Field(
        default=None,
        description="How a sentence read aloud names the rulebook ('Under EU law …'); the title when absent.",
    )
    description: LocalisedText
    jurisdiction: LocalisedText = Field(description="Where this rulebook applies, in words.")
    rules_as_of: dt.date = Field(
        description="The legal currency: the date of the domain brief (and its checks) the rules rest on."
    )
    applies_when: Condition | None = Field(default=None, description="None: applies everywhere.")
    refs: tuple[SourceId, ...] = ()
    shared_facts: tuple[Id, ...] = Field(default=(), description="Ids of facts files whose facts it uses.")
    timelines: tuple[Timeline, ...] = ()
    applicability: tuple[Applicability, ...] = ()
    facts: tuple[DerivedFact, ...] = ()
    red_lines: tuple[RedLine, ...] = ()
    tests: tuple[Test, ...] = ()
    safeguards: tuple[Safeguard, ...] = ()
