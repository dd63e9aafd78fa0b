"""The `check` command as an officer or a script uses it: real files, real process, exit codes, JSON."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop_app.demo_data import HEADERS, StaffOptions, staff_rows, write_demo_workbook
from tests.conftest import sha256_of

PEILDATUM = "2026-01-01"


def run_cli(*args: str, lang: str = "en") -> subprocess.CompletedProcess:
    env = {**os.environ, "DIVERSITY_ASSISTANT_LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def check_json(path: Path, *extra: str) -> tuple[int, dict]:
    result = run_cli(
        "check",
        str(path),
        "--programme",
        "cbs-barometer-ingezoomd",
        "--peildatum",
        PEILDATUM,
        "--json",
        *extra,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    return result.returncode, json.loads(result.stdout)


@pytest.fixture
def clean_workbook(tmp_path) -> Path:
    path = tmp_path / "personeel.xlsx"
    write_demo_workbook(path, StaffOptions(n=120, messy=False))
    return path


@pytest.fixture
def messy_workbook(tmp_path) -> Path:
    path = tmp_path / "personeel-2025.xlsx"
    write_demo_workbook(path, StaffOptions(n=120, messy=True))
    return path


def test_a_clean_export_passes_with_exit_0_and_the_documented_json(clean_workbook):
    before = sha256_of(clean_workbook)
    code, report = check_json(clean_workbook, "--breakdown", "Afdeling")
    assert code == 0
    assert {"file", "sheet", "rows", "mapping", "findings", "counts"} <= set(report)
    assert report["sheet"] == "Personeel"
    assert report["header_row"] == 3  # a title row and a blank row sit above the header
    assert report["rows"] == 120
    assert report["mapping"]["bsn"] == "BSN"
    assert report["mapping"]["birth_date"] == "Geboortedatum"
    assert report["breakdowns"] == [{"header": "Afdeling", "breakdown": "organisational_unit"}]
    assert report["identification_key"] == "bsn"
    assert report["counts"]["error"] == 0
    assert all(f["severity"] == "warning" for f in report["findings"])
    assert sha256_of(clean_workbook) == before


def test_a_messy_export_fails_with_exit_1_and_located_findings(messy_workbook):
    before = sha256_of(messy_workbook)
    code, report = check_json(messy_workbook, "--breakdown", "Afdeling")
    assert code == 1
    by_code: dict[str, list[dict]] = {}
    for finding in report["findings"]:
        by_code.setdefault(finding["code"], []).append(finding)
        assert {"severity", "code", "field", "rows", "message"} <= set(finding)
    first_data_row = 4  # title, blank, header
    invalid_bsn = [f for f in by_code["invalid-identifier"] if f["field"] == "bsn"]
    assert first_data_row + 4 in invalid_bsn[0]["rows"]
    assert any(first_data_row + 23 in f["rows"] for f in by_code["duplicate-person"])
    assert any(first_data_row + 31 in f["rows"] for f in by_code["invalid-date"])
    assert any(first_data_row + 42 in f["rows"] for f in by_code["missing-value"])
    assert any(first_data_row + 57 in f["rows"] for f in by_code["outside-population"])
    assert "total-row" in by_code
    assert report["counts"]["error"] == sum(
        1 for f in report["findings"] if f["severity"] == "error"
    )
    assert sha256_of(messy_workbook) == before


def test_identifiers_never_appear_in_full_in_the_output(messy_workbook):
    rows = list(staff_rows(StaffOptions(n=120)))
    result = run_cli(
        "check",
        str(messy_workbook),
        "--programme",
        "cbs-barometer-ingezoomd",
        "--peildatum",
        PEILDATUM,
        "--json",
    )
    for row in rows:
        assert str(int(row[2])) not in result.stdout
        assert str(int(row[2])) not in result.stderr


def test_the_text_report_speaks_dutch_by_default(messy_workbook):
    result = run_cli(
        "check",
        str(messy_workbook),
        "--programme",
        "cbs-barometer-ingezoomd",
        "--peildatum",
        PEILDATUM,
        lang="nl",
    )
    assert result.returncode == 1
    assert "FOUT" in result.stdout
    assert "Voorgestelde koppeling" in result.stdout


def test_a_saved_mapping_maps_next_years_export_in_one_step(tmp_path, clean_workbook):
    mapping_file = tmp_path / "koppeling.json"
    run_cli(
        "check",
        str(clean_workbook),
        "--programme",
        "cbs-barometer-ingezoomd",
        "--peildatum",
        PEILDATUM,
        "--breakdown",
        "Afdeling",
        "--save-mapping",
        str(mapping_file),
    )
    assert mapping_file.exists()
    # Next year: columns in another order, an extra column, no title rows.
    order = [*reversed(HEADERS), "Opmerking"]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Export"
    sheet.append(order)
    for row in staff_rows(StaffOptions(n=50, seed=2027)):
        values = dict(zip(HEADERS, row, strict=True))
        sheet.append([values.get(h, "") for h in order])
    next_year = tmp_path / "personeel-2026.xlsx"
    workbook.save(next_year)
    code, report = check_json(next_year, "--mapping", str(mapping_file))
    assert code == 0
    assert report["mapping_source"] == "file"
    assert report["mapping"]["bsn"] == "BSN"
    assert report["breakdowns"] == [{"header": "Afdeling", "breakdown": "organisational_unit"}]


def test_a_saved_mapping_that_no_longer_fits_exits_2_naming_the_columns(tmp_path, clean_workbook):
    mapping_file = tmp_path / "koppeling.json"
    run_cli(
        "check",
        str(clean_workbook),
        "--programme",
        "cbs-barometer-ingezoomd",
        "--peildatum",
        PEILDATUM,
        "--save-mapping",
        str(mapping_file),
    )
    workbook = Workbook()
    workbook.active.append([h for h in HEADERS if h not in ("BSN", "Geslacht")])
    workbook.active.append(["P1"] * 11)
    changed = tmp_path / "anders.xlsx"
    workbook.save(changed)
    result = run_cli(
        "check",
        str(changed),
        "--programme",
        "cbs-barometer-ingezoomd",
        "--mapping",
        str(mapping_file),
    )
    assert result.returncode == 2
    assert "“BSN”" in result.stderr
    assert "“Geslacht”" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (
            ["check", "/nonexistent/personeel.xlsx", "--programme", "cbs-barometer-ingezoomd"],
            "personeel.xlsx",
        ),
        (["check", "{demo}", "--programme", "no-such-programme"], "no-such-programme"),
        (
            ["check", "{demo}", "--programme", "cbs-barometer-ingezoomd", "--sheet", "Blad9"],
            "Blad9",
        ),
        (
            [
                "check",
                "{demo}",
                "--programme",
                "cbs-barometer-ingezoomd",
                "--breakdown",
                "Kostenplaats",
            ],
            "Kostenplaats",
        ),
        (
            [
                "check",
                "{demo}",
                "--programme",
                "cbs-barometer-ingezoomd",
                "--peildatum",
                "1-1-2026",
            ],
            "YYYY-MM-DD",
        ),
    ],
)
def test_unusable_input_exits_2_with_a_sentence_not_a_traceback(messy_workbook, args, fragment):
    args = [a.replace("{demo}", str(messy_workbook)) for a in args]
    result = run_cli(*args)
    assert result.returncode == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_programmes_lists_the_three_profiles():
    result = run_cli("programmes", "--json")
    assert result.returncode == 0
    ids = [p["id"] for p in json.loads(result.stdout)]
    assert ids == ["cbs-barometer-algemeen", "cbs-barometer-ingezoomd", "ksz-diversiteit"]


def test_the_readme_launch_command_opens_the_demo_wizard_and_keeps_running(tmp_path):
    """`python -m desktop_app --demo` starts the wizard (offscreen here) without an error."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DIVERSITY_ASSISTANT_DATA_DIR": str(tmp_path),
        "DIVERSITY_ASSISTANT_LANG": "nl",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            process.wait(timeout=8)  # a wizard waits for the officer; an error would end it
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=20)
    assert "Traceback" not in stderr
    assert "Error" not in stderr


