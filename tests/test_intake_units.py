"""The small parts of intake: cell text, header choice, container sniffing."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import struct
from pathlib import Path

import pytest
from intake_helpers import read, refused

from desktop_app.intake import biff, cfb, sniff
from desktop_app.intake.cells import column_text, datetime_text, duration_text, number_text
from desktop_app.intake.header import find_header_row, unique_headers

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (123456782.0, "123456782"),
        (12345672.0, "12345672"),
        (1.5, "1.5"),
        (0.1 + 0.2, "0.3"),
        (-0.0, "0"),
        (-42.0, "-42"),
        (2345.67, "2345.67"),
        (1e-7, "1e-07"),
        (123456789012345.0, "123456789012345"),
    ],
)
def test_number_text(value: float, text: str) -> None:
    assert number_text(value) == text


def test_datetime_text() -> None:
    assert datetime_text(dt.datetime(2025, 1, 31)) == "2025-01-31"
    assert datetime_text(dt.datetime(2025, 1, 31, 8, 30)) == "2025-01-31T08:30:00"
    # Excel's float serials come back a hair short of the second
    assert datetime_text(dt.datetime(2025, 1, 31, 8, 29, 59, 999_600)) == "2025-01-31T08:30:00"
    assert datetime_text(dt.datetime(2025, 1, 31, 23, 59, 59, 999_999)) == "2025-02-01"
    assert duration_text(dt.timedelta(hours=38, minutes=15)) == "38:15:00"
    assert duration_text(dt.timedelta(minutes=-90)) == "-1:30:00"


def test_column_text_mixed_types() -> None:
    values = ("", 1.0, True, 1, "0012", dt.date(2020, 2, 29), None, 2.5, False)
    assert column_text(values).tolist() == [
        "",
        "1",
        "TRUE",
        "1",
        "0012",
        "2020-02-29",
        "",
        "2.5",
        "FALSE",
    ]


def test_column_text_repeated_values_take_the_shortcut_and_agree() -> None:
    values = tuple([0.8, 1.0, 0.5] * 1000 + [1234.5])
    out = column_text(values)
    assert out.dtype == object
    assert out.tolist() == ["0.8", "1", "0.5"] * 1000 + ["1234.5"]


def test_unique_headers() -> None:
    assert unique_headers(["Naam", "", "naam", "Naam", " Geboorte-\ndatum "], [0, 1, 2, 3, 4]) == (
        "Naam",
        "(B)",
        "naam (C)",
        "Naam (D)",
        "Geboorte- datum",
    )


def test_find_header_row() -> None:
    rows = [
        ["Personeelsoverzicht 2025", "", "", ""],
        ["Peildatum", dt.date(2025, 1, 1), "", ""],
        ["", "", "", ""],
        ["Naam", "BSN", "Geslacht", "Afdeling"],
        ["Jansen", 12345672.0, "V", "HR"],
    ]
    assert find_header_row(rows) == 3
    assert find_header_row([["", ""], ["", None]]) is None
    assert find_header_row([["", ""], ["alleen", ""]]) == 1
    # numbers in every cell: no row is wordy, the first wide row is taken
    assert find_header_row([["x"], [1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]) == 1
    # hints beat the shape rule
    assert find_header_row([*rows[:3], ["a", "b", "c", "d"], *rows[3:]], ["geslacht", "BSN"]) == 4


def test_biff_records_tell_encryption_and_date_system() -> None:
    def record(kind: int, body: bytes) -> bytes:
        return struct.pack("<HH", kind, len(body)) + body

    bof = record(0x0809, b"\x00\x06\x05\x00" + b"\x00" * 12)
    assert biff.workbook_globals(bof + record(0x0022, b"\x01\x00") + record(0x000A, b"")) == (
        False,
        True,
    )
    assert biff.workbook_globals(bof + record(0x002F, b"\x01\x00" * 3) + b"\xff" * 40) == (True, False)


def test_encrypted_xls_is_refused(tmp_path: Path) -> None:
    """The fixture with its first record after BOF turned into FILEPASS (same length)."""
    data = bytearray((FIXTURES / "personeel.xls").read_bytes())
    bof = data.index(b"\x09\x08\x10\x00\x00\x06\x05\x00")
    following = bof + 4 + 16
    struct.pack_into("<H", data, following, 0x002F)
    path = tmp_path / "beveiligd.xls"
    path.write_bytes(bytes(data))
    refused(path, "intake.encrypted")


def test_damaged_compound_file_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "stuk.xls"
    path.write_bytes((FIXTURES / "personeel.xls").read_bytes()[:700])
    refused(path, "intake.corrupt")


def test_cfb_reader_lists_streams_of_the_fixture() -> None:
    data = (FIXTURES / "personeel.xls").read_bytes()
    info = cfb.inspect_cfb(io.BytesIO(data), len(data))
    assert "Workbook" in info.streams
    assert info.is_xls
    assert not info.is_encrypted_ooxml
    assert not info.xls_encrypted


def test_hostile_compound_file_is_refused_before_olefile_reads_it(tmp_path: Path) -> None:
    """A header declaring 2**32 FAT sectors (olefile would walk a looping DIFAT that long) and a
    Workbook stream declaring 4 GB (olefile reads a stream whole, following a looping chain) are
    refused as damage from what the file can hold."""
    data = (FIXTURES / "personeel.xls").read_bytes()
    fat = bytearray(data)
    struct.pack_into("<I", fat, 0x2C, 0xFFFFFFF0)
    struct.pack_into("<II", fat, 0x44, 1, (0xFFFFFFF0 - 109 + 126) // 127)
    with pytest.raises(cfb.CfbError, match="more sectors than the file holds"):
        cfb.inspect_cfb(io.BytesIO(bytes(fat)), len(fat))
    stream = bytearray(data)
    entry = stream.index("Workbook".encode("utf-16-le"))
    struct.pack_into("<I", stream, entry + 120, 0xFFFFFF00)
    with pytest.raises(cfb.CfbError, match="more than the file holds"):
        cfb.inspect_cfb(io.BytesIO(bytes(stream)), len(stream))
    path = tmp_path / "groot.xls"
    path.write_bytes(bytes(stream))
    refused(path, "intake.corrupt")


def test_deep_compound_directory_is_damage_not_a_traceback() -> None:
    """olefile builds the directory tree recursively: 4000 entries nested as left siblings."""
    n, dir_sectors = 4000, 1000
    fat_count = (1 + dir_sectors + 127) // 128
    fat = [0xFFFFFFFD] * fat_count + [fat_count + i + 1 for i in range(dir_sectors - 1)]
    fat += [0xFFFFFFFE] + [0xFFFFFFFF] * (fat_count * 128 - len(fat) - 1)
    header = bytearray(512)
    header[:8] = cfb.MAGIC
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<III", header, 0x2C, fat_count, fat_count, 0)
    struct.pack_into("<IIII", header, 0x38, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE)
    struct.pack_into("<109I", header, 0x4C, *range(fat_count), *[0xFFFFFFFF] * (109 - fat_count))

    def entry(name: str, kind: int, left: int, child: int) -> bytes:
        raw = (name + "\0").encode("utf-16-le")
        block = bytearray(128)
        block[: len(raw)] = raw
        struct.pack_into("<HBBIII", block, 64, len(raw), kind, 1, left, 0xFFFFFFFF, child)
        struct.pack_into("<IQ", block, 116, 0xFFFFFFFE, 0)
        return bytes(block)

    entries = [entry("Root Entry", 5, 0xFFFFFFFF, 1)]
    entries += [entry(f"s{i}", 2, i + 1 if i + 1 < n else 0xFFFFFFFF, 0xFFFFFFFF) for i in range(1, n)]
    data = bytes(header) + struct.pack(f"<{len(fat)}I", *fat) + b"".join(entries)
    with pytest.raises(cfb.CfbError):
        cfb.inspect_cfb(io.BytesIO(data), len(data))


@pytest.mark.parametrize(("name", "fmt"), [("personeel.xls", "xls"), ("personeel_1904.xls", "xls")])
def test_sniff_by_content_not_name(tmp_path: Path, name: str, fmt: str) -> None:
    disguised = tmp_path / "export.csv"
    shutil.copyfile(FIXTURES / name, disguised)
    detected = sniff.detect(disguised)
    assert detected.file_format == fmt
    assert detected.date1904 == name.endswith("1904.xls")
    assert read(disguised).n_rows == 3
