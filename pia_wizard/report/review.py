"""The review in a report: an approval printed only while it covers the assessment the report is made
from, what it does not prove, and reviewers' comments for the annex.

The state comes from the FULL assessment (core/answers/review.py), never from the report's redacted
copy; a report that leaves anything out says that the approval covers the full assessment.
"""

from __future__ import annotations

from typing import Any

from pia_wizard.core.answers.review import ReviewState
from pia_wizard.core.models.assessment import Answer, Assessment
from pia_wizard.core.models.messages import N_
from pia_wizard.report.approval_signing import check_step
from pia_wizard.report.formatting import Formatter
from pia_wizard.report.options import ReportOptions
from pia_wizard.report.wording import (
    OMITTED,
    REVIEW_COMMENT_OPEN,
    REVIEW_COMMENT_RESOLVED,
    REVIEW_FORGEABLE,
    REVIEW_OMISSIONS,
    review_status_line,
    words,
)

PRIVATE_NOTES = N_("private notes")


def has_private_note(assessment: Assessment) -> bool:
    """Whether any answer (or group item's answer) carries a private note, which no report shows."""
    return _private_in(assessment.answers)


def _private_in(answers: Any) -> bool:
    for answer in answers.values():
        if not isinstance(answer, Answer):
            continue
        if answer.note is not None and answer.note.private:
            return True
        value = answer.value
        if isinstance(value, tuple) and value and not isinstance(value[0], str):
            if any(_private_in(item) for item in value):
                return True
    return False


def review_context(
    state: ReviewState | None, full: Assessment, options: ReportOptions, private_notes: bool | None = None
) -> dict[str, Any]:
    """What the templates print about the review; `shown` is False when no step was recorded.
    `private_notes`: whether the full assessment had any (None: look in `full`)."""
    if state is None or state.last is None:
        return {"shown": False, "line": "", "approved": False, "notes": [], "comments": []}
    last = state.last
    approved = state.approved_and_current
    said = words(options.language)
    tr = said.gettext
    line = review_status_line(
        state.status, state.current, last.by, said.date(last.date), in_report=True, language=options.language
    )
    if approved and last.comment:
        line += f" “{last.comment}”"
    notes = [tr(REVIEW_FORGEABLE)]
    signature = check_step(last)
    if signature.state != "none" and (approved or last.status != "approved"):  # never a stale approval's
        notes.insert(0, signature.line(options.language))
    if approved:
        left_out = [tr(OMITTED[n]) for n in options.effective_omissions if n in OMITTED]
        if private_notes if private_notes is not None else has_private_note(full):
            left_out.insert(0, tr(PRIVATE_NOTES))
        if left_out:
            notes.insert(0, tr(REVIEW_OMISSIONS).format(omitted=", ".join(left_out)))
    return {"shown": True, "line": line, "approved": approved, "notes": notes, "comments": []}


def review_comments(full: Assessment, options: ReportOptions, fmt: Formatter) -> list[dict[str, str]]:
    """Reviewers' comments on answers for the annex, in the questionnaire's order; none when the
    report leaves notes out (a reviewer's comment is a note on an answer)."""
    if full.review is None or options.leaves_out("notes"):
        return []
    order = fmt.compiled.order
    comments = sorted(full.review.comments, key=lambda c: order.get(c.question, len(order)))
    return [
        {
            "question": fmt.label(c.question),
            "text": c.text,
            "by": c.by,
            "date": fmt.date(c.date) if c.date else "",
            "state": fmt.tr(REVIEW_COMMENT_RESOLVED if c.resolved else REVIEW_COMMENT_OPEN),
        }
        for c in comments
    ]
