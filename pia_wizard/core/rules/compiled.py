"""A questionnaire checked and indexed once, for the engine, the window and the loaders.

Compiling resolves choice lists, indexes every question (group items included) by id, and checks what
the schema alone cannot: unique ids, known choice lists, text in the default language, conditions that
refer to real questions and values, and no cycle among `show_if` conditions.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from pydantic import BaseModel

from pia_wizard.core.files.documents import Document, Path_
from pia_wizard.core.files.problems import LoadError, Problem
from pia_wizard.core.models.conditions import ConditionNode
from pia_wizard.core.models.questionnaire import (
    AnyQuestion,
    Choice,
    ChoiceQuestion,
    GroupQuestion,
    Questionnaire,
    Section,
)
from pia_wizard.core.rules.condition_check import (
    QuestionFacts,
    Scope,
    check_condition,
    referenced_questions,
)


@dataclass(frozen=True)
class QuestionEntry:
    question: AnyQuestion
    section: Section
    group: GroupQuestion | None
    path: Path_  # where it sits in the questionnaire file
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class CompiledQuestionnaire:
    questionnaire: Questionnaire
    entries: Mapping[str, QuestionEntry]
    sections: Mapping[str, Section]
    section_paths: Mapping[str, Path_] = field(repr=False)

    @property
    def id(self) -> str:
        return self.questionnaire.id

    def question(self, question_id: str) -> AnyQuestion:
        return self.entries[question_id].question

    @cached_property
    def reach(self) -> Mapping[str, frozenset[str]]:
        """Question → itself and every question whose visibility depends on it, transitively: what a
        change of that answer can affect."""
        dependents: dict[str, set[str]] = {}
        for node, deps in visibility_dependencies(self).items():
            for dep in deps:
                dependents.setdefault(dep, set()).add(node)
        reach: dict[str, frozenset[str]] = {}
        for question_id in self.entries:
            seen = {question_id}
            stack = [question_id]
            while stack:
                for child in dependents.get(stack.pop(), ()):
                    if child not in seen:
                        seen.add(child)
                        stack.append(child)
            reach[question_id] = frozenset(q for q in seen if not q.startswith("section:"))
        return reach

    @cached_property
    def order(self) -> Mapping[str, int]:
        """Each question's position in the questionnaire, for sorting in questionnaire order."""
        return {question_id: index for index, question_id in enumerate(self.entries)}

    @cached_property
    def scope(self) -> Scope:
        return Scope(
            {
                qid: QuestionFacts(
                    qid,
                    entry.question.type,
                    frozenset(c.value for c in entry.choices),
                    entry.group.id if entry.group else None,
                )
                for qid, entry in self.entries.items()
            }
        )

    @cached_property
    def per_use(self) -> frozenset[str]:
        """The questions answered once for each use (`per_use: true`); the others are answered once."""
        return frozenset(qid for qid, entry in self.entries.items() if entry.question.per_use)

    def top_level_questions(self, section: Section) -> Iterator[AnyQuestion]:
        yield from section.questions  # type: ignore[misc]


def compile_questionnaire(
    questionnaire: Questionnaire, document: Document | None = None
) -> CompiledQuestionnaire:
    """Index and check a validated questionnaire; LoadError lists every problem with its place."""
    name = document.file if document else questionnaire.id
    issues: list[tuple[Path_, str]] = []
    choice_lists = {}
    for index, choice_list in enumerate(questionnaire.choice_lists):
        if choice_list.id in choice_lists:
            issues.append((("choice_lists", index, "id"), f"duplicate choice list id '{choice_list.id}'"))
        choice_lists[choice_list.id] = choice_list
        issues.extend(_duplicate_choices(choice_list.choices, ("choice_lists", index, "choices")))

    entries: dict[str, QuestionEntry] = {}
    sections: dict[str, Section] = {}
    section_paths: dict[str, Path_] = {}
    for s_index, section in enumerate(questionnaire.sections):
        s_path: Path_ = ("sections", s_index)
        if section.id in sections:
            issues.append(((*s_path, "id"), f"duplicate section id '{section.id}'"))
        sections[section.id] = section
        section_paths[section.id] = s_path
        for q_index, question in enumerate(section.questions):
            q_path = (*s_path, "questions", q_index)
            _add(entries, issues, question, section, None, q_path, choice_lists)
            if isinstance(question, GroupQuestion):
                for i_index, item in enumerate(question.items):
                    _add(entries, issues, item, section, question, (*q_path, "items", i_index), choice_lists)

    compiled = CompiledQuestionnaire(questionnaire, entries, sections, section_paths)
    issues.extend(_per_use_issues(compiled))
    if not issues:
        issues.extend(_condition_issues(compiled))
    if not issues:
        issues.extend(_cycle_issues(compiled))
    issues.extend(_language_issues(questionnaire, questionnaire.default_language))
    if issues:
        raise LoadError(_to_problems(issues, document, name))
    return compiled


