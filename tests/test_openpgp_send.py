"""Encrypting to an office's OpenPGP key (KSZ/BCSS, CBS), checked against the real GnuPG.

The office's keys are made by gpg itself in a temporary GNUPGHOME (module-scoped, made once); gpg
then decrypts what we encrypted and verifies our signature. GnuPG must be installed (CI installs
Debian's ``gnupg``): these tests fail, never skip, without it.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pysequoia
import pytest

from desktop_app.bounded_read import InputFileError
from desktop_app.crypto import openpgp
from desktop_app.crypto.openpgp import OpenPgpError, OpenPgpKey
from desktop_app.crypto.openpgp_send import (
    OpenPgpRecipient,
    encrypt_and_sign,
    load_recipient_key,
    read_recipient_key,
)

GPG = shutil.which("gpg")
PLAIN = "afdeling;geslacht;aantal\r\nFinanciën;V;12\r\nICT;M;7\r\n".encode()

Gpg = Callable[..., subprocess.CompletedProcess[bytes]]


@dataclass(frozen=True)
class Office:
    """A gpg home holding the offices' key pairs, and their exported key files."""

    gpg: Gpg
    folder: Path
    fingerprints: dict[str, str]

    def export(self, name: str, *, armor: bool = True, secret: bool = False) -> bytes:
        command = "--export-secret-keys" if secret else "--export"
        args = ["--armor"] if armor else []
        return self.gpg(*args, command, self.fingerprints[name]).stdout


def make_gpg(home: Path) -> Gpg:
    assert GPG, "GnuPG (gpg) is not installed: apt-get install gnupg"
    home.mkdir(mode=0o700)
    env = {**os.environ, "GNUPGHOME": str(home), "LC_ALL": "C"}

    def run(
        *args: str | Path, check: bool = True, input: bytes | None = None
    ) -> subprocess.CompletedProcess[bytes]:
        result = subprocess.run(
            [
                GPG,
                "--batch",
                "--no-tty",
                "--pinentry-mode",
                "loopback",
                "--passphrase",
                "",
                *map(str, args),
            ],
            env=env,
            capture_output=True,
            input=input,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"gpg {args} failed: {result.stderr.decode(errors='replace')}")
        return result

    return run


@pytest.fixture(scope="module")
def short_lived_signer() -> OpenPgpKey:
    """Made first, so it has expired by the time the gpg keys are ready."""
    return openpgp.generate_key(
        "Stad Kortstondig", "kort@voorbeeld.be", validity=dt.timedelta(seconds=1)
    )


@pytest.fixture(scope="module")
def office(
    tmp_path_factory: pytest.TempPathFactory, short_lived_signer: OpenPgpKey
) -> Iterator[Office]:
    del short_lived_signer  # only its creation time matters
    folder = tmp_path_factory.mktemp("office")
    gpg = make_gpg(folder / "gnupghome")
    fingerprints: dict[str, str] = {}

    def generate(name: str, user_id: str, primary: str, encryption: str | None) -> str:
        usage = "cert,sign" if encryption else "sign"
        gpg("--quick-gen-key", user_id, primary, usage, "1y")
        listing = gpg("--with-colons", "--list-keys", f"<{user_id.split('<')[1]}").stdout.decode()
        fingerprint = next(
            line.split(":")[9] for line in listing.splitlines() if line[:4] == "fpr:"
        )
        if encryption:
            gpg("--quick-add-key", fingerprint, encryption, "encr", "1y")
        fingerprints[name] = fingerprint
        return fingerprint

    started = time.monotonic()
    # the keys that must expire first, so the wait overlaps the other keys' generation
    expired = generate("expired", "Verlopen <verlopen@example.test>", "ed25519", "cv25519")
    gpg("--quick-set-expire", expired, "seconds=1")
    sub_expired = generate("sub-expired", "Subsleutel <sub@example.test>", "ed25519", "cv25519")
    gpg("--quick-set-expire", sub_expired, "seconds=1", "*")
    generate("ksz", "KSZ test <ksz@example.test>", "rsa3072", "rsa3072")
    generate("cbs", "CBS test <cbs@example.test>", "ed25519", "cv25519")
    generate("sign-only", "Alleen ondertekenen <sign@example.test>", "ed25519", None)
    revoked = generate("revoked", "Ingetrokken <ingetrokken@example.test>", "ed25519", "cv25519")
    certificate = folder / "gnupghome" / "openpgp-revocs.d" / f"{revoked}.rev"
    # gpg keeps the revocation certificate with a ':' before the armor so it is not imported
    # by mistake; importing it is what an office does to revoke its key
    gpg("--import", input=certificate.read_bytes().replace(b":-----BEGIN", b"-----BEGIN"))
    time.sleep(max(0.0, 2.5 - (time.monotonic() - started)))
    yield Office(gpg, folder, fingerprints)
    home = str(folder / "gnupghome")
    subprocess.run(
        ["gpgconf", "--kill", "all"],
        env={**os.environ, "GNUPGHOME": home},
        capture_output=True,
        check=False,
    )


