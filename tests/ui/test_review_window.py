"""'Try this as a scenario' and review and sign-off in the real window, on a copy of a shipped example."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from helpers import ROOT
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from pia_wizard.core.answers.review import record_step, review_state
from pia_wizard.core.load.assessment_io import assessment_bytes, load_assessment_file
from pia_wizard.core.load.library import shipped_library
from tests.ui.conftest import FakePrompts

EXAMPLES = ROOT / "examples"
COUNCIL = EXAMPLES / "council-cctv-antisocial-behaviour.pia.json"
LIBRARY = shipped_library()


@pytest.fixture
def council(tmp_path: Path) -> Path:
    path = tmp_path / "council.pia.json"
    shutil.copy(COUNCIL, path)
    return path


def _try_buttons(window) -> list[QPushButton]:  # type: ignore[no-untyped-def]
    return [
        b
        for b in window.editor.verdicts.findChildren(QPushButton)
        if b.objectName().startswith("tryScenario:") and b.isVisibleTo(window)
    ]


def test_try_this_as_a_scenario_opens_the_change_beside_the_original_and_leaves_it_alone(
    qtbot, make_window, council: Path
) -> None:
    window = make_window(LIBRARY, files=None, examples_dir=EXAMPLES)
    assert window.open_path(council)
    # Unsaved work in the original, which the scenario must not touch.
    window.document.edit(
        "title",
        lambda a: a.model_copy(update={"metadata": a.metadata.model_copy(update={"place": "Unsaved place"})}),
    )
    assert window.document.modified
    before = window.document.assessment
    for view in window.editor.verdicts.views.values():
        view.changes_button.setChecked(True)
    qtbot.waitUntil(lambda: bool(_try_buttons(window)), timeout=20_000)
    button = _try_buttons(window)[0]
    rulebook = button.objectName().split(":")[1]
    counterfactual = window.editor.verdicts.views[rulebook]._explored.counterfactuals[0]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert len(window.scenario_windows) == 1
    other = window.scenario_windows[0]
    try:
        assert other is not window and other.isVisible()
        assert other.x() > window.x()  # beside it, the original still in view
        # The original: same assessment, same file, still unsaved.
        assert window.document.assessment == before
        assert window.document.path == council and window.document.modified
        # The scenario: new, unsaved, linked to its origin, differing only by the change.
        scenario = other.document.assessment
        assert other.document.path is None and other.document.modified
        assert scenario.scenario is not None and scenario.scenario.origin_file == "council.pia.json"
        assert scenario.scenario.origin_sha256 is not None
        changed = {c.question for c in counterfactual.changes}
        assert {
            q
            for q in set(scenario.answers) | set(before.answers)
            if scenario.answers.get(q) != before.answers.get(q)
        } == changed
        for change in counterfactual.changes:
            if change.value is not None:
                assert scenario.answers[change.question].value == change.value
        # and it judges what the counterfactual says it would
        qtbot.waitUntil(lambda: other.evaluation is not None, timeout=10_000)
        verdicts = {r.id: r.verdict for r in other.evaluation.rulebooks}
        assert verdicts[rulebook] == counterfactual.to_verdict
        assert "Unsaved place" in scenario.metadata.place  # a copy of the unsaved state as it stood
    finally:
        other.prompts = FakePrompts()
        other.close()


def _approved_copy(council: Path) -> None:
    loaded = load_assessment_file(council, LIBRARY)
    approved = record_step(loaded.assessment, "approved", "R. Okafor", dt.date(2026, 3, 1), "Checked")
    council.write_bytes(assessment_bytes(approved))


def test_an_approval_stops_being_current_on_one_changed_answer_and_is_current_again_after_undo(
    qtbot, make_window, council: Path
) -> None:
    _approved_copy(council)
    window = make_window(LIBRARY, files=None, examples_dir=EXAMPLES)
    assert window.open_path(council)
    assert window.prompts.errors == []  # no "answers not used" for the review
    line = window.editor.verdicts.review_label
    assert line.text() == "Approved by R. Okafor on 1 March 2026."
    question = next(
        q
        for q, a in window.document.assessment.answers.items()
        if not a.unknown
        and q in window.document.compiled.entries
        and window.document.compiled.entries[q].group is None
    )
    window.go_to_question(question)
    card = window.page.cards[question]
    qtbot.mouseClick(card.unknown, Qt.MouseButton.LeftButton)
    assert window.document.assessment.answers[question].unknown
    assert "NO LONGER CURRENT" in line.text() and "R. Okafor" in line.text()
    window.undo_action.trigger()
    assert not window.document.assessment.answers[question].unknown
    assert line.text() == "Approved by R. Okafor on 1 March 2026."
    assert review_state(window.document.assessment).current


def test_the_review_panel_comments_blocks_approval_and_records_it(qtbot, make_window, council: Path) -> None:
    window = make_window(LIBRARY, files=None, examples_dir=EXAMPLES)
    assert window.open_path(council)
    qtbot.mouseClick(window.editor.verdicts.review_button, Qt.MouseButton.LeftButton)
    panel = window._review_panel
    assert panel is not None and panel.isVisible()
    assert panel.status.text() == "Not reviewed yet."
    # A comment on the second question listed; it shows on its card and blocks approval.
    panel.question.setCurrentIndex(1)
    question = panel.question.currentData()
    qtbot.keyClicks(panel.comment_text, "Which page of the council paper says so?")
    qtbot.mouseClick(panel.add_comment_button, Qt.MouseButton.LeftButton)
    assert panel.comments.count() == 1
    assert panel.comments.item(0).text().startswith("Open — " + window.texts.label(question))
    assert question not in panel.comments.item(0).text()
    assert not panel.step_buttons["approved"].isEnabled() and panel.blocked.isVisible()
    window.go_to_question(question)
    card = window.page.cards[question]
    assert card.review_comments.isVisible()
    assert "Which page of the council paper says so?" in card.review_comments.text()
    # No name: the step is refused with a reason.
    panel.comments.item(0).setSelected(True)
    qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    assert panel.comments.item(0).text().startswith("Resolved — ")
    assert panel.step_buttons["approved"].isEnabled()
    qtbot.mouseClick(panel.step_buttons["approved"], Qt.MouseButton.LeftButton)
    assert panel.problem.isVisible() and "name" in panel.problem.text()
    qtbot.keyClicks(panel.name, "R. Okafor")
    qtbot.keyClicks(panel.step_comment, "Checked")
    qtbot.mouseClick(panel.step_buttons["approved"], Qt.MouseButton.LeftButton)
    assert panel.status.text() == "Approved by R. Okafor on 23 November 2026."
    assert window.editor.verdicts.review_label.text() == panel.status.text()
    assert "anyone who can edit the assessment file can write any name" in panel.forgeable.text()
    assert panel.forgeable.isVisible()
    assert window.save()
    saved = json.loads(council.read_text(encoding="utf-8"))["review"]
    assert saved["steps"][-1]["status"] == "approved" and saved["steps"][-1]["by"] == "R. Okafor"
    assert saved["comments"][0]["resolved"] is True


def _signed_copy(council: Path, by: str = "R. Okafor") -> None:
    """An approval signed with a key made by the reports' keys code; `by` other than the signed name
    is what someone editing the file afterwards would leave."""
    from pia_wizard.report.approval_signing import sign_step
    from pia_wizard.report.signing import new_key

    loaded = load_assessment_file(council, LIBRARY)
    approved = record_step(loaded.assessment, "approved", "R. Okafor", dt.date(2026, 3, 1), "Checked")
    review = approved.review
    assert review is not None
    step = sign_step(review.steps[-1], new_key("Board Test Key", b"pw"), b"pw").model_copy(update={"by": by})
    signed = approved.model_copy(update={"review": review.model_copy(update={"steps": (step,)})})
    council.write_bytes(assessment_bytes(signed))


def test_a_signed_approval_says_what_it_proves_in_the_pane_and_the_panel(
    qtbot, make_window, council: Path
) -> None:
    _signed_copy(council)
    window = make_window(LIBRARY, files=None, examples_dir=EXAMPLES)
    assert window.open_path(council)
    line = window.editor.verdicts.review_label
    assert line.text().startswith(
        "Approved by R. Okafor on 1 March 2026. Signed with a key naming Board Test Key"
    )
    assert "self-signed, so this does not prove who signed it" in line.text()
    assert "a4262c" not in line.styleSheet()
    qtbot.mouseClick(window.editor.verdicts.review_button, Qt.MouseButton.LeftButton)
    panel = window._review_panel
    assert panel is not None and panel.signature.isVisible()
    assert "the step is unchanged since it was signed" in panel.signature.text()


def test_a_signed_approval_edited_in_the_file_shows_as_invalid_in_red(
    qtbot, make_window, council: Path
) -> None:
    _signed_copy(council, by="Someone Else")
    window = make_window(LIBRARY, files=None, examples_dir=EXAMPLES)
    assert window.open_path(council)
    line = window.editor.verdicts.review_label
    assert "Signature invalid: the approval was changed after it was signed." in line.text()
    assert "a4262c" in line.styleSheet()
    qtbot.mouseClick(window.editor.verdicts.review_button, Qt.MouseButton.LeftButton)
    panel = window._review_panel
    assert panel is not None
    assert panel.signature.text() == "Signature invalid: the approval was changed after it was signed."
    assert panel.signature.isVisible() and "a4262c" in panel.signature.styleSheet()
