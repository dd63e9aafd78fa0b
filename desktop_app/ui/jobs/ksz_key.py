"""The KSZ request page's job: creating the organisation's OpenPGP key pair in a worker."""

from __future__ import annotations

from pathlib import Path

from desktop_app.crypto import openpgp
from desktop_app.ui.workers import Worker


def create_key_job(
    worker: Worker, folder: Path, organisation: str, name: str, email: str
) -> openpgp.PublicKeyInfo:
    """Make the key pair (passphrase in the OS keyring) and return what the page shows."""
    worker.progress(-1, "")
    key = openpgp.create_key(folder, organisation, name, email)
    return openpgp.PublicKeyInfo(key.fingerprint, key.user_ids, key.expires)
