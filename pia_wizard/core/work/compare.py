"""Two assessments of one deployment side by side: what differs and what it did to each verdict.

A council compares the vendor's proposal with the proposal under conditions, this year's deployment
with last year's, its own assessment with an NGO's. Both must answer the same questionnaire at the
same version (the loaders migrate older files first); the comparison is plain data, put into words
by the command line, the window and the comparison report, which compute nothing of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from pydantic import Field

from pia_wizard.core.evaluation.results import Evaluation, Figure, Finding, Gap, RulebookResult, Verdict
from pia_wizard.core.models.assessment import Answer, Assessment
from pia_wizard.core.models.base import Frozen
from pia_wizard.core.models.frozen import FrozenMap
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.core.work.scenarios import ASSUMED_EVIDENCE

AnswerState = Literal["value", "unknown", "unanswered"]


class ComparisonError(ValueError):
    """Two assessments that cannot be compared, said in plain words."""


class Side(Frozen):
    """One side's answer to a question: a value, "unknown", or no answer at all, and the strongest
    evidence behind it (0-4; the engine weighs it, so a stronger document can change a verdict)."""

    state: AnswerState
    value: Any = None
    evidence_level: int = 0
    # The strongest evidence is only a scenario's placeholder ("assumed for this scenario"), not a
    # document anyone holds: a comparison must not print it as if it were one.
    evidence_assumed: bool = False
    choice_evidence: FrozenMap[str, int] = Field(
        default_factory=dict,
        description="Each chosen option's level, where documents name the options they show.",
    )


class AnswerDifference(Frozen):
    question: str
    a: Side
    b: Side


class VerdictPair(Frozen):
    title: str
    a: Verdict | None  # None: the rulebook was not evaluated on this side
    b: Verdict | None

    @property
    def changed(self) -> bool:
        return self.a != self.b


class FindingEntry(Frozen):
    rulebook: str
    finding: Finding


class GapEntry(Frozen):
    rulebooks: tuple[str, ...]  # the rulebooks whose verdict the gap blocks
    gap: Gap


class FigureChange(Frozen):
    id: str
    label: str
    unit: str
    a: float | None
    b: float | None


class Comparison(Frozen):
    answers: tuple[AnswerDifference, ...]
    verdicts: Mapping[str, VerdictPair]
    findings_only_a: tuple[FindingEntry, ...]
    findings_only_b: tuple[FindingEntry, ...]
    gaps_closed: tuple[GapEntry, ...]  # open in A, no longer in B
    gaps_opened: tuple[GapEntry, ...]  # not in A, open in B
    figures: tuple[FigureChange, ...]
    metadata: tuple[str, ...]  # the metadata fields that differ (title, assessor, …)

    @property
    def same_answers(self) -> bool:
        return not self.answers


def side(answer: Answer | None) -> Side:
    if answer is None:
        return Side(state="unanswered")
    level = answer.evidence_level
    strongest = [e for e in answer.evidence if e.confidence == level]
    assumed = bool(strongest) and all(e.title == ASSUMED_EVIDENCE for e in strongest)
    if not answer.answered:
        return Side(state="unanswered", evidence_level=level, evidence_assumed=assumed)
    if answer.unknown:
        return Side(state="unknown", evidence_level=level, evidence_assumed=assumed)
    return Side(
        state="value",
        value=answer.value,
        evidence_level=level,
        evidence_assumed=assumed,
        choice_evidence=answer.choice_evidence(),
    )


def answer_differences(
    compiled: CompiledQuestionnaire, a: Assessment, b: Assessment
) -> list[AnswerDifference]:
    """The answers that differ in value or in the strength of their evidence, in the questionnaire's
    order (notes and the wording of evidence are not compared)."""
    order = compiled.order
    ids = sorted(set(a.answers) | set(b.answers), key=lambda q: (order.get(q, len(order)), q))
    out = []
    for question in ids:
        left, right = side(a.answers.get(question)), side(b.answers.get(question))
        if left != right:
            out.append(AnswerDifference(question=question, a=left, b=right))
    return out


def compare(
    compiled: CompiledQuestionnaire,
    a: Assessment,
    b: Assessment,
    eval_a: Evaluation,
    eval_b: Evaluation,
) -> Comparison:
    """Compare two assessments answered on the same questionnaire version, with their evaluations."""
    for assessment in (a, b):
        ref = assessment.questionnaire
        if ref.id != compiled.id or ref.version != compiled.questionnaire.version:
            raise ComparisonError(
                "the two assessments answer different questionnaires, so they cannot be compared"
            )
    books_a = {r.id: r for r in eval_a.rulebooks}
    books_b = {r.id: r for r in eval_b.rulebooks}
    ids = list(books_a) + [i for i in books_b if i not in books_a]
    verdicts = {
        i: VerdictPair(
            title=(books_a.get(i) or books_b[i]).title,
            a=books_a[i].verdict if i in books_a else None,
            b=books_b[i].verdict if i in books_b else None,
        )
        for i in ids
    }
    only_a, only_b = _only(books_a.values(), books_b.values())
    closed, opened = _gap_changes(books_a.values(), books_b.values())
    metadata = tuple(
        name
        for name in type(a.metadata).model_fields
        if getattr(a.metadata, name) != getattr(b.metadata, name)
    )
    return Comparison(
        answers=tuple(answer_differences(compiled, a, b)),
        verdicts=verdicts,
        findings_only_a=tuple(only_a),
        findings_only_b=tuple(only_b),
        gaps_closed=tuple(closed),
        gaps_opened=tuple(opened),
        figures=tuple(_figure_changes(eval_a, eval_b)),
        metadata=metadata,
    )


def _finding_key(rulebook: str, finding: Finding) -> tuple[str, str, str, str]:
    return (rulebook, finding.rule, finding.kind, finding.severity)


def _only(
    a: Iterable[RulebookResult], b: Iterable[RulebookResult]
) -> tuple[list[FindingEntry], list[FindingEntry]]:
    """Findings (a rule's outcome at its severity) present on one side and not the other."""
    left = {_finding_key(r.id, f): FindingEntry(rulebook=r.id, finding=f) for r in a for f in r.findings}
    right = {_finding_key(r.id, f): FindingEntry(rulebook=r.id, finding=f) for r in b for f in r.findings}
    return [v for k, v in left.items() if k not in right], [v for k, v in right.items() if k not in left]


def _gaps(results: Iterable[RulebookResult]) -> dict[str, GapEntry]:
    """Each open question once, with every rulebook it blocks."""
    found: dict[str, tuple[Gap, list[str]]] = {}
    for result in results:
        for gap in result.gaps:
            entry = found.setdefault(gap.question, (gap, []))
            entry[1].append(result.id)
    return {q: GapEntry(rulebooks=tuple(books), gap=gap) for q, (gap, books) in found.items()}


def _gap_changes(
    a: Iterable[RulebookResult], b: Iterable[RulebookResult]
) -> tuple[list[GapEntry], list[GapEntry]]:
    left, right = _gaps(a), _gaps(b)
    return [v for q, v in left.items() if q not in right], [v for q, v in right.items() if q not in left]


def _figure_changes(a: Evaluation, b: Evaluation) -> list[FigureChange]:
    out = []
    for name in ("false_alerts_per_day", "wrong_alerts_per_100", "people_scanned_per_year"):
        left: Figure | None = getattr(a.figures, name)
        right: Figure | None = getattr(b.figures, name)
        value_a = left.value if left and left.applicable else None
        value_b = right.value if right and right.applicable else None
        shown = left or right
        if value_a != value_b and shown is not None:
            out.append(FigureChange(id=name, label=shown.label, unit=shown.unit, a=value_a, b=value_b))
    return out
