"""`pia-wizard compare A B [--date YYYY-MM-DD] [--json]` and `pia-wizard report A --compare B`.

A and B are assessment files or report PDFs (their embedded assessments). Each is carried forward
to today's questionnaire version as it is read, so a file written for version 1 compares with one
written for version 2. Each side is judged as of its own date (the assessment's, or the date the
report judged it) unless --date names one for both. Exit 0 when compared, whatever differs; 2 on
bad input. With --json the documented structure goes to stdout and nothing else does.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.files.problems import LoadError
from pia_wizard.core.load.assessment_io import LoadedAssessment, load_assessment_file
from pia_wizard.core.load.library import Library, shipped_library
from pia_wizard.core.work.compare import ComparisonError, compare

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


class BadInput(Exception):
    """Input that cannot be compared; the message is for the person who typed the command."""


@dataclass(frozen=True)
class Side:
    loaded: LoadedAssessment
    date: dt.date | None
    origin: str


def load_side(path: Path, library: Library) -> Side:
    """An assessment file or the assessment embedded in a report PDF, migrated to today's version."""
    if path.suffix.lower() == ".pdf":
        from pia_wizard.report.reopen import check_report_file

        check = check_report_file(path, library, reevaluate=False)
        if check.assessment is None or check.compiled is None:
            raise BadInput("\n".join(check.problems) or f"{path}: no assessment embedded in this report")
        origin = "the assessment embedded in a report"
        if not check.fingerprint_holds:
            origin += " (its fingerprint does not match)"
        if check.migration is not None:
            origin += f", carried forward from questionnaire version {check.migration.from_version}"
        return Side(LoadedAssessment(check.assessment, check.compiled, path), check.evaluated_on, origin)
    try:
        loaded = load_assessment_file(path, library)
    except LoadError as exc:
        raise BadInput(str(exc)) from exc
    origin = ""
    if loaded.migration is not None:
        origin = f"carried forward from questionnaire version {loaded.migration.from_version}"
    return Side(loaded, None, origin)


def build(path_a: Path, path_b: Path, date: str | None, language: str = "en") -> dict:
    """The comparison's words (report/comparison.py); BadInput says why there is none."""
    from pia_wizard.report.comparison import Input, comparison_context

    when = None
    if date is not None:
        try:
            when = dt.date.fromisoformat(date)
        except ValueError:
            raise BadInput(f"--date: {date!r} is not a date in the form YYYY-MM-DD") from None
    library = shipped_library()
    a, b = load_side(path_a, library), load_side(path_b, library)
    compiled = a.loaded.questionnaire
    if b.loaded.questionnaire.id != compiled.id:
        raise BadInput(f"{path_a} and {path_b} answer different questionnaires, so they cannot be compared")
    books = [r for r in library.rulebooks.values() if r.questionnaire == compiled.id]
    inputs = []
    for path, item in ((path_a, a), (path_b, b)):
        try:
            evaluation = evaluate(
                compiled, books, item.loaded.assessment, when or item.date, sources=library.sources
            )
        except ValueError as exc:
            raise BadInput(f"{path}: {exc}") from exc
        inputs.append(Input(path.name, item.loaded.assessment, evaluation, item.origin))
    try:
        comparison = compare(
            compiled, inputs[0].assessment, inputs[1].assessment, inputs[0].evaluation, inputs[1].evaluation
        )
    except ComparisonError as exc:
        raise BadInput(f"{path_a}, {path_b}: {exc}") from exc
    return comparison_context(comparison, compiled, inputs[0], inputs[1], language)


def run_compare(path_a: Path, path_b: Path, date: str | None, as_json: bool) -> int:
    from pia_wizard.report.comparison import json_body, text

    try:
        context = build(path_a, path_b, date)
    except BadInput as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    if as_json:
        sys.stdout.write(json.dumps(json_body(context), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(text(context))
    return EXIT_OK


def run_compare_report(
    path_a: Path,
    path_b: Path,
    output: Path | None,
    html: Path | None,
    date: str | None,
    draft: bool,
    language: str = "en",
) -> int:
    """`report A --compare B -o OUT.pdf [--html OUT.html]`: the comparison report."""
    from pia_wizard.core.files.atomic_file import SaveError, write_atomic
    from pia_wizard.report.comparison import render_html, report_context
    from pia_wizard.report.render import ReportError

    if output is None and html is None:
        print("report: give -o OUT.pdf, --html OUT.html, or both", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        context = report_context(build(path_a, path_b, date, language), draft=draft)
    except BadInput as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    page = render_html(context)
    try:
        if html is not None:
            write_atomic(html, page.encode("utf-8"), keep_backup=False)
            print(f"wrote {html}", file=sys.stderr)
        if output is not None:
            from pia_wizard.report.comparison import print_pdf

            try:
                pdf = print_pdf(page, context)
            except ReportError as exc:
                print(f"report: {exc}", file=sys.stderr)
                return EXIT_FAILURE
            write_atomic(output, pdf, keep_backup=False)
            print(f"wrote {output}", file=sys.stderr)
    except SaveError as exc:
        print(f"report: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK
