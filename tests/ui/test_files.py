"""Files in the window: save and reopen, bad files, read-only examples, unsaved changes, recent files,
undo and redo, autosave and the restore offer."""

from __future__ import annotations

import json
from dataclasses import replace

from helpers import BAD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from pia_wizard.core.load.assessment_io import assessment_bytes
from pia_wizard.ui import settings
from pia_wizard.ui.evidence_dialog import EvidenceInput
from pia_wizard.ui.prompts import Prompts
from pia_wizard.ui.recovery import orphans

from .helpers_ui import answers, card, choose, click, type_into


def _fill(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, window, "q_multi", "red")
    choose(qtbot, window, "q_choice", "b")
    type_into(qtbot, window, "q_num", "120")
    click(qtbot, card(window, "q_text").unknown)
    panel = card(window, "q_choice").note_panel
    panel.note.setPlainText("Asked twice, no reply.")
    panel.private.setChecked(True)
    panel.flush()
    panel._commit_note()
    panel.add_evidence(
        EvidenceInput(
            {"title": "Council minutes", "address": "https://example.org/m", "quote": "…", "confidence": 3},
            None,
        )
    )
    group = card(window, "g_sites").group_editor
    click(qtbot, group.add_button)
    site = group.inputs[0]["q_site_name"][1]
    qtbot.keyClicks(site.line, "Market square")
    qtbot.keyClick(site.line, Qt.Key.Key_Return)
    site_button, site_slot = group.notes[0]["q_site_name"]
    click(qtbot, site_button)
    site_panel = site_slot.panel
    site_panel.note.setPlainText("Name from the tender.")
    site_panel._commit_note()
    site_panel.add_evidence(EvidenceInput({"title": "Tender annex B", "confidence": 4}, None))


def test_save_and_reopen_round_trips_answers_notes_and_evidence(
    qtbot, make_window, window, library, tmp_path
) -> None:
    _fill(qtbot, window)
    target = tmp_path / "stadium"
    window.prompts.save_answers = [target]
    assert window.save()
    saved = tmp_path / "stadium.pia.json"
    assert saved.exists() and window.document.path == saved
    assert window.windowTitle() == "stadium.pia.json[*] — pia-wizard" and not window.isWindowModified()
    before = window.document.assessment

    other = make_window(library)
    assert other.open_path(saved)
    after = other.document.assessment
    assert after == before
    assert after.answers["q_choice"].note.private
    assert after.answers["q_choice"].evidence[0].title == "Council minutes"
    assert after.answers["q_text"].unknown
    site = after.answers["g_sites"].value[0]["q_site_name"]
    assert site.value == "Market square" and site.note.text == "Name from the tender."
    assert [(e.title, e.confidence) for e in site.evidence] == [("Tender annex B", 4)]
    # The widgets show what was loaded.
    assert card(other, "q_num").input.line.text() == "120"
    assert card(other, "q_choice").note_panel.private.isChecked()
    site_button, site_slot = card(other, "g_sites").group_editor.notes[0]["q_site_name"]
    assert site_button.text() == "Note and evidence: a note and 1 document", "counted before it is built"
    site_panel = site_slot.panel
    assert site_panel.note.toPlainText() == "Name from the tender."
    assert site_panel.evidence_list.count() == 1
    assert site_button.text() == "Note and evidence: a note and 1 document"
    assert settings.recent_files()[0] == saved.resolve()
    other.close()


def test_title_shows_the_modified_marker(qtbot, window, tmp_path) -> None:
    assert not window.isWindowModified()
    choose(qtbot, window, "q_choice", "a")
    assert window.isWindowModified()
    window.prompts.save_answers = [tmp_path / "a.pia.json"]
    window.save()
    assert not window.isWindowModified()
    choose(qtbot, window, "q_choice", "b")
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert not window.isWindowModified()  # back to what is on disk


