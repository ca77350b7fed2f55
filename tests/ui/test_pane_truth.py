"""The window shows what is so: the pane's answers are the file's, figures ask for visible questions,
and every input shows its state (issue 14, "The window shows what is not so")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pia_wizard.core.load.library import shipped_library

from .helpers_ui import answers, card, choose, click

ROOT = Path(__file__).resolve().parents[2]
COUNCIL = ROOT / "examples" / "council-cctv-antisocial-behaviour.pia.json"
RIGHTS = "human-rights"


def _council_with_sites(tmp_path: Path, first: dict, second: dict) -> Path:  # type: ignore[type-arg]
    """The council example with the 'more minorities or low incomes here' question answered per site."""
    data = json.loads(COUNCIL.read_text(encoding="utf-8"))
    sites = data["answers"]["g401"]["value"]
    sites[0]["q416"], sites[1]["q416"] = first, second
    path = tmp_path / "council.pia.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_site_answered_unknown_is_shown_unknown_under_why(qtbot, make_window, tmp_path) -> None:
    library = shipped_library()
    if RIGHTS not in library.rulebooks or not COUNCIL.exists():
        pytest.skip("needs the shipped human-rights rulebook and the council example")
    path = _council_with_sites(tmp_path, {"unknown": True}, {"value": False})
    window = make_window(library, files=None)
    assert window.open_path(path)
    view = window.editor.verdicts.views[RIGHTS]
    click(qtbot, view.why)
    label = window.texts.label("q416")
    shown = [b.full_text for b in view._finding_links.buttons if b.full_text.startswith(f"{label} — ")]
    assert shown, [b.full_text for b in view._finding_links.buttons]
    assert set(shown) == {f"{label} — site 1: unknown / not disclosed; site 2: no"}


def _open_copy(make_window, tmp_path: Path, source: Path):  # type: ignore[no-untyped-def]
    library = shipped_library()
    path = tmp_path / source.name
    path.write_bytes(source.read_bytes())
    window = make_window(library, files=None)
    assert window.open_path(path)
    return window


def test_a_figure_needs_only_questions_the_person_can_see(qtbot, make_window, tmp_path) -> None:
    """The council's second site has no passer-by count: the total question is hidden, so the figure
    must ask for the site's figure, not for "How many people pass the cameras per day in all?"."""
    if not COUNCIL.exists():
        pytest.skip("needs the council example")
    window = _open_copy(make_window, tmp_path, COUNCIL)
    total = window.texts.label("q402")
    figure = window.editor.verdicts.figure_labels["false_alerts_per_day"]
    text = figure.text()
    assert total not in text
    assert "People passing per day at site 2" in text
    page_card = card(window, "q402")
    assert not page_card.isVisibleTo(window)  # the question the old text asked for cannot be seen

    # The site's own figure given through its widget: the need goes (the rate is still missing).
    group = card(window, "g401").group_editor
    line = group.inputs[1]["q413"][1].focus_widgets()[0]
    line.setFocus()
    qtbot.keyClicks(line, "5000")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    text = window.editor.verdicts.figure_labels["false_alerts_per_day"].text()
    assert "site 2" not in text and total not in text
    people = window.evaluator.latest.figures.people_scanned_per_year
    assert people.inputs[0].value == 30_000  # 25,000 + 5,000 from the sites


# ------------------------------------------------------------------- every input shows its state


def test_every_kind_of_input_shows_unknown(qtbot, window_widgets) -> None:
    """Marked unknown, the drop-down and the fields say so themselves, and every card's state line."""
    window = window_widgets
    for question in ("w_who", "w_country", "w_data", "w_story", "w_agreed", "w_rate", "w_since"):
        found = card(window, question)
        assert found.state.text() == "Not answered yet", question
        click(qtbot, found.unknown)
        assert answers(window)[question] == "UNKNOWN"
        assert found.state.text() == "Answer: unknown / not disclosed", question
    combo = card(window, "w_country").input.combo
    assert combo.currentText() == "— unknown / not disclosed —"
    assert card(window, "w_rate").input.line.placeholderText() == "Unknown / not disclosed"
    assert card(window, "w_story").input.edit.placeholderText() == "Unknown / not disclosed"
    # A value replaces "unknown", and the drop-down's first entry reads "not answered" again.
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert answers(window)["w_country"] == "c01"
    assert combo.itemText(0) == "— not answered —"
    assert card(window, "w_country").state.text() == "Answered"
    assert card(window, "w_rate").input.line.placeholderText() == "Unknown / not disclosed"


def test_unticking_unknown_says_the_answer_went_and_offers_undo(qtbot, window_widgets) -> None:
    window = window_widgets
    found = card(window, "w_agreed")
    click(qtbot, found.unknown)
    assert answers(window)["w_agreed"] == "UNKNOWN"
    undo = window.status_undo
    assert not undo.isVisible()
    click(qtbot, found.unknown)  # a second click on the pressed button removes the answer...
    assert "w_agreed" not in answers(window)
    message = window.statusBar().currentMessage()
    assert message == "“Agreed by the council” is no longer marked unknown: it has no answer now."
    assert undo.isVisible()  # ...said in words, with Undo beside it
    click(qtbot, undo)
    assert answers(window)["w_agreed"] == "UNKNOWN"
    assert card(window, "w_agreed").unknown.isChecked()
    assert not undo.isVisible()


def test_clear_answer_says_so_and_undo_is_refused_after_later_edits(qtbot, window_widgets) -> None:
    window = window_widgets
    choose(qtbot, window, "w_who", "police")
    click(qtbot, card(window, "w_who").clear)
    assert "w_who" not in answers(window)
    assert window.statusBar().currentMessage().startswith("The answer to “Who runs it?")
    choose(qtbot, window, "w_agreed", True)  # a later edit: Undo here would undo that one instead
    click(qtbot, window.status_undo)
    assert answers(window) == {"w_agreed": True}
    assert "Edit › Undo" in window.statusBar().currentMessage()


def test_an_item_unticked_unknown_says_so_with_undo(qtbot, window) -> None:
    group = card(window, "g_sites").group_editor
    click(qtbot, group.add_button)
    unknown = group.inputs[0]["q_site_name"][2]
    click(qtbot, unknown)
    line = group.inputs[0]["q_site_name"][1].line
    assert line.placeholderText() == "Unknown / not disclosed"
    click(qtbot, unknown)
    assert "site 1: Name" in window.statusBar().currentMessage()
    click(qtbot, window.status_undo)
    assert window.document.assessment.answers["g_sites"].value[0]["q_site_name"].unknown


def test_a_sites_number_shows_all_its_digits(qtbot, make_window, tmp_path) -> None:
    """In the council example's first site, 25000 passers-by must not read as "5000"."""
    if not COUNCIL.exists():
        pytest.skip("needs the council example")
    window = _open_copy(make_window, tmp_path, COUNCIL)
    group = card(window, "g401").group_editor
    QApplication.processEvents()
    line = group.inputs[0]["q413"][1].line
    assert line.text() == "25000"
    margins = line.textMargins()
    room = line.contentsRect().width() - margins.left() - margins.right() - 8  # the frame's padding
    assert line.fontMetrics().horizontalAdvance("0" * 10) <= room
