"""A comparison put into words: for `compare`'s text and JSON, the window's dialog and the comparison
report ("the amended proposal" page a council clerk attaches).

The core's `Comparison` is shown, never recomputed. Everything here is plain data (checked by
`ensure_plain` before a template sees it); the only ids it keeps are the JSON keys `compare --json`
documents, and the words shown to a person never carry them.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pia_wizard import __version__
from pia_wizard.core.evaluation.results import Evaluation
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.models.messages import N_
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.core.work.compare import AnswerDifference, Comparison, FindingEntry, GapEntry, Side
from pia_wizard.report.context import ensure_plain, sentence
from pia_wizard.report.formatting import Formatter
from pia_wizard.report.wording import (
    ANSWER_STATES,
    DISCLAIMER,
    EVIDENCE_LEVELS,
    SEVERITY,
    VERDICTS,
    translation_notes,
    words,
)

TEMPLATE = "comparison"
METADATA_LABELS = {
    "title": N_("title"),
    "deployment": N_("deployment"),
    "operator_name": N_("operator"),
    "place": N_("place"),
    "assessor": N_("assessor"),
    "organisation": N_("organisation"),
    "audience": N_("prepared for"),
    "assessment_date": N_("assessment date"),
}
# How a verdict moved from A to B, in words (the key stays the template's class and the text's mark).
MOVEMENTS = {
    "unchanged": N_("unchanged"),
    "better": N_("better"),
    "worse": N_("worse"),
    "changed": N_("changed"),
}
# Worse → better, to say whether a verdict moved towards passing.
RANK = {"red_line": 0, "fails": 1, "insufficient_information": 2, "conditional": 3, "passes": 4}


@dataclass(frozen=True)
class Input:
    """One side of a comparison as the person named it: the file, and where its assessment came from."""

    name: str  # the file name shown
    assessment: Assessment
    evaluation: Evaluation
    origin: str = ""  # e.g. "the assessment embedded in a report", "migrated from version 1"


def side_words(fmt: Formatter, question: str, side: Side, evidence: bool = False) -> str:
    """The answer in words; with `evidence`, the strength of the evidence behind it too."""
    tr = fmt.tr
    said = _value_words(fmt, question, side)
    if evidence and side.choice_evidence:  # documents that show only some of the chosen options
        each = "; ".join(
            f"{fmt.value(question, (option,))}: {_level(fmt, level)}"
            for option, level in side.choice_evidence.items()
        )
        said += tr(" (evidence for each choice — {each})").format(each=each)
    elif evidence and side.state != "unanswered":
        level = _level(fmt, side.evidence_level)
        if side.evidence_assumed:
            said += tr(" (evidence assumed for this scenario: {level}, still to be found)").format(
                level=level
            )
        else:
            said += tr(" (evidence: {level})").format(level=level)
    return said


def _level(fmt: Formatter, level: int) -> str:
    return fmt.tr(EVIDENCE_LEVELS[level]) if level in EVIDENCE_LEVELS else str(level)


def _value_words(fmt: Formatter, question: str, side: Side) -> str:
    if side.state != "value":
        return fmt.tr(ANSWER_STATES[side.state])
    entry = fmt.compiled.entries.get(question)
    if entry is not None and entry.question.type == "group" and isinstance(side.value, tuple | list):
        return _items_words(fmt, entry.question, side.value)
    return fmt.value(question, side.value) or fmt.tr("(empty)")


def _items_words(fmt: Formatter, group: Any, items: Any) -> str:
    """A repeatable group's items in words: "Site 1: Place: Central station; Cameras: 20 …"."""
    name = fmt.text(getattr(group, "item_label", None)) or fmt.tr("item")
    name = name[:1].upper() + name[1:]
    parts = []
    for number_, item in enumerate(items, start=1):
        answers = []
        for question in group.items:
            answer = item.get(question.id)
            if answer is None or not answer.answered:
                continue
            shown = (
                fmt.tr(ANSWER_STATES["unknown"]) if answer.unknown else fmt.value(question.id, answer.value)
            )
            answers.append(f"{fmt.text(question.label)}: {shown}")
        parts.append(f"{name} {number_}: {', '.join(answers) or fmt.tr('nothing answered')}")
    return "; ".join(parts) or fmt.tr("none")


