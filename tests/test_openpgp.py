"""The organisation's OpenPGP key pair (KSZ route), checked against GnuPG's command line.

GnuPG must be installed (CI installs Debian's ``gnupg``): these tests fail, never skip, without it.
Each test runs gpg with its own GNUPGHOME in a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.crypto import openpgp
from desktop_app.crypto.openpgp import OpenPgpError, OpenPgpKey
from tests.test_crypto_support import MemoryStore

GPG = shutil.which("gpg")
PLAIN = "afdeling;geslacht;aantal\r\nFinanciën;V;12\r\nICT;M;7\r\n".encode()

Gpg = Callable[..., subprocess.CompletedProcess[bytes]]


@pytest.fixture(scope="module")
def our_key() -> OpenPgpKey:
    return openpgp.generate_key("Stad Voorbeeld", "diversiteit@voorbeeld.be")


@pytest.fixture
def gpg(tmp_path: Path) -> Gpg:
    assert GPG, "GnuPG (gpg) is not installed: apt-get install gnupg"
    home = tmp_path / "gnupghome"
    home.mkdir(mode=0o700)
    env = {**os.environ, "GNUPGHOME": str(home), "LC_ALL": "C"}

    def run(
        *args: str | Path, check: bool = True, input: bytes | None = None
    ) -> subprocess.CompletedProcess[bytes]:
        result = subprocess.run(
            [GPG, "--batch", "--no-tty", *map(str, args)],
            env=env,
            capture_output=True,
            input=input,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"gpg {args} failed: {result.stderr.decode(errors='replace')}")
        return result

    yield run
    subprocess.run(["gpgconf", "--kill", "all"], env=env, capture_output=True, check=False)


def import_ours(gpg: Gpg, key: OpenPgpKey, tmp_path: Path) -> Path:
    public = tmp_path / "our.asc"
    openpgp.write_public_key(key, public)
    gpg("--import", public)
    return public


def encrypt_with_gpg(gpg: Gpg, tmp_path: Path, recipient: str, *, armor: bool = False) -> Path:
    plain = tmp_path / "tabellen.csv"
    plain.write_bytes(PLAIN)
    out = tmp_path / ("tabellen.csv.asc" if armor else "tabellen.csv.gpg")
    args = ["--yes", "--trust-model", "always", "-e", "-r", recipient, "-o", out]
    gpg(*(["--armor"] if armor else []), *args, plain)
    return out


# --------------------------------------------------------------------------------------------------


def test_generated_key_has_user_id_fingerprint_and_expiry(our_key: OpenPgpKey) -> None:
    assert our_key.user_ids == ("Stad Voorbeeld <diversiteit@voorbeeld.be>",)
    assert len(our_key.fingerprint) == 40
    assert our_key.fingerprint == our_key.fingerprint.upper()
    assert our_key.fingerprint_display.replace(" ", "") == our_key.fingerprint
    assert "  " in our_key.fingerprint_display  # GnuPG's two halves
    assert our_key.expires is not None
    armored = our_key.public_key_armored()
    assert armored.startswith("-----BEGIN PGP PUBLIC KEY BLOCK-----")
    assert "PRIVATE" not in armored
    info = openpgp.read_public_key(armored.encode())
    assert info.fingerprint == our_key.fingerprint
    assert info.user_ids == our_key.user_ids


def test_exported_public_key_imports_cleanly_into_gpg(
    our_key: OpenPgpKey, gpg: Gpg, tmp_path: Path
) -> None:
    import_ours(gpg, our_key, tmp_path)
    listing = gpg("--with-colons", "--fingerprint", our_key.fingerprint).stdout.decode()
    fingerprints = [line.split(":")[9] for line in listing.splitlines() if line.startswith("fpr:")]
    assert fingerprints[0] == our_key.fingerprint
    assert "Stad Voorbeeld <diversiteit@voorbeeld.be>" in listing
    sub = [line for line in listing.splitlines() if line.startswith("sub:")]
    assert any("e" in line.split(":")[11] for line in sub)  # an encryption subkey gpg accepts
    assert not gpg("--list-secret-keys", check=False).stdout  # only the public key went in


@pytest.mark.parametrize("armor", [False, True], ids=["binary", "armored"])
def test_we_decrypt_what_gpg_encrypted_to_our_key(
    our_key: OpenPgpKey, gpg: Gpg, tmp_path: Path, armor: bool
) -> None:
    import_ours(gpg, our_key, tmp_path)
    message = encrypt_with_gpg(gpg, tmp_path, our_key.fingerprint, armor=armor)
    assert openpgp.decrypt_bytes(our_key, message.read_bytes()) == PLAIN
    target = tmp_path / "out" / "tabellen.csv"
    target.parent.mkdir()
    assert openpgp.decrypt_file(our_key, message, target) == len(PLAIN)
    assert target.read_bytes() == PLAIN
    assert [p.name for p in target.parent.iterdir()] == ["tabellen.csv"]  # no temp file left


def test_hidden_recipient_is_decrypted_too(our_key: OpenPgpKey, gpg: Gpg, tmp_path: Path) -> None:
    import_ours(gpg, our_key, tmp_path)
    plain = tmp_path / "t.csv"
    plain.write_bytes(PLAIN)
    out = tmp_path / "t.gpg"
    gpg("--trust-model", "always", "-e", "-R", our_key.fingerprint, "-o", out, plain)
    assert openpgp.decrypt_bytes(our_key, out.read_bytes()) == PLAIN


def test_message_to_another_key_is_refused_with_its_own_message(
    our_key: OpenPgpKey, gpg: Gpg, tmp_path: Path
) -> None:
    gpg("--passphrase", "", "--quick-gen-key", "Ander <ander@example.be>", "default", "default")
    message = encrypt_with_gpg(gpg, tmp_path, "ander@example.be")
    target = tmp_path / "never.csv"
    with pytest.raises(OpenPgpError) as caught:
        openpgp.decrypt_file(our_key, message, target)
    assert caught.value.key == "openpgp.message-not-for-us"
    assert our_key.fingerprint_display in caught.value.render("nl")
    assert "andere sleutel" in caught.value.render("nl")
    assert "autre clé" in caught.value.render("fr")
    assert not target.exists()


def test_damaged_and_non_messages_are_refused(
    our_key: OpenPgpKey, gpg: Gpg, tmp_path: Path
) -> None:
    import_ours(gpg, our_key, tmp_path)
    data = encrypt_with_gpg(gpg, tmp_path, our_key.fingerprint).read_bytes()
    flipped = bytearray(data)
    flipped[-30] ^= 0x55  # inside the encrypted data: the integrity check (MDC) fails
    truncated = data[: len(data) - 40]
    for bad in (bytes(flipped), truncated, b"Dit is geen versleuteld bestand.\n", b""):
        with pytest.raises(OpenPgpError) as caught:
            openpgp.decrypt_bytes(our_key, bad)
        assert caught.value.key == "openpgp.message-damaged", bad[:20]
    with pytest.raises(OpenPgpError) as caught:
        openpgp.decrypt_bytes(our_key, our_key.public_key_armored().encode())
    assert caught.value.key == "openpgp.message-not-encrypted"


def test_key_file_is_protected_and_opens_only_with_the_passphrase(tmp_path: Path, gpg: Gpg) -> None:
    store = MemoryStore()
    key = openpgp.create_key(
        tmp_path / "keys", "0123456749", "Stad Voorbeeld", "hr@voorbeeld.be",
        passphrase_store=store, algorithm="cv25519",
    )  # fmt: skip
    passphrase = store.get("0123456749/openpgp")
    assert passphrase
    assert len(passphrase) >= 32
    assert store.get("0123456749") is None  # the CMS signing key's entry is left alone
    secret_file = tmp_path / "keys" / openpgp.SECRET_KEY_FILE
    raw = secret_file.read_bytes()
    assert b"PRIVATE KEY" not in raw
    assert key.fingerprint.encode() not in raw
    public = (tmp_path / "keys" / openpgp.PUBLIC_KEY_FILE).read_bytes()
    assert openpgp.read_public_key(public).fingerprint == key.fingerprint

    loaded = openpgp.load_key(tmp_path / "keys", "0123456749", passphrase_store=store)
    assert loaded.fingerprint == key.fingerprint
    with pytest.raises(OpenPgpError) as caught:
        openpgp.load_key(tmp_path / "keys", "0123456749", passphrase="not the passphrase")
    assert caught.value.key == "openpgp.passphrase-wrong"
    with pytest.raises(OpenPgpError) as caught:
        openpgp.load_key(tmp_path / "keys", "0123456749", passphrase_store=MemoryStore())
    assert caught.value.key == "openpgp.passphrase-missing"
    with pytest.raises(OpenPgpError) as caught:
        openpgp.load_key(tmp_path / "nothing", "0123456749", passphrase="x")
    assert caught.value.key == "openpgp.key-missing"

    # the protected key file is standard OpenPGP: GnuPG opens it with the passphrase (Kleopatra)
    exported = gpg(
        "--pinentry-mode", "loopback", "--passphrase", passphrase, "--decrypt", secret_file
    ).stdout
    gpg("--import", input=exported)
    assert key.fingerprint in gpg("--with-colons", "--list-secret-keys").stdout.decode()


def test_a_gpg_protected_secret_key_from_kleopatra_is_used(gpg: Gpg, tmp_path: Path) -> None:
    gpg(
        "--pinentry-mode", "loopback", "--passphrase", "kleo-secret",
        "--quick-gen-key", "Gemeente <hr@gemeente.be>", "default", "default",
    )  # fmt: skip
    exported = gpg(
        "--pinentry-mode", "loopback", "--passphrase", "kleo-secret",
        "--armor", "--export-secret-keys", "hr@gemeente.be",
    ).stdout  # fmt: skip
    with pytest.raises(OpenPgpError) as caught:
        openpgp.unlock_secret_key(exported, "wrong")
    assert caught.value.key == "openpgp.passphrase-wrong"
    key = openpgp.unlock_secret_key(exported, "kleo-secret")
    message = encrypt_with_gpg(gpg, tmp_path, "hr@gemeente.be", armor=True)
    assert key.decrypt(message.read_bytes()) == PLAIN
    # kept as it came (gpg's own protection), reopened with the same passphrase
    assert openpgp.unlock_secret_key(openpgp.protect_secret_key(key, "kleo-secret"), "kleo-secret")


def test_refusals_for_bad_input(our_key: OpenPgpKey, tmp_path: Path) -> None:
    with pytest.raises(OpenPgpError) as caught:
        openpgp.generate_key("Org <x>", "not-an-address")
    assert caught.value.key == "openpgp.user-id-invalid"
    with pytest.raises(OpenPgpError) as caught:
        openpgp.protect_secret_key(our_key, "")
    assert caught.value.key == "openpgp.passphrase-empty"
    with pytest.raises(OpenPgpError) as caught:
        openpgp.unlock_secret_key(b"garbage", "x", "garbage.pgp")
    assert caught.value.key == "openpgp.secret-key-unreadable"
    with pytest.raises(OpenPgpError) as caught:
        openpgp.unlock_secret_key(our_key.public_key_armored().encode(), "x")
    assert caught.value.key == "openpgp.secret-key-unreadable"
    with pytest.raises(OpenPgpError) as caught:
        openpgp.decrypt_file(our_key, tmp_path / "missing.gpg", tmp_path / "out")
    assert caught.value.key == "openpgp.file-unreadable"
    with pytest.raises(OpenPgpError) as caught:
        openpgp.read_public_key(b"nope")
    assert caught.value.key == "openpgp.public-key-unreadable"
    # a password-encrypted message is not the KSZ's way and is refused by name
    import pysequoia

    sym = pysequoia.encrypt(PLAIN, passwords=["pw"])
    with pytest.raises(OpenPgpError) as caught:
        openpgp.decrypt_bytes(our_key, sym)
    assert caught.value.key == "openpgp.message-not-for-us-password"


def test_the_openpgp_decrypt_command_opens_the_tables_the_ksz_sent(
    gpg: Gpg, tmp_path: Path
) -> None:
    """The officer's command line: gpg (standing in for the KSZ) encrypts, we decrypt to a file."""
    key = openpgp.create_key(
        tmp_path / "pgp",
        "stad-voorbeeld",
        "Stad Voorbeeld",
        "diversiteit@voorbeeld.be",
        passphrase="lang geheim wachtwoord",
    )
    import_ours(gpg, key, tmp_path)
    encrypted = encrypt_with_gpg(gpg, tmp_path, key.fingerprint)
    out = tmp_path / "tabellen-ontsleuteld.csv"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "openpgp-decrypt",
            str(encrypted),
            "--key-folder",
            str(tmp_path / "pgp"),
            "--organisation",
            "stad-voorbeeld",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={
            **os.environ,
            "DIVERSITY_ASSISTANT_OPENPGP_PASSPHRASE": "lang geheim wachtwoord",
            "DIVERSITY_ASSISTANT_LANG": "en",
        },
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == PLAIN
    wrong = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "openpgp-decrypt",
            str(encrypted),
            "--key-folder",
            str(tmp_path / "pgp"),
            "--organisation",
            "stad-voorbeeld",
            "--out",
            str(tmp_path / "x.csv"),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={
            **os.environ,
            "DIVERSITY_ASSISTANT_OPENPGP_PASSPHRASE": "fout",
            "DIVERSITY_ASSISTANT_LANG": "en",
        },
    )
    assert wrong.returncode == 2
    assert "Traceback" not in wrong.stderr
    assert not (tmp_path / "x.csv").exists()


