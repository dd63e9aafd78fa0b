"""The insider's audit and repair: what the one person counted in a cell of 1 can work out.

The outsider's audit (:mod:`lp_audit`) asks what anyone can work out from the published cells.
The person counted in a suppressed cell of count 1 knows one thing more: that cell's count (it is
them). In a suppression pattern every cycle of suppressed cells has one degree of freedom, so
knowing one corner of a 2 x 2 rectangle of suppressed cells fixes the other three: the one
non-binary employee of department A, aged 25 to 34, could learn that department B has exactly one
such colleague too. Rules of thumb ("never two suppressed cells in a line when one is a 1") catch
the line, not the rectangle; this audit catches both.

Requirement: a person alone in one or more suppressed cells of count 1 knows those cells down to
their inner cells (their own is 1, the others 0; with linked tables all of them at once). Taken
as known, that must determine no other primary cell exactly (over real-valued tables, as the
outsider's audit). Cells made only of what the person knows and published zeros are not asked
about: they say nothing about anyone else. For one pair ``(person, c)`` a *witness* proves it: a
deviation ``d`` of the inner counts (``inner + d`` is another non-negative table that publishes
the same values, as in :mod:`repair`) that leaves the person's known inner cells alone and moves
``c``.

Witnesses are cheap to reuse. Every non-negative combination of valid deviations, scaled down, is
valid, so from a set of deviations the ones that keep the person's cells fixed are those that
already do, and, for every pair that leaves the zero cells alone and moves the person's own cell
in opposite directions, the one combination of the two that cancels it (this is all of them:
Fourier-Motzkin elimination of that coordinate). Deviations come from
the constructor (:mod:`construct`), from the attacker LP's optima, and from this pass's own LPs.
Only a pair that no known deviation serves gets an LP: the deviation LP of :mod:`repair` with
the person's inner cells pinned, asking ``c`` to move by 1 either way. If that deviation moves published cells, they
are suppressed (the repair); either way it joins the witnesses.

Suppressing more only widens every interval, the insider's too: a pair that passed keeps passing,
and the outsider's audit keeps passing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from desktop_app.disclosure.local_lp import BOX_WIDTH, LocalDeviations
from desktop_app.disclosure.lp_audit import TOLERANCE
from desktop_app.disclosure.repair import DeviationRepair
from desktop_app.disclosure.tables import LinkedTables, Segments

MOVE = 1.0
"""How far the repair asks a determined cell to move (counts are integers)."""


@dataclass(frozen=True)
class InsiderPair:
    """Cell ``cell`` that the person alone in ``singleton`` (and in any other suppressed 1-cell
    holding them) could work out exactly."""

    singleton: int
    cell: int


@dataclass(frozen=True)
class InsiderResult:
    added: tuple[int, ...]
    """Published cells this pass suppressed (cell order)."""
    unresolved: tuple[InsiderPair, ...]
    """Pairs that no suppression could fix (none in practice)."""
    checked_pairs: int
    solves: int
    singletons: int = 0
    """Suppressed cells of count 1 (the insiders) in the final pattern."""


class Witnesses:
    """Valid deviations, kept as which target cells each moves and how far it moves the inner
    cells of the singletons' groups."""

    def __init__(self, tables: LinkedTables, targets: np.ndarray, watched: np.ndarray) -> None:
        self.model = tables.model
        self.targets = targets
        self.watched = watched
        self.watch_index = {int(i): k for k, i in enumerate(watched.tolist())}
        self.count = 0
        # Rows kept with room to spare: one deviation at a time is added during the pass, and
        # copying a thousand rows for each cost as much as the pass itself on a 4-D table.
        self._moves = np.zeros((0, len(targets)))
        self._packed = np.zeros((0, (len(targets) + 7) // 8), dtype=np.uint8)
        self._inner = np.zeros((0, len(watched)))

    @property
    def moves(self) -> np.ndarray:
        """Per deviation, how far it moves each target (0 below the tolerance)."""
        return self._moves[: self.count]

    @property
    def packed(self) -> np.ndarray:
        """:attr:`moves` as bits (moved or not), 8 targets per byte."""
        return self._packed[: self.count]

    @property
    def inner(self) -> np.ndarray:
        """Per deviation, how far it moves each watched inner cell."""
        return self._inner[: self.count]

    def add(self, deviations: Sequence[np.ndarray]) -> None:
        """Add deviations over all inner cells (length ``model.n_rows``)."""
        if not deviations:
            return
        start, end = self.count, self.count + len(deviations)
        if end > len(self._moves):
            room = max(end + 64, 2 * len(self._moves))  # the pass adds few after the first
            for name in ("_moves", "_packed", "_inner"):
                old = getattr(self, name)
                grown = np.zeros((room, old.shape[1]), dtype=old.dtype)
                grown[: self.count] = old[: self.count]
                setattr(self, name, grown)
        for row, deviation in enumerate(deviations, start):
            d = np.where(np.abs(deviation) < TOLERANCE, 0.0, deviation)
            at = self.model.cell_sums(d)[self.targets]
            at[np.abs(at) < TOLERANCE] = 0.0
            self._moves[row] = at
            self._inner[row] = d[self.watched]
        self._packed[start:end] = np.packbits(self._moves[start:end] != 0, axis=1)
        self.count = end

    def free_of(self, group: np.ndarray, own: int, columns: np.ndarray) -> np.ndarray:
        """For each target of ``columns`` (indices into :attr:`targets`): does a known deviation,
        or a combination of two, move it while keeping every inner cell of ``group`` fixed?
        ``own`` (in ``group``) is the only one of them that is not zero."""
        if not len(self.moves) or not len(columns):
            return np.zeros(len(columns), dtype=bool)
        others = [self.watch_index[int(i)] for i in group if int(i) != own]
        # Deviations that leave the zero inner cells of the insider's group alone...
        usable = ~(self.inner[:, others] != 0).any(axis=1) if others else None
        at_own = self.inner[:, self.watch_index[own]]
        if usable is not None:
            at_own = np.where(usable, at_own, np.nan)  # NaN: neither still, up nor down
        rows = self.packed[at_own == 0]
        if len(rows):
            moved = np.unpackbits(np.bitwise_or.reduce(rows, axis=0), count=len(self.targets))
            ok = moved[columns].astype(bool)
        else:
            ok = np.zeros(len(columns), dtype=bool)
        up = at_own > 0
        down = at_own < 0
        if not ok.all() and up.any() and down.any():
            # ...and, for each (up, down) pair with own moves a > 0 and -b < 0, the combination
            # b * d_up + a * d_down, which keeps the insider's own cell fixed (scaled by
            # 1 / (a + b) it is a convex combination of the two: valid). On target t all these
            # combinations are zero exactly when every d_up[t] / a equals one value and every
            # d_down[t] / b its negative.
            rest = columns[~ok]
            u = self.moves[np.ix_(np.flatnonzero(up), rest)] / at_own[up][:, None]
            v = self.moves[np.ix_(np.flatnonzero(down), rest)] / -at_own[down][:, None]
            pinned = (
                (u.max(axis=0) - u.min(axis=0) <= TOLERANCE)
                & (v.max(axis=0) - v.min(axis=0) <= TOLERANCE)
                & (np.abs(u[0] + v[0]) <= TOLERANCE)
            )
            ok[~ok] = ~pinned
        return ok


def insider_repair(
    tables: LinkedTables,
    mask: np.ndarray,
    levels: np.ndarray,
    *,
    witnesses: Sequence[np.ndarray] = (),
    local: bool = False,
) -> InsiderResult:
    """Make ``mask`` (modified in place) safe against every singleton insider: suppress what is
    needed so that no suppressed cell of count 1, known to its one member together with which of
    its inner cells they are in, determines another primary cell. Cells inside the singleton's
    own cell, or made of it and of published zeros, are not asked about: they tell the insider
    nothing about anyone else. ``witnesses``: deviations over all inner cells believed valid for
    ``mask`` (each is checked)."""
    singletons = np.flatnonzero(mask & (tables.values == 1)).tolist()
    targets = np.flatnonzero(mask & (np.asarray(levels) > 0))
    if not singletons or len(targets) < 2:
        return InsiderResult((), (), 0, 0, len(singletons))
    return _InsiderPass(tables, mask, singletons, targets, witnesses, local=local).run()


class _InsiderPass:
    def __init__(
        self,
        tables: LinkedTables,
        mask: np.ndarray,
        singletons: list[int],
        targets: np.ndarray,
        witnesses: Sequence[np.ndarray],
        *,
        local: bool = False,
    ) -> None:
        self.tables, self.mask, self.targets = tables, mask, targets
        self.local = local
        model = tables.model
        # One insider per person: the person counted in inner cell ``own`` is alone in every
        # suppressed 1-cell that holds ``own``, and knows all of them at once (linked tables can
        # hold several), so their knowledge is the union of those cells' inner cells.
        inner_values = np.asarray(tables.inner_values)
        cells_of: dict[int, list[int]] = {}
        for s in singletons:
            column = model.column(s)
            cells_of.setdefault(int(column[inner_values[column] > 0][0]), []).append(s)
        self.people = {
            own: (cells[0], np.unique(np.concatenate([model.column(c) for c in cells])))
            for own, cells in sorted(cells_of.items())
        }
        self.n_singletons = len(singletons)
        watched = np.unique(np.concatenate([g for _, g in self.people.values()]))
        self.known = Witnesses(tables, targets, watched)
        self.known.add([d for d in witnesses if deviation_is_valid(tables, mask, d)])
        public_zero = np.zeros(model.n_rows, dtype=bool)
        for j in np.flatnonzero(~mask & (tables.values == 0)).tolist():
            public_zero[model.column(j)] = True
        # Per target, its inner cells that are not published zeros: a target whose live cells all
        # lie in the insider's own group says nothing about anyone else.
        live = [model.column(int(c))[~public_zero[model.column(int(c))]] for c in targets]
        largest = max(len(g) for _, g in self.people.values())
        self.few = np.array(
            [k for k, cells in enumerate(live) if 0 < len(cells) <= largest], dtype=np.int64
        )
        self.few_live = Segments.of([live[k] for k in self.few])
        self.in_group = np.zeros(model.n_rows)
        self.repair: DeviationRepair | LocalDeviations | None = None
        self.added: list[int] = []
        self.unresolved: list[InsiderPair] = []
        self.solves = 0

    def run(self) -> InsiderResult:
        checked = 0
        for own, (s, group) in self.people.items():
            columns = np.flatnonzero(self._asked(group))
            ok = self.known.free_of(group, own, columns)
            checked += len(columns)
            if not ok.all():
                self._settle(s, group, columns, ok)
        return InsiderResult(
            tuple(sorted(set(self.added))),
            tuple(self.unresolved),
            checked,
            self.solves,
            self.n_singletons,
        )

    def _asked(self, group: np.ndarray) -> np.ndarray:
        """Which targets are asked about for the insider of ``group``."""
        asked = np.ones(len(self.targets), dtype=bool)
        if len(self.few):
            self.in_group[group] = 1.0
            inside = self.few_live.sums(self.in_group) == self.few_live.sizes
            asked[self.few[inside]] = False
            self.in_group[group] = 0.0
        return asked

    def _settle(self, s: int, group: np.ndarray, columns: np.ndarray, ok: np.ndarray) -> None:
        """LPs with the insider's group pinned for the targets no witness settles (``ok``,
        updated in place); suppress what they move."""
        values = self.tables.values
        if self.repair is None:
            if self.local:  # large tables: each LP inside a box (local_lp)
                self.repair = LocalDeviations(
                    self.tables, self.mask, values.astype(float), BOX_WIDTH
                )
            else:
                cost = np.log1p(values.astype(float))
                self.repair = DeviationRepair(
                    self.tables.model, values, self.tables.inner_values, self.mask, cost
                )
        repair = self.repair
        repair.pin(group)
        try:
            for k in np.flatnonzero(~ok).tolist():
                if ok[k]:  # a deviation found for an earlier target serves this one too
                    continue
                c = int(self.targets[columns[k]])
                # Up, then down when up needs more cells: a way that needs none is taken.
                best: tuple[list[int], np.ndarray] | None = None
                for lower, upper in ((MOVE, np.inf), (-np.inf, -MOVE)):
                    if upper < 0 and values[c] == 0:
                        continue
                    self.solves += 1
                    found = repair.probe(c, lower, upper)
                    if found is not None and (best is None or len(found) == 0):
                        best = (found, repair.full_deviation().copy())
                    if best is not None and not best[0]:
                        break
                if best is None:
                    self.unresolved.append(InsiderPair(s, c))
                    continue
                found, deviation = best
                if found:
                    repair.suppress(found)
                    self.mask[found] = True
                    self.added.extend(found)
                # The group is pinned: this deviation keeps it fixed, so every target it moves
                # is settled for this insider.
                self.known.add([deviation])
                ok |= self.known.moves[-1, columns] != 0
        finally:
            repair.unpin(group)


def deviation_is_valid(tables: LinkedTables, mask: np.ndarray, deviation: np.ndarray) -> bool:
    """Is ``deviation`` (over all inner cells) valid for the pattern ``mask``: a non-negative
    table that moves no published cell?"""
    if (np.asarray(tables.inner_values) + deviation < -TOLERANCE).any():
        return False
    at = tables.model.cell_sums(deviation)
    return not (np.abs(at[~mask]) > TOLERANCE).any()
