"""The passphrase generator and the AES-256 .7z archive, checked against the real 7-Zip (``7z``).

The office opens our archive with 7-Zip, so 7-Zip is the judge: it must list and extract what we
wrote with the passphrase, refuse a wrong one, and show no file name without it. Our own reader
must read what 7-Zip wrote and refuse what it should not trust.
"""

from __future__ import annotations

import io
import math
import os
import random
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import py7zr
import pytest

from desktop_app.crypto import archive as archive_module
from desktop_app.crypto.archive import (
    ARCHIVE_SUFFIX,
    MAX_TOTAL_SIZE,
    ArchiveError,
    open_archive,
    write_archive,
)
from desktop_app.crypto.errors import CryptoError
from desktop_app.crypto.passphrase import (
    ALPHABET,
    GROUP_SEPARATOR,
    GROUP_SIZE,
    LOOK_ALIKES,
    MIN_BITS,
    PASSPHRASE_BITS,
    PASSPHRASE_LENGTH,
    generate_passphrase,
    is_generated_passphrase,
    normalise_passphrase,
    passphrase_bits,
)
from desktop_app.messages import LANGUAGES

SEVEN_ZIP = shutil.which("7z")
# Installed by tests/setup-system.sh (Debian package p7zip-full); no skip: the interop is the point.
assert SEVEN_ZIP, "7z (p7zip-full) is missing: run tests/setup-system.sh"

NON_ASCII_NAME = "personeel_één.csv"
ENV = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}


