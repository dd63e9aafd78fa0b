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


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # ',' (decimal commas) would win once ';' is broken by the quote
        ('Naam;Opmerking;FTE\nJan;"de Vries;0,8\nPiet;iets;1,0\nAnna;x;0,5\nKees;y;0,6\n', 2),
        # headerless, the quote in the first line: under ',' a table of three columns
        (
            'P1;"Jansen, Jan;111222333;0,8\nP2;Pietersen;123456782;1,0\nP3;Vries, A;012345672;0,5\n',
            1,
        ),
        # the quote in the header: no delimiter fits at all
        ('"Naam;BSN;Geslacht\nJan;111222333;M\nPiet;123456782;V\n', 1),
        # a quoted value spanning lines above it: the line in the file, not the record
        ('Naam;Opmerking\nJan;"twee\nregels"\nPiet;"nooit dicht\nKees;x\n', 4),
        ('Naam;Opmerking\r\nJan;x\r\nPiet;"nooit dicht\r\nKees;x\r\n', 3),
    ],
)
def test_unclosed_quote_is_found_whatever_delimiter_it_breaks(
    tmp_path: Path, text: str, line: int
) -> None:
    path = tmp_path / "kapot.csv"
    path.write_bytes(text.encode("utf-8"))
    error = refused(path, "intake.csv-unclosed-quote")
    assert error.message.params["row"] == line


def test_quotes_that_close_are_no_error(tmp_path: Path) -> None:
    path = tmp_path / "goed.csv"
    path.write_text(
        'Naam,Opmerking,Maat\n"Jansen; Jan","zegt ""ja""",5"\nBakker,"a, b",6\n', encoding="utf-8"
    )
    table = read(path)
    assert table.delimiter == ","
    assert column(table, "Opmerking") == ['zegt "ja"', "a, b"]
    assert column(table, "Maat") == ['5"', "6"]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(['"', ";", ",", "\n", "a"]), max_size=24),
    delimiter=st.sampled_from([";", ","]),
)
def test_unclosed_quote_agrees_with_the_parser(text: str, delimiter: str) -> None:
    """The quote scan says 'never closed' exactly when pandas' tokenizer ends inside a quote."""
    import pandas as pd

    try:
        pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            names=range(64),
            dtype=object,
            skip_blank_lines=False,
            engine="c",
        )
        ends_inside = False
    except pd.errors.ParserError as error:
        ends_inside = "EOF inside string" in str(error)
    except pd.errors.EmptyDataError:
        ends_inside = False
    assert (csv_reader.unclosed_quote(text, delimiter) is not None) == ends_inside


def test_headerless_export_says_so_and_names_columns_by_letter(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Personeelsoverzicht\n\n"
        "P100000;Jansen;111222333;01-02-1980;M\n"
        "P100001;Bakker;123456782;31-12-1975;V\n",
        encoding="utf-8",
    )
    table = read(path)
    assert not table.header_found
    assert table.header_row == 0
    assert table.headers == ("(A)", "(B)", "(C)", "(D)", "(E)")
    assert table.raw_headers == ("",) * 5
    assert table.rows.tolist() == [3, 4]
    assert table.data_start == 3
    assert column(table, "(C)") == ["111222333", "123456782"]
    assert table.title_lines == ("Personeelsoverzicht",)
    (note,) = table.notes
    assert note.key == "intake.no-header-row"
    assert note.params["row"] == 3
    for language in ("nl", "en", "fr"):
        text = note.render(language)
        for value in ("111222333", "Jansen", "P100000"):
            assert value not in text
    # read again as the draft keeps it (header row 0): the same table
    again = read(path, header_row=0)
    assert (again.header_found, again.headers, again.rows.tolist()) == (
        False,
        table.headers,
        [3, 4],
    )


@pytest.mark.parametrize(
    "first_line",
    [
        "Jansen;Jan;Utrecht;Personeelszaken;M",  # only words, but its values recur below
        "1001;3,5;1200;0,8;12",  # only numbers
        "Jansen;Jan;jan.jansen@example.nl;06-12345678;M",  # a phone number
    ],
)
def test_rows_of_data_are_never_headers(tmp_path: Path, first_line: str) -> None:
    path = tmp_path / "export.csv"
    rest = "Bakker;Piet;Utrecht;Personeelszaken;M\nSmit;Anna;Gent;ICT;V\n"
    path.write_text(first_line + "\n" + rest, encoding="utf-8")
    table = read(path)
    assert not table.header_found
    assert table.headers[0] == "(A)"


def test_a_header_repeated_down_a_paged_report_is_still_the_header(tmp_path: Path) -> None:
    header = "Naam;Afdeling;Geslacht"
    lines = [header, "Jansen;ICT;M", "Bakker;ICT;V", header, "Smit;HR;V"]
    path = tmp_path / "rapport.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = read(path)
    assert table.header_found
    assert table.headers == ("Naam", "Afdeling", "Geslacht")


def test_a_line_with_an_identifier_above_the_header(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "KvK;12345678\nNaam;Afdeling;Geslacht;Geboortedatum\nJansen;ICT;M;01-02-1980\n",
        encoding="utf-8",
    )
    table = read(path)
    assert table.header_found
    assert table.header_row == 2
    assert table.headers == ("Naam", "Afdeling", "Geslacht", "Geboortedatum")


def test_duplicate_columns_are_grouped(tmp_path: Path) -> None:
    path = tmp_path / "dubbel.csv"
    path.write_text("BSN;Naam;bsn ;Datum;BSN\n1;a;2;d;3\n", encoding="utf-8")
    table = read(path)
    assert table.headers == ("BSN", "Naam", "bsn (C)", "Datum", "BSN (E)")
    assert table.duplicate_columns() == ((0, 2, 4),)
