"""Evaluations for the window: the verdicts at once, gaps and counterfactuals a moment later.

`request(assessment)` evaluates with `explore=False` on the spot (well under a millisecond per
rulebook) and emits `evaluated`. The explored evaluation, which re-judges the assessment many times,
runs on one worker thread after a short pause in the edits; only the newest result is emitted
(`explored`), so typing never waits for it and a stale result is never shown. A thread is enough
here: the job is short and the event loop keeps turning between its bytecodes (the PDF export, which
is long, runs in a process instead).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer, Signal

from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.evaluation.results import Evaluation
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.models.rulebook import Rulebook
from pia_wizard.core.models.sources import SourcesFile
from pia_wizard.core.rules.compiled import CompiledQuestionnaire

EXPLORE_PAUSE_MS = 250


class Evaluator(QObject):
    evaluated = Signal(object)  # Evaluation without gaps and counterfactuals
    exploring = Signal()  # an explored evaluation is on its way
    explored = Signal(object)  # Evaluation with them, for the newest assessment
    failed = Signal(str)
    _finished = Signal(int, object)  # from the worker thread: generation, Evaluation or exception

    def __init__(
        self,
        compiled: CompiledQuestionnaire,
        rulebooks: Sequence[Rulebook],
        sources: SourcesFile | None,
        today: Callable[[], dt.date],
        language: str = "en",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.compiled = compiled
        self.rulebooks = tuple(rulebooks)
        self.sources = sources
        self.today = today
        self.language = language
        self.latest: Evaluation | None = None
        self.latest_explored: Evaluation | None = None
        self.date: dt.date | None = None
        self._generation = 0
        self._assessment: Assessment | None = None
        self._running = False
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pia-explore")
        # Held while the worker hands a result over and while shutdown() closes the door: once
        # shutdown() returns, no emit can start, so deleting the evaluator then is safe (an emit
        # racing the deletion crashed the process when an assessment closed while exploring).
        self._handover = threading.Lock()
        self._closed = False
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(EXPLORE_PAUSE_MS)
        self._pause.timeout.connect(self._start)
        self._finished.connect(self._on_finished)

    def evaluation_date(self, assessment: Assessment) -> tuple[dt.date, bool]:
        """The date rules are judged at, and whether it is the assessment's own (else today)."""
        if assessment.metadata.assessment_date is not None:
            return assessment.metadata.assessment_date, True
        return self.today(), False

    def request(self, assessment: Assessment) -> Evaluation:
        self._generation += 1
        self._assessment = assessment
        self.date, _own = self.evaluation_date(assessment)
        self.latest = evaluate(
            self.compiled,
            self.rulebooks,
            assessment,
            self.date,
            sources=self.sources,
            explore=False,
            language=self.language,
        )
        self.evaluated.emit(self.latest)
        if self.rulebooks:
            self.exploring.emit()
            self._pause.start()
        return self.latest

    @property
    def busy(self) -> bool:
        return self._running or self._pause.isActive()

    def _start(self) -> None:
        if self._running or self._assessment is None:
            return  # the running job's end starts the newest one
        self._running = True
        generation, assessment, date = self._generation, self._assessment, self.date
        future = self._executor.submit(
            evaluate,
            self.compiled,
            self.rulebooks,
            assessment,
            date,
            sources=self.sources,
            explore=True,
            language=self.language,
        )
        future.add_done_callback(lambda f, g=generation: self._done(g, f))

    def _done(self, generation: int, future: Future[Evaluation]) -> None:
        # On the worker thread: hand the result to the GUI thread through a queued signal.
        try:
            result: object = future.result()
        except Exception as exc:  # noqa: BLE001 - any failure is reported in the pane, not raised in a thread
            result = exc
        with self._handover:
            if self._closed:
                return
            try:
                self._finished.emit(generation, result)  # queued: posts an event, returns at once
            except RuntimeError:  # the evaluator was deleted while the job ran
                pass

    def _on_finished(self, generation: int, result: object) -> None:
        self._running = False
        if generation != self._generation:
            if not self._pause.isActive():
                self._start()
            return
        if isinstance(result, Exception):
            self.failed.emit(f"{type(result).__name__}: {result}")
            return
        if not isinstance(result, Evaluation):
            return
        self.latest_explored = result
        self.explored.emit(result)

    def shutdown(self) -> None:
        with self._handover:
            self._closed = True
        self._pause.stop()
        self._executor.shutdown(wait=False, cancel_futures=True)
