"""The package before encryption: refused until ready, then a manifest that proves what was sent."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.check import CheckOptions, run_check
from desktop_app.demo_data import StaffOptions, staff_rows, write_demo_workbook
from desktop_app.draft import CategoryChoices, ChecklistAnswer, load_draft
from desktop_app.package.build import (
    MANIFEST_NAME,
    PackageRefused,
    build_package,
    verify_manifest,
    zip_files,
)
from desktop_app.resources import resource_path
from desktop_app.text import grouped_hex

CREATED = dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC)


@pytest.fixture
def draft():
    return load_draft(resource_path("samples", "demo-draft.json"))


def check_of(path: Path, draft, breakdowns=()):
    """The file checked with the draft's choices; small test files carry no breakdown (CBS needs
    250 per subgroup)."""
    return run_check(
        path, CheckOptions(draft.programme_id, breakdowns=breakdowns, peildatum=draft.peildatum)
    )


@pytest.fixture
def clean(tmp_path) -> Path:
    path = tmp_path / "personeel.xlsx"
    write_demo_workbook(path, StaffOptions(n=90, messy=False))
    return path


def test_a_ready_draft_gives_the_output_file_and_a_manifest_with_hashes(clean, draft):
    check = check_of(clean, draft)
    package = build_package(
        draft, check, recipient_fingerprint="ab" * 32, signer_fingerprint="cd" * 32, created=CREATED
    )
    assert set(package.files) == {package.output.name, MANIFEST_NAME}
    manifest = json.loads(package.files[MANIFEST_NAME])
    assert manifest["programme"]["id"] == "cbs-barometer-ingezoomd"
    assert manifest["peildatum"] == "2026-01-01"
    assert manifest["checklist"]["works-council-informed"]["by"] == "Demo"
    assert (
        manifest["rows"]["written"] == package.output.rows == int(check.validation.included.sum())
    )
    entry = manifest["files"][0]
    assert entry["name"] == package.output.name
    assert entry["sha256"] == hashlib.sha256(package.files[package.output.name]).hexdigest()
    assert manifest["recipient_certificate_sha256"] == "ab" * 32
    assert manifest["created"] == "2026-01-05T10:30:00+00:00"
    assert verify_manifest(package.files) == []


def test_the_manifest_holds_no_employee_values(clean, draft):
    package = build_package(
        draft,
        check_of(clean, draft),
        recipient_fingerprint=None,
        signer_fingerprint=None,
        created=CREATED,
    )
    manifest_text = package.files[MANIFEST_NAME].decode()
    for row in staff_rows(StaffOptions(n=90)):
        assert str(row[2]) not in manifest_text  # BSN
        assert row[0] not in manifest_text  # personnel number


def test_packaging_is_refused_while_the_checklist_is_open_or_errors_remain(tmp_path, draft):
    messy = tmp_path / "messy.xlsx"
    write_demo_workbook(messy, StaffOptions(n=90, messy=True))
    draft.checklist["publication-with-name"] = ChecklistAnswer(False)
    with pytest.raises(PackageRefused) as caught:
        build_package(
            draft, check_of(messy, draft), recipient_fingerprint=None, signer_fingerprint=None
        )
    text = caught.value.render("en")
    assert "publication" in text.lower()
    assert "invalid-identifier" in text
    assert "duplicate-person" in text
    assert len(caught.value.problems) == 2


def test_the_zip_is_identical_for_the_same_draft_file_and_time(clean, draft):
    first = build_package(
        draft,
        check_of(clean, draft),
        recipient_fingerprint=None,
        signer_fingerprint=None,
        created=CREATED,
    )
    second = build_package(
        draft,
        check_of(clean, draft),
        recipient_fingerprint=None,
        signer_fingerprint=None,
        created=CREATED,
    )
    assert first.zipped() == second.zipped()
    names = zipfile.ZipFile(io.BytesIO(first.zipped())).namelist()
    assert names == sorted(first.files)


def test_the_office_detects_a_changed_missing_or_added_file():
    files = {
        "data.csv": b"a;b\r\n",
        MANIFEST_NAME: json.dumps(
            {"files": [{"name": "data.csv", "sha256": hashlib.sha256(b"a;b\r\n").hexdigest()}]}
        ).encode(),
    }
    assert verify_manifest(files) == []
    changed = {**files, "data.csv": b"a;c\r\n"}
    assert [m.key for m in verify_manifest(changed)] == ["package.file-hash-mismatch"]
    missing = {MANIFEST_NAME: files[MANIFEST_NAME]}
    assert [m.key for m in verify_manifest(missing)] == ["package.file-missing"]
    added = {**files, "extra.txt": b"x"}
    assert [m.key for m in verify_manifest(added)] == ["package.file-unlisted"]
    assert [m.key for m in verify_manifest({"data.csv": b""})] == ["package.manifest-unreadable"]


def test_zip_timestamps_come_from_the_creation_time():
    data = zip_files({"b.txt": b"2", "a.txt": b"1"}, dt.datetime(2026, 3, 4, 5, 6, 8))
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert [i.filename for i in infos] == ["a.txt", "b.txt"]
    assert all(i.date_time == (2026, 3, 4, 5, 6, 8) for i in infos)


def test_the_summary_is_a_pdf_listing_files_fingerprints_and_confirmations(clean, draft, tmp_path):
    from desktop_app.package.summary import summary_html
    from desktop_app.render import html_to_pdf

    check = check_of(clean, draft)
    package = build_package(
        draft, check, recipient_fingerprint="ab" * 32, signer_fingerprint="cd" * 32, created=CREATED
    )
    html = summary_html(package.manifest, check.programme, "nl", "pakket.p7m", "ef" * 32)
    assert package.output.name in html
    # fingerprints in groups, so the PDF wraps between them instead of running off the page
    assert grouped_hex("ab" * 32) in html
    assert grouped_hex("cd" * 32) in html
    assert "ab" * 32 not in html
    assert "bevestigd door Demo op 2025-12-01" in html
    pdf = html_to_pdf(html, "Verantwoording")
    assert pdf.startswith(b"%PDF-")
    assert len(pdf) > 2000


def test_the_general_variant_packages_typed_counts_per_loonheffingennummer(draft):
    from desktop_app.package.build import build_application_package
    from desktop_app.profiles import load_programme_by_id

    algemeen = load_programme_by_id("cbs-barometer-algemeen")
    draft.programme_id = algemeen.id
    draft.checklist = {
        item.id: type(next(iter(draft.checklist.values())))(True, dt.date(2025, 12, 1), "A. Jansen")
        for item in algemeen.checklist
    }
    draft.organisation = replace(
        draft.organisation,
        loonheffingennummers=("802634540L01", "111222333l02"),
        staff_counts=("120", "35"),
    )
    package = build_application_package(
        draft, algemeen, recipient_fingerprint=None, signer_fingerprint=None, created=CREATED
    )
    lines = package.files[package.output.name].decode().splitlines()
    assert lines == [
        "loonheffingennummer;aantal_werknemers;peilmoment",
        "802634540L01;120;2026-01-01",
        "111222333L02;35;2026-01-01",
    ]
    manifest = json.loads(package.files[MANIFEST_NAME])
    assert manifest["rows"]["written"] == 2
    assert manifest["mapping"] is None
    assert verify_manifest(package.files) == []


def test_the_general_variant_refuses_bad_numbers_and_counts_naming_each(draft):
    from desktop_app.package.build import build_application_package
    from desktop_app.profiles import load_programme_by_id

    algemeen = load_programme_by_id("cbs-barometer-algemeen")
    draft.organisation = replace(
        draft.organisation,
        loonheffingennummers=("802634541L01", "111222333L02"),
        staff_counts=("120", "veel"),
    )
    with pytest.raises(PackageRefused) as caught:
        build_application_package(
            draft, algemeen, recipient_fingerprint=None, signer_fingerprint=None
        )
    text = caught.value.render("en")
    assert "loonheffingennummer 1" in text
    assert "802634541" not in text  # masked
    assert "number 2 (‘veel’)" in text
    assert len(caught.value.problems) == 2


def test_subgroups_below_250_are_refused_until_merged_and_the_left_out_group_counts_too(
    clean, draft
):
    check = check_of(clean, draft, breakdowns=("Afdeling",))
    with pytest.raises(PackageRefused) as caught:
        build_package(draft, check, recipient_fingerprint=None, signer_fingerprint=None)
    text = caught.value.render("en")
    assert "Afdeling" in text
    assert "smaller than 250" in text
    # Everyone in one merged group is still only 90 people: still refused.
    labels = check.validation.records["breakdown:Afdeling"].dropna().unique()
    draft.categories = CategoryChoices(
        merges={"Afdeling": dict.fromkeys(labels, "Alle afdelingen")}
    )
    with pytest.raises(PackageRefused) as again:
        build_package(draft, check, recipient_fingerprint=None, signer_fingerprint=None)
    assert "Alle afdelingen (90)" in again.value.render("en")


def test_the_summary_pdf_never_breaks_a_word_and_groups_fingerprints(tmp_path) -> None:
    """Dutch compounds stayed whole ('ondertekeningscertifi caat' was broken at the column's
    edge); fingerprints wrap between groups of eight, as GnuPG shows them."""
    import shutil
    import subprocess

    from desktop_app.render import html_to_pdf

    digest = "b860e99987a3d280cc79d7ed537e8f84c1d04a5471056172e51e926c9e57f73b"
    assert grouped_hex(digest) == (
        "b860e999 87a3d280 cc79d7ed 537e8f84 c1d04a54 71056172 e51e926c 9e57f73b"
    )
    assert grouped_hex("not hex") == "not hex"
    html = (
        "<table width='100%' border='1'><tr><th width='20%'>"
        "Ons ondertekeningscertificaat (SHA-256)</th><td>" + grouped_hex(digest) + "</td></tr>"
        "</table>"
    )
    pdf = tmp_path / "s.pdf"
    pdf.write_bytes(html_to_pdf(html, "t"))
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext is not installed: apt-get install poppler-utils"
    text = subprocess.run([tool, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "ondertekeningscertificaat" in text.replace("\ufb01", "fi")  # whole, not broken
