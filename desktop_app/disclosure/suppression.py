"""Protect linked tables: primary suppression, secondary suppression, audit, repair until safe.

1. Primary cells by the rule (:mod:`rules`).
2. Secondary cells by deviation LPs per primary cell: for small tables (at most
   :data:`SMALL_TABLE_CELLS` cells) each LP over the whole table (:mod:`construct`), for larger
   ones each inside a box of inner cells around the primary cell (:mod:`local_lp`: about as few
   cells, in seconds where whole-table LPs take minutes). Gaussian elimination (:mod:`gauss`),
   the large tables' method before (far more cells hidden), chooses cells so that no primary
   cell is a linear function of the published cells; it stays on request and as the fallback.
   For it, candidates are taken in order of preference for publishing: published zeros first
   (suppressing a zero protects almost nothing), then larger counts before smaller ones, totals
   before inner cells at equal count, then cell order. Inner cells under a published zero are
   known to be zero and are removed first (Langsrud's zero handling). Gaussian elimination also
   protects, per equation, the sum of its primary children when one of them is a singleton or
   they add up to less than their level, as an extra imaginary cell: it guides the elimination
   away from patterns the audit or the insiders' pass would reject anyway (fewer repairs).
3. The audit (:mod:`lp_audit`) screens every suppressed cell (the constructors' deviations are
   witnesses: a cell they move far enough needs no LP). Linear independence does not
   guarantee a wide enough interval (non-negativity narrows it), so failing cells are repaired
   by the deviation LP of :mod:`repair`: it suppresses the cheapest published cells that let
   each failing cell move far enough (all failing cells at once when there are many, one by one
   when few). Fallbacks when that LP finds nothing: the cheapest published cell whose equation
   pins the failing cell (LP duals), then the cheapest published cell sharing an equation with it.
   More suppression only widens intervals, so only the failing cells and the new suppressions are
   screened again; the loop ends (suppressing everything always passes). Zeros are never chosen.
4. Tables of at most :data:`REPUBLISH_CELLS` cells (or on request): the re-publish pass
   (:mod:`republish`) gives back, largest first, the secondary cells that the others make
   unnecessary (each release checked by LP).
5. Singleton insiders (:mod:`insider`, unless the rule turns it off): the one person counted in
   a suppressed cell of 1 knows that cell; cells are added until none of them can work out another
   primary cell exactly. Deviations found on the way (constructor, screening LPs) serve as
   witnesses, so few LPs are needed.
6. The final audit computes every suppressed cell's exact interval (the tables found on the way
   settle many bounds without an LP); above :data:`EXACT_AUDIT_CELLS` cells its verdict only,
   each safe cell proven by tables found on the way (:meth:`Protection.exact_report` gives the
   exact intervals).

Nothing here depends on set or dict iteration order, hashing or randomness: the same tables and
settings give the same pattern on every run and platform.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from desktop_app.disclosure.construct import lp_secondary
from desktop_app.disclosure.gauss import gauss_secondary
from desktop_app.disclosure.insider import InsiderResult, deviation_is_valid, insider_repair
from desktop_app.disclosure.local_lp import local_lp_secondary
from desktop_app.disclosure.lp_audit import AuditReport, CellInterval, audit_pattern, pinning_cells
from desktop_app.disclosure.repair import DeviationRepair
from desktop_app.disclosure.republish import release_order
from desktop_app.disclosure.republish import republish as _republish
from desktop_app.disclosure.rules import PrimaryCell, RuleSettings, primary_cells
from desktop_app.disclosure.tables import LinkedTables

MAX_ROUNDS = 200
SEQUENTIAL_LIMIT = 25
"""Up to this many failing cells are repaired one by one (fewer suppressions); more at once."""
SMALL_TABLE_CELLS = 2_000
"""Linked tables of at most this many cells get the whole-table LP constructor by default; bigger
ones the local-box one (whole-table LPs would take minutes)."""
REPUBLISH_CELLS = 1_000
"""Linked tables of at most this many cells get the re-publish pass by default. On the benchmark's
3-D table (1,608 cells) it gives back 2% of the secondary cells for 70% more time."""
EXACT_AUDIT_CELLS = SMALL_TABLE_CELLS
"""Up to this many cells the final audit gives every suppressed cell's exact interval; above, it
gives the verdict only (:attr:`lp_audit.AuditReport.exact` false): each safe cell proven so by
two tables, found on the way, that publish the same values and are far enough apart, and the
exact intervals of the others. The verdict is the same; the exact intervals, which only a report
shows, come from :meth:`Protection.exact_report`. On the 4-D benchmark table that is 0.4 s
against 2.2 s (two threads) or 4 s (one)."""
COMPARE_CELLS = 400
"""Up to this many cells ``"auto"`` runs both methods and keeps the pattern hiding fewer cells."""
REPUBLISH_MAX_SOLVES = 20_000
"""The pass's work limit in LP solves (a count, not a time: the pattern must not depend on the
machine's speed)."""