@pytest.fixture(scope="module")
def our_key(office: Office) -> OpenPgpKey:
    """The organisation's key, its public half imported into the office's gpg home."""
    key = openpgp.generate_key("Stad Voorbeeld", "diversiteit@voorbeeld.be")
    office.gpg("--import", input=key.public_key_armored().encode())
    return key


def gpg_decrypt(office: Office, message: bytes) -> tuple[bytes, list[str]]:
    """gpg's plaintext and its status lines (``DECRYPTION_OKAY``, ``GOODSIG``...)."""
    source = office.folder / "message.gpg"
    target = office.folder / "plain.out"
    source.write_bytes(message)
    status = office.gpg("--yes", "--status-fd", "1", "-o", target, "--decrypt", source).stdout
    return target.read_bytes(), status.decode(errors="replace").splitlines()  # notations are binary


def gpg_primary(office: Office, name: str) -> list[str]:
    """gpg's ``pub:`` line for the key (validity in field 2, creation time in field 6)."""
    listing = office.gpg("--with-colons", "--list-keys", office.fingerprints[name]).stdout
    return next(line for line in listing.decode().splitlines() if line[:4] == "pub:").split(":")


def refusal(
    office: Office, data: bytes, name: str = "sleutel.asc", at: dt.datetime | None = None
) -> str:
    """The message key of the refusal, after checking every language names the file only."""
    with pytest.raises(OpenPgpError) as caught:
        read_recipient_key(data, name, at=at)
    for language in ("nl", "en", "fr"):
        text = caught.value.render(language)
        assert name in text
        assert "BEGIN PGP" not in text
        assert "-----" not in text
        assert not any(fpr in text for fpr in office.fingerprints.values())
    return caught.value.key


# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("armor", [True, False], ids=["armored", "binary"])
@pytest.mark.parametrize("name", ["ksz", "cbs"])
def test_reads_the_key_as_gpg_exports_it(office: Office, name: str, armor: bool) -> None:
    data = office.export(name, armor=armor)
    assert data.startswith(b"-----BEGIN PGP PUBLIC KEY BLOCK-----") == armor
    recipient = read_recipient_key(data, "ksz.asc")
    assert recipient.fingerprint == office.fingerprints[name]
    assert recipient.version == 4
    assert recipient.user_ids == (
        ("KSZ test <ksz@example.test>",) if name == "ksz" else ("CBS test <cbs@example.test>",)
    )
    assert recipient.expires is not None
    remaining = recipient.expires - dt.datetime.now(dt.UTC)
    assert dt.timedelta(days=360) < remaining < dt.timedelta(days=367)
    shown = office.gpg("--fingerprint", recipient.fingerprint).stdout.decode().splitlines()[1]
    assert recipient.fingerprint_display == shown.strip()  # exactly as gpg --fingerprint shows it
    assert "certificate" not in repr(recipient)


