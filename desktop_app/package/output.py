"""The programme's output file, exactly as its profile defines it, holding only what it needs.

Data minimisation is decided here, once:
- only rows inside the population (``ValidationResult.included``) are written;
- an identifier field is written only when it belongs to the identification key in use (with the
  BSN key, no birth date or address leaves the machine; with the address key, no BSN);
- internal fields (names, personnel numbers, raw salary) cannot be output columns at all (the
  profile loader refuses them);
- optional columns whose source is not there are left out, not written empty;
- breakdown columns carry category codes (the caller's categorised labels; missing -> unknown).
Text that a spreadsheet would run as a formula (``= + - @``, tab, CR at the start) is neutralised
with a leading apostrophe. The same input gives byte-identical output.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from desktop_app.categories.bands import UNKNOWN
from desktop_app.errors import AppError
from desktop_app.profiles.model import (
    BreakdownSource,
    ConstantSource,
    CountSource,
    FieldRole,
    FieldSource,
    OrganisationSource,
    OutputColumn,
    OutputFormat,
    PeildatumSource,
    Programme,
)
from desktop_app.text import strip_accents
from desktop_app.validation.model import ValidationResult

BREAKDOWN_PREFIX = "breakdown:"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class OutputError(AppError):
    """The output file cannot be made from these choices."""


@dataclass(frozen=True)
class OutputFile:
    name: str
    content: bytes
    columns: tuple[str, ...]
    rows: int


def neutralise_formula(text: str) -> str:
    """``=SUM(A1)`` -> ``'=SUM(A1)``: a spreadsheet shows it as text instead of running it."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def file_name(pattern: str, programme: Programme, organisation: str, peildatum: dt.date) -> str:
    slug = (
        re.sub(r"[^a-z0-9]+", "-", strip_accents(organisation).lower()).strip("-") or "organisatie"
    )
    return pattern.format(
        organisation=slug, peildatum=peildatum.isoformat(), programme=programme.id
    )


def _selected_columns(
    programme: Programme,
    validation: ValidationResult,
    breakdowns: Mapping[int, pd.Series],
    organisation_fields: Mapping[str, str],
) -> list[OutputColumn]:
    assert programme.output is not None
    key = next(
        (k for k in programme.identification_keys if k.id == validation.identification_key), None
    )
    key_fields = set(key.fields + key.optional_fields) if key else set()
    chosen: list[OutputColumn] = []
    for column in programme.output.columns:
        match column.source:
            case FieldSource(field=ref):
                field = programme.employee_field(ref)
                available = ref in validation.records.columns
                if field.role is FieldRole.IDENTIFIER and ref not in key_fields:
                    available = False  # data minimisation: only the key in use leaves the machine
            case BreakdownSource(number=number):
                available = number in breakdowns
            case OrganisationSource(field=ref):
                available = bool(organisation_fields.get(ref))
            case PeildatumSource() | ConstantSource() | CountSource():
                available = True
        if available:
            chosen.append(column)
        elif column.required:
            raise OutputError(
                "package.output-source-missing", column=column.name, source=str(column.source)
            )
    return chosen


def _missing(value: object) -> bool:
    return value is None or value == "" or bool(pd.isna(value))  # type: ignore[call-overload]  # pandas-stubs: no overload for object, isna takes any scalar


@dataclass(frozen=True)
class _Sources:
    records: pd.DataFrame
    breakdowns: Mapping[int, pd.Series]
    organisation_fields: Mapping[str, str]
    peildatum: dt.date


def _column_values(
    column: OutputColumn, sources: _Sources, date_format: str, decimal: str
) -> list[str]:
    records = sources.records
    match column.source:
        case PeildatumSource():
            return [sources.peildatum.strftime(column.format or date_format)] * len(records)
        case ConstantSource(value=value):
            return [value] * len(records)
        case OrganisationSource(field=ref):
            return [sources.organisation_fields[ref]] * len(records)
        case BreakdownSource(number=number):
            values = sources.breakdowns[number].reindex(records.index)
            return [UNKNOWN if _missing(v) else str(v) for v in values]
        case FieldSource(field=ref):
            return _field_values(records[ref], column, date_format, decimal)
        case CountSource():  # pragma: no cover - counted columns are filled by build_output
            raise AssertionError(column.name)


