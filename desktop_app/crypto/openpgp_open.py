"""The office's side of the OpenPGP route: decrypt a ``.gpg`` with the office's secret key and,
when the sender's public key is given, require a valid signature by it.

What GnuPG does with ``gpg --decrypt`` (DECRYPTION_OKAY, then GOODSIG/VALIDSIG); here for tests
and for offices that use this tool's ``open``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pysequoia

from desktop_app.bounded_read import FileKind, read_bounded
from desktop_app.crypto.openpgp import OpenPgpError, OpenPgpKey, decrypt_bytes, format_fingerprint


@dataclass(frozen=True)
class SenderKey:
    """The sender's public key, only to check signatures (what it would accept for encryption
    does not matter here)."""

    certificate: pysequoia.Cert = field(repr=False)
    fingerprint: str

    @property
    def fingerprint_display(self) -> str:
        return format_fingerprint(self.fingerprint)


def load_sender_key(path: Path) -> SenderKey:
    """The public key in ``path`` (armoured or binary); ``openpgp.recipient-key-unreadable``
    when it holds none."""
    path = Path(path)
    try:
        data = read_bounded(path, FileKind.KEY)
        certificate = pysequoia.Cert.from_bytes(data)
    except (OSError, RuntimeError, ValueError):
        raise OpenPgpError("openpgp.recipient-key-unreadable", file=path.name) from None
    return SenderKey(certificate, certificate.fingerprint.upper())


def decrypt_verified(
    key: OpenPgpKey, data: bytes, source: str, sender: SenderKey | None = None
) -> tuple[bytes, str | None]:
    """(plaintext, the sender's fingerprint when a signature by ``sender`` was verified).

    Without ``sender`` the message is only decrypted (its refusals are
    :func:`~desktop_app.crypto.openpgp.decrypt_bytes`'s). With it, a message without a valid
    signature by that key is refused with ``openpgp.signature-not-by-sender``."""
    plain = decrypt_bytes(key, data, source)  # the recipient checks and their messages
    if sender is None:
        return plain, None

    def store(_key_ids: Any) -> list[pysequoia.Cert]:
        return [sender.certificate]

    try:
        result = pysequoia.decrypt(data, decryptor=key.tsk.decryptor(key.passphrase), store=store)
    except RuntimeError as error:  # a signature that does not verify makes sequoia refuse
        raise OpenPgpError(
            "openpgp.signature-not-by-sender", file=source, fingerprint=sender.fingerprint_display
        ) from error
    if not result.valid_sigs:
        raise OpenPgpError(
            "openpgp.signature-not-by-sender", file=source, fingerprint=sender.fingerprint_display
        )
    return plain, sender.fingerprint
