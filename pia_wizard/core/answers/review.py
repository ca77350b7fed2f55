"""Review and sign-off: the digest of what a reviewer saw, the review's state now, and steps and
comments recorded as edits that return a new assessment (like `edits.py`).

The digest covers the answers with their notes and evidence (an embedded file by its SHA-256) —
every use's, with the uses' names, when there are several — and nothing else: not the metadata,
the scenario link, an answer's draft/final mark, the questionnaire version, nor the review record
itself. So a questionnaire migration that changes no answer keeps an
approval current, and any change to an answer, a note or a piece of evidence shows as an approval
that is no longer current. The digest is always taken over the full assessment, never over a report's
redacted copy. Reviewers' names are typed, never checked: anyone who can edit the file can write any
name (every place that shows an approval says so; the words are in the wording modules).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any, get_args

from pia_wizard.core.models.assessment import (
    Answer,
    Assessment,
    Evidence,
    Review,
    ReviewComment,
    ReviewStatus,
    ReviewStep,
)
from pia_wizard.core.models.messages import messages
from pia_wizard.core.rules.compiled import CompiledQuestionnaire

STATUSES: tuple[str, ...] = get_args(ReviewStatus)


class ReviewError(ValueError):
    """A review step or comment that cannot be recorded; the message says why in plain words."""


def _evidence(item: Evidence, assessment: Assessment) -> dict[str, Any]:
    data = item.model_dump(mode="json", exclude_defaults=True)
    if item.attachment is not None:  # the file itself, not the name it is filed under
        attached = assessment.attachments.get(item.attachment)
        data["attachment"] = attached.sha256 if attached is not None else f"missing:{item.attachment}"
    return data


def _answer(answer: Answer, assessment: Assessment) -> dict[str, Any]:
    data: dict[str, Any] = {}
    value = answer.value
    if isinstance(value, tuple) and value and not isinstance(value[0], str):  # group items
        data["value"] = [
            {key: _answer(sub, assessment) for key, sub in item.items()}  # type: ignore[union-attr]
            for item in value
        ]
    elif value is not None:
        data["value"] = answer.model_dump(mode="json")["value"]
    if answer.unknown:
        data["unknown"] = True
    if answer.note is not None:
        data["note"] = answer.note.model_dump(mode="json")
    if answer.evidence:
        data["evidence"] = [_evidence(e, assessment) for e in answer.evidence]
    return data


def signed_payload(step: ReviewStep) -> bytes:
    """The bytes a review step's signature covers: its status, by, date, comment and digest as
    canonical JSON (sorted keys, UTF-8). The digest already covers the answers, notes and evidence;
    signing is done outside the core (report/approval_signing.py), which imports no cryptography."""
    body = {
        "status": step.status,
        "by": step.by,
        "date": step.date.isoformat(),
        "comment": step.comment,
        "digest": step.digest,
    }
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def review_digest(assessment: Assessment) -> str:
    """SHA-256 of the answers, notes and evidence, in a canonical form (sorted keys, UTF-8).

    With several uses of the system, every use's name and own answers are covered too (one use
    without a name: the digest is exactly as before, so earlier approvals stay current)."""
    body = {key: _answer(answer, assessment) for key, answer in assessment.answers.items()}
    covered: dict[str, Any] = {"answers": body}
    if assessment.uses or assessment.first_use_name:
        covered["first_use_name"] = assessment.first_use_name
        covered["uses"] = [
            {"name": use.name, "answers": {k: _answer(a, assessment) for k, a in use.answers.items()}}
            for use in assessment.uses
        ]
    text = json.dumps(covered, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ReviewState:
    """Where the review stands for the assessment as it is now."""

    status: str  # one of STATUSES; "draft" while no step is recorded
    current: bool  # the last step's digest matches the answers, notes and evidence now
    digest: str  # the digest now
    last: ReviewStep | None
    open_comments: tuple[ReviewComment, ...]
    comments: tuple[ReviewComment, ...]

    @property
    def approval(self) -> ReviewStep | None:
        """The approval, when the last step approved (current or not: check `current`)."""
        return self.last if self.last is not None and self.last.status == "approved" else None

    @property
    def approved_and_current(self) -> bool:
        return self.approval is not None and self.current

    def as_json(self) -> dict[str, Any]:
        """`score --json`'s `review`: status and current first, then the record."""
        return {
            "status": self.status,
            "current": self.current,
            "digest": self.digest,
            "open_comments": len(self.open_comments),
            "last": self.last.model_dump(mode="json", exclude_none=True) if self.last is not None else None,
        }


