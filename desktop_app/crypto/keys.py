"""The organisation's signing identity: a private key and a self-signed certificate.

Made on first use in a folder the caller chooses (the app-data folder; a temporary folder in tests):

* ``signing-key.pem``: the private key, PKCS#8 PEM encrypted with a random passphrase
  (``BestAvailableEncryption``: AES-256-CBC with a scrypt/PBKDF2-derived key);
* ``signing-certificate.pem``: a self-signed certificate with the organisation's name (O), its
  identifier (organizationIdentifier), key usage digitalSignature only, valid three years.

The passphrase is kept in the OS keyring (service ``diversity-assistant``, user = organisation id)
through a :class:`PassphraseStore`, so it can be swapped (tests use an in-memory keyring). Where no
keyring is usable (Linux without Secret Service, a locked keychain) the refusal is
``crypto.keyring-unavailable``, in plain words and without the library's text (that goes to the
debug log as the exception's type only), and the officer may choose a passphrase instead:

* :func:`passphrase_problem` says whether a typed passphrase is good enough (at least 12
  characters or four words, not one character repeated);
* ``create_identity(..., passphrase=typed)`` encrypts the key with it, stores nothing in a keyring
  and writes the marker file ``passphrase-typed`` (:data:`TYPED_PASSPHRASE_MARKER`) in the key's
  folder, *before* the key itself. The marker holds a sentence saying what it means, never the
  passphrase. It is how the choice "this organisation's key uses a typed passphrase" is
  remembered: beside the key it is about (the OpenPGP key has its own, in its own folder), so
  copying or deleting the folder carries or drops the choice with the key;
* later, loading (or making again) without a passphrase where the marker is does not try the
  keyring: it refuses with ``crypto.key-passphrase-needed`` (``openpgp.passphrase-needed``), which
  the wizard answers by asking the passphrase (:data:`ASK_PASSPHRASE_KEYS`). A key made with the
  keyring removes the marker and loads from the keyring as before.

The certificate's SHA-256 fingerprint (:func:`fingerprint_sha256`) is what the wizard shows the
officer to register with the office.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from desktop_app.atomic import write_atomic
from desktop_app.crypto.errors import CryptoError
from desktop_app.messages import Message

KEYRING_SERVICE = "diversity-assistant"
KEY_FILE = "signing-key.pem"
CERTIFICATE_FILE = "signing-certificate.pem"
CERTIFICATE_VALIDITY = dt.timedelta(days=3 * 365)
RSA_SIGNING_BITS = 3072
TYPED_PASSPHRASE_MARKER = "passphrase-typed"  # noqa: S105 - a file name
PASSPHRASE_MIN_CHARACTERS = 12
PASSPHRASE_MIN_WORDS = 4
# Refusals the wizard answers by asking the officer for the key's passphrase.
ASK_PASSPHRASE_KEYS = frozenset(
    {"crypto.keyring-unavailable", "crypto.key-passphrase-needed", "openpgp.passphrase-needed"}
)
# Refusals that mean a typed passphrase was wrong (asked again).
WRONG_PASSPHRASE_KEYS = frozenset({"crypto.key-unreadable", "openpgp.passphrase-wrong"})
_MARKER_TEXT = (
    "The key in this folder is encrypted with a passphrase the officer chose (not kept in the\n"
    "system's password store). The passphrase is not stored anywhere; without it the key cannot\n"
    "be opened. Delete this folder and make a new key if it is lost.\n"
)

_log = logging.getLogger(__name__)

KeyAlgorithm = Literal["ec-p256", "rsa-3072"]
SigningKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


class PassphraseStore(Protocol):
    """Where the key's passphrase is kept (the OS keyring in the product)."""

    def get(self, organisation_id: str) -> str | None:
        """The stored passphrase, or None if there is none."""

    def set(self, organisation_id: str, passphrase: str) -> None:
        """Store (or replace) the passphrase."""


class KeyringPassphraseStore:
    """The passphrase in the OS keyring via :mod:`keyring`; failures become a clear refusal."""

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self.service = service

    def get(self, organisation_id: str) -> str | None:
        keyring, errors = _keyring()
        try:
            passphrase: str | None = keyring.get_password(self.service, organisation_id)
            return passphrase
        except errors.KeyringError as error:
            raise _keyring_unavailable(error) from error

    def set(self, organisation_id: str, passphrase: str) -> None:
        keyring, errors = _keyring()
        try:
            keyring.set_password(self.service, organisation_id, passphrase)
        except errors.KeyringError as error:
            raise _keyring_unavailable(error) from error


def _keyring() -> tuple[Any, Any]:
    try:
        import keyring
        import keyring.errors
    except ImportError as error:  # pragma: no cover - keyring is a dependency
        raise _keyring_unavailable(error) from error
    return keyring, keyring.errors