def _field_values(
    series: pd.Series, column: OutputColumn, date_format: str, decimal: str
) -> list[str]:
    if pd.api.types.is_datetime64_any_dtype(series):
        if column.part:
            parts = getattr(series.dt, column.part)
            return ["" if pd.isna(v) else str(int(v)) for v in parts]
        return ["" if pd.isna(v) else v.strftime(column.format or date_format) for v in series]
    if pd.api.types.is_float_dtype(series):
        return ["" if pd.isna(v) else f"{v:g}".replace(".", decimal) for v in series]
    return ["" if _missing(v) else str(v) for v in series]


def build_output(
    programme: Programme,
    validation: ValidationResult,
    peildatum: dt.date,
    organisation: str,
    *,
    breakdowns: Mapping[int, pd.Series] | None = None,
    organisation_fields: Mapping[str, str] | None = None,
) -> OutputFile:
    """The output file's bytes for the included rows.

    ``breakdowns[n]`` (1-based, as the profile's ``breakdown:n``, :class:`BreakdownSource`) holds each row's category code,
    indexed like ``validation.records`` (Excel row numbers).
    """
    if programme.output is None:
        raise OutputError("package.no-output", programme=programme.id)
    spec = programme.output
    breakdowns = dict(breakdowns or {})
    organisation_fields = dict(organisation_fields or {})
    if programme.max_breakdowns is not None and len(breakdowns) > programme.max_breakdowns:
        raise OutputError(
            "package.too-many-breakdowns", count=len(breakdowns), maximum=programme.max_breakdowns
        )
    records = validation.records[np.asarray(validation.included, dtype=bool)]
    columns = _selected_columns(programme, validation, breakdowns, organisation_fields)
    counted = [c for c in columns if isinstance(c.source, CountSource)]
    value_columns = [c for c in columns if not isinstance(c.source, CountSource)]
    sources = _Sources(records, breakdowns, organisation_fields, peildatum)
    table = pd.DataFrame(
        {c.name: _column_values(c, sources, spec.date_format, spec.decimal) for c in value_columns},
        index=records.index,
        dtype=object,
    )
    if counted:
        names = [c.name for c in value_columns]
        grouped = table.groupby(names, sort=True).size() if names else pd.Series([len(table)])
        table = (
            grouped.rename(counted[0].name).reset_index()
            if names
            else pd.DataFrame({counted[0].name: [len(records)]})
        )
        table = table[[c.name for c in columns]].astype(str)
    rows = [[neutralise_formula(str(v)) for v in row] for row in table.itertuples(index=False)]
    header = [c.name for c in columns]
    content = _encode(spec.file_type, header if spec.header else None, rows, spec)
    name = file_name(spec.file_name, programme, organisation, peildatum)
    return OutputFile(name=name, content=content, columns=tuple(header), rows=len(rows))


def _encode(
    file_type: str, header: list[str] | None, rows: list[list[str]], spec: OutputFormat
) -> bytes:
    if file_type == "csv":
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, delimiter=spec.delimiter, lineterminator=spec.line_terminator)
        if header:
            writer.writerow(header)
        writer.writerows(rows)
        return buffer.getvalue().encode(spec.encoding)
    return _xlsx(header, rows)


def _xlsx(header: list[str] | None, rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("data")
    if header:
        sheet.append(header)
    for row in rows:
        sheet.append(row)  # all text: no value is ever a formula
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def application_output(
    programme: Programme,
    counts: list[tuple[str, int]],
    peildatum: dt.date,
    organisation: str,
) -> OutputFile:
    """The algemene variant without a staff file: the officer's own staff count per validated
    loonheffingennummer, in the profile's output format (no employee data at all)."""
    if programme.output is None:
        raise OutputError("package.no-output", programme=programme.id)
    spec = programme.output
    header = [c.name for c in spec.columns]
    rows = []
    for number, count in counts:
        row = []
        for column in spec.columns:
            match column.source:
                case CountSource():
                    row.append(str(count))
                case FieldSource():
                    row.append(number)
                case PeildatumSource():
                    row.append(peildatum.strftime(column.format or spec.date_format))
                case ConstantSource(value=value):
                    row.append(value)
                case BreakdownSource() | OrganisationSource():
                    raise OutputError(
                        "package.output-source-missing",
                        column=column.name,
                        source=str(column.source),
                    )
        rows.append([neutralise_formula(v) for v in row])
    content = _encode(spec.file_type, header if spec.header else None, rows, spec)
    name = file_name(spec.file_name, programme, organisation, peildatum)
    return OutputFile(name=name, content=content, columns=tuple(header), rows=len(rows))
