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

Cost: the sheet XML is inflated in chunks (ISA-L when the ``isal`` package is there, else zlib)
and searched with one regular expression that matches only ``<c`` elements that are not in the
canonical ``<c r="REF"`` form, or whose REF lies beyond the extent seen so far (rounded up to the
next leading letter/digit, so it is recompiled a few dozen times at most). A 200,000-row sheet of
106 MB gives no match at all. Anything unusual (cells without ``r``, namespace prefixes, odd
quoting) switches that sheet to the exact element-by-element scan, which follows calamine's rules.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from desktop_app.errors import IntakeError
from desktop_app.intake.cfb import CfbError, _Reader

try:  # ISA-L inflates about three times faster than zlib; optional
    from isal import isal_zlib as _inflate_module
except ImportError:  # pragma: no cover - depends on the installation
    _inflate_module = zlib

MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
BOX_FLOOR = 8_000_000
"""Blocks up to this many cells are always read (see the module docstring)."""
BOX_RATIO = 10
"""Above the floor, a block may hold at most this many cells per cell holding a value."""

_CHUNK = 1 << 15  # compressed bytes per inflate step: the output (~250 KB) stays in cache


@dataclass
class Extent:
    """Cells holding a value in one sheet: how many, the last row and column (1-based), and the
    reference of a cell that lies furthest out (for the message; never a value)."""

    values: int = 0
    last_row: int = 0
    last_column: int = 0
    far_cell: str = ""
    far_score: float = 0.0

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


def check_sheet(data: bytes, file_format: str, sheet: str, file: str) -> None:
    """Raise :class:`IntakeError` if reading ``sheet`` of this workbook could exhaust memory.

    ``data`` are the bytes calamine is about to parse. A part that cannot be found or parsed here is
    left to calamine, which reports damage as an error of its own.
    """
    extent = measure_sheet(data, file_format, sheet)
    if extent is not None:
        judge(extent, file, sheet)


def check_workbook(data: bytes, file_format: str, file: str) -> None:
    """For .xls and .ods, where calamine builds every sheet as soon as the workbook is opened:
    check each sheet before it is opened (xlsx sheets are built one at a time: see
    :func:`check_sheet`)."""
    if file_format not in ("xls", "ods"):
        return
    try:
        names = _xls_sheet_names(data) if file_format == "xls" else _ods_sheet_names(data)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, zlib.error,
            CfbError, struct.error, IndexError, RuntimeError, NotImplementedError):
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


def measure_sheet(data: bytes, file_format: str, sheet: str) -> Extent | None:
    try:
        if file_format in ("xlsx", "xlsm"):
            return _xlsx_extent(data, sheet)
        if file_format == "ods":
            return _ods_extent(data, sheet)
        if file_format == "xls":
            return _xls_extent(data, sheet)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, zlib.error,
            CfbError, struct.error, IndexError, RuntimeError, NotImplementedError):
        return None
    return None


# --- xlsx ----------------------------------------------------------------------------------------

_SHEET_ELEMENT = re.compile(rb"<(?:[\w.-]+:)?sheet\b([^>]*)>")
_ATTRIBUTE = re.compile(rb"([\w.:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_RELATIONSHIP = re.compile(rb"<(?:[\w.-]+:)?Relationship\b([^>]*)>")
_SMALL_PART = 32 * 1024 * 1024


def _attributes(text: bytes) -> dict[bytes, bytes]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _ATTRIBUTE.finditer(text)}


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


def _inflated(archive: zipfile.ZipFile, member: str) -> Iterator[bytes]:
    """The member's bytes in pieces of a few hundred KB (inflated here, not by zipfile)."""
    info = archive.getinfo(member)
    if info.compress_type != zipfile.ZIP_DEFLATED:
        with archive.open(info) as stream:
            while piece := stream.read(1 << 18):
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
    while remaining > 0:
        compressed = fp.read(min(_CHUNK, remaining))
        if not compressed:
            break
        remaining -= len(compressed)
        piece = inflater.decompress(compressed)
        if piece:
            yield piece
    tail = inflater.flush()
    if tail:
        yield tail


