"""`evaluate(questionnaire, rulebooks, assessment, date) -> Evaluation`: the one entry to the engine."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from pia_wizard.core.answers.uses import use_names, use_view
from pia_wizard.core.evaluation.engine import AnswersMemo, Context, RulebookIndex, judge, quick_verdict
from pia_wizard.core.evaluation.explore import (
    alternatives,
    counterfactuals,
    gap_questions,
    make_gap,
    thresholds,
    with_changes,
)
from pia_wizard.core.evaluation.figures import compute_figures, find_inconsistencies
from pia_wizard.core.evaluation.period import later_verdicts, planned_period
from pia_wizard.core.evaluation.results import Change, Evaluation, RulebookResult, Verdict
from pia_wizard.core.evaluation.uses import combine_uses
from pia_wizard.core.models.assessment import Answer, Assessment
from pia_wizard.core.models.base import trusted
from pia_wizard.core.models.rulebook import Rulebook
from pia_wizard.core.models.sources import SourcesFile
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.core.rules.visibility import AnswerView

_INDEXES: dict[int, tuple[Rulebook, RulebookIndex]] = {}


def _index(rulebook: Rulebook) -> RulebookIndex:
    """Built once per rulebook object (models hold read-only mappings, so they are not hashable)."""
    cached = _INDEXES.get(id(rulebook))
    if cached is None or cached[0] is not rulebook:
        if len(_INDEXES) > 64:
            _INDEXES.clear()
        cached = (rulebook, RulebookIndex.build(rulebook))
        _INDEXES[id(rulebook)] = cached
    return cached[1]


def evaluation_date(assessment: Assessment, date: dt.date | None) -> dt.date:
    """The date rules are judged at: given, else the assessment's own date — never the clock."""
    if date is not None:
        return date
    if assessment.metadata.assessment_date is not None:
        return assessment.metadata.assessment_date
    raise ValueError("no evaluation date: give one, or set the assessment date in the metadata")


def evaluate(
    compiled: CompiledQuestionnaire,
    rulebooks: Iterable[Rulebook],
    assessment: Assessment,
    date: dt.date | None = None,
    *,
    sources: SourcesFile | None = None,
    timeline: str | None = None,
    explore: bool = True,
    language: str = "en",
) -> Evaluation:
    """Judge the assessment under each rulebook; with `explore`, also rank gaps and find counterfactuals.

    An assessment with several uses is judged once per use and the results combined, the worst use
    giving each verdict (`uses.py`); one use is judged exactly as it always was."""
    when = evaluation_date(assessment, date)
    books = tuple(rulebooks)

    def one(view: Assessment) -> Evaluation:
        return _evaluate_use(
            compiled,
            books,
            view,
            when,
            sources=sources,
            timeline=timeline,
            explore=explore,
            language=language,
        )

    if not assessment.uses:
        return one(assessment)
    names = use_names(compiled, assessment)
    each = [one(use_view(compiled, assessment, i)) for i in range(len(names))]
    return combine_uses(compiled, names, each, language)


def _evaluate_use(
    compiled: CompiledQuestionnaire,
    books: tuple[Rulebook, ...],
    assessment: Assessment,
    when: dt.date,
    *,
    sources: SourcesFile | None,
    timeline: str | None,
    explore: bool,
    language: str,
) -> Evaluation:
    """One use (or the only one) judged under each rulebook."""
    tags = {s.id: s.tag for s in sources.sources} if sources else {}
    names = {s.id: s.name(language) if s.short else s.title for s in sources.sources} if sources else {}

    memo = AnswersMemo()  # shared by the rulebooks judged on the assessment's own answers

    def context(
        rulebook: Rulebook,
        answers: Mapping[str, Answer],
        view: AnswerView,
        explain: bool = True,
        day: dt.date | None = None,
    ) -> Context:
        return Context(
            compiled,
            _index(rulebook),
            answers,
            day or when,
            timeline,
            tags,
            language,
            explain=explain,
            shared_view=view,
            memo=memo if answers is assessment.answers else AnswersMemo(),
            source_names=names,
        )

    view = AnswerView(compiled, assessment.answers)
    period = planned_period(compiled, view, language)
    judgements = []
    for book in books:
        ctx = context(book, assessment.answers, view)
        judgement = judge(ctx)
        later = later_verdicts(
            ctx, judgement, period, lambda day, book=book: context(book, assessment.answers, view, day=day)
        )
        if later:
            judgement.result = judgement.result.model_copy(update={"later": later})
        judgements.append(judgement)
    shared = {
        "figures": compute_figures(compiled, view, language),
        "inconsistencies": find_inconsistencies(compiled, view, language),
        "period": period,
    }
    if not explore:
        return trusted(
            Evaluation, date=when, timeline=timeline, rulebooks=tuple(j.result for j in judgements), **shared
        )

    limits = thresholds(books, compiled)
    current: dict[str, Verdict] = {j.result.id: j.result.verdict for j in judgements}

    # One answer changed at a time is tried by both the gap ranking and the counterfactual search:
    # judge each (question, value, rulebook) once. The change carries level-4 evidence, which meets
    # every minimum, so the verdict is the same whatever level a counterfactual states.
    trials: dict[tuple[str, str], tuple[Mapping[str, Answer], AnswerView]] = {}
    trial_verdicts: dict[tuple[str, str, str], Verdict] = {}

    def single_verdict(book: Rulebook, question_id: str, value: object) -> Verdict:
        key = (question_id, repr(value))
        if not _index(book).all_reads & compiled.reach[question_id]:
            return current[book.id]  # the change cannot reach this rulebook
        if (*key, book.id) not in trial_verdicts:
            if key not in trials:
                change = Change(question=question_id, value=value, nature="fact", evidence_level=4)
                answers = with_changes(assessment.answers, [change])
                trials[key] = (answers, AnswerView(compiled, answers))
            answers, trial_view = trials[key]
            trial = context(book, answers, trial_view, False)
            trial_verdicts[(*key, book.id)] = quick_verdict(trial, base[book.id], compiled.reach[question_id])
        return trial_verdicts[(*key, book.id)]

    base = {j.result.id: j for j in judgements}
    results: list[RulebookResult] = []
    impact_cache: dict[str, int] = {}
    for book, judgement in zip(books, judgements, strict=True):
        ctx = context(book, assessment.answers, view)
        gaps = []
        for question_id, (state, blocks) in gap_questions(ctx, judgement).items():
            if question_id not in impact_cache:
                values = alternatives(ctx, question_id, limits)
                # A rulebook counts once: stop trying values as soon as one changes its verdict.
                impact_cache[question_id] = sum(
                    any(single_verdict(other, question_id, value) != current[other.id] for value in values)
                    for other in books
                )
            gaps.append(make_gap(ctx, question_id, state, blocks, impact_cache[question_id]))
        order = compiled.order
        gaps.sort(key=lambda g: (-g.impact, g.state == "evidence", order[g.question]))

        def rejudge(changes: tuple[Change, ...], book: Rulebook = book) -> Verdict:
            if len(changes) == 1 and not changes[0].unknown:
                return single_verdict(book, changes[0].question, changes[0].value)
            answers = with_changes(assessment.answers, changes)
            return judge(context(book, answers, AnswerView(compiled, answers), False)).result.verdict

        found = counterfactuals(ctx, judgement, rejudge, limits)
        results.append(judgement.result.model_copy(update={"gaps": tuple(gaps), "counterfactuals": found}))
    return trusted(Evaluation, date=when, timeline=timeline, rulebooks=tuple(results), **shared)