def test_cbs_algemeen_counts_staff_per_loonheffingennummer_file(tmp_path):
    path = tmp_path / "loonheffing.csv"
    lines = ["Loonheffingennummer;Personeelsnummer;Datum in dienst"]
    lines += [f"123456782L01;P{i};01-0{1 + i % 9}-2020" for i in range(5)]
    lines += ["123456782L0X;P9;01-01-2020"]
    path.write_text("\n".join(lines) + "\n", encoding="cp1252")
    result = run_cli(
        "check",
        str(path),
        "--programme",
        "cbs-barometer-algemeen",
        "--peildatum",
        PEILDATUM,
        "--json",
    )
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["mapping"]["loonheffingennummer"] == "Loonheffingennummer"
    bad = [f for f in report["findings"] if f["code"] == "invalid-identifier"]
    assert bad
    assert bad[0]["rows"] == [7]
    assert report["peildatum"] == dt.date(2026, 1, 1).isoformat()


def test_a_derived_breakdown_is_reported_by_its_name(clean_workbook):
    result = run_cli(
        "check",
        str(clean_workbook),
        "--programme",
        "cbs-barometer-ingezoomd",
        "--peildatum",
        PEILDATUM,
        "--breakdown",
        "=age",
        lang="en",
    )
    assert result.returncode == 0, result.stderr
    assert "Breakdown ← Age" in result.stdout
    assert "=age" not in result.stdout
