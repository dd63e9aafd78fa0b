"""Read the table set an office returned, as its programme profile's ``[results]`` section describes.

Every sheet (or the CSV) is read through the intake readers (``desktop_app.intake``: bounded reads,
the far-cell pre-check, header detection under title lines, merged cells); nothing here opens the
file itself. A sheet is a table when its header row names every origin group of one of the
profile's classifications; sheets named as notes, and sheets of text only, are skipped. What does
not fit (a group missing, a value that is neither a number nor a suppression marker, shares that
do not add up, two classifications in one set) is refused with the file, sheet, row and column.

Tolerated drift: title lines (merged or not) above the header, renamed or reordered sheets, extra
columns, blank and footnote rows, a second table below the first (only the first is read), text
numbers with a decimal comma (``12,3``) or a percent sign, shares written as fractions (0.123),
thousands separators in sizes and counts.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from desktop_app.errors import IntakeError
from desktop_app.intake import RawTable, list_sheets, read_table
from desktop_app.messages import Message
from desktop_app.profiles.model import Programme, ResultClassification, ResultsLayout
from desktop_app.results.model import (
    GroupValue,
    ResultRow,
    ResultsError,
    ResultSet,
    ResultTable,
    SizeInterval,
)
from desktop_app.text import normalise_header

SHARE_TOLERANCE = 1.0  # percentage points a full row may be off 100 (rounding of each share)
_NOT_A_TABLE = {"intake.not-tabular", "intake.workbook-empty", "intake.sheet-empty-others"}
_THOUSANDS = re.compile(r"^\d{1,3}([. \u00a0\u202f']\d{3})+$")


@dataclass(frozen=True)
class _Columns:
    label: int
    size: int | None
    breakdown: int | None
    groups: tuple[int, ...]  # one per group of the classification, in its order


def layout_of(programme: Programme) -> ResultsLayout:
    if programme.results is None:
        raise ResultsError("results.no-layout", programme=programme.name)
    return programme.results


def read_result_tables(path: str | PathLike[str], programme: Programme) -> ResultSet:
    """The tables of an office's file (xlsx or CSV), without year and organisation."""
    source = Path(path)
    layout = layout_of(programme)
    sheets = list_sheets(source)
    tables: list[ResultTable] = []
    skipped: list[str] = []
    classification: ResultClassification | None = None
    sha256 = ""
    names: list[str | None] = [s.name for s in sheets if s.is_worksheet] if sheets else [None]
    for name in names:
        if name is not None and _is_notes(name, layout):
            skipped.append(name)
            continue
        try:
            raw = read_table(source, sheet=name, header_hints=_hints(layout))
        except IntakeError as error:
            if name is not None and error.message.key in _NOT_A_TABLE:
                skipped.append(name)
                continue
            raise
        if raw.fingerprint is not None:
            sha256 = raw.fingerprint.sha256
        found = _classification(raw, layout)
        if found is None:
            if name is None:
                raise ResultsError(
                    "results.no-groups",
                    location=source.name,
                    file=source.name,
                    groups=_all_groups(layout),
                )
            skipped.append(name)
            continue
        if classification is not None and found.id != classification.id:
            raise ResultsError(
                "results.mixed-classifications",
                location=_where(raw),
                sheet=raw.sheet or source.name,
                found=found.label,
                first=classification.label,
            )
        classification = found
        read = _read_rows(raw, layout, found)
        tables.extend(read)
    if classification is None or not tables:
        raise ResultsError(
            "results.no-tables",
            location=source.name,
            file=source.name,
            sheets=[s.name for s in sheets] or [source.name],
            groups=_all_groups(layout),
        )
    return ResultSet(
        programme=programme.id,
        unit=layout.unit,
        values=layout.values,
        classification=classification.id,
        groups=tuple(g.code for g in classification.groups),
        source_name=source.name,
        source_sha256=sha256,
        tables=tuple(tables),
        share_decimals=layout.share_decimals if layout.values == "percentages" else 6,
        skipped_sheets=tuple(skipped),
    )


def _is_notes(name: str, layout: ResultsLayout) -> bool:
    key = normalise_header(name)
    return any(
        key == normalise_header(n) or name.casefold().startswith(n.casefold())
        for n in layout.notes_sheets
    )


def _hints(layout: ResultsLayout) -> tuple[str, ...]:
    groups = [h for c in layout.classifications for g in c.groups for h in g.headers]
    return (*layout.label_headers, *layout.size_headers, *layout.breakdown_headers, *groups)


def _all_groups(layout: ResultsLayout) -> list[Message | str]:
    return [" / ".join(g.headers[0] for g in c.groups) for c in layout.classifications]


def _where(raw: RawTable, row: int | None = None, column: int | None = None) -> str:
    parts = [raw.source.name]
    if raw.sheet:
        parts.append(raw.sheet)
    if row is not None:
        cell = f"{raw.column_letters[column]}{row}" if column is not None else str(row)
        parts.append(cell)
    return " › ".join(parts)


