"""Help › About, the window's icon, the notice that the rules have aged, and files opened by an event
(issue 17): real windows and dialogs, driven through their menus and events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QLabel

from pia_wizard import __version__
from pia_wizard.ui.about_dialog import AboutDialog
from pia_wizard.ui.app_icon import SIZES, app_icon
from pia_wizard.ui.file_open import FileOpenEvents

from .conftest import TODAY

RULES_DATE = dt.date(2026, 11, 23)  # rules_as_of of the fixture rulebooks


def _about(qtbot, window) -> AboutDialog:  # type: ignore[no-untyped-def]
    window.about_action.trigger()
    qtbot.waitUntil(
        lambda: window.findChild(AboutDialog) is not None and window.findChild(AboutDialog).isVisible()
    )
    return window.findChild(AboutDialog)


def test_about_shows_version_licence_rules_date_and_where_data_lives(qtbot, make_window, library) -> None:
    window = make_window(library)
    dialog = _about(qtbot, window)
    summary = dialog.summary.text()
    assert f"Version {__version__}" in summary
    assert "GNU General Public License, version 3 or later" in summary
    assert "The rules rest on legal sources up to 23 November 2026." in summary
    places = dialog.places.text()
    settings_file = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "pia-wizard", "pia-wizard"
    )
    assert f"Settings and recent files: {settings_file.fileName()}" in places
    assert f"Unsaved work kept for recovery: {window.recovery.folder}" in places
    assert "Your assessments: wherever you save them" in places
    assert "questionnaires and rules:" in places
    dialog.close()


def test_about_lists_third_party_software_when_its_tab_is_opened(qtbot, make_window, library) -> None:
    window = make_window(library)
    dialog = _about(qtbot, window)
    assert dialog.notices.toPlainText() == ""  # read on demand only
    dialog.tabs.setCurrentWidget(dialog.notices)
    text = dialog.notices.toPlainText()
    for name in ("PySide6_Essentials", "weasyprint", "pydantic", "GNU Lesser General Public License"):
        assert name in text
    dialog.close()


def test_closing_about_gives_the_keyboard_back_to_the_window(qtbot, make_window, library) -> None:
    window = make_window(library)
    dialog = _about(qtbot, window)
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_the_window_icon_is_the_program_icon_at_every_size(make_window, library) -> None:
    window = make_window(library)
    icon = window.windowIcon()
    assert not icon.isNull()
    assert sorted(size.width() for size in icon.availableSizes()) == list(SIZES)
    assert icon.cacheKey() == app_icon().cacheKey()
    small = icon.pixmap(16, 16).toImage()
    assert small.width() == 16  # the 16 px drawing, not a scaled-down 512
    colours = {small.pixelColor(x, y).name() for x in range(16) for y in range(16)}
    assert "#ffffff" in colours and "#e63946" in colours  # the eye and the red line survive at 16 px


def test_rules_older_than_six_months_are_pointed_out_once_without_a_dialog(make_window, library) -> None:
    window = make_window(library, today=lambda: dt.date(2027, 6, 1))
    notice = window.findChild(QLabel, "oldRulesNotice")
    assert notice is not None and notice.isVisible()
    assert "legal sources up to 23 November 2026, more than six months ago" in notice.text()
    assert window.findChildren(QLabel, "oldRulesNotice") == [notice]
    assert QApplication.activeModalWidget() is None


def test_rules_within_six_months_bring_no_notice(make_window, library) -> None:
    assert TODAY - RULES_DATE < dt.timedelta(days=183)
    window = make_window(library, today=lambda: dt.date(2027, 5, 23))  # six months to the day
    assert window.findChild(QLabel, "oldRulesNotice") is None


def test_a_file_open_event_reaches_the_callback(qapp, tmp_path: Path) -> None:
    opened: list[Path] = []
    events = FileOpenEvents(qapp, opened.append)
    try:
        target = tmp_path / "site survey.pia.json"
        QApplication.sendEvent(qapp, QFileOpenEvent(str(target)))
        assert opened == [target]
    finally:
        qapp.removeEventFilter(events)
        events.deleteLater()
