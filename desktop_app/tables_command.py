"""The ``tables`` step as one call: read + map + validate a file, count linked frequency tables,
protect them together (primary + secondary suppression, LP audit). Used by the CLI; Qt-free.

Columns of a table (``--by``):

- a **source header** of the file (a breakdown column, e.g. ``Afdeling``), taken as it is;
- a **derived category**, by name (derived names win over a source header of the same name):
  - ``age``: age band at the peildatum from the mapped ``birth_date`` (``<25 25-34 35-44 45-54 55+``);
  - ``sex``: the mapped ``sex`` code (``M``, ``V``, ``X``);
  - ``entry_year``: band of the year of entry from the mapped ``start_date`` (the programme's
    bands, as in the wizard and the output file: ``<2000 2000-2009 2010-2014 2015-2019 2020+``);
  - ``salary_band``: band of the scale number (``<7 7-9 10-12 13+``) in the salary-scale column,
    the first source header containing "schaal", "scale" or "salar" (case-insensitive).
  A missing value becomes the explicit category ``onbekend``.

Rows: the **included** rows of the check (inside the population at the peildatum, no blank or
total rows). Check errors do not stop the tables (an officer looks at the tables while fixing the
file), but their count is reported with the tables so nobody mistakes them for the final ones.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from desktop_app.categories.labels import (
    TABLE_NAMES,
    FieldNotMapped,
    included_rows,
    named_category_labels,
)
from desktop_app.check import CheckOptions, CheckResult, run_check
from desktop_app.disclosure import LinkedTables, Protection, RuleSettings, frequency_tables, protect
from desktop_app.disclosure.preview import cell_threshold
from desktop_app.draft import CategoryChoices, Draft
from desktop_app.errors import UsageError
from desktop_app.mapping.model import DERIVED_PREFIX

DERIVED = TABLE_NAMES
_SALARY_HEADER = re.compile(r"schaal|scale|salar", re.IGNORECASE)
BREAKDOWN_PREFIX = "breakdown:"


@dataclass(frozen=True)
class TablesOptions:
    programme_id: str
    by: tuple[tuple[str, ...], ...]
    mapping_path: Path | None = None
    min_count: int | None = None  # default: the programme's cell threshold (required without)
    peildatum: dt.date | None = None
    zeros_unsafe: bool = False
    thorough: bool = False
    """Run the re-publish pass whatever the size (by default only on small tables)."""
    draft: Draft | None = None
    """The officer's choices as the wizard keeps them: its mapping, peildatum, band edges, merges
    and cell threshold apply (what is given explicitly above wins), so ``tables`` shows what the
    categories page shows after merging."""


@dataclass(frozen=True, eq=False)
class TablesResult:
    check: CheckResult
    tables: LinkedTables
    protection: Protection

    @property
    def exit_code(self) -> int:
        """0: the audit passes; 1: the tables cannot be made safe."""
        return 0 if self.protection.passed else 1


def run_tables(path: Path, options: TablesOptions) -> TablesResult:
    """Read, check, count and protect. Raises an AppError (exit 2) when the input cannot be used."""
    if not options.by or any(not spec for spec in options.by):
        raise UsageError("disclosure.tables.no-columns")
    columns = list(dict.fromkeys(c for spec in options.by for c in spec))
    wanted_sources = [c for c in columns if c not in DERIVED]
    draft = options.draft
    if draft is not None and draft.programme_id not in (None, options.programme_id):
        raise UsageError(
            "disclosure.tables.draft-other-programme",
            draft=draft.programme_id,
            programme=options.programme_id,
        )
    saved = draft.mapping if draft is not None and options.mapping_path is None else None
    peildatum = options.peildatum or (draft.peildatum if draft is not None else None)
    check = run_check(
        path,
        CheckOptions(
            programme_id=options.programme_id,
            mapping_path=options.mapping_path,
            mapping=saved,
            breakdowns=tuple(wanted_sources),
            peildatum=peildatum,
        ),
    )
    if "salary_band" in columns:
        salary = next((h for h in check.table.headers if _SALARY_HEADER.search(str(h))), None)
        if salary is None and not check.table.header_found:  # never a row of data as headers
            raise UsageError(
                "disclosure.tables.no-salary-column-no-header",
                file=check.table.source.name,
                row=check.table.data_start,
            )
        if salary is None:
            raise UsageError(
                "disclosure.tables.no-salary-column", available=list(check.table.headers)
            )
        if salary not in wanted_sources:
            check = run_check(
                path,
                CheckOptions(
                    programme_id=options.programme_id,
                    mapping_path=options.mapping_path,
                    mapping=saved,
                    breakdowns=(*wanted_sources, salary),
                    peildatum=peildatum,
                ),
            )
    else:
        salary = None
    # the profile decides; a programme without a cell threshold needs --min-count (none invented)
    chosen = options.min_count
    if chosen is None and draft is not None:
        chosen = draft.categories.cell_threshold
    threshold = cell_threshold(check.programme, chosen)
    choices = draft.categories if draft is not None else None
    records = category_records(check, columns, salary, choices)
    tables = frequency_tables(records, options.by)
    protection = protect(
        tables,
        RuleSettings(threshold=threshold, zeros_unsafe=options.zeros_unsafe),
        republish=True if options.thorough else None,
    )
    return TablesResult(check, tables, protection)


def category_records(
    check: CheckResult,
    columns: Sequence[str],
    salary: str | None,
    choices: CategoryChoices | None = None,
) -> pd.DataFrame:
    """One row per included person, one column of category codes per ``--by`` column, worked
    out by :func:`desktop_app.categories.labels.named_category_labels` (what the wizard and the
    package builder use too)."""
    records = included_rows(check.validation.records, check.validation.included)
    out: dict[str, object] = {}
    for name in columns:
        try:
            labels = named_category_labels(
                check.programme,
                records,
                name,
                check.peildatum,
                salary_header=salary,
                bands=choices.bands_json() if choices is not None else None,
            )
        except FieldNotMapped as missing:
            raise UsageError(
                "disclosure.tables.field-not-mapped", column=name, field=missing.field
            ) from None
        if choices is not None:  # the officer's merges, as the categories page applies them
            header = DERIVED_PREFIX + name if name in ("age", "entry_year") else name
            merges = choices.merges_of(header)
            labels = labels.map(lambda v, m=merges: m.get(v, v))
        out[name] = labels.map(str)
    return pd.DataFrame({k: np.asarray(v, dtype=object) for k, v in out.items()})


def tables_json(result: TablesResult) -> dict[str, Any]:
    """The ``--json`` document (see the module docstring of :mod:`desktop_app.cli`)."""
    tables, protection = result.tables, result.protection
    report = protection.exact_report()  # a reviewer's document: every interval exact
    loss = information_loss(protection)
    intervals = {item.cell: item for item in report.intervals}
    primary = {p.cell for p in protection.primary}
    secondary = set(protection.secondary)
    out_tables = []
    for t, spec in enumerate(tables.specs):
        cells = []
        for i in tables.table_cells(t):
            codes = dict(tables.keys[i])
            value = int(tables.values[i])
            if i in primary:
                status = "primary"
            elif i in secondary:
                status = "secondary"
            elif value == 0:
                status = "empty"
            else:
                status = "safe"
            cell: dict[str, object] = {
                "key": {v: codes.get(v) for v in spec},
                "count": None if i in primary or i in secondary else value,
                "status": status,
            }
            if i in intervals:
                item = intervals[i]
                cell["interval"] = [_number(item.low), _number(item.high)]
            cells.append(cell)
        shown, of = loss.published[t]
        out_tables.append(
            {
                "by": list(spec),
                "cells": cells,
                # what the reader still sees: cells published (safe or empty) of all cells
                "published": {
                    "cells": shown,
                    "of": of,
                    "share": round(shown / of, 4) if of else 1.0,
                },
            }
        )
    counts = result.check.validation.counts()
    return {
        "threshold": protection.settings.threshold,
        "rows": int(np.count_nonzero(result.check.validation.included)),
        "check": counts,
        "tables": out_tables,
        "audit": {
            "passed": report.passed,
            "failures": [
                {
                    "key": dict(tables.keys[item.cell]),
                    "interval": [_number(item.low), _number(item.high)],
                    "level": item.level,
                }
                for item in report.failures
            ],
        },
        "insiders": _insiders_json(protection, tables),
        "suppressed": {
            "primary": len(primary),
            "secondary": len(secondary),
            # The people hidden: the hidden counts added up (a person counts once per hidden cell
            # they are in), by all suppressed cells and by the secondary ones.
            "total": loss.hidden,
            "secondary_total": loss.hidden_secondary,
        },
    }


@dataclass(frozen=True)
class InformationLoss:
    """What the suppression costs the reader: the people hidden (hidden counts added up; a
    person counts once per hidden cell they are in) by all suppressed cells and by the secondary
    ones, and per table how many of its cells are published."""

    hidden: int
    hidden_secondary: int
    published: tuple[tuple[int, int], ...]
    """Per table (in ``tables.specs`` order): (published cells, all cells)."""


def information_loss(protection: Protection) -> InformationLoss:
    tables = protection.tables
    suppressed = set(protection.suppressed)
    values = tables.values
    published = []
    for t in range(len(tables.specs)):
        cells = tables.table_cells(t)
        published.append((sum(1 for i in cells if i not in suppressed), len(cells)))
    return InformationLoss(
        int(values[sorted(suppressed)].sum()),
        int(values[list(protection.secondary)].sum()),
        tuple(published),
    )


def _insiders_json(protection: Protection, tables: LinkedTables) -> dict[str, Any] | None:
    """The singleton insiders' pass: how many insiders, how many cells it added, and any pair it
    could not fix (``None`` when the rule turned the pass off)."""
    insider = protection.insider
    if insider is None:
        return None
    return {
        "singletons": insider.singletons,
        "added": len(insider.added),
        "unresolved": [
            {"singleton": dict(tables.keys[p.singleton]), "cell": dict(tables.keys[p.cell])}
            for p in insider.unresolved
        ],
    }


def _number(x: float) -> float | int | None:
    if x in (float("inf"), -float("inf")):
        return None  # JSON has no infinity: an unbounded side
    return int(x) if float(x).is_integer() else x


def tables_text(result: TablesResult, language: str) -> str:
    """A readable summary: per table its cells, ``x`` for a suppressed count."""
    from desktop_app.messages import Message

    tables, protection = result.tables, result.protection
    hidden = set(protection.suppressed)
    loss = information_loss(protection)
    lines = []
    for t, spec in enumerate(tables.specs):
        lines.append(" x ".join(spec))
        for i in tables.table_cells(t):
            codes = dict(tables.keys[i])
            label = " | ".join(str(codes.get(v, "Σ")) for v in spec)
            count = "x" if i in hidden else str(int(tables.values[i]))
            lines.append(f"  {label}: {count}")
        shown, of = loss.published[t]
        lines.append(
            "  "
            + Message(
                "disclosure.tables.published",
                {"published": shown, "cells": of, "percent": published_percent(shown, of)},
            ).render(language)
        )
    lines.append(
        Message(
            "disclosure.tables.summary",
            {
                "primary": len(protection.primary),
                "secondary": len(protection.secondary),
                "threshold": protection.settings.threshold,
            },
        ).render(language)
    )
    lines.append(
        Message(
            "disclosure.tables.hidden",
            {"secondary": loss.hidden_secondary, "total": loss.hidden},
        ).render(language)
    )
    insider = protection.insider
    if insider is not None:
        names = _names(tables)
        lines.append(
            Message(
                "disclosure.tables.insiders",
                {"singletons": insider.singletons, "added": len(insider.added)},
            ).render(language)
        )
        lines += [
            Message(
                "disclosure.tables.insiders-unresolved",
                {"singleton": names[p.singleton], "cell": names[p.cell]},
            ).render(language)
            for p in insider.unresolved
        ]
    lines += [m.render(language) for m in protection.report.messages(_names(tables))]
    return "\n".join(lines)


def published_percent(part: int, whole: int) -> str:
    """A share as a whole percentage, never rounded up to 100 while something is hidden."""
    if not whole:
        return "100"
    share = 100 * part / whole
    return str(min(round(share), 99) if part < whole else 100)


def _names(tables: LinkedTables) -> dict[int, str]:
    return {
        i: ", ".join(f"{v}={c}" for v, c in key) or "total" for i, key in enumerate(tables.keys)
    }
