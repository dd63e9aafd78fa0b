"""Fetch a file the office left on its SFTP server (the KSZ's returned tables), Qt-free.

The connection follows exactly the upload's rules (:func:`desktop_app.transfer.sftp.open_session`:
the portal's pin, else the one remembered key, else a first-use confirmation the caller must give;
never silently accepted; the host key is checked before any credential is sent). Then:

1. the address names a file, or a folder holding exactly one file the caller accepts (by its name's
   ending); several are refused with their names, so the officer names one;
2. the remote name becomes the local name only when it is a plain name (no folder part, no ``..``,
   no control character, no leading dot, no Windows device name): a hostile server's name never
   writes outside the target folder;
3. a file larger than ``max_size`` is refused before anything is written, and the download stops
   at ``max_size`` should the file grow meanwhile;
4. the bytes go to a temporary file in the target folder (``.<name>.<random>.part``, only this
   user may read it), SHA-256 computed while reading; a broken link resumes from the bytes already
   written (the upload's retry rules); flushed to disk, then renamed to its name. Whatever fails,
   the temporary file is removed: no partial file is left. A different file of that name in the
   target folder is never replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import posixpath
import re
import stat
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import paramiko

from desktop_app.transfer.model import (
    CancelToken,
    Credentials,
    Portal,
    ProgressCallback,
    RetryPolicy,
    TransferError,
)
from desktop_app.transfer.retry import run_with_retries
from desktop_app.transfer.sftp import (
    SftpWords,
    _quiet_prefetch_thread,
    classify_sftp_error,
    open_session,
    sftp_client,
)
from desktop_app.transfer.transport import HostKeyConfirm

log = logging.getLogger(__name__)

MIB = 1024 * 1024
MAX_FETCH_SIZE = 64 * MIB
"""A returned table set is a few kilobytes to a few megabytes; far more is not one."""
FETCH_CHUNK = 64 * 1024  # small enough that a link cut mid-way leaves bytes to resume from
MAX_LISTED = 10  # names shown when a folder holds several candidates

_FETCH_WORDS = {
    "transfer.connection-lost": "transfer.fetch-connection-lost",
    "transfer.cancelled": "transfer.fetch-cancelled",
}
_FETCH_SFTP = SftpWords(
    "transfer.fetch-permission-denied", "transfer.fetch-missing", "transfer.fetch-refused"
)
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")
_WINDOWS_DEVICES = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Fetched:
    """A file fetched whole: where it is now, what it was on the server, and its SHA-256."""

    path: Path  # in the target folder
    name: str
    source: str  # sftp://host:port/folder/name
    size: int
    sha256: str  # of the bytes received (computed while reading)
    server_identity: str  # the server's host key, SHA256:…
    attempts: int = 1


def grouped_ssh_fingerprint(fingerprint: str, size: int = 4) -> str:
    """``SHA256:Ab3d…`` in groups of ``size`` characters, for comparing two keys by eye."""
    text = fingerprint.strip()
    prefix, _, body = text.rpartition(":")
    groups = " ".join(body[i : i + size] for i in range(0, len(body), size))
    return f"{prefix}:{groups}" if prefix else groups


def safe_local_name(name: str, host: str) -> str:
    """``name`` when it is a plain file name, else ``transfer.fetch-name-unsafe``."""
    if (
        not name
        or name in (".", "..")
        or name.startswith(".")
        or name.endswith((" ", "."))
        or ".." in name
        or _UNSAFE.search(name)
        or _WINDOWS_DEVICES.match(name)
        or len(name.encode("utf-8")) > 200
    ):
        raise TransferError("transfer.fetch-name-unsafe", host=host, name=name[:80])
    return name


def fetch(
    portal: Portal,
    credentials: Credentials,
    target: Path,
    *,
    suffixes: Sequence[str] = (),
    max_size: int = MAX_FETCH_SIZE,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    confirm_host_key: HostKeyConfirm | None = None,
    retry: RetryPolicy | None = None,
) -> Fetched:
    """Download the file ``portal`` names (or the one accepted file in the folder it names) into
    the folder ``target``; see the module's text. ``suffixes`` (lower case, e.g. ``.csv.gpg``)
    are the endings accepted (empty: any). Every refusal is a :class:`TransferError`."""
    target = Path(target)
    if not target.is_dir():
        raise TransferError("transfer.fetch-target-missing", folder=str(target))
    job = _Fetch(
        portal,
        credentials,
        target,
        tuple(s.lower() for s in suffixes),
        max_size,
        progress or (lambda _done, _total: None),
        cancel or CancelToken(),
        confirm_host_key,
        retry or RetryPolicy(),
    )
    return job.run()


class _Fetch:
    def __init__(  # noqa: PLR0917 - internal; built by fetch()
        self,
        portal: Portal,
        credentials: Credentials,
        target: Path,
        suffixes: tuple[str, ...],
        max_size: int,
        progress: ProgressCallback,
        cancel: CancelToken,
        confirm_host_key: HostKeyConfirm | None,
        policy: RetryPolicy,
    ) -> None:
        self.portal = portal
        self.credentials = credentials
        self.target = target
        self.suffixes = suffixes
        self.max_size = max_size
        self.progress = progress
        self.cancel = cancel
        self.confirm_host_key = confirm_host_key
        self.policy = policy
        self.remote = ""  # the remote path, once chosen
        self.name = ""  # the local name, once judged
        self.size = 0  # the remote size when the download began
        self.written = 0
        self.digest = hashlib.sha256()
        self.temporary: Path | None = None
        self.fingerprint = ""
        self._transport: paramiko.Transport | None = None

    def run(self) -> Fetched:
        try:
            _, attempts = run_with_retries(
                self._attempt, lambda: self.written, self.policy, self.cancel, self._classify
            )
            final = self._finish()
        except TransferError as error:  # the upload's words say its copy resumes; ours is gone
            renamed = _FETCH_WORDS.get(error.message.key)
            if renamed is None:
                raise
            raise TransferError(renamed, **error.message.params) from None
        finally:
            self._discard()
        folder = posixpath.dirname(self.remote) or "."
        host = f"[{self.portal.host}]" if ":" in self.portal.host else self.portal.host
        return Fetched(
            path=final,
            name=self.name,
            source=f"sftp://{host}:{self.portal.port}{posixpath.join(folder, self.name)}",
            size=self.written,
            sha256=self.digest.hexdigest(),
            server_identity=self.fingerprint,
            attempts=attempts,
        )

    # -- one attempt -------------------------------------------------------------------------

    def _attempt(self) -> None:
        try:
            transport, self.fingerprint = open_session(
                self.portal, self.credentials, self.policy, self.confirm_host_key
            )
        except TransferError as error:
            if error.message.key == "transfer.host-key-changed":
                params = error.message.params
                raise TransferError(
                    "transfer.fetch-host-key-changed",
                    host=self.portal.host,
                    expected=grouped_ssh_fingerprint(str(params["expected"])),
                    actual=grouped_ssh_fingerprint(str(params["actual"])),
                ) from None
            raise
        self._transport = transport
        try:
            sftp = sftp_client(transport, self.portal, self.policy)
            if not self.remote:
                self._choose(sftp)
            self._download(sftp)
        finally:
            transport.close()
            self._transport = None

    def _choose(self, sftp: paramiko.SFTPClient) -> None:
        path = self.portal.path or "."
        attributes = sftp.stat(path)
        mode = attributes.st_mode or 0
        if stat.S_ISDIR(mode):
            path, attributes = self._only_file_in(sftp, path)
        elif not stat.S_ISREG(mode):
            raise TransferError("transfer.fetch-not-a-file", host=self.portal.host, path=path)
        name = safe_local_name(posixpath.basename(path.rstrip("/")), self.portal.host)
        if self.suffixes and not name.lower().endswith(self.suffixes):
            raise TransferError(
                "transfer.fetch-wrong-type",
                host=self.portal.host,
                name=name,
                types=", ".join(self.suffixes),
            )
        self._check_size(attributes.st_size or 0)
        if (self.target / name).exists():  # refused before a byte is fetched
            raise TransferError(
                "transfer.fetch-local-exists", file=str(self.target / name), host=self.portal.host
            )
        self.remote, self.name, self.size = path, name, attributes.st_size or 0

    def _only_file_in(
        self, sftp: paramiko.SFTPClient, folder: str
    ) -> tuple[str, paramiko.SFTPAttributes]:
        found = []
        for entry in sftp.listdir_attr(folder):
            name = entry.filename
            if name.startswith(".") or not stat.S_ISREG(entry.st_mode or 0):
                continue  # hidden and partial files, folders, links
            if self.suffixes and not name.lower().endswith(self.suffixes):
                continue
            found.append(entry)
        if not found:
            raise TransferError(
                "transfer.fetch-nothing",
                host=self.portal.host,
                path=folder,
                types=", ".join(self.suffixes) or "*",
            )
        if len(found) > 1:
            names = sorted(entry.filename[:80] for entry in found)
            shown = names[:MAX_LISTED] + (["…"] if len(names) > MAX_LISTED else [])
            raise TransferError(
                "transfer.fetch-choose", host=self.portal.host, path=folder, names=", ".join(shown)
            )
        entry = found[0]
        # the listed name is judged before it is joined to anything
        safe_local_name(entry.filename, self.portal.host)
        return posixpath.join(folder, entry.filename), entry

    def _check_size(self, size: int) -> None:
        if size > self.max_size:
            raise TransferError(
                "transfer.fetch-too-large", host=self.portal.host, size=size, limit=self.max_size
            )

    def _download(self, sftp: paramiko.SFTPClient) -> None:
        if self.temporary is None:
            handle, name = tempfile.mkstemp(
                prefix=f".{self.name}.", suffix=".part", dir=self.target
            )
            os.close(handle)  # mkstemp made it for this user only (0600)
            self.temporary = Path(name)
        log.info("sftp: fetching from byte %d of %d", self.written, self.size)
        with (
            sftp.open(self.remote, "rb") as remote,
            self._local_open() as local,
        ):
            _quiet_prefetch_thread(remote)
            remote.seek(self.written)
            remote.prefetch(max(0, self.size - self.written))
            self.progress(self.written, self.size)
            while chunk := remote.read(FETCH_CHUNK):
                self.cancel.check()
                if self.written + len(chunk) > self.max_size:
                    raise TransferError(
                        "transfer.fetch-too-large",
                        host=self.portal.host,
                        size=self.written + len(chunk),
                        limit=self.max_size,
                    )
                self._write(local, chunk)
                self.written += len(chunk)
                self.digest.update(chunk)
                self.progress(self.written, self.size)
            self._sync(local)
        if self.written != self.size:  # the link broke at the end, or the file changed
            raise TransferError(
                "transfer.connection-lost",
                host=self.portal.host,
                detail=f"received {self.written} of {self.size} bytes",
                transient=self.written < self.size,
            )

    # -- the local side (its failures are never the server's) ---------------------------------

    def _local_failure(self, error: OSError) -> TransferError:
        return TransferError(
            "transfer.fetch-local-failed",
            folder=str(self.target),
            detail=error.strerror or type(error).__name__,
        )

    @contextlib.contextmanager
    def _local_open(self) -> Iterator[BinaryIO]:
        assert self.temporary is not None
        try:
            local = self.temporary.open("r+b")
        except OSError as error:
            raise self._local_failure(error) from None
        with local:
            try:
                local.seek(self.written)
                local.truncate()
            except OSError as error:
                raise self._local_failure(error) from None
            yield local

    def _write(self, local: BinaryIO, chunk: bytes) -> None:
        try:
            local.write(chunk)
        except OSError as error:
            raise self._local_failure(error) from None

    def _sync(self, local: BinaryIO) -> None:
        try:
            local.flush()
            os.fsync(local.fileno())
        except OSError as error:
            raise self._local_failure(error) from None

    def _finish(self) -> Path:
        assert self.temporary is not None
        final = self.target / self.name
        if final.exists():
            raise TransferError(
                "transfer.fetch-local-exists", file=str(final), host=self.portal.host
            )
        try:
            os.replace(self.temporary, final)
        except OSError as error:
            raise self._local_failure(error) from None
        self.temporary = None
        return final

    def _discard(self) -> None:
        if self.temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                self.temporary.unlink()
            self.temporary = None

    # -- what went wrong -------------------------------------------------------------------

    def _classify(self, exc: BaseException) -> TransferError | None:
        return classify_sftp_error(
            exc, self.portal.host, self.remote or self.portal.path, self._transport, _FETCH_SFTP
        )
