"""The assessment as it may leave the building: private notes gone, and whatever the user chose to omit.

A report is built from the redacted assessment only — its text, its annex and the copy embedded in the
PDF — so nothing omitted can reach the reader by another path. Redaction never changes a value or an
evidence level, so the verdicts are those of the original assessment.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from pia_wizard.core.models.assessment import Answer, Assessment, Evidence
from pia_wizard.report.options import ReportOptions


def redact(assessment: Assessment, options: ReportOptions) -> Assessment:
    """A copy without private notes, and without every kind of material the options leave out."""
    drop_notes = options.leaves_out("notes")
    drop_quotes = options.leaves_out("quotes")
    drop_files = options.leaves_out("files")

    def evidence(item: Evidence) -> Evidence:
        update: dict[str, object] = {}
        if drop_quotes and item.quote:
            update["quote"] = ""
        if drop_files and item.attachment is not None:
            update["attachment"] = None
        return item.model_copy(update=update) if update else item

    def answer(item: Answer) -> Answer:
        update: dict[str, object] = {}
        if item.note is not None and (drop_notes or item.note.private):
            update["note"] = None
        if item.evidence:
            update["evidence"] = tuple(evidence(e) for e in item.evidence)
        if isinstance(item.value, tuple) and item.value and not isinstance(item.value[0], str):
            update["value"] = tuple(
                MappingProxyType(
                    {key: kept for key, sub in group_item.items() if (kept := answer(sub)) != Answer()}
                )
                for group_item in item.value
            )
        return item.model_copy(update=update) if update else item

    def answers(given: Mapping[str, Answer]) -> Mapping[str, Answer]:
        # An answer that held only a private note is no answer at all once the note is gone.
        kept = {key: answer(value) for key, value in given.items()}
        return MappingProxyType({key: value for key, value in kept.items() if value != Answer()})

    update: dict[str, object] = {"answers": answers(assessment.answers)}
    if assessment.uses:  # every use's own answers are redacted like the shared ones
        update["uses"] = tuple(u.model_copy(update={"answers": answers(u.answers)}) for u in assessment.uses)
    if options.leaves_out("identity"):
        update["metadata"] = assessment.metadata.model_copy(update={"assessor": "", "organisation": ""})
    if drop_files:
        update["attachments"] = MappingProxyType({})
    if drop_notes and assessment.review is not None and assessment.review.comments:
        # A reviewer's comment on an answer is a note on it; the steps (the sign-off) stay.
        update["review"] = assessment.review.model_copy(update={"comments": ()})
    return assessment.model_copy(update=update)