def seven_zip(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run 7z; stdin closed so a password prompt ends instead of waiting."""
    return subprocess.run(
        [SEVEN_ZIP, *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        stdin=subprocess.DEVNULL,
        cwd=cwd,
        env=ENV,
        timeout=120,
        check=False,
    )


def the_files() -> dict[str, bytes]:
    rng = random.Random(20240607)
    rows = "".join(
        f"{n};{rng.choice(['M', 'V', 'X'])};{rng.randint(1950, 2005)};Brussel\n"
        for n in range(60_000)
    )
    return {
        NON_ASCII_NAME: "id;naam\n1;Zoë Müller\n2;François Ñúñez\n".encode(),
        "personeel.csv": ("id;geslacht;geboortejaar;plaats\n" + rows).encode(),  # ~1.6 MB
        "bijlage.bin": rng.randbytes(2_500_000),  # incompressible, multi-MB
        "leeg.txt": b"",
    }


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return the_files()


@pytest.fixture(scope="module")
def passphrase() -> str:
    return generate_passphrase()


@pytest.fixture(scope="module")
def ours(
    tmp_path_factory: pytest.TempPathFactory, files: dict[str, bytes], passphrase: str
) -> Path:
    """Our archive on disk, for 7z to judge."""
    path = tmp_path_factory.mktemp("ours") / f"aanlevering{ARCHIVE_SUFFIX}"
    path.write_bytes(write_archive(files, passphrase))
    return path


@pytest.fixture(scope="module")
def theirs(
    tmp_path_factory: pytest.TempPathFactory, files: dict[str, bytes], passphrase: str
) -> Path:
    """An archive 7-Zip itself made, the way an office or a sender would: -mhe=on -p..."""
    folder = tmp_path_factory.mktemp("theirs")
    for name, content in files.items():
        (folder / name).write_bytes(content)
    result = seven_zip("a", "-t7z", "-mhe=on", f"-p{passphrase}", "z.7z", *files, cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "z.7z"


def refusal(data: bytes, passphrase: str, **limits: int) -> ArchiveError:
    with pytest.raises(ArchiveError) as caught:
        open_archive(data, passphrase, "aanlevering.7z", **limits)
    assert isinstance(caught.value, CryptoError)
    for language in LANGUAGES:  # the secret never travels in a message
        assert passphrase not in caught.value.render(language)
    assert passphrase not in str(caught.value)
    return caught.value


def evil_archive(name: str, passphrase: str) -> bytes:
    """What a hostile tool can write: py7zr's public writestr refuses such names, its helper does not."""
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(
        buffer,
        "w",
        filters=[{"id": py7zr.FILTER_LZMA2}, {"id": py7zr.FILTER_CRYPTO_AES256_SHA256}],
        password=passphrase,
        header_encryption=True,
    ) as hostile:
        hostile._writestr(b"owned", name)
    return buffer.getvalue()


# -- the generator ------------------------------------------------------------------------------


def test_entropy_is_computed_from_the_alphabet_and_length() -> None:
    passphrase = generate_passphrase()
    secret = passphrase.replace(GROUP_SEPARATOR, "")
    assert len(secret) == PASSPHRASE_LENGTH
    assert len(set(ALPHABET)) == len(ALPHABET)
    bits = len(secret) * math.log2(len(set(ALPHABET)))
    assert bits >= 100
    assert (
        bits
        == pytest.approx(PASSPHRASE_BITS)
        == pytest.approx(passphrase_bits(ALPHABET, len(secret)))
    )
    assert MIN_BITS >= 100
    assert passphrase_bits("ab", 10) == pytest.approx(10.0)
    assert passphrase_bits("abcdefgh", 4) == pytest.approx(12.0)
    with pytest.raises(ValueError):
        passphrase_bits("aab", 4)


def test_draws_use_the_whole_alphabet_and_no_look_alike() -> None:
    draws = [generate_passphrase() for _ in range(1000)]
    assert len(set(draws)) == 1000
    counts = Counter("".join(d.replace(GROUP_SEPARATOR, "") for d in draws))
    assert set(counts) == set(ALPHABET)
    assert not set(counts) & set(LOOK_ALIKES)
    assert not set(ALPHABET) & set(LOOK_ALIKES)
    for visual in "0Oo1lIi5Ss2Zz8Bbuv":
        assert visual in LOOK_ALIKES
    # uniform: each of the 16 characters ~ 25,000/16 = 1,562 times; a biased draw would stray far
    expected = 1000 * PASSPHRASE_LENGTH / len(ALPHABET)
    assert all(abs(count - expected) < 0.15 * expected for count in counts.values())


def test_grouping_format() -> None:
    groups = PASSPHRASE_LENGTH // GROUP_SIZE
    pattern = re.compile(
        rf"[{re.escape(ALPHABET)}]{{{GROUP_SIZE}}}"
        rf"(?:{re.escape(GROUP_SEPARATOR)}[{re.escape(ALPHABET)}]{{{GROUP_SIZE}}}){{{groups - 1}}}"
    )
    for _ in range(200):
        passphrase = generate_passphrase()
        assert pattern.fullmatch(passphrase), passphrase
        assert passphrase == passphrase.lower()


def test_normalise_accepts_what_an_office_types() -> None:
    for _ in range(100):
        passphrase = generate_passphrase()
        assert normalise_passphrase(passphrase) == passphrase
        groups = passphrase.split(GROUP_SEPARATOR)
        typed = [
            passphrase.upper(),
            " ".join(groups),
            "  " + " ".join(groups).upper() + "\n",
            "".join(groups),
            "\u00a0".join(groups),
            "–".join(groups),
            "_".join(groups).swapcase(),
            "\t" + passphrase + "  ",
        ]
        for text in typed:
            assert is_generated_passphrase(text)
            assert normalise_passphrase(text) == passphrase, text
    # anything else is used as typed, only surrounding blanks removed
    assert normalise_passphrase("  Geheim Wachtwoord ") == "Geheim Wachtwoord"
    assert not is_generated_passphrase(generate_passphrase()[:-1])
    assert not is_generated_passphrase(generate_passphrase() + "x")
    assert not is_generated_passphrase("0" * PASSPHRASE_LENGTH)


def test_normalised_variants_open_what_was_written(passphrase: str, tmp_path: Path) -> None:
    data = write_archive({"a.csv": b"1;2\n"}, " ".join(passphrase.upper().split("-")))
    assert open_archive(data, passphrase, "a.7z") == {"a.csv": b"1;2\n"}
    assert open_archive(data, f"  {passphrase.replace('-', ' ').upper()} ", "a.7z") == {
        "a.csv": b"1;2\n"
    }
    # 7-Zip does not normalise: it needs the canonical form, dashes included
    (tmp_path / "n.7z").write_bytes(data)
    assert seven_zip("t", f"-p{passphrase}", tmp_path / "n.7z").returncode == 0
    assert seven_zip("t", f"-p{passphrase.replace('-', '')}", tmp_path / "n.7z").returncode != 0


# -- 7-Zip opens what we write -------------------------------------------------------------------


def test_7z_lists_aes_lzma2_and_the_names(
    ours: Path, files: dict[str, bytes], passphrase: str
) -> None:
    result = seven_zip("l", "-slt", f"-p{passphrase}", ours)
    assert result.returncode == 0, result.stdout + result.stderr
    methods = re.findall(r"^Method = (.+)$", result.stdout, re.MULTILINE)
    assert methods
    assert all("7zAES" in method and "LZMA2" in method for method in methods), methods
    paths = set(re.findall(r"^Path = (.+)$", result.stdout, re.MULTILINE))
    assert set(files) <= paths
    assert re.search(r"^Encrypted = \+$", result.stdout, re.MULTILINE)
    assert "ZipCrypto" not in result.stdout


def test_7z_extracts_exactly_our_bytes(
    ours: Path, files: dict[str, bytes], passphrase: str, tmp_path: Path
) -> None:
    result = seven_zip("x", f"-p{passphrase}", f"-o{tmp_path}", ours)
    assert result.returncode == 0, result.stdout + result.stderr
    extracted = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    assert extracted == files
    assert len(files["bijlage.bin"]) > 2_000_000


def test_7z_refuses_a_wrong_passphrase_and_extracts_nothing(ours: Path, tmp_path: Path) -> None:
    tested = seven_zip("t", "-pWRONG", ours)
    assert tested.returncode != 0
    out = tmp_path / "out"
    extracted = seven_zip("x", "-pWRONG", f"-o{out}", ours)
    assert extracted.returncode != 0
    assert not out.exists() or not any(out.iterdir())


def test_without_the_passphrase_no_name_shows(ours: Path, files: dict[str, bytes]) -> None:
    listing = seven_zip("l", ours)
    assert listing.returncode != 0
    raw = ours.read_bytes()
    for name in files:
        stem = Path(name).stem
        assert stem not in listing.stdout + listing.stderr
        for encoding in ("utf-8", "utf-16-le"):
            assert stem.encode(encoding) not in raw
    assert b"Zo\xc3\xab" not in raw  # nor any plaintext content


def test_our_reader_reads_our_archive(ours: Path, files: dict[str, bytes], passphrase: str) -> None:
    assert open_archive(ours.read_bytes(), passphrase, ours.name) == files


# -- we open what 7-Zip writes, and refuse what we should not trust --------------------------------


def test_we_read_what_7z_wrote(theirs: Path, files: dict[str, bytes], passphrase: str) -> None:
    listing = seven_zip("l", theirs)  # 7-Zip itself encrypted the names
    assert NON_ASCII_NAME not in listing.stdout
    assert open_archive(theirs.read_bytes(), passphrase.upper().replace("-", " "), "z.7z") == files


def test_wrong_passphrase_is_refused(theirs: Path, ours: Path) -> None:
    for path in (theirs, ours):
        wrong = generate_passphrase()
        assert refusal(path.read_bytes(), wrong).key == "archive.wrong-passphrase"


def test_damaged_bytes_are_refused(theirs: Path, ours: Path, passphrase: str) -> None:
    for path in (theirs, ours):
        data = path.read_bytes()
        assert refusal(data[: len(data) - 10], passphrase).key == "archive.damaged"
        assert refusal(data[:20], passphrase).key == "archive.damaged"
        middle = bytearray(data)
        middle[len(middle) // 2] ^= 0x55  # inside the multi-MB payload
        assert refusal(bytes(middle), passphrase).key == "archive.damaged"
        tail = bytearray(data)
        tail[-3] ^= 0x01  # inside the (checksummed) next header
        assert refusal(bytes(tail), passphrase).key == "archive.damaged"
        start = bytearray(data)
        start[15] ^= 0x01  # inside the signature header
        assert refusal(bytes(start), passphrase).key == "archive.damaged"
    assert refusal(b"PK\x03\x04 not a 7z", passphrase).key == "archive.not-7z"


def test_unencrypted_and_name_revealing_archives_are_refused(
    tmp_path: Path, passphrase: str
) -> None:
    (tmp_path / NON_ASCII_NAME).write_bytes(b"1;2\n")
    made = {
        "plain.7z": ("a", "plain.7z", NON_ASCII_NAME),
        "names.7z": ("a", f"-p{passphrase}", "-mhe=off", "names.7z", NON_ASCII_NAME),
    }
    for args in made.values():
        result = seven_zip(*args, cwd=tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
    assert refusal((tmp_path / "plain.7z").read_bytes(), passphrase).key == "archive.not-encrypted"
    names = refusal((tmp_path / "names.7z").read_bytes(), passphrase)
    assert names.key == "archive.names-not-encrypted"


def test_unsafe_names_are_refused(tmp_path: Path, passphrase: str) -> None:
    for name in ("../evil.csv", "/etc/evil.csv", "..\\evil.csv", "C:evil.csv", "map/evil.csv"):
        refused = refusal(evil_archive(name, passphrase), passphrase)
        assert refused.key == "archive.entry-name-unsafe", name
    # a folder as 7-Zip stores it
    (tmp_path / "map").mkdir()
    (tmp_path / "map" / "a.csv").write_bytes(b"1\n")
    result = seven_zip("a", "-mhe=on", f"-p{passphrase}", "dir.7z", "map", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    refused = refusal((tmp_path / "dir.7z").read_bytes(), passphrase)
    assert refused.key == "archive.entry-not-a-file"  # the folder entry "map" comes first


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory, passphrase: str) -> bytes:
    """64 MB of zeros, compressed by 7-Zip to a few kB."""
    folder = tmp_path_factory.mktemp("bomb")
    (folder / "nullen.csv").write_bytes(bytes(64_000_000))
    result = seven_zip(
        "a", "-mx1", "-mhe=on", f"-p{passphrase}", "bomb.7z", "nullen.csv", cwd=folder
    )
    assert result.returncode == 0, result.stdout + result.stderr
    data = (folder / "bomb.7z").read_bytes()
    assert len(data) < 100_000
    return data


def test_a_bomb_is_refused_on_its_declared_size(bomb: bytes, passphrase: str) -> None:
    refused = refusal(bomb, passphrase, max_total_size=10_000_000)
    assert refused.key == "archive.too-large"
    assert open_archive(bomb, passphrase, "bomb.7z", max_total_size=64_000_000) == {
        "nullen.csv": bytes(64_000_000)
    }


def test_a_bomb_that_lies_about_its_size_is_stopped_while_extracting(
    bomb: bytes, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a header that under-declares is modelled by skipping the declared-size check
    monkeypatch.setattr(archive_module, "_check_entries", lambda *args: None)
    assert refusal(bomb, passphrase, max_total_size=10_000_000).key == "archive.too-large"


def test_the_default_cap_stops_a_gigabyte_bomb(tmp_path: Path, passphrase: str) -> None:
    size = MAX_TOTAL_SIZE + 50_000_000
    with subprocess.Popen(
        [SEVEN_ZIP, "a", "-mx1", "-mhe=on", f"-p{passphrase}", "-sinullen.csv", "big.7z"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        cwd=tmp_path,
        env=ENV,
    ) as maker:
        assert maker.stdin is not None
        chunk = bytes(16 * 1024 * 1024)
        for _ in range(size // len(chunk)):
            maker.stdin.write(chunk)
        maker.stdin.write(bytes(size % len(chunk)))
        maker.stdin.close()
        assert maker.wait(timeout=120) == 0
    assert refusal((tmp_path / "big.7z").read_bytes(), passphrase).key == "archive.too-large"


def test_too_many_entries_are_refused(passphrase: str) -> None:
    data = write_archive({f"f{n}.csv": b"" for n in range(5)}, passphrase)
    assert refusal(data, passphrase, max_entries=4).key == "archive.too-many-entries"


# -- what write_archive refuses -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "secret", "key"),
    [
        ({"a.csv": b"1"}, "", "archive.passphrase-empty"),
        ({"a.csv": b"1"}, "   ", "archive.passphrase-empty"),
        ({"a.csv": b"1"}, "Welkom01!", "archive.passphrase-not-generated"),
        ({}, None, "archive.nothing-to-write"),
        ({"../a.csv": b"1"}, None, "archive.file-name-unsafe"),
        ({"map/a.csv": b"1"}, None, "archive.file-name-unsafe"),
    ],
)
def test_write_refuses(files: dict[str, bytes], secret: str | None, key: str) -> None:
    passphrase = generate_passphrase() if secret is None else secret
    with pytest.raises(ArchiveError) as caught:
        write_archive(files, passphrase)
    assert caught.value.key == key
    if passphrase.strip():
        assert passphrase not in str(caught.value)


def test_empty_passphrase_is_refused_when_opening(ours: Path) -> None:
    assert refusal(ours.read_bytes(), "  ").key == "archive.passphrase-empty"
