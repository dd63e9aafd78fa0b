"""The few BIFF records intake reads from an .xls ``Workbook`` stream.

A BIFF stream is a run of records, each ``(type: u16, length: u16, body)``. The workbook globals at
its start say whether the workbook is password-protected (``FILEPASS``: everything after it is
ciphertext), which date system it uses (``DATEMODE``) and where each sheet's substream starts
(``BOUNDSHEET``). Untrusted input: a record that runs past the end is cut short, never read beyond.
The container around the stream is :mod:`desktop_app.intake.cfb`'s.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

EOF, FILEPASS, DATEMODE, BOUNDSHEET = 0x000A, 0x002F, 0x0022, 0x0085


def records(stream: bytes, offset: int = 0) -> Iterator[tuple[int, bytes, int]]:
    """``(type, body, next offset)`` for each record from ``offset`` to the end of ``stream``."""
    while offset + 4 <= len(stream):
        record, length = struct.unpack_from("<HH", stream, offset)
        body = stream[offset + 4 : offset + 4 + length]
        offset += 4 + length
        yield record, body, offset


def workbook_globals(stream: bytes) -> tuple[bool, bool]:
    """(encrypted, date1904) from the workbook-globals records at the start of a BIFF stream."""
    encrypted = date1904 = False
    for record, body, _ in records(stream):
        if record == FILEPASS:
            encrypted = True
            break  # what follows is ciphertext
        if record == DATEMODE and len(body) >= 2:
            date1904 = struct.unpack_from("<H", body)[0] == 1
        if record == EOF:
            break
    return encrypted, date1904


def boundsheets(stream: bytes) -> list[tuple[str, int]]:
    """(title, offset of its BOF in the stream) of each sheet the workbook globals list."""
    sheets = []
    for record, body, _ in records(stream):
        if record == BOUNDSHEET and len(body) >= 8:
            start = struct.unpack_from("<I", body)[0]
            count = body[6]
            if body[7] & 1:  # UTF-16
                title = body[8 : 8 + 2 * count].decode("utf-16-le", "replace")
            else:
                title = body[8 : 8 + count].decode("latin-1")
            sheets.append((title, start))
        if record == EOF:
            break
    return sheets
