"""The evaluation engine: answers + rulebook → verdict, tests, findings (pure Python, no I/O).

The mechanism only; every rule, threshold, gate and date is data in a rulebook. The burden of proof
is on the deployer: once the facts of a prohibited practice are established, an exception counts only
if every one of its gates is shown — answered yes, with evidence at the gate's minimum level. Unknown
never counts as a pass.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

from pia_wizard.core.evaluation.results import (
    VERDICT_ORDER,
    AnswerRef,
    Finding,
    ItemAnswerRef,
    RulebookResult,
    Safeguard,
    SourceRef,
    StepResult,
    TestResult,
    Verdict,
)
from pia_wizard.core.models.assessment import Answer
from pia_wizard.core.models.base import localise, trusted
from pia_wizard.core.models.conditions import All, ConditionNode, FactRef, QuestionTest
from pia_wizard.core.models.messages import SOURCE_LANGUAGE, Messages, messages
from pia_wizard.core.models.rulebook import Applicability, Gate, RedLine, Rulebook, Step
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.core.rules.condition_check import referenced_facts, referenced_questions
from pia_wizard.core.rules.logic import UNKNOWN, Known, Possible, Span, Truth, all_of, evaluate
from pia_wizard.core.rules.partial import answer_cases, as_written
from pia_wizard.core.rules.visibility import AnswerView


@dataclass(frozen=True)
class RulebookIndex:
    """What the engine precomputes once per rulebook: the questions each fact and rule reads."""

    rulebook: Rulebook
    fact_questions: Mapping[str, frozenset[str]]
    facts_by_id: Mapping[str, ConditionNode] = field(default_factory=dict)
    _reads: dict[int, frozenset[str]] = field(default_factory=dict, repr=False)
    _rule_reads: dict[int, frozenset[str]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, rulebook: Rulebook) -> RulebookIndex:
        facts = {f.id: f for f in rulebook.facts}
        memo: dict[str, frozenset[str]] = {}

        def reads(fact_id: str) -> frozenset[str]:
            if fact_id not in memo:
                when = facts[fact_id].when
                found = set(referenced_questions(when))
                for inner in referenced_facts(when):
                    found |= reads(inner)
                memo[fact_id] = frozenset(found)
            return memo[fact_id]

        return cls(
            rulebook,
            {fact_id: reads(fact_id) for fact_id in facts},
            {fact_id: fact.when for fact_id, fact in facts.items()},
        )

    @functools.cached_property
    def all_reads(self) -> frozenset[str]:
        """Every question any condition of the rulebook reads (through facts)."""
        from pia_wizard.core.rules.rulebook_check import conditions_of

        found: set[str] = set()
        for _path, condition in conditions_of(self.rulebook):
            found |= self.reads(condition)
        for line in self.rulebook.red_lines:
            for gate in line.exceptions:
                found |= set(gate.evidence_from)
        for test in self.rulebook.tests:
            for step in test.steps:
                found |= set(step.evidence_from)
        return frozenset(found)

    def reach_reads(self, applicability_id: str | None) -> frozenset[str]:
        """What decides whether the rules resting on an applicability item reach and bind here."""
        if applicability_id is None:
            return frozenset()
        item = next(a for a in self.rulebook.applicability if a.id == applicability_id)
        return self.reads(item.applies_when) | self.reads(item.binding_when)

    def red_line_reads(self, rule: RedLine) -> frozenset[str]:
        """Everything a red line's outcome depends on: its condition, its gates and their evidence.
        (Remembered per rule: exploration asks it for every trial answer.)"""
        cached = self._rule_reads.get(id(rule))
        if cached is None:
            found = set(self.reads(rule.when)) | self.reach_reads(rule.applies_from)
            for gate in rule.exceptions:
                found |= self.reads(gate.shown_when) | set(gate.evidence_from)
            cached = self._rule_reads[id(rule)] = frozenset(found)
        return cached

    def step_reads(self, step: Step) -> frozenset[str]:
        """Everything a step's status depends on, evidence included (remembered per step)."""
        cached = self._rule_reads.get(id(step))
        if cached is None:
            cached = self._rule_reads[id(step)] = (
                self.reads(step.applies_when)
                | self.reads(step.fail_when)
                | self.reads(step.pass_when)
                | self.reads(step.conditional_when)
                | self.reads(step.not_assessed_when)
                | frozenset(step.evidence_from)
                | self.reach_reads(step.applies_from)
            )
        return cached

    def reads(self, condition: ConditionNode | None) -> frozenset[str]:
        """Every question a condition reads, through derived facts (remembered per condition)."""
        if condition is None:
            return frozenset()
        cached = self._reads.get(id(condition))
        if cached is None:
            found = set(referenced_questions(condition))
            for fact_id in referenced_facts(condition):
                found |= self.fact_questions[fact_id]
            cached = self._reads[id(condition)] = frozenset(found)
        return cached


