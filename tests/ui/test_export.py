"""Export: the dialog, and the job in a worker process that keeps the window's event loop turning."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import os
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from pia_wizard.ui.export import ExportDialog, without_private_notes
from pia_wizard.ui.export_worker import RENDERER

from .helpers_ui import card, choose


def _request(window, tmp_path, renderer: str):  # type: ignore[no-untyped-def]
    request = window.export_request(tmp_path / "report.pdf", "briefing", "en", True)
    return dataclasses.replace(request, renderer=renderer)


@pytest.mark.slow
def test_export_runs_in_a_worker_process_and_the_event_loop_keeps_turning(qtbot, window, tmp_path) -> None:
    choose(qtbot, window, "q_choice", "b")
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    job = window.start_export(_request(window, tmp_path, "ui.export_renderers:slow"))
    started: list[tuple[int, str]] = []
    progress: list[float] = []
    job.started.connect(lambda pid, thread: started.append((pid, thread)))
    job.progressed.connect(lambda fraction, _text: progress.append(fraction))
    qtbot.waitUntil(lambda: not job.running, timeout=60_000)
    timer.stop()

    assert started and started[0][0] != os.getpid()  # it ran in another process
    assert window.prompts.infos and "report.json" in window.prompts.infos[-1][1]
    assert progress == sorted(progress) and len(progress) >= 5
    assert (
        json.loads((tmp_path / "report.json").read_text())["assessment"]["answers"]["q_choice"]["value"]
        == "b"
    )
    # The loop kept turning: it ticked all through the worker's second of busy work, and never stopped for
    # most of it, as it would if the report were rendered on the window's thread. The bound leaves room for a
    # loaded shared machine (the figure itself is for benchmarks, not for an assert: a flaky run costs a
    # landing); it was 0.25 s and tripped on scheduling noise.
    largest_gap = max(b - a for a, b in itertools.pairwise(ticks))
    assert len(ticks) >= 10, f"the event loop ticked only {len(ticks)} times in a second's export"
    assert largest_gap < 0.9, f"the event loop stalled for {largest_gap * 1000:.0f} ms"
    assert window.progress_dialog is None


@pytest.mark.slow
def test_an_export_error_comes_back_as_a_dialog(qtbot, window, tmp_path) -> None:
    job = window.start_export(_request(window, tmp_path, "ui.export_renderers:failing"))
    qtbot.waitUntil(lambda: not job.running, timeout=60_000)
    (title, _text, details) = window.prompts.errors[-1]
    assert title == "Export failed" and "ValueError: the template broke" in details


@pytest.mark.slow
def test_an_export_can_be_cancelled(qtbot, window, tmp_path) -> None:
    job = window.start_export(_request(window, tmp_path, "ui.export_renderers:forever"))
    cancelled: list[bool] = []
    job.cancelled.connect(lambda: cancelled.append(True))
    qtbot.waitUntil(lambda: job.worker_pid is not None, timeout=60_000)
    cancel = window.progress_dialog.findChild(QPushButton)
    cancel.click()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=10_000)
    assert not job.running and not window.prompts.errors and not window.prompts.infos


def test_private_notes_never_leave_the_window(qtbot, window, tmp_path) -> None:
    panel = card(window, "q_choice").note_panel
    panel.note.setPlainText("my source's name")
    panel.private.setChecked(True)
    panel._commit_note()
    card(window, "q_yes").note_panel.note.setPlainText("public note")
    card(window, "q_yes").note_panel._commit_note()
    request = window.export_request(tmp_path / "r.pdf", "briefing", "en", True)
    assert "my source's name" not in request.assessment_json
    assert "public note" in request.assessment_json
    assert request.renderer == RENDERER and request.library_files is not None
    assert "q_choice" not in without_private_notes(window.document.assessment).answers


def test_a_final_report_needs_every_required_answer(qtbot, window_widgets, tmp_path) -> None:
    window = window_widgets
    missing = window.missing_required()
    assert missing == ["Who runs it? <i>(& why)</i>", "Agreed by the council", "Cameras"]
    dialog = ExportDialog(
        {"briefing": "Council briefing", "factsheet": "Fact sheet"}, ["en"], missing, tmp_path / "r"
    )
    qtbot.addWidget(dialog)
    assert not dialog.final.isEnabled() and dialog.draft.isChecked()
    assert "3 still open" in dialog.final_note.text()
    choices = dialog.choices()
    assert choices["draft"] is True and str(choices["output"]).endswith("r.pdf")
    complete = ExportDialog({"briefing": "Council briefing"}, ["en"], [], tmp_path / "r.pdf", "briefing")
    qtbot.addWidget(complete)
    assert complete.final.isEnabled() and complete.final.isChecked()
    assert complete.choices()["draft"] is False and complete.choices()["template"] == "briefing"


def _dialog(qtbot, tmp_path, **kwargs):  # type: ignore[no-untyped-def]
    templates = {"briefing": "Council briefing", "information-request": "Request for information"}
    dialog = ExportDialog(templates, ["en"], [], tmp_path / "r.pdf", "briefing", **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_dialog_leaves_out_each_thing_on_its_own(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, tmp_path)
    from pia_wizard.report.options import OMIT_CHOICES

    assert list(dialog.omit_boxes) == list(OMIT_CHOICES)  # every omission the CLI offers, in its order
    assert dialog.choices()["omit"] == frozenset() and dialog.letter.isHidden()
    for name, box in dialog.omit_boxes.items():
        box.setChecked(True)
        assert dialog.choices()["omit"] == {name}
        box.setChecked(False)


def test_the_letter_locks_what_it_never_carries_and_asks_for_its_details(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, tmp_path, today=dt.date(2026, 11, 23))
    dialog.omit_boxes["notes"].setChecked(True)
    dialog.template.setCurrentIndex(dialog.template.findData("information-request"))
    locked = {name for name, box in dialog.omit_boxes.items() if not box.isEnabled()}
    assert locked == {"notes", "quotes", "annex", "embedded", "files"}
    assert all(dialog.omit_boxes[name].isChecked() for name in locked)
    assert not dialog.omit_boxes["identity"].isChecked() and not dialog.letter.isHidden()
    assert dialog.letter_details()["reply_by"] == "2026-12-23"  # thirty days on, unless changed
    dialog.recipient.setText("  The data protection officer  ")
    dialog.reference.setText("FOI-7")
    dialog.legal_basis.setPlainText("Access to Information Act, s. 4")
    dialog.reply_wanted.setChecked(False)
    assert dialog.choices()["letter"] == {
        "recipient": "The data protection officer",
        "reference": "FOI-7",
        "reply_by": None,
        "legal_basis": "Access to Information Act, s. 4",
    }
    dialog.template.setCurrentIndex(dialog.template.findData("briefing"))
    assert all(box.isEnabled() for box in dialog.omit_boxes.values())
    assert dialog.choices()["omit"] == {"notes"}  # the person's own choice survives the letter
    assert dialog.choices()["letter"] == {} and dialog.letter.isHidden()


def test_the_last_export_choices_are_offered_again(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    previous = {
        "template": "information-request",
        "omit": frozenset({"identity"}),
        "letter": {"recipient": "R", "reference": "X-1", "reply_by": "2027-01-15", "legal_basis": ""},
    }
    dialog = _dialog(qtbot, tmp_path, previous=previous)
    assert dialog.choices()["template"] == "information-request"
    assert dialog.omit_boxes["identity"].isChecked()
    assert dialog.choices()["letter"] == previous["letter"]


def _pdf_text(path) -> str:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.slow
def test_the_dialog_choices_reach_the_pdf(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pia_wizard.core.answers import edits

    choose(qtbot, window, "q_choice", "b")
    panel = card(window, "q_choice").note_panel
    panel.note.setPlainText("Heard from the vendor's sales deck")
    panel._commit_note()
    window.document.edit("assessor", lambda a: edits.set_metadata(a, assessor="Jane Reporter"))

    def export(name: str, template: str, **kwargs) -> str:  # type: ignore[no-untyped-def]
        job = window.start_export(window.export_request(tmp_path / name, template, "en", True, **kwargs))
        qtbot.waitUntil(lambda: not job.running, timeout=120_000)
        assert not window.prompts.errors, window.prompts.errors
        return _pdf_text(tmp_path / name)

    everything = export("all.pdf", "briefing")
    assert "Heard from the vendor's sales deck" in everything and "Jane Reporter" in everything
    less = export("less.pdf", "briefing", omit={"notes", "identity"})
    assert "Heard from the vendor's sales deck" not in less and "Jane Reporter" not in less
    assert "Annex" in less
    letter = export(
        "letter.pdf",
        "information-request",
        letter={
            "recipient": "City Data Office",
            "reference": "FOI-7",
            "reply_by": "2027-01-15",
            "legal_basis": "Act s. 4",
        },
    )
    assert all(text in letter for text in ("City Data Office", "FOI-7", "15 January 2027", "Act s. 4"))
    assert "Heard from the vendor's sales deck" not in letter


def test_without_weasyprint_the_window_offers_a_web_page(window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    from pia_wizard.report.render import ReportError
    from pia_wizard.ui.export_worker import render_export

    monkeypatch.setitem(sys.modules, "pia_wizard.report.pdf_writer", None)  # import fails as without Pango
    request = window.export_request(tmp_path / "r.pdf", "briefing", "en", True, omit={"annex"})
    with pytest.raises(ReportError) as failure:
        render_export(request, lambda _fraction, _text: None)
    message = str(failure.value)
    assert "apt install libpango-1.0-0" in message and "ending in .html in the export dialog" in message
    assert "--html" not in message and not (tmp_path / "r.pdf").exists()

    page = window.export_request(tmp_path / "r.html", "briefing", "en", True, omit={"annex"})
    assert render_export(page, lambda _fraction, _text: None) == tmp_path / "r.html"
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Council briefing" in html and 'id="annex"' not in html


def test_the_dialog_keeps_a_web_page_name_and_makes_anything_else_a_pdf(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, tmp_path)
    for typed, kept in (("a.html", "a.html"), ("b.HTM", "b.HTM"), ("c.pdf", "c.pdf"), ("d.txt", "d.txt.pdf")):
        dialog.output.setText(str(tmp_path / typed))
        assert dialog.choices()["output"] == tmp_path / kept


def test_file_print_asks_in_a_print_dialog(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """File › Print opens the export dialog as "Print a report", its file in a temporary folder."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication

    assert window.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    seen: dict[str, str] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportDialog):
            QTimer.singleShot(10, answer)
            return
        seen["title"] = dialog.windowTitle()
        seen["button"] = dialog.findChild(QPushButton, "exportButton").text()
        seen["output"] = dialog.output.text()
        seen["format"] = "shown" if dialog.format.isVisibleTo(dialog) else "hidden"
        dialog.reject()

    QTimer.singleShot(0, answer)
    window.print_action.trigger()
    assert seen["title"] == "Print a report" and "print" in seen["button"]
    assert "pia-wizard-print" in seen["output"]
    assert seen["format"] == "hidden"  # a printed report is the PDF
    if window.export_worker is not None:
        window.export_worker.stop()


