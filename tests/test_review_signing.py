"""Signed review steps on real files with real keys: `keys new`, `review --approve --sign`, then
`score`, `validate` (with and without `--trust`) and `review`; the step edited after signing; a wrong
passphrase; an unsigned approval as before; an ECDSA key; the model's pairing of the two fields."""

from __future__ import annotations

import base64
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from helpers import ROOT
from pydantic import ValidationError

from pia_wizard.cli import main
from pia_wizard.commands.passphrase import ENVIRONMENT
from pia_wizard.core.models.assessment import ReviewStep
from pia_wizard.report.approval_signing import check_step, sign_step
from pia_wizard.report.signing import SigningError

STADIUM = ROOT / "examples" / "stadium-entry-consent.pia.json"
PASSPHRASE = "correct horse battery staple"  # noqa: S105 - a test key's passphrase
SIGNER = "Oversight Board Test Key"
APPROVE = ["--approve", "--by", "R. Okafor", "--comment", "Checked", "--date", "2026-03-01"]
CHANGED = "the approval was changed after it was signed"


@pytest.fixture(scope="module")
def key(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A key made by `keys new` (its certificate beside it as .pem)."""
    path = tmp_path_factory.mktemp("keys") / "board.p12"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(ENVIRONMENT, PASSPHRASE)
        assert main(["keys", "new", "--name", SIGNER, "-o", str(path)]) == 0
    return path


@pytest.fixture
def copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(ENVIRONMENT, PASSPHRASE)
    path = tmp_path / "stadium.pia.json"
    shutil.copy(STADIUM, path)
    return path


def _score(path: Path, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    assert main(["score", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)["review"]


def _last_step(path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(path.read_text(encoding="utf-8"))["review"]["steps"][-1]


def test_a_signed_approval_is_stored_and_checks_as_valid_everywhere(
    key: Path, copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", str(copy), *APPROVE, "--sign", str(key)]) == 0
    out = capsys.readouterr().out
    assert "Approved by R. Okafor on 1 March 2026." in out
    assert f"Signed with a key naming {SIGNER}: the approval is unchanged since it was signed" in out
    assert "self-signed, so this does not prove who signed it" in out
    step = _last_step(copy)
    assert base64.b64decode(step["signature"], validate=True)
    certificate = x509.load_der_x509_certificate(base64.b64decode(step["certificate"]))
    assert certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == SIGNER

    review = _score(copy, capsys)
    assert review["status"] == "approved" and review["current"] is True
    assert (review["signature"], review["signer"], review["self_signed"]) == ("valid", SIGNER, True)
    assert main(["score", str(copy)]) == 0
    assert "the approval is unchanged since it was signed" in capsys.readouterr().out

    assert main(["validate", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "review step 1 (1 March 2026, by R. Okafor): Signed with a key naming" in out
    assert "self-signed" in out
    assert main(["validate", str(copy), "--trust", str(key.with_suffix(".pem"))]) == 0
    assert "the certificate is one you named as trusted" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("field", "value"), [("by", "Someone Else"), ("comment", "Not checked"), ("status", "rejected")]
)
def test_a_signed_step_edited_in_the_file_is_invalid(
    key: Path, copy: Path, capsys: pytest.CaptureFixture[str], field: str, value: str
) -> None:
    assert main(["review", str(copy), *APPROVE, "--sign", str(key)]) == 0
    capsys.readouterr()
    data = json.loads(copy.read_text(encoding="utf-8"))
    data["review"]["steps"][-1][field] = value
    copy.write_text(json.dumps(data), encoding="utf-8")

    assert _score(copy, capsys)["signature"] == "invalid"
    assert main(["score", str(copy)]) == 0
    assert "Signature invalid:" in capsys.readouterr().out
    assert main(["validate", str(copy)]) == 2
    out = capsys.readouterr().out
    assert "Signature invalid:" in out and "was changed after it was signed" in out
    assert main(["review", str(copy)]) == 0
    assert "Signature invalid:" in capsys.readouterr().out


def test_an_answer_changed_after_a_signed_approval_is_stale_not_a_broken_signature(
    key: Path, copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", str(copy), *APPROVE, "--sign", str(key)]) == 0
    capsys.readouterr()
    data = json.loads(copy.read_text(encoding="utf-8"))
    question = next(q for q, a in data["answers"].items() if isinstance(a.get("value"), bool))
    data["answers"][question]["value"] = not data["answers"][question]["value"]
    copy.write_text(json.dumps(data), encoding="utf-8")
    review = _score(copy, capsys)
    assert review["current"] is False and review["signature"] == "valid"


def test_a_wrong_passphrase_exits_2_and_leaves_the_file_as_it_was(
    key: Path, copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = copy.read_bytes()
    monkeypatch.setenv(ENVIRONMENT, "not the passphrase")
    assert main(["review", str(copy), *APPROVE, "--sign", str(key)]) == 2
    err = capsys.readouterr().err
    assert "cannot open the signing key: the passphrase is wrong" in err
    assert "nothing was recorded" in err and "not the passphrase" not in err
    assert copy.read_bytes() == before
    assert not copy.with_name(copy.name + ".bak").exists()


def test_sign_needs_a_step(key: Path, copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = copy.read_bytes()
    assert main(["review", str(copy), "--sign", str(key)]) == 2
    assert "--sign signs a step" in capsys.readouterr().err
    assert copy.read_bytes() == before


def test_an_unsigned_approval_stays_as_it_was(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(copy), *APPROVE]) == 0
    assert "Signed" not in capsys.readouterr().out
    assert set(_last_step(copy)) == {"status", "by", "date", "comment", "digest"}
    review = _score(copy, capsys)
    assert (review["signature"], review["signer"]) == ("none", None)
    assert "signature" not in review["last"]
    assert main(["validate", str(copy)]) == 0
    assert "Signature" not in capsys.readouterr().out


def _ecdsa_p12(name: str, passphrase: bytes) -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    encryption = serialization.BestAvailableEncryption(passphrase)
    return pkcs12.serialize_key_and_certificates(b"k", key, certificate, None, encryption)


STEP = ReviewStep(status="changes_requested", by="A. Reviewer", date=dt.date(2026, 3, 2), digest="a" * 64)


def test_an_ecdsa_key_signs_and_a_changed_field_breaks_it() -> None:
    signed = sign_step(STEP, _ecdsa_p12("ECDSA Test", b"pw"), b"pw")
    check = check_step(signed)
    assert (check.state, check.signer, check.self_signed, check.approval) == (
        "valid",
        "ECDSA Test",
        True,
        False,
    )
    for change in ({"comment": "added later"}, {"date": dt.date(2026, 3, 3)}, {"digest": "b" * 64}):
        broken = check_step(signed.model_copy(update=change))
        assert broken.state == "invalid"
        assert broken.line() == "Signature invalid: the review step was changed after it was signed."
    assert check_step(STEP).state == "none"
    with pytest.raises(SigningError, match="passphrase is wrong"):
        sign_step(STEP, _ecdsa_p12("ECDSA Test", b"pw"), b"wrong")


def test_a_signature_needs_its_certificate_and_both_are_base64() -> None:
    fields = STEP.model_dump()
    with pytest.raises(ValidationError, match="needs both its signature and the signer's certificate"):
        ReviewStep.model_validate({**fields, "signature": "AAAA"})
    with pytest.raises(ValidationError, match="base64"):
        ReviewStep.model_validate({**fields, "signature": "not base64!", "certificate": "AAAA"})
    garbled = ReviewStep.model_validate({**fields, "signature": "AAAA", "certificate": "AAAA"})
    assert check_step(garbled).line() == (
        "Signature invalid: the signer's certificate in the file cannot be read."
    )


def test_a_migration_that_renames_an_answer_leaves_a_signed_step_signed_and_no_longer_current() -> None:
    from pia_wizard.core.answers.review import carry_review, record_step, review_state
    from pia_wizard.core.load.assessment_io import load_assessment_file
    from pia_wizard.core.load.library import shipped_library

    loaded = load_assessment_file(STADIUM, shipped_library())
    approved = record_step(loaded.assessment, "approved", "R. Okafor", dt.date(2026, 3, 1))
    review = approved.review
    assert review is not None
    signed_step = sign_step(review.steps[-1], _ecdsa_p12("ECDSA Test", b"pw"), b"pw")
    signed = approved.model_copy(update={"review": review.model_copy(update={"steps": (signed_step,)})})
    answers = dict(signed.answers)
    first = next(iter(answers))
    answers["q_renamed"] = answers.pop(first)  # what a rename of a question does to the stored answers
    carried = carry_review(signed, signed.model_copy(update={"answers": answers}))
    step = carried.review.steps[-1]  # type: ignore[union-attr]
    assert step == signed_step  # not re-stamped: the signature would no longer cover it
    assert check_step(step).state == "valid"
    assert not review_state(carried).current
