"""Seal (SignedData inside EnvelopedData) and open with our own code; every refusal has its key."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_crypto_support import NOW, MemoryStore, make_office

from desktop_app.crypto import der
from desktop_app.crypto.envelope import open_envelope, seal, seal_to_file, verify_signed_data
from desktop_app.crypto.errors import CryptoError
from desktop_app.crypto.keys import SigningIdentity, create_identity, fingerprint_hex
from desktop_app.crypto.recipient import CheckedRecipient, check_recipient

PAYLOAD = b"PK\x03\x04 zipped package\r\n\n\x00\xff" + os.urandom(20_000) + b"\r\nend\n"


@pytest.fixture(scope="module")
def office():
    key, certificate = make_office()
    return key, certificate, check_recipient(certificate, pin=fingerprint_hex(certificate))


@pytest.fixture(scope="module")
def sender(tmp_path_factory) -> SigningIdentity:
    folder = tmp_path_factory.mktemp("sender")
    return create_identity(folder, "sender", "Gemeente Voorbeeld", passphrase_store=MemoryStore())


@pytest.fixture(scope="module")
def sealed(office, sender) -> bytes:
    return seal(PAYLOAD, sender, office[2])


def refused(key: str, data: bytes, office, **kwargs) -> CryptoError:
    with pytest.raises(CryptoError) as caught:
        open_envelope(data, office[0], office[1], **kwargs)
    assert caught.value.key == key, caught.value.render("en")
    return caught.value


def test_round_trip_keeps_bytes_exactly_and_names_the_signer(office, sender, sealed) -> None:
    opened = open_envelope(sealed, office[0], office[1], expected_sender=sender.certificate)
    assert opened.payload == PAYLOAD
    assert opened.signer_certificate == sender.certificate
    assert opened.signer_fingerprint == sender.fingerprint
    assert opened.signing_time is not None
    assert abs(opened.signing_time - NOW) < dt.timedelta(minutes=10)


def test_rsa_signer_round_trip(office, tmp_path: Path) -> None:
    identity = create_identity(
        tmp_path, "rsa-org", "RSA Org", passphrase_store=MemoryStore(), algorithm="rsa-3072"
    )
    data = seal(b"small", identity, office[2])
    assert (
        open_envelope(data, office[0], office[1], expected_sender=identity.certificate).payload
        == b"small"
    )


def test_envelope_uses_aes_256_cbc_and_rsa_key_transport(sealed) -> None:
    text = sealed.hex()
    assert "060960864801650304012a" in text  # aes256-CBC OID
    assert "06092a864886f70d010101" in text  # rsaEncryption (PKCS#1 v1.5 key transport)


def test_seal_to_file_writes_p7m_atomically(office, sender, tmp_path: Path) -> None:
    path = seal_to_file(tmp_path / "package", PAYLOAD, sender, office[2])
    assert path.name == "package.p7m"
    assert [p.name for p in tmp_path.iterdir()] == ["package.p7m"]
    assert open_envelope(path.read_bytes(), office[0], office[1]).payload == PAYLOAD


def test_own_expired_certificate_is_refused(office, sender) -> None:
    with pytest.raises(CryptoError) as caught:
        seal(b"x", sender, office[2], at=NOW + dt.timedelta(days=4 * 365))
    assert caught.value.key == "crypto.own-certificate-expired"


def test_wrong_recipient_is_not_for_us(sealed) -> None:
    key, certificate = make_office(slot=1)
    refused("crypto.envelope-not-for-us", sealed, (key, certificate))


def test_key_of_another_certificate_is_refused(office, sealed) -> None:
    other_key, _ = make_office(slot=1)
    refused("crypto.open-key-mismatch", sealed, (other_key, office[1]))


def test_flipped_byte_in_content_is_a_changed_package(office, sealed) -> None:
    damaged = bytearray(sealed)
    damaged[len(sealed) - 10_000] ^= 0x01  # inside the encrypted payload
    refused("crypto.signature-digest-mismatch", bytes(damaged), office)


def test_flipped_byte_in_last_block_cannot_be_decrypted(office, sealed) -> None:
    damaged = bytearray(sealed)
    damaged[-1] ^= 0x01  # the CBC padding no longer checks out
    refused("crypto.envelope-undecryptable", bytes(damaged), office)


def test_flipped_byte_in_structure_is_damaged(office, sealed) -> None:
    damaged = bytearray(sealed)
    damaged[1] ^= 0x40  # the outer length
    refused("crypto.envelope-damaged", bytes(damaged), office)


def test_truncated_package_is_damaged(office, sealed) -> None:
    refused("crypto.envelope-damaged", sealed[:-100], office)


def test_signed_by_another_organisation_is_an_unexpected_sender(office, sender, tmp_path) -> None:
    stranger = create_identity(tmp_path, "stranger", "Someone Else", passphrase_store=MemoryStore())
    data = seal(PAYLOAD, stranger, office[2])
    error = refused(
        "crypto.signature-unexpected-sender", data, office, expected_sender=sender.certificate
    )
    assert stranger.fingerprint in error.render("en")
    assert open_envelope(data, office[0], office[1]).signer_fingerprint == stranger.fingerprint


def _envelope(inner: bytes, recipient: CheckedRecipient, cipher=algorithms.AES256) -> bytes:
    return (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(inner)
        .add_recipient(recipient.certificate)
        .set_content_encryption_algorithm(cipher)
        .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )


def test_swapped_signer_certificate_is_an_invalid_signature(office, sender, tmp_path) -> None:
    stranger = create_identity(tmp_path, "stranger", "Someone Else", passphrase_store=MemoryStore())
    # signed with the stranger's key but claiming the sender's certificate
    forged = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(PAYLOAD)
        .add_signer(sender.certificate, stranger.private_key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )
    data = _envelope(forged, office[2])
    refused("crypto.signature-invalid", data, office, expected_sender=sender.certificate)
    refused("crypto.signature-invalid", data, office)


def test_unsigned_content_is_refused(office) -> None:
    refused("crypto.signature-missing", _envelope(b"just bytes, no signature", office[2]), office)


def test_aes_128_is_refused(office, sender) -> None:
    inner = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(b"x")
        .add_signer(sender.certificate, sender.private_key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )
    refused("crypto.envelope-unsupported", _envelope(inner, office[2], algorithms.AES128), office)


def test_signed_data_alone_is_not_an_envelope(office, sender) -> None:
    inner = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(b"x")
        .add_signer(sender.certificate, sender.private_key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )
    refused("crypto.envelope-not-enveloped", inner, office)


def test_signer_certificate_left_out_needs_the_expected_sender(office, sender) -> None:
    inner = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(b"no certs")
        .add_signer(sender.certificate, sender.private_key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary, pkcs7.PKCS7Options.NoCerts])
    )
    data = _envelope(inner, office[2])
    refused("crypto.signature-signer-unknown", data, office)
    opened = open_envelope(data, office[0], office[1], expected_sender=sender.certificate)
    assert opened.payload == b"no certs"


def test_signature_without_signed_attributes_is_refused(sender) -> None:
    inner = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(b"bare")
        .add_signer(sender.certificate, sender.private_key, hashes.SHA256())
        .sign(
            serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary, pkcs7.PKCS7Options.NoAttributes]
        )
    )
    with pytest.raises(CryptoError) as caught:
        verify_signed_data(inner)
    assert caught.value.key == "crypto.signature-unsupported"


def test_signature_over_changed_attributes_is_invalid(sender) -> None:
    inner = bytearray(
        pkcs7.PKCS7SignatureBuilder()
        .set_data(b"attributes")
        .add_signer(sender.certificate, sender.private_key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )
    # change one digit of the signingTime (a UTCTime "YYMMDDhhmmssZ") inside the signed attributes
    marker = inner.index(bytes.fromhex("06092a864886f70d010905"))  # signingTime OID
    position = marker + 11 + 2 + 2 + 11  # SET header, UTCTime header, then the seconds' last digit
    inner[position] = ord("0") if inner[position] != ord("0") else ord("1")
    with pytest.raises(CryptoError) as caught:
        verify_signed_data(bytes(inner))
    assert caught.value.key == "crypto.signature-invalid"


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_damaged_signed_data_is_refused_or_yields_the_signed_content(sender, data) -> None:
    """Bytes outside the signature (version, digest list, other certificates) may change without
    effect; anything else is a CryptoError, never another exception and never other content."""
    signed = _signed_small(sender)
    position = data.draw(st.integers(0, len(signed) - 1))
    value = data.draw(st.integers(0, 255))
    damaged = bytearray(signed[:position] if data.draw(st.booleans()) else signed)
    if len(damaged) == len(signed):
        damaged[position] = value
    try:
        opened = verify_signed_data(bytes(damaged), expected_sender=sender.certificate)
    except CryptoError:
        return
    assert opened.payload == b"fuzzed content"
    assert opened.signer_certificate == sender.certificate


_SIGNED_CACHE: dict[str, bytes] = {}


def _signed_small(sender: SigningIdentity) -> bytes:
    if sender.fingerprint not in _SIGNED_CACHE:
        _SIGNED_CACHE[sender.fingerprint] = (
            pkcs7.PKCS7SignatureBuilder()
            .set_data(b"fuzzed content")
            .add_signer(sender.certificate, sender.private_key, hashes.SHA256())
            .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
        )
    return _SIGNED_CACHE[sender.fingerprint]


def test_der_reader_refuses_trailing_bytes_and_accepts_indefinite_lengths() -> None:
    with pytest.raises(der.DerError):
        der.parse(b"\x04\x01a\x00")
    node = der.parse(b"\x24\x80\x04\x02ab\x04\x01c\x00\x00")  # BER constructed OCTET STRING
    assert node.octets() == b"abc"
    with pytest.raises(der.DerError):
        der.parse(b"\x04\x81\x05hello")  # long form for a short length
    with pytest.raises(der.DerError):
        der.parse(b"\x04\x80ab\x00\x00")  # indefinite primitive
    assert der.decode_oid(bytes.fromhex("2a864886f70d010701")) == "1.2.840.113549.1.7.1"
