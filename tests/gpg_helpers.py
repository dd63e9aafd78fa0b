"""The office's OpenPGP key pair made by GnuPG itself, as KSZ's Kleopatra would: a throwaway gpg
home per test, the public key exported to a file, and gpg's own decryption with its verdict on the
signature. Used by the delivery, KSZ and parity tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

GPG = shutil.which("gpg")


class GpgOffice:
    """A throwaway GnuPG home with the office's key pair (ed25519 + cv25519, one year), its
    public key exported to ``public``; ``run`` calls gpg in that home."""

    def __init__(self, folder: Path, passphrase: str = "") -> None:
        self.passphrase = passphrase
        assert GPG, "GnuPG (gpg) is not installed: apt-get install gnupg"
        self.home = folder / "gnupghome"
        self.home.mkdir(parents=True, mode=0o700)
        self.env = {**os.environ, "GNUPGHOME": str(self.home), "LC_ALL": "C"}
        self.run("--quick-gen-key", "KSZ test <ksz@example.test>", "ed25519", "cert,sign", "1y")
        listing = self.run("--with-colons", "--list-keys").stdout.decode()
        self.fingerprint = next(
            line.split(":")[9] for line in listing.splitlines() if line[:4] == "fpr:"
        )
        self.run("--quick-add-key", self.fingerprint, "cv25519", "encr", "1y")
        self.public = folder / "ksz-office.asc"
        self.public.write_bytes(self.run("--armor", "--export", self.fingerprint).stdout)

    def run(self, *args: str | Path, data: bytes | None = None) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [GPG, "--batch", "--no-tty", "--pinentry-mode", "loopback", "--passphrase"]
            + [self.passphrase]
            + [str(a) for a in args],
            env=self.env,
            input=data,
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr.decode(errors="replace")
        return result

    def export_secret(self) -> bytes:
        """The secret key as ``gpg --export-secret-keys --armor`` writes it (passphrase-protected
        when the office has one)."""
        return self.run("--armor", "--export-secret-keys", self.fingerprint).stdout

    def import_key(self, armored: str) -> None:
        """The sender's public key, so that gpg checks the signature while it decrypts."""
        self.run("--import", data=armored.encode("ascii"))

    def decrypt(self, path: Path) -> tuple[bytes, str]:
        """The plaintext and what gpg said of it (the signature's check)."""
        result = self.run("--decrypt", path)
        return result.stdout, result.stderr.decode(errors="replace")

    def close(self) -> None:
        subprocess.run(["gpgconf", "--kill", "all"], env=self.env, capture_output=True, check=False)
