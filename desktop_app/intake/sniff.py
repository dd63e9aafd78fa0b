"""What kind of file is this? Decided by its content (magic bytes, zip manifest), never its name.

Every refusal that can be made before a reader touches the file is made here: missing, empty, too
large, not a spreadsheet, password-protected, damaged, or a zip that would unpack to gigabytes.
The limits are module constants so tests can lower them.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from desktop_app.errors import IntakeError
from desktop_app.intake.cfb import MAGIC as CFB_MAGIC
from desktop_app.intake.cfb import CfbError, inspect_cfb
from desktop_app.zip_damage import ZIP_DAMAGE

# named, not starred in the except clause: mypy reads no starred exception tuple
_ZIP_DAMAGE_OR_KEY: tuple[type[Exception], ...] = (*ZIP_DAMAGE, KeyError)

MAX_FILE_BYTES = 512 * 1024 * 1024
"""Larger files are refused before reading (an HR export of 1 million rows is well below this)."""
MAX_TOTAL_UNCOMPRESSED = 1024 * 1024 * 1024
"""A zip-based workbook whose members declare more than this unpacked size is refused."""
MAX_COMPRESSION_RATIO = 200
"""A zip member that shrank more than this ...
"""
RATIO_CHECK_MIN_BYTES = 50 * 1024 * 1024
"""... and unpacks to more than this is refused as a zip bomb."""

SPREADSHEET_FORMATS = ("xlsx", "xlsm", "xlsb", "xls", "ods")

_SNIFF_BYTES = 8192

# Content types in [Content_Types].xml -> our format name (a template reads like its workbook).
_OOXML_MAIN = (
    ("sheet.macroEnabled.main+xml", "xlsm"),
    ("template.macroEnabled.main+xml", "xlsm"),
    ("sheet.binary.macroEnabled.main", "xlsb"),
    ("spreadsheetml.sheet.main+xml", "xlsx"),
    ("spreadsheetml.template.main+xml", "xlsx"),
)
_OOXML_OTHER = (
    ("wordprocessingml", "Word (.docx)"),
    ("presentationml", "PowerPoint (.pptx)"),
    ("ms-xpsdocument", "XPS"),
    ("ms-visio", "Visio"),
)
_ODF_SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet"

_MAGIC_KINDS = (
    (b"%PDF", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"MZ", "Windows program (.exe/.dll)"),
    (b"\x7fELF", "ELF program"),
    (b"\xcf\xfa\xed\xfe", "Mach-O program"),
    (b"\xca\xfe\xba\xbe", "Mach-O program"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"\x1f\x8b", "gzip"),
    (b"{\\rtf", "RTF"),
    (b"SQLite format 3\x00", "SQLite"),
)
_HTML = re.compile(rb"^\s*(<!doctype\s+html|<html|<table|<head|<meta)", re.IGNORECASE)
_XML_SPREADSHEET_2003 = b"urn:schemas-microsoft-com:office:spreadsheet"


@dataclass(frozen=True)
class Detected:
    """The file's format and what sniffing learned on the way."""

    path: Path
    file_format: str  # "xlsx", "xlsm", "xlsb", "xls", "ods" or "csv"
    size: int
    date1904: bool = False  # known from the container for .xlsx/.xlsm and .xls