def _match(raw: RawTable, spellings: Iterable[str], taken: set[int]) -> int | None:
    keys = {normalise_header(s) for s in spellings}
    for index, header in enumerate(raw.raw_headers or raw.headers):
        if index not in taken and normalise_header(header) in keys:
            return index
    return None


def _classification(raw: RawTable, layout: ResultsLayout) -> ResultClassification | None:
    """The classification whose groups all head a column; refused when only some do."""
    best: tuple[int, ResultClassification, list[str]] | None = None
    for candidate in layout.classifications:
        found = [_match(raw, g.headers, set()) for g in candidate.groups]
        hits = sum(1 for f in found if f is not None)
        if hits == len(candidate.groups):
            return candidate
        missing = [g.headers[0] for g, f in zip(candidate.groups, found, strict=True) if f is None]
        if hits and (best is None or hits > best[0]):
            best = (hits, candidate, missing)
    if best is not None and best[0] >= 2:
        raise ResultsError(
            "results.groups-missing",
            location=_where(raw, raw.header_row),
            sheet=raw.sheet or raw.source.name,
            row=raw.header_row,
            classification=best[1].label,
            missing=best[2],
        )
    return None


def _columns(raw: RawTable, layout: ResultsLayout, found: ResultClassification) -> _Columns:
    taken: set[int] = set()
    groups: list[int] = []
    for group in found.groups:
        index = _match(raw, group.headers, taken)
        assert index is not None  # _classification found them all
        taken.add(index)
        groups.append(index)
    breakdown = _match(raw, layout.breakdown_headers, taken)
    if breakdown is not None:
        taken.add(breakdown)
    label = _match(raw, layout.label_headers, taken)
    if label is None:  # the first column no other role claims
        label = next((i for i in range(raw.n_columns) if i not in taken), None)
        if label is None or label > min(groups):
            raise ResultsError(
                "results.no-label-column",
                location=_where(raw, raw.header_row),
                sheet=raw.sheet or raw.source.name,
                row=raw.header_row,
            )
    taken.add(label)
    size = _match(raw, layout.size_headers, taken)
    return _Columns(label=label, size=size, breakdown=breakdown, groups=tuple(groups))


def _read_rows(
    raw: RawTable, layout: ResultsLayout, found: ResultClassification
) -> list[ResultTable]:
    columns = _columns(raw, layout, found)
    totals = {normalise_header(t) for t in layout.total_labels}
    markers = {m.strip().casefold() for m in layout.suppression_markers}
    headings = [{normalise_header(h) for h in g.headers} for g in found.groups]
    default_breakdown = raw.sheet or raw.source.stem
    blocks: dict[str, list[ResultRow]] = {}
    for i in range(raw.n_rows):
        label = str(raw.columns[columns.label][i]).strip()
        cells = [str(raw.columns[c][i]).strip() for c in columns.groups]
        size_text = str(raw.columns[columns.size][i]).strip() if columns.size is not None else ""
        breakdown = (
            str(raw.columns[columns.breakdown][i]).strip()
            if columns.breakdown is not None
            else default_breakdown
        )
        row_number = int(raw.rows[i])
        if not any(cells) and not size_text:
            continue  # a blank row, a footnote or a source line below the table
        if all(normalise_header(c) in h for c, h in zip(cells, headings, strict=True)):
            break  # a second table below the first (CBS may add counts under the shares)
        if not label:
            raise ResultsError(
                "results.no-label",
                location=_where(raw, row_number, columns.label),
                sheet=raw.sheet or raw.source.name,
                row=row_number,
            )
        is_total = normalise_header(label) in totals or (
            columns.breakdown is not None and normalise_header(breakdown) in totals
        )
        if columns.breakdown is not None and is_total:
            breakdown = breakdown or default_breakdown
        size = _size(raw, size_text, row_number, columns.size, markers)
        values = []
        for group, column, text in zip(found.groups, columns.groups, cells, strict=True):
            values.append(
                _value(
                    raw, text, row_number, column, group=group.code, layout=layout, markers=markers
                )
            )
        row = ResultRow(
            subgroup=label,
            total=is_total,
            size=size,
            size_interval=None,
            values=tuple(values),
            row=row_number,
        )
        blocks.setdefault(breakdown or default_breakdown, []).append(row)
    tables = [
        ResultTable(breakdown=name, sheet=raw.sheet, rows=tuple(rows))
        for name, rows in blocks.items()
    ]
    if layout.values == "percentages":
        tables = _as_percent(raw, tables)
    else:
        tables = _counts_to_shares(raw, tables, columns)
    return [_with_intervals(t, layout) for t in tables]


