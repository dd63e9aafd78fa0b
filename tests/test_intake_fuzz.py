"""Damaged files, made at random from valid ones: intake refuses each with a sentence or reads it;
never a traceback, never an abort, never more memory than a cap.

The mutants are made from a fixed seed (the same run every time) in three ways: bytes flipped,
cut or repeated anywhere in the file; and, for the zip formats, the sheet's XML itself mutated and
packed again (so the damage reaches the XML reader instead of stopping at the zip's checksums),
including far cell references and huge repeat counts. All mutants are read in ONE child process
under a memory cap; a crash of the child is a failure that names the mutant to replay.
"""

from __future__ import annotations

import io
import os
import random
import re
import textwrap
import zipfile
from pathlib import Path

import xlsxwriter
from capped_child import run_capped
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

SEED = 20261206
MUTANTS_PER_FORMAT = 250
MEMORY_CAP = 2 * 1024**3


DRIVER = textwrap.dedent(
    """
    import json, sys, traceback
    from desktop_app.errors import AppError
    from desktop_app.intake import list_sheets, read_table
    results = {}
    for path in json.load(open(sys.argv[1], encoding="utf-8")):
        print(path, file=sys.stderr, flush=True)  # the last one named is the one that crashed
        try:
            list_sheets(path)
            table = read_table(path)
            results[path] = "read %d x %d" % (table.n_rows, table.n_columns)
        except AppError as error:
            results[path] = "refused " + error.message.key
        except BaseException as error:
            results[path] = "ESCAPED " + "".join(traceback.format_exception(error))[-600:]
    json.dump(results, open(sys.argv[2], "w", encoding="utf-8"))
    """
)


def valid_xlsx() -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet("Personeel")
    sheet.write_row(0, 0, ["BSN", "Geboortedatum", "Geslacht", "Afdeling", "Salaris"])
    for i in range(40):
        sheet.write_row(i + 1, 0, [f"{100000000 + i:09d}", "01-02-1980", "VM"[i % 2], "Zorg", 2500.5])
    workbook.close()
    return buffer.getvalue()


def valid_ods() -> bytes:
    document = OpenDocumentSpreadsheet()
    table = Table(name="Personeel")
    for values in [["BSN", "Geslacht", "Afdeling"]] + [[f"{i:09d}", "V", "Zorg"] for i in range(30)]:
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def valid_csv() -> bytes:
    lines = ["BSN;Geboortedatum;Geslacht;Afdeling"]
    lines += [f'{100000000 + i:09d};01-02-1980;{"VM"[i % 2]};"Zorg; thuis"' for i in range(40)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if len(data) < 2:
            break
        kind = rng.random()
        position = rng.randrange(len(data))
        if kind < 0.5:
            data[position] = rng.randrange(256)
        elif kind < 0.7:
            del data[position : position + rng.randint(1, 64)]
        elif kind < 0.85:
            data[position:position] = data[position : position + rng.randint(1, 64)] * rng.randint(1, 50)
        else:
            data = data[: max(1, position)]
    return bytes(data)


_FAR = (
    "XFD1048576", "A1048576", "XFD1", "A4000000000", "ZZZZ1", "A0", "A-1", "AAAAAAAAAAAAA1",
    "A99999999999999999999",
)


def mutate_xml(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        if not text:
            break
        choice = rng.random()
        if choice < 0.3:  # a far or impossible cell reference
            references = list(re.finditer(r'r="[A-Z]*\d+"', text))
            if references:
                target = rng.choice(references)
                text = text[: target.start()] + f'r="{rng.choice(_FAR)}"' + text[target.end() :]
        elif choice < 0.45:  # a huge repeat count (ods) or dimension (xlsx)
            text = re.sub(r'number-(rows|columns)-repeated="\d+"', f'number-\\1-repeated="{rng.choice([16384, 1048576, 2**31 - 1, 2**40])}"', text, count=1)
            text = re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="A1:{rng.choice(_FAR)}"', text, count=1)
        elif choice < 0.6:  # an element cut in half
            cut = rng.randrange(len(text))
            text = text[:cut] + text[cut + rng.randint(1, 40) :]
        elif choice < 0.75:  # a value repeated many times
            values = list(re.finditer(r"<v>[^<]*</v>|<text:p>[^<]*</text:p>", text))
            if values:
                target = rng.choice(values)
                text = text[: target.end()] + target.group(0) * rng.randint(2, 200) + text[target.end() :]
        elif choice < 0.9:  # control characters and bidi overrides in a value
            text = text.replace("Zorg", rng.choice(["Zo\x1b[2Jrg", "Zorg\u202e", "\x00Zorg", "Zorg\x07"]), 1)
        else:  # a type changed to one that does not fit the value
            text = text.replace('t="s"', rng.choice(['t="n"', 't="b"', 't="e"', 't="d"', 't="x"']), 1)
    return text


def mutate_zip(data: bytes, rng: random.Random, sheet_pattern: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = source.read(info)
            if re.search(sheet_pattern, info.filename):
                member = mutate_xml(member.decode("utf-8", "replace"), rng).encode("utf-8")
            target.writestr(info.filename, member)
    return out.getvalue()


def mutants(folder: Path) -> list[str]:
    rng = random.Random(SEED)
    made = []
    originals = {
        "xlsx": (valid_xlsx(), r"^xl/worksheets/sheet\d+\.xml$|sharedStrings"),
        "ods": (valid_ods(), r"^content\.xml$"),
        "csv": (valid_csv(), None),
    }
    for suffix, (data, sheet_pattern) in originals.items():
        for number in range(MUTANTS_PER_FORMAT):
            if sheet_pattern and number % 2:
                mutant = mutate_zip(data, rng, sheet_pattern)
            else:
                mutant = mutate_bytes(data, rng)
            path = folder / f"mutant-{number:03d}.{suffix}"
            path.write_bytes(mutant)
            made.append(str(path))
    return made


def test_no_mutant_of_a_valid_file_escapes_aborts_or_exhausts_memory(tmp_path):
    paths = mutants(tmp_path)
    before = {p: Path(p).read_bytes() for p in paths}
    env = {**os.environ, "DIVERSITY_ASSISTANT_LANG": "en"}
    completed, results = run_capped(DRIVER, paths, tmp_path, cap=MEMORY_CAP, timeout=900, env=env)
    named = [line for line in completed.stderr.splitlines() if "mutant-" in line]
    last = named[-1] if named else "-"
    assert results is not None, f"the reader died (exit {completed.returncode}) on {last}"
    escaped = {p: r for p, r in results.items() if r.startswith("ESCAPED")}
    assert not escaped, "\n\n".join(f"{p}:\n{r}" for p, r in list(escaped.items())[:5])
    assert len(results) == 3 * MUTANTS_PER_FORMAT
    # the mutants did damage: many are refused, some still read (both paths are exercised)
    refused = sum(r.startswith("refused") for r in results.values())
    assert refused >= MUTANTS_PER_FORMAT
    assert sum(r.startswith("read") for r in results.values()) >= 10
    assert all(Path(p).read_bytes() == data for p, data in before.items())  # only read
