"""The attacker's audit: how far can each suppressed cell be pinned down from what is published?

For every suppressed cell the audit computes the minimum and the maximum of its value over all
non-negative (real) inner-cell counts that reproduce every published cell of every table released
together, by linear programming with HiGHS. This is the outsider's best knowledge (tau-ARGUS
"audit"). It works on any pattern, ours or anyone's: the input is the tables and a set of
suppressed cells.

A release passes when

- every primary cell's interval is at least as wide as its protection level, and
- no suppressed cell is determined exactly, **except a suppressed zero when zeros are safe**
  (``zeros_unsafe=False``, the default). Under that rule a zero could have been published, so an
  outsider who works out that a suppressed zero is 0 learns nothing the rule protects; such a cell
  is reported (its interval is ``[0, 0]``, :attr:`CellInterval.revealable` is true) but does not
  fail the audit. With ``zeros_unsafe=True`` every zero is primary and must be protected like any
  other small cell.

Before solving, what the attacker learns for free is substituted: every inner cell under a
published zero is zero, and an inner cell that is itself published is known. With the tables'
equations at hand, equations left with one or two unknowns are then eliminated (one unknown is
known, or one of two becomes a function of the other, see :class:`_AttackerLP`): the same feasible
tables, a smaller LP. One LP model is built; each bound is a re-solve with a new objective from the previous optimal basis. Most bounds
need no LP at all: every optimum is a feasible point (a witness) for all cells, and a witness that
reaches a proven outer bound (interval propagation over the table equations: ``parent =
sum(children)`` narrows children and parents in turn) settles that bound.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from desktop_app.disclosure.errors import DisclosureError
from desktop_app.disclosure.tables import CellKey, Equation, LinkedTables, ModelMatrix, Segments
from desktop_app.messages import Message

TOLERANCE = 1e-6
PROPAGATION_SWEEPS = 40
HIGHS_THREADS = 1
"""Threads of every HiGHS instance. The simplex variants used here are serial, so the pattern is
the same with more (tests run it with 2); one keeps the machine free for the UI."""
AUDIT_THREADS = max(1, min(4, os.cpu_count() or 1))
"""Threads (each with its own HiGHS model) sharing the exact audit's LPs. Every bound is exact
whichever thread solves it, so the intervals do not depend on this number."""
PARALLEL_MIN_LPS = 32
"""Fewer LPs than this per thread are not worth a second HiGHS model."""

_BANNER_LOCK = threading.Lock()
_BANNER = {"shown": False}


def new_highs() -> Any:
    """A silent HiGHS instance. HiGHS prints its banner on stdout when the first instance of a
    process is made, before any option can be set: that one is made with stdout pointed away."""
    import highspy

    with _BANNER_LOCK:
        if not _BANNER["shown"]:
            _BANNER["shown"] = True
            try:
                saved = os.dup(1)
            except OSError:  # no stdout at all (a windowed app): nothing to hide
                saved = -1
            if saved >= 0:
                try:
                    with open(os.devnull, "wb") as sink:
                        os.dup2(sink.fileno(), 1)
                        h = highspy.Highs()
                finally:
                    os.dup2(saved, 1)
                    os.close(saved)
            else:
                h = highspy.Highs()
        else:
            h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", HIGHS_THREADS)
    return h


@dataclass(frozen=True)
class CellInterval:
    """What an outsider can know about one suppressed cell."""

    cell: int
    value: int
    low: float
    high: float
    level: float
    """The protection level demanded (0 for a secondary cell: only "not exact")."""
    revealable: bool = False
    """True when knowing the exact value is harmless: a suppressed zero while zeros are safe."""

    @property
    def width(self) -> float:
        return self.high - self.low

    @property
    def exact(self) -> bool:
        return self.width <= TOLERANCE

    @property
    def safe(self) -> bool:
        if self.exact and not self.revealable:
            return False
        return self.width >= self.level - TOLERANCE


@dataclass(frozen=True)
class AuditReport:
    """Intervals of all suppressed cells, in cell order, and the verdict."""

    intervals: tuple[CellInterval, ...]
    exact: bool = True
    """Every interval is the exact one. When false (an audit run for its verdict only), a safe
    cell's interval may be a narrower range proven by feasible tables: the verdict is the same,
    :func:`audit_model` with ``exact=True`` gives the exact intervals."""

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
    *,
    zeros_unsafe: bool = False,
) -> AuditReport:
    """Audit a pattern given by cell keys: ``suppressed`` cells, and the ``protection`` level of
    each primary cell (a primary cell must be in ``suppressed``; a level of 0 asks only "not
    exact"). With zeros safe (the default) a suppressed zero may be determined exactly."""
    index = tables.index
    mask = np.zeros(tables.n_cells, dtype=bool)
    levels = np.zeros(tables.n_cells, dtype=float)
    for key in suppressed:
        mask[_lookup(index, key)] = True
    for key, level in protection.items():
        i = _lookup(index, key)
        mask[i] = True
        levels[i] = float(level)
    return audit_pattern(tables, mask, levels, zeros_unsafe=zeros_unsafe)


def audit_pattern(
    tables: LinkedTables, suppressed: np.ndarray, levels: np.ndarray, **options: Any
) -> AuditReport:
    """:func:`audit_model` of linked tables: a boolean ``suppressed`` mask and ``levels`` per
    cell; the tables' true inner counts and equations speed it up. ``options``: the keyword
    arguments of :func:`audit_model` (``exact``, ``zeros_unsafe``, ``targets``, ...)."""
    return audit_model(
        tables.model,
        tables.values,
        suppressed,
        levels,
        inner_values=tables.inner_values,
        equations=tables.equations,
        **options,
    )


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
    equations: Sequence[Equation] | None = None,
    exact: bool = True,
    zeros_unsafe: bool = False,
    targets: Iterable[int] | None = None,
    points: list[np.ndarray] | None = None,
    witnesses: Iterable[np.ndarray] = (),
) -> AuditReport:
    """Audit on the bare model: ``model`` (inner x published 0/1), true ``values`` of the published
    cells, boolean ``suppressed`` mask and protection ``levels`` (0 where none is demanded).

    ``inner_values`` (the true inner counts) and ``equations`` (the tables' additivity relations)
    are optional and only speed things up. With ``exact=False`` a cell that feasible points already
    show to be safe keeps that (narrower, inner) range instead of its exact interval: the verdict is
    the same, the intervals are not all exact. ``targets`` limits the report to those suppressed
    cells (all of them by default); the attacker still sees the whole pattern. ``points``, when
    given, receives every LP optimum as a table of inner counts (a non-negative table that
    publishes the same values: what :mod:`insider` uses as witnesses). ``witnesses``: more such
    tables (inner counts), known to publish the same values; they only save LP solves.
    """
    values = np.asarray(values, dtype=np.int64)
    suppressed = np.asarray(suppressed, dtype=bool)
    levels = np.asarray(levels, dtype=float)
    if targets is None:
        chosen = np.flatnonzero(suppressed).tolist()
    else:
        chosen = sorted({int(j) for j in targets if suppressed[int(j)]})
    if not chosen:
        return AuditReport(())
    # The equations are reduced when the propagated outer bounds are at hand (they stand in for
    # the upper bounds that _upper_bounds reads off the unreduced equations).
    lp = _AttackerLP(model, values, suppressed, reduce=equations is not None)
    objectives = [lp.objective(j) for j in chosen]
    outer = None
    if equations is not None:
        outer = _propagate(values, suppressed, equations)
    solver = _Solver(
        lp, objectives, outer=None if outer is None else outer[1][chosen], points=points
    )
    if inner_values is not None:
        solver.witness(np.asarray(inner_values)[lp.free].astype(float))
    for point in witnesses:
        solver.witness(np.asarray(point, dtype=float)[lp.free])

    def interval(k: int, j: int, solver: _Solver, *, solve: bool = True) -> CellInterval | None:
        """Cell ``j``'s interval (target ``k``); ``None`` when an LP is needed and ``solve`` is
        false."""
        cols, weights, const = objectives[k]
        level = float(levels[j])
        revealable = values[j] == 0 and not zeros_unsafe and level <= 0
        if len(cols) == 0:
            return CellInterval(j, int(values[j]), const, const, level, revealable)
        lo_w, hi_w = solver.wmin[k], solver.wmax[k]
        if not exact and hi_w - lo_w > TOLERANCE and hi_w - lo_w >= level - TOLERANCE:
            return CellInterval(j, int(values[j]), const + lo_w, const + hi_w, level, revealable)
        # A witness at a proven outer bound settles that bound: 0 (or the propagated lower
        # bound) for the minimum, the smallest containing cell (or propagated bound) for the
        # maximum. Only the others need an LP.
        # In LP terms (cell less its known part): the cell's proven lower bound, or what the
        # columns' own bounds allow (0 for plain non-negative counts), whichever is higher.
        cell_low = 0.0 if outer is None else max(0.0, float(outer[0][j]))
        with np.errstate(invalid="ignore"):
            own = float(np.sum(weights * np.where(weights > 0, lp.lower[cols], lp.upper[cols])))
        low_bound = max(cell_low - const, own if not np.isnan(own) else -np.inf)
        upper = solver.upper[k]
        low_settled = lo_w <= low_bound + TOLERANCE
        high_settled = hi_w >= upper - TOLERANCE
        if not solve and not (low_settled and high_settled):
            return None
        low = lo_w if low_settled else solver.solve(cols, weights, 1.0)
        high = upper if high_settled else -solver.solve(cols, weights, -1.0)
        return CellInterval(
            j, int(values[j]), _round(const + low), _round(const + high), level, revealable
        )

    found: list[CellInterval | None] = [
        interval(k, j, solver, solve=False) for k, j in enumerate(chosen)
    ]
    pending = [k for k, item in enumerate(found) if item is None]
    workers = min(AUDIT_THREADS, len(pending) // PARALLEL_MIN_LPS)
    if workers > 1 and points is None:
        # The LPs left are independent (each bound is exact whichever witnesses settled it):
        # one HiGHS model per thread (HiGHS lets go of the GIL while it solves), the cells dealt
        # out in turn so that the threads work on neighbouring cells and each optimum, a witness
        # for all, settles bounds the other thread is about to need (on the 4-D benchmark
        # table: 530 LPs in 2.2 s on 2 threads, 600 in 4.0 s on one).
        from concurrent.futures import ThreadPoolExecutor

        parts = [pending[i::workers] for i in range(workers)]

        def work(part: list[int]) -> list[tuple[int, CellInterval | None]]:
            mine = solver.fork()
            return [(k, interval(k, chosen[k], mine)) for k in part]

        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="audit") as pool:
            for done in pool.map(work, parts):
                for k, item in done:
                    found[k] = item
    else:
        for k in pending:
            found[k] = interval(k, chosen[k], solver)
    intervals = [item for item in found if item is not None]
    return AuditReport(tuple(intervals), exact=exact)