def test_undo_and_redo_answers_notes_and_evidence(qtbot, window) -> None:
    choose(qtbot, window, "q_choice", "a")
    choose(qtbot, window, "q_choice", "b")
    panel = card(window, "q_choice").note_panel
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "First note")
    panel.flush()
    panel.add_evidence(EvidenceInput({"title": "Minutes", "confidence": 2}, None))
    assert window.undo_action.text() == "&Undo evidence on “Pick”"

    window.undo_action.trigger()
    assert panel.evidence_list.count() == 0
    window.undo_action.trigger()
    assert panel.note.toPlainText() == "" and window.document.assessment.answers["q_choice"].note is None
    window.undo_action.trigger()
    assert answers(window)["q_choice"] == "a"
    assert card(window, "q_choice").input.buttons["a"].isChecked()
    window.redo_action.trigger()
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert answers(window)["q_choice"] == "b"
    assert panel.note.toPlainText() == "First note" and panel.evidence_list.count() == 1
    # Ctrl+Z works from the keyboard too.
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.evidence_list.count() == 0


def test_typing_pauses_merge_into_one_undo_step(qtbot, window) -> None:
    line = card(window, "q_text").input.line
    line.setFocus()
    qtbot.keyClicks(line, "plan")
    card(window, "q_text").input._commit(quiet=True)  # a typing pause
    qtbot.keyClicks(line, "ned")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert answers(window)["q_text"] == "planned"
    window.undo_action.trigger()
    assert "q_text" not in answers(window) and line.text() == ""


def test_a_bad_file_gives_an_error_dialog_and_leaves_the_window_usable(qtbot, window) -> None:
    window.prompts = Prompts(window)  # the real dialogs
    choose(qtbot, window, "q_choice", "a")
    before = window.document
    before.undo_stack.setClean()  # so no "save changes?" question comes first
    assert not window.open_path(BAD / "wrong_answers.pia.json")
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1
    box = boxes[0]
    assert box.text() == "“wrong_answers.pia.json” cannot be opened:"
    assert "q_nope" in box.informativeText() and "zzz" in box.informativeText()
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.accept()
    assert window.document is before
    choose(qtbot, window, "q_choice", "b")
    assert answers(window)["q_choice"] == "b"


def test_each_kind_of_bad_file_is_named(qtbot, window, tmp_path) -> None:
    for name in ("truncated.pia.json", "nan.pia.json", "future.pia.json", "duplicate_key.pia.json"):
        assert not window.open_path(BAD / name)
    (tmp_path / "missing").mkdir()
    assert not window.open_path(tmp_path / "nowhere.pia.json")
    assert not window.open_path(tmp_path / "report.pdf")
    titles = [e[0] for e in window.prompts.errors]
    assert titles == ["Cannot open file"] * 6  # a report PDF too (see test_open_report.py)
    assert "newer pia-wizard" in window.prompts.errors[2][1]
    assert "file not found" in window.prompts.errors[4][1]


def test_file_name_with_markup_is_shown_literally(qtbot, window, tmp_path) -> None:
    window.prompts = Prompts(window)
    bad = tmp_path / "<b>x<br>&amp;.pia.json"
    bad.write_text("{", encoding="utf-8")
    window.open_path(bad)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert box.text() == "“<b>x<br>&amp;.pia.json” cannot be opened:"
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.accept()


def test_examples_open_read_only_and_saving_asks_for_a_new_location(qtbot, window, tmp_path) -> None:
    examples = window.examples_dir
    example = examples / "sample.pia.json"
    choose(qtbot, window, "q_choice", "a")
    example.write_bytes(assessment_bytes(window.document.assessment))
    window.document.undo_stack.setClean()
    original = example.read_bytes()

    assert window.open_path(example)
    assert window.document.read_only
    assert window.windowTitle() == "sample.pia.json (example, read-only)[*] — pia-wizard"
    banner = window.editor.example_banner
    assert banner.isVisible()  # said inside the window, not only in its title
    assert "save them as a new file" in banner.findChild(QLabel, "exampleBannerText").text()
    choose(qtbot, window, "q_choice", "b")
    window.prompts.save_answers = [examples / "mine.pia.json", tmp_path / "mine.pia.json"]
    assert not window.save()  # inside the examples folder: refused
    assert window.prompts.errors[-1][0] == "Cannot save here"
    assert window.save()
    assert window.prompts.asked.count("save:sample.pia.json") == 2
    assert example.read_bytes() == original
    assert json.loads((tmp_path / "mine.pia.json").read_text())["answers"]["q_choice"]["value"] == "b"
    assert not window.document.read_only and window.windowTitle() == "mine.pia.json[*] — pia-wizard"
    assert not banner.isVisible()