def _per_use_issues(compiled: CompiledQuestionnaire) -> Iterator[tuple[Path_, str]]:
    """`per_use` marks a whole question: a group's item is answered per item, and a use is named by
    the `uses` block."""
    for question_id, entry in compiled.entries.items():
        if not entry.question.per_use:
            continue
        if entry.group is not None:
            yield (
                (*entry.path, "per_use"),
                f"'{question_id}' is asked per item of group '{entry.group.id}': mark the group `per_use`",
            )
        elif compiled.questionnaire.uses is None:
            yield (
                (*entry.path, "per_use"),
                "a question is `per_use` but the questionnaire has no `uses` block",
            )


def _to_problems(issues: list[tuple[Path_, str]], document: Document | None, name: str) -> list[Problem]:
    if document is None:
        return [Problem(name, f"{_where(path)}: {message}") for path, message in issues]
    problems = [document.problem(path, message) for path, message in issues]
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0, p.pointer or ""))


def _where(path: Path_) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def _duplicate_choices(choices: tuple[Choice, ...], path: Path_) -> Iterator[tuple[Path_, str]]:
    seen: set[str] = set()
    for index, choice in enumerate(choices):
        if choice.value in seen:
            yield (*path, index, "value"), f"duplicate choice value '{choice.value}'"
        seen.add(choice.value)


def _add(
    entries: dict[str, QuestionEntry],
    issues: list[tuple[Path_, str]],
    question: AnyQuestion,
    section: Section,
    group: GroupQuestion | None,
    path: Path_,
    choice_lists: Mapping[str, object],
) -> None:
    if question.id in entries:
        issues.append(((*path, "id"), f"duplicate question id '{question.id}'"))
        return
    choices: tuple[Choice, ...] = ()
    if isinstance(question, ChoiceQuestion):
        if question.choice_list is not None:
            found = choice_lists.get(question.choice_list)
            if found is None:
                issues.append(((*path, "choice_list"), f"unknown choice list '{question.choice_list}'"))
            else:
                choices = found.choices  # type: ignore[attr-defined]
        else:
            choices = question.choices or ()
            issues.extend(_duplicate_choices(choices, (*path, "choices")))
    entries[question.id] = QuestionEntry(question, section, group, path, choices)


def conditions_of(compiled: CompiledQuestionnaire) -> Iterator[tuple[str, ConditionNode, Scope, Path_]]:
    """Every `show_if` and `follows` in the questionnaire: (owner id, condition, scope, path of the
    condition)."""
    for section_id, section in compiled.sections.items():
        if section.show_if is not None:
            yield (
                section_id,
                section.show_if,
                compiled.scope,
                (*compiled.section_paths[section_id], "show_if"),
            )
    for question_id, entry in compiled.entries.items():
        scope = compiled.scope.inside(entry.group.id) if entry.group else compiled.scope
        for key in ("show_if", "follows"):
            condition = getattr(entry.question, key)
            if condition is not None:
                yield question_id, condition, scope, (*entry.path, key)


