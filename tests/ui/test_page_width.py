"""The question page fits its pane at the documented window size (1280×800): a card wider than the
page cut the section's text and every card's right edge (seen in the screenshots after the note toggle
started to say what it holds: "Note and evidence: 1 document")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from pia_wizard.core.load.library import shipped_library

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.pia.json")), ids=lambda p: p.name)
def test_no_section_page_scrolls_sideways_at_1280_by_800(make_window, tmp_path, example: Path) -> None:
    """Every section of every example: cards with long answers, many sources (by their readable
    names, which are longer than ids) and notes with evidence."""
    library = shipped_library()
    path = tmp_path / example.name
    shutil.copyfile(example, path)
    window = make_window(library, files=None)
    window.resize(1280, 800)
    assert window.open_path(path)
    compiled = library.questionnaires["biometric-deployment"]
    wide = []
    for section in compiled.questionnaire.sections:
        window.go_to_section(section.id)
        QApplication.processEvents()
        page = window.editor.pages.currentWidget()
        bar = page.horizontalScrollBar()
        if bar.maximum() > 0:
            wide.append(f"{section.id}: {bar.maximum()} px too wide")
    assert wide == []
