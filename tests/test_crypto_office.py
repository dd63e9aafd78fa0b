"""The office's `open`: decrypt, verify, check every manifest hash, write all files or none."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import stat
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from test_crypto_support import MemoryStore, make_office, openssl, openssl_ca_office, write_pem

from desktop_app.crypto.envelope import check_signer_dates, seal, seal_to_file
from desktop_app.crypto.errors import CryptoError
from desktop_app.crypto.keys import create_identity, fingerprint_hex
from desktop_app.crypto.recipient import check_recipient, load_certificate
from desktop_app.package.open import open_package_file, unpack_verified

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


@pytest.mark.parametrize("name", ["/abs.txt", "a\\b.txt", "a/./b", "con:txt", "x\x7f.csv"])
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


# -- members: one rule each, on every platform ---------------------------------------------------


def listed_zip(members: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    """A zip whose manifest lists every member with its right hash: only the rule under test
    can refuse it."""
    buffer = io.BytesIO()
    entries = [
        {"name": info if isinstance(info, str) else info.filename, "sha256": sha(data)}
        for info, data in members
    ]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps({"files": entries}))
        for info, data in members:
            archive.writestr(info, data)
    return buffer.getvalue()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def refused_member(payload: bytes) -> CryptoError:
    with pytest.raises(CryptoError) as caught:
        unpack_verified(payload)
    return caught.value


def with_mode(name: str, mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = mode << 16
    info.create_system = 3  # Unix, as Info-ZIP and Python on Unix write it
    return info


def test_a_symlink_member_is_refused_and_never_written_as_a_file(setup, tmp_path: Path) -> None:
    link = with_mode("tabel.csv", stat.S_IFLNK | 0o777)
    payload = listed_zip([(link, b"/etc/passwd")])
    error = refused_member(payload)
    assert error.key == "crypto.package-member-not-file"
    assert "'tabel.csv'" in error.render("en")
    # the whole way, as the office opens it: nothing written, no staging folder left
    (tmp_path / "in").mkdir()
    source = package(setup, tmp_path, payload)
    with pytest.raises(CryptoError) as caught:
        open_to(setup, source, tmp_path / "out", setup["sender_cert"])
    assert caught.value.key == "crypto.package-member-not-file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


@pytest.mark.parametrize("kind", [stat.S_IFIFO, stat.S_IFCHR, stat.S_IFBLK, stat.S_IFSOCK])
def test_other_special_members_are_refused(kind: int) -> None:
    assert refused_member(listed_zip([(with_mode("x.csv", kind | 0o644), b"x")])).key == (
        "crypto.package-member-not-file"
    )


def test_ordinary_members_with_or_without_unix_mode_are_read() -> None:
    files = [
        (with_mode("a.csv", stat.S_IFREG | 0o644), b"a"),
        (with_mode("b.csv", 0o600), b"b"),  # the package builder: permissions, no type bits
        (zipfile.ZipInfo("c.csv"), b"c"),  # no mode at all (a zip made on Windows)
    ]
    assert set(unpack_verified(listed_zip(files))) == {"manifest.json", "a.csv", "b.csv", "c.csv"}


WINDOWS_NAMES = [
    "CON",
    "con",
    "Con.csv",
    "aux.csv",
    "nul.txt",
    "NUL.tar.gz",
    "prn",
    "dir/Con",
    "AUX/tabel.csv",
    "a/b/lpt1.csv",
    "COM1",
    "com9.txt",
    "LPT9",
    "COM0.csv",
    "COM\u00b9.csv",
    "CONIN$",
    "nul .txt",
    "trailing.",
    "trailing ",
    "map./tabel.csv",
    "map /tabel.csv",
]


@pytest.mark.parametrize("name", WINDOWS_NAMES)
def test_names_windows_cannot_hold_are_refused_on_every_platform(name: str) -> None:
    error = refused_member(listed_zip([(name, b"x")]))
    assert error.key == "crypto.package-windows-name", error.render("en")
    for language in ("nl", "en", "fr"):
        assert repr(name) in error.render(language)


@pytest.mark.parametrize(
    "name",
    ["console.csv", "auxiliary.txt", "COM10.csv", "LPT.txt", "nullable.csv", "con-tabel.csv",
     "a.b.c", "dir/com.csv", "prnt/x.csv", ".verborgen.csv"],
)  # fmt: skip
def test_names_that_merely_resemble_device_names_are_read(name: str) -> None:
    assert name in unpack_verified(listed_zip([(name, b"x")]))


@pytest.mark.parametrize(
    "names",
    [
        ("tabel.csv", "Tabel.CSV"),  # one file on Windows and macOS
        ("caf\u00e9.csv", "cafe\u0301.csv"),  # NFC and NFD: one file on macOS
        ("a", "a/b.csv"),  # a file that must also be a folder
        ("Map/x.csv", "map"),
    ],
)
def test_names_that_collide_once_written_are_refused(names: tuple[str, str]) -> None:
    error = refused_member(listed_zip([(name, b"x") for name in names]))
    assert error.key == "crypto.package-unsafe-name"


def test_a_member_out_of_proportion_to_its_compressed_size_is_refused_before_inflating() -> None:
    big = b"\x00" * (5 * 1024 * 1024)  # deflates about 1,000 times
    error = refused_member(listed_zip([("tabel.csv", big)]))
    assert error.key == "crypto.package-member-inflates"
    assert "200" in error.render("fr")


def test_members_together_out_of_proportion_to_the_package_are_refused() -> None:
    # each member alone is below the ratio-free size, together they are not
    members = [(f"t{i:02}.csv", b"0" * (1024 * 1024)) for i in range(20)]
    error = refused_member(listed_zip(members))
    assert error.key == "crypto.package-inflates"


def test_small_or_ordinary_members_pass_the_ratio_rules() -> None:
    import random

    rows = random.Random(5).choices(["1;M;25-34\r\n", "2;V;35-44\r\n", "3;X;<25\r\n"], k=300_000)
    table = "".join(rows).encode()  # 3 MB of three kinds of row: compresses well, not 200 times
    small = b"\x00" * (1024 * 1024)  # 1,000 times, but only 1 MiB
    files = unpack_verified(listed_zip([("tabel.csv", table), ("nul-rij.csv", small)]))
    assert files["tabel.csv"] == table
    assert files["nul-rij.csv"] == small


def lying_zip(real: bytes, declared: int) -> bytes:
    """A zip whose one member says (local header and central directory) it inflates to
    ``declared`` bytes while its deflate stream gives ``real``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("tabel.csv", real)
    data = bytearray(buffer.getvalue())
    assert data[:4] == b"PK\x03\x04"
    struct.pack_into("<L", data, 22, declared)  # local header: uncompressed size
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<L", data, central + 24, declared)  # central directory: the same
    return bytes(data)


