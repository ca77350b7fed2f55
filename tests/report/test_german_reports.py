"""Reports in German (issue 19): real PDFs of an example rendered in German and read back with pypdf,
beside the same reports in English; and the "reports" catalog itself, complete and in step with the code.

Questions, rule titles and findings are content, translated by the content files (questionnaires/i18n/);
until those land they stay English, so these tests look only at the reports' own words.
"""

from __future__ import annotations

import datetime as dt
import re
import sys

import pytest
from babel.messages.pofile import read_po
from helpers import ROOT
from report_cases import read_pdf

from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.models.messages import catalog_path
from pia_wizard.report.options import LetterDetails, ReportOptions
from pia_wizard.report.render import prepare_report, print_report

sys.path.insert(0, str(ROOT / "tools"))
import messages as message_tool  # tools/messages.py, the extraction `make messages` runs

EXAMPLE = ROOT / "examples" / "council-cctv-antisocial-behaviour.pia.json"
POT = ROOT / "pia_wizard" / "locale" / "reports.pot"
MONTHS_DE = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
TRANSLATION_LINE = "Dieser Text ist eine Übersetzung des englischen Originals"
PREVAILS = "gilt das englische Original"
GERMAN_LAW = "Deutsches Bundes- und Landesrecht wird nicht geprüft"
REPLY_BY = dt.date(2026, 12, 5)


def _print(template: str, language: str):  # type: ignore[no-untyped-def]
    library = shipped_library()
    loaded = load_assessment_file(EXAMPLE, library)
    letter = (
        LetterDetails("Die Datenschutzbeauftragte", "PIA-7", REPLY_BY)
        if template == "information-request"
        else LetterDetails()
    )
    options = ReportOptions(template=template, language=language, letter=letter)
    report = prepare_report(loaded.assessment, loaded.questionnaire, library, options)
    return report, read_pdf(print_report(report).pdf)


@pytest.fixture(scope="module")
def printed() -> dict:  # type: ignore[type-arg]
    return {
        (template, language): _print(template, language)
        for template in ("briefing", "information-request")
        for language in ("de", "en")
    }


def _lang(read) -> str:  # type: ignore[no-untyped-def]
    return str(read.reader.trailer["/Root"]["/Lang"])


@pytest.mark.parametrize(
    ("template", "headings"),
    [
        (
            "briefing",
            [
                "VORLAGE FÜR DEN RAT",
                "Kurz gesagt",
                "Ergebnis",
                "Entscheidende Gründe",
                "Wichtige Informationslücken",
                "Rechtmäßigkeit, Erforderlichkeit und Verhältnismäßigkeit",
                "Zu diesem Bericht.",
            ],
        ),
        (
            "information-request",
            [
                "Auskunftsersuchen",
                "Sehr geehrte Damen und Herren,",
                "Erbetene Informationen",
                "Rechtsgrundlage dieser Anfrage",
                "Mit freundlichen Grüßen",
            ],
        ),
    ],
)
def test_a_german_report_is_in_german(printed, template: str, headings: list[str]) -> None:
    report, read = printed[(template, "de")]
    for heading in headings:
        assert heading in read.flat, heading
    # It says it is a translation, which text prevails, and that German law is not assessed.
    assert TRANSLATION_LINE in read.flat and PREVAILS in read.flat
    assert GERMAN_LAW in read.flat
    assert _lang(read) == "de"
    assert "Seite 1 von" in read.pages[0]
    # The report's own dates in German words (sources and findings are content, still English).
    assert re.search(r"\b23\. November 2026\b", read.flat)
    assert not re.search(rf"\b\d{{1,2}} ({MONTHS_EN}) \d{{4}}\b", read.pages[0]), "an English date"
    method = report.context["method"]
    own = [report.context["document"]["date"], method["evaluated_on"], method["rules_as_of"]]
    own += [d["date"] for t in method["timelines"] for d in t["dates"]]
    assert all(re.fullmatch(rf"\d{{1,2}}\. ({MONTHS_DE}) \d{{4}}", d) for d in own), own


def test_the_german_letter_asks_for_a_reply_by_a_german_date(printed) -> None:
    _report, read = printed[("information-request", "de")]
    assert "Bitte antworten Sie bis zum 5. Dezember 2026, unter Angabe unseres Zeichens PIA-7." in read.flat


def test_the_german_briefing_words_its_verdicts_in_german(printed) -> None:
    report, read = printed[("briefing", "de")]
    labels = {v["label"] for v in report.context["verdicts"]}
    assert labels <= {
        "Rote Linie",
        "Nicht bestanden",
        "Zu wenig Informationen",
        "Unter Bedingungen",
        "Bestanden",
        "Nicht anwendbar",
    }
    assert "Ob dies umgesetzt werden darf, lässt sich noch nicht entscheiden" in read.flat  # a headline


@pytest.mark.parametrize(
    ("template", "heading"), [("briefing", "In short"), ("information-request", "Request for information")]
)
def test_the_english_report_stays_english(printed, template: str, heading: str) -> None:
    report, read = printed[(template, "en")]
    assert heading in read.flat
    assert _lang(read) == "en"
    assert "23 November 2026" in read.flat
    assert (
        "translation" not in read.flat and TRANSLATION_LINE not in read.flat and GERMAN_LAW not in read.flat
    )
    assert "Page 1 of" in read.pages[0]
    assert report.context["method"]["translation"] == []


# ---------------------------------------------------------------------------------------- the catalog


def _key(message) -> tuple:  # type: ignore[no-untyped-def]
    return (message.context, message.id if isinstance(message.id, str) else tuple(message.id))


def _catalog(path):  # type: ignore[no-untyped-def]
    with path.open("rb") as handle:
        return read_po(handle)


