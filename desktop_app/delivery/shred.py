"""Remove a plaintext file that holds personal data: overwrite its bytes, then unlink it.

What this can promise: the file's name is gone and its blocks, as the file system maps them now,
are overwritten with random bytes and flushed before the unlink. What it cannot: on SSDs
(wear levelling), copy-on-write file systems (APFS, Btrfs), synced folders (OneDrive, iCloud)
and backups, older copies may survive. The wizard says so in one sentence; the record notes the
deletion.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

from desktop_app.errors import UsageError

CHUNK = 1 << 20


def shred(path: Path) -> None:
    """Overwrite ``path`` once with random bytes, flush, truncate and remove it. A missing file
    is not an error (already gone); anything that is not a regular file is refused.

    The file is opened without following a link (``O_NOFOLLOW`` where the system has it) and
    checked and overwritten through that descriptor; before a byte is written the name must
    still be that very file (not a link: ``lstat`` beside ``fstat``), so a link swapped in after
    the first check is refused, never followed to the file it names, also where there is no
    ``O_NOFOLLOW`` (Windows) and the open itself followed it."""
    path = Path(path)
    try:
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise UsageError("delivery.shred-not-a-file", file=str(path))
        flags = os.O_RDWR | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
        flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            handle = os.open(path, flags)
        except OSError as error:
            if error.errno in (errno.ELOOP, errno.EMLINK):  # a link now stands there
                raise UsageError("delivery.shred-not-a-file", file=str(path)) from None
            raise
        try:
            opened = os.fstat(handle)
            if not stat.S_ISREG(opened.st_mode):  # a pipe or a device swapped in
                raise UsageError("delivery.shred-not-a-file", file=str(path))
            _ensure_still_named(path, opened)  # a link the open followed: nothing written
            _overwrite(handle, opened.st_size)
        finally:
            os.close(handle)
        _ensure_still_named(path, opened)  # swapped while it was overwritten
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as error:
        raise UsageError(
            "delivery.shred-failed", file=str(path), detail=error.strerror or type(error).__name__
        ) from None


def _ensure_still_named(path: Path, opened: os.stat_result) -> None:
    """Refuse unless ``path`` names, itself and not through a link, the file that is open."""
    named = os.lstat(path)
    if stat.S_ISLNK(named.st_mode) or (named.st_dev, named.st_ino) != (
        opened.st_dev,
        opened.st_ino,
    ):
        raise UsageError("delivery.shred-not-a-file", file=str(path))


def _overwrite(handle: int, size: int) -> None:
    """Random bytes over the opened file's ``size`` bytes, flushed; then it is emptied."""
    os.lseek(handle, 0, os.SEEK_SET)
    written = 0
    while written < size:
        count = os.write(handle, secrets.token_bytes(min(CHUNK, size - written)))
        written += count
    os.fsync(handle)
    os.ftruncate(handle, 0)
    os.fsync(handle)
