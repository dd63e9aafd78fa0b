"""Given a CSV export from a Dutch or Belgian HR system, intake keeps every value as written."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from intake_helpers import column, read, refused, sheets

from desktop_app.intake import csv_reader


def test_cp1252_semicolons_decimal_commas_and_accents(tmp_path: Path) -> None:
    path = tmp_path / "export AFAS.csv"
    text = (
        "Personeelsnummer;BSN;Naam;Geboortedatum;FTE;Salaris\r\n"
        "0042;012345672;Müller-Lüdenscheidt;01-03-1980;0,8;3.456,78\r\n"
        "0043;111222333;Françoise Lefèvre;31-12-1975;1,0;€ 4.000\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    table = read(path)
    assert table.file_format == "csv"
    assert table.sheet is None
    assert (table.encoding, table.delimiter) == ("cp1252", ";")
    assert sheets(path) == ()
    assert column(table, "Personeelsnummer") == ["0042", "0043"]
    assert column(table, "BSN") == ["012345672", "111222333"]
    assert column(table, "Naam") == ["Müller-Lüdenscheidt", "Françoise Lefèvre"]
    assert column(table, "FTE") == ["0,8", "1,0"]
    assert column(table, "Salaris") == ["3.456,78", "€ 4.000"]
    assert table.rows.tolist() == [2, 3]
    assert str(table.origin(1, 2)) == "C3"


@pytest.mark.parametrize(
    ("encoding", "bom", "expected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
        ("utf-16-le", b"\xff\xfe", "utf-16-le"),
        ("utf-16-be", b"\xfe\xff", "utf-16-be"),
        ("utf-16-le", b"", "utf-16-le"),  # no BOM, but plainly UTF-16
    ],
)
def test_encodings(tmp_path: Path, encoding: str, bom: bytes, expected: str) -> None:
    path = tmp_path / "medewerkers.csv"
    path.write_bytes(bom + "Naam,Geslacht\nÖzdemir,M\nŁucja Żak,V\n".encode(encoding))
    table = read(path)
    assert table.encoding == expected
    assert table.headers == ("Naam", "Geslacht")  # no BOM left in the first header
    assert column(table, "Naam") == ["Özdemir", "Łucja Żak"]


@pytest.mark.parametrize(("delimiter", "name"), [("\t", "export.txt"), ("|", "export.csv")])
def test_tab_and_pipe(tmp_path: Path, delimiter: str, name: str) -> None:
    path = tmp_path / name
    rows = [["Naam", "Afdeling", "Functie"], ["Jansen, A.", "HR; Payroll", "Adviseur"]]
    path.write_text("\n".join(delimiter.join(r) for r in rows) + "\n", encoding="utf-8")
    table = read(path)
    assert table.delimiter == delimiter
    assert table.preview() == [["Jansen, A.", "HR; Payroll", "Adviseur"]]


def test_quotes_respected_when_choosing_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "quoted.csv"
    path.write_text(
        'Naam,Adres,Plaats\n"Jansen; Anna","Dorpsstraat 1; achterhuis",Utrecht\n'
        '"Bakker; Piet","Kerkweg 2",Gent\n',
        encoding="utf-8",
    )
    table = read(path)
    assert table.delimiter == ","
    assert column(table, "Naam") == ["Jansen; Anna", "Bakker; Piet"]


def test_title_lines_blank_lines_ragged_rows_and_embedded_newlines(tmp_path: Path) -> None:
    path = tmp_path / "rapport.csv"
    path.write_text(
        "Personeelsoverzicht 2025\n"  # record 1
        "\n"  # 2
        "Naam;BSN;Opmerking\n"  # 3: header
        "Jansen;012345672;\n"  # 4
        "\n"  # 5: a blank row inside the data is kept
        'Bakker;111222333;"twee\nregels"\n'  # 6 (two lines, one record)
        "de Vries;023456781\n"  # 7: ragged, padded
        "\n\n",  # trailing blank lines dropped
        encoding="utf-8",
    )
    table = read(path)
    assert table.title_lines == ("Personeelsoverzicht 2025",)
    assert table.header_row == 3
    assert table.rows.tolist() == [4, 5, 6, 7]
    assert column(table, "Naam") == ["Jansen", "", "Bakker", "de Vries"]
    assert column(table, "Opmerking") == ["", "", "twee\nregels", ""]


def test_records_wider_than_the_header(tmp_path: Path) -> None:
    path = tmp_path / "breed.csv"
    lines = ["Naam;BSN"] + [f"n{i};{i:09d}" for i in range(300)] + ["laat;000000001;extra"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = read(path)
    assert table.headers == ("Naam", "BSN", "(C)")
    assert column(table, "(C)")[-2:] == ["", "extra"]
    assert table.n_rows == 301


def test_header_only_and_header_row_override(tmp_path: Path) -> None:
    path = tmp_path / "kop.csv"
    path.write_text("Naam;BSN;Geslacht\n", encoding="utf-8")
    table = read(path)
    assert table.headers == ("Naam", "BSN", "Geslacht")
    assert table.n_rows == 0
    data = tmp_path / "data.csv"
    data.write_text("Naam;BSN\nJan;1\nPiet;2\n", encoding="utf-8")
    table = read(data, header_row=2)
    assert table.headers == ("Jan", "1")
    assert table.rows.tolist() == [3]
    assert table.title_lines == ("Naam BSN",)


def test_duplicate_and_blank_headers_made_unique(tmp_path: Path) -> None:
    path = tmp_path / "dubbel.csv"
    path.write_text("Naam;naam; ;Datum\nA;B;C;D\n", encoding="utf-8")
    table = read(path)
    assert table.headers == ("Naam", "naam (B)", "(C)", "Datum")
    assert table.raw_headers == ("Naam", "naam", " ", "Datum")


def test_header_hints_in_csv(tmp_path: Path) -> None:
    path = tmp_path / "hints.csv"
    path.write_text(
        "Export;Salarisadministratie;2025\nGemeente;Voorbeeld;januari\n"
        "Sekse;Geb.datum;Persnr\nV;01-01-1980;7\n",
        encoding="utf-8",
    )
    # without hints: row 1 holds a year, so is not all words; row 2 is taken for the header
    assert read(path).header_row == 2
    assert read(path, header_hints=["geslacht", "sekse", "Geb datum"]).header_row == 3


def test_unclosed_quote_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "kapot.csv"
    path.write_text('Naam;Opmerking\nJan;"begint\nPiet;iets\n', encoding="utf-8")
    error = refused(path, "intake.csv-unclosed-quote")
    assert error.message.params["row"] == 2


rows_strategy = st.lists(
    st.lists(
        st.text(
            alphabet=st.characters(blacklist_categories=("Cs", "Cc"))
            | st.sampled_from(["\n", "\t", '"', ";", ",", "|", " ", "0"]),
            max_size=8,
        ),
        min_size=3,
        max_size=3,
    ),
    min_size=1,
    max_size=20,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=rows_strategy, delimiter=st.sampled_from(csv_reader.DELIMITERS))
def test_round_trip_of_any_text(tmp_path: Path, rows: list[list[str]], delimiter: str) -> None:
    """Whatever csv.writer writes (quoted as needed), intake reads back value for value."""
    header = ["Naam", "Geslacht", "Afdeling"]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_ALL).writerows([header, *rows])
    path = tmp_path / "rond.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    table = read(path)
    assert table.delimiter == delimiter
    assert table.headers == tuple(header)
    # trailing blank records are dropped, as in a sheet
    expected = list(rows)
    while expected and all(not v.strip() for v in expected[-1]):
        expected.pop()
    assert table.preview(len(expected) + 1) == expected


def test_fast_and_forgiving_parsers_agree(tmp_path: Path) -> None:
    text = 'a;b;c\n1;"x;y";3\n\n"q""uote";  sp ;007\n4;5\n'
    dialect = csv_reader.sniff_dialect(text)
    assert dialect is not None
    assert (dialect.delimiter, dialect.fields, dialect.widest) == (";", 3, 3)
    fast = csv_reader._parse_columns(text, dialect, "t.csv")
    assert fast is not None
    slow = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    padded = [r + [""] * (3 - len(r)) for r in slow]
    assert [fast[i] for i in range(len(fast))] == padded


def test_semicolons_win_over_commas_inside_values(tmp_path: Path) -> None:
    """Every record holds commas (an address, a decimal), but the table is split by semicolons."""
    path = tmp_path / "adressen.csv"
    path.write_text(
        "Naam;Adres;FTE\nJansen;Dorpsstraat 1, Utrecht;0,8\nBakker;Kerkweg 2, Gent;1,0\n"
        "de Vries;Laan 3, Brugge\n",
        encoding="utf-8",
    )
    table = read(path)
    assert table.delimiter == ";"
    assert column(table, "Adres") == ["Dorpsstraat 1, Utrecht", "Kerkweg 2, Gent", "Laan 3, Brugge"]
    assert column(table, "FTE") == ["0,8", "1,0", ""]


def test_text_that_starts_like_a_magic_number_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "mz.csv"
    path.write_text("MZ-nummer;Naam\nMZ001;Jansen\n", encoding="utf-8")
    assert column(read(path), "MZ-nummer") == ["MZ001"]


def test_title_lines_padded_with_delimiters_by_excel(tmp_path: Path) -> None:
    """Excel's "save as CSV" pads a title line to the table's width: 'Titel;;;;;;'."""
    path = tmp_path / "export.csv"
    path.write_bytes(
        "Personeelsoverzicht gemeente Voorbeeld;;;;\n"
        ";;;;\n"
        "Pers.nr;BSN;Geb. datum;M/V;Afdeling\n"
        "001;111222333;1-2-1980;M;ICT\n"
        "002;123456782;31-12-1975;V;Financiën\n".encode("cp1252")
    )
    table = read(path)
    assert table.header_row == 3
    assert table.title_lines == ("Personeelsoverzicht gemeente Voorbeeld",)
    assert column(table, "Pers.nr") == ["001", "002"]
    assert column(table, "Afdeling") == ["ICT", "Financiën"]


def test_a_tie_between_semicolon_and_comma_goes_to_the_semicolon(tmp_path: Path) -> None:
    """Every line holds one ';' and one ',': both make a table of two columns equally well. Dutch
    and Belgian Excel writes ';' (and decimal commas), so ';' wins the tie, whichever reads better
    to a person."""
    text = "Afdeling;Deeltijdfactor, gemiddeld\nHR;0,8\nICT;1,0\nFinanciën;0,9\n"
    path = tmp_path / "deeltijd.csv"
    path.write_text(text, encoding="utf-8")
    table = read(path)
    assert table.delimiter == ";"
    assert table.headers == ("Afdeling", "Deeltijdfactor, gemiddeld")
    assert column(table, "Deeltijdfactor, gemiddeld") == ["0,8", "1,0", "0,9"]
    # the mirror image ties the same way, so the tie is what decides, not the text
    mirror = text.translate(str.maketrans({";": ",", ",": ";"}))
    assert csv_reader.sniff_dialect(text).delimiter == ";"
    assert csv_reader.sniff_dialect(mirror).delimiter == ";"
    assert csv_reader.sniff_dialect(mirror).fields == csv_reader.sniff_dialect(text).fields == 2
