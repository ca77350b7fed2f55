"""The kept export worker: warmed up while the export dialog is open, reused, replaced when it is gone."""

from __future__ import annotations

import dataclasses
import os
import queue
import threading
import time

import pytest
from PySide6.QtWidgets import QDialog, QPushButton

from pia_wizard.ui.export import ExportDialog
from pia_wizard.ui.export_worker import ExportRequest, serve


def _request(
    output, renderer: str = "ui.export_renderers:quick", template: str = "briefing"
) -> ExportRequest:  # type: ignore[no-untyped-def]
    return ExportRequest(
        assessment_json="{}",
        name="t.pia.json",
        output=str(output),
        template=template,
        language="en",
        draft=True,
        date="2026-01-01",
        rulebooks=(),
        renderer=renderer,
    )


def _drain(results: queue.Queue) -> list[tuple]:  # type: ignore[type-arg]
    messages = []
    while True:
        try:
            messages.append(results.get_nowait())
        except queue.Empty:
            return messages


def test_serve_runs_requests_one_after_another_until_told_to_stop(tmp_path) -> None:  # type: ignore[no-untyped-def]
    requests: queue.Queue = queue.Queue()  # type: ignore[type-arg]
    results: queue.Queue = queue.Queue()  # type: ignore[type-arg]
    requests.put(_request(tmp_path / "a.txt", template="first"))
    requests.put(_request(tmp_path / "b.txt", renderer="ui.export_renderers:failing"))
    requests.put(_request(tmp_path / "c.txt", template="third"))
    requests.put(None)
    serve(requests, results, warm=False, watch_seconds=0.01)  # returns: it was told to stop
    kinds = [m[0] for m in _drain(results)]
    one_done = ["started", "progress", "done"]
    assert kinds == ["ready", *one_done, "started", "progress", "error", *one_done]
    assert (tmp_path / "a.txt").read_text() == "first" and (tmp_path / "c.txt").read_text() == "third"
    assert not (tmp_path / "b.txt").exists()


def test_an_idle_worker_leaves_by_itself() -> None:
    requests: queue.Queue = queue.Queue()  # type: ignore[type-arg]
    results: queue.Queue = queue.Queue()  # type: ignore[type-arg]
    thread = threading.Thread(
        target=serve,
        args=(requests, results),
        kwargs={"warm": False, "idle_seconds": 0.1, "watch_seconds": 0.02},
    )
    began = time.monotonic()
    thread.start()
    thread.join(timeout=10)
    assert not thread.is_alive() and 0.1 <= time.monotonic() - began < 5
    assert _drain(results) == [("ready", os.getpid())]


def test_a_failed_warm_up_still_serves_and_the_export_reports_the_problem(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pia_wizard.report.render as render

    def broken(root=None):  # type: ignore[no-untyped-def]
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(render, "warm_up", broken)
    requests: queue.Queue = queue.Queue()  # type: ignore[type-arg]
    results: queue.Queue = queue.Queue()  # type: ignore[type-arg]
    requests.put(_request(tmp_path / "a.txt", renderer="ui.export_renderers:failing"))
    requests.put(None)
    serve(requests, results, watch_seconds=0.01)
    messages = _drain(results)
    assert messages[0][0] == "ready" and messages[-1] == ("error", "ValueError: the template broke")


def test_the_real_warm_up_prints_a_page_with_the_report_fonts() -> None:
    import pia_wizard.report.templates as templates
    from pia_wizard.report.render import warm_up

    templates._environment.cache_clear()
    warm_up()
    compiled = templates.environment().cache
    assert compiled is not None and {key[1] for key in compiled} >= {
        f"{name}/template.html.j2" for name in templates.available_templates()
    }


@pytest.mark.slow
def test_the_worker_starts_when_the_export_dialog_opens_and_is_kept(
    qtbot, window, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    seen: list[bool] = []

    def cancel_at_once(dialog):  # type: ignore[no-untyped-def]
        seen.append(window.export_worker is not None and window.export_worker.alive)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ExportDialog, "exec", cancel_at_once)
    window.export_report()
    assert seen == [True]  # started before the dialog showed
    worker = window.export_worker
    qtbot.waitUntil(worker.poll_ready, timeout=60_000)  # warmed up: WeasyPrint imported, fonts found
    first_pid = worker.process.pid

    pids = []
    for name in ("one", "two"):
        request = dataclasses.replace(
            window.export_request(tmp_path / f"{name}.txt", name, "en", True),
            renderer="ui.export_renderers:quick",
        )
        job = window.start_export(request)
        qtbot.waitUntil(lambda job=job: not job.running, timeout=60_000)
        assert not window.prompts.errors, window.prompts.errors
        assert (tmp_path / f"{name}.txt").read_text() == name
        pids.append(job.worker_pid)
    assert pids == [first_pid, first_pid]  # one process served the dialog's warm-up and both exports

    process = worker.process
    window.close()
    assert not process.is_alive() and window.export_worker.process is None


@pytest.mark.slow
def test_after_a_cancel_the_next_export_gets_a_new_worker(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    job = window.start_export(
        dataclasses.replace(_request(tmp_path / "x"), renderer="ui.export_renderers:forever")
    )
    qtbot.waitUntil(lambda: job.worker_pid is not None, timeout=60_000)
    cancelled_pid = job.worker_pid
    window.progress_dialog.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    assert window.export_worker.process is None  # terminated and dropped

    request = dataclasses.replace(
        window.export_request(tmp_path / "again.txt", "again", "en", True),
        renderer="ui.export_renderers:quick",
    )
    again = window.start_export(request)
    qtbot.waitUntil(lambda: not again.running, timeout=60_000)
    assert (tmp_path / "again.txt").read_text() == "again"
    assert again.worker_pid not in (None, cancelled_pid)


@pytest.mark.slow
def test_a_worker_that_died_between_exports_is_replaced(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    worker = window.ensure_export_worker()
    worker.ensure_started()
    worker.process.kill()
    worker.process.join(10)
    request = dataclasses.replace(
        window.export_request(tmp_path / "after.txt", "after", "en", True),
        renderer="ui.export_renderers:quick",
    )
    job = window.start_export(request)
    qtbot.waitUntil(lambda: not job.running, timeout=60_000)
    assert not window.prompts.errors and (tmp_path / "after.txt").read_text() == "after"