def _propagate(
    values: np.ndarray, suppressed: np.ndarray, equations: Sequence[Equation]
) -> tuple[np.ndarray, np.ndarray]:
    """Proven outer bounds ``(low, high)`` of every cell: published cells are known, suppressed
    ones lie in [0, inf); every ``parent = sum(children)`` narrows the parent to the children's
    range and each child to the parent's range less its siblings', until nothing changes."""
    low = np.where(suppressed, 0.0, values.astype(float))
    high = np.where(suppressed, np.inf, values.astype(float))
    if not equations:
        return low, high
    parents = np.fromiter((eq.parent for eq in equations), np.int64, len(equations))
    sizes = np.fromiter((len(eq.children) for eq in equations), np.int64, len(equations))
    flat = np.fromiter((c for eq in equations for c in eq.children), np.int64, int(sizes.sum()))
    starts = np.zeros(len(equations), dtype=np.int64)
    np.cumsum(sizes[:-1], out=starts[1:])
    owner = np.repeat(np.arange(len(equations)), sizes)
    # Only equations touching a suppressed cell can teach anything.
    touched = suppressed[parents] | (np.add.reduceat(suppressed[flat].astype(np.int64), starts) > 0)
    if not touched.any():
        return low, high
    keep = np.repeat(touched, sizes)
    parents, sizes, flat = parents[touched], sizes[touched], flat[keep]
    starts = np.zeros(len(parents), dtype=np.int64)
    np.cumsum(sizes[:-1], out=starts[1:])
    owner = np.repeat(np.arange(len(parents)), sizes)
    # Every sweep gives valid bounds; a few sweeps give nearly all there is to get.
    for _ in range(PROPAGATION_SWEEPS):
        before = (low.copy(), high.copy())
        lo_c, hi_c = low[flat], high[flat]
        inf_c = np.isinf(hi_c)
        sum_lo = np.add.reduceat(lo_c, starts)
        sum_hi = np.add.reduceat(np.where(inf_c, 0.0, hi_c), starts)
        n_inf = np.add.reduceat(inf_c.astype(np.int64), starts)
        # parent within the children's range
        np.maximum.at(low, parents, sum_lo)
        np.minimum.at(high, parents, np.where(n_inf > 0, np.inf, sum_hi))
        # each child within parent less its siblings
        p_lo, p_hi = low[parents][owner], high[parents][owner]
        others_lo = sum_lo[owner] - lo_c
        np.minimum.at(high, flat, p_hi - others_lo)
        others_inf = n_inf[owner] - inf_c.astype(np.int64)
        others_hi = sum_hi[owner] - np.where(inf_c, 0.0, hi_c)
        child_lo = np.where(others_inf > 0, -np.inf, p_lo - others_hi)
        np.maximum.at(low, flat, child_lo)
        low = np.maximum(low, 0.0)
        # Tiny float drift must not count as progress: stop when nothing moves by > tolerance.
        with np.errstate(invalid="ignore"):
            moved_high = ~((high == before[1]) | (np.abs(high - before[1]) <= TOLERANCE))
        if not moved_high.any() and np.all(np.abs(low - before[0]) <= TOLERANCE):
            break
    return low, high