@dataclass(frozen=True, eq=False)
class Protection:
    """The suppression pattern of linked tables and its audit."""

    tables: LinkedTables
    settings: RuleSettings
    primary: tuple[PrimaryCell, ...]
    secondary: tuple[int, ...]
    report: AuditReport
    rounds: int
    released: tuple[int, ...] = ()
    """Secondary cells that the constructor, Gaussian elimination or repair chose and the
    re-publish pass gave back (in the order released); they are published."""
    insider: InsiderResult | None = None
    """The singleton insiders' audit (:mod:`insider`); ``None`` when the rule turned it off."""

    @property
    def suppressed(self) -> tuple[int, ...]:
        """All suppressed cells (primary and secondary), in cell order."""
        return tuple(sorted({p.cell for p in self.primary} | set(self.secondary)))

    @property
    def passed(self) -> bool:
        return self.report.passed and (self.insider is None or not self.insider.unresolved)

    def exact_report(self) -> AuditReport:
        """The audit with every suppressed cell's exact interval (:attr:`report` itself when it
        has them; else the same verdict, computed again exactly)."""
        if self.report.exact:
            return self.report
        mask = np.zeros(self.tables.n_cells, dtype=bool)
        mask[list(self.suppressed)] = True
        levels = np.zeros(self.tables.n_cells, dtype=float)
        for p in self.primary:
            levels[p.cell] = p.level
        return audit_pattern(
            self.tables, mask, levels, zeros_unsafe=self.settings.zeros_unsafe, exact=True
        )

    def status(self, cell: int) -> str:
        """``"primary"``, ``"secondary"`` or ``"published"``."""
        if any(p.cell == cell for p in self.primary):
            return "primary"
        return "secondary" if cell in self.secondary else "published"


