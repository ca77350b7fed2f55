"""Export a report: the dialog (template, language, draft or final, file) and the worker process.

The job runs in a worker process started with the *spawn* method (the same on Linux, macOS and
Windows, and safe with Qt's threads), so the window's event loop keeps turning while a long report
renders. The window starts the worker when the export dialog opens, so that it has imported WeasyPrint
and found its fonts by the time the person clicks Export, and keeps it for later exports
(`ExportWorker`; the worker leaves by itself after ten idle minutes). The window polls the worker's
queue with a timer: progress, the finished file, or the error message, which the window shows in a
dialog. Cancel terminates the worker; the next export starts a new one.

A final report needs every required question answered; a draft can always be exported and is marked
DRAFT. Private notes are removed before the assessment leaves the window. The dialog leaves out, each
on its own, what the person ticks (notes, evidence quotes, their identity, the annex, the embedded
assessment, embedded evidence files), asks to whom a report is addressed ("Prepared for", filled in from
the assessment's audience unless that names a kind of report), and for the information-request letter
asks for its recipient, reference, reply-by date and legal basis (the letter never carries notes,
evidence, an annex or the assessment, so those boxes are ticked and locked for it). For a PDF it offers
"Sign the PDF": a key file and its passphrase, checked before the dialog closes (a wrong passphrase is
said there and nothing is exported); the window remembers the key's path, never the passphrase.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import queue as queue_module
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core.answers import edits
from pia_wizard.core.files.resources import data_dir
from pia_wizard.core.models.assessment import Answer, Assessment
from pia_wizard.core.models.messages import catalog_languages
from pia_wizard.ui.export_worker import ExportRequest, serve
from pia_wizard.ui.language import named_in, window_language
from pia_wizard.ui.text import plain_tooltip
from pia_wizard.ui.widgets import muted, path_field, plain_label

POLL_MS = 40
DEFAULT_TEMPLATE = "default"
REPLY_AFTER_DAYS = 30  # the reply-by date the letter suggests

# The formats a report is saved in, by file suffix: the PDF is the record; Word and Markdown are editable
# copies in the same words (no WeasyPrint needed); the web page prints from a browser.
FORMATS: dict[str, str] = {
    ".pdf": QT_TRANSLATE_NOOP("Export", "PDF (the record)"),
    ".docx": QT_TRANSLATE_NOOP("Export", "Word document, editable"),
    ".md": QT_TRANSLATE_NOOP("Export", "Markdown, editable"),
    ".html": QT_TRANSLATE_NOOP("Export", "Web page to print from a browser"),
}
SUFFIXES = {
    ".pdf": ".pdf",
    ".docx": ".docx",
    ".md": ".md",
    ".markdown": ".md",
    ".html": ".html",
    ".htm": ".html",
}

# What the person may leave out, each on its own (the report layer's OMIT_CHOICES, in the window's words).
OMISSIONS: dict[str, str] = {
    "notes": QT_TRANSLATE_NOOP("Export", "Notes on answers"),
    "quotes": QT_TRANSLATE_NOOP("Export", "Quotes from evidence documents"),
    "identity": QT_TRANSLATE_NOOP("Export", "My name and organisation"),
    "annex": QT_TRANSLATE_NOOP("Export", "The annex (all answers, unknowns, sources, glossary, method)"),
    "embedded": QT_TRANSLATE_NOOP("Export", "The assessment data embedded in the PDF"),
    "files": QT_TRANSLATE_NOOP("Export", "Evidence files embedded in the assessment data"),
}


def forced_omissions(template: str) -> frozenset[str]:
    """What a template never carries, whatever is asked (the letter: notes, evidence, annex, data)."""
    from pia_wizard.report.options import OptionsError, ReportOptions

    try:
        options = ReportOptions(template=template)
    except OptionsError:
        return frozenset()
    return frozenset(options.effective_omissions)


def is_letter(template: str) -> bool:
    from pia_wizard.report.options import TEMPLATES

    spec = TEMPLATES.get(template)
    return spec is not None and spec.letter


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


def recipient_of(audience: str) -> str:
    """The assessment's audience as a recipient (the report layer's rule: a report's name is none)."""
    try:
        from pia_wizard.report.options import recipient_of as report_recipient_of
    except ImportError:
        return audience.strip()
    return report_recipient_of(audience)


