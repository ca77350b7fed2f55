"""Signing in the window: the export dialog's "Sign the PDF" choice with its passphrase field (a wrong
passphrase is said in the dialog and nothing is exported; the passphrase is never remembered), the
signed PDF made by the worker process, and a signed report opened in the window saying so."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton

from pia_wizard.report import signing
from pia_wizard.ui.export import ExportDialog

PASSPHRASE = "a long passphrase for tests"  # noqa: S105 - a test key's passphrase
SIGNER = "Residents for Open Streets"


@pytest.fixture(scope="module")
def key(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("keys") / "residents.p12"
    path.write_bytes(signing.new_key(SIGNER, PASSPHRASE.encode()))
    return path


def _dialog(qtbot, tmp_path: Path, **kwargs) -> ExportDialog:  # type: ignore[no-untyped-def]
    templates = {"briefing": "Council briefing"}
    dialog = ExportDialog(templates, ["en"], [], tmp_path / "r.pdf", "briefing", **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _export_button(dialog: ExportDialog) -> QPushButton:
    button = dialog.findChild(QPushButton, "exportButton")
    assert button is not None
    return button


def test_the_sign_choice_shows_for_a_pdf_only(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, tmp_path)
    assert dialog.sign.isVisible() and not dialog.sign.isChecked() and dialog.signing() is None
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Password
    dialog.format.setCurrentIndex(dialog.format.findData(".docx"))
    assert not dialog.sign.isVisible()
    dialog.sign.setChecked(True)
    assert dialog.signing() is None  # a Word copy is never signed, whatever was ticked
    dialog.format.setCurrentIndex(dialog.format.findData(".pdf"))
    assert dialog.sign.isVisible()


def test_a_wrong_passphrase_is_said_in_the_dialog_and_nothing_is_exported(
    qtbot, tmp_path: Path, key: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, tmp_path)
    dialog.sign.setChecked(True)
    qtbot.keyClicks(dialog.sign_key, str(key))
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.mouseClick(_export_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.sign_problem.isVisible()
    assert "passphrase is wrong" in dialog.sign_problem.text()
    assert "not the passphrase" not in dialog.sign_problem.text()
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(_export_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.signing() == (str(key), PASSPHRASE)
    choices = dialog.choices()
    assert choices["sign_key"] == str(key) and PASSPHRASE not in repr(choices)  # the window keeps choices
    again = _dialog(qtbot, tmp_path, previous=choices)  # the key is offered again, its passphrase is not
    assert again.sign.isChecked() and again.sign_key.text() == str(key) and again.passphrase.text() == ""


@pytest.mark.slow
def test_the_window_signs_the_pdf_and_reopening_it_says_so(qtbot, window, key, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    out.mkdir()
    wrong = out / "wrong.pdf"
    job = window.start_export(
        window.export_request(wrong, "factsheet", "en", True, sign=(str(key), "not the passphrase"))
    )
    qtbot.waitUntil(lambda: not job.running, timeout=120_000)
    assert window.prompts.errors and "passphrase is wrong" in window.prompts.errors[-1][2]
    assert list(out.iterdir()) == []  # nothing written, not even a part

    signed = out / "signed.pdf"
    request = window.export_request(signed, "factsheet", "en", True, sign=(str(key), PASSPHRASE))
    job = window.start_export(request)
    qtbot.waitUntil(lambda: not job.running, timeout=120_000)
    check = signing.check_signature(signed.read_bytes())
    assert (check.signed, check.signer, check.altered) == (True, SIGNER, False)

    assert window.open_path(signed)
    _title, text, _details = window.prompts.infos[-1]
    assert f"Signed by {SIGNER} on " in text
    assert "not who signed it (identity)" in text and "Its fingerprint holds" in text
