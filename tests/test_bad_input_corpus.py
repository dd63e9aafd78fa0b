"""The bad-input corpus: what the officer may hand the assistant, and what they are told.

Each case builds one bad input in an empty folder (a spreadsheet written by a real writer, a CSV
as HR systems export it, a mapping, a draft, a certificate, a package or a portal address) and
names the message key the officer must get: a refusal (``AppError``) or, for data the assistant
can read, the finding or note that says what is wrong. Every case also proves that nothing was
written: the folder holds exactly what the builder made (same bytes, same times), and the
system's temp folder gained nothing.

The file-level refusals of ``test_intake_refusals.CORPUS`` run here too, through the whole
``check`` step the wizard and the command line share; far cells (which would abort a reader
without the pre-check) run in their own memory-capped child in ``test_intake_extent.py`` and the
hostile command-line arguments in ``test_cli_hostile.py``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from stdnum.nl import bsn as stdnum_bsn
from test_intake_refusals import CORPUS as INTAKE_CORPUS

from desktop_app.bounded_read import FileKind, read_bounded
from desktop_app.check import CheckOptions, run_check
from desktop_app.crypto.recipient import load_certificate
from desktop_app.draft import load_draft
from desktop_app.errors import AppError
from desktop_app.intake.fingerprint import SourceFingerprint
from desktop_app.package.open import open_package_file
from desktop_app.transfer.model import Portal

PROGRAMME = "cbs-barometer-ingezoomd"
PEILDATUM = dt.date(2026, 1, 1)
HEADER = ["Personeelsnummer", "BSN", "Geboortedatum", "Geslacht", "Afdeling", "Datum in dienst"]


def valid_bsns(count: int, start: int = 100_000_000) -> list[str]:
    found, number = [], start
    while len(found) < count:
        number += 1
        if stdnum_bsn.is_valid(f"{number:09d}"):
            found.append(f"{number:09d}")
    return found


def staff(count: int = 30) -> list[list[str]]:
    return [
        [f"P{i:05d}", bsn, f"{1 + i % 28:02d}-{1 + i % 12:02d}-{1960 + i % 40}", "VM"[i % 2],
         ["Zorg", "Staf", "ICT"][i % 3], f"{1 + i % 28:02d}-03-2015"]
        for i, bsn in enumerate(valid_bsns(count))
    ]


def csv_file(folder: Path, rows: list[list[str]], name: str = "personeel.csv",
             header: list[str] | None = None, delimiter: str = ";") -> Path:
    lines = [delimiter.join(header if header is not None else HEADER)] if header != [] else []
    lines += [delimiter.join(row) for row in rows]
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def with_column(rows: list[list[str]], index: int, values: dict[int, str]) -> list[list[str]]:
    changed = [list(row) for row in rows]
    for row, value in values.items():
        changed[row][index] = value
    return changed


# --- file and data builders: each returns the file to check ------------------------------------


def fifo(d: Path) -> Path:
    os.mkfifo(d / "export.csv")
    return d / "export.csv"


def link_to_device(d: Path) -> Path:
    (d / "personeel.xlsx").symlink_to("/dev/zero")
    return d / "personeel.xlsx"


def link_to_folder(d: Path) -> Path:
    (d / "map").mkdir()
    (d / "personeel.csv").symlink_to(d / "map")
    return d / "personeel.csv"


def header_only(d: Path) -> Path:
    return csv_file(d, [])


def headerless(d: Path) -> Path:
    return csv_file(d, staff(), header=[])


def duplicate_bsn_columns(d: Path) -> Path:
    rows = [[*row, row[1]] for row in staff()]
    return csv_file(d, rows, header=[*HEADER, "BSN"])


def us_dates(d: Path) -> Path:
    rows = staff()
    rows = with_column(rows, 2, {i: f"{1 + i % 12:02d}/{13 + i % 15:02d}/19{60 + i}" for i in range(len(rows))})
    return csv_file(d, rows)


def mixed_date_order(d: Path) -> Path:
    return csv_file(d, with_column(staff(), 2, {0: "25/03/1970", 1: "03/25/1971"}))


def two_digit_year(d: Path) -> Path:
    return csv_file(d, with_column(staff(), 2, {3: "17-05-61"}))


def impossible_date(d: Path) -> Path:
    return csv_file(d, with_column(staff(), 2, {4: "31-02-1980"}))


def date_out_of_range(d: Path) -> Path:
    return csv_file(d, with_column(staff(), 2, {5: "01-01-1700"}))


def date_no_date(d: Path) -> Path:
    return csv_file(d, with_column(staff(), 2, {6: "onbekend"}))


def born_after_peildatum(d: Path) -> Path:
    return csv_file(d, with_column(staff(), 2, {7: "01-01-2027"}))


def too_young(d: Path) -> Path:
    return csv_file(d, with_column(staff(), 2, {8: "01-01-2020"}))


def too_old(d: Path) -> Path:
    return csv_file(d, with_column(staff(), 2, {9: "01-01-1900"}))


def born_after_start(d: Path) -> Path:
    rows = with_column(staff(), 2, {10: "01-01-2016"})
    return csv_file(d, rows)


def bsn_checksum(d: Path) -> Path:
    return csv_file(d, with_column(staff(), 1, {2: "123456789"}))


def bsn_length(d: Path) -> Path:
    return csv_file(d, with_column(staff(), 1, {2: "1234567890123"}))


def bsn_letters(d: Path) -> Path:
    return csv_file(d, with_column(staff(), 1, {2: "12345678A"}))


def bsn_duplicate(d: Path) -> Path:
    rows = staff()
    return csv_file(d, with_column(rows, 1, {5: rows[4][1]}))


def bsn_missing(d: Path) -> Path:
    return csv_file(d, with_column(staff(), 1, {6: ""}))


def total_row(d: Path) -> Path:
    rows = [*staff(), ["Totaal", "", "", "", "", ""]]
    return csv_file(d, rows)


def blank_row(d: Path) -> Path:
    rows = staff()
    rows.insert(10, [""] * len(HEADER))
    return csv_file(d, rows)


def personnel_number_duplicate(d: Path) -> Path:
    return csv_file(d, with_column(staff(), 0, {3: "P00002"}))


def no_identification_key(d: Path) -> Path:
    rows = [[row[0], row[3], row[4]] for row in staff()]
    return csv_file(d, rows, header=["Personeelsnummer", "Geslacht", "Afdeling"])


def titles_and_commas(d: Path) -> Path:
    path = d / "rapport.xlsx"
    workbook = xlsxwriter.Workbook(path)
    sheet = workbook.add_worksheet("Rapport")
    for row, text in enumerate(["Personeelsoverzicht", "", "Gemeente Voorbeeld", "Vertrouwelijk"]):
        sheet.write(row, 0, text)
    workbook.close()
    return path


def error_cells_xlsx(d: Path) -> Path:
    path = d / "formules.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Personeel"
    sheet.append(HEADER)
    for row in staff():
        sheet.append(row)
    sheet["B5"] = "#N/A"
    workbook.save(path)
    return path


def start_after_peildatum_only(d: Path) -> Path:
    rows = with_column(staff(), 5, dict.fromkeys(range(30), "01-06-2026"))
    return csv_file(d, rows)


def control_characters_in_sheet_name(d: Path) -> Path:
    path = d / "escape.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "Blad"
    workbook.active.append(["Naam", "Afdeling"])
    workbook.active.append(["A", "B"])
    workbook.save(path)
    return path


# key kind: "refused" (an AppError with that key), "finding" (a validation finding's key),
# "note" (a note of the table or the validation)
FILE_CASES: list[tuple[str, Callable[[Path], Path], str, str, dict]] = [
    ("fifo", fifo, "refused", "intake.not-regular-file", {}),
    ("symlink-to-device", link_to_device, "refused", "intake.not-regular-file", {}),
    ("symlink-to-folder", link_to_folder, "refused", "intake.not-a-file", {}),
    ("header-only", header_only, "finding", "validation.no-data.empty", {}),
    ("headerless", headerless, "note", "intake.no-header-row", {}),
    ("duplicate-bsn-columns", duplicate_bsn_columns, "note", "mapping.duplicate-header-unused", {}),
    ("us-dates", us_dates, "note", "validation.date-order.month-first", {}),
    ("mixed-date-order", mixed_date_order, "finding", "validation.date.mixed-order", {}),
    ("two-digit-year", two_digit_year, "finding", "validation.date.two-digit-year", {}),
    ("impossible-date", impossible_date, "finding", "validation.date.impossible", {}),
    ("date-out-of-range", date_out_of_range, "finding", "validation.date.range", {}),
    ("not-a-date", date_no_date, "finding", "validation.date.format", {}),
    ("born-after-peildatum", born_after_peildatum, "finding", "validation.implausible.birth-after-peildatum", {}),
    ("too-young", too_young, "finding", "validation.implausible.age-low", {}),
    ("too-old", too_old, "finding", "validation.implausible.age-high", {}),
    ("born-after-start", born_after_start, "finding", "validation.implausible.birth-after-start", {}),
    ("bsn-checksum", bsn_checksum, "finding", "validation.identifier.checksum", {}),
    ("bsn-length", bsn_length, "finding", "validation.identifier.length", {}),
    ("bsn-letters", bsn_letters, "finding", "validation.identifier.format", {}),
    ("bsn-duplicate", bsn_duplicate, "finding", "validation.duplicate.identifier", {}),
    ("bsn-missing", bsn_missing, "finding", "validation.missing.key", {}),
    ("total-row", total_row, "finding", "validation.total-row", {}),
    ("blank-row", blank_row, "finding", "validation.blank-row", {}),
    ("personnel-number-duplicate", personnel_number_duplicate, "finding", "validation.duplicate.value", {}),
    ("no-identification-key", no_identification_key, "finding", "validation.unmapped.key", {}),
    ("titles-only-xlsx", titles_and_commas, "refused", "intake.titles-only", {}),
    ("error-cell-as-bsn", error_cells_xlsx, "finding", "validation.missing.key", {}),
    ("nobody-started", start_after_peildatum_only, "finding", "validation.no-data.population", {}),
    ("breakdown-not-a-column", lambda d: csv_file(d, staff()), "refused", "cli.breakdown-not-found", {"breakdowns": ("Kostenplaats",)}),
    ("breakdown-of-headerless", headerless, "refused", "cli.breakdown-not-found-no-header", {"breakdowns": ("Afdeling",)}),
    ("unknown-programme", lambda d: csv_file(d, staff()), "refused", "profiles.unknown-programme", {"programme_id": "cbs-barometer-2031"}),
    ("sheet-name-with-escape", control_characters_in_sheet_name, "refused", "intake.sheet-not-found", {"sheet": "Blad\x1b[2J"}),
    ("changed-since-checked", lambda d: csv_file(d, staff()), "refused", "intake.source-changed", {"expected_fingerprint": SourceFingerprint("0" * 64, 1)}),
]


# --- the officer's other files: mapping, draft, certificate, package, portal --------------------


def deep_json(d: Path, name: str) -> Path:
    (d / name).write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    return d / name


def sparse_file(d: Path, name: str, size: int) -> Path:
    with (d / name).open("wb") as handle:
        handle.truncate(size)
    return d / name


def mapping_case(content: Callable[[Path], Path]) -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        content(d)
        return csv_file(d, staff())

    return build


def write(name: str, text: str | bytes) -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        path = d / name
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return path

    return build


MAPPING_CASES = [
    ("mapping-too-deep", lambda d: deep_json(d, "koppeling.json"), "bounded-read.too-deep"),
    ("mapping-too-large", lambda d: sparse_file(d, "koppeling.json", FileKind.MAPPING.limit + 1), "bounded-read.too-large"),
    ("mapping-a-folder", lambda d: (d / "koppeling.json").mkdir() or d / "koppeling.json", "bounded-read.folder"),
    ("mapping-a-pipe", lambda d: os.mkfifo(d / "koppeling.json") or d / "koppeling.json", "bounded-read.not-regular"),
    ("mapping-not-json", write("koppeling.json", "{niet: json"), "mapping.not-json"),
    ("mapping-not-utf8", write("koppeling.json", b"\xff\xfe{\x00}"), "mapping.not-json"),
    ("mapping-foreign", write("koppeling.json", '{"format": "iets anders"}'), "mapping.wrong-format"),
    ("mapping-future-version", write("koppeling.json", '{"format": "diversity-assistant/mapping", "version": 99}'), "mapping.wrong-version"),
    ("mapping-missing", lambda d: d / "koppeling.json", "mapping.not-found"),
]

DRAFT_CASES = [
    ("draft-too-deep", lambda d: deep_json(d, "concept.json"), "bounded-read.too-deep"),
    ("draft-too-large", lambda d: sparse_file(d, "concept.json", FileKind.DRAFT.limit + 1), "bounded-read.too-large"),
    ("draft-a-folder", lambda d: (d / "concept.json").mkdir() or d / "concept.json", "bounded-read.folder"),
    ("draft-a-pipe", lambda d: os.mkfifo(d / "concept.json") or d / "concept.json", "bounded-read.not-regular"),
    ("draft-missing", lambda d: d / "concept.json", "draft.not-found"),
    ("draft-not-json", write("concept.json", "<html>"), "draft.not-json"),
    ("draft-foreign", write("concept.json", "[1, 2, 3]"), "draft.wrong-format"),
    ("draft-future-version", write("concept.json", '{"format": "diversity-assistant/draft", "version": 7}'), "draft.wrong-version"),
    ("draft-bad-date", write("concept.json", '{"format": "diversity-assistant/draft", "version": 1, "peildatum": "morgen"}'), "draft.damaged"),
    ("draft-bad-fingerprint", write("concept.json", '{"format": "diversity-assistant/draft", "version": 1, "source": {"path": "x.csv", "fingerprint": {"sha256": "abc", "size": -1}}}'), "draft.damaged"),
    ("draft-organisation-not-text", write("concept.json", '{"format": "diversity-assistant/draft", "version": 1, "organisation": {"name": 5}}'), "draft.damaged"),
]

CERTIFICATE_CASES = [
    ("certificate-text", write("kantoor.pem", "dit is geen certificaat"), "crypto.recipient-not-certificate"),
    ("certificate-empty-pem", write("kantoor.pem", "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n"), "crypto.recipient-not-certificate"),
    ("certificate-garbage-der", write("kantoor.cer", bytes(range(256)) * 4), "crypto.recipient-not-certificate"),
    ("certificate-too-large", lambda d: sparse_file(d, "kantoor.pem", FileKind.CERTIFICATE.limit + 1), "bounded-read.too-large"),
    ("certificate-device", lambda d: Path("/dev/zero"), "bounded-read.not-regular"),
    ("certificate-a-pipe", lambda d: os.mkfifo(d / "kantoor.pem") or d / "kantoor.pem", "bounded-read.not-regular"),
]

PORTAL_CASES = [
    ("portal-ftp", "ftp://portal.example.org/in"),
    ("portal-no-host", "https:///files"),
    ("portal-bad-port", "sftp://portal.example.org:99999/in"),
    ("portal-unclosed-ipv6", "sftp://[::1/in"),
    ("portal-password-in-url", "sftp://hr:geheim@portal.example.org/in"),
    ("portal-query", "https://portal.example.org/files?token=abc"),
    ("portal-fragment", "https://portal.example.org/files#x"),
    ("portal-plain-http", "http://portal.example.org/files"),
    ("portal-no-scheme", "portal.example.org/files"),
]


# --- running a case: the key, and nothing written -----------------------------------------------


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every entry under ``folder`` (links not followed) with its content hash and mtime."""
    state = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        digest = (
            hashlib.sha256(path.read_bytes()).hexdigest()
            if path.is_file() and not path.is_symlink() and info.st_size < 10_000_000
            else f"size {info.st_size}"
        )
        state[str(path.relative_to(folder))] = (digest, info.st_mtime_ns)
    return state


