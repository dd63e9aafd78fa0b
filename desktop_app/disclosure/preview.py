"""The cell threshold the faces protect tables with, and the categories' table preview.

**The profile decides the cell threshold.** A programme whose profile names none
(``cell_threshold = 0``) gets none invented: the officer gives one explicitly (the CLI's
``--min-count``, the wizard's threshold field). :func:`cell_threshold` is that rule for both faces.

:func:`category_tables` counts each breakdown (labels after the merges, one per counted person)
by sex and protects the tables together: what the wizard's categories page shows.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Mapping as MappingType
from dataclasses import dataclass

import numpy as np
import pandas as pd

from desktop_app.errors import UsageError
from desktop_app.profiles.model import Programme


class ThresholdMissing(UsageError):
    """The programme names no cell threshold and none was given (or the one given is below 1)."""

    def __init__(self, programme_id: str) -> None:
        super().__init__("disclosure.tables.no-threshold", programme=programme_id)


def cell_threshold(programme: Programme, chosen: int | None = None) -> int:
    """The threshold to protect with: the officer's ``chosen`` one, else the profile's.

    Raises :class:`ThresholdMissing` when neither gives one of at least 1: a programme without a
    cell threshold never gets one invented."""
    threshold = programme.thresholds.cell_threshold if chosen is None else chosen
    if threshold is None or threshold < 1:
        raise ThresholdMissing(programme.id)
    return int(threshold)


def needs_chosen_threshold(programme: Programme) -> bool:
    """Whether the officer must give the cell threshold (the profile names none)."""
    return programme.thresholds.cell_threshold < 1


@dataclass(frozen=True)
class CategoryGrid:
    """One breakdown's protected table: ``rows`` (subgroups) × ``columns`` (sex codes); ``None``
    is the total. ``status[r][c]``: ``"primary"``, ``"secondary"`` or ``"published"``."""

    header: str
    rows: tuple[str | None, ...]
    columns: tuple[str | None, ...]
    counts: tuple[tuple[int, ...], ...]
    status: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class CategoryTables:
    """The breakdowns × sex protected together (linked tables) and the audit's verdict."""

    grids: tuple[CategoryGrid, ...]
    threshold: int
    passed: bool
    failures: int


def category_tables(
    labels: MappingType[str, pd.Series],
    sexes: pd.Series | None,
    threshold: int,
    check_cancelled: Callable[[], None] = lambda: None,
) -> CategoryTables:
    """Count each breakdown (labels after the merges, one per counted person) by sex, protect the
    tables together with ``threshold`` (primary + secondary suppression) and audit them.
    ``check_cancelled`` is called between the steps (it raises to stop)."""
    from desktop_app.disclosure import RuleSettings, frequency_tables, protect

    headers = list(labels)
    names = [f"breakdown{i}" for i in range(len(headers))]
    records = {n: np.asarray(labels[h], dtype=object) for n, h in zip(names, headers, strict=True)}
    if sexes is not None:
        records["sex"] = np.asarray(sexes, dtype=object)
    specs = [(n, "sex") if sexes is not None else (n,) for n in names]
    tables = frequency_tables(pd.DataFrame(records), specs)
    check_cancelled()
    protection = protect(tables, RuleSettings(threshold=threshold))
    check_cancelled()
    index = tables.index
    grids = []
    for t, (name, header) in enumerate(zip(names, headers, strict=True)):
        rows = (*tables.variable(name).codes, None)
        columns = (*tables.variable("sex").codes, None) if sexes is not None else (None,)
        counts, status = [], []
        for row in rows:
            cells = [index[tables.key(t, {name: row, "sex": column})] for column in columns]
            counts.append(tuple(int(tables.values[i]) for i in cells))
            status.append(tuple(protection.status(i) for i in cells))
        grids.append(CategoryGrid(header, rows, columns, tuple(counts), tuple(status)))
    return CategoryTables(
        grids=tuple(grids),
        threshold=threshold,
        passed=protection.passed,
        failures=len(protection.report.failures),
    )
