"""The German texts use the official German wording of the AI Act, the GDPR and the LED, one wording per
term (questionnaires/i18n/terms-de.yaml)."""

from __future__ import annotations

from pia_wizard.core.files.documents import read_yaml
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.load.loading import load_yaml_as
from pia_wizard.core.load.translations import content_pairs, term_problems
from pia_wizard.core.models.translation import TermsFile
from tests.helpers import ROOT

TERMS = ROOT / "questionnaires" / "i18n" / "terms-de.yaml"


def terms() -> TermsFile:
    return load_yaml_as(read_yaml(TERMS), TermsFile)


def test_the_table_names_an_article_and_a_check_for_every_term() -> None:
    table = terms()
    assert table.language == "de"
    ids = [t.id for t in table.terms]
    assert len(ids) == len(set(ids))
    for term in table.terms:
        assert term.where and term.official
        if term.tag in ("V", "S"):
            assert term.address.startswith("https://"), term.id


def test_a_text_using_a_term_in_any_form_passes_and_a_second_wording_fails() -> None:
    table = terms()
    pairs = [
        (
            "ok",
            "The deployer must do a DPIA.",
            "Der Betreiber muss eine Datenschutz-Folgenabschätzung machen.",
        ),
        ("ok-plural", "Law enforcement authorities", "Den Strafverfolgungsbehörden"),
        ("missing", "Real-time remote biometric identification", "Gesichtserkennung in Echtzeit"),
        ("two-ways", "emotion recognition", "Emotionserkennung, also Erkennung von Emotionen"),
    ]
    found = {(p.where, p.term) for p in term_problems(pairs, table)}
    assert ("ok", "deployer") not in found and ("ok", "dpia") not in found
    assert ("ok-plural", "law-enforcement-authority") not in found
    assert ("missing", "real-time-remote-biometric-identification") in found
    assert ("missing", "remote-biometric-identification") in found
    assert ("two-ways", "emotion-recognition-system") in found


def test_shipped_german_content_uses_the_official_terms() -> None:
    library = shipped_library()
    problems = term_problems(content_pairs(library.content(), "de"), terms())
    assert problems == [], "\n".join(f"{p.where}: {p.message}" for p in problems[:40])