def test_inflation_stops_at_the_first_byte_beyond_the_declared_size() -> None:
    import tracemalloc

    payload = lying_zip(b"\x00" * (200 * 1024 * 1024), declared=1000)  # 200 MB behind 1000 bytes
    assert len(payload) < 300_000
    tracemalloc.start()
    try:
        error = refused_member(payload)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.key == "crypto.package-member-longer"
    assert "1000" in error.render("en")
    assert peak < 4 * 1024 * 1024  # stopped within one step, never held the 200 MB


def test_a_member_shorter_than_declared_or_cut_off_is_damaged() -> None:
    assert refused_member(lying_zip(b"abc" * 100, declared=301)).key == "crypto.package-not-zip"
    whole = listed_zip([("tabel.csv", os.urandom(5000))])
    cut = bytearray(whole)
    start = cut.index(b"tabel.csv", cut.index(b"PK\x03\x04", 10)) + len("tabel.csv")
    cut[start + 100 : start + 4000] = bytes(3900)  # the deflate stream overwritten
    assert refused_member(bytes(cut)).key == "crypto.package-not-zip"


# -- the sender's certificate: valid now and when the package says it was signed -----------------


def identity_made_at(folder: Path, when: dt.datetime):
    """An identity whose certificate runs from ``when`` - 1 hour to ``when`` + 3 years."""
    return create_identity(folder, "org", "Org", passphrase_store=MemoryStore(), now=when)


def sealed_by(setup, tmp_path: Path, sender, at: dt.datetime) -> Path:
    """A package sealed by ``sender`` whose certificate was valid at ``at``."""
    path = tmp_path / "in" / "package.p7m"
    path.write_bytes(seal(zipped(FILES), sender, setup["recipient"], at=at))
    return path


def test_an_expired_sender_certificate_is_refused_with_its_date(setup, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    made = dt.datetime.now(dt.UTC) - dt.timedelta(days=4 * 365)
    old = identity_made_at(tmp_path / "old", made)
    expiry = old.certificate.not_valid_after_utc.date().isoformat()
    assert old.certificate.not_valid_after_utc < dt.datetime.now(dt.UTC)
    source = sealed_by(setup, tmp_path, old, made + dt.timedelta(days=30))
    sender_pem = write_pem(tmp_path / "old.pem", old.certificate)
    for sender in (sender_pem, None):  # the expected sender, or the one in the package
        with pytest.raises(CryptoError) as caught:
            open_to(setup, source, tmp_path / "out", sender)
        assert caught.value.key == "crypto.sender-expired"
        for language in ("nl", "en", "fr"):
            assert expiry in caught.value.render(language)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "old", "old.pem"]


def test_a_sender_certificate_not_yet_valid_is_refused_with_its_date(setup, tmp_path) -> None:
    (tmp_path / "in").mkdir()
    made = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    future = identity_made_at(tmp_path / "future", made)
    source = sealed_by(setup, tmp_path, future, made)
    with pytest.raises(CryptoError) as caught:
        open_to(setup, source, tmp_path / "out", write_pem(tmp_path / "f.pem", future.certificate))
    assert caught.value.key == "crypto.sender-not-yet-valid"
    start = future.certificate.not_valid_before_utc.date().isoformat()
    assert start in caught.value.render("en")
    assert not (tmp_path / "out").exists()


