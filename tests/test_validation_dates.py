"""Reading dates typed as text: explicit formats only, Excel serials by the workbook's date system,
two-digit years and impossible dates refused with their own reason."""

from __future__ import annotations

import datetime

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.validation.dates import age_at, parse_date, parse_dates

D = datetime.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2001-05-17", D(2001, 5, 17)),
        ("2001-05-17T00:00:00", D(2001, 5, 17)),  # an Excel date cell as intake writes it
        ("2001-05-17T13:45:10", D(2001, 5, 17)),
        ("2001-05-17 08:30", D(2001, 5, 17)),
        ("17-5-2001", D(2001, 5, 17)),
        ("17-05-2001", D(2001, 5, 17)),
        ("7-5-2001", D(2001, 5, 7)),
        ("17/5/2001", D(2001, 5, 17)),
        ("17.05.2001", D(2001, 5, 17)),
        (" 17-05-2001 ", D(2001, 5, 17)),
        ("20010517", D(2001, 5, 17)),
        ("29-02-2000", D(2000, 2, 29)),
    ],
)
def test_accepted_forms(text, expected):
    assert parse_date(text).value == expected
    assert parse_dates(np.array([text], dtype=object)).values[0] == np.datetime64(expected, "ns")


@pytest.mark.parametrize(
    ("serial", "system", "expected"),
    [
        ("36892", 1900, D(2001, 1, 1)),
        ("1", 1900, D(1900, 1, 1)),
        ("59", 1900, D(1900, 2, 28)),
        ("61", 1900, D(1900, 3, 1)),
        ("36892.75", 1900, D(2001, 1, 1)),
        ("35430", 1904, D(2001, 1, 1)),
        ("0", 1904, D(1904, 1, 1)),
    ],
)
def test_excel_serial_numbers_follow_the_workbooks_date_system(serial, system, expected):
    assert parse_date(serial, system).value == expected
    parsed = parse_dates(np.array([serial], dtype=object), system)
    assert parsed.values[0] == np.datetime64(expected, "ns")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("31-02-2000", "impossible"),
        ("2000-02-30", "impossible"),
        ("29-02-2001", "impossible"),
        ("05/17/2001", "impossible"),  # month first: month 17 does not exist
        ("60", "impossible"),  # Lotus' 29 February 1900
        ("17-05-01", "two-digit-year"),
        ("17/5/01", "two-digit-year"),
        ("17 mei 2001", "format"),
        ("2001-05", "format"),
        ("17-05/2001", "format"),  # two kinds of separator
        ("0001-01-01", "range"),
        ("1750-01-01", "range"),
        ("", "empty"),
        ("9999-12-31", "open"),  # HR systems' "no end date"
        ("31-12-9999", "open"),
    ],
)
def test_refused_forms_say_why(text, kind):
    single = parse_date(text)
    assert single.value is None
    assert single.kind == kind
    bulk = parse_dates(np.array([text], dtype=object))
    assert np.isnat(bulk.values[0])
    assert bulk.kind[0] == kind


@given(st.dates(min_value=D(1800, 1, 1), max_value=D(2199, 12, 31)))
def test_every_iso_and_day_first_date_reads_back(value):
    iso = value.isoformat()
    day_first = f"{value.day}-{value.month}-{value.year}"
    parsed = parse_dates(np.array([iso, day_first, iso + "T00:00:00"], dtype=object))
    assert list(parsed.values) == [np.datetime64(value, "ns")] * 3
    assert list(parsed.kind) == [None, None, None]


@given(st.dates(min_value=D(1900, 3, 1), max_value=D(2199, 12, 31)))
def test_excel_serials_agree_with_the_1900_epoch(value):
    serial = (value - D(1899, 12, 30)).days
    assert parse_date(str(serial), 1900).value == value
    if value >= D(1904, 1, 1):
        assert parse_date(str(serial - 1462), 1904).value == value


def test_age_at_the_peildatum_counts_whole_years():
    births = np.array(["2000-12-31", "2001-01-01", "1980-06-15", "NaT"], dtype="datetime64[ns]")
    ages = age_at(births, D(2024, 12, 31))
    assert ages[:3].tolist() == [24.0, 23.0, 44.0]
    assert np.isnan(ages[3])