def _title(item: Input, fmt: Formatter) -> str:
    meta = item.assessment.metadata
    return meta.title or meta.deployment or item.name


def _answer(fmt: Formatter, compiled: CompiledQuestionnaire, diff: AnswerDifference) -> dict[str, Any]:
    entry = compiled.entries.get(diff.question)
    # Said only where it is what differs.
    evidence = (diff.a.evidence_level, diff.a.choice_evidence) != (
        diff.b.evidence_level,
        diff.b.choice_evidence,
    )
    return {
        "question": diff.question,
        "label": fmt.label(diff.question),
        "section": fmt.text(entry.section.title) if entry else "",
        "a": {
            "state": diff.a.state,
            "value": _json_value(diff.a.value),
            "evidence_level": diff.a.evidence_level,
            "evidence_assumed": diff.a.evidence_assumed,
            "choice_evidence": dict(diff.a.choice_evidence),
            "text": side_words(fmt, diff.question, diff.a, evidence),
        },
        "b": {
            "state": diff.b.state,
            "value": _json_value(diff.b.value),
            "evidence_level": diff.b.evidence_level,
            "evidence_assumed": diff.b.evidence_assumed,
            "choice_evidence": dict(diff.b.choice_evidence),
            "text": side_words(fmt, diff.question, diff.b, evidence),
        },
    }


def _json_value(value: Any) -> Any:
    """Values as `score --json` and the assessment file write them (tuples as lists, maps as dicts)."""
    if isinstance(value, tuple | list):
        return [_json_value(v) for v in value]
    if hasattr(value, "items"):
        return {k: v.model_dump(mode="json", exclude_defaults=True) for k, v in value.items()}
    return value


def _verdict_word(verdict: str | None, fmt: Formatter) -> str:
    return fmt.tr(VERDICTS[verdict][0]) if verdict else fmt.tr("not evaluated")


def _movement(a: str | None, b: str | None) -> str:
    if a == b:
        return "unchanged"
    if a in RANK and b in RANK:
        return "better" if RANK[b] > RANK[a] else "worse"
    return "changed"


def _finding(entry: FindingEntry, titles: dict[str, str], fmt: Formatter) -> dict[str, Any]:
    f = entry.finding
    return {
        "rulebook": entry.rulebook,
        "rulebook_title": titles.get(entry.rulebook, ""),
        "rule": f.rule,
        "severity": f.severity,
        "severity_label": fmt.tr(SEVERITY.get(f.severity, f.severity)),
        "title": f.title,
        "text": sentence(f.text),
    }


def _gap(entry: GapEntry, titles: dict[str, str]) -> dict[str, Any]:
    return {
        "question": entry.gap.question,
        "label": entry.gap.label,
        "ask": entry.gap.ask,
        "rulebooks": list(entry.rulebooks),
        "rulebook_titles": [titles.get(r, "") for r in entry.rulebooks],
    }


def _figure_value(value: float | None, unit: str, fmt: Formatter) -> str:
    """As the reports round them: three decimals below 10, whole numbers above."""
    if value is None:
        return fmt.tr("unknown")
    return f"{fmt.number(round(value, 3 if value < 10 else 0))} {unit}".strip()


