"""Secondary suppression by deviation LPs, one primary cell at a time (for small tables).

Gaussian elimination makes every primary cell non-derivable, cheaply, but it protects each primary
on its own and often hides more than needed. This constructor builds the pattern the way the
attacker's audit reasons about it (in the spirit of Fischetti and Salazar's sequential heuristic,
and of τ-ARGUS's hypercube method that it generalises to linked tables and hierarchies):

A primary cell of value ``v`` and protection level ``L`` is protected when two tables that an
outsider cannot tell apart differ on it by at least ``L``. Every *deviation* ``d`` (inner counts
``inner + d >= 0`` that change no published cell) gives one such table, :mod:`repair`'s LP finds
the cheapest one moving a cell by a given amount, and every published cell it moves is suppressed.
Per primary cell,
smallest first (ties in cell order): one deviation taking the cell **down** by ``min(v, L)`` (to
zero when it is small: two small cells of one row then protect each other, a 2 x 2 rectangle,
where "up by L" would need a third cell), then one taking it **up** by what is still missing.
(Pricing "up by L" against that and keeping the cheaper gave the same counts on the benchmark
tables, at twice the solves.)

Every deviation found stays valid when more cells are suppressed later, so all of them are kept: a
primary cell that earlier deviations already move far enough, down and up together, costs
nothing. The cost of suppressing a cell is ``log(1 + count)``: nearly a count of cells, with
smaller cells preferred.

The result is screened and repaired by :func:`suppression.protect` like any other pattern.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from desktop_app.disclosure.repair import DeviationRepair
from desktop_app.disclosure.tables import LinkedTables, Segments

MARGIN = 1e-6


def lp_secondary(
    tables: LinkedTables,
    levels: np.ndarray,
    protected: Sequence[int],
    *,
    witnesses: list[np.ndarray] | None = None,
) -> list[int]:
    """Secondary cells (in cell order) so that every ``protected`` cell can move by its level.
    Published zeros are never chosen. ``witnesses``, when given, receives every deviation found
    (over all inner cells)."""
    values = tables.values
    mask = np.zeros(tables.n_cells, dtype=bool)
    mask[list(protected)] = True
    cost = np.log1p(values.astype(float))
    repair = DeviationRepair(tables.model, values, tables.inner_values, mask, cost)
    position = np.full(tables.model.n_rows, -1, dtype=np.int64)
    position[repair.free] = np.arange(len(repair.free))

    def reduced(cells: Sequence[int]) -> np.ndarray:
        pos = np.concatenate([position[tables.model.column(int(c))] for c in cells])
        return pos[pos >= 0]

    order = sorted(protected, key=lambda j: (int(values[j]), j))
    targets = Segments.of([reduced([j]) for j in order])
    # Range of each target over the deviations found so far (0: the true table).
    low = np.zeros(len(order))
    high = np.zeros(len(order))

    def keep(chosen: list[int]) -> None:
        d = repair.deviation()
        if witnesses is not None:
            witnesses.append(repair.full_deviation())
        moved = targets.sums(d)
        np.minimum(low, moved, out=low)
        np.maximum(high, moved, out=high)
        if chosen:
            repair.suppress(chosen)
            mask[chosen] = True

    inf = float("inf")

    for k, j in enumerate(order):
        level, value = float(levels[j]), float(values[j])
        if high[k] - low[k] >= level - MARGIN:
            continue
        down_amount = min(value, level)
        down = None
        if value > 0 and -low[k] < down_amount - MARGIN:
            down = repair.probe(j, -inf, -down_amount)
            if down is not None:
                keep(down)
        rest = level - (high[k] - low[k])
        if rest > MARGIN:
            up = repair.probe(j, high[k] + rest, inf)
            if up is not None:
                keep(up)
    return sorted(set(np.flatnonzero(mask).tolist()) - set(protected))
