"""The ``check`` step as one call: read the file, map its columns, validate. Used by the CLI and,
through a worker thread, by the wizard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping as MappingType
from dataclasses import dataclass, field, replace
from pathlib import Path

from desktop_app.categories import is_derivable
from desktop_app.errors import AppError, UsageError
from desktop_app.intake import RawTable, list_sheets, read_table
from desktop_app.intake.fingerprint import SourceFingerprint, ensure_unchanged, fingerprint_file
from desktop_app.mapping import BreakdownColumn, ColumnSuggestion, Mapping
from desktop_app.mapping.breakdown_columns import ensure_breakdowns
from desktop_app.mapping.model import derived_header, is_derived_header
from desktop_app.mapping.start import starting_mapping
from desktop_app.mapping.store import load_mapping
from desktop_app.mapping.suggest import duplicate_header_notes
from desktop_app.profiles import Programme, load_programme_by_id
from desktop_app.validation import ValidationResult, validate


@dataclass(frozen=True)
class CheckOptions:
    programme_id: str
    sheet: str | None = None
    header_row: int | None = None
    mapping_path: Path | None = None
    mapping: Mapping | None = None  # a saved mapping already in memory (from a draft); wins
    # source headers the user marks as breakdowns, or "=age" / "=entry_year" (derived from a date)
    breakdowns: tuple[str, ...] = ()
    peildatum: dt.date | None = None  # default: today
    population: MappingType[str, bool] = field(default_factory=dict)
    # The fingerprint of the file as it was checked before (a draft's): refused when the bytes read
    # now differ (SourceChanged), before anything is mapped or validated. None: nothing to compare.
    expected_fingerprint: SourceFingerprint | None = None


@dataclass(frozen=True, eq=False)
class CheckResult:
    source: Path
    programme: Programme
    table: RawTable
    mapping: Mapping
    mapping_origin: str  # "suggested" or "file"
    suggestions: tuple[ColumnSuggestion, ...]
    possible_breakdowns: tuple[BreakdownColumn, ...]
    validation: ValidationResult
    peildatum: dt.date

    @property
    def fingerprint(self) -> SourceFingerprint | None:
        """SHA-256 and size of exactly the bytes that were read and checked."""
        return self.table.fingerprint

    @property
    def exit_code(self) -> int:
        """0: no errors; 1: errors found (2, unusable input, is raised as an AppError)."""
        return 1 if self.validation.has_errors else 0


def header_hints(programme: Programme) -> list[str]:
    """Header spellings the programme knows: they help find the header row under title rows."""
    hints: list[str] = []
    for employee_field in programme.employee_fields:
        hints += employee_field.synonyms
    for breakdown in programme.breakdowns:
        hints += breakdown.synonyms
    return hints


def derived_breakdown_headers(programme: Programme) -> list[str]:
    """The headers (``=age``, ``=entry_year``) of the breakdowns the programme lets the app derive
    from a mapped date, in profile order."""
    return [
        derived_header(b.id) for b in programme.breakdowns if b.derived_from and is_derivable(b.id)
    ]


def run_check(path: Path, options: CheckOptions) -> CheckResult:
    """Read + map + validate. Raises an AppError (exit code 2) when the input cannot be used."""
    programme = load_programme_by_id(options.programme_id)
    saved = options.mapping or (
        load_mapping(options.mapping_path) if options.mapping_path else None
    )
    hints = header_hints(programme)
    sheet = options.sheet
    expected = options.expected_fingerprint
    try:
        if saved:
            # The saved sheet and headers are hints: next year's export may name its sheet
            # otherwise or drop the title rows, and the header row is found again from them.
            hints = [*saved.used_headers, *hints]
            if sheet is None and saved.sheet in {s.name for s in list_sheets(path)}:
                sheet = saved.sheet
        table = read_table(path, sheet=sheet, header_row=options.header_row, header_hints=hints)
    except AppError:
        if expected is not None:  # a checked file that no longer reads: say that it changed
            ensure_unchanged(Path(path).name, expected, fingerprint_file(Path(path)))
        raise
    ensure_unchanged(Path(path).name, expected, table.fingerprint)
    derivable = derived_breakdown_headers(programme)
    missing = [
        h
        for h in options.breakdowns
        if (h not in derivable if is_derived_header(h) else h not in table.headers)
    ]
    if missing and not table.header_found:  # no column names to offer: never a row of data
        raise UsageError(
            "cli.breakdown-not-found-no-header",
            columns=missing,
            file=table.source.name,
            row=table.data_start,
        )
    if missing:
        raise UsageError(
            "cli.breakdown-not-found", columns=missing, available=[*table.headers, *derivable]
        )
    # the one rule both faces share: a saved mapping that no longer fits is refused (MappingError)
    start = starting_mapping(table, programme, saved, options.breakdowns, every_column=False)
    mapping = start.mapping
    # names, personal numbers and dates, and mostly distinct columns are never breakdowns (those
    # asked for first, then the saved mapping's)
    chosen = dict.fromkeys([*options.breakdowns, *(b.header for b in mapping.breakdowns)])
    ensure_breakdowns(table, programme, chosen, start.unfit)
    suggestions = () if saved else start.suggestions
    possible = start.possible
    peildatum = options.peildatum or dt.date.today()
    validation = validate(table, programme, mapping, peildatum, dict(options.population))
    duplicates = duplicate_header_notes(table, mapping, programme)
    if duplicates:
        validation = replace(validation, notes=(*duplicates, *validation.notes))
    return CheckResult(
        source=Path(path),
        programme=programme,
        table=table,
        mapping=mapping,
        mapping_origin="file" if saved else "suggested",
        suggestions=suggestions,
        possible_breakdowns=possible,
        validation=validation,
        peildatum=peildatum,
    )
