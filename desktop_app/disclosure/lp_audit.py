"""The attacker's audit: how far can each suppressed cell be pinned down from what is published?

For every suppressed cell the audit computes the minimum and the maximum of its value over all
non-negative (real) inner-cell counts that reproduce every published cell of every table released
together, by linear programming with HiGHS. This is the outsider's best knowledge (tau-ARGUS
"audit"). It works on any pattern, ours or anyone's: the input is the tables and a set of
suppressed cells.

A release passes when every primary cell's interval is at least as wide as its protection level
and no suppressed cell is determined exactly.

Before solving, what the attacker learns for free is substituted: every inner cell under a
published zero is zero, and an inner cell that is itself published is known. One LP model is
built; each bound is a re-solve with a new objective from the previous optimal basis.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from desktop_app.disclosure.errors import DisclosureError
from desktop_app.disclosure.tables import CellKey, LinkedTables, ModelMatrix
from desktop_app.messages import Message

TOLERANCE = 1e-6


@dataclass(frozen=True)
class CellInterval:
    """What an outsider can know about one suppressed cell."""

    cell: int
    value: int
    low: float
    high: float
    level: float
    """The protection level demanded (0 for a secondary cell: only "not exact")."""

    @property
    def width(self) -> float:
        return self.high - self.low

    @property
    def exact(self) -> bool:
        return self.width <= TOLERANCE

    @property
    def safe(self) -> bool:
        return not self.exact and self.width >= self.level - TOLERANCE


@dataclass(frozen=True)
class AuditReport:
    """Intervals of all suppressed cells, in cell order, and the verdict."""

    intervals: tuple[CellInterval, ...]

    @property
    def passed(self) -> bool:
        return all(i.safe for i in self.intervals)

    @property
    def failures(self) -> tuple[CellInterval, ...]:
        return tuple(i for i in self.intervals if not i.safe)

    def interval(self, cell: int) -> CellInterval:
        for item in self.intervals:
            if item.cell == cell:
                return item
        raise KeyError(cell)

    def messages(self, names: Mapping[int, str] | None = None) -> tuple[Message, ...]:
        """User-facing findings (one per failing cell, or one "passed")."""
        if self.passed:
            return (Message("disclosure.audit.passed"),)
        out = []
        for item in self.failures:
            cell = (names or {}).get(item.cell, str(item.cell))
            low, high = _fmt(item.low), _fmt(item.high)
            if item.exact:
                out.append(Message("disclosure.audit.exact", {"cell": cell, "low": low}))
            else:
                out.append(
                    Message(
                        "disclosure.audit.narrow",
                        {"cell": cell, "low": low, "high": high, "level": _fmt(item.level)},
                    )
                )
        return tuple(out)


def _fmt(x: float) -> str:
    if x == float("inf"):
        return "∞"
    return f"{x:.6g}"


def audit(
    tables: LinkedTables,
    suppressed: Iterable[CellKey],
    protection: Mapping[CellKey, float],
) -> AuditReport:
    """Audit a pattern given by cell keys: ``suppressed`` cells, and the ``protection`` level of
    each primary cell (a primary cell must be in ``suppressed``; a level of 0 asks only "not
    exact")."""
    index = tables.index
    mask = np.zeros(tables.n_cells, dtype=bool)
    levels = np.zeros(tables.n_cells, dtype=float)
    for key in suppressed:
        mask[_lookup(index, key)] = True
    for key, level in protection.items():
        i = _lookup(index, key)
        mask[i] = True
        levels[i] = float(level)
    return audit_model(tables.model, tables.values, mask, levels, inner_values=tables.inner_values)


def _lookup(index: Mapping[CellKey, int], key: CellKey) -> int:
    try:
        return index[tuple(key)]
    except KeyError:
        raise DisclosureError("disclosure.unknown-cell", cell=str(key)) from None


def audit_model(
    model: ModelMatrix,
    values: np.ndarray,
    suppressed: np.ndarray,
    levels: np.ndarray,
    *,
    inner_values: np.ndarray | None = None,
    exact: bool = True,
) -> AuditReport:
    """Audit on the bare model: ``model`` (inner x published 0/1), true ``values`` of the published
    cells, boolean ``suppressed`` mask and protection ``levels`` (0 where none is demanded).

    ``inner_values`` (the true inner counts, optional) only speeds things up. With ``exact=False``
    a cell that feasible points already show to be safe keeps that (narrower, inner) range instead
    of its exact interval: the verdict is the same, the intervals are not all exact.
    """
    values = np.asarray(values, dtype=np.int64)
    suppressed = np.asarray(suppressed, dtype=bool)
    levels = np.asarray(levels, dtype=float)
    targets = np.flatnonzero(suppressed).tolist()
    if not targets:
        return AuditReport(())
    lp = _AttackerLP(model, values, suppressed)
    objectives = [lp.objective(j) for j in targets]
    solver = _Solver(lp, objectives)
    if inner_values is not None:
        solver.witness(np.asarray(inner_values)[lp.free].astype(float))
    intervals = []
    for k, j in enumerate(targets):
        cols, const = objectives[k]
        level = float(levels[j])
        if len(cols) == 0:
            intervals.append(CellInterval(j, int(values[j]), const, const, level))
            continue
        lo_w, hi_w = solver.wmin[k], solver.wmax[k]
        if not exact and hi_w - lo_w > TOLERANCE and hi_w - lo_w >= level - TOLERANCE:
            intervals.append(CellInterval(j, int(values[j]), const + lo_w, const + hi_w, level))
            continue
        # A witness at 0 proves the minimum; one at the smallest containing cell, the maximum.
        low = 0.0 if lo_w <= TOLERANCE else solver.solve(cols, 1.0)
        upper = solver.upper[k]
        high = upper if hi_w >= upper - TOLERANCE else -solver.solve(cols, -1.0)
        intervals.append(
            CellInterval(j, int(values[j]), _round(const + low), _round(const + high), level)
        )
    return AuditReport(tuple(intervals))


class _AttackerLP:
    """The attacker's equations after substituting what is known for free: inner cells under a
    published zero are 0, and an inner cell published on its own is known."""

    def __init__(self, model: ModelMatrix, values: np.ndarray, suppressed: np.ndarray) -> None:
        self.model = model
        published = np.flatnonzero(~suppressed).tolist()
        known = np.full(model.n_rows, -1, dtype=np.int64)
        for j in published:
            if values[j] == 0:
                known[model.column(j)] = 0
        for j in published:
            col = model.column(j)
            if len(col) == 1 and known[col[0]] < 0:
                known[col[0]] = values[j]
        self.free = np.flatnonzero(known < 0)
        self.position = np.full(model.n_rows, -1, dtype=np.int64)
        self.position[self.free] = np.arange(len(self.free))
        self.known = np.where(known < 0, 0, known)
        self.rows: list[np.ndarray] = []
        self.rhs: list[float] = []
        for j in published:
            cols, const = self.objective(j)
            if len(cols):
                self.rows.append(cols)
                self.rhs.append(float(values[j]) - const)

    def objective(self, j: int) -> tuple[np.ndarray, float]:
        """Cell ``j`` as (free inner cells, known part)."""
        col = self.model.column(j)
        pos = self.position[col]
        return pos[pos >= 0], float(self.known[col].sum())


class _Solver:
    """One HiGHS model, re-solved per objective from the previous optimal basis, collecting every
    optimum as a witness (a feasible point) for all targets."""

    def __init__(self, lp: _AttackerLP, objectives: list[tuple[np.ndarray, float]]) -> None:
        import highspy

        self.highspy = highspy
        n_free = len(lp.free)
        self.current = np.zeros(n_free)
        sizes = [len(cols) for cols, _ in objectives]
        self.flat = (
            np.concatenate([cols for cols, _ in objectives]).astype(np.int64)
            if n_free
            else np.zeros(0, np.int64)
        )
        self.starts = np.zeros(len(objectives), dtype=np.int64)
        np.cumsum(sizes[:-1], out=self.starts[1:])
        self.sizes = np.array(sizes)
        self.wmin = np.full(len(objectives), np.inf)
        self.wmax = np.full(len(objectives), -np.inf)
        self.upper = _upper_bounds(objectives, lp.rows, lp.rhs, n_free)
        if not n_free:
            return
        h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("threads", 1)
        # Each bound re-solves from the previous optimal basis with a new objective: that basis
        # stays primal feasible, so primal simplex is the right tool (4x faster than the default).
        h.setOptionValue("simplex_strategy", 4)
        model = highspy.HighsLp()
        model.num_col_ = n_free
        model.num_row_ = len(lp.rows)
        model.col_cost_ = np.zeros(n_free)
        model.col_lower_ = np.zeros(n_free)
        model.col_upper_ = np.full(n_free, highspy.kHighsInf)
        model.row_lower_ = np.array(lp.rhs, dtype=float)
        model.row_upper_ = np.array(lp.rhs, dtype=float)
        starts = np.zeros(len(lp.rows) + 1, dtype=np.int32)
        np.cumsum([len(r) for r in lp.rows], out=starts[1:])
        index = np.concatenate(lp.rows).astype(np.int32) if lp.rows else np.zeros(0, np.int32)
        model.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        model.a_matrix_.start_ = starts
        model.a_matrix_.index_ = index
        model.a_matrix_.value_ = np.ones(len(index))
        h.passModel(model)
        self.h = h

    def witness(self, y: np.ndarray) -> None:
        """Widen every target's witnessed range with the feasible point ``y``."""
        if not len(self.flat):
            return
        # A trailing 0 keeps reduceat's start indices in range when the last targets are empty.
        at = np.add.reduceat(np.append(y[self.flat], 0.0), self.starts)
        at = np.where(self.sizes > 0, at, 0.0)
        np.minimum(self.wmin, at, out=self.wmin)
        np.maximum(self.wmax, at, out=self.wmax)

    def solve(self, cols: np.ndarray, sign: float) -> float:
        """Minimise ``sign * sum(y[cols])``; the optimum (``-inf`` when unbounded)."""
        hs = self.highspy
        cost = np.zeros_like(self.current)
        cost[cols] = sign
        changed = np.flatnonzero(cost != self.current)
        if len(changed):
            self.h.changeColsCost(len(changed), changed.astype(np.int32), cost[changed])
            self.current[changed] = cost[changed]
        self.h.run()
        status = self.h.getModelStatus()
        if status == hs.HighsModelStatus.kOptimal:
            self.witness(np.asarray(self.h.getSolution().col_value))
            return float(self.h.getInfo().objective_function_value)
        # Published cells come from real counts, so the model is feasible: this is unbounded.
        if status in (hs.HighsModelStatus.kUnbounded, hs.HighsModelStatus.kUnboundedOrInfeasible):
            return -float("inf")
        raise DisclosureError("disclosure.solver-failed", status=str(status))


def _round(x: float) -> float:
    """Round LP results so that solver noise never shows in a report."""
    return x if x in (np.inf, -np.inf) else round(x, 6) + 0.0


def _upper_bounds(
    objectives: list[tuple[np.ndarray, float]],
    row_cols: list[np.ndarray],
    rhs: list[float],
    n_free: int,
) -> np.ndarray:
    """A cheap upper bound per target: the smallest published cell that contains it."""
    rows_of: list[list[int]] = [[] for _ in range(n_free)]
    for r, cols in enumerate(row_cols):
        for c in cols.tolist():
            rows_of[c].append(r)
    out = np.full(len(objectives), np.inf)
    for k, (cols, _) in enumerate(objectives):
        if not len(cols):
            continue
        mine = set(cols.tolist())
        for r in rows_of[int(cols[0])]:
            if len(row_cols[r]) >= len(mine) and mine <= set(row_cols[r].tolist()):
                out[k] = min(out[k], rhs[r])
    return out
