"""The window and answers that mean nothing: a refused file gives a dialog in plain words, a file with
answers to hidden questions opens with a visible warning, and "None of these" cannot be ticked with
another choice (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from pia_wizard.core.load.library import shipped_library
from pia_wizard.ui.prompts import Prompts

from .helpers_ui import answers, button, card, click


def _mini_file(tmp_path: Path, answers: dict[str, Any]) -> Path:
    path = tmp_path / "case.pia.json"
    data = {"schema_version": 1, "questionnaire": {"id": "mini", "version": "1.0"}, "answers": answers}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _shown_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_a_meaningless_answer_is_refused_with_a_dialog_in_plain_words(qtbot, window, tmp_path: Path) -> None:
    window.prompts = Prompts(window)  # the real dialogs
    before = window.document
    path = _mini_file(tmp_path, {"q_yes": {"unknown": "yes"}})
    assert not window.open_path(path)
    (box,) = _shown_boxes()
    assert box.text() == "“case.pia.json” cannot be opened:"
    assert 'expected true or false (without quotes), not "yes"' in box.informativeText()
    assert "Input should" not in box.informativeText() + box.detailedText()
    box.accept()
    assert window.document is before


def test_answers_to_hidden_questions_open_with_a_visible_warning(qtbot, window, tmp_path: Path) -> None:
    window.prompts = Prompts(window)
    path = _mini_file(tmp_path, {"q_choice": {"value": "a"}, "q_b1": {"value": True}})
    assert window.open_path(path)
    assert window.document is not None and window.document.path == path
    assert answers(window) == {"q_choice": "a", "q_b1": True}  # kept, not dropped
    (box,) = _shown_boxes()
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.windowTitle() == "Answers not used"
    assert box.text() == "Some answers in “case.pia.json” are kept but not used:"
    assert box.informativeText().startswith(
        "• “B one” — kept but not used: the section “Only for b” is skipped because of earlier answers"
    )
    assert "q_b1" not in box.text() + box.informativeText()  # the place in the file is for the CLI
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.accept()


def test_a_file_whose_answers_are_all_used_opens_without_a_word(qtbot, window, tmp_path: Path) -> None:
    window.prompts = Prompts(window)
    assert window.open_path(_mini_file(tmp_path, {"q_choice": {"value": "b"}, "q_b1": {"value": True}}))
    assert _shown_boxes() == []


def test_none_of_these_and_another_choice_untick_each_other(qtbot, make_window) -> None:
    library = shipped_library()
    window = make_window(library, files=None)
    window.new_assessment("biometric-deployment")
    card(window, "q211")
    click(qtbot, button(window, "answer:q211:workplace"))
    click(qtbot, button(window, "answer:q211:education"))
    assert answers(window)["q211"] == ("workplace", "education")
    click(qtbot, button(window, "answer:q211:none"))
    assert answers(window)["q211"] == ("none",)
    assert not button(window, "answer:q211:workplace").isChecked()
    click(qtbot, button(window, "answer:q211:health"))
    assert answers(window)["q211"] == ("health",)
    assert not button(window, "answer:q211:none").isChecked()
    window.document.undo_stack.setClean()
