"""validate() as the officer meets it: the typed table, the population at the peildatum, duplicates,
the mapping's gaps, and the shipped CBS profile."""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd
import pytest

from desktop_app.errors import MappingError
from desktop_app.profiles.model import Thresholds
from desktop_app.validation import Code, Severity, validate
from tests.validation_helpers import (
    BSNS,
    FIELD_HEADERS,
    HEADERS,
    PEILDATUM,
    findings_with,
    ksz_programme,
    mapping,
    person,
    programme,
    render_all,
    run,
    table,
)

ADDRESS_FIELDS = {k: v for k, v in FIELD_HEADERS.items() if k != "bsn"}


def six(**changes: dict[str, str]) -> list[list[str]]:
    return [person(i, **changes.get(f"p{i}", {})) for i in range(6)]


# --- the typed table --------------------------------------------------------------------------


def test_records_are_typed_and_indexed_by_excel_row():
    rows = six(
        p1={"bsn": "12345672", "postcode": "1234 ab", "house_number_suffix": "-bis"},
        p2={"sex": " Vrouw ", "fte": "1", "birth_date": "17-05-1975"},
    )
    result = run(rows)
    records = result.records
    assert list(records.index) == [2, 3, 4, 5, 6, 7]
    assert records.loc[3, "bsn"] == "012345672"  # leading zero restored
    assert records.loc[3, "postcode"] == "1234AB"
    assert records.loc[3, "house_number_suffix"] == "BIS"
    assert records.loc[4, "sex"] == "V"
    assert records.loc[4, "birth_date"] == pd.Timestamp("1975-05-17")
    assert records.loc[2, "fte"] == pytest.approx(0.8)
    assert records.loc[2, "house_number"] == 10
    assert str(records["birth_date"].dtype) == "datetime64[ns]"
    assert str(records["house_number"].dtype) == "Int64"
    assert pd.isna(records.loc[2, "end_date"])
    assert records.loc[2, "breakdown:Afdeling"] == "HR"
    assert records.loc[2, "personnel_number"] == "P1000"


def test_invalid_values_become_missing_in_the_typed_table():
    result = run(six(p0={"bsn": "123456789", "sex": "??", "birth_date": "31-02-1980"}))
    records = result.records
    assert records.loc[2, "bsn"] is None
    assert records.loc[2, "sex"] is None
    assert pd.isna(records.loc[2, "birth_date"])


def test_a_value_map_from_the_mapping_step_translates_the_files_own_codes():
    rows = six(p0={"sex": "1"}, p1={"sex": "2"})
    result = run(rows, value_maps={"sex": {"1": "M", "2": "V"}})
    assert findings_with(result, "unknown-code") == []
    assert result.records.loc[[2, 3], "sex"].tolist() == ["M", "V"]


def test_excel_serial_dates_follow_the_1904_date_system_of_the_workbook():
    rows = six(p0={"birth_date": "25000"})
    one_nine_hundred = validate(table(HEADERS, rows), programme(), mapping(), PEILDATUM)
    one_nine_o_four = validate(
        table(HEADERS, rows, date_system=1904), programme(), mapping(), PEILDATUM
    )
    assert one_nine_hundred.records.loc[2, "birth_date"] == pd.Timestamp("1968-06-11")
    assert one_nine_o_four.records.loc[2, "birth_date"] == pd.Timestamp("1972-06-12")


# --- rows that are not people -----------------------------------------------------------------


def test_trailing_blank_rows_are_ignored_but_blank_rows_in_between_are_reported():
    blank = [""] * len(HEADERS)
    rows = [*six()[:2], blank, *six()[2:], blank, ["  "] * len(HEADERS)]
    result = run(rows)
    (finding,) = findings_with(result, "blank-row")
    assert finding.rows == (4,)
    assert finding.severity is Severity.WARNING
    assert result.included.tolist() == [True, True, False, *[True] * 4, False, False]


@pytest.mark.parametrize(
    "word", ["Totaal", "Subtotaal HR", "Eindtotaal", "Grand total", "Sous-total", "Totaux"]
)
def test_total_rows_of_hr_exports_are_excluded(word):
    total = [""] * len(HEADERS)
    total[11] = word
    total[10] = "4,8"
    result = run([*six(), total])
    (finding,) = findings_with(result, "total-row")
    assert finding.rows == (8,)
    assert not result.included[-1]
    assert findings_with(result, "missing-value") == []


