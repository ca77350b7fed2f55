"""A report PDF opened in the window (File › Open, the start screen, `pia-wizard gui report.pdf`): the
assessment embedded in it opens as a new, unsaved document, with a message saying where it came from
and whether the fingerprint holds; a PDF without an assessment gives the bad-file error."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from pia_wizard.core.answers import edits
from pia_wizard.core.load.assessment_io import assessment_bytes, load_assessment_file
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.ui import launch, settings

from .helpers_ui import click


def _assessment(library, title: str = "Cameras at the market") -> Assessment:  # type: ignore[no-untyped-def]
    compiled = library.questionnaires["mini"]
    a = Assessment.model_validate({"schema_version": 1, "questionnaire": {"id": "mini", "version": "1.0"}})
    a = edits.set_metadata(a, title=title, assessor="A. Reporter", assessment_date="2026-11-23")
    a = edits.set_value(compiled, a, "q_multi", ["red"])
    a = edits.set_value(compiled, a, "q_num", 120)
    return edits.set_note(a, "q_num", "Said at the public meeting.")


def _render(library, assessment: Assessment, template: str) -> bytes:  # type: ignore[no-untyped-def]
    from pia_wizard.report.options import ReportOptions
    from pia_wizard.report.render import prepare_report, render_pdf

    compiled = library.questionnaires["mini"]
    return render_pdf(prepare_report(assessment, compiled, library, ReportOptions(template=template)))


def _swap_assessment(pdf: bytes, data: bytes) -> bytes:
    """The report with its embedded assessment and the record beside it replaced, consistently."""
    record = json.dumps({"assessment_sha256": hashlib.sha256(data).hexdigest()}).encode()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    names = writer.root_object["/Names"]["/EmbeddedFiles"]["/Names"]
    for index in range(0, len(names), 2):
        stream = names[index + 1].get_object()["/EF"]["/F"].get_object()
        stream.set_data(data if names[index] == "assessment.pia.json" else record)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory, library) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("reports")
    good = _render(library, _assessment(library), "briefing")
    made = {
        "briefing.pdf": good,
        "letter.pdf": _render(library, _assessment(library), "information-request"),
        "swapped.pdf": _swap_assessment(good, assessment_bytes(_assessment(library, "Something else"))),
    }
    for name, data in made.items():
        (folder / name).write_bytes(data)
    return {name: folder / name for name in made}


def test_a_report_opens_as_a_new_unsaved_document(make_window, library, reports, tmp_path) -> None:
    win = make_window(library)
    path = reports["briefing.pdf"]
    assert win.open_path(path)
    document = win.document
    assert document is not None and document.path is None and not document.read_only
    assert document.assessment == _assessment(library)  # notes were shared, so nothing was left out
    assert win.isWindowModified() and win.windowTitle() == "Cameras at the market[*] — pia-wizard"
    title, text, details = win.prompts.infos[-1]
    assert title == "Opened from a report"
    assert "Opened the assessment embedded in the report “briefing.pdf”." in text
    assert "Its fingerprint holds" in text and "same verdicts" in text
    assert "save it under a name of its own" in text
    assert "holds: the embedded assessment is the one the report was made from" in details
    assert not win.prompts.errors
    assert path not in settings.recent_files() and settings.last_folder() == str(path.parent)
    # Saving asks for a new name (never the PDF), and the copy is a plain assessment file.
    win.prompts.save_answers = [tmp_path / "market"]
    assert win.save()
    assert win.prompts.asked[-1] == "save:Cameras at the market.pia.json"  # its title, never the PDF
    saved = tmp_path / "market.pia.json"
    assert load_assessment_file(saved, library).assessment == document.assessment
    assert not win.isWindowModified() and path.read_bytes()[:5] == b"%PDF-"


def test_file_open_and_the_start_screen_accept_a_report(qtbot, make_window, library, reports) -> None:
    win = make_window(library)
    win.prompts.open_answer = reports["briefing.pdf"]
    click(qtbot, win.start_screen.open_button)
    assert win.document is not None and win.document.path is None
    assert win.prompts.asked == ["open"] and win.prompts.infos[-1][0] == "Opened from a report"
    win.document.undo_stack.setClean()  # so that File › Open does not ask about unsaved changes
    win.open_action.trigger()
    assert win.prompts.asked == ["open", "open"] and len(win.prompts.infos) == 2
    assert "Untitled" not in win.windowTitle() and win.isWindowModified()


def test_a_pdf_without_an_assessment_is_a_bad_file(make_window, library, reports, tmp_path) -> None:
    win = make_window(library)
    assert not win.open_path(reports["letter.pdf"])
    title, text, _details = win.prompts.errors[-1]
    assert title == "Cannot open file"  # the same dialog as any file that cannot be opened
    assert text.startswith("“letter.pdf” cannot be opened:") and "no embedded assessment" in text
    assert win.document is None and not win.prompts.infos
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 nothing more")
    assert not win.open_path(broken)
    assert "cannot read the PDF" in win.prompts.errors[-1][1]


def test_a_report_whose_fingerprint_does_not_hold_opens_with_a_warning(make_window, library, reports) -> None:
    win = make_window(library)
    assert win.open_path(reports["swapped.pdf"])
    assert win.document is not None and win.document.assessment.metadata.title == "Something else"
    assert not win.prompts.infos  # told with a warning, not as a matter of course
    title, text, details = win.prompts.errors[-1]
    assert title == "Opened from a report"
    assert "Its fingerprint does NOT hold" in text and "same verdicts" not in text
    assert "first page prints" in details


def test_gui_with_a_report_opens_it(qapp, monkeypatch, library, reports) -> None:
    """`pia-wizard gui report.pdf` goes the same way as File › Open."""
    from PySide6.QtCore import QEventLoop, QTimer

    from pia_wizard.ui.main_window import MainWindow

    opened: list[tuple[MainWindow, bool, Assessment | None]] = []
    original = MainWindow.open_report

    def spy(self, path):  # type: ignore[no-untyped-def]
        self.prompts.info = lambda *args: None  # no message box left behind
        result = original(self, path)
        opened.append((self, result, self.document.assessment if self.document else None))
        if self.document is not None:  # quit() closes the window: do not ask about saving
            self.document.undo_stack.setClean()
        return result

    monkeypatch.setattr(MainWindow, "open_report", spy)
    monkeypatch.setattr(launch, "_library", lambda: library)
    monkeypatch.setenv(launch.EXIT_AFTER_SHOW_VAR, "1")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert launch.run_gui(reports["briefing.pdf"]) == 0
    assert len(opened) == 1
    window, result, assessment = opened[0]
    assert result and assessment == _assessment(library)
    window.deleteLater()
    loop = QEventLoop()  # after quit(), one more turn of an event loop (see test_launch.py)
    QTimer.singleShot(0, loop.quit)
    loop.exec()
