"""Upload with tus 1.0 (core + creation) over HTTPS, verified against the system's trust store.

Why our own small client and not tuspy: tuspy's TLS setting is a bool (the chunk requests even
cast a CA path to ``True``), it calls module-level ``requests`` so neither ``truststore`` nor a
custom CA can be given per upload, and it cannot report bytes or be cancelled between chunks.
The protocol part we need is four requests (POST, HEAD, PATCH, GET), written out here.

One attempt: resume the stored upload URL (HEAD gives the server's offset) or create one (POST
with ``Upload-Length`` and ``Upload-Metadata``: filename, sha256), PATCH the rest chunk by
chunk, then GET the finished upload and hash it: the receipt's SHA-256 is of the server's bytes.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import logging
import ssl
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from desktop_app.atomic import write_atomic
from desktop_app.bounded_read import (
    FileKind,
    InputFileError,
    read_json_bounded,
    require_regular_file,
)
from desktop_app.paths import data_dir
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
from desktop_app.transfer.transport import UploadJob

log = logging.getLogger(__name__)

TUS_VERSION = "1.0.0"
CHUNK = 4 * 1024 * 1024
READ_CHUNK = 1024 * 1024
STATE_FILE = "tus-uploads.json"


def tls_context(ca_file: Path | None) -> ssl.SSLContext:
    """The operating system's trust store (truststore); a custom CA only when set explicitly.

    With ``ca_file`` the server must chain to that CA (and only that CA): a deliberate choice by
    an administrator for a portal with a private CA.
    """
    if ca_file is not None:
        try:
            require_regular_file(ca_file, FileKind.CERTIFICATE)  # a FIFO would block OpenSSL
            context = ssl.create_default_context(cafile=str(ca_file))
        except (OSError, ssl.SSLError):
            raise TransferError("transfer.ca-file-unreadable", file=str(ca_file)) from None
    else:
        import truststore

        context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def _https(url: str) -> str:
    """We only ever speak TLS to the portal: a server behind a TLS proxy may say ``http://``."""
    parts = urlsplit(url)
    return parts._replace(scheme="https").geturl() if parts.scheme == "http" else url


