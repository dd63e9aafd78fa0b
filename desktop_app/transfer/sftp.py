"""Upload over SFTP (paramiko): pinned or confirmed host key, temporary name, resume, read-back.

One attempt: connect, check the host key *before* sending any credential, log in, then

1. if the final name already exists: done when it holds exactly our bytes (a retry after the
   rename's reply was lost), else refuse - the office's file is never overwritten;
2. write ``.<name>.<sha256[:16]>.part`` from its current remote size (resume);
3. read the temporary file back and compare SHA-256; a mismatch deletes it and starts over
   (an attempt without progress: a server that corrupts every copy is given up on after
   ``attempts_without_progress``, not sent the whole file ``max_attempts`` times);
4. rename it to the final name (SFTP rename never replaces an existing file).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import posixpath
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import paramiko
from paramiko.sftp import CMD_EXTENDED, CMD_EXTENDED_REPLY

from desktop_app.bounded_read import FileKind, require_regular_file
from desktop_app.transfer.hostkey_policy import expected_host_key
from desktop_app.transfer.hostkeys import remember_host_key
from desktop_app.transfer.model import (
    CancelToken,
    Credentials,
    Portal,
    ProgressCallback,
    Receipt,
    RetryPolicy,
    TransferError,
    utc_now,
)
from desktop_app.transfer.retry import connect_error, lost_error, run_with_retries
from desktop_app.transfer.transport import HostKeyConfirm, UploadJob

log = logging.getLogger(__name__)


CHUNK = 256 * 1024
READ_CHUNK = 1024 * 1024


def host_key_fingerprint(key: paramiko.PKey) -> str:
    """OpenSSH's ``SHA256:…`` fingerprint of a public key (as ``ssh-keygen -lf`` shows it)."""
    import base64

    digest = hashlib.sha256(key.asbytes()).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


def temporary_name(name: str, sha256: str) -> str:
    return f".{name}.{sha256[:16]}.part"


def open_session(
    portal: Portal,
    credentials: Credentials,
    policy: RetryPolicy,
    confirm_host_key: HostKeyConfirm | None,
) -> tuple[paramiko.Transport, str]:
    """Connect, check the host key (:func:`check_host_key`) *before* sending any credential, log
    in; returns the live transport and the server's fingerprint. Uploads and fetches share it."""
    host, port = portal.host, portal.port
    try:
        sock = socket.create_connection((host, port), timeout=policy.timeout)
    except OSError as exc:
        raise connect_error(exc, host, port) from None
    transport = paramiko.Transport(sock)
    try:
        transport.start_client(timeout=policy.timeout)
        fingerprint = check_host_key(portal, transport.get_remote_server_key(), confirm_host_key)
        login(transport, portal, credentials)
    except BaseException:
        transport.close()
        raise
    return transport, fingerprint


def check_host_key(
    portal: Portal, key: paramiko.PKey, confirm_host_key: HostKeyConfirm | None
) -> str:
    """The server's fingerprint when it is the expected one (pin, else remembered), or unknown and
    confirmed now (then remembered); else :class:`TransferError` (never silently accepted)."""
    host, port = portal.host, portal.port
    actual = host_key_fingerprint(key)
    expected = expected_host_key(portal).fingerprint  # pin, else remembered, else ask
    if expected is not None:
        if actual != expected:
            raise TransferError(
                "transfer.host-key-changed", host=host, expected=expected, actual=actual
            )
    elif confirm_host_key is not None and confirm_host_key(host, port, actual):
        remember_host_key(host, port, actual)
    else:
        raise TransferError("transfer.host-key-unknown", host=host, fingerprint=actual)
    return actual


def login(transport: paramiko.Transport, portal: Portal, credentials: Credentials) -> None:
    try:
        if credentials.key_file is not None:
            # /dev/zero would fill the memory, a FIFO block the login
            require_regular_file(credentials.key_file, FileKind.KEY)
            try:
                key = paramiko.PKey.from_path(
                    credentials.key_file,
                    credentials.key_passphrase or None,
                )
            except (OSError, paramiko.SSHException, ValueError):
                raise TransferError(
                    "transfer.key-file-unreadable", file=str(credentials.key_file)
                ) from None
            transport.auth_publickey(credentials.username, key)
        elif credentials.password is not None:
            transport.auth_password(credentials.username, credentials.password)
        else:
            raise TransferError("transfer.credentials-missing", host=portal.host)
    except paramiko.AuthenticationException:
        raise TransferError(
            "transfer.login-refused", host=portal.host, user=credentials.username
        ) from None


def sftp_client(
    transport: paramiko.Transport, portal: Portal, policy: RetryPolicy
) -> paramiko.SFTPClient:
    """The SFTP subsystem on a logged-in transport, each operation bounded by the policy's timeout."""
    sftp = paramiko.SFTPClient.from_transport(transport)
    if sftp is None:
        raise TransferError(
            "transfer.connection-lost", host=portal.host, detail="sftp", transient=True
        )
    channel = sftp.get_channel()
    assert channel is not None  # from_transport opened it
    channel.settimeout(policy.timeout)
    return sftp


