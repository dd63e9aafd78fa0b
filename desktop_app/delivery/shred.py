"""Remove a plaintext file that holds personal data: overwrite its bytes, then unlink it.

What this can promise: the file's name is gone and its blocks, as the file system maps them now,
are overwritten with random bytes and flushed before the unlink. What it cannot: on SSDs
(wear levelling), copy-on-write file systems (APFS, Btrfs), synced folders (OneDrive, iCloud)
and backups, older copies may survive. The wizard says so in one sentence; the record notes the
deletion.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from desktop_app.errors import UsageError

CHUNK = 1 << 20


def shred(path: Path) -> None:
    """Overwrite ``path`` once with random bytes, flush, truncate and remove it. A missing file
    is not an error (already gone); anything that is not a regular file is refused."""
    path = Path(path)
    try:
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise UsageError("delivery.shred-not-a-file", file=str(path))
        with path.open("r+b", buffering=0) as stream:
            size = os.fstat(stream.fileno()).st_size
            written = 0
            while written < size:
                count = min(CHUNK, size - written)
                stream.write(secrets.token_bytes(count))
                written += count
            os.fsync(stream.fileno())
            stream.truncate(0)
            os.fsync(stream.fileno())
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as error:
        raise UsageError(
            "delivery.shred-failed", file=str(path), detail=error.strerror or type(error).__name__
        ) from None
