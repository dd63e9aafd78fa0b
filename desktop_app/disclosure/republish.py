"""Re-publish: give back secondary suppressions that the protection does not need.

The constructor (:mod:`construct`), Gaussian elimination and the repair LPs choose a safe pattern,
but not a minimal one: some secondary cells, once the others are in place, protect nothing. This pass tries to publish the
secondary cells again, one at a time, most informative first (largest count, then totals before
inner cells, then cell order), and keeps each release only when every requirement still holds:

- every primary cell's interval stays at least as wide as its protection level;
- no suppressed non-zero cell becomes exact (a suppressed zero may, while zeros are safe);
- every sum of primaries that Gaussian elimination protects as an imaginary cell (a pair of
  singletons in one equation, or primaries adding up to less than their level) stays inexact.

How a release is checked cheaply: the attacker's LP (non-negative inner counts reproducing every
published cell) is kept as one HiGHS model with a row per cell; publishing a cell fixes its row,
giving it back frees the row again. A pool of feasible points (every LP optimum found so far, and
the true table) witnesses each requirement: a requirement holds as long as two pool points that
reproduce the published cells are far enough apart on it. Publishing cell ``j`` only discards the
points that disagree with ``j``'s true count, so most requirements keep their witnesses and need no
LP at all; the others are re-solved (maximum, then minimum) and the release is refused at the first
requirement that is really too narrow. A refused release keeps the points found while trying it:
they satisfy more equations than the pattern without the release, so they stay feasible.

The work is bounded by a number of LP solves (not by time: the result must not depend on the
machine's speed); when the budget runs out, the remaining secondary cells simply stay suppressed.
Everything is in a fixed order, with a single-threaded solver: the same input gives the same
pattern on every run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from desktop_app.disclosure.lp_audit import TOLERANCE, new_highs
from desktop_app.disclosure.tables import LinkedTables, Segments

INEXACT = 1e-4
"""A requirement "not exact" asks for at least this width (the audit's own limit is 1e-6: the
margin keeps solver noise from deciding)."""


def release_order(tables: LinkedTables, cells: Sequence[int], by: str = "value") -> list[int]:
    """Secondary cells in the order they are offered for publishing again.

    ``by="value"``: largest count first (a hidden large count costs the reader most), totals before
    inner cells at equal count, then cell order. ``by="count"``: smallest count first (small cells
    are the cheapest to keep hidden elsewhere, so releasing them first tends to free more cells)."""
    values, dims = tables.values, [len(k) for k in tables.keys]
    if by == "value":
        return sorted(cells, key=lambda j: (-int(values[j]), dims[j], j))
    if by == "count":
        return sorted(cells, key=lambda j: (int(values[j]), dims[j], j))
    raise ValueError(f"unknown release order {by!r}")


def republish(
    tables: LinkedTables,
    suppressed: np.ndarray,
    levels: np.ndarray,
    candidates: Sequence[int],
    *,
    groups: Sequence[Sequence[int]] = (),
    zeros_unsafe: bool = False,
    max_solves: int = 20_000,
) -> Republished:
    """Publish as many ``candidates`` (suppressed cells, in the order to try them) as the
    requirements allow. ``suppressed`` is the current mask, ``levels`` the protection level per cell
    (0: none demanded), ``groups`` the sums of cells that must stay inexact. When the current
    pattern does not itself meet the requirements, nothing is released (``held`` is false)."""
    mask = np.array(suppressed, dtype=bool)
    candidates = [int(j) for j in candidates if mask[int(j)]]
    state = _Pool(
        tables,
        mask,
        levels,
        candidates,
        groups=groups,
        zeros_unsafe=zeros_unsafe,
        max_solves=max_solves,
    )
    if not state.holds():
        return Republished(mask, (), False, state.solves)
    released: list[int] = []
    pruned_at = state.size
    for j in candidates:
        if state.exhausted:
            break
        if state.try_release(j):
            mask[j] = False
            released.append(j)
        if state.size > 2 * pruned_at + 64:
            state.prune()
            pruned_at = state.size
    return Republished(mask, tuple(released), True, state.solves)


@dataclass(frozen=True, eq=False)
class Republished:
    """The outcome of :func:`republish`."""

    suppressed: np.ndarray
    """The new mask."""
    released: tuple[int, ...]
    """The cells published again, in the order released."""
    held: bool
    """Whether the pattern given met every requirement (else nothing was tried)."""
    solves: int
    """LP solves spent."""


class _Pool:
    """The attacker's LP with a row per cell, and the pool of feasible points witnessing each
    requirement."""

    def __init__(
        self,
        tables: LinkedTables,
        mask: np.ndarray,
        levels: np.ndarray,
        candidates: list[int],
        *,
        groups: Sequence[Sequence[int]],
        zeros_unsafe: bool,
        max_solves: int,
    ) -> None:
        import highspy

        self.hs = highspy
        self.max_solves = max_solves
        self.solves = 0
        model, values = tables.model, tables.values
        # Inner cells under a published zero are 0 for good (zeros are never re-suppressed).
        zero = np.zeros(model.n_rows, dtype=bool)
        for j in np.flatnonzero(~mask & (values == 0)).tolist():
            zero[model.column(j)] = True
        free = np.flatnonzero(~zero)
        self.position = np.full(model.n_rows, -1, dtype=np.int64)
        self.position[free] = np.arange(len(free))
        self.n_vars = len(free)
        self.model = model

        reqs_of_cell = self._requirements(tables, mask, levels, groups, zeros_unsafe)
        # Requirements to look at first when a candidate is published: those of the cells that
        # share an equation with it (where a release usually bites), then the last one that
        # refused a release.
        near: dict[int, set[int]] = {j: set() for j in candidates}
        for eq in tables.equations:
            members = (eq.parent, *eq.children)
            for c in members:
                if c in near:
                    near[c].update(members)
        self.first: dict[int, np.ndarray] = {
            j: np.array(
                sorted({k for c in near[j] for k in reqs_of_cell.get(c, ())}), dtype=np.int64
            )
            for j in candidates
        }
        self.last_refusal = -1
        # The equations of every candidate, for the quick refusal of :meth:`_pins_another`.
        self.mask = mask  # shared with republish(), which publishes accepted releases in it
        self.equations: dict[int, list[np.ndarray]] = {j: [] for j in candidates}
        for eq in tables.equations:
            eq_cells = np.array((eq.parent, *eq.children), dtype=np.int64)
            for c in eq_cells.tolist():
                if c in self.equations:
                    self.equations[c].append(eq_cells)

        self.cand_index = {j: i for i, j in enumerate(candidates)}
        cand_cols = [self._reduced(j) for j in candidates]
        self.cand_segments = Segments.of(cand_cols)
        self.cand_value = values[candidates].astype(float)
        self.h = self._attacker_lp(tables, mask)
        self.cost = np.zeros(self.n_vars)

        # The pool: per point its value on every requirement and every candidate (rows
        # 0..size-1 of buffers that grow by doubling).
        self.size = 0
        self.req_buf = np.zeros((64, len(self.need)))
        self.cand_buf = np.zeros((64, len(candidates)))
        self.valid_buf = np.zeros(64, dtype=bool)
        self.unbounded = np.zeros(len(self.need), dtype=bool)
        self._add(tables.inner_values[free].astype(float))

    def _reduced(self, j: int) -> np.ndarray:
        pos = self.position[self.model.column(j)]
        return pos[pos >= 0]

    def _requirements(
        self,
        tables: LinkedTables,
        mask: np.ndarray,
        levels: np.ndarray,
        groups: Sequence[Sequence[int]],
        zeros_unsafe: bool,
    ) -> dict[int, list[int]]:
        """Requirements: (columns summed, width needed); a suppressed cell's own requirement is
        dropped once it is published. Returns, per cell, the requirements it takes part in."""
        values = tables.values
        req_cols: list[np.ndarray] = []
        need: list[float] = []
        self.req_of: dict[int, int] = {}
        for j in np.flatnonzero(mask).tolist():
            level = float(levels[j])
            if values[j] == 0 and not zeros_unsafe and level <= 0:
                continue  # a suppressed zero may be worked out while zeros are safe
            self.req_of[j] = len(req_cols)
            req_cols.append(self._reduced(j))
            need.append(max(level - TOLERANCE, INEXACT))
        reqs_of_cell: dict[int, list[int]] = {j: [k] for j, k in self.req_of.items()}
        for members in groups:
            for c in members:
                reqs_of_cell.setdefault(int(c), []).append(len(req_cols))
            req_cols.append(np.sort(np.concatenate([self._reduced(int(c)) for c in members])))
            need.append(INEXACT)
        self.need = np.array(need, dtype=float)
        self.active = np.ones(len(need), dtype=bool)
        self.req_segments = Segments.of(req_cols)
        return reqs_of_cell

    def _attacker_lp(self, tables: LinkedTables, mask: np.ndarray) -> Any:
        """One row per cell with a non-empty reduced column (published: fixed to its value;
        a candidate: free until published); suppressed cells that stay so have no row."""
        highspy, values = self.hs, tables.values
        self.row_of: dict[int, int] = {}
        rows: list[np.ndarray] = []
        lower: list[float] = []
        upper: list[float] = []
        inf = highspy.kHighsInf
        for j in range(tables.n_cells):
            cols = self._reduced(j)
            if not len(cols) or (mask[j] and j not in self.cand_index):
                continue
            self.row_of[j] = len(rows)
            rows.append(cols)
            lower.append(-inf if mask[j] else float(values[j]))
            upper.append(inf if mask[j] else float(values[j]))
        lp = highspy.HighsLp()
        lp.num_col_ = self.n_vars
        lp.num_row_ = len(rows)
        lp.col_cost_ = np.zeros(self.n_vars)
        lp.col_lower_ = np.zeros(self.n_vars)
        lp.col_upper_ = np.full(self.n_vars, inf)
        lp.row_lower_ = np.array(lower, dtype=float)
        lp.row_upper_ = np.array(upper, dtype=float)
        starts = np.zeros(len(rows) + 1, dtype=np.int32)
        np.cumsum([len(r) for r in rows], out=starts[1:])
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.start_ = starts
        lp.a_matrix_.index_ = (
            np.concatenate(rows).astype(np.int32) if rows else np.zeros(0, np.int32)
        )
        lp.a_matrix_.value_ = np.ones(int(starts[-1]))
        h = new_highs()
        # Mostly a new objective from the last optimal basis (still feasible): primal simplex.
        h.setOptionValue("simplex_strategy", 4)
        h.passModel(lp)
        return h

    @property
    def exhausted(self) -> bool:
        return self.solves >= self.max_solves

    @property
    def req_vals(self) -> np.ndarray:
        return self.req_buf[: self.size]

    @property
    def cand_vals(self) -> np.ndarray:
        return self.cand_buf[: self.size]

    @property
    def valid(self) -> np.ndarray:
        return self.valid_buf[: self.size]

    @valid.setter
    def valid(self, flags: np.ndarray) -> None:
        self.valid_buf[: self.size] = flags

    def _add(self, point: np.ndarray) -> None:
        if self.size == len(self.valid_buf):
            grow = len(self.valid_buf)
            self.req_buf = np.vstack([self.req_buf, np.zeros((grow, self.req_buf.shape[1]))])
            self.cand_buf = np.vstack([self.cand_buf, np.zeros((grow, self.cand_buf.shape[1]))])
            self.valid_buf = np.concatenate([self.valid_buf, np.zeros(grow, dtype=bool)])
        self.req_buf[self.size] = self.req_segments.sums(point)
        self.cand_buf[self.size] = self.cand_segments.sums(point)
        self.valid_buf[self.size] = True
        self.size += 1

    def prune(self) -> None:
        """Keep only the valid points that are extreme on some active requirement (and the true
        table, point 0). Between releases an invalid point never becomes valid again."""
        valid = np.flatnonzero(self.valid)
        vals = self.req_vals[valid][:, self.active]
        keep = {0}
        if vals.size:
            keep.update(valid[np.argmin(vals, axis=0)].tolist())
            keep.update(valid[np.argmax(vals, axis=0)].tolist())
        order = np.array(sorted(keep), dtype=np.int64)
        n = len(order)
        self.req_buf[:n] = self.req_buf[order]
        self.cand_buf[:n] = self.cand_buf[order]
        self.valid_buf[:n] = True
        self.size = n

    def _short(self) -> np.ndarray:
        """Active requirements that the valid points do not yet show to hold."""
        vals = self.req_vals[self.valid]
        width = vals.max(axis=0) - vals.min(axis=0)
        return np.flatnonzero(self.active & (width < self.need))

    def _solve(self, k: int, sign: float) -> bool:
        """Optimise requirement ``k`` in direction ``sign`` (1: maximise, -1: minimise) and add the
        optimum to the pool. False when there is no optimum: unbounded (the caller then counts the
        requirement as holding for this pattern) or a solver failure (the release is refused)."""
        self.solves += 1
        cost = np.zeros(self.n_vars)
        req = self.req_segments
        start, size = int(req.starts[k]), int(req.sizes[k])
        cost[req.flat[start : start + size]] = -sign  # HiGHS minimises
        changed = np.flatnonzero(cost != self.cost)
        if len(changed):
            self.h.changeColsCost(len(changed), changed.astype(np.int32), cost[changed])
            self.cost = cost
        self.h.run()
        status = self.h.getModelStatus()
        if status == self.hs.HighsModelStatus.kOptimal:
            self._add(np.asarray(self.h.getSolution().col_value, dtype=float))
            return True
        if status in (
            self.hs.HighsModelStatus.kUnbounded,
            self.hs.HighsModelStatus.kUnboundedOrInfeasible,
        ):
            self.unbounded[k] = True
        return False

    def holds(self) -> bool:
        """Do all requirements hold for the current pattern (finding witnesses as needed)?"""
        return self._check(budget=False)

    def _pins_another(self, j: int) -> bool:
        """Would publishing ``j`` leave a cell with a requirement as the only suppressed cell of
        an equation (so that it is exact)? Then the release fails, and no LP is needed."""
        for members in self.equations[j]:
            hidden = members[self.mask[members]]
            if len(hidden) == 2:
                other = int(hidden[0] if hidden[1] == j else hidden[1])
                k = self.req_of.get(other)
                if k is not None and self.active[k]:
                    return True
        return False

    def try_release(self, j: int) -> bool:
        """Publish candidate ``j`` if every requirement still holds; True when published."""
        if self._pins_another(j):
            return False
        i = self.cand_index[j]
        row = self.row_of.get(j)
        saved_valid = self.valid.copy()
        saved_active = self.active.copy()
        value = self.cand_value[i]
        # The true table reproduces every published cell: point 0 always stays valid.
        self.valid &= np.abs(self.cand_vals[:, i] - value) <= 1e-6 * max(1.0, value)
        k_own = self.req_of.get(j)
        if k_own is not None:
            self.active[k_own] = False
        if row is not None:
            self.h.changeRowBounds(row, value, value)
        if self._check(budget=True, first=self.first[j]):
            return True
        if row is not None:
            inf = self.hs.kHighsInf
            self.h.changeRowBounds(row, -inf, inf)
        # Points found while trying satisfy more equations: they stay valid without the release.
        self.valid_buf[: len(saved_valid)] = saved_valid
        self.valid_buf[len(saved_valid) : self.size] = True
        self.active = saved_active
        return False

    def _check(self, *, budget: bool, first: np.ndarray | None = None) -> bool:
        """Solve for the requirements the pool does not settle (``first`` and the last refusal
        before the others, each group in order); False at the first one that is too narrow (or
        when the solve budget is spent)."""
        self.unbounded = np.zeros(len(self.need), dtype=bool)
        while True:
            short = self._short()
            short = short[~self.unbounded[short]]
            if not len(short):
                return True
            if budget and self.exhausted:
                return False
            k = int(short[0])
            if first is not None and len(first):
                hit = first[np.isin(first, short)]
                if len(hit):
                    k = int(hit[0])
                elif self.last_refusal in short:
                    k = self.last_refusal
            if not self._solve(k, 1.0) and not self.unbounded[k]:
                return False
            if self.unbounded[k] or self._width(k) >= self.need[k]:
                continue
            if not self._solve(k, -1.0) and not self.unbounded[k]:
                return False
            if not self.unbounded[k] and self._width(k) < self.need[k]:
                self.last_refusal = k
                return False

    def _width(self, k: int) -> float:
        vals = self.req_vals[self.valid, k]
        return float(vals.max() - vals.min())
