"""Nothing the program does opens an internet socket: a full headless run (validate, score, and a report
of every example: HTML for all of them, one PDF) and a window session (open an example, change an
answer, let it evaluate, save, export a PDF in the export worker process) create no AF_INET / AF_INET6
socket.

Two guards: creating an internet socket from Python fails the run at once (hardening_support's
InternetGuard), and at the end the process's open file descriptors are checked against the kernel's
TCP/UDP tables, which also sees sockets that C or C++ code (Qt, Pango, fontconfig) would have opened.
The export worker is another process: its renderer (offline_renderer.py) puts the same two guards
around the real export over there and turns anything they find into the export's error.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import socket
from pathlib import Path

import pytest
from hardening_support import internet_sockets_open, isolate_settings, no_internet, record_prompts
from helpers import ROOT

from pia_wizard.cli import main

__all__ = ["no_internet"]  # the fixture, imported to be used here

EXAMPLES = sorted((ROOT / "examples").glob("*.pia.json"))
LARGEST = max(EXAMPLES, key=lambda p: p.stat().st_size)
HAS_PROC = Path("/proc/self/fd").is_dir() and Path("/proc/net/tcp").exists()


def test_the_guard_catches_an_internet_socket_and_lets_local_ones_be(no_internet) -> None:
    with pytest.raises(PermissionError, match="forbids internet sockets"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(PermissionError):
        socket.socket()  # the default family is AF_INET
    with pytest.raises(PermissionError):
        socket.create_connection(("127.0.0.1", 9))
    assert len(no_internet.attempts) == 3
    left, right = socket.socketpair()  # AF_UNIX: fine
    left.close()
    right.close()
    no_internet.attempts.clear()


@pytest.mark.skipif(not HAS_PROC, reason="needs Linux /proc")
def test_the_proc_check_sees_an_internet_socket() -> None:
    """The second guard, without the first: a real (unconnected) TCP socket is seen in /proc."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        assert internet_sockets_open()
    assert not internet_sockets_open()


def test_a_full_headless_run_stays_offline(no_internet, tmp_path: Path, capsys) -> None:
    assert main(["validate", str(ROOT / "questionnaires"), str(ROOT / "examples")]) == 0
    for path in EXAMPLES:
        assert main(["score", str(path), "--json"]) == 0, path.name
        html = tmp_path / f"{path.name}.html"
        assert main(["report", str(path), "--html", str(html)]) == 0, path.name
        assert html.stat().st_size > 1000
    for template in ("submission", "factsheet", "information-request"):
        html = tmp_path / f"{template}.html"
        assert main(["report", str(LARGEST), "--template", template, "--html", str(html)]) == 0, template
    pdf = tmp_path / "largest.pdf"
    assert main(["report", str(LARGEST), "-o", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF-")
    capsys.readouterr()
    assert no_internet.attempts == []
    if HAS_PROC:
        assert internet_sockets_open() == []


def test_a_window_session_stays_offline(qtbot, no_internet, tmp_path: Path, monkeypatch) -> None:
    from ui.helpers_ui import answers, choose, wait_explored

    isolate_settings(tmp_path, monkeypatch)
    from pia_wizard.core.load.library import shipped_library
    from pia_wizard.ui.main_window import MainWindow

    mine = tmp_path / "mine.pia.json"  # a copy: the shipped examples open read-only
    shutil.copyfile(LARGEST, mine)
    window = MainWindow(shipped_library(), examples_dir=tmp_path / "no-examples", data_folder=tmp_path)
    qtbot.addWidget(window)
    prompts = record_prompts(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(mine)
    wait_explored(qtbot, window)
    question_id, value = _a_choice_to_change(window)
    choose(qtbot, window, question_id, value)
    assert answers(window)[question_id] == value
    assert window.document is not None and window.document.modified
    wait_explored(qtbot, window)  # the explored evaluation ran again on its thread
    assert window.evaluator is not None and window.evaluator.latest_explored is not None
    assert window.save()
    assert prompts.errors == []
    pdf = tmp_path / "briefing.pdf"
    request = window.export_request(pdf, "briefing", "en", True)
    job = window.start_export(dataclasses.replace(request, renderer="offline_renderer:render"))
    qtbot.waitUntil(lambda: not job.running, timeout=120_000)
    assert prompts.errors == [] and pdf.read_bytes().startswith(b"%PDF-")
    assert job.worker_pid is not None and job.worker_pid != os.getpid()
    assert no_internet.attempts == []
    if HAS_PROC:
        assert internet_sockets_open() == []


def test_the_export_workers_guard_reports_a_connection(qtbot, tmp_path: Path, monkeypatch) -> None:
    isolate_settings(tmp_path, monkeypatch)
    from pia_wizard.core.load.library import shipped_library
    from pia_wizard.ui.main_window import MainWindow

    window = MainWindow(shipped_library(), examples_dir=tmp_path / "no-examples", data_folder=tmp_path)
    qtbot.addWidget(window)
    prompts = record_prompts(window)
    assert window.open_path(LARGEST)
    request = window.export_request(tmp_path / "x.pdf", "briefing", "en", True)
    job = window.start_export(dataclasses.replace(request, renderer="offline_renderer:reach_out"))
    qtbot.waitUntil(lambda: not job.running, timeout=120_000)
    assert len(prompts.errors) == 1 and "reached for the network" in str(prompts.errors[0])
    assert "create_connection" in str(prompts.errors[0])


def _a_choice_to_change(window) -> tuple[str, object]:  # type: ignore[no-untyped-def]
    """A shown single-choice or yes/no question of the open assessment, and another answer for it."""
    from pia_wizard.core.rules.visibility import AnswerView

    document = window.document
    view = AnswerView(document.compiled, document.assessment.answers)
    for question_id, entry in document.compiled.entries.items():
        question = entry.question
        if entry.group is not None or not view.question_visible(question_id):
            continue
        current = document.assessment.answers.get(question_id)
        value = current.value if current is not None else None
        if question.type == "yes_no":
            return question_id, value is not True
        if question.type == "single_choice" and len(entry.choices) > 1:
            other = next(c.value for c in entry.choices if c.value != value)
            return question_id, other
    raise AssertionError("no choice question to change")
