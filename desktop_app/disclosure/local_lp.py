"""Secondary suppression for large tables: the deviation-LP constructor on local boxes.

The problem. At 4-D (the benchmark's department x age x sex x salary band, 8,040 cells, 3,373
primary at threshold 10) Gaussian elimination hides 1,287 secondary cells; the deviation-LP
constructor of :mod:`construct` hides 797, but each of its 552 deviation LPs is solved on the
whole table (8,040 rows, 13,000 columns) and takes 0.28 s: 172 s in all (this shared 2-core
machine). The LP is what gives the quality: it finds, per primary cell, the cheapest other table
that an outsider cannot tell from the true one. τ-ARGUS modular hides 749 in 1,516 s (and its
pattern fails our audit on 170 cells: it protects each cell by 30% of its count, we by the
threshold).

The choice: the same constructor (same order, same down-then-up probes, suppressed cells free,
every deviation kept as a witness), with each deviation sought inside a *box* of inner cells
around the primary cell: per variable, all its leaves when it has at most :data:`BOX_WIDTH`,
else the cell's own leaves and the best ``BOX_WIDTH - 1`` partners. A partner is a leaf where
mirroring the cell (this variable's code replaced) moves the cheapest published cells, cells
already suppressed costing nothing: that is where τ-ARGUS's hypercube and modular methods look
too, but here the LP chooses the pattern inside the box, across all dimensions at once, and links
between tables and hierarchies are simply part of the model (a box is a set of inner cells,
every published cell touching it is a row). A deviation confined to the box is a valid deviation
of the whole table (it moves no published cell outside), so nothing is lost in guarantees: the
result goes through the same screening, repair, singleton-insider pass and final LP audit as
every other pattern. Only when no deviation exists in the box does it grow (twice as many
partners), then the whole table. A cell costs its count: the people hidden (``log(1 + count)``,
the whole-table constructor's price, gave 856 cells hiding 95,524 people; the count 859 hiding
80,691, fewer than Gaussian elimination's 84,250, and at threshold 5 fewer cells too: 1,229
against 1,252). The singleton insiders' LPs run in boxes too (:meth:`pin`).

Each box LP is small (on the 4-D table about 250 rows and 700 columns: an inner cell published
on its own needs no row, nor does a suppressed cell) and solves in 2 to 3 ms from scratch; the
second probe of the same cell re-solves the kept model with changed bounds. About 1,070 of them
and the Python around them (boxes, models) took 3.1 s. Two things bring that to 2.5 s without
changing a single LP: the model goes to HiGHS as arrays in one call (a ``HighsLp`` filled field
by field cost 0.25 ms a model), and the next cell's first probe is solved beside the current one
on the second core (:class:`_Ahead`; HiGHS lets go of the GIL while it solves): taken only when
it is exactly the LP the next probe would solve, so the pattern and every deviation are those of
one LP at a time (about 400 of 530 are taken). After the constructor, the screening takes 0.3 s,
the insiders' pass 0.7 s and the final audit's verdict 0.4 s: 4.2 s for the whole 4-D table.

Alternatives tried on the same table: warm-starting the whole-table model between cells (the
0.28 s per solve above), a box of 4 leaves per variable (1,003 secondary cells: the age
variable's 5 leaves cut), 8 (about 830, 20% slower), partners by the parallel cell's count only
(906 at 8), stretching each deviation as far as it stays valid (as many LPs: the deviations
already go as far as a cell reaching zero allows), other orders of the primary cells (largest
first 1,011, by cell 878, by dimension 838-877 with more LPs) and box LPs as witnesses for the
final audit's bounds (fewer whole-table LPs, each slower: no gain).

Deterministic: boxes, partners (ties in leaf order), the LPs (serial simplex, fixed options, no
time or iteration limit) and the order of probes depend only on the tables and the rule; the
pattern is the same with 1 and 2 HiGHS threads, and with the look-ahead or without it.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from desktop_app.disclosure.errors import DisclosureError
from desktop_app.disclosure.lp_audit import TOLERANCE, new_highs
from desktop_app.disclosure.tables import LinkedTables, Segments

MARGIN = 1e-6
BOX_WIDTH = 6
"""Leaves per variable in a box: a variable with at most this many leaves is taken whole; a wider
one keeps the cell's own leaves and the ``BOX_WIDTH - 1`` best partners."""
MAX_WIDTH = 16
"""A box that has no deviation grows (twice the width) up to this, then the whole table is used."""
SCALE_CAP = 1e6
LOOK_AHEAD = (os.cpu_count() or 1) > 1
"""Solve the next cell's probe on a second core beside the current one (:class:`_Ahead`); the
pattern is the same either way."""
LOOK_AHEAD_SCAN = 64
"""How many cells ahead the next cell to probe is looked for."""