class SftpUpload:
    def __init__(  # noqa: PLR0917 - internal; built by SftpTransport.run
        self,
        package: Path,
        sha256: str,
        portal: Portal,
        credentials: Credentials,
        progress: ProgressCallback,
        cancel: CancelToken,
        confirm_host_key: HostKeyConfirm | None,
        policy: RetryPolicy,
    ) -> None:
        self.package = package
        self.sha256 = sha256
        self.size = package.stat().st_size
        self.portal = portal
        self.credentials = credentials
        self.progress = progress
        self.cancel = cancel
        self.confirm_host_key = confirm_host_key
        self.policy = policy
        self.folder = portal.path or "."
        self.final = posixpath.join(self.folder, package.name)
        self.temporary = posixpath.join(self.folder, temporary_name(package.name, sha256))
        self.confirmed = 0  # bytes the server was seen to hold
        self.bytes_sent = 0
        self.read_back = 0  # bytes read back from the server, all attempts (a live link)
        self.fingerprint = ""
        self._transport: paramiko.Transport | None = None

    # -- the whole upload --------------------------------------------------------------------

    def run(self) -> Receipt:
        server_sha, attempts = run_with_retries(
            self._attempt,
            lambda: self.confirmed + self.read_back,
            self.policy,
            self.cancel,
            self._classify,
        )
        return Receipt(
            package=self.package.name,
            protocol="sftp",
            destination=f"{self.portal.url.rstrip('/')}/{self.package.name}",
            size=self.size,
            sha256=server_sha,
            uploaded_at=utc_now(),
            server_identity=self.fingerprint,
            attempts=attempts,
            bytes_sent=self.bytes_sent,
        )

    def _attempt(self) -> str:
        transport = self._connect()
        try:
            return self._transfer(sftp_client(transport, self.portal, self.policy))
        finally:
            transport.close()
            self._transport = None

    # -- connection, host key, login ------------------------------------------------------

    def _connect(self) -> paramiko.Transport:
        transport, self.fingerprint = open_session(
            self.portal, self.credentials, self.policy, self.confirm_host_key
        )
        self._transport = transport
        return transport

    # -- the file ------------------------------------------------------------------------

    def _transfer(self, sftp: paramiko.SFTPClient) -> str:
        if (existing := _size_or_none(sftp, self.final)) is not None:
            if existing == self.size and self._remote_sha256(sftp, self.final) == self.sha256:
                self.confirmed = self.size
                self.progress(self.size, self.size)
                return self.sha256
            raise TransferError("transfer.remote-exists", host=self.portal.host, path=self.final)
        offset = _size_or_none(sftp, self.temporary) or 0
        if offset > self.size:
            sftp.remove(self.temporary)
            offset = 0
        self.confirmed = max(self.confirmed, offset)
        self._check_space(sftp, self.size - offset)
        if offset < self.size or offset == 0:
            self._write(sftp, offset)
        self.confirmed = self.size
        read_before = self.read_back
        held = self._remote_sha256(sftp, self.temporary)
        if held != self.sha256:
            sftp.remove(self.temporary)
            self.confirmed = 0
            self.read_back = read_before  # reading back a wrong copy is no progress
            raise TransferError(
                "transfer.verify-failed",
                host=self.portal.host,
                expected=self.sha256,
                actual=held,
                transient=True,
            )
        sftp.rename(self.temporary, self.final)
        if sftp.stat(self.final).st_size != self.size:  # pragma: no cover - a server fault
            raise TransferError(
                "transfer.verify-failed",
                host=self.portal.host,
                expected=self.sha256,
                actual="?",
            )
        return held

    def _write(self, sftp: paramiko.SFTPClient, offset: int) -> None:
        log.info("sftp: writing %s from byte %d of %d", self.temporary, offset, self.size)
        with (
            self.package.open("rb") as local,
            sftp.open(self.temporary, "r+" if offset else "w") as remote,
        ):
            remote.set_pipelined(True)
            remote.seek(offset)
            local.seek(offset)
            self.progress(offset, self.size)
            while offset < self.size:
                self.cancel.check()
                chunk = local.read(CHUNK)
                if not chunk:
                    raise TransferError(
                        "transfer.package-changed", file=str(self.package), transient=False
                    )
                remote.write(chunk)
                offset += len(chunk)
                self.bytes_sent += len(chunk)
                self.progress(offset, self.size)
            remote.flush()

    def _remote_sha256(self, sftp: paramiko.SFTPClient, path: str) -> str:
        digest = hashlib.sha256()
        received = 0

        def sink(chunk: bytes) -> None:
            nonlocal received
            digest.update(chunk)
            received += len(chunk)
            self.read_back += len(chunk)

        with sftp.open(path, "rb") as remote:
            _quiet_prefetch_thread(remote)
            remote.prefetch(self.size)
            _copy_into(remote, sink, self.cancel)
        if received != self.size:  # a short read: the server holds less, or the link broke
            raise TransferError(
                "transfer.connection-lost",
                host=self.portal.host,
                detail=f"read back {received} of {self.size} bytes",
                transient=True,
            )
        return digest.hexdigest()

    def _check_space(self, sftp: paramiko.SFTPClient, needed: int) -> None:
        free = free_bytes(sftp, self.folder)
        if free is not None and free < needed:
            raise TransferError("transfer.server-full", host=self.portal.host, needed=needed)

    # -- what went wrong -----------------------------------------------------------------

    def _classify(self, exc: BaseException) -> TransferError | None:
        return classify_sftp_error(
            exc, self.portal.host, self.folder, self._transport, UPLOAD_WORDS
        )