@pytest.mark.parametrize("armor", [False, True], ids=["binary", "armored"])
@pytest.mark.parametrize("name", ["ksz", "cbs"])
def test_gpg_decrypts_and_verifies_what_we_encrypted(
    office: Office, our_key: OpenPgpKey, name: str, armor: bool
) -> None:
    recipient = read_recipient_key(office.export(name), f"{name}.asc")
    message = encrypt_and_sign(PLAIN, recipient, our_key, armor=armor)
    assert message.startswith(b"-----BEGIN PGP MESSAGE-----") == armor
    assert PLAIN not in message
    plain, status = gpg_decrypt(office, message)
    assert plain == PLAIN
    assert "[GNUPG:] DECRYPTION_OKAY" in status
    assert any(line.startswith("[GNUPG:] GOODSIG ") for line in status)
    valid = [line.split() for line in status if line.startswith("[GNUPG:] VALIDSIG ")]
    assert len(valid) == 1
    assert valid[0][-1] == our_key.fingerprint  # made by (a subkey of) our organisation's key
    assert not any("BADSIG" in line or "ERRSIG" in line for line in status)
    # encrypted to the office's encryption subkey only, in the format gpg 2.2 reads (SEIPD v1)
    encryption_key = [line for line in status if line.startswith("[GNUPG:] ENC_TO ")]
    assert len(encryption_key) == 1
    assert encryption_key[0].split()[2] != office.fingerprints[name][-16:]  # the subkey
    assert "[GNUPG:] GOODMDC" in status
    # MDC (SEIPD v1) and no AEAD: the format gpg 2.2 reads
    info = [line.split() for line in status if line.startswith("[GNUPG:] DECRYPTION_INFO ")]
    assert info[0][2] == "2"
    assert info[0][4] == "0"
    # pysequoia writes a binary literal packet without file name or date; gpg reads it so
    assert "[GNUPG:] PLAINTEXT 62 0 " in status


def test_a_multi_megabyte_payload_comes_back_byte_for_byte(
    office: Office, our_key: OpenPgpKey
) -> None:
    payload = os.urandom(6 * 1024 * 1024 + 123)
    recipient = read_recipient_key(office.export("ksz", armor=False), "ksz.gpg")
    plain, status = gpg_decrypt(office, encrypt_and_sign(payload, recipient, our_key))
    assert plain == payload
    assert "[GNUPG:] DECRYPTION_OKAY" in status
    assert any(line.startswith("[GNUPG:] GOODSIG ") for line in status)


def test_load_reads_the_file_and_names_it(office: Office, tmp_path: Path) -> None:
    path = tmp_path / "KSZ publieke sleutel.asc"
    path.write_bytes(office.export("ksz"))
    assert load_recipient_key(path).fingerprint == office.fingerprints["ksz"]
    with pytest.raises(OpenPgpError) as caught:
        load_recipient_key(tmp_path / "missing.asc")
    assert caught.value.key == "openpgp.file-unreadable"
    with pytest.raises(InputFileError):
        load_recipient_key(tmp_path)
    sign_only = tmp_path / "ondertekenen.asc"
    sign_only.write_bytes(office.export("sign-only"))
    with pytest.raises(OpenPgpError) as caught:
        load_recipient_key(sign_only)
    assert caught.value.key == "openpgp.recipient-key-no-encryption"
    assert "ondertekenen.asc" in caught.value.render("nl")
    assert str(tmp_path) not in caught.value.render("nl")  # the file's name, not its folder


@pytest.mark.parametrize("armor", [True, False], ids=["armored", "binary"])
def test_a_secret_key_is_never_used(office: Office, armor: bool) -> None:
    data = office.export("ksz", armor=armor, secret=True)
    assert data.startswith(b"-----BEGIN PGP PRIVATE KEY BLOCK-----") == armor
    assert refusal(office, data) == "openpgp.recipient-key-secret"


def test_a_file_with_several_keys_is_refused(office: Office) -> None:
    one_block = office.gpg(
        "--export", "--armor", office.fingerprints["ksz"], office.fingerprints["cbs"]
    ).stdout
    assert one_block.count(b"-----BEGIN PGP PUBLIC KEY BLOCK-----") == 1
    two_blocks = office.export("ksz") + office.export("cbs")
    binary = office.export("ksz", armor=False) + office.export("cbs", armor=False)
    for data in (one_block, two_blocks, binary):
        assert refusal(office, data) == "openpgp.recipient-key-several"
    with pytest.raises(OpenPgpError) as caught:
        read_recipient_key(two_blocks, "sleutels.asc")
    assert "2 sleutels" in caught.value.render("nl")


