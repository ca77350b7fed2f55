"""The window shows what is so: the pane's answers are the file's, figures ask for visible questions,
and every input shows its state (issue 14, "The window shows what is not so")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from pia_wizard.core.library import shipped_library

from .helpers_ui import card, click

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