def _condition_issues(compiled: CompiledQuestionnaire) -> Iterator[tuple[Path_, str]]:
    for _owner, condition, scope, path in conditions_of(compiled):
        yield from check_condition(condition, scope, path)
    questionnaire = compiled.questionnaire
    for index, check in enumerate(questionnaire.checks):
        path = ("checks", index)
        if check.when is not None:
            yield from check_condition(check.when, compiled.scope, (*path, "when"))
        for key in ("earlier", "later"):
            question_id = getattr(check, key)
            if question_id is not None:
                yield from _typed(compiled, question_id, ("date", "number"), (*path, key))
    if questionnaire.period is not None:
        for key in ("start", "end"):
            yield from _typed(compiled, getattr(questionnaire.period, key), ("date",), ("period", key))
    for entry in compiled.entries.values():
        for index, choice in enumerate(entry.choices):
            change = choice.realistic_change
            if change is not None and change.when is not None:
                where = (*entry.path, "choices", index, "realistic_change", "when")
                yield from check_condition(change.when, compiled.scope, where)
    figures = questionnaire.figures
    if figures is None:
        return
    for index, criterion in enumerate(figures.dpia_criteria):
        yield from check_condition(
            criterion.when, compiled.scope, ("figures", "dpia_criteria", index, "when")
        )
    inputs = figures.false_alerts
    if inputs is None:
        return
    base = ("figures", "false_alerts")
    if inputs.applies_when is not None:
        yield from check_condition(inputs.applies_when, compiled.scope, (*base, "applies_when"))
    for key in (
        "people_per_day",
        "watchlist_size",
        "false_match_rate",
        "watchlisted_per_day",
        "days_per_year",
    ):
        question_id = getattr(inputs, key)
        if question_id is not None:
            yield from _typed(compiled, question_id, ("number",), (*base, key))
    yield from _typed(compiled, inputs.rate_unit, ("single_choice",), (*base, "rate_unit"))
    entry = compiled.entries.get(inputs.rate_unit)
    if entry is not None:
        values = {c.value for c in entry.choices}
        for key in ("per_comparison", "per_search"):
            if getattr(inputs, key) not in values:
                yield (*base, key), f"'{getattr(inputs, key)}' is not a choice of '{inputs.rate_unit}'"
    total = inputs.people_per_day_items
    if total is not None:
        item = compiled.entries.get(total.question)
        if (
            item is None
            or item.group is None
            or item.group.id != total.group
            or item.question.type != "number"
        ):
            yield (
                (*base, "people_per_day_items"),
                (f"'{total.question}' is not a number question of group '{total.group}'"),
            )


def _typed(
    compiled: CompiledQuestionnaire, question_id: str, types: tuple[str, ...], path: Path_
) -> Iterator[tuple[Path_, str]]:
    entry = compiled.entries.get(question_id)
    if entry is None:
        yield path, f"unknown question '{question_id}'"
    elif entry.group is not None:
        yield path, f"'{question_id}' is asked per item of group '{entry.group.id}'"
    elif entry.question.type not in types:
        yield path, f"'{question_id}' is a {entry.question.type} question; expected {' or '.join(types)}"


def visibility_dependencies(compiled: CompiledQuestionnaire) -> dict[str, set[str]]:
    """Node → the nodes its visibility depends on. Sections are `section:<id>`."""
    graph: dict[str, set[str]] = {}
    for section_id, section in compiled.sections.items():
        node = f"section:{section_id}"
        graph[node] = set(referenced_questions(section.show_if)) if section.show_if else set()
    for question_id, entry in compiled.entries.items():
        deps = {f"section:{entry.section.id}"}
        if entry.group is not None:
            deps.add(entry.group.id)
        for condition in (entry.question.show_if, entry.question.follows):
            if condition is not None:
                deps.update(referenced_questions(condition))
        graph[question_id] = deps
    return graph


def find_cycle(graph: Mapping[str, set[str]]) -> list[str] | None:
    """One cycle in the graph as a list of nodes (first == last), or None."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = dict.fromkeys(graph, WHITE)
    for start in sorted(graph):
        if colour[start] != WHITE:
            continue
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph[start])))]
        colour[start] = GREY
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                colour[node] = BLACK
                stack.pop()
            elif colour.get(child, BLACK) == GREY:
                trail = [n for n, _ in stack]
                return [*trail[trail.index(child) :], child]
            elif colour.get(child) == WHITE:
                colour[child] = GREY
                stack.append((child, iter(sorted(graph[child]))))
    return None


def _cycle_issues(compiled: CompiledQuestionnaire) -> Iterator[tuple[Path_, str]]:
    cycle = find_cycle(visibility_dependencies(compiled))
    if cycle is None:
        return
    first = cycle[0]
    if first.startswith("section:"):
        path = (*compiled.section_paths[first.removeprefix("section:")], "show_if")
    else:
        path = (*compiled.entries[first].path, "show_if")
    yield path, "show_if conditions form a cycle: " + " → ".join(n.removeprefix("section:") for n in cycle)


def _language_issues(model: BaseModel, language: str, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every localised text must exist in the default language (or be a plain string)."""
    for name, info in type(model).model_fields.items():
        key = info.alias or name
        yield from _language_value(getattr(model, name), language, (*path, key))


def _language_value(value: object, language: str, path: Path_) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, BaseModel):
        yield from _language_issues(value, language, path)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _language_value(item, language, (*path, index))
    elif isinstance(value, Mapping) and value and all(isinstance(v, str) for v in value.values()):
        if language not in value and "" not in value:
            yield path, f"no text in the default language '{language}' (has: {', '.join(sorted(value))})"
