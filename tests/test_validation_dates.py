"""Reading dates typed as text: explicit formats only, Excel serials by the workbook's date system,
two-digit years and impossible dates refused with their own reason, month names in Dutch, English
and French, and day first or month first decided per column from the values that tell."""

from __future__ import annotations

import datetime

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.check import CheckOptions, run_check
from desktop_app.demo_data import HEADERS as DEMO_HEADERS
from desktop_app.demo_data import StaffOptions, staff_rows
from desktop_app.report import check_report_json, check_report_text
from desktop_app.validation import Code, Severity
from desktop_app.validation.dates import (
    DAY_FIRST,
    MONTH_FIRST,
    age_at,
    parse_date,
    parse_dates,
    read_date_column,
)
from tests.validation_helpers import FIELD_HEADERS, findings_with, person, render_all, run

ADDRESS_KEY = {k: v for k, v in FIELD_HEADERS.items() if k != "bsn"}

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
        ("17 meh 2001", "format"),  # not a month
        ("4 jui 2020", "format"),  # juin or juillet?
        ("mei 2001", "format"),  # no day
        ("17-mei-01", "two-digit-year"),
        ("Aug 18, 19", "two-digit-year"),
        ("31 feb. 2020", "impossible"),
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


# --- month names in Dutch, English and French -------------------------------------------------

# Every spelling an HR export or a typist uses, per month: Dutch, English and French, in full and
# abbreviated, with and without the dot, with and without the accents people drop.
MONTH_SPELLINGS: dict[int, tuple[str, ...]] = {
    1: ("januari", "jan", "jan.", "January", "janvier", "janv."),
    2: ("februari", "feb", "febr.", "February", "Feb.", "février", "fevrier", "févr.", "fevr"),
    3: ("maart", "mrt", "mrt.", "March", "Mar", "mars"),
    4: ("april", "apr", "apr.", "April", "avril", "avr."),
    5: ("mei", "May", "mai"),
    6: ("juni", "jun", "June", "Jun.", "juin"),
    7: ("juli", "jul", "July", "Jul.", "juillet", "juil."),
    8: ("augustus", "aug", "aug.", "August", "août", "aout"),
    9: ("september", "sep", "sept.", "Sept", "septembre"),
    10: ("oktober", "okt", "okt.", "October", "Oct", "octobre", "oct."),
    11: ("november", "nov", "nov.", "November", "novembre"),
    12: ("december", "dec", "dec.", "December", "décembre", "decembre", "déc."),
}
SPELLINGS = [(word, month) for month, words in MONTH_SPELLINGS.items() for word in words]


@pytest.mark.parametrize(("word", "month"), SPELLINGS)
def test_every_month_name_reads_day_first_and_in_capitals(word, month):
    expected = D(2019, month, 7)
    for text in (f"7 {word} 2019", f"7 {word.upper()} 2019", f"07-{word}-2019"):
        assert parse_date(text).value == expected, text
    bulk = parse_dates(np.array([f"7 {word} 2019"], dtype=object))
    assert bulk.values[0] == np.datetime64(expected, "ns")


@pytest.mark.parametrize(("word", "month"), SPELLINGS)
def test_every_month_name_reads_the_american_way(word, month):
    assert parse_date(f"{word} 7, 2019").value == D(2019, month, 7)
    assert parse_date(f"{word} 17 2019").value == D(2019, month, 17)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11 May 2012", D(2012, 5, 11)),
        ("Aug 18, 2019", D(2019, 8, 18)),
        ("18 aug. 2019", D(2019, 8, 18)),
        ("3 mrt 2020", D(2020, 3, 3)),
        ("3 mars 2020", D(2020, 3, 3)),
        ("5 févr. 2021", D(2021, 2, 5)),
        ("5 fe\u0301vr. 2021", D(2021, 2, 5)),  # the accent as a separate combining mark
        ("1 déc. 2019", D(2019, 12, 1)),
        ("1er janvier 2020", D(2020, 1, 1)),
        ("May 11th, 2012", D(2012, 5, 11)),
        ("18-AUG-2019", D(2019, 8, 18)),
        ("11 May 2012 00:00", D(2012, 5, 11)),
    ],
)
def test_the_issues_month_name_examples(text, expected):
    assert parse_date(text).value == expected
    assert parse_dates(np.array([text], dtype=object)).values[0] == np.datetime64(expected, "ns")


# --- one value in a given order, many values in the same order ---------------------------------


def test_one_value_is_read_in_the_order_it_is_given():
    assert parse_date("03/04/1965").value == D(1965, 4, 3)
    assert parse_date("03/04/1965", order=MONTH_FIRST).value == D(1965, 3, 4)
    assert parse_date("12/25/1970", order=MONTH_FIRST).value == D(1970, 12, 25)
    assert parse_date("12/25/1970", order=DAY_FIRST).kind == "impossible"
    assert parse_date("25/12/1970", order=MONTH_FIRST).kind == "impossible"
    # forms that say which part is which do not depend on the order
    for text in ("1970-12-25", "19701225", "25 Dec 1970", "Dec 25, 1970"):
        assert parse_date(text, order=MONTH_FIRST).value == D(1970, 12, 25)


