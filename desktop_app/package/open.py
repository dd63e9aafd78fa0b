"""The office's side: open a ``.p7m`` package, verify it, check the manifest, write the files.

This is what ``diversity-assistant open PACKAGE.p7m --key KEY.pem --cert CERT.pem
[--sender-cert SENDER.pem] --out DIR`` calls (:func:`open_package_file`). Nothing is written unless
every check passed: decryption, signature (and sender, when given), the zip, and every manifest
hash. The files are written into a temporary folder beside ``DIR`` that is renamed to ``DIR`` at
the end, so ``DIR`` holds all files or does not exist.

The manifest is the package builder's (``desktop_app.package.build``): the zip holds
``manifest.json`` listing every file with its SHA-256, and :func:`~desktop_app.package.build.verify_manifest`
is the one check of it. Before that, this module refuses what a zip must not hold, one function
per rule, each with its own message, on every platform alike (a package opens the same
everywhere or nowhere):

* unsafe names: absolute, ``..``, backslashes, drive letters and other characters Windows
  forbids (:func:`_refuse_unsafe_name`);
* names Windows cannot hold: the device names CON, PRN, AUX, NUL, COM0-9, LPT0-9 (also with an
  extension, any case, in any folder of the path) and names ending in a dot or a space, which
  Windows trims (:func:`_refuse_windows_name`);
* names that collide once written: duplicates, also after case folding and Unicode
  normalisation (Windows and macOS folders), and a file that is also a folder
  (:func:`_refuse_colliding_names`);
* members that are not ordinary files: a symbolic link, a device or a FIFO in the zip's Unix
  mode bits (:func:`_refuse_special_member`); a link would otherwise be written as a plain file;
* too many files or bytes (:func:`_refuse_too_many`), and zip bombs: a member whose central
  directory size is out of proportion to its compressed size (:func:`_refuse_member_ratio`), a
  package whose members together are out of proportion to the package, e.g. members sharing
  their compressed bytes (:func:`_refuse_package_ratio`), and, while inflating, a member that
  yields more than its entry declared (:func:`_read_member` stops at the first byte too many).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import stat
import struct
import tempfile
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.bounded_read import FileKind, read_bounded
from desktop_app.crypto.envelope import OpenedPackage, open_envelope
from desktop_app.crypto.errors import CryptoError
from desktop_app.crypto.pem import PRIVATE_KEY_LABELS, pem_block
from desktop_app.crypto.recipient import load_certificate
from desktop_app.messages import LANGUAGES, LocalizedText
from desktop_app.zip_damage import ZIP_DAMAGE

MAX_TOTAL_BYTES = 2 * 1024**3
MAX_FILES = 10_000
MAX_COMPRESSION_RATIO = 200
"""A member may inflate to at most this many times its compressed size, and all members together
to this many times the package. The package builder's CSV, JSON and PDF files compress 3 to 30
times; deflate itself cannot exceed about 1,030 times, which a zip bomb uses."""
RATIO_FREE_BYTES = 1024 * 1024
"""A member (or package) that unpacks to at most this much is never judged by its ratio: a small
table of repeated codes may well compress 500 times, and 1 MiB harms nobody."""
INFLATE_CHUNK = 64 * 1024
_SAFE_PART = re.compile(r"^[^\x00-\x1f\x7f<>:\"|?*\\]+$")
_WINDOWS_DEVICE = re.compile(
    r"^(CON|PRN|AUX|NUL|(COM|LPT)[0-9\u00b9\u00b2\u00b3]|CONIN\$|CONOUT\$)$"
)
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_LOCAL_SIGNATURE = b"PK\x03\x04"


@dataclass(frozen=True)
class OpenedFiles:
    """The result of opening a package into a folder."""

    folder: Path
    files: tuple[str, ...]  # relative paths written, manifest included
    signer_fingerprint: str
    package: OpenedPackage


def open_package_file(
    package: Path,
    key: Path,
    certificate: Path,
    out: Path,
    sender_certificate: Path | None = None,
    *,
    key_passphrase: bytes | None = None,
) -> OpenedFiles:
    """Decrypt, verify and unpack ``package`` into ``out`` (which must not exist or be empty)."""
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise CryptoError("crypto.package-out-not-empty", folder=str(out))
    recipient_key = load_private_key(
        _read(key, FileKind.KEY), source=str(key), passphrase=key_passphrase
    )
    recipient_certificate = load_certificate(
        _read(certificate, FileKind.CERTIFICATE), source=str(certificate)
    )
    expected = (
        load_certificate(
            _read(sender_certificate, FileKind.CERTIFICATE), source=str(sender_certificate)
        )
        if sender_certificate is not None
        else None
    )
    opened = open_envelope(
        _read(package, FileKind.PACKAGE), recipient_key, recipient_certificate, expected
    )
    files = unpack_verified(opened.payload)
    written = _write_folder(out, files)
    return OpenedFiles(out, written, opened.signer_fingerprint, opened)


def load_private_key(
    data: bytes, source: str = "-", passphrase: bytes | None = None
) -> rsa.RSAPrivateKey:
    """An RSA private key from PEM or DER (PKCS#1 or PKCS#8, encrypted if a passphrase is given)."""
    block = pem_block(data, PRIVATE_KEY_LABELS)  # after any leading text (pkcs12 -nodes)
    try:
        if block is not None:
            key = serialization.load_pem_private_key(block, passphrase)
        else:
            key = serialization.load_der_private_key(data, passphrase)
    except (ValueError, TypeError) as error:
        raise CryptoError("crypto.open-key-unreadable", file=source) from error
    if not isinstance(key, rsa.RSAPrivateKey):
        raise CryptoError("crypto.open-key-not-rsa")
    return key


def unpack_verified(payload: bytes) -> dict[str, bytes]:
    """The files of the zipped package by relative path, after every manifest check passed."""
    payload = bytes(payload)
    try:
        archive = zipfile.ZipFile(io.BytesIO(payload))
        # folders are not written (files make their folders); an empty name is a member and
        # refused as unsafe (ZipInfo.is_dir() raises IndexError on it)
        members = [info for info in archive.infolist() if not info.filename.endswith("/")]
    except ZIP_DAMAGE as error:  # a damaged or hostile central directory
        raise CryptoError("crypto.package-not-zip") from error
    _refuse_too_many(members)
    for info in members:
        _refuse_unsafe_name(info.filename)
        _refuse_windows_name(info.filename)
        _refuse_special_member(info)
        _refuse_member_ratio(info)
    _refuse_colliding_names([info.filename for info in members])
    _refuse_package_ratio(members, len(payload))
    contents = {info.filename: _read_member(payload, info) for info in members}
    from desktop_app.package.build import verify_manifest  # pandas: only when opening

    problems = verify_manifest(contents)
    if problems:
        joined = LocalizedText(
            {lang: " ".join(m.render(lang) for m in problems) for lang in LANGUAGES}
        )
        refusal = CryptoError("crypto.package-manifest-problems", problems=joined)
        refusal.problems = problems  # type: ignore[attr-defined]
        raise refusal
    return contents


def _read(path: Path, kind: FileKind) -> bytes:
    try:
        return read_bounded(path, kind)
    except OSError as error:
        raise CryptoError(
            "crypto.open-file-unreadable", file=str(path), detail=error.strerror or "-"
        ) from error


# -- one function per rule about the members ------------------------------------------------------


def _shown(name: str) -> str:
    """A member name as a message shows it: quoted, with control and bidi characters escaped."""
    return repr(name)


def _refuse_too_many(members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_FILES or sum(info.file_size for info in members) > MAX_TOTAL_BYTES:
        raise CryptoError("crypto.package-too-large", limit=f"{MAX_TOTAL_BYTES // 1024**2} MB")


def _refuse_unsafe_name(name: str) -> None:
    """Absolute paths, ``..``, empty or ``.`` parts, backslashes, drive letters (``:``) and the
    other characters Windows forbids in a name."""
    if (
        not name
        or name.startswith("/")
        or "\\" in name
        or any(part in ("", ".", "..") for part in name.split("/"))
        or not all(_SAFE_PART.match(part) for part in name.split("/"))
    ):
        raise CryptoError("crypto.package-unsafe-name", name=_shown(name))


def _refuse_windows_name(name: str) -> None:
    """Names Windows cannot hold, refused on every platform: a device name in any part of the
    path (``CON``, ``aux.csv``, ``dir/Nul.tar.gz``, ``COM1 .txt``: Windows looks at the part
    before the first dot, trailing spaces trimmed, in any case) and a part ending in a dot or a
    space (Windows trims it, so ``a.`` would be written as ``a``)."""
    for part in name.split("/"):
        stem = part.split(".", 1)[0].rstrip(" ")
        if _WINDOWS_DEVICE.match(stem.upper()) or part.rstrip(" .") != part:
            raise CryptoError("crypto.package-windows-name", name=_shown(name))


def _refuse_special_member(info: zipfile.ZipInfo) -> None:
    """A member whose Unix mode (the high 16 bits of the external attributes, as Info-ZIP and
    Python write them) says symbolic link, device, FIFO or socket. Judged whatever system the
    zip says made it: an extractor that honours the bits would make a link."""
    kind = stat.S_IFMT(info.external_attr >> 16)
    if kind not in (0, stat.S_IFREG):
        raise CryptoError("crypto.package-member-not-file", name=_shown(info.filename))


def _refuse_member_ratio(info: zipfile.ZipInfo) -> None:
    """The central directory's declared size against the compressed size, before inflating."""
    if info.file_size > RATIO_FREE_BYTES and info.file_size > MAX_COMPRESSION_RATIO * max(
        info.compress_size, 1
    ):
        raise CryptoError(
            "crypto.package-member-inflates",
            name=_shown(info.filename),
            ratio=MAX_COMPRESSION_RATIO,
        )


def _refuse_package_ratio(members: list[zipfile.ZipInfo], package_size: int) -> None:
    """All members together against the package: members that share their compressed bytes
    (overlapping entries) pass the per-member ratio but not this one."""
    total = sum(info.file_size for info in members)
    if total > RATIO_FREE_BYTES and total > MAX_COMPRESSION_RATIO * max(package_size, 1):
        raise CryptoError("crypto.package-inflates", ratio=MAX_COMPRESSION_RATIO)


def _refuse_colliding_names(names: list[str]) -> None:
    """Two members that would land on the same file: the same name, or the same after case
    folding and NFC normalisation (Windows and macOS folders), or a file that another member
    needs as a folder."""
    seen: dict[str, str] = {}
    for name in names:
        key = unicodedata.normalize("NFC", name).casefold()
        if key in seen:
            raise CryptoError("crypto.package-unsafe-name", name=_shown(name))
        seen[key] = name
    for key, name in seen.items():
        parts = key.split("/")
        if any("/".join(parts[:depth]) in seen for depth in range(1, len(parts))):
            raise CryptoError("crypto.package-unsafe-name", name=_shown(name))


def _read_member(payload: bytes, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, inflated here in bounded steps: never more than its declared size (the
    first byte beyond it stops the inflation), and exactly that size with the declared CRC.

    The local header is read from ``payload`` directly; its name must be the central
    directory's (as zipfile requires). Only stored and deflated members, unencrypted, are read."""
    try:
        header = _LOCAL_HEADER.unpack_from(payload, info.header_offset)
    except struct.error as error:
        raise CryptoError("crypto.package-not-zip") from error
    signature, _version, _system, flags, method, *_, name_length, extra_length = header
    start = info.header_offset + _LOCAL_HEADER.size
    encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"
    data_start = start + name_length + extra_length
    raw = payload[data_start : data_start + info.compress_size]
    if (
        signature != _LOCAL_SIGNATURE
        or flags & 0x1  # encrypted
        or method != info.compress_type
        or payload[start : start + name_length] != info.orig_filename.encode(encoding)
        or len(raw) != info.compress_size
    ):
        raise CryptoError("crypto.package-not-zip")
    if method == zipfile.ZIP_STORED:
        data = raw
    elif method == zipfile.ZIP_DEFLATED:
        data = _inflate(raw, info.file_size, info.filename)
    else:
        raise CryptoError("crypto.package-not-zip")
    if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
        raise CryptoError("crypto.package-not-zip")
    return data


def _inflate(raw: bytes, declared: int, name: str) -> bytes:
    """Inflate ``raw`` (raw deflate) in steps of at most :data:`INFLATE_CHUNK` bytes; refuse at
    the first byte beyond ``declared``."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    out = bytearray()
    pending = raw
    try:
        while not inflater.eof:
            chunk = inflater.decompress(pending, INFLATE_CHUNK)
            pending = inflater.unconsumed_tail
            out += chunk
            if len(out) > declared:
                raise CryptoError("crypto.package-member-longer", name=_shown(name), size=declared)
            if not chunk and not pending:
                break  # the stream ends before its end marker: damaged (refused below)
    except zlib.error as error:
        raise CryptoError("crypto.package-not-zip") from error
    if not inflater.eof:
        raise CryptoError("crypto.package-not-zip")
    return bytes(out)


def _write_folder(out: Path, files: dict[str, bytes]) -> tuple[str, ...]:
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent))
    try:
        for name, data in sorted(files.items()):
            target = staging.joinpath(*PurePosixPath(name).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "xb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        if out.exists():
            out.rmdir()  # empty, checked before; a race that filled it fails here
        os.replace(staging, out)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        raise
    return tuple(sorted(files))


# -- the other protections: an OpenPGP message, a passphrase archive ----------------------------


@dataclass(frozen=True)
class OpenedDelivery:
    """What :func:`open_openpgp_file` and :func:`open_archive_file` wrote."""

    folder: Path
    files: tuple[str, ...]
    signer_fingerprint: str | None  # the sender's OpenPGP key, when its signature was verified
    manifest_verified: bool  # the files carried a manifest and every hash in it matched


def _refuse_full_folder(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise CryptoError("crypto.package-out-not-empty", folder=str(out))


def _checked_files(files: dict[str, bytes]) -> bool:
    """The names checked as a zip's are; the manifest's hashes when there is one. True: the
    manifest was there and verified."""
    for name in files:
        _refuse_unsafe_name(name)
        _refuse_windows_name(name)
    _refuse_colliding_names(list(files))
    if "manifest.json" not in files:
        return False
    from desktop_app.package.build import verify_manifest

    problems = verify_manifest(files)
    if problems:
        joined = LocalizedText(
            {lang: " ".join(m.render(lang) for m in problems) for lang in LANGUAGES}
        )
        raise CryptoError("crypto.package-manifest-problems", problems=joined)
    return True


def open_openpgp_file(
    package: Path,
    key_file: Path,
    out: Path,
    sender_key: Path | None = None,
    *,
    key_passphrase: str,
) -> OpenedDelivery:
    """Decrypt ``package`` (a ``.gpg`` made by the OpenPGP route) with the office's secret key
    (passphrase-protected, as GnuPG exports it), verify the sender's signature when its public
    key is given, and write the office's file (one file: named after the package without
    ``.gpg``; several: the zip's files, manifest checked) into the new folder ``out``."""
    from desktop_app.crypto.openpgp import unlock_secret_key
    from desktop_app.crypto.openpgp_open import decrypt_verified, load_sender_key

    package, out = Path(package), Path(out)
    _refuse_full_folder(out)
    key = unlock_secret_key(_read(key_file, FileKind.KEY), key_passphrase, str(key_file))
    sender = load_sender_key(sender_key) if sender_key is not None else None
    plain, signer = decrypt_verified(key, _read(package, FileKind.PACKAGE), package.name, sender)
    if plain.startswith(b"PK\x03\x04"):
        files = unpack_verified(plain)
        verified = True
    else:
        name = package.name
        for suffix in (".gpg", ".pgp", ".asc"):
            if name.lower().endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)]
                break
        files = {name: plain}
        verified = _checked_files(files)
    return OpenedDelivery(out, _write_folder(out, files), signer, verified)


def open_archive_file(package: Path, passphrase: str, out: Path) -> OpenedDelivery:
    """Open ``package`` (a ``.7z`` made by the passphrase route) with ``passphrase`` and write
    its files into the new folder ``out`` (the manifest checked when there is one)."""
    from desktop_app.crypto.archive import open_archive

    package, out = Path(package), Path(out)
    _refuse_full_folder(out)
    files = open_archive(_read(package, FileKind.PACKAGE), passphrase, package.name)
    verified = _checked_files(files)
    return OpenedDelivery(out, _write_folder(out, files), None, verified)
