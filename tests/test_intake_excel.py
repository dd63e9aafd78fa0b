"""Given a workbook as HR systems and officers make them, intake reads every cell as the officer sees it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
import xlsxwriter
from intake_helpers import column, read, sheets
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from desktop_app.intake import CellOrigin, SheetInfo

FIXTURES = Path(__file__).parent / "fixtures"

HEADERS = ["Personeelsnummer", "BSN", "Achternaam", "Geboortedatum", "Geslacht", "FTE"]


def write_report_xlsx(path: Path) -> Path:
    """A payroll report: title, date line, blank row, merged header, BSNs typed as numbers."""
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("Personeel")
    date = wb.add_format({"num_format": "dd-mm-yyyy"})
    bold = wb.add_format({"bold": True})
    ws.write("A1", "Personeelsoverzicht 2025", bold)
    ws.write("A2", "Peildatum:")
    ws.write_datetime("B2", dt.datetime(2025, 1, 1), date)
    ws.merge_range("A4:B4", "Naam", bold)  # one header over two columns
    for col, text in enumerate(["BSN", "Geboortedatum", "Geslacht", "FTE", "Jaarsalaris"], 2):
        ws.write(3, col, text, bold)
    people = [
        ("Jansen", "Anna", 12345672, dt.datetime(1980, 3, 1), "V", 0.8),
        ("de Vries", "Piet", 23456781, "15-06-1975", "M", 1),  # date typed as text
        ("Öztürk", "Emre", 111222333, dt.datetime(1990, 12, 31), "M", 0.5),
    ]
    for row, (last, first, bsn, born, sex, fte) in enumerate(people, 4):
        ws.write_string(row, 0, last)
        ws.write_string(row, 1, first)
        ws.write_number(row, 2, bsn)  # a BSN with a leading zero has lost it here
        if isinstance(born, dt.datetime):
            ws.write_datetime(row, 3, born, date)
        else:
            ws.write_string(row, 3, born)
        ws.write_string(row, 4, sex)
        ws.write_number(row, 5, fte)
        # a formula whose cached result is what Excel showed when it saved the file
        ws.write_formula(row, 6, f"=F{row + 1}*42000", None, fte * 42000)
    ws.write_row(8, 0, ["Totaal", "", "", "", "", 2.3])  # a total line after a blank row
    hidden = wb.add_worksheet("Oud")
    hidden.write("A1", "vorig jaar")
    hidden.hide()
    wb.add_worksheet("Toelichting").write("A1", "Alle medewerkers in dienst op 1 januari.")
    wb.close()
    return path


def test_report_with_title_rows_and_merged_header(tmp_path: Path) -> None:
    table = read(write_report_xlsx(tmp_path / "Personeelsoverzicht 2025.xlsx"))
    assert table.file_format == "xlsx"
    assert table.sheet == "Personeel"
    assert table.header_row == 4
    assert table.title_lines == ("Personeelsoverzicht 2025", "Peildatum: 2025-01-01")
    assert table.raw_headers == (
        "Naam",
        "Naam",
        "BSN",
        "Geboortedatum",
        "Geslacht",
        "FTE",
        "Jaarsalaris",
    )
    assert table.headers[:2] == ("Naam", "Naam (B)")
    assert table.column_letters == ("A", "B", "C", "D", "E", "F", "G")
    # data runs to the last non-empty row; the blank row in between is kept
    assert table.rows.tolist() == [5, 6, 7, 8, 9]
    assert table.rows.dtype == np.int64
    assert column(table, "BSN") == ["12345672", "23456781", "111222333", "", ""]
    assert column(table, "Geboortedatum") == ["1980-03-01", "15-06-1975", "1990-12-31", "", ""]
    assert column(table, "FTE") == ["0.8", "1", "0.5", "", "2.3"]
    assert column(table, "Jaarsalaris") == ["33600", "42000", "21000", "", ""]
    assert column(table, "Naam (B)")[:3] == ["Anna", "Piet", "Emre"]
    assert all(isinstance(v, str) for col in table.columns for v in col)
    assert all(col.dtype == object and len(col) == table.n_rows for col in table.columns)
    assert table.origin(2, 2) == CellOrigin("Personeel", 7, "C")
    assert str(table.origin(2, 2)) == "Personeel!C7"
    assert table.date_system == 1900


def test_hidden_sheets_are_listed_and_noted(tmp_path: Path) -> None:
    path = write_report_xlsx(tmp_path / "rapport.xlsx")
    assert sheets(path) == (
        SheetInfo("Personeel"),
        SheetInfo("Oud", hidden=True),
        SheetInfo("Toelichting"),
    )
    table = read(path)
    (note,) = table.notes
    assert note.key == "intake.hidden-sheets"
    assert "Oud" in note.render("nl")
    assert "rapport.xlsx" in note.render("en")
    # choosing the hidden sheet reads it, and then nothing is hidden from the officer
    hidden = read(path, sheet="Oud")
    assert hidden.headers == ("vorig jaar",)
    assert hidden.notes == ()


def test_sheet_chosen_by_name_case_insensitively(tmp_path: Path) -> None:
    path = write_report_xlsx(tmp_path / "rapport.xlsx")
    assert read(path, sheet="personeel ").sheet == "Personeel"
    assert read(path, sheet="Toelichting").headers == ("Alle medewerkers in dienst op 1 januari.",)


def test_header_row_given_by_the_officer(tmp_path: Path) -> None:
    path = write_report_xlsx(tmp_path / "rapport.xlsx")
    table = read(path, header_row=5)
    assert table.header_row == 5
    assert table.headers[:3] == ("Jansen", "Anna", "12345672")
    assert table.rows.tolist() == [6, 7, 8, 9]
    assert table.title_lines[-1] == "Naam BSN Geboortedatum Geslacht FTE Jaarsalaris"


def test_header_hints_find_the_header_below_a_wide_title_block(tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Export"
    # a block of wordy metadata rows as wide as the table, then the real header
    ws.append(["Organisatie", "Gemeente Voorbeeld", "Afdeling", "Alle", "Status", "Actief"])
    ws.append(["Gemaakt door", "Salarisadministratie", "Systeem", "AFAS", "Versie", "Drie"])
    ws.append(["Persnr", "Burgerservicenummer", "Geb. datum", "Sekse", "Postcode", "Huisnr"])
    ws.append(["0042", "012345672", "01-03-1980", "V", "1234 AB", "12"])
    wb.save(path)
    assert read(path).header_row == 1  # without hints the first wide wordy row wins
    hints = ["burgerservicenummer", "BSN", "geboortedatum", "Geb datum", "geslacht", "sekse"]
    table = read(path, header_hints=hints)
    assert table.header_row == 3
    assert table.headers == (
        "Persnr",
        "Burgerservicenummer",
        "Geb. datum",
        "Sekse",
        "Postcode",
        "Huisnr",
    )
    assert table.title_lines[0].startswith("Organisatie Gemeente Voorbeeld")
    assert column(table, "Persnr") == ["0042"]


def test_two_level_header_takes_the_lower_row(tmp_path: Path) -> None:
    path = tmp_path / "adres.xlsx"
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("Blad1")
    ws.merge_range("A1:A2", "Naam")
    ws.merge_range("B1:D1", "Adres")
    ws.write_row("B2", ["Postcode", "Huisnummer", "Toevoeging"])
    ws.merge_range("E1:E2", "Geslacht")
    ws.write_row("A3", ["Jansen", "1234AB", 12, "a", "V"])
    wb.close()
    table = read(path)
    assert table.header_row == 2
    assert table.headers == ("Naam", "Postcode", "Huisnummer", "Toevoeging", "Geslacht")
    assert table.title_lines == ("Naam Adres Geslacht",)
    assert table.preview() == [["Jansen", "1234AB", "12", "a", "V"]]


@pytest.mark.parametrize("writer", ["openpyxl", "xlsxwriter"])
def test_1904_date_system(tmp_path: Path, writer: str) -> None:
    path = tmp_path / f"mac_{writer}.xlsx"
    born = dt.datetime(1980, 3, 1)
    start = dt.datetime(2024, 2, 29, 8, 30)
    serial = (born.date() - dt.date(1904, 1, 1)).days  # the same date typed as a bare number
    if writer == "openpyxl":
        wb = openpyxl.Workbook()
        wb.epoch = CALENDAR_MAC_1904
        ws = wb.active
        ws.append(["Naam", "Geboortedatum", "In dienst", "Serienummer"])
        ws.append(["Jan", born.date(), start, serial])
        wb.save(path)
    else:
        wb = xlsxwriter.Workbook(path, {"date_1904": True})
        ws = wb.add_worksheet()
        fmt = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        ws.write_row(0, 0, ["Naam", "Geboortedatum", "In dienst", "Serienummer"])
        ws.write(1, 0, "Jan")
        ws.write_datetime(1, 1, born, fmt)
        ws.write_datetime(1, 2, start, fmt)
        ws.write_number(1, 3, serial)
        wb.close()
    table = read(path)
    assert table.date_system == 1904
    # a serial typed as a plain number stays a number; date_system tells validation how to read it
    assert table.preview() == [["Jan", "1980-03-01", "2024-02-29T08:30:00", str(serial)]]


def test_cell_types_to_text(tmp_path: Path) -> None:
    path = tmp_path / "types.xlsx"
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["Tekst", "Getal", "Waar", "Tijd", "Uren", "Formule", "Nul", "Groot"])
    ws.write_string(1, 0, "  007 ")  # text kept exactly, spaces and leading zeros too
    ws.write_number(1, 1, 1234.5)
    ws.write_boolean(1, 2, True)
    ws.write_datetime(1, 3, dt.time(8, 30), wb.add_format({"num_format": "hh:mm"}))
    ws.write_number(1, 4, 1.5, wb.add_format({"num_format": "[h]:mm"}))
    ws.write_formula(1, 5, "=0.1+0.2", None, 0.1 + 0.2)
    ws.write_number(1, 6, 0)
    ws.write_number(1, 7, 123456789012)
    ws.write_row(2, 0, ["tekst\nmet regel", -2.25, False, "", "", "=A2", "", ""])
    wb.close()
    table = read(path)
    assert table.preview() == [
        ["  007 ", "1234.5", "TRUE", "08:30:00", "36:00:00", "0.3", "0", "123456789012"],
        ["tekst\nmet regel", "-2.25", "FALSE", "", "", "0", "", ""],
    ]


def test_xlsm_is_read_and_its_macros_are_not_run(tmp_path: Path) -> None:
    vba = tmp_path / "vbaProject.bin"
    vba.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    path = tmp_path / "met macro.xlsm"
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("Data")
    ws.write_row(0, 0, ["Naam", "BSN"])
    ws.write_row(1, 0, ["Jan", "012345672"])
    wb.add_vba_project(str(vba))
    wb.close()
    table = read(path)
    assert table.file_format == "xlsm"
    assert column(table, "BSN") == ["012345672"]


def test_ods_written_by_odfpy(tmp_path: Path) -> None:
    path = tmp_path / "personeel.ods"
    frame = pd.DataFrame(
        {
            "Naam": ["Jansen", "Lefèvre"],
            "Geboortedatum": [dt.date(1980, 3, 1), dt.date(1999, 1, 31)],
            "BSN": [12345672, 111222333],
            "FTE": [0.8, 1.0],
        }
    )
    with pd.ExcelWriter(path, engine="odf") as writer:
        pd.DataFrame([["Personeelsoverzicht 2025"]]).to_excel(
            writer, sheet_name="Blad1", header=False, index=False
        )
        frame.to_excel(writer, sheet_name="Blad1", startrow=2, index=False)
    table = read(path)
    assert table.file_format == "ods"
    assert table.header_row == 4  # pandas' odf writer leaves rows 2 and 3 blank
    assert table.title_lines == ("Personeelsoverzicht 2025",)
    assert table.preview() == [
        ["Jansen", "1980-03-01", "12345672", "0.8"],
        ["Lefèvre", "1999-01-31", "111222333", "1"],
    ]
    assert table.rows.tolist() == [5, 6]


@pytest.mark.parametrize(
    ("name", "system"), [("personeel.xls", 1900), ("personeel_1904.xls", 1904)]
)
def test_xls_fixture(tmp_path: Path, name: str, system: int) -> None:
    path = tmp_path / name
    shutil.copyfile(FIXTURES / name, path)  # read a copy: the fixture's own folder is shared
    table = read(path)
    assert table.file_format == "xls"
    assert table.date_system == system
    assert table.header_row == 3
    assert table.headers == ("Naam", "Naam (B)", "BSN", "Geboortedatum", "Geslacht", "FTE")
    assert table.preview() == [
        ["Jansen", "Anna", "12345672", "1980-03-01", "V", "0.8"],
        ["Öztürk", "Emre", "111222333", "1975-12-31", "M", "1"],
        ["Lefèvre", "Élodie", "023456789", "1990-06-15", "V", "0.5"],
    ]
    assert [n.key for n in table.notes] == ["intake.hidden-sheets"]
    assert sheets(path)[1] == SheetInfo("Oud", hidden=True)


def test_extension_does_not_decide_the_format(tmp_path: Path) -> None:
    real = write_report_xlsx(tmp_path / "rapport.xlsx")
    renamed = tmp_path / "rapport.csv"
    shutil.copyfile(real, renamed)
    assert read(renamed).file_format == "xlsx"
    text_as_xls = tmp_path / "export.xls"
    text_as_xls.write_text("Naam;BSN\nJan;012345672\n", encoding="utf-8")
    table = read(text_as_xls)
    assert table.file_format == "csv"
    assert column(table, "BSN") == ["012345672"]
    assert [n.key for n in table.notes] == ["intake.text-named-as-workbook"]


def test_header_only_sheet_gives_an_empty_table(tmp_path: Path) -> None:
    path = tmp_path / "leeg.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Naam", "BSN", "Geslacht"])
    wb.save(path)
    table = read(path)
    assert table.headers == ("Naam", "BSN", "Geslacht")
    assert table.n_rows == 0
    assert all(len(c) == 0 for c in table.columns)


def test_empty_columns_without_header_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "kolommen.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["B2"] = "Naam"
    ws["D2"] = "BSN"
    ws["B3"] = "Jan"
    ws["C3"] = "los"  # data under an empty header is kept, named after its column
    ws["D3"] = "012345672"
    wb.save(path)
    table = read(path)
    assert table.column_letters == ("B", "C", "D")
    assert table.headers == ("Naam", "(C)", "BSN")
    assert table.raw_headers == ("Naam", "", "BSN")
    assert table.rows.tolist() == [3]


def test_first_visible_worksheet_is_the_default(tmp_path: Path) -> None:
    path = tmp_path / "volgorde.xlsx"
    wb = xlsxwriter.Workbook(path)
    old = wb.add_worksheet("Archief")
    old.write_row(0, 0, ["Oud", "Niet", "Lezen"])
    pie = wb.add_chart({"type": "pie"})
    pie.add_series({"values": "=Archief!$A$1:$C$1"})
    wb.add_chartsheet("Grafiek").set_chart(pie)
    current = wb.add_worksheet("Actueel")
    current.write_row(0, 0, ["Naam", "BSN"])
    current.write_row(1, 0, ["Jan", "012345672"])
    current.activate()
    old.hide()
    wb.close()
    table = read(path)
    assert table.sheet == "Actueel"
    assert [s.name for s in table.sheets] == ["Archief", "Grafiek", "Actueel"]
    assert table.notes[0].params["sheets"] == ["Archief"]
