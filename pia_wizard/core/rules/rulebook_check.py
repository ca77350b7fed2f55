"""Check a rulebook against the questionnaire it reads: every condition, id and date reference."""

from __future__ import annotations

from collections.abc import Iterator

from pia_wizard.core.files.documents import Path_
from pia_wizard.core.models.conditions import ConditionNode
from pia_wizard.core.models.rulebook import DerivedFact, FactsFile, Rulebook
from pia_wizard.core.rules.compiled import CompiledQuestionnaire, find_cycle
from pia_wizard.core.rules.condition_check import Scope, check_condition, referenced_facts

Issue = tuple[Path_, str]


def check_rulebook(
    rulebook: Rulebook, compiled: CompiledQuestionnaire, shared: tuple[DerivedFact, ...] = ()
) -> list[Issue]:
    """Problems in a rulebook; `shared` are the facts of the facts files it names (checked there)."""
    issues: list[Issue] = list(_id_issues(rulebook))
    issues.extend(_evidence_question_issues(rulebook, compiled))
    shared_ids = {f.id for f in shared}
    for index, fact in enumerate(rulebook.facts):
        if fact.id in shared_ids:
            issues.append((("facts", index, "id"), f"fact '{fact.id}' is already in a shared facts file"))
    facts = frozenset(f.id for f in rulebook.facts) | shared_ids
    scope = Scope(compiled.scope.questions, None, facts)
    for path, condition in conditions_of(rulebook):
        issues.extend(check_condition(condition, scope, path))
    graph = {fact.id: set(referenced_facts(fact.when)) for fact in (*shared, *rulebook.facts)}
    cycle = find_cycle(graph)
    if cycle is not None:
        index = next((i for i, f in enumerate(rulebook.facts) if f.id in cycle), None)
        where: Path_ = ("facts", index, "when") if index is not None else ("shared_facts",)
        issues.append((where, "derived facts form a cycle: " + " → ".join(cycle)))
    return issues


def check_facts_file(facts_file: FactsFile, compiled: CompiledQuestionnaire) -> list[Issue]:
    issues: list[Issue] = []
    seen: set[str] = set()
    for index, fact in enumerate(facts_file.facts):
        if fact.id in seen:
            issues.append((("facts", index, "id"), f"duplicate fact id '{fact.id}'"))
        seen.add(fact.id)
    scope = Scope(compiled.scope.questions, None, frozenset(seen))
    for index, fact in enumerate(facts_file.facts):
        issues.extend(check_condition(fact.when, scope, ("facts", index, "when")))
    cycle = find_cycle({fact.id: set(referenced_facts(fact.when)) for fact in facts_file.facts})
    if cycle is not None:
        index = next(i for i, f in enumerate(facts_file.facts) if f.id == cycle[0])
        issues.append((("facts", index, "when"), "derived facts form a cycle: " + " → ".join(cycle)))
    return issues


def conditions_of(rulebook: Rulebook) -> Iterator[tuple[Path_, ConditionNode]]:
    """Every condition in a rulebook with its path in the file."""
    if rulebook.applies_when is not None:
        yield ("applies_when",), rulebook.applies_when
    for i, item in enumerate(rulebook.applicability):
        for key in ("applies_when", "binding_when"):
            condition = getattr(item, key)
            if condition is not None:
                yield ("applicability", i, key), condition
    for i, fact in enumerate(rulebook.facts):
        yield ("facts", i, "when"), fact.when
    for i, line in enumerate(rulebook.red_lines):
        yield ("red_lines", i, "when"), line.when
        for j, gate in enumerate(line.exceptions):
            yield ("red_lines", i, "exceptions", j, "shown_when"), gate.shown_when
    for i, test in enumerate(rulebook.tests):
        for j, step in enumerate(test.steps):
            for key in ("applies_when", "fail_when", "pass_when", "conditional_when", "not_assessed_when"):
                condition = getattr(step, key)
                if condition is not None:
                    yield ("tests", i, "steps", j, key), condition
    for i, safeguard in enumerate(rulebook.safeguards):
        if safeguard.when is not None:
            yield ("safeguards", i, "when"), safeguard.when


def _id_issues(rulebook: Rulebook) -> Iterator[Issue]:
    timelines = {t.id for t in rulebook.timelines}
    defaults = [i for i, t in enumerate(rulebook.timelines) if t.default]
    if rulebook.timelines and len(defaults) != 1:
        yield ("timelines",), f"exactly one timeline must be the default (found {len(defaults)})"
    applicability = {a.id for a in rulebook.applicability}
    for i, item in enumerate(rulebook.applicability):
        for timeline in item.from_:
            if timeline not in timelines:
                yield ("applicability", i, "from", timeline), f"unknown timeline '{timeline}'"
        for timeline in item.notes:
            if timeline not in timelines:
                yield ("applicability", i, "notes", timeline), f"unknown timeline '{timeline}'"
    seen: dict[str, Path_] = {}
    for path, rule_id in _rule_ids(rulebook):
        if rule_id in seen:
            yield path, f"duplicate id '{rule_id}'"
        seen[rule_id] = path
    for i, line in enumerate(rulebook.red_lines):
        if line.applies_from is not None and line.applies_from not in applicability:
            yield ("red_lines", i, "applies_from"), f"unknown applicability date '{line.applies_from}'"
    for i, test in enumerate(rulebook.tests):
        for j, step in enumerate(test.steps):
            if step.applies_from is not None and step.applies_from not in applicability:
                yield (
                    ("tests", i, "steps", j, "applies_from"),
                    f"unknown applicability date '{step.applies_from}'",
                )
    tests = [t.id for t in rulebook.tests]
    for i, test in enumerate(rulebook.tests):
        for j, before in enumerate(test.after):
            if before not in tests[:i]:
                yield ("tests", i, "after", j), f"'{before}' is not a test listed before '{test.id}'"


def _rule_ids(rulebook: Rulebook) -> Iterator[tuple[Path_, str]]:
    for i, fact in enumerate(rulebook.facts):
        yield ("facts", i, "id"), fact.id
    for i, line in enumerate(rulebook.red_lines):
        yield ("red_lines", i, "id"), line.id
        for j, gate in enumerate(line.exceptions):
            yield ("red_lines", i, "exceptions", j, "id"), f"{line.id}/{gate.id}"
    for i, test in enumerate(rulebook.tests):
        yield ("tests", i, "id"), test.id
        for j, step in enumerate(test.steps):
            yield ("tests", i, "steps", j, "id"), step.id
    for i, safeguard in enumerate(rulebook.safeguards):
        yield ("safeguards", i, "id"), safeguard.id


def _evidence_question_issues(rulebook: Rulebook, compiled: CompiledQuestionnaire) -> Iterator[Issue]:
    for i, line in enumerate(rulebook.red_lines):
        for j, gate in enumerate(line.exceptions):
            for k, question in enumerate(gate.evidence_from):
                if question not in compiled.entries:
                    yield (
                        ("red_lines", i, "exceptions", j, "evidence_from", k),
                        f"unknown question '{question}'",
                    )
    for i, test in enumerate(rulebook.tests):
        for j, step in enumerate(test.steps):
            for k, question in enumerate(step.evidence_from):
                if question not in compiled.entries:
                    yield ("tests", i, "steps", j, "evidence_from", k), f"unknown question '{question}'"
