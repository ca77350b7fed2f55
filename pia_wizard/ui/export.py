"""Export a report: the dialog (template, language, draft or final, file) and the worker process.

The job runs in a worker process started with the *spawn* method (the same on Linux, macOS and
Windows, and safe with Qt's threads), so the window's event loop keeps turning while a long report
renders. The window starts the worker when the export dialog opens, so that it has imported WeasyPrint
and found its fonts by the time the person clicks Export, and keeps it for later exports
(`ExportWorker`; the worker leaves by itself after ten idle minutes). The window polls the worker's
queue with a timer: progress, the finished file, or the error message, which the window shows in a
dialog. Cancel terminates the worker; the next export starts a new one.

A final report needs every required question answered; a draft can always be exported and is marked
DRAFT. Private notes are removed before the assessment leaves the window.
"""

from __future__ import annotations

import multiprocessing
import queue as queue_module
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core import edits
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.resources import data_dir
from pia_wizard.ui.export_worker import ExportRequest, serve
from pia_wizard.ui.text import plain_tooltip
from pia_wizard.ui.widgets import muted, path_field, plain_label

POLL_MS = 40
DEFAULT_TEMPLATE = "default"


def available_templates() -> dict[str, str]:
    """Template name → title: the report layer's templates, else the folders of report_templates/."""
    try:
        from pia_wizard.report.options import TEMPLATES
    except ImportError:
        pass
    else:
        return {name: spec.title for name, spec in TEMPLATES.items()}
    try:
        folder = data_dir("report_templates")
    except FileNotFoundError:
        return {DEFAULT_TEMPLATE: DEFAULT_TEMPLATE}
    found = sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
    return {name: name for name in found} or {DEFAULT_TEMPLATE: DEFAULT_TEMPLATE}


def without_private_notes(assessment: Assessment) -> Assessment:
    """The assessment as it may leave this computer: notes marked private removed."""
    for question_id, answer in assessment.answers.items():
        if answer.note is not None and answer.note.private:
            assessment = edits.set_note(assessment, question_id, "")
    return assessment


