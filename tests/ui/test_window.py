"""The main window driven like a person would, on the fixture questionnaire and the ladder rulebook.

The ladder reaches every verdict (tests/core/test_engine.py): "Several" including Red makes it apply,
and "Pick" = B crosses its red line unless both gates are shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from pia_wizard.core.models.assessment import Evidence
from pia_wizard.ui.evidence_dialog import EvidenceInput
from pia_wizard.ui.section_list import DETAILS
from pia_wizard.ui.section_page import DetailsPage, SectionPage

from .helpers_ui import answers, card, choose, click, focus, type_into, wait_explored


def test_three_panes_are_built_from_the_questionnaire(window) -> None:
    editor = window.editor
    titles = [
        editor.section_list.item(row).text().splitlines()[0] for row in range(editor.section_list.count())
    ]
    assert titles == ["Assessment details", "1. First", "2. Only for b", "3. Sites", "4. Accuracy"]
    assert window.current_section == "s_a"
    assert isinstance(window.page, SectionPage)
    assert list(window.page.cards) == ["q_choice", "q_multi", "q_yes", "q_num", "q_text", "q_date"]
    assert list(editor.verdicts.views) == ["ladder"]
    assert window.windowTitle() == "Untitled assessment[*] — pia-wizard"


def test_answering_turns_the_badge_red_line_and_why_shows_the_triggering_answers(qtbot, window) -> None:
    badge = lambda: window.editor.verdicts.views["ladder"].badge  # noqa: E731
    assert badge().verdict == "insufficient_information"
    choose(qtbot, window, "q_multi", "red")
    choose(qtbot, window, "q_choice", "b")
    assert badge().verdict == "red_line"  # at once, without waiting for the explored evaluation
    assert badge().text() == "RED LINE"
    view = window.editor.verdicts.views["ladder"]
    assert view.summary.text() == "A red line is crossed: No b."

    click(qtbot, view.why)
    assert view.findings_box.isVisible()
    finding = view.findChild(QLabel, "finding:RL")
    assert finding is not None and "No b" in finding.text()
    links = [b.full_text for b in view._finding_links.buttons]
    assert "Pick — B" in links and "B one — not answered" in links

    # A triggering answer jumps to its question: the section opens and the question has the focus.
    b_one = next(b for b in view._finding_links.buttons if b.full_text == "B one — not answered")
    click(qtbot, b_one)
    assert window.current_section == "s_b"
    assert focus().objectName() == "answer:q_b1:yes"
    assert window.page.cards["q_b1"].property("highlight") is True


def test_gaps_and_counterfactuals_arrive_later_and_jump_to_questions(qtbot, window) -> None:
    choose(qtbot, window, "q_multi", "red")
    choose(qtbot, window, "q_choice", "b")
    assert window.evaluator.latest.rulebooks[0].gaps == ()  # the instant evaluation does not explore
    wait_explored(qtbot, window)
    view = window.editor.verdicts.views["ladder"]
    gaps = [b.full_text for b in view._gap_links.buttons]
    assert {"Please state: B one", "Please state: B two"} <= set(gaps)
    assert view.changes_button.text().startswith("What would change this? (")
    assert any("Pick" in b.full_text for b in view._change_links.buttons)
    click(qtbot, view.gaps_button)
    click(qtbot, view._gap_links.buttons[gaps.index("Please state: B two")])
    assert window.current_section == "s_b"


def test_figures_and_inconsistencies_are_shown(qtbot, window) -> None:
    type_into(qtbot, window, "q_people", "1000")
    type_into(qtbot, window, "q_watch", "500")
    type_into(qtbot, window, "q_rate", "0.0001")
    choose(qtbot, window, "q_unit", "comparison")
    pane = window.editor.verdicts
    assert pane.figure_labels["false_alerts_per_day"].text().startswith("about 50 false alerts per day")
    choose(qtbot, window, "q_choice", "a")  # a single choice of a with a large watchlist: inconsistent
    assert pane.inconsistency_box.isVisibleTo(window)
    assert any("Pick" in b.full_text for b in pane._inconsistency_links.buttons)


def test_sections_are_skipped_and_shown_as_answers_change(qtbot, window) -> None:
    section_list = window.editor.section_list
    item = section_list.section_item("s_b")
    assert item.flags() & Qt.ItemFlag.ItemIsEnabled  # unknown shows: ignorance never hides a section
    choose(qtbot, window, "q_choice", "a")
    assert not item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "skipped" in item.text()
    assert "Earlier answers make this section irrelevant" in item.toolTip()
    assert window.section_order() == [DETAILS, "s_a", "s_c", "s_d"]
    choose(qtbot, window, "q_choice", "b")
    assert item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert window.section_order() == [DETAILS, "s_a", "s_b", "s_c", "s_d"]
    # Inside a section, a question hidden by an earlier answer is hidden.
    window.go_to_section("s_b")
    assert window.page.cards["q_b2"].isVisibleTo(window.page)  # shown while "B one" is unanswered
    choose(qtbot, window, "q_b1", False)
    assert not window.page.cards["q_b2"].isVisibleTo(window.page)
    choose(qtbot, window, "q_b1", True)
    assert window.page.cards["q_b2"].isVisibleTo(window.page)


def test_next_and_previous_go_to_the_next_visible_section(qtbot, window) -> None:
    choose(qtbot, window, "q_choice", "a")  # skips s_b
    window.go_to_section("s_a")
    click(qtbot, window.editor.next_button)
    assert window.current_section == "s_c"
    qtbot.keyClick(focus(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section == "s_d"
    assert not window.editor.next_button.isEnabled()
    qtbot.keyClick(focus(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section == "s_c"
    click(qtbot, window.editor.previous_button)
    assert window.current_section == "s_a"
    click(qtbot, window.editor.previous_button)
    assert window.current_section == DETAILS
    assert not window.editor.previous_button.isEnabled()


def test_every_question_type_takes_answers_and_unknown(qtbot, window) -> None:
    choose(qtbot, window, "q_choice", "a")
    choose(qtbot, window, "q_multi", "red")
    choose(qtbot, window, "q_multi", "blue")
    choose(qtbot, window, "q_yes", False)
    type_into(qtbot, window, "q_num", "42")
    type_into(qtbot, window, "q_text", "planned")
    type_into(qtbot, window, "q_date", "2025-06-01")
    assert answers(window) == {
        "q_choice": "a",
        "q_multi": ("red", "blue"),
        "q_yes": False,
        "q_num": 42,
        "q_text": "planned",
        "q_date": "2025-06-01",
    }
    click(qtbot, card(window, "q_num").unknown)
    assert answers(window)["q_num"] == "UNKNOWN"
    assert card(window, "q_num").input.line.text() == ""
    click(qtbot, card(window, "q_text").clear)
    assert "q_text" not in answers(window)
    choose(qtbot, window, "q_multi", "red")
    choose(qtbot, window, "q_multi", "blue")
    assert "q_multi" not in answers(window)  # nothing checked is no answer


def test_a_refused_value_is_explained_under_the_input(qtbot, window) -> None:
    type_into(qtbot, window, "q_num", "2.5")
    problem = card(window, "q_num").problem
    assert problem.isVisibleTo(window) and "whole number" in problem.text()
    type_into(qtbot, window, "q_num", "")
    card(window, "q_num").input.line.clear()
    type_into(qtbot, window, "q_num", "5000")
    assert "above the largest answer" in problem.text()
    assert "q_num" not in answers(window)
    card(window, "q_num").input.line.clear()
    type_into(qtbot, window, "q_num", "12")
    assert not problem.isVisibleTo(window)
    assert answers(window)["q_num"] == 12


def test_repeatable_group_items_are_added_answered_and_removed(qtbot, window) -> None:
    group_card = card(window, "g_sites")
    click(qtbot, group_card.group_editor.add_button)
    click(qtbot, group_card.group_editor.add_button)
    editor = group_card.group_editor
    assert len(editor.inputs) == 2
    few = editor.inputs[0]["q_site_people"][1]
    qtbot.keyClicks(few.line, "50")
    qtbot.keyClick(few.line, Qt.Key.Key_Return)
    name = editor.inputs[1]["q_site_name"][1]
    name.line.setFocus()
    qtbot.keyClicks(name.line, "Market square")
    qtbot.keyClick(name.line, Qt.Key.Key_Return)
    people = editor.inputs[1]["q_site_people"][1]
    qtbot.keyClicks(people.line, "250")
    qtbot.keyClick(people.line, Qt.Key.Key_Return)
    # "Why" is only asked where more than 100 people pass.
    assert editor.inputs[1]["q_site_note"][1].isVisibleTo(window)
    assert not editor.inputs[0]["q_site_note"][1].isVisibleTo(window)
    click(qtbot, editor.inputs[0]["q_site_people"][2])  # Unknown for site 1
    items = window.document.assessment.answers["g_sites"].value
    assert items[0]["q_site_people"].unknown
    assert editor.inputs[0]["q_site_note"][1].isVisibleTo(window)  # unknown shows the question
    assert items[1]["q_site_name"].value == "Market square" and items[1]["q_site_people"].value == 250
    click(qtbot, editor.remove_buttons[0])
    items = window.document.assessment.answers["g_sites"].value
    assert len(items) == 1 and items[0]["q_site_name"].value == "Market square"


def test_note_with_private_flag_and_evidence_list(qtbot, window) -> None:
    found = card(window, "q_choice")
    click(qtbot, found.note_button)
    panel = found.note_panel
    assert panel.isVisibleTo(window)
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "Asked twice, no reply.")
    click(qtbot, panel.private)  # leaving the note commits it; the flag commits at once
    note = window.document.assessment.answers["q_choice"].note
    assert (note.text, note.private) == ("Asked twice, no reply.", True)

    panel.add_evidence(
        EvidenceInput({"title": "Council minutes", "address": "https://example.org/m", "confidence": 3}, None)
    )
    panel.add_evidence(EvidenceInput({"title": "Vendor brochure", "confidence": 1}, None))
    assert panel.evidence_list.count() == 2
    panel.evidence_list.setCurrentRow(1)
    panel.edit_evidence(EvidenceInput({"title": "Vendor brochure 2024", "confidence": 1}, None))
    evidence = window.document.assessment.answers["q_choice"].evidence
    assert [e.title for e in evidence] == ["Council minutes", "Vendor brochure 2024"]
    panel.evidence_list.setCurrentRow(0)
    click(qtbot, panel.remove_button)
    assert [e.title for e in window.document.assessment.answers["q_choice"].evidence] == [
        "Vendor brochure 2024"
    ]
    assert found.note_button.text() == "Note and evidence: a note and 1 document"
    assert "a note and 1 document" in found.note_button.accessibleName()


def test_group_items_carry_their_own_notes_and_evidence(qtbot, window) -> None:
    editor = card(window, "g_sites").group_editor
    click(qtbot, editor.add_button)
    click(qtbot, editor.add_button)
    button, slot = editor.notes[1]["q_site_people"]
    assert not slot.isVisibleTo(window) and slot.focus_widgets() == [], "built only when opened"
    click(qtbot, button)
    panel = slot.panel
    assert panel.isVisibleTo(window)
    assert "Site 2" in panel.note.accessibleName() and "people" in panel.note.accessibleName().lower()
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "Head-count from the vendor.")
    click(qtbot, panel.private)
    panel.add_evidence(EvidenceInput({"title": "Vendor sheet", "confidence": 1}, None))
    panel.add_evidence(EvidenceInput({"title": "Council paper", "confidence": 3}, None))
    panel.evidence_list.setCurrentRow(0)
    panel.edit_evidence(EvidenceInput({"title": "Vendor sheet v2", "confidence": 2}, None))
    panel.evidence_list.setCurrentRow(1)
    click(qtbot, panel.remove_button)

    def site(index: int):  # type: ignore[no-untyped-def]
        return window.document.assessment.answers["g_sites"].value[index].get("q_site_people")

    assert site(0) is None, "the other site is untouched"
    answer = site(1)
    assert (answer.note.text, answer.note.private) == ("Head-count from the vendor.", True)
    assert [(e.title, e.confidence) for e in answer.evidence] == [("Vendor sheet v2", 2)]
    assert button.text() == "Note and evidence: a note and 1 document"
    # Undo takes back the removal, then the edit; redo puts them back.
    window.undo_action.trigger()
    assert [e.title for e in site(1).evidence] == ["Vendor sheet v2", "Council paper"]
    window.undo_action.trigger()
    assert [e.title for e in site(1).evidence] == ["Vendor sheet", "Council paper"]
    assert editor.notes[1]["q_site_people"][1].panel.evidence_list.count() == 2
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert [e.title for e in site(1).evidence] == ["Vendor sheet v2"]
    # Every new field is in the tab chain of its card; the toggle is on the Note key (Question menu).
    chain = card(window, "g_sites").focus_widgets()
    assert panel.note in chain and panel.add_button in chain
    assert button not in chain and button.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_evidence_dialog_checks_fields_and_embeds_a_file(qtbot, tmp_path) -> None:
    from pia_wizard.ui.evidence_dialog import EvidenceDialog

    dialog = EvidenceDialog("Pick", None, {})
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result_value is None and "title" in dialog.problem.text()
    dialog.title.setText("Sign at the entrance")
    dialog.address.setText("ftp://nope")
    dialog.accept()
    assert "http" in dialog.problem.text()
    dialog.address.setText("https://example.org/sign")
    photo = tmp_path / "sign.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg")
    assert dialog.attach_file(photo)
    # The address typed before is kept, and can still be edited: a copy and where it came from.
    assert dialog.address.isEnabled() and dialog.address.text() == "https://example.org/sign"
    dialog.accessed.setText("2026-11-02")
    dialog.confidence.setCurrentIndex(4)
    dialog.accept()
    result = dialog.result_value
    assert result is not None and result.attachment is not None
    assert result.attachment.file_name == "sign.jpg" and result.attachment.media_type == "image/jpeg"
    assert result.fields["confidence"] == 4 and result.fields["address"] == "https://example.org/sign"


def test_evidence_through_the_dialog_is_embedded_with_its_hash(qtbot, window, tmp_path) -> None:
    from PySide6.QtCore import QTimer

    from pia_wizard.ui.evidence_dialog import EvidenceDialog

    photo = tmp_path / "sign.png"
    photo.write_bytes(b"\x89PNG fake")
    panel = card(window, "q_yes").note_panel

    def fill() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, EvidenceDialog) and w.isVisible()]
        if not shown:
            QTimer.singleShot(10, fill)
            return
        dialog = shown[0]
        qtbot.keyClicks(dialog.title, "Photo of the sign")
        qtbot.keyClicks(dialog.address, "https://example.org/sign-photo")
        dialog.attach_file(photo)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # OK, the dialog's default button

    choose(qtbot, window, "q_yes", True)
    QTimer.singleShot(0, fill)
    panel.add_evidence()
    assessment = window.document.assessment
    (evidence,) = assessment.answers["q_yes"].evidence
    assert isinstance(evidence, Evidence) and evidence.attachment in assessment.attachments
    assert assessment.attachments[evidence.attachment].file_name == "sign.png"
    assert evidence.address == "https://example.org/sign-photo"
    assert "https://example.org/sign-photo" in panel.evidence_list.item(0).text()

    # Both reach a report: the annex lists the address and the embedded file.
    from pia_wizard.report.options import ReportOptions
    from pia_wizard.report.render import prepare_report

    report = prepare_report(
        assessment,
        window.document.compiled,
        window.library,
        ReportOptions(template="briefing"),
        date=window.today(),
    )
    assert "https://example.org/sign-photo" in report.html and "sign.png" in report.html


def test_metadata_is_edited_on_the_details_page(qtbot, window) -> None:
    window.go_to_section(DETAILS)
    page = window.page
    assert isinstance(page, DetailsPage)
    title = page.fields["title"]
    title.setFocus()
    qtbot.keyClicks(title, "Stadium cameras")
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.date, "2030-06-01")
    qtbot.keyClick(page.date, Qt.Key.Key_Return)
    metadata = window.document.assessment.metadata
    assert metadata.title == "Stadium cameras" and str(metadata.assessment_date) == "2030-06-01"
    assert window.windowTitle().startswith("Stadium cameras[*]")
    assert "1 June 2030, the assessment date" in window.editor.verdicts.date_label.text()
    page.date.clear()
    qtbot.keyClicks(page.date, "June")
    qtbot.keyClick(page.date, Qt.Key.Key_Return)
    assert "YYYY-MM-DD" in page.problem.text()


def test_help_unfolds_and_sources_open_the_source_table(qtbot, window) -> None:
    found = card(window, "q_choice")
    click(qtbot, found.source_buttons[0])
    dialog = window._sources_dialog
    assert dialog is not None and dialog.isVisible()
    row = dialog.table.currentRow()
    assert dialog.table.item(row, 0).text() == "AIA-3-41"
    assert dialog.table.item(row, 3).text().startswith("V")
    dialog.close()


def test_required_questions_are_flagged_inline(qtbot, window_widgets) -> None:
    window = window_widgets
    found = card(window, "w_who")
    assert (found.required.text(), found.state.text()) == ("Required", "Not answered yet")
    assert "2 required open" in window.editor.section_list.section_item("w1").text()
    choose(qtbot, window, "w_who", "police")
    assert (found.required.text(), found.state.text()) == ("Required", "Answered")
    help_button = found.help_button
    assert not found.help_label.isVisibleTo(window)
    click(qtbot, help_button)
    assert found.help_label.isVisibleTo(window)
    assert found.help_label.textFormat() == Qt.TextFormat.PlainText
    assert window.missing_required() == ["Agreed by the council", "Cameras"]


def test_many_choices_become_a_drop_down_and_long_text_a_text_box(qtbot, window_widgets) -> None:
    window = window_widgets
    from PySide6.QtWidgets import QComboBox, QPlainTextEdit

    combo = card(window, "w_country").input.combo
    assert isinstance(combo, QComboBox) and combo.count() == 15
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert answers(window)["w_country"] == "c01"
    story = card(window, "w_story").input.edit
    assert isinstance(story, QPlainTextEdit)
    story.setFocus()
    qtbot.keyClicks(story, "Cameras went up in May.")
    window.flush()
    assert answers(window)["w_story"] == "Cameras went up in May."


def test_an_item_answer_can_be_marked_unknown_and_cleared_again(qtbot, window) -> None:
    group = card(window, "g_sites").group_editor
    click(qtbot, group.add_button)
    unknown = group.inputs[0]["q_site_name"][2]
    click(qtbot, unknown)
    assert window.document.assessment.answers["g_sites"].value[0]["q_site_name"].unknown
    click(qtbot, unknown)  # unticked: back to no answer at all
    assert not unknown.isChecked()
    assert "q_site_name" not in window.document.assessment.answers["g_sites"].value[0]
    line = group.inputs[0]["q_site_name"][1].line
    qtbot.keyClicks(line, "Gate 4")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    item = window.document.assessment.answers["g_sites"].value[0]["q_site_name"]
    assert (item.value, item.unknown) == ("Gate 4", False) and not unknown.isChecked()


def test_section_list_counts_answers_in_plain_words(qtbot, window) -> None:
    choose(qtbot, window, "q_choice", "b")  # shows section B
    item = window.editor.section_list.section_item("s_b")
    assert item.text().endswith("0 of 2 answered")  # "B two" shows while "B one" is open
    choose(qtbot, window, "q_b1", False)  # now "B two" is hidden: one question, answered
    assert item.text().endswith("✓ answered")
    choose(qtbot, window, "q_b1", True)
    assert item.text().endswith("1 of 2 answered")


def test_a_job_that_ends_after_shutdown_hands_nothing_over(qtbot, window) -> None:
    """The explored evaluation runs on a thread; closing the assessment deleted the evaluator while the
    thread could still hand its result over, which crashed the process (seen in the suite: a
    segmentation fault in the hand-over). After shutdown() a job that ends hands nothing over."""
    from concurrent.futures import Future

    evaluator = window.evaluator
    wait_explored(qtbot, window)
    heard: list[object] = []
    evaluator.explored.connect(heard.append)
    late: Future = Future()
    late.set_result(evaluator.latest)
    evaluator.shutdown()
    evaluator._done(evaluator._generation, late)  # what the thread does when its job ends
    QApplication.processEvents()
    assert heard == []