def _keyring_unavailable(error: BaseException) -> CryptoError:
    """The plain refusal; the library's own text ("No recommended backend…") is never shown, and
    the debug log gets only the exception's type (the log holds no library text, see
    :mod:`desktop_app.logging_setup`)."""
    _log.debug("the OS keyring cannot be used: %s", type(error).__name__)
    return CryptoError("crypto.keyring-unavailable")


# --------------------------------------------------------------------------------------------------
# a passphrase the officer types instead of the keyring


def passphrase_problem(text: str) -> Message | None:
    """What is wrong with a passphrase the officer chose for the organisation's key, or None.

    Good enough: at least 12 characters, or at least four words; never one character repeated
    (``aaaaaaaaaaaa``, ``x x x x``). Checked as typed (no stripping: spaces count)."""
    if not text:
        return Message("crypto.passphrase-empty")
    visible = {c for c in text if not c.isspace()}
    if len(visible) <= 1:
        return Message("crypto.passphrase-repeated")
    if len(text) < PASSPHRASE_MIN_CHARACTERS and len(text.split()) < PASSPHRASE_MIN_WORDS:
        return Message(
            "crypto.passphrase-too-short",
            {"characters": PASSPHRASE_MIN_CHARACTERS, "words": PASSPHRASE_MIN_WORDS},
        )
    return None


def uses_typed_passphrase(folder: Path) -> bool:
    """Whether the key in ``folder`` is (to be) protected by a passphrase the officer typed: the
    wizard then asks it instead of trying the keyring."""
    return (Path(folder) / TYPED_PASSPHRASE_MARKER).is_file()


def mark_typed_passphrase(folder: Path, typed: bool) -> None:
    """Remember (``typed``) or forget how the key in ``folder`` is protected; never the passphrase."""
    marker = Path(folder) / TYPED_PASSPHRASE_MARKER
    if typed:
        Path(folder).mkdir(parents=True, exist_ok=True)
        write_atomic(marker, _MARKER_TEXT.encode("ascii"))
    else:
        marker.unlink(missing_ok=True)


def stored_passphrase(store: PassphraseStore, entry: str, locked_key: str) -> str | None:
    """The passphrase of an existing key from the store. A keyring that cannot be used now, for a
    key it locked, is refused with ``locked_key``: typing a passphrase cannot help there (the
    keyring's was random), so the officer is told to unlock the password safe instead."""
    try:
        return store.get(entry)
    except CryptoError as error:
        if error.message.key == "crypto.keyring-unavailable":
            raise type(error)(locked_key) from error
        raise


def asks_passphrase(error: BaseException) -> bool:
    """Whether ``error`` is answered by asking the officer for the key's passphrase."""
    return isinstance(error, CryptoError) and error.message.key in ASK_PASSPHRASE_KEYS


@dataclass(frozen=True)
class SigningIdentity:
    """The organisation's private key and its self-signed certificate."""

    organisation_id: str
    private_key: SigningKey
    certificate: x509.Certificate

    @property
    def fingerprint(self) -> str:
        """SHA-256 fingerprint of the certificate, ``AB:CD:…`` (to register with the office)."""
        return fingerprint_sha256(self.certificate)

    @property
    def not_valid_after(self) -> dt.datetime:
        return self.certificate.not_valid_after_utc


def fingerprint_sha256(certificate: x509.Certificate) -> str:
    """The SHA-256 fingerprint of the DER certificate as upper-case hex pairs joined by colons."""
    digest = certificate.fingerprint(hashes.SHA256())
    return ":".join(f"{byte:02X}" for byte in digest)


def fingerprint_hex(certificate: x509.Certificate) -> str:
    """The SHA-256 fingerprint as 64 lower-case hex digits (the form profiles store)."""
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def identity_exists(folder: Path) -> bool:
    """Whether ``folder`` already holds a signing key."""
    return (Path(folder) / KEY_FILE).exists()


def load_or_create_identity(
    folder: Path,
    organisation_id: str,
    organisation_name: str,
    *,
    passphrase_store: PassphraseStore | None = None,
    passphrase: str | None = None,
    algorithm: KeyAlgorithm = "ec-p256",
    now: dt.datetime | None = None,
) -> SigningIdentity:
    """The identity in ``folder``, made there first if there is none (see :func:`create_identity`)."""
    if identity_exists(folder):
        return load_identity(
            folder, organisation_id, passphrase_store=passphrase_store, passphrase=passphrase
        )
    return create_identity(
        folder,
        organisation_id,
        organisation_name,
        passphrase_store=passphrase_store,
        passphrase=passphrase,
        algorithm=algorithm,
        now=now,
    )


