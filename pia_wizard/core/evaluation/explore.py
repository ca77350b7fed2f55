"""What would change a verdict: information gaps ranked by impact, and counterfactuals.

Both work by re-evaluation: the engine is fast and pure, so trying each possible answer of a question
and judging again is simpler and more honest than reasoning about the rules symbolically.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any

from pia_wizard.core.answers.answer_check import NONE_CHOICE
from pia_wizard.core.evaluation.engine import Context, Judgement, better, evidence_short, step_claims
from pia_wizard.core.evaluation.results import Change, Counterfactual, Gap, Verdict, verdict_label
from pia_wizard.core.models.assessment import Answer, Evidence
from pia_wizard.core.models.base import localise
from pia_wizard.core.models.conditions import All, AllItems, AnyItem, AnyOf, ConditionNode, Not, QuestionTest
from pia_wizard.core.models.messages import SOURCE_LANGUAGE, Messages, messages
from pia_wizard.core.models.rulebook import Rulebook, Step
from pia_wizard.core.rules.logic import UNKNOWN, Known, Possible, Span, Truth
from pia_wizard.core.rules.partial import as_written
from pia_wizard.core.rules.rulebook_check import conditions_of

MAX_COUNTERFACTUALS = 8


def thresholds(rulebooks: Iterable[Rulebook], compiled: Any = None) -> dict[str, set[Any]]:
    """What each question is compared with: numbers and dates (to pick values on both sides of them)
    and choice values (choices no condition names behave alike, so one of them stands for all)."""
    found: dict[str, set[Any]] = {}

    def walk(node: ConditionNode) -> None:
        if isinstance(node, QuestionTest):
            for op in ("equals", "gt", "ge", "lt", "le"):
                value = node.operand(op)
                if isinstance(value, int | float | dt.date | str) and not isinstance(value, bool):
                    found.setdefault(node.question, set()).add(value)
            for op in ("in", "includes_any", "includes_all"):
                for value in node.operand(op) or ():
                    if isinstance(value, str):
                        found.setdefault(node.question, set()).add(value)
        elif isinstance(node, Not):
            walk(node.not_)
        elif isinstance(node, All | AnyOf):
            for member in node.all if isinstance(node, All) else node.any:
                walk(member)
        elif isinstance(node, AnyItem | AllItems):
            walk(node.where)

    for rulebook in rulebooks:
        for _path, condition in conditions_of(rulebook):
            walk(condition)
        for fact in rulebook.facts:
            walk(fact.when)
    if compiled is not None:
        from pia_wizard.core.rules.compiled import conditions_of as show_ifs

        for _owner, condition, _scope, _path in show_ifs(compiled):
            walk(condition)
    return found


def _representatives(values: list[str], named: set[Any]) -> list[str]:
    """The named values, and one value standing for all the unnamed ones."""
    kept = [v for v in values if v in named]
    unnamed = [v for v in values if v not in named]
    return kept + unnamed[:1]


def alternatives(ctx: Context, question_id: str, limits: Mapping[str, set[Any]]) -> list[Any]:
    """Plausible other values for a question: every choice, yes and no, each side of a threshold."""
    entry = ctx.compiled.entries[question_id]
    question = entry.question
    qtype = question.type
    if entry.group is not None or qtype == "group":
        return []
    named = {v for v in limits.get(question_id, ()) if isinstance(v, str)}
    if qtype == "single_choice":
        return _representatives([c.value for c in entry.choices], named)
    if qtype == "multiple_choice":
        state = ctx.view.state(question_id)
        known = isinstance(state, Known) and not isinstance(state.value, Possible)
        current = set(state.value) if known else set()  # type: ignore[union-attr]
        options = []
        for value in _representatives([c.value for c in entry.choices], named):
            changed = current ^ {value}
            if NONE_CHOICE in changed and len(changed) > 1:  # "none" excludes the others (answer_check)
                changed = {NONE_CHOICE} if value == NONE_CHOICE else changed - {NONE_CHOICE}
            if changed:  # an empty list says nothing: never a useful answer to suggest
                options.append(tuple(c.value for c in entry.choices if c.value in changed))
        return options
    if qtype == "yes_no":
        return [True, False]
    if qtype == "number":
        values: set[float] = set()
        for limit in limits.get(question_id, ()):
            if isinstance(limit, int | float):
                values |= {limit - 1, limit, limit + 1}
        low = getattr(question, "minimum", None)
        high = getattr(question, "maximum", None)
        kept = [v for v in sorted(values) if (low is None or v >= low) and (high is None or v <= high)]
        return [int(v) if getattr(question, "integer", False) else v for v in kept]
    if qtype == "date":
        days: set[dt.date] = set()
        for limit in limits.get(question_id, ()):
            if isinstance(limit, dt.date):
                days |= {limit - dt.timedelta(days=1), limit}
        return [d.isoformat() for d in sorted(days)]
    if qtype == "text":
        return ["(given)"]
    return []


def realistic(ctx: Context, question_id: str, value: Any) -> bool:
    """Whether answering `value` could fit the deployment as described: every choice it adds must
    pass its `realistic_change` condition (not false on the current answers; no condition: never)."""
    entry = ctx.compiled.entries[question_id]
    if not entry.choices:
        return True
    state = ctx.view.state(question_id)
    current = state.value if isinstance(state, Known) else None
    if isinstance(value, tuple):
        added = set(value) - set(current if isinstance(current, tuple | list) else ())
    else:
        added = set() if value == current else {value}
    for choice in entry.choices:
        change = choice.realistic_change
        if choice.value in added and change is not None:
            if change.when is None or ctx.truth(change.when) is Truth.FALSE:
                return False
    return True


def with_changes(answers: Mapping[str, Answer], changes: Iterable[Change]) -> Mapping[str, Answer]:
    updated = dict(answers)
    for change in changes:
        old = updated.get(change.question) or Answer()
        evidence = old.evidence
        if change.evidence_level:
            marker = Evidence(title="(assumed for this comparison)", confidence=change.evidence_level)
            evidence = (*evidence, marker)
        if change.unknown:
            updated[change.question] = old.model_copy(update={"value": None, "unknown": True})
        else:
            updated[change.question] = old.model_copy(
                update={"value": change.value, "unknown": False, "evidence": evidence}
            )
    return MappingProxyType(updated)


def evidence_needed(rulebook: Rulebook, ctx: Context) -> dict[str, int]:
    """The highest minimum evidence level any gate or step asks of each question."""
    needed: dict[str, int] = {}
    for line in rulebook.red_lines:
        for gate in line.exceptions:
            for q in gate.evidence_from or ctx.index.reads(gate.shown_when):
                needed[q] = max(needed.get(q, 0), gate.min_evidence)
    for test in rulebook.tests:
        for step in test.steps:
            reads = step.evidence_from or (ctx.index.reads(step.pass_when) | ctx.index.reads(step.fail_when))
            for q in reads:
                needed[q] = max(needed.get(q, 0), step.min_evidence)
    return needed


def _change(ctx: Context, question_id: str, value: Any, level: int) -> Change:
    entry = ctx.compiled.entries[question_id]
    return Change(
        question=question_id,
        value=value,
        evidence_level=level or None,
        nature=entry.question.nature,
        label=ctx.text(entry.question.label),
    )


def _describe(ctx: Context, change: Change, m: Messages) -> str:
    """One change in words, in the language of `m`, the question's and choices' labels too (the English
    sentence ranks the counterfactuals the same way in every language)."""
    entry = ctx.compiled.entries[change.question]
    default = ctx.compiled.questionnaire.default_language

    def text(value: Mapping[str, str]) -> str:
        return ctx.text(value) if m.language == ctx.language else localise(value, m.language, default)

    labels = {c.value: text(c.label) for c in entry.choices}
    value = change.value
    if isinstance(value, tuple):
        shown = ", ".join(labels.get(v, str(v)) for v in value) or m.gettext("none")
    elif isinstance(value, bool):
        shown = m.gettext("yes") if value else m.gettext("no")
    else:
        shown = labels.get(value, str(value))
    state = ctx.view.state(change.question)
    words = {"answer": shown, "label": text(entry.question.label), "level": change.evidence_level or 0}
    if change.evidence_level and isinstance(state, Known) and _same(state.value, value):
        return (
            m.gettext(
                "the answer “%(answer)s” to “%(label)s” were shown by evidence at level %(level)d or higher"
            )
            % words
        )
    if change.evidence_level:
        with_level = m.gettext(
            "“%(label)s” answered “%(answer)s” (with evidence at level %(level)d or higher)"
        )
        return with_level % words
    return m.gettext("“%(label)s” answered “%(answer)s”") % words


def _counterfactual_text(
    ctx: Context, changes: tuple[Change, ...], current: Verdict, verdict: Verdict, kind: str, m: Messages
) -> str:
    """The whole sentence: "If … and …, this verdict would move from “A” to “B”." """
    words = {
        "changes": m.gettext(" and ").join(_describe(ctx, c, m) for c in changes),
        "before": verdict_label(current, m.language),
        "after": verdict_label(verdict, m.language),
    }
    if kind == "fact":
        return (
            m.gettext(
                "If %(changes)s, this verdict would move from “%(before)s” to “%(after)s” "
                "(this changes a fact, not a decision of the operator)."
            )
            % words
        )
    return m.gettext("If %(changes)s, this verdict would move from “%(before)s” to “%(after)s”.") % words


def counterfactuals(
    ctx: Context,
    judgement: Judgement,
    rejudge: Callable[[tuple[Change, ...]], Verdict],
    limits: Mapping[str, set[Any]],
) -> tuple[Counterfactual, ...]:
    """The smallest answer changes that would improve this rulebook's verdict."""
    current = judgement.result.verdict
    if current in ("passes", "not_applicable"):
        return ()
    needed = evidence_needed(ctx.rulebook, ctx)
    order = ctx.compiled.order
    candidates = sorted(judgement.decisive_reads, key=order.__getitem__)
    # Candidates are worded in English, which ranks them the same way in every language; only those
    # kept are worded again in the reader's language, at the end.
    found: dict[tuple[Any, ...], Counterfactual] = {}
    source = messages(SOURCE_LANGUAGE, "engine")

    def consider(changes: tuple[Change, ...]) -> None:
        key = tuple((c.question, repr(c.value)) for c in sorted(changes, key=lambda c: c.question))
        if key in found or not changes:
            return
        verdict = rejudge(changes)
        if not better(verdict, current):
            return
        # Documenting an answer already given is in the operator's hands, whatever the question.
        natures = {"actionable" if _documents_only(ctx, c) else c.nature for c in changes}
        kind = "mixed" if len(natures) > 1 else natures.pop()
        found[key] = Counterfactual(
            rulebook=ctx.rulebook.id,
            changes=changes,
            from_verdict=current,
            to_verdict=verdict,
            kind=kind,  # type: ignore[arg-type]
            text=_counterfactual_text(ctx, changes, current, verdict, kind, source),
        )

    singles: dict[str, list[Change]] = {}
    for question_id in candidates:
        state = ctx.view.state(question_id)
        for value in alternatives(ctx, question_id, limits):
            if isinstance(state, Known) and _same(state.value, value) and not needed.get(question_id):
                continue
            if not realistic(ctx, question_id, value):
                continue
            change = _change(ctx, question_id, value, needed.get(question_id, 0))
            singles.setdefault(question_id, []).append(change)
            consider((change,))

    # Exceptions need every gate shown: bundle one change per missing gate.
    for outcome in judgement.red_lines:
        if outcome.state != "fires" or not outcome.gates:
            continue
        # A gate's question may only show once another gate's answer is given (q802 after q801), so
        # keep fixing the gates still missing, with the fixes found so far, until none is left.
        bundle: list[Change] = []
        missing = [status.gate for status in outcome.gates if not status.shown]
        while missing:
            progress = False
            for gate in list(missing):
                reads = ctx.index.reads(gate.shown_when)
                fix = _fix_gate(ctx, gate, singles, reads, tuple(bundle), limits)
                if fix is None:
                    continue
                missing.remove(gate)
                progress = True
                if fix is not _ALREADY_SHOWN:
                    bundle.append(fix)
            if not progress:
                bundle = []
                break
        if bundle:
            consider(tuple(bundle))
            documented = (*bundle, *_documents_needed(ctx, tuple(bundle)))
            if len(documented) > len(bundle):
                consider(documented)

    # A verdict that fails on several decisive steps improves only once each of them stops failing:
    # bundle one fix per failing step, each found with the earlier fixes made (fixing a test may let a
    # later test run, whose failing steps are then fixed in turn).
    if current == "fails":
        bundle = _fix_failing_steps(ctx, limits, needed)
        if bundle:
            consider(bundle)
            documented = (*bundle, *_documents_needed(ctx, bundle))
            if len(documented) > len(bundle):
                consider(documented)

    # One suggestion per question and outcome: "any of 50 states" is one idea, not 50.
    seen: set[tuple[str, str]] = set()
    distinct = []
    for counterfactual in sorted(found.values(), key=lambda c: (-_gain(c), c.text)):
        if len(counterfactual.changes) == 1:
            key = (counterfactual.changes[0].question, counterfactual.to_verdict)
            if key in seen:
                continue
            seen.add(key)
        distinct.append(counterfactual)
    ranked = sorted(
        distinct,
        key=lambda c: (
            len(c.changes),
            {"actionable": 0, "mixed": 1, "fact": 2}[c.kind],
            -_gain(c),
            c.text,
        ),
    )[:MAX_COUNTERFACTUALS]
    if ctx.msg is source:
        return tuple(ranked)
    return tuple(
        c.model_copy(
            update={"text": _counterfactual_text(ctx, c.changes, current, c.to_verdict, c.kind, ctx.msg)}
        )
        for c in ranked
    )


