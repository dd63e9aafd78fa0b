"""How far does each sheet reach? Checked on the file's bytes before calamine reads a sheet.

Why: calamine builds a sheet as one dense block from the top-left to the bottom-right cell that
holds a value (``Range::from_sparse``), 32 bytes a cell, and our reader pads that block out to A1.
One stray value at ``XFD1048576`` beside data in A1 is a 17-billion-cell block (549 GB): the
allocation fails and Rust aborts the process (exit 134, no exception to catch; calamine issue 693).
So the extent is measured here, cheaply, and a sheet that would explode is refused with a message
that names the far cell, before calamine sees it.

What is measured is exactly what calamine allocates from, per format:

- xlsx/xlsm: cells that hold a value (a ``<v>`` or ``<is>`` child). Styled empty cells
  (``<c r="Z99" s="3"/>``, written routinely by Excel for formatted but empty cells) and
  formula-only cells are dropped by calamine and are not counted. A cell's position is its ``r``
  attribute, or - without one - the next column after the previous cell, on the row of the last
  ``<row r>`` (+1 for each row since). The declared ``<dimension ref>`` only sizes a small
  reservation (calamine ignores it above 100,000 cells) and is used here as a hint only.
- xls: the DIMENSIONS record *is* an allocation (``cells.reserve(rows * cols)``), and so is the
  block of the value records (NUMBER, LABEL, LABELSST, RK, MULRK, BOOLERR, FORMULA, RSTRING; not
  BLANK/MULBLANK). Both are checked.
- ods: calamine materialises ``number-rows-repeated`` / ``number-columns-repeated`` when the
  repeated row or cell holds content (capped at 1,048,576 x 16,384 and 100 million cells - still
  3 GB). Repeated *empty* rows and cells (LibreOffice writes 1,048,576 empty rows routinely) are
  not materialised and do not count.
- xlsb: not scanned (rare for HR exports); calamine's own reading applies.

The rule. A sheet is refused when a cell holding a value lies beyond Excel's grid (row >
1,048,576 or column > XFD = 16,384), or when the block from A1 to the last row and column that hold
values (``box``) is both larger than :data:`BOX_FLOOR` cells and more than :data:`BOX_RATIO` times
the number of cells that hold values.

- :data:`BOX_FLOOR` = 8 million cells: a block of that size costs calamine 256 MB and our reader
  about as much again; any real HR sheet of a few hundred thousand rows with up to 20 columns stays
  below it whatever its shape, so the ratio test never touches those.
- :data:`BOX_RATIO` = 10: real sheets are dense tables (the 200,000-row benchmark fills 85% of
  its block); one with a few filled columns among many empty ones, notes far to the right or blank
  spacer rows stays well under 10 empty cells for each filled one. A stray cell far out gives a
  ratio of thousands to billions. Above the floor a block must be "paid for" by values, so memory
  stays proportional to the data a file really carries.

Cost: the sheet XML is inflated in pieces of ~2 MB (ISA-L when the ``isal`` package is there,
else zlib) by one thread while two more scan the pieces with numpy (both release the GIL): the
opening tags of a piece, the cells among them, what follows each cell's start tag (a value child,
a formula, or the next cell), and the references of the cells holding a value, decoded 8 bytes at
a time into keys whose largest gives the last row and column. That count and extent are exactly
the element-by-element scan's (a property test holds them equal); a cell in any other form
(whitespace between tags, an odd reference) is judged alone by that scan's rules, and anything
unusual (cells without ``r``, odd quoting) switches the sheet to that scan. A sheet whose root
binds a prefix to the spreadsheet namespace (``<x:worksheet xmlns:x=...>``, as the .NET Open XML
SDK writes it, and with it many payroll and HR systems) is read without that prefix
(:func:`_unprefixed`): the element-by-element scan took 10.6 s for the 200,000-row benchmark
written so, the vectorised one 0.9 s. Cells without ``r`` still take that scan (7.9 s there).

For :mod:`sheet_pieces` the scan also keeps, when asked, the inflated XML (:class:`SheetXml`: only
when its size and CRC-32 are the zip's), where the first mark after ``<sheetData`` lies that is
not a plain element of the rows (``<!``, ``<?``, ``<mergeCells``, ``<sheetData``, ``</sheetData``),
and for where each piece starts how many elements the XML from ``<sheetData`` on opened more than
it closed (``<`` minus twice ``</`` minus ``/>``). That costs the scan ~1.5 ms per 2 MB piece.

Tried and dropped: giving calamine a re-packed workbook with the sheet *stored*, inflated here
once for both. Calamine reads a stored sheet ~0.2 s (CPU) faster on the 200,000-row benchmark, but
``from_filelike`` copies its buffer about four times (the reads through Python, then one clone per
format ``open_workbook_auto_from_rs`` tries, xls before xlsx). At 106 MB instead of 14 MB that
costs ~0.26 s, more than the saving; the whole ``check`` got ~0.2 s (CPU) slower and its peak
~70 MB higher. (:mod:`sheet_pieces` does re-pack, but in pieces read side by side, each read once.)
"""

from __future__ import annotations

import bisect
import contextlib
import io
import math
import queue
import re
import struct
import threading
import types
import zipfile
import zlib
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from desktop_app.errors import IntakeError
from desktop_app.intake import biff
from desktop_app.intake.cfb import CfbError, workbook_stream

_inflate_module: types.ModuleType
try:  # ISA-L inflates about three times faster than zlib (a dependency; zlib if its wheel is missing)
    from isal import isal_zlib

    _inflate_module = isal_zlib
