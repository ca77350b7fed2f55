"""The report context: everything a template shows, as a plain dict of text, numbers, lists and dicts.

No model object reaches Jinja2 — only what is built here (checked by `ensure_plain`), so a template
cannot call a method or reach an attribute it was not given. The evaluation is shown, never
recomputed: verdicts, findings, gaps and counterfactuals are the engine's, put into words.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from pia_wizard import __version__
from pia_wizard.core.answers.review import ReviewState
from pia_wizard.core.evaluation.results import Change, Evaluation, Figure, Finding, RulebookResult
from pia_wizard.core.load.library import Library
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.models.messages import N_, SOURCE_LANGUAGE
from pia_wizard.core.models.rulebook import Rulebook
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.report import charts
from pia_wizard.report.annex import answers_by_section, evidence_items, glossary_used
from pia_wizard.report.citations import Citations
from pia_wizard.report.formatting import Formatter
from pia_wizard.report.headlines import headline
from pia_wizard.report.letter import request_groups
from pia_wizard.report.options import ReportOptions, recipient_of
from pia_wizard.report.review import review_comments, review_context
from pia_wizard.report.wording import (
    APPLIES,
    DISCLAIMER,
    EVIDENCE_LEVELS,
    FINGERPRINT_MEANING,
    OMITTED,
    SEVERITY,
    SEVERITY_INLINE,
    STATUS_MARK,
    STEP_STATUS,
    TAGS,
    VERDICTS,
    translation_notes,
    words,
)

# The date of the domain brief (legal research) the shipped rulebooks rest on. The rulebook format has
# no field for it yet; it belongs there (one date per rulebook), and this constant goes when it is.
PDFA_STATEMENT = N_("PDF/A-3b identification, conformance not externally validated.")
SEVERITY_RANK = {"red_line": 0, "fail": 1, "undetermined": 2, "conditional": 3, "warning": 4, "info": 5}
MAX_REASONS = 5


def scenario_line(assessment: Assessment, fmt: Formatter) -> str:
    """'What it tries — a variant of “origin”' for a scenario, else empty."""
    link = assessment.scenario
    if link is None:
        return ""
    tr = fmt.tr
    if link.origin_title:
        origin = tr("a variant of “{origin}”").format(origin=link.origin_title)
    else:
        origin = tr("a variant of another assessment")
    return tr("{name} — {origin}. The answers changed to try this are not the proposal's own.").format(
        name=link.name, origin=origin
    )


def build_report_context(
    *,
    compiled: CompiledQuestionnaire,
    rulebooks: Sequence[Rulebook],
    library: Library,
    assessment: Assessment,
    evaluation: Evaluation,
    options: ReportOptions,
    fingerprint: str,
    review: ReviewState | None = None,
    full: Assessment | None = None,
    private_notes: bool | None = None,
) -> dict[str, Any]:
    """The plain dict a template renders, from the redacted assessment and its evaluation; the review
    from the full assessment (`full`, before redaction) and its state."""
    fmt = Formatter(compiled, options.language)
    citations = Citations(library.sources, options.language)
    tr = fmt.tr
    books = {b.id: b for b in rulebooks}
    meta = assessment.metadata
    spec = options.spec
    embedded = not options.leaves_out("embedded")

    # Evidence reaches the context only for templates that may show it (never the letter).
    shown = assessment if spec.evidence else None
    uses = [u.name for u in evaluation.uses]
    results = [
        _rulebook(result, books[result.id], fmt, citations, shown, uses)
        for result in evaluation.rulebooks
        if result.id in books
    ]
    title = meta.title or (
        tr("Assessment: {deployment}").format(deployment=meta.deployment)
        if meta.deployment
        else fmt.text(compiled.questionnaire.title)
    )
    context: dict[str, Any] = {
        "template": {
            "name": spec.name,
            "title": tr(spec.title),
            "purpose": tr(spec.purpose),
            "letter": spec.letter,
        },
        "language": options.language,
        "draft": options.draft,
        "compact": 0,  # raised by the printer when a template must be shortened to fit its page budget
        "document": {
            "title": title,
            "kind": tr(spec.title),
            "date": fmt.date(evaluation.date),
            "date_iso": evaluation.date.isoformat(),
            # Every date in the PDF comes from the assessment, never from the clock.
            "timestamp": f"{evaluation.date.isoformat()}T00:00:00Z",
            "generator": f"pia-wizard {__version__}",
        },
        "assessment": {
            "title": meta.title,
            "deployment": meta.deployment,
            "operator": meta.operator_name,
            "place": meta.place,
            "assessor": meta.assessor,
            "organisation": meta.organisation,
            "prepared_for": options.prepared_for.strip() or recipient_of(meta.audience),
            "identity_omitted": options.leaves_out("identity"),
            # A scenario is a hypothetical variant: a reader must never take it for the proposal itself.
            "scenario": scenario_line(assessment, fmt),
            # Several uses of the system, each judged; empty for one use.
            "uses": uses,
        },
        "questionnaire": {
            "id": compiled.id,
            "version": compiled.questionnaire.version,
            "title": fmt.text(compiled.questionnaire.title),
        },
        "verdicts": [r["summary"] for r in results],
        "headlines": [r["headline"] for r in results],
        "verdict_meanings": [
            {"verdict": v, "label": tr(label), "meaning": tr(meaning)}
            for v, (label, meaning) in VERDICTS.items()
            if any(r["verdict"] == v for r in results)
        ],
        "tests_overview": charts.tests_overview(
            [r for r in results if r["verdict"] != "not_applicable"], options.language
        ),
        "rulebooks": results,
        "reasons": _reasons(results),
        "safeguards": _safeguards(evaluation.rulebooks, books, citations),
        "gaps": _gaps(evaluation.rulebooks, books, fmt, citations, uses),
        "counterfactuals": [c for r in results for c in r["counterfactuals"]],
        "figures": _figures(evaluation, fmt),
        "dpia": _dpia(evaluation),
        "inconsistencies": [
            {"id": i.id, "text": i.text, "questions": [fmt.label(q) for q in i.questions]}
            for i in evaluation.inconsistencies
        ],
        "omitted": [tr(OMITTED[name]) for name in options.effective_omissions if name in options.omit],
        # An approval only while it covers the assessment this report is made from (report/review.py).
        "review": review_context(review, full or assessment, options, private_notes),
        "letter": _letter(options, meta, fmt) if spec.letter else None,
        "method": _method(evaluation, rulebooks, compiled, fmt, fingerprint, embedded, citations),
        "legend": {
            "evidence": [{"level": k, "label": tr(v)} for k, v in EVIDENCE_LEVELS.items()],
            "tags": [{"tag": k, "label": tr(v)} for k, v in TAGS.items() if k != "?"],
        },
    }
    context["summary"] = _summary(results, fmt)
    context["requests"] = request_groups(context["gaps"], compiled, fmt) if spec.letter else []
    sections, unknowns, unanswered = answers_by_section(compiled, assessment, fmt)
    context["unknowns"] = [] if spec.letter else unknowns
    if options.leaves_out("annex"):
        context["annex"] = None
    else:
        context["annex"] = {
            "sections": sections,
            "unknowns": unknowns,
            "unanswered": unanswered,
            "review_comments": review_comments(full or assessment, options, fmt),
        }
    words = " ".join(_strings(context))
    glossary = glossary_used(library.glossary, fmt, words, citations)
    if context["annex"] is not None:
        context["annex"]["glossary"] = glossary
        context["annex"]["sources"] = citations.table()
    ensure_plain(context)
    return context


# ---------------------------------------------------------------------------------------- rulebooks


def short_name(book: Rulebook, fmt: Formatter) -> str:
    """How a sentence names a rulebook ("Under EU law …"); a title without a short form is quoted."""
    return (
        fmt.text(book.short_title)
        if book.short_title
        else fmt.tr("“{text}”").format(text=fmt.text(book.title))
    )


def _rule_titles(book: Rulebook, fmt: Formatter) -> dict[str, dict[str, Any]]:
    """What a rule id in a gap's `blocks` means: red lines, their gates, steps, and applicability."""
    applies = fmt.tr("Whether {title} applies").format(title=fmt.text(book.title))
    rules: dict[str, dict[str, Any]] = {
        "applies_when": {"title": applies, "short": applies, "point": applies, "refs": book.refs}
    }
    for line in book.red_lines:
        line_title = fmt.text(line.title)
        rules[line.id] = {"title": line_title, "short": line_title, "point": line_title, "refs": line.refs}
        for gate in line.exceptions:
            rules[f"{line.id}/{gate.id}"] = {
                "title": fmt.tr("{title} — exception condition: {gate}").format(
                    title=fmt.text(line.title), gate=fmt.text(gate.title)
                ),
                "short": line_title,
                "point": line_title,
                "refs": gate.refs or line.refs,
            }
    for test in book.tests:
        for step in test.steps:
            # A gap blocks a step that is still open, so it is named by its title for that outcome
            # ("Not yet shown: …"); its passing title would read as if the point were settled.
            open_title = fmt.text(step.unknown_title or step.title)
            rules[step.id] = {
                "title": f"{fmt.text(test.title)} — {open_title}",
                "short": f"{fmt.text(test.title)} — {open_title}",
                "point": open_title,  # the step alone, for the letter's short "why"
                "refs": step.refs,
            }
    return rules


