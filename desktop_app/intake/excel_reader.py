"""Workbooks (.xlsx .xlsm .xlsb .xls .ods) to rows of cells, through python-calamine.

Calamine never runs macros and reads cached formula results. ``skip_empty_area=False`` keeps row
and column numbers equal to Excel's (row 0 of the result is Excel row 1). Any error it raises is
turned into an :class:`IntakeError`; no traceback reaches the user.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import python_calamine as calamine

from desktop_app.errors import IntakeError, failure_to_report, is_rust_panic
from desktop_app.intake import extent
from desktop_app.intake.header import MergedRange, row_is_blank
from desktop_app.intake.model import SheetInfo
from desktop_app.zip_damage import ZIP_DAMAGE

# named, not starred in the except clause: mypy reads no starred exception tuple
_UNREADABLE_PARTS: tuple[type[Exception], ...] = (*ZIP_DAMAGE, KeyError, OSError)


@dataclass(frozen=True)
class SheetData:
    """A sheet's cells, row by row from Excel row 1, and its merged ranges."""

    rows: list[list[Any]]
    merged: tuple[MergedRange, ...]


def _wrap(error: BaseException, name: str) -> IntakeError:
    if isinstance(error, calamine.PasswordError):
        return IntakeError("intake.encrypted", file=name)
    if isinstance(error, (calamine.ZipError, calamine.XmlError)):
        return IntakeError("intake.corrupt", file=name, error=str(error) or type(error).__name__)
    if is_rust_panic(error):  # calamine stopped inside: its words may quote the file, not shown
        return IntakeError("intake.could-not-read", file=name, error="PanicException")
    return IntakeError("intake.could-not-read", file=name, error=str(error) or type(error).__name__)


def _reraise_unless_failure(error: BaseException) -> None:
    """Calamine's errors, and a Rust panic inside it (a BaseException), are the file's failure;
    anything else (an interrupt) goes on as it is."""
    if not failure_to_report(error):
        raise error


_NO_FORMAT = "Cannot detect file format"
"""What calamine says when it parses bytes and every format's reader failed (it drops their
errors). Sniffing already found a workbook container, so the file is damaged or encrypted."""


