"""A KSZ table set encrypted to the organisation's OpenPGP key (``.gpg``/``.pgp``): decrypted with
that key into a private scratch folder and imported in the same step (both faces).

The key is the organisation's own (:func:`desktop_app.submission.openpgp_key_folder`, the one its
KSZ request named) unless a folder is given; its passphrase comes from the OS keyring, or is the
one the officer typed (``openpgp.passphrase-needed`` asks for it). The decrypted file holds the
office's aggregates only; it lives in a folder only this user can read and is gone when the import
ends.
"""

from __future__ import annotations

import os
import tempfile
from os import PathLike
from pathlib import Path

from desktop_app.bounded_read import FileKind, read_bounded
from desktop_app.profiles.model import Programme
from desktop_app.results.history import StoredImport, import_results

ENCRYPTED_SUFFIXES = (".gpg", ".pgp")


def is_encrypted(path: str | PathLike[str]) -> bool:
    return Path(path).suffix.lower() in ENCRYPTED_SUFFIXES


def plain_name(path: str | PathLike[str]) -> str:
    """``tabellen.csv.gpg`` -> ``tabellen.csv``."""
    return Path(Path(path).stem).name


def decrypt_table_set(
    source: Path,
    organisation: str,
    scratch: Path,
    *,
    key_folder: Path | None = None,
    passphrase: str | None = None,
) -> Path:
    """The decrypted file in ``scratch`` (created for the caller only)."""
    from desktop_app.crypto.openpgp import decrypt_bytes, load_key
    from desktop_app.submission import openpgp_key_folder

    folder = key_folder if key_folder is not None else openpgp_key_folder(organisation)
    key = load_key(folder, organisation, passphrase=passphrase)
    plain = decrypt_bytes(key, read_bounded(source, FileKind.PACKAGE), source.name)
    target = scratch / plain_name(source)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(plain)
    return target


def import_encrypted(
    source: str | PathLike[str],
    programme: Programme,
    year: int,
    organisation: str,
    *,
    key_folder: Path | None = None,
    passphrase: str | None = None,
    record: Path | None = None,
) -> StoredImport:
    """Decrypt ``source`` and import it (:func:`~desktop_app.results.history.import_results`)."""
    with tempfile.TemporaryDirectory(prefix="results-") as scratch:
        plain = decrypt_table_set(
            Path(source), organisation, Path(scratch), key_folder=key_folder, passphrase=passphrase
        )
        return import_results(plain, programme, year, organisation, record=record)