def without_private_notes(assessment: Assessment) -> Assessment:
    """The assessment as it may leave this computer: notes marked private removed."""
    for question_id, answer in assessment.answers.items():
        if answer.note is not None and answer.note.private:
            assessment = edits.set_note(assessment, question_id, "")
    if assessment.uses:  # each further use's own answers too
        uses = []
        for use in assessment.uses:
            kept = {}
            for question_id, answer in use.answers.items():
                if answer.note is not None and answer.note.private:
                    answer = answer.model_copy(update={"note": None})
                if answer != Answer():
                    kept[question_id] = answer
            uses.append(use.model_copy(update={"answers": MappingProxyType(kept)}))
        assessment = assessment.model_copy(update={"uses": tuple(uses)})
    return assessment


def report_languages(source: str, content: Iterable[str] = ()) -> list[str]:
    """The languages a report can be written in, the source language (English) first: those the
    reports' own catalog is translated into, and those the questionnaire's content has."""
    others = {*catalog_languages(), *(code for code in content if code)} - {source}
    return [source, *sorted(others)]


def language_name(code: str) -> str:
    """A report language named in the window's language ("French" in English, "Französisch" in
    German; Babel has the names in every language); the code itself when it names no language."""
    return named_in(code, window_language())


class ExportDialog(QDialog):
    def __init__(
        self,
        templates: dict[str, str],
        languages: Sequence[str],
        missing_required: Sequence[str],
        suggested: Path,
        default_template: str = "",
        parent: QWidget | None = None,
        *,
        previous: Mapping[str, Any] | None = None,
        today: dt.date | None = None,
        printing: bool = False,
        audience: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Print a report") if printing else self.tr("Export a report"))
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
        for code in languages:
            self.language.addItem(language_name(code), code)
        self._row(form, self.tr("&Language"), self.language)
        # To whom the report goes, printed as "Prepared for" (the letter has its own recipient).
        self.prepared_for = QLineEdit(recipient_of(audience), self)
        self.prepared_for.setObjectName("export-prepared-for")
        self.prepared_for.setPlaceholderText(
            self.tr("for instance: the city council's public safety committee")
        )
        self.prepared_for_label = QLabel(self.tr("&Prepared for"), self)
        self.prepared_for_label.setBuddy(self.prepared_for)
        self.prepared_for.setAccessibleName(self.tr("Prepared for"))
        self.prepared_for.setToolTip(
            plain_tooltip(
                self.tr(
                    "A council, a committee, a regulator: printed on the report as “Prepared for”. "
                    "Left empty, the report names no recipient."
                )
            )
        )
        form.addRow(self.prepared_for_label, self.prepared_for)

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
                self.tr(
                    "A final report needs every required answer; %n still open.", "", len(missing_required)
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
        self.format = QComboBox(self)
        self.format.setObjectName("exportFormat")
        for suffix, text in FORMATS.items():
            self.format.addItem(QCoreApplication.translate("Export", text), suffix)
        self._row(form, self.tr("Form&at"), self.format)
        form.setRowVisible(self.format, not printing)  # printing makes a PDF and opens it
        self._follow_suffix(self.output.text())
        self.format.currentIndexChanged.connect(self._format_changed)
        self.output.textEdited.connect(self._follow_suffix)

        # Sign the PDF with a key (PKCS#12): the passphrase is asked here, used once, and never kept.
        self.sign = QGroupBox(self.tr("Si&gn the PDF"), self)
        self.sign.setObjectName("exportSign")
        self.sign.setCheckable(True)
        self.sign.setChecked(False)
        sign_form = QFormLayout(self.sign)
        key_label, self.sign_key, key_row = path_field(
            self.sign, self.tr("&Key file"), self.tr("Key file"), self.tr("Bro&wse…"), "", self._browse_key
        )
        self.sign_key.setObjectName("export-sign-key")
        self.sign_key.setPlaceholderText(self.tr("a .p12 file made with “pia-wizard keys new”, or your own"))
        sign_form.addRow(key_label, key_row)
        self.passphrase = QLineEdit(self.sign)
        self.passphrase.setObjectName("export-passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self._row(sign_form, self.tr("Passp&hrase"), self.passphrase)
        self.sign_note = muted(
            plain_label(
                self.tr(
                    "A signature shows that the report was not changed after you signed it. A key you made "
                    "yourself does not show who you are; a certificate from an authority your readers "
                    "trust does."
                ),
                self.sign,
            )
        )
        sign_form.addRow(self.sign_note)
        self.sign_problem = plain_label("", self.sign)
        self.sign_problem.setObjectName("export-sign-problem")
        self.sign_problem.setVisible(False)
        sign_form.addRow(self.sign_problem)
        self.sign.setVisible(not printing)
        self._printing = printing
        self.format.currentIndexChanged.connect(self._sign_follows_format)
        self.output.textChanged.connect(self._sign_follows_format)

        self.leave_out = QGroupBox(self.tr("Leave out of this report"), self)
        self.omit_boxes: dict[str, QCheckBox] = {}
        boxes = QVBoxLayout(self.leave_out)
        for name, text in OMISSIONS.items():
            box = QCheckBox(QCoreApplication.translate("Export", text), self.leave_out)
            box.setObjectName(f"omit-{name}")
            self.omit_boxes[name] = box
            boxes.addWidget(box)
        self._asked: set[str] = set()  # what the person ticked, kept while a letter locks boxes

        self.letter = QGroupBox(self.tr("Letter to the operator"), self)
        letter_form = QFormLayout(self.letter)
        self.recipient = QLineEdit(self.letter)
        self.recipient.setPlaceholderText(self.tr("for instance: The data protection officer, City of …"))
        self._row(letter_form, self.tr("&Recipient"), self.recipient)
        self.reference = QLineEdit(self.letter)
        self._row(letter_form, self.tr("Y&our reference"), self.reference)
        self.reply_wanted = QCheckBox(self.tr("Ask for a re&ply by"), self.letter)
        self.reply_by = QDateEdit(self.letter)
        self.reply_by.setCalendarPopup(True)
        self.reply_by.setDisplayFormat(QCoreApplication.translate("Date", "d MMMM yyyy"))
        self.reply_by.setAccessibleName(self.tr("Reply by"))
        start = today or dt.date.today()
        self.reply_by.setDate(QDate(start.year, start.month, start.day).addDays(REPLY_AFTER_DAYS))
        self.reply_wanted.setChecked(True)
        self.reply_wanted.toggled.connect(self.reply_by.setEnabled)
        letter_form.addRow(self.reply_wanted, self.reply_by)
        self.legal_basis = QPlainTextEdit(self.letter)
        self.legal_basis.setTabChangesFocus(True)
        # Four lines: the hint below takes four in German (and in the pseudo-language, ~40 % longer).
        self.legal_basis.setFixedHeight(self.legal_basis.fontMetrics().lineSpacing() * 4 + 12)
        self.legal_basis.setPlaceholderText(
            self.tr(
                "The law under which you ask, if any (for instance a freedom-of-information act). "
                "Left empty, the letter leaves room to write it in by hand."
            )
        )
        self._row(letter_form, self.tr("Legal bas&is"), self.legal_basis)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        export = buttons.addButton(
            self.tr("&Make it and open it to print") if printing else self.tr("&Export"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        export.setObjectName("exportButton")
        export.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.sign)
        layout.addWidget(self.leave_out)
        layout.addWidget(self.letter)
        layout.addWidget(muted(plain_label(self.tr("Notes marked private are never exported."), self)))
        layout.addWidget(buttons)

        if previous:
            self._restore(previous)
        for name, box in self.omit_boxes.items():
            box.toggled.connect(lambda checked, name=name: self._ticked(name, checked))
        self.template.currentIndexChanged.connect(self._template_changed)
        self._template_changed()
        self._sign_follows_format()

    def _sign_follows_format(self) -> None:
        """Only a PDF can be signed: the choice shows for the PDF format alone."""
        self.sign.setVisible(not self._printing and str(self.format.currentData()) == ".pdf")

    def _browse_key(self) -> None:
        text, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a signing key"), self.sign_key.text(), self.tr("Signing keys (*.p12 *.pfx)")
        )
        if text:
            self.sign_key.setText(text)

    def signing(self) -> tuple[str, str] | None:
        """(key file, passphrase) when the PDF is to be signed, else None. Not part of `choices()`,
        which the window remembers: the passphrase is never kept."""
        if self.sign.isHidden() or not self.sign.isChecked():
            return None
        return self.sign_key.text().strip(), self.passphrase.text()

    def accept(self) -> None:
        """Open the key with its passphrase before the dialog closes: a wrong one is said here, and
        nothing is exported."""
        asked = self.signing()
        if asked is not None:
            from pia_wizard.report.signing import SigningError, check_key, read_key

            key, passphrase = asked
            try:
                if not key:
                    raise SigningError(self.tr("choose the key file to sign with"))
                check_key(read_key(Path(key)), passphrase.encode("utf-8"))
            except SigningError as exc:
                self.sign_problem.setText(self.tr("Cannot sign: %1").replace("%1", str(exc)))
                self.sign_problem.setVisible(True)
                self.passphrase.setFocus()
                self.passphrase.selectAll()
                return
        super().accept()

    def _ticked(self, name: str, checked: bool) -> None:
        if self.omit_boxes[name].isEnabled():
            (self._asked.add if checked else self._asked.discard)(name)

    def _template_changed(self) -> None:
        """Lock (ticked) what the chosen template never carries; show the letter's fields for a letter."""
        template = str(self.template.currentData())
        forced = forced_omissions(template)
        for name, box in self.omit_boxes.items():
            box.blockSignals(True)
            box.setEnabled(name not in forced)
            box.setChecked(name in forced or name in self._asked)
            box.setToolTip(self.tr("A letter to the operator never carries this.") if name in forced else "")
            box.blockSignals(False)
        self.letter.setVisible(is_letter(template))
        self.prepared_for.setVisible(not is_letter(template))
        self.prepared_for_label.setVisible(not is_letter(template))
        self.adjustSize()

    def _restore(self, previous: Mapping[str, Any]) -> None:
        """The choices of the last export from this window, but its file (suggested afresh)."""
        index = self.template.findData(previous.get("template"))
        if index >= 0:
            self.template.setCurrentIndex(index)
        self._asked = {name for name in previous.get("omit", ()) if name in self.omit_boxes}
        if previous.get("prepared_for"):
            self.prepared_for.setText(str(previous["prepared_for"]))
        letter = previous.get("letter") or {}
        self.recipient.setText(str(letter.get("recipient", "")))
        self.reference.setText(str(letter.get("reference", "")))
        self.legal_basis.setPlainText(str(letter.get("legal_basis", "")))
        reply_by = letter.get("reply_by")
        if reply_by:
            date = dt.date.fromisoformat(str(reply_by))
            self.reply_by.setDate(QDate(date.year, date.month, date.day))
        self.reply_wanted.setChecked(bool(reply_by) or not letter)
        if previous.get("sign_key"):  # the key is offered again; its passphrase never is
            self.sign_key.setText(str(previous["sign_key"]))
            self.sign.setChecked(True)

    def _row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(field)
        field.setAccessibleName(text.replace("&", ""))
        form.addRow(label, field)

    def _browse(self) -> None:
        text, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the report as"),
            self.output.text(),
            ";;".join(
                f"{QCoreApplication.translate('Export', text)} (*{suffix})"
                for suffix, text in FORMATS.items()
            ),
        )
        if text:
            self.output.setText(text)
            self._follow_suffix(text)

    def _format_changed(self) -> None:
        """The file name takes the chosen format's suffix."""
        output = Path(self.output.text().strip())
        suffix = str(self.format.currentData())
        if output.name and output.suffix.lower() != suffix:
            stem = output.with_suffix("") if output.suffix.lower() in SUFFIXES else output
            self.output.setText(str(stem.with_name(stem.name + suffix)))

    def _follow_suffix(self, text: str) -> None:
        """The format shown follows a file name typed or chosen with a known suffix."""
        suffix = SUFFIXES.get(Path(text.strip()).suffix.lower())
        index = self.format.findData(suffix) if suffix else -1
        if index >= 0 and index != self.format.currentIndex():
            self.format.blockSignals(True)
            self.format.setCurrentIndex(index)
            self.format.blockSignals(False)

    def choices(self) -> dict[str, object]:
        output = Path(self.output.text().strip())
        if (
            output.suffix.lower() not in SUFFIXES
        ):  # another format when asked for by name, else the one chosen
            output = output.with_name(output.name + str(self.format.currentData()))
        return {
            "template": str(self.template.currentData()),
            "language": str(self.language.currentData()),
            "draft": not self.final.isChecked(),
            "output": output,
            "omit": frozenset(name for name, box in self.omit_boxes.items() if box.isChecked()),
            "letter": self.letter_details() if not self.letter.isHidden() else {},
            "prepared_for": self.prepared_for.text().strip() if not self.prepared_for.isHidden() else "",
            "sign_key": self.sign_key.text().strip() if self.sign.isChecked() else "",
        }

    def letter_details(self) -> dict[str, str | None]:
        """Recipient, reference, reply-by date (ISO, or None) and legal basis, as typed."""
        date = self.reply_by.date()
        return {
            "recipient": self.recipient.text().strip(),
            "reference": self.reference.text().strip(),
            "reply_by": dt.date(date.year(), date.month(), date.day()).isoformat()
            if self.reply_wanted.isChecked()
            else None,
            "legal_basis": self.legal_basis.toPlainText().strip(),
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