def _gain(counterfactual: Counterfactual) -> int:
    from pia_wizard.core.evaluation.results import VERDICT_ORDER

    return VERDICT_ORDER.index(counterfactual.to_verdict) - VERDICT_ORDER.index(counterfactual.from_verdict)


_ALREADY_SHOWN = Change(question="", nature="fact")


def _trial(ctx: Context, changes: Iterable[Change]) -> Context:
    """The same rulebook judged on the answers with `changes` made, verdict only."""
    return Context(
        ctx.compiled,
        ctx.index,
        with_changes(ctx.answers, changes),
        ctx.date,
        ctx.timeline,
        ctx.source_tags,
        explain=False,
    )


MAX_STEP_ROUNDS = 6  # tests run in order; each round fixes the failing steps of the tests now reached
MAX_STEP_TRIALS = 120  # answer combinations of two or three tried per failing step, at most


def _failing_steps(trial: Context) -> list[Step]:
    """The decisive steps that fail in the tests that are reached, in order."""
    from pia_wizard.core.evaluation.engine import step_status, test_statuses

    statuses = test_statuses(trial.rulebook, lambda step: step_status(trial, step)[0], trial.step_decisive)
    return [
        step
        for test in trial.rulebook.tests
        if statuses[test.id] != "not_reached"
        for step in test.steps
        if trial.step_decisive(step) and step_status(trial, step)[0] == "fail"
    ]


