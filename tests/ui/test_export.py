"""Export: the dialog, and the job in a worker process that keeps the window's event loop turning."""

from __future__ import annotations

import dataclasses
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
    largest_gap = max(b - a for a, b in itertools.pairwise(ticks))
    assert largest_gap < 0.25, f"the event loop stalled for {largest_gap * 1000:.0f} ms"
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