@dataclass(frozen=True)
class SftpWords:
    """The message keys for what an SFTP server answers, as one direction says them."""

    permission: str
    missing: str
    refused: str


UPLOAD_WORDS = SftpWords(
    "transfer.permission-denied", "transfer.remote-folder-missing", "transfer.server-refused"
)


def classify_sftp_error(
    exc: BaseException,
    host: str,
    path: str,
    transport: paramiko.Transport | None,
    words: SftpWords,
) -> TransferError | None:
    """What an exception during an SFTP attempt means for the officer (``None``: not ours to
    explain): no permission or nothing at ``path``, a refusal from a live server (an SFTP status
    such as "Failure": a full disk, say), or a lost connection (transient, tried again)."""
    if isinstance(exc, PermissionError):
        return TransferError(words.permission, host=host, path=path)
    if isinstance(exc, FileNotFoundError):
        return TransferError(words.missing, host=host, path=path)
    live = transport is not None and transport.is_active()
    if type(exc) is OSError and exc.errno is None and live:
        return TransferError(words.refused, host=host, detail=str(exc))
    if isinstance(exc, OSError | EOFError | paramiko.SSHException):
        return lost_error(exc, host)
    return None


def _size_or_none(sftp: paramiko.SFTPClient, path: str) -> int | None:
    try:
        return sftp.stat(path).st_size or 0
    except FileNotFoundError:
        return None


class _Readable(Protocol):
    def read(self, size: int, /) -> bytes: ...


def _copy_into(stream: _Readable, sink: Callable[[bytes], object], cancel: CancelToken) -> None:
    while chunk := stream.read(READ_CHUNK):
        cancel.check()
        sink(chunk)


def free_bytes(sftp: paramiko.SFTPClient, path: str) -> int | None:
    """Free space for the login at ``path`` (OpenSSH's statvfs extension), or None if unknown."""
    try:
        # private paramiko API (no public statvfs), so absent from types-paramiko
        kind, msg = sftp._request(CMD_EXTENDED, "statvfs@openssh.com", path)  # type: ignore[attr-defined]
    except (OSError, paramiko.SSHException):
        return None
    if kind != CMD_EXTENDED_REPLY:
        return None
    _bsize, frsize, _blocks, _bfree, bavail = (msg.get_int64() for _ in range(5))
    free: int = bavail * frsize
    return free


def _quiet_prefetch_thread(remote: paramiko.SFTPFile) -> None:
    """paramiko sends prefetch requests from a thread of its own that does not catch a broken
    link: the exception would reach ``threading.excepthook`` (in the wizard: the crash dialog)
    although the reading side sees the same broken link and reports it as a transient error that
    the retry handles. Wrap that thread's target so the link error ends it quietly."""
    target = getattr(remote, "_prefetch_thread", None)
    if target is None:  # another paramiko: nothing to wrap
        return

    def quiet(*args: object, **kwargs: object) -> None:
        # The reader raises its own error for the same broken link.
        with contextlib.suppress(EOFError, OSError, paramiko.SSHException):
            target(*args, **kwargs)

    remote._prefetch_thread = quiet  # type: ignore[attr-defined]  # private, absent from types-paramiko


class SftpTransport:
    """``sftp://``: SFTP over SSH (paramiko); the host key as the job's portal pins it, else
    remembered, else confirmed by ``job.confirm_host_key``; a login is required."""

    scheme = "sftp"

    def run(self, job: UploadJob) -> Receipt:
        if job.credentials is None:
            raise TransferError("transfer.credentials-missing", host=job.portal.host)
        return SftpUpload(
            job.package,
            job.sha256,
            job.portal,
            job.credentials,
            job.progress,
            job.cancel,
            job.confirm_host_key,
            job.policy,
        ).run()


TRANSPORT = SftpTransport()
