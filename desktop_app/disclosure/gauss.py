"""Secondary suppression by Gaussian elimination, after the idea of Langsrud (2024).

Candidates (published cells that are not primary) are taken in order of preference for publishing.
Each candidate, reduced by the candidates already published, either

- is zero: it is a linear combination of published cells and adds nothing: publish it;
- or would, once published, make a protected column (a primary cell, or an imaginary cell standing
  for a sum of primaries) a linear combination of the published cells: suppress it;
- or is safe: publish it and eliminate its pivot row from all remaining columns.

So no protected cell is a linear function of the published cells. Arithmetic is in exact integers
(columns divided by their gcd after each step), so the result is the same on every platform.
Pivot rows are chosen to touch the fewest remaining columns (less fill-in), ties by row number.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import gcd

Vector = dict[int, int]


def _normalise(vec: Vector) -> Vector:
    g = 0
    for v in vec.values():
        g = gcd(g, v)
        if g == 1:
            return vec
    if g > 1:
        return {k: v // g for k, v in vec.items()}
    return vec


def _proportional(a: Vector, b: Vector) -> bool:
    if len(a) != len(b):
        return False
    it = iter(a)
    first = next(it)
    if first not in b:
        return False
    fa, fb = a[first], b[first]
    for k, va in a.items():
        vb = b.get(k)
        if vb is None or va * fb != vb * fa:
            return False
    return True


def gauss_secondary(
    columns: Sequence[Sequence[int]],
    order: Sequence[int],
    protected: Sequence[Sequence[int]],
) -> list[int]:
    """Candidates (indices into ``columns``, in ``order`` of preference for publishing) that must
    be suppressed so that no vector of ``protected`` (0/1 columns given by their row indices)
    lies in the span of the published candidates."""
    cand: dict[int, Vector] = {j: dict.fromkeys(columns[j], 1) for j in order}
    prot: dict[int, Vector] = {}
    for b, rows in enumerate(protected):
        if rows:
            prot[b] = dict.fromkeys(rows, 1)
    rows_cand: dict[int, set[int]] = {}
    for j, vec in cand.items():
        for r in vec:
            rows_cand.setdefault(r, set()).add(j)
    rows_prot: dict[int, set[int]] = {}
    for b, vec in prot.items():
        for r in vec:
            rows_prot.setdefault(r, set()).add(b)

    secondary: list[int] = []
    for j in order:
        vec = cand.pop(j)
        for r in vec:
            rows_cand[r].discard(j)
        if not vec:
            continue
        pivot = min(vec, key=lambda r: (len(rows_cand.get(r, ())) + len(rows_prot.get(r, ())), r))
        if any(_proportional(prot[b], vec) for b in sorted(rows_prot.get(pivot, ()))):
            secondary.append(j)
            continue
        for store, index in ((cand, rows_cand), (prot, rows_prot)):
            _eliminate(store, index, pivot, vec)
    return secondary


def _eliminate(
    store: dict[int, Vector], index: dict[int, set[int]], pivot: int, vec: Vector
) -> None:
    """Remove row ``pivot`` from every column of ``store`` with ``vec``; keep ``index`` (row ->
    columns having it) up to date."""
    pv = vec[pivot]
    items = list(vec.items())
    for k in list(index.get(pivot, ())):
        old = store[k]
        f = old[pivot]
        new: Vector = {r: x * pv for r, x in old.items()} if pv != 1 else old.copy()
        get = new.get
        for r, x in items:
            before = get(r)
            if before is None:
                new[r] = -f * x
                index.setdefault(r, set()).add(k)
            else:
                y = before - f * x
                if y:
                    new[r] = y
                else:
                    del new[r]
                    index[r].discard(k)
        store[k] = _normalise(new)
