"""The long jobs the pages start in a worker: thin wrappers over the core's calls, with progress
steps and cancel points between them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping as MappingType
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop_app.check import header_hints
from desktop_app.intake import RawTable, SheetInfo, list_sheets, read_table
from desktop_app.mapping import Mapping
from desktop_app.profiles import Programme
from desktop_app.ui.workers import Worker
from desktop_app.validation import ValidationResult, validate


@dataclass(frozen=True)
class ReadOutcome:
    sheets: tuple[SheetInfo, ...]
    table: RawTable


@dataclass(frozen=True)
class CheckOutcome:
    table: RawTable
    validation: ValidationResult


def read_job(
    worker: Worker,
    path: Path,
    programme: Programme,
    sheet: str | None = None,
    header_row: int | None = None,
) -> ReadOutcome:
    """List the sheets and read one as a table (header row detected when not given)."""
    worker.progress(-1, QCoreApplication.translate("Jobs", "Opening the file…"))
    sheets = tuple(list_sheets(path))
    worker.check_cancelled()
    worker.progress(-1, QCoreApplication.translate("Jobs", "Reading the rows…"))
    table = read_table(
        path, sheet=sheet, header_row=header_row, header_hints=header_hints(programme)
    )
    worker.check_cancelled()
    return ReadOutcome(sheets, table)


def check_job(  # noqa: PLR0917 (called positionally by Worker)
    worker: Worker,
    table: RawTable | None,
    programme: Programme,
    mapping: Mapping,
    peildatum: dt.date,
    population: MappingType[str, bool],
    reread: Path | None = None,
) -> CheckOutcome:
    """Validate ``table``; with ``reread``, read the file again first (same sheet and header row)."""
    if reread is not None or table is None:
        worker.progress(-1, QCoreApplication.translate("Jobs", "Reading the rows…"))
        table = read_table(
            reread,
            sheet=mapping.sheet,
            header_row=mapping.header_row,
            header_hints=header_hints(programme),
        )
        worker.check_cancelled()
    worker.progress(-1, QCoreApplication.translate("Jobs", "Checking the data…"))
    result = validate(table, programme, mapping, peildatum, dict(population))
    worker.check_cancelled()
    return CheckOutcome(table, result)
