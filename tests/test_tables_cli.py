"""The `tables` command as an officer or a script uses it: a real workbook, a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.demo_data import StaffOptions, write_demo_workbook
from tests.conftest import sha256_of

PEILDATUM = "2026-01-01"


def run_tables(path: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess:
    env = {**os.environ, "DIVERSITY_ASSISTANT_LANG": lang}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "tables",
            str(path),
            "--programme",
            "cbs-barometer-ingezoomd",
            "--peildatum",
            PEILDATUM,
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tables") / "personeel.xlsx"
    write_demo_workbook(path, StaffOptions(n=200, messy=False))
    return path


def test_two_linked_tables_are_protected_together_and_documented_in_json(workbook):
    before = sha256_of(workbook)
    result = run_tables(
        workbook, "--by", "Afdeling,sex", "--by", "age,sex", "--min-count", "5", "--json"
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "HiGHS" not in result.stdout  # the solver's banner never leaks into the JSON
    report = json.loads(result.stdout)
    assert report["audit"] == {"passed": True, "failures": []}
    insiders = report["insiders"]
    assert insiders["unresolved"] == []
    singletons = [
        c for t in report["tables"] for c in t["cells"] if c["status"] == "primary"
    ]  # the insiders are among the primary cells; their number is reported
    assert 0 <= insiders["singletons"] <= len(singletons)
    assert report["rows"] == 200
    assert [t["by"] for t in report["tables"]] == [["Afdeling", "sex"], ["age", "sex"]]
    statuses = {c["status"] for t in report["tables"] for c in t["cells"]}
    assert statuses <= {"safe", "primary", "secondary", "empty"}
    cells = [c for t in report["tables"] for c in t["cells"]]
    hidden = [c for c in cells if c["status"] in ("primary", "secondary")]
    assert {json.dumps(c["key"], sort_keys=True) for c in hidden if c["status"] == "primary"}
    for cell in cells:
        if cell["status"] in ("primary", "secondary"):
            assert cell["count"] is None
            low, high = cell["interval"]
            if cell["status"] == "primary":
                assert high - low >= 5
        else:
            assert isinstance(cell["count"], int)
            assert (cell["count"] == 0) == (cell["status"] == "empty")
    # The grand total has every column null; the sex totals are one cell shared by both tables.
    first = report["tables"][0]["cells"][0]
    assert first["key"] == {"Afdeling": None, "sex": None}
    assert first["count"] == 200
    counted = report["suppressed"]
    unique_primary = {
        json.dumps({k: v for k, v in c["key"].items() if v is not None}, sort_keys=True)
        for c in cells
        if c["status"] == "primary"
    }
    assert counted["primary"] == len(unique_primary)
    assert counted["total"] > 0
    assert sha256_of(workbook) == before


def test_the_same_file_gives_the_same_tables_every_run(workbook):
    args = ("--by", "Afdeling,age", "--min-count", "5", "--json")
    first = run_tables(workbook, *args)
    second = run_tables(workbook, *args)
    assert first.returncode == 0
    assert first.stdout == second.stdout


def test_a_text_summary_in_dutch(workbook):
    result = run_tables(workbook, "--by", "Afdeling,sex", "--min-count", "5", lang="nl")
    assert result.returncode == 0, result.stderr
    assert "Drempel 5" in result.stdout
    assert "Controle geslaagd" in result.stdout


def test_an_unknown_column_is_refused_with_exit_2_and_the_columns_there_are(workbook):
    result = run_tables(workbook, "--by", "Kostenplaats", "--min-count", "5")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "Kostenplaats" in result.stderr
    assert "Afdeling" in result.stderr


def test_salary_band_is_derived_from_the_scale_column(workbook):
    result = run_tables(workbook, "--by", "salary_band", "--min-count", "3", "--json")
    assert result.returncode == 0, result.stderr
    codes = {c["key"]["salary_band"] for c in json.loads(result.stdout)["tables"][0]["cells"]}
    assert codes <= {None, "<7", "7-9", "10-12", "13+", "onbekend"}
    assert "7-9" in codes


def test_a_messy_file_still_gives_tables_of_the_included_rows_and_says_so(tmp_path):
    path = tmp_path / "messy.xlsx"
    write_demo_workbook(path, StaffOptions(n=120, messy=True))
    result = run_tables(path, "--by", "Afdeling", "--min-count", "3", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["check"]["error"] > 0
    assert "errors" in result.stderr


def demo_tables_in_process(folder: Path, **options):
    """The demo's 600 people by department x sex x age at threshold 5, through the command's core
    in this process (``options``: more :class:`TablesOptions` fields)."""
    import datetime as dt

    from desktop_app.tables_command import TablesOptions
    from desktop_app.tables_command import run_tables as tables_of

    path = folder / "personeel.xlsx"
    if not path.exists():
        write_demo_workbook(path, StaffOptions(n=600, messy=False))
    wanted = TablesOptions(
        programme_id="cbs-barometer-ingezoomd",
        by=(("Afdeling", "sex", "age"),),
        min_count=5,
        peildatum=dt.date.fromisoformat(PEILDATUM),
        **options,
    )
    return tables_of(path, wanted)


def test_thorough_runs_the_re_publish_pass_on_any_size(tmp_path, monkeypatch):
    """By default the re-publish pass only runs on small tables; ``--thorough`` runs it always
    (here every table counts as big), giving back secondary cells the others make unnecessary."""
    import desktop_app.disclosure.suppression as suppression

    monkeypatch.setattr(suppression, "REPUBLISH_CELLS", 0)
    runs = {
        thorough: demo_tables_in_process(tmp_path, thorough=thorough).protection
        for thorough in (False, True)
    }
    assert runs[False].released == ()
    assert runs[True].released
    assert len(runs[True].secondary) < len(runs[False].secondary)
    assert runs[True].passed
    assert runs[False].passed


def test_the_draft_s_merges_bands_and_threshold_apply_as_on_the_categories_page(
    workbook, tmp_path
):
    """`tables --draft` counts what the wizard's categories page counts after the officer merged
    departments and chose age bands: merged names, the draft's bands, the draft's threshold."""
    from dataclasses import replace

    from desktop_app.draft import CategoryChoices, Draft, save_draft

    plain = json.loads(run_tables(workbook, "--by", "Afdeling", "--min-count", "5", "--json").stdout)
    departments = sorted({c["key"]["Afdeling"] for c in plain["tables"][0]["cells"]} - {None})
    assert len(departments) >= 3
    first, second = departments[:2]
    merged = f"{first} + {second}"
    draft = replace(
        Draft(programme_id="cbs-barometer-ingezoomd"),
        categories=CategoryChoices(
            merges={"Afdeling": {first: merged, second: merged}},
            bands={"age": (30, 50)},
            cell_threshold=7,
        ),
    )
    save_draft(draft, tmp_path / "concept.json")
    result = run_tables(
        workbook, "--by", "Afdeling", "--by", "age", "--draft", str(tmp_path / "concept.json"), "--json"
    )
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    names = {c["key"]["Afdeling"] for c in report["tables"][0]["cells"]}
    assert merged in names
    assert first not in names
    assert second not in names
    ages = {c["key"]["age"] for c in report["tables"][1]["cells"]}
    assert len(ages - {None, "onbekend"}) == 3  # two edges: three bands
    assert report["threshold"] == 7  # the draft's, not the profile's

    other = replace(draft, programme_id="ksz-diversiteit")
    save_draft(other, tmp_path / "ander.json")
    refused = run_tables(workbook, "--by", "Afdeling", "--draft", str(tmp_path / "ander.json"))
    assert refused.returncode == 2
    assert "ksz-diversiteit" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_json_intervals_are_exact_when_the_protection_gave_only_its_verdict(tmp_path, monkeypatch):
    """Above EXACT_AUDIT_CELLS protect()'s own audit proves the verdict without every interval
    (here every table counts as large); `--json` still shows each suppressed cell's exact
    interval, as an independent exact audit computes it."""
    import numpy as np

    import desktop_app.disclosure.suppression as suppression
    from desktop_app.disclosure import audit_pattern
    from desktop_app.tables_command import tables_json

    monkeypatch.setattr(suppression, "EXACT_AUDIT_CELLS", 0)
    result = demo_tables_in_process(tmp_path)
    protection = result.protection
    assert not protection.report.exact
    mask = np.zeros(result.tables.n_cells, dtype=bool)
    mask[list(protection.suppressed)] = True
    levels = np.zeros(result.tables.n_cells)
    for p in protection.primary:
        levels[p.cell] = p.level
    exact = audit_pattern(result.tables, mask, levels)
    wanted = [[item.low, item.high] for item in exact.intervals]
    shown = [
        cell["interval"]
        for table in tables_json(result)["tables"]
        for cell in table["cells"]
        if "interval" in cell
    ]
    assert sorted(shown) == sorted(wanted)
    verdict = [[item.low, item.high] for item in protection.report.intervals]
    assert sorted(verdict) != sorted(wanted)  # the verdict alone would have shown narrower ones