@pytest.fixture(autouse=True)
def private_temp(tmp_path_factory, monkeypatch) -> Path:
    """A temp folder of this test's own, so that what the step leaves there is its own doing."""
    folder = tmp_path_factory.mktemp("temp")
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


def temp_entries() -> set[str]:
    return set(os.listdir(tempfile.gettempdir()))


def assert_refused(key: str, action: Callable[[], object]) -> None:
    with pytest.raises(AppError) as caught:
        action()
    assert caught.value.message.key == key, caught.value.render("en")
    for language in ("nl", "en", "fr"):
        assert caught.value.render(language).strip()


def keys_of(result) -> set[str]:
    found = {f.message.key for f in result.validation.findings}
    found |= {m.key for m in result.table.notes} | {m.key for m in result.validation.notes}
    return found


def run_file_case(folder: Path, builder, kind: str, key: str, options: dict) -> None:
    source = builder(folder)
    before, temp_before = snapshot(folder), temp_entries()
    check_options = CheckOptions(
        programme_id=options.pop("programme_id", PROGRAMME), peildatum=PEILDATUM, **options
    )
    if kind == "refused":
        assert_refused(key, lambda: run_check(source, check_options))
    else:
        result = run_check(source, check_options)
        assert key in keys_of(result), sorted(keys_of(result))
        if kind == "finding":
            assert any(f.message.key == key and f.rows for f in result.validation.findings) or key.startswith(
                ("validation.no-data", "validation.unmapped")
            )
    assert snapshot(folder) == before, "the check wrote or changed something"
    assert temp_entries() == temp_before == set(), "the check left something in the temp folder"


