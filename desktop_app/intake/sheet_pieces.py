"""A large xlsx sheet read by calamine in pieces, side by side on the machine's cores.

Why: calamine parses a sheet on one core, and goes through its XML twice: once for the cells, and
once more to the end looking for ``<mergeCells>`` (python-calamine asks for the merged ranges with
every sheet). For the 200,000-row benchmark that was 1.39 s of a 3.0 s ``check``, with the second
core idle.

How: the pre-check (:mod:`extent`) has inflated the sheet's XML already and keeps it when asked.
Its rows are cut into pieces just before a ``<row `` that follows a ``</row>``. Each piece becomes
a small workbook of its own, in memory and stored (not deflated): the package parts calamine reads
when it opens a workbook (content types, relationships, workbook, styles, shared strings ...), and
the sheet's XML with the piece's rows between the sheet's own head and tail. Calamine reads the
pieces on as many threads (it releases the GIL while it parses), and their cells are put back
together, column by column, where calamine placed them (:meth:`Grid.from_placed`).

Calamine's search for merged ranges stops at the first ``<mergeCells>``, and its cell reader passes
over anything before ``<sheetData>``: so each piece carries an empty ``<mergeCells/>`` just before
its ``<sheetData>``, and its XML is gone through once instead of twice. The merged ranges come
from one more small workbook, the *frame*: the sheet's XML without its rows, which calamine goes
through as it would through the whole sheet, with every error it would raise after the rows.

The same cells, merged ranges and errors as one parse, because these conditions hold, or the
pieces are not used:

- the fast scan went through the whole sheet (:class:`extent.SheetXml`): every cell has an ``r``
  reference, so a cell's place never depends on the cells before it, and its value depends only on
  its own element, the shared strings, the styles and the workbook's date system, which every
  piece carries; the XML's size and CRC-32 are the zip's (calamine checks them on the original, a
  stored copy carries fresh ones);
- between ``<sheetData>`` and ``</sheetData>`` there is no comment, CDATA section, processing
  instruction, ``<mergeCells`` or second ``<sheetData``, and no earlier ``</sheetData``: so a
  ``</row><row `` there can only be the boundary between two rows, and each piece's rows are
  exactly what calamine would read there; the head holds no comment or DTD, and ``<sheetData>``
  no attributes (its schema has none), so the head ends where it is written;
- no piece closes more elements than it opens (counted by the scan): calamine reads each piece
  from the depth the rows start at, and the whole sheet from wherever the rows before left it,
  so a close tag too many is an error in both or in neither;
- the pieces' cells come out in order and apart: each piece's last row lies above the next
  piece's first (rows written out of order give ``None``).

Otherwise, or when calamine fails on any piece or the frame, :func:`read_in_pieces` gives ``None``
and the caller reads the sheet in one go: calamine's own verdict (an error, for a damaged part)
stands. Each condition has a test that fails without it (tests/test_intake_sheet_pieces.py).

A piece is at most :data:`MAX_PIECE_BYTES` of XML, and there are as many as a multiple of the
workers: turning one into Python rows (one C call that holds the GIL) stays short for a window
drawn meanwhile (~25 ms for 50,000 rows), and so does the memory of the copies calamine makes.

Figures, 2 cores, the benchmark's 200,000 rows (106 MB of XML, inline strings), from the kept XML
to the grid: 1.67 s read whole, 0.91 s in four pieces; an Excel-style copy with shared strings
(83 MB): 1.50 s against 1.13 s. ``benchmarks/intake.py`` times the whole ``check``.
"""

from __future__ import annotations

import io
import itertools
import os
import zipfile
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import python_calamine as calamine

from desktop_app.errors import failure_to_report
from desktop_app.intake.extent import SheetXml
from desktop_app.intake.header import MergedRange
from desktop_app.intake.table import Grid

MIN_SHEET_BYTES = 8 * 1024 * 1024
"""Smaller sheets are read in one go: packing pieces would cost about what it saves."""
MAX_SHEET_BYTES = 256 * 1024 * 1024
"""Larger sheets (~500,000 rows) are read in one go: their XML is not kept in memory."""
MAX_PIECE_BYTES = 32 * 1024 * 1024
MAX_PARTS_BYTES = 64 * 1024 * 1024
"""The other parts every piece carries (shared strings above all): more, and one parse is kept."""
MAX_WORKERS = 4

_ROWS_OPEN = b"<sheetData>"
_ROWS_CLOSE = b"</sheetData>"
_BOUNDARY = b"</row><row "
_NO_MERGES = b"<mergeCells/>"


