"""The intake API: list a file's sheets, read one as a :class:`RawTable`.

The source file is only ever opened for reading and never copied. Every failure is an
:class:`~desktop_app.errors.IntakeError` with a message in the user's language.

A sheet with a header but no data rows is not refused here: it gives a table with 0 rows, and
validation reports that there is no data to submit (it knows the programme's wording).
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from os import PathLike
from pathlib import Path

from desktop_app.errors import IntakeError
from desktop_app.intake import csv_reader, excel_reader, extent, sheet_pieces, sniff
from desktop_app.intake.fingerprint import SourceFingerprint
from desktop_app.intake.model import RawTable, SheetInfo
from desktop_app.intake.sniff import Detected, detect
from desktop_app.intake.table import Grid, Source, build_table, bulk_allocation
from desktop_app.messages import Message

_SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".xltx", ".xltm"}


def list_sheets(path: str | PathLike[str]) -> tuple[SheetInfo, ...]:
    """The sheets of a workbook in workbook order (hidden ones flagged); a CSV has none: ``()``."""
    source = Path(path)
    detected = detect(source)
    if detected.file_format == "csv":
        return ()
    data = _read_source(source)
    extent.check_workbook(data, detected.file_format, source.name)  # .xls/.ods: built when opened
    with excel_reader.open_workbook(source, data) as workbook:
        return excel_reader.sheet_infos(workbook, source.name)


def read_table(
    path: str | PathLike[str],
    sheet: str | None = None,
    header_row: int | None = None,
    header_hints: Iterable[str] = (),
) -> RawTable:
    """Read one sheet (default: the first visible worksheet) or a CSV as a table of text.

    ``header_row`` (Excel row or CSV record number, 1-based) overrides header detection;
    ``header_hints`` are known header spellings that help find the header under report titles.
    """
    source = Path(path)
    detected = detect(source)
    hints = tuple(header_hints)
    if detected.file_format == "csv":
        if sheet is not None:
            raise IntakeError("intake.csv-no-sheets", file=source.name, sheet=sheet)
        return _read_csv(detected, header_row, hints)
    return _read_workbook(detected, sheet, header_row, hints)


def _read_csv(detected: Detected, header_row: int | None, hints: tuple[str, ...]) -> RawTable:
    path = detected.path
    claims_workbook = path.suffix.lower() in _SPREADSHEET_SUFFIXES
    data = _read_source(path)
    fingerprint = SourceFingerprint.of(data)
    try:
        with bulk_allocation():
            grid, decoded, dialect = csv_reader.read_grid(path, data)
    except IntakeError as error:
        if claims_workbook and error.message.key in _NOT_TEXT_TABLE:
            # Named like a workbook, but neither a workbook nor a text table: damaged.
            raise IntakeError(
                "intake.corrupt", file=path.name, error="no ZIP or OLE2 workbook container"
            ) from error
        raise
    del data
    notes: tuple[Message, ...] = ()
    if claims_workbook:
        notes = (Message("intake.text-named-as-workbook", {"file": path.name}),)
    source = Source(
        path=path,
        file_format="csv",
        encoding=decoded.encoding,
        delimiter=dialect.delimiter,
        notes=notes,
    )
    with bulk_allocation():
        table = build_table(grid, source, header_row=header_row, hints=hints, all_text=True)
    return replace(table, fingerprint=fingerprint)


_NOT_TEXT_TABLE = {"intake.unknown-format", "intake.undecodable", "intake.not-tabular"}


def _read_workbook(
    detected: Detected, sheet: str | None, header_row: int | None, hints: tuple[str, ...]
) -> RawTable:
    path = detected.path
    name = path.name
    data = _read_source(path)
    extent.check_workbook(data, detected.file_format, name)  # .xls/.ods: built when opened
    with (
        excel_reader.open_workbook(path, data) as workbook,
        ThreadPoolExecutor(1, thread_name_prefix="fingerprint") as hashing,
    ):
        sheets = excel_reader.sheet_infos(workbook, name)
        chosen = excel_reader.choose_sheet(sheets, sheet, name)
        # Before calamine builds the sheet: a stray far cell would make it abort the process.
        # A large sheet's XML, inflated for that check, is kept to be read in pieces.
        workers = sheet_pieces.parse_workers()
        keep = sheet_pieces.MAX_SHEET_BYTES if workers > 1 else 0
        kept = extent.check_sheet(data, detected.file_format, chosen.name, name, keep_xml=keep)
        # hashlib and calamine's sheet parse both release the GIL: the fingerprint of the bytes
        # is taken on the other core while calamine parses (~35 ms off a 200,000-row check)
        hashed = hashing.submit(SourceFingerprint.of, data)
        raw = data  # calamine holds its own copy; ours only to pre-check other sheets
        del data
        with bulk_allocation():
            pieces = sheet_pieces.read_in_pieces(raw, kept, chosen.name, workers) if kept else None
            del kept
            if pieces:
                grid, merged = pieces.grid, pieces.merged
            else:
                sheet_data = excel_reader.read_sheet(workbook, chosen.name, name)
                merged = sheet_data.merged
                grid = Grid.from_rows(sheet_data.rows)
                del sheet_data  # the row lists; the grid holds the same cells by column
            del pieces
        if not grid.last_filled_row():
            others = [
                s
                for s in excel_reader.sheets_with_data(workbook, sheets, raw, detected.file_format)
                if s != chosen.name
            ]
            if others:
                raise IntakeError(
                    "intake.sheet-empty-others", file=name, sheet=chosen.name, others=others
                )
            raise IntakeError("intake.workbook-empty", file=name, sheet=chosen.name)
        del raw
    hidden = [
        s.name
        for s in sheets
        if (s.hidden or s.very_hidden) and s.is_worksheet and s.name != chosen.name
    ]
    notes = (Message("intake.hidden-sheets", {"file": name, "sheets": hidden}),) if hidden else ()
    source = Source(
        path=path,
        file_format=detected.file_format,
        sheet=chosen.name,
        sheets=sheets,
        date_system=1904 if detected.date1904 else 1900,
        notes=notes,
    )
    with bulk_allocation():
        table = build_table(grid, source, header_row=header_row, hints=hints, merged=merged)
    return replace(table, fingerprint=hashed.result())


def _read_source(path: Path) -> bytes:
    """The file's bytes, read once: what is fingerprinted is exactly what is parsed.

    Bounded by ``sniff.MAX_FILE_BYTES`` again here: the file may have grown since it was sniffed.
    """
    limit = sniff.MAX_FILE_BYTES
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        reason = error.strerror or str(error)
        raise IntakeError("intake.cannot-open", file=path.name, error=reason) from error
    if len(data) > limit:
        raise IntakeError(
            "intake.file-too-large",
            file=path.name,
            size_mb=len(data) // (1024 * 1024),
            limit_mb=limit // (1024 * 1024),
        )
    if not data:
        raise IntakeError("intake.file-empty", file=path.name)
    return data