def protect(
    tables: LinkedTables,
    settings: RuleSettings,
    *,
    method: str = "auto",
    republish: bool | None = None,
    release_by: str = "value",
) -> Protection:
    """Choose primary and secondary suppressions for ``tables`` and audit the result.

    ``method``: ``"gauss"`` (Gaussian elimination, fast on any size), ``"lp"`` (deviation LPs per
    primary cell over the whole table, :mod:`construct`: fewer suppressions, slow on large
    tables), ``"local"`` (the same LPs inside boxes, :mod:`local_lp`) or ``"auto"`` (``"lp"`` for
    linked tables of at most :data:`SMALL_TABLE_CELLS` cells, else ``"local"``; on tables of at most
    :data:`COMPARE_CELLS` cells both, keeping the one with fewer secondary cells, then the
    smaller hidden total, then ``"lp"``). ``republish``: run the re-publish pass
    (:mod:`republish`) that gives back secondary cells the pattern does not need; by default on
    the same small tables. ``release_by``: the order in which secondary cells are
    offered back (:func:`republish.release_order`). An ``"lp"`` or ``"local"`` pattern that misses
    a requirement after repair (it should not) is replaced by the ``"gauss"`` one."""
    if method not in ("auto", "gauss", "lp", "local"):
        raise ValueError(f"unknown method {method!r}")
    if method == "auto" and tables.n_cells <= COMPARE_CELLS:
        # Tiny tables: both ways cost milliseconds; keep the one hiding less.
        both = [
            protect(tables, settings, method=m, republish=republish, release_by=release_by)
            for m in ("lp", "gauss")
        ]
        return min(both, key=lambda r: (not r.passed, len(r.secondary), _hidden_total(r)))
    small = tables.n_cells <= SMALL_TABLE_CELLS
    method = ("lp" if small else "local") if method == "auto" else method
    republish = tables.n_cells <= REPUBLISH_CELLS if republish is None else republish
    primary = primary_cells(tables, settings)
    levels = np.zeros(tables.n_cells, dtype=float)
    for p in primary:
        levels[p.cell] = p.level
    protected = {p.cell for p in primary}
    witnesses: list[np.ndarray] = []
    stretched: list[np.ndarray] = []  # more deviations, for the audits only
    if method == "lp":
        secondary = lp_secondary(tables, levels, sorted(protected), witnesses=witnesses)
    elif method == "local":
        secondary, _ = local_lp_secondary(
            tables, levels, sorted(protected), witnesses=witnesses, stretched=stretched
        )
    else:
        secondary = _secondary(tables, protected, levels)
    mask = np.zeros(tables.n_cells, dtype=bool)
    mask[sorted(protected)] = True
    mask[secondary] = True
    points: list[np.ndarray] = []
    inner = np.asarray(tables.inner_values, dtype=float)
    failures, rounds = _screen_and_repair(
        tables,
        settings,
        mask,
        levels,
        points=points,
        known=_Shifted(inner, (*witnesses, *stretched)),
    )
    if failures and method in ("lp", "local"):  # should not happen: then Gaussian elimination's
        return protect(tables, settings, method="gauss", republish=republish, release_by=release_by)
    witnesses.extend(point - inner for point in points)

    def final(pattern: np.ndarray) -> AuditReport:
        # Every table found on the way settles bounds without an LP (the intervals are exact all
        # the same): ``witnesses`` hold for the pattern after re-publishing, and the pattern
        # only grows from there.
        known = _Shifted(inner, (*witnesses, *stretched))
        return audit_pattern(
            tables,
            pattern,
            levels,
            zeros_unsafe=settings.zeros_unsafe,
            witnesses=known,
            exact=tables.n_cells <= EXACT_AUDIT_CELLS,
        )

    released: tuple[int, ...] = ()
    if republish and not failures:
        chosen = sorted(set(np.flatnonzero(mask).tolist()) - protected)
        thinned = _republish(
            tables,
            mask,
            levels,
            release_order(tables, chosen, release_by),
            zeros_unsafe=settings.zeros_unsafe,
            max_solves=REPUBLISH_MAX_SOLVES,
        )
        if thinned.held and thinned.released:
            mask, released = thinned.suppressed.copy(), thinned.released
            # a deviation that moves a cell published again no longer holds
            witnesses = [d for d in witnesses if deviation_is_valid(tables, mask, d)]
            stretched = [d for d in stretched if deviation_is_valid(tables, mask, d)]
    insider = (
        insider_repair(tables, mask, levels, witnesses=witnesses, local=method == "local")
        if settings.insiders
        else None
    )
    report = final(mask)
    if not report.passed and released:  # cannot happen if the pass is right; the audit rules
        mask[list(released)] = True
        released = ()
        report = final(mask)
    suppressed_secondary = sorted(set(np.flatnonzero(mask).tolist()) - protected)
    return Protection(
        tables, settings, primary, tuple(suppressed_secondary), report, rounds, released, insider
    )


def _screen_and_repair(
    tables: LinkedTables,
    settings: RuleSettings,
    mask: np.ndarray,
    levels: np.ndarray,
    *,
    points: list[np.ndarray] | None = None,
    known: Iterable[np.ndarray] = (),
) -> tuple[tuple[CellInterval, ...], int]:
    """Screen the pattern ``mask`` and repair it in place until it passes (step 3); the cells
    still failing (none, unless the rounds ran out) and the number of rounds."""

    def screen(targets: list[int] | None) -> tuple[CellInterval, ...]:
        # The first screen's LP optima are non-negative tables that publish the same values:
        # they stay valid as more cells are suppressed (witnesses for the insider's audit).
        return audit_pattern(
            tables,
            mask,
            levels,
            zeros_unsafe=settings.zeros_unsafe,
            exact=False,
            targets=targets,
            points=points if targets is None else None,
            witnesses=known,
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
    return failures, rounds


class _Shifted:
    """The tables ``inner + d`` for each deviation ``d``, made one at a time whenever iterated
    (thousands of full tables at once would cost hundreds of MB on a 4-D table)."""

    def __init__(self, inner: np.ndarray, deviations: Sequence[np.ndarray]) -> None:
        self.inner, self.deviations = inner, deviations

    def __iter__(self) -> Iterator[np.ndarray]:
        return (self.inner + d for d in self.deviations)


def _hidden_total(result: Protection) -> int:
    return int(result.tables.values[list(result.suppressed)].sum())


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
    return [
        sorted(r for c in members for r in columns[c])
        for members in _singleton_groups(tables, protected, levels)
    ]


def _singleton_groups(
    tables: LinkedTables, protected: set[int], levels: np.ndarray
) -> list[tuple[int, ...]]:
    """Per equation, the primary children whose sum is protected as an imaginary cell: two or
    more of them, with a singleton among them or adding up to less than their level."""
    out: list[tuple[int, ...]] = []
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
                out.append(key)
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
