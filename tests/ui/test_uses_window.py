"""Several uses of one system in the window (issue 13): a use added, named, chosen, answered,
renamed and removed through the real widgets, each step undoable; the verdict pane says which use
gives each verdict. On the shipped questionnaire, whose per-use questions are data."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLabel

from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.load.library import shipped_library
from pia_wizard.ui.section_list import DETAILS

from .helpers_ui import answers, button, card, choose, click

ROOT = Path(__file__).resolve().parents[2]
STADIUM = ROOT / "examples" / "stadium-entry-consent.pia.json"
STANDS = "watchlist cameras in the stands"
HR = "human-rights"


def _open(make_window, path: Path):  # type: ignore[no-untyped-def]
    window = make_window(shipped_library(), files=None)
    assert window.open_path(path)
    return window


def _copy(tmp_path: Path, **extra: object) -> Path:
    data = json.loads(STADIUM.read_text(encoding="utf-8"))
    data.update(extra)
    path = tmp_path / "stadium.pia.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def test_one_use_looks_as_before_and_offers_another_only_where_it_matters(
    qtbot, make_window, tmp_path
) -> None:
    window = _open(make_window, _copy(tmp_path))
    bar = window.editor.use_bar
    window.go_to_section(DETAILS)
    assert not bar.isVisible()  # the details page asks nothing per use
    card(window, "q201")  # s2 asks how the system works: questions that can differ between uses
    assert bar.isVisible() and bar.add_button.isVisible()
    assert not bar.findChild(QComboBox, "useChooser").isVisible()
    assert not card(window, "q202").use_label.isVisible()  # no "asked for each use" with one use
    assert window.document.assessment.uses == ()


def test_a_use_is_added_answered_chosen_renamed_and_removed_each_undoable(
    qtbot, make_window, tmp_path
) -> None:
    window = _open(make_window, _copy(tmp_path))
    document = window.document
    before = document.assessment
    card(window, "q202")
    window.prompts.use_name_answer = STANDS
    click(qtbot, button(window, "addUse"))
    assert [u.name for u in document.assessment.uses] == [STANDS]
    assert document.use_index == 1
    chooser = window.editor.use_bar.chooser
    assert chooser.isVisible() and [chooser.itemText(i) for i in range(chooser.count())] == [
        "Main use",
        STANDS,
    ]
    shown = card(window, "q202")
    assert shown.use_label.isVisible() and STANDS in shown.use_label.text()
    assert not shown.unknown.isChecked() and "q202" not in document.view.answers  # starts open

    choose(qtbot, window, "q202", "identify")
    assert document.assessment.uses[0].answers["q202"].value == ("identify",)
    assert document.assessment.answers["q202"] == before.answers["q202"]  # the first use keeps its own
    choose(qtbot, window, "q201", "public_authority")  # a shared question answered while the stands show
    assert "q201" not in document.assessment.uses[0].answers

    chooser.activated.emit(0)  # the person picks the first use
    assert document.use_index == 0
    card(window, "q202")
    assert button(window, "answer:q202:verify").isChecked()  # the first use's own answer shows again
    assert not button(window, "answer:q202:identify").isChecked()

    chooser.activated.emit(1)
    window.prompts.use_name_answer = "cameras over the stands"
    click(qtbot, button(window, "renameUse"))
    assert document.assessment.uses[0].name == "cameras over the stands"
    click(qtbot, button(window, "removeUse"))
    assert document.assessment.uses == () and document.use_index == 0
    assert not window.editor.use_bar.chooser.isVisible()

    stack = document.undo_stack
    stack.undo()  # the removal
    assert document.assessment.uses[0].name == "cameras over the stands"
    stack.undo()  # the renaming
    stack.undo()  # the shared answer
    stack.undo()  # the use's answer
    assert document.assessment.uses[0].answers == {}
    stack.undo()  # the use itself
    assert document.assessment == before and document.use_index == 0


def test_the_verdict_pane_names_the_use_that_gives_each_verdict(qtbot, make_window, tmp_path) -> None:
    stands = {
        qid: a
        for qid, a in json.loads(STADIUM.read_text(encoding="utf-8"))["answers"].items()
        if qid in {"q204", "q205", "q206", "q211", "q222", "q501", "q503", "q1001", "q1002"}
    }
    stands.update(
        {"q202": {"value": ["identify"]}, "q203": {"value": False}, "q210": {"value": "uncontrolled"}}
    )
    path = _copy(tmp_path, first_use_name="entry gates", uses=[{"name": STANDS, "answers": stands}])
    window = _open(make_window, path)
    expected = evaluate(window.document.compiled, window.rulebooks, window.document.assessment, explore=False)
    result = next(r for r in expected.rulebooks if r.id == HR)
    assert result.verdict == "fails" and result.use == STANDS
    view = window.editor.verdicts.views[HR]
    assert view.badge.verdict == "fails"
    line = view.findChild(QLabel, f"use:{HR}")
    assert line.isVisibleTo(view), (view.isVisible(), line.text())
    assert line.text() == f"From the use “{STANDS}”. Each use: “entry gates” — Passes; “{STANDS}” — Fails."
    click(qtbot, view.why)
    failing = next(f for f in result.findings if f.severity == "fail")
    title = view.findChild(QLabel, f"finding:{failing.rule}")
    assert title.text().endswith(f"(in the use “{STANDS}”)")
    chooser = window.editor.use_bar.chooser
    card(window, "q202")
    assert [chooser.itemText(i) for i in range(chooser.count())] == ["entry gates", STANDS]
    window.resize(1280, 800)
    window.editor.grab().save(str(tmp_path / "uses.png"))
    assert answers(window)["q202"] == ("verify",)
