"""Unknown is never a pass: checked against an oracle, not against the engine's own reading of unknown.

Three properties over every shipped rulebook:

1. Unanswered is never kinder than "Unknown / not disclosed": for every example and every question any
   rule reads, the verdict with the answer removed is never better than with it set to unknown.
2. The oracle: for every decisive step, in every assessment of the examples and rule cases where the
   step applies, setting a question it reads to unknown yields "pass" only if the step passes (or does
   not apply) for every value that question could take. A pass on an unknown answer is sound only
   when the answer cannot matter; the engine's three-valued logic is checked against the two-valued
   one here. (A value that hides or shows a question the step reads is skipped: the visibility
   rules, not the step, decide that comparison.)
3. Unknown never clears a rule: in every case where a rule fires (a red line fires, a step fails),
   setting any answered question it reads to unknown leaves the red line firing or undetermined and
   the step failing or undetermined — never clear, never a pass.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from helpers import ROOT

sys.path.insert(0, str(ROOT / "tests" / "rules"))
from rule_cases import case_assessment, load_cases

from pia_wizard.core.evaluation.engine import Context, better, judge_red_line, step_status
from pia_wizard.core.evaluation.evaluate import _index, evaluate
from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.models.assessment import Answer, Assessment, Evidence
from pia_wizard.core.models.rulebook import Rulebook, Step
from pia_wizard.core.rules.logic import Truth
from pia_wizard.core.rules.visibility import AnswerView

LIBRARY = shipped_library()
COMPILED = LIBRARY.questionnaires["biometric-deployment"]
BOOKS = tuple(LIBRARY.rulebooks.values())
DATE = dt.date(2026, 11, 23)
EXAMPLES = sorted((ROOT / "examples").glob("*.pia.json"))
CASES = [c for p in sorted((ROOT / "tests" / "rules" / "cases").glob("*.yaml")) for c in load_cases(p)]
UNKNOWN = Answer(unknown=True)
STRONG = (Evidence(title="oracle: evidence assumed", confidence=4),)


def _example(path: Path) -> Assessment:
    return load_assessment_file(path).assessment


def _with(assessment: Assessment, question: str, answer: Answer | None) -> Mapping[str, Answer]:
    answers = dict(assessment.answers)
    if answer is None:
        answers.pop(question, None)
    else:
        answers[question] = answer
    return MappingProxyType(answers)


def _top_level(questions: frozenset[str]) -> list[str]:
    """Questions outside groups (a group's items are judged through the group)."""
    return sorted(q for q in questions if COMPILED.entries[q].group is None)


def _context(book: Rulebook, answers: Mapping[str, Answer], date: dt.date = DATE) -> Context:
    view = AnswerView(COMPILED, answers)
    return Context(COMPILED, _index(book), answers, date, None, {}, explain=False, shared_view=view)


# ----------------------------------------------------------------- 1. unanswered is never kinder


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name.split(".")[0] for p in EXAMPLES])
def test_unanswered_is_never_kinder_than_unknown(path: Path) -> None:
    assessment = _example(path)
    reads = frozenset().union(*(_index(book).all_reads for book in BOOKS))
    kinder = []
    for question in _top_level(reads):
        books = [book for book in BOOKS if question in _index(book).all_reads]
        removed = assessment.model_copy(update={"answers": _with(assessment, question, None)})
        unknown = assessment.model_copy(update={"answers": _with(assessment, question, UNKNOWN)})
        blank = evaluate(COMPILED, books, removed, DATE, explore=False).verdicts
        marked = evaluate(COMPILED, books, unknown, DATE, explore=False).verdicts
        kinder += [
            f"{question} under {book}: unanswered {blank[book]}, unknown {marked[book]}"
            for book in blank
            if better(blank[book], marked[book])
        ]
    assert kinder == [], kinder


# ----------------------------------------------------------------------- 2. the oracle for steps