class _StoredUrls:
    """Upload URLs of unfinished uploads, by endpoint and file hash (no secrets), in app data."""

    def __init__(self, endpoint: str, sha256: str) -> None:
        self.key = f"{endpoint} {sha256}"
        self.path = data_dir() / STATE_FILE

    def _load(self) -> dict[str, str]:
        try:
            data = read_json_bounded(self.path, FileKind.STATE)
        except (FileNotFoundError, ValueError, InputFileError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self) -> str | None:
        return self._load().get(self.key)

    def _save(self, data: dict[str, str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode())

    def set(self, url: str) -> None:
        data = self._load()
        data[self.key] = url
        self._save(data)

    def drop(self) -> None:
        data = self._load()
        if data.pop(self.key, None) is not None:
            self._save(data)


class TusUpload:
    def __init__(  # noqa: PLR0917 - internal; built by TusTransport.run
        self,
        package: Path,
        sha256: str,
        portal: Portal,
        credentials: Credentials | None,
        progress: ProgressCallback,
        cancel: CancelToken,
        policy: RetryPolicy,
        chunk_size: int = CHUNK,
    ) -> None:
        self.package = package
        self.sha256 = sha256
        self.size = package.stat().st_size
        self.portal = portal
        self.credentials = credentials
        self.progress = progress
        self.cancel = cancel
        self.policy = policy
        self.chunk_size = chunk_size
        self.endpoint = portal.url
        self.context = tls_context(portal.ca_file)
        self.stored = _StoredUrls(self.endpoint, sha256)
        self.confirmed = 0
        self.bytes_sent = 0
        self.read_back = 0  # bytes read back from the server, all attempts (a live link)
        self.certificate_sha256 = ""
        self._connection: http.client.HTTPSConnection | None = None

    def run(self) -> Receipt:
        (url, server_sha), attempts = run_with_retries(
            self._attempt,
            lambda: self.confirmed + self.read_back,
            self.policy,
            self.cancel,
            self._classify,
        )
        self.stored.drop()
        return Receipt(
            package=self.package.name,
            protocol="tus",
            destination=url,
            size=self.size,
            sha256=server_sha,
            uploaded_at=utc_now(),
            server_identity=self.certificate_sha256,
            attempts=attempts,
            bytes_sent=self.bytes_sent,
        )

    # -- HTTP --------------------------------------------------------------------------

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = {"Tus-Resumable": TUS_VERSION}
        credentials = self.credentials
        if credentials is not None and credentials.password is not None:
            token = f"{credentials.username}:{credentials.password}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(token).decode("ascii")
        headers.update(extra or {})
        return headers

    def _open(self) -> http.client.HTTPSConnection:
        connection = http.client.HTTPSConnection(
            self.portal.host, self.portal.port, timeout=self.policy.timeout, context=self.context
        )
        try:
            connection.connect()
        except ssl.SSLCertVerificationError as exc:
            connection.close()
            raise TransferError(
                "transfer.tls-untrusted", host=self.portal.host, detail=exc.verify_message or ""
            ) from None
        except ssl.SSLError as exc:
            connection.close()
            raise lost_error(exc, self.portal.host) from None
        except OSError as exc:
            connection.close()
            raise connect_error(exc, self.portal.host, self.portal.port) from None
        der = connection.sock.getpeercert(binary_form=True) or b""
        self.certificate_sha256 = hashlib.sha256(der).hexdigest()
        return connection

    def _request(
        self, method: str, url: str, headers: dict[str, str], body: bytes | None = None
    ) -> http.client.HTTPResponse:
        assert self._connection is not None
        parts = urlsplit(url)
        if (parts.hostname, parts.port or 443) != (self.portal.host, self.portal.port):
            raise TransferError("transfer.server-refused", host=self.portal.host, detail=url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        self._connection.request(method, target, body=body, headers=self._headers(headers))
        return self._connection.getresponse()

    def _refusal(self, response: http.client.HTTPResponse, during: str) -> TransferError:
        host, status = self.portal.host, response.status
        response.read()
        user = self.credentials.username if self.credentials else ""
        if status == 401:
            return TransferError("transfer.login-refused", host=host, user=user)
        if status == 403:
            return TransferError("transfer.permission-denied", host=host, path=self.portal.path)
        if status in (413, 507):
            return TransferError("transfer.server-full", host=host, needed=self.size)
        detail = f"{during}: HTTP {status} {response.reason}"
        transient = status >= 500 or status in (408, 409, 423, 429, 460)
        return TransferError(
            "transfer.server-refused" if not transient else "transfer.connection-lost",
            host=host,
            detail=detail,
            transient=transient,
        )

    # -- one attempt -----------------------------------------------------------------

    def _attempt(self) -> tuple[str, str]:
        self._connection = self._open()
        try:
            url, offset = self._resume_or_create()
            self.confirmed = max(self.confirmed, offset)
            offset = self._send(url, offset)
            read_before = self.read_back
            held = self._server_sha256(url)
            if held != self.sha256:
                self._discard(url)
                self.stored.drop()
                self.confirmed = 0
                self.read_back = read_before  # reading back a wrong copy is no progress
                raise TransferError(
                    "transfer.verify-failed",
                    host=self.portal.host,
                    expected=self.sha256,
                    actual=held,
                    transient=True,
                )
            return url, held
        finally:
            self._connection.close()
            self._connection = None

    def _resume_or_create(self) -> tuple[str, int]:
        url = self.stored.get()
        if url is not None:
            response = self._request("HEAD", url, {})
            response.read()
            offset = response.getheader("Upload-Offset")
            length = response.getheader("Upload-Length")
            if response.status in (200, 204) and offset is not None and length == str(self.size):
                log.info("tus: resuming %s at byte %s", url, offset)
                return url, int(offset)
            if response.status in (401, 403):
                raise self._refusal(response, "HEAD")
            self.stored.drop()  # expired or unknown on the server: start a new upload
        metadata = {"filename": self.package.name, "sha256": self.sha256}
        encoded = ",".join(
            f"{key} {base64.b64encode(value.encode()).decode('ascii')}"
            for key, value in metadata.items()
        )
        response = self._request(
            "POST", self.endpoint, {"Upload-Length": str(self.size), "Upload-Metadata": encoded}
        )
        location = response.getheader("Location")
        if response.status != 201 or not location:
            raise self._refusal(response, "POST")
        response.read()
        url = _https(urljoin(self.endpoint, location))
        self.stored.set(url)
        log.info("tus: created %s", url)
        return url, 0

    def _send(self, url: str, offset: int) -> int:
        self.progress(offset, self.size)
        with self.package.open("rb") as local:
            while offset < self.size:
                self.cancel.check()
                local.seek(offset)
                chunk = local.read(min(self.chunk_size, self.size - offset))
                if not chunk:
                    raise TransferError("transfer.package-changed", file=str(self.package))
                self.bytes_sent += len(chunk)
                response = self._request(
                    "PATCH",
                    url,
                    {
                        "Upload-Offset": str(offset),
                        "Content-Type": "application/offset+octet-stream",
                    },
                    chunk,
                )
                response.read()
                new_offset = response.getheader("Upload-Offset")
                if response.status != 204 or new_offset is None:
                    raise self._refusal(response, "PATCH")
                offset = int(new_offset)
                self.confirmed = max(self.confirmed, offset)
                self.progress(offset, self.size)
        return offset

    def _server_sha256(self, url: str) -> str:
        response = self._request("GET", url, {})
        if response.status != 200:
            raise self._refusal(response, "GET")
        digest = hashlib.sha256()
        received = 0
        while chunk := response.read(READ_CHUNK):
            self.cancel.check()
            digest.update(chunk)
            received += len(chunk)
            self.read_back += len(chunk)
        if received != self.size:
            # http.client ends a body early without an error when the connection drops: a short
            # read is a broken connection, not a wrong upload
            raise TransferError(
                "transfer.connection-lost",
                host=self.portal.host,
                detail=f"GET: {received} of {self.size} bytes",
                transient=True,
            )
        return digest.hexdigest()

    def _discard(self, url: str) -> None:
        """Remove a finished upload whose bytes are wrong (tus termination), so the office never
        sees it; best effort: a server without termination keeps it, unlisted."""
        try:
            response = self._request("DELETE", url, {})
            response.read()
        except (OSError, http.client.HTTPException):
            log.warning("tus: could not remove the mismatching upload %s", url)

    def _classify(self, exc: BaseException) -> TransferError | None:
        if isinstance(exc, OSError | http.client.HTTPException | ValueError):
            return lost_error(exc, self.portal.host)  # ValueError: a garbled header after a cut
        return None


class TusTransport:
    """``https://``: the tus resumable-upload protocol over HTTPS (system trust store, or the
    portal's own CA file); a login is optional."""

    scheme = "https"

    def run(self, job: UploadJob) -> Receipt:
        upload = TusUpload(
            job.package,
            job.sha256,
            job.portal,
            job.credentials,
            job.progress,
            job.cancel,
            job.policy,
        )
        if job.chunk_size:
            upload.chunk_size = job.chunk_size
        return upload.run()


TRANSPORT = TusTransport()
