"""Shared figures: expected false alerts per day, how many alerts point at the wrong person, people
scanned per year, and the WP248 DPIA indicator — each with its formula and inputs shown.

Which questions hold the inputs is data (the questionnaire's `figures:` block); the arithmetic is here.
An unknown input never becomes 0: the figure is "unknown — needs X".
"""

from __future__ import annotations

import itertools
import math

from pia_wizard.core.evaluation.results import DpiaIndicator, Figure, FigureInput, Figures, Inconsistency
from pia_wizard.core.models.base import localise, trusted
from pia_wizard.core.models.conditions import All, AnyOf, ConditionNode
from pia_wizard.core.models.messages import SOURCE_LANGUAGE, Messages, catalog_languages, messages
from pia_wizard.core.models.questionnaire import FalseAlertInputs
from pia_wizard.core.models.questionnaire import Figures as FigureSpec
from pia_wizard.core.models.rulebook import DerivedFact
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.core.rules.logic import UNKNOWN, Known, Possible, Span, Truth, evaluate, group_sum
from pia_wizard.core.rules.partial import as_written
from pia_wizard.core.rules.visibility import AnswerView

FIGURE_FACTS = "figures"
DPIA_FACT = "wp248_dpia_indicated"


class _Reader:
    def __init__(self, compiled: CompiledQuestionnaire, view: AnswerView, language: str) -> None:
        self.compiled = compiled
        self.view = view
        self.language = language
        self.msg = messages(language, "engine")

    def label(self, question_id: str) -> str:
        text = self.compiled.entries[question_id].question.label
        return localise(text, self.language, self.compiled.questionnaire.default_language)

    def read(self, question_id: str) -> tuple[float | str | None, FigureInput]:
        state = self.view.state(question_id)
        if isinstance(state, Known):
            name, value = "value", state.value
            if isinstance(value, Span | Possible) or value == math.inf:
                written = as_written(self.view.answers[question_id].value)
                return value, FigureInput(
                    question=question_id, label=self.label(question_id), state=name, value=written
                )
        elif not self.view.question_visible(question_id):
            name, value = "hidden", None
        else:
            name, value = ("unknown" if state is UNKNOWN else "unanswered"), None
        return value, FigureInput(
            question=question_id, label=self.label(question_id), state=name, value=value
        )


Number = float | Span  # a figure's input or result: exact, or known only between two bounds


def _lo(value: Number) -> float:
    return value.low if isinstance(value, Span) else value


def _hi(value: Number) -> float:
    return value.high if isinstance(value, Span) else value


def _times(*values: Number) -> Number:
    """A product of non-negative numbers; of ranges, the range of products (bound by bound)."""
    low, high = math.prod(_lo(v) for v in values), math.prod(_hi(v) for v in values)
    return low if low == high else Span(low, high)


def _as_number(value: object) -> Number | None:
    if value is None or isinstance(value, Possible):
        return None
    return value if isinstance(value, Span) else float(value)  # type: ignore[arg-type]


def _about(value: Number, m: Messages) -> str:
    if isinstance(value, Span):
        return m.gettext("between %(low)s and %(high)s") % {
            "low": _fmt(value.low, m),
            "high": _fmt(value.high, m),
        }
    return m.gettext("about %(value)s") % {"value": _fmt(value, m)}


def _result(figure_id: str, label: str, value: Number, unit: str, formula: str, inputs, text: str) -> Figure:  # type: ignore[no-untyped-def]
    """An exact figure has a value; a ranged one has `low` and `high` (and no single value)."""
    if isinstance(value, Span):
        return Figure(
            id=figure_id,
            label=label,
            value=None,
            unit=unit,
            formula=formula,
            inputs=tuple(inputs),
            text=text,
            low=value.low,
            high=value.high,
        )
    return Figure(
        id=figure_id, label=label, value=value, unit=unit, formula=formula, inputs=tuple(inputs), text=text
    )


def _fmt(value: float, m: Messages) -> str:
    """Whole numbers from 100, one decimal from 1, three significant digits below; the separators
    are the language's ("1,234.5" in English, "1.234,5" in German)."""
    if value == math.inf:
        return m.gettext("no limit")
    if value >= 100:
        shown = f"{value:,.0f}"
    elif value >= 1:
        shown = f"{value:,.1f}".rstrip("0").rstrip(".")
    else:
        shown = f"{value:.3g}"
    if m.language == SOURCE_LANGUAGE:
        return shown
    group, decimal = m.separators()  # English's for a language Babel does not know (a pseudo-language)
    marks = {",": group, ".": decimal}
    return "".join(marks.get(char, char) for char in shown)


