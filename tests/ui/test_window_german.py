"""The window in German (issue 19): Qt's catalogs are complete and current, and the real window, its
dialogs, plurals, dates and numbers read German when German is the language chosen.

The catalogs are pia_wizard/ui/i18n/pia_wizard_<lang>.ts (the translations) and .qm (what the window
loads), made by `make translations` with the PySide6 tools; pia_wizard/ui/language.py installs them.
"""

from __future__ import annotations

import ast
import datetime as dt
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QTextBrowser

from pia_wizard.ui import date_text, language, settings
from pia_wizard.ui.language import available_languages, install_language, long_date, shown_number
from pia_wizard.ui.section_list import DETAILS
from pia_wizard.ui.text import Plural, verdict_name, verdict_word

from .helpers_ui import card

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "pia_wizard" / "ui" / "i18n"
TOOLS = Path(sys.executable).parent
SOURCES = sorted((ROOT / "pia_wizard" / "ui").glob("*.py"))


@pytest.fixture
def german(qapp):  # type: ignore[no-untyped-def]
    """German installed as start-up installs it; English again afterwards for the tests that follow."""
    loaded = install_language("de")
    yield loaded
    install_language("en")


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()  # noqa: S314 - our own catalog
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _lupdate(target: Path, *options: str) -> None:
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *options]
        + [str(p) for p in SOURCES]
        + ["-ts", str(target)],
        check=True,
        timeout=120,
    )


# ------------------------------------------------------------------------------------------- catalogs


def test_every_german_entry_is_translated_and_none_is_obsolete() -> None:
    messages = _messages(I18N / "pia_wizard_de.ts")
    assert len(messages) > 500
    problems = []
    for (context, source), message in messages.items():
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{context}: {source!r} is {translation.get('type')}")
        forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
        if message.get("numerus") == "yes" and len(forms) != 2:  # German: singular and plural
            problems.append(f"{context}: {source!r} has {len(forms)} plural forms")
        if not all(f and f.strip() for f in forms):
            problems.append(f"{context}: {source!r} has an empty translation")
    assert not problems, "\n".join(problems)


def test_the_catalogs_hold_exactly_the_strings_of_the_source(tmp_path: Path) -> None:
    """What lupdate finds in pia_wizard/ui/*.py now is what the committed catalogs hold: a string added,
    changed or removed in the code and not run through `make translations` fails here."""
    fresh = tmp_path / "fresh_de.ts"
    _lupdate(fresh, "-target-language", "de")
    assert set(_messages(fresh)) == set(_messages(I18N / "pia_wizard_de.ts")), "run `make translations`"
    plurals = tmp_path / "fresh_en.ts"
    _lupdate(plurals, "-pluralonly", "-target-language", "en")
    assert set(_messages(plurals)) == set(_messages(I18N / "pia_wizard_en.ts")), "run `make translations`"
    assert _messages(plurals), "English's catalog holds the plural forms"


def _marked_in_code() -> set[tuple[str, str, str]]:
    """(context, text, where) of every tr / translate / QT_TRANSLATE_NOOP call with literal words,
    read from the code's syntax tree (a widget's `self.tr` has its class as context)."""
    found: set[tuple[str, str, str]] = set()

    def literal(node: ast.expr) -> str | None:
        return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None

    def visit(node: ast.AST, cls: str, path: Path) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Call):
                func = child.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                args = [literal(a) for a in child.args]
                where = f"{path.name}:{child.lineno}"
                if name == "tr" and args and args[0] is not None:
                    found.add((cls, args[0], where))
                elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 and None not in args[:2]:
                    found.add((args[0], args[1], where))  # type: ignore[arg-type]
            visit(child, child.name if isinstance(child, ast.ClassDef) else cls, path)

    for path in SOURCES:
        visit(ast.parse(path.read_text(encoding="utf-8")), "", path)
    return found