INTAKE_IDS = [f"intake-{c[0]}" for c in INTAKE_CORPUS]


@pytest.mark.parametrize(("builder", "key", "kwargs"), [c[1:] for c in INTAKE_CORPUS], ids=INTAKE_IDS)
def test_intake_refusals_through_check(tmp_path, builder, key, kwargs):
    options = {k: v for k, v in kwargs.items() if k in ("sheet", "header_row")}
    run_file_case(tmp_path, builder, "refused", key, options)


@pytest.mark.parametrize(("builder", "kind", "key", "options"), [c[1:] for c in FILE_CASES], ids=[c[0] for c in FILE_CASES])
def test_file_cases(tmp_path, builder, kind, key, options):
    run_file_case(tmp_path, builder, kind, key, dict(options))


@pytest.mark.parametrize(("builder", "key"), [c[1:] for c in MAPPING_CASES], ids=[c[0] for c in MAPPING_CASES])
def test_mapping_cases(tmp_path, builder, key):
    source = mapping_case(builder)(tmp_path)
    before = snapshot(tmp_path)
    options = CheckOptions(PROGRAMME, mapping_path=tmp_path / "koppeling.json", peildatum=PEILDATUM)
    assert_refused(key, lambda: run_check(source, options))
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(("builder", "key"), [c[1:] for c in DRAFT_CASES], ids=[c[0] for c in DRAFT_CASES])
def test_draft_cases(tmp_path, builder, key):
    path = builder(tmp_path)
    before = snapshot(tmp_path)
    assert_refused(key, lambda: load_draft(path))
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(("builder", "key"), [c[1:] for c in CERTIFICATE_CASES], ids=[c[0] for c in CERTIFICATE_CASES])
def test_certificate_cases(tmp_path, builder, key):
    path = builder(tmp_path)
    before = snapshot(tmp_path)
    assert_refused(key, lambda: load_certificate(read_bounded(path, FileKind.CERTIFICATE), path.name))
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("url", [c[1] for c in PORTAL_CASES], ids=[c[0] for c in PORTAL_CASES])
def test_portal_cases(url):
    assert_refused("transfer.portal-url-invalid", lambda: Portal.from_url(url, username="hr"))


