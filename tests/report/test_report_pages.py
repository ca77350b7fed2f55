"""The council briefing's page layout, read back from real PDFs: one sentence per rulebook on page 1,
the tests overview with every title whole, "Prepared for", and the information-request letter grouped
by topic with the decisive requests first."""

from __future__ import annotations

import re
from functools import cache

import pytest
from helpers import ROOT
from report_cases import read_pdf

from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.models.base import localise
from pia_wizard.report.headlines import headline
from pia_wizard.report.options import ReportOptions
from pia_wizard.report.render import Report, prepare_report, render_pdf
from pia_wizard.report.wording import HEADLINES, VERDICTS

EXAMPLES = ROOT / "examples"


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@cache
def _report(example: str, template: str = "briefing") -> tuple[Report, list[str]]:
    """An example rendered to a real PDF, and its pages' text read back."""
    library = shipped_library()
    loaded = load_assessment_file(EXAMPLES / f"{example}.pia.json", library)
    report = prepare_report(
        loaded.assessment, loaded.questionnaire, library, ReportOptions(template=template)
    )
    back = read_pdf(render_pdf(report))
    return report, [_flat(page) for page in back.pages]


# ------------------------------------------------------------------ page 1: one sentence per rulebook


@pytest.mark.parametrize(
    "example", ["police-lfr-van-football", "journalist-first-look", "portland-shop-door"]
)
def test_page_one_opens_with_one_plain_sentence_per_rulebook(example: str) -> None:
    report, pages = _report(example)
    first = pages[0]
    sentences = report.context["headlines"]
    assert len(sentences) == len(report.evaluation.rulebooks)
    for sentence in sentences:
        assert sentence in first, f"not on page 1: {sentence}"
    # Read before the verdict strips, and in plain words: no rulebook or verdict ids.
    assert first.index(sentences[0]) < first.index("Verdict ")
    ids = {r.id for r in report.evaluation.rulebooks} | {v for v in VERDICTS if "_" in v}
    plain = [s.replace("human-rights law", "") for s in sentences]  # the words, not the id
    assert not [s for s in plain if any(i in s for i in ids)]


def test_the_sentences_name_each_rulebook_by_its_short_title_and_say_the_verdict() -> None:
    report, _ = _report("portland-shop-door")
    said = dict(zip(report.evaluation.verdicts, report.context["headlines"], strict=True))
    assert said["eu-law"] == "EU law does not apply to this deployment as it is described."
    assert said["us-local"].startswith("Under US local law this cannot go ahead as proposed: it crosses")
    assert said["human-rights"].startswith("Under human-rights law this cannot go ahead as proposed")
    report, _ = _report("journalist-first-look")
    assert "it cannot yet be decided whether this may go ahead" in report.context["headlines"][1]


def _entry(verdict: str, findings: list[tuple[str, str]], applies: str = "yes") -> dict:
    return {
        "short": "EU law",
        "verdict": verdict,
        "applies": applies,
        "findings": [{"severity": s, "kind": "step", "title": t} for s, t in findings],
    }


def test_every_verdict_kind_has_its_own_honest_sentence() -> None:
    assert set(HEADLINES) == set(VERDICTS)
    said = {
        verdict: headline(_entry(verdict, [(s, "Point A"), (s, "Point B"), (s, "Point C")]))
        for verdict, s in [
            ("red_line", "red_line"),
            ("fails", "fail"),
            ("insufficient_information", "undetermined"),
            ("conditional", "conditional"),
        ]
    }
    assert said["red_line"] == (
        "Under EU law this cannot go ahead as proposed: it crosses the red line “Point A” and 2 other points."
    )
    assert "a decisive legal test fails on “Point A”" in said["fails"]
    assert "cannot yet be decided" in said["insufficient_information"]
    assert "only under conditions: “Point A” and 2 other points" in said["conditional"]
    assert len(set(said.values())) == 4
    # A finding of another severity is not what decided the verdict, so it is not named.
    assert headline(_entry("fails", [("undetermined", "Open"), ("fail", "Shut")])).endswith(
        "fails on “Shut”."
    )
    assert headline(_entry("red_line", [])).endswith("a red line applies and no exception has been shown.")
    assert headline(_entry("passes", [])).startswith("Under EU law none of the points")
    assert (
        headline(_entry("not_applicable", []))
        == "EU law does not apply to this deployment as it is described."
    )
    unsure = headline(_entry("insufficient_information", [("undetermined", "X")], applies="unknown"))
    assert unsure.endswith("Whether EU law applies at all is not yet known from the answers.")


