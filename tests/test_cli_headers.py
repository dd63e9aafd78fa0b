"""Headers through the command line: a row of data is never shown as column names, a repeated
header is named and never mapped for the officer, a file of titles says so, and an unclosed quote
is a located error. Runs ``desktop_app.cli.main`` in-process and reads what reached the terminal."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import xlsxwriter
from stdnum.nl import bsn

from desktop_app.cli import main

PROGRAMME = ("--programme", "cbs-barometer-ingezoomd", "--peildatum", "2026-01-01")
NAMES = ["Annemarie Verbeek", "Joost Hendriks", "Fatima el Idrissi", "Pieter de Wit", "Lotte Smit"]
DEPARTMENTS = ["Financiën", "ICT", "Personeelszaken"]


def valid_bsns(n: int, seed: int = 12) -> list[str]:
    rng = random.Random(seed)
    found: list[str] = []
    while len(found) < n:
        number = f"{rng.randrange(10_000_000, 99_999_999):08d}"
        number += next((d for d in "0123456789" if bsn.is_valid(number + d)), "")
        if len(number) == 9 and number not in found:
            found.append(number)
    return found


def staff_lines(n: int = 30) -> tuple[list[list[str]], list[str]]:
    """Rows of a staff export (no header) and the personal values in them."""
    numbers = valid_bsns(n)
    rows = [
        [
            f"P{100000 + i}",
            NAMES[i % len(NAMES)],
            numbers[i],
            f"{1 + i % 28:02d}-{1 + i % 12:02d}-{1960 + i % 40}",
            "MV"[i % 2],
            DEPARTMENTS[i % len(DEPARTMENTS)],
        ]
        for i in range(n)
    ]
    return rows, [*numbers, *NAMES]


def run(capsys: pytest.CaptureFixture[str], *args: str, lang: str = "en") -> tuple[int, str]:
    code = main(["--lang", lang, *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def assert_no_personal_values(text: str, personal: list[str]) -> None:
    leaked = [value for value in personal if value in text]
    assert not leaked, leaked
    assert "P100000" not in text


@pytest.fixture
def headerless_csv(tmp_path: Path) -> tuple[Path, list[str]]:
    rows, personal = staff_lines()
    path = tmp_path / "export.csv"
    path.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    return path, personal


def test_headerless_csv_never_shows_a_data_row(
    capsys: pytest.CaptureFixture[str], headerless_csv: tuple[Path, list[str]]
) -> None:
    path, personal = headerless_csv
    for args in (
        ("check", str(path), *PROGRAMME, "--breakdown", "Afdeling"),
        ("tables", str(path), *PROGRAMME, "--by", "Afdeling"),
        ("tables", str(path), *PROGRAMME, "--by", "salary_band"),
    ):
        code, text = run(capsys, *args)
        assert code == 2, text
        assert "No header row was found in export.csv: the data starts in row 1" in text
        assert "has these columns" not in text
        assert_no_personal_values(text, personal)

    code, text = run(capsys, "check", str(path), *PROGRAMME)
    assert code == 1
    assert "no header row found" in text
    assert "No header row found in export.csv: the data starts in row 1" in text
    assert_no_personal_values(text, personal)

    code, text = run(capsys, "check", str(path), *PROGRAMME, "--json")
    report = json.loads(text)
    assert report["header_row"] is None
    assert report["mapping"] == {}
    assert_no_personal_values(text, personal)


def test_headerless_csv_under_title_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rows, personal = staff_lines()
    path = tmp_path / "rapport.csv"
    lines = ["Personeelsoverzicht 2025", "", *(";".join(r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, text = run(capsys, "check", str(path), *PROGRAMME, "--breakdown", "Afdeling")
    assert code == 2
    assert "the data starts in row 3" in text
    assert_no_personal_values(text, personal)


def test_headerless_workbook_never_shows_a_data_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rows, personal = staff_lines()
    path = tmp_path / "export.xlsx"
    workbook = xlsxwriter.Workbook(path)
    sheet = workbook.add_worksheet("Personeel")
    for i, row in enumerate(rows):
        sheet.write_row(i, 0, [row[0], row[1], int(row[2]), *row[3:]])
    workbook.close()
    code, text = run(capsys, "tables", str(path), *PROGRAMME, "--by", "Afdeling")
    assert code == 2
    assert "No header row was found in export.xlsx" in text
    assert_no_personal_values(text, [*personal, *(str(int(b)) for b in personal[:30])])


def test_header_row_given_for_a_headerless_file_is_the_officers_choice(
    capsys: pytest.CaptureFixture[str], headerless_csv: tuple[Path, list[str]]
) -> None:
    """The way out the message names: with a real header row added, the file reads normally."""
    path, _ = headerless_csv
    path.write_text(
        "Persnr;Naam;BSN;Geboortedatum;Geslacht;Afdeling\n" + path.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    _, text = run(capsys, "check", str(path), *PROGRAMME, "--json")
    report = json.loads(text)
    assert report["header_row"] == 1
    assert report["mapping"]["bsn"] == "BSN"


def test_unclosed_quote_that_changed_the_delimiter_is_located(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Under ';' one value opens a quote it never closes; ',' (decimal commas) would split the rest
    into a table whose 'header' is a row of data. The quote is named instead."""
    rows, personal = staff_lines(12)
    lines = ["Persnr;Naam;BSN;FTE"] + [f"{r[0]};{r[1]};{r[2]};0,8" for r in rows]
    lines[4] = lines[4].replace(";", ';"', 1)
    path = tmp_path / "export.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, text = run(capsys, "check", str(path), *PROGRAMME, "--breakdown", "Afdeling")
    assert code == 2
    assert "line 5 opens a quotation mark" in text
    assert_no_personal_values(text, personal)