def pinning_cells(
    model: ModelMatrix,
    values: np.ndarray,
    suppressed: np.ndarray,
    cells: Sequence[int],
) -> dict[int, tuple[int, ...]]:
    """For each suppressed cell of ``cells``, the published cells whose equations pin its minimum
    or maximum (non-zero duals at the optimum, published zeros excluded): suppressing one of them
    is what can widen its interval. Cells are in cell order."""
    values = np.asarray(values, dtype=np.int64)
    suppressed = np.asarray(suppressed, dtype=bool)
    lp = _AttackerLP(model, values, suppressed, substitute_inner=False)
    objectives = [lp.objective(int(j)) for j in cells]
    solver = _Solver(lp, objectives)
    row_cells = np.array(lp.row_cells, dtype=np.int64)
    out: dict[int, tuple[int, ...]] = {}
    for j, (cols, weights, _) in zip(cells, objectives, strict=True):
        found: set[int] = set()
        if len(cols) and len(row_cells):
            for sign in (1.0, -1.0):
                if solver.solve(cols, weights, sign) == -float("inf"):
                    continue
                duals = solver.row_duals()
                found.update(row_cells[np.abs(duals) > TOLERANCE].tolist())
        out[int(j)] = tuple(sorted(found))
    return out


class _AttackerLP:
    """The attacker's equations after substituting what is known for free: inner cells under a
    published zero are 0, and an inner cell published on its own is known.

    With ``reduce=True`` equations with one or two unknowns are then eliminated, again and again
    (:meth:`_reduce`): one unknown is known outright; of two, one is an affine function of the
    other, whose bounds take over the eliminated one's non-negativity. On the benchmark's 4-D
    pattern this leaves 647 of 1,714 equations and 1,385 of 2,032 unknowns (a third of the
    equations of a pattern hold exactly two suppressed cells), so each LP solve is cheaper. The
    feasible tables are the same, so every interval is the same."""

    def __init__(
        self,
        model: ModelMatrix,
        values: np.ndarray,
        suppressed: np.ndarray,
        *,
        substitute_inner: bool = True,
        reduce: bool = False,
    ) -> None:
        self.model = model
        published = np.flatnonzero(~suppressed).tolist()
        known = np.full(model.n_rows, -1, dtype=np.int64)
        for j in published:
            if values[j] == 0:
                known[model.column(j)] = 0
        if substitute_inner:
            for j in published:
                col = model.column(j)
                if len(col) == 1 and known[col[0]] < 0:
                    known[col[0]] = values[j]
        self.unknown = np.flatnonzero(known < 0)
        self.position = np.full(model.n_rows, -1, dtype=np.int64)
        self.position[self.unknown] = np.arange(len(self.unknown))
        self.known = np.where(known < 0, 0, known)
        n = len(self.unknown)
        # Each unknown as offset + factor * (LP column base), base -1: a constant.
        self.offset = np.zeros(n)
        self.factor = np.ones(n)
        self.base = np.arange(n, dtype=np.int64)
        self.rows: list[np.ndarray] = []
        self.coefs: list[np.ndarray] = []
        self.rhs: list[float] = []
        self.row_cells: list[int] = []
        for j in published:
            col = self.model.column(j)
            pos = self.position[col]
            pos = pos[pos >= 0]
            if len(pos):
                self.rows.append(pos)
                self.coefs.append(np.ones(len(pos)))
                self.rhs.append(float(values[j]) - float(self.known[col].sum()))
                self.row_cells.append(j)
        self.lower = np.zeros(n)
        self.upper = np.full(n, np.inf)
        if reduce:
            self._reduce()
        self.free = self.unknown[self.kept] if reduce else self.unknown
        """The inner cells that are LP columns."""

    def objective(self, j: int) -> tuple[np.ndarray, np.ndarray, float]:
        """Cell ``j`` as (LP columns, their weights, known part)."""
        col = self.model.column(j)
        pos = self.position[col]
        pos = pos[pos >= 0]
        const = float(self.known[col].sum()) + float(self.offset[pos].sum())
        base = self.base[pos]
        live = base >= 0
        cols, inverse = np.unique(base[live], return_inverse=True)
        weights = np.zeros(len(cols))
        np.add.at(weights, inverse, self.factor[pos][live])
        nonzero = np.abs(weights) > 1e-12
        return cols[nonzero], weights[nonzero], const

    def table(self, y: np.ndarray) -> np.ndarray:
        """The full table of inner counts for LP solution ``y``."""
        table = self.known.astype(float)
        values = self.offset.copy()
        live = self.base >= 0
        values[live] += self.factor[live] * y[self.base[live]]
        table[self.unknown] = values
        return table

    def _reduce(self) -> None:
        """Eliminate equations with at most two unknowns until none is left (see the class)."""
        n = len(self.unknown)
        rows = [
            dict(zip(r.tolist(), c.tolist(), strict=True))
            for r, c in zip(self.rows, self.coefs, strict=True)
        ]
        rhs = list(self.rhs)
        expr, order, lower, upper, alive = _eliminate_small_equations(rows, rhs, n)
        offset, factor, base = _resolve_chains(expr, order, n)
        self.kept = np.array([v for v in range(n) if expr[v] is None], dtype=np.int64)
        column = np.full(n, -1, dtype=np.int64)
        column[self.kept] = np.arange(len(self.kept))
        live = base >= 0
        self.base = np.where(live, column[np.where(live, base, 0)], -1)
        self.offset, self.factor = offset, np.where(live, factor, 0.0)
        self.lower = np.array(lower)[self.kept]
        self.upper = np.array(upper)[self.kept]
        keep_rows = [r for r in range(len(rows)) if alive[r] and rows[r]]
        self.rows = [column[np.array(sorted(rows[r]), dtype=np.int64)] for r in keep_rows]
        self.coefs = [np.array([rows[r][v] for v in sorted(rows[r])]) for r in keep_rows]
        self.rhs = [rhs[r] for r in keep_rows]
        self.row_cells = [self.row_cells[r] for r in keep_rows]


