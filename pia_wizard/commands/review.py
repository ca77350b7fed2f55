"""`pia-wizard review FILE [--approve | --reject | --request-changes | --submit | --draft] --by NAME
[--comment TEXT] [--date YYYY-MM-DD]`: record a review step, or (with no status) say where the review
stands.

A step records who, when, a comment and the digest of the answers, notes and evidence as they are now
(core/answers/review.py); the file is saved atomically with a `.bak`, like the window saves it. Exit 0
when the step was recorded (or the state printed), 2 on bad input: an unreadable file, a report PDF,
no name, a date that is not YYYY-MM-DD, or an approval while reviewers' comments are still open.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from pia_wizard.core.answers.questionnaire_versions import question_label
from pia_wizard.core.answers.review import ReviewError, record_step, review_state
from pia_wizard.core.files.atomic_file import SaveError
from pia_wizard.core.files.problems import LoadError
from pia_wizard.core.load.assessment_io import load_assessment_file, save_assessment
from pia_wizard.core.load.library import Library, shipped_library
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.models.base import long_date
from pia_wizard.core.rules.compiled import CompiledQuestionnaire

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def run_review(
    path: Path,
    status: str | None,
    by: str,
    comment: str = "",
    date: str | None = None,
    library: Library | None = None,
    sign: Path | None = None,
) -> int:
    if path.suffix.lower() == ".pdf":
        print(
            f"{path}: a report is never rewritten; review the assessment file it was made from.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    when = dt.date.today()
    if date is not None:
        try:
            when = dt.date.fromisoformat(date)
        except ValueError:
            print(f"--date: {date!r} is not a date in the form YYYY-MM-DD", file=sys.stderr)
            return EXIT_BAD_INPUT
    try:
        loaded = load_assessment_file(path, library or shipped_library())
    except LoadError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    for warning in loaded.warnings:
        print(warning, file=sys.stderr)
    if status is None:
        sys.stdout.write(review_text(loaded.assessment, loaded.questionnaire))
        return EXIT_OK
    try:
        reviewed = record_step(loaded.assessment, status, by, when, comment)
    except ReviewError as exc:
        print(f"{path}: cannot record the review step: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if sign is not None:
        signed = _signed(reviewed, sign)
        if signed is None:
            return EXIT_BAD_INPUT
        reviewed = signed
    try:
        save_assessment(path, reviewed)
    except SaveError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    if loaded.migration is not None:
        print(f"{path}: {loaded.migration.headline()}; written at version {loaded.migration.to_version}")
    sys.stdout.write(review_text(reviewed, loaded.questionnaire, path))
    return EXIT_OK


def _signed(assessment: Assessment, key: Path) -> Assessment | None:
    """The assessment with its last review step signed with the key, or None (said on stderr, nothing
    written) when the key cannot be read or opened: a wrong passphrase leaves the file as it was."""
    from pia_wizard.commands.passphrase import NoPassphrase, read_passphrase
    from pia_wizard.report.approval_signing import sign_step
    from pia_wizard.report.signing import SigningError, read_key

    review = assessment.review
    if review is None or not review.steps:  # record_step has just added one: never so
        return assessment
    try:
        data = read_key(key)
        step = sign_step(review.steps[-1], data, read_passphrase(f"Passphrase for {key.name}"))
    except (SigningError, NoPassphrase) as exc:
        print(f"{key}: {exc}: nothing was recorded", file=sys.stderr)
        return None
    steps = (*review.steps[:-1], step)
    return assessment.model_copy(update={"review": review.model_copy(update={"steps": steps})})


def review_text(assessment: Assessment, compiled: CompiledQuestionnaire, path: Path | None = None) -> str:
    """Where the review stands, in words: the status (an approval only while current), the steps,
    the comments on answers by question label, and that a typed name proves nothing."""
    from pia_wizard.report.wording import (
        REVIEW_COMMENT_OPEN,
        REVIEW_COMMENT_RESOLVED,
        REVIEW_FORGEABLE,
        REVIEW_STATUSES,
        review_status_line,
    )

    state = review_state(assessment)
    last = state.last
    lines = [
        review_status_line(
            state.status, state.current, last.by if last else "", long_date(last.date) if last else ""
        )
    ]
    if path is not None and last is not None:
        lines[0] = f"{path}: recorded. " + lines[0]
    review = assessment.review
    if review is not None and review.steps:
        lines.append("Steps:")
        for step in review.steps:
            comment = f": {step.comment}" if step.comment else ""
            lines.append(f"  {long_date(step.date)}: {REVIEW_STATUSES[step.status]} by {step.by}{comment}")
    if state.comments:
        lines.append(f"Comments on answers ({len(state.open_comments)} open):")
        for comment in state.comments:
            mark = REVIEW_COMMENT_RESOLVED if comment.resolved else REVIEW_COMMENT_OPEN
            who = f" ({comment.by})" if comment.by else ""
            lines.append(f"  [{mark}] {_label(compiled, comment.question)}{who}: {comment.text}")
    if last is not None:
        from pia_wizard.report.approval_signing import check_step

        signature = check_step(last).line()
        if signature:
            lines.append(signature)
        lines.append(REVIEW_FORGEABLE)
    return "\n".join(lines) + "\n"


def _label(compiled: CompiledQuestionnaire, question: str) -> str:
    if question in compiled.entries:
        return question_label(compiled, question)
    return "a question this version of the questionnaire no longer asks"