def _answers(fmt: Formatter, refs: Sequence[Any]) -> list[dict[str, Any]]:
    return [
        {
            "id": a.question,
            "label": fmt.label(a.question),
            "state": a.state,
            "value": fmt.state_or_value(a.question, a.state, a.value),
            "evidence_level": a.evidence_level,
            "evidence_label": fmt.tr(EVIDENCE_LEVELS[a.evidence_level])
            if a.evidence_level in EVIDENCE_LEVELS
            else "",
        }
        for a in refs
    ]


def for_uses(names: Sequence[str], uses: Sequence[str], fmt: Formatter | None = None) -> str:
    """ "For the use “X”: " before a finding, gap or change that not every use of several gives (in
    `fmt`'s language; English without one)."""
    if not names or len(names) >= len(uses):
        return ""
    tr = fmt.tr if fmt is not None else words(SOURCE_LANGUAGE).gettext
    listed = tr(" and ").join(f"“{n}”" for n in names)
    form = N_("For the use {listed}: ") if len(names) == 1 else N_("For the uses {listed}: ")
    return tr(form).format(listed=listed)


def _finding(
    finding: Finding,
    book: Rulebook,
    fmt: Formatter,
    citations: Citations,
    assessment: Assessment | None,
    uses: Sequence[str] = (),
) -> dict[str, Any]:
    gates = {g.id: fmt.text(g.title) for line in book.red_lines for g in line.exceptions}
    return {
        "rule": finding.rule,
        "kind": finding.kind,
        "severity": finding.severity,
        "severity_label": fmt.tr(SEVERITY.get(finding.severity, finding.severity)),
        "severity_inline": fmt.tr(SEVERITY_INLINE[finding.severity])
        if finding.severity in SEVERITY_INLINE
        else finding.severity,
        "title": finding.title,
        "text": for_uses(finding.uses, uses, fmt) + sentence(finding.text),
        "gist": for_uses(finding.uses, uses, fmt) + sentence(finding.short or finding.text),
        "uses": list(finding.uses),
        "answers": _answers(fmt, finding.answers),
        "sources": citations.cite(s.id for s in finding.sources),
        "missing_gates": [gates.get(g, g) for g in finding.missing_gates],
        "applies_from": fmt.date(finding.applies_from) if finding.applies_from else "",
        "evidence": _evidence_for(finding.answers, fmt, assessment),
    }


