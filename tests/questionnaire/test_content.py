"""The shipped questionnaire's content: sources, the unknown state, plain labels, ids, skipping rules."""

from __future__ import annotations

import re

import pytest
from helpers import ROOT

from pia_wizard.core.answers import edits
from pia_wizard.core.answers.answer_check import check_assessment
from pia_wizard.core.load.loading import load_glossary, load_questionnaire, load_sources
from pia_wizard.core.models.assessment import Answer, Assessment
from pia_wizard.core.models.questionnaire import GroupQuestion, NumberQuestion, SingleChoiceQuestion

FOLDER = ROOT / "questionnaires"
COMPILED = load_questionnaire(FOLDER / "biometric-deployment.yaml")
SOURCES = {source.id: source for source in load_sources(FOLDER / "sources.yaml").sources}
GLOSSARY = load_glossary(FOLDER / "glossary.yaml")
QUESTIONNAIRE = COMPILED.questionnaire
TOP_LEVEL = [qid for qid, entry in COMPILED.entries.items() if entry.group is None]
GROUPS = [entry.question for entry in COMPILED.entries.values() if isinstance(entry.question, GroupQuestion)]

# The legal classifications the rulebooks derive from plain answers: never asked for in a label.
FORBIDDEN_IN_LABELS = (
    "remote biometric identification",
    "biometric categorisation",
    "publicly accessible space",
)
# Plain words that tell a reader a source is only secondary (S) or unverified (U).
WEAK_SOURCE_WORDS = (
    "secondary",
    "not verified",
    "unverified",
    "consolidated text",
    "spanish text",
    "a lawyer should confirm",
    "checked only",
)


def _empty() -> Assessment:
    return Assessment.model_validate(
        {"schema_version": 1, "questionnaire": {"id": QUESTIONNAIRE.id, "version": QUESTIONNAIRE.version}}
    )


def _all_refs() -> list[tuple[str, str]]:
    """(owner, source id) for every citation in the questionnaire and the glossary."""
    refs = [(qid, ref) for qid, entry in COMPILED.entries.items() for ref in entry.question.refs]
    refs += [
        (f"{qid}/{choice.value}", ref)
        for qid, entry in COMPILED.entries.items()
        for choice in entry.choices
        for ref in choice.refs
    ]
    figures = QUESTIONNAIRE.figures
    if figures is not None:
        refs += [("figures", ref) for ref in figures.dpia_refs]
        if figures.false_alerts is not None:
            refs += [("figures", ref) for ref in figures.false_alerts.refs]
    refs += [(f"glossary/{term.id}", ref) for term in GLOSSARY.terms for ref in term.refs]
    return refs


def test_version_is_two() -> None:
    """Version 2 (issue 13); files written for 1.0 are carried forward (test_questionnaire_migrations)."""
    assert QUESTIONNAIRE.version == "2"


def test_every_cited_source_is_in_the_source_table() -> None:
    missing = [(owner, ref) for owner, ref in _all_refs() if ref not in SOURCES]
    assert missing == []


def test_sources_are_tagged_and_eu_acts_point_to_eur_lex() -> None:
    for source in SOURCES.values():
        assert source.tag in {"V", "S", "U"}
        if source.address is not None:
            assert source.address.startswith("https://eur-lex.europa.eu/eli/"), source.id


def test_every_question_admits_the_unknown_state() -> None:
    # "Unknown / not disclosed" is an answer state, not a choice: every question of every type takes it.
    answers = {qid: Answer(unknown=True) for qid in TOP_LEVEL}
    assessment = _empty().model_copy(update={"answers": answers})
    assert check_assessment(COMPILED, assessment) == []
    for group in GROUPS:  # and inside a group item, every item question takes it too
        item = {item.id: Answer(unknown=True) for item in group.items}
        assessment = _empty().model_copy(update={"answers": {group.id: Answer(value=(item,))}})
        assert check_assessment(COMPILED, assessment) == []


@pytest.mark.parametrize("question_id", TOP_LEVEL)
def test_the_edit_api_sets_unknown_on_every_question(question_id: str) -> None:
    assert edits.set_unknown(COMPILED, _empty(), question_id).answers[question_id].unknown


def test_no_choice_list_carries_an_unknown_choice() -> None:
    for qid, entry in COMPILED.entries.items():
        for choice in entry.choices:
            assert "unknown" not in choice.value, qid
            assert "unknown" not in " ".join(choice.label.values()).lower(), qid