@pytest.mark.slow
def test_a_printed_report_is_handed_to_the_systems_viewer(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    job = window.start_export(_request(window, tmp_path, "ui.export_renderers:quick"), then_print=True)
    qtbot.waitUntil(lambda: not job.running, timeout=60_000)
    assert window.prompts.asked[-1] == "open-file:report.pdf"
    assert not window.prompts.infos  # no "export finished" box: the viewer opening says it
    assert "print it from there" in window.statusBar().currentMessage()


def test_the_dialog_asks_whom_a_report_is_for_and_never_offers_a_report_name(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, tmp_path, audience="City council")
    assert dialog.prepared_for.isVisible() and dialog.prepared_for.text() == "City council"
    dialog.prepared_for.setText("  Public safety committee ")
    assert dialog.choices()["prepared_for"] == "Public safety committee"
    dialog.template.setCurrentIndex(dialog.template.findData("information-request"))
    assert dialog.prepared_for.isHidden() and dialog.choices()["prepared_for"] == ""  # the letter has "To"
    for kind in ("Council briefing", "briefing", "Journalist fact sheet"):
        assert _dialog(qtbot, tmp_path, audience=kind).prepared_for.text() == ""
    again = _dialog(qtbot, tmp_path, audience="City council", previous={"prepared_for": "Regulator"})
    assert again.prepared_for.text() == "Regulator"


def test_prepared_for_reaches_the_report_and_a_report_name_never_does(window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pia_wizard.core.answers import edits
    from pia_wizard.ui.export_worker import render_export

    def page(name: str, **kwargs) -> str:  # type: ignore[no-untyped-def]
        request = window.export_request(tmp_path / name, "briefing", "en", True, omit={"annex"}, **kwargs)
        return render_export(request, lambda _fraction, _text: None).read_text(encoding="utf-8")

    window.document.edit("audience", lambda a: edits.set_metadata(a, audience="Council briefing"))
    assert "Prepared for" not in page("a.html")
    shown = page("b.html", prepared_for="Budget committee of the city council")
    assert "<dt>Prepared for</dt><dd>Budget committee of the city council</dd>" in shown
    window.document.edit("audience", lambda a: edits.set_metadata(a, audience="City council"))
    assert "<dt>Prepared for</dt><dd>City council</dd>" in page("c.html")


def test_the_dialog_offers_each_format_and_follows_the_file_name(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, tmp_path)
    assert [dialog.format.itemData(i) for i in range(dialog.format.count())] == [
        ".pdf",
        ".docx",
        ".md",
        ".html",
    ]
    assert dialog.format.currentData() == ".pdf"
    dialog.format.setCurrentIndex(dialog.format.findData(".docx"))
    assert dialog.output.text() == str(tmp_path / "r.docx")
    assert dialog.choices()["output"] == tmp_path / "r.docx"
    qtbot.keyClicks(dialog.output, "x.md")  # typed: "…/r.docxx.md"
    assert dialog.format.currentData() == ".md"
    dialog.output.setText(str(tmp_path / "notes.txt"))
    assert dialog.choices()["output"] == tmp_path / "notes.txt.md"  # the chosen format's suffix is added


def test_the_window_exports_word_and_markdown_without_weasyprint(window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    import docx

    from pia_wizard.ui.export_worker import render_export

    panel = card(window, "q_choice").note_panel
    panel.note.setPlainText("my source's name")
    panel.private.setChecked(True)
    panel._commit_note()
    card(window, "q_yes").note_panel.note.setPlainText("public note")
    card(window, "q_yes").note_panel._commit_note()
    monkeypatch.setitem(sys.modules, "pia_wizard.report.pdf_writer", None)  # as without Pango
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    word = window.export_request(tmp_path / "r.docx", "submission", "en", True)
    assert render_export(word, lambda _fraction, _text: None) == tmp_path / "r.docx"
    document = docx.Document(str(tmp_path / "r.docx"))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    text = "\n".join(
        [t for _s, t in paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    assert ("Heading 1", "1. Summary") in paragraphs and "DRAFT — not for circulation" in text
    assert "public note" in text and "my source's name" not in text
    page = window.export_request(tmp_path / "r.md", "factsheet", "en", True, omit={"notes"})
    assert render_export(page, lambda _fraction, _text: None) == tmp_path / "r.md"
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "## In short" in text and "public note" not in text and "my source" not in text