def text_forms(value: datetime.date) -> list[str]:
    d, m, y = value.day, value.month, value.year
    return [
        f"{d}-{m}-{y}",
        f"{d:02d}/{m:02d}/{y}",
        f"{m}.{d}.{y}",
        f"{d:02d}-{m:02d}-{y} 08:30",
        value.isoformat(),
        f"{y}{m:02d}{d:02d}",
        f"{d} {('jan', 'févr.', 'mrt', 'April', 'mei', 'juin')[m % 6]} {y}",
        f"{d}-{m}-{y % 100:02d}",
    ]


@given(
    st.lists(st.dates(min_value=D(1700, 1, 1), max_value=D(2300, 12, 31)), max_size=12),
    st.sampled_from([DAY_FIRST, MONTH_FIRST]),
)
def test_the_vectorised_reading_agrees_with_the_single_value_reading(values, order):
    texts = [t for v in values for t in text_forms(v)] + ["31/31/2000", "00-00-0000", "9999"]
    bulk = parse_dates(np.array(texts, dtype=object), order=order)
    for i, text in enumerate(texts):
        single = parse_date(text, order=order)
        assert bulk.kind[i] == single.kind, text
        if single.value is None:
            assert np.isnat(bulk.values[i]), text
        else:
            assert bulk.values[i] == np.datetime64(single.value, "ns"), text


# --- day first or month first, decided per column ---------------------------------------------

some_dates = st.lists(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)), max_size=30)
telling = st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)).filter(lambda d: d.day > 12)


@given(some_dates, telling, st.booleans())
def test_a_month_first_column_with_one_telling_date_is_read_month_first(values, tells, padded):
    dates = [*values, tells]
    texts = [f"{d:%m/%d/%Y}" if padded else f"{d.month}/{d.day}/{d.year}" for d in dates]
    column = read_date_column(np.array(texts, dtype=object))
    assert column.reading.order == MONTH_FIRST
    assert list(column.values) == [np.datetime64(d, "ns") for d in dates]
    assert list(column.kind) == [None] * len(dates)
    assert not column.reading.mixed


@given(some_dates, telling)
def test_a_day_first_column_with_one_telling_date_is_read_day_first(values, tells):
    dates = [*values, tells]
    column = read_date_column(np.array([f"{d:%d-%m-%Y}" for d in dates], dtype=object))
    assert column.reading.order == DAY_FIRST
    assert list(column.values) == [np.datetime64(d, "ns") for d in dates]


def test_a_column_where_every_date_reads_both_ways_is_read_day_first():
    column = read_date_column(np.array(["03/04/1965", "05/08/1966", "07/07/1970"], dtype=object))
    assert column.reading.order == DAY_FIRST
    assert list(column.values) == [
        np.datetime64(D(1965, 4, 3), "ns"),
        np.datetime64(D(1966, 8, 5), "ns"),
        np.datetime64(D(1970, 7, 7), "ns"),
    ]
    assert column.reading.both_ways.tolist() == [True, True, False]  # 07/07 is the same either way
    assert not column.reading.day_first_only.any()
    assert not column.reading.month_first_only.any()


def test_only_dates_that_exist_one_way_tell_the_order():
    texts = ["31/02/1980", "02/31/1980", "45/03/1980", "1980-02-13", "13 feb 1980", "13021980"]
    column = read_date_column(np.array(texts, dtype=object))
    assert not column.reading.day_first_only.any()
    assert not column.reading.month_first_only.any()
    assert column.kind[:3].tolist() == ["impossible"] * 3


# --- what the officer is told -----------------------------------------------------------------


def six_births(*births: str) -> list[list[str]]:
    return [person(i, birth_date=birth) for i, birth in enumerate(births)]


def test_an_american_birth_date_column_is_read_month_first_and_the_officer_is_told():
    # the issue's file: 03/04/1965 was read as 3 April, with no finding at all
    result = run(
        six_births(
            "03/04/1965", "05/08/1966", "12/25/1970", "01/31/1982", "07/04/1980", "10/10/1975"
        )
    )
    births = result.records["birth_date"].dt.date.tolist()
    assert births == [
        D(1965, 3, 4),
        D(1966, 5, 8),
        D(1970, 12, 25),
        D(1982, 1, 31),
        D(1980, 7, 4),
        D(1975, 10, 10),
    ]
    assert findings_with(result, "invalid-date") == []
    (note,) = result.notes
    assert note.key == "validation.date-order.month-first"
    rendered = {language: note.render(language) for language in ("nl", "en", "fr")}
    for text in rendered.values():
        assert "C (Geboortedatum)" in text  # the column, by letter and header
        for value in ("12/25/1970", "01/31/1982", "03/04/1965"):
            assert value not in text  # row numbers, never a person's date
    assert [m.params["row"] for m in note.params["examples"]] == [4, 5]  # the rows that tell
    assert "month first" in rendered["en"]
    assert "maand eerst" in rendered["nl"]