def _fix_failing_steps(
    ctx: Context, limits: Mapping[str, set[Any]], needed: Mapping[str, int]
) -> tuple[Change, ...]:
    """One fix per failing decisive step, in order, until none fails; () when one cannot be fixed."""
    bundle: list[Change] = []
    for _round in range(MAX_STEP_ROUNDS):
        failing = _failing_steps(_trial(ctx, bundle))
        if not failing:
            return tuple(bundle)
        for step in failing:
            fix = _fix_step(ctx, step, tuple(bundle), limits, needed)
            if fix is None:
                return ()
            bundle.extend(fix)
    return ()


def _fix_step(
    ctx: Context,
    step: Step,
    before: tuple[Change, ...],
    limits: Mapping[str, set[Any]],
    needed: Mapping[str, int],
) -> tuple[Change, ...] | None:
    """The fewest answer changes (one, else two or three) after which the step no longer fails; () if
    it no longer fails already, None if no such change is found within the search's bounds."""
    from pia_wizard.core.evaluation.engine import step_status

    trials = 0

    def status(changes: tuple[Change, ...]) -> str:
        nonlocal trials
        trials += 1
        return step_status(_trial(ctx, (*before, *changes)), step)[0]

    if status(()) != "fail":
        return ()
    options = _step_options(ctx, _trial(ctx, before), step, limits, needed)
    # The operator's decisions first, alone or together; facts only when decisions cannot do it. A step
    # may fail for several reasons at once (an open watchlist, no published criteria, "persons of
    # interest" on the list), so two or three of its questions may change together. At each size, a
    # pass before a step left undecided, and both before a change that takes the step out of the
    # deployment altogether ("only counts people"), which is kept only when nothing else works.
    rank = {"pass": 0, "conditional": 1, "undetermined": 2, "not_in_force": 3, "not_applicable": 3}
    actionable = [c for c in options if c.nature == "actionable"]
    fallback: tuple[Change, ...] | None = None
    for pool in (actionable, options):
        for size in (1, 2, 3):
            scored: list[tuple[tuple[int, int, int], tuple[Change, ...]]] = []
            for index, combination in enumerate(itertools.combinations(pool, size)):
                if size > 1 and trials > MAX_STEP_TRIALS:  # keep the search bounded; singles always run
                    break
                facts = sum(c.nature != "actionable" for c in combination)
                if len({c.question for c in combination}) < size or facts > 1:  # at most one fact
                    continue
                outcome = status(combination)
                if outcome != "fail":
                    scored.append(((facts, rank[outcome], index), combination))
            if not scored:
                continue
            key, best = min(scored, key=lambda pair: pair[0])
            if key[1] < rank["not_applicable"]:
                return best
            fallback = fallback or best
    return fallback