def test_a_red_line_that_may_apply_is_asked_about_not_stated() -> None:
    """A red line's title names the prohibited situation; while only possible, the sentence must not read
    as if it were established (the council briefing said "first of all on 'No valid GDPR Art. 9(2)
    condition…'" for a ground that was merely not yet shown)."""
    entry = {
        "short": "EU law",
        "verdict": "insufficient_information",
        "applies": "yes",
        "findings": [
            {"severity": "undetermined", "kind": "red_line", "title": "No valid ground"},
            {"severity": "undetermined", "kind": "step", "title": "Not yet shown: a valid ground"},
        ],
    }
    assert headline(entry).endswith("first of all on whether “No valid ground” holds and one other point.")
    report, pages = _report("council-cctv-antisocial-behaviour")
    said = dict(zip(report.evaluation.verdicts, report.context["headlines"], strict=True))
    assert "first of all on whether “" in said["eu-law"]
    assert said["eu-law"] in pages[0]


# ------------------------------------------------------------------ the tests overview


@pytest.mark.parametrize("example", ["police-lfr-van-football", "us-police-face-search-service"])
def test_the_tests_overview_prints_every_title_whole(example: str) -> None:
    report, pages = _report(example)
    text = " ".join(pages)
    start = text.index("Legality, necessity and proportionality Rulebook and test Result")
    overview = text[start:]
    shown = [r for r in report.context["rulebooks"] if r["verdict"] != "not_applicable" and r["tests"]]
    assert shown
    for rulebook in shown:
        assert rulebook["title"] in overview, rulebook["title"]
        for test in rulebook["tests"]:
            assert test["title"] in overview, f"cut or missing: {test['title']}"
    assert "…" not in overview.split("About this report")[0]


def test_the_submission_prints_every_test_title_of_its_step_charts_whole() -> None:
    report, pages = _report("police-lfr-van-football", "submission")
    text = " ".join(pages)
    charts = [r for r in report.context["rulebooks"] if r["steps_chart"]]
    assert charts
    for rulebook in charts:
        caption = f"{rulebook['title']}: each column is a test"
        assert caption in text
        chart = text[: text.index(caption)]
        for column in rulebook["steps_chart"]["columns"]:
            assert column["title"] in chart, f"cut or missing: {column['title']}"
            for step in column["steps"]:
                assert step["id"] in chart
    for name in ("briefing", "submission", "factsheet", "information-request"):
        html = _report("police-lfr-van-football", name)[0].html
        labels = re.findall(r"<text[^>]*>([^<]*)</text>", html)
        assert labels or name == "information-request"
        assert not [t for t in labels if t.endswith("…")], f"{name}: a chart label is cut"


# ------------------------------------------------------------------ the information-request letter


