"""Helpers shared by the crypto tests (throwaway CA and office certificates, an in-memory keyring,
the OpenSSL command line), and checks of the bundled test-only recipient certificate."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from desktop_app.crypto.keys import fingerprint_hex, keys_match
from desktop_app.crypto.recipient import check_recipient, load_certificate
from desktop_app.resources import resource_path

NOW = dt.datetime.now(dt.UTC)
OPENSSL = shutil.which("openssl")
# The interop tests need the real OpenSSL command line; .ci/run installs Debian's openssl.
# Missing it is a failure, never a skip.


class InMemoryKeyring(KeyringBackend):
    """A keyring that lives in a dict, for tests (never touches the OS keyring)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class MemoryStore:
    """A :class:`desktop_app.crypto.keys.PassphraseStore` in a dict."""

    def __init__(self) -> None:
        self.passphrases: dict[str, str] = {}

    def get(self, organisation_id: str) -> str | None:
        return self.passphrases.get(organisation_id)

    def set(self, organisation_id: str, passphrase: str) -> None:
        self.passphrases[organisation_id] = passphrase


def _name(common_name: str, organisation: str = "Test office") -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


@cache
def rsa_key(bits: int = 3072, slot: int = 0) -> rsa.RSAPrivateKey:
    """An RSA key, cached per (bits, slot) so the suite makes each one once."""
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


@cache
def throwaway_ca() -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = rsa_key(3072, slot=99)
    name = _name("Throwaway test CA")
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )
    return key, certificate


def make_office(
    *,
    bits: int = 3072,
    slot: int = 0,
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    key_encipherment: bool = True,
    key: object | None = None,
) -> tuple[object, x509.Certificate]:
    """An office key and certificate issued by the throwaway CA."""
    ca_key, ca_certificate = throwaway_ca()
    key = key if key is not None else rsa_key(bits, slot)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(f"Test office {bits}/{slot}"))
        .issuer_name(ca_certificate.subject)
        .public_key(key.public_key())  # type: ignore[attr-defined]
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or NOW - dt.timedelta(days=1))
        .not_valid_after(not_after or NOW + dt.timedelta(days=365))
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=key_encipherment,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(key.public_key()),  # type: ignore[attr-defined]
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    return key, certificate


def ec_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def write_pem(path: Path, *objects: object) -> Path:
    """Write certificates and unencrypted private keys as PEM (for the openssl command line)."""
    chunks = []
    for item in objects:
        if isinstance(item, x509.Certificate):
            chunks.append(item.public_bytes(serialization.Encoding.PEM))
        else:
            chunks.append(
                item.private_bytes(  # type: ignore[attr-defined]
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            )
    path.write_bytes(b"".join(chunks))
    return path


def openssl(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    """Run the openssl command line; fail the test with its stderr if it fails."""
    assert OPENSSL is not None
    result = subprocess.run(
        [OPENSSL, *map(str, args)], check=False, capture_output=True, timeout=120
    )
    if check and result.returncode != 0:
        pytest.fail(f"openssl {' '.join(map(str, args))} failed:\n{result.stderr.decode()}")
    return result


# -- the bundled test-only recipient -------------------------------------------------------------


def bundled_test_recipient() -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    folder = resource_path("certificates", "test")
    certificate = load_certificate((folder / "test-recipient-cert.pem").read_bytes())
    key = serialization.load_pem_private_key(
        (folder / "test-recipient-key.pem").read_bytes(), password=None
    )
    assert isinstance(key, rsa.RSAPrivateKey)
    return key, certificate


def test_bundled_test_recipient_is_rsa_3072_long_lived_and_marked_test_only() -> None:
    key, certificate = bundled_test_recipient()
    assert keys_match(key, certificate)
    assert key.key_size == 3072
    assert "TEST ONLY" in certificate.subject.rfc4514_string().upper()
    assert certificate.not_valid_after_utc > NOW + dt.timedelta(days=365 * 10)
    checked = check_recipient(
        certificate, pin=fingerprint_hex(certificate), allow_test_certificate=True
    )
    assert checked.key_bits == 3072
    assert (resource_path("certificates", "test") / "README.md").is_file()


def test_in_memory_keyring_round_trip() -> None:
    backend = InMemoryKeyring()
    backend.set_password("s", "u", "p")
    assert backend.get_password("s", "u") == "p"
    backend.delete_password("s", "u")
    assert backend.get_password("s", "u") is None


# -- files as the OpenSSL command line writes them (text before the PEM block) --------------------

_CA_CONFIG = """\
[ca]
default_ca = ca_default
[ca_default]
dir = {folder}
database = {folder}/index.txt
new_certs_dir = {folder}/issued
certificate = {folder}/ca.pem
private_key = {folder}/ca.key
serial = {folder}/serial
default_md = sha256
default_days = 30
policy = any_name
[any_name]
commonName = supplied
"""


def openssl_ca_office(folder: Path) -> tuple[Path, Path]:
    """An office certificate issued by ``openssl ca -out`` (a readable dump, then the PEM block)
    and its key as ``openssl pkcs12 -nodes`` writes it ("Bag Attributes" lines, the certificate,
    then the key): (certificate file, key file)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "issued").mkdir()
    (folder / "index.txt").write_text("")
    (folder / "serial").write_text("1000\n")
    (folder / "ca.cnf").write_text(_CA_CONFIG.format(folder=folder))
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", folder / "ca.key",
            "-out", folder / "ca.pem", "-subj", "/CN=Throwaway openssl CA", "-days", "2")  # fmt: skip
    openssl("req", "-new", "-newkey", "rsa:3072", "-nodes", "-keyout", folder / "office.key",
            "-out", folder / "office.csr", "-subj", "/CN=Test office via openssl ca")  # fmt: skip
    certificate = folder / "office-ca-out.pem"
    openssl("ca", "-batch", "-config", folder / "ca.cnf", "-in", folder / "office.csr",
            "-out", certificate)  # fmt: skip
    openssl("pkcs12", "-export", "-in", certificate, "-inkey", folder / "office.key",
            "-passout", "pass:x", "-out", folder / "office.p12")  # fmt: skip
    key = folder / "office-pkcs12-nodes.pem"
    openssl("pkcs12", "-in", folder / "office.p12", "-nodes", "-passin", "pass:x", "-out", key)
    return certificate, key