def _step_options(
    ctx: Context, trial: Context, step: Step, limits: Mapping[str, set[Any]], needed: Mapping[str, int]
) -> list[Change]:
    """Every other answer to the questions a step reads, as changes (with the evidence they need)."""
    options: list[Change] = []
    for q in sorted(ctx.index.step_reads(step), key=ctx.compiled.order.__getitem__):
        state = trial.view.state(q)
        values = alternatives(trial, q, limits)
        if ctx.compiled.entries[q].question.type == "multiple_choice":
            # Toggling one choice keeps the others ("None were considered" stays beside a new one):
            # a step that fails on a choice given may need the answer replaced by one other choice.
            named = {v for v in limits.get(q, ()) if isinstance(v, str)}
            choices = [c.value for c in ctx.compiled.entries[q].choices]
            values += [(v,) for v in _representatives(choices, named) if (v,) not in values]
        options += [
            _change(ctx, q, value, needed.get(q, 0))
            for value in values
            if not (isinstance(state, Known) and _same(state.value, value)) and realistic(trial, q, value)
        ]
    return options


def _documents_needed(ctx: Context, before: tuple[Change, ...]) -> list[Change]:
    """After `before`, the answers a step still wants documented: each as a change that adds evidence."""
    from pia_wizard.core.evaluation.engine import step_status

    trial = _trial(ctx, before)
    wanted: dict[str, int] = {}
    for test in ctx.rulebook.tests:
        for step in test.steps:
            if trial.step_decisive(step) and step_status(trial, step)[1] == "evidence":
                for q in evidence_short(trial, step.min_evidence, step_claims(trial, step)):
                    wanted[q] = max(wanted.get(q, 0), step.min_evidence)
    changes = []
    for question_id in sorted(wanted, key=ctx.compiled.order.__getitem__):
        state = trial.view.state(question_id)
        if isinstance(state, Known):
            value = state.value.isoformat() if isinstance(state.value, dt.date) else state.value
            if isinstance(value, Span | Possible) or value == math.inf:
                value = as_written(trial.answers[question_id].value)
            changes.append(_change(ctx, question_id, value, wanted[question_id]))
    return changes


