"""Bigger shared fixtures built through the core's own edit functions."""

from __future__ import annotations

from helpers import MINI

from pia_wizard.core.answers import edits
from pia_wizard.core.load.assessment_io import assessment_bytes
from pia_wizard.core.load.loading import load_questionnaire
from pia_wizard.core.models.assessment import Assessment


def fixture_assessment_text() -> str:
    """A mini assessment using every answer shape: values, unknown, notes, evidence, a group, metadata."""
    compiled = load_questionnaire(MINI)
    a = Assessment.model_validate({"schema_version": 1, "questionnaire": {"id": "mini", "version": "1.0"}})
    a = edits.set_value(compiled, a, "q_choice", "b")
    a = edits.set_value(compiled, a, "q_multi", ["red"])
    a = edits.set_unknown(compiled, a, "q_num")
    a = edits.set_value(compiled, a, "q_date", "2026-01-15")
    a = edits.set_value(compiled, a, "q_b1", True)
    a = edits.set_note(a, "q_num", "not disclosed", private=True)
    a = edits.add_evidence(
        a, "q_choice", {"title": "Minutes", "address": "https://example.org/m", "confidence": 3}
    )
    a = edits.add_item(compiled, a, "g_sites")
    a = edits.set_item_value(compiled, a, "g_sites", 0, "q_site_people", 2500)
    a = edits.set_metadata(a, title="Fuzz base", assessment_date="2026-11-23")
    return assessment_bytes(a).decode("utf-8")