except ImportError:  # pragma: no cover - depends on the installation
    _inflate_module = zlib
_INFLATE_ERROR: type[Exception] = getattr(_inflate_module, "error", zlib.error)

MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
BOX_FLOOR = 8_000_000
"""Blocks up to this many cells are always read (see the module docstring)."""
BOX_RATIO = 10
"""Above the floor, a block may hold at most this many cells per cell holding a value."""

_UNREADABLE: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    OSError,
    EOFError,
    zlib.error,
    _INFLATE_ERROR,
    CfbError,
    struct.error,
    IndexError,
    RuntimeError,
    NotImplementedError,
)
"""A part that cannot be found or parsed here: left to calamine, which reports damage itself."""

_CHUNK = 1 << 15  # compressed bytes per inflate step: the output (~250 KB) stays in cache


@dataclass(frozen=True)
class SheetXml:
    """A worksheet's XML, inflated by the fast scan and kept for :mod:`sheet_pieces`.

    ``text`` is the whole part; kept only when its size and CRC-32 are what the zip's
    directory gives (calamine checks those on the original). Offsets count bytes of the
    XML: ``data_at`` where ``<sheetData`` starts, ``markup_at`` the first mark after it that is
    not a plain element of the rows (``<!``, ``<?``, ``<mergeCells``, another ``<sheetData``, and
    the first ``</sheetData``), or the XML's length. ``depths`` gives, for where each scanned
    piece starts, the elements opened minus closed from ``<sheetData`` on.
    """

    member: str
    text: bytearray
    data_at: int
    markup_at: int
    depths: tuple[tuple[int, int], ...] = ()

    def balance(self, end: int) -> int:
        """Elements opened minus closed in the XML from ``<sheetData`` (itself counted) to
        ``end``: the scan's count up to the last piece it started before ``end``, then counted
        here (``end`` must lie before a ``<``, where no mark is cut in two)."""
        at = bisect.bisect_right(self.depths, (end, math.inf)) - 1
        start, depth = self.depths[at] if at >= 0 else (self.data_at, 0)
        text = self.text
        return (
            depth
            + text.count(b"<", start, end)
            - 2 * text.count(b"</", start, end)
            - text.count(b"/>", start, end)
        )


@dataclass
class Extent:
    """Cells holding a value in one sheet: how many, the last row and column (1-based), and the
    reference of a cell that lies furthest out (for the message; never a value)."""

    values: int = 0
    last_row: int = 0
    last_column: int = 0
    far_cell: str = ""
    far_score: float = 0.0
    # the sheet's XML as the fast scan inflated it, when asked to keep it (not compared)
    xml: SheetXml | None = field(default=None, compare=False, repr=False)

    def add(self, row: int, column: int, count: int = 1) -> None:
        self.values += count
        self.last_row = max(self.last_row, row)
        self.last_column = max(self.last_column, column)
        score = max(row / MAX_ROWS, column / MAX_COLUMNS)
        if score > self.far_score:
            self.far_score = score
            self.far_cell = cell_reference(row, column)

    @property
    def box(self) -> int:
        return self.last_row * self.last_column