@dataclass
class AnswersMemo:
    """What depends on the answers alone, so that rulebooks judged on the same answers share it.

    Derived facts are kept by the identity of their condition: a fact from a shared facts file is the
    same object in every rulebook that uses it and reads only facts of its own file (a rulebook may not
    redefine them), so its truth is the same in each; a rulebook's own facts are objects of its own.
    """

    refs: dict[str, AnswerRef] = field(default_factory=dict)
    facts: dict[int, Truth] = field(default_factory=dict)
    cases: list[tuple[AnswerView, dict[int, Truth]]] | None = None  # see Context.truth
    cases_built: bool = False


@dataclass
class Context:
    """Everything one evaluation of one rulebook needs; facts are computed once and remembered."""

    compiled: CompiledQuestionnaire
    index: RulebookIndex
    answers: Mapping[str, Answer]
    date: dt.date
    timeline: str | None
    source_tags: Mapping[str, str]
    language: str = "en"
    explain: bool = True  # False: the verdict only, for exploration (no findings or answer lists)
    shared_view: AnswerView | None = None
    memo: AnswersMemo = field(default_factory=lambda: AnswersMemo())
    source_names: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def view(self) -> AnswerView:
        """One view of the answers; rulebooks judged on the same answers share it."""
        return self.shared_view or AnswerView(self.compiled, self.answers)

    @property
    def rulebook(self) -> Rulebook:
        return self.index.rulebook

    @property
    def msg(self) -> Messages:
        """The engine's own sentences in the reader's language (content text comes from `text`)."""
        return messages(self.language, "engine")

    def day(self, day: dt.date | None) -> str:
        """A date inside a finding: ISO in English (as it always was), the language's long date otherwise."""
        if day is None or self.language == SOURCE_LANGUAGE:
            return str(day)
        return self.msg.date(day)

    def text(self, value: Mapping[str, str] | None) -> str:
        if value is None or not self.explain:
            return ""
        return localise(value, self.language, self.compiled.questionnaire.default_language)

    def fact(self, fact_id: str) -> Truth:
        condition = self.index.facts_by_id[fact_id]
        facts = self.memo.facts
        key = id(condition)
        if key not in facts:
            facts[key] = evaluate(condition, self.view, self.fact)
        return facts[key]

    def truth(self, condition: ConditionNode | None, default: Truth = Truth.TRUE) -> Truth:
        """A condition's truth; with "one of these" answers, judged for each possibility in turn.

        True (false) only when true (false) in every case, else unknown: exact where test-by-test
        Kleene logic would leave `q = a or q = b` unknown."""
        if condition is None:
            return default
        cases = self._cases()
        if not cases:
            return evaluate(condition, self.view, self.fact)
        return all_of(evaluate(condition, view, self._case_fact(view, memo)) for view, memo in cases)

    def _cases(self) -> list[tuple[AnswerView, dict[int, Truth]]] | None:
        memo = self.memo
        if not memo.cases_built:
            entries = self.compiled.entries
            cases = answer_cases(
                self.answers, lambda q: q in entries and entries[q].question.type == "multiple_choice"
            )
            memo.cases = None if cases is None else [(AnswerView(self.compiled, c), {}) for c in cases]
            memo.cases_built = True
        return memo.cases

    def _case_fact(self, view: AnswerView, memo: dict[int, Truth]) -> Callable[[str], Truth]:
        def fact(fact_id: str) -> Truth:
            condition = self.index.facts_by_id[fact_id]
            key = id(condition)
            if key not in memo:
                memo[key] = evaluate(condition, view, fact)
            return memo[key]

        return fact

    def evidence_level(self, question_id: str) -> int:
        answer = self.answers.get(question_id)
        return answer.evidence_level if answer else 0

    def answer_ref(self, question_id: str) -> AnswerRef:
        refs = self.memo.refs
        if question_id not in refs:
            refs[question_id] = self._answer_ref(question_id)
        return refs[question_id]

    def _answer_ref(self, question_id: str) -> AnswerRef:
        entry = self.compiled.entries[question_id]
        build = partial(trusted, AnswerRef)
        if entry.group is None and not self.view.question_visible(question_id):
            return build(question=question_id, state="hidden", value=None, evidence_level=0)
        if entry.group is not None:
            items = self._item_refs(question_id, entry.group.id)
            return build(
                question=question_id,
                state="value",
                value=self.msg.gettext("(per item)"),
                evidence_level=0,
                items=items,
            )
        state = self.view.state(question_id)
        level = self.evidence_level(question_id)
        if isinstance(state, Known):
            value = state.value
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, Span | Possible) or value == math.inf:
                value = as_written(self.answers[question_id].value)
            elif entry.question.type == "group":
                value = self.msg.gettext("%(num)d item(s)") % {"num": len(value)}
            return build(question=question_id, state="value", value=value, evidence_level=level)
        name = "unknown" if state is UNKNOWN else "unanswered"
        return build(question=question_id, state=name, value=None, evidence_level=level)

    def _item_refs(self, question_id: str, group_id: str) -> tuple[ItemAnswerRef, ...]:
        """Each item's own answer to a group's question; "hidden" where that item does not ask it."""
        group = self.view.items(group_id)
        if not isinstance(group, Known):
            return ()
        build = partial(trusted, ItemAnswerRef)
        refs = []
        for item in group.value:
            if not self.view.item_question_visible(question_id, item):
                refs.append(build(state="hidden", value=None))
                continue
            state = self.view.state(question_id, item)
            if isinstance(state, Known):
                value = state.value.isoformat() if isinstance(state.value, dt.date) else state.value
                if isinstance(value, Span | Possible) or value == math.inf:
                    value = as_written(item[question_id].value)
                refs.append(build(state="value", value=value))
            else:
                refs.append(build(state="unknown" if state is UNKNOWN else "unanswered", value=None))
        return tuple(refs)

    def answer_refs(self, questions: Iterable[str]) -> tuple[AnswerRef, ...]:
        if not self.explain:
            return ()
        order = self.compiled.order
        return tuple(self.answer_ref(q) for q in sorted(set(questions), key=order.__getitem__))

    def sources(self, refs: Iterable[str]) -> tuple[SourceRef, ...]:
        if not self.explain:
            return ()
        return tuple(_source_ref(r, self.source_tags.get(r, "?"), self.source_names.get(r, r)) for r in refs)

    @property
    def timeline_used(self) -> str | None:
        """The timeline asked for, if this rulebook has it; else the rulebook's default."""
        ids = [t.id for t in self.rulebook.timelines]
        if self.timeline in ids:
            return self.timeline
        return next((t.id for t in self.rulebook.timelines if t.default), None)

    def in_force(self, applicability_id: str | None) -> tuple[bool, dt.date | None]:
        if applicability_id is None:
            return True, None
        item = next(a for a in self.rulebook.applicability if a.id == applicability_id)
        start = self.start_of(item)
        return self.date >= start, start

    def start_of(self, item: Applicability) -> dt.date:
        """The date the item applies from on the timeline used (its earliest date if it has none)."""
        timeline = self.timeline_used
        start = item.from_.get(timeline) if timeline else None
        return start if start is not None else min(item.from_.values())

    def reach(self, applicability_id: str | None) -> tuple[Truth, Truth]:
        """(applies, binding) of the rules resting on an applicability item, for this deployment."""
        if applicability_id is None:
            return Truth.TRUE, Truth.TRUE
        item = next(a for a in self.rulebook.applicability if a.id == applicability_id)
        return self.truth(item.applies_when), self.truth(item.binding_when)

    def not_binding_text(self, applicability_id: str | None) -> str:
        item = next((a for a in self.rulebook.applicability if a.id == applicability_id), None)
        return self.text(item.not_binding_text) if item is not None else ""

    def step_decisive(self, step: Step) -> bool:
        """A decisive step counts toward the verdict unless its instrument is known not to bind here."""
        return step.decisive and self.reach(step.applies_from)[1] is not Truth.FALSE

    def known_values(self, questions: Iterable[str]) -> list[str]:
        return [
            q
            for q in questions
            if self.compiled.entries[q].group is None and isinstance(self.view.state(q), Known)
        ]