def test_a_department_called_total_care_with_a_bsn_is_an_employee():
    result = run(six(p0={"breakdown": "Total Care"}))
    assert findings_with(result, "total-row") == []
    assert result.included.all()


def test_a_file_with_no_rows_says_so():
    result = run([[""] * len(HEADERS)])
    (finding,) = findings_with(result, "no-data")
    assert finding.severity is Severity.ERROR
    assert "geen rijen met medewerkers" in finding.render("nl")


def test_when_nobody_is_in_the_population_the_officer_is_told_to_check_the_peildatum():
    result = run(six(), peildatum=datetime.date(2005, 1, 1))
    (finding,) = findings_with(result, "no-data")
    assert "peildatum" in finding.render("nl")
    assert not result.included.any()


# --- population -------------------------------------------------------------------------------


def test_leavers_count_only_when_the_officer_includes_them():
    rows = six(p3={"end_date": "2024-03-31"})
    without = run(rows)
    assert without.included.tolist() == [True, True, True, False, True, True]
    (finding,) = findings_with(without, "outside-population")
    assert finding.rows == (5,)
    assert finding.severity is Severity.WARNING
    with_leavers = run(rows, population={"leavers": True})
    assert with_leavers.included.all()
    assert findings_with(with_leavers, "outside-population") == []


def test_an_end_date_on_the_peildatum_itself_still_counts():
    result = run(six(p3={"end_date": "31-12-2024"}))
    assert result.included.all()


@pytest.mark.parametrize(
    "start",
    ["31-12-2024", "2024-12-31", "2024-12-31T00:00:00", "2024-12-31 08:30", "31 dec. 2024"],
)
def test_someone_who_starts_on_the_peildatum_is_employed_on_it_and_counts(start):
    result = run(six(p3={"start_date": start}))
    assert result.records.loc[5, "start_date"] == pd.Timestamp(PEILDATUM)
    assert result.included.all()
    assert findings_with(result, "outside-population") == []


def test_someone_who_starts_the_day_after_the_peildatum_does_not_count_yet():
    result = run(six(p3={"start_date": "01-01-2025"}))
    assert result.included.tolist() == [True, True, True, False, True, True]
    (finding,) = findings_with(result, "outside-population", "start_date")
    assert finding.rows == (5,)
    assert finding.message.key == "validation.population.not-started"


def test_someone_whose_only_day_is_the_peildatum_counts():
    result = run(six(p3={"start_date": "31-12-2024", "end_date": "31-12-2024"}))
    assert result.included.all()
    assert findings_with(result, "implausible-date") == []


def test_open_end_dates_9999_mean_still_employed():
    result = run(six(p3={"end_date": "9999-12-31"}))
    assert result.included.all()
    assert result.findings == ()


def test_externals_and_interns_follow_the_population_options():
    rows = six(p0={"employment_type": "extern"}, p1={"employment_type": "Stagiair"})
    assert run(rows).included.tolist() == [False, False, True, True, True, True]
    both = run(rows, population={"externals": True, "interns": True})
    assert both.included.all()
    only_interns = run(rows, population={"interns": True})
    assert only_interns.included.tolist() == [False, True, True, True, True, True]


def test_excluded_rows_raise_no_errors():
    """An external without a BSN is simply not counted; the officer need not fix it."""
    rows = six(p0={"employment_type": "extern", "bsn": ""})
    result = run(rows)
    assert not result.has_errors
    assert [str(f.code) for f in result.findings] == ["outside-population"]


def test_a_person_who_left_and_came_back_is_not_a_duplicate():
    rows = [*six(), person(2, start_date="2001-01-01", end_date="2005-12-31")]
    result = run(rows)
    assert findings_with(result, "duplicate-person") == []


# --- duplicates -------------------------------------------------------------------------------


def test_the_same_bsn_twice_is_one_error_per_group_with_all_its_rows():
    rows = six(p3={"bsn": BSNS[0]}, p5={"bsn": BSNS[0]}, p4={"bsn": BSNS[1]})
    result = run(rows)
    groups = findings_with(result, "duplicate-person", "bsn")
    assert [f.rows for f in groups] == [(2, 5, 7), (3, 6)]
    assert all(f.severity is Severity.ERROR for f in groups)


