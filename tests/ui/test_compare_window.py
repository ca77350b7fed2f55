"""File › Compare with… and File › Save as scenario… in the real window, on the shipped examples."""

from __future__ import annotations

import shutil

from helpers import ROOT
from PySide6.QtGui import QColor

from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import shipped_library
from pia_wizard.ui.compare_dialog import CHANGED, CompareDialog

EXAMPLES = ROOT / "examples"
STADIUM = EXAMPLES / "stadium-entry-consent.pia.json"
MISSING_CHILD = EXAMPLES / "missing-child-judicial-authorisation.pia.json"


def test_compare_with_shows_both_side_by_side_and_jumps_to_a_question(qtbot, make_window) -> None:
    window = make_window(shipped_library(), files=None, examples_dir=EXAMPLES)
    assert window.open_path(STADIUM)
    window.prompts.open_answer = MISSING_CHILD
    assert window.compare_with()
    dialog = window.compare_dialog
    assert isinstance(dialog, CompareDialog) and dialog.isVisible()
    table = dialog.answers
    assert table.rowCount() > 10
    labels = [table.item(r, 0).text() for r in range(table.rowCount())]
    row = labels.index("Who runs the system?")
    assert table.item(row, 1).text().startswith("A private company")
    assert table.item(row, 2).text().startswith("The police")
    assert table.item(row, 1).background().color() == QColor(CHANGED)
    verdicts = {
        dialog.verdicts.item(r, 0).text(): dialog.verdicts.item(r, 2).text()
        for r in range(dialog.verdicts.rowCount())
    }
    assert verdicts["Civil-society red lines: ban biometric mass surveillance"] == "Red line"
    question = table.item(row, 0).data(0x0100)
    table.selectRow(row)
    dialog.go_button.click()
    assert window.current_section == window.document.compiled.entries[question].section.id


def test_compare_with_a_file_that_is_not_an_assessment_says_why(qtbot, make_window, tmp_path) -> None:
    window = make_window(shipped_library(), files=None, examples_dir=EXAMPLES)
    assert window.open_path(STADIUM)
    bad = tmp_path / "notes.pia.json"
    bad.write_text("{", encoding="utf-8")
    window.prompts.open_answer = bad
    assert not window.compare_with()
    assert window.prompts.errors and window.prompts.errors[-1][0] == "Cannot compare"


def test_save_as_scenario_writes_a_linked_copy_and_keeps_the_original_open(
    qtbot, make_window, tmp_path
) -> None:
    origin = tmp_path / "stadium.pia.json"
    shutil.copy(STADIUM, origin)
    window = make_window(shipped_library(), files=None, examples_dir=EXAMPLES)
    assert window.open_path(origin)
    window.prompts.scenario_answer = "without consent"
    target = tmp_path / "scenario.pia.json"
    window.prompts.save_answers = [target]
    assert window.save_as_scenario()
    assert window.document.path == origin  # the original stays open
    scenario = load_assessment_file(target).assessment
    assert scenario.scenario is not None and scenario.scenario.name == "without consent"
    assert scenario.scenario.origin_file == "stadium.pia.json"
    assert scenario.answers == window.document.assessment.answers
    # Compared with its origin, it differs in nothing but its title.
    window.prompts.open_answer = target
    assert window.compare_with()
    assert window.compare_dialog.answers.rowCount() == 0
    # A scenario never replaces its origin.
    window.prompts.save_answers = [origin]
    assert not window.save_as_scenario()
    assert window.prompts.errors[-1][0] == "Cannot save here"
