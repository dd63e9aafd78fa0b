"""An OLE Compound File (``D0 CF 11 E0``), read with olefile: enough to tell an .xls from an
encrypted .xlsx, a Word or PowerPoint file.

An Office file that starts with these bytes is a little file system. We list its streams and, for
.xls, hand the start of the ``Workbook`` stream to :mod:`desktop_app.intake.biff`. Untrusted input:
everything olefile (or the layer under it) raises on a damaged container is :data:`CFB_DAMAGE`,
turned into :class:`CfbError` in :class:`CompoundFile`, and no read goes beyond the file's size —
the header's table counts are judged before olefile walks them, a stream's declared size before
olefile reads it (olefile reads a whole stream at once and follows a looping chain for as long as
the declared size lasts).
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO

import olefile  # type: ignore[import-untyped]

from desktop_app.intake import biff

MAGIC: bytes = olefile.MAGIC

BIFF_SCAN_BYTES = 256 * 1024
"""How much of a ``Workbook`` stream the sniffer hands to :func:`biff.workbook_globals`."""

CFB_DAMAGE: tuple[type[BaseException], ...] = (
    OSError,  # olefile's OleFileError ("incomplete OLE sector", ...), a stream not found
    struct.error,
    ValueError,
    IndexError,
    OverflowError,
    RecursionError,  # olefile builds the directory tree recursively: a tree as deep as the file
)
"""What olefile and the layer under it raise on a damaged or hostile compound file (seen when
fuzzing; tests/test_intake_units.py, tests/test_intake_fuzz.py), caught in one place."""

_HEADER_BYTES = 512


class CfbError(Exception):
    """The compound file is damaged or not what it claims to be."""


@dataclass(frozen=True)
class CfbInfo:
    """What intake needs to know about a compound file."""

    streams: frozenset[str]
    xls_encrypted: bool = False
    xls_date1904: bool = False

    @property
    def is_encrypted_ooxml(self) -> bool:
        return "EncryptedPackage" in self.streams

    @property
    def is_xls(self) -> bool:
        return bool({"Workbook", "Book"} & self.streams)


def _judge_header(handle: BinaryIO, file_size: int) -> None:
    """Refuse a header whose table counts the file cannot hold: olefile walks them before it trims
    the FAT to the file (a looping DIFAT of 2**32 FAT sectors would take all memory)."""
    handle.seek(0)
    header = handle.read(_HEADER_BYTES)
    if len(header) < _HEADER_BYTES or header[:8] != MAGIC:
        raise CfbError("compound file header is incomplete")
    (sector_shift,) = struct.unpack_from("<H", header, 0x1E)
    if sector_shift not in (9, 12):
        raise CfbError("unexpected sector size")
    (n_fat,) = struct.unpack_from("<I", header, 0x2C)
    (n_minifat,) = struct.unpack_from("<I", header, 0x40)
    (n_difat,) = struct.unpack_from("<I", header, 0x48)
    sectors = file_size // (1 << sector_shift) + 1
    if max(n_fat, n_minifat, n_difat) > sectors:
        raise CfbError("the header declares more sectors than the file holds")


class CompoundFile:
    """The streams of a compound file; only made through :func:`open_compound`."""

    def __init__(self, ole: olefile.OleFileIO, file_size: int) -> None:
        self._ole = ole
        self._file_size = file_size
        if ole.root.size > file_size:  # the mini stream every small stream lives in
            raise CfbError("the mini stream is larger than the file")
        self.streams = frozenset(path[-1] for path in ole.listdir(streams=True, storages=False))

    def read_stream(self, name: str, limit: int) -> bytes:
        """At most ``limit`` bytes of the top-level stream ``name``."""
        if not self._ole.exists(name) or self._ole.get_type(name) != olefile.STGTY_STREAM:
            raise CfbError(f"stream {name!r} not found")
        size = self._ole.get_size(name)
        if size > self._file_size:
            raise CfbError(f"stream {name!r} declares {size} bytes, more than the file holds")
        data: bytes = self._ole.openstream(name).read(limit)
        return data

    def workbook_stream(self, limit: int) -> bytes:
        """The BIFF stream of an .xls (``Workbook``, or ``Book`` before Excel 97)."""
        return self.read_stream("Workbook" if "Workbook" in self.streams else "Book", limit)


@contextmanager
def open_compound(handle: BinaryIO, file_size: int) -> Iterator[CompoundFile]:
    """The compound file in ``handle``; any damage met while it is open is a :class:`CfbError`."""
    try:
        _judge_header(handle, file_size)
        handle.seek(0)
        ole = olefile.OleFileIO(handle)  # a file object: bytes under 1536 would be a path
        try:
            yield CompoundFile(ole, file_size)
        finally:
            ole.close()
    except CFB_DAMAGE as error:
        raise CfbError(str(error) or type(error).__name__) from error


def inspect_cfb(handle: BinaryIO, file_size: int) -> CfbInfo:
    """Stream names of a compound file and, for a workbook, its encryption and date system."""
    with open_compound(handle, file_size) as compound:
        info = CfbInfo(compound.streams)
        if info.is_xls:
            encrypted, date1904 = biff.workbook_globals(compound.workbook_stream(BIFF_SCAN_BYTES))
            info = CfbInfo(compound.streams, encrypted, date1904)
    return info


def workbook_stream(data: bytes) -> bytes:
    """The whole BIFF stream of the .xls in ``data`` (:class:`CfbError` if there is none)."""
    with open_compound(io.BytesIO(data), len(data)) as compound:
        if not compound.streams & {"Workbook", "Book"}:
            raise CfbError("no Workbook stream")
        return compound.workbook_stream(len(data))
