"""Scenarios: a copy of an assessment, linked to its origin and named by the user, to see what a
change would do ("with judicial authorisation", "live use dropped") beside the original.

The link lives in the assessment file (`scenario`: name, origin's title, file name and SHA-256 of
its canonical bytes); a scenario is an ordinary assessment otherwise, and opens, scores, reports and
compares like one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from pia_wizard.core.answers import edits
from pia_wizard.core.answers.edits import safe_attachment_name
from pia_wizard.core.answers.uses import edit_use, use_names
from pia_wizard.core.evaluation.results import Change
from pia_wizard.core.load.assessment_io import assessment_bytes
from pia_wizard.core.models.assessment import Assessment, Evidence, Scenario
from pia_wizard.core.rules.compiled import CompiledQuestionnaire

# Evidence that a counterfactual assumed, marked so nobody takes it for a document someone holds.
ASSUMED_EVIDENCE = "Assumed for this scenario: a document at this level is still to be found"


def make_scenario(origin: Assessment, name: str, origin_file: str | None = None) -> Assessment:
    """A copy of `origin` named `name`, linked to it; its title says it is a scenario."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("a scenario needs a name, such as “with judicial authorisation”")
    digest = hashlib.sha256(assessment_bytes(origin)).hexdigest()
    link = Scenario(
        name=name,
        origin_title=origin.metadata.title,
        origin_file=safe_attachment_name(origin_file) if origin_file else None,
        origin_sha256=digest,
    )
    base = origin.metadata.title or origin.metadata.deployment or "Assessment"
    copy = edits.set_metadata(origin, title=f"{base} — scenario: {name}")
    # A scenario is a new, hypothetical assessment: the origin's review and sign-off are not its own.
    return copy.model_copy(update={"scenario": link, "review": None})


def apply_changes(
    compiled: CompiledQuestionnaire, assessment: Assessment, changes: Iterable[Change], use: str = ""
) -> Assessment:
    """A counterfactual's changes made to the answers: values set, "unknown" set, and where it asked
    for stronger evidence, a marked placeholder at that level (never a document that does not exist).

    With several uses, the changes go to the use the counterfactual names (`Counterfactual.use`)."""
    names = use_names(compiled, assessment)
    if use and use in names and assessment.uses:
        index = names.index(use)
        return edit_use(compiled, assessment, index, lambda view: apply_changes(compiled, view, changes))
    for change in changes:
        if change.unknown:
            assessment = edits.set_unknown(compiled, assessment, change.question)
        elif change.value is not None:
            assessment = edits.set_value(compiled, assessment, change.question, change.value)
        if change.evidence_level:
            current = assessment.answers.get(change.question)
            best = current.evidence_level if current else 0
            if best < change.evidence_level:
                marker = Evidence(title=ASSUMED_EVIDENCE, confidence=change.evidence_level)
                assessment = edits.add_evidence(assessment, change.question, marker)
    return assessment


def counterfactual_scenario(
    compiled: CompiledQuestionnaire,
    origin: Assessment,
    changes: Iterable[Change],
    name: str,
    origin_file: str | None = None,
    use: str = "",
) -> Assessment:
    """ "Try this as a scenario": a new scenario with the counterfactual's changes applied (to the
    use it names, when there are several)."""
    return apply_changes(compiled, make_scenario(origin, name, origin_file), changes, use)
