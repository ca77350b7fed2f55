"""Finding one's way in the shipped questionnaire: search (Ctrl+F), the summary, help and print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from pia_wizard.core.load.library import shipped_library

from .helpers_ui import focus

ROOT = Path(__file__).resolve().parents[2]
COUNCIL = ROOT / "examples" / "council-cctv-antisocial-behaviour.pia.json"


def _new(make_window):  # type: ignore[no-untyped-def]
    window = make_window(shipped_library(), files=None, examples_dir=ROOT / "examples")
    window.new_assessment()
    return window


def _results(window) -> list[str]:  # type: ignore[no-untyped-def]
    results = window.editor.search.results
    return [results.item(row).text().splitlines()[0] for row in range(results.count())]


def test_ctrl_f_searches_question_text_and_enter_jumps_to_it(qtbot, make_window) -> None:
    window = _new(make_window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = window.editor.search.field
    assert focus() is field
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    qtbot.keyClicks(field, "people pass cameras per day")
    label = window.texts.label("q402")
    assert _results(window)[0] == label
    assert not window.editor.section_list.isVisible()  # the results take its place
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.current_section == "s4"
    assert window.page.cards["q402"].property("highlight") is True
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == "" and window.editor.section_list.isVisible()


def test_search_finds_words_only_in_the_help_and_glossary_terms(qtbot, make_window) -> None:
    window = _new(make_window)
    window.start_search()
    field = window.editor.search.field
    qtbot.keyClicks(field, "Court of Appeal")  # only in help texts, in no question's label
    found = _results(window)
    assert "Who can be put on the watchlist?" in found, found
    assert all("court of appeal" not in f.lower() for f in found)
    field.clear()
    qtbot.keyClicks(field, "biometric template")
    results = window.editor.search.results
    terms = [results.item(r) for r in range(results.count()) if results.item(r).text().endswith("Glossary")]
    assert terms and terms[0].text().startswith("Biometric template")
    QApplication.processEvents()
    qtbot.mouseClick(
        results.viewport(), Qt.MouseButton.LeftButton, pos=results.visualItemRect(terms[0]).center()
    )
    dialog = window._sources_dialog
    assert dialog is not None and dialog.isVisible() and dialog.tabs.currentIndex() == 1
    assert dialog.terms.item(dialog.terms.currentRow(), 0).text() == "Biometric template"
    dialog.close()
    field.clear()
    qtbot.keyClicks(field, "zzzyx")
    assert _results(window) == ["Nothing found."]


def test_the_summary_reads_in_a_minute_and_follows_the_answers(qtbot, make_window) -> None:
    from pia_wizard.ui.text import verdict_name

    from .helpers_ui import click, wait_explored

    window = make_window(shipped_library(), files=None, examples_dir=ROOT / "examples")
    assert window.open_path(COUNCIL)
    click(qtbot, window.editor.verdicts.summary_button)
    dialog = window._summary_dialog
    assert dialog is not None and dialog.isVisible()
    wait_explored(qtbot, window)
    text = dialog.plain_text()
    for result in window.evaluator.latest.rulebooks:
        if result.verdict == "not_applicable":  # said together on one line
            assert result.title in text.split("Do not cover this deployment:", 1)[1].split("\n", 1)[0]
        else:
            assert f"{result.title}: {verdict_name(result.verdict)}" in text
        assert result.id not in text  # titles, never ids
    assert "red_line" not in text and "Being worked out" not in text
    assert len(text.split()) <= 350  # about a minute's reading
    assert "Who runs the system? — A public authority" in text

    # It follows the answers while open: another operator, another answer it rests on.
    from .helpers_ui import choose

    choose(qtbot, window, "q201", "police")
    assert "Who runs the system? — The police" in dialog.plain_text()


def test_the_summary_of_a_blank_assessment_lists_the_main_open_questions(qtbot, make_window) -> None:
    from .helpers_ui import wait_explored

    window = _new(make_window)
    window.summary_action.trigger()
    wait_explored(qtbot, window)
    text = window._summary_dialog.plain_text()
    section = text.split("Open questions that matter most", 1)[1]
    assert section.strip() and "None that block" not in section
    asks = {g.ask for r in window.evaluator.latest_explored.rulebooks for g in r.gaps}
    assert any(ask in section for ask in asks)


def test_help_user_guide_shows_the_guide_in_a_window(qtbot, make_window) -> None:
    window = _new(make_window)
    assert window.guide_action in window.menuBar().actions()[-1].menu().actions()
    window.guide_action.trigger()
    guide = window._guide
    assert guide is not None and guide.isVisible()
    first_heading = next(
        line.lstrip("# ").strip()
        for line in (ROOT / "docs" / "user-guide.md").read_text("utf-8").splitlines()
        if line.startswith("#")
    )
    shown = guide.text.toPlainText()
    assert shown.startswith(first_heading) and "#" not in shown.splitlines()[0]  # rendered, not source
    guide.close()


def test_the_export_dialog_names_languages(qtbot, tmp_path) -> None:
    from pia_wizard.ui.export import ExportDialog

    dialog = ExportDialog({"briefing": "Council briefing"}, ["en", "fr"], [], tmp_path / "r.pdf")
    qtbot.addWidget(dialog)
    shown = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert shown == ["English", "French"]
    dialog.language.setCurrentIndex(1)
    assert dialog.choices()["language"] == "fr"  # the code still goes to the report layer


def test_the_start_screen_says_what_each_example_shows(qtbot, make_window) -> None:
    import json

    window = make_window(shipped_library(), files=None, examples_dir=ROOT / "examples")
    examples = window.start_screen.examples
    assert examples.isVisible() and examples.count() == len(window.example_paths())
    shown = {examples.item(r).text().split("\n")[0]: examples.item(r).text() for r in range(examples.count())}
    metadata = json.loads(COUNCIL.read_text("utf-8"))["metadata"]
    line = shown[metadata["title"]].split("\n")[1]
    assert line and metadata["deployment"].startswith(line)  # the example's own description, whole
    assert all("Fictional example" not in text for text in shown.values())  # said once, in the heading
