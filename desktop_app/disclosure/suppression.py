"""Protect linked tables: primary suppression, secondary suppression, audit, repair until safe.

1. Primary cells by the rule (:mod:`rules`).
2. Secondary cells by Gaussian elimination (:mod:`gauss`) so that no primary cell is a linear
   function of the published cells. Candidates are taken in order of preference for publishing:
   published zeros first (suppressing a zero protects almost nothing), then larger counts before
   smaller ones, totals before inner cells at equal count, then cell order. Inner cells under a
   published zero are known to be zero and are removed first (Langsrud's zero handling).
   Singletons: in every equation whose primary children include a singleton (count 1), or whose
   primary children add up to less than their protection level, the sum of those primaries is
   protected as an extra imaginary cell, so a pair of suppressed 1s (or 1 and 2) is never left
   alone in a row of known total: one of them could work out the other.
3. The audit (:mod:`lp_audit`) screens every suppressed cell. Linear independence does not
   guarantee a wide enough interval (non-negativity narrows it), so failing cells are repaired
   by the deviation LP of :mod:`repair`: it suppresses the cheapest published cells that let
   each failing cell move far enough (all failing cells at once when there are many, one by one
   when few). Fallbacks when that LP finds nothing: the cheapest published cell whose equation
   pins the failing cell (LP duals), then the cheapest published cell sharing an equation with it.
   More suppression only widens intervals, so only the failing cells and the new suppressions are
   screened again; the loop ends (suppressing everything always passes). Zeros are never chosen.
4. The final audit computes every suppressed cell's exact interval.

Nothing here depends on set or dict iteration order, hashing or randomness: the same tables and
settings give the same pattern on every run and platform.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop_app.disclosure.gauss import gauss_secondary
from desktop_app.disclosure.lp_audit import AuditReport, CellInterval, audit_model, pinning_cells
from desktop_app.disclosure.repair import DeviationRepair
from desktop_app.disclosure.rules import PrimaryCell, RuleSettings, primary_cells
from desktop_app.disclosure.tables import LinkedTables

MAX_ROUNDS = 200
SEQUENTIAL_LIMIT = 25
"""Up to this many failing cells are repaired one by one (fewer suppressions); more at once."""


@dataclass(frozen=True, eq=False)
class Protection:
    """The suppression pattern of linked tables and its audit."""

    tables: LinkedTables
    settings: RuleSettings
    primary: tuple[PrimaryCell, ...]
    secondary: tuple[int, ...]
    report: AuditReport
    rounds: int

    @property
    def suppressed(self) -> tuple[int, ...]:
        """All suppressed cells (primary and secondary), in cell order."""
        return tuple(sorted({p.cell for p in self.primary} | set(self.secondary)))

    @property
    def passed(self) -> bool:
        return self.report.passed

    def status(self, cell: int) -> str:
        """``"primary"``, ``"secondary"`` or ``"published"``."""
        if any(p.cell == cell for p in self.primary):
            return "primary"
        return "secondary" if cell in self.secondary else "published"


def protect(tables: LinkedTables, settings: RuleSettings) -> Protection:
    """Choose primary and secondary suppressions for ``tables`` and audit the result."""
    primary = primary_cells(tables, settings)
    levels = np.zeros(tables.n_cells, dtype=float)
    for p in primary:
        levels[p.cell] = p.level
    protected = {p.cell for p in primary}
    secondary = _secondary(tables, protected, levels)
    mask = np.zeros(tables.n_cells, dtype=bool)
    mask[sorted(protected)] = True
    mask[secondary] = True

    def screen(targets: list[int] | None) -> tuple[CellInterval, ...]:
        return audit_model(
            tables.model,
            tables.values,
            mask,
            levels,
            inner_values=tables.inner_values,
            equations=tables.equations,
            zeros_unsafe=settings.zeros_unsafe,
            exact=False,
            targets=targets,
        ).failures

    failures = screen(None)
    rounds = 1
    neighbours: list[list[int]] | None = None
    while failures and rounds < MAX_ROUNDS:
        rounds += 1
        added = _repair_by_deviation(tables, mask, failures)
        if not added:
            failing = [item.cell for item in failures]
            added = _repair_by_duals(tables, mask, failing)
            if not added:
                neighbours = neighbours or _neighbours(tables)
                added = _repair(tables, failing, mask, neighbours=neighbours)
        if not added:
            break
        mask[sorted(added)] = True
        # More suppression only widens intervals: cells that were safe stay safe, so only the
        # failing cells and the new suppressions need another look.
        failures = screen(sorted({item.cell for item in failures} | added))
    report = audit_model(
        tables.model,
        tables.values,
        mask,
        levels,
        inner_values=tables.inner_values,
        equations=tables.equations,
        zeros_unsafe=settings.zeros_unsafe,
    )
    suppressed_secondary = sorted(set(np.flatnonzero(mask).tolist()) - protected)
    return Protection(tables, settings, primary, tuple(suppressed_secondary), report, rounds)


def _publish_order(tables: LinkedTables, candidates: list[int]) -> list[int]:
    values = tables.values
    dims = [len(k) for k in tables.keys]
    return sorted(candidates, key=lambda j: (values[j] != 0, -int(values[j]), dims[j], j))


def _secondary(tables: LinkedTables, protected: set[int], levels: np.ndarray) -> list[int]:
    model, values = tables.model, tables.values
    n = tables.n_cells
    needed = np.zeros(model.n_rows, dtype=bool)
    for j in sorted(protected):
        needed[model.column(j)] = True
    fixed = np.zeros(model.n_rows, dtype=bool)
    for j in range(n):
        if values[j] == 0 and j not in protected:
            fixed[model.column(j)] = True
    fixed &= ~needed
    columns = []
    for j in range(n):
        col = model.column(j)
        columns.append(col[~fixed[col]].tolist())
    candidates = [j for j in range(n) if j not in protected]
    order = _publish_order(tables, candidates)
    targets: list[list[int]] = [columns[j] for j in sorted(protected)]
    targets.extend(_singleton_sums(tables, protected, levels, columns))
    return sorted(gauss_secondary(columns, order, targets))


def _singleton_sums(
    tables: LinkedTables, protected: set[int], levels: np.ndarray, columns: list[list[int]]
) -> list[list[int]]:
    out: list[list[int]] = []
    seen: set[tuple[int, ...]] = set()
    values = tables.values
    for eq in tables.equations:
        members = [c for c in eq.children if c in protected]
        if len(members) < 2:
            continue
        total = sum(int(values[c]) for c in members)
        singleton = any(values[c] == 1 for c in members)
        if singleton or total < max(levels[c] for c in members):
            key = tuple(members)
            if key not in seen:
                seen.add(key)
                out.append(sorted(r for c in members for r in columns[c]))
    return out


def _neighbours(tables: LinkedTables) -> list[list[int]]:
    """For every cell, the cells it shares an equation with (sorted)."""
    near: list[set[int]] = [set() for _ in range(tables.n_cells)]
    for eq in tables.equations:
        members = (eq.parent, *eq.children)
        for c in members:
            near[c].update(members)
    return [sorted(s - {i}) for i, s in enumerate(near)]


def _cost(tables: LinkedTables, j: int) -> tuple[bool, int, int, int]:
    """Cheapest to suppress first: never a zero, then the smallest count, inner cells before
    totals (a total is worth more to the reader), then cell order."""
    value = int(tables.values[j])
    return (value == 0, value, -len(tables.keys[j]), j)


def _repair_by_deviation(
    tables: LinkedTables, mask: np.ndarray, failures: tuple[CellInterval, ...]
) -> set[int]:
    """Suppress, per failing cell in cell order, what lets it move far enough (:mod:`repair`)."""
    cost = tables.values.astype(float)
    repair = DeviationRepair(tables.model, tables.values, tables.inner_values, mask, cost)
    if len(failures) > SEQUENTIAL_LIMIT:
        needs = [(item.cell, max(item.level - (item.value - item.low), 1.0)) for item in failures]
        together = repair.fix_together(needs)
        if together is not None:
            return set(together)
    added: set[int] = set()
    for item in failures:
        up = max(item.level - (item.value - item.low), 1.0)
        down = max(item.level - (item.high - item.value), 1.0)
        chosen = repair.fix(item.cell, up, down)
        if chosen:
            added.update(chosen)
    return added


def _repair_by_duals(tables: LinkedTables, mask: np.ndarray, failing: list[int]) -> set[int]:
    """One more suppression per failing cell: the cheapest published, non-zero cell among those
    whose equations pin its bounds (LP duals). A failing cell whose pinning cells already include
    a choice of this round waits for the next round: one suppression often frees several."""
    pins = pinning_cells(tables.model, tables.values, mask, failing)
    added: set[int] = set()
    for cell in failing:
        options = [j for j in pins[cell] if not mask[j] and tables.values[j] != 0]
        if not options or added.intersection(options):
            continue
        added.add(min(options, key=lambda j: _cost(tables, j)))
    return added


def _repair(
    tables: LinkedTables,
    failing: list[int],
    mask: np.ndarray,
    *,
    neighbours: list[list[int]],
) -> set[int]:
    """Fallback: one more suppression per failing cell: the cheapest published cell that shares
    an equation with it (or with a suppressed neighbour)."""
    added: set[int] = set()
    for cell in failing:
        ring = [cell]
        seen = {cell}
        choice = None
        while ring and choice is None:
            near = sorted({n for c in ring for n in neighbours[c]} - seen)
            published = [n for n in near if not mask[n]]
            if published:
                choice = min(published, key=lambda j: _cost(tables, j))
                break
            seen.update(near)
            ring = [n for n in near if mask[n]]
        if choice is not None:
            added.add(choice)
    return added