def _evidence_for(refs: Sequence[Any], fmt: Formatter, assessment: Assessment | None) -> list[dict[str, Any]]:
    """The evidence behind the answers a finding or step read, for footnotes."""
    found: list[dict[str, Any]] = []
    if assessment is None:
        return found
    for ref in refs:
        answer = assessment.answers.get(ref.question)
        if ref.state == "value" and answer is not None:
            found.extend(
                {**item, "question": fmt.label(ref.question)}
                for item in evidence_items(fmt, assessment, ref.question, answer)
            )
    return found


def _change_text(fmt: Formatter, change: Change) -> str:
    tr = fmt.tr
    shown = tr("unknown") if change.unknown else fmt.value(change.question, change.value)
    text = tr("“{label}” were answered “{shown}”").format(
        label=change.label or fmt.label(change.question), shown=shown
    )
    if change.evidence_level:
        text += tr(", shown by evidence at level {level} ({meaning})").format(
            level=change.evidence_level, meaning=tr(EVIDENCE_LEVELS[change.evidence_level])
        )
    return text


KIND_WORDS = {
    "actionable": N_("a decision in the operator's hands"),
    "fact": N_("a change of fact, not of a decision"),
    "mixed": N_("partly the operator's decision, partly a fact"),
}
# Why a gap is a gap, beside its question.
GAP_STATES = {
    "unknown": N_("unknown / not disclosed"),
    "unanswered": N_("not answered"),
    "evidence": N_("answered, but the evidence is too weak"),
    "range": N_("known only as a range: narrow it"),
    "one_of": N_("one of several possibilities: say which"),
}


