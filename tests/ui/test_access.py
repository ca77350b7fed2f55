"""Keyboard and screen-reader access: a section completed with the keyboard alone, and every input's
accessible name (as Qt's accessibility layer reports it to a screen reader) holding its visible label."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from pia_wizard.ui.evidence_dialog import EvidenceDialog
from pia_wizard.ui.export import ExportDialog
from pia_wizard.ui.preferences_dialog import PreferencesDialog
from pia_wizard.ui.section_list import DETAILS
from pia_wizard.ui.settings import Preferences
from pia_wizard.ui.text import without_mnemonic
from pia_wizard.ui.widgets import DisclosureButton, LinkButton

from .helpers_ui import answers, card, focus

MAX_TABS = 120


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key sent to whatever has the focus, as a keyboard would."""
    qtbot.keyClick(focus(), key, modifier)


def tab_to(qtbot, name: str, backwards: bool = False) -> None:  # type: ignore[no-untyped-def]
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    for _ in range(MAX_TABS):
        if focus().objectName() == name:
            return
        press(qtbot, key, modifier)
    raise AssertionError(f"Tab never reached {name!r} (stuck at {focus().objectName()!r})")


def test_keyboard_alone_completes_a_section(qtbot, window) -> None:
    window.activateWindow()
    window.editor.section_list.setFocus()
    # Only Tab, Shift+Tab, Space, arrows and Ctrl+PgDn from here on.
    tab_to(qtbot, "answer:q_choice:a")
    press(qtbot, Qt.Key.Key_Space)
    assert answers(window)["q_choice"] == "a"
    press(qtbot, Qt.Key.Key_Down)  # arrows move within the choices, and choose
    assert focus().objectName() == "answer:q_choice:b" and answers(window)["q_choice"] == "b"
    tab_to(qtbot, "answer:q_multi:red")
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, "answer:q_yes:yes")
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Left)
    for question in ("q_num", "q_text", "q_date"):
        tab_to(qtbot, f"unknown:{question}")
        press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, "unknown:q_num", backwards=True)
    assert focus().property("checked") is True
    assert answers(window) == {
        "q_choice": "b",
        "q_multi": ("red",),
        "q_yes": True,
        "q_num": "UNKNOWN",
        "q_text": "UNKNOWN",
        "q_date": "UNKNOWN",
    }
    assert window.editor.section_list.section_item("s_a").text().endswith("✓ all 6 answered")

    press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section == "s_b"  # shown because Pick is B
    assert focus().objectName() == "answer:q_b1:yes"
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, "answer:q_b2:yes")
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Right)  # from a chosen radio button, an arrow chooses the next one
    assert answers(window)["q_b1"] is True and answers(window)["q_b2"] is False
    assert window.editor.section_list.section_item("s_b").text().endswith("✓ all 2 answered")


class Keys:
    """Presses keys on whatever has the focus and counts them."""

    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.count = 0

    def __call__(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> str:
        press(self.qtbot, key, modifier)
        self.count += 1
        return focus().objectName()

    def tab_to(self, name: str) -> None:
        for _ in range(MAX_TABS):
            if focus().objectName() == name:
                return
            self(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {name!r} (stuck at {focus().objectName()!r})")


NEXT = (Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)  # Go › Next unanswered question
CHOICES = ("answer:q_choice:a", "answer:q_multi:red", "answer:q_yes:yes")
TYPED = {"q_num": "12", "q_text": "words", "q_date": "2026-11-23"}


def _complete_section_a(qtbot, window, keys: Keys, go) -> None:  # type: ignore[no-untyped-def]
    """Section A answered by keyboard: three choices by Space, three fields typed; `go(name)` moves."""
    window.activateWindow()
    window.editor.section_list.setFocus()
    for name in CHOICES:
        go(name)
        keys(Qt.Key.Key_Space)
    for question, text in TYPED.items():
        go(f"answer:{question}")
        qtbot.keyClicks(focus(), text)  # typing is not counted: it is the same on both ways
    window.flush()
    assert answers(window) == {
        "q_choice": "a",
        "q_multi": ("red",),
        "q_yes": True,
        "q_num": 12,
        "q_text": "words",
        "q_date": "2026-11-23",
    }
    assert window.editor.section_list.section_item("s_a").text().endswith("✓ all 6 answered")


def test_the_next_unanswered_key_completes_a_section_in_fewer_presses_than_tab(qtbot, window) -> None:
    keys = Keys(qtbot)

    def jump(name: str) -> None:
        assert keys(*NEXT) == name

    _complete_section_a(qtbot, window, keys, jump)
    # Section A is complete; the next unanswered question is in the next section shown (B is not:
    # it asks about choice B), the group of sites.
    assert keys(*NEXT) == "addItem:g_sites" and window.current_section == "s_c"

    while window.undo_action.isEnabled():  # back to no answers, and the same again with Tab
        window.undo_action.trigger()
    assert answers(window) == {}
    window.go_to_section("s_a")
    tabs = Keys(qtbot)
    _complete_section_a(qtbot, window, tabs, tabs.tab_to)
    # The figures (docs/accessibility.md): 6 jumps and 3 Spaces, against Tab and Space.
    print(f"section A: {keys.count - 1} key presses with Ctrl+J, {tabs.count} with Tab")
    assert keys.count - 1 == 9
    assert keys.count - 1 < tabs.count


def test_the_next_unanswered_key_says_when_every_question_is_answered(qtbot, window) -> None:
    keys = Keys(qtbot)
    window.activateWindow()
    window.editor.section_list.setFocus()
    for _ in range(30):  # an answer can show a further question
        if not window.unanswered_questions():
            break
        question = window.unanswered_questions()[0]
        window.go_to_question(question)
        window.page.cards[question].unknown.click()
    assert window.unanswered_questions() == []
    keys(*NEXT)
    assert window.statusBar().currentMessage() == "Every shown question has an answer."


INPUT_TYPES = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
)


def _inputs(root: QWidget) -> list[QWidget]:
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUT_TYPES) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parent(), QComboBox | QAbstractSpinBox) or widget.objectName().startswith("qt_"):
            continue  # the parts of a compound control (its line edit, its arrows)
        found.append(widget)
    return found