def column_letters(column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_reference(row: int, column: int) -> str:
    return f"{column_letters(column)}{row}"


def column_number(letters: bytes) -> int:
    number = 0
    for byte in letters.upper():
        number = number * 26 + (byte - 64)
    return number


def judge(extent: Extent, file: str, sheet: str) -> None:
    """Refuse the sheet if it reaches beyond the grid or its block is out of proportion."""
    if extent.last_row > MAX_ROWS or extent.last_column > MAX_COLUMNS:
        raise IntakeError("intake.cell-beyond-grid", file=file, sheet=sheet, cell=extent.far_cell)
    if extent.box > BOX_FLOOR and extent.box > BOX_RATIO * max(extent.values, 1):
        raise IntakeError(
            "intake.far-cell",
            file=file,
            sheet=sheet,
            cell=extent.far_cell,
            last=cell_reference(extent.last_row, extent.last_column),
            values=extent.values,
        )


def check_sheet(
    data: bytes, file_format: str, sheet: str, file: str, *, keep_xml: int = 0
) -> SheetXml | None:
    """Raise :class:`IntakeError` if reading ``sheet`` of this workbook could exhaust memory.

    ``data`` are the bytes calamine is about to parse. A part that cannot be found or parsed here is
    left to calamine, which reports damage as an error of its own. With ``keep_xml`` (bytes), an
    xlsx sheet's XML up to that size that the fast scan went through whole is returned (else
    ``None``).
    """
    extent = measure_sheet(data, file_format, sheet, keep_xml=keep_xml)
    if extent is None:
        return None
    judge(extent, file, sheet)
    return extent.xml


def check_workbook(data: bytes, file_format: str, file: str) -> None:
    """For .xls and .ods, where calamine builds every sheet as soon as the workbook is opened:
    check each sheet before it is opened (xlsx sheets are built one at a time: see
    :func:`check_sheet`)."""
    if file_format not in ("xls", "ods"):
        return
    try:
        names = _xls_sheet_names(data) if file_format == "xls" else _ods_sheet_names(data)
    except _UNREADABLE:
        return
    for sheet in names:
        check_sheet(data, file_format, sheet, file)


def _ods_sheet_names(data: bytes) -> list[str]:
    names = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        carry = b""
        for piece in _inflated(archive, "content.xml"):
            buffer = carry + piece
            cut = buffer.rfind(b"<")
            for match in re.finditer(rb"<table:table(?=[\s/>])([^>]*)>", buffer[:cut]):
                found = _ODS_NAME.search(match.group(1))
                if found:
                    names.append(_unescape(found.group(1)))
            carry = buffer[cut:]
    return names


def _xls_sheet_names(data: bytes) -> list[str]:
    return [title for title, _ in _xls_boundsheets(data)[1]]


def measure_sheet(data: bytes, file_format: str, sheet: str, *, keep_xml: int = 0) -> Extent | None:
    try:
        if file_format in ("xlsx", "xlsm"):
            return _xlsx_extent(data, sheet, keep_xml)
        if file_format == "ods":
            return _ods_extent(data, sheet)
        if file_format == "xls":
            return _xls_extent(data, sheet)
    except _UNREADABLE:
        return None
    return None


# --- xlsx ----------------------------------------------------------------------------------------

_SHEET_ELEMENT = re.compile(rb"<(?:[\w.-]+:)?sheet\b([^>]*)>")
_ATTRIBUTE = re.compile(rb"([\w.:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_RELATIONSHIP = re.compile(rb"<(?:[\w.-]+:)?Relationship\b([^>]*)>")
_SMALL_PART = 32 * 1024 * 1024


def _attributes(text: bytes) -> dict[bytes, bytes]:
    return {
        m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
        for m in _ATTRIBUTE.finditer(text)
    }


def _unescape(value: bytes) -> str:
    import html

    return html.unescape(value.decode("utf-8", "replace"))


def _xlsx_sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip member of the worksheet called ``sheet`` (as calamine resolves it)."""
    names = {n.lower(): n for n in archive.namelist()}

    def small(name: str) -> bytes:
        info = archive.getinfo(names[name.lower()])
        if info.file_size > _SMALL_PART:
            raise ValueError("workbook part too large")
        return archive.read(info)

    relationships = {}
    for match in _RELATIONSHIP.finditer(small("xl/_rels/workbook.xml.rels")):
        attributes = _attributes(match.group(1))
        if b"Id" in attributes and b"Target" in attributes:
            relationships[attributes[b"Id"]] = _unescape(attributes[b"Target"])
    for match in _SHEET_ELEMENT.finditer(small("xl/workbook.xml")):
        attributes = _attributes(match.group(1))
        if _unescape(attributes.get(b"name", b"")) != sheet:
            continue
        rid = attributes.get(b"r:id") or attributes.get(b"relationships:id")
        target = relationships.get(rid or b"")
        if target is None:
            return None
        if target.startswith("/xl/"):
            target = target[1:]
        elif not target.startswith("xl/"):
            target = "xl/" + target
        return names.get(target.lower())
    return None


def _inflated(archive: zipfile.ZipFile, member: str, size: int = 1 << 18) -> Iterator[bytes]:
    """The member's bytes in pieces of at most ``size`` bytes (inflated here, not by zipfile)."""
    info = archive.getinfo(member)
    if info.compress_type != zipfile.ZIP_DEFLATED:
        with archive.open(info) as stream:
            while piece := stream.read(size):
                yield piece
        return
    fp = archive.fp
    assert fp is not None
    fp.seek(info.header_offset)
    header = fp.read(30)
    if len(header) != 30 or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile("bad local header")
    name_length, extra_length = struct.unpack_from("<HH", header, 26)
    fp.seek(info.header_offset + 30 + name_length + extra_length)
    remaining = info.compress_size
    inflater = _inflate_module.decompressobj(-15)
    step = max(_CHUNK, size // 8)
    pending = b""
    while True:
        if not pending:
            # What the inflater holds is drained before it is fed more: ISA-L takes its input at
            # once and keeps the output (zlib leaves the input unconsumed instead), so a highly
            # compressed part would otherwise pile up inside it and come out in one piece.
            piece = inflater.decompress(b"", size)
            if piece:
                yield piece
                continue
            if inflater.eof or remaining <= 0:
                break
            pending = fp.read(min(step, remaining))
            if not pending:
                break
            remaining -= len(pending)
        piece = inflater.decompress(pending, size)
        pending = inflater.unconsumed_tail
        if piece:
            yield piece
        elif inflater.eof:
            break
    tail = inflater.flush()
    if tail:
        yield tail


class _Irregular(Exception):
    """The fast scan met a form it does not judge: the exact scan takes over."""


_CELL_OPEN = re.compile(rb'<c r="([A-Za-z]+)(\d+)"[^>]*?(/?)>')
_VALUE_CHILD = re.compile(rb"<(?:[\w.-]+:)?(?:v|is)[\s>/]")
_CELL_CLOSE = re.compile(rb"</(?:[\w.-]+:)?c\s*>")


def _xlsx_extent(data: bytes, sheet: str, keep_xml: int = 0) -> Extent | None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        member = _xlsx_sheet_part(archive, sheet)
        if member is None:
            return None
        try:
            prefix = _spreadsheet_prefix(archive, member)
            # a prefixed sheet is scanned without its prefix; its XML is not kept (the pieces
            # look for plain tags)
            return _fast_xlsx(archive, member, 0 if prefix else keep_xml, prefix)
        except _Irregular:
            return _exact_xlsx(_inflated(archive, member))


_SPREADSHEET_NAMESPACES = (
    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    b"http://purl.oclc.org/ooxml/spreadsheetml/main",  # Strict Open XML
)
_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet\b([^>]*)>")
_HEAD_BYTES = 1 << 16


def _spreadsheet_prefix(archive: zipfile.ZipFile, member: str) -> bytes:
    """The prefix the sheet gives the spreadsheet namespace on its root (``x`` in
    ``<x:worksheet xmlns:x="...spreadsheetml...">``, as the .NET Open XML SDK writes it), or
    ``b""`` for the default namespace. Any other root: ``b""`` (the scan then decides)."""
    head = b""
    for piece in _inflated(archive, member, _HEAD_BYTES):
        head += piece
        if len(head) >= _HEAD_BYTES or _ROOT.search(head):
            break
    root = _ROOT.search(head)
    if root is None or root.group(1) is None:
        return b""
    prefix = root.group(1)
    declared = _attributes(root.group(2)).get(b"xmlns:" + prefix)
    return prefix if declared in _SPREADSHEET_NAMESPACES else b""


def _unprefixed(chunks: Iterator[bytes], prefix: bytes) -> Iterator[bytes]:
    """The XML with ``<prefix:`` and ``</prefix:`` written as ``<`` and ``</``: the same elements
    as the scans read them (the exact scan ignores any prefix). A tag cut in two between chunks is
    held back until it is whole."""
    opening, closing = b"<" + prefix + b":", b"</" + prefix + b":"
    carry = b""
    for chunk in chunks:
        buffer = carry + chunk if carry else chunk
        held = buffer.rfind(b"<", max(0, len(buffer) - len(closing) + 1))
        buffer, carry = (buffer[:held], buffer[held:]) if held >= 0 else (buffer, b"")
        yield buffer.replace(closing, b"</").replace(opening, b"<")
    if carry:
        yield carry.replace(closing, b"</").replace(opening, b"<")


# --- xlsx: the vectorised scan -------------------------------------------------------------------
#
# The sheet XML is inflated by one thread into pieces of ~2 MB, each cut just before a ``<c r="``
# (so every cell lies whole in one piece, and nothing but the next cell follows the last one); two
# more threads scan the pieces with numpy (zlib and numpy release the GIL); the results are merged
# in document order. Per piece: the positions of every opening tag (``<`` + a lowercase letter),
# the cells among them, the kind of the one or two tags after each cell (a ``<v>``/``<is>`` child
# right after the start tag: a value; a ``<f>`` first: the tag after it decides; the next cell or
# row, or the piece's end: no value), and for the cells holding a value their reference, read 8
# bytes at a time: a column key and a row key whose order is the numbers' order, so the largest
# row and column (and the first cell to reach each) come from two argmax calls. Any cell in
# another form (whitespace between tags, a value child after something else, a reference of more
# than 3 letters or 7 digits, lower case ...) is judged on its own by the rules of the exact scan;
# a cell that is not ``<c r="`` at all (no ``r``, a prefix, odd quoting) hands the sheet to it.

_SCAN_PIECE = 1 << 21  # inflated bytes per scanned piece
_SCAN_AHEAD = 3  # pieces inflated or scanned ahead of the merge: memory stays a few pieces
_PAD = bytes(40)  # after each piece: the fixed-width reads near its end stay inside the buffer
_U = np.uint64
_HIGH = _U(0x8080808080808080)
_LOW7 = _U(0x7F7F7F7F7F7F7F7F)
_BYTE_BITS = _U(0x0008101820283038)


def _bytes_of(value: int) -> np.uint64:
    return _U(value * 0x0101010101010101)


def _first_byte_bits(flags: np.ndarray) -> np.ndarray:
    """8 x the index (0-7) of the lowest byte whose high bit is set in each word; 0 where none."""
    lowest = flags & (_U(0) - flags)
    return ((lowest >> _U(7)) * _BYTE_BITS) >> _U(56)


def _words(buffer: bytes) -> np.ndarray:
    """Every 8-byte little-endian word of ``buffer``, one starting at each byte (a view)."""
    return np.ndarray((len(buffer) - 7,), dtype="<u8", buffer=buffer, strides=(1,))


def _pairs(buffer: bytes) -> np.ndarray:
    return np.ndarray((len(buffer) - 1,), dtype="<u2", buffer=buffer, strides=(1,))


def _quads(buffer: bytes) -> np.ndarray:
    return np.ndarray((len(buffer) - 3,), dtype="<u4", buffer=buffer, strides=(1,))


def _tag(text: bytes) -> int:
    return int.from_bytes(text, "little")


_CELL_TAG = _tag(b' r="')
_V_TAG, _IS_TAG, _CELL_NEXT, _ROW_TAG = _tag(b"<v>"), _tag(b"<is>"), _tag(b"<c "), _tag(b"<row")
_CLOSE_F, _AFTER_ATTRIBUTE, _AFTER_EMPTY = _tag(b"</f>"), _tag(b'">'), _tag(b"/>")
_CLOSE_DATA, _DATA_OPEN, _MERGE_OPEN = _tag(b"</sheetD"), _tag(b"<sheetDa"), _tag(b"<mergeCe")


@dataclass
class _Found:
    """The first cell (in document order) reaching a piece's largest row or column."""

    key: int
    order: tuple[int, int]
    row: int
    column: int


@dataclass
class _Partial:
    values: int = 0
    row: _Found | None = None
    column: _Found | None = None
    markup: int | None = None  # where the first mark that is not a plain row element lies
    balance: int = 0  # elements opened minus closed (see _scan_piece)

    def offer(self, row: int, column: int, order: tuple[int, int]) -> None:
        if (
            self.row is None
            or row > self.row.key
            or (row == self.row.key and order < self.row.order)
        ):
            self.row = _Found(row, order, row, column)
        if (
            self.column is None
            or column > self.column.key
            or (column == self.column.key and order < self.column.order)
        ):
            self.column = _Found(column, order, row, column)


def _one_cell(buffer: bytes, size: int, start: int) -> tuple[int, int] | None:
    """(row, column) of the cell at ``start`` if it holds a value, by the exact scan's rules."""
    head = _CELL_OPEN.match(buffer, start, size)
    if head is None:
        raise _Irregular
    if head.group(3):
        return None
    close = _CELL_CLOSE.search(buffer, head.end(), size)
    if close is None:
        raise _Irregular  # cut before the next cell: a cell without its end
    if _VALUE_CHILD.search(buffer, head.end(), close.start()) is None:
        return None
    return int(head.group(2)), column_number(head.group(1))


def _short_references(words: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """References held whole (with their closing quote) in the 8 bytes read at their start: which
    are well formed, and keys whose order is their rows' and their columns' order (the digits,
    resp. letters, right-aligned big-endian: a longer number has a non-zero byte further up)."""
    upper = (words + _bytes_of(0x3F)) & ~(words + _bytes_of(0x25)) & _HIGH  # 'A' <= byte <= 'Z'
    shift = _first_byte_bits(upper ^ _HIGH)  # 8 x letters
    digits = words >> shift
    numbers = digits ^ _bytes_of(0x30)
    length = _first_byte_bits(((numbers + _bytes_of(0x76)) | numbers) & _HIGH)  # 8 x digits
    ok = ((digits >> length) & _U(0xFF)) == 34  # '"' after the digits
    ok &= (shift - _U(8)) <= _U(16)  # 1 to 3 letters
    ok &= length > 0
    ok &= (words & _HIGH) == 0  # ASCII only: no carry crosses a byte above
    rows = (numbers << (_U(64) - length)).byteswap()
    columns = (words << (_U(64) - shift)).byteswap()
    return ok, rows, columns


def _long_references(
    words: np.ndarray, reference: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """As :func:`_short_references` for any length: the digits are read where the letters end."""
    letters = words[reference]
    ascii_letters = (letters & _HIGH) == 0
    letters = letters & _LOW7
    upper = (letters + _bytes_of(0x3F)) & ~(letters + _bytes_of(0x25)) & _HIGH
    shift = _first_byte_bits(upper ^ _HIGH)
    count = shift >> _U(3)
    ok = (count >= 1) & (count <= 3)
    mask = (_U(1) << np.minimum(shift, _U(32))) - _U(1)
    ok &= ascii_letters | (((letters & _HIGH) & mask) == 0)
    digits = words[reference + count.astype(np.intp)]
    ok &= (digits & _HIGH) == 0
    numbers = (digits & _LOW7) ^ _bytes_of(0x30)
    length = _first_byte_bits(((numbers + _bytes_of(0x76)) | numbers) & _HIGH)
    ok &= (length > 0) & (((digits >> length) & _U(0xFF)) == 34)
    rows = (numbers << (_U(64) - np.maximum(length, _U(8)))).byteswap()
    columns = (letters << (_U(64) - np.minimum(np.maximum(shift, _U(8)), _U(24)))).byteswap()
    return ok, rows, columns


def _scan_piece(  # noqa: PLR0915 - one pass
    buffer: bytes, size: int, number: int, offset: int = 0
) -> _Partial:
    """The cells holding a value in ``buffer[:size]`` (followed by :data:`_PAD`), and where the
    first mark lies that is not a plain element of the rows (``offset``: the buffer's place in
    the XML; the ``<sheetData`` that opens piece 0 does not count)."""
    partial = _Partial()
    a = np.frombuffer(buffer, np.uint8)
    less = a[:size] == 60  # '<'
    after_less = a[1 : size + 1]
    slash = after_less == 47  # ... '/' after
    closing = less & slash  # '</'
    closes = int(np.count_nonzero(closing))
    # how far the tags open more elements than they close: '<' counts one, '</' minus one (its
    # '<' counted too), '/>' minus one (a '/>' in text counts as well: only ever too low)
    marks = int(np.count_nonzero(less))
    ends = slash[: size - 1] & (a[2 : size + 1] == 62)
    partial.balance = marks - 2 * closes - int(np.count_nonzero(ends))
    del ends
    closing &= a[2 : size + 2] == 115  # '</s' (checked below)
    opening = np.greater(after_less, 96)  # '<' and a lowercase letter: an opening tag
    opening &= less
    tags = np.flatnonzero(opening)
    del opening
    first = a[tags + 1]
    # Marks to look at: '</s', '<m' and '<s', and any '<' neither opening nor closing a
    # lowercase element ('<!' '<?', rare: their places are found only when counted)
    odd = np.flatnonzero(less & ~slash & ~(after_less > 96)) if marks > len(tags) + closes else ()
    candidates = np.concatenate(
        (odd, np.flatnonzero(closing), tags[(first == 109) | (first == 115)])
    ).astype(np.intp)
    del less, after_less, slash, closing
    words = _words(buffer)
    kinds = words[candidates]
    special = candidates[
        ((kinds & _U(0xFFFF)) != _tag(b"</"))
        & ((kinds & _U(0xFFFF)) != _tag(b"<m"))
        & ((kinds & _U(0xFFFF)) != _tag(b"<s"))
        | (kinds == _CLOSE_DATA)
        | (kinds == _MERGE_OPEN)
        | (kinds == _DATA_OPEN)
    ]
    if number == 0:
        special = special[special > 0]
    if len(special):
        partial.markup = offset + int(special.min())
    cells = np.flatnonzero(first == 99)  # '<c'
    if not len(cells):
        return partial
    starts = tags[cells]
    quads, pairs = _quads(buffer), _pairs(buffer)
    canonical = quads[starts + 2] == _CELL_TAG
    if not canonical.all():
        second = a[starts + 2]
        element = ((second | 32) - 97) < 26  # '<col', '<cfRule' ...: not cells
        if not (canonical | element).all():
            raise _Irregular  # a cell without r="..." first: the exact scan places it
        cells, starts = cells[canonical], starts[canonical]
        if not len(cells):
            return partial
    # The opening tag after each cell; past the last one, the piece's end (the next cell).
    last = len(tags) - 1
    after = tags[np.minimum(cells + 1, last)]
    after[cells + 1 > last] = size
    one, two = a[after + 1], pairs[after + 2]
    value = ((one == 118) & ((two & 0xFF) == 62)) | ((one == 105) & (two == _tag(b"s>")))
    value &= pairs[after - 2] == _AFTER_ATTRIBUTE  # the child right after the start tag
    empty = ((one == 99) & ((two & 0xFF) == 32)) | ((one == 114) & (two == _tag(b"ow")))
    empty |= after >= size
    settled = value | empty
    formula = (one == 102) & (~settled)
    if formula.any():
        which = np.flatnonzero(
            formula
            & (pairs[after - 2] == _AFTER_ATTRIBUTE)
            & (((two & 0xFF) == 62) | ((two & 0xFF) == 32))
        )
        following = cells[which] + 2
        later = tags[np.minimum(following, last)]
        later[following > last] = size
        kind2 = quads[later]
        value2 = ((kind2 & 0xFFFFFF) == _V_TAG) | (kind2 == _IS_TAG)
        value2 &= (pairs[later - 2] == _AFTER_EMPTY) | (quads[later - 4] == _CLOSE_F)
        empty2 = ((kind2 & 0xFFFFFF) == _CELL_NEXT) | (kind2 == _ROW_TAG) | (later >= size)
        value[which[value2]] = True
        settled[which[value2 | empty2]] = True
    odd = np.flatnonzero(~settled)
    # References of the cells holding a value: [A-Z]{1,3} then [0-9]{1,7} then '"'.
    reference = starts[value] + 6
    ok, rows, columns = _short_references(words[reference])
    if not ok.all():  # longer than 7 characters (or not a reference): two reads
        rest = np.flatnonzero(~ok)
        ok2, rows2, columns2 = _long_references(words, reference[rest])
        ok[rest], rows[rest], columns[rest] = ok2, rows2, columns2
    good = np.flatnonzero(ok)
    partial.values = len(good)
    if len(good):
        for keys, slot in ((rows, "row"), (columns, "column")):
            chosen = keys[good]
            place = int(reference[good[int(chosen.argmax())]]) - 6
            row, column = _one_cell(buffer, size, place) or (0, 0)
            key = row if slot == "row" else column
            setattr(partial, slot, _Found(key, (number, place), row, column))
    # Cells in any other form, one at a time.
    singles = np.concatenate((starts[odd], reference[~ok] - 6)) if len(odd) or not ok.all() else ()
    for place in singles:
        found = _one_cell(buffer, size, int(place))
        if found is not None:
            partial.values += 1
            partial.offer(found[0], found[1], (number, int(place)))
    return partial


class _Pieces:
    """The sheet XML from ``<sheetData`` on, in pieces cut before ``<c r="``, inflated by a thread
    of its own into a small queue (a context manager: the thread is always joined)."""

    def __init__(
        self, archive: zipfile.ZipFile, member: str, keep_up_to: int = 0, prefix: bytes = b""
    ) -> None:
        inflated = _inflated(archive, member, _SCAN_PIECE)
        self._source = _unprefixed(inflated, prefix) if prefix else inflated
        # The whole XML, head and tail included, kept when asked: no more than the zip's directory
        # says the part holds, nor than keep_up_to (it grows as it is inflated).
        self._keep_up_to = min(archive.getinfo(member).file_size, keep_up_to)
        self.kept: bytearray | None = bytearray() if self._keep_up_to > 0 else None
        self.crc = 0  # of the kept bytes
        self._queue: queue.Queue[object] = queue.Queue(maxsize=_SCAN_AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="xlsx-inflate", daemon=True)

    def __enter__(self) -> _Pieces:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        while self._thread.is_alive():
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.05)  # frees a producer blocked on a full queue
        self._thread.join()

    def _put(self, item: object) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.05)
            except queue.Full:
                continue
            return True
        return False

    def _run(self) -> None:
        try:
            for piece in self._cut():
                if not self._put(piece):
                    return
            self._put(None)
        except BaseException as error:  # handed to the consumer, raised there
            self._put(error)

    def _cut(self) -> Iterator[tuple[bytes, int, int]]:
        """(buffer, size, where the buffer starts in the XML); ``carry`` always holds the bytes
        right before ``chunk``."""
        carry = b""
        started = False
        seen = 0  # bytes of XML before ``chunk``
        for inflated in self._source:
            if self.kept is not None:
                if len(self.kept) + len(inflated) > self._keep_up_to:
                    self.kept = None  # more than the zip's directory said, or than asked: dropped
                else:
                    self.kept += inflated
                    self.crc = zlib.crc32(inflated, self.crc)  # on this thread: releases the GIL
            chunk, chunk_at = inflated, seen
            seen += len(inflated)
            if not started:
                buffer = carry + chunk
                at = buffer.find(b"<sheetData")
                if at < 0:
                    carry = buffer[-16:]
                    continue
                chunk_at += at - len(carry)
                started, carry, chunk = True, b"", buffer[at:]
            cut = chunk.rfind(b'<c r="')
            if cut <= 0:
                carry += chunk
                if len(carry) > 16 * _SCAN_PIECE:
                    raise _Irregular  # no cell for many pieces
                continue
            start = chunk_at - len(carry)
            yield b"".join((carry, memoryview(chunk)[:cut], _PAD)), len(carry) + cut, start
            carry = chunk[cut:]
        if not started:
            raise _Irregular  # no <sheetData (a prefixed one?): the exact scan decides
        if carry:
            yield carry + _PAD, len(carry), seen - len(carry)

    def __iter__(self) -> Iterator[tuple[bytes, int, int]]:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]


def _fast_xlsx(
    archive: zipfile.ZipFile, member: str, keep_xml: int = 0, prefix: bytes = b""
) -> Extent:
    merged = _Partial()
    data_at: int | None = None
    offsets: list[int] = []  # where each scanned piece starts
    depths: list[tuple[int, int]] = []  # ... and the balance of the XML from <sheetData to there

    def merge(partial: _Partial) -> None:  # pieces in document order: a tie keeps the first
        merged.values += partial.values
        if partial.row and (merged.row is None or partial.row.key > merged.row.key):
            merged.row = partial.row
        if partial.column and (merged.column is None or partial.column.key > merged.column.key):
            merged.column = partial.column
        if merged.markup is None:
            merged.markup = partial.markup
        depths.append((offsets[len(depths)], merged.balance))
        merged.balance += partial.balance

    with _Pieces(archive, member, keep_xml, prefix) as pieces, ThreadPoolExecutor(2) as pool:
        pending: deque[Future[_Partial]] = deque()
        try:
            for number, (buffer, size, offset) in enumerate(pieces):
                if data_at is None:
                    data_at = offset
                offsets.append(offset)
                pending.append(pool.submit(_scan_piece, buffer, size, number, offset))
                while len(pending) >= _SCAN_AHEAD or (pending and pending[0].done()):
                    merge(pending.popleft().result())
            while pending:
                merge(pending.popleft().result())
        finally:
            for future in pending:
                future.cancel()
    values, best_row, best_column = merged.values, merged.row, merged.column
    extent = Extent(values=values)
    info = archive.getinfo(member)
    kept = pieces.kept
    whole = kept is not None and (len(kept), pieces.crc) == (info.file_size, info.CRC)
    if kept is not None and whole and data_at is not None:
        markup_at = len(kept) if merged.markup is None else merged.markup
        extent.xml = SheetXml(member, kept, data_at, markup_at, tuple(depths))
    if best_row is None or best_column is None:
        return extent
    extent.last_row, extent.last_column = best_row.key, best_column.key
    # The exact scan keeps the first cell whose score beats all before it: the first to reach the
    # largest score, which is the largest row's or the largest column's (the earlier if both).
    extent.far_score = max(best_row.key / MAX_ROWS, best_column.key / MAX_COLUMNS)
    reaching = [
        found
        for found, score in (
            (best_row, best_row.key / MAX_ROWS),
            (best_column, best_column.key / MAX_COLUMNS),
        )
        if score == extent.far_score
    ]
    far = min(reaching, key=lambda found: found.order)
    extent.far_cell = cell_reference(far.row, far.column)
    return extent


_ELEMENT = re.compile(rb"<(/?)(?:[\w.-]+:)?(row|c|v|is|sheetData)\b([^>]*?)(/?)>")
_R_ATTRIBUTE = re.compile(rb"""(?:^|\s)r\s*=\s*["']([^"']*)["']""")


def _tags(
    pieces: Iterator[bytes], pattern: re.Pattern[bytes]
) -> Iterator[tuple[re.Match[bytes], int]]:
    """The pattern's matches in XML read in pieces, each with where the text before it starts in
    ``match.string`` (the end of the previous match, or the start of the buffer); a tag cut in two
    by the pieces is matched once it is whole."""
    carry = b""
    for piece in pieces:
        buffer = carry + piece if carry else piece
        cut = buffer.rfind(b"<")
        if cut < 0:
            carry = buffer
            continue
        position = 0
        for match in pattern.finditer(buffer, 0, cut):
            yield match, position
            position = match.end()
        carry = buffer[cut:]


def _exact_xlsx(pieces: Iterator[bytes]) -> Extent:  # noqa: PLR0912 - one state machine
    """Element by element, with calamine's rules for positions and values."""
    extent = Extent()
    row_index = 0  # 0-based, as calamine
    column_index = 0
    in_data = False
    in_cell = False
    cell_has_value = False
    cell_position = (0, 0)
    for match, _ in _tags(pieces, _ELEMENT):
        closing, name, attributes, empty = match.groups()
        if name == b"sheetData":
            if closing and in_data:
                return extent
            in_data = not closing and not empty
            continue
        if not in_data:
            continue
        if name == b"row":
            if closing:
                row_index += 1
                column_index = 0
            else:
                reference = _R_ATTRIBUTE.search(attributes)
                if reference:
                    digits = re.search(rb"\d+", reference.group(1))
                    if digits:
                        row_index = int(digits.group()) - 1
                if empty:
                    row_index += 1
                    column_index = 0
        elif name == b"c":
            if closing:
                if in_cell and cell_has_value:
                    extent.add(cell_position[0] + 1, cell_position[1] + 1)
                in_cell = False
                continue
            reference = _R_ATTRIBUTE.search(attributes)
            position = (row_index, column_index)
            if reference:
                parts = re.fullmatch(rb"([A-Za-z]+)(\d+)", reference.group(1))
                if parts:
                    position = (int(parts.group(2)) - 1, column_number(parts.group(1)) - 1)
                    column_index = position[1]
            column_index += 1
            if empty:
                continue
            in_cell, cell_has_value, cell_position = True, False, position
        elif in_cell and not closing:  # <v> or <is> inside a cell
            cell_has_value = True
    return extent


# --- ods -----------------------------------------------------------------------------------------

_ODS_ELEMENT = re.compile(
    rb"<(/?)(table:table-row|table:table-cell|table:covered-table-cell|table:table)(?=[\s/>])([^>]*?)(/?)>"
)
_ODS_NAME = re.compile(rb"""table:name\s*=\s*["']([^"']*)["']""")
_ODS_ROWS_REPEATED = re.compile(rb"""table:number-rows-repeated\s*=\s*["'](\d+)["']""")
_ODS_COLUMNS_REPEATED = re.compile(rb"""table:number-columns-repeated\s*=\s*["'](\d+)["']""")
_ODS_VALUE_TYPE = re.compile(rb"""(?:office:value-type|table:formula)\s*=""")


def _ods_extent(data: bytes, sheet: str) -> Extent | None:  # noqa: PLR0912, PLR0915 - one state machine
    """Rows and cells with their repeat counts. A cell holds content if it has a value type, a
    formula or any child element (text); repeats of empty rows/cells are free in calamine."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        pieces = _inflated(archive, "content.xml")
        extent: Extent | None = None
        row = 0  # rows before the current one (1-based numbering of the current: row + 1)
        row_repeat = 1
        column = 0
        row_values = 0
        row_last_column = 0
        cell: tuple[int, int] | None = None  # (first column, repeat) of an open cell
        cell_content = False
        # Text inside cells shows as any element between the cell's open and close tags.
        for match, before in _tags(pieces, _ODS_ELEMENT):
            closing, name, attributes, empty = match.groups()
            if cell is not None and b"<" in match.string[before : match.start()]:
                cell_content = True
            if name == b"table:table":
                if closing:
                    if extent is not None:
                        return extent
                    continue
                found = _ODS_NAME.search(attributes)
                if found and _unescape(found.group(1)) == sheet and extent is None:
                    extent, row = Extent(), 0
                continue
            if extent is None:
                continue
            if name == b"table:table-row":
                if closing or empty:
                    if empty:
                        repeated = _ODS_ROWS_REPEATED.search(attributes)
                        row_repeat = int(repeated.group(1)) if repeated else 1
                        row_values = 0
                    if row_values:
                        last = row + min(row_repeat, MAX_ROWS + 1)
                        extent.add(last, row_last_column, 0)
                        extent.values += row_values
                    row += row_repeat
                    column = 0
                    continue
                repeated = _ODS_ROWS_REPEATED.search(attributes)
                row_repeat = int(repeated.group(1)) if repeated else 1
                column, row_values, row_last_column = 0, 0, 0
                continue
            # a cell
            if closing:
                if cell is not None:
                    first, repeat = cell
                    if cell_content:
                        row_values += 1
                        row_last_column = first + min(repeat, MAX_COLUMNS + 1)
                    cell = None
                continue
            repeated = _ODS_COLUMNS_REPEATED.search(attributes)
            repeat = int(repeated.group(1)) if repeated else 1
            has_type = _ODS_VALUE_TYPE.search(attributes) is not None
            if empty:
                if has_type:
                    row_values += 1
                    row_last_column = column + min(repeat, MAX_COLUMNS + 1)
            else:
                cell, cell_content = (column, repeat), has_type
            column += repeat
        return extent


# --- xls -----------------------------------------------------------------------------------------

_XLS_VALUE_RECORDS = {0x0203, 0x0204, 0x00FD, 0x027E, 0x0205, 0x0006, 0x00D6}
_XLS_MULRK, _XLS_DIMENSIONS = 0xBD, 0x200


def _xls_boundsheets(data: bytes) -> tuple[bytes, list[tuple[str, int]]]:
    stream = workbook_stream(data)
    return stream, biff.boundsheets(stream)


def _xls_extent(data: bytes, sheet: str) -> Extent | None:
    stream, sheets = _xls_boundsheets(data)
    offset = next((start for title, start in sheets if title == sheet), None)
    if offset is None:
        return None
    extent = Extent()
    declared = None
    position = offset
    while position + 4 <= len(stream):
        record, length = struct.unpack_from("<HH", stream, position)
        body = stream[position + 4 : position + 4 + length]
        position += 4 + length
        if record == biff.EOF:
            break
        if record == _XLS_DIMENSIONS:
            if len(body) >= 14:
                first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", body)
            elif len(body) >= 10:
                first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", body)
            else:
                continue
            rows = max(last_row - first_row, 0) + 1
            columns = max(last_col - first_col, 0) + 1
            declared = (rows, columns, last_row, last_col)
        elif record in _XLS_VALUE_RECORDS and len(body) >= 4:
            row, column = struct.unpack_from("<HH", body)
            extent.add(row + 1, column + 1)
        elif record == _XLS_MULRK and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body)
            (last,) = struct.unpack_from("<H", body, len(body) - 2)
            if last >= first:
                extent.add(row + 1, last + 1, last - first + 1)
    if declared is not None:
        rows, columns, last_row, last_col = declared
        # calamine reserves the declared block: judged like a block of values.
        if rows * columns > max(BOX_FLOOR, BOX_RATIO * max(extent.values, 1)):
            return Extent(
                values=extent.values,
                last_row=last_row,
                last_column=last_col,
                far_cell=cell_reference(min(last_row, 1 << 32), last_col),
            )
    return extent
