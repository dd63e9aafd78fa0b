"""Synthetic staff for the demo, the tests and the benchmarks: realistic, deterministic, fictitious.

Every person is invented: BSNs are random numbers that pass the eleven-test, addresses are random
postcodes. ``messy=True`` adds the mistakes real HR exports have, each at a known row, so the demo
shows what the checks find; ``mistakes="warnings"`` keeps only those that are warnings (the bundled
demo, which can be walked through to an encrypted package).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

HEADERS: tuple[str, ...] = (
    "Personeelsnummer",
    "Naam",
    "BSN",
    "Geboortedatum",
    "Geslacht",
    "Postcode",
    "Huisnummer",
    "Toevoeging",
    "Datum in dienst",
    "Datum uit dienst",
    "Afdeling",
    "Functieschaal",
    "Deeltijdfactor",
)

DEPARTMENTS: tuple[str, ...] = (
    "Bestuursondersteuning",
    "Financiën",
    "HR",
    "ICT",
    "Publiekszaken",
    "Ruimtelijke ontwikkeling",
    "Sociaal domein",
    "Beheer openbare ruimte",
    "Klantcontactcentrum",
    "Juridische zaken",
)
_SURNAMES = (
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Yılmaz",
    "El Amrani",
    "Öztürk",
    "Mulder",
    "de Boer",
    "Bos",
    "Nguyen",
    "Kaya",
    "Dekker",
    "Dijkstra",
)
_INITIALS = "ABCDEFGHIJKLMNOPRSTW"


def bsn_check_digit(first_eight: str) -> int | None:
    """The ninth digit that makes ``first_eight`` a valid BSN, or None when none exists."""
    total = sum((9 - i) * int(d) for i, d in enumerate(first_eight))
    digit = total % 11
    return None if digit == 10 else digit


def _unique_bsns(rng: random.Random, n: int) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        first = f"{rng.randrange(1_000_000, 99_999_999):08d}"
        digit = bsn_check_digit(first)
        if digit is None:
            continue
        bsn = first + str(digit)
        if bsn not in seen:
            seen.add(bsn)
            out.append(bsn)
    return out


def _postcode(rng: random.Random) -> str:
    while True:
        letters = chr(65 + rng.randrange(26)) + chr(65 + rng.randrange(26))
        if letters not in ("SA", "SD", "SS"):  # not issued by PostNL
            return f"{rng.randrange(1000, 10000)}{letters}"


@dataclass(frozen=True)
class StaffOptions:
    n: int = 300
    seed: int = 2026
    peildatum: dt.date = dt.date(2026, 1, 1)
    messy: bool = False
    # "errors": every mistake of MESSY_MISTAKES (what messy=True gives); "warnings": only those the
    # checks report as warnings, so the file can be packaged once the officer acknowledges them.
    mistakes: str = ""

    @property
    def mistake_level(self) -> str:
        """ "errors", "warnings" or "" (a clean file)."""
        if self.mistakes not in ("", "errors", "warnings"):
            raise ValueError(f"unknown mistake level {self.mistakes!r}")
        return self.mistakes or ("errors" if self.messy else "")


def staff_rows(options: StaffOptions) -> Iterator[list[object]]:
    """Rows in HEADERS order; dates as ``datetime.date``, BSN as text with leading zeros."""
    rng = random.Random(options.seed)
    bsns = _unique_bsns(rng, options.n)
    peil = options.peildatum
    for i in range(options.n):
        birth = peil - dt.timedelta(days=rng.randrange(18 * 365, 66 * 365))
        start = peil - dt.timedelta(days=rng.randrange(30, 35 * 365))
        start = max(start, birth + dt.timedelta(days=18 * 365))
        end = None
        if rng.random() < 0.03:
            end = peil + dt.timedelta(days=rng.randrange(1, 400))
        sex = rng.choices(("M", "V", "X"), weights=(48, 51, 1))[0]
        suffix = rng.choices(("", "A", "B", "bis", "2"), weights=(85, 6, 4, 1, 4))[0]
        yield [
            f"P{100000 + i}",
            f"{rng.choice(_INITIALS)}. {rng.choice(_SURNAMES)}",
            bsns[i],
            birth,
            sex,
            _postcode(rng),
            rng.randrange(1, 300),
            suffix,
            start,
            end,
            rng.choices(DEPARTMENTS, weights=(4, 8, 5, 9, 14, 10, 22, 15, 9, 4))[0],
            f"Schaal {rng.randrange(4, 15)}",
            rng.choice((1.0, 1.0, 0.8, 0.9, 0.5, 0.6)),
        ]


# The mistakes the demo carries, by data-row index (0-based): what an officer would meet.
MESSY_MISTAKES = {
    4: "bsn typo (fails the eleven-test)",
    11: "birth date as text d-m-yyyy (fine) ",
    17: "sex written 'Vrouw' (mapped)",
    23: "duplicate of row 3's person",
    31: "birth date impossible (31-02-1980)",
    42: "postcode missing",
    57: "start date after the peildatum",
}
# The mistakes the checks report as errors: left out at the "warnings" level.
ERROR_MISTAKES = frozenset({4, 23, 31})


def messy_rows(options: StaffOptions) -> list[list[object]]:
    """Staff rows with the mistakes of MESSY_MISTAKES (without ERROR_MISTAKES at the "warnings"
    level) and a 'Totaal' row at the end."""
    rows = list(staff_rows(options))
    for row in rows:  # exports store the BSN as a number: leading zeros are lost
        row[2] = int(cast(str, row[2]))
    errors = options.mistake_level != "warnings"
    if len(rows) > 60:
        if errors:
            bsn = cast(int, rows[4][2])
            rows[4][2] = bsn // 10 * 10 + (bsn + 1) % 10
            rows[23][2:8] = rows[3][2:8]
            rows[31][3] = "31-02-1980"
        rows[11][3] = cast(dt.date, rows[11][3]).strftime("%-d-%-m-%Y")
        rows[17][4] = "Vrouw"
        rows[42][5] = ""
        rows[57][8] = options.peildatum + dt.timedelta(days=40)
    rows.append(["Totaal", "", "", "", "", "", "", "", "", "", "", "", float(len(rows))])
    return rows


def write_demo_workbook(path: Path, options: StaffOptions | None = None) -> Path:
    """An .xlsx like an HR export: a title row, a blank row, headers, dates as date cells."""
    from openpyxl import Workbook

    options = options or StaffOptions(messy=True)
    rows = messy_rows(options) if options.mistake_level else list(staff_rows(options))
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Personeel"
    sheet.append([f"Personeelsoverzicht peildatum {options.peildatum:%d-%m-%Y}"])
    sheet.append([])
    sheet.append(list(HEADERS))
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=4):
        for cell in cells:
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD-MM-YYYY"
    workbook.save(path)
    return path


# The bundled demo (resources/samples/demo-personeel.xlsx): large enough that merging the small
# departments reaches CBS's 250 per subgroup, with only mistakes the officer can acknowledge.
DEMO_OPTIONS = StaffOptions(n=2000, mistakes="warnings")


def write_bundled_demo(path: Path) -> Path:
    """Regenerate the bundled demo spreadsheet."""
    return write_demo_workbook(path, DEMO_OPTIONS)


def write_large_workbook(path: Path, rows: int, seed: int = 1) -> Path:
    """A big clean export fast (xlsxwriter, constant memory) for benchmarks and load tests:
    one header row, dates as date cells, BSNs stored as numbers. Needs the test/bench extras."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("Personeel")
    date_format = workbook.add_format({"num_format": "dd-mm-yyyy"})
    sheet.write_row(0, 0, HEADERS)
    for r, row in enumerate(staff_rows(StaffOptions(n=rows, seed=seed)), start=1):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date_format)
            elif value is None or value == "":
                continue
            elif c == 2:
                sheet.write_number(
                    r, c, int(cast(str, value))
                )  # BSN stored as a number, as exports do
            else:
                sheet.write(r, c, value)
    workbook.close()
    return path