def create_identity(
    folder: Path,
    organisation_id: str,
    organisation_name: str,
    *,
    passphrase_store: PassphraseStore | None = None,
    passphrase: str | None = None,
    algorithm: KeyAlgorithm = "ec-p256",
    now: dt.datetime | None = None,
) -> SigningIdentity:
    """Make a new key and certificate in ``folder`` (replacing any there).

    With ``passphrase`` given, that passphrase encrypts the key, nothing is put in a keyring and
    the folder is marked as using a typed passphrase (:func:`uses_typed_passphrase`). Otherwise a
    random passphrase is generated and stored in ``passphrase_store`` (default: the OS keyring)
    *before* any file is written, so a missing keyring leaves nothing half made; where the folder
    is marked, no keyring is tried: ``crypto.key-passphrase-needed``.
    """
    organisation_id = _check_organisation(organisation_id, organisation_name)
    folder = Path(folder)
    typed = passphrase is not None
    if passphrase is None:
        if uses_typed_passphrase(folder):
            raise CryptoError("crypto.key-passphrase-needed", organisation=organisation_id)
        store = passphrase_store if passphrase_store is not None else KeyringPassphraseStore()
        passphrase = secrets.token_urlsafe(32)
        store.set(organisation_id, passphrase)
    elif not passphrase:
        raise CryptoError("crypto.key-passphrase-empty")
    private_key = _generate(algorithm)
    certificate = _self_signed(private_key, organisation_id, organisation_name, now)
    folder.mkdir(parents=True, exist_ok=True)
    mark_typed_passphrase(folder, typed)  # before the key: a marked folder never tries the keyring
    encrypted = private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )
    write_atomic(folder / KEY_FILE, encrypted)
    write_atomic(folder / CERTIFICATE_FILE, certificate.public_bytes(serialization.Encoding.PEM))
    return SigningIdentity(organisation_id, private_key, certificate)


def load_identity(
    folder: Path,
    organisation_id: str,
    *,
    passphrase_store: PassphraseStore | None = None,
    passphrase: str | None = None,
) -> SigningIdentity:
    """Read the identity from ``folder``; the passphrase comes from the store unless given (a key
    made with a typed passphrase is never looked up there: ``crypto.key-passphrase-needed``)."""
    folder = Path(folder)
    key_path, certificate_path = folder / KEY_FILE, folder / CERTIFICATE_FILE
    try:
        key_pem = key_path.read_bytes()
        certificate_pem = certificate_path.read_bytes()
    except FileNotFoundError as error:
        raise CryptoError("crypto.key-missing", folder=str(folder)) from error
    if passphrase is None:
        if uses_typed_passphrase(folder):
            raise CryptoError("crypto.key-passphrase-needed", organisation=organisation_id)
        store = passphrase_store if passphrase_store is not None else KeyringPassphraseStore()
        passphrase = stored_passphrase(store, organisation_id, "crypto.keyring-locked-key")
        if passphrase is None:
            raise CryptoError("crypto.key-passphrase-missing", organisation=organisation_id)
    try:
        private_key = serialization.load_pem_private_key(key_pem, passphrase.encode("utf-8"))
    except (ValueError, TypeError) as error:
        # cryptography does not tell a wrong passphrase from a damaged file apart reliably
        raise CryptoError("crypto.key-unreadable", file=str(key_path)) from error
    if not isinstance(private_key, (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey)):
        raise CryptoError("crypto.key-unreadable", file=str(key_path))
    try:
        certificate = x509.load_pem_x509_certificate(certificate_pem)
    except ValueError as error:
        raise CryptoError("crypto.certificate-unreadable", file=str(certificate_path)) from error
    if not keys_match(private_key, certificate):
        raise CryptoError("crypto.key-certificate-mismatch", file=str(certificate_path))
    return SigningIdentity(organisation_id, private_key, certificate)


def keys_match(private_key: object, certificate: x509.Certificate) -> bool:
    """Whether ``certificate`` carries the public half of ``private_key``."""
    public = getattr(private_key, "public_key", None)
    if public is None:
        return False
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    ours: bytes = public().public_bytes(*spki)
    return ours == certificate.public_key().public_bytes(*spki)


_ORGANISATION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def _check_organisation(organisation_id: str, organisation_name: str) -> str:
    organisation_id = organisation_id.strip()
    if not _ORGANISATION_ID.match(organisation_id) or not organisation_name.strip():
        raise CryptoError(
            "crypto.organisation-invalid",
            organisation=organisation_id or "-",
            name=organisation_name,
        )
    return organisation_id


def _generate(algorithm: KeyAlgorithm) -> SigningKey:
    if algorithm == "ec-p256":
        return ec.generate_private_key(ec.SECP256R1())
    if algorithm == "rsa-3072":
        return rsa.generate_private_key(public_exponent=65537, key_size=RSA_SIGNING_BITS)
    raise ValueError(f"unknown key algorithm {algorithm!r}")


def _self_signed(
    private_key: SigningKey,
    organisation_id: str,
    organisation_name: str,
    now: dt.datetime | None,
) -> x509.Certificate:
    now = now or dt.datetime.now(dt.UTC)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation_name.strip()[:64]),
            x509.NameAttribute(NameOID.ORGANIZATION_IDENTIFIER, organisation_id),
            x509.NameAttribute(NameOID.COMMON_NAME, "Diversity Assistant signing key"),
        ]
    )
    public_key = private_key.public_key()
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + CERTIFICATE_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
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
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .sign(private_key, hashes.SHA256())
    )
