"""Several uses judged together: each use's evaluation combined into one, the worst use deciding.

Each rulebook's verdict is the worst of the uses' verdicts, in the engine's own order (red line,
fails, insufficient information, conditional, passes, not applicable: `VERDICT_ORDER`), the earlier
use winning a tie. A rulebook that does not apply to one use but passes another therefore passes.
The combined result carries the worst use's tests, applicability and later dates, every use's
findings (the same finding from several uses listed once, naming them all), every use's gaps
(merged by question), and the changes that would improve each use that gives the worst verdict —
each naming its use, since a change to one use does not improve another.
"""

from __future__ import annotations

from collections.abc import Sequence

from pia_wizard.core.evaluation.results import (
    VERDICT_ORDER,
    Evaluation,
    Finding,
    Gap,
    Inconsistency,
    RulebookResult,
    Safeguard,
    UseResult,
)
from pia_wizard.core.models.base import trusted
from pia_wizard.core.models.messages import messages
from pia_wizard.core.rules.compiled import CompiledQuestionnaire


def combine_uses(
    compiled: CompiledQuestionnaire,
    names: Sequence[str],
    evaluations: Sequence[Evaluation],
    language: str = "en",
) -> Evaluation:
    """One evaluation from one per use (same rulebooks, same date, in use order)."""
    first = evaluations[0]
    rulebooks = tuple(
        _combine_rulebook(compiled, names, [e.rulebooks[k] for e in evaluations], language)
        for k in range(len(first.rulebooks))
    )
    uses = tuple(
        trusted(UseResult, name=name, rulebooks=e.rulebooks, figures=e.figures)
        for name, e in zip(names, evaluations, strict=True)
    )
    return first.model_copy(
        update={
            "rulebooks": rulebooks,
            "inconsistencies": _inconsistencies(names, evaluations),
            "uses": uses,
        }
    )


def worst_use(results: Sequence[RulebookResult]) -> int:
    """The index of the use whose verdict is worst (the first of equals)."""
    return min(range(len(results)), key=lambda i: (VERDICT_ORDER.index(results[i].verdict), i))


def _combine_rulebook(
    compiled: CompiledQuestionnaire, names: Sequence[str], results: Sequence[RulebookResult], language: str
) -> RulebookResult:
    worst = worst_use(results)
    order = [worst, *(i for i in range(len(results)) if i != worst)]
    findings: list[Finding] = []
    from_uses: list[list[str]] = []
    for i in order:
        for finding in results[i].findings:
            if finding in findings:
                from_uses[findings.index(finding)].append(names[i])
            else:
                findings.append(finding)
                from_uses.append([names[i]])
    named = tuple(
        f.model_copy(update={"uses": tuple(n for n in names if n in u)})
        for f, u in zip(findings, from_uses, strict=True)
    )
    for_use = messages(language, "engine").gettext("For the use “%(use)s”: %(text)s")
    counterfactuals = tuple(
        cf.model_copy(update={"use": names[i], "text": for_use % {"use": names[i], "text": cf.text}})
        for i in order
        if results[i].verdict == results[worst].verdict
        for cf in results[i].counterfactuals
    )
    safeguards: dict[str, Safeguard] = {}
    for result in results:
        for safeguard in result.safeguards:
            safeguards.setdefault(safeguard.id, safeguard)
    return results[worst].model_copy(
        update={
            "findings": named,
            "gaps": _gaps(compiled, names, results),
            "counterfactuals": counterfactuals,
            "safeguards": tuple(safeguards.values()),
            "use": names[worst],
        }
    )


def _gaps(
    compiled: CompiledQuestionnaire, names: Sequence[str], results: Sequence[RulebookResult]
) -> tuple[Gap, ...]:
    """Each question left open in any use, once, with the uses it is open for."""
    merged: dict[tuple[str, str], Gap] = {}
    for name, result in zip(names, results, strict=True):
        for gap in result.gaps:
            key = (gap.question, gap.state)
            seen = merged.get(key)
            if seen is None:
                merged[key] = gap.model_copy(update={"uses": (name,)})
            else:
                blocks = tuple(dict.fromkeys((*seen.blocks, *gap.blocks)))
                impact = max(seen.impact, gap.impact)
                merged[key] = seen.model_copy(
                    update={"uses": (*seen.uses, name), "blocks": blocks, "impact": impact}
                )
    order = compiled.order
    return tuple(sorted(merged.values(), key=lambda g: (-g.impact, g.state == "evidence", order[g.question])))


def _inconsistencies(names: Sequence[str], evaluations: Sequence[Evaluation]) -> tuple[Inconsistency, ...]:
    merged: dict[tuple[str, str], Inconsistency] = {}
    for name, evaluation in zip(names, evaluations, strict=True):
        for found in evaluation.inconsistencies:
            key = (found.id, found.text)
            seen = merged.get(key)
            uses = (name,) if seen is None else (*seen.uses, name)
            merged[key] = found.model_copy(update={"uses": uses})
    return tuple(merged.values())
