"""Repair a suppression pattern that fails the audit, one failing cell at a time, by LP.

Why a cell fails: the published equations and non-negativity hold it in too narrow an interval.
It passes as soon as there is a *deviation* ``d`` of the inner counts such that ``true + d`` is
another non-negative table that publishes the same values, and that moves the cell far enough:
then both tables are possible to an outsider, so the cell's interval reaches from one to the other.

So, per failing cell ``p`` (after Fischetti and Salazar's attacker subproblem, in its LP form):

    minimise   sum over published non-zero cells j of  cost_j * |X_j' d|
    subject to X_p' d >= L   (L: the width still missing; or <= -L, the other way)
               inner + d >= 0,  X_z' d = 0 for every published zero (zeros are never suppressed)

Every published cell that the optimal ``d`` moves is suppressed. After that, ``d`` is a valid
deviation of the new pattern, so ``p``'s interval is at least ``L`` wider, and every newly
suppressed cell moves under ``d``, so none of them is determined exactly. Cells already suppressed
cost nothing, so the next failing cell reuses them. Suppressing more only widens intervals: cells
that passed keep passing.

Solving for all failing cells at once (one deviation that moves every one of them up) is one LP
instead of hundreds: that is tried first; only when no single deviation can serve them all is
each cell repaired on its own (the model is kept; between solves only the bounds of one row and
the costs of newly suppressed cells change). The cost of a cell is its count (information lost),
so small inner cells are chosen before totals.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from desktop_app.disclosure.lp_audit import TOLERANCE, new_highs
from desktop_app.disclosure.tables import ModelMatrix


class DeviationRepair:
    """The deviation LP of a pattern; :meth:`fix` suppresses what one failing cell needs."""

    def __init__(
        self,
        model: ModelMatrix,
        values: np.ndarray,
        inner_values: np.ndarray,
        suppressed: np.ndarray,
        cost: np.ndarray,
    ) -> None:
        import highspy

        self.highspy = highspy
        self.values = np.asarray(values, dtype=np.int64)
        self.suppressed = np.array(suppressed, dtype=bool)
        zero_inner = np.zeros(model.n_rows, dtype=bool)
        for j in np.flatnonzero(~self.suppressed & (self.values == 0)).tolist():
            zero_inner[model.column(j)] = True
        free = np.flatnonzero(~zero_inner)
        self.n_inner = model.n_rows
        self.inner = np.asarray(inner_values, dtype=float)[free]
        position = np.full(model.n_rows, -1, dtype=np.int64)
        position[free] = np.arange(len(free))
        self.position = position
        n_free = len(free)
        # One row per cell that can move: published non-zero cells and suppressed cells.
        self.cells = np.flatnonzero(self.suppressed | (self.values != 0))
        self.row_of = np.full(len(self.values), -1, dtype=np.int64)
        self.row_of[self.cells] = np.arange(len(self.cells))
        published = self.cells[~self.suppressed[self.cells]]
        self.published = published
        self.t_col = np.full(len(self.values), -1, dtype=np.int64)
        self.t_col[published] = n_free + np.arange(len(published))
        n_pub = len(published)
        n_cols = n_free + 2 * n_pub
        self.n_free, self.n_pub = n_free, n_pub

        self.free = free
        self._deviation = np.zeros(n_free)
        self.h = self._model(model, position, np.asarray(cost, dtype=float)[published], n_cols)

    def _model(
        self, model: ModelMatrix, position: np.ndarray, pub_cost: np.ndarray, n_cols: int
    ) -> Any:
        """The HiGHS model: columns ``d`` (free inner cells), ``t+``, ``t-`` (published cells)."""
        highspy = self.highspy
        n_free, n_pub = self.n_free, self.n_pub
        starts, index, coef = self._rows(model, position, n_free)
        inf = highspy.kHighsInf
        lp = highspy.HighsLp()
        lp.num_col_ = n_cols
        lp.num_row_ = len(self.cells)
        costs = np.zeros(n_cols)
        costs[n_free : n_free + n_pub] = pub_cost
        costs[n_free + n_pub :] = pub_cost
        lp.col_cost_ = costs
        lower = np.zeros(n_cols)
        lower[:n_free] = -self.inner  # inner + d >= 0
        lp.col_lower_ = lower
        lp.col_upper_ = np.full(n_cols, inf)
        hidden = self.suppressed[self.cells]
        lp.row_lower_ = np.where(hidden, -inf, 0.0)
        lp.row_upper_ = np.where(hidden, inf, 0.0)
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.start_ = starts
        lp.a_matrix_.index_ = index
        lp.a_matrix_.value_ = coef
        h = new_highs()
        h.passModel(lp)
        return h

    def _rows(
        self,
        model: ModelMatrix,
        position: np.ndarray,
        n_free: int,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Row-wise matrix: per cell ``X_j' d``, less ``t+ - t-`` for published cells (``d`` is
        one free column per inner cell, bounded below by ``-inner``)."""
        n_pub = len(self.published)
        starts = [0]
        index: list[np.ndarray] = []
        coef: list[np.ndarray] = []
        for j in self.cells.tolist():
            pos = position[model.column(j)]
            pos = pos[pos >= 0]
            parts = [pos]
            vals = [np.ones(len(pos))]
            if self.t_col[j] >= 0:
                t = int(self.t_col[j])
                parts += [np.array([t]), np.array([t + n_pub])]
                vals += [np.array([-1.0]), np.array([1.0])]
            index.append(np.concatenate(parts))
            coef.append(np.concatenate(vals))
            starts.append(starts[-1] + len(index[-1]))
        flat_index = np.concatenate(index).astype(np.int32) if index else np.zeros(0, np.int32)
        flat_coef = np.concatenate(coef) if coef else np.zeros(0)
        return np.array(starts, dtype=np.int32), flat_index, flat_coef

    def fix_together(self, needs: Sequence[tuple[int, float]]) -> list[int] | None:
        """Published cells to suppress so that every ``(cell, up)`` of ``needs`` can move ``up``
        above its value at once (one deviation for all); ``None`` when that is impossible."""
        hs = self.highspy
        rows = [int(self.row_of[cell]) for cell, _ in needs]
        if min(rows, default=-1) < 0:
            return None
        for row, (_, up) in zip(rows, needs, strict=True):
            self.h.changeRowBounds(row, up, hs.kHighsInf)
        self.h.run()
        status = self.h.getModelStatus()
        chosen = self._moved() if status == hs.HighsModelStatus.kOptimal else None
        for row in rows:
            self.h.changeRowBounds(row, -hs.kHighsInf, hs.kHighsInf)
        if chosen is not None:
            self._suppress(chosen)
        return chosen

    def _moved(self) -> list[int]:
        x = np.asarray(self.h.getSolution().col_value)
        base = self.n_free
        moved = x[base : base + self.n_pub] + x[base + self.n_pub :]
        chosen = self.published[moved > TOLERANCE]
        return chosen[~self.suppressed[chosen]].tolist()

    def fix(self, cell: int, up: float, down: float) -> list[int] | None:
        """Published cells to suppress so that ``cell`` can move ``up`` above its value (or, when
        that is impossible, ``down`` below it); ``None`` when neither can be done."""
        row = int(self.row_of[cell])
        if row < 0:
            return None
        hs = self.highspy
        for lower, upper in ((up, hs.kHighsInf), (-hs.kHighsInf, -down)):
            if (lower <= 0 and upper >= 0) or lower > upper:
                continue
            self.h.changeRowBounds(row, lower, upper)
            self.h.run()
            status = self.h.getModelStatus()
            self.h.changeRowBounds(row, -hs.kHighsInf, hs.kHighsInf)
            if status != hs.HighsModelStatus.kOptimal:
                continue
            chosen = self._moved()
            self._suppress(chosen)
            return chosen
        return None

    def probe(self, cell: int, lower: float, upper: float) -> list[int] | None:
        """Without suppressing anything: the published cells a deviation that moves ``cell`` into
        ``[lower, upper]`` (relative to its value) must move, cheapest first by the LP; ``None``
        when no deviation does. :meth:`deviation` is that deviation until the next solve."""
        row = int(self.row_of[cell])
        return None if row < 0 else self._probe_row(row, lower, upper)

    def _probe_row(self, row: int, lower: float, upper: float) -> list[int] | None:
        hs = self.highspy
        self.h.changeRowBounds(row, lower, upper)
        self.h.run()
        status = self.h.getModelStatus()
        chosen = None
        if status == hs.HighsModelStatus.kOptimal:
            chosen = self._moved()
            x = np.asarray(self.h.getSolution().col_value)
            self._deviation = x[: self.n_free].copy()
        self.h.changeRowBounds(row, -hs.kHighsInf, hs.kHighsInf)
        return chosen

    def deviation(self) -> np.ndarray:
        """The deviation ``d`` of the free inner cells (those not under a published zero,
        :attr:`free`) found by the last successful probe: ``inner + d`` is another non-negative
        table that publishes the same values once the moved cells are suppressed."""
        return self._deviation

    def full_deviation(self) -> np.ndarray:
        """:meth:`deviation` over all inner cells (zero under published zeros)."""
        full = np.zeros(self.n_inner)
        full[self.free] = self._deviation
        return full

    def pin(self, inner_cells: Sequence[int] | np.ndarray) -> None:
        """Keep these inner cells fixed in every deviation until :meth:`unpin` (what an insider
        who knows their own cell knows)."""
        pos = self._positions(inner_cells)
        if len(pos):
            zeros = np.zeros(len(pos))
            self.h.changeColsBounds(len(pos), pos, zeros, zeros)

    def unpin(self, inner_cells: Sequence[int] | np.ndarray) -> None:
        pos = self._positions(inner_cells)
        if len(pos):
            upper = np.full(len(pos), self.highspy.kHighsInf)
            self.h.changeColsBounds(len(pos), pos, -self.inner[pos], upper)

    def _positions(self, inner_cells: Sequence[int] | np.ndarray) -> np.ndarray:
        pos = self.position[np.asarray(inner_cells, dtype=np.int64)]
        return pos[pos >= 0].astype(np.int32)

    def suppress(self, cells: Sequence[int]) -> None:
        """Suppress ``cells`` (they cost nothing from now on)."""
        self._suppress(cells)

    def _suppress(self, cells: Sequence[int]) -> None:
        if not cells:
            return
        self.suppressed[list(cells)] = True
        cols = []
        for j in cells:
            t = int(self.t_col[j])
            cols += [t, t + self.n_pub]
            row = int(self.row_of[j])
            self.h.changeRowBounds(row, -self.highspy.kHighsInf, self.highspy.kHighsInf)
        idx = np.array(cols, dtype=np.int32)
        self.h.changeColsCost(len(idx), idx, np.zeros(len(idx)))
