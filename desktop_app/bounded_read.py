"""Reading a file the officer named (a mapping, a draft, a certificate, a key, a package), bounded.

Every such file is read through :func:`read_bounded`, so no argument can make the process hang or
run out of memory:

- only a regular file is read: a FIFO would block forever and ``/dev/zero`` never ends, so both are
  refused from the opened descriptor's own ``fstat`` (no window between a check and the open);
  opening is non-blocking, so a FIFO without a writer cannot hang the open either;
- each kind of file has a size cap far above any real one (a mapping is a few KB, a certificate
  chain a few tens of KB); the read stops one byte past the cap, whatever ``stat`` said;
- JSON is parsed by :func:`load_json_bounded` only after its nesting depth has been counted without
  recursion: ``[[[[…]]]]`` 200,000 deep would end the parser or, later, any code that walks it
  with a ``RecursionError``.

A missing file is left to the caller (an ``OSError`` such as ``FileNotFoundError`` propagates), so
each caller keeps its own "not found" sentence.

The other edge, what a command writes, has one rule too (:func:`check_output_file`,
:func:`check_output_folder`), checked before anything is read or written: a folder or a special
file (a pipe, a device) at the name of a file to write is refused, and so is a file the same
command reads (last year's draft, a benchmark): a source is never written over.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO

from desktop_app.errors import UsageError
from desktop_app.messages import Message

KIB = 1024
MIB = 1024 * KIB


class FileKind(Enum):
    """What the file is to the product, with its size cap in bytes."""

    MAPPING = ("mapping", 1 * MIB)
    DRAFT = ("draft", 4 * MIB)
    CERTIFICATE = ("certificate", 1 * MIB)
    KEY = ("key", 1 * MIB)
    PACKAGE = ("package", 1024 * MIB)  # the employee file is capped at 512 MB before packaging
    MANIFEST = ("manifest", 16 * MIB)
    STATE = ("state", 4 * MIB)  # the product's own small JSON files in the app-data folder

    def __init__(self, label: str, limit: int) -> None:
        self.label = label
        self.limit = limit

    @property
    def description(self) -> Message:
        return Message(f"bounded-read.kind-{self.label}")


MAX_JSON_DEPTH = 64
"""No file of ours nests deeper than about 6; 64 leaves room and stays far below the recursion limit."""


class InputFileError(UsageError):
    """A file named by the officer cannot be read safely (not a regular file, too large, too deep)."""


def open_regular(path: str | os.PathLike[str], kind: FileKind) -> BinaryIO:
    """``path`` opened for reading (binary) when it is a regular file, else
    :class:`InputFileError`; the check is on the opened descriptor, so a name swapped for a pipe
    between a caller's ``stat`` and this open is refused, not waited on. No size cap: for
    streams read in pieces (a hash, a copy) whose caller caps the size itself."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except IsADirectoryError:  # Windows; elsewhere a folder opens and fstat tells
        raise InputFileError("bounded-read.folder", file=path.name, what=kind.description) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise InputFileError("bounded-read.folder", file=path.name, what=kind.description)
        if not stat.S_ISREG(mode):
            raise InputFileError("bounded-read.not-regular", file=path.name, what=kind.description)
        return os.fdopen(descriptor, "rb", buffering=0)
    except BaseException:
        os.close(descriptor)
        raise


def read_bounded(path: str | os.PathLike[str], kind: FileKind) -> bytes:
    """The bytes of a regular file of at most ``kind.limit`` bytes, else :class:`InputFileError`."""
    path = Path(path)
    with open_regular(path, kind) as handle:
        data = _read_at_most(handle, kind.limit + 1)
    if len(data) > kind.limit:
        raise InputFileError(
            "bounded-read.too-large",
            file=path.name,
            what=kind.description,
            limit=_size_text(kind.limit),
        )
    return data


