"""The demo's "office": an SFTP server on loopback inside the assistant, for ``--demo`` only.

A first-time officer sees the whole way once, to "sent", with a receipt whose SHA-256 the server
side computed, and nothing leaves the computer. :class:`DemoPortal` listens on ``127.0.0.1`` on a
free port, with an SSH host key made at start (its fingerprint is the client's pin), one user
(``demo``) with a password made at start, and an inbox in a temporary folder that is removed when
the portal stops.

It serves exactly what our SFTP client (:mod:`desktop_app.transfer.sftp`) asks: ``stat``, ``open``
for reading or writing (at offsets, for the resume), ``rename`` (never over an existing file),
``remove`` and the free space (OpenSSH's ``statvfs`` extension). Every path is inside ``/inbox``;
anything else (``../x``, another folder, a link) is refused. For each file that arrives under its
final name the portal computes the SHA-256 of what it holds (:meth:`DemoPortal.received`).

Qt-free; the wizard starts it in demo mode only (:mod:`desktop_app.ui.app`).
"""

from __future__ import annotations

import contextlib
import errno
import hmac
import logging
import os
import posixpath
import secrets
import shutil
import socket
import stat
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import paramiko
from paramiko.common import (
    AUTH_FAILED,
    AUTH_SUCCESSFUL,
    OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED,
    OPEN_SUCCEEDED,
)
from paramiko.sftp import (
    CMD_EXTENDED,
    CMD_EXTENDED_REPLY,
    SFTP_FAILURE,
    SFTP_OK,
    SFTP_OP_UNSUPPORTED,
    SFTP_PERMISSION_DENIED,
)

from desktop_app.bounded_read import file_sha256
from desktop_app.transfer.model import Portal, TransferError
from desktop_app.transfer.sftp import host_key_fingerprint

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
USER = "demo"
INBOX = "/inbox"


_RUNNING: dict[str, DemoPortal] = {}
"""The demo portals running in this process, by URL (what the demo's route may go to)."""
_RUNNING_LOCK = threading.Lock()


def running_portal(url: str | None) -> DemoPortal | None:
    """The demo portal this process runs at ``url`` (an ``sftp://127.0.0.1:<port>/inbox`` address),
    else None. Only a portal started here counts: a draft naming such an address does not."""
    if not url:
        return None
    try:
        key = Portal.from_url(url.strip()).url
    except TransferError:
        return None
    with _RUNNING_LOCK:
        return _RUNNING.get(key)


@dataclass(frozen=True)
class ReceivedFile:
    """A file that arrived in the inbox, hashed by the server from the bytes it holds."""

    name: str
    size: int
    sha256: str


def _is_temporary(name: str) -> bool:
    """Our client's temporary upload name (``.<name>.<hash>.part``): not yet arrived."""
    return name.startswith(".") and name.endswith(".part")


def _status(error: OSError) -> int:
    """The SFTP status for an operating-system error (no such file, permission denied, failure)."""
    return paramiko.SFTPServer.convert_errno(error.errno or errno.EIO)


class _Server(paramiko.ServerInterface):
    """The SSH side: one user, a password, a session channel for the ``sftp`` subsystem."""

    def __init__(self, portal: DemoPortal) -> None:
        self.portal = portal

    def get_allowed_auths(self, username: str) -> str:
        return "password"

    def check_auth_password(self, username: str, password: str) -> int:
        if hmac.compare_digest(username.encode(), USER.encode()) and hmac.compare_digest(
            password.encode(), self.portal.password.encode()
        ):
            return AUTH_SUCCESSFUL
        return AUTH_FAILED

    def check_channel_request(self, kind: str, chanid: int) -> int:
        if kind == "session":
            return OPEN_SUCCEEDED
        return OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED

    def check_channel_subsystem_request(self, channel: paramiko.Channel, name: str) -> bool:
        return name == "sftp" and super().check_channel_subsystem_request(channel, name)


class _Handle(paramiko.SFTPHandle):
    """An open file of the inbox; a file written under its final name is hashed on close."""

    filename: str
    readfile: IO[Any]
    writefile: IO[Any] | None

    def __init__(self, portal: DemoPortal, path: Path, flags: int, stream: IO[Any]) -> None:
        super().__init__(flags)
        self.portal = portal
        self.path = path
        self.filename = path.name
        self.readfile = stream
        self.written = bool(flags & (os.O_WRONLY | os.O_RDWR))
        self.writefile = stream if self.written else None

    def stat(self) -> paramiko.SFTPAttributes | int:
        try:
            return paramiko.SFTPAttributes.from_stat(os.fstat(self._file().fileno()))
        except OSError as error:
            return _status(error)

    def chattr(self, attr: paramiko.SFTPAttributes) -> int:
        return SFTP_OP_UNSUPPORTED

    def close(self) -> None:
        super().close()
        if self.written:
            self.portal._arrived(self.path)

    def _file(self) -> IO[Any]:
        return self.readfile