def parse_workers() -> int:
    """Threads for calamine: the cores this process may run on, at most :data:`MAX_WORKERS`."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


@dataclass(frozen=True)
class _Cut:
    """The sheet's XML and where its rows are cut: piece ``i`` holds ``xml[cuts[i]:cuts[i+1]]``."""

    xml: bytearray
    data_at: int  # where <sheetData> starts
    close_at: int  # where </sheetData> starts
    cuts: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.cuts) - 1

    def piece(self, number: int) -> list[bytes | memoryview]:
        """The XML of piece ``number``: the head, no merged ranges, ``<sheetData>``, the piece's
        rows, the tail."""
        view = memoryview(self.xml)
        return [
            view[: self.data_at],
            _NO_MERGES + _ROWS_OPEN,
            view[self.cuts[number] : self.cuts[number + 1]],
            view[self.close_at :],
        ]

    def frame(self) -> list[bytes | memoryview]:
        """The sheet's XML without its rows: calamine goes through it to the end (or its first
        ``<mergeCells>``) for the merged ranges, as it would through the whole sheet."""
        view = memoryview(self.xml)
        return [view[: self.data_at], _ROWS_OPEN, view[self.close_at :]]


def _cut(xml: SheetXml, workers: int) -> _Cut | None:
    """Where to cut this sheet's rows, or ``None`` when it is small or any condition fails."""
    text = xml.text
    if len(text) < MIN_SHEET_BYTES or workers < 2:
        return None
    close_at = _rows_end(text, xml)
    if close_at is None:
        return None
    rows_at = xml.data_at + len(_ROWS_OPEN)
    # a multiple of the workers: a last piece alone on one core would leave the other idle
    count = workers * -(-(close_at - rows_at) // (workers * MAX_PIECE_BYTES))
    cuts = [rows_at]
    for number in range(1, count):
        aim = rows_at + (close_at - rows_at) * number // count
        found = text.find(_BOUNDARY, max(aim, cuts[-1]), close_at)
        if found < 0:
            break
        cuts.append(found + len(b"</row>"))
    cuts.append(close_at)
    if len(cuts) < 3:
        return None  # no boundary to cut at (rows on lines of their own, say)
    # Each piece must close no more elements than it opens: calamine reads each piece from the
    # depth the rows start at, the whole sheet from wherever the rows before left it.
    depths = [xml.balance(at) for at in cuts]
    if any(later < earlier for earlier, later in itertools.pairwise(depths)):
        return None
    return _Cut(text, xml.data_at, close_at, tuple(cuts))


def _rows_end(text: bytearray, xml: SheetXml) -> int | None:
    """Where ``</sheetData>`` starts, if ``<sheetData>`` is plain and nothing but rows lies
    between (see the module's conditions)."""
    data_at = xml.data_at
    head = text[:data_at]
    if b"<!" in head or head.count(b"<?") > 1:
        return None  # a comment, DTD or second instruction before the rows
    if text[data_at : data_at + len(_ROWS_OPEN)] != _ROWS_OPEN:
        return None  # attributes, or <sheetData/>
    close_at = xml.markup_at  # the first mark after <sheetData> must be its end tag
    if text[close_at : close_at + len(_ROWS_CLOSE)] != _ROWS_CLOSE:
        return None
    return close_at


def _package_parts(data: bytes, member: str) -> list[tuple[str, bytes]] | None:
    """The parts calamine reads when it opens the workbook: those at the top, in ``_rels/``, in the
    workbook's folder and its ``_rels/`` (not the worksheets, drawings, media or macros); ``None``
    when they are too large or two share a name (which one calamine takes is not ours to guess)."""
    folder = member.split("/", 1)[0].lower() + "/" if "/" in member else ""
    parts: list[tuple[str, bytes]] = []
    total = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        if len({info.filename.lower() for info in infos}) != len(infos):
            return None
        for info in infos:
            lower = info.filename.lower()
            if info.filename == member or info.is_dir() or lower.endswith(".bin"):
                continue
            inside = lower.removeprefix(folder) if folder and lower.startswith(folder) else None
            top = "/" not in lower or lower.startswith("_rels/")
            if not (
                top or (inside is not None and ("/" not in inside or inside.startswith("_rels/")))
            ):
                continue
            total += info.file_size
            if total > MAX_PARTS_BYTES:
                return None
            parts.append((info.filename, archive.read(info)))
    return parts


def _is_shared_strings(name: str) -> bool:
    return name.lower().rsplit("/", 1)[-1] == "sharedstrings.xml"


def _package(
    parts: list[tuple[str, bytes]], member: str, xml: list[bytes | memoryview]
) -> io.BytesIO:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_STORED) as archive:
        for name, body in parts:
            archive.writestr(name, body)
        size = sum(len(piece) for piece in xml)
        with archive.open(zipfile.ZipInfo(member), "w", force_zip64=size > 0x7FFF0000) as sheet:
            for piece in xml:
                sheet.write(piece)
    stream.seek(0)
    return stream


