"""What an imported table set is: aggregates only (shares, counts, group sizes), never persons.

A :class:`ResultSet` holds one office delivery of one organisation and year: its tables (the whole
organisation and one per breakdown), each row a subgroup with its size as reported, the size as an
interval (rounding, unmatched staff) and one :class:`GroupValue` per origin group. It is stored as
JSON with a format and version (history.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from desktop_app.errors import AppError

RESULTS_FORMAT = "diversity-assistant/results"
RESULTS_VERSION = 1

Unit = Literal["job", "person"]
ValueKind = Literal["percentages", "counts"]


class ResultsError(AppError):
    """A returned table set cannot be imported, kept or compared as asked."""


@dataclass(frozen=True)
class SizeInterval:
    """The number of people (or jobs) a share is taken over: known only within bounds."""

    low: int
    high: int

    def to_json(self) -> list[int]:
        return [self.low, self.high]


@dataclass(frozen=True)
class GroupValue:
    """One origin group's cell: a share in percent (0-100), a count, or suppressed (``marker``)."""

    group: str  # the group's code in the profile
    share: float | None  # percent; None when suppressed
    count: int | None = None  # count tables only
    suppressed: bool = False
    marker: str = ""  # the marker as found ("." "x" "" ...) when suppressed

    def to_json(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "share": self.share,
            "count": self.count,
            "suppressed": self.suppressed,
            "marker": self.marker,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> GroupValue:
        share = data.get("share")
        count = data.get("count")
        return cls(
            group=str(data["group"]),
            share=float(share) if share is not None else None,
            count=int(count) if count is not None else None,
            suppressed=bool(data.get("suppressed", False)),
            marker=str(data.get("marker", "")),
        )


@dataclass(frozen=True)
class ResultRow:
    """A subgroup (or the organisation's total) of one table."""

    subgroup: str
    total: bool
    size: int | None  # as reported (rounded); None when not given or suppressed
    size_interval: SizeInterval | None
    values: tuple[GroupValue, ...]
    row: int  # the row number in the office's file, for messages

    def value(self, group: str) -> GroupValue:
        for candidate in self.values:
            if candidate.group == group:
                return candidate
        raise KeyError(group)

    def to_json(self) -> dict[str, Any]:
        return {
            "subgroup": self.subgroup,
            "total": self.total,
            "size": self.size,
            "size_interval": self.size_interval.to_json() if self.size_interval else None,
            "values": [v.to_json() for v in self.values],
            "row": self.row,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ResultRow:
        interval = data.get("size_interval")
        size = data.get("size")
        return cls(
            subgroup=str(data["subgroup"]),
            total=bool(data["total"]),
            size=int(size) if size is not None else None,
            size_interval=SizeInterval(int(interval[0]), int(interval[1])) if interval else None,
            values=tuple(GroupValue.from_json(v) for v in data["values"]),
            row=int(data.get("row", 0)),
        )


@dataclass(frozen=True)
class ResultTable:
    """One table: the organisation's total or one breakdown (a sheet, or a block of a long table)."""

    breakdown: str
    sheet: str | None
    rows: tuple[ResultRow, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "breakdown": self.breakdown,
            "sheet": self.sheet,
            "rows": [r.to_json() for r in self.rows],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ResultTable:
        sheet = data.get("sheet")
        return cls(
            breakdown=str(data["breakdown"]),
            sheet=str(sheet) if sheet is not None else None,
            rows=tuple(ResultRow.from_json(r) for r in data["rows"]),
        )


@dataclass(frozen=True)
class ResultSet:
    """One table set the office returned: one programme, unit and origin classification."""

    programme: str
    unit: Unit
    values: ValueKind
    classification: str
    groups: tuple[str, ...]  # the classification's group codes, in the profile's order
    source_name: str
    source_sha256: str
    tables: tuple[ResultTable, ...]
    share_decimals: int = 1
    skipped_sheets: tuple[str, ...] = ()  # notes sheets and other sheets without a table
    year: int | None = None
    organisation: str | None = None
    imported_at: str | None = None
    submission: Mapping[str, Any] | None = None  # link to the officer's record, when known

    def to_json(self) -> dict[str, Any]:
        return {
            "format": RESULTS_FORMAT,
            "version": RESULTS_VERSION,
            "programme": self.programme,
            "unit": self.unit,
            "values": self.values,
            "classification": self.classification,
            "groups": list(self.groups),
            "year": self.year,
            "organisation": self.organisation,
            "imported_at": self.imported_at,
            "source": {"name": self.source_name, "sha256": self.source_sha256},
            "share_decimals": self.share_decimals,
            "skipped_sheets": list(self.skipped_sheets),
            "submission": dict(self.submission) if self.submission else None,
            "tables": [t.to_json() for t in self.tables],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ResultSet:
        if not isinstance(data, Mapping):  # null, a list: JSON, but not a kept result
            raise ValueError("not a results file")
        if data.get("format") != RESULTS_FORMAT or not isinstance(data.get("version"), int):
            raise ValueError("not a results file")
        if data["version"] > RESULTS_VERSION:
            raise ValueError("a newer results file")
        unit = data["unit"]
        values = data["values"]
        if unit not in ("job", "person") or values not in ("percentages", "counts"):
            raise ValueError("unknown unit or value kind")
        year = data.get("year")
        organisation = data.get("organisation")
        imported = data.get("imported_at")
        submission = data.get("submission")
        return cls(
            programme=str(data["programme"]),
            unit=unit,
            values=values,
            classification=str(data["classification"]),
            groups=tuple(str(g) for g in data["groups"]),
            source_name=str(data["source"]["name"]),
            source_sha256=str(data["source"]["sha256"]),
            tables=tuple(ResultTable.from_json(t) for t in data["tables"]),
            share_decimals=int(data.get("share_decimals", 1)),
            skipped_sheets=tuple(str(s) for s in data.get("skipped_sheets", ())),
            year=int(year) if year is not None else None,
            organisation=str(organisation) if organisation is not None else None,
            imported_at=str(imported) if imported is not None else None,
            submission=dict(submission) if isinstance(submission, Mapping) else None,
        )

    def table(self, breakdown: str) -> ResultTable:
        for candidate in self.tables:
            if candidate.breakdown == breakdown:
                return candidate
        raise KeyError(breakdown)


@dataclass(frozen=True)
class SeriesPoint:
    """One year of a series: a group's share in one subgroup, with the subgroup's size."""

    year: int
    share: float | None
    suppressed: bool
    size: SizeInterval | None
    share_decimals: int = 1
    programme: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)
