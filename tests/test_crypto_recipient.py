"""The office's certificate is checked before use: dates, RSA >= 3072, usage, fingerprint pin."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography.hazmat.primitives import serialization
from test_crypto_support import (
    NOW,
    bundled_test_recipient,
    ec_key,
    make_office,
    openssl,
    openssl_ca_office,
    write_pem,
)

from desktop_app.crypto.errors import CryptoError
from desktop_app.crypto.keys import fingerprint_hex, fingerprint_sha256
from desktop_app.crypto.recipient import (
    check_recipient,
    fingerprints_equal,
    load_certificate,
    normalise_fingerprint,
)


def refused(key: str, certificate, **kwargs) -> CryptoError:
    with pytest.raises(CryptoError) as caught:
        check_recipient(certificate, **kwargs)
    assert caught.value.key == key, caught.value.render("en")
    return caught.value


def test_good_certificate_with_pin_in_any_notation() -> None:
    _, certificate = make_office()
    for pin in (fingerprint_hex(certificate), fingerprint_sha256(certificate)):
        checked = check_recipient(certificate, pin=pin)
        assert checked.pinned
        assert checked.key_bits == 3072
        assert checked.fingerprint == fingerprint_sha256(certificate)


def test_pem_and_der_load_and_garbage_is_not_a_certificate() -> None:
    _, certificate = make_office()
    assert load_certificate(certificate.public_bytes(serialization.Encoding.PEM)) == certificate
    assert load_certificate(certificate.public_bytes(serialization.Encoding.DER)) == certificate
    with pytest.raises(CryptoError) as caught:
        load_certificate(b"-----BEGIN CERTIFICATE-----\nnope\n", source="office.pem")
    assert caught.value.key == "crypto.recipient-not-certificate"
    assert "office.pem" in caught.value.render("nl")


def test_expired_certificate_is_refused() -> None:
    _, certificate = make_office(
        not_before=NOW - dt.timedelta(days=400), not_after=NOW - dt.timedelta(days=1)
    )
    error = refused("crypto.recipient-expired", certificate, pin=fingerprint_hex(certificate))
    assert certificate.not_valid_after_utc.date().isoformat() in error.render("en")


def test_not_yet_valid_certificate_is_refused() -> None:
    _, certificate = make_office(not_before=NOW + dt.timedelta(days=2))
    refused("crypto.recipient-not-yet-valid", certificate, pin=fingerprint_hex(certificate))


def test_validity_is_checked_at_the_given_time() -> None:
    _, certificate = make_office()
    later = NOW + dt.timedelta(days=400)
    refused("crypto.recipient-expired", certificate, pin=fingerprint_hex(certificate), at=later)


def test_2048_bit_certificate_is_refused() -> None:
    _, certificate = make_office(bits=2048)
    error = refused("crypto.recipient-weak-key", certificate, pin=fingerprint_hex(certificate))
    assert "2048" in error.render("fr")


def test_ec_certificate_is_refused() -> None:
    _, certificate = make_office(key=ec_key())
    refused("crypto.recipient-not-rsa", certificate, pin=fingerprint_hex(certificate))


def test_certificate_without_key_encipherment_is_refused() -> None:
    _, certificate = make_office(key_encipherment=False)
    refused("crypto.recipient-wrong-usage", certificate, pin=fingerprint_hex(certificate))


def test_fingerprint_mismatch_is_refused() -> None:
    _, certificate = make_office()
    _, other = make_office(slot=1)
    error = refused(
        "crypto.recipient-fingerprint-mismatch", certificate, pin=fingerprint_hex(other)
    )
    assert fingerprint_sha256(certificate) in error.render("nl")


def test_without_pin_the_user_must_confirm_the_fingerprint() -> None:
    _, certificate = make_office()
    error = refused("crypto.recipient-unconfirmed", certificate, pin=None)
    assert fingerprint_sha256(certificate) in error.render("en")
    checked = check_recipient(
        certificate, pin=None, confirmed_fingerprint=fingerprint_sha256(certificate).lower()
    )
    assert not checked.pinned
    _, other = make_office(slot=1)
    refused(
        "crypto.recipient-fingerprint-mismatch",
        certificate,
        pin=None,
        confirmed_fingerprint=fingerprint_hex(other),
    )


def test_malformed_pin_is_refused() -> None:
    _, certificate = make_office()
    refused("crypto.fingerprint-malformed", certificate, pin="abc")
    with pytest.raises(CryptoError):
        normalise_fingerprint("zz" * 32)
    assert fingerprints_equal("AB:" * 31 + "CD", ("ab" * 31 + "cd").upper())


def test_bundled_test_certificate_is_refused_unless_allowed() -> None:
    _, certificate = bundled_test_recipient()
    refused("crypto.recipient-test-only", certificate, pin=fingerprint_hex(certificate))
    assert check_recipient(
        certificate, pin=fingerprint_hex(certificate), allow_test_certificate=True
    ).pinned


# -- a PEM block after other text ----------------------------------------------------------------


def test_a_certificate_written_by_openssl_ca_with_its_text_dump_first_is_read(tmp_path) -> None:
    certificate_file, _ = openssl_ca_office(tmp_path / "ca")
    data = certificate_file.read_bytes()
    assert data.startswith(b"Certificate:\n")  # the readable dump comes first
    assert data.index(b"-----BEGIN CERTIFICATE-----") > 500
    der = openssl("x509", "-in", certificate_file, "-outform", "DER").stdout
    loaded = load_certificate(data, source=str(certificate_file))
    assert loaded.public_bytes(serialization.Encoding.DER) == der
    assert loaded.subject.rfc4514_string() == "CN=Test office via openssl ca"


def test_openssl_x509_text_output_a_bom_and_blank_lines_before_the_block_are_read(
    tmp_path,
) -> None:
    _, certificate = make_office()
    plain = write_pem(tmp_path / "office.pem", certificate)
    texted = openssl("x509", "-text", "-in", plain).stdout
    assert not texted.startswith(b"-----BEGIN")
    assert load_certificate(texted) == certificate
    pem = plain.read_bytes()
    assert load_certificate(b"\xef\xbb\xbf" + pem) == certificate
    assert load_certificate(b"\r\n\r\n" + pem.replace(b"\n", b"\r\n")) == certificate
    # the first certificate of a chain file; a key block before it is skipped
    _, other = make_office(slot=1)
    chain = write_pem(tmp_path / "chain.pem", ec_key(), certificate, other).read_bytes()
    assert load_certificate(b"subject=CN = office\n" + chain) == certificate


@pytest.mark.parametrize(
    "data",
    [
        b"Certificate:\n    Data: ...\n",  # the dump alone, no block
        b"text\n-----BEGIN CERTIFICATE-----\nMIIB\n",  # a block that never ends
        b"text\n-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n",  # a key
    ],
)
def test_text_without_a_whole_certificate_block_is_not_a_certificate(data: bytes) -> None:
    with pytest.raises(CryptoError) as caught:
        load_certificate(data, source="office.pem")
    assert caught.value.key == "crypto.recipient-not-certificate"


def test_the_search_for_the_block_is_linear_on_hostile_input() -> None:
    import time

    hostile = b"-----BEGIN CERTIFICATE-----\n" * 200_000  # 5.6 MB of openings, no end
    started = time.perf_counter()
    with pytest.raises(CryptoError):
        load_certificate(hostile)
    assert time.perf_counter() - started < 5
