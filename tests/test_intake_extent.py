"""A stray far cell never ends the process: each file is refused (exit 2, a sentence naming the
sheet and the far cell) by the real CLI, run in a child under a 2 GiB address-space cap."""

from __future__ import annotations

import io
import random
import re
import resource
import shutil
import struct
import subprocess
import sys
import threading
import zipfile
import zlib
from pathlib import Path

import pytest
import xlsxwriter

from desktop_app.intake import extent
from tests.intake_helpers import untouched

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
HEADERS = ["Personeelsnummer", "Naam", "Geboortedatum", "Geslacht", "Postcode", "Huisnummer",
           "Afdeling", "Functieschaal", "Deeltijdfactor", "Datum in dienst", "Extra1", "Extra2",
           "Extra3"]


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def run_check(path: Path) -> subprocess.CompletedProcess[str]:
    with untouched(path):
        return subprocess.run(
            [sys.executable, "-m", "desktop_app", "--lang", "en", "check", str(path),
             "--programme", "cbs-barometer-ingezoomd"],
            cwd=ROOT, capture_output=True, text=True, timeout=300, preexec_fn=_cap_memory, check=False,
        )


def workbook(path: Path, rows: int = 20, far: tuple[int, int] | None = None,
             styled: tuple[int, int] | None = None) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Personeel")
    bold = book.add_format({"bold": True})
    sheet.write_row(0, 0, HEADERS)
    for r in range(1, rows + 1):
        sheet.write_row(r, 0, [f"P{r}", "N", "01-01-1980", "M", "1234AB", r, "ICT", "S6", 1,
                               "01-01-2020", "a", "b", "c"])
    if far:
        sheet.write(far[0], far[1], "Q7secretvalue")
    if styled:
        sheet.write_blank(styled[0], styled[1], None, bold)
    book.close()
    return path


