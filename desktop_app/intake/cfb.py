"""Just enough of the OLE Compound File format to tell an .xls from an encrypted .xlsx.

An Office file that starts with ``D0 CF 11 E0`` is a little file system. We read its directory
(stream names) and, for .xls, the first records of the ``Workbook`` stream: ``FILEPASS`` means the
workbook is password-protected, ``DATEMODE`` says whether it uses the 1904 date system. Untrusted
input: every chain walk is bounded and any inconsistency raises :class:`CfbError`.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import BinaryIO

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_FREE, _END_OF_CHAIN = 0xFFFFFFFF, 0xFFFFFFFE
_MAX_SECTOR = 0xFFFFFFFA
_MAX_CHAIN = 1 << 20  # sectors; more than any 512 MB file holds at 512-byte sectors
_BIFF_SCAN_BYTES = 256 * 1024

_BIFF_EOF, _BIFF_FILEPASS, _BIFF_DATEMODE = 0x000A, 0x002F, 0x0022


class CfbError(Exception):
    """The compound file is damaged or not what it claims to be."""


@dataclass(frozen=True)
class _Entry:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    start: int
    size: int


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


class _Reader:
    def __init__(self, handle: BinaryIO, file_size: int) -> None:
        self.handle = handle
        self.file_size = file_size
        header = self._read_at(0, 512)
        if len(header) < 512 or header[:8] != MAGIC:
            raise CfbError("compound file header is incomplete")
        sector_shift, mini_shift = struct.unpack_from("<HH", header, 0x1E)
        if sector_shift not in (9, 12) or mini_shift != 6:
            raise CfbError("unexpected sector size")
        self.sector_size = 1 << sector_shift
        self.mini_size = 1 << mini_shift
        (n_fat,) = struct.unpack_from("<I", header, 0x2C)
        (self.dir_start,) = struct.unpack_from("<I", header, 0x30)
        (self.mini_cutoff,) = struct.unpack_from("<I", header, 0x38)
        (self.minifat_start,) = struct.unpack_from("<I", header, 0x3C)
        difat_start, n_difat = struct.unpack_from("<II", header, 0x44)
        difat = list(struct.unpack_from("<109I", header, 0x4C))
        sector = difat_start
        per_sector = self.sector_size // 4
        for _ in range(min(n_difat, _MAX_CHAIN)):
            if sector > _MAX_SECTOR:
                break
            values = struct.unpack(f"<{per_sector}I", self._sector(sector))
            difat.extend(values[:-1])
            sector = values[-1]
        fat_sectors = [s for s in difat if s <= _MAX_SECTOR][:n_fat]
        fat: list[int] = []
        for s in fat_sectors:
            fat.extend(struct.unpack(f"<{per_sector}I", self._sector(s)))
        self.fat = fat
        self._minifat: list[int] | None = None
        self._mini_stream: bytes | None = None
        self.entries = self._directory()

    def _read_at(self, offset: int, size: int) -> bytes:
        self.handle.seek(offset)
        return self.handle.read(size)

    def _sector(self, number: int) -> bytes:
        offset = (number + 1) * self.sector_size
        if number > _MAX_SECTOR or offset >= self.file_size:
            raise CfbError(f"sector {number} lies outside the file")
        data = self._read_at(offset, self.sector_size)
        if not data:
            raise CfbError(f"sector {number} is missing")
        return data.ljust(self.sector_size, b"\0")

    def _chain(self, start: int, table: list[int]) -> list[int]:
        chain: list[int] = []
        seen: set[int] = set()
        sector = start
        while sector not in (_END_OF_CHAIN, _FREE):
            if sector in seen or sector >= len(table) or len(chain) > _MAX_CHAIN:
                raise CfbError("broken sector chain")
            seen.add(sector)
            chain.append(sector)
            sector = table[sector]
        return chain

    def _read_chain(self, start: int, limit: int) -> bytes:
        parts: list[bytes] = []
        total = 0
        for sector in self._chain(start, self.fat):
            parts.append(self._sector(sector))
            total += self.sector_size
            if total >= limit:
                break
        return b"".join(parts)[:limit]

    def _directory(self) -> list[_Entry]:
        raw = self._read_chain(self.dir_start, _MAX_CHAIN * 128)
        entries: list[_Entry] = []
        for offset in range(0, len(raw) - 127, 128):
            block = raw[offset : offset + 128]
            (name_len,) = struct.unpack_from("<H", block, 64)
            kind = block[66]
            if kind not in (1, 2, 5) or not 2 <= name_len <= 64:
                continue
            name = block[: name_len - 2].decode("utf-16-le", errors="replace")
            start, size = struct.unpack_from("<IQ", block, 116)
            if self.sector_size == 512:
                size &= 0xFFFFFFFF  # version 3 files leave the high half undefined
            entries.append(_Entry(name, kind, start, size))
        if not entries or entries[0].kind != 5:
            raise CfbError("compound file has no root entry")
        return entries

    def read_stream(self, name: str, limit: int) -> bytes:
        entry = next((e for e in self.entries if e.kind == 2 and e.name == name), None)
        if entry is None:
            raise CfbError(f"stream {name!r} not found")
        wanted = min(entry.size, limit)
        if entry.size >= self.mini_cutoff:
            return self._read_chain(entry.start, wanted)
        if self._minifat is None:
            raw = self._read_chain(self.minifat_start, _MAX_CHAIN * 4)
            self._minifat = list(struct.unpack(f"<{len(raw) // 4}I", raw[: len(raw) // 4 * 4]))
            root = self.entries[0]
            self._mini_stream = self._read_chain(root.start, root.size)
        mini_stream = self._mini_stream or b""
        parts = []
        for mini in self._chain(entry.start, self._minifat):
            start = mini * self.mini_size
            parts.append(mini_stream[start : start + self.mini_size])
            if sum(map(len, parts)) >= wanted:
                break
        return b"".join(parts)[:wanted]


def _biff_globals(stream: bytes) -> tuple[bool, bool]:
    """(encrypted, date1904) from the workbook-globals records at the start of a BIFF stream."""
    encrypted = date1904 = False
    offset = 0
    while offset + 4 <= len(stream):
        record, length = struct.unpack_from("<HH", stream, offset)
        body = stream[offset + 4 : offset + 4 + length]
        if record == _BIFF_FILEPASS:
            encrypted = True
            break  # what follows is ciphertext
        if record == _BIFF_DATEMODE and len(body) >= 2:
            date1904 = struct.unpack_from("<H", body)[0] == 1
        if record == _BIFF_EOF:
            break
        offset += 4 + length
    return encrypted, date1904


def inspect_cfb(handle: BinaryIO, file_size: int) -> CfbInfo:
    """Stream names of a compound file and, for a workbook, its encryption and date system."""
    try:
        reader = _Reader(handle, file_size)
        streams = frozenset(e.name for e in reader.entries if e.kind == 2)
        encrypted = date1904 = False
        for name in ("Workbook", "Book"):
            if name in streams:
                encrypted, date1904 = _biff_globals(reader.read_stream(name, _BIFF_SCAN_BYTES))
                break
    except (struct.error, OSError, IndexError, ValueError) as error:
        raise CfbError(str(error)) from error
    return CfbInfo(streams, encrypted, date1904)