def _rulebook(
    result: RulebookResult,
    book: Rulebook,
    fmt: Formatter,
    citations: Citations,
    assessment: Assessment | None,
    uses: Sequence[str] = (),
) -> dict[str, Any]:
    tr = fmt.tr
    label, meaning = (tr(text) for text in VERDICTS[result.verdict])
    steps_by_id = {s.id: s for t in book.tests for s in t.steps}
    tests = []
    for test in result.tests:
        steps = []
        for step in test.steps:
            rule = steps_by_id.get(step.id)
            steps.append(
                {
                    "id": step.id,
                    "title": step.title,
                    "status": step.status,
                    "status_label": tr(STEP_STATUS.get(step.status, step.status)),
                    "mark": STATUS_MARK.get(step.status, ""),
                    "reason": sentence(step.reason),
                    "decisive": step.decisive,
                    "answers": _answers(fmt, step.answers),
                    "sources": citations.cite(rule.refs) if rule else [],
                    "evidence": _evidence_for(step.answers, fmt, assessment),
                }
            )
        tests.append(
            {
                "id": test.id,
                "title": test.title,
                "status": test.status,
                "status_label": tr(STEP_STATUS.get(test.status, test.status)),
                "mark": STATUS_MARK.get(test.status, ""),
                "steps": steps,
            }
        )
    title = fmt.text(book.title)
    summary = {
        "id": result.id,
        "title": title,
        "short": short_name(book, fmt),
        "verdict": result.verdict,
        "label": label,
        "meaning": meaning,
        "applies": result.applies,
        "applies_label": tr(APPLIES[result.applies]),
        "jurisdiction": fmt.text(book.jurisdiction),
        "version": book.version,
        "strip": charts.verdict_strip(title, result.verdict, fmt.language),
        # With several uses: which use gives this verdict (the worst of them).
        "use": tr("the worst of the {count} uses: “{use}”").format(count=len(uses), use=result.use)
        if uses
        else "",
        # Duties that start later inside the planned period; the verdict above is the one on the date.
        "later": [
            {
                "date": later.date.isoformat(),
                "label": tr(VERDICTS[later.verdict][0]),
                "text": later.text,
                "short": tr(
                    "From {date}, more rules bind this deployment; the verdict on that date is “{verdict}”."
                ).format(date=fmt.date(later.date), verdict=tr(VERDICTS[later.verdict][0])),
            }
            for later in result.later
        ],
    }
    counterfactuals = [
        {
            "rulebook": title,
            "text": (tr("For the use “{use}”: if ").format(use=cf.use) if cf.use else tr("If "))
            + tr(" and ").join(_change_text(fmt, c) for c in cf.changes)
            + tr(", the verdict under {title} would move from “{before}” to “{after}”.").format(
                title=title, before=tr(VERDICTS[cf.from_verdict][0]), after=tr(VERDICTS[cf.to_verdict][0])
            ),
            "kind": cf.kind,
            "kind_label": tr(KIND_WORDS[cf.kind]),
            "to": cf.to_verdict,
        }
        for cf in result.counterfactuals
    ]
    entry = {
        **summary,
        "summary": summary,
        "description": fmt.text(book.description),
        "tests": tests,
        "steps_chart": charts.step_chart(title, tests, fmt.language),
        "findings": [_finding(f, book, fmt, citations, assessment, uses) for f in result.findings],
        "counterfactuals": counterfactuals,
    }
    summary["headline"] = entry["headline"] = headline(entry, fmt.language)
    return entry