class _Irregular(Exception):
    """The fast scan met a form it does not judge: the exact scan takes over."""


def _xlsx_extent(data: bytes, sheet: str) -> Extent | None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        member = _xlsx_sheet_part(archive, sheet)
        if member is None:
            return None
        try:
            return _fast_xlsx(_inflated(archive, member))
        except _Irregular:
            return _exact_xlsx(_inflated(archive, member))


@dataclass
class _Bounds:
    """Rows and columns up to which a canonical reference is "near" (no match needed)."""

    letters: int  # a column reference of more letters is far
    first_letter: int  # ... as is one of exactly ``letters`` letters starting after this letter
    digits: int  # a row of more digits is far
    first_digit: int  # ... as is one of exactly ``digits`` digits starting above this digit

    @classmethod
    def covering(cls, row: int, column: int) -> _Bounds:
        letters = column_letters(max(column, 1))
        digits = str(max(row, 1))
        return cls(len(letters), ord(letters[0]), len(digits), int(digits[0]))

    @property
    def rows(self) -> int:
        return (self.first_digit + 1) * 10 ** (self.digits - 1) - 1

    @property
    def columns(self) -> int:
        return column_number(bytes([self.first_letter]) + b"Z" * (self.letters - 1))

    def pattern(self) -> re.Pattern[bytes]:
        """``<c`` not followed by `` r="REF"`` with REF within these bounds (this also finds
        ``<col`` and other elements that start so, which the caller skips)."""
        a, d = self.letters, self.digits
        last = chr(self.first_letter)
        letters = f"[A-{last}]" + (f"[A-Z]{{{a - 1}}}" if a > 1 else "")
        if a > 1:
            letters = f"(?:[A-Z]{{1,{a - 1}}}|{letters})"
        digits = f"[1-{self.first_digit}]" + (f"\\d{{{d - 1}}}" if d > 1 else "")
        if d > 1:
            digits = f"(?:[1-9]\\d{{0,{d - 2}}}|{digits})"
        return re.compile(f'<c(?! r="{letters}{digits}")'.encode())


_CELL_OPEN = re.compile(rb'<c r="([A-Za-z]+)(\d+)"[^>]*?(/?)>')
_VALUE_CHILD = re.compile(rb"<(?:[\w.-]+:)?(?:v|is)[\s>/]")
_CELL_CLOSE = re.compile(rb"</(?:[\w.-]+:)?c\s*>")


def _fast_xlsx(pieces: Iterator[bytes]) -> Extent:  # noqa: PLR0912, PLR0915 - one state machine
    """One search per piece for cells beyond the bounds seen so far; see the module docstring."""
    extent = Extent()
    bounds = _Bounds(1, 65, 1, 1)  # up to A1 ... grows with what is found
    pattern = bounds.pattern()
    carry = b""
    declared_checked = False
    for piece in pieces:
        buffer = carry + piece if carry else piece
        if not declared_checked:
            # The declared dimension is a hint for the first bounds (a lie only costs time).
            match = re.search(rb'<dimension ref="(?:[A-Z]+\d+:)?([A-Z]{1,3})(\d{1,7})"', buffer)
            if match or b"<sheetData" in buffer:
                declared_checked = True
                if match:
                    row, column = int(match.group(2)), column_number(match.group(1))
                    if row <= MAX_ROWS and column <= MAX_COLUMNS:
                        bounds = _Bounds.covering(row, column)
                        pattern = bounds.pattern()
        cut = buffer.rfind(b"<")
        if cut <= 0:
            carry = buffer
            continue
        position = 0
        while True:
            hit = pattern.search(buffer, position, cut)
            if hit is None:
                carry = buffer[cut:]
                break
            start = hit.start()
            head = _CELL_OPEN.match(buffer, start)
            if head is None:
                following = buffer[start + 2 : start + 3]
                if following.isalpha() or following == b"":  # <col, <cols, <cfRule ... not a cell
                    position = start + 2
                    continue
                raise _Irregular
            if head.group(3):  # <c r="..." .../>: empty
                position = head.end()
                continue
            close = _CELL_CLOSE.search(buffer, head.end())
            if close is None:  # the cell goes on in the next piece
                if start == 0:
                    raise _Irregular  # one cell larger than a piece
                carry = buffer[start:]
                break
            position = close.end()
            if _VALUE_CHILD.search(buffer, head.end(), close.start()) is None:
                continue
            row, column = int(head.group(2)), column_number(head.group(1))
            extent.add(row, column)
            if row > MAX_ROWS or column > MAX_COLUMNS:
                return extent  # refused anyway
            if row > bounds.rows or column > bounds.columns:
                bounds = _Bounds.covering(max(row, bounds.rows), max(column, bounds.columns))
                pattern = bounds.pattern()
    # Every other cell was within the bounds: the block is at most bounds.rows x bounds.columns.
    if bounds.rows * bounds.columns <= BOX_FLOOR:
        extent.last_row = max(extent.last_row, 1)
        extent.last_column = max(extent.last_column, 1)
        return extent
    raise _Irregular  # large: the exact scan counts the values for the ratio