def comparison_context(
    comparison: Comparison, compiled: CompiledQuestionnaire, a: Input, b: Input, language: str = "en"
) -> dict[str, Any]:
    """Everything a person reads about the comparison, and the JSON of `compare --json`."""
    fmt = Formatter(compiled, language)
    titles = {i: v.title for i, v in comparison.verdicts.items()}
    verdicts = [
        {
            "id": i,
            "title": v.title,
            "a": v.a,
            "b": v.b,
            "a_label": _verdict_word(v.a, fmt),
            "b_label": _verdict_word(v.b, fmt),
            "changed": v.changed,
            "movement": _movement(v.a, v.b),
            "movement_label": fmt.tr(MOVEMENTS[_movement(v.a, v.b)]),
        }
        for i, v in comparison.verdicts.items()
    ]
    figures = [
        {
            "id": f.id,
            "label": f.label,
            "unit": f.unit,
            "a": f.a,
            "b": f.b,
            "a_text": _figure_value(f.a, f.unit, fmt),
            "b_text": _figure_value(f.b, f.unit, fmt),
        }
        for f in comparison.figures
    ]
    context: dict[str, Any] = {
        "sides": {
            key: {
                "file": item.name,
                "title": _title(item, fmt),
                "origin": item.origin,
                "date": fmt.date(item.evaluation.date),
                "date_iso": item.evaluation.date.isoformat(),
            }
            for key, item in (("a", a), ("b", b))
        },
        "answers": [_answer(fmt, compiled, d) for d in comparison.answers],
        "verdicts": verdicts,
        "findings": {
            "only_a": [_finding(e, titles, fmt) for e in comparison.findings_only_a],
            "only_b": [_finding(e, titles, fmt) for e in comparison.findings_only_b],
        },
        "gaps": {
            "closed": [_gap(e, titles) for e in comparison.gaps_closed],
            "opened": [_gap(e, titles) for e in comparison.gaps_opened],
        },
        "figures": figures,
        "metadata": [fmt.tr(METADATA_LABELS[m]) if m in METADATA_LABELS else m for m in comparison.metadata],
        "language": language,
    }
    context["summary"] = _summary(context, fmt)
    ensure_plain(context)
    return context


def _summary(context: dict[str, Any], fmt: Formatter) -> list[str]:
    """A few sentences a councillor reads first."""
    tr = fmt.tr
    out = []
    count = len(context["answers"])
    if count == 0:
        out.append(tr("The two assessments give the same answers."))
    else:
        out.append(fmt.words.ngettext("%(num)d answer differs.", "%(num)d answers differ.", count))
    changed = [v for v in context["verdicts"] if v["changed"]]
    if not changed:
        out.append(tr("No verdict changes."))
    for v in changed:
        out.append(f"{v['title']}: {v['a_label']} → {v['b_label']} ({v['movement_label']}).")
    if context["metadata"] and count == 0:
        out.append(
            tr("Only the details about the assessment differ: {details}.").format(
                details=", ".join(context["metadata"])
            )
        )
    return out


ANSWER_SIDE_KEYS = ("state", "value", "evidence_level", "evidence_assumed", "choice_evidence", "text")


def json_body(context: dict[str, Any]) -> dict[str, Any]:
    """The documented structure of `compare --json` (docs/engine.md, "Comparing two assessments")."""
    return {
        "a": {k: context["sides"]["a"][k] for k in ("file", "title", "date_iso", "origin")},
        "b": {k: context["sides"]["b"][k] for k in ("file", "title", "date_iso", "origin")},
        "answers": [
            {
                "question": d["question"],
                "label": d["label"],
                "a": {k: d["a"][k] for k in ANSWER_SIDE_KEYS},
                "b": {k: d["b"][k] for k in ANSWER_SIDE_KEYS},
            }
            for d in context["answers"]
        ],
        "verdicts": {
            v["id"]: {"a": v["a"], "b": v["b"], "changed": v["changed"]} for v in context["verdicts"]
        },
        "findings": {
            side: [
                {k: f[k] for k in ("rulebook", "rule", "severity", "title", "text")}
                for f in context["findings"][side]
            ]
            for side in ("only_a", "only_b")
        },
        "gaps": {
            kind: [
                {k: g[k] for k in ("question", "label", "ask", "rulebooks")} for g in context["gaps"][kind]
            ]
            for kind in ("closed", "opened")
        },
        "figures": [{k: f[k] for k in ("id", "label", "unit", "a", "b")} for f in context["figures"]],
        "metadata": context["metadata"],
    }