def test_a_dutch_column_is_read_day_first_and_says_which_rows_told():
    result = run(
        six_births("03-04-1965", "25-08-1966", "12-11-1970", "31-01-1982", "7-4-1980", "1-1-1975")
    )
    assert result.records["birth_date"].dt.date.tolist()[:3] == [
        D(1965, 4, 3),
        D(1966, 8, 25),
        D(1970, 11, 12),
    ]
    (note,) = result.notes
    assert note.key == "validation.date-order.day-first"
    assert note.params["rows"].params == {"count": 2}
    assert [m.params["row"] for m in note.params["examples"]] == [3, 5]


def test_a_column_that_reads_both_ways_is_read_day_first_with_a_note():
    result = run(six_births(*["03/04/1965", "05/08/1966", "12/11/1970"] * 2))
    assert result.records["birth_date"].dt.date.tolist()[:3] == [
        D(1965, 4, 3),
        D(1966, 8, 5),
        D(1970, 11, 12),
    ]
    (note,) = result.notes
    assert note.key == "validation.date-order.both-ways"
    assert "Dutch and Belgian" in note.render("en")
    assert findings_with(result, "invalid-date") == []


def test_dates_written_both_ways_in_one_column_are_an_error_naming_rows_of_each_kind():
    result = run(
        six_births(
            "25/03/1965", "03/25/1965", "03/04/1970", "13/01/1980", "01/13/1980", "10/10/1975"
        ),
        fields=ADDRESS_KEY,  # the birth date is sent: an error (with the BSN key, a warning)
    )
    (finding,) = findings_with(result, "invalid-date", "birth_date")
    assert finding.severity is Severity.ERROR
    assert finding.code is Code.INVALID_DATE
    assert finding.message.key == "validation.date.mixed-order"
    assert finding.column == "C"
    assert finding.rows == (2, 3, 5, 6)  # day first only: 2 and 5; month first only: 3 and 6
    params = finding.message.params
    assert [m.params["row"] for m in params["day_examples"]] == [2, 5]
    assert [m.params["row"] for m in params["month_examples"]] == [3, 6]
    for language, text in render_all(finding).items():
        for value in ("25/03/1965", "01/13/1980"):
            assert value not in text, language
    assert result.has_errors
    assert result.notes == ()


def test_each_date_column_is_decided_on_its_own():
    rows = [
        person(0, birth_date="12/25/1970", start_date="25-12-2010"),
        person(1, birth_date="03/04/1965", start_date="03-04-2011"),
        person(2, birth_date="05/06/1966", start_date="05-06-2012"),
    ]
    result = run(rows)
    assert result.records["birth_date"].dt.date.tolist() == [
        D(1970, 12, 25),
        D(1965, 3, 4),
        D(1966, 5, 6),
    ]
    assert result.records["start_date"].dt.date.tolist() == [
        D(2010, 12, 25),
        D(2011, 4, 3),
        D(2012, 6, 5),
    ]
    assert sorted(n.key for n in result.notes) == [
        "validation.date-order.day-first",
        "validation.date-order.month-first",
    ]


def test_iso_dates_and_date_cells_need_no_note():
    result = run(six_births(*(f"19{70 + i}-0{1 + i}-1{i}" for i in range(6))))
    assert result.notes == ()


def test_a_two_digit_year_stays_an_error_whatever_the_order():
    result = run(
        six_births("12/25/1970", "03/04/65", "18-aug-19", "1-1-1975", "2-2-1976", "3-3-1977")
    )
    (finding,) = findings_with(result, "invalid-date", "birth_date")
    assert finding.message.key == "validation.date.two-digit-year"
    assert finding.rows == (3, 4)


def test_an_american_export_through_intake_is_read_month_first(tmp_path):
    """A real workbook (openpyxl) whose birth dates were pasted as US text dates."""
    from openpyxl import Workbook

    peildatum = D(2026, 1, 1)
    staff = list(staff_rows(StaffOptions(n=40, seed=7, peildatum=peildatum)))
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Personeel"
    sheet.append(list(DEMO_HEADERS))
    birth_column = DEMO_HEADERS.index("Geboortedatum")
    for row in staff:
        cells = list(row)
        cells[birth_column] = f"{row[birth_column]:%m/%d/%Y}"  # text, not a date cell
        sheet.append(cells)
    path = tmp_path / "export-us.xlsx"
    workbook.save(path)

    result = run_check(path, CheckOptions("cbs-barometer-ingezoomd", peildatum=peildatum))
    births = result.validation.records["birth_date"].dt.date.tolist()
    assert births == [row[birth_column] for row in staff]
    assert not [f for f in result.validation.findings if f.code is Code.INVALID_DATE]
    (note,) = result.validation.notes
    assert note.key == "validation.date-order.month-first"
    report = check_report_json(result, "en")
    assert any("month first" in text for text in report["notes"])
    text = check_report_text(result, "nl")
    assert "maand eerst" in text
    for row in staff:
        assert f"{row[birth_column]:%m/%d/%Y}" not in text