def test_save_as_proposes_the_assessments_title_as_the_file_name(qtbot, window, tmp_path) -> None:
    from pia_wizard.ui.section_list import DETAILS

    window.prompts.save_answers = [None]
    assert not window.save()
    assert window.prompts.asked[-1] == "save:assessment.pia.json"  # no title yet
    window.go_to_section(DETAILS)
    title = window.page.fields["title"]
    title.setFocus()
    qtbot.keyClicks(title, "Market square: cameras / 2027?")
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    window.prompts.save_answers = [None]
    assert not window.save_as()
    assert window.prompts.asked[-1] == "save:Market square- cameras - 2027-.pia.json"


def test_an_examples_banner_saves_a_copy_under_its_title(qtbot, window, tmp_path) -> None:
    from pia_wizard.core.answers import edits

    example = window.examples_dir / "sample.pia.json"
    titled = edits.set_metadata(window.document.assessment, title="Stadium entry")
    example.write_bytes(assessment_bytes(titled))
    assert window.open_path(example)
    save = window.editor.example_banner.findChild(QPushButton, "exampleSaveAs")
    window.prompts.save_answers = [tmp_path / "Stadium entry.pia.json"]
    click(qtbot, save)
    assert window.prompts.asked[-1] == "save:Stadium entry.pia.json"
    assert (tmp_path / "Stadium entry.pia.json").exists() and not window.document.read_only
    assert not window.editor.example_banner.isVisible()


def test_closing_with_unsaved_changes_asks(qtbot, make_window, library, tmp_path) -> None:
    window = make_window(library)
    window.new_assessment("mini")
    choose(qtbot, window, "q_choice", "a")
    window.prompts.unsaved_answer = "cancel"
    assert not window.close()
    assert window.isVisible() and window.prompts.asked == ["unsaved:Untitled assessment"]
    window.prompts.unsaved_answer = "save"
    window.prompts.save_answers = [None]  # the save dialog is cancelled: stay open
    assert not window.close()
    window.prompts.unsaved_answer = "discard"
    assert window.close()


def test_new_and_open_ask_before_dropping_unsaved_work(qtbot, window, tmp_path) -> None:
    choose(qtbot, window, "q_choice", "a")
    window.prompts.unsaved_answer = "cancel"
    assert not window.new_assessment("mini")
    assert answers(window) == {"q_choice": "a"}
    window.prompts.unsaved_answer = "discard"
    assert window.new_assessment("mini")
    assert answers(window) == {}


def test_recent_files_and_clearing_them(qtbot, window, library, tmp_path) -> None:
    for name in ("one", "two"):
        window.prompts.save_answers = [tmp_path / name]
        window.save_as()
    assert [p.name for p in settings.recent_files()] == ["two.pia.json", "one.pia.json"]
    window.close_assessment()
    assert window.start_screen.recent.count() == 2
    window._fill_recent_menu()
    assert [a.text() for a in window.recent_menu.actions()][:2] == ["two.pia.json", "one.pia.json"]
    click(qtbot, window.start_screen.clear_recent)
    assert settings.recent_files() == [] and settings.last_folder() == ""
    assert window.start_screen.recent_empty.isVisibleTo(window)


def test_autosave_writes_a_recovery_copy_that_a_clean_close_deletes(
    qtbot, make_window, library, tmp_path
) -> None:
    window = make_window(library)
    window.new_assessment("mini")
    folder = window.recovery.folder
    assert folder.is_relative_to(settings.user_data_dir())
    assert not window.autosave()  # nothing unsaved
    choose(qtbot, window, "q_choice", "b")
    assert window.autosave()
    copy = window.recovery.data_path
    assert json.loads(copy.read_text())["answers"]["q_choice"]["value"] == "b"
    assert not window.autosave()  # unchanged since
    assert orphans(folder) == []  # the running window holds its lock
    window.prompts.unsaved_answer = "discard"
    window.close()
    assert list(folder.iterdir()) == []


