"""Write the sample table sets an office returns, one per programme, into ``resources/samples/``.

No real CBS or KSZ table set is public, so these are what ``desktop_app.results`` assumes; the
layouts are described as data in the ``[results]`` section of each programme profile.

Assumed layout of a **CBS** workbook (``results-cbs-ingezoomd-2025.xlsx``, ``results-cbs-algemeen-2025.xlsx``):

- a notes sheet first (``Toelichting``: population, definitions, sources), text only;
- then one sheet per table: ``Totaal`` (the whole organisation) and, in the ingezoomde variant, one
  sheet per breakdown (``Afdeling``, ``Functieniveau``, ``Leeftijd``); the algemene variant has one
  table sheet (``Banen``);
- on each table sheet: a title line merged over the table's width, a line saying what the figures
  are, a blank line, then a header row ``Subgroep | Aantal personen (Aantal banen) | Nederland |
  Europa (exclusief Nederland) | Buiten-Europa`` and one row per subgroup, the organisation's total
  (``Totaal``) first;
- shares are percentages with one decimal (numbers); a group too small to publish is ``.`` (and
  its row partner ``x`` where CBS hides a second cell); sizes are rounded to tens;
- before September 2022 the groups were ``Nederlandse achtergrond | Westerse migratieachtergrond |
  Niet-westerse migratieachtergrond``.

Assumed layout of the **KSZ/BCSS** tables (``results-ksz-2025.csv``): one long table, ``;``-separated,
UTF-8: ``Uitsplitsing;Categorie;Aantal personen;Belgisch;Europees;Niet-Europees;Onbekend``, counts
of persons, the total first (``Totaal;Totaal``), small cells ``x``. The KSZ encrypts the file to the
organisation's OpenPGP key; this sample is the decrypted file.

Run ``python resources/samples/make_result_samples.py [FOLDER]`` (openpyxl) to write them again:
the same tables each time (the workbooks' own save timestamps differ; the CSV is byte-identical).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
ORGANISATION = "Gemeente Voorbeeldstad"
NEW_GROUPS = ["Nederland", "Europa (exclusief Nederland)", "Buiten-Europa"]
FIXED_TIME = dt.datetime(2026, 3, 2, 9, 0, 0)  # the workbook's creation date

Row = list[object]

# subgroup, size (rounded to tens), shares (or "." where not published)
INGEZOOMD: dict[str, list[Row]] = {
    "Totaal": [["Totaal", 1240, 78.2, 9.1, 12.7]],
    "Afdeling": [
        ["Totaal", 1240, 78.2, 9.1, 12.7],
        ["Burgerzaken", 310, 71.0, 8.4, 20.6],
        ["Financiën", 260, 83.5, 7.7, 8.8],
        ["Ruimte en wonen", 420, 80.1, 10.2, 9.7],
        ["Staf en bestuur", 250, 79.6, ".", "x"],
    ],
    "Functieniveau": [
        ["Totaal", 1240, 78.2, 9.1, 12.7],
        ["Schaal 1-7", 450, 70.9, 9.8, 19.3],
        ["Schaal 8-10", 520, 81.3, 8.8, 9.9],
        ["Schaal 11 en hoger", 270, 84.4, 8.5, 7.1],
    ],
    "Leeftijd": [
        ["Totaal", 1240, 78.2, 9.1, 12.7],
        ["Tot 35 jaar", 330, 70.3, 10.0, 19.7],
        ["35-54 jaar", 560, 78.9, 9.3, 11.8],
        ["55 jaar en ouder", 350, 84.6, 8.0, 7.4],
    ],
}
ALGEMEEN: dict[str, list[Row]] = {"Banen": [["Totaal", 1310, 77.6, 9.4, 13.0]]}
KSZ_ROWS = [
    ["Totaal", "Totaal", 860, 702, 71, 63, 24],
    ["Afdeling", "Administratie", 290, 231, 28, 24, 7],
    ["Afdeling", "Technische dienst", 330, 275, 23, 25, 7],
    ["Afdeling", "Welzijn", 240, 196, 20, 14, "x"],
    ["Functieniveau", "Niveau A", 180, 160, 11, "x", "x"],
    ["Functieniveau", "Niveau B-C", 410, 330, 35, 34, 11],
    ["Functieniveau", "Niveau D-E", 270, 212, 25, 25, 8],
]


def notes_sheet(book: Workbook, unit: str) -> None:
    sheet = book.active
    assert sheet is not None
    sheet.title = "Toelichting"
    lines = [
        f"Barometer Culturele Diversiteit – {ORGANISATION}",
        "",
        "Populatie: werknemers in dienst op de peildatum 1 oktober 2025.",
        f"Eenheid: {unit}. Aantallen afgerond op tientallen.",
        "Herkomst: het eigen geboorteland als iemand in het buitenland is geboren, anders het "
        "geboorteland van de moeder, anders dat van de vader.",
        "Een punt (.) of x: te weinig waarnemingen om te publiceren.",
        "Bron: CBS.",
    ]
    for number, line in enumerate(lines, start=1):
        sheet.cell(row=number, column=1, value=line or None)


def table_sheet(book: Workbook, name: str, rows: list[Row], *, size_header: str, what: str) -> None:
    sheet = book.create_sheet(name)
    width = 2 + len(NEW_GROUPS)
    sheet.cell(
        row=1, column=1, value=f"Barometer Culturele Diversiteit – {ORGANISATION}"
    ).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(row=2, column=1, value=what)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    for column, header in enumerate(["Subgroep", size_header, *NEW_GROUPS], start=1):
        sheet.cell(row=4, column=column, value=header).font = Font(bold=True)
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=5 + offset, column=column, value=value)  # type: ignore[arg-type]
    sheet.column_dimensions["A"].width = 24


def cbs_workbook(path: Path, tables: dict[str, list[Row]], size_header: str, unit: str) -> None:
    book = Workbook()
    notes_sheet(book, unit)
    what = f"Peildatum 1 oktober 2025; percentages {unit} naar herkomst"
    for name, rows in tables.items():
        table_sheet(book, name, rows, size_header=size_header, what=what)
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.save(path)


def ksz_csv(path: Path) -> None:
    header = "Uitsplitsing;Categorie;Aantal personen;Belgisch;Europees;Niet-Europees;Onbekend"
    lines = [header] + [";".join(str(v) for v in row) for row in KSZ_ROWS]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")


def main(folder: Path = HERE) -> None:
    cbs_workbook(
        folder / "results-cbs-ingezoomd-2025.xlsx", INGEZOOMD, "Aantal personen", "personen"
    )
    cbs_workbook(folder / "results-cbs-algemeen-2025.xlsx", ALGEMEEN, "Aantal banen", "banen")
    ksz_csv(folder / "results-ksz-2025.csv")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
