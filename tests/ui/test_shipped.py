"""The window on the shipped questionnaire, rulebooks and examples (skipped while they are missing)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import shipped_library
from pia_wizard.ui.export_worker import RENDERER

from .helpers_ui import answer_like_a_person, answers, click

ROOT = Path(__file__).resolve().parents[2]
LFR_EXAMPLE = ROOT / "examples" / "police-lfr-van-football.pia.json"
BAN = "ban-biometric-surveillance"


def _needs_shipped(*rulebooks: str) -> None:
    library = shipped_library()
    missing = [r for r in rulebooks if r not in library.rulebooks]
    if missing:
        pytest.skip(f"the shipped rulebooks {', '.join(missing)} do not exist yet")
    if not LFR_EXAMPLE.exists():
        pytest.skip(f"the example {LFR_EXAMPLE.name} does not exist yet")


def test_police_live_facial_recognition_turns_the_ban_badge_red_line(qtbot, make_window) -> None:
    """The classification questions of a police LFR van, answered through the widgets."""
    _needs_shipped(BAN)
    library = shipped_library()
    example = load_assessment_file(LFR_EXAMPLE, library)
    compiled = example.questionnaire
    # The classification questions: the sections holding what the ban's red line reads for this
    # scenario (what the system does, live or not, where), answered as the example answers them.
    judged = evaluate(compiled, [library.rulebooks[BAN]], example.assessment, explore=False)
    red = next(f for f in judged.rulebooks[0].findings if f.severity == "red_line")
    sections = {compiled.entries[a.question].section.id for a in red.answers if a.state == "value"}
    wanted = {
        question: answer.value
        for question, answer in example.assessment.answers.items()
        if answer.value is not None
        and compiled.entries[question].section.id in sections
        and compiled.entries[question].question.type != "group"
    }
    ordered = [q for q in compiled.entries if q in wanted]
    assert len(ordered) >= 4

    window = make_window(library, files=None)
    window.new_assessment(compiled.id)
    for question in ordered:
        answer_like_a_person(qtbot, window, question, wanted[question])
    assert answers(window) == {q: wanted[q] for q in ordered}

    view = window.editor.verdicts.views[BAN]
    assert view.badge.verdict == "red_line" and view.badge.text() == "RED LINE"
    click(qtbot, view.why)
    finding = view.findChild(QLabel, f"finding:{red.rule}")
    assert finding is not None and finding.isVisibleTo(window)
    shown = [b.full_text for b in view._finding_links.buttons]
    for question in ordered:
        if question in {a.question for a in red.answers}:
            label = window.texts.label(question)
            assert any(text.startswith(f"{label} — ") for text in shown), (label, shown)


def test_an_example_opens_read_only_with_its_verdicts(qtbot, make_window) -> None:
    _needs_shipped(BAN)
    library = shipped_library()
    window = make_window(library, files=None, examples_dir=ROOT / "examples")
    assert window.open_path(LFR_EXAMPLE)
    assert window.document.read_only
    expected = evaluate(
        window.document.compiled, library.rulebooks.values(), window.document.assessment, explore=False
    ).verdicts
    assert {k: v.badge.verdict for k, v in window.editor.verdicts.views.items()} == expected


@pytest.mark.slow
def test_an_example_exports_to_a_pdf_through_the_report_layer(qtbot, make_window, tmp_path) -> None:
    _needs_shipped(BAN)
    window = make_window(shipped_library(), files=None, examples_dir=ROOT / "examples")
    assert window.open_path(LFR_EXAMPLE)
    request = window.export_request(tmp_path / "briefing.pdf", "briefing", "en", True)
    assert request.renderer == RENDERER
    job = window.start_export(request)
    qtbot.waitUntil(lambda: not job.running, timeout=120_000)
    assert not window.prompts.errors, window.prompts.errors
    assert (tmp_path / "briefing.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (Debian package xvfb)")
def test_gui_on_an_example_starts_under_xvfb_without_errors(tmp_path) -> None:
    _needs_shipped(BAN)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(
        PIA_WIZARD_EXIT_AFTER_SHOW="1",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    command = [str(Path(sys.executable).with_name("pia-wizard")), "gui", str(LFR_EXAMPLE)]
    if not Path(command[0]).exists():
        command = [sys.executable, "-m", "pia_wizard", "gui", str(LFR_EXAMPLE)]
    result = subprocess.run(
        ["xvfb-run", "-a", *command], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "" and result.stdout.strip() == ""


def test_duties_that_start_later_in_the_planned_period_are_shown_under_the_verdict(
    qtbot, make_window, tmp_path
) -> None:
    """The police's search of recorded footage with no end date: Art. 26(10) binds it from
    2 December 2027 (domain.md §14); once the end is set before that date, the line goes."""
    _needs_shipped("eu-law")
    source = ROOT / "examples" / "police-protest-footage-search.pia.json"
    copy = tmp_path / source.name
    shutil.copyfile(source, copy)
    window = make_window(shipped_library(), files=None)
    assert window.open_path(copy) and not window.document.read_only
    view = window.editor.verdicts.views["eu-law"]
    later = view.findChild(QLabel, "later:eu-law")
    assert later is not None and later.isVisibleTo(view)
    assert later.text().startswith("From 2 December 2027, this deployment is also bound by: ")
    assert "This is a fixed date." in later.text()

    answer_like_a_person(qtbot, window, "q104", "2027-06-30")
    qtbot.waitUntil(lambda: not later.isVisibleTo(view))
    assert later.text() == ""
