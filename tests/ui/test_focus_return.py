"""After Preferences or Save As closes, the window has the keyboard again: Ctrl+PgDn and Ctrl+Q work
at once (without a window manager they did nothing until a click). The real dialogs run: a timer finds
the modal dialog and closes it as a person would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from pia_wizard.ui.preferences_dialog import PreferencesDialog
from pia_wizard.ui.prompts import Prompts

from .helpers_ui import focus


def when_modal(kind: type[QDialog], act: Callable[[QDialog], None]) -> list[QDialog]:
    """Run `act` on the next modal dialog of `kind` once it shows; the list gets the dialog."""
    seen: list[QDialog] = []
    tries = [0]

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            tries[0] += 1
            if tries[0] < 500:
                QTimer.singleShot(10, look)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, look)
    return seen


def _back(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The window becomes active again once the events the dialog's closing sent are handled (a
    person's next key comes after them)."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def _works_at_once(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The window is active, a control of it has the focus, and Ctrl+PgDn goes to the next section."""
    assert QApplication.activeWindow() is window
    assert isinstance(focus(), QWidget) and window.isAncestorOf(focus())
    before = window.current_section
    qtbot.keyClick(focus(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section != before


def _start(window) -> QWidget:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.go_to_section("s_a", focus=True)
    return focus()


def test_focus_returns_after_preferences(qtbot, window) -> None:
    had = _start(window)
    seen = when_modal(PreferencesDialog, lambda dialog: dialog.reject())
    window.preferences_action.trigger()
    assert seen, "the real Preferences dialog ran"
    _back(qtbot, window)
    assert focus() is had
    _works_at_once(qtbot, window)


def test_focus_returns_after_save_as(qtbot, window, tmp_path: Path) -> None:
    window.prompts = Prompts(window)
    had = _start(window)
    target = tmp_path / "kept.pia.json"

    def save(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(target))
        dialog.accept()

    seen = when_modal(QFileDialog, save)
    assert window.save_as()
    assert seen and target.exists()
    _back(qtbot, window)
    assert focus() is had
    _works_at_once(qtbot, window)


def test_focus_returns_after_a_cancelled_save_as(qtbot, window) -> None:
    window.prompts = Prompts(window)
    had = _start(window)
    seen = when_modal(QFileDialog, lambda dialog: dialog.reject())
    assert not window.save_as()
    assert seen
    _back(qtbot, window)
    assert focus() is had
    _works_at_once(qtbot, window)