def test_a_recovery_copy_left_behind_is_offered_and_restored(qtbot, make_window, library, tmp_path) -> None:
    crashed = make_window(library)
    crashed.new_assessment("mini")
    choose(qtbot, crashed, "q_choice", "b")
    crashed.autosave()
    crashed.recovery._lock.unlock()  # as if its process had died
    crashed.recovery = type(crashed.recovery)(crashed.recovery.folder)  # so closing it deletes nothing

    later = make_window(library)
    later.prompts.restore_answer = "restore"
    assert later.offer_recovery()
    assert later.prompts.asked == ["restore:Untitled assessment"]
    assert answers(later) == {"q_choice": "b"}
    assert later.isWindowModified()  # restored work is not saved anywhere yet
    assert list(later.recovery.folder.glob("*.pia.json")) == [later.recovery.data_path]  # only its own copy
    later.prompts.unsaved_answer = "discard"
    later.close()
    crashed.prompts.unsaved_answer = "discard"
    crashed.close()


def test_a_recovery_copy_can_be_discarded_or_kept_for_later(qtbot, make_window, library, tmp_path) -> None:
    crashed = make_window(library)
    crashed.new_assessment("mini")
    choose(qtbot, crashed, "q_choice", "a")
    crashed.autosave()
    crashed.recovery._lock.unlock()
    folder = crashed.recovery.folder
    crashed.recovery = type(crashed.recovery)(folder)

    later = make_window(library)
    later.prompts.restore_answer = "later"
    assert not later.offer_recovery()
    assert len(orphans(folder)) == 1
    for orphan in orphans(folder):
        orphan.release()
    later.prompts.restore_answer = "discard"
    assert not later.offer_recovery()
    assert orphans(folder) == []
    later.close()
    crashed.prompts.unsaved_answer = "discard"
    crashed.close()


def test_settings_are_isolated(isolated_settings) -> None:
    assert str(settings.user_data_dir()).startswith(str(isolated_settings))
    assert settings.qsettings().fileName().startswith(str(isolated_settings))


def test_preferences_are_kept_in_the_isolated_settings(qtbot, window) -> None:
    from pia_wizard.ui.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(settings.load_preferences())
    qtbot.addWidget(dialog)
    dialog.audience.setEditText("Council briefing")
    dialog.folder.setText("/tmp/reports")
    settings.save_preferences(dialog.preferences())
    again = settings.load_preferences()
    assert (again.language, again.default_audience, again.output_folder) == (
        "en",
        "Council briefing",
        "/tmp/reports",
    )
    window.preferences = again
    window.prompts.unsaved_answer = "discard"
    window.new_assessment("mini")
    # A report's name picks the export's template but is no recipient: "Prepared for" stays empty.
    assert window.document.assessment.metadata.audience == ""
    window.preferences = replace(again, default_audience="City council")
    window.new_assessment("mini")
    assert window.document.assessment.metadata.audience == "City council"
    assert not window.isWindowModified()  # a default, not an edit


def test_window_size_and_pane_widths_are_remembered(qtbot, make_window, library) -> None:
    first = make_window(library)
    first.new_assessment("mini")
    first.resize(760, 540)  # within the offscreen screen (restoreGeometry keeps windows on it)
    first.editor.splitter.setSizes([240, 260, 260])
    widths = first.editor.splitter.sizes()
    first.close()
    assert settings.window_geometry() is not None and settings.pane_widths() is not None

    second = make_window(library)
    assert (second.width(), second.height()) == (760, 540)
    second.new_assessment("mini")
    qtbot.waitUntil(lambda: second.editor.splitter.sizes() == widths)


def test_the_start_up_placeholder_reads_the_geometry_the_window_saved(qtbot, make_window, library) -> None:
    from pia_wizard.ui.launch import remembered_geometry

    assert remembered_geometry() is None
    first = make_window(library)
    first.resize(700, 500)
    first.close()
    assert remembered_geometry() == settings.window_geometry() is not None
