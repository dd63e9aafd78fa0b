"""The office's `open`: decrypt, verify, check every manifest hash, write all files or none."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from test_crypto_support import MemoryStore, make_office, write_pem

from desktop_app.crypto.envelope import seal_to_file
from desktop_app.crypto.errors import CryptoError
from desktop_app.crypto.keys import create_identity, fingerprint_hex
from desktop_app.crypto.office import open_package_file, unpack_verified
from desktop_app.crypto.recipient import check_recipient

FILES = {"tabel.csv": b"a;b\r\n1;2\r\n", "samenvatting/lees-mij.txt": "Één regel\n".encode()}


def zipped(
    files: dict[str, bytes], manifest: object | None = None, extra: dict[str, bytes] | None = None
) -> bytes:
    if manifest is None:
        manifest = {
            "files": [
                {"name": n, "sha256": hashlib.sha256(d).hexdigest()} for n, d in files.items()
            ]
        }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        for name, data in {**files, **(extra or {})}.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    folder = tmp_path_factory.mktemp("office")
    key, certificate = make_office()
    sender = create_identity(folder / "app", "org", "Org", passphrase_store=MemoryStore())
    return {
        "folder": folder,
        "recipient": check_recipient(certificate, pin=fingerprint_hex(certificate)),
        "sender": sender,
        "key": write_pem(folder / "key.pem", key),
        "cert": write_pem(folder / "cert.pem", certificate),
        "sender_cert": write_pem(folder / "sender.pem", sender.certificate),
    }


def package(setup, tmp_path: Path, payload: bytes) -> Path:
    return seal_to_file(
        tmp_path / "in" / "package.p7m", payload, setup["sender"], setup["recipient"]
    )


def open_to(setup, source: Path, out: Path, sender: Path | None = None):
    return open_package_file(source, setup["key"], setup["cert"], out, sender)


def test_open_writes_every_file_after_all_checks(setup, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    source = package(setup, tmp_path, zipped(FILES))
    result = open_to(setup, source, tmp_path / "out", setup["sender_cert"])
    assert result.signer_fingerprint == setup["sender"].fingerprint
    assert set(result.files) == {"manifest.json", *FILES}
    for name, data in FILES.items():
        assert (tmp_path / "out" / name).read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]  # no staging left


@pytest.mark.parametrize(
    ("payload", "key"),
    [
        (zipped(FILES, extra={"stowaway.exe": b"MZ"}), "package.file-unlisted"),
        (
            zipped(
                {"tabel.csv": b"x"}, manifest={"files": [{"name": "tabel.csv", "sha256": "0" * 64}]}
            ),
            "package.file-hash-mismatch",
        ),
        (
            zipped({}, manifest={"files": [{"name": "weg.csv", "sha256": "0" * 64}]}),
            "package.file-missing",
        ),
        (zipped({"../evil.txt": b"x"}), "crypto.package-unsafe-name"),
        (zipped(FILES, manifest={"files": "nope"}), "package.manifest-unreadable"),
        (b"not a zip at all", "crypto.package-not-zip"),
        (zipped(FILES, manifest={}), "package.manifest-unreadable"),
    ],
)
def test_package_problems_are_refused_and_nothing_is_written(
    setup, tmp_path: Path, payload: bytes, key: str
) -> None:
    (tmp_path / "in").mkdir()
    source = package(setup, tmp_path, payload)
    with pytest.raises(CryptoError) as caught:
        open_to(setup, source, tmp_path / "out")
    if key.startswith("package."):  # the package builder's manifest check, wrapped
        assert caught.value.key == "crypto.package-manifest-problems"
        assert [problem.key for problem in caught.value.problems] == [key]
    else:
        assert caught.value.key == key, caught.value.render("en")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_unexpected_sender_writes_nothing(setup, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    stranger = create_identity(tmp_path / "s", "x", "X", passphrase_store=MemoryStore())
    source = seal_to_file(tmp_path / "in" / "p.p7m", zipped(FILES), stranger, setup["recipient"])
    with pytest.raises(CryptoError) as caught:
        open_to(setup, source, tmp_path / "out", setup["sender_cert"])
    assert caught.value.key == "crypto.signature-unexpected-sender"
    assert not (tmp_path / "out").exists()


def test_flipped_byte_in_package_file_writes_nothing(setup, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    source = package(setup, tmp_path, zipped({"big.csv": os.urandom(50_000)}))
    data = bytearray(source.read_bytes())
    data[len(data) - 20_000] ^= 0x80
    source.write_bytes(bytes(data))
    with pytest.raises(CryptoError) as caught:
        open_to(setup, source, tmp_path / "out")
    assert caught.value.key == "crypto.signature-digest-mismatch"
    assert not (tmp_path / "out").exists()


def test_output_folder_must_be_new_or_empty(setup, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    source = package(setup, tmp_path, zipped(FILES))
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "old.txt").write_text("keep")
    with pytest.raises(CryptoError) as caught:
        open_to(setup, source, tmp_path / "out")
    assert caught.value.key == "crypto.package-out-not-empty"
    (tmp_path / "empty").mkdir()
    assert open_to(setup, source, tmp_path / "empty").folder == tmp_path / "empty"


@pytest.mark.parametrize("name", ["/abs.txt", "a\\b.txt", "a/./b", "con:txt", "trailing. "])
def test_unsafe_names(name: str) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"files": []}))
        archive.writestr(zipfile.ZipInfo(name), b"x")
    with pytest.raises(CryptoError) as caught:
        unpack_verified(buffer.getvalue())
    assert caught.value.key == "crypto.package-unsafe-name"


def test_a_zip_from_the_package_builder_unpacks() -> None:
    import datetime as dt

    from desktop_app.package.build import MANIFEST_NAME, zip_files

    files = dict(FILES)
    files[MANIFEST_NAME] = json.dumps(
        {"files": [{"name": n, "sha256": hashlib.sha256(d).hexdigest()} for n, d in FILES.items()]}
    ).encode()
    payload = zip_files(files, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert unpack_verified(payload) == files
