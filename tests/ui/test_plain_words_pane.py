"""No rulebook, verdict or question id in what the verdict pane shows, for every shipped example:
labels, buttons, tooltips and accessible names, after the explored evaluation (gaps, changes) arrived."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import ROOT, internal_names, source_ids_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from pia_wizard.core.load.library import shipped_library
from pia_wizard.ui.widgets import LinkButton

from .helpers_ui import answer_like_a_person, answers, wait_explored

EXAMPLES = sorted((ROOT / "examples").glob("*.pia.json"))


def shown_texts(root: QWidget) -> list[str]:
    """Every text of the pane a person can read or hear: label and button texts, tooltips, names."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, LinkButton):
            texts.append(widget.full_text)
        elif isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
    return [t for t in texts if t]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name.removesuffix(".pia.json"))
def test_the_verdict_pane_names_no_internal_id(qtbot, make_window, example: Path) -> None:
    library = shipped_library()
    window = make_window(library, files=None, examples_dir=ROOT / "examples")
    assert window.open_path(example)
    wait_explored(qtbot, window)
    pane = window.editor.verdicts
    texts = shown_texts(pane)
    assert any(view.changes_button.text() in texts for view in pane.views.values())  # the scan sees the pane
    found = [hit for text in texts for hit in internal_names(text, list(library.rulebooks))]
    assert found == []
    # Sources by their readable names, the tag in words: no "AIA-3-45/46 (V)".
    sources = [s.id for s in library.sources.sources if s.id not in s.name()]  # "WP248" is its name
    assert [hit for text in texts for hit in source_ids_in(text, sources)] == []
    assert not [t for t in texts if re.search(r"\((?:V|S|U)\)", t)]


def test_an_undecided_red_line_is_named_as_what_may_apply(qtbot, make_window) -> None:
    """A blank assessment once read "Open: real-time identification by the police in a public place",
    and kept saying "by the police" after "A public authority" was chosen."""
    library = shipped_library()
    window = make_window(library, files=None)
    window.new_assessment("biometric-deployment")
    summary = window.editor.verdicts.views["eu-law"].summary
    assert summary.text().startswith("Cannot be decided on what is known: a red line may apply, “")
    assert "by the police" not in summary.text()
    answer_like_a_person(qtbot, window, "q201", "public_authority")
    assert answers(window) == {"q201": "public_authority"}
    assert "by the police" not in summary.text() and "may apply" in summary.text()


def test_question_cards_name_their_sources_in_words(make_window, tmp_path) -> None:
    """A card's source links read "AI Act Art. 3(4)", not "AIA-3-4" (an id on screen says nothing to a
    councillor); the link still opens that source."""
    library = shipped_library()
    names = {s.id: s.name() for s in library.sources.sources if s.short}
    window = make_window(library, files=None)
    window.new_assessment()
    shown: list[str] = []
    for section in library.questionnaires["biometric-deployment"].questionnaire.sections:
        window.go_to_section(section.id)
        for card in window.page.cards.values():
            for ref, button in zip(card.entry.question.refs, card.source_buttons, strict=True):
                assert button.text() == names[ref] != ref
                shown.append(button.text())
    assert len(shown) > 100


LFR = ROOT / "examples" / "police-lfr-van-football.pia.json"


def test_each_test_reads_in_the_reports_words(qtbot, make_window) -> None:
    """The pane once listed "Tests — Legality: fail; Legitimate aim: not reached" on one line: raw
    statuses. Each test now has its line, in the reports' words (pia_wizard/report/wording.py), and a
    word that says little alone ("not reached") says what it means."""
    from pia_wizard.report.wording import STEP_STATUS, STEP_STATUS_MEANING

    window = make_window(shipped_library(), files=None, examples_dir=ROOT / "examples")
    assert window.open_path(LFR)
    statuses = set()
    for result in window.evaluation.rulebooks:
        view = window.editor.verdicts.views[result.id]
        for test in result.tests:
            line = view.findChild(QLabel, f"test:{result.id}:{test.id}")
            assert line is not None, (result.title, test.title)
            assert test.title in line.text() and STEP_STATUS[test.status] in line.text()
            assert STEP_STATUS_MEANING[test.status] in line.text()
            assert "_" not in line.text().replace(test.title, "")
            statuses.add(test.status)
    assert {"fail", "not_reached", "undetermined", "pass"} <= statuses
    reached = window.editor.verdicts.views["human-rights"].findChild(QLabel, "test:human-rights:aim")
    assert reached is None or "because a test before it fails" in reached.text()


def test_the_verdicts_words_link_to_the_glossary(qtbot, make_window) -> None:
    """Terms the verdicts use ("DPIA", "Bridges case") are links that open the glossary at the term."""
    library = shipped_library()
    window = make_window(library, files=None, examples_dir=ROOT / "examples")
    assert window.open_path(LFR)
    view = window.editor.verdicts.views["eu-law"]
    view.why.setChecked(True)
    links = {b.objectName(): b for b in view.findChildren(LinkButton) if b.objectName().startswith("term:")}
    assert "term:dpia" in links, sorted(links)
    assert links["term:dpia"] in window.editor.verdicts.focus_widgets()  # in the Tab chain
    assert links["term:dpia"].accessibleName().startswith("Glossary: DPIA")
    found = [t.id for t in library.glossary.terms_in("GDPR Art. 9(2); LED Art. 10. A DPIA.", "en")]
    assert found == ["dpia", "led"]
    assert library.glossary.terms_in("Answers that led to it; a dpiary", "en") == ()  # whole words
    qtbot.waitUntil(lambda: links["term:dpia"].isVisible() and links["term:dpia"].height() > 0)
    window.editor.verdicts.ensureWidgetVisible(links["term:dpia"])
    qtbot.mouseClick(links["term:dpia"], Qt.MouseButton.LeftButton)
    dialog = window._sources_dialog
    assert dialog is not None and dialog.isVisible()
    row = dialog.terms.currentRow()
    assert dialog.tabs.currentIndex() == 1 and dialog.terms.item(row, 0).text().startswith("DPIA")


def test_questions_not_asked_are_named_but_not_links(qtbot, make_window) -> None:
    """A rule reads questions that earlier answers hide; the pane listed them as links ("… — not
    asked") that led to no question a person could see. They are named on a line of their own."""
    window = make_window(shipped_library(), files=None, examples_dir=ROOT / "examples")
    assert window.open_path(ROOT / "examples" / "council-cctv-antisocial-behaviour.pia.json")
    hidden = {
        (result.id, ref.question)
        for result in window.evaluation.rulebooks
        for finding in result.findings
        for ref in finding.answers
        if ref.state == "hidden"
    }
    assert hidden
    for rulebook, question in hidden:
        view = window.editor.verdicts.views[rulebook]
        assert view.findChild(LinkButton, f"goto:{question}") is None
        label = window.editor.verdicts.texts.label(question)
        lines = [w.text() for w in view.findChildren(QLabel) if w.text().startswith("Not asked")]
        assert any(label in line for line in lines), (label, lines)
    assert "—" not in window.editor.verdicts.date_label.text()
    assert "23 November 2026" in window.editor.verdicts.date_label.text()  # as the reports write dates
