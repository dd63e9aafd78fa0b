"""Frequency tables over category variables, expressed over one set of inner cells.

Every published cell of every table (inner cells of the table, all marginal totals, the grand total,
hierarchy aggregates) is a sum of *inner cells*: the full cross-classification of the leaf categories
of all variables used by any of the tables. The relation is a sparse 0/1 model matrix ``X`` (inner
cells x published cells), so tables over the same staff share their equations automatically (linked
tables), whether their groupings are nested or not.

Why the full cross product and not just the combinations that occur: an outsider does not know
which combinations are empty, so the attacker model (and the audit) must allow every combination.

A published cell is identified by its :data:`CellKey`: the ``(variable, code)`` pairs of its
non-total dimensions, in the order of :attr:`LinkedTables.variables`. The grand total is ``()``.
A cell that occurs in several tables (the sex marginal of "department x sex" and of "function level
x sex") is *one* cell: it is either published or suppressed in all of them.

Ordering is deterministic: variables sorted by name; leaf codes sorted as strings; cells sorted by
number of non-total dimensions (grand total first), then by variable and code.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from desktop_app.disclosure.errors import DisclosureError

CellKey = tuple[tuple[str, str], ...]
"""A published cell: ``(variable, code)`` for every non-total dimension; ``()`` is the grand total."""

MAX_INNER_CELLS = 2_000_000
"""Refuse cross-classifications larger than this (memory and time would run away)."""


@dataclass(frozen=True, eq=False)
class Segments:
    """Index lists laid end to end (``flat``), each from ``starts[k]`` for ``sizes[k]`` entries:
    a cell's inner cells, a target's LP columns. :meth:`sums` adds up values over every list at
    once."""

    flat: np.ndarray
    starts: np.ndarray
    sizes: np.ndarray

    @staticmethod
    def of(pieces: Sequence[np.ndarray]) -> Segments:
        sizes = np.array([len(p) for p in pieces], dtype=np.int64)
        flat = (
            np.concatenate([np.asarray(p, dtype=np.int64) for p in pieces])
            if pieces
            else np.zeros(0, np.int64)
        )
        starts = np.zeros(len(pieces), dtype=np.int64)
        if len(pieces) > 1:
            np.cumsum(sizes[:-1], out=starts[1:])
        return Segments(flat, starts, sizes)

    def sums(self, x: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        """Per list, the sum of ``x[..., i]`` over its indices (times ``weights``, aligned with
        :attr:`flat`); 0 for an empty list. ``x`` may hold several rows (2-D): each is summed."""
        gathered = np.asarray(x, dtype=float)[..., self.flat]
        if weights is not None:
            gathered = gathered * weights
        # A trailing 0 keeps reduceat's start indices in range when the last lists are empty.
        padded = np.concatenate([gathered, np.zeros((*gathered.shape[:-1], 1))], axis=-1)
        if not len(self.sizes):
            return padded[..., :0]
        at = np.add.reduceat(padded, np.minimum(self.starts, len(self.flat)), axis=-1)
        return np.where(self.sizes > 0, at, 0.0)


@dataclass(frozen=True, eq=False)
class ModelMatrix:
    """Sparse 0/1 matrix in compressed-column form: column ``j`` is the inner cells of cell ``j``."""

    n_rows: int
    indptr: np.ndarray
    indices: np.ndarray

    @property
    def n_cols(self) -> int:
        return len(self.indptr) - 1

    def column(self, j: int) -> np.ndarray:
        """The (sorted) inner-cell indices summed by published cell ``j``."""
        return self.indices[self.indptr[j] : self.indptr[j + 1]]

    @cached_property
    def segments(self) -> Segments:
        """Every cell's inner cells, for :meth:`Segments.sums` (a cell's value from inner
        counts, for all cells at once)."""
        return Segments(self.indices, self.indptr[:-1], np.diff(self.indptr))

    @cached_property
    def by_row(self) -> tuple[np.ndarray, np.ndarray]:
        """The transpose: ``(starts, cells)``, the cells holding inner cell ``i`` being
        ``cells[starts[i] : starts[i + 1]]`` (in cell order)."""
        owner = np.repeat(np.arange(self.n_cols, dtype=np.int64), np.diff(self.indptr))
        order = np.argsort(self.indices, kind="stable")
        starts = np.zeros(self.n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(self.indices, minlength=self.n_rows), out=starts[1:])
        return starts, owner[order]

    def holding(self, inner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Pairs (position in ``inner``, cell) for every cell holding one of the inner cells
        ``inner``."""
        starts, cells = self.by_row
        inner = np.asarray(inner, dtype=np.int64)
        lengths = starts[inner + 1] - starts[inner]
        pos = np.repeat(np.arange(len(inner), dtype=np.int64), lengths)
        offsets = np.arange(int(lengths.sum()), dtype=np.int64) - np.repeat(
            np.cumsum(lengths) - lengths, lengths
        )
        return pos, cells[np.repeat(starts[inner], lengths) + offsets]

    def cell_sums(self, x: np.ndarray) -> np.ndarray:
        """Every cell's sum of ``x`` over its inner cells, fast when ``x`` is mostly zero (a
        deviation): only the cells holding a non-zero entry are touched."""
        x = np.asarray(x, dtype=float)
        nonzero = np.flatnonzero(x)
        pos, cells = self.holding(nonzero)
        return np.bincount(cells, weights=x[nonzero][pos], minlength=self.n_cols)

    @staticmethod
    def from_columns(n_rows: int, columns: Sequence[np.ndarray]) -> ModelMatrix:
        """Build from one array of row indices per column."""
        lengths = np.fromiter((len(c) for c in columns), dtype=np.int64, count=len(columns))
        indptr = np.zeros(len(columns) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        indices = (
            np.concatenate([np.asarray(c, dtype=np.int64) for c in columns])
            if columns
            else np.zeros(0, dtype=np.int64)
        )
        return ModelMatrix(n_rows, indptr, indices)


@dataclass(frozen=True)
class Equation:
    """One additivity relation of a table: ``parent = sum(children)`` (indices into cells)."""

    parent: int
    children: tuple[int, ...]


@dataclass(frozen=True)
class Variable:
    """A category variable: its leaf codes and, with a hierarchy, its aggregate codes."""

    name: str
    leaves: tuple[str, ...]
    aggregates: tuple[str, ...] = ()
    parent: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def leaf_sets(self) -> dict[str, tuple[int, ...]]:
        """For every code (leaf or aggregate) the positions of the leaves it covers."""
        out: dict[str, list[int]] = {code: [i] for i, code in enumerate(self.leaves)}
        for agg in self.aggregates:
            out[agg] = []
        for i, code in enumerate(self.leaves):
            seen = {code}
            up = self.parent.get(code)
            while up is not None:
                out[up].append(i)
                seen.add(up)
                up = self.parent.get(up)
        return {code: tuple(sorted(v)) for code, v in out.items()}

    def children(self, code: str | None) -> tuple[str, ...]:
        """Codes one level below ``code`` (``None`` is the total)."""
        return self._children.get(code, ())

    @cached_property
    def _children(self) -> dict[str | None, tuple[str, ...]]:
        out: dict[str | None, list[str]] = {}
        for c in (*self.leaves, *self.aggregates):
            out.setdefault(self.parent.get(c), []).append(c)
        return {code: tuple(kids) for code, kids in out.items()}

    @property
    def codes(self) -> tuple[str, ...]:
        """All publishable codes: leaves, then aggregates."""
        return (*self.leaves, *self.aggregates)


@dataclass(frozen=True, eq=False)
class LinkedTables:
    """Several frequency tables over the same staff, as one system of published cells."""

    variables: tuple[Variable, ...]
    specs: tuple[tuple[str, ...], ...]
    keys: tuple[CellKey, ...]
    values: np.ndarray
    tables_of: tuple[tuple[int, ...], ...]
    inner_values: np.ndarray
    model: ModelMatrix
    equations: tuple[Equation, ...]

    @cached_property
    def index(self) -> dict[CellKey, int]:
        """Cell key -> position in :attr:`keys`."""
        return {key: i for i, key in enumerate(self.keys)}

    @property
    def n_cells(self) -> int:
        return len(self.keys)

    def variable(self, name: str) -> Variable:
        for var in self.variables:
            if var.name == name:
                return var
        raise KeyError(name)

    def key(self, table: int, codes: Mapping[str, str | None]) -> CellKey:
        """The key of a cell of ``table`` given a code (or ``None`` for the total) per variable."""
        order = [v.name for v in self.variables]
        spec = self.specs[table]
        pairs = [(v, str(codes[v])) for v in spec if codes.get(v) is not None]
        return tuple(sorted(pairs, key=lambda p: order.index(p[0])))

    def table_cells(self, table: int) -> tuple[int, ...]:
        """Indices of the cells of one table, in cell order."""
        return tuple(i for i, ts in enumerate(self.tables_of) if table in ts)

    def to_frame(
        self,
        table: int,
        suppressed: Iterable[int] = (),
        total_label: str | None = None,
    ) -> pd.DataFrame:
        """One table as rows ``variables..., count, suppressed``; totals as ``total_label``."""
        hidden = set(suppressed)
        spec = self.specs[table]
        rows = []
        for i in self.table_cells(table):
            codes = dict(self.keys[i])
            row: dict[str, object] = {v: codes.get(v, total_label) for v in spec}
            row["count"] = None if i in hidden else int(self.values[i])
            row["suppressed"] = i in hidden
            rows.append(row)
        return pd.DataFrame(rows, columns=[*spec, "count", "suppressed"])


def frequency_tables(
    records: pd.DataFrame,
    specs: Sequence[Sequence[str]],
    *,
    categories: Mapping[str, Sequence[object]] | None = None,
    hierarchies: Mapping[str, Mapping[str, str]] | None = None,
) -> LinkedTables:
    """Count ``records`` (one column of category codes per variable) into linked tables.

    ``specs`` lists the tables, each a tuple of 1 to 4 variable names; every table is published
    with all its marginal totals and the grand total. ``categories`` optionally lists all codes of a
    variable (so a code nobody has still gets its zero cells). ``hierarchies`` optionally maps, per
    variable, a code to its parent aggregate code (several levels allowed); aggregates are
    published as extra cells and children of ``None`` (the total) are the top-level codes.
    """
    specs_t = _check_specs(records, specs)
    names = sorted({v for spec in specs_t for v in spec})
    variables = tuple(
        _variable(records, name, (categories or {}).get(name), (hierarchies or {}).get(name))
        for name in names
    )
    sizes = [len(v.leaves) for v in variables]
    n_inner = math.prod(sizes)
    if n_inner > MAX_INNER_CELLS:
        raise DisclosureError(
            "disclosure.too-many-combinations", count=n_inner, limit=MAX_INNER_CELLS
        )
    strides = [math.prod(sizes[i + 1 :]) for i in range(len(sizes))]

    inner_index = np.zeros(len(records), dtype=np.int64)
    for var, stride in zip(variables, strides, strict=True):
        lookup = {code: i for i, code in enumerate(var.leaves)}
        codes = _codes(records, var.name)
        inner_index += stride * np.fromiter((lookup[c] for c in codes), np.int64, len(codes))
    inner_values = np.bincount(inner_index, minlength=n_inner).astype(np.int64)

    position = {v.name: i for i, v in enumerate(variables)}
    tables_of: dict[CellKey, list[int]] = {}
    for t, spec in enumerate(specs_t):
        for key in _table_keys(spec, variables, position):
            tables_of.setdefault(key, []).append(t)
    keys = sorted(tables_of, key=lambda k: (len(k), k))

    columns = [_support(key, variables, position, strides) for key in keys]
    model = ModelMatrix.from_columns(n_inner, columns)
    values = np.rint(model.segments.sums(inner_values)).astype(np.int64)
    index = {key: i for i, key in enumerate(keys)}
    equations = _equations(specs_t, variables, position, index)
    return LinkedTables(
        variables=variables,
        specs=specs_t,
        keys=tuple(keys),
        values=values,
        tables_of=tuple(tuple(tables_of[k]) for k in keys),
        inner_values=inner_values,
        model=model,
        equations=equations,
    )


def _check_specs(
    records: pd.DataFrame, specs: Sequence[Sequence[str]]
) -> tuple[tuple[str, ...], ...]:
    if not specs:
        raise DisclosureError("disclosure.no-tables")
    out = []
    for spec in specs:
        spec_t = tuple(str(v) for v in spec)
        if not 1 <= len(spec_t) <= 4 or len(set(spec_t)) != len(spec_t):
            raise DisclosureError("disclosure.bad-table", table=" x ".join(spec_t))
        for name in spec_t:
            if name not in records.columns:
                raise DisclosureError("disclosure.unknown-variable", variable=name)
        out.append(spec_t)
    return tuple(out)


def _codes(records: pd.DataFrame, name: str) -> list[str]:
    column = records[name]
    missing = column.isna().to_numpy()
    if missing.any():
        row = int(np.flatnonzero(missing)[0])
        raise DisclosureError("disclosure.missing-category", variable=name, row=row + 1)
    return [str(c) for c in column.tolist()]


def _variable(
    records: pd.DataFrame,
    name: str,
    declared: Sequence[object] | None,
    hierarchy: Mapping[str, str] | None,
) -> Variable:
    codes = set(_codes(records, name))
    if declared is not None:
        listed = {str(c) for c in declared}
        unknown = sorted(codes - listed)
        if unknown:
            raise DisclosureError("disclosure.undeclared-category", variable=name, code=unknown[0])
        codes = listed
    parent = {str(k): str(v) for k, v in (hierarchy or {}).items()}
    aggregates = sorted(set(parent.values()) - codes)
    leaves = sorted(codes - set(parent.values()))
    if set(parent.values()) & codes:
        clash = sorted(set(parent.values()) & codes)[0]
        raise DisclosureError("disclosure.bad-hierarchy", variable=name, code=clash)
    for start in parent:
        seen = [start]
        up = parent.get(start)
        while up is not None:
            if up in seen:
                raise DisclosureError("disclosure.bad-hierarchy", variable=name, code=up)
            seen.append(up)
            up = parent.get(up)
    if not leaves:
        raise DisclosureError("disclosure.no-categories", variable=name)
    return Variable(name, tuple(leaves), tuple(aggregates), parent)


def _table_keys(
    spec: tuple[str, ...], variables: tuple[Variable, ...], position: Mapping[str, int]
) -> Iterable[CellKey]:
    ordered = sorted(spec, key=position.__getitem__)
    choices = [[None, *variables[position[v]].codes] for v in ordered]
    for combo in _product(choices):
        yield tuple((v, c) for v, c in zip(ordered, combo, strict=True) if c is not None)


def _product(choices: list[list[str | None]]) -> Iterable[tuple[str | None, ...]]:
    if not choices:
        yield ()
        return
    for head in choices[0]:
        for tail in _product(choices[1:]):
            yield (head, *tail)


def _support(
    key: CellKey,
    variables: tuple[Variable, ...],
    position: Mapping[str, int],
    strides: Sequence[int],
) -> np.ndarray:
    codes = dict(key)
    idx = np.zeros(1, dtype=np.int64)
    for var in variables:
        code = codes.get(var.name)
        leaves = (
            np.arange(len(var.leaves), dtype=np.int64)
            if code is None
            else np.array(var.leaf_sets[code], dtype=np.int64)
        )
        idx = (idx[:, None] + strides[position[var.name]] * leaves[None, :]).ravel()
    return idx


def _equations(
    specs: tuple[tuple[str, ...], ...],
    variables: tuple[Variable, ...],
    position: Mapping[str, int],
    index: Mapping[CellKey, int],
) -> tuple[Equation, ...]:
    found: set[tuple[int, tuple[int, ...]]] = set()
    for spec in specs:
        for key in _table_keys(spec, variables, position):
            codes = dict(key)
            for name in spec:
                var = variables[position[name]]
                kids = var.children(codes.get(name))
                if not kids:
                    continue
                children = []
                for kid in kids:
                    new = dict(codes)
                    new[name] = kid
                    child_key = tuple(sorted(new.items(), key=lambda p: position[p[0]]))
                    children.append(index[child_key])
                found.add((index[key], tuple(sorted(children))))
    return tuple(Equation(p, c) for p, c in sorted(found))