def _read_piece(
    parts: list[tuple[str, bytes]], member: str, xml: list[bytes | memoryview], sheet: str
) -> calamine.CalamineSheet:
    stream = _package(parts, member, xml)
    del xml
    workbook = calamine.CalamineWorkbook.from_filelike(stream)
    del stream  # calamine holds its own copy until the workbook is closed
    try:
        return workbook.get_sheet_by_name(sheet)
    finally:
        workbook.close()


@dataclass(frozen=True)
class PieceRead:
    """The sheet's cells from A1 (as :func:`excel_reader.read_sheet` gives them) and its merged
    ranges, read in ``pieces`` pieces."""

    grid: Grid
    merged: tuple[MergedRange, ...]
    pieces: int


def read_in_pieces(
    data: bytes, xml: SheetXml, sheet: str, workers: int | None = None
) -> PieceRead | None:
    """The sheet read in pieces on ``workers`` threads, or ``None``: read it in one go."""
    workers = parse_workers() if workers is None else workers
    cut = _cut(xml, workers)
    if cut is None:
        return None
    try:
        parts = _package_parts(data, xml.member)
    except Exception:  # a part zipfile cannot read (damaged, encrypted, odd compression) ...
        return None  # ... is for calamine to report on the original
    if parts is None:
        return None

    # the frame first (it needs no shared strings: it holds no cells), then the pieces
    frame_parts = [(name, body) for name, body in parts if not _is_shared_strings(name)]

    def read(number: int) -> calamine.CalamineSheet:
        if number == 0:
            return _read_piece(frame_parts, xml.member, cut.frame(), sheet)
        return _read_piece(parts, xml.member, cut.piece(number - 1), sheet)

    with ThreadPoolExecutor(min(workers, cut.count), thread_name_prefix="sheet-piece") as pool:
        futures = _submitted(pool, 1 + cut.count, read, workers)
        try:
            placed = _placed(futures)
        finally:
            futures.close()
    if placed is None or not placed[0]:
        return None  # a piece failed, or nothing holds a value: the one parse tells
    blocks, merged = placed
    last_row = blocks[-1][0] + len(blocks[-1][2])
    width = max(column + len(rows[0]) for _, column, rows in blocks)
    return PieceRead(Grid.from_placed(blocks, last_row, width), merged, cut.count)


_Block = tuple[int, int, list[list[Any]]]


def _placed(
    futures: Iterator[Future[calamine.CalamineSheet]],
) -> tuple[list[_Block], tuple[MergedRange, ...]] | None:
    """The frame's merged ranges (the first future), then each piece's rows where calamine placed
    them; ``None`` when any fails or the pieces' rows overlap."""
    blocks: list[_Block] = []
    try:
        frame = next(futures).result()
        merged = tuple(frame.merged_cell_ranges or ())
    except BaseException as error:  # any failure, a Rust panic too: the one parse decides
        if not failure_to_report(error):
            raise
        return None
    if frame.start is not None:
        return None  # cells outside the rows: never, but then not the pieces' to place
    del frame
    for future in futures:
        try:
            piece = future.result()
            start = piece.start
            rows = piece.to_python(skip_empty_area=True) if start is not None else []
        except BaseException as error:  # any failure, a Rust panic too: the one parse decides
            if not failure_to_report(error):
                raise
            return None
        del piece
        if start is None or not rows:
            continue
        if blocks and blocks[-1][0] + len(blocks[-1][2]) > start[0]:
            return None  # rows out of order: the pieces overlap
        blocks.append((start[0], start[1], rows))
    return blocks, merged


def _submitted(
    pool: ThreadPoolExecutor, count: int, read: Callable[[int], calamine.CalamineSheet], ahead: int
) -> Generator[Future[calamine.CalamineSheet], None, None]:
    """The ``count`` pieces' futures in order, at most ``ahead`` + 1 submitted and not yet taken
    (so parsed pieces never pile up in memory); those not taken are cancelled when the caller
    stops."""
    pending: list[Future[calamine.CalamineSheet]] = []
    following = 0
    try:
        while following < count or pending:
            while following < count and len(pending) <= ahead:
                pending.append(pool.submit(read, following))
                following += 1
            yield pending.pop(0)
    finally:
        for future in pending:
            future.cancel()
