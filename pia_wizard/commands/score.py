"""`pia-wizard score FILE [--rulebook ID]... [--date YYYY-MM-DD] [--json] [--language CODE]`.

Exit 0 when the assessment was evaluated, whatever the verdict; 2 on bad input. With --json the
documented structure (docs/engine.md) goes to stdout and nothing else does: its keys never change
with --language, its worded fields (titles, findings, gaps) follow it.

FILE may be a report PDF: the assessment embedded in it is scored, at the date the report judged it
unless --date is given, and stderr says that it comes from the report and whether its fingerprint
holds (the assessment is scored either way; `validate` is the command that fails on a broken one).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pia_wizard.core.answers.review import ReviewState, review_state
from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.evaluation.results import Evaluation, verdict_label
from pia_wizard.core.files.problems import LoadError
from pia_wizard.core.load.assessment_io import LoadedAssessment, load_assessment_file
from pia_wizard.core.load.library import Library, shipped_library
from pia_wizard.core.models.base import localise, long_date
from pia_wizard.core.models.messages import N_, SOURCE_LANGUAGE, Messages, catalog_languages, messages
from pia_wizard.core.models.rulebook import Rulebook

EXIT_OK = 0
EXIT_BAD_INPUT = 2

# The severity words of report/wording.SEVERITY, marked here so that the engine catalog holds them
# for the summary below (a test checks that every one of them is in engine.pot).
SEVERITY_WORDS = (
    N_("Red line"),
    N_("Fails"),
    N_("Undetermined"),
    N_("Conditional"),
    N_("Warning"),
    N_("Note"),
)


def run_score(
    path: Path, rulebook_ids: list[str], date: str | None, as_json: bool, language: str = SOURCE_LANGUAGE
) -> int:
    if language not in catalog_languages():
        known = ", ".join(catalog_languages())
        print(f"--language: no messages in {language!r} (known: {known})", file=sys.stderr)
        return EXIT_BAD_INPUT
    m = messages(language, "engine")
    when = None
    if date is not None:
        try:
            when = dt.date.fromisoformat(date)
        except ValueError:
            print(
                m.gettext("--date: %(date)r is not a date in the form YYYY-MM-DD") % {"date": date},
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
    try:
        library = shipped_library()
        if path.suffix.lower() == ".pdf":
            from_report = _from_report(path, library, m)
            if from_report is None:
                return EXIT_BAD_INPUT
            loaded, report_date = from_report
            when = when or report_date
        else:
            loaded = load_assessment_file(path, library, language)
            for warning in loaded.warnings:  # stderr: with --json, stdout holds the JSON only
                print(warning, file=sys.stderr)
    except LoadError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    books = [b for b in library.rulebooks.values() if b.questionnaire == loaded.questionnaire.id]
    if rulebook_ids:
        known = {b.id for b in books}
        unknown = [r for r in rulebook_ids if r not in known]
        if unknown:
            words = {"unknown": ", ".join(unknown), "known": ", ".join(sorted(known))}
            print(m.gettext("--rulebook: unknown %(unknown)s (known: %(known)s)") % words, file=sys.stderr)
            return EXIT_BAD_INPUT
        books = [b for b in books if b.id in rulebook_ids]
    try:
        evaluation = evaluate(
            loaded.questionnaire, books, loaded.assessment, when, sources=library.sources, language=language
        )
    except ValueError as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    review = review_state(loaded.assessment)
    if as_json:
        body = score_json(evaluation, review)
        sys.stdout.write(json.dumps(body, indent=2, ensure_ascii=False, sort_keys=False) + "\n")
    else:
        sys.stdout.write(summary(evaluation, books, review, language))
    return EXIT_OK


def _from_report(path: Path, library: Library, m: Messages) -> tuple[LoadedAssessment, dt.date | None] | None:
    """The assessment embedded in a report PDF, and the date the report judged it at; None (after
    saying why) when there is none to score. Says on stderr where it comes from and whether the
    fingerprint holds."""
    from pia_wizard.report.reopen import check_report_file

    check = check_report_file(path, library, reevaluate=False)
    if check.assessment is None or check.compiled is None:
        for line in check.problems:
            print(line, file=sys.stderr)
        return None
    if check.evaluated_on:
        line = m.gettext("scoring the assessment embedded in this report, judged as of %(date)s") % {
            "date": _day(m, check.evaluated_on)
        }
    else:
        line = m.gettext("scoring the assessment embedded in this report")
    print(f"{path}: {line}", file=sys.stderr)
    print(f"{path}: {check.fingerprint_line()}", file=sys.stderr)
    return LoadedAssessment(check.assessment, check.compiled, path), check.evaluated_on


def score_json(evaluation: Evaluation, review: ReviewState | None = None) -> dict[str, Any]:
    """The stable structure documented in docs/engine.md; `review` (status, current, …) when given."""
    body = evaluation.model_dump(mode="json")
    extra = {}
    if review is not None:
        from pia_wizard.report.approval_signing import check_step

        extra = {"review": {**review.as_json(), **check_step(review.last).as_json()}}
    return {
        "date": body["date"],
        "timeline": body["timeline"],
        "verdicts": {r["id"]: r["verdict"] for r in body["rulebooks"]},
        "rulebooks": body["rulebooks"],
        "figures": body["figures"],
        "inconsistencies": body["inconsistencies"],
        "period": body["period"],
        # Each use judged on its own, when the assessment describes several (empty for one use);
        # `verdicts` above holds the worst use's verdict per rulebook, `rulebooks[].use` names it.
        "uses": [
            {
                "name": use["name"],
                "verdicts": {r["id"]: r["verdict"] for r in use["rulebooks"]},
                "figures": use["figures"],
            }
            for use in body["uses"]
        ],
        **extra,
    }


def summary(
    evaluation: Evaluation,
    rulebooks: Sequence[Rulebook] = (),
    review: ReviewState | None = None,
    language: str = SOURCE_LANGUAGE,
) -> str:
    """The readable summary: rulebook titles and verdict labels, never their ids (`--json` has those).

    `evaluation` should be worded in `language` too (evaluate(..., language=)): this adds the frame."""
    from pia_wizard.report.wording import REVIEW_FORGEABLE, SEVERITY, review_status_line

    m = messages(language, "engine")
    timelines = {(b.id, t.id): localise(t.title, language, "en") for b in rulebooks for t in b.timelines}
    lines = [m.gettext("Evaluated on %(date)s") % {"date": _day(m, evaluation.date)}]
    if review is not None and review.last is not None:
        last = review.last
        from pia_wizard.report.approval_signing import check_step

        lines.append(review_status_line(review.status, review.current, last.by, long_date(last.date)))
        signature = check_step(last).line()
        if signature:
            lines.append(f"  {signature}")
        lines.append(f"  ({REVIEW_FORGEABLE})")
    for result in evaluation.rulebooks:
        lines.append("")
        lines.append(f"{result.title}: {verdict_label(result.verdict, language).upper()}")
        if evaluation.uses:
            by_use = "; ".join(
                m.gettext("“%(use)s” %(verdict)s")
                % {"use": use.name, "verdict": verdict_label(use.verdicts[result.id], language, in_text=True)}
                for use in evaluation.uses
            )
            lines.append(
                "  "
                + m.gettext("(from the use “%(use)s”; each use: %(each)s)")
                % {"use": result.use, "each": by_use}
            )
        timeline = timelines.get((result.id, result.timeline or ""))
        words = {"date": _day(m, result.rules_as_of) if result.rules_as_of else "", "timeline": timeline}
        if result.rules_as_of and timeline:
            currency = m.gettext("(rules as of %(date)s; dates of application: %(timeline)s)")
        elif result.rules_as_of:
            currency = m.gettext("(rules as of %(date)s)")
        elif timeline:
            currency = m.gettext("(rules' date not stated; dates of application: %(timeline)s)")
        else:
            currency = m.gettext("(rules' date not stated)")
        lines.append("  " + currency % words)
        for finding in result.findings:
            severity = SEVERITY.get(finding.severity)
            shown = m.gettext(severity) if severity else finding.severity
            uses = _uses(m, evaluation, finding.uses)
            lines.append(f"  [{shown}]{uses} {finding.title}: {finding.text}")
        for gap in result.gaps[:5]:
            lines.append(
                "  "
                + m.gettext("information gap:%(uses)s %(ask)s")
                % {"uses": _uses(m, evaluation, gap.uses), "ask": gap.ask}
            )
        for counterfactual in result.counterfactuals[:3]:
            lines.append("  " + m.gettext("what would change it: %(text)s") % {"text": counterfactual.text})
    return "\n".join(lines) + "\n"


def _day(m: Messages, day: dt.date) -> str:
    """A date in the summary: ISO in English (as it always was), the language's long date otherwise."""
    return day.isoformat() if m.language == SOURCE_LANGUAGE else m.date(day)


def _uses(m: Messages, evaluation: Evaluation, names: Sequence[str]) -> str:
    """ " (in the use “X”)" when the assessment has several uses and not all of them give it."""
    if not evaluation.uses or len(names) == len(evaluation.uses):
        return ""
    listed = m.gettext(" and ").join(m.gettext("“%(label)s”") % {"label": n} for n in names)
    return " " + m.ngettext("(in the use %(uses)s)", "(in the uses %(uses)s)", len(names), uses=listed)