def test_a_backup_of_the_secret_key_opens_in_gnupg_with_its_own_passphrase(tmp_path: Path) -> None:
    """The backup is the key encrypted with a passphrase the officer chose: GnuPG restores it
    (gpg --decrypt backup | gpg --import) on another computer; a weak passphrase is refused."""
    import os
    import shutil
    import subprocess

    from desktop_app.crypto.openpgp import backup_secret_key, create_key, unlock_secret_key

    folder = tmp_path / "keys"
    key = create_key(folder, "org", "Stad Voorbeeld", "an@voorbeeld.be", passphrase="sleutel-1234567")
    with pytest.raises(openpgp.OpenPgpError) as weak:
        backup_secret_key(folder, "org", "kort", passphrase="sleutel-1234567")
    assert weak.value.key == "openpgp.backup-passphrase-weak"
    chosen = "reserve kopie in de kluis"
    backup = backup_secret_key(folder, "org", chosen, passphrase="sleutel-1234567")
    assert unlock_secret_key(backup, chosen).fingerprint == key.fingerprint
    gpg = shutil.which("gpg")
    assert gpg, "GnuPG (gpg) is not installed: apt-get install gnupg"
    home = tmp_path / "gnupghome"
    home.mkdir(mode=0o700)
    env = {**os.environ, "GNUPGHOME": str(home)}
    base = [gpg, "--batch", "--pinentry-mode", "loopback", "--passphrase", chosen]
    plain = subprocess.run(
        [*base, "--decrypt"], input=backup, capture_output=True, env=env, check=True
    ).stdout
    subprocess.run([gpg, "--batch", "--import"], input=plain, capture_output=True, env=env, check=True)
    listing = subprocess.run(
        [gpg, "--with-colons", "--list-secret-keys"], capture_output=True, env=env, check=True
    ).stdout.decode()
    assert key.fingerprint in listing
    subprocess.run(["gpgconf", "--kill", "all"], env=env, capture_output=True, check=False)