def compute_figures(compiled: CompiledQuestionnaire, view: AnswerView, language: str = "en") -> Figures:
    spec = compiled.questionnaire.figures
    if spec is None:
        return Figures()
    reader = _Reader(compiled, view, language)
    result = Figures(dpia=_dpia(compiled, view, spec.dpia_criteria, spec.dpia_threshold, language))
    if spec.false_alerts is None:
        return result
    inputs = spec.false_alerts
    if inputs.applies_when is not None and evaluate(inputs.applies_when, view) is Truth.FALSE:
        return result.model_copy(
            update={"false_alerts_per_day": _not_applicable(reader.msg), "people_scanned_per_year": None}
        )
    alerts = _false_alerts(reader, spec.false_alerts)
    return result.model_copy(
        update={
            "false_alerts_per_day": alerts,
            "wrong_alerts_per_100": _wrong_share(reader, spec.false_alerts, alerts),
            "people_scanned_per_year": _people_per_year(reader, spec.false_alerts),
            "claimed_accuracy_alerts": _claimed_accuracy(reader, spec.false_alerts),
        }
    )


def _people(reader: _Reader, inputs: FalseAlertInputs) -> tuple[Number | None, list[FigureInput]]:
    """People per day: the total asked for, else the sum over the sites.

    When the sites carry the figure, the total question is hidden; a missing site figure is then
    named per site, so a figure never asks for a question the person cannot see.
    """
    value, shown = reader.read(inputs.people_per_day)
    items = inputs.people_per_day_items
    if value is None and items is not None:
        total = group_sum(reader.view, items.group, items.question)
        if total is not None:
            label = reader.msg.gettext("%(label)s (all sites)") % {"label": reader.label(items.question)}
            shown_total = {"low": total.low, "high": total.high} if isinstance(total, Span) else total
            return total, [FigureInput(question=items.group, label=label, state="value", value=shown_total)]
        if shown.state == "hidden":
            missing = _missing_items(reader, items.group, items.question)
            if missing:
                return None, missing
    return _as_number(value), [shown]


def _missing_items(reader: _Reader, group: str, question: str) -> list[FigureInput]:
    """One input per item whose number is unknown or not given ("People passing per day at site 2")."""
    state = reader.view.items(group)
    if not isinstance(state, Known):
        return []
    entry = reader.compiled.entries[group].question
    item = localise(
        getattr(entry, "item_label", None) or {"en": "item"},
        reader.language,
        reader.compiled.questionnaire.default_language,
    )
    missing = []
    for number, scope in enumerate(state.value, start=1):
        term = reader.view.state(question, scope)
        if not isinstance(term, Known):
            missing.append(
                FigureInput(
                    question=question,
                    label=reader.msg.gettext("%(label)s at %(item)s %(number)d")
                    % {"label": reader.label(question), "item": item, "number": number},
                    state="unknown" if term is UNKNOWN else "unanswered",
                )
            )
    return missing


def _not_applicable(m: Messages) -> Figure:
    return Figure(
        id="false_alerts_per_day",
        label=m.gettext("Expected false alerts per day"),
        value=None,
        unit=m.gettext("alerts/day"),
        formula=m.gettext("only identification against a watchlist gives false alerts of this kind"),
        inputs=(),
        applicable=False,
        text=m.gettext("not applicable: the system does not search a watchlist"),
    )


def _needs(inputs: list[FigureInput]) -> tuple[str, ...]:
    return tuple(i.label for i in inputs if i.state != "value")


def _unknown(
    m: Messages, figure_id: str, label: str, unit: str, formula: str, inputs: list[FigureInput]
) -> Figure:
    needs = _needs(inputs)
    return Figure(
        id=figure_id,
        label=label,
        value=None,
        unit=unit,
        formula=formula,
        inputs=tuple(inputs),
        needs=needs,
        text=m.gettext("unknown — needs: %(needs)s") % {"needs": "; ".join(needs)},
    )


def _false_alerts(reader: _Reader, inputs: FalseAlertInputs) -> Figure:
    m = reader.msg
    label, per_day = m.gettext("Expected false alerts per day"), m.gettext("alerts/day")
    people, people_in = _people(reader, inputs)
    rate, rate_in = reader.read(inputs.false_match_rate)
    unit, unit_in = reader.read(inputs.rate_unit)
    if unit == inputs.per_search:
        formula = m.gettext("people scanned per day × false-match rate per search")
        used = [*people_in, rate_in, unit_in]
        if people is None or _as_number(rate) is None:
            return _unknown(m, "false_alerts_per_day", label, per_day, formula, used)
        value = _times(people, _as_number(rate))  # type: ignore[arg-type]
    else:
        formula = m.gettext("people scanned per day × watchlist size × false-match rate per comparison")
        size, size_in = reader.read(inputs.watchlist_size)
        used = [*people_in, size_in, rate_in, unit_in]
        if (
            unit != inputs.per_comparison
            or people is None
            or _as_number(rate) is None
            or _as_number(size) is None
        ):
            if unit is not None and unit not in (inputs.per_comparison, inputs.per_search):
                formula = m.gettext("depends on what the false-match rate is per (comparison or search)")
            return _unknown(m, "false_alerts_per_day", label, per_day, formula, used)
        value = _times(people, _as_number(size), _as_number(rate))  # type: ignore[arg-type]
    text = m.gettext("%(about)s false alerts per day (%(formula)s)") % {
        "about": _about(value, m),
        "formula": formula,
    }
    return _result("false_alerts_per_day", label, value, per_day, formula, used, text)