class ExportDialog(QDialog):
    def __init__(
        self,
        templates: dict[str, str],
        languages: Sequence[str],
        missing_required: Sequence[str],
        suggested: Path,
        default_template: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export a report"))
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.template = QComboBox(self)
        for name, title in templates.items():
            self.template.addItem(title, name)
        index = self.template.findData(default_template)
        if index < 0:  # the default audience may be a title ("Council briefing")
            index = self.template.findText(default_template)
        self.template.setCurrentIndex(max(index, 0))
        self._row(form, self.tr("&Template"), self.template)
        self.language = QComboBox(self)
        self.language.addItems(list(languages))
        self._row(form, self.tr("&Language"), self.language)

        self.draft = QRadioButton(self.tr("&Draft (marked DRAFT)"), self)
        self.draft.setAccessibleName(self.tr("Draft (marked DRAFT)"))
        self.final = QRadioButton(self.tr("&Final"), self)
        self.final.setAccessibleName(self.tr("Final"))
        group = QButtonGroup(self)
        group.addButton(self.draft)
        group.addButton(self.final)
        kind = QHBoxLayout()
        kind.addWidget(self.draft)
        kind.addWidget(self.final)
        kind.addStretch(1)
        form.addRow(self.tr("Kind:"), kind)
        self.final_note = muted(plain_label("", self))
        if missing_required:
            self.final.setEnabled(False)
            self.final_note.setText(
                self.tr("A final report needs every required answer; %1 still open.").replace(
                    "%1", str(len(missing_required))
                )
            )
            self.final_note.setToolTip(plain_tooltip("\n".join(missing_required)))
            self.draft.setChecked(True)
        else:
            self.final.setChecked(True)
        form.addRow("", self.final_note)

        label, self.output, row = path_field(
            self, self.tr("&Save to"), self.tr("Save to"), self.tr("&Browse…"), str(suggested), self._browse
        )
        form.addRow(label, row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        export = buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        export.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(muted(plain_label(self.tr("Notes marked private are never exported."), self)))
        layout.addWidget(buttons)

    def _row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(field)
        field.setAccessibleName(text.replace("&", ""))
        form.addRow(label, field)

    def _browse(self) -> None:
        text, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as"), self.output.text(), "PDF (*.pdf)"
        )
        if text:
            self.output.setText(text)

    def choices(self) -> dict[str, object]:
        output = Path(self.output.text().strip())
        if output.suffix.lower() != ".pdf":
            output = output.with_name(output.name + ".pdf")
        return {
            "template": str(self.template.currentData()),
            "language": self.language.currentText(),
            "draft": not self.final.isChecked(),
            "output": output,
        }


class ExportWorker:
    """The kept worker process and its two queues: requests in, messages out (see export_worker.serve).

    Started ahead of need (`ensure_started`) and reused; a worker that has exited, been terminated or
    left after its idle time is replaced by a new one at the next `ensure_started`."""

    def __init__(self) -> None:
        self._context = multiprocessing.get_context("spawn")
        self.process: multiprocessing.process.BaseProcess | None = None
        self.requests: multiprocessing.Queue | None = None  # type: ignore[type-arg]
        self.results: multiprocessing.Queue | None = None  # type: ignore[type-arg]
        self.ready_pid: int | None = None  # the worker that said it has warmed up

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.is_alive()

    def ensure_started(self) -> None:
        """Start a worker unless one is running (it warms up at once, in its own process)."""
        if self.alive:
            return
        self._discard()
        self.requests = self._context.Queue()
        self.results = self._context.Queue()
        self.process = self._context.Process(target=serve, args=(self.requests, self.results), daemon=True)
        self.process.start()

    def submit(self, request: ExportRequest) -> multiprocessing.Queue:  # type: ignore[type-arg]
        """Hand the worker a request (starting one if needed); its messages come on the returned queue."""
        self.ensure_started()
        if self.requests is None or self.results is None:  # ensure_started sets both
            raise RuntimeError("the export worker has no queues")
        self.requests.put(request)
        return self.results

    def terminate(self) -> None:
        """Stop the worker now, whatever it is doing (cancel)."""
        if self.process is not None and self.process.is_alive():
            self.process.terminate()

    def stop(self, timeout: float = 1.0) -> None:
        """End the worker and drop its queues (the window is closing, or an export was cancelled). It
        holds nothing worth keeping, so it is terminated rather than asked: asking would wait for a
        warm-up or an export to finish."""
        self.terminate()
        if self.process is not None:
            self.process.join(timeout)
        self._discard()

    def poll_ready(self) -> bool:
        """True once the worker has warmed up. Call only while no export runs (it reads the queue)."""
        if self.ready_pid is not None and self.process is not None and self.ready_pid == self.process.pid:
            return True
        if self.results is None:
            return False
        try:
            message = self.results.get_nowait()
        except (queue_module.Empty, OSError, EOFError, ValueError):
            return False
        if message[0] == "ready":
            self.ready_pid = int(message[1])
        return self.ready_pid is not None and self.process is not None and self.ready_pid == self.process.pid

    def _discard(self) -> None:
        if self.process is not None and not self.process.is_alive():
            self.process.join(timeout=0)  # reap it; never wait
        for queue in (self.requests, self.results):
            if queue is not None:
                queue.close()
                queue.cancel_join_thread()
        self.process = self.requests = self.results = None


class ExportJob(QObject):
    """One export in the worker process; signals arrive on the GUI thread through a polling timer."""

    started = Signal(int, str)  # the worker's process id and thread name
    progressed = Signal(float, str)
    finished = Signal(str)  # the file written
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, worker: ExportWorker | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker or ExportWorker()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._queue: multiprocessing.Queue | None = None  # type: ignore[type-arg]
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._cancelling = False
        self._ended = False
        self.worker_pid: int | None = None

    @property
    def running(self) -> bool:
        return self._process is not None and not self._ended

    def start(self, request: ExportRequest) -> None:
        self._queue = self.worker.submit(request)
        self._process = self.worker.process
        self._timer.start()

    def cancel(self) -> None:
        if self._process is not None and not self._ended:
            self._cancelling = True
            self.worker.terminate()

    def _poll(self) -> None:
        if self._queue is None or self._process is None:
            return
        while not self._ended:
            try:
                message = self._queue.get_nowait()
            except (queue_module.Empty, OSError, EOFError, ValueError):
                break
            self._handle(message)
        if self._ended:
            return
        if not self._process.is_alive():
            if self._cancelling:
                self._end()
                self.cancelled.emit()
                return
            # A last look: the worker may have put its result just before it exited.
            try:
                message = self._queue.get(timeout=0.05)
            except (queue_module.Empty, OSError, EOFError, ValueError):
                self._end()
                self.failed.emit(
                    self.tr("The export stopped unexpectedly (exit code %1).").replace(
                        "%1", str(self._process.exitcode)
                    )
                )
                return
            self._handle(message)

    def _handle(self, message: tuple) -> None:  # type: ignore[type-arg]
        kind = message[0]
        if kind == "started":
            self.worker_pid = int(message[1])
            self.started.emit(int(message[1]), str(message[2]))
        elif kind == "progress":
            self.progressed.emit(float(message[1]), str(message[2]))
        elif kind == "done":
            self._end()
            self.finished.emit(str(message[1]))
        elif kind == "error":
            self._end()
            self.failed.emit(str(message[1]))
        # ("ready", pid): the worker has warmed up; nothing to show.

    def _end(self) -> None:
        self._ended = True
        self._timer.stop()
        if self._cancelling:
            self.worker.stop()  # terminated: reap it and drop its queues
