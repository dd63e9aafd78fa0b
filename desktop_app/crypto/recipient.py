"""The office's certificate, checked before anything is encrypted to it.

A certificate is used only when it is within its validity dates, carries an RSA key of at least
3072 bits (CMS key transport needs RSA; weaker keys are refused, not warned about), allows key
encipherment if it restricts key usage, and its SHA-256 fingerprint equals the programme profile's
pin, or, when the profile has no pin, the fingerprint the user confirmed after seeing it.
Each problem has its own message key.
"""

from __future__ import annotations

import datetime as dt
import hmac
import re
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.crypto.errors import CryptoError
from desktop_app.crypto.keys import fingerprint_hex, fingerprint_sha256
from desktop_app.crypto.pem import CERTIFICATE_LABELS, pem_block

MIN_RSA_BITS = 3072

# The bundled test-only recipient (resources/certificates/test): refused unless asked for.
TEST_RECIPIENT_SHA256 = "837bc96af5d03f5f3fcfaf40ec70cac0900dbf88a023f2456bf85250573909d6"

_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class CheckedRecipient:
    """An office certificate that passed every check at ``checked_at``."""

    certificate: x509.Certificate
    fingerprint: str  # AB:CD:… form, for display
    key_bits: int
    pinned: bool  # True: matched the profile's pin; False: confirmed by the user
    checked_at: dt.datetime


def load_certificate(data: bytes, source: str = "-") -> x509.Certificate:
    """A certificate from PEM or DER bytes; anything else is refused (``source`` names the file).

    The PEM block may follow other text (``openssl ca -out`` writes a readable dump first):
    :func:`~desktop_app.crypto.pem.pem_block` finds it wherever it starts."""
    data = bytes(data)
    block = pem_block(data, CERTIFICATE_LABELS)
    try:
        if block is not None:
            return x509.load_pem_x509_certificate(block)
        return x509.load_der_x509_certificate(data)
    except ValueError as error:
        raise CryptoError("crypto.recipient-not-certificate", file=source) from error


def normalise_fingerprint(text: str) -> str:
    """64 lower-case hex digits from a fingerprint written with or without colons or spaces."""
    normalised = re.sub(r"[\s:]", "", text).lower()
    if not _HEX64.match(normalised):
        raise CryptoError("crypto.fingerprint-malformed", value=text)
    return normalised


def fingerprints_equal(first: str, second: str) -> bool:
    """Compare two SHA-256 fingerprints in any common notation, in constant time."""
    return hmac.compare_digest(
        normalise_fingerprint(first).encode("ascii"), normalise_fingerprint(second).encode("ascii")
    )


def check_recipient(
    certificate: x509.Certificate,
    *,
    pin: str | None,
    confirmed_fingerprint: str | None = None,
    at: dt.datetime | None = None,
    allow_test_certificate: bool = False,
) -> CheckedRecipient:
    """Check the office's certificate before use; raise :class:`CryptoError` on any problem.

    ``pin`` is the profile's ``recipient_certificate_sha256``. When it is None the user must have
    seen and confirmed the fingerprint: pass it as ``confirmed_fingerprint``; without it the refusal
    ``crypto.recipient-unconfirmed`` carries the fingerprint for the wizard to show.
    The bundled test-only certificate is refused unless ``allow_test_certificate`` (self-test).
    """
    at = at or dt.datetime.now(dt.UTC)
    fingerprint = fingerprint_sha256(certificate)
    if at < certificate.not_valid_before_utc:
        raise CryptoError(
            "crypto.recipient-not-yet-valid",
            date=certificate.not_valid_before_utc.date().isoformat(),
        )
    if at > certificate.not_valid_after_utc:
        raise CryptoError(
            "crypto.recipient-expired", date=certificate.not_valid_after_utc.date().isoformat()
        )
    public_key = certificate.public_key()
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise CryptoError("crypto.recipient-not-rsa", kind=type(public_key).__name__)
    if public_key.key_size < MIN_RSA_BITS:
        raise CryptoError(
            "crypto.recipient-weak-key", bits=public_key.key_size, minimum=MIN_RSA_BITS
        )
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is not None and not usage.key_encipherment:
        raise CryptoError("crypto.recipient-wrong-usage")
    actual = fingerprint_hex(certificate)
    if actual == TEST_RECIPIENT_SHA256 and not allow_test_certificate:
        raise CryptoError("crypto.recipient-test-only")
    if pin is not None:
        if not hmac.compare_digest(actual.encode(), normalise_fingerprint(pin).encode()):
            raise CryptoError(
                "crypto.recipient-fingerprint-mismatch", fingerprint=fingerprint, expected=pin
            )
        pinned = True
    elif confirmed_fingerprint is None:
        raise CryptoError("crypto.recipient-unconfirmed", fingerprint=fingerprint)
    elif not fingerprints_equal(actual, confirmed_fingerprint):
        raise CryptoError(
            "crypto.recipient-fingerprint-mismatch",
            fingerprint=fingerprint,
            expected=confirmed_fingerprint,
        )
    else:
        pinned = False
    return CheckedRecipient(certificate, fingerprint, public_key.key_size, pinned, at)
