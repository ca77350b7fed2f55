"""The window shows what is so: the pane's answers are the file's, figures ask for visible questions,
and every input shows its state (issue 14, "The window shows what is not so")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pia_wizard.core.library import shipped_library

from .helpers_ui import click

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