def duplicate_csv(path: Path) -> Path:
    rows, _ = staff_lines(8)
    other = valid_bsns(8, seed=99)
    lines = ["Persnr;BSN;Naam;bsn ;Geboortedatum;Geslacht;Afdeling"] + [
        ";".join([r[0], r[2], r[1], other[i], r[3], r[4], r[5]]) for i, r in enumerate(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_duplicate_headers_are_named_and_never_mapped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = duplicate_csv(tmp_path / "dubbel.csv")
    code, text = run(capsys, "check", str(path), *PROGRAMME, "--json")
    assert code == 1  # no identification key is mapped until the officer chooses a BSN column
    report = json.loads(text)
    assert "bsn" not in report["mapping"]
    assert report["mapping"]["birth_date"] == "Geboortedatum"
    (note,) = [n for n in report["notes"] if "same header" in n]
    assert note.startswith("Columns B, D have the same header “BSN”")
    assert "Neither is mapped automatically" in note

    _, text = run(capsys, "check", str(path), *PROGRAMME)
    assert "Columns B, D have the same header “BSN”" in text

    # the officer chooses the second one in a mapping file: the note says which column is used
    mapping = tmp_path / "koppeling.json"
    run(capsys, "check", str(path), *PROGRAMME, "--save-mapping", str(mapping))
    saved = json.loads(mapping.read_text(encoding="utf-8"))
    saved["fields"]["bsn"] = "bsn (D)"
    mapping.write_text(json.dumps(saved), encoding="utf-8")
    _, text = run(capsys, "check", str(path), *PROGRAMME, "--mapping", str(mapping), "--json")
    (note,) = [n for n in json.loads(text)["notes"] if "same header" in n]
    assert "Used: column D for Citizen service number (BSN)" in note


def test_duplicate_header_note_in_every_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = duplicate_csv(tmp_path / "dubbel.csv")
    for language, words in (("nl", "De kolommen B, D"), ("fr", "Les colonnes B, D")):
        _, text = run(capsys, "check", str(path), *PROGRAMME, lang=language)
        assert words in text


def test_a_workbook_of_titles_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "titels.xlsx"
    workbook = xlsxwriter.Workbook(path)
    sheet = workbook.add_worksheet("Rapport")
    for i, title in enumerate(
        ["Personeelsoverzicht 2025", "Gemeente Voorbeeld, afdeling HR", "Vertrouwelijk"]
    ):
        sheet.write(i, 0, title)
    workbook.close()
    code, text = run(capsys, "check", str(path), *PROGRAMME)
    assert code == 2
    assert "holds only 3 line(s) of text" in text
    assert "identification key" not in text