def test_a_bsn_with_and_without_its_leading_zero_is_the_same_person():
    rows = six(p3={"bsn": "012345672"}, p2={"bsn": "12345672"})
    (finding,) = findings_with(run(rows), "duplicate-person", "bsn")
    assert finding.rows == (4, 5)


def test_the_same_address_key_twice_is_only_a_warning_twins_share_it():
    twin = person(1, bsn="", personnel_number="P2000")
    rows = [*six(), twin]
    result = run(rows, fields=ADDRESS_FIELDS)
    assert result.identification_key == "address"
    (finding,) = findings_with(result, "duplicate-person")
    assert finding.severity is Severity.WARNING
    assert finding.rows == (3, 8)
    assert "tweeling" in finding.render("nl")
    assert "twins" in finding.render("en")


def test_a_different_house_number_suffix_makes_a_different_address():
    twin = person(1, bsn="", personnel_number="P2000", house_number_suffix="A")
    result = run([*six(), twin], fields=ADDRESS_FIELDS)
    assert findings_with(result, "duplicate-person") == []


def test_a_repeated_personnel_number_is_a_warning():
    rows = six(p4={"personnel_number": "P1001"})
    (finding,) = findings_with(run(rows), "duplicate-person", "personnel_number")
    assert finding.severity is Severity.WARNING
    assert finding.rows == (3, 6)


def test_ksz_the_same_insz_twice_is_an_error_and_shown_masked():
    headers = ("INSZ", "Stamnummer", "In dienst", "Uit dienst", "Regime")
    rows = [
        ["85.07.30-033 28", "1", "2010-01-01", "", "1"],
        ["98.47.28-997.65", "2", "2011-01-01", "", "0,5"],
        ["85073003328", "3", "2012-01-01", "", "1"],
        ["85073003329", "4", "2012-01-01", "", "1"],
    ]
    fields = {
        "insz": "INSZ",
        "personnel_number": "Stamnummer",
        "start_date": "In dienst",
        "end_date": "Uit dienst",
        "work_regime": "Regime",
    }
    result = validate(
        table(headers, rows), ksz_programme(), mapping(fields, breakdowns=()), PEILDATUM
    )
    assert result.identification_key == "insz"
    (duplicate,) = findings_with(result, "duplicate-person")
    assert duplicate.rows == (2, 4)
    assert duplicate.severity is Severity.ERROR
    (invalid,) = findings_with(result, "invalid-identifier")
    assert invalid.rows == (5,)
    assert "********329" in invalid.render("fr")
    assert "85073003329" not in invalid.render("fr")


# --- the mapping's gaps -----------------------------------------------------------------------


def test_an_unmapped_required_field_is_an_error():
    fields = {k: v for k, v in FIELD_HEADERS.items() if k != "start_date"}
    result = run(six(), fields=fields)
    (finding,) = findings_with(result, "unmapped-field", "start_date")
    assert finding.severity is Severity.ERROR
    assert "Datum in dienst" in finding.render("nl")


def test_without_any_complete_key_the_officer_sees_what_each_key_misses():
    fields = {k: v for k, v in FIELD_HEADERS.items() if k not in ("bsn", "postcode")}
    result = run(six(), fields=fields)
    (finding,) = [f for f in findings_with(result, "unmapped-field") if f.field is None]
    text = finding.render("en")
    assert "BSN (missing: BSN)" in text
    assert "Address key (missing: Postcode)" in text
    assert result.identification_key is None


def test_the_first_fully_mapped_key_in_profile_order_is_used():
    assert run(six()).identification_key == "bsn"
    assert run(six(), fields=ADDRESS_FIELDS).identification_key == "address"


def test_a_mapping_naming_a_column_the_file_lacks_is_refused():
    fields = {**FIELD_HEADERS, "bsn": "Sofinummer"}
    with pytest.raises(MappingError) as caught:
        run(six(), fields=fields)
    assert "Sofinummer" in caught.value.render("nl")