def test_an_expired_key_is_refused(office: Office, our_key: OpenPgpKey) -> None:
    data = office.export("expired")
    primary = gpg_primary(office, "expired")
    assert primary[1] == "e"  # gpg too calls it expired
    assert refusal(office, data) == "openpgp.recipient-key-expired"
    # read as it was when it was still valid, it is accepted, but encrypting now is refused
    created = dt.datetime.fromtimestamp(int(primary[5]), dt.UTC)
    recipient = read_recipient_key(data, "verlopen.asc", at=created)
    with pytest.raises(OpenPgpError) as caught:
        encrypt_and_sign(PLAIN, recipient, our_key)
    assert caught.value.key == "openpgp.recipient-key-expired"
    assert "verlopen.asc" in caught.value.render("fr")


def test_a_key_whose_encryption_subkey_expired_is_refused(office: Office) -> None:
    data = office.export("sub-expired")
    listing = office.gpg("--with-colons", "--list-keys", office.fingerprints["sub-expired"]).stdout
    kinds = [line.split(":")[:2] for line in listing.decode().splitlines()]
    assert ["pub", "u"] in kinds
    assert ["sub", "e"] in kinds
    recipient_primary = pysequoia.Cert.from_bytes(data).expiration
    assert recipient_primary is not None
    assert recipient_primary > dt.datetime.now(dt.UTC)
    assert refusal(office, data) == "openpgp.recipient-key-expired"


def test_a_valid_key_is_refused_at_a_date_after_its_expiry(office: Office) -> None:
    data = office.export("cbs")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=2 * 365)
    assert refusal(office, data, at=later) == "openpgp.recipient-key-expired"
    assert read_recipient_key(data, "cbs.asc", at=dt.datetime.now(dt.UTC)).version == 4


def test_a_revoked_key_is_refused(office: Office) -> None:
    data = office.export("revoked")
    assert gpg_primary(office, "revoked")[1] == "r"  # gpg too calls it revoked
    assert refusal(office, data) == "openpgp.recipient-key-revoked"
    assert refusal(office, office.export("revoked", armor=False)) == "openpgp.recipient-key-revoked"


def test_a_sign_only_key_is_refused(office: Office) -> None:
    assert refusal(office, office.export("sign-only")) == "openpgp.recipient-key-no-encryption"


def test_what_is_not_a_public_key_is_refused(office: Office, our_key: OpenPgpKey) -> None:
    recipient = read_recipient_key(office.export("ksz"), "ksz.asc")
    message = encrypt_and_sign(PLAIN, recipient, our_key, armor=True)
    for data in (
        b"",
        b"Beste, in bijlage onze sleutel.\r\n",
        PLAIN,
        message,  # an encrypted message, not a key
        office.export("ksz")[:300],  # cut short
        b"-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nAAAA\n-----END PGP PUBLIC KEY BLOCK-----\n",
    ):
        assert refusal(office, data) == "openpgp.recipient-key-unreadable"


def test_a_sequoia_v4_key_asking_for_the_new_format_is_refused(office: Office) -> None:
    """Sequoia's own v4 keys advertise SEIPD v2, which GnuPG 2.2/2.4 cannot decrypt."""
    other = openpgp.generate_key("Andere organisatie", "andere@example.be")
    assert refusal(office, other.public_key_armored().encode()) == (
        "openpgp.recipient-key-new-format"
    )


def test_a_v6_key_is_accepted_and_its_owner_decrypts(our_key: OpenPgpKey) -> None:
    v6 = pysequoia.Tsk.generate("CBS v6 <cbs6@example.test>", profile=pysequoia.Profile.RFC9580)
    recipient = read_recipient_key(str(v6.extract_certificate()).encode(), "cbs6.asc")
    assert recipient.version == 6
    assert isinstance(recipient, OpenPgpRecipient)
    message = encrypt_and_sign(PLAIN, recipient, our_key)
    assert pysequoia.decrypt(message, decryptor=v6.decryptor()).bytes == PLAIN


def test_an_expired_signing_key_is_refused(office: Office, short_lived_signer: OpenPgpKey) -> None:
    recipient = read_recipient_key(office.export("ksz"), "ksz.asc")
    with pytest.raises(OpenPgpError) as caught:
        encrypt_and_sign(PLAIN, recipient, short_lived_signer)
    assert caught.value.key == "openpgp.signing-key-unusable"
    assert short_lived_signer.fingerprint_display in caught.value.render("en")
