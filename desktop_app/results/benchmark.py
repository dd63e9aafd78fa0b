"""The benchmark a breakdown is compared with: typed in by the officer, or read from a CSV (or
workbook) in the programme's own table layout; nothing is fetched.

A benchmark CSV is a small table like the office's::

    Subgroep;Nederland;Europa (exclusief Nederland);Buiten-Europa
    Werknemers in Nederland (CBS, 2025);74,9;10,3;14,8

read by the same reader as the office's tables (header detection, decimal commas, percent signs,
the shares adding up to 100), so a benchmark is always in the classification of the set it is
compared with: one of the other classification is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from desktop_app.profiles.model import Programme
from desktop_app.results.importer import SHARE_TOLERANCE, read_result_tables
from desktop_app.results.model import ResultsError, ResultSet


@dataclass(frozen=True)
class Benchmark:
    """A reference distribution: a label and a share (percent) per origin group."""

    label: str
    classification: str
    shares: Mapping[str, float]

    def to_json(self) -> dict[str, object]:
        return {
            "label": self.label,
            "classification": self.classification,
            "shares": dict(self.shares),
        }


def typed_benchmark(result: ResultSet, shares: Mapping[str, float], label: str = "") -> Benchmark:
    """A benchmark the officer typed in, one share per group of ``result``'s classification."""
    missing = [g for g in result.groups if g not in shares]
    if missing:
        raise ResultsError("results.benchmark-missing", groups=", ".join(missing))
    for group in result.groups:
        value = shares[group]
        if not 0 <= value <= 100:
            raise ResultsError("results.benchmark-share", group=group, value=value)
    total = sum(shares[g] for g in result.groups)
    if abs(total - 100) > SHARE_TOLERANCE:
        raise ResultsError("results.benchmark-sum", total=round(total, 1))
    return Benchmark(label, result.classification, {g: float(shares[g]) for g in result.groups})


def read_benchmark(path: str | PathLike[str], programme: Programme, result: ResultSet) -> Benchmark:
    """The first line of a benchmark file (CSV or xlsx in the programme's table layout)."""
    source = Path(path)
    table_set = read_result_tables(source, programme)
    if table_set.classification != result.classification:
        raise ResultsError(
            "results.benchmark-classification",
            file=source.name,
            found=table_set.classification,
            expected=result.classification,
        )
    row = table_set.tables[0].rows[0]
    shares = {v.group: v.share for v in row.values}
    if any(s is None for s in shares.values()):
        raise ResultsError("results.benchmark-suppressed", file=source.name, row=row.row)
    return Benchmark(
        row.subgroup,
        table_set.classification,
        {g: float(s) for g, s in shares.items() if s is not None},
    )
