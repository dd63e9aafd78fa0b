"""The programme's output file: only what the programme needs, in its exact format."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from desktop_app.check import CheckOptions, run_check
from desktop_app.demo_data import StaffOptions, write_demo_workbook
from desktop_app.package import OutputError, build_output, neutralise_formula

PEIL = dt.date(2026, 1, 1)


def parse(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"), newline=""), delimiter=";"))


def checked(path: Path, programme: str = "cbs-barometer-ingezoomd", breakdowns=("Afdeling",)):
    return run_check(path, CheckOptions(programme, breakdowns=breakdowns, peildatum=PEIL))


@pytest.fixture
def demo(tmp_path) -> Path:
    path = tmp_path / "personeel.xlsx"
    write_demo_workbook(path, StaffOptions(n=80, messy=False))
    return path


def test_with_the_bsn_key_only_bsn_peildatum_and_subgroups_leave(demo):
    result = checked(demo)
    out = build_output(
        result.programme,
        result.validation,
        PEIL,
        "Gemeente Voorbeeld",
        breakdowns={1: result.validation.records["breakdown:Afdeling"]},
    )
    assert out.name == "barometer_gemeente-voorbeeld_2026-01-01.csv"
    assert out.columns == ("bsn", "peildatum", "subgroep_1")
    rows = parse(out.content)
    assert len(rows) == out.rows == int(result.validation.included.sum())
    assert all(len(r["bsn"]) == 9 for r in rows)
    text = out.content.decode()
    for forbidden in ("P1000", "Jansen", "Schaal", "Geboortedatum"):
        assert forbidden not in text
    assert out.content.endswith(b"\r\n")


def test_with_the_address_key_no_bsn_leaves(tmp_path):
    path = tmp_path / "adres.csv"
    path.write_text(
        "Geboortedatum;Geslacht;Postcode;Huisnummer;Toevoeging;Afdeling;Naam\n"
        '17-05-1980;Vrouw;1234 ab;12;A;=HYPERLINK("http://x");Jansen\n'
        "01-02-1975;M;5678CD;3;;ICT;Bakker\n",
        encoding="utf-8",
    )
    result = checked(path)
    assert result.validation.identification_key == "address"
    out = build_output(
        result.programme,
        result.validation,
        PEIL,
        "Voorbeeld BV",
        breakdowns={1: result.validation.records["breakdown:Afdeling"]},
    )
    assert "bsn" not in out.columns
    rows = parse(out.content)
    assert rows[0]["geboortejaar"] == "1980"
    assert rows[0]["geboortemaand"] == "5"
    assert rows[0]["geboortedag"] == "17"
    assert rows[0]["geslacht"] == "V"
    assert rows[0]["postcode"] == "1234AB"
    assert rows[0]["huisnummertoevoeging"] == "A"
    assert rows[1]["huisnummertoevoeging"] == ""
    assert rows[0]["subgroep_1"].startswith("'=")  # formula neutralised
    assert "Jansen" not in out.content.decode()


def test_people_outside_the_population_are_not_written(tmp_path):
    path = tmp_path / "populatie.csv"
    path.write_text(
        "BSN;Datum in dienst;Datum uit dienst\n"
        "111222333;01-01-2020;\n"
        "123456782;01-03-2026;\n"  # starts after the peildatum
        "012345672;01-01-2010;31-12-2025\n",  # left before it
        encoding="utf-8",
    )
    result = checked(path, breakdowns=())
    out = build_output(result.programme, result.validation, PEIL, "X")
    assert [r["bsn"] for r in parse(out.content)] == ["111222333"]


def test_cbs_algemeen_counts_staff_per_loonheffingennummer(tmp_path):
    path = tmp_path / "lhn.csv"
    path.write_text(
        "Loonheffingennummer;Personeelsnummer\n"
        + "".join(f"123456782L01;P{i}\n" for i in range(3))
        + "".join(f"111222333L02;Q{i}\n" for i in range(2)),
        encoding="utf-8",
    )
    result = checked(path, "cbs-barometer-algemeen", breakdowns=())
    out = build_output(result.programme, result.validation, PEIL, "X")
    assert parse(out.content) == [
        {
            "loonheffingennummer": "111222333L02",
            "aantal_werknemers": "2",
            "peilmoment": "2026-01-01",
        },
        {
            "loonheffingennummer": "123456782L01",
            "aantal_werknemers": "3",
            "peilmoment": "2026-01-01",
        },
    ]


def test_the_same_input_gives_the_same_bytes(demo):
    result = checked(demo)
    breakdowns = {1: result.validation.records["breakdown:Afdeling"]}
    first = build_output(result.programme, result.validation, PEIL, "X", breakdowns=breakdowns)
    again = build_output(
        checked(demo).programme, checked(demo).validation, PEIL, "X", breakdowns=breakdowns
    )
    assert first.content == again.content


def test_more_breakdowns_than_the_programme_takes_are_refused(demo):
    result = checked(demo)
    column = result.validation.records["breakdown:Afdeling"]
    with pytest.raises(OutputError) as caught:
        build_output(
            result.programme,
            result.validation,
            PEIL,
            "X",
            breakdowns=dict.fromkeys(range(1, 9), column),
        )
    assert "7" in caught.value.render("nl")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+31", "'+31"),
        ("-2", "'-2"),
        ("@SUM", "'@SUM"),
        ("\tx", "'\tx"),
        ("ICT", "ICT"),
        ("", ""),
    ],
)
def test_formula_starts_are_neutralised(text, expected):
    assert neutralise_formula(text) == expected
