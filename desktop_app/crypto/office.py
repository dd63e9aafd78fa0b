"""The office's side: open a ``.p7m`` package, verify it, check the manifest, write the files.

This is what ``diversity-assistant open PACKAGE.p7m --key KEY.pem --cert CERT.pem
[--sender-cert SENDER.pem] --out DIR`` calls (:func:`open_package_file`). Nothing is written unless
every check passed: decryption, signature (and sender, when given), the zip, and every manifest
hash. The files are written into a temporary folder beside ``DIR`` that is renamed to ``DIR`` at
the end, so ``DIR`` holds all files or does not exist.

The manifest is the package builder's (``desktop_app.package.build``): the zip holds
``manifest.json`` listing every file with its SHA-256, and :func:`~desktop_app.package.build.verify_manifest`
is the one check of it. Before that, this module refuses what a zip must not hold: unsafe or
duplicate names (absolute, ``..``, backslashes, drive letters, names Windows would trim), too many
files or too many bytes, and members that inflate beyond their declared size.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.crypto.envelope import OpenedPackage, open_envelope
from desktop_app.crypto.errors import CryptoError
from desktop_app.crypto.recipient import load_certificate
from desktop_app.messages import LANGUAGES, LocalizedText

MAX_TOTAL_BYTES = 2 * 1024**3
MAX_FILES = 10_000
_SAFE_PART = re.compile(r"^[^\x00-\x1f<>:\"|?*\\]+$")


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
    recipient_key = load_private_key(_read(key), source=str(key), passphrase=key_passphrase)
    recipient_certificate = load_certificate(_read(certificate), source=str(certificate))
    expected = (
        load_certificate(_read(sender_certificate), source=str(sender_certificate))
        if sender_certificate is not None
        else None
    )
    opened = open_envelope(_read(package), recipient_key, recipient_certificate, expected)
    files = unpack_verified(opened.payload)
    written = _write_folder(out, files)
    return OpenedFiles(out, written, opened.signer_fingerprint, opened)


def load_private_key(
    data: bytes, source: str = "-", passphrase: bytes | None = None
) -> rsa.RSAPrivateKey:
    """An RSA private key from PEM or DER (PKCS#1 or PKCS#8, encrypted if a passphrase is given)."""
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            key = serialization.load_pem_private_key(data, passphrase)
        else:
            key = serialization.load_der_private_key(data, passphrase)
    except (ValueError, TypeError) as error:
        raise CryptoError("crypto.open-key-unreadable", file=source) from error
    if not isinstance(key, rsa.RSAPrivateKey):
        raise CryptoError("crypto.open-key-not-rsa")
    return key


def unpack_verified(payload: bytes) -> dict[str, bytes]:
    """The files of the zipped package by relative path, after every manifest check passed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(payload))
        members = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, ValueError) as error:
        raise CryptoError("crypto.package-not-zip") from error
    if len(members) > MAX_FILES or sum(info.file_size for info in members) > MAX_TOTAL_BYTES:
        raise CryptoError("crypto.package-too-large", limit=f"{MAX_TOTAL_BYTES // 1024**2} MB")
    names = [info.filename for info in members]
    for name in names:
        _check_name(name)
    if len(set(names)) != len(names):
        duplicate = next(name for name in names if names.count(name) > 1)
        raise CryptoError("crypto.package-unsafe-name", name=duplicate)
    contents = {info.filename: _read_member(archive, info) for info in members}
    from desktop_app.package.build import verify_manifest  # pandas: only when opening

    problems = verify_manifest(contents)
    if problems:
        joined = LocalizedText(
            {lang: " ".join(m.render(lang) for m in problems) for lang in LANGUAGES}
        )
        error = CryptoError("crypto.package-manifest-problems", problems=joined)
        error.problems = problems  # type: ignore[attr-defined]
        raise error
    return contents


def _read(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise CryptoError(
            "crypto.open-file-unreadable", file=str(path), detail=error.strerror or "-"
        ) from error


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, never more than its declared size (a lying header cannot inflate)."""
    try:
        with archive.open(info) as stream:
            data = stream.read(info.file_size + 1)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, ValueError, EOFError) as error:
        raise CryptoError("crypto.package-not-zip") from error
    if len(data) != info.file_size:
        raise CryptoError("crypto.package-not-zip")
    return data


def _check_name(name: str) -> None:
    path = PurePosixPath(name)
    if (
        not name
        or name.startswith("/")
        or "\\" in name
        or any(part in ("", ".", "..") for part in name.split("/"))
        or not all(_SAFE_PART.match(part) for part in path.parts)
        or any(part.rstrip(" .") != part for part in path.parts)  # Windows trims these
    ):
        raise CryptoError("crypto.package-unsafe-name", name=repr(name))


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
