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

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

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
    values_inner = inner_values
    import highspy

    values = np.asarray(values, dtype=np.int64)
    suppressed = np.asarray(suppressed, dtype=bool)
    levels = np.asarray(levels, dtype=float)
    n_inner = model.n_rows
    published = np.flatnonzero(~suppressed)
    targets = np.flatnonzero(suppressed)
    if len(targets) == 0:
        return AuditReport(())

    # What the attacker knows for free: inner cells under a published zero are 0, and an inner
    # cell that is a published cell on its own is known.
    known = np.full(n_inner, -1, dtype=np.int64)
    for j in published.tolist():
        col = model.column(j)
        if values[j] == 0:
            known[col] = 0
    for j in published.tolist():
        col = model.column(j)
        if len(col) == 1 and known[col[0]] < 0:
            known[col[0]] = values[j]
    free = np.flatnonzero(known < 0)
    position = np.full(n_inner, -1, dtype=np.int64)
    position[free] = np.arange(len(free))
    known_part = np.where(known < 0, 0, known)

    # Equality rows for published cells that still have unknown inner cells.
    row_cols: list[np.ndarray] = []
    rhs: list[float] = []
    for j in published.tolist():
        col = model.column(j)
        pos = position[col]
        unknown = pos[pos >= 0]
        if len(unknown):
            row_cols.append(unknown)
            rhs.append(float(values[j] - known_part[col].sum()))

    objectives: list[tuple[np.ndarray, float]] = []
    for j in targets.tolist():
        col = model.column(j)
        pos = position[col]
        objectives.append((pos[pos >= 0], float(known_part[col].sum())))

    n_free = len(free)
    intervals: list[CellInterval] = []
    if n_free == 0:
        for j, (_, const) in zip(targets.tolist(), objectives, strict=True):
            intervals.append(CellInterval(j, int(values[j]), const, const, float(levels[j])))
        return AuditReport(tuple(intervals))

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    # Each bound re-solves from the previous optimal basis with a new objective: that basis stays
    # primal feasible, so primal simplex is the right tool (4x faster than HiGHS's default here).
    h.setOptionValue("simplex_strategy", 4)
    lp = highspy.HighsLp()
    lp.num_col_ = n_free
    lp.num_row_ = len(row_cols)
    lp.col_cost_ = np.zeros(n_free)
    lp.col_lower_ = np.zeros(n_free)
    lp.col_upper_ = np.full(n_free, highspy.kHighsInf)
    lp.row_lower_ = np.array(rhs, dtype=float)
    lp.row_upper_ = np.array(rhs, dtype=float)
    # Row-wise matrix: row r has ones in columns row_cols[r].
    starts = np.zeros(len(row_cols) + 1, dtype=np.int32)
    if row_cols:
        np.cumsum([len(r) for r in row_cols], out=starts[1:])
        index = np.concatenate(row_cols).astype(np.int32)
    else:
        index = np.zeros(0, dtype=np.int32)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = starts
    lp.a_matrix_.index_ = index
    lp.a_matrix_.value_ = np.ones(len(index))
    h.passModel(lp)

    # Witnesses: feasible points (the true counts, then every LP optimum) give each target a range
    # it certainly reaches. A minimum of 0 or a maximum at a cheap upper bound seen in a witness is
    # exact without solving; in screening mode a range already wide enough proves the cell safe.
    nonempty = [k for k, (cols, _) in enumerate(objectives) if len(cols)]
    flat = np.concatenate([objectives[k][0] for k in nonempty]) if nonempty else np.zeros(0, int)
    starts_t = np.zeros(len(nonempty), dtype=np.int64)
    if nonempty:
        np.cumsum([len(objectives[k][0]) for k in nonempty[:-1]], out=starts_t[1:])
    slot = dict(zip(nonempty, range(len(nonempty)), strict=True))
    wmin = np.full(len(nonempty), np.inf)
    wmax = np.full(len(nonempty), -np.inf)

    def witness(y: np.ndarray) -> None:
        if len(flat):
            at = np.add.reduceat(y[flat], starts_t)
            np.minimum(wmin, at, out=wmin)
            np.maximum(wmax, at, out=wmax)

    if values_inner is not None:
        witness(values_inner[free].astype(float))
    upper = _upper_bounds(objectives, row_cols, rhs, n_free)

    current = np.zeros(n_free)
    for k, (j, (cols, const)) in enumerate(zip(targets.tolist(), objectives, strict=True)):
        level = float(levels[j])
        if len(cols) == 0:
            intervals.append(CellInterval(j, int(values[j]), const, const, level))
            continue
        s_ = slot[k]
        lo_w, hi_w = wmin[s_], wmax[s_]
        if not exact and hi_w - lo_w > TOLERANCE and hi_w - lo_w >= level - TOLERANCE:
            intervals.append(CellInterval(j, int(values[j]), const + lo_w, const + hi_w, level))
            continue
        if lo_w <= TOLERANCE:
            low = 0.0
        else:
            low = _solve(h, highspy, current, cols, 1.0, witness)
        if hi_w >= upper[k] - TOLERANCE:
            high = float(upper[k])
        else:
            high = -_solve(h, highspy, current, cols, -1.0, witness)
        intervals.append(
            CellInterval(j, int(values[j]), _round(const + low), _round(const + high), level)
        )
    return AuditReport(tuple(intervals))


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


def _solve(
    h: Any,
    highspy: Any,
    current: np.ndarray,
    cols: np.ndarray,
    sign: float,
    witness: Callable[[np.ndarray], None],
) -> float:
    """Minimise ``sign * sum(y[cols])``; returns the optimum (``-inf`` when unbounded)."""
    cost = np.zeros_like(current)
    cost[cols] = sign
    changed = np.flatnonzero(cost != current)
    if len(changed):
        h.changeColsCost(len(changed), changed.astype(np.int32), cost[changed])
        current[changed] = cost[changed]
    h.run()
    status = h.getModelStatus()
    if status == highspy.HighsModelStatus.kOptimal:
        witness(np.asarray(h.getSolution().col_value))
        return float(h.getInfo().objective_function_value)
    unbounded = (
        highspy.HighsModelStatus.kUnbounded,
        # Published cells come from real counts, so the model is feasible: this is unbounded.
        highspy.HighsModelStatus.kUnboundedOrInfeasible,
    )
    if status in unbounded:
        return -float("inf")
    raise DisclosureError("disclosure.solver-failed", status=str(status))