@functools.lru_cache(maxsize=4096)
def _source_ref(source_id: str, tag: str, name: str) -> SourceRef:
    """One immutable object per (source, tag, name), shared: an evaluation cites ~200 sources."""
    return trusted(SourceRef, id=source_id, tag=tag, name=name)


# ------------------------------------------------------------------------------------------ gates


@dataclass(frozen=True)
class GateStatus:
    gate: Gate
    shown: bool
    reason: str  # "shown", "no", "unknown", "evidence"
    questions: frozenset[str]


def gate_status(ctx: Context, gate: Gate) -> GateStatus:
    reads = ctx.index.reads(gate.shown_when)
    truth = ctx.truth(gate.shown_when)
    if truth is Truth.FALSE:
        return GateStatus(gate, False, "no", reads)
    if truth is Truth.UNKNOWN:
        return GateStatus(gate, False, "unknown", reads)
    if not _evidence_ok(ctx, gate.min_evidence, gate.evidence_from or reads):
        return GateStatus(gate, False, "evidence", reads)
    return GateStatus(gate, True, "shown", reads)


def _evidence_ok(ctx: Context, minimum: int, questions: Iterable[str]) -> bool:
    return not evidence_short(ctx, minimum, questions)


def evidence_short(ctx: Context, minimum: int, questions: Iterable[str]) -> list[str]:
    """The answered questions whose evidence is below `minimum`, in questionnaire order."""
    if minimum <= 0:
        return []
    short = [q for q in ctx.known_values(questions) if ctx.evidence_level(q) < minimum]
    return sorted(short, key=ctx.compiled.order.__getitem__)


