"""Signed review steps: a step signed with a report-signing key (`review --sign KEY.p12`), and checked
wherever the review is shown (validate, score, the window, reports).

The signature covers the step's canonical JSON (core/answers/review.py `signed_payload`: status, by,
date, comment and the digest of the answers, notes and evidence). So it shows whether the step was
changed after it was signed; with a self-signed certificate it proves nothing about who signed it
(integrity, not identity), as for signed reports (signing.py). The core carries the two fields and
never imports cryptography; this module does, only when called, through its public API.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from typing import Any, Literal

from pia_wizard.core.answers.review import signed_payload
from pia_wizard.core.models.assessment import ReviewStep
from pia_wizard.report.signing import SigningError
from pia_wizard.report.wording import words

SignatureState = Literal["valid", "invalid", "none"]
KEY_PROBLEM = (
    "cannot open the signing key: the passphrase is wrong, or the file is not a PKCS#12 key (.p12/.pfx)"
)


def sign_step(step: ReviewStep, p12: bytes, passphrase: bytes) -> ReviewStep:
    """The step with a signature over its canonical JSON and the signer's certificate; a SigningError
    when the key does not open (a wrong passphrase) or is of a kind that cannot sign."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, padding, rsa
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        key, certificate, _others = pkcs12.load_key_and_certificates(p12, passphrase or None)
    except ValueError:
        raise SigningError(KEY_PROBLEM) from None
    if key is None or certificate is None:
        raise SigningError("the key file must hold a private key and its certificate")
    data = signed_payload(step)
    if isinstance(key, rsa.RSAPrivateKey):
        signature = key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    elif isinstance(key, ec.EllipticCurvePrivateKey):
        signature = key.sign(data, ec.ECDSA(hashes.SHA256()))
    elif isinstance(key, ed25519.Ed25519PrivateKey | ed448.Ed448PrivateKey):
        signature = key.sign(data)
    else:
        raise SigningError("the key file holds a kind of key that cannot sign (RSA, ECDSA or Ed25519 can)")
    der = certificate.public_bytes(serialization.Encoding.DER)
    return step.model_copy(
        update={
            "signature": base64.b64encode(signature).decode("ascii"),
            "certificate": base64.b64encode(der).decode("ascii"),
        }
    )


@dataclass(frozen=True)
class StepSignature:
    """What a review step's signature shows. `trusted`: the certificate is, or was directly issued by,
    one the user named with `--trust`; otherwise a valid signature proves integrity only."""

    state: SignatureState
    approval: bool = True  # the step approved (the words say "approval", else "review step")
    signer: str = ""
    self_signed: bool = False
    trusted: bool = False
    certificate_sha256: str = ""
    problem: str = ""  # why it is invalid

    def as_json(self) -> dict[str, Any]:
        """`score --json`'s `review.signature` and `review.signer`."""
        return {
            "signature": self.state,
            "signer": self.signer or None,
            "self_signed": self.self_signed,
        }

    def line(self, language: str = "en") -> str:
        """The check in plain words, for validate, score, the review command and reports (a report's in
        its own language; the reason a signature is invalid stays as the check words it)."""
        tr = words(language).gettext
        what = tr("the approval") if self.approval else tr("the review step")
        if self.state == "none":
            return ""
        if self.state == "invalid":
            why = self.problem or tr("{what} was changed after it was signed").format(what=what)
            return tr("Signature invalid: {why}.").format(why=why)
        signed = tr("Signed with a key naming {signer}: {what} is unchanged since it was signed").format(
            signer=self.signer, what=what
        )
        if self.trusted:
            return tr("{signed}, and the certificate is one you named as trusted.").format(signed=signed)
        if self.self_signed:
            return tr(
                "{signed}. The key's certificate is self-signed, so this does not prove who signed it "
                "(compare the certificate's SHA-256 {sha256} with one you got from the signer)."
            ).format(signed=signed, sha256=self.certificate_sha256)
        return tr(
            "{signed}. The certificate is not one you named as trusted, so who signed it is not vouched "
            "for (certificate SHA-256 {sha256})."
        ).format(signed=signed, sha256=self.certificate_sha256)


def check_step(step: ReviewStep | None, anchors: list[Any] | None = None) -> StepSignature:
    """Check a step's signature against its own certificate; `anchors` are certificates the user trusts
    (as `signing.load_anchors` reads them: objects with `.dump()` giving DER, or DER bytes)."""
    if step is None or step.signature is None or step.certificate is None:
        return StepSignature("none", approval=step is not None and step.status == "approved")
    approval = step.status == "approved"
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature

    try:
        der = base64.b64decode(step.certificate, validate=True)
        signature = base64.b64decode(step.signature, validate=True)
        certificate = x509.load_der_x509_certificate(der)
    except (binascii.Error, ValueError):
        return StepSignature(
            "invalid", approval, problem="the signer's certificate in the file cannot be read"
        )
    signer = _subject_name(certificate)
    fingerprint = hashlib.sha256(der).hexdigest()
    self_signed = certificate.issuer == certificate.subject and _issued_by(certificate, certificate)
    try:
        _verify(certificate.public_key(), signature, signed_payload(step))
    except (InvalidSignature, ValueError, TypeError):
        what = "the approval" if approval else "the review step"
        return StepSignature(
            "invalid",
            approval,
            signer,
            self_signed,
            certificate_sha256=fingerprint,
            problem=f"{what} was changed after it was signed",
        )
    trusted = any(_trusts(anchor, der, certificate) for anchor in anchors or [])
    return StepSignature("valid", approval, signer, self_signed, trusted, fingerprint)


def _verify(public_key: Any, signature: bytes, data: bytes) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, padding, rsa

    if isinstance(public_key, rsa.RSAPublicKey):
        public_key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
    elif isinstance(public_key, ec.EllipticCurvePublicKey):
        public_key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
    elif isinstance(public_key, ed25519.Ed25519PublicKey | ed448.Ed448PublicKey):
        public_key.verify(signature, data)
    else:
        raise ValueError("a kind of key that cannot be checked")


def _issued_by(certificate: Any, issuer: Any) -> bool:
    try:
        certificate.verify_directly_issued_by(issuer)
    except Exception:  # noqa: BLE001 - any failure means "not issued by it"
        return False
    return True


def _trusts(anchor: Any, der: bytes, certificate: Any) -> bool:
    from cryptography import x509

    anchor_der = anchor if isinstance(anchor, bytes) else anchor.dump()
    if anchor_der == der:
        return True
    try:
        issuer = x509.load_der_x509_certificate(anchor_der)
    except ValueError:
        return False
    return certificate.issuer == issuer.subject and _issued_by(certificate, issuer)


def _subject_name(certificate: Any) -> str:
    from cryptography.x509.oid import NameOID

    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
        found = certificate.subject.get_attributes_for_oid(oid)
        if found:
            return str(found[0].value)
    return certificate.subject.rfc4514_string()
