"""The KSZ request page's job: creating the organisation's OpenPGP key pair in a worker."""

from __future__ import annotations

from pathlib import Path

from desktop_app.crypto import openpgp
from desktop_app.ui.workers import Worker


def create_key_job(  # noqa: PLR0917 (called positionally by Worker)
    worker: Worker,
    folder: Path,
    organisation: str,
    name: str,
    email: str,
    passphrase: str | None = None,
) -> openpgp.PublicKeyInfo:
    """Make the key pair and return what the page shows. Its passphrase goes to the OS keyring,
    or is the one the officer typed (``passphrase``) where the keyring cannot be used."""
    worker.progress(-1, "")
    key = openpgp.create_key(folder, organisation, name, email, passphrase=passphrase)
    return openpgp.PublicKeyInfo(key.fingerprint, key.user_ids, key.expires)