def _unreadable_bytes(data: bytes, name: str) -> IntakeError:
    """Calamine's readers all failed on these bytes: an encrypted OpenDocument file (its manifest
    lists encryption data), else a damaged workbook."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("META-INF/manifest.xml")
            if info.file_size <= 1024 * 1024 and b"encryption-data" in archive.read(info):
                return IntakeError("intake.encrypted", file=name)
    except _UNREADABLE_PARTS:
        pass
    return IntakeError("intake.corrupt", file=name, error="its parts cannot be read as a workbook")


@contextmanager
def open_workbook(path: Path, data: bytes | None = None) -> Iterator[calamine.CalamineWorkbook]:
    """The workbook, opened read-only; calamine's errors become :class:`IntakeError`.

    With ``data`` (the file's bytes, read once by the caller and fingerprinted) calamine parses
    those bytes and never opens ``path``, which then only names the file in messages.
    """
    try:
        if data is None:
            workbook = calamine.CalamineWorkbook.from_path(str(path))
        else:
            workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except BaseException as error:  # calamine raises its own and plain ValueError/OSError
        _reraise_unless_failure(error)
        if data is not None and str(error) == _NO_FORMAT:
            raise _unreadable_bytes(data, path.name) from error
        raise _wrap(error, path.name) from error
    data = None  # calamine holds its own copy: ours is not kept while the sheet is read
    try:
        yield workbook
    finally:
        workbook.close()


def sheet_infos(workbook: calamine.CalamineWorkbook, name: str) -> tuple[SheetInfo, ...]:
    try:
        metadata = workbook.sheets_metadata
    except BaseException as error:
        _reraise_unless_failure(error)
        raise _wrap(error, name) from error
    return tuple(
        SheetInfo(
            name=m.name,
            hidden=m.visible == calamine.SheetVisibleEnum.Hidden,
            very_hidden=m.visible == calamine.SheetVisibleEnum.VeryHidden,
            is_worksheet=m.typ == calamine.SheetTypeEnum.WorkSheet,
        )
        for m in metadata
    )


def choose_sheet(sheets: tuple[SheetInfo, ...], wanted: str | None, name: str) -> SheetInfo:
    """The sheet asked for (exact name, else a unique case-insensitive match), or the first visible
    worksheet."""
    if not sheets:
        raise IntakeError("intake.workbook-empty", file=name)
    available = [s.name for s in sheets]
    if wanted is None:
        for sheet in sheets:
            if sheet.is_worksheet and not (sheet.hidden or sheet.very_hidden):
                return sheet
        raise IntakeError("intake.no-visible-worksheet", file=name, sheets=available)
    chosen = next((s for s in sheets if s.name == wanted), None)
    if chosen is None:
        folded = [s for s in sheets if s.name.strip().casefold() == wanted.strip().casefold()]
        chosen = folded[0] if len(folded) == 1 else None
    if chosen is None:
        raise IntakeError("intake.sheet-not-found", file=name, sheet=wanted, available=available)
    if not chosen.is_worksheet:
        raise IntakeError("intake.not-a-worksheet", file=name, sheet=chosen.name)
    return chosen


def _rows_from_a1(sheet: calamine.CalamineSheet) -> list[list[Any]]:
    """All rows from A1, like ``to_python(skip_empty_area=False)``, but built in a Python loop over
    ``iter_rows()``: ``to_python`` holds the GIL for its whole run (~0.3 s for 200,000 rows), which
    froze the wizard's window; between loop iterations the GUI thread gets its turn.

    Where ``iter_rows`` starts (it skips leading empty columns, and in some versions leading empty
    rows) is worked out from the sheet's last cell, so row and column numbers stay exact.
    """
    rows: list[list[Any]] = []
    append = rows.append
    for row in sheet.iter_rows():
        append(row)
    end = sheet.end
    if not rows or end is None:
        return rows
    first_row = end[0] - len(rows) + 1
    first_column = end[1] - len(rows[0]) + 1
    if first_column > 0:
        pad = [""] * first_column
        rows = [pad + row for row in rows]
    if first_row > 0:
        width = len(rows[0])
        rows = [[""] * width for _ in range(first_row)] + rows
    return rows


def read_sheet(workbook: calamine.CalamineWorkbook, sheet: str, name: str) -> SheetData:
    try:
        calamine_sheet = workbook.get_sheet_by_name(sheet)
        rows = _rows_from_a1(calamine_sheet)
        merged = calamine_sheet.merged_cell_ranges or []
    except BaseException as error:
        _reraise_unless_failure(error)
        raise _wrap(error, name) from error
    return SheetData(rows, tuple(merged))


def sheets_with_data(
    workbook: calamine.CalamineWorkbook,
    sheets: tuple[SheetInfo, ...],
    data: bytes | None = None,
    file_format: str = "",
) -> list[str]:
    """Names of the other worksheets that hold anything (only asked when the chosen one is empty).

    With the workbook's bytes, each sheet is pre-checked (:mod:`extent`) before calamine builds it:
    a sheet with a stray far cell is not suggested (building it would abort the process).
    """
    found = []
    for sheet in sheets:
        if not sheet.is_worksheet:
            continue
        try:
            if data is not None:
                extent.check_sheet(data, file_format, sheet.name, "")
            rows = workbook.get_sheet_by_name(sheet.name).to_python(nrows=200)
        except BaseException as error:  # a sheet that cannot be read simply is not suggested
            _reraise_unless_failure(error)
            continue
        if any(not row_is_blank(row) for row in rows):
            found.append(sheet.name)
    return found