def test_the_letter_puts_the_decisive_requests_first_then_groups_the_rest_by_topic() -> None:
    report, pages = _report("journalist-first-look", "information-request")
    # In rank order with long reasons the letter ran to 10-11 pages (56, later 65 requests, about six a
    # page); grouped, with short reasons, it holds eight or more a page after the first.
    text = " ".join(pages)
    gaps = report.context["gaps"]
    assert len(gaps) > 40
    assert len(pages) <= 2 + len(gaps) // 9, f"{len(pages)} pages for {len(gaps)} requests"
    groups = report.context["requests"]
    assert sum(len(g["requests"]) for g in groups) == len(gaps)
    assert groups[0]["decisive"] and all(not g["decisive"] for g in groups[1:])
    assert [r["impact"] for r in groups[0]["requests"]] == sorted(
        (g["impact"] for g in gaps if g["impact"] > 0), reverse=True
    )
    assert all(r["impact"] == 0 for g in groups[1:] for r in g["requests"])

    # The headings in the PDF: the decisive group, then the questionnaire's sections in its order.
    headings = ["First: the answers that decide the assessment"] + [g["heading"] for g in groups[1:]]
    sections = [s.title["en"] for s in _questionnaire().questionnaire.sections]
    assert [h for h in sections if h in headings[1:]] == headings[1:], "topics in questionnaire order"
    place = text.index("Information requested")
    for heading in headings:
        assert heading in text[place:], f"not printed in order: {heading}"
        place = text.index(heading, place)

    # One numbering across the groups (a reply can cite "request 12"): the list markers run 1 to n,
    # each once (pypdf reads the markers apart from the text), and the asks are printed in that order.
    markers = [int(n) for n in re.findall(r"(?<![\w.(/,–-])(\d{1,2})\.(?= )", text)]
    assert sorted(markers) == list(range(1, len(gaps) + 1)), markers
    number, place = 1, 0
    for group in groups:
        assert group["start"] == number
        for request in group["requests"]:
            ask = request["ask"][:40]
            assert text.count(ask) == 1, ask
            assert text.index(ask) > place, f"out of order: {ask}"
            place = text.index(ask)
            number += 1


@cache
def _questionnaire():  # type: ignore[no-untyped-def]
    return shipped_library().questionnaires["biometric-deployment"]


# ------------------------------------------------------------------ "Prepared for"


def _fixture_pdf(audience: str, template: str = "briefing", prepared_for: str = "") -> list[str]:
    from report_cases import COMPILED, LIBRARY, red_line_case

    from pia_wizard.core.answers import edits

    assessment = edits.set_metadata(red_line_case(), audience=audience)
    options = ReportOptions(template=template, prepared_for=prepared_for, omit=frozenset({"annex"}))
    report = prepare_report(assessment, COMPILED, LIBRARY, options)
    return [_flat(page) for page in read_pdf(render_pdf(report)).pages]


def test_prepared_for_prints_the_recipient_and_never_the_name_of_a_report() -> None:
    first = _fixture_pdf("City council, public safety committee")[0]
    assert "Prepared for City council, public safety committee" in first
    for kind in ("Council briefing", "Fact sheet", "NGO formal submission", ""):
        pages = _fixture_pdf(kind)
        assert "Prepared for" not in " ".join(pages), kind
    chosen = _fixture_pdf("Council briefing", prepared_for="Regulator for biometrics")[0]
    assert "Prepared for Regulator for biometrics" in chosen
    submission = " ".join(_fixture_pdf("NGO submission", "submission", "Committee on civil liberties"))
    assert "Submitted to Committee on civil liberties." in submission
    assert "Submitted to" not in " ".join(_fixture_pdf("Formal submission", "submission"))


def test_a_gap_names_the_open_point_it_decides_not_its_passing_title() -> None:
    """Issue 14: "it decides: … A valid GDPR Art. 9(2) condition is shown" read as if the condition were
    shown; a gap blocks a step that is still open, so the step is named by its unknown title."""
    report, pages = _report("council-cctv-antisocial-behaviour")
    library = shipped_library()
    steps = {
        step.id: step for book in library.rulebooks.values() for test in book.tests for step in test.steps
    }
    checked = 0
    for gap in report.context["gaps"]:
        for why in gap["why"]:
            step = steps.get(why["rule"])
            if step is None or step.unknown_title is None:
                continue
            open_title = localise(step.unknown_title, "en", "en")
            assert why["point"] == open_title
            assert why["title"].endswith(open_title)
            checked += 1
    assert checked
    assert "A valid GDPR Art. 9(2) condition is shown" not in " ".join(pages)
