"""Derived breakdowns: age band and year-of-entry band computed from mapped dates, end to end."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import pytest

from desktop_app.categories import AGE_BANDS, UNKNOWN, bands_for, parse_edges
from desktop_app.check import CheckOptions, run_check
from desktop_app.demo_data import StaffOptions, write_demo_workbook
from desktop_app.draft import CategoryChoices, load_draft
from desktop_app.errors import AppError, MappingError
from desktop_app.mapping import BreakdownColumn
from desktop_app.mapping.store import check_mapping_fits, load_mapping, save_mapping
from desktop_app.package.build import PackageRefused, breakdown_codes, build_package
from desktop_app.resources import resource_path
from tests.test_cli import check_json

CREATED = dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC)
DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[-/]\d{1,2}[-/]\d{2,4}")


@pytest.fixture(scope="module")
def staff(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("derived") / "personeel.xlsx"
    write_demo_workbook(path, StaffOptions(n=1200, messy=False))
    return path


@pytest.fixture
def draft():
    return load_draft(resource_path("samples", "demo-draft.json"))


def check_of(path: Path, draft, breakdowns=("=age",), mapping=None):
    return run_check(
        path,
        CheckOptions(
            draft.programme_id, breakdowns=breakdowns, peildatum=draft.peildatum, mapping=mapping
        ),
    )


def package(draft, check):
    return build_package(
        draft, check, recipient_fingerprint=None, signer_fingerprint=None, created=CREATED
    )


def subgroups(pkg) -> list[str]:
    text = pkg.output.content.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=";,\t|")
    rows = list(csv.DictReader(io.StringIO(text), dialect=dialect))
    return [row["subgroep_1"] for row in rows]


def test_age_is_a_derived_breakdown_not_a_source_column(staff, draft):
    check = check_of(staff, draft)
    assert check.mapping.breakdowns == (BreakdownColumn("=age", "age"),)
    assert "=age" not in check.mapping.used_headers
    assert not any(c.startswith("breakdown:=") for c in check.validation.records.columns)
    check_mapping_fits(check.mapping, check.table.headers, check.programme)  # no column missing


def test_small_age_bands_are_refused_until_the_edges_are_widened(staff, draft):
    check = check_of(staff, draft)
    with pytest.raises(PackageRefused) as caught:
        package(draft, check)
    text = caught.value.render("en")
    assert "‘Age’" in text
    assert "=age" not in text
    assert "smaller than 250" in text
    draft.categories = CategoryChoices(bands={"age": (35, 50)})
    first = package(draft, check)
    labels = subgroups(first)
    assert len(labels) == first.output.rows
    assert set(labels) <= {"<35", "35-49", "50+", UNKNOWN}
    assert not any(DATE.search(label) for label in labels)
    assert first.manifest["categories"]["bands"] == {"age": [35, 50]}
    assert package(draft, check).zipped() == first.zipped()  # deterministic


def test_small_age_bands_are_accepted_once_merged(staff, draft):
    check = check_of(staff, draft)
    merged = dict.fromkeys(AGE_BANDS.labels()[:3], "<45") | dict.fromkeys(
        AGE_BANDS.labels()[3:5], "45+"
    )
    codes = breakdown_codes(check, {"=age": merged})[1]
    assert set(codes.dropna()) <= {"<45", "45+", UNKNOWN}
    draft.categories = CategoryChoices(merges={"=age": merged})
    assert set(subgroups(package(draft, check))) <= {"<45", "45+", UNKNOWN}


def test_a_derived_breakdown_without_its_date_field_is_refused_clearly(staff, draft):
    check = check_of(staff, draft)
    fields = {k: v for k, v in check.mapping.fields.items() if k != "start_date"}
    mapping = dataclasses.replace(
        check.mapping, fields=fields, breakdowns=(BreakdownColumn("=entry_year", "entry_year"),)
    )
    unmapped = check_of(staff, draft, breakdowns=(), mapping=mapping)
    with pytest.raises(PackageRefused) as caught:
        package(draft, unmapped)
    assert "not mapped" in caught.value.render("en")
    assert "niet gekoppeld" in caught.value.render("nl")


def test_entry_year_uses_default_bands_and_refuses_bad_edges(staff, draft):
    check = check_of(staff, draft, breakdowns=("=entry_year",))
    labels = set(breakdown_codes(check)[1].dropna())
    assert labels <= set(bands_for("entry_year").labels())
    draft.categories = CategoryChoices(bands={"entry_year": (2020, 2010)})
    with pytest.raises(PackageRefused) as caught:
        package(draft, check)
    assert "increasing whole numbers" in caught.value.render("en")


def test_parse_edges():
    assert parse_edges("35, 50") == (35, 50)
    for bad in ("", "35, x", "50, 35", "35,,50"):
        with pytest.raises(ValueError):
            parse_edges(bad)


def test_the_mapping_json_round_trips_a_derived_breakdown(staff, draft, tmp_path):
    check = check_of(staff, draft, breakdowns=("=age", "=entry_year"))
    path = tmp_path / "koppeling.json"
    save_mapping(check.mapping, path)
    loaded = load_mapping(path)
    assert loaded == check.mapping
    again = check_of(staff, draft, breakdowns=(), mapping=loaded)
    assert again.mapping.breakdowns == check.mapping.breakdowns


def test_a_derived_breakdown_the_programme_lacks_is_refused(staff, draft):
    check = check_of(staff, draft)
    bogus = dataclasses.replace(check.mapping, breakdowns=(BreakdownColumn("=flow", "flow"),))
    with pytest.raises(MappingError):
        check_mapping_fits(bogus, check.table.headers, check.programme)
    with pytest.raises(AppError):
        check_of(staff, draft, breakdowns=("=shoe_size",))


def test_check_accepts_a_derived_breakdown_on_the_command_line(staff):
    code, report = check_json(staff, "--breakdown", "=age")
    assert code in (0, 1)
    assert {"header": "=age", "breakdown": "age"} in report["breakdowns"]


def test_check_refuses_a_derived_breakdown_the_programme_lacks(staff):
    from tests.test_cli import run_cli

    result = run_cli(
        "check", str(staff), "--programme", "cbs-barometer-ingezoomd", "--breakdown", "=flow"
    )
    assert result.returncode == 2
    assert "=flow" in result.stderr
    assert "Traceback" not in result.stderr
