"""A passphrase-protected 7-Zip archive (AES-256, encrypted file names), written and opened in memory.

Many public bodies accept personal data as a ``.7z`` archive protected by a passphrase given by
phone, and open it with 7-Zip. :func:`write_archive` makes such an archive with :mod:`py7zr`:

* LZMA2 compression, then 7-Zip's AES-256 (``7zAES``: AES-256-CBC, key from SHA-256 over 2^19
  rounds of salt and passphrase) over the data — never ZipCrypto;
* header encryption (``7z a -mhe=on``): without the passphrase not even the file names show;
* entirely in memory (:class:`io.BytesIO`): no plaintext touches a temporary file.

:func:`open_archive` is the office's side, and refuses anything it should not trust: a wrong
passphrase, a damaged archive, an archive whose data or names are not encrypted, entry names that
could leave a folder, and an archive bomb (declared sizes are checked before extracting and the
size is counted again while extracting). Every refusal is an :class:`ArchiveError` whose key is one
of the ``archive.*`` keys of ``resources/messages/archive.toml``.

Both sides pass the passphrase through :func:`~desktop_app.crypto.passphrase.normalise_passphrase`,
so they agree on what the secret is. The passphrase never appears in a message, a log or a file.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Mapping
from typing import Any, NoReturn

import py7zr
import py7zr.exceptions
import py7zr.io

from desktop_app.crypto.errors import CryptoError
from desktop_app.crypto.passphrase import is_generated_passphrase, normalise_passphrase

__all__ = [
    "ARCHIVE_SUFFIX",
    "MAX_ENTRIES",
    "MAX_TOTAL_SIZE",
    "ArchiveError",
    "open_archive",
    "write_archive",
]

ARCHIVE_SUFFIX = ".7z"

MAX_TOTAL_SIZE = 1024 * 1024 * 1024
"""Default cap on the uncompressed size of all entries together (1 GiB): more is a bomb."""

MAX_ENTRIES = 1000
"""Default cap on the number of entries; a submission holds a handful of files."""

_SIGNATURE = b"7z\xbc\xaf\x27\x1c"
_SIGNATURE_HEADER_SIZE = 32
_AES_METHOD = b"\x06\xf1\x07\x01"  # 7zAES (AES-256 + SHA-256 key derivation)
_FILTERS = [
    {"id": py7zr.FILTER_LZMA2, "preset": 6},
    {"id": py7zr.FILTER_CRYPTO_AES256_SHA256},
]
_FORBIDDEN_IN_NAMES = frozenset('/\\:*?"<>|')


class ArchiveError(CryptoError):
    """The archive cannot be written or opened; ``key`` is one of the ``archive.*`` keys."""


class _TooLarge(Exception):
    """Raised from inside py7zr's extraction when the entries grow past the cap."""


def _refuse(key: str, **params: Any) -> NoReturn:
    raise ArchiveError(key, **params)


def _name_is_safe(name: str) -> bool:
    """A plain file name: no folder, no way up or out, nothing Windows or a terminal mangles."""
    return (
        bool(name)
        and name not in {".", ".."}
        and name == name.strip()
        and not name.endswith(".")
        and not any(ch in _FORBIDDEN_IN_NAMES for ch in name)
        and all(ord(ch) >= 32 and ord(ch) != 127 for ch in name)
    )


def write_archive(files: Mapping[str, bytes], passphrase: str) -> bytes:
    """A ``.7z`` archive of ``files`` (name -> content), LZMA2 + AES-256, names encrypted.

    ``passphrase`` must be one made by
    :func:`~desktop_app.crypto.passphrase.generate_passphrase` (as shown or as a person retyped
    it): a passphrase a person chose would not carry the entropy a phone-delivered secret needs.
    The archive stores its canonical form, which is what 7-Zip must be given.
    """
    if not passphrase.strip():
        _refuse("archive.passphrase-empty")
    if not is_generated_passphrase(passphrase):
        _refuse("archive.passphrase-not-generated")
    if not files:
        _refuse("archive.nothing-to-write")
    for name in files:
        if not _name_is_safe(name):
            _refuse("archive.file-name-unsafe", name=name)
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(
        buffer,
        "w",
        filters=_FILTERS,
        password=normalise_passphrase(passphrase),
        header_encryption=True,
    ) as archive:
        for name, content in files.items():
            archive.writestr(bytes(content), name)
    return buffer.getvalue()


class _CappedBuffer(py7zr.io.Py7zIO):
    """One extracted entry, in memory, counted against the archive's shared budget."""

    def __init__(self, budget: _Budget) -> None:
        self._budget = budget
        self._buffer = io.BytesIO()

    def write(self, s: bytes | bytearray) -> int:
        self._budget.spend(len(s))
        return self._buffer.write(s)

    def read(self, size: int | None = None) -> bytes:
        return self._buffer.read(size)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._buffer.seek(offset, whence)

    def flush(self) -> None:
        self._buffer.flush()

    def size(self) -> int:
        return self._buffer.getbuffer().nbytes

    def getvalue(self) -> bytes:
        return self._buffer.getvalue()


