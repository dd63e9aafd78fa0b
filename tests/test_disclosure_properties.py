"""Property-based guarantees of the disclosure engine (hypothesis, small random tables)."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.disclosure import (
    RuleSettings,
    audit,
    audit_model,
    audit_pattern,
    frequency_tables,
    protect,
)

NAMES = ("a", "b", "c", "d")
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def staff(draw, max_vars: int = 4):
    """Records over 1-4 variables with 2-3 categories each, and one or more table specs."""
    n_vars = draw(st.integers(1, max_vars))
    names = NAMES[:n_vars]
    sizes = [draw(st.integers(2, 3)) if n_vars < 4 else 2 for _ in names]
    n = draw(st.integers(1, 40))
    rows = draw(
        st.lists(st.tuples(*[st.integers(0, k - 1) for k in sizes]), min_size=n, max_size=n)
    )
    records = pd.DataFrame(
        [[f"{name}{v}" for name, v in zip(names, row, strict=True)] for row in rows],
        columns=list(names),
    )
    linked = n_vars >= 2 and draw(st.booleans())
    if linked:
        subsets = [s for r in range(1, n_vars) for s in itertools.combinations(names, r)]
        specs = draw(st.lists(st.sampled_from(subsets), min_size=2, max_size=3, unique=True))
    else:
        specs = [names]
    return records, specs


rules = st.builds(
    RuleSettings,
    threshold=st.integers(2, 5),
    zeros_unsafe=st.booleans(),
    full_cells_unsafe=st.booleans(),
)


@FAST
@given(staff(), rules)
def test_our_patterns_always_pass_an_independent_audit(data, rule):
    records, specs = data
    tables = frequency_tables(records, specs)
    result = protect(tables, rule)
    assert result.passed
    # Re-audit from keys only, as anyone else's pattern would be fed in.
    suppressed = [tables.keys[i] for i in result.suppressed]
    levels = {tables.keys[p.cell]: p.level for p in result.primary}
    assert audit(tables, suppressed, levels).passed
    assert {p.cell for p in result.primary} <= set(result.suppressed)


@FAST
@given(staff(max_vars=3), rules)
def test_the_pattern_does_not_depend_on_the_order_of_the_records(data, rule):
    records, specs = data
    first = protect(frequency_tables(records, specs), rule).suppressed
    shuffled = records.iloc[::-1].reset_index(drop=True)
    assert protect(frequency_tables(shuffled, specs), rule).suppressed == first


@FAST
@given(staff(), st.data())
def test_a_cell_suppressed_alone_is_always_found_exactly(data, draw):
    records, specs = data
    tables = frequency_tables(records, specs)
    cell = draw.draw(st.integers(0, tables.n_cells - 1))
    mask = np.zeros(tables.n_cells, dtype=bool)
    mask[cell] = True
    report = audit_model(tables.model, tables.values, mask, np.zeros(tables.n_cells))
    (item,) = report.intervals
    assert item.exact
    assert item.low == tables.values[cell]
    # A zero that is worked out exactly reveals nothing while zeros are safe to publish.
    assert report.passed == (tables.values[cell] == 0)
    strict = audit_model(
        tables.model, tables.values, mask, np.zeros(tables.n_cells), zeros_unsafe=True
    )
    assert not strict.passed


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 8), min_size=2, max_size=6),
    st.data(),
    st.integers(2, 5),
)
def test_the_audit_matches_the_closed_form_for_one_row(counts, draw, level):
    """One row with its total published: hidden cells K add up to S, so each lies in [0, S]."""
    records = pd.DataFrame({"a": [f"x{i}" for i, c in enumerate(counts) for _ in range(c)]})
    if records.empty:
        return
    tables = frequency_tables(
        records, [("a",)], categories={"a": [f"x{i}" for i in range(len(counts))]}
    )
    hidden = draw.draw(st.lists(st.integers(0, len(counts) - 1), min_size=2, unique=True))
    keys = [(("a", f"x{i}"),) for i in hidden]
    report = audit(tables, keys, {keys[0]: level})
    s = sum(counts[i] for i in hidden)
    for item in report.intervals:
        assert (item.low, item.high) == (0.0, float(s))
    assert report.passed == (s >= level and s > 0)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 6), min_size=3, max_size=3), min_size=3, max_size=3),
    st.tuples(st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.integers(1, 2), st.integers(1, 2)),
)
def test_the_audit_matches_the_closed_form_for_a_hidden_rectangle(grid, corner, offset):
    """A 2 x 2 cycle of inner cells a b / c d in a table with margins: a lies in
    [a - min(a, d), a + min(b, c)]."""
    rows = [(f"r{i}", f"c{j}") for i in range(3) for j in range(3) for _ in range(grid[i][j])]
    if not rows:
        return
    records = pd.DataFrame(rows, columns=["r", "c"])
    cats = {"r": ["r0", "r1", "r2"], "c": ["c0", "c1", "c2"]}
    tables = frequency_tables(records, [("r", "c")], categories=cats)
    (i, j), (di, dj) = corner, offset
    i2, j2 = (i + di) % 3, (j + dj) % 3
    cells = [(i, j), (i, j2), (i2, j), (i2, j2)]
    keys = [(("c", f"c{q}"), ("r", f"r{p}")) for p, q in cells]
    report = audit(tables, keys, {})
    a, b, c, d = (grid[p][q] for p, q in cells)
    first = report.interval(tables.index[keys[0]])
    assert (first.low, first.high) == (float(a - min(a, d)), float(a + min(b, c)))


@st.composite
def wide_staff(draw):
    """Three variables of 3-5 categories and up to 150 people: tables big enough for chains of
    equations with two unknowns."""
    sizes = [draw(st.integers(3, 5)) for _ in range(3)]
    n = draw(st.integers(20, 150))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    records = pd.DataFrame(
        {
            name: [f"{name}{v}" for v in rng.integers(0, k, n)]
            for name, k in zip("abc", sizes, strict=True)
        }
    )
    return records, [("a", "b", "c")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(staff(), wide_staff()), st.data())
def test_reducing_the_attackers_equations_changes_no_interval(data, draw):
    """The audit eliminates equations with one or two unknowns before solving (when the tables'
    equations are given); the plain LP over all unknowns must find the very same intervals."""
    records, specs = data
    tables = frequency_tables(records, specs)
    share = draw.draw(st.floats(0.1, 0.7))
    seed = draw.draw(st.integers(0, 2**32 - 1))
    mask = np.random.default_rng(seed).random(tables.n_cells) < share
    levels = np.where(mask, 3.0, 0.0)
    reduced = audit_pattern(tables, mask, levels)
    plain = audit_model(tables.model, tables.values, mask, levels)
    assert [i.cell for i in reduced.intervals] == [i.cell for i in plain.intervals]
    for a, b in zip(reduced.intervals, plain.intervals, strict=True):
        assert abs(a.low - b.low) < 1e-6, (a, b)
        assert a.high == b.high or abs(a.high - b.high) < 1e-6, (a, b)
