"""What an upload needs and what it gives back: portal, credentials, cancel token, receipt, errors."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from desktop_app.atomic import write_atomic
from desktop_app.errors import AppError

Protocol = Literal["sftp", "tus"]
ProgressCallback = Callable[[int, int], None]
"""Called with (bytes the server has confirmed or been sent so far, total bytes)."""

RECEIPT_SUFFIX = ".receipt.json"
RECEIPT_FORMAT = "diversity-assistant/upload-receipt"


class TransferError(AppError):
    """An upload refusal or failure; ``transient`` errors are retried with backoff first."""

    def __init__(
        self, key: str, location: str | None = None, *, transient: bool = False, **params: Any
    ) -> None:
        super().__init__(key, location, **params)
        self.transient = transient


def normalise_fingerprint(value: str) -> str:
    """An SSH host key's SHA-256 fingerprint in OpenSSH's form ``SHA256:<base64, no padding>``.

    Accepts that form, the bare base64 text, or 64 hex digits (with or without colons).
    """
    text = value.strip()
    if text.upper().startswith("SHA256:"):
        text = text[7:]
    hex_text = text.replace(":", "")
    if re.fullmatch(r"[0-9a-fA-F]{64}", hex_text):
        return "SHA256:" + base64.b64encode(bytes.fromhex(hex_text)).decode("ascii").rstrip("=")
    try:
        raw = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise TransferError("transfer.host-key-invalid", value=value)
    return "SHA256:" + base64.b64encode(raw).decode("ascii").rstrip("=")


@dataclass(frozen=True)
class Portal:
    """Where the package goes: ``sftp://host:port/dir`` or ``https://host[:port]/path`` (tus)."""

    protocol: Protocol
    host: str
    port: int
    path: str
    username: str | None = None
    host_key_sha256: str | None = None  # SFTP: pinned by the profile or the user
    ca_file: Path | None = None  # tus: a custom CA, only when set explicitly

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        username: str | None = None,
        host_key_sha256: str | None = None,
        ca_file: Path | str | None = None,
    ) -> Portal:
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            raise TransferError("transfer.portal-url-invalid", url=url) from None
        scheme = parts.scheme.lower()
        if scheme not in ("sftp", "https") or not parts.hostname:
            raise TransferError("transfer.portal-url-invalid", url=url)
        if parts.query or parts.fragment or parts.password:
            raise TransferError("transfer.portal-url-invalid", url=url)
        if scheme == "sftp" and ca_file is not None:
            raise TransferError("transfer.portal-url-invalid", url=url)
        if scheme == "https" and host_key_sha256 is not None:
            raise TransferError("transfer.portal-url-invalid", url=url)
        return cls(
            protocol="sftp" if scheme == "sftp" else "tus",
            host=parts.hostname,
            port=port or (22 if scheme == "sftp" else 443),
            path=parts.path or ("." if scheme == "sftp" else "/"),
            username=username or parts.username or None,
            host_key_sha256=normalise_fingerprint(host_key_sha256) if host_key_sha256 else None,
            ca_file=Path(ca_file) if ca_file else None,
        )

    @property
    def scheme(self) -> str:
        """The URL scheme (``sftp``, ``https``): what picks the transport."""
        return "sftp" if self.protocol == "sftp" else "https"

    @property
    def url(self) -> str:
        scheme = self.scheme
        host = f"[{self.host}]" if ":" in self.host else self.host
        path = self.path if self.path.startswith("/") else f"/{self.path}"
        return f"{scheme}://{host}:{self.port}{path}"


@dataclass(frozen=True)
class Credentials:
    """Login for the portal. Secrets never appear in ``repr`` (and are never logged or saved)."""

    username: str
    password: str | None = field(default=None, repr=False)
    key_file: Path | None = None  # SFTP: an OpenSSH private key file
    key_passphrase: str | None = field(default=None, repr=False)


class CancelToken:
    """Set from any thread (the UI's Cancel button); the upload stops at the next chunk."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise TransferError("transfer.cancelled")

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` (a retry's backoff) unless cancelled meanwhile."""
        if self._event.wait(max(0.0, seconds)):
            raise TransferError("transfer.cancelled")


@dataclass(frozen=True)
class RetryPolicy:
    """Transient errors are retried with exponential backoff.

    The count of failures resets whenever an attempt moved bytes (the server gained some, or a
    read-back received some): a flaky but live link finishes, a dead one gives up after
    ``attempts_without_progress``; ``max_attempts`` bounds the whole.
    """

    attempts_without_progress: int = 5
    max_attempts: int = 60
    first_delay: float = 1.0
    max_delay: float = 30.0
    factor: float = 2.0
    timeout: float = 30.0  # seconds for connecting and for each network operation

    def delay(self, failures: int) -> float:
        return min(self.max_delay, self.first_delay * self.factor ** max(0, failures - 1))


@dataclass(frozen=True)
class Receipt:
    """What reached the portal, verified by reading the server's copy back."""

    package: str  # the local file name
    protocol: Protocol
    destination: str  # sftp://host:port/dir/name, or the tus upload URL
    size: int
    sha256: str  # of what the server holds, computed from bytes read back from the server
    uploaded_at: str  # ISO 8601, UTC
    server_identity: str  # SSH host key SHA256:… or the TLS certificate's SHA-256 (hex)
    attempts: int = 1
    bytes_sent: int = 0  # including bytes sent again after broken connections

    def to_json(self) -> str:
        data = {"format": RECEIPT_FORMAT, "version": 1, **asdict(self)}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Receipt:
        data = json.loads(text)
        if data.pop("format", None) != RECEIPT_FORMAT:
            raise ValueError("not an upload receipt")
        data.pop("version", None)
        return cls(**data)

    def save_beside(self, package: Path) -> Path:
        path = receipt_path(package)
        write_atomic(path, self.to_json().encode("utf-8"))
        return path


def receipt_path(package: Path) -> Path:
    package = Path(package)
    return package.with_name(package.name + RECEIPT_SUFFIX)


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
