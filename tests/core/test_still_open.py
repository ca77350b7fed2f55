"""An undecided red line says what is still open in terms of the answers given, from the rulebook's
data (fact and question labels), and stops naming what the answers have settled."""

from __future__ import annotations

import datetime as dt

from helpers import FIXTURES, fixture_library

from pia_wizard.core.answers import edits
from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.models.base import localise

DATE = dt.date(2026, 11, 23)


def _red_line(library, questionnaire: str, rulebook: str, rule: str, **answers):
    compiled = library.questionnaires[questionnaire]
    assessment = Assessment.model_validate(
        {
            "schema_version": 1,
            "questionnaire": {"id": questionnaire, "version": compiled.questionnaire.version},
        }
    )
    for question, value in answers.items():
        assessment = edits.set_value(compiled, assessment, question, value)
    result = evaluate(compiled, [library.rulebooks[rulebook]], assessment, DATE, explore=False).rulebooks[0]
    return next((f for f in result.findings if f.rule == rule), None)


def test_the_open_parts_of_a_red_line_follow_the_answers() -> None:
    library = fixture_library(FIXTURES / "rulebook-mini.yaml")
    yes_label = "Yes or no"  # q_yes's label in the mini questionnaire
    blank = _red_line(library, "mini", "mini-rules", "R1")
    assert blank is not None and blank.severity == "undetermined"
    assert blank.short == (
        f"Whether this applies depends on answers not yet known. Still open: Choice is b; “{yes_label}”."
    )
    settled = _red_line(library, "mini", "mini-rules", "R1", q_choice="b")
    assert settled is not None and settled.severity == "undetermined"
    assert settled.short.endswith(
        f"Still open: “{yes_label}”. Already established by the answers: Choice is b."
    )
    assert settled.text.endswith(settled.short)
    assert _red_line(library, "mini", "mini-rules", "R1", q_choice="a") is None  # settled: clear


def test_the_ai_act_ban_stops_saying_the_police_once_a_public_authority_is_chosen() -> None:
    """The user test: a blank assessment showed "Open: real-time identification by the police in a
    public place", and kept saying "by the police" after "A public authority" was chosen."""
    library = shipped_library()
    blank = _red_line(library, "biometric-deployment", "eu-law", "A1")
    authority = _red_line(library, "biometric-deployment", "eu-law", "A1", q201="public_authority")
    police = _red_line(library, "biometric-deployment", "eu-law", "A1", q201="police")
    assert blank is not None and authority is not None and police is not None
    assert "by the police" not in blank.title and "by the police" not in authority.title
    purpose = library.rulebooks["eu-law"].facts
    label = next(localise(f.label, "en", "en") for f in purpose if f.id == "is_law_enforcement_purpose")
    assert "Still open: " in authority.short and label in authority.short.split("Already established")[0]
    assert label in police.short.split("Already established by the answers:")[1]