def stale_approval_message(state: ReviewState, language: str = "en") -> str:
    """What `validate` and `score` say when the last step approved answers that changed since."""
    step = state.approval
    m = messages(language, "engine")
    if step is None:
        return m.gettext(
            "the approval is no longer current: the answers, notes or evidence changed after it "
            "(approve again to cover them)"
        )
    return m.gettext(
        "the approval by %(by)s on %(date)s is no longer current: the answers, notes or evidence changed "
        "after it (approve again to cover them)"
    ) % {"by": step.by, "date": m.date(step.date)}


def review_state(assessment: Assessment) -> ReviewState:
    review = assessment.review or Review()
    last = review.steps[-1] if review.steps else None
    digest = review_digest(assessment)
    return ReviewState(
        status=last.status if last is not None else "draft",
        current=last is not None and last.digest == digest,
        digest=digest,
        last=last,
        open_comments=tuple(c for c in review.comments if not c.resolved),
        comments=review.comments,
    )


def record_step(assessment: Assessment, status: str, by: str, date: dt.date, comment: str = "") -> Assessment:
    """A review step over the assessment as it is now. ReviewError when it cannot be recorded:
    no name, an unknown status, or an approval while reviewers' comments are still open."""
    if status not in STATUSES:
        raise ReviewError(f"unknown review status {status!r} (one of: {', '.join(STATUSES)})")
    by = " ".join(by.split())
    if not by:
        raise ReviewError("a review step needs the reviewer's name")
    review = assessment.review or Review()
    still_open = [c for c in review.comments if not c.resolved]
    if status == "approved" and still_open:
        count = (
            "a review comment on an answer is"
            if len(still_open) == 1
            else (f"{len(still_open)} review comments on answers are")
        )
        raise ReviewError(
            f"{count} still open: resolve {'it' if len(still_open) == 1 else 'them'} before approving"
        )
    step = ReviewStep(
        status=status,  # type: ignore[arg-type]
        by=by,
        date=date,
        comment=comment.strip(),
        digest=review_digest(assessment),
    )
    return assessment.model_copy(
        update={"review": review.model_copy(update={"steps": (*review.steps, step)})}
    )


def add_comment(
    compiled: CompiledQuestionnaire,
    assessment: Assessment,
    question: str,
    text: str,
    by: str = "",
    date: dt.date | None = None,
) -> Assessment:
    """A reviewer's open comment on one question's answer."""
    if question not in compiled.entries:
        raise ReviewError(f"no question {question!r} in this questionnaire")
    text = text.strip()
    if not text:
        raise ReviewError("a review comment needs some text")
    review = assessment.review or Review()
    comment = ReviewComment(question=question, text=text, by=" ".join(by.split()), date=date)
    return assessment.model_copy(
        update={"review": review.model_copy(update={"comments": (*review.comments, comment)})}
    )


def set_comment_resolved(assessment: Assessment, index: int, resolved: bool = True) -> Assessment:
    """Mark the comment at `index` (in the record's order) resolved or open again."""
    review = assessment.review or Review()
    if not 0 <= index < len(review.comments):
        raise ReviewError(f"there is no review comment number {index + 1}")
    comments = list(review.comments)
    comments[index] = comments[index].model_copy(update={"resolved": resolved})
    return assessment.model_copy(update={"review": review.model_copy(update={"comments": tuple(comments)})})


def carry_review(before: Assessment, after: Assessment) -> Assessment:
    """After answers were carried to a new questionnaire version with nothing dropped: steps that
    were over `before`'s answers are over `after`'s (their meaning did not change; only ids or
    choice names may have). Steps that were already stale stay stale, and so do signed steps: their
    signature covers the digest they were signed over, so a re-stamped one would read as tampered
    with (approve and sign again after such a migration)."""
    review = after.review
    if review is None or not review.steps:
        return after
    old, new = review_digest(before), review_digest(after)
    if old == new:
        return after
    steps = tuple(
        s.model_copy(update={"digest": new}) if s.digest == old and s.signature is None else s
        for s in review.steps
    )
    return after.model_copy(update={"review": review.model_copy(update={"steps": steps})})
