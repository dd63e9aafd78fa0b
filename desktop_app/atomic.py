"""Write a file so that readers see the old content or the new, never a half-written one."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    write_pieces_atomic(path, (data,))


def write_pieces_atomic(path: Path, pieces: Iterable[bytes]) -> None:
    """:func:`write_atomic` for content that comes in pieces (a copy of a large file): an
    exception while the pieces come (the source refused on the way) leaves no temporary file
    and ``path`` as it was."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            for piece in pieces:
                stream.write(piece)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_all_atomic(files: Mapping[Path, bytes]) -> None:
    """Write every file of ``files`` or none: each first to a temporary file in its own folder
    (flushed to disk), then all renamed. A failure while writing (a full disk, a read-only
    folder, a folder in the way) leaves no new file and no temporary file behind."""
    staged: list[tuple[str, Path]] = []
    try:
        for given, data in files.items():
            path = Path(given)
            if path.is_dir():  # the rename would fail after others were done: refuse first
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
            handle, temporary = tempfile.mkstemp(
                prefix=f".{path.name}.", suffix=".part", dir=path.parent
            )
            staged.append((temporary, path))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        while staged:
            temporary, path = staged[0]
            os.replace(temporary, path)
            staged.pop(0)
    except BaseException:
        for temporary, _path in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise
