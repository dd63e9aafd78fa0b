"""The source file's fingerprint: SHA-256 and size of exactly the bytes intake parsed.

Intake reads the file's bytes once, hashes them and parses those same bytes, so the fingerprint
says which content the officer checked and reviewed. Before anything is packaged the file is read
again and its new fingerprint compared: a file that changed in between (even to other content of
the same size with the same modification time) is refused with :class:`SourceChanged`, asking for
a new check. The fingerprint holds no employee data: a hash and a byte count.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.errors import AppError

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class SourceFingerprint:
    """SHA-256 (lower-case hex) and size in bytes of the parsed source file."""

    sha256: str
    size: int

    def __post_init__(self) -> None:
        if not isinstance(self.sha256, str) or not _SHA256_HEX.fullmatch(self.sha256):
            raise ValueError("a source fingerprint's sha256 is 64 lower-case hex digits")
        if isinstance(self.size, bool) or not isinstance(self.size, int) or self.size < 0:
            raise ValueError("a source fingerprint's size is a whole number of bytes")

    @classmethod
    def of(cls, data: bytes | bytearray | memoryview) -> SourceFingerprint:
        """The fingerprint of these bytes."""
        return cls(hashlib.sha256(data).hexdigest(), len(data))

    def to_json(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "size": self.size}

    @classmethod
    def from_json(cls, data: Any) -> SourceFingerprint:
        """From :meth:`to_json`'s shape; ``ValueError`` or ``TypeError`` when it is not that."""
        if not isinstance(data, dict):
            raise TypeError("a source fingerprint is an object with sha256 and size")
        return cls(sha256=data["sha256"], size=data["size"])

    @property
    def short(self) -> str:
        """The first 12 hex digits, for messages (the full hash is in the manifest)."""
        return self.sha256[:12]


class SourceChanged(AppError):
    """The source file is not what was checked: it changed since, and must be checked again."""

    def __init__(self, file: str, checked: SourceFingerprint, now: SourceFingerprint) -> None:
        self.checked = checked
        self.now = now
        super().__init__(
            "intake.source-changed",
            file=file,
            checked_sha256=checked.short,
            checked_size=checked.size,
            now_sha256=now.short,
            now_size=now.size,
        )


def fingerprint_file(path: Path, limit: int = 512 * 1024 * 1024) -> SourceFingerprint | None:
    """The fingerprint of the file as it is now, hashed while streaming (at most ``limit`` bytes
    read); None when it cannot be read or is larger. Only for saying *that* a file changed when it
    no longer reads as a table: intake fingerprints the bytes it parses itself."""
    digest = hashlib.sha256()
    size = 0
    try:
        # non-blocking open: a FIFO put in the file's place must not hang the check
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            while chunk := handle.read(1024 * 1024):
                size += len(chunk)
                if size > limit:
                    return None
                digest.update(chunk)
    except OSError:
        return None
    return SourceFingerprint(digest.hexdigest(), size)


def ensure_unchanged(
    file: str, checked: SourceFingerprint | None, now: SourceFingerprint | None
) -> None:
    """Refuse (:class:`SourceChanged`) when both fingerprints are known and differ.

    ``checked`` None (a draft from before fingerprints) is no refusal: the caller records ``now``.
    """
    if checked is not None and now is not None and checked != now:
        raise SourceChanged(file, checked, now)