class LocalDeviations:
    """Deviation LPs (as :class:`repair.DeviationRepair`) whose deviation is confined to a box of
    inner cells around the cell to move."""

    def __init__(
        self, tables: LinkedTables, suppressed: np.ndarray, cost: np.ndarray, width: int
    ) -> None:
        import highspy

        self.highspy = highspy
        self.tables = tables
        model = tables.model
        self.values = np.asarray(tables.values, dtype=np.int64)
        self.suppressed = np.array(suppressed, dtype=bool)
        self.cost = np.asarray(cost, dtype=float)
        self.width = width
        self.inner = np.asarray(tables.inner_values, dtype=float)
        self.sizes = [len(v.leaves) for v in tables.variables]
        self.strides = [math.prod(self.sizes[i + 1 :]) for i in range(len(self.sizes))]
        self.coords = np.array(np.unravel_index(np.arange(model.n_rows), self.sizes)).T
        zero_inner = np.zeros(model.n_rows, dtype=bool)
        for j in np.flatnonzero(~self.suppressed & (self.values == 0)).tolist():
            zero_inner[model.column(j)] = True
        self.zero_inner = zero_inner
        self.n_live = int((~zero_inner).sum())
        # per inner cell: the published non-zero cell made of it alone (-1: none)
        self.single = np.full(model.n_rows, -1, dtype=np.int64)
        sizes = np.diff(model.indptr)
        for j in np.flatnonzero((sizes == 1) & ~self.suppressed & (self.values != 0)).tolist():
            self.single[model.column(j)[0]] = j
        self.solves = 0
        self.pinned = np.zeros(model.n_rows, dtype=bool)
        self._slots: list[Any] = [None, None]  # HiGHS for the probe, and for the look-ahead
        self._last: _BoxLP | None = None
        self._deviation = np.zeros(model.n_rows)
        self._ahead: _Ahead | None = None
        self._pool: ThreadPoolExecutor | None = None

    def look_ahead(self, pool: ThreadPoolExecutor | None) -> None:
        """Solve, beside each fresh probe, the next cell's first probe in ``pool`` (see
        :class:`_Ahead`); ``None``: one LP at a time."""
        self._pool = pool
        self._ahead = None

    # -- the box -----------------------------------------------------------------------------

    def box(self, cell: int, width: int) -> np.ndarray | None:
        """Inner cells (sorted, published zeros left out) of the box around ``cell``; ``None``
        when the box would be the whole table."""
        column = self.tables.model.column(cell)
        own = self.coords[column]
        axes = []
        whole = True
        for axis, size in enumerate(self.sizes):
            mine = np.unique(own[:, axis])
            if size <= width or len(mine) >= size:
                axes.append(np.arange(size))
                continue
            chosen = np.union1d(mine, self._partners(column, axis, mine, width - len(mine)))
            whole = whole and len(chosen) >= size
            axes.append(chosen)
        if whole:
            return None
        grid = np.ix_(*axes)
        index = sum(np.asarray(a) * s for a, s in zip(grid, self.strides, strict=True))
        box = np.sort(np.asarray(index).ravel())
        return box[~self.zero_inner[box]]

    def _partners(self, column: np.ndarray, axis: int, mine: np.ndarray, count: int) -> np.ndarray:
        """The ``count`` leaves of variable ``axis`` most likely to share a cheap deviation with
        the cell of inner cells ``column``: those where mirroring them (this variable's leaf
        replaced) moves the cheapest published cells that do not hold the cell itself
        (suppressed cells cost nothing); ties in leaf order."""
        if count <= 0:
            return np.zeros(0, dtype=np.int64)
        model, n_cells = self.tables.model, self.tables.n_cells
        stride = self.strides[axis]
        free = np.ones(self.sizes[axis], dtype=bool)
        free[mine] = False
        others = np.flatnonzero(free)
        base = column - self.coords[column, axis] * stride
        mirrored = (base[None, :] + others[:, None] * stride).ravel()
        owner = np.repeat(np.arange(len(others)), len(column))
        _, own_cells = model.holding(column)
        pos, cells = model.holding(mirrored)
        keep = ~np.isin(cells, own_cells)
        # a cell holding several mirrored inner cells of one partner counts once
        pairs = np.unique(owner[pos[keep]] * n_cells + cells[keep])
        part, cells = pairs // n_cells, pairs % n_cells
        price = np.where(self.suppressed[cells], 0.0, self.cost[cells])
        score = np.bincount(part, weights=price, minlength=len(others))
        return others[np.lexsort((others, score))[:count]]

    # -- the LP ------------------------------------------------------------------------------

    def probe(
        self,
        cell: int,
        lower: float,
        upper: float,
        ahead: tuple[int, float, float] | None = None,
    ) -> list[int] | None:
        """Published cells that a deviation moving ``cell`` into ``[lower, upper]`` (relative to
        its value) moves, cheapest by the LP within the smallest box that has one; ``None`` when
        no deviation does. :meth:`deviation` is that deviation (over all inner cells).
        ``ahead``: the probe that will most likely come next (cell, lower, upper), solved beside
        this one when a look-ahead pool is set."""
        width = self.width
        last = self._last
        if last is not None and last.cell == cell:
            # the other direction for the same cell: the same model, re-solved warm
            found = last.run(lower, upper)
            self.solves += 1
            if found is not None:
                self._deviation = last.deviation
                return found
            width = last.width * 2
        first = True
        while True:
            if width > MAX_WIDTH:
                width = max(self.sizes) + 1
            box = self.box(cell, width)
            if box is None:
                box = np.flatnonzero(~self.zero_inner)
            kept = None
            lp: _BoxLP | None
            if self._ahead is not None and self._ahead.lp.cell == cell:
                kept = self._ahead.take(cell, lower, upper, width, box)
                self._ahead = None
            if kept is not None:
                lp, found = kept
            else:
                lp = self._build(cell, box, width)
                found = None if lp is None else self._solve(lp, lower, upper, ahead, first)
            if lp is not None:
                self._last = lp
            first = False
            if found is not None and lp is not None:
                self._deviation = lp.deviation
                return found
            if len(box) >= self.n_live:
                return None
            width *= 2

    def _solve(
        self,
        lp: _BoxLP,
        lower: float,
        upper: float,
        ahead: tuple[int, float, float] | None,
        first: bool,
    ) -> list[int] | None:
        """``lp.run(lower, upper)``; on a first fresh probe with a pool, the ``ahead`` probe's LP
        is solved at the same time (HiGHS lets go of the GIL) and kept in :attr:`_ahead`."""
        self.solves += 1
        if ahead is None or not first or self._pool is None:
            return lp.run(lower, upper)
        # This LP runs on the other core while the next one is built here, then both run.
        lp.bound(lower, upper)
        running = self._pool.submit(lp.h.run)
        try:
            cell, low, high = ahead
            box = self.box(cell, self.width)
            if box is None:
                box = np.flatnonzero(~self.zero_inner)
            spec = self._build(cell, box, self.width, slot=1)
            if spec is not None:
                self._ahead = _Ahead(spec, low, high, spec.run(low, high))
                self.solves += 1
        finally:
            running.result()
        return lp.result()

    def _build(self, cell: int, box: np.ndarray, width: int, slot: int = 0) -> _BoxLP | None:
        """The deviation LP on ``box`` (see :class:`_BoxLP`) in HiGHS instance ``slot``; ``None``
        when ``cell`` is not in it."""
        model = self.tables.model
        target = model.column(cell)
        pos, cells = model.holding(box)
        touching = np.unique(cells)
        single = self.single[box]  # per box cell: the published cell of it alone, or -1
        split = single >= 0
        is_row = ~self.suppressed[cells] & (self.values[cells] != 0) & (single[pos] != cells)
        target_single = len(target) == 1
        if target_single:
            at = int(np.searchsorted(box, target[0]))
            if at >= len(box) or box[at] != target[0]:
                return None
        else:
            is_row |= cells == cell
        pos, cells = pos[is_row], cells[is_row]
        rows, row_of = np.unique(cells, return_inverse=True)
        n_box, n_split = len(box), int(split.sum())
        pub = rows != cell
        n_pub = int(pub.sum())
        t_of = np.cumsum(pub) - 1
        base_t = n_box + n_split
        down_col = np.full(n_box, -1, dtype=np.int64)
        down_col[split] = n_box + np.arange(n_split)
        pub_rows = np.flatnonzero(pub)
        on_split = split[pos]
        # entries (row, column, value): d, the "down" part of split cells, t+ and t-
        entry_row = np.concatenate([row_of, row_of[on_split], pub_rows, pub_rows])
        entry_col = np.concatenate(
            [pos, down_col[pos[on_split]], base_t + t_of[pub_rows], base_t + n_pub + t_of[pub_rows]]
        )
        entry_val = np.concatenate(
            [np.ones(len(pos)), -np.ones(int(on_split.sum())), -np.ones(n_pub), np.ones(n_pub)]
        )
        order = np.lexsort((entry_col, entry_row))
        starts = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(np.bincount(entry_row, minlength=len(rows)), out=starts[1:])
        n_cols = base_t + 2 * n_pub
        costs = np.zeros(n_cols)
        split_cost = self.cost[single[split]]
        costs[np.flatnonzero(split)] = split_cost
        costs[n_box:base_t] = split_cost
        pub_cost = self.cost[rows[pub]]
        costs[base_t : base_t + n_pub] = pub_cost
        costs[base_t + n_pub :] = pub_cost
        col_lower, col_upper = self._bounds(box, split, n_cols)
        h = self._highs(slot)
        self._pass(h, costs, (col_lower, col_upper), (starts, entry_col[order], entry_val[order]))
        if target_single:
            at = int(np.searchsorted(box, target[0]))
            where = ("col", at, float(col_lower[at]))
        else:
            where = ("row", int(np.searchsorted(rows, cell)), 0.0)
        return _BoxLP(
            self,
            h,
            cell=cell,
            width=width,
            box=box,
            split=(single[split], np.flatnonzero(split)),
            rows=rows[pub],
            target=where,
            touching=touching,
        )

    def _bounds(
        self, box: np.ndarray, split: np.ndarray, n_cols: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Column bounds: ``d >= -count`` (``up >= 0``, ``0 <= down <= count`` for a split
        cell), ``t`` non-negative; an insider's own (pinned) inner cells stay as they are."""
        n_box, base_t = len(box), len(box) + int(split.sum())
        col_lower = np.zeros(n_cols)
        col_lower[:n_box] = np.where(split, 0.0, -self.inner[box])
        col_upper = np.full(n_cols, np.inf)
        col_upper[n_box:base_t] = self.inner[box][split]
        held = self.pinned[box]
        col_lower[:n_box][held] = 0.0
        col_upper[:n_box][held] = 0.0
        col_upper[n_box:base_t][held[split]] = 0.0
        return col_lower, col_upper

    def _pass(
        self,
        h: Any,
        costs: np.ndarray,
        bounds: tuple[np.ndarray, np.ndarray],
        matrix: tuple[np.ndarray, np.ndarray, np.ndarray],
    ) -> None:
        """Give HiGHS the LP: ``costs``, column ``bounds``, rows ``= 0``, the row-wise ``matrix``
        (starts, column indices, values). The arrays go in one call: filling a ``HighsLp``
        field by field costs 20 times as much, a tenth of the constructor's time."""
        hs = self.highspy
        starts, index, value = matrix
        n_cols, n_rows = len(costs), len(starts) - 1
        zeros = np.zeros(n_rows)
        status = h.passModel(
            n_cols,
            n_rows,
            len(index),
            int(hs.MatrixFormat.kRowwise),
            int(hs.ObjSense.kMinimize),
            0.0,
            np.asarray(costs, dtype=float),
            np.asarray(bounds[0], dtype=float),
            np.where(np.isinf(bounds[1]), hs.kHighsInf, bounds[1]),
            zeros,
            zeros,
            starts.astype(np.int32),
            index.astype(np.int32),
            np.asarray(value, dtype=float),
            np.zeros(n_cols, dtype=np.int32),  # every column continuous
        )
        if status != hs.HighsStatus.kOk:
            raise DisclosureError("disclosure.solver-failed", status=str(status))

    def _highs(self, slot: int = 0) -> Any:
        h = self._slots[slot]
        if h is None:
            h = self._slots[slot] = new_highs()
            # Small fresh models: presolve costs more than it saves; serial dual simplex.
            h.setOptionValue("presolve", "off")
            h.setOptionValue("simplex_strategy", 1)
        else:
            h.clearModel()
        return h

    def deviation(self) -> np.ndarray:
        """The last successful probe's deviation over all inner cells."""
        return self._deviation

    full_deviation = deviation

    def pin(self, inner_cells: Sequence[int] | np.ndarray) -> None:
        """Keep these inner cells fixed in every deviation until :meth:`unpin` (as
        :meth:`repair.DeviationRepair.pin`: what an insider who knows their own cell knows)."""
        self.pinned[np.asarray(inner_cells, dtype=np.int64)] = True
        self._last = self._ahead = None

    def unpin(self, inner_cells: Sequence[int] | np.ndarray) -> None:
        self.pinned[np.asarray(inner_cells, dtype=np.int64)] = False
        self._last = self._ahead = None

    def suppress(self, cells: Sequence[int]) -> None:
        """Suppress ``cells`` (they cost nothing from now on)."""
        if not len(cells):
            return
        chosen = np.asarray(list(cells), dtype=np.int64)
        self.suppressed[chosen] = True
        self.single[np.isin(self.single, chosen)] = -1
        if self._last is not None:
            self._last.free(chosen)
        if self._ahead is not None:
            self._ahead.since.append(chosen)


class _BoxLP:
    """One box's deviation LP in HiGHS. Columns: per inner cell of the box its change ``d``; an
    inner cell published on its own (a published non-zero cell of one inner cell) as
    ``d = up - down`` with that cell's cost on both parts and ``down <= count`` (no row needed);
    per other published non-zero cell touching the box ``t+`` and ``t-`` with
    ``X_j' d = t+ - t-``, each at the cell's cost. Suppressed cells need no row (they may move
    freely), except the cell to move, whose row (or column) carries the bounds of the probe.
    Kept for the next probe of the same cell: only those bounds and the costs of cells
    suppressed since change, and HiGHS starts from the last optimal basis."""

    def __init__(
        self,
        owner: LocalDeviations,
        h: Any,
        *,
        cell: int,
        width: int,
        box: np.ndarray,
        split: tuple[np.ndarray, np.ndarray],
        rows: np.ndarray,
        target: tuple[str, int, float],
        touching: np.ndarray,
    ) -> None:
        self.owner, self.h = owner, h
        self.touching = touching  # every cell holding an inner cell of the box, sorted
        self.cell, self.width, self.box = cell, width, box
        # the split inner cells' published cells and their places in the box
        self.split_cells, self.split_at = split
        self.rows = rows
        self.target = target
        self.deviation = np.zeros(0)

    def free(self, cells: np.ndarray) -> None:
        """Cells just suppressed cost nothing from now on."""
        n_box, n_split, n_pub = len(self.box), len(self.split_cells), len(self.rows)
        k = np.flatnonzero(np.isin(self.split_cells, cells))
        r = np.flatnonzero(np.isin(self.rows, cells))
        base = n_box + n_split
        columns = np.concatenate([self.split_at[k], n_box + k, base + r, base + n_pub + r])
        if len(columns):
            self.h.changeColsCost(len(columns), columns.astype(np.int32), np.zeros(len(columns)))

    def run(self, lower: float, upper: float) -> list[int] | None:
        """Solve with the cell moved into ``[lower, upper]``; the unsuppressed published cells
        the optimal deviation moves (``None``: no deviation in the box)."""
        self.bound(lower, upper)
        self.h.run()
        return self.result()

    def bound(self, lower: float, upper: float) -> None:
        """Ask for the cell moved into ``[lower, upper]`` (then ``h.run()`` and :meth:`result`)."""
        hs = self.owner.highspy
        lo = lower if math.isfinite(lower) else -hs.kHighsInf
        hi = upper if math.isfinite(upper) else hs.kHighsInf
        kind, at, floor = self.target
        if kind == "col":
            self.h.changeColBounds(at, max(floor, lo), hi)
        else:
            self.h.changeRowBounds(at, lo, hi)

    def result(self) -> list[int] | None:
        """What :meth:`run` returns, read off the solved model."""
        hs = self.owner.highspy
        if self.h.getModelStatus() != hs.HighsModelStatus.kOptimal:
            return None
        n_box, n_split, n_pub = len(self.box), len(self.split_cells), len(self.rows)
        x = np.asarray(self.h.getSolution().col_value)
        d = x[:n_box].copy()
        d[self.split_at] -= x[n_box : n_box + n_split]
        base = n_box + n_split
        moved_rows = x[base : base + n_pub] + x[base + n_pub : base + 2 * n_pub]
        moved = set(self.rows[moved_rows > TOLERANCE].tolist())
        moved.update(self.split_cells[np.abs(d[self.split_at]) > TOLERANCE].tolist())
        d[np.abs(d) < TOLERANCE * 1e-3] = 0.0
        self.deviation = np.zeros(len(self.owner.inner))
        self.deviation[self.box] = d
        suppressed = self.owner.suppressed
        return [c for c in sorted(moved) if not suppressed[c]]


class _Ahead:
    """The next cell's first probe, solved beside the current one on the second core (HiGHS lets
    go of the GIL). It is taken only when it is exactly the LP the next probe would solve: the
    same cell, bounds and box, and no cell suppressed since holds an inner cell of the box (the
    rows, costs and split cells are then the same). The pattern is therefore the one of a
    single thread; a look-ahead that does not fit is thrown away."""

    def __init__(self, lp: _BoxLP, lower: float, upper: float, found: list[int] | None) -> None:
        self.lp, self.lower, self.upper, self.found = lp, lower, upper, found
        self.since: list[np.ndarray] = []  # cells suppressed after it was solved

    def take(
        self, cell: int, lower: float, upper: float, width: int, box: np.ndarray
    ) -> tuple[_BoxLP, list[int] | None] | None:
        lp = self.lp
        if (lp.cell, lp.width, self.lower, self.upper) != (cell, width, lower, upper):
            return None
        if len(lp.box) != len(box) or not np.array_equal(lp.box, box):
            return None
        for cells in self.since:
            at = np.searchsorted(lp.touching, cells)
            hit = at < len(lp.touching)
            if np.any(lp.touching[at[hit]] == cells[hit]):
                return None
        return lp, self.found


def local_lp_secondary(
    tables: LinkedTables,
    levels: np.ndarray,
    protected: Sequence[int],
    *,
    witnesses: list[np.ndarray] | None = None,
    stretched: list[np.ndarray] | None = None,
    width: int | None = None,
    look_ahead: bool = LOOK_AHEAD,
) -> tuple[list[int], int]:
    """Secondary cells (cell order) so that every ``protected`` cell can move by its level, as
    :func:`construct.lp_secondary` chooses them but each deviation found in a box
    (:class:`LocalDeviations`) and each cell priced by its count; and the number of LP solves.
    Published zeros are never chosen. ``witnesses`` receives every deviation found (over all
    inner cells); ``stretched`` each of them scaled as far as it stays valid, both ways (more
    witnesses for the audits). ``look_ahead``: solve the next probe on a second core (the
    pattern is the same)."""
    mask = np.zeros(tables.n_cells, dtype=bool)
    mask[list(protected)] = True
    # the cost of moving a cell: the people it holds (what hiding it costs the reader)
    cost = tables.values.astype(float)
    local = LocalDeviations(tables, mask, cost, BOX_WIDTH if width is None else width)
    run = _Construction(tables, levels, protected, local, mask)
    run.witnesses, run.stretched = witnesses, stretched
    pool = ThreadPoolExecutor(1, thread_name_prefix="box-lp") if look_ahead else None
    local.look_ahead(pool)
    try:
        run.all()
    finally:
        if pool is not None:
            pool.shutdown()
    return sorted(set(np.flatnonzero(mask).tolist()) - set(protected)), local.solves


class _Construction:
    """The constructor's loop: the protected cells, smallest first, each probed down then up
    unless the deviations found so far already move it far enough."""

    def __init__(
        self,
        tables: LinkedTables,
        levels: np.ndarray,
        protected: Sequence[int],
        local: LocalDeviations,
        mask: np.ndarray,
    ) -> None:
        self.values, self.levels = tables.values, levels
        self.local, self.mask = local, mask
        self.order = sorted(protected, key=lambda j: (int(self.values[j]), j))
        self.targets = Segments.of([tables.model.column(j) for j in self.order])
        # Range of each target over the deviations found so far, each scaled as far as it
        # stays valid (0: the true table).
        self.low = np.zeros(len(self.order))
        self.high = np.zeros(len(self.order))
        self.inner = np.asarray(tables.inner_values, dtype=float)
        self.witnesses: list[np.ndarray] | None = None
        self.stretched: list[np.ndarray] | None = None

    def all(self) -> None:
        inf = math.inf
        for k, j in enumerate(self.order):
            if self._moved_enough(k):
                continue
            down = self._down(k)
            if down is not None:
                self._keep(self.local.probe(j, -inf, -down, self._next(k)))
            rest = float(self.levels[j]) - (self.high[k] - self.low[k])
            if rest > MARGIN:
                self._keep(self.local.probe(j, self.high[k] + rest, inf, self._next(k)))

    def _moved_enough(self, k: int) -> bool:
        return bool(self.high[k] - self.low[k] >= float(self.levels[self.order[k]]) - MARGIN)

    def _down(self, k: int) -> float | None:
        """How far target ``k`` must still be moved down (``None``: no down probe)."""
        level, value = float(self.levels[self.order[k]]), float(self.values[self.order[k]])
        amount = min(value, level)
        return amount if value > 0 and -self.low[k] < amount - MARGIN else None

    def _next(self, k: int) -> tuple[int, float, float] | None:
        """The first probe after target ``k``'s as things stand now (what ``k``'s probes find
        may change it: :class:`_Ahead` checks)."""
        for k2 in range(k + 1, min(k + 1 + LOOK_AHEAD_SCAN, len(self.order))):
            if self._moved_enough(k2):
                continue
            j2, down = self.order[k2], self._down(k2)
            if down is not None:
                return j2, -math.inf, -down
            rest = float(self.levels[j2]) - (self.high[k2] - self.low[k2])
            return j2, self.high[k2] + rest, math.inf
        return None

    def _keep(self, chosen: list[int] | None) -> None:
        """Take the last probe's deviation (if it found one) and suppress what it moves."""
        if chosen is None:
            return
        d = self.local.deviation()
        up, down = _reach(self.inner, d)
        if self.witnesses is not None:
            self.witnesses.append(d.copy())
        if self.stretched is not None:
            self.stretched.extend(d * s for s in (up, -down) if s != 1.0 and math.isfinite(s))
        moved = self.targets.sums(d)
        up, down = min(up, SCALE_CAP), min(down, SCALE_CAP)
        np.minimum(self.low, np.minimum(moved * up, -moved * down), out=self.low)
        np.maximum(self.high, np.maximum(moved * up, -moved * down), out=self.high)
        if chosen:
            self.local.suppress(chosen)
            self.mask[chosen] = True


def _reach(inner: np.ndarray, d: np.ndarray) -> tuple[float, float]:
    """How far the deviation ``d`` can be scaled, up (``inner + s * d >= 0`` for ``0 <= s <=
    up``) and down (the same for ``-down <= s <= 0``): a valid deviation stays valid on that
    whole range (it moves the same cells)."""
    falling, rising = d < -TOLERANCE, d > TOLERANCE
    up = float(np.min(inner[falling] / -d[falling])) if falling.any() else math.inf
    down = float(np.min(inner[rising] / d[rising])) if rising.any() else math.inf
    return max(up, 1.0), down