def _values(question: str) -> list[Any]:
    """Every value a question can take, or a spread of them (numbers, dates, texts)."""
    entry = COMPILED.entries[question]
    kind = entry.question.type
    if kind == "yes_no":
        return [True, False]
    if kind == "single_choice":
        return [c.value for c in entry.choices]
    if kind == "multiple_choice":
        choices = [c.value for c in entry.choices]
        return [[c] for c in choices] + [[c for c in choices if c != "none"]]
    if kind == "number":
        return [0, 1, 3, 4, 5, 23, 24, 100, 364, 365, 1000, 10**6]
    if kind == "date":
        return ["2024-01-01", "2025-06-01", "2026-11-23", "2027-12-02", "2030-01-01"]
    if kind == "text":
        return ["", "A named provision"]
    return []  # groups: judged through their items, not replaced here


@cache
def _bases() -> tuple[tuple[str, Assessment, dt.date], ...]:
    found = [(p.name, _example(p), DATE) for p in EXAMPLES]
    found += [(f"case {c.rulebook}:{c.name}", case_assessment(c, COMPILED), c.date) for c in CASES]
    return tuple(found)


def _decisive_steps() -> Iterator[tuple[Rulebook, Step]]:
    for book in BOOKS:
        for test in book.tests:
            for step in test.steps:
                if step.decisive:
                    yield book, step


STEPS = list(_decisive_steps())


def _shown(answers: Mapping[str, Answer], questions: list[str]) -> tuple[bool, ...]:
    view = AnswerView(COMPILED, answers)
    return tuple(view.question_visible(q) for q in questions)


@pytest.mark.parametrize("book,step", STEPS, ids=[f"{b.id}:{s.id}" for b, s in STEPS])
def test_a_step_passes_on_an_unknown_answer_only_if_every_answer_would_pass(book, step) -> None:
    index = _index(book)
    questions = _top_level(index.step_reads(step))
    applicable = 0
    unsound = []
    for name, assessment, date in _bases():
        ctx = _context(book, assessment.answers, date)
        if ctx.truth(step.applies_when) is not Truth.TRUE or not ctx.in_force(step.applies_from)[0]:
            continue
        applicable += 1
        for question in questions:
            if COMPILED.entries[question].question.type == "group":
                continue
            status, _why = step_status(_context(book, _with(assessment, question, UNKNOWN), date), step)
            if status != "pass":
                continue
            shown = _shown(_with(assessment, question, UNKNOWN), questions)
            for value in _values(question):
                answers = _with(assessment, question, Answer(value=value, evidence=STRONG))
                if _shown(answers, questions) != shown:
                    continue  # the value hides or shows what the step reads: not the same question asked
                known, _ = step_status(_context(book, answers, date), step)
                if known not in ("pass", "not_applicable"):
                    unsound.append(f"{name}: {question} unknown passes, but {value!r} gives {known}")
                    break
    assert applicable, f"no example or rule case makes {step.id} applicable: add a case"
    assert unsound == [], unsound


# ------------------------------------------------------------- 3. unknown never clears a rule


def _firing_cases():
    for case in CASES:
        if case.fires:
            yield case


FIRING = list(_firing_cases())


@pytest.mark.parametrize("case", FIRING, ids=[f"{c.rulebook}:{c.name}" for c in FIRING])
def test_an_unknown_answer_never_clears_a_firing_rule(case) -> None:
    book = LIBRARY.rulebooks[case.rulebook]
    index = _index(book)
    assessment = case_assessment(case, COMPILED)
    line = next((r for r in book.red_lines if r.id == case.rule), None)
    step = next((s for t in book.tests for s in t.steps if s.id == case.rule), None)
    reads = index.red_line_reads(line) if line is not None else index.step_reads(step)
    answered = [q for q in _top_level(reads) if q in case.answers and q not in case.unknown]
    assert answered, f"{case.name}: the firing case answers nothing {case.rule} reads"
    cleared = []
    for question in answered:
        ctx = _context(book, _with(assessment, question, UNKNOWN), case.date)
        if line is not None:
            state = judge_red_line(ctx, line).state
            if state not in ("fires", "undetermined"):
                cleared.append(f"{question} unknown: {case.rule} {state}")
        else:
            status, _why = step_status(ctx, step)
            if status not in ("fail", "undetermined"):
                cleared.append(f"{question} unknown: {case.rule} {status}")
    assert cleared == [], cleared