def test_labels_never_use_the_legal_classifications() -> None:
    for qid, entry in COMPILED.entries.items():
        texts = [*entry.question.label.values(), *(t for c in entry.choices for t in c.label.values())]
        for text in texts:
            plain = " ".join(text.lower().split())
            for term in FORBIDDEN_IN_LABELS:
                assert term not in plain, f"{qid}: {text!r} uses {term!r}"


def test_ids_carry_no_meaning_and_are_numbered_by_section() -> None:
    for index, section in enumerate(QUESTIONNAIRE.sections, start=1):
        assert section.id == f"s{index}"
    for qid, entry in COMPILED.entries.items():
        number = entry.section.id.removeprefix("s")
        prefix = "g" if isinstance(entry.question, GroupQuestion) else "q"
        assert re.fullmatch(rf"{prefix}{number}\d\d", qid), f"{qid} in {entry.section.id}"


def test_every_question_says_whether_it_is_a_fact_or_actionable() -> None:
    assert {entry.question.nature for entry in COMPILED.entries.values()} == {"fact", "actionable"}


def test_sections_that_can_be_skipped_say_why() -> None:
    for section in QUESTIONNAIRE.sections:
        if section.show_if is not None:
            assert section.skipped_reason, section.id


def test_help_says_so_in_plain_words_when_a_source_is_only_secondary_or_unverified() -> None:
    for qid, entry in COMPILED.entries.items():
        weak = [ref for ref in entry.question.refs if SOURCES[ref].tag != "V"]
        if weak:
            help_text = " ".join((entry.question.help or {}).values()).lower()
            assert any(word in help_text for word in WEAK_SOURCE_WORDS), f"{qid} cites {weak}"


def test_the_false_alert_inputs_state_their_unit() -> None:
    figures = QUESTIONNAIRE.figures
    assert figures is not None and figures.false_alerts is not None
    inputs = figures.false_alerts
    unit = COMPILED.question(inputs.rate_unit)
    assert isinstance(unit, SingleChoiceQuestion)
    assert {c.value for c in COMPILED.entries[unit.id].choices} == {inputs.per_comparison, inputs.per_search}
    rate = COMPILED.question(inputs.false_match_rate)
    assert isinstance(rate, NumberQuestion) and rate.minimum == 0 and rate.maximum == 1 and rate.unit
    # The number the rate belongs to is shown wherever the rate is asked.
    assert rate.show_if == unit.show_if
    for optional in (inputs.watchlisted_per_day, inputs.watchlist_size, inputs.people_per_day):
        assert optional is not None
        question = COMPILED.question(optional)
        assert isinstance(question, NumberQuestion) and question.unit and not question.required
    assert inputs.people_per_day_items is not None
    assert (
        COMPILED.entries[inputs.people_per_day_items.question].group.id == inputs.people_per_day_items.group
    )


def test_the_glossary_covers_the_brief_and_cites_sources() -> None:
    # The terms of domain.md §12 (some merged: FRT/LFR/AFR, gallery/watchlist, the CCOPS documents).
    expected = {
        "verification",
        "identification",
        "emotion-recognition",
        "annex-ii-offence",
        "annex-iii-high-risk",
        "biometric-categorisation",
        "biometric-data",
        "biometric-template",
        "ccops",
        "controlled-environment",
        "deployer",
        "dpia",
        "essence-of-a-right",
        "false-positive",
        "fria",
        "frt",
        "watchlist",
        "law-enforcement",
        "led",
        "market-surveillance-authority",
        "necessity",
        "post-identification",
        "proportionality",
        "psed",
        "publicly-accessible-space",
        "real-time",
        "red-line",
        "remote-biometric-identification",
        "special-categories",
        "surveillance-impact-report",
        "threshold",
    }
    terms = {term.id: term for term in GLOSSARY.terms}
    assert expected <= set(terms)
    for term in terms.values():
        assert term.refs, term.id


def test_questions_ask_about_what_exists_now() -> None:
    """An assessment is often of a proposal: "Was a DPIA done before the system was used?" reads oddly
    for a system not yet bought. Questions ask what exists now ("Has … been done?"), adding the
    running system's case where the timing matters, without changing what an answer means."""
    import re

    from pia_wizard.core.load.library import shipped_library
    from pia_wizard.core.models.base import localise

    compiled = shipped_library().questionnaires["biometric-deployment"]
    past = [
        q.id
        for q in (entry.question for entry in compiled.entries.values())
        if re.match(r"(Was|Were|Did) ", localise(q.label, "en", "en"))
    ]
    assert past == []