def test_sender_dates_at_their_edges_and_the_stated_signing_time() -> None:
    certificate = make_office()[1]
    start, end = certificate.not_valid_before_utc, certificate.not_valid_after_utc
    second = dt.timedelta(seconds=1)
    check_signer_dates(certificate, None, at=start)
    check_signer_dates(certificate, end, at=end)  # both ends belong to the validity
    cases = {
        "crypto.sender-expired": (None, end + second),
        "crypto.sender-not-yet-valid": (None, start - second),
        "crypto.sender-signed-outside-validity": (start - second, start + second),
    }
    for key, (signed, at) in cases.items():
        with pytest.raises(CryptoError) as caught:
            check_signer_dates(certificate, signed, at=at)
        assert caught.value.key == key
    with pytest.raises(CryptoError) as caught:
        check_signer_dates(certificate, end + second, at=end)
    text = caught.value.render("nl")
    assert end.date().isoformat() in text
    assert (end + second).date().isoformat() in text


def test_the_open_command_refuses_an_expired_sender_with_exit_2(setup, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    made = dt.datetime.now(dt.UTC) - dt.timedelta(days=4 * 365)
    old = identity_made_at(tmp_path / "old", made)
    source = sealed_by(setup, tmp_path, old, made + dt.timedelta(days=1))
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "open", str(source), "--key", str(setup["key"]),
         "--cert", str(setup["cert"]), "--sender-cert",
         str(write_pem(tmp_path / "old.pem", old.certificate)), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "DIVERSITY_ASSISTANT_LANG": "en"},
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert old.certificate.not_valid_after_utc.date().isoformat() in result.stderr
    assert not (tmp_path / "out").exists()


# -- key and certificates as the OpenSSL command line writes them ---------------------------------


def test_open_reads_key_and_certificates_with_text_before_their_pem_blocks(
    setup, tmp_path: Path
) -> None:
    """The office's certificate from ``openssl ca -out`` (text dump first), its key from
    ``openssl pkcs12 -nodes`` (Bag Attributes, then the certificate, then the key) and the
    sender's certificate from ``openssl x509 -text``: all read, the package opens."""
    certificate_file, key_file = openssl_ca_office(tmp_path / "ca")
    assert not key_file.read_bytes().startswith(b"-----BEGIN")
    office = load_certificate(certificate_file.read_bytes())
    recipient = check_recipient(office, pin=fingerprint_hex(office))
    (tmp_path / "in").mkdir()
    source = seal_to_file(tmp_path / "in" / "p.p7m", zipped(FILES), setup["sender"], recipient)
    sender_text = tmp_path / "sender-text.pem"
    sender_text.write_bytes(openssl("x509", "-text", "-in", setup["sender_cert"]).stdout)
    assert sender_text.read_bytes().startswith(b"Certificate:")
    result = open_package_file(source, key_file, certificate_file, tmp_path / "out", sender_text)
    assert result.signer_fingerprint == setup["sender"].fingerprint
    assert (tmp_path / "out" / "tabel.csv").read_bytes() == FILES["tabel.csv"]


# -- a damaged or hostile zip is always a refusal, never another exception ------------------------


def test_an_empty_member_name_and_a_future_zip_version_are_refusals() -> None:
    assert refused_member(listed_zip([(zipfile.ZipInfo(""), b"x")])).key == (
        "crypto.package-unsafe-name"
    )
    data = bytearray(listed_zip([("tabel.csv", b"x")]))
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 226  # "version needed to extract" 22.6: zipfile raises NotImplementedError
    assert refused_member(bytes(data)).key == "crypto.package-not-zip"


def test_random_damage_to_a_builder_zip_only_ever_gives_a_refusal() -> None:
    import random

    from desktop_app.package.build import MANIFEST_NAME, zip_files

    files = {"tabel.csv": b"a;b\r\n" * 2000, "map/x.txt": bytes(range(256)) * 20}
    files[MANIFEST_NAME] = json.dumps(
        {"files": [{"name": n, "sha256": sha(d)} for n, d in files.items()]}
    ).encode()
    base = zip_files(files, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    rng = random.Random(1)
    outcomes: dict[str, int] = {}
    for _ in range(5000):
        data = bytearray(base)
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(data))
            choice = rng.random()
            if choice < 0.6:
                data[at] = rng.randrange(256)
            elif choice < 0.8:
                del data[at : at + rng.randint(1, 50)]
            else:
                data[at:at] = rng.randbytes(rng.randint(1, 20))
        try:
            opened = unpack_verified(bytes(data))
        except CryptoError as error:  # anything else fails the test with its traceback
            outcomes[error.key] = outcomes.get(error.key, 0) + 1
        else:
            assert opened == files  # what opens is exactly what was packed
            outcomes["opened"] = outcomes.get("opened", 0) + 1
    assert outcomes["crypto.package-not-zip"] > 3000
    assert len(outcomes) >= 5