def test_findings_list_all_rows_but_messages_give_at_most_three_examples():
    rows = [person(i % 6, bsn="123456789", personnel_number=f"Q{i}") for i in range(40)]
    result = run(rows)
    (finding,) = findings_with(result, "invalid-identifier")
    assert finding.rows == tuple(range(2, 42))
    text = finding.render("nl")
    assert "40 rijen" in text
    assert "rij 2 (******789), rij 3 (******789), rij 4 (******789)." in text
    assert "rij 5" not in text


def test_age_thresholds_come_from_the_profile():
    strict = programme(thresholds=Thresholds(min_age=16, max_age=67))
    rows = six(
        p0={"birth_date": "1950-01-01"}, p1={"birth_date": "2010-01-01", "start_date": "2024-01-01"}
    )
    result = validate(table(HEADERS, rows), strict, mapping(), PEILDATUM)
    found = {(f.rows, f.severity) for f in findings_with(result, "implausible-date")}
    assert found == {((2,), Severity.WARNING), ((3,), Severity.WARNING)}


def test_findings_are_ordered_errors_first():
    rows = six(p0={"end_date": "2020-01-01"}, p3={"bsn": "123456789"})
    result = run(rows)
    severities = [f.severity for f in result.findings]
    assert severities == sorted(severities, key=lambda s: s is Severity.WARNING)
    assert result.findings[0].code is Code.INVALID_IDENTIFIER


def test_validation_is_deterministic():
    rows = six(p0={"sex": "?"}, p3={"bsn": "123456789"}, p4={"bsn": BSNS[0]})
    first, second = run(rows), run(rows)
    assert [f.to_json() for f in first.findings] == [f.to_json() for f in second.findings]
    assert first.records.equals(second.records)
    assert np.array_equal(first.included, second.included)


# --- the shipped profile ----------------------------------------------------------------------


def test_the_shipped_cbs_ingezoomd_profile_validates_a_file():
    from desktop_app.profiles import load_programme_by_id

    shipped = load_programme_by_id("cbs-barometer-ingezoomd")
    ids = {f.id for f in shipped.employee_fields}
    assert {"bsn", "birth_date", "sex", "postcode", "house_number", "start_date"} <= ids
    fields = {k: v for k, v in FIELD_HEADERS.items() if k in ids}
    rows = six(p3={"bsn": "123456789"}, p1={"sex": "vrouw"})
    result = validate(
        table(HEADERS, rows), shipped, mapping(fields, programme_id=shipped.id), PEILDATUM
    )
    assert result.identification_key == shipped.identification_keys[0].id
    (finding,) = findings_with(result, "invalid-identifier")
    assert finding.rows == (5,)
    for text in render_all(finding).values():
        assert "123456789" not in text
    assert result.records.loc[3, "sex"] == "V"


def test_included_leavers_are_those_of_the_year_up_to_the_peildatum():
    """'Include employees who left during the period': a leaver of this year counts, one who left
    years ago and is still in the export does not, and says so with the period's first day."""
    from desktop_app.validation.persons import leavers_period_start

    assert leavers_period_start(datetime.date(2025, 12, 31)) == datetime.date(2025, 1, 1)
    assert leavers_period_start(datetime.date(2026, 1, 1)) == datetime.date(2025, 1, 2)
    assert leavers_period_start(datetime.date(2024, 2, 29)) == datetime.date(2023, 3, 1)
    start = leavers_period_start(PEILDATUM)
    rows = six(
        p2={"end_date": start.isoformat()},  # the period's first day: in
        p3={"end_date": (start - datetime.timedelta(days=1)).isoformat()},  # the day before: out
        p4={"end_date": "2015-06-30"},  # years ago: out
    )
    result = run(rows, population={"leavers": True})
    assert result.included.tolist() == [True, True, True, False, False, True]
    (finding,) = findings_with(result, "outside-population")
    assert finding.rows == (5, 6)
    assert finding.severity is Severity.WARNING
    assert f"{start:%d-%m-%Y}" in finding.render("nl")
    assert "vóór de periode waarvan uitstromers meetellen" in finding.render("nl")
    assert "before the period whose leavers count" in finding.render("en")
    # without the option every leaver stays out, with the message that offers the option
    without = run(rows)
    assert without.included.tolist() == [True, True, False, False, False, True]
    (finding,) = findings_with(without, "outside-population")
    assert "include leavers" in finding.render("en")
