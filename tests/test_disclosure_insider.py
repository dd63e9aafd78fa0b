"""The singleton insider: the one person in a suppressed cell of 1 knows that cell (and which of
its inner cells they are in). Our patterns must not let them work out another primary cell
exactly; the check here is an independent LP, written out plainly with HiGHS."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import highspy
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.disclosure import RuleSettings, frequency_tables, protect
from desktop_app.disclosure import insider as insider_module
from desktop_app.disclosure.insider import InsiderPair, insider_repair
from tests.test_disclosure_properties import staff
from tests.test_disclosure_republish import grid_tables

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _range(tables, suppressed: set[int], known_inner: dict[int, float], cell: int):
    """Minimum and maximum of ``cell`` over non-negative inner counts that reproduce every
    published cell, with ``known_inner`` fixed."""
    model = tables.model
    n = model.n_rows
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    lower = np.zeros(n)
    upper = np.full(n, highspy.kHighsInf)
    for i, v in known_inner.items():
        lower[i] = upper[i] = v
    h.addVars(n, lower, upper)
    for j in range(tables.n_cells):
        if j in suppressed:
            continue
        col = model.column(j).astype(np.int32)
        v = float(tables.values[j])
        h.addRow(v, v, len(col), col, np.ones(len(col)))
    col = model.column(cell).astype(np.int32)
    ends = []
    for sense in (1.0, -1.0):
        cost = np.zeros(n)
        cost[col] = sense
        h.changeColsCost(n, np.arange(n, dtype=np.int32), cost)
        h.run()
        status = h.getModelStatus()
        if status == highspy.HighsModelStatus.kUnbounded:  # everything around it is hidden
            ends.append(-sense * np.inf)
            continue
        assert status == highspy.HighsModelStatus.kOptimal
        ends.append(sense * h.getInfo().objective_function_value)
    return ends[0], ends[1]


def insider_disclosures(tables, suppressed, primary) -> list[tuple[int, int]]:
    """Pairs (a suppressed 1-cell, primary cell) where the one person in that cell pins the
    primary cell exactly. The person knows every suppressed 1-cell they are in (with linked
    tables, several) down to its inner cells. Cells made only of what they know and published
    zeros are left out: they tell nothing about anyone else."""
    suppressed = set(suppressed)
    model = tables.model
    inner = np.asarray(tables.inner_values)
    public_zero = set()
    for j in range(tables.n_cells):
        if j not in suppressed and tables.values[j] == 0:
            public_zero.update(model.column(j).tolist())
    alone_in: dict[int, list[int]] = {}
    for s in sorted(j for j in suppressed if tables.values[j] == 1):
        person = next(i for i in model.column(s).tolist() if inner[i] > 0)
        alone_in.setdefault(person, []).append(s)
    found = []
    for cells in alone_in.values():
        group = {i for s in cells for i in model.column(s).tolist()}
        known = {i: float(inner[i]) for i in group}
        for c in sorted(primary):
            if c in cells or c not in suppressed:
                continue
            if set(model.column(c).tolist()) <= group | public_zero:
                continue
            low, high = _range(tables, suppressed, known, c)
            if high - low < 1e-6:
                found.append((cells[0], c))
    return sorted(found)


def _cell(tables, r, c):
    return tables.index[(("c", c), ("r", r))]


def test_the_one_in_a_suppressed_rectangle_would_learn_the_opposite_corner():
    # A 1 and a 3 on the diagonal: for an outsider one 2 x 2 rectangle protects both. But the
    # person counted in the 1 knows it is 1, and a rectangle has one degree of freedom: they
    # would learn that the other small group has exactly 3 people.
    tables = grid_tables([[1, 9, 9], [9, 3, 9], [9, 9, 12]])
    one, three = _cell(tables, "r0", "c0"), _cell(tables, "r1", "c1")
    outsider_only = protect(tables, RuleSettings(threshold=5, insiders=False))
    assert outsider_only.passed
    assert len(outsider_only.secondary) == 2
    assert insider_disclosures(
        tables, outsider_only.suppressed, {p.cell for p in outsider_only.primary}
    ) == [(one, three)]

    result = protect(tables, RuleSettings(threshold=5))
    assert result.passed
    assert result.insider is not None
    assert result.insider.added
    assert len(result.secondary) > 2
    assert not insider_disclosures(tables, result.suppressed, {p.cell for p in result.primary})


def test_the_two_ones_of_a_row_do_not_see_each_other():
    # 15 = 10 + 3 + 1 + 1 with threshold 2: hiding the two 1s gives each an interval [0, 2], wide
    # enough for an outsider; each of the two people would know the other is alone.
    records = pd.DataFrame({"grade": ["a"] * 10 + ["b"] * 3 + ["c", "d"]})
    tables = frequency_tables(records, [("grade",)])
    outsider_only = protect(tables, RuleSettings(threshold=2, insiders=False))
    primary = {p.cell for p in outsider_only.primary}
    assert insider_disclosures(tables, outsider_only.suppressed, primary)
    result = protect(tables, RuleSettings(threshold=2))
    assert len(result.suppressed) == 3
    assert not insider_disclosures(tables, result.suppressed, primary)


def test_a_cell_made_of_the_insider_and_published_zeros_is_not_a_disclosure():
    # Department A has one person of sex X (aged young); the old X cell of A is zero. Knowing
    # themselves, the insider knows "A, X" and "A, X, young": both are them alone.
    rows = (
        [("A", "X", "young")]
        + [("A", "M", "young")] * 6
        + [("A", "M", "old")] * 6
        + [("A", "V", "young")] * 7
        + [("A", "V", "old")] * 5
        + [("B", "X", "old")] * 2
        + [("B", "M", "young")] * 8
        + [("B", "M", "old")] * 9
        + [("B", "V", "young")] * 6
        + [("B", "V", "old")] * 7
    )
    records = pd.DataFrame(rows, columns=["dept", "sex", "age"])
    tables = frequency_tables(records, [("dept", "sex", "age")])
    result = protect(tables, RuleSettings(threshold=3))
    assert result.passed
    assert result.insider is not None
    assert not result.insider.unresolved
    assert not insider_disclosures(tables, result.suppressed, {p.cell for p in result.primary})


@FAST
@given(staff(), st.integers(2, 5), st.booleans())
def test_no_singleton_insider_can_pin_down_another_primary_cell(data, threshold, zeros_unsafe):
    records, specs = data
    tables = frequency_tables(records, specs)
    result = protect(tables, RuleSettings(threshold=threshold, zeros_unsafe=zeros_unsafe))
    assert result.passed
    primary = {p.cell for p in result.primary}
    assert not insider_disclosures(tables, result.suppressed, primary)


@FAST
@given(staff(max_vars=3), st.integers(2, 5))
def test_the_insider_pass_only_adds_cells_and_keeps_the_outsider_audit(data, threshold):
    records, specs = data
    tables = frequency_tables(records, specs)
    rule = RuleSettings(threshold=threshold, insiders=False)
    before = protect(tables, rule, republish=False)
    levels = np.zeros(tables.n_cells)
    for p in before.primary:
        levels[p.cell] = p.level
    mask = np.zeros(tables.n_cells, dtype=bool)
    mask[list(before.suppressed)] = True
    result = insider_repair(tables, mask, levels)
    assert set(np.flatnonzero(mask).tolist()) == set(before.suppressed) | set(result.added)
    assert not result.unresolved
    after = protect(tables, dataclasses.replace(rule, insiders=True), republish=False)
    assert after.passed


def test_invalid_witnesses_are_not_trusted():
    # A "deviation" that moves a published cell proves nothing: the pass must find out itself.
    tables = grid_tables([[1, 9, 9], [9, 3, 9], [9, 9, 12]])
    outsider_only = protect(tables, RuleSettings(threshold=5, insiders=False))
    mask = np.zeros(tables.n_cells, dtype=bool)
    mask[list(outsider_only.suppressed)] = True
    levels = np.zeros(tables.n_cells)
    for p in outsider_only.primary:
        levels[p.cell] = p.level
    bogus = np.zeros(tables.model.n_rows)
    bogus[:] = 1.0  # moves every cell, published ones too
    result = insider_repair(tables, mask, levels, witnesses=[bogus])
    assert result.added


# -- an unresolved pair fails the protection and the `tables` command --------------------------

RECTANGLE = [[1, 9, 9], [9, 3, 9], [9, 9, 12]]
"""The smallest table where the insider pass needs an LP: the one person in the 1 would learn
the 3 from the 2 x 2 rectangle that protects both against an outsider."""


def make_repair_stuck(monkeypatch: pytest.MonkeyPatch) -> None:
    """The insider pass's deviation LP finds nothing (no suppression could fix the pair): every
    pair it has to settle by LP stays unresolved. The outsider's audit is left alone."""

    class Stuck(insider_module.DeviationRepair):
        def probe(self, cell: int, lower: float, upper: float) -> list[int] | None:
            return None

    monkeypatch.setattr(insider_module, "DeviationRepair", Stuck)


