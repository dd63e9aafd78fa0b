"""The office's table set fetched from its SFTP server and imported in one step (both faces).

Only where the programme's profile offers it (``[results] fetch_channels = ["sftp"]``: the KSZ);
any other programme is refused with the profile's sentence on how that office returns its tables.
The connection follows the upload's host-key rules (:mod:`desktop_app.transfer.hostkey_policy`:
the officer's fingerprint, else the profile's pin for its own portal, else the one remembered key,
else a first-use confirmation the caller gives). The file is fetched bounded and atomically into
``keep`` (a folder the officer chose), or else into a private scratch folder removed when the
import ends; then imported as ``results import`` does (a ``.gpg`` decrypted with the organisation's
OpenPGP key in the same step, in a private scratch folder: :mod:`desktop_app.results.encrypted`).
What is kept is what the import keeps: aggregates only.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from desktop_app.draft import MAX_YEAR, MIN_YEAR
from desktop_app.profiles.model import Programme
from desktop_app.results.encrypted import ENCRYPTED_SUFFIXES, import_encrypted, is_encrypted
from desktop_app.results.history import (
    StoredImport,
    import_results,
    results_dir,
)
from desktop_app.results.importer import layout_of
from desktop_app.results.model import ResultsError
from desktop_app.transfer.fetch import MAX_FETCH_SIZE, Fetched, fetch
from desktop_app.transfer.hostkey_policy import portal_for_upload
from desktop_app.transfer.model import (
    CancelToken,
    Credentials,
    Portal,
    ProgressCallback,
    RetryPolicy,
)
from desktop_app.transfer.transport import HostKeyConfirm

FILE_SUFFIXES = {"xlsx": (".xlsx", ".xlsm"), "csv": (".csv", ".txt")}
SFTP = "sftp"


@dataclass(frozen=True)
class FetchedImport:
    """The import kept, and what was fetched (its SHA-256, the server's key, where it was kept)."""

    stored: StoredImport
    fetched: Fetched
    kept: Path | None  # the fetched file, when a folder to keep it in was given


def offers_fetch(programme: Programme) -> bool:
    """Whether the office leaves its tables on an SFTP server the assistant may fetch them from."""
    return programme.results is not None and SFTP in programme.results.fetch_channels


def require_fetch(programme: Programme) -> None:
    """Refuse a programme whose office offers no fetch, naming how it returns its tables."""
    layout = layout_of(programme)
    if SFTP in layout.fetch_channels:
        return
    if layout.returned is not None:
        raise ResultsError(
            "results.fetch-not-offered", programme=programme.name, how=layout.returned
        )
    raise ResultsError("results.fetch-not-offered-plain", programme=programme.name)


def accepted_suffixes(programme: Programme) -> tuple[str, ...]:
    """The endings of a table file of this programme, plain or encrypted (``.csv``, ``.csv.gpg``)."""
    plain = tuple(s for t in layout_of(programme).file_types for s in FILE_SUFFIXES.get(t, ()))
    return plain + tuple(p + e for p in plain for e in ENCRYPTED_SUFFIXES)


def check_year_and_organisation(year: int, organisation: str) -> None:
    """What the import would refuse, refused before a connection is made."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ResultsError("results.year-invalid", year=year, low=MIN_YEAR, high=MAX_YEAR)
    results_dir(organisation)  # a malformed organisation id


def fetch_portal(url: str, programme: Programme, *, host_key_sha256: str | None = None) -> Portal:
    """The SFTP address with the host key the upload's rule expects (the officer's fingerprint,
    else the profile's pin for its own portal; a remembered key or a confirmation at the
    handshake). An address that is not ``sftp://`` is refused."""
    if not url.strip().lower().startswith("sftp://"):
        raise ResultsError("results.fetch-not-sftp", url=url[:200])
    return portal_for_upload(url.strip(), given=host_key_sha256, profile=programme)


def fetch_results(
    portal: Portal,
    credentials: Credentials,
    programme: Programme,
    year: int,
    organisation: str,
    *,
    keep: Path | None = None,
    key_folder: Path | None = None,
    passphrase: str | None = None,
    record: Path | None = None,
    confirm_host_key: HostKeyConfirm | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    retry: RetryPolicy | None = None,
    max_size: int = MAX_FETCH_SIZE,
) -> FetchedImport:
    """Fetch the table set ``portal`` names and import it for ``organisation`` and ``year``."""
    require_fetch(programme)
    check_year_and_organisation(year, organisation)
    with tempfile.TemporaryDirectory(prefix="results-fetch-") as scratch:
        target = keep if keep is not None else Path(scratch)
        fetched = fetch(
            portal,
            credentials,
            target,
            suffixes=accepted_suffixes(programme),
            max_size=max_size,
            progress=progress,
            cancel=cancel,
            confirm_host_key=confirm_host_key,
            retry=retry,
        )
        if is_encrypted(fetched.path):
            stored = import_encrypted(
                fetched.path,
                programme,
                year,
                organisation,
                key_folder=key_folder,
                passphrase=passphrase,
                record=record,
            )
        else:
            stored = import_results(fetched.path, programme, year, organisation, record=record)
    return FetchedImport(stored, fetched, fetched.path if keep is not None else None)
