"""Rows of cells (from a sheet or a CSV) to a :class:`RawTable`: header, data rows, text columns."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path
from typing import Any

import numpy as np

from desktop_app.errors import IntakeError
from desktop_app.intake.cells import cell_text, column_text
from desktop_app.intake.header import (
    SCAN_ROWS,
    MergedRange,
    filled_with_merges,
    find_header,
    is_blank,
    only_lines_of_text,
    row_is_blank,
    unique_headers,
)
from desktop_app.intake.model import RawTable, SheetInfo, column_letter
from desktop_app.messages import Message

TRANSPOSE_ROWS = 8_192


@contextmanager
def bulk_allocation() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of small objects are made.

    The cells hold no reference cycles; without this the collector rescans the growing heap again
    and again (about 15% of the read time for a 200,000-row sheet).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Grid:
    """Cells held column by column (``columns[j][i]`` is row number ``i + 1``), read as rows."""

    def __init__(self, columns: Sequence[Sequence[Any] | np.ndarray], n_rows: int) -> None:
        self.columns = columns
        self.n_rows = n_rows

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[Any]]) -> Grid:
        """Transpose rows of equal length in C (numpy); ragged rows are padded with ``""``."""
        slices = _slices(rows)
        if slices is not None:
            width = slices[0].shape[1]
            return cls(
                [np.concatenate([piece[:, j] for piece in slices]) for j in range(width)],
                len(rows),
            )
        return cls(list(zip_longest(*rows, fillvalue="")), len(rows))

    @classmethod
    def from_placed(
        cls, blocks: Sequence[tuple[int, int, Sequence[Sequence[Any]]]], n_rows: int, width: int
    ) -> Grid:
        """Blocks of rows, each ``(first row, first column, rows)`` (0-based, in order and apart,
        rows of equal length within a block), placed in a grid of ``n_rows`` x ``width`` from A1;
        every cell no block covers is ``""``."""
        segments: list[list[np.ndarray]] = [[] for _ in range(width)]
        at = 0
        for first_row, first_column, rows in blocks:
            if first_row > at:
                for segment in segments:
                    segment.append(_blank(first_row - at))
            slices = _slices(rows) or [_padded(rows)]
            for piece in slices:
                blank = _blank(len(piece))
                for j, segment in enumerate(segments):
                    inside = first_column <= j < first_column + piece.shape[1]
                    segment.append(piece[:, j - first_column] if inside else blank)
            at = first_row + len(rows)
        return cls(
            [np.concatenate([*segment, _blank(n_rows - at)]) for segment in segments], n_rows
        )

    def __len__(self) -> int:
        return self.n_rows

    def __getitem__(self, index: int) -> list[Any]:
        if not 0 <= index < self.n_rows:
            raise IndexError(index)
        return [column[index] for column in self.columns]

    def head(self, n: int) -> list[list[Any]]:
        return [self[i] for i in range(min(n, self.n_rows))]

    def last_filled_row(self) -> int:
        end = self.n_rows
        while end and row_is_blank(self[end - 1]):
            end -= 1
        return end


def _slices(rows: Sequence[Sequence[Any]]) -> list[np.ndarray] | None:
    """Rows of equal length as 2-D object arrays of up to :data:`TRANSPOSE_ROWS` rows each (so
    that each C call is short and a GUI thread gets the GIL in between: one call over 200,000 rows
    held it for ~150 ms); ``None`` for ragged rows."""
    if not rows or len({len(row) for row in rows}) != 1:
        return None
    slices = [
        np.array(rows[start : start + TRANSPOSE_ROWS], dtype=object)
        for start in range(0, len(rows), TRANSPOSE_ROWS)
    ]
    return slices if all(piece.ndim == 2 for piece in slices) else None


def _padded(rows: Sequence[Sequence[Any]]) -> np.ndarray:
    """Ragged rows as one 2-D object array, short rows padded with ``""`` (cell by cell: a cell
    is never taken for a sequence)."""
    block = np.full((len(rows), max(map(len, rows), default=0)), "", dtype=object)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            block[i, j] = value
    return block


def _blank(n: int) -> np.ndarray:
    return np.full(max(n, 0), "", dtype=object)


@dataclass(frozen=True)
class Source:
    """Where the rows came from, passed through to the :class:`RawTable`."""

    path: Path
    file_format: str
    sheet: str | None = None
    sheets: tuple[SheetInfo, ...] = ()
    date_system: int = 1900
    encoding: str | None = None
    delimiter: str | None = None
    notes: tuple[Message, ...] = ()

    @property
    def where(self) -> str:
        return f"{self.path.name} › {self.sheet}" if self.sheet else self.path.name


def build_table(
    grid: Grid,
    source: Source,
    *,
    header_row: int | None = None,
    hints: Iterable[str] = (),
    merged: Sequence[MergedRange] = (),
    all_text: bool = False,
) -> RawTable:
    """``grid[i]`` is row number ``i + 1`` (Excel row or CSV record); blank trailing rows are dropped.

    ``header_row`` 0 says the table has no header row (the data starts where it is detected).
    Without ``header_row`` the header is detected; when no row looks like a header the table has
    none (``header_found`` False, columns named by their letters, a note says so).
    ``all_text`` says every cell is already ``str`` (CSV), which skips the type check.
    """
    end = grid.last_filled_row()
    found = True
    if header_row:
        if not 1 <= header_row <= max(end, 1):
            raise IntakeError(
                "intake.header-row-out-of-range",
                file=source.path.name,
                where=source.where,
                row=header_row,
                last=end,
            )
        index = header_row - 1
        if row_is_blank(grid[index]):
            raise IntakeError(
                "intake.header-row-empty", file=source.path.name, where=source.where, row=header_row
            )
    else:
        head = grid.head(min(end, SCAN_ROWS + 1))
        guess = find_header(head, hints, merged)
        if guess is None:  # the readers refuse blank sheets first; kept for direct callers
            raise IntakeError(
                "intake.workbook-empty", file=source.path.name, sheet=source.sheet or ""
            )
        if header_row is None and end <= SCAN_ROWS and only_lines_of_text(head):
            raise IntakeError(
                "intake.titles-only",
                file=source.path.name,
                where=source.where,
                lines=sum(not row_is_blank(row) for row in head),
            )
        index = guess.index
        found = guess.found and header_row is None

    width = len(grid.columns)
    first = index + 1 if found else index  # the first data row
    header_cells = filled_with_merges(grid, index, merged) if found else [""] * width

    raw_headers: list[str] = []
    kept: list[int] = []
    texts: list[np.ndarray] = []
    for j in range(width):
        header = cell_text(header_cells[j])
        values = grid.columns[j][first:end]
        if not header.strip() and all(is_blank(v) for v in values):
            continue  # an unnamed, empty column carries nothing
        raw_headers.append(header)
        kept.append(j)
        texts.append(_as_array(values) if all_text else column_text(values))

    title_lines = tuple(
        " ".join(cell_text(v).strip() for v in row if not is_blank(v))
        for row in grid.head(index)
        if not row_is_blank(row)
    )
    notes = source.notes
    if not found:
        notes = (
            *notes,
            Message(
                "intake.no-header-row",
                {"file": source.path.name, "where": source.where, "row": first + 1},
            ),
        )
    return RawTable(
        source=source.path,
        file_format=source.file_format,
        sheet=source.sheet,
        sheets=source.sheets,
        header_row=index + 1 if found else 0,
        headers=unique_headers(raw_headers, kept),
        raw_headers=tuple(raw_headers),
        column_letters=tuple(column_letter(j) for j in kept),
        rows=np.arange(first + 1, end + 1, dtype=np.int64),
        columns=tuple(texts),
        title_lines=title_lines,
        date_system=source.date_system,
        encoding=source.encoding,
        delimiter=source.delimiter,
        notes=notes,
        header_found=found,
    )


def _as_array(values: Sequence[Any] | np.ndarray) -> np.ndarray:
    if isinstance(values, np.ndarray) and values.dtype == object:
        return values
    return np.fromiter(values, dtype=object, count=len(values))