def test_every_marked_string_reaches_the_catalog() -> None:
    """lupdate reads no call inside an f-string: such words would stay English in every language."""
    catalog = set(_messages(I18N / "pia_wizard_de.ts"))
    missed = sorted(
        f"{where}: {context} / {text!r}"
        for context, text, where in _marked_in_code()
        if (context, text) not in catalog
    )
    assert not missed, "not extracted (move the call out of the f-string):\n" + "\n".join(missed)


def test_the_built_catalogs_are_those_of_the_translations(tmp_path: Path) -> None:
    """lrelease writes the same bytes for the same .ts (checked: two builds compare equal), so a .qm
    that differs from a fresh build is stale."""
    for ts in sorted(I18N.glob("pia_wizard_*.ts")):
        built = tmp_path / ts.with_suffix(".qm").name
        subprocess.run(
            [str(TOOLS / "pyside6-lrelease"), "-silent", "-removeidentical", str(ts), "-qm", str(built)],
            check=True,
            timeout=60,
        )
        assert built.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"{ts.name}: run `make translations`"


def test_a_language_is_offered_when_its_catalog_is_there(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    assert available_languages() == {"en": "English", "de": "Deutsch"}
    shutil.copy(I18N / "pia_wizard_de.qm", tmp_path / "pia_wizard_fr.qm")  # a catalog, whatever it says
    assert available_languages(tmp_path) == {"en": "English", "fr": "Français"}


def test_german_loads_our_catalog_and_qts(german) -> None:  # type: ignore[no-untyped-def]
    assert [p.name for p in german] == ["pia_wizard_de.qm", "qtbase_de.qm"]


# ------------------------------------------------------------------------------------- the window


def test_the_window_in_german_shows_german_menus_buttons_and_words(german, make_window, library) -> None:  # type: ignore[no-untyped-def]
    window = make_window(library)
    window.new_assessment("mini")
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&Datei", "&Bearbeiten", "&Gehe zu", "&Frage", "&Hilfe"]
    assert card(window, "q_yes").unknown.text() == "Unbekannt / nicht offengelegt"
    assert "(Taste: Strg+Umschalt+K)" in card(window, "q_yes").unknown.toolTip()  # keys named by Qt
    # The questionnaire's words follow the window's language (the preferences still say English):
    # the fixture has no German, so its English shows, marked.
    assert window.language == "de" and "[EN] Pick" in card(window, "q_choice").heading.text()
    assert window.editor.section_list.item(0).text() == "Angaben zur Bewertung"
    assert "beantwortet" in window.editor.section_list.item(1).text()
    # The verdict pane's date, German in words and order (the fixture's today is 23 November 2026).
    date_note = window.editor.verdicts.date_label.text()
    assert "23. November 2026" in date_note and date_note.startswith("Beurteilt nach den Regeln")
    window.show_summary()  # its headings are built in f-strings: lupdate must still find them
    summary = window._summary_dialog.findChild(QTextBrowser).toPlainText()
    assert "Ergebnisse und Gründe" in summary and "Die wichtigsten offenen Fragen" in summary


def test_qts_own_buttons_are_german_too(german, qtbot) -> None:  # type: ignore[no-untyped-def]
    from pia_wizard.ui.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(settings.Preferences())
    qtbot.addWidget(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Abbrechen"
    assert dialog.windowTitle() == "Einstellungen"
    from pia_wizard.ui.export import language_name

    # Report languages are named in the window's language.
    assert [language_name(code) for code in ("en", "de", "fr", "xx")] == [
        "Englisch",
        "Deutsch",
        "Französisch",
        "xx",
    ]


def test_plurals_take_the_german_forms(german) -> None:  # type: ignore[no-untyped-def]
    plural = Plural()
    assert plural.documents(1) == "1 Dokument"
    assert plural.documents(2) == "2 Dokumente"
    assert plural.required_open(1) == "1 Pflichtfrage offen"
    assert plural.required_open(3) == "3 Pflichtfragen offen"
    assert plural.questions_answered(0, 1, 0).startswith("0 von 1 Frage beantwortet")
    assert plural.questions_answered(2, 5, 1).startswith("2 von 5 Fragen beantwortet, davon 1 unbekannt")


def test_plurals_in_english_take_the_english_forms(qapp) -> None:  # type: ignore[no-untyped-def]
    install_language("en")
    assert Plural().documents(1) == "1 document"
    assert Plural().documents(2) == "2 documents"


def test_a_card_counts_its_documents_in_german(german, make_window, library) -> None:  # type: ignore[no-untyped-def]
    from pia_wizard.ui.evidence_dialog import EvidenceInput

    window = make_window(library)
    window.new_assessment("mini")
    panel = card(window, "q_yes").note_panel
    panel.add_evidence(EvidenceInput({"title": "Minutes", "confidence": 2}, None))
    QApplication.processEvents()
    assert card(window, "q_yes").note_button.text() == "Notiz und Nachweise: 1 Dokument"
    panel.add_evidence(EvidenceInput({"title": "Contract", "confidence": 3}, None))
    QApplication.processEvents()
    assert card(window, "q_yes").note_button.text() == "Notiz und Nachweise: 2 Dokumente"


def test_verdict_words_are_the_agreed_german_ones(german) -> None:  # type: ignore[no-untyped-def]
    names = {v: verdict_name(v) for v in ("red_line", "fails", "insufficient_information")}
    names |= {v: verdict_name(v) for v in ("conditional", "passes", "not_applicable")}
    assert names == {
        "red_line": "ROTE LINIE",
        "fails": "NICHT BESTANDEN",
        "insufficient_information": "ZU WENIG INFORMATIONEN",
        "conditional": "UNTER BEDINGUNGEN",
        "passes": "BESTANDEN",
        "not_applicable": "NICHT ANWENDBAR",
    }
    assert verdict_word("insufficient_information") == "Zu wenig Informationen"  # nouns keep capitals


# --------------------------------------------------------------------------------- dates and numbers


def test_dates_and_numbers_read_german(german) -> None:  # type: ignore[no-untyped-def]
    assert long_date(dt.date(2026, 12, 5)) == "5. Dezember 2026"
    assert shown_number(1234.5) == "1.234,5"
    assert shown_number(25000) == "25.000"
    assert language.month_names()[2] == "März"
    assert language.date_time_text("2026-12-05T17:20:31") == "5. Dezember 2026 um 17:20 Uhr"  # recovery


def test_dates_and_numbers_in_english_are_as_before(qapp) -> None:  # type: ignore[no-untyped-def]
    install_language("en")
    assert long_date(dt.date(2026, 12, 5)) == "5 December 2026"
    assert shown_number(1234.5) == "1234.5"
    assert language.date_time_text("2026-12-05T17:20:31") == "5 December 2026, 17:20"
    assert language.date_time_text("not a moment") == "not a moment"


def test_the_date_input_reads_and_shows_german_months(german, make_window, library, qtbot) -> None:  # type: ignore[no-untyped-def]
    months = language.month_names()
    assert date_text.parse_date("März 2026", months) == "2026-03"
    assert date_text.parse_date("5. Dezember 2026", months) == "2026-12-05"
    assert date_text.parse_date("Mai 2027", months) == "2027-05"
    assert date_text.parse_date("23.11.2026", months) == "2026-11-23"
    assert date_text.parse_date("March 2026", months) == "2026-03"  # English still understood
    assert date_text.date_words("2026-03", months) == "März 2026"


# ---------------------------------------------------------------------------------------- preferences


def test_choosing_german_in_preferences_applies_at_the_next_start(qtbot, library) -> None:  # type: ignore[no-untyped-def]
    from pia_wizard.ui.launch import remembered_language
    from pia_wizard.ui.main_window import MainWindow
    from pia_wizard.ui.preferences_dialog import PreferencesDialog

    install_language("en")
    dialog = PreferencesDialog(settings.Preferences())
    qtbot.addWidget(dialog)
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == ["English", "Deutsch"]
    assert "next starts" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    dialog.language.setCurrentIndex(names.index("Deutsch"))
    settings.save_preferences(dialog.preferences())
    assert remembered_language() == "de"
    try:
        install_language(remembered_language())  # what start-up (launch.py) does before any window
        window = MainWindow(library)
        qtbot.addWidget(window)
        assert window.menuBar().actions()[0].text() == "&Datei"
    finally:
        install_language("en")


def test_start_up_installs_the_language_of_the_preferences(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`pia-wizard gui` (launch.run_gui) reads the language from Preferences before any window."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from pia_wizard.ui import launch

    settings.save_preferences(settings.Preferences(language="de"))
    monkeypatch.setenv(launch.EXIT_AFTER_SHOW_VAR, "1")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    install_language("en")
    try:
        assert launch.run_gui(None) == 0
        assert language.installed_language() == "de"
        assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"  # qtbase_de
    finally:
        install_language("en")
        loop = QEventLoop()  # after quit(), one more turn of an event loop (see test_launch.py)
        QTimer.singleShot(0, loop.quit)
        loop.exec()


def test_numbers_are_typed_with_a_decimal_comma_in_german(german, make_window, library, qtbot) -> None:  # type: ignore[no-untyped-def]
    from .helpers_ui import answers, type_into

    window = make_window(library)
    window.new_assessment("mini")
    window.go_to_section("s_d")
    type_into(qtbot, window, "q_people", "1.234,5")
    type_into(qtbot, window, "q_rate", "0,5 %")
    assert answers(window)["q_people"] == 1234.5
    assert answers(window)["q_rate"] == 0.005
    type_into(qtbot, window, "q_watch", "250")  # no comma: as before
    assert answers(window)["q_watch"] == 250


def _alt_letters(texts: list[str]) -> list[str]:
    letters = []
    for text in texts:
        plain = text.replace("&&", "")
        if "&" in plain:
            letters.append(plain[plain.index("&") + 1].lower())
    return letters


def test_alt_letters_stay_unique_in_german(german, make_window, library) -> None:  # type: ignore[no-untyped-def]
    """German words move the mnemonics: none may then reach two things at once (as test_access checks
    for English), in the menu bar, in each menu, or on the start screen and the page."""
    from PySide6.QtWidgets import QAbstractButton, QWidget

    window = make_window(library)
    menus = [action.menu() for action in window.menuBar().actions()]
    for menu in [m for m in menus if m is not None]:
        letters = _alt_letters([a.text() for a in menu.actions() if not a.isSeparator()])
        assert sorted(letters) == sorted(set(letters)), f"{menu.title()}: {sorted(letters)}"

    def shown_letters(top: QWidget, extra: list[str]) -> list[str]:
        texts = list(extra)
        for widget in top.findChildren(QWidget):
            if isinstance(widget, QAbstractButton | QLabel) and widget.isVisibleTo(top):
                if not (isinstance(widget, QLabel) and widget.buddy() is None):
                    texts.append(widget.text())
        return _alt_letters(texts)

    menu_titles = [action.text() for action in window.menuBar().actions()]
    for show in (
        window.show_start,
        lambda: window.new_assessment("mini"),
        lambda: window.go_to_section(DETAILS),
    ):
        show()
        letters = shown_letters(window, menu_titles)
        assert len(letters) >= 4 and sorted(letters) == sorted(set(letters)), sorted(letters)
    from pia_wizard.ui.evidence_dialog import EvidenceDialog
    from pia_wizard.ui.export import ExportDialog
    from pia_wizard.ui.preferences_dialog import PreferencesDialog

    for dialog in (
        ExportDialog(
            {"briefing": "B", "information-request": "I"},
            ["en", "de"],
            [],
            Path("r.pdf"),
            "information-request",
            window,
        ),
        PreferencesDialog(settings.Preferences(), window),
        EvidenceDialog("Q", None, {}, window),
    ):
        dialog.show()
        letters = shown_letters(dialog, [])
        dialog.close()
        assert len(letters) >= 4 and sorted(letters) == sorted(set(letters)), (
            dialog.windowTitle(),
            sorted(letters),
        )