def _reasons(results: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The decisive reasons across rulebooks, worst first: what a councillor must know."""
    candidates = []
    for order, result in enumerate(results):
        if result["verdict"] == "not_applicable":
            continue
        for index, finding in enumerate(result["findings"]):
            if finding["kind"] == "applicability" or finding["severity"] in ("warning", "info"):
                continue
            rank = SEVERITY_RANK.get(finding["severity"], 9)
            candidates.append((rank, order, index, {**finding, "rulebook": result["title"]}))
    candidates.sort(key=lambda c: c[:3])
    reasons: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for *_key, finding in candidates:
        if (finding["title"], finding["text"]) in seen:
            continue
        seen.add((finding["title"], finding["text"]))
        reasons.append(finding)
        if len(reasons) == MAX_REASONS:
            break
    return reasons


def _safeguards(
    results: Sequence[RulebookResult], books: Mapping[str, Rulebook], citations: Citations
) -> list[dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for result in results:
        if result.id not in books:
            continue
        for safeguard in result.safeguards:
            entry = merged.setdefault(
                safeguard.text, {"id": safeguard.id, "text": safeguard.text, "rulebooks": [], "sources": []}
            )
            entry["rulebooks"].append(result.title)
            known = {s["id"] for s in entry["sources"]}
            entry["sources"].extend(citations.cite(s.id for s in safeguard.sources if s.id not in known))
    return list(merged.values())


def _gaps(
    results: Sequence[RulebookResult],
    books: Mapping[str, Rulebook],
    fmt: Formatter,
    citations: Citations,
    uses: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Each missing answer once, with every rule it blocks under every rulebook, most decisive first."""
    merged: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for result in results:
        book = books.get(result.id)
        if book is None:
            continue
        rules = _rule_titles(book, fmt)
        for gap in result.gaps:
            if gap.question not in merged:
                order.append(gap.question)
                merged[gap.question] = {
                    "question": gap.question,
                    "label": gap.label,
                    "ask": gap.ask,
                    "state": gap.state,
                    "state_label": fmt.tr(GAP_STATES[gap.state]),
                    "impact": gap.impact,
                    "uses": [],
                    "why": [],
                    "decides": [],
                    "sources": [],
                }
            entry = merged[gap.question]
            entry["impact"] = max(entry["impact"], gap.impact)
            entry["uses"].extend(n for n in gap.uses if n not in entry["uses"])
            for rule_id in gap.blocks:
                rule = rules.get(rule_id, {"title": rule_id, "short": rule_id, "point": rule_id, "refs": ()})
                if rule["short"] not in entry["decides"]:
                    entry["decides"].append(rule["short"])
                cited = citations.cite(rule["refs"])
                known = {s["id"] for s in entry["sources"]}
                entry["sources"].extend(s for s in cited if s["id"] not in known)
                entry["why"].append(
                    {
                        "rulebook": fmt.text(book.title),
                        "short": short_name(book, fmt),
                        "point": rule["point"],
                        "rule": rule_id,
                        "title": rule["title"],
                        "sources": cited,
                    }
                )
    for entry in merged.values():
        entry["uses"] = [n for n in uses if n in entry["uses"]]
        entry["ask"] = for_uses(entry["uses"], uses, fmt) + entry["ask"]
        grouped: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
        for why in entry["why"]:
            titles, points = grouped.setdefault((why["rulebook"], why["short"]), ([], []))
            if why["title"] not in titles:
                titles.append(why["title"])
            if why["point"] not in points:
                points.append(why["point"])
        entry["by_rulebook"] = [
            {"rulebook": name, "short": short, "titles": titles, "points": points}
            for (name, short), (titles, points) in grouped.items()
        ]
    ranked = sorted(order, key=lambda q: (-merged[q]["impact"], order.index(q)))
    return [merged[q] for q in ranked]


# ---------------------------------------------------------------------------------------- figures


def _figure_value(figure: Figure, fmt: Formatter) -> str:
    """The number, or "A–B" for a figure known only between two bounds."""

    def shown(value: float) -> str:
        return (
            fmt.tr("no limit") if value == float("inf") else fmt.number(round(value, 3 if value < 10 else 0))
        )

    if figure.value is not None:
        return shown(figure.value)
    if figure.low is not None and figure.high is not None:
        return f"{shown(figure.low)}–{shown(figure.high)}"
    return fmt.tr("unknown")


def _figure(figure: Figure | None, fmt: Formatter) -> dict[str, Any] | None:
    if figure is None:
        return None
    return {
        "id": figure.id,
        "label": figure.label,
        "known": figure.value is not None or figure.low is not None,
        "value": _figure_value(figure, fmt),
        "unit": figure.unit,
        "formula": figure.formula,
        "text": figure.text,
        "needs": list(figure.needs),
        "inputs": [
            {"label": i.label, "value": fmt.state_or_value(i.question, i.state, i.value), "state": i.state}
            for i in figure.inputs
        ],
    }


def _figures(evaluation: Evaluation, fmt: Formatter) -> list[dict[str, Any]]:
    figures = evaluation.figures
    found = [
        _figure(f, fmt)
        for f in (
            figures.people_scanned_per_year,
            figures.false_alerts_per_day,
            figures.wrong_alerts_per_100,
            figures.claimed_accuracy_alerts,
        )
    ]
    return [f for f in found if f is not None]


def _dpia(evaluation: Evaluation) -> dict[str, Any] | None:
    dpia = evaluation.figures.dpia
    if dpia is None:
        return None
    return {
        "met": list(dpia.met),
        "unknown": list(dpia.unknown),
        "threshold": dpia.threshold,
        "indicated": dpia.indicated,
        "text": dpia.text,
    }


# ---------------------------------------------------------------------------------------- the rest


def _summary(results: Sequence[Mapping[str, Any]], fmt: Formatter) -> list[str]:
    """One plain sentence per rulebook, for readers who read nothing else. Rulebook titles hold colons
    and dashes of their own, so they are quoted; a verdict's meaning is said the first time only."""
    tr = fmt.tr
    sentences = []
    explained: set[str] = set()
    for result in results:
        sentence = tr("Under “{title}” the verdict is “{label}”.").format(
            title=result["title"], label=result["label"]
        )
        if result["verdict"] not in explained:
            sentence += f" {result['meaning']}"
            explained.add(result["verdict"])
        decisive = [f for f in result["findings"] if f["severity"] in ("red_line", "fail")]
        if decisive and result["verdict"] != "not_applicable":
            sentence += " " + tr("The main reason: {title}.").format(title=decisive[0]["title"])
        for later in result["later"]:
            sentence += f" {later['text']}"
        sentences.append(sentence)
    return sentences


def _letter(options: ReportOptions, meta: Any, fmt: Formatter) -> dict[str, Any]:
    details = options.letter
    return {
        "recipient": details.recipient or meta.operator_name,
        "reference": details.reference,
        "reply_by": fmt.date(details.reply_by) if details.reply_by else "",
        "legal_basis": details.legal_basis,
    }


def _method(
    evaluation: Evaluation,
    rulebooks: Sequence[Rulebook],
    compiled: CompiledQuestionnaire,
    fmt: Formatter,
    fingerprint: str,
    embedded: bool,
    citations: Citations,
) -> dict[str, Any]:
    timelines = []
    for book in rulebooks:
        chosen = next((t for t in book.timelines if t.id == evaluation.timeline), None) or next(
            (t for t in book.timelines if t.default), None
        )
        dates = []
        if chosen is not None:
            for item in book.applicability:
                day = item.from_.get(chosen.id)
                if day is not None:
                    dates.append({"title": fmt.text(item.title), "date": fmt.date(day)})
        timelines.append(
            {
                "rulebook": fmt.text(book.title),
                "timeline": fmt.text(chosen.title) if chosen else "",
                "tag": chosen.tag if chosen else "",
                "tag_label": fmt.tr(TAGS[chosen.tag]) if chosen else "",
                "sources": citations.cite(chosen.refs) if chosen else [],
                "dates": dates,
            }
        )
    currency: dict[tuple[str, str], dict[str, Any]] = {}
    for item in timelines:
        if item["timeline"]:
            entry = currency.setdefault(
                (item["timeline"], item["tag"]),
                {"timeline": item["timeline"], "tag": item["tag"], "rulebooks": []},
            )
            entry["rulebooks"].append(item["rulebook"])
    return {
        "disclaimer": fmt.tr(DISCLAIMER),
        # Not in English: that this is a translation, which text prevails, and which law is not assessed.
        "translation": translation_notes(fmt.language),
        "currency": list(currency.values()),
        "fingerprint": fingerprint,
        "fingerprint_meaning": fmt.tr(FINGERPRINT_MEANING),
        "embedded": embedded,
        "pdfa": fmt.tr(PDFA_STATEMENT),
        "evaluated_on": fmt.date(evaluation.date),
        "rules_as_of": fmt.date(min((b.rules_as_of for b in rulebooks), default=evaluation.date)),
        "timelines": timelines,
        "questionnaire": fmt.tr("{title} ({id}), version {version}").format(
            title=fmt.text(compiled.questionnaire.title),
            id=compiled.id,
            version=compiled.questionnaire.version,
        ),
        "rulebooks": [{"title": fmt.text(b.title), "id": b.id, "version": b.version} for b in rulebooks],
        "generator": f"pia-wizard {__version__}",
    }


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def sentence(text: str) -> str:
    """The engine's phrases as sentences: a capital first letter and a full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", ")", "”")) else text + "."


PLAIN = (str, int, float, bool, type(None))


def ensure_plain(value: Any, where: str = "context") -> None:
    """Raise TypeError unless `value` is made of dicts with string keys, lists and scalars only."""
    if isinstance(value, PLAIN):
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{where}: key {key!r} is not a string")
            ensure_plain(item, f"{where}.{key}")
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            ensure_plain(item, f"{where}[{index}]")
        return
    raise TypeError(f"{where}: {type(value).__name__} is not plain data")