def _wrong_share(reader: _Reader, inputs: FalseAlertInputs, alerts: Figure) -> Figure | None:
    if inputs.watchlisted_per_day is None:
        return None
    m = reader.msg
    label, unit = (
        m.gettext("Of every 100 alerts, how many point at the wrong person"),
        m.gettext("of 100 alerts"),
    )
    formula = m.gettext(
        "100 × false alerts ÷ (false alerts + watchlisted people passing), if every one of them is found"
    )
    true_hits, hits_in = reader.read(inputs.watchlisted_per_day)
    used = [*alerts.inputs, hits_in]
    hits = _as_number(true_hits)
    false = alerts.value if alerts.value is not None else alerts.low
    if false is None or hits is None:
        return _unknown(m, "wrong_alerts_per_100", label, unit, formula, used)
    # The share grows with false alerts and shrinks with true hits: its bounds pair them crosswise.
    low = _share(false, _hi(hits))
    high = _share(alerts.high if alerts.high is not None else false, _lo(hits))
    share: Number = low if low == high else Span(low, high)
    text = m.gettext("of every 100 alerts, %(about)s point at the wrong person") % {"about": _about(share, m)}
    return _result("wrong_alerts_per_100", label, share, unit, formula, used, text)


def _share(false: float, hits: float) -> float:
    total = false + hits
    if math.isinf(total):
        return 100.0 if math.isinf(false) and not math.isinf(hits) else 0.0 if not math.isinf(false) else 50.0
    return 100 * false / total if total > 0 else 0.0


def _people_per_year(reader: _Reader, inputs: FalseAlertInputs) -> Figure | None:
    if inputs.days_per_year is None:
        return None
    m = reader.msg
    label, unit = m.gettext("People scanned per year"), m.gettext("people/year")
    formula = m.gettext("people scanned per day × days of operation per year")
    people, people_in = _people(reader, inputs)
    days, days_in = reader.read(inputs.days_per_year)
    used = [*people_in, days_in]
    if people is None or _as_number(days) is None:
        return _unknown(m, "people_scanned_per_year", label, unit, formula, used)
    value = _times(people, _as_number(days))  # type: ignore[arg-type]
    text = m.gettext("%(about)s people scanned per year") % {"about": _about(value, m)}
    return _result("people_scanned_per_year", label, value, unit, formula, used, text)


def _claimed_accuracy(reader: _Reader, inputs: FalseAlertInputs) -> Figure | None:
    """What "99 % accurate" would mean if the rest were people wrongly flagged: one reading of a
    claim that does not say which errors it counts, shown so that a person sees its scale."""
    if inputs.claimed_accuracy is None:
        return None
    accuracy, accuracy_in = reader.read(inputs.claimed_accuracy)
    if accuracy is None:
        return None  # optional: no claim, no figure
    m = reader.msg
    label = m.gettext("False alerts per day if the vendor's accuracy claim meant the rest were wrong alerts")
    per_day = m.gettext("alerts/day")
    formula = m.gettext("people scanned per day × (1 − claimed accuracy)")
    people, people_in = _people(reader, inputs)
    used = [*people_in, accuracy_in]
    claimed = _as_number(accuracy)
    if people is None or claimed is None:
        return _unknown(m, "claimed_accuracy_alerts", label, per_day, formula, used)
    left = Span(1 - _hi(claimed), 1 - _lo(claimed)) if isinstance(claimed, Span) else 1 - claimed
    value = _times(people, left)
    share = (
        _fmt(100 * _lo(left), m)
        if not isinstance(left, Span)
        else f"{_fmt(100 * left.low, m)}–{_fmt(100 * left.high, m)}"
    )
    text = m.gettext(
        "if the %(share)s %% that “%(accuracy)s %% accurate” leaves were people wrongly flagged: "
        "%(about)s false alerts per day. The claim does not say which errors it counts or at "
        "which threshold; only the false-match rate at the threshold used settles it"
    ) % {"share": share, "accuracy": _fmt(100 * _hi(claimed), m), "about": _about(value, m)}
    return _result("claimed_accuracy_alerts", label, value, per_day, formula, used, text)