PACKAGE_CASES = [
    ("package-not-cms", write("pakket.p7m", b"PK\x03\x04 not an envelope"), "crypto.envelope-damaged"),
    ("package-empty", write("pakket.p7m", b""), "crypto.envelope-damaged"),
    ("package-device", lambda d: Path("/dev/zero"), "bounded-read.not-regular"),
    ("package-a-folder", lambda d: (d / "pakket.p7m").mkdir() or d / "pakket.p7m", "bounded-read.folder"),
]


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    from test_crypto_support import make_office, write_pem

    folder = tmp_path_factory.mktemp("office")
    key, certificate = make_office()
    write_pem(folder / "key.pem", key)
    write_pem(folder / "cert.pem", certificate)
    return folder


@pytest.mark.parametrize(("builder", "key"), [c[1:] for c in PACKAGE_CASES], ids=[c[0] for c in PACKAGE_CASES])
def test_package_cases(tmp_path, office, builder, key):
    path = builder(tmp_path)
    before = snapshot(tmp_path)
    assert_refused(
        key, lambda: open_package_file(path, office / "key.pem", office / "cert.pem", tmp_path / "uit")
    )
    assert snapshot(tmp_path) == before  # no output folder, no half-unpacked file


def test_the_corpus_is_broad():
    cases = (
        len(INTAKE_CORPUS) + len(FILE_CASES) + len(MAPPING_CASES) + len(DRAFT_CASES)
        + len(CERTIFICATE_CASES) + len(PORTAL_CASES) + len(PACKAGE_CASES)
    )
    keys = {c[2] for c in INTAKE_CORPUS} | {c[3] for c in FILE_CASES}
    keys |= {c[2] for c in MAPPING_CASES + DRAFT_CASES + CERTIFICATE_CASES + PACKAGE_CASES}
    assert cases >= 100, cases
    assert len(keys) >= 60, len(keys)
    json.dumps(sorted(keys))  # keys are plain strings