def step_claims(ctx: Context, step: Step) -> frozenset[str]:
    """What a step's passing rests on: `evidence_from`, else what pass_when (or fail_when) reads."""
    return frozenset(step.evidence_from) or ctx.index.reads(step.pass_when) or ctx.index.reads(step.fail_when)


# ------------------------------------------------------------------------------------- red lines


def _finding(ctx: Context, **fields: Any) -> Finding | None:
    """A finding, built only when the result is to be explained."""
    if not ctx.explain:
        return None
    fields.setdefault("missing_gates", ())
    fields.setdefault("applies_from", None)
    return trusted(Finding, **fields)


@dataclass
class RedLineOutcome:
    rule: RedLine
    state: str  # "fires", "undetermined", "clear", "exception_shown", "not_in_force", "advisory"
    finding: Finding | None
    reads: frozenset[str]
    gates: tuple[GateStatus, ...] = ()


def judge_red_line(ctx: Context, rule: RedLine) -> RedLineOutcome:
    """A red line's state, limited by where its instrument reaches and binds: out of reach it is clear;
    where it is known not to bind, a crossing is information only ("advisory", never counted); where
    reach or binding is unknown, a crossing is undetermined."""
    applies, binding = ctx.reach(rule.applies_from)
    if applies is Truth.FALSE:
        return RedLineOutcome(rule, "clear", None, ctx.index.red_line_reads(rule))
    outcome = _judge_red_line(ctx, rule)
    if outcome.state not in ("fires", "undetermined"):
        return outcome
    reach_reads = ctx.index.reach_reads(rule.applies_from)
    if binding is Truth.FALSE:
        finding = outcome.finding
        if finding is not None:
            note = ctx.not_binding_text(rule.applies_from)
            finding = finding.model_copy(
                update={"severity": "info", "kind": "applicability", "text": f"{finding.text} {note}".strip()}
            )
        return RedLineOutcome(rule, "advisory", finding, outcome.reads | reach_reads, outcome.gates)
    if outcome.state == "fires" and Truth.UNKNOWN in (applies, binding):
        finding = outcome.finding
        if finding is not None:
            finding = finding.model_copy(
                update={
                    "severity": "undetermined",
                    "text": finding.text
                    + " "
                    + ctx.msg.gettext(
                        "Whether this rule binds this deployment depends on answers that are unknown."
                    ),
                }
            )
        return RedLineOutcome(rule, "undetermined", finding, outcome.reads | reach_reads, outcome.gates)
    return outcome


