"""The yearly folder (``desktop_app.journey.folder``): which folder the officer chose for an
organisation and year, kept in an index in the app-data folder; what is filed in it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.delivery.record import (
    DeliveredFile,
    DeliveryRecord,
    confirm_delivered,
    record_path_for,
    summary_path_for,
    write_record,
)
from desktop_app.draft import load_draft
from desktop_app.intake.fingerprint import SourceFingerprint
from desktop_app.journey import JourneyError
from desktop_app.journey.folder import (
    CHOICES_FILE,
    INDEX_FILE,
    choose_year_folder,
    chosen_year_folder,
    current_year_folder,
    file_choices,
    file_delivery,
    file_into,
    folders_index_path,
    open_year_folder,
    plaintext_files,
    read_folders_index,
    read_year_folder,
    year_folder,
)
from desktop_app.profiles.model import Channel, Protection

ORGANISATION = "rsin-802634540"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))


def test_no_folder_chosen_is_none(tmp_path: Path) -> None:
    assert year_folder(ORGANISATION, 2026) is None
    assert not folders_index_path().exists()


def test_a_chosen_folder_is_found_per_organisation_and_year(tmp_path: Path) -> None:
    chosen = choose_year_folder(ORGANISATION, 2026, tmp_path / "Diversiteit 2026")
    other = choose_year_folder("kbo-0123456789", 2026, tmp_path / "be")
    assert chosen.is_dir()
    assert chosen.is_absolute()
    assert year_folder(ORGANISATION, 2026) == chosen
    assert year_folder("kbo-0123456789", 2026) == other
    assert year_folder(ORGANISATION, 2025) is None
    # the index lives in the app-data folder and holds ids, years and paths only
    index = json.loads(folders_index_path().read_text("utf-8"))
    assert folders_index_path().is_relative_to(tmp_path / "appdata")
    assert index["format"] == "diversity-assistant/yearly-folders"
    assert {(e["organisation"], e["year"]) for e in index["folders"]} == {
        (ORGANISATION, 2026),
        ("kbo-0123456789", 2026),
    }


def test_choosing_again_replaces_the_year(tmp_path: Path) -> None:
    choose_year_folder(ORGANISATION, 2026, tmp_path / "first")
    second = choose_year_folder(ORGANISATION, 2026, tmp_path / "second")
    assert year_folder(ORGANISATION, 2026) == second
    assert len(read_folders_index()) == 1


def test_a_folder_that_is_gone_is_none_but_still_chosen(tmp_path: Path) -> None:
    chosen = choose_year_folder(ORGANISATION, 2026, tmp_path / "usb")
    shutil.rmtree(chosen)
    assert year_folder(ORGANISATION, 2026) is None
    assert chosen_year_folder(ORGANISATION, 2026) == chosen


def test_a_bad_key_is_none_not_an_error() -> None:
    assert year_folder("Gemeente Voorbeeld", 2026) is None
    assert year_folder(ORGANISATION, 1800) is None


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe",
        b"[]",
        b'{"format": "diversity-assistant/yearly-folders", "version": 1, "folders": {}}',
        b'{"format": "diversity-assistant/yearly-folders", "version": 1,'
        b' "folders": [{"organisation": "../x", "year": 2026, "folder": "/tmp"}]}',
        b'{"format": "diversity-assistant/yearly-folders", "version": 9, "folders": []}',
    ],
)
def test_a_damaged_index_is_a_sentence_and_year_folder_stays_quiet(content: bytes) -> None:
    path = folders_index_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert year_folder(ORGANISATION, 2026) is None
    with pytest.raises(JourneyError) as refused:
        read_folders_index()
    assert str(path) in refused.value.render("nl")


def test_a_file_in_the_way_is_refused(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(JourneyError) as refused:
        choose_year_folder(ORGANISATION, 2026, tmp_path / "file")
    assert refused.value.message.key == "journey.folder-not-a-folder"


# -- the folder's own index and what is filed in it --------------------------------------------------

DEMO_DRAFT = Path(__file__).resolve().parent.parent / "resources" / "samples" / "demo-draft.json"


def test_a_folder_keeps_its_own_index_of_what_is_filed(tmp_path: Path) -> None:
    folder = open_year_folder(ORGANISATION, 2026, tmp_path / "2026", "cbs-barometer-ingezoomd")
    assert (folder.folder / INDEX_FILE).is_file()
    letter = tmp_path / "Projectvoorstel.pdf"
    letter.write_bytes(b"%PDF-1.4 proposal")
    folder, filed = file_into(folder, letter, "received", step="project-proposal")
    assert filed.name == "Projectvoorstel.pdf"
    assert (folder.folder / filed.name).read_bytes() == letter.read_bytes()
    assert filed.sha256 == hashlib.sha256(letter.read_bytes()).hexdigest()
    # the same file again: nothing new; another file of the same name: a second name
    again, same = file_into(folder, letter, "received", step="project-proposal")
    assert same == filed
    assert len(again.files) == 1
    letter.write_bytes(b"%PDF-1.4 agreement")
    folder, second = file_into(folder, letter, "received")
    assert second.name == "Projectvoorstel-2.pdf"
    # read back from disk, as next year's officer does
    read = read_year_folder(tmp_path / "2026")
    assert (read.organisation, read.year, read.programme) == (
        ORGANISATION,
        2026,
        "cbs-barometer-ingezoomd",
    )
    assert [f.name for f in read.files] == ["Projectvoorstel.pdf", "Projectvoorstel-2.pdf"]
    assert current_year_folder(ORGANISATION, 2026) == read


def test_a_folder_of_another_submission_is_refused(tmp_path: Path) -> None:
    open_year_folder(ORGANISATION, 2025, tmp_path / "shared")
    with pytest.raises(JourneyError) as refused:
        open_year_folder(ORGANISATION, 2026, tmp_path / "shared")
    assert refused.value.message.key == "journey.folder-other-submission"
    assert "2025" in refused.value.render("nl")


def test_a_plaintext_employee_file_is_kept_only_when_chosen(tmp_path: Path) -> None:
    folder = open_year_folder(ORGANISATION, 2026, tmp_path / "2026")
    staff = tmp_path / "personeel.csv"
    staff.write_text("Personeelsnummer;Naam\n1001;J. Jansen\n", encoding="utf-8")
    sha = hashlib.sha256(staff.read_bytes()).hexdigest()
    for kind, hashes in (("employee-file", ()), ("document", (sha,))):
        with pytest.raises(JourneyError) as refused:
            file_into(folder, staff, kind, plaintext_sha256=hashes)
        assert refused.value.message.key == "journey.folder-plaintext"
        for language in ("nl", "en", "fr"):
            assert "personeel.csv" in refused.value.render(language)
    assert sorted(p.name for p in folder.folder.iterdir()) == [INDEX_FILE]
    folder, kept = file_into(
        folder, staff, "document", plaintext_sha256=(sha,), keep_plaintext=True
    )
    assert kept.kind == "employee-file"
    assert plaintext_files(folder) == (kept,)


def _record(folder: Path, protection: Protection) -> Path:
    delivered = folder / ("barometer.csv" if protection is Protection.NONE else "barometer.p7m")
    delivered.write_bytes(b"1001;V;1980\n" if protection is Protection.NONE else b"\x30\x82 cms")
    record = DeliveryRecord(
        manifest={"programme": {"id": "cbs-barometer-ingezoomd"}},
        file=DeliveredFile(
            delivered.name,
            hashlib.sha256(delivered.read_bytes()).hexdigest(),
            delivered.stat().st_size,
        ),
        channel=Channel.WEB_PORTAL,
        protection=protection,
        recipient_kind="channel",
        recipient_fingerprint=None,
        signer_fingerprint=None,
    )
    path = record_path_for(delivered)
    write_record(path, record)
    summary_path_for(delivered).write_bytes(b"%PDF-1.4 record")
    return path


@pytest.mark.parametrize("protection", [Protection.CMS, Protection.NONE])
def test_the_delivery_is_filed_without_a_plaintext_package(
    tmp_path: Path, protection: Protection
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    record = _record(out, protection)
    folder = open_year_folder(ORGANISATION, 2026, tmp_path / "2026")
    filed = file_delivery(folder, record, step="upload")
    kinds = sorted(f.kind for f in filed.folder.files)
    if protection is Protection.NONE:
        assert kinds == ["record", "record-pdf"]
        assert filed.left_out == ("barometer.csv",)
        assert not (folder.folder / "barometer.csv").exists()
        kept = file_delivery(filed.folder, record, keep_plaintext=True)
        assert "employee-file" in [f.kind for f in kept.folder.files]
    else:
        assert kinds == ["package", "record", "record-pdf"]
        assert filed.left_out == ()
    # a record that gained an event replaces its copy (no second copy)
    confirm_delivered(record, at=dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC))
    again = file_delivery(filed.folder, record)
    records = again.folder.of_kind("record")
    assert len(records) == 1
    assert (folder.folder / records[0].name).read_bytes() == record.read_bytes()


def test_the_choices_are_filed_as_a_draft(tmp_path: Path) -> None:
    draft = load_draft(DEMO_DRAFT)
    folder = open_year_folder(ORGANISATION, 2026, tmp_path / "2026")
    folder, filed = file_choices(folder, draft)
    assert folder.choices == folder.folder / CHOICES_FILE
    assert load_draft(folder.choices).mapping == draft.mapping
    assert filed.kind == "choices"


@pytest.mark.parametrize(
    "content",
    [
        b"[1, 2",
        b'{"format": "diversity-assistant/yearly-folder", "version": 1, "organisation":'
        b' "rsin-802634540", "year": 2026, "files": [{"kind": "x", "name": "a"}]}',
        b'{"format": "diversity-assistant/yearly-folder", "version": 1, "organisation":'
        b' "rsin-802634540", "year": 2026, "files": [{"kind": "received", "name": "../a",'
        b' "sha256": "' + b"0" * 64 + b'", "bytes": 1, "added_at": "2026-01-01T00:00:00"}]}',
        b'{"format": "other"}',
    ],
)
def test_a_damaged_folder_index_is_a_sentence(tmp_path: Path, content: bytes) -> None:
    (tmp_path / INDEX_FILE).write_bytes(content)
    with pytest.raises(JourneyError) as refused:
        read_year_folder(tmp_path)
    assert refused.value.message.key == "journey.folder-index-damaged"


# -- the steps file there as they happen ------------------------------------------------------------


def test_the_file_made_and_sent_is_filed_in_the_chosen_folder(tmp_path: Path) -> None:
    from desktop_app.journey.progress import record_delivery, record_made

    draft = load_draft(DEMO_DRAFT)
    out = tmp_path / "out"
    out.mkdir()
    record = _record(out, Protection.CMS)
    made = record_made(draft, record)  # no folder chosen: nothing filed, nothing refused
    assert made.prepared
    folder = open_year_folder(ORGANISATION, 2026, tmp_path / "2026")
    record_made(draft, record)
    filed = read_year_folder(folder.folder)
    assert sorted(f.kind for f in filed.files) == ["choices", "package", "record", "record-pdf"]
    assert {f.step for f in filed.files if f.kind != "choices"} == {"upload"}
    package = filed.of_kind("package")[0]
    assert (folder.folder / package.name).read_bytes() == (out / "barometer.p7m").read_bytes()
    # the officer confirms the delivery: the record's copy follows, no second copy
    confirm_delivered(record, at=dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC))
    journey = record_delivery(draft, record)
    assert journey is not None
    assert journey.state("upload") == "done"
    again = read_year_folder(folder.folder)
    (copy,) = again.of_kind("record")
    assert (folder.folder / copy.name).read_bytes() == record.read_bytes()
    assert len(again.files) == len(filed.files)


def test_the_staff_file_is_never_evidence(tmp_path: Path) -> None:
    from desktop_app.journey import start_for_draft
    from desktop_app.journey.folder import plaintext_hashes
    from desktop_app.journey.received import accept_documents, mark_step

    staff = tmp_path / "personeel.csv"
    staff.write_text("1001;J. Jansen\n", encoding="utf-8")
    draft = load_draft(DEMO_DRAFT)
    draft.source = replace(
        draft.source,
        fingerprint=SourceFingerprint(
            hashlib.sha256(staff.read_bytes()).hexdigest(), staff.stat().st_size
        ),
    )
    journey = start_for_draft(draft)
    for call in (
        lambda: mark_step(journey, "sign-up", file=staff, plaintext_sha256=plaintext_hashes(draft)),
        lambda: accept_documents(
            journey,
            "project-proposal",
            [staff],
            accepted_on=dt.date(2026, 2, 1),
            officer="A",
            signatory="B",
            plaintext_sha256=plaintext_hashes(draft),
        ),
    ):
        with pytest.raises(JourneyError) as refused:
            call()
        assert refused.value.message.key == "journey.evidence-plaintext"
    assert sorted(p.name for p in journey.folder.iterdir()) == ["journey.json"]


def _cli(capsys, *args: str | Path) -> tuple[int, str, str]:
    from desktop_app.cli import main

    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("case", ["set-a-file", "none-chosen", "folder-gone", "add-a-folder"])
def test_journey_folder_on_the_command_line_refuses_with_a_sentence(
    capsys, tmp_path: Path, case: str
) -> None:
    base = ("journey", "folder", "--organisation", ORGANISATION, "--year", "2026")
    if case == "set-a-file":
        (tmp_path / "file").write_text("x")
        args: tuple[str | Path, ...] = (*base, "--set", tmp_path / "file")
    elif case == "none-chosen":
        args = base
    elif case == "folder-gone":
        shutil.rmtree(choose_year_folder(ORGANISATION, 2026, tmp_path / "usb"))
        args = base
    else:
        choose_year_folder(ORGANISATION, 2026, tmp_path / "2026")
        (tmp_path / "a-folder").mkdir()
        args = (*base, "--add", tmp_path / "a-folder")
    code, _out, err = _cli(capsys, *args)
    assert code == 2
    assert err.strip()
    assert "Traceback" not in err


def test_journey_folder_on_the_command_line(capsys, tmp_path: Path) -> None:
    base = ("--lang", "en", "journey", "folder", "--organisation", ORGANISATION, "--year", "2026")
    code, out, err = _cli(capsys, *base, "--set", tmp_path / "2026")
    assert code == 0, err
    assert "Yearly folder of rsin-802634540 for 2026" in out
    letter = tmp_path / "mail.pdf"
    letter.write_bytes(b"%PDF-1.4")
    code, out, err = _cli(capsys, *base, "--add", letter, "--kind", "received", "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["folder"] == str((tmp_path / "2026").resolve())
    assert [(f["kind"], f["name"]) for f in shown["files"]] == [("received", "mail.pdf")]
    # journey show names the folder once a journey is there
    from desktop_app.journey import start_journey
    from desktop_app.profiles import load_programme_by_id

    start_journey(ORGANISATION, 2026, load_programme_by_id("cbs-barometer-ingezoomd"))
    show = ("--lang", "en", "journey", "show", "--organisation", ORGANISATION, "--year", "2026")
    code, out, err = _cli(capsys, *show)
    assert code == 0, err
    assert f"Yearly folder: {(tmp_path / '2026').resolve()}" in out
    code, out, err = _cli(capsys, *show, "--json")
    assert json.loads(out)["yearly_folder"] == str((tmp_path / "2026").resolve())
