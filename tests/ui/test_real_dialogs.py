"""The real "unsaved changes" message box, driven by its buttons' roles in the close, open-another-file
and quit paths (the other window tests answer prompts with a stand-in, which would not notice Save and
Discard swapped). A timer finds the modal box while it runs and clicks one button by its role."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from pia_wizard.core.load.assessment_io import assessment_bytes
from pia_wizard.ui.prompts import Prompts

from .helpers_ui import choose

Role = QMessageBox.ButtonRole


class ModalAnswer:
    """Clicks the button with `role` in the next modal message box (or presses `key` in it), and
    records how the box was built."""

    def __init__(self, role: QMessageBox.ButtonRole | None, key: Qt.Key | None = None) -> None:
        self.role = role
        self.key = key
        self.seen: dict[str, object] = {}
        self._tries = 0
        QTimer.singleShot(0, self._answer)

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            self._tries += 1
            if self._tries < 500:  # not shown yet: look again on the next turn of the event loop
                QTimer.singleShot(10, self._answer)
            return
        roles = {box.buttonRole(b): b for b in box.buttons()}
        self.seen = {
            "text": box.text(),
            "roles": sorted(r.name for r in roles),
            "default": box.buttonRole(box.defaultButton()).name if box.defaultButton() else None,
            "escape": box.buttonRole(box.escapeButton()).name if box.escapeButton() else None,
            "labels": {r.name: b.text().replace("&", "") for r, b in roles.items()},
        }
        if self.key is not None:
            QTest.keyClick(box, self.key)
        else:
            roles[self.role].click()


def _saved_and_changed(qtbot, window, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """A document saved to a file, then changed; the real prompts from here on."""
    path = tmp_path / "mine.pia.json"
    choose(qtbot, window, "q_choice", "a")
    window.prompts.save_answers = [path]
    assert window.save()
    choose(qtbot, window, "q_choice", "b")  # unsaved: "b" is only in the window
    window.prompts = Prompts(window)
    return path


def _on_disk(path: Path) -> str:
    return json.loads(path.read_text(encoding="utf-8"))["answers"]["q_choice"]["value"]


def _check_box(seen: dict) -> None:  # type: ignore[type-arg]
    assert seen["text"] == "Save the changes to “mine.pia.json” before closing it?"
    assert seen["roles"] == ["AcceptRole", "DestructiveRole", "RejectRole"]
    assert seen["labels"] == {"AcceptRole": "Save", "DestructiveRole": "Discard", "RejectRole": "Cancel"}
    assert seen["default"] == "AcceptRole"  # Enter saves
    assert seen["escape"] == "RejectRole"  # Escape cancels: nothing is lost


PATHS = {
    "close": lambda window, other: window.close_action.trigger(),
    "open another file": lambda window, other: window.open_path(other),
    "quit": lambda window, other: window.quit_action.trigger(),
}


def _other_file(window, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.pia.json"
    other.write_bytes(assessment_bytes(window.document.assessment.model_copy(update={"answers": {}})))
    return other


@pytest.mark.parametrize("path_name", list(PATHS))
def test_save_in_the_real_box_writes_the_changes(qtbot, window, tmp_path, path_name) -> None:
    path = _saved_and_changed(qtbot, window, tmp_path)
    other = _other_file(window, tmp_path)
    answer = ModalAnswer(Role.AcceptRole)
    PATHS[path_name](window, other)
    _check_box(answer.seen)
    assert _on_disk(path) == "b"  # saved, not thrown away
    if path_name == "open another file":
        assert window.document.path == other
    elif path_name == "close":
        assert window.document is None
    else:
        assert not window.isVisible()


@pytest.mark.parametrize("path_name", list(PATHS))
def test_discard_in_the_real_box_leaves_the_file_as_it_was(qtbot, window, tmp_path, path_name) -> None:
    path = _saved_and_changed(qtbot, window, tmp_path)
    other = _other_file(window, tmp_path)
    answer = ModalAnswer(Role.DestructiveRole)
    PATHS[path_name](window, other)
    _check_box(answer.seen)
    assert _on_disk(path) == "a"
    if path_name == "quit":
        assert not window.isVisible()
    else:
        assert window.document is None or window.document.path == other


@pytest.mark.parametrize("path_name", list(PATHS))
def test_cancel_in_the_real_box_keeps_the_work_open(qtbot, window, tmp_path, path_name) -> None:
    path = _saved_and_changed(qtbot, window, tmp_path)
    other = _other_file(window, tmp_path)
    answer = ModalAnswer(Role.RejectRole)
    PATHS[path_name](window, other)
    _check_box(answer.seen)
    assert _on_disk(path) == "a"
    assert window.isVisible() and window.document is not None and window.document.path == path
    assert window.document.assessment.answers["q_choice"].value == "b" and window.document.modified


def test_enter_saves_and_escape_keeps_the_work_open(qtbot, window, tmp_path) -> None:
    """The keys a person presses without reading: Escape must never lose work, Enter saves."""
    path = _saved_and_changed(qtbot, window, tmp_path)
    ModalAnswer(None, Qt.Key.Key_Escape)
    window.close_action.trigger()
    assert window.document is not None and window.document.modified and _on_disk(path) == "a"
    ModalAnswer(None, Qt.Key.Key_Return)
    window.close_action.trigger()
    assert window.document is None and _on_disk(path) == "b"
