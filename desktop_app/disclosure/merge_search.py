"""Search coarser categories: which wider bands and merges lose least information while needing
few suppressions (in the spirit of ARX's lattice search). Qt-free.

Every variable gets a list of **options**, finest first: age bands and all their coarser merges
(:meth:`Bands.coarser`), department merges for growing minimum sizes (:func:`propose_merges`) or
the levels of a hierarchy, or just the codes as they are (sex is never generalised). A **node** of
the lattice picks one option per variable; node ``B`` is coarser than node ``A`` when every option
of ``B`` merges categories of ``A``'s (checked on the records, so any recoding works).

Each node is scored by

- **information loss**: per variable, the share of its entropy (over the staff) that the recoding
  removes, ``(H(fine) - H(option)) / H(fine)``, averaged over the variables that can be
  generalised (0: nothing lost; 1: one category left everywhere); and the categories lost;
- **suppressions**: primary cells (cheap: a count), secondary cells and the suppressed total
  (a full :func:`desktop_app.disclosure.protect`).

The walk is bounded: all nodes (at most ``max_candidates``, bottom-up: fewest categories lost
first) get the cheap scores; then full protections run for at most ``max_nodes`` nodes, in order
of their Pareto rank on the cheap scores (information loss, primary cells: the nodes no other
beats on both first); within a rank, spread over the loss range (least, most, middle, quarters...)
so that a small budget already spans the choices from finest to coarsest. Pruning: coarsening never turns a safe
cell (0 or at least the threshold) into an unsafe one and never lowers the loss, so once a node
needs no suppression at all, every coarser node is dominated and skipped. The result is the
Pareto front over (information loss, suppressed cells, suppressed total), least loss first; the
best few are protected again with the default method (fewer suppressions, slower) so that the
costs shown are those the officer will get. Everything is in a fixed order: the same input gives
the same answer.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from desktop_app.categories.bands import Bands
from desktop_app.categories.subgroups import propose_merges, subgroup_sizes
from desktop_app.disclosure import RuleSettings, frequency_tables, primary_cells, protect
from desktop_app.messages import Message

NEVER_GENERALISED = ("sex",)
"""Columns the search never generalises."""


@dataclass(frozen=True, eq=False)
class Option:
    """One way to code a variable: a label for people to read and the code of every record."""

    label: str
    codes: np.ndarray

    @property
    def n_categories(self) -> int:
        return len(np.unique(self.codes))


@dataclass(frozen=True, eq=False)
class VariableOptions:
    """The options of one column, finest first (the first is the finest the search starts from)."""

    column: str
    options: tuple[Option, ...]

    def __post_init__(self) -> None:
        if not self.options:
            raise ValueError(f"{self.column}: at least one option is needed")


def keep_as_is(column: str, labels: Sequence[object] | pd.Series) -> VariableOptions:
    """A variable that is never generalised (sex): its codes as they are."""
    codes = np.asarray(pd.Series(labels).astype(str), dtype=object)
    return VariableOptions(column, (Option("as is", codes),))


def band_options(
    column: str, values: Sequence[float] | np.ndarray, bands: Bands, max_options: int = 64
) -> VariableOptions:
    """``bands`` and every coarser band set reachable by merging neighbours
    (:meth:`Bands.coarser`), fewest merges first, then by edges (largest first), at most
    ``max_options``. ``values`` are the numbers (ages); missing values get the unknown band."""
    numbers = np.asarray(values, dtype=float)
    found: dict[tuple[int, ...], Bands] = {bands.edges: bands}
    layer = [bands]
    while layer and len(found) < max_options:
        nxt: dict[tuple[int, ...], Bands] = {}
        for b in layer:
            for c in b.coarser():
                if c.edges not in found and c.edges not in nxt:
                    nxt[c.edges] = c
        ordered = sorted(nxt.values(), key=lambda b: tuple(-e for e in b.edges))
        for b in ordered[: max_options - len(found)]:
            found[b.edges] = b
        layer = ordered
    options = tuple(
        Option(" ".join(b.labels()[:-1]), np.asarray(b.assign(numbers), dtype=object))
        for b in found.values()
    )
    return VariableOptions(column, options)


def merge_options(
    column: str, labels: Sequence[object] | pd.Series, minimums: Sequence[int]
) -> VariableOptions:
    """The codes as they are, then :func:`propose_merges` (small groups into the smallest other
    one) for each of ``minimums`` in increasing order; a merge that changes nothing new is left
    out."""
    series = pd.Series(labels).astype(str).reset_index(drop=True)
    options = [Option("as is", np.asarray(series, dtype=object))]
    seen = {_partition(options[0].codes)}
    for minimum in sorted({int(m) for m in minimums}):
        plan = propose_merges(subgroup_sizes(series), minimum)
        codes = np.asarray(plan.apply(series), dtype=object)
        key = _partition(codes)
        if key in seen:
            continue
        seen.add(key)
        options.append(Option(f"groups of at least {minimum}", codes))
    return VariableOptions(column, tuple(options))


def hierarchy_options(
    column: str, labels: Sequence[object] | pd.Series, parents: Mapping[str, str]
) -> VariableOptions:
    """The codes as they are, then one level up the hierarchy at a time (a code without a parent
    stays), until nothing changes."""
    codes = np.asarray(pd.Series(labels).astype(str), dtype=object)
    options = [Option("as is", codes)]
    level = 0
    while True:
        level += 1
        up = np.asarray([parents.get(c, c) for c in options[-1].codes], dtype=object)
        if _partition(up) == _partition(options[-1].codes):
            break
        options.append(Option(f"level {level} up", up))
    return VariableOptions(column, tuple(options))


@dataclass(frozen=True)
class Choice:
    """One node of the lattice and what it costs."""

    options: tuple[tuple[str, str], ...]
    """``(column, option label)`` per variable, in the order given."""
    categories: tuple[tuple[str, int], ...]
    """``(column, number of categories)`` per variable."""
    information_loss: float
    categories_lost: int
    primary: int
    secondary: int
    suppressed_total: int
    passed: bool
    node: tuple[int, ...] = field(repr=False, default=())

    @property
    def suppressed(self) -> int:
        return self.primary + self.secondary

    def message(self) -> Message:
        """What this choice costs, for the officer."""
        return Message(
            "disclosure.categories.choice",
            {
                "options": "; ".join(f"{c}: {o}" for c, o in self.options),
                "loss": f"{100 * self.information_loss:.0f}",
                "primary": self.primary,
                "secondary": self.secondary,
                "total": self.suppressed_total,
            },
        )


@dataclass(frozen=True)
class SearchResult:
    """The best choices (Pareto front, least information loss first) and how much was looked at."""

    best: tuple[Choice, ...]
    candidates: int
    """Nodes scored cheaply (information loss and primary cells)."""
    evaluated: int
    """Nodes fully protected for ranking (nodes without primary cells need none)."""
    pruned: int
    """Nodes skipped because a finer node already needed no suppression."""


def search_categories(
    variables: Sequence[VariableOptions],
    specs: Sequence[Sequence[str]],
    settings: RuleSettings,
    *,
    top: int = 5,
    max_nodes: int = 40,
    max_candidates: int = 5_000,
    quick: Mapping[str, object] | None = None,
    never: Sequence[str] = NEVER_GENERALISED,
) -> SearchResult:
    """Walk the lattice of ``variables`` (one option list per column; all of the same length of
    records) for the tables ``specs`` under ``settings``; return at most ``top`` choices of the
    Pareto front. ``max_nodes`` bounds the full protections, ``max_candidates`` the nodes scored.
    ``quick``: :func:`protect` keywords for ranking (default: Gaussian elimination without the
    re-publish pass); the choices returned are protected again with the defaults. Columns in
    ``never`` keep their first option whatever options are given (sex is never generalised)."""
    if not variables:
        raise ValueError("no variables to search")
    variables = [
        VariableOptions(v.column, v.options[:1]) if v.column in never else v for v in variables
    ]
    n = len(variables[0].options[0].codes)
    if any(len(o.codes) != n for v in variables for o in v.options):
        raise ValueError("every option must code the same records")
    quick = dict(quick if quick is not None else {"method": "gauss", "republish": False})
    entropies = [[_entropy(o.codes) for o in v.options] for v in variables]
    sizes = [[o.n_categories for o in v.options] for v in variables]
    finer = [_coarsens(v) for v in variables]  # finer[v][b] = options that b coarsens
    varying = [i for i, v in enumerate(variables) if len(v.options) > 1]

    def loss(node: tuple[int, ...]) -> float:
        parts = [
            (entropies[i][0] - entropies[i][node[i]]) / entropies[i][0]
            for i in varying
            if entropies[i][0] > 0
        ]
        return float(np.mean(parts)) if parts else 0.0

    def lost(node: tuple[int, ...]) -> int:
        return sum(sizes[i][0] - sizes[i][node[i]] for i in range(len(variables)))

    nodes = sorted(
        itertools.product(*[range(len(v.options)) for v in variables]),
        key=lambda node: (lost(node), node),
    )[:max_candidates]

    def frame(node: tuple[int, ...]) -> pd.DataFrame:
        return pd.DataFrame(
            {v.column: v.options[k].codes for v, k in zip(variables, node, strict=True)}
        )

    primaries = {
        node: len(primary_cells(frequency_tables(frame(node), specs), settings)) for node in nodes
    }

    def coarser_than(b: tuple[int, ...], a: tuple[int, ...]) -> bool:
        return all(a[i] in finer[i][b[i]] for i in range(len(variables)))

    rank = _proxy_ranks(nodes, [loss(node) for node in nodes], [primaries[n] for n in nodes])
    order = []
    for level in range(max(rank.values(), default=-1) + 1):
        layer = sorted(
            (n for n in nodes if rank[n] == level), key=lambda n: (loss(n), primaries[n], n)
        )
        order += [layer[i] for i in _spread(len(layer))]
    scored: dict[tuple[int, ...], Choice] = {}
    clean: list[tuple[int, ...]] = []  # nodes needing no suppression at all
    pruned = 0
    protections = 0
    for node in order:
        if any(coarser_than(node, c) and node != c for c in clean):
            pruned += 1
            continue
        if primaries[node]:
            if protections >= max_nodes:
                continue
            protections += 1
        scored[node] = _choice(
            variables, node, frame(node), specs, settings, quick, loss, lost, primaries[node]
        )
        if scored[node].suppressed == 0 and scored[node].passed:
            clean.append(node)
    front = _front(list(scored.values()))[:top]
    final = [
        _choice(variables, c.node, frame(c.node), specs, settings, {}, loss, lost, c.primary)
        for c in front
    ]
    return SearchResult(tuple(_front(final)), len(nodes), protections, pruned)


def _choice(  # noqa: PLR0917 (a private helper of search_categories)
    variables: Sequence[VariableOptions],
    node: tuple[int, ...],
    records: pd.DataFrame,
    specs: Sequence[Sequence[str]],
    settings: RuleSettings,
    keywords: Mapping[str, Any],
    loss: Callable[[tuple[int, ...]], float],
    lost: Callable[[tuple[int, ...]], int],
    n_primary: int,
) -> Choice:
    """Score one node; a node without primary cells needs no protection run."""
    labels = tuple((v.column, v.options[k].label) for v, k in zip(variables, node, strict=True))
    categories = tuple(
        (v.column, v.options[k].n_categories) for v, k in zip(variables, node, strict=True)
    )
    if n_primary == 0:
        return Choice(labels, categories, round(loss(node), 12), lost(node), 0, 0, 0, True, node)
    tables = frequency_tables(records, specs)
    result = protect(tables, settings, **keywords)
    hidden = list(result.suppressed)
    return Choice(
        options=labels,
        categories=categories,
        information_loss=round(loss(node), 12),
        categories_lost=lost(node),
        primary=len(result.primary),
        secondary=len(result.secondary),
        suppressed_total=int(tables.values[hidden].sum()) if hidden else 0,
        passed=result.passed,
        node=node,
    )


def _proxy_ranks(
    nodes: list[tuple[int, ...]], losses: list[float], primaries: list[int]
) -> dict[tuple[int, ...], int]:
    """Pareto rank of every node on the cheap proxy (information loss, primary cells): rank 0 is
    the front no node beats on both, rank 1 the front once those are removed, and so on. Full
    protections go to the best ranks first, so a small budget already spans the whole range
    from finest to coarsest."""
    left = sorted(range(len(nodes)), key=lambda i: (losses[i], primaries[i], nodes[i]))
    rank: dict[tuple[int, ...], int] = {}
    level = 0
    while left:
        best = None
        rest = []
        for i in left:  # by loss: on the front when it has fewer primaries than any before
            if best is None or primaries[i] < best:
                best = primaries[i]
                rank[nodes[i]] = level
            else:
                rest.append(i)
        left = rest
        level += 1
    return rank


def _spread(m: int) -> list[int]:
    """``0..m-1`` in an order that covers the range early: both ends, the middle, the quarters,
    and so on (so a small budget sees the finest, the coarsest and what lies between)."""
    if m <= 2:
        return list(range(m))
    out = [0, m - 1]
    seen = set(out)
    parts = 2
    while len(out) < m:
        for k in range(1, parts, 2):
            i = round(k * (m - 1) / parts)
            if i not in seen:
                seen.add(i)
                out.append(i)
        parts *= 2
        if parts > 2 * m:
            out += [i for i in range(m) if i not in seen]
            break
    return out


def _front(choices: list[Choice]) -> list[Choice]:
    """Choices that no other beats on every one of loss, suppressed cells and suppressed total
    (and that pass), least loss first; ties by fewer suppressed cells, then node order."""
    ok = [c for c in choices if c.passed]

    def key(c: Choice) -> tuple[float, int, int]:
        return (c.information_loss, c.suppressed, c.suppressed_total)

    front = [
        c
        for c in ok
        if not any(
            all(x <= y for x, y in zip(key(o), key(c), strict=True)) and key(o) != key(c)
            for o in ok
        )
    ]
    unique: dict[tuple[float, int, int], Choice] = {}
    for c in sorted(front, key=lambda c: (*key(c), c.node)):
        unique.setdefault(key(c), c)
    return list(unique.values())


def _entropy(codes: np.ndarray) -> float:
    _, counts = np.unique(codes, return_counts=True)
    p = counts / counts.sum()
    return float(-(p * np.log2(p)).sum())


def _partition(codes: np.ndarray) -> tuple[int, ...]:
    """The grouping of the records a coding makes, whatever the labels."""
    _, inverse = np.unique(codes, return_inverse=True)
    first: dict[int, int] = {}
    return tuple(first.setdefault(int(k), len(first)) for k in inverse)


def _coarsens(variable: VariableOptions) -> list[set[int]]:
    """For every option ``b``, the options ``a`` it coarsens (each category of ``a`` lies within
    one category of ``b``), itself included."""
    out: list[set[int]] = []
    for b in variable.options:
        mine = set()
        for a_index, a in enumerate(variable.options):
            pairs = pd.DataFrame({"a": a.codes, "b": b.codes}).drop_duplicates()
            if not pairs["a"].duplicated().any():
                mine.add(a_index)
        out.append(mine)
    return out