def test_the_template_is_in_step_with_the_code() -> None:
    """reports.pot holds exactly the messages in pia_wizard/report and report_templates today."""
    extracted = {_key(m) for m in message_tool.extract("reports") if m.id}
    committed = {_key(m) for m in _catalog(POT) if m.id}
    assert extracted - committed == set(), "run `make messages`: new messages are not in reports.pot"
    assert committed - extracted == set(), (
        "run `make messages`: reports.pot has messages the code no longer has"
    )


def test_the_german_catalog_is_complete_and_current() -> None:
    """Every message translated (every plural form), none fuzzy (stale), none the template lacks."""
    template = {_key(m) for m in _catalog(POT) if m.id}
    german = [m for m in _catalog(catalog_path("de", "reports")) if m.id]
    assert {_key(m) for m in german} == template
    untranslated = [m.id for m in german if not all(m.string) or not m.string]
    assert untranslated == []
    assert [m.id for m in german if m.fuzzy] == []


PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w*)\}")


def _placeholders(text: str) -> list[str]:
    return sorted(a or b for a, b in PLACEHOLDER.findall(text))


def test_translations_keep_every_placeholder() -> None:
    for message in _catalog(catalog_path("de", "reports")):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        for text in strings:
            assert _placeholders(text) == _placeholders(ids[-1]), (message.id, text)
        # A line break the code splits on (the verdict strip) stays a line break, never more than one.
        assert all(text.count("\n") <= 1 for text in strings) or "\n" in ids[0], message.id


def test_the_editable_copies_are_in_german_too(printed) -> None:
    """Word and Markdown copies come from the same context: German words, and a Word file marked German."""
    import io

    from docx import Document
    from docx.oxml.ns import qn

    from pia_wizard.report.editable import editable_bytes

    report, _read = printed[("briefing", "de")]
    markdown = editable_bytes(report.context, "markdown").decode("utf-8")
    for words in ("Kurz gesagt", "Entscheidende Gründe", TRANSLATION_LINE, GERMAN_LAW, "Zu diesem Bericht"):
        assert words in markdown, words
    assert "In short" not in markdown and "About this report" not in markdown
    document = Document(io.BytesIO(editable_bytes(report.context, "docx")))
    assert document.core_properties.language == "de"
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "de-DE"
    assert "Kurz gesagt" in [p.text for p in document.paragraphs]
    english = Document(io.BytesIO(editable_bytes(printed[("briefing", "en")][0].context, "docx")))
    defaults = english.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "en-US"


def test_the_comparison_report_in_german(tmp_path) -> None:
    """`report A --compare B --lang de`: the comparison's own words in German, English by default."""
    from pia_wizard.commands.compare import build
    from pia_wizard.core.load.assessment_io import assessment_bytes
    from pia_wizard.report.comparison import render_html, report_context, text
    from pia_wizard.report.samples import compared_scenario

    origin, scenario = compared_scenario(shipped_library())
    other = tmp_path / "scenario.pia.json"
    other.write_bytes(assessment_bytes(scenario))
    german = report_context(build(origin, other, None, "de"))
    page = render_html(german)
    assert '<html lang="de">' in page
    for words in (
        "Was sich geändert hat",
        "Vergleich zweier Bewertungen",
        "4 Antworten unterscheiden sich.",
        TRANSLATION_LINE,
        GERMAN_LAW,
    ):
        assert words in page, words
    english = build(origin, other, None)
    assert "4 answers differ." in text(english) and "Vergleich" not in render_html(report_context(english))


def test_the_german_catalog_uses_the_official_terms() -> None:
    """Every German report sentence uses the terminology table's wording of the legal terms it translates."""
    from pia_wizard.core.files.documents import read_yaml
    from pia_wizard.core.load.loading import load_yaml_as
    from pia_wizard.core.load.translations import term_problems
    from pia_wizard.core.models.translation import TermsFile

    table = load_yaml_as(read_yaml(ROOT / "questionnaires" / "i18n" / "terms-de.yaml"), TermsFile)
    pairs = []
    for message in _catalog(catalog_path("de", "reports")):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        pairs += [(ids[0], ids[min(i, len(ids) - 1)], text) for i, text in enumerate(strings)]
    problems = term_problems(pairs, table)
    assert problems == [], "\n".join(f"{p.where}: {p.message}" for p in problems)


def test_numbers_in_answers_follow_the_report_language() -> None:
    from pia_wizard.report.formatting import Formatter

    compiled = load_assessment_file(EXAMPLE, shipped_library()).questionnaire
    assert Formatter(compiled, "de").number(20000) == "20.000"
    assert Formatter(compiled, "de").number(0.0001) == "0,0001"
    assert Formatter(compiled, "en").number(20000.5) == "20,000.5"
    assert Formatter(compiled, "xx").number(20000) == "20,000"  # no such locale: as in English
    assert Formatter(compiled, "de").value("q_none", True) == "Ja"  # not a question: a plain value


def test_report_compare_takes_the_language_on_the_command_line(tmp_path) -> None:
    from pia_wizard.cli import main
    from pia_wizard.core.load.assessment_io import assessment_bytes
    from pia_wizard.report.samples import compared_scenario

    origin, scenario = compared_scenario(shipped_library())
    other = tmp_path / "scenario.pia.json"
    other.write_bytes(assessment_bytes(scenario))
    page = tmp_path / "comparison.html"
    assert (
        main(["report", str(origin), "--compare", str(other), "--html", str(page), "--language", "de"]) == 0
    )
    html = page.read_text(encoding="utf-8")
    assert '<html lang="de">' in html and "Was sich geändert hat" in html
