"""What the officer reviewed is what is sent: the source file's fingerprint (SHA-256 and size of
exactly the bytes parsed) is taken when the file is checked, kept in the draft, recorded in the
manifest and the summary, and ``package`` refuses a file that changed since, even one swapped for
other content of the same size with the same modification time."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from package_helpers import demo_staff, package_keys

from desktop_app import cli
from desktop_app.demo_data import StaffOptions, write_demo_workbook
from desktop_app.draft import DraftError, load_draft, save_draft
from desktop_app.errors import IntakeError
from desktop_app.intake import read_table
from desktop_app.intake.fingerprint import SourceChanged, SourceFingerprint
from desktop_app.messages import Message
from desktop_app.package.open import open_package_file
from desktop_app.submission import check_draft_file, make_submission
from desktop_app.text import grouped_hex

N = 70


def sha256_and_size(path: Path) -> tuple[str, int]:
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), len(data)


# -- swapping a file for another of the same size and modification time ------------------------


def _rezip(members: list[tuple[zipfile.ZipInfo, bytes]], comment: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info, data in members:
            archive.writestr(info, data)
        archive.comment = b" " * comment
    return buffer.getvalue()


def workbook_twin(path: Path) -> bytes:
    """Rewrite the workbook at ``path`` (same cells, padded with a zip comment) and return a
    readable workbook of exactly the same size with one value changed (the first employee's sex):
    the swap a file-size or date check would not notice."""
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    changed = []
    for info, data in members:
        if info.filename == "xl/worksheets/sheet1.xml":
            male, female = b"<t>M</t>", b"<t>V</t>"
            old, new = (male, female) if male in data else (female, male)
            changed.append((info, data.replace(old, new, 1)))
        else:
            changed.append((info, data))
    padding = 4096
    original = _rezip(members, padding)
    other = _rezip(changed, 0)
    other = _rezip(changed, len(original) - len(other))
    assert len(other) == len(original)
    assert other != original
    path.write_bytes(original)
    return other


def swap(path: Path, content: bytes) -> None:
    """Put ``content`` in the file's place, keeping its size and modification time."""
    before = path.stat()
    assert len(content) == before.st_size
    path.write_bytes(content)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


# -- the fingerprint itself ---------------------------------------------------------------------


def test_the_fingerprint_round_trips_and_refuses_what_is_not_one() -> None:
    fingerprint = SourceFingerprint.of(b"abc")
    assert fingerprint.sha256 == hashlib.sha256(b"abc").hexdigest()
    assert fingerprint.size == 3
    assert SourceFingerprint.from_json(json.loads(json.dumps(fingerprint.to_json()))) == fingerprint
    for bad in (
        {"sha256": "ABC", "size": 3},
        {"sha256": fingerprint.sha256, "size": -1},
        {"sha256": fingerprint.sha256, "size": True},
        {"sha256": fingerprint.sha256, "size": "3"},
        {"size": 3},
        [fingerprint.sha256, 3],
    ):
        with pytest.raises((ValueError, TypeError, KeyError)):
            SourceFingerprint.from_json(bad)


def test_intake_fingerprints_exactly_the_bytes_it_parses(tmp_path: Path) -> None:
    workbook = tmp_path / "personeel.xlsx"
    write_demo_workbook(workbook, StaffOptions(n=12, messy=False))
    table = read_table(workbook)
    assert table.fingerprint == SourceFingerprint(*sha256_and_size(workbook))

    text = tmp_path / "personeel.csv"
    text.write_bytes("Personeelsnummer;BSN;Geslacht\r\nP1;111222333;V\r\n".encode("cp1252"))
    assert read_table(text).fingerprint == SourceFingerprint(*sha256_and_size(text))

    twin = workbook_twin(workbook)
    before = read_table(workbook)
    swap(workbook, twin)
    after = read_table(workbook)
    assert after.fingerprint != before.fingerprint
    assert after.fingerprint.size == before.fingerprint.size
    assert after.column("Geslacht")[0] != before.column("Geslacht")[0]


def test_an_encrypted_opendocument_file_is_still_called_encrypted(tmp_path: Path) -> None:
    """Calamine, given bytes rather than a path, drops its readers' errors: the password is
    recognised from the manifest instead."""
    path = tmp_path / "personeel.ods"
    manifest = (
        '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
        'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">'
        '<manifest:encryption-data manifest:checksum-type="SHA1"/></manifest:file-entry>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", os.urandom(256))
    with pytest.raises(IntakeError) as caught:
        read_table(path)
    assert caught.value.message.key == "intake.encrypted"


# -- the draft keeps it -------------------------------------------------------------------------


@pytest.fixture
def staff(tmp_path: Path) -> tuple[Path, Path]:
    """A 70-person workbook and a draft for it as saved before fingerprints existed."""
    workbook, draft_path = demo_staff(tmp_path, N)
    data = json.loads(draft_path.read_text(encoding="utf-8"))
    assert "fingerprint" not in data["source"]  # as an older version of the app wrote it
    return workbook, draft_path


def test_an_old_draft_opens_is_checked_and_gets_a_fingerprint(staff) -> None:
    workbook, draft_path = staff
    draft = load_draft(draft_path)
    assert draft.source.fingerprint is None
    check = check_draft_file(draft)  # no refusal: nothing to compare with
    expected = SourceFingerprint(*sha256_and_size(workbook))
    assert check.fingerprint == expected
    assert draft.source.fingerprint == expected
    save_draft(draft, draft_path)
    saved = json.loads(draft_path.read_text(encoding="utf-8"))
    assert saved["version"] == 3  # saved as the current version
    assert saved["source"]["fingerprint"] == {"sha256": expected.sha256, "size": expected.size}
    assert load_draft(draft_path).source.fingerprint == expected


def test_a_draft_with_a_damaged_fingerprint_is_refused_as_damaged(staff) -> None:
    _workbook, draft_path = staff
    data = json.loads(draft_path.read_text(encoding="utf-8"))
    data["source"]["fingerprint"] = {"sha256": "not a hash", "size": 1}
    draft_path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DraftError) as caught:
        load_draft(draft_path)
    assert caught.value.message.key == "draft.damaged"


def test_a_changed_file_is_refused_by_the_check_and_a_different_file_is_not_compared(
    staff, tmp_path: Path
) -> None:
    workbook, draft_path = staff
    draft = load_draft(draft_path)
    twin = workbook_twin(workbook)
    check_draft_file(draft)
    checked = draft.source.fingerprint
    swap(workbook, twin)
    with pytest.raises(SourceChanged) as caught:
        check_draft_file(draft)
    assert caught.value.checked == checked
    assert caught.value.now == SourceFingerprint(*sha256_and_size(workbook))
    assert draft.source.fingerprint == checked  # the refusal records nothing
    # Unreadable now (same size, other bytes): still "changed", not a reading error.
    swap(workbook, os.urandom(checked.size))
    with pytest.raises(SourceChanged):
        check_draft_file(draft)
    # Another file named explicitly is the caller's choice: checked, nothing compared or recorded.
    other = tmp_path / "ander.xlsx"
    other.write_bytes(twin)
    assert check_draft_file(draft, other).fingerprint.sha256 == hashlib.sha256(twin).hexdigest()
    assert draft.source.fingerprint == checked


# -- package: refused when changed; the manifest and the summary record it ----------------------


@pytest.fixture
def keys(tmp_path: Path) -> dict[str, Path | str]:
    return package_keys(tmp_path)


def package_command(draft_path: Path, keys: dict, out: Path, *extra: str) -> list[str]:
    return [
        "--lang",
        "en",
        "package",
        *extra,
        "--draft",
        str(draft_path),
        "--recipient-cert",
        str(keys["office-cert"]),
        "--recipient-sha256",
        str(keys["office-sha256"]),
        "--out",
        str(out),
        "--signing-key",
        str(keys["signer-key"]),
        "--signing-cert",
        str(keys["signer-cert"]),
        "--no-summary",
    ]


def test_package_refuses_a_file_swapped_after_the_check(staff, keys, tmp_path, capsys) -> None:
    workbook, draft_path = staff
    twin = workbook_twin(workbook)
    original = workbook.read_bytes()
    draft = load_draft(draft_path)
    check_draft_file(draft)  # the officer checks and reviews: the draft keeps the fingerprint
    save_draft(draft, draft_path)
    checked = draft.source.fingerprint

    swap(workbook, twin)  # same size, same modification time, other content
    out = tmp_path / "out" / "barometer.p7m"
    code = cli.main(package_command(draft_path, keys, out))
    stderr = capsys.readouterr().err
    assert code == 2, stderr
    now = SourceFingerprint(*sha256_and_size(workbook))
    expected = Message(
        "intake.source-changed",
        {
            "file": "personeel.xlsx",
            "checked_sha256": checked.short,
            "checked_size": checked.size,
            "now_sha256": now.short,
            "now_size": now.size,
        },
    ).render("en")
    assert expected in stderr
    assert "has changed since it was checked" in stderr
    assert "Reload file" in stderr  # how to check it again
    assert "Traceback" not in stderr
    assert not out.exists()
    assert not out.parent.exists() or not any(out.parent.iterdir())
    assert load_draft(draft_path).source.fingerprint == checked  # the draft is left as it was

    swap(workbook, original)  # the file as it was checked: packaged
    assert cli.main(package_command(draft_path, keys, out)) == 0, capsys.readouterr().err
    assert out.exists()


def test_an_old_draft_is_packaged_and_the_manifest_and_summary_record_the_file(
    staff, keys, tmp_path
) -> None:
    workbook, draft_path = staff
    draft = load_draft(draft_path)  # no fingerprint: checked now and recorded, never refused
    sha256, size = sha256_and_size(workbook)
    submission = make_submission(
        draft,
        keys["office-cert"],
        tmp_path / "out" / "barometer.p7m",
        signer=keys["identity"],
        confirmed_fingerprint=str(keys["office-sha256"]),
        language="en",
    )
    assert draft.source.fingerprint == SourceFingerprint(sha256, size)
    assert submission.check.fingerprint == SourceFingerprint(sha256, size)
    assert grouped_hex(sha256) in submission.summary_html  # in groups, as gpg shows one
    assert "personeel.xlsx" in submission.summary_html
    assert "Source file (as checked)" in submission.summary_html
    opened = tmp_path / "opened"
    open_package_file(submission.package_path, keys["office-key"], keys["office-cert"], opened)
    manifest = json.loads((opened / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["source"] == {"sha256": sha256, "bytes": size}
    assert manifest["version"] == 1


def test_the_summary_pdf_source_names_the_fingerprint_in_every_language(staff, keys, tmp_path):
    workbook, draft_path = staff
    sha256, size = sha256_and_size(workbook)
    for language, word in (("nl", "Bronbestand"), ("en", "Source file"), ("fr", "Fichier source")):
        draft = load_draft(draft_path)
        submission = make_submission(
            draft,
            keys["office-cert"],
            tmp_path / language / "barometer.p7m",
            signer=keys["identity"],
            confirmed_fingerprint=str(keys["office-sha256"]),
            language=language,
        )
        assert word in submission.summary_html
        assert grouped_hex(sha256) in submission.summary_html
        assert str(size) in submission.summary_html
