"""Judging over the planned period: rules that start to apply while the deployment runs.

The headline verdict stays the verdict on the evaluation date. A deployment that runs on past a date
from which more of a rulebook's rules apply (AI Act Art. 113: the Annex III duties, Art. 26(10)) is
bound by them from that date, so each such date inside the planned period gets its own verdict and
the findings of the rules that start then ("from 2 December 2027 this deployment needs …"). A
deployment with no end date, or an end that was not disclosed, is judged up to the rulebook's latest
date. Which questions hold the start and end is data (the questionnaire's `period:`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from pia_wizard.core.evaluation.engine import Context, Judgement, judge
from pia_wizard.core.evaluation.results import Finding, LaterVerdict, Period, RulebookResult
from pia_wizard.core.models.base import trusted
from pia_wizard.core.models.messages import N_, messages
from pia_wizard.core.models.rulebook import Applicability
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.core.rules.logic import UNKNOWN, Known, Span
from pia_wizard.core.rules.visibility import AnswerView

# What each verdict means, in the plain words the text of a later verdict uses (whole sentences).
VERDICT_WORDS = {
    "red_line": N_("On that date a red line is crossed."),
    "fails": N_("On that date a decisive test fails."),
    "insufficient_information": N_("On that date it cannot be decided on what is known."),
    "conditional": N_("On that date it passes only once the planned safeguards are in place."),
    "passes": N_("On that date every decisive test passes on the evidence given."),
    "not_applicable": N_("On that date these rules do not cover it."),
}


def _date_of(view: AnswerView, question_id: str, start: str = "") -> tuple[dt.date | None, str]:
    """(the date, 'date'), or (None, 'unknown') when not disclosed, or (None, 'none') when unanswered."""
    state = view.state(question_id)
    if isinstance(state, Known):
        value = state.value
        if isinstance(value, Span):  # known to the month or year: the start earliest, the end latest
            value = value.low if question_id == start else value.high
        if isinstance(value, str):
            value = dt.date.fromisoformat(value)
        return (value, "date") if isinstance(value, dt.date) else (None, "unknown")
    return None, "unknown" if state is UNKNOWN else "none"


def planned_period(compiled: CompiledQuestionnaire, view: AnswerView, language: str = "en") -> Period | None:
    """The planned period of use, or None when the questionnaire names no period questions."""
    spec = compiled.questionnaire.period
    if spec is None:
        return None
    m = messages(language, "engine")
    start, _ = _date_of(view, spec.start, spec.start)
    end, end_state = _date_of(view, spec.end)
    if end_state == "date" and end is not None:
        text = m.gettext("Judged over the planned period, up to its end on %(date)s.") % {"date": m.date(end)}
    elif end_state == "unknown":
        text = m.gettext(
            "The planned end was not disclosed: the deployment is judged as if it runs on, up to the "
            "latest date from which rules apply."
        )
    else:
        text = m.gettext(
            "No end date was given: the deployment is judged as if it runs on, up to the latest date "
            "from which rules apply."
        )
    return trusted(Period, start=start, end=end, end_state=end_state, text=text)


def later_dates(ctx: Context, period: Period) -> list[tuple[dt.date, list[Applicability]]]:
    """The dates after the evaluation date, up to the planned end, on which some rules start to apply."""
    by_date: dict[dt.date, list[Applicability]] = {}
    for item in ctx.rulebook.applicability:
        start = ctx.start_of(item)
        if start > ctx.date and (period.end is None or start <= period.end):
            by_date.setdefault(start, []).append(item)
    return sorted(by_date.items())


def later_verdicts(
    ctx: Context, now: Judgement, period: Period | None, at: Callable[[dt.date], Context]
) -> tuple[LaterVerdict, ...]:
    """The rulebook judged again on each later date inside the period (`at` gives the context)."""
    if period is None or now.result.applies == "no":
        return ()
    found = []
    seen = _keys(now.result.findings)
    for day, items in later_dates(ctx, period):
        result = judge(at(day)).result
        items = [item for item in items if _binds(ctx, result, item.id)]
        if not items:
            continue  # nothing that starts on that date applies to this deployment
        new = tuple(f for f in result.findings if f.kind != "applicability" and _key(f) not in seen)
        seen |= _keys(new)
        starting = tuple(_starting(ctx, item) for item in items)
        found.append(
            trusted(
                LaterVerdict,
                date=day,
                verdict=result.verdict,
                starting=starting,
                findings=new,
                text=_text(ctx, day, period, result, new, items),
            )
        )
    return tuple(found)


def _binds(ctx: Context, result: RulebookResult, applicability_id: str) -> bool:
    """Whether a rule that starts with this item applies to the deployment on the later date."""
    book = ctx.rulebook
    steps = {step.id for test in book.tests for step in test.steps if step.applies_from == applicability_id}
    lines = {line.id for line in book.red_lines if line.applies_from == applicability_id}
    judged = (step for test in result.tests for step in test.steps)
    return any(s.id in steps and s.status not in ("not_applicable", "not_in_force") for s in judged) or any(
        f.rule in lines and f.kind != "applicability" for f in result.findings
    )


def _key(finding: Finding) -> tuple[str, str]:
    return finding.rule, finding.severity


def _keys(findings: Iterable[Finding]) -> set[tuple[str, str]]:
    return {_key(f) for f in findings}


def _starting(ctx: Context, item: Applicability) -> str:
    return ctx.text(item.title)


def _note(ctx: Context, item: Applicability) -> str:
    """What the reader must know about the item's date on the timeline used (e.g. that it is fixed)."""
    timeline = ctx.timeline_used
    return ctx.text(item.notes[timeline]) if timeline and timeline in item.notes else ""


def _text(
    ctx: Context,
    day: dt.date,
    period: Period,
    result: RulebookResult,
    new: tuple[Finding, ...],
    items: list[Applicability],
) -> str:
    m = ctx.msg
    words = {
        "date": m.date(day),
        "what": "; ".join(_starting(ctx, item) for item in items),
        "verdict": m.gettext(VERDICT_WORDS[result.verdict]),
    }
    if period.start is not None and period.start > day:
        words["start"] = m.date(period.start)
        text = m.gettext(
            "From its planned start on %(start)s (these rules apply from %(date)s), this deployment is also "
            "bound by: %(what)s."
        )
    else:
        text = m.gettext("From %(date)s, this deployment is also bound by: %(what)s.")
    text = f"{text % words} {words['verdict']}"
    open_ = ("red_line", "fail", "undetermined", "conditional")
    needs = [f.title.rstrip(".") for f in new if f.severity in open_]
    if needs:
        text += " " + m.gettext("Open from that date: %(needs)s.") % {"needs": "; ".join(needs)}
    notes = [n for n in dict.fromkeys(_note(ctx, item) for item in items) if n]
    if notes:
        text += " " + m.gettext("About this date: %(notes)s") % {"notes": " ".join(notes)}
    return text