_ELEMENT = re.compile(rb"<(/?)(?:[\w.-]+:)?(row|c|v|is|sheetData)\b([^>]*?)(/?)>")
_R_ATTRIBUTE = re.compile(rb"""(?:^|\s)r\s*=\s*["']([^"']*)["']""")


def _exact_xlsx(pieces: Iterator[bytes]) -> Extent:  # noqa: PLR0912, PLR0915 - one state machine
    """Element by element, with calamine's rules for positions and values."""
    extent = Extent()
    row_index = 0  # 0-based, as calamine
    column_index = 0
    in_data = False
    in_cell = False
    cell_has_value = False
    cell_position = (0, 0)
    carry = b""
    for piece in pieces:
        buffer = carry + piece if carry else piece
        cut = buffer.rfind(b"<")
        if cut < 0:
            carry = buffer
            continue
        for match in _ELEMENT.finditer(buffer, 0, cut):
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
        carry = buffer[cut:]
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
        carry = b""
        for piece in pieces:
            buffer = carry + piece if carry else piece
            cut = buffer.rfind(b"<")
            if cut < 0:
                carry = buffer
                continue
            # Text inside cells shows as any element between the cell's open and close tags.
            position = 0
            for match in _ODS_ELEMENT.finditer(buffer, 0, cut):
                closing, name, attributes, empty = match.groups()
                between = buffer[position : match.start()]
                position = match.end()
                if cell is not None and b"<" in between:
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
            carry = buffer[cut:]
        return extent


# --- xls -----------------------------------------------------------------------------------------

_XLS_VALUE_RECORDS = {0x0203, 0x0204, 0x00FD, 0x027E, 0x0205, 0x0006, 0x00D6}
_XLS_MULRK, _XLS_DIMENSIONS, _XLS_BOUNDSHEET, _XLS_BOF, _XLS_EOF = 0xBD, 0x200, 0x85, 0x809, 0x0A


def _xls_boundsheets(data: bytes) -> tuple[bytes, list[tuple[str, int]]]:
    reader = _Reader(io.BytesIO(data), len(data))
    streams = {e.name for e in reader.entries if e.kind == 2}
    name = "Workbook" if "Workbook" in streams else "Book"
    stream = reader.read_stream(name, len(data))
    sheets = []
    position = 0
    while position + 4 <= len(stream):
        record, length = struct.unpack_from("<HH", stream, position)
        body = stream[position + 4 : position + 4 + length]
        if record == _XLS_BOUNDSHEET and len(body) >= 8:
            start = struct.unpack_from("<I", body)[0]
            count = body[6]
            if body[7] & 1:  # UTF-16
                title = body[8 : 8 + 2 * count].decode("utf-16-le", "replace")
            else:
                title = body[8 : 8 + count].decode("latin-1")
            sheets.append((title, start))
        if record == _XLS_EOF:
            break
        position += 4 + length
    return stream, sheets


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
        if record == _XLS_EOF:
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
            return Extent(values=extent.values, last_row=last_row, last_column=last_col,
                          far_cell=cell_reference(min(last_row, 1 << 32), last_col))
    return extent