def text(context: dict[str, Any]) -> str:
    """The comparison in plain words for the terminal: no question, rule or rulebook ids."""
    a, b = context["sides"]["a"], context["sides"]["b"]
    lines = [
        f"A: {a['title']} ({a['file']}{'; ' + a['origin'] if a['origin'] else ''}), judged as of {a['date']}"
    ]
    lines.append(
        f"B: {b['title']} ({b['file']}{'; ' + b['origin'] if b['origin'] else ''}), judged as of {b['date']}"
    )
    lines.append("")
    lines.extend(context["summary"])
    lines.append("")
    lines.append("Verdicts (A → B):")
    for v in context["verdicts"]:
        mark = "" if not v["changed"] else f"  [{v['movement']}]"
        lines.append(f"  {v['title']}: {v['a_label']} → {v['b_label']}{mark}")
    if context["answers"]:
        lines.append("")
        lines.append("Answers that differ:")
        for d in context["answers"]:
            lines.append(f"  {d['label']}")
            lines.append(f"    A: {d['a']['text']}")
            lines.append(f"    B: {d['b']['text']}")
    for key, heading in (("only_a", "Findings only in A:"), ("only_b", "Findings only in B:")):
        if context["findings"][key]:
            lines.append("")
            lines.append(heading)
            for f in context["findings"][key]:
                lines.append(f"  {f['rulebook_title']} — {f['severity_label']}: {f['title']}")
    for key, heading in (
        ("closed", "Open questions answered in B (gaps closed):"),
        ("opened", "Open questions new in B (gaps opened):"),
    ):
        if context["gaps"][key]:
            lines.append("")
            lines.append(heading)
            for g in context["gaps"][key]:
                lines.append(f"  {g['label']}")
    if context["figures"]:
        lines.append("")
        lines.append("Figures that changed:")
        for f in context["figures"]:
            lines.append(f"  {f['label']}: {f['a_text']} → {f['b_text']}")
    if context["metadata"]:
        lines.append("")
        lines.append(f"Details about the assessment that differ: {', '.join(context['metadata'])}.")
    return "\n".join(lines) + "\n"


def report_context(
    context: dict[str, Any], *, draft: bool = False, when: dt.date | None = None
) -> dict[str, Any]:
    """The comparison report's context on the shared base template, in the comparison's language."""
    language = context.get("language", "en")
    said = words(language)
    tr = said.gettext
    day = when or dt.date.fromisoformat(context["sides"]["b"]["date_iso"])
    title = tr("What changed: {title}").format(title=context["sides"]["b"]["title"])
    full = {
        **context,
        "template": {
            "name": TEMPLATE,
            "title": tr("Comparison"),
            "purpose": tr("what changed"),
            "letter": False,
        },
        "language": language,
        "draft": draft,
        "annex": None,
        "disclaimer": tr(DISCLAIMER),
        "translation": translation_notes(language),
        "document": {
            "title": title,
            "kind": tr("Comparison of two assessments"),
            "date": said.date(day),
            "date_iso": day.isoformat(),
            "timestamp": f"{day.isoformat()}T00:00:00Z",
            "generator": f"pia-wizard {__version__}",
        },
    }
    ensure_plain(full)
    return full


def render_html(context: dict[str, Any], root: Path | None = None) -> str:
    """The comparison report's HTML (self-contained: its styles are inline)."""
    from pia_wizard.report.templates import render_html as render

    return render(TEMPLATE, context, root)


def print_pdf(html: str, context: dict[str, Any], root: Path | None = None) -> bytes:
    """The comparison report as PDF; ReportError when WeasyPrint or its libraries are missing."""
    from pia_wizard.report.render import MissingLibrariesError, ReportError
    from pia_wizard.report.templates import templates_dir

    try:
        pdf_writer = importlib.import_module("pia_wizard.report.pdf_writer")
    except (OSError, ImportError) as exc:
        raise MissingLibrariesError(exc) from exc
    folder = root or templates_dir()
    fetcher = pdf_writer.LockedFetcher(folder)
    when = dt.datetime.fromisoformat(context["document"]["timestamp"].replace("Z", "+00:00"))
    pdf = pdf_writer.write_pdf(html, root=folder, when=when, fetcher=fetcher)
    if fetcher.refused:
        raise ReportError(
            "the report asked for resources outside its templates: " + ", ".join(fetcher.refused)
        )
    return bytes(pdf)