def _judge_red_line(ctx: Context, rule: RedLine) -> RedLineOutcome:
    reads = ctx.index.reads(rule.when)
    truth = ctx.truth(rule.when)
    in_force, start = ctx.in_force(rule.applies_from)
    title, text = ctx.text(rule.title), ctx.text(rule.text)
    base = {"rule": rule.id, "title": title, "sources": ctx.sources(rule.refs)}
    if not in_force:
        if truth is Truth.FALSE:
            return RedLineOutcome(rule, "not_in_force", None, reads)
        later = ctx.msg.gettext("Not yet in force on %(date)s: applies from %(start)s.") % {
            "date": ctx.day(ctx.date),
            "start": ctx.day(start),
        }
        finding = _finding(
            ctx,
            **base,
            kind="applicability",
            severity="warning",
            text=f"{text} {later}",
            short=later,
            answers=ctx.answer_refs(reads),
            applies_from=start,
        )
        return RedLineOutcome(rule, "not_in_force", finding, reads)
    if truth is Truth.FALSE:
        return RedLineOutcome(rule, "clear", None, reads)
    if truth is Truth.UNKNOWN:
        still_open = _still_open(ctx, rule) if ctx.explain else ""
        finding = _finding(
            ctx,
            **base,
            kind="red_line",
            severity="undetermined",
            text=f"{text} {still_open}",
            short=still_open,
            answers=ctx.answer_refs(reads),
        )
        return RedLineOutcome(rule, "undetermined", finding, reads)
    gates = tuple(gate_status(ctx, g) for g in rule.exceptions)
    gate_reads = frozenset().union(*(g.questions for g in gates)) if gates else frozenset()
    if gates and all(g.shown for g in gates):
        shown = ctx.msg.gettext("An exception is claimed and every one of its conditions is shown.")
        finding = _finding(
            ctx,
            **base,
            kind="exception",
            severity="info",
            text=f"{text} {shown}",
            short=shown,
            answers=ctx.answer_refs(reads | gate_reads),
        )
        return RedLineOutcome(rule, "exception_shown", finding, reads | gate_reads, gates)
    missing = tuple(g.gate.id for g in gates if not g.shown)
    detail = ""
    if gates:
        m = ctx.msg
        reasons = {
            "no": m.gettext("%(gate)s — not met"),
            "unknown": m.gettext("%(gate)s — not shown (unknown)"),
            "evidence": m.gettext("%(gate)s — evidence too weak"),
        }
        listed = "; ".join(reasons[g.reason] % {"gate": ctx.text(g.gate.title)} for g in gates if not g.shown)
        detail = " " + m.gettext("The exception does not hold: %(gates)s.") % {"gates": listed}
    finding = _finding(
        ctx,
        **base,
        kind="red_line",
        severity="red_line",
        text=text + detail,
        short=ctx.text(rule.short),
        answers=ctx.answer_refs(reads | gate_reads),
        missing_gates=missing,
    )
    return RedLineOutcome(rule, "fires", finding, reads | gate_reads, gates)


def _still_open(ctx: Context, rule: RedLine) -> str:
    """What keeps a red line undecided, in terms of the answers given: the parts of its condition
    that are still unknown, and those the answers already establish. A derived fact that is only a
    conjunction (or another fact) is opened into its parts; every other part is named by its fact's
    label or its question's label, so the words follow the rulebook's data and the answers."""
    facts = {fact.id: fact for fact in ctx.rulebook.facts}
    node = rule.when
    while isinstance(node, FactRef) and isinstance(facts[node.fact].when, All | FactRef):
        node = facts[node.fact].when
    parts = node.all if isinstance(node, All) else (node,)
    still: list[str] = []
    known: list[str] = []
    others = 0
    for part in parts:
        truth = ctx.truth(part)
        if truth is Truth.FALSE:  # cannot happen while the whole is unknown; named nowhere
            continue
        if isinstance(part, FactRef):
            label = ctx.text(facts[part.fact].label)
        elif isinstance(part, QuestionTest):
            label = ctx.msg.gettext("“%(label)s”") % {
                "label": ctx.text(ctx.compiled.entries[part.question].question.label)
            }
        else:
            label = ""
        if truth is Truth.UNKNOWN:
            if label:
                still.append(label)
            else:
                others += 1
        elif label:
            known.append(label)
    m = ctx.msg
    if others:
        still.append(m.ngettext("a further condition", "%(num)d further conditions", others))
    text = m.gettext("Whether this applies depends on answers not yet known.")
    if still:
        text += " " + m.gettext("Still open: %(parts)s.") % {"parts": "; ".join(still)}
    if known:
        text += " " + m.gettext("Already established by the answers: %(parts)s.") % {
            "parts": "; ".join(known)
        }
    return text