@pytest.fixture
def stuck_repair(monkeypatch: pytest.MonkeyPatch) -> None:
    make_repair_stuck(monkeypatch)


def test_an_unresolved_insider_pair_fails_the_protection(stuck_repair) -> None:
    tables = grid_tables(RECTANGLE)
    one, three = _cell(tables, "r0", "c0"), _cell(tables, "r1", "c1")
    result = protect(tables, RuleSettings(threshold=5))
    assert result.report.passed  # the outsider's audit passes...
    assert result.insider is not None
    assert result.insider.unresolved == (InsiderPair(one, three),)
    assert not result.passed  # ...but the insider can still work out the 3
    assert insider_disclosures(tables, result.suppressed, {p.cell for p in result.primary})


def rectangle_workbook(path: Path) -> Path:
    """The demo workbook cut to 70 employees whose departments and sexes count as RECTANGLE."""
    import openpyxl

    from desktop_app.demo_data import StaffOptions, write_demo_workbook

    write_demo_workbook(path, StaffOptions(n=200, messy=False))
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    header_row = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "Personeelsnummer")
    headers = {sheet.cell(header_row, c).value: c for c in range(1, sheet.max_column + 1)}
    people = [
        (department, sex)
        for department, counts in zip(("Noord", "Midden", "Zuid"), RECTANGLE, strict=True)
        for sex, count in zip("MVX", counts, strict=True)
        for _ in range(count)
    ]
    rows = [
        r
        for r in range(header_row + 1, sheet.max_row + 1)
        if sheet.cell(r, 1).value and not sheet.cell(r, headers["Datum uit dienst"]).value
    ]
    assert len(rows) >= len(people)
    for r, (department, sex) in zip(rows, people, strict=False):
        sheet.cell(r, headers["Afdeling"]).value = department
        sheet.cell(r, headers["Geslacht"]).value = sex
    kept = set(rows[: len(people)])
    for r in range(sheet.max_row, header_row, -1):  # from the bottom: row numbers stay valid
        if r not in kept:
            sheet.delete_rows(r)
    book.save(path)
    return path


def run_tables_command(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    from desktop_app.cli import main

    code = main(
        ["tables", str(path), "--programme", "cbs-barometer-ingezoomd", "--peildatum",
         "2026-01-01", "--by", "Afdeling,sex", "--min-count", "5", "--json"]
    )  # fmt: skip
    return code, json.loads(capsys.readouterr().out)


def test_the_tables_command_exits_1_on_an_unresolved_insider_pair(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = rectangle_workbook(tmp_path / "personeel.xlsx")
    monkeypatch.setenv("DIVERSITY_ASSISTANT_LANG", "en")
    # as it is: the insider pass settles the pair by suppressing more, and the command passes
    code, report = run_tables_command(path, capsys)
    assert code == 0
    assert report["insiders"]["added"] > 0
    assert report["insiders"]["unresolved"] == []
    # the same file when the pair cannot be settled: the outsider's audit passes, exit 1
    make_repair_stuck(monkeypatch)
    code, report = run_tables_command(path, capsys)
    assert report["audit"]["passed"] is True
    assert len(report["insiders"]["unresolved"]) == 1
    assert code == 1