def require_regular_file(path: str | os.PathLike[str], kind: FileKind) -> int:
    """Refuse what :func:`read_bounded` would refuse, without reading (for files another library
    or a stream opens next); returns the size. ``FileNotFoundError`` propagates."""
    path = Path(path)
    status = os.stat(path)
    if stat.S_ISDIR(status.st_mode):
        raise InputFileError("bounded-read.folder", file=path.name, what=kind.description)
    if not stat.S_ISREG(status.st_mode):
        raise InputFileError("bounded-read.not-regular", file=path.name, what=kind.description)
    if status.st_size > kind.limit:
        raise InputFileError(
            "bounded-read.too-large",
            file=path.name,
            what=kind.description,
            limit=_size_text(kind.limit),
        )
    return status.st_size


def check_output_file(
    path: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str] | None] = ()
) -> Path:
    """``path``, a file a command is about to write (atomically: a temporary file and a rename),
    refused with :class:`InputFileError` when writing would destroy something: a folder there, a
    special file there (a pipe, a device: the rename would replace it), or one of ``inputs``, the
    files the same command reads (the same file under another name or through a link too)."""
    path = Path(path)
    try:
        status = os.stat(path)  # through a link: what the name stands for
    except OSError:
        return path  # nothing there (or a dangling link): the writer says what it cannot do
    if stat.S_ISDIR(status.st_mode):
        raise InputFileError("bounded-read.output-folder", file=str(path))
    if not stat.S_ISREG(status.st_mode):
        raise InputFileError("bounded-read.output-not-regular", file=str(path))
    for given in inputs:
        if given is None:
            continue
        try:
            same = os.path.samefile(path, given)
        except OSError:  # an input that is not there cannot be written over
            same = False
        if same:
            raise InputFileError("bounded-read.output-is-input", file=str(path))
    return path


def check_output_folder(path: str | os.PathLike[str]) -> Path:
    """``path``, a folder a command writes files into (made when missing), refused with
    :class:`InputFileError` when a file or a special file stands at that name."""
    path = Path(path)
    try:
        status = os.stat(path)
    except OSError:
        return path
    if not stat.S_ISDIR(status.st_mode):
        raise InputFileError("bounded-read.output-not-folder", file=str(path))
    return path


def _read_at_most(handle: Any, count: int) -> bytes:
    chunks: list[bytes] = []
    remaining = count
    while remaining > 0:
        chunk = handle.read(min(remaining, 4 * MIB))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _size_text(limit: int) -> str:
    return f"{limit // MIB} MB" if limit >= MIB else f"{limit // KIB} KB"


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in ``text``, counted without recursion.

    Strings are removed first (a ``[`` inside a value does not nest); what is left of a real file
    is a few brackets, so the loop runs over little.
    """
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    depth = deepest = 0
    for character in brackets:
        if character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def check_json_depth(text: str, name: str, kind: FileKind) -> None:
    """Refuse JSON nested deeper than :data:`MAX_JSON_DEPTH` before anything parses it."""
    if json_depth(text) > MAX_JSON_DEPTH:
        raise InputFileError(
            "bounded-read.too-deep", file=name, what=kind.description, limit=MAX_JSON_DEPTH
        )


def load_json_bounded(data: bytes, name: str, kind: FileKind) -> Any:
    """JSON from bytes already read: UTF-8, depth-checked; ``UnicodeDecodeError`` and
    ``json.JSONDecodeError`` propagate so callers keep their own "damaged" sentences."""
    text = data.decode("utf-8-sig")
    check_json_depth(text, name, kind)
    return json.loads(text)


def read_json_bounded(path: str | os.PathLike[str], kind: FileKind) -> Any:
    """:func:`read_bounded` then :func:`load_json_bounded`."""
    path = Path(path)
    return load_json_bounded(read_bounded(path, kind), path.name, kind)


def file_sha256(path: str | os.PathLike[str], kind: FileKind = FileKind.PACKAGE) -> str:
    """The SHA-256 of a file's bytes (hex), read in 1 MiB pieces: the one file hash of the
    product (a package before upload, a delivered file, a file the demo office received). Only a
    regular file is read (:func:`open_regular`): a pipe or a device is refused, never waited on."""
    digest = hashlib.sha256()
    with open_regular(path, kind) as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