def _fix_gate(
    ctx: Context,
    gate: Any,
    singles: Mapping[str, list[Change]],
    questions: Iterable[str],
    before: tuple[Change, ...],
    limits: Mapping[str, set[Any]],
) -> Change | None:
    """One change that shows the gate once the changes `before` are made; None if there is none."""
    from pia_wizard.core.evaluation.engine import gate_status

    def trial(changes: tuple[Change, ...]) -> Context:
        return _trial(ctx, changes)

    if before and gate_status(trial(before), gate).shown:
        return _ALREADY_SHOWN
    # Questions a gate reads may be hidden until an earlier fix shows them: try their values too.
    options = [c for q in questions for c in singles.get(q, [])]
    options += [
        _change(ctx, q, value, gate.min_evidence)
        for q in sorted(questions, key=ctx.compiled.order.__getitem__)
        if q not in singles
        for value in alternatives(ctx, q, limits)
        if realistic(ctx, q, value)
    ]
    options.sort(key=lambda c: c.nature != "actionable")
    for change in options:
        if gate_status(trial((*before, change)), gate).shown:
            return change
    return None


def _documents_only(ctx: Context, change: Change) -> bool:
    state = ctx.view.state(change.question)
    return bool(change.evidence_level) and isinstance(state, Known) and _same(state.value, change.value)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, dt.date):
        return a.isoformat() == b
    if isinstance(a, tuple) and isinstance(b, tuple):
        return set(a) == set(b)
    return a == b


