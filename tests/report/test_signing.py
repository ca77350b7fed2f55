"""Signed reports, end to end on real files with real signatures: `keys new`, `report --sign`,
`validate` (with and without `--trust`), a byte changed in the signed range, an update appended after
signing, a wrong passphrase; the PDF/A identification and the embedded assessment kept."""

from __future__ import annotations

import io
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from report_cases import COMPILED, LIBRARY, red_line_case

from pia_wizard.cli import main
from pia_wizard.commands import report as report_command
from pia_wizard.commands import validate
from pia_wizard.commands.passphrase import ENVIRONMENT
from pia_wizard.core.load.assessment_io import save_assessment
from pia_wizard.report import signing
from pia_wizard.report.render import ASSESSMENT_ATTACHMENT
from pia_wizard.report.reopen import check_report, embedded_files

PASSPHRASE = "correct horse battery staple"  # noqa: S105 - a test key's passphrase
SIGNER = "Civil Liberties Test Group"


@pytest.fixture(autouse=True)
def fixture_library(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands use the fixture questionnaire and rulebooks instead of the shipped ones."""
    monkeypatch.setattr(validate, "shipped_library", lambda: LIBRARY)
    monkeypatch.setattr(report_command, "shipped_library", lambda: LIBRARY)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A key made by `keys new`, an assessment on disk, and its fact sheet signed by `report --sign`."""
    folder = tmp_path_factory.mktemp("signed")
    assessment = folder / "case.pia.json"
    save_assessment(assessment, red_line_case())
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(ENVIRONMENT, PASSPHRASE)
        patch.setattr(validate, "shipped_library", lambda: LIBRARY)
        patch.setattr(report_command, "shipped_library", lambda: LIBRARY)
        key = folder / "keys" / "group.p12"
        assert main(["keys", "new", "--name", SIGNER, "-o", str(key)]) == 0
        signed = folder / "signed.pdf"
        sign = ["--template", "factsheet", "--sign", str(key)]
        assert main(["report", str(assessment), "-o", str(signed), *sign]) == 0
        plain = folder / "plain.pdf"
        assert main(["report", str(assessment), "-o", str(plain), "--template", "factsheet"]) == 0
    return {"folder": folder, "assessment": assessment, "key": key, "signed": signed, "plain": plain}


def test_keys_new_writes_a_private_key_and_its_certificate(made: dict[str, Path]) -> None:
    key = made["key"]
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    pem = key.with_suffix(".pem").read_bytes()
    assert pem.startswith(b"-----BEGIN CERTIFICATE-----")
    assert signing.certificate_pem(key.read_bytes(), PASSPHRASE.encode()) == pem
    with pytest.raises(signing.SigningError, match="passphrase is wrong"):
        signing.certificate_pem(key.read_bytes(), b"not it")


def test_keys_new_prints_the_path_and_never_overwrites(
    made: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(ENVIRONMENT, PASSPHRASE)
    before = made["key"].read_bytes()
    assert main(["keys", "new", "--name", "Someone else", "-o", str(made["key"])]) == 2
    assert "already exists: nothing was written" in capsys.readouterr().err
    assert made["key"].read_bytes() == before
    fresh = made["folder"] / "fresh.p12"
    assert main(["keys", "new", "--name", "Someone else", "-o", str(fresh)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{fresh}\n" and PASSPHRASE not in out + err


def test_keys_new_goes_to_the_data_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pia_wizard.commands import keys

    monkeypatch.setattr(keys, "keys_folder", lambda: tmp_path / "data" / "keys")
    monkeypatch.setenv(ENVIRONMENT, PASSPHRASE)
    assert main(["keys", "new", "--name", "Ward 7 Residents' Group"]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'data' / 'keys' / 'ward-7-residents-group.p12'}\n"


def test_a_signed_report_validates_as_signed_intact_and_self_signed(
    made: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(made["signed"])]) == 0
    out = capsys.readouterr().out
    assert f"signed by {SIGNER} on " in out
    assert "the bytes it signed are unchanged since it was signed" in out
    assert (
        "self-signed certificate: this proves only that the report is unchanged since it was signed "
        "(integrity), not who signed it (identity)" in out
    )
    assert "fingerprint SHA-256" in out and "holds" in out
    assert "CHANGED AFTER SIGNING" not in out and "ALTERED" not in out


def test_a_trust_anchor_the_reader_names_vouches_for_the_signer(
    made: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    certificate = made["key"].with_suffix(".pem")
    assert main(["validate", "--trust", str(certificate), str(made["signed"])]) == 0
    out = capsys.readouterr().out
    assert "chains to a trust anchor you named" in out and "self-signed certificate" not in out
    # Another organisation's certificate vouches for nothing.
    other = made["folder"] / "other.pem"
    other.write_bytes(signing.certificate_pem(signing.new_key("Other", b"x"), b"x"))
    assert main(["validate", "--trust", str(other), str(made["signed"])]) == 0
    out = capsys.readouterr().out
    assert "chains to a trust anchor" not in out and "does not match any trust anchor you named" in out


def test_an_unsigned_report_says_so(made: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(made["plain"])]) == 0
    assert f"{made['plain']}: not signed:" in capsys.readouterr().out


def test_signing_appends_and_keeps_the_pdf_a_identification_and_the_attachment(made: dict[str, Path]) -> None:
    signed, plain = made["signed"].read_bytes(), made["plain"].read_bytes()
    assert signed.startswith(plain)  # an incremental update: the report's own bytes come first, unchanged
    files, _first = embedded_files(signed)
    assert files[ASSESSMENT_ATTACHMENT] == embedded_files(plain)[0][ASSESSMENT_ATTACHMENT]
    assert check_report(signed, LIBRARY).fingerprint_holds


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) is not installed")
def test_pdfinfo_still_reads_pdf_a_3b_from_the_signed_report(made: dict[str, Path]) -> None:
    meta = subprocess.run(
        ["pdfinfo", "-meta", str(made["signed"])], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert 'pdfaid:part="3"' in meta and 'pdfaid:conformance="B"' in meta
    detached = subprocess.run(
        ["pdfdetach", "-list", str(made["signed"])], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert ASSESSMENT_ATTACHMENT in detached


def test_one_byte_changed_in_the_signed_range_is_altered_exit_2(
    made: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = bytearray(made["signed"].read_bytes())
    at = data.index(b"/Producer")  # a byte the reader still parses: the report's producer's name
    data[at + 12] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    assert main(["validate", str(tampered)]) == 2
    out, err = capsys.readouterr()
    assert "ALTERED: the signed bytes were changed after signing" in out
    assert "1 problem(s)" in err


def test_an_update_appended_after_signing_is_reported_as_not_covered(
    made: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader, PdfWriter

    signed = made["signed"].read_bytes()
    writer = PdfWriter(PdfReader(io.BytesIO(signed)), incremental=True)
    writer.add_blank_page(200, 200)
    buffer = io.BytesIO()
    writer.write(buffer)
    updated = tmp_path / "updated.pdf"
    updated.write_bytes(buffer.getvalue())
    assert buffer.getvalue().startswith(signed)
    assert main(["validate", str(updated)]) == 0  # the signed bytes are intact: exit 0, but said loudly
    out = capsys.readouterr().out
    assert "the bytes it signed are unchanged" in out
    assert "CHANGED AFTER SIGNING: an update was appended after the signature" in out
    assert "the signature does not cover it" in out
    assert signing.check_signature(buffer.getvalue()).later_update
    assert not signing.check_signature(signed).later_update


def test_a_wrong_passphrase_is_a_clear_error_and_writes_nothing(
    made: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(ENVIRONMENT, "not the passphrase")
    out = tmp_path / "out" / "report.pdf"
    out.parent.mkdir()
    code = main(
        [
            "report",
            str(made["assessment"]),
            "-o",
            str(out),
            "--html",
            str(out.with_suffix(".html")),
            "--sign",
            str(made["key"]),
        ]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "cannot open the signing key: the passphrase is wrong" in err
    assert "not the passphrase" not in err
    assert list(out.parent.iterdir()) == []  # no PDF, no web page, no partial or temporary file


def test_the_passphrase_comes_from_standard_input_when_there_is_no_terminal(
    made: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    out = tmp_path / "stdin.pdf"
    code = main(
        [
            "report",
            str(made["assessment"]),
            "-o",
            str(out),
            "--template",
            "factsheet",
            "--sign",
            str(made["key"]),
        ]
    )
    assert code == 0
    assert signing.check_signature(out.read_bytes()).signer == SIGNER


def test_only_a_pdf_can_be_signed(made: dict[str, Path], tmp_path: Path, capsys) -> None:
    out = tmp_path / "copy.docx"
    assert main(["report", str(made["assessment"]), "-o", str(out), "--sign", str(made["key"])]) == 2
    assert "--sign signs a PDF" in capsys.readouterr().err and not out.exists()


def test_sign_and_check_in_process_unchanged_altered_and_anchored() -> None:
    from pia_wizard.report.options import ReportOptions
    from pia_wizard.report.render import prepare_report, render_pdf

    pdf = render_pdf(prepare_report(red_line_case(), COMPILED, LIBRARY, ReportOptions(template="factsheet")))
    p12 = signing.new_key(SIGNER, b"pw")
    signed = signing.sign_pdf(pdf, signing.load_signer(p12, b"pw"))
    check = signing.check_signature(signed)
    assert (check.signed, check.altered, check.self_signed, check.trusted) == (True, False, True, False)
    anchors = signing.load_anchors_from_pem(signing.certificate_pem(p12, b"pw"))
    assert signing.check_signature(signed, anchors).trusted
    assert not signing.check_signature(pdf).signed
    with pytest.raises(signing.SigningError, match="passphrase is wrong"):
        signing.load_signer(p12, b"wrong")
