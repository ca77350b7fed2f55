"""The review in reports: an approval printed only while it covers the assessment the report is made
from (real PDFs read back), the omissions note, the statement that a name proves nothing, and
reviewers' comments in the annex."""

from __future__ import annotations

import datetime as dt
import json

from report_cases import COMPILED, LIBRARY, passing_case, read_pdf, red_line_case

from pia_wizard.core.answers import edits
from pia_wizard.core.answers.review import add_comment, record_step, set_comment_resolved
from pia_wizard.report.editable import editable_bytes
from pia_wizard.report.options import ReportOptions
from pia_wizard.report.render import prepare_report, render_pdf

DAY = dt.date(2026, 3, 1)
APPROVED = "Approved by R. Okafor on 1 March 2026."
FORGEABLE = "anyone who can edit the assessment file can write any name here"
COVERS_ALL = "The approval covers the full assessment"


def _pdf(assessment, template: str = "briefing", omit: frozenset[str] = frozenset()):  # type: ignore[no-untyped-def]
    options = ReportOptions(template=template, omit=omit)
    return read_pdf(render_pdf(prepare_report(assessment, COMPILED, LIBRARY, options)))


def test_a_current_approval_is_printed_with_what_it_does_not_prove() -> None:
    approved = record_step(passing_case(), "approved", "R. Okafor", DAY, "Checked against the register.")
    flat = _pdf(approved).flat
    assert APPROVED in flat and "“Checked against the register.”" in flat
    assert FORGEABLE in flat
    assert COVERS_ALL not in flat  # nothing is left out of this one


def test_a_report_printed_after_a_change_shows_no_stale_approval() -> None:
    approved = record_step(passing_case(), "approved", "R. Okafor", DAY, "Checked against the register.")
    changed = edits.set_value(COMPILED, approved, "q_num", 101)
    flat = _pdf(changed).flat
    assert "Approved by" not in flat and "R. Okafor" not in flat and "Checked against" not in flat
    assert "Not approved as it stands" in flat
    # and undoing the change brings the approval back
    undone = edits.set_value(COMPILED, changed, "q_num", 100)
    assert APPROVED in _pdf(undone).flat


def test_a_report_with_omissions_says_the_approval_covers_the_full_assessment() -> None:
    # The red-line case holds private notes, which no report carries: that is an omission too.
    approved = record_step(red_line_case(), "approved", "R. Okafor", DAY)
    flat = _pdf(approved).flat
    assert APPROVED in flat
    assert f"{COVERS_ALL}; this report leaves some of it out (private notes)." in flat
    flat = _pdf(approved, omit=frozenset({"quotes"})).flat
    assert "leaves some of it out (private notes, quotes from evidence)" in flat
    # The approval is over the full assessment, not the redacted copy: still printed as current.
    assert APPROVED in flat


def test_reviewers_comments_are_listed_in_the_submissions_annex_unless_notes_are_left_out() -> None:
    a = add_comment(COMPILED, passing_case(), "q_num", "Which page of the register?", "R. Okafor", DAY)
    a = add_comment(COMPILED, a, "q_choice", "Fine as it is.", "R. Okafor", DAY)
    a = set_comment_resolved(a, 1)
    read = _pdf(a, template="submission")
    flat = read.flat
    assert "Reviewers' comments on answers" in flat
    assert "Open, R. Okafor, 1 March 2026: Which page of the register?" in flat
    assert "Resolved, R. Okafor, 1 March 2026: Fine as it is." in flat
    assert "q_num" not in flat
    # No step recorded: no review line on the cover.
    assert "Review status" not in flat and "Approved by" not in flat
    left_out = _pdf(a, template="submission", omit=frozenset({"notes"}))
    assert "Which page of the register?" not in left_out.flat
    assert "Reviewers' comments" not in left_out.flat
    # The embedded copy drops them too: a reviewer's comment is a note on an answer.
    embedded = json.loads(left_out.attachments["assessment.pia.json"][0])
    assert "comments" not in embedded.get("review", {})
    kept = json.loads(read.attachments["assessment.pia.json"][0])
    assert len(kept["review"]["comments"]) == 2


def test_the_editable_copy_prints_the_same_review_line() -> None:
    approved = record_step(passing_case(), "approved", "R. Okafor", DAY)
    report = prepare_report(approved, COMPILED, LIBRARY, ReportOptions(template="briefing"))
    text = editable_bytes(report.context, "markdown").decode("utf-8")
    assert APPROVED in text and FORGEABLE in text
    changed = edits.set_value(COMPILED, approved, "q_num", 101)
    context = prepare_report(changed, COMPILED, LIBRARY, ReportOptions()).context
    stale = editable_bytes(context, "markdown").decode()
    assert "Approved by" not in stale and "Not approved as it stands" in stale


def _signed(assessment, p12: bytes):  # type: ignore[no-untyped-def]
    """The assessment with its last review step signed with the key (as `review --sign` does)."""
    from pia_wizard.report.approval_signing import sign_step

    review = assessment.review
    steps = (*review.steps[:-1], sign_step(review.steps[-1], p12, b"pw"))
    return assessment.model_copy(update={"review": review.model_copy(update={"steps": steps})})


def test_a_signed_approval_prints_what_the_signature_proves_and_an_edited_one_is_invalid() -> None:
    from pia_wizard.report.signing import new_key

    p12 = new_key("Board Test Key", b"pw")
    signed = _signed(record_step(passing_case(), "approved", "R. Okafor", DAY), p12)
    flat = _pdf(signed).flat
    assert APPROVED in flat
    assert "Signed with a key naming Board Test Key: the approval is unchanged since it was signed." in flat
    assert "self-signed, so this does not prove who signed it" in flat
    review = signed.review
    edited = review.steps[-1].model_copy(update={"by": "Someone Else"})
    forged = signed.model_copy(update={"review": review.model_copy(update={"steps": (edited,)})})
    flat = _pdf(forged).flat
    assert "Signature invalid: the approval was changed after it was signed." in flat
    # A stale signed approval is not printed, nor its signer.
    stale = edits.set_value(COMPILED, signed, "q_num", 101)
    flat = _pdf(stale).flat
    assert "Not approved as it stands" in flat and "Board Test Key" not in flat