Expression = tuple[float, float, int]
"""An eliminated unknown as (offset, factor, base): offset + factor * base; base -1: constant."""


def _eliminate_small_equations(
    rows: list[dict[int, float]], rhs: list[float], n: int
) -> tuple[list[Expression | None], list[int], list[float], list[float], list[bool]]:
    """Eliminate, in a fixed order, every equation with one unknown (it is known) or two (the
    higher-numbered one becomes an affine function of the other, which inherits its bounds),
    substituting into the other equations, until none is left. ``rows`` and ``rhs`` are changed
    in place. Returns each unknown's expression (``None``: still an unknown), the order of
    elimination, the bounds of the unknowns and which equations are left."""
    rows_of: list[set[int]] = [set() for _ in range(n)]
    for r, row in enumerate(rows):
        for v in row:
            rows_of[v].add(r)
    lower, upper = [0.0] * n, [float("inf")] * n
    expr: list[Expression | None] = [None] * n
    order: list[int] = []
    alive = [True] * len(rows)
    queue = deque(r for r, row in enumerate(rows) if len(row) <= 2)
    while queue:
        r = queue.popleft()
        if not alive[r] or len(rows[r]) > 2:
            continue
        alive[r] = False
        row = rows[r]
        for v in row:
            rows_of[v].discard(r)
        if not row:
            continue
        if len(row) == 1:
            ((v, c),) = row.items()
            gone, offset, factor, keep = v, rhs[r] / c, 0.0, -1
        else:
            (a, ca), (b, cb) = sorted(row.items())
            gone, offset, factor, keep = b, rhs[r] / cb, -ca / cb, a
            # b = offset + factor * a: b's bounds become bounds of a
            ends = sorted(((lower[b] - offset) / factor, (upper[b] - offset) / factor))
            lower[a] = max(lower[a], ends[0])
            upper[a] = min(upper[a], ends[1])
        expr[gone] = (offset, factor, keep)
        order.append(gone)
        queue.extend(_substitute(rows, rhs, rows_of, gone, (offset, factor, keep)))
    return expr, order, lower, upper, alive


