"""The evaluation engine: answers + rulebook → verdict, tests, findings (pure Python, no I/O).

The mechanism only; every rule, threshold, gate and date is data in a rulebook. The burden of proof
is on the deployer: once the facts of a prohibited practice are established, an exception counts only
if every one of its gates is shown — answered yes, with evidence at the gate's minimum level. Unknown
never counts as a pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pia_wizard.core.base import localise
from pia_wizard.core.compiled import CompiledQuestionnaire
from pia_wizard.core.condition_check import referenced_facts, referenced_questions
from pia_wizard.core.conditions import ConditionNode
from pia_wizard.core.evaluation import (
    VERDICT_ORDER,
    AnswerRef,
    Finding,
    RulebookResult,
    Safeguard,
    SourceRef,
    StepResult,
    TestResult,
    Verdict,
)
from pia_wizard.core.logic import UNANSWERED, UNKNOWN, Known, Truth, evaluate
from pia_wizard.core.models.assessment import Answer
from pia_wizard.core.models.rulebook import Gate, RedLine, Rulebook, Step
from pia_wizard.core.visibility import AnswerView


@dataclass(frozen=True)
class RulebookIndex:
    """What the engine precomputes once per rulebook: the questions each fact and rule reads."""

    rulebook: Rulebook
    fact_questions: Mapping[str, frozenset[str]]

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

        return cls(rulebook, {fact_id: reads(fact_id) for fact_id in facts})

    def reads(self, condition: ConditionNode | None) -> frozenset[str]:
        """Every question a condition reads, through derived facts."""
        if condition is None:
            return frozenset()
        found = set(referenced_questions(condition))
        for fact_id in referenced_facts(condition):
            found |= self.fact_questions[fact_id]
        return frozenset(found)


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
    _facts: dict[str, Truth] = field(default_factory=dict)

    @cached_property
    def view(self) -> AnswerView:
        return AnswerView(self.compiled, self.answers)

    @property
    def rulebook(self) -> Rulebook:
        return self.index.rulebook

    def text(self, value: Mapping[str, str] | None) -> str:
        if value is None:
            return ""
        return localise(value, self.language, self.compiled.questionnaire.default_language)

    def fact(self, fact_id: str) -> Truth:
        if fact_id not in self._facts:
            definition = next(f for f in self.rulebook.facts if f.id == fact_id)
            self._facts[fact_id] = evaluate(definition.when, self.view, self.fact)
        return self._facts[fact_id]

    def truth(self, condition: ConditionNode | None, default: Truth = Truth.TRUE) -> Truth:
        return default if condition is None else evaluate(condition, self.view, self.fact)

    def evidence_level(self, question_id: str) -> int:
        answer = self.answers.get(question_id)
        return max((e.confidence for e in answer.evidence), default=0) if answer else 0

    def answer_ref(self, question_id: str) -> AnswerRef:
        entry = self.compiled.entries[question_id]
        if entry.group is None and not self.view.question_visible(question_id):
            return AnswerRef(question=question_id, state="hidden")
        if entry.group is not None:
            return AnswerRef(question=question_id, state="value", value="(per item)")
        state = self.view.state(question_id)
        level = self.evidence_level(question_id)
        if isinstance(state, Known):
            value = state.value
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif entry.question.type == "group":
                value = f"{len(value)} item(s)"
            return AnswerRef(question=question_id, state="value", value=value, evidence_level=level)
        name = "unknown" if state is UNKNOWN else "unanswered"
        return AnswerRef(question=question_id, state=name, evidence_level=level)

    def answer_refs(self, questions: Iterable[str]) -> tuple[AnswerRef, ...]:
        order = list(self.compiled.entries)
        return tuple(self.answer_ref(q) for q in sorted(set(questions), key=order.index))

    def sources(self, refs: Iterable[str]) -> tuple[SourceRef, ...]:
        return tuple(SourceRef(id=r, tag=self.source_tags.get(r, "?")) for r in refs)

    def in_force(self, applicability_id: str | None) -> tuple[bool, dt.date | None]:
        if applicability_id is None:
            return True, None
        item = next(a for a in self.rulebook.applicability if a.id == applicability_id)
        timeline = self.timeline or next((t.id for t in self.rulebook.timelines if t.default), None)
        start = item.from_.get(timeline) if timeline else None
        if start is None:
            start = min(item.from_.values())
        return self.date >= start, start

    def known_values(self, questions: Iterable[str]) -> list[str]:
        return [
            q
            for q in questions
            if self.compiled.entries[q].group is None and isinstance(self.view.state(q), Known)
        ]


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
    if minimum <= 0:
        return True
    return all(ctx.evidence_level(q) >= minimum for q in ctx.known_values(questions))


# ------------------------------------------------------------------------------------- red lines


@dataclass
class RedLineOutcome:
    rule: RedLine
    state: str  # "fires", "undetermined", "clear", "exception_shown", "not_in_force"
    finding: Finding | None
    reads: frozenset[str]
    gates: tuple[GateStatus, ...] = ()


def judge_red_line(ctx: Context, rule: RedLine) -> RedLineOutcome:
    reads = ctx.index.reads(rule.when)
    truth = ctx.truth(rule.when)
    in_force, start = ctx.in_force(rule.applies_from)
    title, text = ctx.text(rule.title), ctx.text(rule.text)
    base = {"rule": rule.id, "title": title, "sources": ctx.sources(rule.refs)}
    if not in_force:
        if truth is Truth.FALSE:
            return RedLineOutcome(rule, "not_in_force", None, reads)
        finding = Finding(
            **base,
            kind="applicability",
            severity="warning",
            text=f"{text} Not yet in force on {ctx.date.isoformat()}: applies from {start}.",
            answers=ctx.answer_refs(reads),
            applies_from=start,
        )
        return RedLineOutcome(rule, "not_in_force", finding, reads)
    if truth is Truth.FALSE:
        return RedLineOutcome(rule, "clear", None, reads)
    if truth is Truth.UNKNOWN:
        finding = Finding(
            **base,
            kind="red_line",
            severity="undetermined",
            text=f"{text} Whether this applies depends on answers that are unknown.",
            answers=ctx.answer_refs(reads),
        )
        return RedLineOutcome(rule, "undetermined", finding, reads)
    gates = tuple(gate_status(ctx, g) for g in rule.exceptions)
    gate_reads = frozenset().union(*(g.questions for g in gates)) if gates else frozenset()
    if gates and all(g.shown for g in gates):
        finding = Finding(
            **base,
            kind="exception",
            severity="info",
            text=f"{text} An exception is claimed and every condition of it is shown: "
            + ", ".join(g.gate.id for g in gates)
            + ".",
            answers=ctx.answer_refs(reads | gate_reads),
        )
        return RedLineOutcome(rule, "exception_shown", finding, reads | gate_reads, gates)
    missing = tuple(g.gate.id for g in gates if not g.shown)
    detail = ""
    if gates:
        reasons = {"no": "not met", "unknown": "not shown (unknown)", "evidence": "evidence too weak"}
        detail = (
            " The exception does not hold: "
            + "; ".join(
                f"{g.gate.id} {ctx.text(g.gate.title)} — {reasons[g.reason]}" for g in gates if not g.shown
            )
            + "."
        )
    finding = Finding(
        **base,
        kind="red_line",
        severity="red_line",
        text=text + detail,
        answers=ctx.answer_refs(reads | gate_reads),
        missing_gates=missing,
    )
    return RedLineOutcome(rule, "fires", finding, reads | gate_reads, gates)


# ------------------------------------------------------------------------------------------ steps


def judge_step(ctx: Context, step: Step) -> tuple[StepResult, frozenset[str]]:
    reads = (
        ctx.index.reads(step.applies_when)
        | ctx.index.reads(step.fail_when)
        | ctx.index.reads(step.pass_when)
        | ctx.index.reads(step.conditional_when)
    )
    title = ctx.text(step.title)

    def result(status: str, reason: str) -> tuple[StepResult, frozenset[str]]:
        return (
            StepResult(
                id=step.id,
                title=title,
                status=status,  # type: ignore[arg-type]
                reason=reason,
                decisive=step.decisive,
                answers=ctx.answer_refs(reads),
            ),
            reads,
        )

    in_force, start = ctx.in_force(step.applies_from)
    if not in_force:
        return result("not_in_force", f"applies from {start}")
    if ctx.truth(step.applies_when) is Truth.FALSE:
        return result("not_applicable", "does not apply to this deployment")
    failed = ctx.truth(step.fail_when, Truth.FALSE)
    if failed is Truth.TRUE:
        return result("fail", ctx.text(step.fail_text) or title)
    if failed is Truth.UNKNOWN:
        return result("undetermined", "depends on answers that are unknown")
    passed = ctx.truth(step.pass_when, Truth.TRUE)
    if passed is Truth.TRUE:
        if not _evidence_ok(ctx, step.min_evidence, step.evidence_from or reads):
            return result("undetermined", f"the evidence is below the required level ({step.min_evidence})")
        return result("pass", ctx.text(step.pass_text) or title)
    if ctx.truth(step.conditional_when, Truth.FALSE) is Truth.TRUE:
        return result("conditional", "passes only once the planned safeguards are in place")
    if passed is Truth.FALSE:
        return result("fail", ctx.text(step.fail_text) or title)
    return result("undetermined", "depends on answers that are unknown")


_STEP_RANK = {"fail": 0, "undetermined": 1, "conditional": 2, "pass": 3}


def judge_tests(ctx: Context) -> tuple[tuple[TestResult, ...], list[Finding], dict[str, frozenset[str]]]:
    results: list[TestResult] = []
    findings: list[Finding] = []
    reads_by_step: dict[str, frozenset[str]] = {}
    status_by_test: dict[str, str] = {}
    for test in ctx.rulebook.tests:
        title = ctx.text(test.title)
        if any(status_by_test.get(before) == "fail" for before in test.after):
            status_by_test[test.id] = "not_reached"
            results.append(TestResult(id=test.id, title=title, status="not_reached"))
            continue
        steps = []
        for step in test.steps:
            outcome, reads = judge_step(ctx, step)
            steps.append(outcome)
            reads_by_step[step.id] = reads
            if outcome.status in ("fail", "undetermined", "conditional"):
                severity = outcome.status if step.decisive else "warning"
                findings.append(
                    Finding(
                        rule=step.id,
                        kind="step",
                        severity=severity,  # type: ignore[arg-type]
                        title=outcome.title,
                        text=outcome.reason,
                        answers=outcome.answers,
                        sources=ctx.sources(step.refs),
                    )
                )
        decisive = [s.status for s in steps if s.decisive and s.status in _STEP_RANK]
        status = min(decisive, key=_STEP_RANK.__getitem__) if decisive else "not_applicable"
        status_by_test[test.id] = status
        results.append(TestResult(id=test.id, title=title, status=status, steps=tuple(steps)))  # type: ignore[arg-type]
    return tuple(results), findings, reads_by_step


# ---------------------------------------------------------------------------------------- verdict


@dataclass
class Judgement:
    """A rulebook judged on the answers as they stand, with what the exploration needs."""

    result: RulebookResult
    red_lines: list[RedLineOutcome]
    decisive_reads: frozenset[str]


def judge(ctx: Context) -> Judgement:
    rulebook = ctx.rulebook
    applies_truth = ctx.truth(rulebook.applies_when)
    applies = {Truth.TRUE: "yes", Truth.FALSE: "no", Truth.UNKNOWN: "unknown"}[applies_truth]
    title = ctx.text(rulebook.title)
    if applies == "no":
        result = RulebookResult(id=rulebook.id, title=title, verdict="not_applicable", applies="no")
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

    statuses = [t.status for t in tests]
    if any(o.state == "fires" for o in outcomes):
        verdict: Verdict = "red_line"
    elif "fail" in statuses:
        verdict = "fails"
    elif any(o.state == "undetermined" for o in outcomes) or "undetermined" in statuses:
        verdict = "insufficient_information"
    elif "conditional" in statuses:
        verdict = "conditional"
    else:
        verdict = "passes"
    if applies == "unknown" and verdict in ("conditional", "passes"):
        verdict = "insufficient_information"  # whether the rulebook applies is itself unknown

    safeguards = tuple(
        Safeguard(id=s.id, text=ctx.text(s.text), sources=ctx.sources(s.refs))
        for s in rulebook.safeguards
        if ctx.truth(s.when) is not Truth.FALSE
    )
    order = {
        name: i
        for i, name in enumerate(("red_line", "fail", "undetermined", "conditional", "warning", "info"))
    }
    findings.sort(key=lambda f: order[f.severity])
    result = RulebookResult(
        id=rulebook.id,
        title=title,
        verdict=verdict,
        applies=applies,  # type: ignore[arg-type]
        tests=tests,
        findings=tuple(findings),
        safeguards=safeguards,
    )
    return Judgement(result, outcomes, frozenset(decisive_reads))


def better(a: Verdict, b: Verdict) -> bool:
    """Whether verdict a is better (further from a red line) than b."""
    return VERDICT_ORDER.index(a) > VERDICT_ORDER.index(b)


def states_of(ctx: Context, questions: Iterable[str]) -> dict[str, Any]:
    return {q: ctx.view.state(q) for q in questions}


__all__ = ["UNANSWERED", "Context", "Judgement", "RulebookIndex", "better", "judge"]
