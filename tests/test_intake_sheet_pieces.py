"""A large xlsx sheet read in pieces (``intake.sheet_pieces``) gives exactly the cells and merged
ranges calamine gives when it reads the sheet in one go, or is not used at all.

The pieces are forced onto small sheets here (no minimum size, pieces of a few hundred bytes), so
that cuts fall between most rows. The sheets are written by real writers (openpyxl: shared
strings; xlsxwriter: shared strings, or inline strings in constant-memory mode) or, for the forms
the pieces must refuse, by hand.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import threading
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from test_intake_refusals import CORPUS

from desktop_app.errors import IntakeError
from desktop_app.intake import excel_reader, extent, read_table, sheet_pieces
from desktop_app.intake.table import Grid
from tests.intake_helpers import refused

KEEP = 1 << 30


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheet_pieces, "MIN_SHEET_BYTES", 0)
    monkeypatch.setattr(sheet_pieces, "MAX_PIECE_BYTES", 300)


def one_parse(data: bytes, sheet: str) -> tuple[Grid, tuple]:
    with excel_reader.open_workbook(Path("book.xlsx"), data) as workbook:
        whole = excel_reader.read_sheet(workbook, sheet, "book.xlsx")
    return Grid.from_rows(whole.rows), whole.merged


def cells(grid: Grid) -> list[list[tuple[type, Any]]]:
    """Every cell with its type: 1 and 1.0 and True must not pass for each other."""
    return [[(type(v), v) for v in column] for column in grid.columns]


def in_pieces(data: bytes, sheet: str, workers: int = 2) -> sheet_pieces.PieceRead | None:
    kept = extent.check_sheet(data, "xlsx", sheet, "book.xlsx", keep_xml=KEEP)
    assert kept is not None, "the fast scan keeps the XML of a regular sheet"
    return sheet_pieces.read_in_pieces(data, kept, sheet, workers)


def assert_same_as_one_parse(data: bytes, sheet: str, workers: int = 2) -> int:
    read = in_pieces(data, sheet, workers)
    assert read is not None, "these sheets can be read in pieces"
    grid, merged = one_parse(data, sheet)
    assert (read.grid.n_rows, len(read.grid.columns)) == (grid.n_rows, len(grid.columns))
    assert cells(read.grid) == cells(grid)
    assert read.merged == merged
    return read.pieces


# --- sheets by real writers --------------------------------------------------------------------

TEXTS = ["Jansen", "<b>&amp;", 'a "quote"', "é ß 中文 🙂", " lead", "tab\there", "line\nbreak",
         "</row><row r=\"9\">", "<![CDATA[x]]>", "<!-- no -->", "=1+1", "0612345678"]


def random_value(rng: random.Random) -> Any:
    kind = rng.randrange(9)
    if kind == 0:
        return rng.randint(-10**6, 10**9)
    if kind == 1:
        return rng.uniform(-1e6, 1e6)
    if kind == 2:
        return rng.choice(TEXTS)
    if kind == 3:
        return rng.random() < 0.5
    if kind == 4:
        return dt.datetime(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 30000))
    if kind == 5:
        return dt.datetime(2020, 5, 17, rng.randint(0, 23), rng.randint(0, 59))
    if kind == 6:
        return f"P{rng.randint(0, 99999):05d}"
    return None  # a blank cell


def random_table(rng: random.Random) -> tuple[int, int, list[list[Any]]]:
    """(first row, first column, rows): blank rows and columns, ragged ends, a far last row."""
    first_row, first_column = rng.choice([(0, 0), (0, 0), (3, 2), (1, 0)])
    rows = []
    for _ in range(rng.randint(1, 80)):
        if rng.random() < 0.1:
            rows.append([])  # a blank row
            continue
        width = rng.randint(1, 9)
        rows.append([random_value(rng) for _ in range(width)])
    if rng.random() < 0.2:
        rows += [[] for _ in range(rng.randint(1, 30))] + [["end"]]
    return first_row, first_column, rows


def write_openpyxl(path: Path, table: tuple[int, int, list[list[Any]]], merges: list[str]) -> None:
    first_row, first_column, rows = table
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Personeel"
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if value is not None:
                cell = sheet.cell(first_row + i + 1, first_column + j + 1, value)
                if isinstance(value, dt.datetime):
                    cell.number_format = "dd-mm-yyyy"
    for merge in merges:
        sheet.merge_cells(merge)
    book.create_sheet("Tweede")["A1"] = "other"
    book.save(path)


def write_xlsxwriter(
    path: Path, table: tuple[int, int, list[list[Any]]], merges: list[str], constant: bool
) -> None:
    first_row, first_column, rows = table
    book = xlsxwriter.Workbook(str(path), {"constant_memory": constant, "strings_to_formulas": False})
    sheet = book.add_worksheet("Personeel")
    dates = book.add_format({"num_format": "dd-mm-yyyy"})
    styled = book.add_format({"bold": True})
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            r, c = first_row + i, first_column + j
            if value is None:
                if (i + j) % 5 == 0:
                    sheet.write_blank(r, c, None, styled)  # a styled empty cell: no value
            elif isinstance(value, dt.datetime):
                sheet.write_datetime(r, c, value, dates)
            else:
                sheet.write(r, c, value)
    if not constant:
        for merge in merges:
            sheet.merge_range(merge, None)
    book.close()


@pytest.mark.parametrize("writer", ["openpyxl", "xlsxwriter", "xlsxwriter-constant-memory"])
def test_pieces_give_the_cells_and_merged_ranges_of_one_parse(
    tmp_path: Path, small_pieces: None, writer: str
) -> None:
    rng = random.Random(f"pieces-{writer}")
    counts = []
    for number in range(25):
        table = random_table(rng)
        merges = rng.choice([[], ["A1:B1"], ["C3:D5", "F1:F2"]])
        path = tmp_path / f"{number}.xlsx"
        if writer == "openpyxl":
            write_openpyxl(path, table, merges)
        else:
            write_xlsxwriter(path, table, merges, constant=writer.endswith("memory"))
        data = path.read_bytes()
        read = in_pieces(data, "Personeel", workers=rng.choice([2, 3]))
        if read is None:  # a sheet with a single row has nowhere to be cut
            assert sum(1 for row in table[2] if row) <= 1 or not any(
                v is not None for row in table[2] for v in row
            )
            continue
        counts.append(assert_same_as_one_parse(data, "Personeel", workers=2))
    assert len(counts) >= 20
    assert max(counts) >= 4  # cuts fell between many rows


def test_a_large_sheet_is_read_in_pieces_by_default_and_the_table_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.demo_data import write_large_workbook

    path = write_large_workbook(tmp_path / "staff.xlsx", 2_000, seed=3)
    monkeypatch.setattr(sheet_pieces, "MIN_SHEET_BYTES", 64 * 1024)
    monkeypatch.setattr(sheet_pieces, "parse_workers", lambda: 2)
    used = []
    original = sheet_pieces.read_in_pieces

    def spy(*args: Any, **kwargs: Any) -> sheet_pieces.PieceRead | None:
        result = original(*args, **kwargs)
        used.append(result is not None and result.pieces)
        return result

    monkeypatch.setattr(sheet_pieces, "read_in_pieces", spy)
    pieces = read_table(path)
    assert used == [2]
    monkeypatch.setattr(sheet_pieces, "parse_workers", lambda: 1)
    whole = read_table(path)
    assert used == [2]  # one core: the XML is not even kept
    assert pieces.headers == whole.headers
    assert pieces.rows.tolist() == whole.rows.tolist()
    assert [c.tolist() for c in pieces.columns] == [c.tolist() for c in whole.columns]
    assert pieces.fingerprint == whole.fingerprint
    assert threading.active_count() == 1 or all(
        not t.name.startswith("sheet-piece") for t in threading.enumerate()
    )


# --- hand-written sheets: what the pieces refuse, and what they still read ---------------------

HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<dimension ref="A1:C40"/>')
TAIL = b'<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'


def row(number: int, *values: int) -> bytes:
    cells = b"".join(b'<c r="%s%d"><v>%d</v></c>' % (b"ABC"[j:j + 1], number, v)
                     for j, v in enumerate(values))
    return b'<row r="%d">%s</row>' % (number, cells)


def rows(first: int, last: int) -> bytes:
    return b"".join(row(n, n, n * 2, n * 3) for n in range(first, last + 1))


STYLES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          b'<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
          b'<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
          b'<borders count="1"><border/></borders>'
          b'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          b'<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          b'<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
          b"</cellXfs></styleSheet>")


def package(sheet_xml: bytes, shared: list[str] | None = None, styles: bool = False) -> bytes:
    """A minimal workbook that calamine opens: one sheet, optional shared strings and styles (with
    a date format as style 1)."""
    buffer = io.BytesIO()
    strings = b""
    if shared is not None:
        items = b"".join(b"<si><t>%s</t></si>" % s.encode() for s in shared)
        strings = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   b'count="%d" uniqueCount="%d">%s</sst>' % (len(shared), len(shared), items))
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml",
                         b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                         b'<Default Extension="xml" ContentType="application/xml"/>'
                         b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                         b"</Types>")
        archive.writestr("_rels/.rels",
                         b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                         b"</Relationships>")
        archive.writestr("xl/workbook.xml",
                         b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                         b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                         b'<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        relationships = (b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>')
        if shared is not None:
            relationships += (b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
            archive.writestr("xl/sharedStrings.xml", strings)
        if styles:
            relationships += (b'<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>')
            archive.writestr("xl/styles.xml", STYLES)
        archive.writestr("xl/_rels/workbook.xml.rels",
                         b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         + relationships + b"</Relationships>")
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return buffer.getvalue()


def test_hand_written_sheet_with_merges_gaps_and_shared_strings(small_pieces: None) -> None:
    body = (rows(1, 5) + b'<row r="6"><c r="A6" s="1"/></row>' + rows(7, 9)
            + b'<row r="12"><c r="B12" t="s"><v>1</v></c><c r="C12" t="inlineStr"><is><t>x</t></is></c></row>'
            + b'<row r="13"/><row r="20" spans="1:3"><c r="C20" t="b"><v>1</v></c></row>'
            + b'<row r="21"><c r="A21" t="e"><v>#N/A</v></c><c r="B21"><f>1+1</f><v>2</v></c></row>')
    merges = b'<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C7:C9"/></mergeCells>'
    xml = HEAD + b"<sheetData>" + body + b"</sheetData>" + merges + TAIL
    assert assert_same_as_one_parse(package(xml, ["nul", "een"]), "S", workers=3) >= 3


def test_a_piece_without_values_leaves_blank_rows(small_pieces: None) -> None:
    empty = b"".join(b'<row r="%d"><c r="A%d" s="1"/></row>' % (n, n) for n in range(6, 30))
    xml = HEAD + b"<sheetData>" + rows(1, 5) + empty + rows(30, 33) + b"</sheetData>" + TAIL
    assert assert_same_as_one_parse(package(xml), "S", workers=3) >= 3


REFUSED = {
    "comment between rows": rows(1, 8) + b'<!-- </row><row r="9"><c r="A9"><v>9</v></c></row> -->' + rows(10, 20),
    "CDATA in a cell": rows(1, 8) + b'<row r="9"><c r="A9" t="inlineStr"><is><t><![CDATA[</row><row r="30">]]></t></is></c></row>' + rows(10, 20),
    "instruction": rows(1, 8) + b"<?pi x?>" + rows(9, 20),
    "rows out of order": rows(11, 20) + rows(1, 10),
    "a second sheetData": rows(1, 8) + b"<sheetData>" + rows(9, 20),
    "merged ranges among the rows": rows(1, 8) + b'<mergeCells><mergeCell ref="A1:A2"/></mergeCells>' + rows(9, 20),
    "rows on lines of their own": b"\n".join(row(n, n) for n in range(1, 30)),
}


@pytest.mark.parametrize("body", REFUSED.values(), ids=REFUSED.keys())
def test_forms_the_pieces_cannot_vouch_for_are_read_in_one_go(small_pieces: None, body: bytes) -> None:
    data = package(HEAD + b"<sheetData>" + body + b"</sheetData>" + TAIL)
    kept = extent.check_sheet(data, "xlsx", "S", "book.xlsx", keep_xml=KEEP)
    assert kept is not None
    assert sheet_pieces.read_in_pieces(data, kept, "S", 2) is None


MERGES = b'<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>'
ODD_BUT_READ_ALIKE = {  # (in the head, the rows, after the rows)
    "an early end of the rows": (b"", rows(1, 8) + b"</sheetData>" + rows(9, 20), b""),
    "a row closing more than it opens":
        (b"", rows(1, 8) + b'<row r="9"><c r="A9"><v>1</v></c></c></row>' + rows(10, 30), b""),
    "a row opening more than it closes":
        (b"", rows(1, 8) + b'<row r="9"><c r="A9"><v>1</v></row>' + rows(10, 30), b""),
    "damage after the rows": (b"", rows(1, 30), b"</worksheet></worksheet>"),
    "damage in the merged ranges": (b"", rows(1, 30), b'<mergeCells><mergeCell ref="A1:"/></mergeCells>'),
    "a comment among the merged ranges":
        (b"", rows(1, 30), b'<mergeCells count="1"><!-- x --><mergeCell ref="A1:B1"/></mergeCells>'),
    "merged ranges in the head": (MERGES, rows(1, 30), b""),
    "merged ranges twice": (MERGES, rows(1, 30), MERGES.replace(b"A1:B1", b"C3:C4")),
}


@pytest.mark.parametrize(("head", "body", "after"), ODD_BUT_READ_ALIKE.values(),
                         ids=ODD_BUT_READ_ALIKE.keys())
def test_odd_sheets_give_the_outcome_of_one_parse(
    tmp_path: Path, small_pieces: None, monkeypatch: pytest.MonkeyPatch,
    head: bytes, body: bytes, after: bytes,
) -> None:
    path = tmp_path / "book.xlsx"
    path.write_bytes(package(HEAD + head + b"<sheetData>" + body + b"</sheetData>" + after + TAIL))
    monkeypatch.setattr(sheet_pieces, "parse_workers", lambda: 1)
    whole = outcome(path)
    monkeypatch.setattr(sheet_pieces, "parse_workers", lambda: 3)
    assert outcome(path) == whole


@pytest.mark.parametrize("form", [
    b'<sheetData foo="1">',  # attributes
    b"<!-- a comment in the head --><sheetData>",
])
def test_an_unusual_head_is_read_in_one_go(small_pieces: None, form: bytes) -> None:
    data = package(HEAD + form + rows(1, 20) + b"</sheetData>" + TAIL)
    kept = extent.check_sheet(data, "xlsx", "S", "book.xlsx", keep_xml=KEEP)
    assert kept is not None
    assert sheet_pieces.read_in_pieces(data, kept, "S", 2) is None


def with_crc(data: bytes, member: str, crc: int) -> bytes:
    """The archive with ``member``'s CRC-32 changed in its local header and central directory."""
    patched = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        offset = archive.getinfo(member).header_offset
    patched[offset + 14 : offset + 18] = crc.to_bytes(4, "little")
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + name_length] == member.encode():
            patched[at + 16 : at + 20] = crc.to_bytes(4, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(patched)


def test_xml_whose_crc_is_not_the_zips_is_not_kept_and_calamine_refuses_it(
    tmp_path: Path, small_pieces: None
) -> None:
    member = "xl/worksheets/sheet1.xml"
    data = package(HEAD + b"<sheetData>" + rows(1, 200) + b"</sheetData>" + TAIL)
    assert extent.check_sheet(data, "xlsx", "S", "book.xlsx", keep_xml=KEEP) is not None
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        damaged = with_crc(data, member, archive.getinfo(member).CRC ^ 1)
    assert extent.check_sheet(damaged, "xlsx", "S", "book.xlsx", keep_xml=KEEP) is None
    path = tmp_path / "book.xlsx"
    path.write_bytes(damaged)
    refused(path, "intake.corrupt")


def outcome(path: Path) -> tuple[str, Any]:
    try:
        table = read_table(path)
    except IntakeError as error:
        return "refused", error.message.key
    return "read", (table.headers, table.rows.tolist(), [c.tolist() for c in table.columns])


@pytest.mark.parametrize("cell", [
    b'<c r="A11" t="s"><v>999999</v></c>',  # no such shared string
    b'<c r="A11" t="n"><v>not a number</v></c>',
    b'<c r="A11" t="d"><v>yesterday</v></c>',
    b'<c r="A11"><v>1</v>',  # never closed
])
def test_a_piece_that_calamine_finds_odd_gives_the_outcome_of_one_parse(
    tmp_path: Path, small_pieces: None, monkeypatch: pytest.MonkeyPatch, cell: bytes
) -> None:
    body = rows(1, 10) + b'<row r="11">' + cell + b"</row>" + rows(12, 30)
    path = tmp_path / "book.xlsx"
    path.write_bytes(package(HEAD + b"<sheetData>" + body + b"</sheetData>" + TAIL, ["a"]))
    monkeypatch.setattr(sheet_pieces, "parse_workers", lambda: 1)
    whole = outcome(path)
    monkeypatch.setattr(sheet_pieces, "parse_workers", lambda: 3)
    assert outcome(path) == whole


@pytest.mark.parametrize(("builder", "key", "kwargs"), [c[1:] for c in CORPUS],
                         ids=[c[0] for c in CORPUS])
def test_the_refusal_corpus_is_refused_alike_with_pieces(
    tmp_path: Path, small_pieces: None, monkeypatch: pytest.MonkeyPatch, builder, key, kwargs
) -> None:
    monkeypatch.setattr(sheet_pieces, "parse_workers", lambda: 3)
    refused(builder(tmp_path), key, **kwargs)


def test_parse_workers_is_at_least_one() -> None:
    assert 1 <= sheet_pieces.parse_workers() <= sheet_pieces.MAX_WORKERS


def test_duplicate_part_names_are_read_in_one_go(small_pieces: None) -> None:
    data = package(HEAD + b"<sheetData>" + rows(1, 30) + b"</sheetData>" + TAIL, ["a"])
    buffer = io.BytesIO(data)
    with pytest.warns(UserWarning, match="Duplicate name"), zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("xl/sharedStrings.xml", b"<sst/>")  # a second part of that name
    doubled = buffer.getvalue()
    kept = extent.check_sheet(doubled, "xlsx", "S", "book.xlsx", keep_xml=KEEP)
    assert kept is not None
    assert sheet_pieces.read_in_pieces(doubled, kept, "S", 2) is None


FRAGMENTS = [b"<", b">", b"/", b'"', b"</row>", b'<row r="7">', b"</c>", b'<c r="B3">', b"<v>",
             b"</v>", b"<!--", b"-->", b"<![CDATA[", b"]]>", b"<?x?>", b"</sheetData>",
             b"<sheetData>", b"<mergeCells/>", b'<mergeCell ref="A1:B2"/>', b"&amp;", b"&#0;",
             b"\x00", b"\xff", b"/>", b" ", b"\n"]


def test_damaged_sheets_give_the_outcome_of_one_parse(
    tmp_path: Path, small_pieces: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Random damage to a sheet's XML (bytes cut out, markup and fragments put in): reading it
    in pieces gives what one parse gives, a table or a refusal, every time."""
    rng = random.Random("damage")
    merges = b'<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>'
    original = HEAD + b"<sheetData>" + rows(1, 40) + b"</sheetData>" + merges + TAIL
    path = tmp_path / "book.xlsx"
    used = 0
    for _ in range(300):
        xml = bytearray(original)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(HEAD), len(xml))
            if rng.random() < 0.3:
                del xml[at : at + rng.randint(1, 12)]
            else:
                xml[at:at] = rng.choice(FRAGMENTS)
        path.write_bytes(package(bytes(xml), ["a", "b"]))
        monkeypatch.setattr(sheet_pieces, "parse_workers", lambda: 1)
        whole = outcome(path)
        monkeypatch.setattr(sheet_pieces, "parse_workers", lambda: 3)
        data = path.read_bytes()
        kept = extent.check_sheet(data, "xlsx", "S", path.name, keep_xml=KEEP)
        used += bool(kept and sheet_pieces.read_in_pieces(data, kept, "S", 3))
        assert outcome(path) == whole, bytes(xml)
    assert used >= 10  # the pieces were really used on some of them


def test_the_xml_is_kept_only_when_asked_and_up_to_the_size_asked() -> None:
    xml = HEAD + b"<sheetData>" + rows(1, 200) + b"</sheetData>" + TAIL
    data = package(xml)
    assert extent.check_sheet(data, "xlsx", "S", "book.xlsx") is None
    assert extent.check_sheet(data, "xlsx", "S", "book.xlsx", keep_xml=len(xml) - 1) is None
    kept = extent.check_sheet(data, "xlsx", "S", "book.xlsx", keep_xml=len(xml))
    assert kept is not None
    assert bytes(kept.text) == xml
    assert kept.text[kept.data_at : kept.data_at + 11] == b"<sheetData>"
    assert kept.text[kept.markup_at : kept.markup_at + 12] == b"</sheetData>"
    assert kept.balance(kept.markup_at) == 1  # <sheetData> itself, its rows balanced


EXCEL_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    b'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" '
    b'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
    b'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
    b'xr:uid="{00000000-0001-0000-0000-000000000000}"><dimension ref="A1:E60"/><sheetViews>'
    b'<sheetView tabSelected="1" workbookViewId="0"><selection activeCell="B3" sqref="B3"/></sheetView>'
    b'</sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols>'
    b'<col min="1" max="1" width="12.7109375" customWidth="1"/></cols>'
)
EXCEL_TAIL = (
    b'<mergeCells count="1"><mergeCell ref="A1:E1"/></mergeCells>'
    b'<conditionalFormatting sqref="C2:C60"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan">'
    b"<formula>0</formula></cfRule></conditionalFormatting>"
    b'<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    b'<pageSetup paperSize="9" orientation="portrait" r:id="rId1"/><extLst>'
    b'<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" '
    b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    b"<x14:conditionalFormattings><x14:conditionalFormatting "
    b'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><xm:sqref>D2:D60</xm:sqref>'
    b"</x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>"
)


def excel_row(number: int) -> bytes:
    """A row as Excel writes it: spans, dyDescent, shared strings, a date cell (style 1)."""
    return (
        b'<row r="%d" spans="1:5" x14ac:dyDescent="0.25">'
        b'<c r="A%d" t="s"><v>%d</v></c>'
        b'<c r="B%d" s="1"><v>%d</v></c>'
        b'<c r="C%d"><v>%s</v></c>'
        b'<c r="D%d" t="str"><f>A%d&amp;"x"</f><v>n%dx</v></c>'
        b'<c r="E%d" s="1"/>'
        b"</row>"
        % (number, number, number % 3, number, 40000 + number, number, str(number / 7).encode(),
           number, number, number, number)
    )


def test_an_excel_style_sheet_gives_the_cells_of_one_parse(small_pieces: None) -> None:
    """Excel's own forms: namespaces and mc:Ignorable, x14ac attributes on rows, spans, shared
    strings, dates by style, string formulas with cached values, styled empty cells, merged cells
    after the rows and an extLst of prefixed elements in the tail."""
    title = b'<row r="1" spans="1:5" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>3</v></c></row>'
    body = title + b"".join(excel_row(n) for n in range(2, 61))
    xml = EXCEL_HEAD + b"<sheetData>" + body + b"</sheetData>" + EXCEL_TAIL
    data = package(xml, ["nul", "een", "twee", "Personeel 2026"], styles=True)
    grid, _ = one_parse(data, "S")
    assert isinstance(grid.columns[1][1], (dt.date, dt.datetime))  # the style made it a date
    assert assert_same_as_one_parse(data, "S", workers=3) >= 6