class _Inbox(paramiko.SFTPServerInterface):
    """The SFTP side: the virtual folder ``/inbox`` mapped onto the portal's temporary folder."""

    def __init__(self, server: _Server, *args: Any, **kwargs: Any) -> None:
        super().__init__(server, *args, **kwargs)
        self.portal = server.portal

    def _local(self, path: str) -> Path | None:
        """The inbox file for an SFTP path, or None when it is outside the inbox."""
        virtual = posixpath.normpath(posixpath.join("/", path))
        if virtual == INBOX:
            return self.portal.inbox
        if posixpath.dirname(virtual) != INBOX:  # no subfolders, nothing outside
            return None
        name = posixpath.basename(virtual)
        if not name or name in (".", "..") or "\\" in name or "\x00" in name:
            return None
        local = self.portal.inbox / name
        if local.is_symlink():
            return None
        return local

    def canonicalize(self, path: str) -> str:
        return posixpath.normpath(posixpath.join("/", path))

    def stat(self, path: str) -> paramiko.SFTPAttributes | int:
        local = self._local(path)
        if local is None:
            return SFTP_PERMISSION_DENIED
        try:
            return paramiko.SFTPAttributes.from_stat(local.stat())
        except OSError as error:
            return _status(error)

    lstat = stat

    def open(self, path: str, flags: int, attr: paramiko.SFTPAttributes) -> _Handle | int:
        local = self._local(path)
        if local is None or local == self.portal.inbox:
            return SFTP_PERMISSION_DENIED
        binary = getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(local, flags | binary, 0o600)
        except OSError as error:
            return _status(error)
        if flags & os.O_WRONLY:
            mode = "ab" if flags & os.O_APPEND else "wb"
        elif flags & os.O_RDWR:
            mode = "a+b" if flags & os.O_APPEND else "r+b"
        else:
            mode = "rb"
        try:
            stream = os.fdopen(fd, mode)
        except OSError as error:
            os.close(fd)
            return _status(error)
        return _Handle(self.portal, local, flags, stream)

    def remove(self, path: str) -> int:
        local = self._local(path)
        if local is None or local == self.portal.inbox:
            return SFTP_PERMISSION_DENIED
        try:
            local.unlink()
        except OSError as error:
            return _status(error)
        return SFTP_OK

    def rename(self, oldpath: str, newpath: str) -> int:
        old, new = self._local(oldpath), self._local(newpath)
        inbox = self.portal.inbox
        if old is None or new is None or inbox in (old, new):
            return SFTP_PERMISSION_DENIED
        if new.exists():  # SFTP's rename never replaces a file
            return SFTP_FAILURE
        try:
            old.rename(new)
        except OSError as error:
            return _status(error)
        self.portal._arrived(new)
        return SFTP_OK


class _SftpServer(paramiko.SFTPServer):
    """paramiko's SFTP server with OpenSSH's ``statvfs@openssh.com`` for the inbox's free space
    (our client checks the space before it writes)."""

    def _process(self, t: int, request_number: int, msg: paramiko.Message) -> None:
        if t == CMD_EXTENDED:
            position = msg.packet.tell()
            tag = msg.get_text()
            if tag == "statvfs@openssh.com":
                self._statvfs(request_number, msg.get_text())
                return
            msg.packet.seek(position)
        super()._process(t, request_number, msg)  # type: ignore[misc]

    def _statvfs(self, request_number: int, path: str) -> None:
        interface: _Inbox = self.server  # type: ignore[assignment]
        local = interface._local(path)
        if local is None:
            self._send_status(request_number, SFTP_PERMISSION_DENIED)  # type: ignore[attr-defined]
            return
        usage = shutil.disk_usage(interface.portal.inbox)
        reply = paramiko.Message()
        reply.add_int(request_number)
        # bsize, frsize (1: the counts are bytes), blocks, bfree, bavail, files, ffree, favail,
        # fsid, flag, namemax
        for value in (1, 1, usage.total, usage.free, usage.free, 0, 0, 0, 0, 0, 255):
            reply.add_int64(value)
        self._send_packet(CMD_EXTENDED_REPLY, reply)  # type: ignore[attr-defined]


INBOX_PREFIX = "diversity-demo-portal-"
STALE_AFTER = 12 * 3600  # s: an inbox this old belongs to no running demo