def dpia_indicator_condition(spec: FigureSpec) -> ConditionNode | None:
    """WP248's rule of thumb as one condition: at least `dpia_threshold` criteria met.

    Written as "any combination of that many criteria all met", which in three-valued logic is exactly
    the count: true once enough are met, false once too few could still be, unknown in between. The
    figure and every rulebook that shares the `figures` facts read this one condition."""
    criteria = [criterion.when for criterion in spec.dpia_criteria]
    if not criteria:
        return None
    combos = itertools.combinations(criteria, spec.dpia_threshold)  # none if the threshold is too high
    return AnyOf.model_construct(any=tuple(All.model_construct(all=tuple(c)) for c in combos))


def figure_facts(compiled: CompiledQuestionnaire) -> tuple[DerivedFact, ...]:
    """The facts file `figures`: the DPIA indicator's condition, for rulebooks to read."""
    spec = compiled.questionnaire.figures
    condition = None if spec is None else dpia_indicator_condition(spec)
    if spec is None or condition is None:
        return ()
    # Worded here, not in a file: the label in every language that has an engine catalog.
    default = compiled.questionnaire.default_language
    label = {
        language: messages(language, "engine").gettext(
            "At least %(threshold)d of the WP248 criteria that indicate a high risk are met "
            "(the DPIA indicator among the figures)"
        )
        % {"threshold": spec.dpia_threshold}
        for language in dict.fromkeys((default, *catalog_languages()))
    }
    refs = spec.dpia_refs or ("WP248",)
    return (trusted(DerivedFact, id=DPIA_FACT, label=label, when=condition, refs=refs),)


def _dpia(compiled, view, criteria, threshold, language) -> DpiaIndicator | None:  # type: ignore[no-untyped-def]
    condition = dpia_indicator_condition(compiled.questionnaire.figures)
    if condition is None:
        return None
    default = compiled.questionnaire.default_language
    met, unknown = [], []
    for criterion in criteria:
        truth = evaluate(criterion.when, view)
        label = f"{criterion.id} {localise(criterion.label, language, default)}"
        if truth is Truth.TRUE:
            met.append(label)
        elif truth is Truth.UNKNOWN:
            unknown.append(label)
    indicated = {Truth.TRUE: "yes", Truth.UNKNOWN: "unknown", Truth.FALSE: "no"}[evaluate(condition, view)]
    count, open_ = len(met), len(unknown)
    m = messages(language, "engine")
    if indicated == "yes":
        text = m.gettext(
            "%(num)d of the nine high-risk criteria of the EU guidelines on impact assessments (WP248) "
            "are met; from %(threshold)d a data protection impact assessment (DPIA) is usually needed"
        ) % {"num": count, "threshold": threshold}
    elif indicated == "unknown":
        text = m.ngettext(
            "%(num)d criterion met and %(open)d unknown: whether a DPIA is needed depends on them",
            "%(num)d criteria met and %(open)d unknown: whether a DPIA is needed depends on them",
            count,
            open=open_,
        )
    else:
        text = m.ngettext(
            "%(num)d criterion met (fewer than %(threshold)d); one criterion can be enough in some cases",
            "%(num)d criteria met (fewer than %(threshold)d); one criterion can be enough in some cases",
            count,
            threshold=threshold,
        )
    return DpiaIndicator(
        met=tuple(met), unknown=tuple(unknown), threshold=threshold, indicated=indicated, text=text
    )


def find_inconsistencies(
    compiled: CompiledQuestionnaire, view: AnswerView, language: str = "en"
) -> tuple[Inconsistency, ...]:
    """Contradictory answers: 1:1 verification with a 5,000-entry watchlist, or an end before the start."""
    from pia_wizard.core.rules.condition_check import referenced_questions

    default = compiled.questionnaire.default_language
    found = []
    for check in compiled.questionnaire.checks:
        text = localise(check.text, language, default)
        if check.when is not None:
            if evaluate(check.when, view) is Truth.TRUE:
                questions = tuple(dict.fromkeys(referenced_questions(check.when)))
                found.append(Inconsistency(id=check.id, text=text, questions=questions))
            continue
        if check.earlier is None or check.later is None:  # pragma: no cover - the model forbids it
            continue
        first, second = view.state(check.earlier), view.state(check.later)
        if isinstance(first, Known) and isinstance(second, Known) and _high(second.value) < _low(first.value):
            found.append(Inconsistency(id=check.id, text=text, questions=(check.earlier, check.later)))
    return tuple(found)


def _low(value: object) -> object:
    """The least a value may be (a range's low bound; for "one of", the check does not apply)."""
    return value.low if isinstance(value, Span) else value


def _high(value: object) -> object:
    return value.high if isinstance(value, Span) else value