def _visible_label(widget: QWidget, root: QWidget) -> str:
    if isinstance(widget, LinkButton):
        return widget.full_text
    if isinstance(widget, QAbstractButton) and widget.text():
        return without_mnemonic(widget.text())
    labels = [
        label for label in root.findChildren(QLabel) if label.buddy() is widget and label.isVisibleTo(root)
    ]
    assert labels, f"{type(widget).__name__} {widget.objectName()!r} has no visible label"
    return without_mnemonic(labels[0].text())


def _check_names(root: QWidget) -> int:
    checked = 0
    for widget in _inputs(root):
        label = _visible_label(widget, root).strip()
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface is not None
        # On Linux Qt reports a combo box's current text as its name (the label comes by a relation),
        # so the name the widget is given counts too.
        name = f"{interface.text(QAccessible.Text.Name)}\n{widget.accessibleName()}"
        assert label, f"{type(widget).__name__} {widget.objectName()!r} shows no label"
        assert label in name, f"{widget.objectName()!r}: accessible name {name!r} lacks its label {label!r}"
        checked += 1
    return checked


def _open_everything(window) -> None:  # type: ignore[no-untyped-def]
    for button in window.page.findChildren(QAbstractButton):
        if button.isCheckable() and button.objectName().startswith(("helpButton:", "noteButton:")):
            button.setChecked(True)


def test_every_input_has_its_visible_label_as_accessible_name(qtbot, window, window_widgets) -> None:
    checked = 0
    for win in (window, window_widgets):
        win.go_to_section(DETAILS)
        checked += _check_names(win)
        for section in win.document.compiled.sections:
            win.go_to_section(section)
            _open_everything(win)
            for view in win.editor.verdicts.views.values():
                for button in (view.why, view.gaps_button, view.changes_button):
                    button.setChecked(True)
            checked += _check_names(win)
    group = card(window_widgets, "w_cameras").group_editor
    group.add_item()
    checked += _check_names(window_widgets)
    assert checked > 150


def test_start_screen_and_dialogs_label_their_inputs(qtbot, make_window, library) -> None:
    start = make_window(library)
    assert _check_names(start) >= 3
    dialogs = [
        EvidenceDialog("Pick", None, {}),
        ExportDialog({"briefing": "Council briefing"}, ["en"], ["Pick"], start.examples_dir / "x.pdf"),
        PreferencesDialog(Preferences()),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert _check_names(dialog) >= 3


def test_section_shortcuts_and_mnemonics_exist(window) -> None:
    assert window.next_action.shortcut().toString() == "Ctrl+PgDown"
    assert window.previous_action.shortcut().toString() == "Ctrl+PgUp"
    assert not window.save_action.shortcut().isEmpty() and not window.open_action.shortcut().isEmpty()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Go", "&Question", "&Help"]
    assert QApplication.instance() is not None


def test_the_note_key_opens_the_note_with_the_focus_in_it_and_closes_it_again(qtbot, window) -> None:
    found = card(window, "q_choice")
    assert found.note_slot.focus_widgets() == []  # not built until it is opened
    window.activateWindow()
    found.first_focus().setFocus()
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert found.note_button.isChecked() and found.note_slot.isVisibleTo(window)
    assert focus() is found.note_panel.note
    press(qtbot, Qt.Key.Key_Tab)
    assert focus() is found.note_panel.private  # the note's own fields follow in the Tab chain
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not found.note_button.isChecked() and focus() is found.first_focus()


def _mnemonics(window) -> list[str]:  # type: ignore[no-untyped-def]
    """The Alt+letter keys the window offers at this moment: its menus, visible buttons and labels."""
    texts = [action.text() for action in window.menuBar().actions()]
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QAbstractButton | QLabel) and widget.isVisibleTo(window):
            if isinstance(widget, QLabel) and widget.buddy() is None:
                continue  # a label without a buddy shows & as it is
            texts.append(widget.text())
    keys = []
    for text in texts:
        plain = text.replace("&&", "")
        if "&" in plain:
            keys.append(plain[plain.index("&") + 1].lower())
    return keys


