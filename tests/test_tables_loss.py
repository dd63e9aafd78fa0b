"""Information loss as users feel it, in `tables --json` and the text summary: the people hidden
(by the secondary cells and by all suppressed cells) and each table's share of published cells,
on a workbook small enough to work the pattern out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop_app.demo_data import HEADERS, StaffOptions, staff_rows
from tests.test_tables_cli import run_tables

# Department A 20 people, B 3, C 10 (33 in all); 18 men and 15 women, no X.
DEPARTMENTS = ["A"] * 20 + ["B"] * 3 + ["C"] * 10
SEXES = ["M"] * 18 + ["V"] * 15


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    rows = list(staff_rows(StaffOptions(n=len(DEPARTMENTS))))
    afdeling, geslacht = HEADERS.index("Afdeling"), HEADERS.index("Geslacht")
    for row, department, sex in zip(rows, DEPARTMENTS, SEXES, strict=True):
        row[afdeling] = department
        row[geslacht] = sex
        row[HEADERS.index("Datum uit dienst")] = None  # everyone is in at the peildatum
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(HEADERS))
    for row in rows:
        sheet.append(row)
    path = tmp_path_factory.mktemp("loss") / "klein.xlsx"
    workbook.save(path)
    return path


def test_the_json_reports_people_hidden_and_each_table_s_published_share(small):
    """Threshold 5: B (3) is primary. The department table is total = A + B + C, so one more
    department must go: C (10 people) hides fewer than A (20). Hidden: 3 + 10 = 13 people, 10 of
    them by the secondary cell; the department table publishes 2 of its 4 cells (the total and
    A), the sex table (total, M, V) all 3."""
    result = run_tables(small, "--by", "Afdeling", "--by", "sex", "--min-count", "5", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["rows"] == 33
    departments, sexes = report["tables"]
    status = {c["key"]["Afdeling"]: (c["status"], c["count"]) for c in departments["cells"]}
    assert status == {
        None: ("safe", 33),
        "A": ("safe", 20),
        "B": ("primary", None),
        "C": ("secondary", None),
    }
    assert report["suppressed"] == {
        "primary": 1,
        "secondary": 1,
        "total": 13,
        "secondary_total": 10,
    }
    assert departments["published"] == {"cells": 2, "of": 4, "share": 0.5}
    assert sexes["published"] == {"cells": 3, "of": 3, "share": 1.0}


def test_the_text_summary_says_the_same_in_dutch(small):
    result = run_tables(small, "--by", "Afdeling", "--by", "sex", "--min-count", "5", lang="nl")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Gepubliceerd: 2 van 4 cellen (50%)." in out
    assert "Gepubliceerd: 3 van 3 cellen (100%)." in out
    assert "10 in secundair onderdrukte cellen, 13 in alle onderdrukte cellen" in out


def test_a_share_is_never_rounded_up_to_all_while_a_cell_is_hidden():
    from desktop_app.tables_command import published_percent

    assert published_percent(999, 1000) == "99"
    assert published_percent(1000, 1000) == "100"
    assert published_percent(1, 3) == "33"
    assert published_percent(0, 0) == "100"