def patched(path: Path, member_filter, edit) -> Path:
    """Rewrite members of a zip whose name passes ``member_filter`` with ``edit(bytes)``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            out.writestr(info.filename, edit(data) if member_filter(info.filename) else data)
    path.write_bytes(buffer.getvalue())
    return path


def sheet_xml(name: str) -> bool:
    return name.startswith("xl/worksheets/sheet")


def assert_refused(result: subprocess.CompletedProcess[str], cell: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    assert "Personeel" in result.stderr or "Sheet" in result.stderr
    assert cell in result.stderr, result.stderr
    assert "Q7secretvalue" not in result.stderr  # never a cell value


def assert_read(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode in (0, 1), (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("rows", "far", "cell"),
    [
        (20, (1048575, 16383), "XFD1048576"),
        (20, (1048575, 0), "A1048576"),  # 13 columns x 1,048,576 rows
        (600, (0, 16383), "XFD1"),  # 600 rows x 16,384 columns
        (20, (500000, 200), "GS500001"),
    ],
)
def test_far_value_cells_are_refused(tmp_path: Path, rows: int, far: tuple[int, int],
                                     cell: str) -> None:
    path = workbook(tmp_path / "far.xlsx", rows, far=far)
    assert_refused(run_check(path), cell)


def test_a_styled_empty_far_cell_is_read(tmp_path: Path) -> None:
    path = workbook(tmp_path / "styled.xlsx", styled=(1048575, 16383))
    assert b'r="XFD1048576"' in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    assert_read(run_check(path))


def test_a_bad_dimension_with_few_cells_is_read(tmp_path: Path) -> None:
    path = workbook(tmp_path / "dimension.xlsx")
    patched(path, sheet_xml, lambda x: re.sub(rb'<dimension ref="[^"]*"/>',
                                              b'<dimension ref="A1:XFD1048576"/>', x))
    assert_read(run_check(path))


@pytest.mark.parametrize(
    ("reference", "cell"), [(b"A4000000000", "A4000000000"), (b"ZZZZ1", "ZZZZ1")]
)
def test_cells_beyond_the_grid_are_refused(tmp_path: Path, reference: bytes, cell: str) -> None:
    path = workbook(tmp_path / "beyond.xlsx", far=(5, 5))
    patched(path, sheet_xml, lambda x: x.replace(b'r="F6"', b'r="' + reference + b'"'))
    result = run_check(path)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert cell in result.stderr
    assert "grid" in result.stderr


def test_a_far_cell_without_reference_is_placed_like_calamine(tmp_path: Path) -> None:
    # <row r="1048576"><c><v>..</v></c> ... : positions from the row and a column counter.
    path = workbook(tmp_path / "implicit.xlsx", far=(0, 16383))
    def edit(xml: bytes) -> bytes:
        return xml.replace(b"</sheetData>",
                           b'<row r="1048576"><c t="s"><v>0</v></c></row></sheetData>')
    patched(path, sheet_xml, edit)
    assert_refused(run_check(path), "1048576")


def test_xlsm_is_checked_too(tmp_path: Path) -> None:
    path = workbook(tmp_path / "far.xlsx", far=(1048575, 16383))
    target = tmp_path / "far.xlsm"
    path.rename(target)
    patched(target, lambda n: n == "[Content_Types].xml",
            lambda x: x.replace(b"spreadsheetml.sheet.main+xml",
                                b"sheet.macroEnabled.main+xml"))
    assert_refused(run_check(target), "XFD1048576")


# --- xls -----------------------------------------------------------------------------------------

def _xls_records(data: bytes):
    """(offset, type, length) of BIFF records in the file bytes (the Workbook stream is stored
    contiguously in these small fixtures; records are found by walking from each BOF)."""
    for match in re.finditer(rb"\x09\x08\x10\x00", data):
        position = match.start()
        while position + 4 <= len(data):
            record, length = struct.unpack_from("<HH", data, position)
            yield position, record, length
            if record == 0x000A:
                break
            position += 4 + length


def test_xls_with_a_far_value_cell_is_refused(tmp_path: Path) -> None:
    data = bytearray((FIXTURES / "personeel.xls").read_bytes())
    for position, record, length in _xls_records(bytes(data)):
        if record in (0x0203, 0x027E, 0x00FD) and length >= 6:
            struct.pack_into("<HH", data, position + 4, 65535, 65000)  # row 65536, column 65001
            break
    path = tmp_path / "far.xls"
    path.write_bytes(bytes(data))
    result = run_check(path)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert "65536" in result.stderr


def test_xls_with_a_huge_dimensions_record_is_refused(tmp_path: Path) -> None:
    data = bytearray((FIXTURES / "personeel.xls").read_bytes())
    for position, record, length in _xls_records(bytes(data)):
        if record == 0x0200 and length == 14:
            struct.pack_into("<IIHH", data, position + 4, 0, 1048576, 0, 16384)
            break
    path = tmp_path / "dimensions.xls"
    path.write_bytes(bytes(data))
    result = run_check(path)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-2000:]


def test_the_real_xls_fixture_is_accepted() -> None:
    data = (FIXTURES / "personeel.xls").read_bytes()
    import python_calamine

    name = python_calamine.CalamineWorkbook.from_path(str(FIXTURES / "personeel.xls")).sheet_names[0]
    measured = extent.measure_sheet(data, "xls", name)
    assert measured is not None
    assert measured.values > 0
    extent.judge(measured, "personeel.xls", name)


# --- ods -----------------------------------------------------------------------------------------

def ods(path: Path, far_repeat: int | None, empty_tail: bool = True) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Personeel")
    for r in range(20):
        row = TableRow()
        for c in range(13):
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=HEADERS[c] if r == 0 else f"v{r}"))
            row.addElement(cell)
        table.addElement(row)
    if far_repeat:
        row = TableRow(numberrowsrepeated=far_repeat)
        cell = TableCell(valuetype="string", numbercolumnsrepeated=16384)
        cell.addElement(P(text="Q7secretvalue"))
        row.addElement(cell)
        table.addElement(row)
    if empty_tail:  # what LibreOffice writes: the rest of the grid as repeated empty rows
        row = TableRow(numberrowsrepeated=1048000)
        row.addElement(TableCell(numbercolumnsrepeated=1024))
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def test_ods_with_repeated_far_content_is_refused(tmp_path: Path) -> None:
    path = ods(tmp_path / "far.ods", far_repeat=1000, empty_tail=False)
    result = run_check(path)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert "Q7secretvalue" not in result.stderr


def test_ods_with_repeated_empty_rows_is_read(tmp_path: Path) -> None:
    path = ods(tmp_path / "tail.ods", far_repeat=None)
    measured = extent.measure_sheet(path.read_bytes(), "ods", "Personeel")
    assert measured is not None
    assert measured.last_row == 20
    assert measured.last_column == 13
    assert_read(run_check(path))


# --- the scanner in-process ----------------------------------------------------------------------

def test_fast_and_exact_scans_agree(tmp_path: Path) -> None:
    path = workbook(tmp_path / "w.xlsx", rows=300, far=(400, 20), styled=(5000, 300))
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        exact = extent._exact_xlsx(extent._inflated(archive, "xl/worksheets/sheet1.xml"))
    assert (exact.last_row, exact.last_column) == (401, 21)
    assert exact.values == 13 * 301 + 1
    measured = extent.measure_sheet(data, "xlsx", "Personeel")
    assert measured is not None
    extent.judge(measured, "w.xlsx", "Personeel")


def test_references() -> None:
    assert extent.cell_reference(1048576, 16384) == "XFD1048576"
    assert extent.column_number(b"XFD") == 16384
    assert extent.column_letters(28) == "AB"


def test_sheets_with_data_skips_a_far_sheet(tmp_path: Path) -> None:
    book = xlsxwriter.Workbook(str(tmp_path / "two.xlsx"))
    book.add_worksheet("Leeg")
    other = book.add_worksheet("Ver")
    other.write(0, 0, "a")
    other.write(1048575, 16383, "Q7secretvalue")
    book.close()
    shutil.copy(tmp_path / "two.xlsx", tmp_path / "copy.xlsx")
    result = run_check(tmp_path / "two.xlsx")
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-2000:]


# --- the vectorised scan against the exact one ---------------------------------------------------

def _random_reference(rng: random.Random) -> bytes:
    kind = rng.random()
    if kind < 0.6:
        column, row = rng.randint(1, 40), rng.randint(1, 3000)
    elif kind < 0.8:
        column, row = rng.randint(1, 16384), rng.randint(1, 1048576)
    elif kind < 0.9:  # beyond the grid, still canonical
        column, row = rng.randint(16385, 200000), rng.randint(1048577, 99999999)
    else:  # 4 letters, 8+ digits, row 0, leading zeros, lower case
        return rng.choice([b"ZZZZ1", b"A4000000000", b"B0", b"C007", b"d5", b"xfd12", b"AB01234567"])
    text = extent.column_letters(column).encode() + str(row).encode()
    return text if rng.random() < 0.9 else text.lower()


def _random_cell(rng: random.Random) -> bytes:
    head = b'<c r="' + _random_reference(rng) + b'"' + rng.choice([b"", b' s="3"', b' t="s"'])
    form = rng.randrange(12)
    bodies = {
        0: b"/>",  # styled empty
        1: b"></c>",
        2: b"><v>7</v></c>",
        3: b' t="inlineStr"><is><t>x</t></is></c>',
        4: b"><f>SUM(A1:A2)</f><v>3</v></c>",  # formula with its cached value
        5: b"><f>SUM(A1:A2)</f></c>",  # formula only: no value
        6: b'><f t="shared" si="0"/><v>1</v></c>',
        7: b'><f t="shared" si="0"/></c>',
        8: b"><v/></c>",
        9: b' t="inlineStr"><is><r><rPr><i/><color rgb="FF0000"/></rPr><t>y</t></r></is></c>',
        10: b">\n  <v>5</v>\n</c>",  # whitespace between the tags
        11: b"><v>2</v></c>",
    }
    return head + bodies[form]


def _random_sheet(rng: random.Random) -> bytes:
    rows = []
    for number in range(1, rng.randint(1, 60)):
        cells = b"".join(_random_cell(rng) for _ in range(rng.randint(0, 12)))
        rows.append(b'<row r="%d">' % number + cells + b"</row>" if cells or rng.random() < 0.5
                    else b'<row r="%d"/>' % number)
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="x">'
            b'<dimension ref="A1:B2"/><cols><col min="1" max="2"/></cols><sheetData>'
            + b"".join(rows) + b"</sheetData><conditionalFormatting><cfRule/></conditionalFormatting>"
            b"</worksheet>")


def _xlsx_of(sheet: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml",
                         b'<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels",
                         b'<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
                         b"</Relationships>")
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()


@pytest.mark.parametrize("piece", [64, 1 << 21])
def test_the_vectorised_scan_agrees_with_the_exact_scan(monkeypatch, piece: int) -> None:
    monkeypatch.setattr(extent, "_SCAN_PIECE", piece)  # small pieces: cuts between most cells
    rng = random.Random(20240605 + piece)
    for _ in range(300):
        data = _xlsx_of(_random_sheet(rng))
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            exact = extent._exact_xlsx(extent._inflated(archive, "xl/worksheets/sheet1.xml"))
            fast = extent._fast_xlsx(archive, "xl/worksheets/sheet1.xml")  # never _Irregular here
        assert fast == exact
        assert extent.measure_sheet(data, "xlsx", "S") == exact


def test_the_vectorised_scan_on_a_large_sheet(monkeypatch) -> None:
    monkeypatch.setattr(extent, "_SCAN_PIECE", 1 << 16)
    rng = random.Random(7)
    cells = [b'<c r="%s%d"><v>1</v></c>' % (extent.column_letters(rng.randint(1, 30)).encode(), r)
             for r in range(1, 40000)]
    cells.insert(25000, b'<c r="AB1048576" s="2"/><c r="XFD7"><f>1</f></c><c r="C1000000"><v>1</v></c>')
    sheet = b"<worksheet><sheetData><row>" + b"".join(cells) + b"</row></sheetData></worksheet>"
    data = _xlsx_of(sheet)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        exact = extent._exact_xlsx(extent._inflated(archive, "xl/worksheets/sheet1.xml"))
        assert extent._fast_xlsx(archive, "xl/worksheets/sheet1.xml") == exact
    assert (exact.values, exact.last_row, exact.far_cell) == (40000, 1000000, "C1000000")


def test_an_irregular_cell_hands_the_sheet_to_the_exact_scan() -> None:
    sheet = (b'<worksheet><sheetData><row r="3"><c r="A3"><v>1</v></c><c t="s"><v>0</v></c>'
             b"</row></sheetData></worksheet>")
    with zipfile.ZipFile(io.BytesIO(_xlsx_of(sheet))) as archive, pytest.raises(extent._Irregular):
        extent._fast_xlsx(archive, "xl/worksheets/sheet1.xml")
    measured = extent.measure_sheet(_xlsx_of(sheet), "xlsx", "S")
    assert measured is not None
    assert (measured.values, measured.last_row, measured.last_column) == (2, 3, 2)


def test_a_broken_stream_leaves_no_thread_running() -> None:
    data = bytearray(_xlsx_of(_random_sheet(random.Random(3)) * 1))
    start = data.find(b"xl/worksheets/sheet1.xml") + 24  # the local header's name, then the data
    data[start + 20 : start + 60] = bytes(40)
    before = threading.active_count()
    extent.measure_sheet(bytes(data), "xlsx", "S")  # damage: None or an extent, never a hang
    assert threading.active_count() == before


def _prefixed(sheet: bytes, prefix: bytes = b"x") -> bytes:
    """The sheet as the .NET Open XML SDK writes it: every element with a prefix bound to the
    spreadsheet namespace on the root."""
    tagged = re.sub(rb"<(/?)([A-Za-z])", rb"<\1" + prefix + rb":\2", sheet)
    return tagged.replace(
        b"<" + prefix + b':worksheet xmlns="x">',
        b"<" + prefix + b':worksheet xmlns:' + prefix
        + b'="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    )


@pytest.mark.parametrize("piece", [64, 1 << 21])
def test_a_prefixed_sheet_is_scanned_fast_and_agrees_with_the_exact_scan(
    monkeypatch, piece: int
) -> None:
    monkeypatch.setattr(extent, "_SCAN_PIECE", piece)  # tags cut in two between chunks
    rng = random.Random(20261206 + piece)
    for _ in range(200):
        plain = _random_sheet(rng)
        prefix = rng.choice([b"x", b"main", b"ss"])
        data = _xlsx_of(_prefixed(plain, prefix))
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            member = "xl/worksheets/sheet1.xml"
            assert extent._spreadsheet_prefix(archive, member) == prefix
            exact = extent._exact_xlsx(extent._inflated(archive, member))
            fast = extent._fast_xlsx(archive, member, 0, prefix)  # never _Irregular here
        assert fast == exact
        with zipfile.ZipFile(io.BytesIO(_xlsx_of(plain))) as archive:
            assert extent._exact_xlsx(extent._inflated(archive, member)) == exact
        assert extent.measure_sheet(data, "xlsx", "S") == exact


def test_only_the_spreadsheet_namespace_makes_a_prefix() -> None:
    other = _prefixed(_random_sheet(random.Random(1))).replace(
        b"spreadsheetml/2006/main", b"example.org/other"
    )
    with zipfile.ZipFile(io.BytesIO(_xlsx_of(other))) as archive:
        assert extent._spreadsheet_prefix(archive, "xl/worksheets/sheet1.xml") == b""
    strict = _prefixed(_random_sheet(random.Random(2))).replace(
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        b"http://purl.oclc.org/ooxml/spreadsheetml/main",
    )
    with zipfile.ZipFile(io.BytesIO(_xlsx_of(strict))) as archive:
        assert extent._spreadsheet_prefix(archive, "xl/worksheets/sheet1.xml") == b"x"


def test_a_large_prefixed_sheet_never_takes_the_slow_scan(monkeypatch) -> None:
    """20,000 rows written with prefixes: the vectorised scan measures them (the element-by-element
    scan took 10.6 s for the 200,000-row benchmark written so, against 0.3 s)."""
    cells = b"".join(
        b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>x</t></is></c></row>'
        % (n, n, n, n) for n in range(1, 20001)
    )
    sheet = (b'<?xml version="1.0"?>\n<worksheet xmlns="x"><sheetData>' + cells
             + b"</sheetData></worksheet>")
    data = _xlsx_of(_prefixed(sheet))

    def slow(*args, **kwargs):
        raise AssertionError("the element-by-element scan was used")

    monkeypatch.setattr(extent, "_exact_xlsx", slow)
    measured = extent.measure_sheet(data, "xlsx", "S")
    assert (measured.values, measured.last_row, measured.last_column) == (40000, 20000, 2)


@pytest.mark.parametrize("module", ["zlib", "isal"])
def test_inflated_pieces_stay_small_even_when_highly_compressed(monkeypatch, module: str) -> None:
    """ISA-L takes its input at once and keeps the output: undrained, a highly compressed part
    came out in one piece (its whole tail at the end of the stream)."""
    if module == "isal":
        from isal import isal_zlib

        monkeypatch.setattr(extent, "_inflate_module", isal_zlib)
    else:
        monkeypatch.setattr(extent, "_inflate_module", zlib)
    rng = random.Random(5)
    for sheet, size in [
        (_random_sheet(rng), 64),  # a small part: all its input taken at the first call
        (b"<worksheet><sheetData>" + b'<row r="1"><c r="A1"><v>1</v></c></row>' * 100_000
         + b"</sheetData></worksheet>", 1 << 16),  # ~4 MB that deflate to a few KB
    ]:
        with zipfile.ZipFile(io.BytesIO(_xlsx_of(sheet))) as archive:
            pieces = list(extent._inflated(archive, "xl/worksheets/sheet1.xml", size))
        assert b"".join(pieces) == sheet
        assert max(map(len, pieces)) <= size


def test_unprefixed_holds_back_a_tag_cut_in_two() -> None:
    xml = _prefixed(_random_sheet(random.Random(9)), b"ns")
    expected = xml.replace(b"</ns:", b"</").replace(b"<ns:", b"<")
    for cut in range(1, len(xml)):
        chunks = iter([xml[:cut], xml[cut:]])
        assert b"".join(extent._unprefixed(chunks, b"ns")) == expected, cut
    rng = random.Random(10)
    for _ in range(200):
        cuts = sorted(rng.sample(range(1, len(xml)), 12))
        chunks = [xml[a:b] for a, b in zip([0, *cuts], [*cuts, len(xml)], strict=False)]
        assert b"".join(extent._unprefixed(iter(chunks), b"ns")) == expected
