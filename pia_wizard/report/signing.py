"""Signed reports: a signing key made on the spot, a report signed with it, a signature checked.

What a signature proves, and what it does not (docs/reports.md, "Signed reports"):
- it proves that the signed bytes have not changed since someone holding the key signed them;
- with a self-signed certificate it proves nothing about who that was (integrity, not identity);
  only a certificate that chains to a trust anchor the reader chose ties the key to a name;
- it says nothing about whether the assessment's answers are true, nor about an update appended later
  (reported separately: a viewer shows the latest revision, which the signature does not cover).

The signature is PAdES (ETSI.CAdES.detached) written by pyHanko as an incremental update, so the
report's own bytes — its PDF/A-3b identification and the embedded assessment — stay as they were, ahead
of the signature. Only pyHanko's public API is used. Nothing here keeps or logs a passphrase: it is
passed in as bytes, used once, and dropped. pyHanko and cryptography are imported only when called.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIELD_NAME = "Signature"
KEY_SUFFIX = ".p12"
CERT_SUFFIX = ".pem"
KEY_YEARS = 5
MAX_KEY_BYTES = 1024 * 1024
SIGNATURE_MARK = b"/ByteRange"  # present in every signed PDF: the cheap test before pyHanko is imported


class SigningError(Exception):
    """A key that cannot be read or used, in words for a person."""


# --- keys -----------------------------------------------------------------------------------------


def new_key(name: str, passphrase: bytes, *, now: dt.datetime | None = None) -> bytes:
    """A PKCS#12 file (its bytes): a new RSA key and a self-signed certificate naming `name`, valid for
    KEY_YEARS years, encrypted with `passphrase` (AES-256 and PBKDF2, cryptography's best available)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    name = " ".join(name.split())
    if not name:
        raise SigningError("the key needs a name: the person or organisation that will sign")
    if not passphrase:
        raise SigningError("the key needs a passphrase (an empty one would leave it unprotected)")
    now = now or dt.datetime.now(dt.UTC)
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    subject = x509.Name(
        [x509.NameAttribute(NameOID.COMMON_NAME, name), x509.NameAttribute(NameOID.ORGANIZATION_NAME, name)]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * KEY_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"), key, certificate, None, serialization.BestAvailableEncryption(passphrase)
    )


def certificate_pem(p12: bytes, passphrase: bytes) -> bytes:
    """The certificate inside a PKCS#12 file, as PEM: what a reader passes to `validate --trust`."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        _key, certificate, _others = pkcs12.load_key_and_certificates(p12, passphrase)
    except ValueError:
        raise SigningError(_KEY_PROBLEM) from None
    if certificate is None:
        raise SigningError("the key file holds no certificate")
    return certificate.public_bytes(serialization.Encoding.PEM)


def check_key(p12: bytes, passphrase: bytes) -> None:
    """Raise a SigningError unless the PKCS#12 file opens with the passphrase and holds a key and a
    certificate (cryptography only: quick, and without importing pyHanko)."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        key, certificate, _others = pkcs12.load_key_and_certificates(p12, passphrase or None)
    except ValueError:
        raise SigningError(_KEY_PROBLEM) from None
    if key is None or certificate is None:
        raise SigningError("the key file must hold a private key and its certificate")


def key_file_name(name: str) -> str:
    """A file name for a key from its owner's name: letters, digits and hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60]
    return (slug or "signing-key") + KEY_SUFFIX


_KEY_PROBLEM = (
    "cannot open the signing key: the passphrase is wrong, or the file is not a PKCS#12 key (.p12/.pfx)"
)


def read_key(path: Path) -> bytes:
    """A key file's bytes, or a SigningError naming the file and what is wrong."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_KEY_BYTES + 1)
    except FileNotFoundError:
        raise SigningError(f"{path}: no such key file") from None
    except IsADirectoryError:
        raise SigningError(f"{path}: is a folder, not a key file") from None
    except OSError as exc:
        raise SigningError(f"{path}: cannot read the key file: {exc.strerror or exc}") from None
    if len(data) > MAX_KEY_BYTES:
        raise SigningError(f"{path}: too large for a key file (over {MAX_KEY_BYTES // 1024} KB)")
    return data


def load_signer(p12: bytes, passphrase: bytes, name: str = "key") -> Any:
    """pyHanko's signer for a PKCS#12 file; a wrong passphrase is a SigningError that says so."""
    from pyhanko.sign import signers

    try:
        return signers.SimpleSigner.load_pkcs12_data(p12, other_certs=(), passphrase=passphrase)
    except ValueError:
        raise SigningError(f"{name}: {_KEY_PROBLEM}") from None


def signer_name(signer: Any) -> str:
    """Who a signer's certificate names (its common name, else its organisation)."""
    return _subject_name(signer.signing_cert)


def _subject_name(certificate: Any) -> str:
    subject = certificate.subject.native
    name = subject.get("common_name") or subject.get("organization_name")
    return str(name or certificate.subject.human_friendly)


# --- signing --------------------------------------------------------------------------------------


def sign_pdf(pdf: bytes, signer: Any, *, reason: str = "", location: str = "") -> bytes:
    """The PDF with a PAdES signature appended as an incremental update: the original bytes come first,
    unchanged, so the PDF/A identification and the attachments are kept. The signing time is the clock's
    (the one part of a signed report that is not reproducible)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
    )
    output = io.BytesIO()
    signers.PdfSigner(metadata, signer=signer).sign_pdf(writer, output=output)
    return output.getvalue()


# --- checking -------------------------------------------------------------------------------------


@dataclass
class SignatureCheck:
    """What a report's signature shows, in words.

    `altered` means the signed bytes no longer hash to what was signed (or the signature itself does not
    verify): the report was changed. `later_update` means bytes were appended after the signature,
    which it does not cover (the viewer shows them).
    """

    signed: bool = False
    signer: str = ""
    signed_at: dt.datetime | None = None
    certificate_sha256: str = ""
    self_signed: bool = False
    trusted: bool = False  # chains to a trust anchor the user named
    anchors_named: bool = False
    altered: bool = False
    later_update: bool = False
    later_update_kind: str = ""
    count: int = 0
    problems: list[str] = field(default_factory=list)  # could not be checked at all

    def lines(self) -> list[str]:
        """The check in plain sentences, most important first."""
        if self.problems:
            return self.problems
        if not self.signed:
            return ["not signed: nothing shows who made this report or that it is unchanged"]
        when = f" on {self.signed_at.strftime('%Y-%m-%d %H:%M UTC')}" if self.signed_at else ""
        lines = [f"signed by {self.signer}{when}"]
        if self.altered:
            lines.append(
                "ALTERED: the signed bytes were changed after signing; this is not the report that was signed"
            )
            return lines
        lines.append("the bytes it signed are unchanged since it was signed")
        if self.trusted:
            lines.append(
                "the certificate chains to a trust anchor you named: the signer's identity is vouched for"
            )
        elif self.self_signed:
            lines.append(
                "self-signed certificate: this proves only that the report is unchanged since it was signed "
                "(integrity), not who signed it (identity); compare the certificate's SHA-256 "
                f"{self.certificate_sha256} with one you got from the signer"
            )
        else:
            lines.append(
                "the certificate does not chain to a trust anchor you named: the signer's identity is not "
                f"vouched for (certificate SHA-256 {self.certificate_sha256})"
            )
        if self.anchors_named and not self.trusted and self.self_signed:
            lines.append("it does not match any trust anchor you named")
        if self.later_update:
            lines.append(
                "CHANGED AFTER SIGNING: an update was appended after the signature"
                f"{self.later_update_kind}; the signature does not cover it, and a viewer shows the "
                "updated report"
            )
        if self.count > 1:
            lines.append(f"{self.count} signatures: only the last one was checked")
        return lines


def is_signed(pdf: bytes) -> bool:
    return SIGNATURE_MARK in pdf


def load_anchors_from_pem(data: bytes) -> list[Any]:
    """The certificates in PEM or DER bytes (empty when there are none)."""
    from pyhanko.keys import load_certs_from_pemder_data

    try:
        return list(load_certs_from_pemder_data(data))
    except (ValueError, TypeError):
        return []


def load_anchors(paths: list[Path]) -> list[Any]:
    """Trust anchors from certificate files (PEM or DER), or a SigningError naming the file."""
    anchors = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SigningError(f"{path}: cannot read the certificate: {exc.strerror or exc}") from None
        found = load_anchors_from_pem(data)
        if not found:
            raise SigningError(f"{path}: not a certificate (PEM or DER)")
        anchors.extend(found)
    return anchors


def check_signature(pdf: bytes, anchors: list[Any] | None = None) -> SignatureCheck:
    """Read and check the last signature of a PDF against the trust anchors given (none: only
    integrity can be checked). Never fetches anything: revocation data is not looked up."""
    check = SignatureCheck(anchors_named=bool(anchors))
    if not is_signed(pdf):
        return check
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = reader.embedded_regular_signatures
    except Exception as exc:  # noqa: BLE001 - any unreadable PDF is reported, not raised
        check.problems.append(f"cannot read the signature ({exc})")
        return check
    if not signatures:
        return check
    check.signed, check.count = True, len(signatures)
    _judge(check, signatures[-1], anchors or [])
    return check


@contextlib.contextmanager
def _quiet(*names: str) -> Iterator[None]:
    """pyHanko logs a self-signed certificate's failed path search with a traceback: that is expected
    here and said in words instead, so its loggers are held to errors while a signature is checked."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _judge(check: SignatureCheck, signature: Any, anchors: list[Any]) -> None:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.general import ValueErrorWithMessage
    from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    certificate = signature.signer_cert
    check.signer = _subject_name(certificate)
    check.certificate_sha256 = hashlib.sha256(certificate.dump()).hexdigest()
    check.self_signed = certificate.self_signed in ("yes", "maybe")
    context = ValidationContext(trust_roots=anchors, allow_fetching=False, revocation_mode="soft-fail")
    try:
        with _quiet("pyhanko", "pyhanko_certvalidator"):
            status = validate_pdf_signature(signature, signer_validation_context=context)
    except ValueErrorWithMessage as exc:
        check.altered = True
        check.problems.append(f"the signature cannot be checked: {exc.failure_message}")
        return
    check.signed_at = status.signer_reported_dt
    check.altered = not (status.intact and status.valid)
    check.trusted = bool(anchors) and status.trusted
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        check.later_update = True
        level = status.modification_level
        if level == ModificationLevel.LTA_UPDATES:
            check.later_update_kind = " (validation data only)"
        elif level in (ModificationLevel.FORM_FILLING, ModificationLevel.ANNOTATIONS):
            check.later_update_kind = " (form fields or annotations)"
        elif level == ModificationLevel.OTHER:
            check.later_update_kind = " (it changes the document)"