def test_alt_letters_are_unique_on_the_start_screen_and_the_page(window) -> None:
    for show in (window.show_start, lambda: window.new_assessment("mini")):
        show()
        keys = _mnemonics(window)
        assert len(keys) >= 4
        assert sorted(keys) == sorted(set(keys)), sorted(keys)


def test_disclosure_toggles_say_expanded_or_collapsed(qtbot, window) -> None:
    """Help and Note and evidence are expandable buttons for a screen reader (Qt's own interface made
    them check boxes); its press action opens the panel, as Orca's user would."""
    found = card(window, "q_choice")
    for toggle in (found.note_button, window.editor.verdicts.views["ladder"].why):
        interface = QAccessible.queryAccessibleInterface(toggle)
        assert interface.role() == QAccessible.Role.Button
        state = interface.state()
        assert state.expandable and state.collapsed and not state.expanded and not state.checkable
        interface.actionInterface().doAction(QAccessibleActionInterface.pressAction())
        assert toggle.isChecked()
        state = interface.state()
        assert state.expanded and not state.collapsed
        assert interface.text(QAccessible.Text.Name) == toggle.accessibleName() != ""
    assert found.note_slot.isVisibleTo(window)


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_a_questions_rare_buttons_are_on_keys_the_question_menu_shows(qtbot, window_widgets) -> None:
    """Clear, Help, Note and evidence and the source links took 3 to 6 of a question's 5 to 8 Tab stops;
    they are out of the Tab chain, on keys that act on the question with the focus and that the
    Question menu (and each button's tooltip) shows."""
    window = window_widgets
    found = card(window, "w_who")
    rare = [found.clear, found.help_button, found.note_button, *found.source_buttons]
    assert len(found.source_buttons) == 2
    assert all(w.focusPolicy() == Qt.FocusPolicy.NoFocus and w not in found.focus_widgets() for w in rare)
    menu = window.findChild(QMenu, "questionMenu")
    shown = {without_mnemonic(a.text()): a.shortcut().toString() for a in menu.actions()}
    assert shown == {
        "Unknown / not disclosed": "Ctrl+Shift+K",
        "Clear the answer": "Ctrl+Shift+Del",
        "Show or hide its help": "Shift+F1",
        "Note and evidence": "Ctrl+Shift+N",
        "Sources of the question…": "Ctrl+Shift+O",
    }
    assert "Shift+F1" in found.help_button.toolTip() and "Ctrl+Shift+Del" in found.clear.toolTip()

    window.activateWindow()
    found.first_focus().setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert answers(window)["w_who"] == "police"
    press(qtbot, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    assert found.help_label.isVisibleTo(window)
    press(qtbot, Qt.Key.Key_Delete, CTRL_SHIFT)
    assert "w_who" not in answers(window) and window.status_undo.isVisibleTo(window)
    press(qtbot, Qt.Key.Key_K, CTRL_SHIFT)
    assert answers(window)["w_who"] == "UNKNOWN"
    press(qtbot, Qt.Key.Key_O, CTRL_SHIFT)
    sources = window.findChild(QMenu, "sourcesMenu:w_who")
    assert sources is not None and sources.isVisible()
    assert [a.text() for a in sources.actions()] == [b.full_text for b in found.source_buttons]
    sources.actions()[1].trigger()
    assert window._sources_dialog is not None and window._sources_dialog.isVisible()


def test_tab_stops_per_question(qtbot, window_widgets) -> None:
    """Tab stops from the first question to Previous, per question (docs/accessibility.md): the input
    (one stop for a group of radio buttons or a field) and Unknown."""
    window = window_widgets
    window.activateWindow()
    cards = [c for c in window.page.cards.values() if c.isVisibleTo(window.page)]
    window.editor.section_list.setFocus()
    tabs = 0
    while focus() is not window.editor.previous_button:
        press(qtbot, Qt.Key.Key_Tab)
        tabs += 1
        assert tabs < MAX_TABS
    stops = tabs - 1
    print(f"{len(cards)} questions, {stops} Tab stops")
    assert stops <= 2.5 * len(cards), (stops, len(cards))


def _alt_keys(texts: list[str]) -> list[str]:
    keys = []
    for text in texts:
        plain = text.replace("&&", "")
        if "&" in plain and plain.index("&") + 1 < len(plain):
            keys.append(plain[plain.index("&") + 1].lower())
    return keys


def _shown_keys(root: QWidget) -> list[str]:
    """The Alt+letter keys one window or dialog offers: its buttons, its labels with a buddy, its tabs."""
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.window() is not root:
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            if not (isinstance(widget, QLabel) and widget.textFormat() == Qt.TextFormat.RichText):
                texts.append(widget.text())
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QGroupBox):  # a group box's title takes Alt+letter too
            texts.append(widget.title())
    return _alt_keys(texts)