def _number(text: str, *, whole: bool = False) -> float | None:
    """``12,3`` ``12.3`` ``12,3%`` -> a number; None when it is none. ``whole``: a size or a
    count, where ``1.240`` and ``1 240`` are thousands (a share ``0.782`` is a fraction)."""
    value = text.replace("\u00a0", " ").strip().rstrip("%").strip()
    if whole and _THOUSANDS.match(value):
        value = re.sub(r"[. \u00a0\u202f']", "", value)
    elif "," in value and "." in value:
        value = value.replace(".", "").replace(",", ".")
    else:
        value = value.replace(",", ".")
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _size(raw: RawTable, text: str, row: int, column: int | None, markers: set[str]) -> int | None:
    if not text or text.casefold() in markers:
        return None
    number = _number(text, whole=True)
    if number is None or number < 0 or number != int(number):
        assert column is not None
        raise ResultsError(
            "results.not-a-size",
            location=_where(raw, row, column),
            sheet=raw.sheet or raw.source.name,
            row=row,
            column=raw.column_letters[column],
            value=text[:30],
        )
    return int(number)


def _value(
    raw: RawTable,
    text: str,
    row: int,
    column: int,
    *,
    group: str,
    layout: ResultsLayout,
    markers: set[str],
) -> GroupValue:
    if not text or text.casefold() in markers:
        return GroupValue(group=group, share=None, suppressed=True, marker=text)
    counts = layout.values == "counts"
    number = _number(text, whole=counts)
    bad = (
        number is None
        or number < 0
        or (counts and number != int(number))
        or (not counts and number > 100)
    )
    if bad or number is None:
        raise ResultsError(
            "results.not-a-count" if counts else "results.not-a-share",
            location=_where(raw, row, column),
            sheet=raw.sheet or raw.source.name,
            row=row,
            column=raw.column_letters[column],
            value=text[:30],
            markers=" ".join(layout.suppression_markers),
        )
    if counts:
        return GroupValue(group=group, share=None, count=int(number))
    return GroupValue(group=group, share=number)


def _as_percent(raw: RawTable, tables: list[ResultTable]) -> list[ResultTable]:
    """Shares written as fractions (0.123) become percentages; a full row must add up to 100."""
    shares = [v.share for t in tables for r in t.rows for v in r.values if v.share is not None]
    fractions = bool(shares) and max(shares) <= 1.0
    out: list[ResultTable] = []
    for table in tables:
        rows = []
        for row in table.rows:
            values = row.values
            if fractions:
                values = tuple(
                    GroupValue(
                        v.group,
                        v.share * 100 if v.share is not None else None,
                        v.count,
                        v.suppressed,
                        v.marker,
                    )
                    for v in values
                )
            known = [v.share for v in values if v.share is not None]
            total = sum(known)
            full = len(known) == len(values)
            if (full and abs(total - 100) > SHARE_TOLERANCE) or total > 100 + SHARE_TOLERANCE:
                raise ResultsError(
                    "results.shares-do-not-add-up",
                    location=_where(raw, row.row),
                    sheet=raw.sheet or raw.source.name,
                    row=row.row,
                    total=f"{total:.1f}",
                )
            rows.append(ResultRow(row.subgroup, row.total, row.size, None, values, row.row))
        out.append(ResultTable(table.breakdown, table.sheet, tuple(rows)))
    return out


def _counts_to_shares(
    raw: RawTable, tables: list[ResultTable], columns: _Columns
) -> list[ResultTable]:
    """Counts give shares over the row's size (or the sum of its groups when none is given)."""
    out: list[ResultTable] = []
    for table in tables:
        rows = []
        for row in table.rows:
            known = [v.count for v in row.values if v.count is not None]
            full = len(known) == len(row.values)
            size = row.size if row.size is not None else (sum(known) if full else None)
            if size is not None and (sum(known) > size or (full and sum(known) != size)):
                raise ResultsError(
                    "results.counts-do-not-add-up",
                    location=_where(raw, row.row, columns.size),
                    sheet=raw.sheet or raw.source.name,
                    row=row.row,
                    total=sum(known),
                    size=size,
                )
            values = tuple(
                GroupValue(
                    v.group,
                    round(100 * v.count / size, 6) if v.count is not None and size else None,
                    v.count,
                    v.suppressed,
                    v.marker,
                )
                for v in row.values
            )
            rows.append(ResultRow(row.subgroup, row.total, size, None, values, row.row))
        out.append(ResultTable(table.breakdown, table.sheet, tuple(rows)))
    return out


def size_interval(size: int | None, layout: ResultsLayout) -> SizeInterval | None:
    """What a reported size says about the number the shares were taken over: rounding to
    ``size_rounding`` either way, and up to ``unmatched_percent`` of it not linked to origin."""
    if size is None:
        return None
    half = layout.size_rounding // 2
    high = size + half
    low = max(0, size - half)
    low = math.floor(low * (100 - layout.unmatched_percent) / 100)
    return SizeInterval(low, high)


def _with_intervals(table: ResultTable, layout: ResultsLayout) -> ResultTable:
    rows = tuple(
        ResultRow(r.subgroup, r.total, r.size, size_interval(r.size, layout), r.values, r.row)
        for r in table.rows
    )
    return ResultTable(table.breakdown, table.sheet, rows)
