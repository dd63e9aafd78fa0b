"""The organisation's OpenPGP key pair, for the Belgian KSZ/BCSS route.

The KSZ sends its result tables encrypted to the employer's OpenPGP public key (made with GnuPG or
Kleopatra in most institutions). This module makes that key pair with Sequoia-PGP (``pysequoia``),
exports the public key to attach to the request, shows its fingerprint, keeps the secret key
protected by a passphrase and decrypts a received file (armored or binary).

Keys are version-4 (RFC 4880) keys, which every GnuPG 2.2+, Kleopatra and BouncyCastle reads; the
default algorithm is RSA-3072 (primary key for certification, a signing subkey and an encryption
subkey), the most widely accepted choice for a partner whose tooling we do not know; Curve25519 is
available. The key is valid for three years, like the CMS signing certificate.

How the secret key is protected: pysequoia (0.1.x) uses passphrase-protected secret keys (such as
ones exported from Kleopatra) but cannot put a passphrase on a key it made. The key file we write,
``openpgp-secret-key.pgp``, is therefore the secret key wrapped in a standard OpenPGP message
encrypted with the passphrase (SKESK, AES-256, iterated-and-salted S2K). GnuPG opens it too, so the
key can be moved to Kleopatra::

    gpg --decrypt openpgp-secret-key.pgp | gpg --import

:func:`unlock_secret_key` also reads a passphrase-protected secret key exported from GnuPG/Kleopatra
(``gpg --export-secret-keys``), so an institution that already has a key can use it.

The passphrase is kept by the caller: with a :class:`~desktop_app.crypto.keys.PassphraseStore`
(the OS keyring in the product) under ``<organisation id>/openpgp`` (not the signing key's entry),
or given explicitly. A key made with a given (typed) passphrase is remembered as such by the marker
file of :func:`desktop_app.crypto.keys.uses_typed_passphrase` in its folder, and is then never
looked up in the keyring: ``openpgp.passphrase-needed`` asks for it. Every refusal is a
:class:`OpenPgpError` with an ``openpgp.*`` message key (the keyring's own refusal is
``crypto.keyring-unavailable``).
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pysequoia
from pysequoia.packet import PacketPile, Tag

from desktop_app.atomic import write_atomic
from desktop_app.bounded_read import FileKind, read_bounded
from desktop_app.crypto.errors import CryptoError
from desktop_app.crypto.keys import (
    KeyringPassphraseStore,
    PassphraseStore,
    mark_typed_passphrase,
    passphrase_problem,
    stored_passphrase,
    uses_typed_passphrase,
)

SECRET_KEY_FILE = "openpgp-secret-key.pgp"  # noqa: S105 - a file name
PUBLIC_KEY_FILE = "openpgp-public-key.asc"
KEY_VALIDITY = dt.timedelta(days=3 * 365)
STORE_SUFFIX = "/openpgp"  # the keyring entry is "<organisation id>/openpgp"
MAX_MESSAGE_BYTES = 512 * 1024 * 1024

OpenPgpAlgorithm = Literal["rsa3k", "cv25519"]
_SUITES = {"rsa3k": pysequoia.CipherSuite.RSA3k, "cv25519": pysequoia.CipherSuite.Cv25519}
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_WILDCARD_KEY_ID = "0" * 16  # an anonymous recipient (gpg --hidden-recipient / -R)


class OpenPgpError(CryptoError):
    """An OpenPGP key or message cannot be used; ``key`` is one of the ``openpgp.*`` keys."""


@dataclass(frozen=True)
class OpenPgpKey:
    """An unlocked OpenPGP secret key (the secret material stays inside pysequoia)."""

    tsk: pysequoia.Tsk = field(repr=False)
    passphrase: str | None = field(default=None, repr=False)  # only for keys protected by gpg

    @property
    def certificate(self) -> pysequoia.Cert:
        return self.tsk.extract_certificate()

    @property
    def fingerprint(self) -> str:
        """40 upper-case hex digits (what ``gpg --fingerprint`` prints without the spaces)."""
        return self.certificate.fingerprint.upper()

    @property
    def fingerprint_display(self) -> str:
        """The fingerprint in groups of four, as Kleopatra and GnuPG show it."""
        return format_fingerprint(self.fingerprint)

    @property
    def user_ids(self) -> tuple[str, ...]:
        return tuple(str(user_id) for user_id in self.certificate.user_ids)

    @property
    def expires(self) -> dt.datetime | None:
        return self.certificate.expiration

    def public_key_armored(self) -> str:
        """The ASCII-armored public key (``-----BEGIN PGP PUBLIC KEY BLOCK-----``)."""
        return export_public_key(self)

    def subkey_ids(self) -> frozenset[str]:
        """The 16-hex-digit key ids of the primary key and every subkey (lower case)."""
        return _key_ids(bytes(self.certificate))

    def decrypt(self, data: bytes, source: str = "-") -> bytes:
        return decrypt_bytes(self, data, source)


def format_fingerprint(fingerprint: str) -> str:
    """``ABCD EF01 …``: groups of four hex digits, with two spaces in the middle (GnuPG style)."""
    clean = re.sub(r"[^0-9A-Fa-f]", "", fingerprint).upper()
    groups = [clean[i : i + 4] for i in range(0, len(clean), 4)]
    half = len(groups) // 2
    return " ".join(groups[:half]) + "  " + " ".join(groups[half:]) if half else clean


def user_id_for(name: str, email: str) -> str:
    """``Organisation <contact@example.be>``; a name or e-mail address that cannot be used is
    refused."""
    name = " ".join(name.split())
    email = email.strip()
    if not name or any(c in name for c in "<>") or not _EMAIL.match(email):
        raise OpenPgpError("openpgp.user-id-invalid", name=name or "-", email=email or "-")
    return f"{name} <{email}>"


# --------------------------------------------------------------------------------------------------
# making and keeping the key


def generate_key(
    name: str,
    email: str,
    *,
    algorithm: OpenPgpAlgorithm = "rsa3k",
    validity: dt.timedelta | None = KEY_VALIDITY,
) -> OpenPgpKey:
    """A new key pair in memory, user id ``name <email>``; nothing is written."""
    user_id = user_id_for(name, email)
    if algorithm not in _SUITES:
        raise ValueError(f"unknown OpenPGP algorithm {algorithm!r}")
    tsk = pysequoia.Tsk.generate(
        user_id,
        profile=pysequoia.Profile.RFC4880,
        cipher_suite=_SUITES[algorithm],
        validity_seconds=int(validity.total_seconds()) if validity else None,
    )
    return OpenPgpKey(tsk)


def protect_secret_key(key: OpenPgpKey, passphrase: str) -> bytes:
    """The secret key as an OpenPGP message encrypted with ``passphrase`` (binary)."""
    if not passphrase:
        raise OpenPgpError("openpgp.passphrase-empty")
    if key.passphrase is not None:  # a gpg-protected key: keep its own protection as it is
        return bytes(key.tsk)
    return pysequoia.encrypt(bytes(key.tsk), passwords=[passphrase], armor=False)


def unlock_secret_key(data: bytes, passphrase: str, source: str = "-") -> OpenPgpKey:
    """Read a secret key: our passphrase-encrypted key file, or a passphrase-protected secret key
    exported from GnuPG/Kleopatra (armored or binary). A wrong passphrase is refused."""
    if not passphrase:
        raise OpenPgpError("openpgp.passphrase-empty")
    tags = _top_level_tags(data)
    if tags is None:
        raise OpenPgpError("openpgp.secret-key-unreadable", file=source)
    if Tag.SKESK in tags:  # our own key file
        try:
            plain = pysequoia.decrypt(data, passwords=[passphrase]).bytes
        except RuntimeError as error:
            raise OpenPgpError("openpgp.passphrase-wrong", file=source) from error
        try:
            tsk = pysequoia.Tsk.from_bytes(plain or b"")
        except RuntimeError as error:
            raise OpenPgpError("openpgp.secret-key-unreadable", file=source) from error
        key = OpenPgpKey(tsk)
    elif Tag.SecretKey in tags:  # exported from GnuPG / Kleopatra
        try:
            tsk = pysequoia.Tsk.from_bytes(data)
        except RuntimeError as error:
            raise OpenPgpError("openpgp.secret-key-unreadable", file=source) from error
        key = OpenPgpKey(tsk, passphrase)
    else:
        raise OpenPgpError("openpgp.secret-key-unreadable", file=source)
    _decryptor(key, source)  # a wrong passphrase is found now, not at the first message
    return key


def create_key(
    folder: Path,
    organisation_id: str,
    name: str,
    email: str,
    *,
    passphrase_store: PassphraseStore | None = None,
    passphrase: str | None = None,
    algorithm: OpenPgpAlgorithm = "rsa3k",
) -> OpenPgpKey:
    """Make a key pair and write it to ``folder`` (secret key file + armored public key).

    With ``passphrase`` given it protects the key, no keyring is used and the folder is marked as
    using a typed passphrase; otherwise a random passphrase is stored in ``passphrase_store``
    (default: the OS keyring) before any file is written, so a missing keyring leaves nothing half
    made. A marked folder never tries the keyring: ``openpgp.passphrase-needed``.
    """
    folder = Path(folder)
    user_id_for(name, email)  # refuse before touching the keyring
    typed = passphrase is not None
    if passphrase is None:
        if uses_typed_passphrase(folder):
            raise OpenPgpError("openpgp.passphrase-needed", organisation=organisation_id)
        store = passphrase_store if passphrase_store is not None else KeyringPassphraseStore()
        passphrase = secrets.token_urlsafe(32)
        store.set(_store_id(organisation_id), passphrase)
    elif not passphrase:
        raise OpenPgpError("openpgp.passphrase-empty")
    key = generate_key(name, email, algorithm=algorithm)
    folder.mkdir(parents=True, exist_ok=True)
    mark_typed_passphrase(folder, typed)  # before the key: a marked folder never tries the keyring
    write_atomic(folder / SECRET_KEY_FILE, protect_secret_key(key, passphrase))
    write_atomic(folder / PUBLIC_KEY_FILE, key.public_key_armored().encode("ascii"))
    return key


def key_exists(folder: Path) -> bool:
    return (Path(folder) / SECRET_KEY_FILE).exists()


def load_key(
    folder: Path,
    organisation_id: str,
    *,
    passphrase_store: PassphraseStore | None = None,
    passphrase: str | None = None,
) -> OpenPgpKey:
    """The key in ``folder``; the passphrase comes from the store unless given (a key made with a
    typed passphrase is never looked up there: ``openpgp.passphrase-needed``)."""
    path = Path(folder) / SECRET_KEY_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise OpenPgpError("openpgp.key-missing", folder=str(folder)) from error
    if passphrase is None:
        if uses_typed_passphrase(folder):
            raise OpenPgpError("openpgp.passphrase-needed", organisation=organisation_id)
        store = passphrase_store if passphrase_store is not None else KeyringPassphraseStore()
        passphrase = stored_passphrase(
            store, _store_id(organisation_id), "openpgp.keyring-locked-key"
        )
        if passphrase is None:
            raise OpenPgpError("openpgp.passphrase-missing", organisation=organisation_id)
    return unlock_secret_key(data, passphrase, str(path))


def backup_secret_key(
    folder: Path,
    organisation_id: str,
    backup_passphrase: str,
    *,
    passphrase_store: PassphraseStore | None = None,
    passphrase: str | None = None,
) -> bytes:
    """A backup of the organisation's secret key that opens without this computer: the key as an
    OpenPGP message encrypted with ``backup_passphrase``, which the officer chose and keeps apart
    (a safe, a password manager). GnuPG and Kleopatra restore it::

        gpg --decrypt openpgp-secret-key-backup.pgp | gpg --import

    The key itself is opened as :func:`load_key` opens it (keyring or ``passphrase``). A backup
    passphrase that is too weak is refused (``openpgp.backup-passphrase-weak``); a key imported
    from GnuPG keeps its own protection (its own passphrase opens the backup)."""
    problem = passphrase_problem(backup_passphrase)
    if problem is not None:
        raise OpenPgpError("openpgp.backup-passphrase-weak", problem=problem)
    key = load_key(
        folder, organisation_id, passphrase_store=passphrase_store, passphrase=passphrase
    )
    return protect_secret_key(key, backup_passphrase)


def _store_id(organisation_id: str) -> str:
    return organisation_id.strip() + STORE_SUFFIX


# --------------------------------------------------------------------------------------------------
# public keys


def export_public_key(key: OpenPgpKey) -> str:
    """The ASCII-armored public key to attach to the KSZ request."""
    return str(key.certificate)


def write_public_key(key: OpenPgpKey, path: Path) -> None:
    write_atomic(Path(path), export_public_key(key).encode("ascii"))


@dataclass(frozen=True)
class PublicKeyInfo:
    fingerprint: str
    user_ids: tuple[str, ...]
    expires: dt.datetime | None


def read_public_key(data: bytes, source: str = "-") -> PublicKeyInfo:
    """Fingerprint and user ids of a public key (armored or binary), e.g. to show it again."""
    try:
        cert = pysequoia.Cert.from_bytes(data)
    except RuntimeError as error:
        raise OpenPgpError("openpgp.public-key-unreadable", file=source) from error
    return PublicKeyInfo(
        cert.fingerprint.upper(), tuple(str(u) for u in cert.user_ids), cert.expiration
    )


# --------------------------------------------------------------------------------------------------
# decrypting a received file


def decrypt_bytes(key: OpenPgpKey, data: bytes, source: str = "-") -> bytes:
    """The plaintext of an OpenPGP message (armored or binary) encrypted to ``key``.

    Refusals: ``openpgp.message-damaged`` (not an OpenPGP message, truncated or altered),
    ``openpgp.message-not-encrypted``, ``openpgp.message-not-for-us`` (encrypted to another key;
    names the key ids it was encrypted to).
    """
    if len(data) > MAX_MESSAGE_BYTES:
        raise OpenPgpError("openpgp.message-too-large", file=source)
    recipients = _recipients(data, source)
    ours = key.subkey_ids()
    if not recipients & (ours | {_WILDCARD_KEY_ID}):
        raise OpenPgpError(
            "openpgp.message-not-for-us",
            file=source,
            recipients=", ".join(sorted(r.upper() for r in recipients)),
            fingerprint=key.fingerprint_display,
        )
    try:
        result = pysequoia.decrypt(data, decryptor=_decryptor(key, source))
    except RuntimeError as error:
        if recipients & ours:
            raise OpenPgpError("openpgp.message-damaged", file=source) from error
        raise OpenPgpError(  # only anonymous recipients, and it was not us
            "openpgp.message-not-for-us",
            file=source,
            recipients=", ".join(sorted(r.upper() for r in recipients)),
            fingerprint=key.fingerprint_display,
        ) from error
    return result.bytes or b""


def decrypt_file(key: OpenPgpKey, source: Path, target: Path) -> int:
    """Decrypt ``source`` to ``target`` atomically (all or nothing); returns the plaintext size."""
    source, target = Path(source), Path(target)
    try:
        data = read_bounded(source, FileKind.PACKAGE)
    except OSError as error:
        raise OpenPgpError(
            "openpgp.file-unreadable", file=str(source), detail=error.strerror or error
        ) from error
    plain = decrypt_bytes(key, data, str(source))
    if target.resolve() == source.resolve():
        raise OpenPgpError("openpgp.target-is-source", file=str(source))
    write_atomic(target, plain)
    return len(plain)


def _decryptor(key: OpenPgpKey, source: str) -> pysequoia.PyDecryptor:
    try:
        return key.tsk.decryptor(key.passphrase)
    except RuntimeError as error:
        text = str(error)
        if "No suitable decryption subkey" in text and key.passphrase is None:
            raise OpenPgpError("openpgp.no-encryption-key", fingerprint=key.fingerprint) from error
        raise OpenPgpError("openpgp.passphrase-wrong", file=source) from error


def _top_level_tags(data: bytes) -> list[Tag] | None:
    try:
        return [packet.tag for packet in PacketPile.from_bytes(data)]
    except (RuntimeError, ValueError):
        return None


def _recipients(data: bytes, source: str) -> set[str]:
    """The key ids a message is encrypted to (``0000000000000000`` for an anonymous one)."""
    try:
        packets = list(PacketPile.from_bytes(data))
    except (RuntimeError, ValueError) as error:
        raise OpenPgpError("openpgp.message-damaged", file=source) from error
    if not packets:
        raise OpenPgpError("openpgp.message-damaged", file=source)
    recipients: set[str] = set()
    encrypted = False
    for packet in packets:
        if packet.tag == Tag.PKESK:
            recipients.add(_pkesk_key_id(packet.body))
        elif packet.tag in (Tag.SEIP, Tag.SED, Tag.AED):
            encrypted = True
    if not encrypted:
        raise OpenPgpError("openpgp.message-not-encrypted", file=source)
    if not recipients:  # only a passphrase (SKESK): not something the KSZ sends
        raise OpenPgpError("openpgp.message-not-for-us-password", file=source)
    return recipients


def _pkesk_key_id(body: bytes) -> str:
    """The recipient key id of a PKESK packet body (version 3 or 6)."""
    if body[:1] == b"\x03" and len(body) >= 9:
        return body[1:9].hex()
    if body[:1] == b"\x06" and len(body) >= 2:
        length = body[1]
        if length == 0:
            return _WILDCARD_KEY_ID
        version, fingerprint = body[2:3], body[3 : 2 + length]
        return (fingerprint[:8] if version == b"\x06" else fingerprint[-8:]).hex()
    return _WILDCARD_KEY_ID


def _key_ids(certificate: bytes) -> frozenset[str]:
    return frozenset(
        packet.key_id
        for packet in PacketPile.from_bytes(certificate)
        if packet.tag in (Tag.PublicKey, Tag.PublicSubkey) and packet.key_id
    )


__all__ = [
    "KEY_VALIDITY",
    "PUBLIC_KEY_FILE",
    "SECRET_KEY_FILE",
    "OpenPgpError",
    "OpenPgpKey",
    "PublicKeyInfo",
    "create_key",
    "decrypt_bytes",
    "decrypt_file",
    "export_public_key",
    "format_fingerprint",
    "generate_key",
    "key_exists",
    "load_key",
    "protect_secret_key",
    "read_public_key",
    "unlock_secret_key",
    "user_id_for",
    "write_public_key",
]
