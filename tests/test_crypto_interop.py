"""Interoperability with the real OpenSSL command line, both ways."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_crypto_support import MemoryStore, make_office, openssl, write_pem

from desktop_app.crypto.envelope import open_envelope, seal
from desktop_app.crypto.errors import CryptoError
from desktop_app.crypto.keys import SigningIdentity, create_identity, fingerprint_hex
from desktop_app.crypto.recipient import check_recipient

PAYLOAD = bytes(range(256)) * 64 + b"\r\n\n\r line endings stay as they are \x00"


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    folder = tmp_path_factory.mktemp("office")
    key, certificate = make_office()
    return {
        "key": key,
        "certificate": certificate,
        "recipient": check_recipient(certificate, pin=fingerprint_hex(certificate)),
        "key.pem": write_pem(folder / "office-key.pem", key),
        "cert.pem": write_pem(folder / "office-cert.pem", certificate),
    }


@pytest.fixture(scope="module", params=["ec-p256", "rsa-3072"])
def sender(request, tmp_path_factory) -> tuple[SigningIdentity, Path, Path]:
    folder = tmp_path_factory.mktemp(f"sender-{request.param}")
    identity = create_identity(
        folder,
        "sender",
        "Gemeente Voorbeeld",
        passphrase_store=MemoryStore(),
        algorithm=request.param,
    )
    return (
        identity,
        write_pem(folder / "sender-cert.pem", identity.certificate),
        write_pem(folder / "sender-key.pem", identity.private_key),
    )


def test_openssl_decrypts_and_verifies_our_package(office, sender, tmp_path: Path) -> None:
    identity, sender_cert, _ = sender
    package = tmp_path / "package.p7m"
    package.write_bytes(seal(PAYLOAD, identity, office["recipient"]))
    signed = tmp_path / "signed.der"
    openssl(
        "cms", "-decrypt", "-binary", "-inform", "DER", "-in", package,
        "-recip", office["cert.pem"], "-inkey", office["key.pem"], "-out", signed,
    )  # fmt: skip
    payload = tmp_path / "payload.zip"
    result = openssl(
        "cms", "-verify", "-binary", "-inform", "DER", "-in", signed,
        "-CAfile", sender_cert, "-partial_chain", "-purpose", "any", "-out", payload,
    )  # fmt: skip
    assert b"Verification successful" in result.stderr
    assert payload.read_bytes() == PAYLOAD
    # and the signer's certificate inside is the organisation's
    signers = tmp_path / "signers.pem"
    openssl(
        "cms", "-verify", "-binary", "-inform", "DER", "-in", signed, "-noverify",
        "-signer", signers, "-out", tmp_path / "again",
    )  # fmt: skip
    assert signers.read_bytes().strip() == sender_cert.read_bytes().strip()


def test_openssl_refuses_our_package_with_a_flipped_byte(office, sender, tmp_path: Path) -> None:
    identity, sender_cert, _ = sender
    data = bytearray(seal(PAYLOAD, identity, office["recipient"]))
    data[len(data) - 9000] ^= 0x04
    package = tmp_path / "package.p7m"
    package.write_bytes(bytes(data))
    signed = tmp_path / "signed.der"
    openssl(
        "cms", "-decrypt", "-binary", "-inform", "DER", "-in", package,
        "-recip", office["cert.pem"], "-inkey", office["key.pem"], "-out", signed,
    )  # fmt: skip
    result = openssl(
        "cms", "-verify", "-binary", "-inform", "DER", "-in", signed,
        "-CAfile", sender_cert, "-partial_chain", "-purpose", "any", "-out", tmp_path / "out",
        check=False,
    )  # fmt: skip
    assert result.returncode != 0


def _openssl_package(
    tmp_path: Path, office, sender_cert: Path, sender_key: Path, *, cipher: str = "-aes-256-cbc"
) -> bytes:
    content = tmp_path / "content.zip"
    content.write_bytes(PAYLOAD)
    signed = tmp_path / "openssl-signed.der"
    openssl(
        "cms", "-sign", "-binary", "-nodetach", "-md", "sha256", "-in", content,
        "-signer", sender_cert, "-inkey", sender_key, "-outform", "DER", "-out", signed,
    )  # fmt: skip
    package = tmp_path / "openssl.p7m"
    openssl(
        "cms", "-encrypt", cipher, "-binary", "-in", signed, "-outform", "DER",
        "-out", package, office["cert.pem"],
    )  # fmt: skip
    return package.read_bytes()


def test_we_open_an_openssl_signed_and_encrypted_package(office, sender, tmp_path: Path) -> None:
    identity, sender_cert, sender_key = sender
    data = _openssl_package(tmp_path, office, sender_cert, sender_key)
    opened = open_envelope(
        data, office["key"], office["certificate"], expected_sender=identity.certificate
    )
    assert opened.payload == PAYLOAD
    assert opened.signer_fingerprint == identity.fingerprint


def test_we_refuse_an_openssl_package_for_someone_else(office, sender, tmp_path: Path) -> None:
    _, sender_cert, sender_key = sender
    data = _openssl_package(tmp_path, office, sender_cert, sender_key)
    other_key, other_certificate = make_office(slot=1)
    with pytest.raises(CryptoError) as caught:
        open_envelope(data, other_key, other_certificate)
    assert caught.value.key == "crypto.envelope-not-for-us"


def test_we_refuse_openssl_aes_128(office, sender, tmp_path: Path) -> None:
    _, sender_cert, sender_key = sender
    data = _openssl_package(tmp_path, office, sender_cert, sender_key, cipher="-aes-128-cbc")
    with pytest.raises(CryptoError) as caught:
        open_envelope(data, office["key"], office["certificate"])
    assert caught.value.key == "crypto.envelope-unsupported"


def test_we_refuse_openssl_encrypted_unsigned_content(office, tmp_path: Path) -> None:
    content = tmp_path / "content.zip"
    content.write_bytes(PAYLOAD)
    package = tmp_path / "unsigned.p7m"
    openssl(
        "cms", "-encrypt", "-aes-256-cbc", "-binary", "-in", content, "-outform", "DER",
        "-out", package, office["cert.pem"],
    )  # fmt: skip
    with pytest.raises(CryptoError) as caught:
        open_envelope(package.read_bytes(), office["key"], office["certificate"])
    assert caught.value.key == "crypto.signature-missing"


def test_streamed_ber_package_is_refused_with_a_fix_and_opens_once_der(
    office, sender, tmp_path: Path
) -> None:
    identity, sender_cert, sender_key = sender
    content = tmp_path / "content.zip"
    content.write_bytes(PAYLOAD)
    signed, package = tmp_path / "streamed-signed.der", tmp_path / "streamed.p7m"
    openssl(
        "cms", "-sign", "-binary", "-nodetach", "-stream", "-md", "sha256", "-in", content,
        "-signer", sender_cert, "-inkey", sender_key, "-outform", "DER", "-out", signed,
    )  # fmt: skip
    openssl(
        "cms", "-encrypt", "-aes-256-cbc", "-binary", "-stream", "-in", signed,
        "-outform", "DER", "-out", package, office["cert.pem"],
    )  # fmt: skip
    with pytest.raises(CryptoError) as caught:
        open_envelope(package.read_bytes(), office["key"], office["certificate"])
    assert caught.value.key == "crypto.envelope-not-der"
    converted = tmp_path / "converted.p7m"
    openssl(
        "cms", "-cmsout", "-inform", "DER", "-outform", "DER", "-in", package, "-out", converted
    )
    opened = open_envelope(  # the signed content inside is still BER: our verifier reads it
        converted.read_bytes(), office["key"], office["certificate"], identity.certificate
    )
    assert opened.payload == PAYLOAD