def detect(path: Path) -> Detected:
    """The file's format by content, or an :class:`IntakeError` saying why it cannot be read."""
    name = path.name
    try:
        if not path.exists():
            raise IntakeError("intake.file-not-found", file=name, path=str(path))
        if path.is_dir():
            raise IntakeError("intake.not-a-file", file=name)
        if not path.is_file():  # a FIFO would block the reader, /dev/zero never ends
            raise IntakeError("intake.not-regular-file", file=name)
        size = path.stat().st_size
        if size == 0:
            raise IntakeError("intake.file-empty", file=name)
        if size > MAX_FILE_BYTES:
            raise IntakeError(
                "intake.file-too-large",
                file=name,
                size_mb=size // (1024 * 1024),
                limit_mb=MAX_FILE_BYTES // (1024 * 1024),
            )
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
            if head.startswith(CFB_MAGIC):
                return _detect_cfb(path, handle, size)
    except OSError as error:  # permission denied, locked, network share gone
        raise IntakeError(
            "intake.cannot-open", file=name, error=error.strerror or str(error)
        ) from error

    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _detect_zip(path, size)
    for magic, kind in _MAGIC_KINDS:
        # two-letter magics ("MZ") could start a line of text; a binary header has NUL bytes
        if head.startswith(magic) and (len(magic) > 2 or b"\x00" in head[:64]):
            raise IntakeError("intake.not-a-spreadsheet", file=name, kind=kind)
    stripped = head.lstrip(b"\xef\xbb\xbf")
    if _HTML.match(stripped):
        raise IntakeError("intake.html-disguised", file=name)
    if stripped.lstrip().startswith(b"<?xml") and _XML_SPREADSHEET_2003 in head:
        raise IntakeError("intake.xml-spreadsheet", file=name)
    # Anything else is judged as text by the CSV reader (encoding, delimiter, shape).
    return Detected(path, "csv", size)


def _detect_cfb(path: Path, handle: BinaryIO, size: int) -> Detected:
    name = path.name
    try:
        info = inspect_cfb(handle, size)
    except CfbError as error:
        raise IntakeError("intake.corrupt", file=name, error=str(error)) from error
    if info.is_encrypted_ooxml or info.xls_encrypted:
        raise IntakeError("intake.encrypted", file=name)
    if info.is_xls:
        return Detected(path, "xls", size, date1904=info.xls_date1904)
    kind = "Word (.doc)" if "WordDocument" in info.streams else "OLE"
    if "PowerPoint Document" in info.streams:
        kind = "PowerPoint (.ppt)"
    raise IntakeError("intake.not-a-spreadsheet", file=name, kind=kind)


def _detect_zip(path: Path, size: int) -> Detected:
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _refuse_zip_bomb(name, infos)
            names = {info.filename for info in infos}
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:200].decode("ascii", "replace").strip()
                if mimetype == _ODF_SPREADSHEET:
                    return Detected(path, "ods", size)
                if mimetype.startswith("application/vnd.oasis.opendocument."):
                    kind = "OpenDocument " + mimetype.rsplit(".", 1)[-1]
                    raise IntakeError("intake.not-a-spreadsheet", file=name, kind=kind)
            if "[Content_Types].xml" in names:
                types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
                for marker, file_format in _OOXML_MAIN:
                    if marker in types:
                        date1904 = file_format in ("xlsx", "xlsm") and _ooxml_date1904(archive)
                        return Detected(path, file_format, size, date1904=date1904)
                for marker, kind in _OOXML_OTHER:
                    if marker in types:
                        raise IntakeError("intake.not-a-spreadsheet", file=name, kind=kind)
    except IntakeError:
        raise
    except _ZIP_DAMAGE_OR_KEY as error:
        raise IntakeError(
            "intake.corrupt", file=name, error=str(error) or type(error).__name__
        ) from error
    except OSError as error:
        raise IntakeError(
            "intake.corrupt", file=name, error=error.strerror or str(error)
        ) from error
    raise IntakeError("intake.not-a-spreadsheet", file=name, kind="ZIP")


def _refuse_zip_bomb(name: str, infos: list[zipfile.ZipInfo]) -> None:
    """Judge the central directory's declared sizes before anything is unpacked."""
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_CHECK_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise IntakeError("intake.zip-bomb", file=name)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise IntakeError("intake.zip-bomb", file=name)


_DATE1904 = re.compile(rb"<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*[\"'](1|true)[\"']")


def _ooxml_date1904(archive: zipfile.ZipFile) -> bool:
    """Whether xl/workbook.xml sets the 1904 date system (the part is small; read it whole)."""
    candidates = [n for n in archive.namelist() if n.lower() == "xl/workbook.xml"]
    if not candidates:
        return False
    info = archive.getinfo(candidates[0])
    if info.file_size > 16 * 1024 * 1024:
        return False
    return bool(_DATE1904.search(archive.read(info)))
