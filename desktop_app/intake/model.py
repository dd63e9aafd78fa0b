"""What intake hands on: a table of text cells that remembers where every cell came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from desktop_app.intake.fingerprint import SourceFingerprint
from desktop_app.messages import Message


def column_letter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA' (Excel's column names)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


@dataclass(frozen=True)
class CellOrigin:
    """Where a value came from: sheet (None for CSV), Excel row number (1-based) and column letter."""

    sheet: str | None
    row: int
    column: str

    def __str__(self) -> str:
        cell = f"{self.column}{self.row}"
        return f"{self.sheet}!{cell}" if self.sheet else cell


@dataclass(frozen=True)
class SheetInfo:
    """One sheet of a workbook, as listed to the user before reading."""

    name: str
    hidden: bool = False
    very_hidden: bool = False
    is_worksheet: bool = True


@dataclass(frozen=True, eq=False)
class RawTable:
    """Every cell as text, column by column, with its origin.

    - ``columns[j][i]`` is the text of data row ``i`` in column ``j``; an empty cell is ``""``.
      Numbers are written without a spurious ``.0`` (``123456782``, ``1.5``); date cells as ISO
      ``YYYY-MM-DD`` (``YYYY-MM-DDTHH:MM:SS`` when they carry a time); booleans ``TRUE``/``FALSE``.
      Formula cells hold their cached value. Text is kept exactly, leading zeros included.
    - ``rows[i]`` is the Excel row number (CSV: record number, header = its own number) of data row ``i``.
      Data rows run from the row below the header to the last non-empty row; blank rows in between
      are kept (validation reports them).
    - ``headers`` are unique and never empty: an empty header becomes ``"(C)"`` (its column letter),
      a repeated one gets ``" (C)"`` appended. ``raw_headers`` keeps the text as found (merged header
      cells filled); :meth:`duplicate_columns` tells which columns share a name.
    """

    source: Path
    file_format: str  # "xlsx", "xlsm", "xls", "ods", "csv"
    sheet: str | None  # None for CSV
    sheets: tuple[SheetInfo, ...]
    header_row: int  # Excel row number of the header
    headers: tuple[str, ...]
    raw_headers: tuple[str, ...]
    column_letters: tuple[str, ...]
    rows: np.ndarray  # int64 Excel row numbers, one per data row
    columns: tuple[np.ndarray, ...]  # object arrays of str, one per column, len == len(rows)
    title_lines: tuple[str, ...] = ()  # text found above the header (report titles)
    date_system: int = 1900  # 1900 or 1904: how to read an Excel serial typed as a number
    encoding: str | None = None  # CSV only
    delimiter: str | None = None  # CSV only
    notes: tuple[Message, ...] = field(default_factory=tuple)  # e.g. "hidden sheets present"
    # SHA-256 and size of exactly the bytes parsed (None: a table not read from a file)
    fingerprint: SourceFingerprint | None = None
    # False: no row looked like a header (a headerless export). Then ``header_row`` is 0, the data
    # starts in ``rows[0]``, ``headers`` are the column letters ("(A)", "(B)", ...) and
    # ``raw_headers`` are empty: no value of the file is ever shown as a column name.
    header_found: bool = True

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_columns(self) -> int:
        return len(self.columns)

    @property
    def data_start(self) -> int:
        """Row number of the first data row (the row below the header when there are none)."""
        return int(self.rows[0]) if len(self.rows) else self.header_row + 1

    def duplicate_columns(self) -> tuple[tuple[int, ...], ...]:
        """Column indexes that share a header (as the officer reads it: case and spacing aside),
        one group per repeated name, in column order."""
        groups: dict[str, list[int]] = {}
        for index, text in enumerate(self.raw_headers):
            key = " ".join(text.split()).casefold()
            if key:
                groups.setdefault(key, []).append(index)
        return tuple(tuple(g) for g in groups.values() if len(g) > 1)

    def column_index(self, header: str) -> int:
        """Index of the column with this (unique) header; ValueError if absent."""
        return self.headers.index(header)

    def column(self, header: str) -> np.ndarray:
        return self.columns[self.column_index(header)]

    def origin(self, row_index: int, column_index: int) -> CellOrigin:
        return CellOrigin(self.sheet, int(self.rows[row_index]), self.column_letters[column_index])

    def location(self, column_index: int | None = None) -> str:
        """'file.xlsx, sheet Personeel, column C' style prefix, language-neutral."""
        parts = [self.source.name]
        if self.sheet:
            parts.append(self.sheet)
        if column_index is not None:
            parts.append(self.column_letters[column_index])
        return " › ".join(parts)

    def preview(self, n: int = 5) -> list[list[str]]:
        """The first ``n`` data rows, row-wise, for display."""
        return [[str(col[i]) for col in self.columns] for i in range(min(n, self.n_rows))]