def sweep_stale_inboxes(now: float | None = None) -> int:
    """Remove demo inboxes that a killed demo (SIGTERM, a crash) left in the temp folder; only
    demo data was ever in them. A recent one may belong to a demo running now and is kept.
    Returns how many were removed."""
    now = time.time() if now is None else now
    removed = 0
    for folder in Path(tempfile.gettempdir()).glob(INBOX_PREFIX + "*"):
        try:
            if (
                folder.is_dir()
                and not folder.is_symlink()
                and now - folder.stat().st_mtime > STALE_AFTER
            ):
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        except OSError:
            continue
    return removed


class DemoPortal:
    """The demo's SFTP server on loopback: ``start()`` / ``stop()`` or ``with DemoPortal() as p``.

    :attr:`url`, :attr:`fingerprint` (the pin), :attr:`user` and :attr:`password` are what the
    client needs; :meth:`received` lists what arrived, with the server's SHA-256.
    """

    def __init__(self) -> None:
        self.user = USER
        self.password = ""
        self.port = 0
        self.fingerprint = ""
        self._root: Path | None = None
        self._host_key: paramiko.PKey | None = None
        self._listener: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._transports: list[paramiko.Transport] = []
        self._received: dict[str, ReceivedFile] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()

    # -- what the client needs ---------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def inbox(self) -> Path:
        if self._root is None:
            raise RuntimeError("the demo portal is not running")
        return self._root / "inbox"

    @property
    def url(self) -> str:
        return f"sftp://{HOST}:{self.port}{INBOX}"

    def portal(self) -> Portal:
        """The portal for our upload client, pinned to this server's host key."""
        return Portal.from_url(self.url, username=self.user, host_key_sha256=self.fingerprint)

    def received(self) -> tuple[ReceivedFile, ...]:
        """The files that arrived in the inbox (final names only), in order of arrival."""
        with self._lock:
            return tuple(self._received.values())

    # -- life ----------------------------------------------------------------------------------

    def start(self) -> DemoPortal:
        if self._thread is not None:
            return self
        self._stopping.clear()
        sweep_stale_inboxes()
        self._root = Path(tempfile.mkdtemp(prefix=INBOX_PREFIX))
        self.inbox.mkdir(mode=0o700)
        self._host_key = paramiko.ECDSAKey.generate(bits=256)
        self.fingerprint = host_key_fingerprint(self._host_key)
        self.password = secrets.token_urlsafe(24)
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            listener.bind((HOST, 0))
            listener.listen(8)
            listener.settimeout(0.2)
        except OSError:
            listener.close()
            shutil.rmtree(self._root, ignore_errors=True)
            self._root = None
            raise
        self._listener = listener
        self.port = listener.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, name="demo-portal", daemon=True)
        self._thread.start()
        with _RUNNING_LOCK:
            _RUNNING[self.portal().url] = self
        log.info("demo portal listening on %s (host key %s)", self.url, self.fingerprint)
        return self

    def stop(self) -> None:
        """Close every connection, stop listening and remove the inbox with what it holds."""
        self._stopping.set()
        with _RUNNING_LOCK:
            for url in [url for url, portal in _RUNNING.items() if portal is self]:
                del _RUNNING[url]
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=5)
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        with self._lock:
            transports, self._transports = self._transports, []
        for transport in transports:
            transport.close()
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)
            self._root = None
            log.info("demo portal stopped, its inbox removed")

    def __enter__(self) -> DemoPortal:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # -- the server --------------------------------------------------------------------------

    def _serve(self) -> None:
        listener = self._listener
        assert listener is not None
        while not self._stopping.is_set():
            try:
                connection, _address = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                break
            connection.settimeout(None)
            try:
                self._open(connection)
            except (OSError, EOFError, paramiko.SSHException) as error:
                log.info("demo portal: a connection failed: %s", error)
                connection.close()

    def _open(self, connection: socket.socket) -> None:
        transport = paramiko.Transport(connection)
        assert self._host_key is not None
        transport.add_server_key(self._host_key)
        transport.set_subsystem_handler("sftp", _SftpServer, _Inbox)
        with self._lock:
            self._transports = [t for t in self._transports if t.is_active()]
            self._transports.append(transport)
        # negotiates in the transport's own thread: a silent client does not hold up the next one
        transport.start_server(event=threading.Event(), server=_Server(self))

    def _arrived(self, path: Path) -> None:
        """A file reached its final name (or was written under it): hash what the server holds."""
        if _is_temporary(path.name):
            return
        with contextlib.suppress(OSError):
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):
                return
            received = ReceivedFile(path.name, info.st_size, file_sha256(path))
            with self._lock:
                self._received.pop(path.name, None)
                self._received[path.name] = received
            log.info("demo portal received %s (%s)", path.name, received.sha256)