# ------------------------------------------------------------------------------------------ steps


def step_status(ctx: Context, step: Step) -> tuple[str, str]:
    """(status, why) of one step; the why is a key the explaining path turns into words."""
    in_force, _start = ctx.in_force(step.applies_from)
    if not in_force:
        return "not_in_force", "later"
    reaches, _binding = ctx.reach(step.applies_from)
    applies = min(ctx.truth(step.applies_when), reaches)  # Kleene AND: out of reach is not applicable
    if applies is Truth.FALSE:
        return "not_applicable", "not_applicable"
    failed = ctx.truth(step.fail_when, Truth.FALSE)
    if failed is Truth.TRUE:
        # A step that may not apply at all cannot fail the deployment: at worst it is undetermined.
        return ("fail", "fail") if applies is Truth.TRUE else ("undetermined", "applies_unknown")
    if failed is Truth.UNKNOWN:
        return "undetermined", "unknown"
    # What this product cannot judge is never certified: undetermined, whatever pass_when says.
    beyond = ctx.truth(step.not_assessed_when, Truth.FALSE)
    if beyond is not Truth.FALSE:
        return "undetermined", ("not_assessed" if beyond is Truth.TRUE else "unknown")
    passed = ctx.truth(step.pass_when, Truth.TRUE)
    if passed is Truth.TRUE:
        # Evidence is asked of what the step's passing rests on, not of everything it reads.
        if not _evidence_ok(ctx, step.min_evidence, step_claims(ctx, step)):
            return "undetermined", "evidence"
        return "pass", "pass"
    if ctx.truth(step.conditional_when, Truth.FALSE) is Truth.TRUE:
        return "conditional", "conditional"
    if passed is Truth.FALSE:
        return ("fail", "fail") if applies is Truth.TRUE else ("undetermined", "applies_unknown")
    return "undetermined", "unknown"


def judge_step(ctx: Context, step: Step) -> tuple[StepResult, frozenset[str]]:
    """A step with its explanation: status, reason in words, and the answers it read."""
    reads = ctx.index.step_reads(step)
    status, why = step_status(ctx, step)
    title = ctx.text(_outcome_title(step, status))
    m = ctx.msg
    reasons = {
        "later": lambda: (
            m.gettext("applies from %(date)s") % {"date": ctx.day(ctx.in_force(step.applies_from)[1])}
        ),
        "not_applicable": lambda: m.gettext("does not apply to this deployment"),
        "fail": lambda: ctx.text(step.fail_text) or title,
        "unknown": lambda: m.gettext("depends on answers that are unknown"),
        "not_assessed": lambda: (
            ctx.text(step.not_assessed_text) or m.gettext("this product cannot judge it: a lawyer should")
        ),
        "applies_unknown": lambda: m.gettext(
            "would fail, but whether it applies to this deployment is unknown"
        ),
        "evidence": lambda: _evidence_reason(ctx, step),
        "pass": lambda: ctx.text(step.pass_text) or title,
        "conditional": lambda: (
            ctx.text(step.conditional_text)
            or m.gettext("passes only once the planned safeguards are in place")
        ),
    }
    decisive = ctx.step_decisive(step)
    reason = reasons[why]()
    if step.decisive and not decisive and status in ("fail", "undetermined", "conditional"):
        reason = f"{reason} {ctx.not_binding_text(step.applies_from)}".strip()
    result = trusted(
        StepResult,
        id=step.id,
        title=title,
        status=status,
        reason=reason,
        decisive=decisive,
        answers=ctx.answer_refs(reads),
    )
    return result, reads


