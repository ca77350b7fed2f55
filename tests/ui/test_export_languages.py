"""The export dialog offers every language a report can be written in, by name, English first."""

from __future__ import annotations

from pia_wizard.ui.export import ExportDialog, report_languages


def test_german_is_offered_once_its_catalog_exists(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    languages = report_languages("en", {"en": "Biometric deployment"})
    assert languages == ["en", "de"]  # pia_wizard/locale/de/LC_MESSAGES/reports.po is committed
    dialog = ExportDialog({"briefing": "Council briefing"}, languages, [], tmp_path / "r.pdf", "briefing")
    qtbot.addWidget(dialog)
    offered = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert offered == ["English", "German"]
    assert dialog.choices()["language"] == "en"  # the source stays the default
    dialog.language.setCurrentIndex(1)
    assert dialog.choices()["language"] == "de"


def test_a_language_is_offered_once_whichever_way_it_is_known() -> None:
    assert report_languages("en", ["de", "en", "", "fr"]) == ["en", "de", "fr"]