class _Budget(py7zr.io.WriterFactory):
    """Hands out :class:`_CappedBuffer` s and stops extraction once ``limit`` bytes were written."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.spent = 0
        self.products: dict[str, _CappedBuffer] = {}

    def spend(self, count: int) -> None:
        self.spent += count
        if self.spent > self.limit:
            raise _TooLarge

    def create(self, filename: str) -> py7zr.io.Py7zIO:
        product = _CappedBuffer(self)
        self.products[filename] = product
        return product


def _check_container(data: bytes, source: str) -> None:
    """The 7z signature header and the next-header checksum, before any decryption.

    Both checksums cover bytes as stored (the encrypted header included), so a failure here means
    the archive was damaged on the way, not that the passphrase is wrong.
    """
    if not data.startswith(_SIGNATURE):
        _refuse("archive.not-7z", source=source)
    if len(data) < _SIGNATURE_HEADER_SIZE:
        _refuse("archive.damaged", source=source)
    (start_crc,) = struct.unpack_from("<I", data, 8)
    if zlib.crc32(data[12:_SIGNATURE_HEADER_SIZE]) != start_crc:
        _refuse("archive.damaged", source=source)
    offset, size, next_crc = struct.unpack_from("<QQI", data, 12)
    start = _SIGNATURE_HEADER_SIZE + offset
    if size == 0 or start + size > len(data):
        _refuse("archive.damaged", source=source)
    if zlib.crc32(data[start : start + size]) != next_crc:
        _refuse("archive.damaged", source=source)


def _check_names_are_encrypted(data: bytes, source: str) -> None:
    """Without a passphrase, py7zr must not be able to read the list of entries."""
    try:
        with py7zr.SevenZipFile(io.BytesIO(data), "r") as archive:
            data_encrypted = archive.needs_password()
    except py7zr.exceptions.PasswordRequired:
        return  # the header is encrypted: what we want
    except Exception:
        _refuse("archive.damaged", source=source)
    if data_encrypted:
        _refuse("archive.names-not-encrypted", source=source)
    _refuse("archive.not-encrypted", source=source)


def _folders(archive: py7zr.SevenZipFile) -> list[Any]:
    main_streams = getattr(archive.header, "main_streams", None)
    if main_streams is None:
        return []
    return list(main_streams.unpackinfo.folders)


def open_archive(
    data: bytes,
    passphrase: str,
    source: str,
    *,
    max_total_size: int = MAX_TOTAL_SIZE,
    max_entries: int = MAX_ENTRIES,
) -> dict[str, bytes]:
    """The files (name -> content) of an AES-256 ``.7z`` archive with encrypted names.

    ``source`` names the archive in messages (usually its file name). Refuses, with an
    :class:`ArchiveError`: a wrong passphrase, a damaged or non-7z file, an archive whose data or
    names are not encrypted, folders, links and unsafe entry names, more than ``max_entries``
    entries and more than ``max_total_size`` bytes once extracted (declared sizes are checked first,
    and the bytes are counted again while extracting, so a lying header cannot fill memory).
    """
    canonical = normalise_passphrase(passphrase)
    if not canonical:
        _refuse("archive.passphrase-empty")
    _check_container(data, source)
    _check_names_are_encrypted(data, source)
    try:
        archive = py7zr.SevenZipFile(
            io.BytesIO(data), "r", password=canonical, max_extract_size=max_total_size
        )
    except Exception:
        # The stored bytes passed their checksums, so the header decrypts to garbage: wrong key.
        _refuse("archive.wrong-passphrase", source=source)
    with archive:
        folders = _folders(archive)
        if not all(any(c.get("method") == _AES_METHOD for c in f.coders) for f in folders):
            _refuse("archive.not-encrypted", source=source)
        entries = list(archive.files)
        _check_entries(entries, source, max_total_size, max_entries)
        budget = _Budget(max_total_size)
        try:
            archive.extractall(factory=budget)
        except (_TooLarge, py7zr.exceptions.DecompressionBombError):
            _refuse("archive.too-large", source=source, limit=_megabytes(max_total_size))
        except MemoryError:
            _refuse("archive.too-large", source=source, limit=_megabytes(max_total_size))
        except Exception:
            _refuse("archive.damaged", source=source)
    return _collect(entries, budget, source)


def _check_entries(entries: list[Any], source: str, max_total: int, max_entries: int) -> None:
    """Names, kinds, count and declared sizes, before a byte is extracted."""
    if len(entries) > max_entries:
        _refuse("archive.too-many-entries", source=source, count=len(entries), limit=max_entries)
    seen: set[str] = set()
    declared = 0
    for entry in entries:
        name = str(entry.filename)
        if not _name_is_safe(name):
            _refuse("archive.entry-name-unsafe", source=source, name=name)
        if entry.is_directory or entry.is_symlink or entry.is_junction or entry.is_socket:
            _refuse("archive.entry-not-a-file", source=source, name=name)
        if name in seen:
            _refuse("archive.entry-duplicate", source=source, name=name)
        seen.add(name)
        declared += int(entry.uncompressed or 0)
    if declared > max_total:
        _refuse("archive.too-large", source=source, limit=_megabytes(max_total))


def _collect(entries: list[Any], budget: _Budget, source: str) -> dict[str, bytes]:
    """Every entry's bytes, checked against its declared size."""
    files: dict[str, bytes] = {}
    for entry in entries:
        name = str(entry.filename)
        product = budget.products.get(name)
        content = product.getvalue() if product is not None else b""
        if len(content) != int(entry.uncompressed or 0):
            _refuse("archive.damaged", source=source)
        files[name] = content
    return files


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"