def gap_questions(ctx: Context, judgement: Judgement) -> dict[str, tuple[str, set[str]]]:
    """Unknown or unanswered (or under-evidenced) questions that block a decision: id → (state, rules)."""
    gaps: dict[str, tuple[str, set[str]]] = {}

    def add(question_id: str, rule: str) -> None:
        entry = ctx.compiled.entries[question_id]
        if entry.group is not None or not ctx.view.question_visible(question_id):
            return
        state = ctx.view.state(question_id)
        if isinstance(state, Known):
            if not isinstance(state.value, Span | Possible):
                return
            name = "range" if isinstance(state.value, Span) else "one_of"  # narrow it down
        else:
            name = "unknown" if state is UNKNOWN else "unanswered"
        gaps.setdefault(question_id, (name, set()))[1].add(rule)

    for outcome in judgement.red_lines:
        if outcome.state == "undetermined":
            for q in outcome.reads:
                add(q, outcome.rule.id)
        elif outcome.state == "fires":
            for status in outcome.gates:
                if not status.shown and status.reason in ("unknown", "evidence"):
                    for q in status.questions:
                        add(q, f"{outcome.rule.id}/{status.gate.id}")
                    if status.reason == "evidence":
                        for q in ctx.known_values(status.questions):
                            gaps.setdefault(q, ("evidence", set()))[1].add(
                                f"{outcome.rule.id}/{status.gate.id}"
                            )
    steps = {step.id: step for test in ctx.rulebook.tests for step in test.steps}
    for test in judgement.result.tests:
        for result in test.steps:
            if not (result.decisive and result.status == "undetermined"):
                continue
            for ref in result.answers:
                if ref.state in ("unknown", "unanswered", "value"):  # a value: only a range or "one of"
                    add(ref.question, result.id)
            step = steps[result.id]
            for q in evidence_short(ctx, step.min_evidence, step_claims(ctx, step)):
                if ctx.view.question_visible(q):
                    gaps.setdefault(q, ("evidence", set()))[1].add(result.id)
    if judgement.result.applies == "unknown":
        for q in ctx.index.reads(ctx.rulebook.applies_when):
            add(q, "applies_when")
    return gaps


def make_gap(ctx: Context, question_id: str, state: str, blocks: set[str], impact: int) -> Gap:
    question = ctx.compiled.entries[question_id].question
    label = ctx.text(question.label)
    m = ctx.msg
    ask = ctx.text(question.ask) if question.ask else m.gettext("Please state: %(label)s") % {"label": label}
    if state == "evidence":
        ask = m.gettext("Please provide a document that shows the answer to: %(label)s") % {"label": label}
    elif state == "range":
        ask = m.gettext(
            "Please narrow this range — the decision depends on where in it the answer lies: %(label)s"
        ) % {"label": label}
    elif state == "one_of":
        ask = m.gettext(
            "Please say which of the possibilities given it is — the decision depends on it: %(label)s"
        ) % {"label": label}
    return Gap(
        question=question_id,
        label=label,
        ask=ask,
        state=state,  # type: ignore[arg-type]
        blocks=tuple(sorted(blocks)),
        impact=impact,
    )
