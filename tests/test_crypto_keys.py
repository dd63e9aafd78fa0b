"""The organisation's signing identity: made on first use, key encrypted, passphrase in a keyring."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import keyring
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from keyring.backends.fail import Keyring as FailKeyring
from test_crypto_support import InMemoryKeyring, MemoryStore

from desktop_app.crypto.errors import CryptoError
from desktop_app.crypto.keys import (
    CERTIFICATE_FILE,
    KEY_FILE,
    KEYRING_SERVICE,
    KeyringPassphraseStore,
    create_identity,
    fingerprint_sha256,
    load_identity,
    load_or_create_identity,
)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = InMemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_first_use_makes_identity_and_stores_passphrase_in_keyring(
    tmp_path: Path, memory_keyring: InMemoryKeyring
) -> None:
    identity = load_or_create_identity(tmp_path, "KVK-12345678", "Gemeente Voorbeeld")
    assert isinstance(identity.private_key, ec.EllipticCurvePrivateKey)
    passphrase = memory_keyring.passwords[(KEYRING_SERVICE, "KVK-12345678")]
    assert len(passphrase) >= 40
    again = load_or_create_identity(tmp_path, "KVK-12345678", "Gemeente Voorbeeld")
    assert again.fingerprint == identity.fingerprint
    assert again.private_key.private_numbers() == identity.private_key.private_numbers()


def test_private_key_file_is_encrypted_pkcs8(tmp_path: Path) -> None:
    create_identity(tmp_path, "org-1", "Org", passphrase_store=MemoryStore())
    text = (tmp_path / KEY_FILE).read_text()
    assert text.startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert "BEGIN PRIVATE KEY" not in text
    assert "BEGIN EC PRIVATE KEY" not in text
    assert (tmp_path / KEY_FILE).stat().st_mode & 0o077 == 0  # mkstemp: owner only


def test_certificate_carries_organisation_and_signing_usage(tmp_path: Path) -> None:
    now = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    identity = create_identity(
        tmp_path, "0123456789", "Stad Gent", passphrase_store=MemoryStore(), now=now
    )
    certificate = x509.load_pem_x509_certificate((tmp_path / CERTIFICATE_FILE).read_bytes())
    assert certificate == identity.certificate
    assert certificate.subject == certificate.issuer
    organisation = certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    assert organisation[0].value == "Stad Gent"
    identifier = certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_IDENTIFIER)
    assert identifier[0].value == "0123456789"
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature
    assert not usage.key_encipherment
    assert not usage.key_cert_sign
    lifetime = certificate.not_valid_after_utc - certificate.not_valid_before_utc
    assert dt.timedelta(days=3 * 365) <= lifetime <= dt.timedelta(days=3 * 366)


def test_fingerprint_format(tmp_path: Path) -> None:
    identity = create_identity(tmp_path, "org", "Org", passphrase_store=MemoryStore())
    assert re.fullmatch(r"([0-9A-F]{2}:){31}[0-9A-F]{2}", identity.fingerprint)
    assert fingerprint_sha256(identity.certificate) == identity.fingerprint


def test_rsa_3072_signing_key_on_request(tmp_path: Path) -> None:
    identity = create_identity(
        tmp_path, "org", "Org", passphrase_store=MemoryStore(), algorithm="rsa-3072"
    )
    assert isinstance(identity.private_key, rsa.RSAPrivateKey)
    assert identity.private_key.key_size == 3072


def test_explicit_passphrase_needs_no_keyring(tmp_path: Path) -> None:
    class NoStore:
        def get(self, organisation_id: str) -> str | None:
            raise AssertionError("store must not be used")

        def set(self, organisation_id: str, passphrase: str) -> None:
            raise AssertionError("store must not be used")

    made = create_identity(
        tmp_path, "org", "Org", passphrase="correct horse", passphrase_store=NoStore()
    )
    loaded = load_identity(tmp_path, "org", passphrase="correct horse", passphrase_store=NoStore())
    assert loaded.fingerprint == made.fingerprint


def test_unusable_keyring_is_a_clear_refusal_and_writes_nothing(tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        with pytest.raises(CryptoError) as caught:
            create_identity(
                tmp_path / "app", "org", "Org", passphrase_store=KeyringPassphraseStore()
            )
    finally:
        keyring.set_keyring(previous)
    assert caught.value.key == "crypto.keyring-unavailable"
    assert not (tmp_path / "app").exists()


def test_missing_passphrase_wrong_passphrase_and_missing_key(tmp_path: Path) -> None:
    store = MemoryStore()
    create_identity(tmp_path, "org", "Org", passphrase_store=store)
    with pytest.raises(CryptoError) as missing:
        load_identity(tmp_path, "org", passphrase_store=MemoryStore())
    assert missing.value.key == "crypto.key-passphrase-missing"
    with pytest.raises(CryptoError) as wrong:
        load_identity(tmp_path, "org", passphrase="not it")
    assert wrong.value.key == "crypto.key-unreadable"
    with pytest.raises(CryptoError) as absent:
        load_identity(tmp_path / "elsewhere", "org", passphrase_store=store)
    assert absent.value.key == "crypto.key-missing"


def test_certificate_of_another_key_is_refused(tmp_path: Path) -> None:
    store = MemoryStore()
    create_identity(tmp_path / "a", "org", "Org", passphrase_store=store)
    create_identity(tmp_path / "b", "other", "Other", passphrase_store=store)
    (tmp_path / "a" / CERTIFICATE_FILE).write_bytes(
        (tmp_path / "b" / CERTIFICATE_FILE).read_bytes()
    )
    with pytest.raises(CryptoError) as caught:
        load_identity(tmp_path / "a", "org", passphrase_store=store)
    assert caught.value.key == "crypto.key-certificate-mismatch"


@pytest.mark.parametrize(("organisation_id", "name"), [("", "Org"), ("../x", "Org"), ("org", " ")])
def test_unusable_organisation_is_refused(tmp_path: Path, organisation_id: str, name: str) -> None:
    with pytest.raises(CryptoError) as caught:
        create_identity(tmp_path, organisation_id, name, passphrase_store=MemoryStore())
    assert caught.value.key == "crypto.organisation-invalid"