def _outcome_title(step: Step, status: str) -> Mapping[str, str]:
    """The headline of what happened: a failed step is headed by its failing title, never its passing one."""
    chosen = {
        "fail": step.fail_title,
        "undetermined": step.unknown_title,
        "conditional": step.conditional_title,
    }.get(status)
    return chosen or step.title


def _evidence_reason(ctx: Context, step: Step) -> str:
    short = evidence_short(ctx, step.min_evidence, step_claims(ctx, step))
    m = ctx.msg
    labels = "; ".join(
        m.gettext("“%(label)s”") % {"label": ctx.text(ctx.compiled.entries[q].question.label)} for q in short
    )
    return m.gettext(
        "the answer needs evidence at level %(level)d or higher (a document, not a claim): %(labels)s"
    ) % {
        "level": step.min_evidence,
        "labels": labels,
    }


_STEP_RANK = {"fail": 0, "undetermined": 1, "conditional": 2, "pass": 3}


def judge_tests(ctx: Context) -> tuple[tuple[TestResult, ...], list[Finding], dict[str, frozenset[str]]]:
    """Every test in order; without `ctx.explain`, statuses only (no findings, no answer lists)."""
    results: list[TestResult] = []
    findings: list[Finding] = []
    reads_by_step: dict[str, frozenset[str]] = {}
    status_by_test: dict[str, str] = {}
    for test in ctx.rulebook.tests:
        title = ctx.text(test.title)
        if any(status_by_test.get(before) == "fail" for before in test.after):
            status_by_test[test.id] = "not_reached"
            results.append(trusted(TestResult, id=test.id, title=title, status="not_reached", steps=()))
            continue
        steps: list[StepResult] = []
        decisive: list[str] = []
        for step in test.steps:
            counts = ctx.step_decisive(step)
            if not ctx.explain:
                status, _why = step_status(ctx, step)
                if counts and status in _STEP_RANK:
                    decisive.append(status)
                if counts and status in ("fail", "undetermined", "conditional"):
                    reads_by_step[step.id] = ctx.index.step_reads(step)
                continue
            outcome, reads = judge_step(ctx, step)
            steps.append(outcome)
            reads_by_step[step.id] = reads
            if counts and outcome.status in _STEP_RANK:
                decisive.append(outcome.status)
            if outcome.status in ("fail", "undetermined", "conditional"):
                severity = outcome.status if counts else "warning"
                findings.append(
                    trusted(
                        Finding,
                        rule=step.id,
                        kind="step",
                        severity=severity,
                        title=outcome.title,
                        text=outcome.reason,
                        short=outcome.reason,
                        answers=outcome.answers,
                        sources=ctx.sources(step.refs),
                        missing_gates=(),
                        applies_from=None,
                    )
                )
        status = min(decisive, key=_STEP_RANK.__getitem__) if decisive else "not_applicable"
        status_by_test[test.id] = status
        results.append(trusted(TestResult, id=test.id, title=title, status=status, steps=tuple(steps)))
    return tuple(results), findings, reads_by_step


# ---------------------------------------------------------------------------------------- verdict


@dataclass
class Judgement:
    """A rulebook judged on the answers as they stand, with what the exploration needs."""

    result: RulebookResult
    red_lines: list[RedLineOutcome]
    decisive_reads: frozenset[str]
    step_states: dict[str, str] = field(default_factory=dict)  # step id → status, for quick re-judging


