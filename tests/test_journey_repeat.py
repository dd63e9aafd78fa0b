"""Repeat last year's choices (``desktop_app.journey.repeat``, ``journey repeat``), and what the
office sends back (``desktop_app.journey.received``, ``journey accept``, ``journey mark``).

Last year's draft carries everything a draft can hold that must not be carried: checklist
confirmations, the staff file's fingerprint, a confirmed certificate SHA-256 and OpenPGP
fingerprint, the organisation's own key fingerprint, last year's record, and an unknown
``password`` key a later release might have written; the repeated draft, as written to disk, holds
none of them and keeps the mapping, merges, bands and delivery route."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.draft import (
    ChecklistAnswer,
    Delivery,
    Draft,
    OpenPgpKeyChoice,
    RecipientChoice,
    SourceFile,
    UploadSettings,
    load_draft,
    save_draft,
)
from desktop_app.intake.fingerprint import SourceFingerprint
from desktop_app.journey import Acceptance, JourneyError, load_journey, start_for_draft
from desktop_app.journey.folder import (
    file_choices,
    open_year_folder,
    read_year_folder,
    year_folder,
)
from desktop_app.journey.received import (
    accept_documents,
    login_arrived,
    mark_step,
    table_set_file,
    table_set_step,
)
from desktop_app.journey.repeat import repeat_choices
from desktop_app.profiles import load_programme_by_id
from desktop_app.render import html_to_pdf

ROOT = Path(__file__).resolve().parent.parent
DEMO_DRAFT = ROOT / "resources" / "samples" / "demo-draft.json"
ORGANISATION = "rsin-802634540"
SOURCE_SHA = "ab" * 32
CERT_SHA = "cd" * 32
PGP_FPR = "EF" * 20
OWN_FPR = "12" * 20
SECRET = "s3cret-portal-password"  # a value that must never be carried


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))


def last_year(tmp_path: Path) -> Draft:
    """The demo draft as a finished 2026 submission holds it, with every confirmation."""
    draft = load_draft(DEMO_DRAFT)
    draft.checklist = {
        "works-council-informed": ChecklistAnswer(True, dt.date(2026, 1, 5), "Annemarie Visser")
    }
    draft.organisation = draft.organisation.with_value("openpgp_fingerprint", OWN_FPR)
    draft.organisation = draft.organisation.with_value("staff_counts", ["412"])
    draft.source = SourceFile(
        path=tmp_path / "personeel-2026.xlsx",
        sheet="Personeel",
        header_row=3,
        fingerprint=SourceFingerprint(SOURCE_SHA, 48213),
    )
    draft.categories = draft.categories.with_merges("Afdeling", {"ICT": "ICT en Onthaal"})
    draft.categories = draft.categories.with_bands("age", (35, 50))
    draft.delivery = Delivery(
        upload=UploadSettings(
            "sftp://upload.cbs.example/in", "gemeente", other={"password": SECRET}
        ),
        recipient=RecipientChoice(tmp_path / "cbs.pem", confirmed_sha256=CERT_SHA),
        channel="web-portal",
        protection="cms",
        openpgp_key=OpenPgpKeyChoice(tmp_path / "cbs.asc", confirmed_fingerprint=PGP_FPR),
        record=tmp_path / "barometer.record.json",
    )
    return draft


def run(capsys, *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def assert_repeated(new: Draft, old: Draft, text: str) -> None:
    # carried: the same mapping, subgroups, merges, bands and delivery route
    assert new.programme_id == old.programme_id
    assert new.mapping == old.mapping
    assert new.breakdowns == old.breakdowns
    assert new.categories.merges == {"Afdeling": {"ICT": "ICT en Onthaal"}}
    assert new.categories.bands == {"age": (35, 50)}
    assert (new.delivery.channel, new.delivery.protection) == ("web-portal", "cms")
    assert new.delivery.upload is not None
    assert new.delivery.upload.url == "sftp://upload.cbs.example/in"
    assert new.delivery.recipient is not None
    assert new.delivery.recipient.path.name == "cbs.pem"
    assert new.organisation_id == ORGANISATION
    assert new.organisation.name == old.organisation.name
    assert (new.source.sheet, new.source.header_row) == ("Personeel", 3)
    assert new.peildatum == dt.date(2027, 1, 1)
    # never carried: confirmations, fingerprints, passwords, last year's record and file
    assert new.checklist == {}
    assert new.source.fingerprint is None
    assert new.source.path is None
    assert new.delivery.recipient.confirmed_sha256 is None
    assert new.delivery.openpgp_key is not None
    assert new.delivery.openpgp_key.confirmed_fingerprint is None
    assert new.delivery.record is None
    assert new.organisation.staff_counts == ()
    assert new.organisation.earlier_participation is not None
    assert new.organisation.earlier_participation.participated is True
    assert 2026 in new.organisation.earlier_participation.years  # last year's submission
    for value in (SOURCE_SHA, CERT_SHA, PGP_FPR, OWN_FPR, SECRET, "Annemarie Visser", "412"):
        assert value.lower() not in text.lower(), value
    assert "password" not in text
    assert "personeel-2026" not in text
    assert "barometer.record" not in text


def test_repeat_from_a_draft_carries_choices_not_confirmations(tmp_path) -> None:
    old = last_year(tmp_path)
    path = tmp_path / "2026.json"
    save_draft(old, path)
    assert SECRET in path.read_text("utf-8")  # the hostile key is really in last year's draft
    new = repeat_choices(path)
    out = tmp_path / "2027.json"
    save_draft(new, out)
    assert_repeated(load_draft(out), old, out.read_text("utf-8"))


def test_journey_repeat_from_last_years_folder(capsys, tmp_path) -> None:
    old = last_year(tmp_path)
    folder = open_year_folder(ORGANISATION, 2026, tmp_path / "Diversiteit 2026")
    file_choices(folder, old)
    out = tmp_path / "next" / "2027.json"
    code, printed, err = run(
        capsys, "--lang", "en", "journey", "repeat", "--from", folder.folder, "--out", out
    )
    assert code == 0, err
    assert "2027" in printed
    assert "Not carried over" in printed
    assert_repeated(load_draft(out), old, out.read_text("utf-8"))
    # the new draft's journey is the new year's
    new = load_draft(out)
    assert start_for_draft(new).year == 2027


def test_repeat_a_leap_day_and_a_chosen_year(tmp_path) -> None:
    old = last_year(tmp_path)
    old.peildatum = dt.date(2024, 2, 29)
    path = tmp_path / "old.json"
    save_draft(old, path)
    assert repeat_choices(path).peildatum == dt.date(2025, 2, 28)
    assert repeat_choices(path, 2030).peildatum == dt.date(2030, 2, 28)


def test_repeat_a_ksz_draft_moves_the_reference_year_and_drops_the_documents(tmp_path) -> None:
    draft = Draft(programme_id="ksz-diversiteit")
    draft.organisation = draft.organisation.with_value("kbo_numbers", ["0123.456.789"])
    draft.categories = draft.categories.with_ksz(
        {
            "characteristics": ["origin", "sex"],
            "reference_year": 2025,
            "staff_count": 436,
            "documents": [str(tmp_path / "ksz-aanvraag.pdf")],
        }
    )
    path = tmp_path / "ksz.json"
    save_draft(draft, path)
    new = repeat_choices(path)
    assert new.categories.ksz == {"characteristics": ["origin", "sex"], "reference_year": 2026}


@pytest.mark.parametrize("case", ["empty-folder", "no-programme", "not-json", "missing"])
def test_repeat_from_something_unusable_is_a_sentence(capsys, tmp_path, case) -> None:
    source = tmp_path / "source"
    if case == "empty-folder":
        source.mkdir()
    elif case == "no-programme":
        save_draft(Draft(), source)
    elif case == "not-json":
        source.write_bytes(b"\x00\x01 not a draft")
    code, _printed, err = run(
        capsys, "journey", "repeat", "--from", source, "--out", tmp_path / "new.json"
    )
    assert code == 2
    assert "Traceback" not in err
    assert err.strip()
    assert not (tmp_path / "new.json").exists()


# -- what the office sends back ---------------------------------------------------------------------


def write_pdf(path: Path, title: str) -> Path:
    path.write_bytes(html_to_pdf(f"<html><body><h1>{title}</h1></body></html>", title))
    return path


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def test_the_office_sends_back_proposal_login_and_tables(tmp_path) -> None:
    draft = load_draft(DEMO_DRAFT)
    folder = open_year_folder(ORGANISATION, 2026, tmp_path / "Diversiteit 2026")
    journey = start_for_draft(draft)
    for step in ("sign-up", "conditions", "application-form"):
        journey = mark_step(journey, step, by="A. Jansen", on=dt.date(2026, 1, 5)).journey
    proposal = write_pdf(tmp_path / "Projectvoorstel.pdf", "Projectvoorstel")
    agreement = write_pdf(tmp_path / "Leveringsovereenkomst.pdf", "Leveringsovereenkomst")
    marked = accept_documents(
        journey,
        "project-proposal",
        [proposal, agreement],
        accepted_on=dt.date(2026, 2, 12),
        officer="A. Jansen",
        signatory="J. de Wit",
    )
    journey = marked.journey
    record = journey.records["project-proposal"]
    assert record.date == dt.date(2026, 2, 12)
    evidence = record.evidence
    assert isinstance(evidence, Acceptance)
    assert (evidence.officer, evidence.signatory) == ("A. Jansen", "J. de Wit")
    assert [d.sha256 for d in evidence.documents] == [
        hashlib.sha256(p.read_bytes()).hexdigest() for p in (proposal, agreement)
    ]
    # copied into the yearly folder, listed in its index with the same hashes
    assert marked.filed == (
        "project-proposal-Projectvoorstel.pdf",
        "project-proposal-Leveringsovereenkomst.pdf",
    )
    index = read_year_folder(folder.folder)
    received = index.of_kind("received")
    assert {f.sha256 for f in received} == {d.sha256 for d in evidence.documents}
    assert "Leveringsovereenkomst" in pdf_text(folder.folder / marked.filed[1])

    # the login: a confirmation only, never a document (the letter holds the password)
    with pytest.raises(JourneyError):
        mark_step(journey, "portal-login", file=proposal)
    journey = login_arrived(journey, "A. Jansen", on=dt.date(2026, 2, 20)).journey
    assert journey.records["portal-login"].evidence.kind == "confirmation"
    assert journey.current_step().id == "upload"

    # a restart in the middle resumes at the open step
    assert load_journey(ORGANISATION, 2026).current_step().id == "upload"

    # the table set: the step the results import takes over from
    programme = load_programme_by_id("cbs-barometer-ingezoomd")
    assert table_set_step(programme).id == "tables-delivered"
    assert table_set_step(load_programme_by_id("ksz-diversiteit")).id == "tables-returned"
    tables = tmp_path / "tabellenset.xlsx"
    tables.write_bytes(b"PK\x03\x04 tables")
    journey = mark_step(journey, "table-set-received", file=tables).journey
    assert table_set_file(journey).read_bytes() == tables.read_bytes()
    assert [f.kind for f in read_year_folder(folder.folder).of_kind("results")] == ["results"]
    assert year_folder(ORGANISATION, 2026) == folder.folder


def test_journey_accept_and_mark_on_the_command_line(capsys, tmp_path) -> None:
    draft = load_draft(DEMO_DRAFT)
    draft_path = tmp_path / "draft.json"
    save_draft(draft, draft_path)
    code, printed, err = run(
        capsys, "journey", "folder", "--draft", draft_path, "--set", tmp_path / "jaar"
    )
    assert code == 0, err
    assert "choices.json" in printed
    proposal = write_pdf(tmp_path / "voorstel.pdf", "Projectvoorstel")
    code, printed, err = run(
        capsys, "--lang", "en", "journey", "accept", "project-proposal", "--draft", draft_path,
        "--file", proposal, "--officer", "A. Jansen", "--signatory", "J. de Wit",
        "--date", "2026-02-12",
    )  # fmt: skip
    assert code == 0, err
    assert "accepted on 2026-02-12 by A. Jansen, signed by J. de Wit" in printed
    assert "Also kept in the yearly folder" in printed
    code, printed, err = run(
        capsys, "journey", "mark", "portal-login", "--draft", draft_path, "--file", proposal
    )
    assert code == 2
    assert "wachtwoord" in err
    code, printed, err = run(capsys, "journey", "folder", "--draft", draft_path, "--json")
    assert code == 0, err
    shown = json.loads(printed)
    assert [f["kind"] for f in shown["files"]] == ["choices", "received"]
    # accepting at a step without the office's documents is a sentence
    code, printed, err = run(
        capsys, "journey", "accept", "sign-up", "--draft", draft_path, "--file", proposal,
        "--officer", "A", "--signatory", "B",
    )  # fmt: skip
    assert code == 2
    assert "Traceback" not in err


def test_journey_folder_keeps_a_plaintext_file_only_with_the_flag(capsys, tmp_path) -> None:
    draft = load_draft(DEMO_DRAFT)
    staff = tmp_path / "personeel.csv"
    staff.write_text("1001;J. Jansen\n", encoding="utf-8")
    draft.source = replace(
        draft.source,
        fingerprint=SourceFingerprint(
            hashlib.sha256(staff.read_bytes()).hexdigest(), staff.stat().st_size
        ),
    )
    draft_path = tmp_path / "draft.json"
    save_draft(draft, draft_path)
    args = ("journey", "folder", "--draft", draft_path, "--set", tmp_path / "jaar")
    code, _printed, err = run(capsys, *args, "--add", staff)
    assert code == 2
    assert "--keep-plaintext" in err
    assert not (tmp_path / "jaar" / "personeel.csv").exists()
    code, printed, err = run(capsys, "--lang", "en", *args, "--add", staff, "--keep-plaintext")
    assert code == 0, err
    assert "unencrypted employee data" in printed
    assert (tmp_path / "jaar" / "personeel.csv").exists()