def _menus(menu: QMenu) -> list[QMenu]:
    menu.aboutToShow.emit()  # the recent files and examples are listed when the menu opens
    found = [menu]
    for action in menu.actions():
        if action.menu() is not None:
            found += _menus(action.menu())
    return found


def test_every_menu_window_and_dialog_gives_each_alt_letter_once(qtbot, make_window) -> None:
    """Alt+E once opened the Examples list instead of the Edit menu: each Alt+letter is used once per
    menu, per window state (start screen; every section of the shipped questionnaire) and per dialog."""
    from pia_wizard.core.load.library import shipped_library
    from pia_wizard.ui.guide import GuideDialog
    from pia_wizard.ui.sources_dialog import SourcesDialog
    from pia_wizard.ui.summary import SummaryDialog

    library = shipped_library()
    window = make_window(library, files=None)
    problems = []

    def check(where: str, keys: list[str]) -> None:
        doubled = sorted({k for k in keys if keys.count(k) > 1})
        if doubled:
            problems.append(f"{where}: {doubled}")

    menus = [action.menu() for action in window.menuBar().actions()]
    for menu in menus:
        for each in _menus(menu):
            check(f"menu {each.title()}", _alt_keys([a.text() for a in each.actions()]))
    bar = [a.text() for a in window.menuBar().actions()]
    check("start screen", _alt_keys(bar) + _shown_keys(window))
    window.new_assessment("biometric-deployment")
    for section in [DETAILS, *window.document.compiled.sections]:
        window.go_to_section(section)
        for found in window.page.findChildren(QAbstractButton):  # every panel open, as it could be
            if isinstance(found, DisclosureButton):
                found.setChecked(True)
        check(f"section {section}", _alt_keys(bar) + _shown_keys(window))
    dialogs = [
        PreferencesDialog(Preferences()),
        EvidenceDialog("Pick", None, {}),
        SourcesDialog(library.sources, library.glossary, "en"),
        SummaryDialog(),
        GuideDialog(),
    ]
    from pia_wizard.ui.about_dialog import AboutDialog

    dialogs.append(AboutDialog(library, {"settings": None, "recovery": None, "cache": None, "program": None}))
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        check(type(dialog).__name__, _shown_keys(dialog))
    window.show_review()  # the review panel, on the open assessment
    check("review panel", _shown_keys(window._review_panel))
    templates = {"briefing": "Council briefing", "information-request": "Request for information"}
    export = ExportDialog(templates, ["en"], ["Pick"], window.examples_dir / "x.pdf")
    qtbot.addWidget(export)
    export.show()
    for index in range(export.template.count()):  # the letter shows its own fields
        export.template.setCurrentIndex(index)
        check(f"export: {export.template.currentText()}", _shown_keys(export))
    assert export.letter.isVisible()
    assert len(menus) == 5
    assert problems == [], "\n".join(problems)


def test_the_verdicts_and_reasons_are_readable_as_text_in_the_summary(qtbot, window) -> None:
    """The pane's badges and reasons are labels, which a screen reader cannot read word by word (no
    text interface); the summary (Ctrl+Shift+Y, or Summary… in the pane) holds them as a text."""
    window.activateWindow()
    press(qtbot, Qt.Key.Key_Y, CTRL_SHIFT)
    dialog = window._summary_dialog
    assert dialog is not None and dialog.isVisible()
    text = QAccessible.queryAccessibleInterface(dialog.text).textInterface()
    assert text is not None
    said = text.text(0, text.characterCount())
    for result in window.evaluation.rulebooks:
        assert result.title in said
        assert window.editor.verdicts.views[result.id].badge.text() in said