def _substitute(
    rows: list[dict[int, float]],
    rhs: list[float],
    rows_of: list[set[int]],
    gone: int,
    expression: Expression,
) -> list[int]:
    """Replace unknown ``gone`` by ``expression`` in every equation holding it; the equations
    left with at most two unknowns."""
    offset, factor, keep = expression
    small = []
    for r2 in sorted(rows_of[gone]):
        other = rows[r2]
        c2 = other.pop(gone)
        rhs[r2] -= c2 * offset
        if keep >= 0:
            merged = other.get(keep, 0.0) + c2 * factor
            if abs(merged) > 1e-12:
                other[keep] = merged
                rows_of[keep].add(r2)
            else:
                other.pop(keep, None)
                rows_of[keep].discard(r2)
        if len(other) <= 2:
            small.append(r2)
    rows_of[gone].clear()
    return small


def _resolve_chains(
    expr: list[Expression | None], order: list[int], n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every unknown as offset + factor * (a remaining unknown, or -1). An unknown was eliminated
    in terms of one that was still unknown then, so going backwards every base is final first."""
    offset = np.zeros(n)
    factor = np.ones(n)
    base = np.arange(n, dtype=np.int64)
    for v in reversed(order):
        o, f, b = expr[v]  # type: ignore[misc]
        if b < 0:
            offset[v], factor[v], base[v] = o, 0.0, -1
        else:
            offset[v] = o + f * offset[b]
            factor[v] = 0.0 if base[b] < 0 else f * factor[b]
            base[v] = base[b]
    return offset, factor, base


class _Solver:
    """One HiGHS model, re-solved per objective from the previous optimal basis, collecting every
    optimum as a witness (a feasible point) for all targets."""

    def __init__(
        self,
        lp: _AttackerLP,
        objectives: list[tuple[np.ndarray, np.ndarray, float]],
        outer: np.ndarray | None = None,
        points: list[np.ndarray] | None = None,
    ) -> None:
        import highspy

        self.highspy = highspy
        self.lp = lp
        self.points = points
        n_free = len(lp.free)
        self.current = np.zeros(n_free)
        self.targets = Segments.of([cols for cols, _, _ in objectives])
        self.weights = np.concatenate([w for _, w, _ in objectives]) if objectives else np.zeros(0)
        self.wmin = np.full(len(objectives), np.inf)
        self.wmax = np.full(len(objectives), -np.inf)
        self.lock = threading.Lock()
        if outer is None:
            self.upper = _upper_bounds(objectives, lp.rows, lp.rhs, n_free)
        else:
            self.upper = np.asarray(outer, dtype=float) - np.array([c for _, _, c in objectives])
        if not n_free:
            return
        self.h = self._model()

    def fork(self) -> _Solver:
        """A solver for the same LP and targets with its own HiGHS model, for another thread.
        The witnessed ranges are shared (an optimum found by one thread settles bounds for all):
        which LPs are solved then depends on timing, the intervals do not (each is exact)."""
        other = object.__new__(_Solver)
        other.__dict__.update(self.__dict__)
        other.current = np.zeros_like(self.current)
        if len(self.lp.free):
            other.h = other._model()
        return other

    def _model(self) -> Any:
        highspy, lp, n_free = self.highspy, self.lp, len(self.lp.free)
        h = new_highs()
        # Each bound re-solves from the previous optimal basis with a new objective: that basis
        # stays primal feasible, so primal simplex is the right tool (4x faster than the default).
        h.setOptionValue("simplex_strategy", 4)
        model = highspy.HighsLp()
        model.num_col_ = n_free
        model.num_row_ = len(lp.rows)
        model.col_cost_ = np.zeros(n_free)
        model.col_lower_ = np.asarray(lp.lower, dtype=float)
        model.col_upper_ = np.where(np.isinf(lp.upper), highspy.kHighsInf, lp.upper)
        model.row_lower_ = np.array(lp.rhs, dtype=float)
        model.row_upper_ = np.array(lp.rhs, dtype=float)
        starts = np.zeros(len(lp.rows) + 1, dtype=np.int32)
        np.cumsum([len(r) for r in lp.rows], out=starts[1:])
        index = np.concatenate(lp.rows).astype(np.int32) if lp.rows else np.zeros(0, np.int32)
        model.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        model.a_matrix_.start_ = starts
        model.a_matrix_.index_ = index
        model.a_matrix_.value_ = np.concatenate(lp.coefs) if lp.coefs else np.zeros(0)
        h.passModel(model)
        return h

    def witness(self, y: np.ndarray) -> None:
        """Widen every target's witnessed range with the feasible point ``y``."""
        if not len(self.targets.flat):
            return
        at = self.targets.sums(y, self.weights)
        with self.lock:  # ranges only widen: a reader seeing an older one at worst solves more
            np.minimum(self.wmin, at, out=self.wmin)
            np.maximum(self.wmax, at, out=self.wmax)

    def row_duals(self) -> np.ndarray:
        """The duals of the published-cell rows at the last optimum."""
        return np.asarray(self.h.getSolution().row_dual)

    def solve(self, cols: np.ndarray, weights: np.ndarray, sign: float) -> float:
        """Minimise ``sign * weights . y[cols]``; the optimum (``-inf`` when unbounded)."""
        hs = self.highspy
        cost = np.zeros_like(self.current)
        cost[cols] = sign * weights
        changed = np.flatnonzero(cost != self.current)
        if len(changed):
            self.h.changeColsCost(len(changed), changed.astype(np.int32), cost[changed])
            self.current[changed] = cost[changed]
        self.h.run()
        status = self.h.getModelStatus()
        if status == hs.HighsModelStatus.kOptimal:
            y = np.asarray(self.h.getSolution().col_value)
            self.witness(y)
            if self.points is not None:
                self.points.append(self.lp.table(y))
            return float(self.h.getInfo().objective_function_value)
        # Published cells come from real counts, so the model is feasible: this is unbounded.
        if status in (hs.HighsModelStatus.kUnbounded, hs.HighsModelStatus.kUnboundedOrInfeasible):
            return -float("inf")
        raise DisclosureError("disclosure.solver-failed", status=str(status))


def _round(x: float) -> float:
    """Round LP results so that solver noise never shows in a report."""
    return x if x in (np.inf, -np.inf) else round(x, 6) + 0.0


def _upper_bounds(
    objectives: list[tuple[np.ndarray, np.ndarray, float]],
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
    for k, (cols, _, _) in enumerate(objectives):
        if not len(cols):
            continue
        mine = set(cols.tolist())
        for r in rows_of[int(cols[0])]:
            if len(row_cols[r]) >= len(mine) and mine <= set(row_cols[r].tolist()):
                out[k] = min(out[k], rhs[r])
    return out