def judge(ctx: Context) -> Judgement:
    rulebook = ctx.rulebook
    applies_truth = ctx.truth(rulebook.applies_when)
    applies = {Truth.TRUE: "yes", Truth.FALSE: "no", Truth.UNKNOWN: "unknown"}[applies_truth]
    title = ctx.text(rulebook.title)
    if applies == "no":
        result = trusted(
            RulebookResult,
            id=rulebook.id,
            title=title,
            verdict="not_applicable",
            applies="no",
            timeline=ctx.timeline_used,
            rules_as_of=rulebook.rules_as_of,
        )
        return Judgement(result, [], frozenset())
    outcomes = [judge_red_line(ctx, rule) for rule in rulebook.red_lines]
    tests, step_findings, reads_by_step = judge_tests(ctx)
    findings = [o.finding for o in outcomes if o.finding is not None] + step_findings

    decisive_reads: set[str] = set(ctx.index.reads(rulebook.applies_when)) if applies == "unknown" else set()
    for outcome in outcomes:
        if outcome.state in ("fires", "undetermined", "exception_shown"):
            decisive_reads |= outcome.reads
    for test in tests:
        for step in test.steps:
            if step.decisive and step.status in ("fail", "undetermined", "conditional"):
                decisive_reads |= reads_by_step[step.id]
    if not ctx.explain:
        for reads in reads_by_step.values():
            decisive_reads |= reads

    verdict = verdict_of(applies, [o.state for o in outcomes], [t.status for t in tests])

    safeguards = tuple(
        trusted(Safeguard, id=s.id, text=ctx.text(s.text), sources=ctx.sources(s.refs))
        for s in rulebook.safeguards
        if ctx.explain and ctx.truth(s.when) is not Truth.FALSE
    )
    order = {
        name: i
        for i, name in enumerate(("red_line", "fail", "undetermined", "conditional", "warning", "info"))
    }
    findings.sort(key=lambda f: order[f.severity])
    result = trusted(
        RulebookResult,
        id=rulebook.id,
        title=title,
        verdict=verdict,
        timeline=ctx.timeline_used,
        rules_as_of=rulebook.rules_as_of,
        applies=applies,  # type: ignore[arg-type]
        tests=tests,
        findings=tuple(findings),
        safeguards=safeguards,
    )
    step_states = {step.id: step.status for test in tests for step in test.steps}
    return Judgement(result, outcomes, frozenset(decisive_reads), step_states)


def verdict_of(applies: str, red_line_states: Iterable[str], test_statuses: Iterable[str]) -> Verdict:
    """The ladder, top down, from the red lines' states and the tests' statuses."""
    reds = set(red_line_states)
    statuses = set(test_statuses)
    if "fires" in reds:
        verdict: Verdict = "red_line"
    elif "fail" in statuses:
        verdict = "fails"
    elif "undetermined" in reds or "undetermined" in statuses:
        verdict = "insufficient_information"
    elif "conditional" in statuses:
        verdict = "conditional"
    else:
        verdict = "passes"
    if applies == "unknown" and verdict in ("conditional", "passes"):
        verdict = "insufficient_information"  # whether the rulebook applies is itself unknown
    return verdict


def test_statuses(
    rulebook: Rulebook, status_of: Callable[[Step], str], decisive_of: Callable[[Step], bool]
) -> dict[str, str]:
    """Each test's status from its decisive steps, in order; a test after a failed one is not reached."""
    statuses: dict[str, str] = {}
    for test in rulebook.tests:
        if any(statuses.get(before) == "fail" for before in test.after):
            statuses[test.id] = "not_reached"
            continue
        decisive = [s for step in test.steps if decisive_of(step) and (s := status_of(step)) in _STEP_RANK]
        statuses[test.id] = min(decisive, key=_STEP_RANK.__getitem__) if decisive else "not_applicable"
    return statuses


def quick_verdict(ctx: Context, base: Judgement, touched: frozenset[str]) -> Verdict:
    """The verdict after answers in `touched` changed, re-judging only the rules that read them;
    every other rule keeps its state from `base` (the judgement of the answers before the change)."""
    rulebook, index = ctx.rulebook, ctx.index
    if base.result.applies == "no" or index.reads(rulebook.applies_when) & touched:
        applies = {Truth.TRUE: "yes", Truth.FALSE: "no", Truth.UNKNOWN: "unknown"}[
            ctx.truth(rulebook.applies_when)
        ]
        if applies == "no" or base.result.applies == "no":
            return "not_applicable" if applies == "no" else judge(ctx).result.verdict
    else:
        applies = base.result.applies
    reds = [
        judge_red_line(ctx, outcome.rule).state
        if index.red_line_reads(outcome.rule) & touched
        else outcome.state
        for outcome in base.red_lines
    ]

    def status_of(step: Step) -> str:
        known = base.step_states.get(step.id)
        if known is not None and not index.step_reads(step) & touched:
            return known
        return step_status(ctx, step)[0]

    return verdict_of(applies, reds, test_statuses(rulebook, status_of, ctx.step_decisive).values())


def better(a: Verdict, b: Verdict) -> bool:
    """Whether verdict a is better (further from a red line) than b."""
    return VERDICT_ORDER.index(a) > VERDICT_ORDER.index(b)
