"""The journey per organisation and year (``desktop_app.journey``) and the ``journey`` command.

A CBS ingezoomd journey is walked from the sign-up to the table set received, with real files as
evidence (PDFs written by the product's own writer, a delivery record written and confirmed by
the delivery module), dates, and a restart in the middle; the drafted sign-up e-mail and answers
sheet are read back (ODT with odfpy, PDF with ``pdftotext``) and compared with the draft; a
hostile corpus of journey files gets a sentence, never a traceback; and no employee value of the
demo data ever reaches the journey's folder.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from desktop_app.cli import main
from desktop_app.delivery.record import (
    DeliveredFile,
    DeliveryRecord,
    confirm_delivered,
    record_path_for,
    write_record,
)
from desktop_app.draft import Draft, Organisation, load_draft, save_draft
from desktop_app.errors import AppError
from desktop_app.journey import (
    Confirmation,
    JourneyError,
    MadeByApp,
    Receipt,
    ReceivedDocument,
    attach_document,
    attachment_path,
    confirmation,
    draft_key,
    journey_path,
    list_journeys,
    load_journey,
    made_by_app,
    mark,
    read_journey,
    receipt,
    reopen,
    start_for_draft,
    start_journey,
)
from desktop_app.journey.documents import (
    CBS_SIGNUP_ADDRESS,
    application_html,
    application_odt,
    application_problems,
    cbs_documents,
    mailto_url,
    signup_email,
)
from desktop_app.profiles import load_programme_by_id
from desktop_app.profiles.model import Channel, Protection
from desktop_app.render import html_to_pdf

ROOT = Path(__file__).resolve().parent.parent
DEMO_DRAFT = ROOT / "resources" / "samples" / "demo-draft.json"
DEMO_CSV = ROOT / "resources" / "samples" / "demo-personeel.csv"
ORGANISATION = "rsin-802634540"
PDFTOTEXT = shutil.which("pdftotext")


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))


@pytest.fixture
def draft() -> Draft:
    return load_draft(DEMO_DRAFT)


def pdf_text(path: Path) -> str:
    assert PDFTOTEXT, (
        "pdftotext is not installed: apt-get install poppler-utils (tests/setup-system.sh)"
    )
    done = subprocess.run(
        [PDFTOTEXT, "-layout", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    return " ".join(done.stdout.decode("utf-8").split())


def odt_text(data: bytes, folder: Path) -> str:
    from odf import teletype
    from odf.opendocument import load
    from odf.text import H, P

    path = folder / "read-back.odt"
    path.write_bytes(data)
    document = load(str(path))
    parts = [teletype.extractText(e) for kind in (H, P) for e in document.getElementsByType(kind)]
    return "\n".join(parts)


def employee_values() -> set[str]:
    """Values of the demo staff file that identify a person: none may reach the journey."""
    values: set[str] = set()
    with DEMO_CSV.open(encoding="cp1252", newline="") as stream:
        for row in csv.DictReader(stream, delimiter=";"):
            for column in ("Personeelsnummer", "Naam", "BSN", "Geboortedatum", "Postcode"):
                if row[column]:
                    values.add(row[column])
    assert len(values) > 100
    return values


def everything_in(folder: Path) -> str:
    return "\n".join(
        path.read_bytes().decode("utf-8", "replace") for path in folder.rglob("*") if path.is_file()
    )


def write_pdf(path: Path, title: str, text: str) -> Path:
    html = f"<html><body><h1>{title}</h1><p>{text}</p></body></html>"
    path.write_bytes(html_to_pdf(html, title))
    return path


def delivery_record(folder: Path) -> Path:
    """A delivery record as the web-portal route writes it, confirmed by the officer."""
    delivered = folder / "cbs-upload-rsin-802634540-2026.csv"
    delivered.write_bytes(b"placeholder for the delivered file\n")
    digest = hashlib.sha256(delivered.read_bytes()).hexdigest()
    record = DeliveryRecord(
        manifest={"programme": {"id": "cbs-barometer-ingezoomd"}},
        file=DeliveredFile(delivered.name, digest, delivered.stat().st_size),
        channel=Channel.WEB_PORTAL,
        protection=Protection.NONE,
        recipient_kind="channel",
        recipient_fingerprint=None,
        signer_fingerprint=None,
    )
    path = record_path_for(delivered)
    write_record(path, record)
    confirm_delivered(path, at=dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC))
    return path


# -- the walk ---------------------------------------------------------------------------------------


def test_a_cbs_ingezoomd_journey_from_sign_up_to_the_table_set(draft, tmp_path) -> None:
    programme = load_programme_by_id("cbs-barometer-ingezoomd")
    journey = start_for_draft(draft)
    assert (journey.organisation, journey.year, journey.programme.id) == (
        ORGANISATION,
        2026,
        programme.id,
    )
    assert journey.current_step().id == "sign-up"
    assert [s.state for s in journey.steps()] == ["open"] * 9
    assert [s.id for s in journey.steps_after_delivery()] == [
        "linking",
        "tables-delivered",
        "publication",
    ]

    # 1 the e-mail was sent; 2 the conditions settled: the officer confirms
    journey = mark(journey, "sign-up", confirmation("A. Jansen"), on=dt.date(2026, 1, 5))
    journey = mark(journey, "conditions", confirmation("A.  Jansen "), on=dt.date(2026, 1, 20))
    assert journey.records["conditions"].evidence == Confirmation(
        "A. Jansen", journey.records["conditions"].evidence.at
    )
    # 3 the answers sheet the assistant made
    answers = tmp_path / "antwoorden.pdf"
    answers.write_bytes(html_to_pdf(application_html(draft, programme), "Antwoorden"))
    journey = mark(journey, "application-form", made_by_app(answers), on=dt.date(2026, 2, 1))
    made = journey.records["application-form"].evidence
    assert isinstance(made, MadeByApp)
    assert made.sha256 == hashlib.sha256(answers.read_bytes()).hexdigest()
    # 4 CBS's project proposal, received and attached (copied, SHA-256 kept)
    proposal = write_pdf(tmp_path / "Projectvoorstel CBS.pdf", "Projectvoorstel", "Tabellenset")
    document = attach_document(journey, "project-proposal", proposal)
    journey = mark(journey, "project-proposal", document, on=dt.date(2026, 2, 10))
    copy = attachment_path(journey, document)
    assert copy.parent == journey.folder
    assert copy.read_bytes() == proposal.read_bytes()
    assert document.sha256 == hashlib.sha256(proposal.read_bytes()).hexdigest()
    assert "Projectvoorstel" in pdf_text(copy)
    assert journey.current_step().id == "portal-login"
    assert "portal-login" in [s.id for s in journey.waiting_for()]

    # restart: a fresh object from disk resumes at the open step
    again = load_journey(ORGANISATION, 2026)
    assert again == journey
    assert again.current_step().id == "portal-login"
    assert [s.id for s in again.next_steps()] == [
        "upload",
        "linking",
        "tables-delivered",
        "publication",
    ]
    assert again.records["sign-up"].date == dt.date(2026, 1, 5)
    assert start_for_draft(draft) == again  # starting again finds the same journey

    # 5 the login: only its arrival is confirmed, the letter (with the password) is refused
    letter = write_pdf(tmp_path / "inlog.pdf", "Inloggegevens", "wachtwoord: Geheim-123")
    with pytest.raises(JourneyError) as refused:
        attach_document(again, "portal-login", letter)
    assert "wachtwoord" in refused.value.render("nl")
    with pytest.raises(JourneyError):
        mark(again, "portal-login", made_by_app(letter))
    journey = mark(again, "portal-login", confirmation("A. Jansen"), on=dt.date(2026, 2, 20))
    # 6 the upload: the delivery record is the receipt
    record = delivery_record(tmp_path)
    evidence = receipt(record)
    assert isinstance(evidence, Receipt)
    assert evidence.file == "cbs-upload-rsin-802634540-2026.csv"
    assert [e["event"] for e in evidence.events] == ["delivered"]
    journey = mark(journey, "upload", evidence, on=dt.date(2026, 3, 2))
    assert journey.current_step().id == "linking"
    # 7 CBS links; 8 the table set received
    journey = mark(journey, "linking", confirmation("A. Jansen"), on=dt.date(2026, 4, 1))
    tables = write_pdf(tmp_path / "tabellenset.pdf", "Tabellenset", "Nederland Europa")
    document = attach_document(journey, "tables-delivered", tables)
    journey = mark(journey, "tables-delivered", document, on=dt.date(2026, 4, 15))
    assert journey.current_step().id == "publication"
    assert journey.next_steps() == ()
    assert [s.id for s in journey.waiting_for()] == ["publication"]

    saved = json.loads(journey_path(ORGANISATION, 2026).read_text(encoding="utf-8"))
    assert saved["format"] == "diversity-assistant/journey"
    assert saved["version"] == 1
    assert list(saved["steps"]) == [
        "sign-up",
        "conditions",
        "application-form",
        "project-proposal",
        "portal-login",
        "upload",
        "linking",
        "tables-delivered",
    ]
    assert saved["steps"]["upload"]["evidence"]["kind"] == "receipt"
    assert saved["steps"]["tables-delivered"]["date"] == "2026-04-15"
    assert "manifest" not in json.dumps(saved)
    written = everything_in(journey.folder)
    assert "Geheim-123" not in written
    assert "wachtwoord" not in written.lower()
    assert not employee_values() & set(json.dumps(saved).replace('"', " ").split())
    for value in employee_values():
        assert value not in written
    (entry,) = list_journeys()
    assert entry.journey == journey
    assert entry.problem is None

    journey = reopen(journey, "linking")
    assert journey.current_step().id == "linking"


def test_a_second_programme_the_same_year_and_bad_keys_are_refused(draft) -> None:
    start_for_draft(draft)
    algemeen = load_programme_by_id("cbs-barometer-algemeen")
    with pytest.raises(JourneyError) as other:
        start_journey(ORGANISATION, 2026, algemeen)
    assert "cbs-barometer-ingezoomd" in other.value.render("nl")
    for organisation, year in (
        (None, 2026),
        ("gemeente-voorbeeld", 2026),
        ("rsin-../../x", 2026),
        (ORGANISATION, None),
        (ORGANISATION, 1900),
    ):
        with pytest.raises(JourneyError):
            start_journey(organisation, year, algemeen)
    journey = load_journey(ORGANISATION, 2026)
    with pytest.raises(JourneyError) as unknown:
        mark(journey, "no-such-step", confirmation("A"))
    assert "sign-up" in unknown.value.render("en")
    for name in ("", "   ", "x" * 500):
        with pytest.raises(JourneyError):
            confirmation(name)
    with pytest.raises(JourneyError):
        load_journey(ORGANISATION, 2025)


def test_a_ksz_draft_is_keyed_by_its_kbo_number_and_reference_year() -> None:
    draft = Draft(
        programme_id="ksz-diversiteit",
        organisation=Organisation.from_json({"name": "Stad", "kbo_numbers": ["0207.451.227"]}),
    )
    assert draft_key(draft)[0] == "kbo-0207451227"
    journey = start_for_draft(draft)
    assert [s.id for s in journey.steps_after_delivery()] == ["tables-returned", "analysis"]
    assert journey.current_step().id == "decide"


# -- the command line -------------------------------------------------------------------------------


def run(capsys, *args: str | Path) -> tuple[int, str, str]:
    code = main(["--lang", "nl", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_command_line_walks_the_same_journey(capsys, draft, tmp_path) -> None:
    draft_path = tmp_path / "concept.json"
    save_draft(draft, draft_path)
    code, _, err = run(capsys, "journey", "show")
    assert code == 2
    assert "nog geen traject" in err
    code, out, err = run(
        capsys, "journey", "mark", "sign-up", "--by", "A. Jansen", "--draft", draft_path,
        "--date", "2026-01-05",
    )  # fmt: skip
    assert code == 0, err
    assert "2026-01-05" in out
    assert "A. Jansen" in out
    proposal = write_pdf(tmp_path / "voorstel.pdf", "Projectvoorstel", "Kosten")
    code, out, err = run(
        capsys, "journey", "mark", "project-proposal", "--file", proposal, "--draft", draft_path
    )
    assert code == 0, err
    code, _, err = run(
        capsys, "journey", "mark", "portal-login", "--file", proposal, "--draft", draft_path
    )
    assert code == 2
    assert "wachtwoord" in err
    assert "Traceback" not in err
    code, _, err = run(capsys, "journey", "mark", "upload", "--draft", draft_path)
    assert code == 2
    assert "--by" in err
    record = delivery_record(tmp_path)
    code, _, err = run(capsys, "journey", "mark", "upload", "--file", record, "--draft", draft_path)
    assert code == 0, err
    code, out, err = run(capsys, "journey", "show", "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["current_step"] == "conditions"
    assert shown["organisation"] == ORGANISATION
    assert shown["year"] == 2026
    states = {step["id"]: step["state"] for step in shown["steps"]}
    assert states["sign-up"] == states["project-proposal"] == states["upload"] == "done"
    assert states["conditions"] == "open"
    assert shown["steps_after_delivery"] == ["linking", "tables-delivered", "publication"]
    code, out, _ = run(capsys, "journey", "show", "--organisation", ORGANISATION, "--year", "2026")
    assert code == 0
    assert "U bent bij: Voorwaarden afstemmen" in out
    assert "[x] 1. Aanmelden bij het CBS" in out
    code, _, err = run(capsys, "journey", "mark", "nope", "--by", "A", "--draft", draft_path)
    assert code == 2
    assert "nope" in err


def test_journey_documents_for_the_demo_draft(capsys, draft, tmp_path) -> None:
    out_dir = tmp_path / "documenten"
    code, out, err = run(capsys, "journey", "documents", "--draft", DEMO_DRAFT, "--out", out_dir,
                         "--delivery-date", "2026-03-01")  # fmt: skip
    assert code == 0, err
    names = sorted(p.name for p in out_dir.iterdir())
    stem = "rsin-802634540-2026"
    assert names == [
        f"cbs-aanmelding-{stem}.txt",
        f"cbs-aanmelding-{stem}.url",
        f"cbs-aanvraag-antwoorden-{stem}.odt",
        f"cbs-aanvraag-antwoorden-{stem}.pdf",
    ]
    assert "mailto:barometer.culturele.diversiteit@cbs.nl?subject=" in out
    text = pdf_text(out_dir / f"cbs-aanvraag-antwoorden-{stem}.pdf")
    for expected in (
        "niet het aanvraagformulier van het CBS",
        "Gemeente Voorbeeld",
        "802634540L01",
        "J. de Wit",
        "Gemeentesecretaris",
        "demo@voorbeeld.example",
        "ingezoomde variant",
        "01-01-2026",
        "01-03-2026",
        "Afdeling (Organisatieonderdeel)",
        "BSN",
    ):
        assert expected in text, expected
    for value in employee_values():
        assert value not in everything_in(out_dir)


# -- the drafted documents --------------------------------------------------------------------------


def test_the_sign_up_email_holds_the_drafts_details(draft) -> None:
    programme = load_programme_by_id("cbs-barometer-ingezoomd")
    email = signup_email(draft, programme)
    assert email.to == CBS_SIGNUP_ADDRESS == "barometer.culturele.diversiteit@cbs.nl"
    assert "Gemeente Voorbeeld" in email.subject
    for expected in (
        "Wij kiezen voor de ingezoomde variant.",
        "Naam van de organisatie: Gemeente Voorbeeld",
        "802634540L01",
        "demo@voorbeeld.example",
        "030 123 4567",
        "De subgroepen die wij willen aanleveren:",
        "- Afdeling (Organisatieonderdeel)",
    ):
        assert expected in email.body, expected
    url = mailto_url(email)
    assert url is not None
    assert len(url) <= 2000
    assert not set(url) & set(" \n\r<>\"'")
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == CBS_SIGNUP_ADDRESS
    query = parse_qs(parts.query)
    assert query["subject"] == [email.subject]
    assert query["body"] == [email.body.replace("\n", "\r\n")]
    assert email.text().startswith(f"Aan: {CBS_SIGNUP_ADDRESS}\nOnderwerp: ")

    algemeen = load_programme_by_id("cbs-barometer-algemeen")
    general = signup_email(draft, algemeen)
    assert "algemene variant" in general.body
    assert "subgroepen" not in general.body


def test_a_mailto_link_too_long_for_windows_is_not_offered(draft) -> None:
    programme = load_programme_by_id("cbs-barometer-ingezoomd")
    numbers = [f"{n}L{i:02d}" for n in ("802634540",) for i in range(1, 100)]
    draft.organisation = draft.organisation.with_value("loonheffingennummers", numbers)
    email = signup_email(draft, programme)
    assert mailto_url(email) is None  # the text is offered for copying instead
    assert "802634540L99" in email.text()


def test_the_answers_sheet_read_back_from_odt_and_pdf(draft, tmp_path) -> None:
    programme = load_programme_by_id("cbs-barometer-algemeen")
    draft.programme_id = programme.id
    draft.organisation = draft.organisation.with_value(
        "loonheffingennummers", ["802634540L01", "802634540L02"]
    ).with_value("staff_counts", ["312", "100"])
    assert application_problems(draft, programme) == []
    documents = cbs_documents(draft, programme, html_to_pdf, delivery_date=dt.date(2026, 5, 1))
    odt = next(data for name, data in documents.items() if name.endswith(".odt"))
    assert odt == application_odt(draft, programme, delivery_date=dt.date(2026, 5, 1))
    odt_read = odt_text(odt, tmp_path)
    pdf = tmp_path / "antwoorden.pdf"
    pdf.write_bytes(next(data for name, data in documents.items() if name.endswith(".pdf")))
    pdf_read = pdf_text(pdf)
    for text in (odt_read, pdf_read):
        for expected in (
            "Antwoorden voor het aanvraagformulier van het CBS",
            "niet het aanvraagformulier van het CBS",
            "Gemeente Voorbeeld",
            "802634540L01",
            "312",
            "802634540L02",
            "412",  # the total
            "banen",
            "algemene variant",
            "J. de Wit",
            "Gemeentesecretaris",
            "01-05-2026",
            "Nee",  # earlier participation
        ):
            assert expected in text, (expected, text[:400])
    assert "Identificatiesleutel" not in odt_read  # the algemene variant sends no file

    draft.organisation = draft.organisation.with_value("staff_counts", ["312"])
    problems = application_problems(draft, programme)
    assert [p.key for p in problems] == ["package.application-counts-missing"]
    code = main(["--lang", "nl", "journey", "documents", "--draft", str(_saved(draft, tmp_path)),
                 "--out", str(tmp_path / "leeg")])  # fmt: skip
    assert code == 1
    assert not (tmp_path / "leeg").exists()


def _saved(draft: Draft, folder: Path) -> Path:
    path = folder / "algemeen.json"
    save_draft(draft, path)
    return path


# -- a hostile corpus of journey files --------------------------------------------------------------

VALID = {
    "format": "diversity-assistant/journey",
    "version": 1,
    "organisation": ORGANISATION,
    "year": 2026,
    "programme": "cbs-barometer-ingezoomd",
    "started_at": "2026-01-01T00:00:00+00:00",
    "steps": {},
}


def _with(**changes: object) -> bytes:
    return json.dumps({**VALID, **changes}).encode()


def _step(evidence: object) -> bytes:
    entry = {"date": "2026-01-05", "marked_at": "2026-01-05T10:00:00+00:00", "evidence": evidence}
    return _with(steps={"sign-up": entry})


HOSTILE: dict[str, bytes] = {
    "empty": b"",
    "damaged json": b'{"format": "diversity-assistant/journey", "version": 1, ',
    "not utf-8": b"\xff\xfe\x00garbage\x80",
    "a list": b"[1, 2, 3]",
    "wrong format": json.dumps({**VALID, "format": "diversity-assistant/draft"}).encode(),
    "no format": json.dumps({"version": 1}).encode(),
    "newer version": _with(version=2),
    "version as text": _with(version="1"),
    "deep nesting": b'{"format": "diversity-assistant/journey", "steps": '
    + b"[" * 100_000
    + b"]" * 100_000
    + b"}",
    "organisation a path": _with(organisation="../../etc"),
    "year as text": _with(year="2026"),
    "unknown programme": _with(programme="../../secret"),
    "steps a list": _with(steps=[1]),
    "bad date": _step({"kind": "confirmation", "by": "A", "at": "2026-01-05T10:00:00"}).replace(
        b'2026-01-05"', b'yesterday"'
    ),
    "unknown evidence": _step({"kind": "password", "value": "x"}),
    "bad sha": _step({"kind": "made-by-app", "path": "/x", "sha256": "zz", "bytes": 1}),
    "stored outside": _step(
        {
            "kind": "received-document",
            "name": "x.pdf",
            "stored": "../../x.pdf",
            "sha256": "0" * 64,
            "bytes": 1,
        }
    ),
    "negative size": _step(
        {
            "kind": "received-document",
            "name": "x.pdf",
            "stored": "x.pdf",
            "sha256": "0" * 64,
            "bytes": -1,
        }
    ),
    "huge": b'{"format": "diversity-assistant/journey", "pad": "' + b"x" * (5 << 20) + b'"}',
    "acceptance of a document stored outside": _step(
        {
            "kind": "acceptance",
            "documents": [
                {
                    "kind": "received-document",
                    "name": "x.pdf",
                    "stored": "../x.pdf",
                    "sha256": "0" * 64,
                    "bytes": 1,
                }
            ],
            "accepted_on": "2026-02-01",
            "officer": "A",
            "signatory": "B",
        }
    ),
    "acceptance within an acceptance": _step(
        {
            "kind": "acceptance",
            "documents": [{"kind": "acceptance", "documents": []}],
            "accepted_on": "2026-02-01",
            "officer": "A",
            "signatory": "B",
        }
    ),
    "acceptance without a date": _step(
        {"kind": "acceptance", "documents": [], "officer": "A", "signatory": "B"}
    ),
    "organisation name a list": _with(organisation_name=["Gemeente"]),
}


def _place(data: bytes) -> Path:
    path = journey_path(ORGANISATION, 2026)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_journey_file_gets_a_sentence(capsys, case) -> None:
    path = _place(HOSTILE[case])
    with pytest.raises(AppError) as refused:
        read_journey(path)
    for language in ("nl", "en", "fr"):
        assert refused.value.render(language)
    code, out, err = run(
        capsys, "journey", "show", "--organisation", ORGANISATION, "--year", "2026"
    )
    assert code == 2, out
    assert err.strip()
    assert "Traceback" not in err
    (entry,) = list_journeys()
    assert entry.journey is None
    assert entry.problem is not None


# what this platform has: a folder everywhere; /dev/zero and FIFOs where the OS has them (Windows
# has neither, and its reads are bounded by the same code)
NOT_FILES = [
    "folder",
    *(["dev-zero"] if Path("/dev/zero").exists() else []),
    *(["fifo"] if hasattr(os, "mkfifo") else []),
]


@pytest.mark.parametrize("kind", NOT_FILES)
def test_a_journey_file_that_is_no_file_gets_a_sentence(capsys, kind) -> None:
    path = journey_path(ORGANISATION, 2026)
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    else:
        os.mkfifo(path)
    code, _, err = run(capsys, "journey", "show", "--organisation", ORGANISATION, "--year", "2026")
    assert code == 2
    assert err.strip()
    assert "Traceback" not in err
    (entry,) = list_journeys()
    assert entry.problem is not None


def test_evidence_files_that_are_no_files_are_refused(capsys, draft, tmp_path) -> None:
    journey = start_for_draft(draft)
    with pytest.raises(AppError):
        attach_document(journey, "project-proposal", Path("/dev/zero"))
    with pytest.raises(AppError):
        attach_document(journey, "project-proposal", tmp_path)
    not_a_record = tmp_path / "x.record.json"
    not_a_record.write_text("{}")
    with pytest.raises(AppError):
        receipt(not_a_record)
    draft_path = tmp_path / "concept.json"
    save_draft(draft, draft_path)
    for target in (Path("/dev/zero"), tmp_path, not_a_record, tmp_path / "missing.pdf"):
        code, _, err = run(
            capsys, "journey", "mark", "project-proposal", "--file", target, "--draft", draft_path
        )
        assert code == 2, target
        assert err.strip(), target
        assert "Traceback" not in err, target
    assert load_journey(ORGANISATION, 2026).records == {}
    assert isinstance(
        attach_document(journey, "project-proposal", write_pdf(tmp_path / "a.pdf", "A", "B")),
        ReceivedDocument,
    )


# -- KSZ: the existing request documents ------------------------------------------------------------


def test_journey_documents_for_a_ksz_draft_are_the_request_documents(capsys, tmp_path) -> None:
    from ksz_helpers import MOTIVATION
    from ksz_helpers import ORGANISATION as KSZ_ORGANISATION

    from desktop_app.crypto import openpgp
    from desktop_app.draft import CategoryChoices

    key = openpgp.generate_key("Stad Voorbeeld", "an.peeters@voorbeeld.be")
    public = tmp_path / "kleopatra.asc"
    openpgp.write_public_key(key, public)
    organisation = {
        **KSZ_ORGANISATION,
        "kbo_numbers": [KSZ_ORGANISATION["kbo_numbers"]],
        "openpgp_fingerprint": key.fingerprint,
    }
    ksz = {"characteristics": ["origin", "sex"], "reference_year": 2025}
    draft = Draft(
        programme_id="ksz-diversiteit",
        organisation=Organisation.from_json(organisation),
        has_file=False,
        categories=CategoryChoices.from_json({"ksz": ksz}),
    )
    path = tmp_path / "ksz.json"
    save_draft(draft, path)
    code, _, err = run(capsys, "journey", "documents", "--draft", path, "--out", tmp_path / "x")
    assert code == 1  # no motivation yet: what is missing is listed, nothing written
    assert err.count("\n") > 1
    assert not (tmp_path / "x").exists()

    ksz = {**ksz, "motivation": MOTIVATION, "public_key_file": str(public)}
    draft.categories = CategoryChoices.from_json({"ksz": ksz})
    save_draft(draft, path)
    out_dir = tmp_path / "aanvraag"
    code, out, err = run(capsys, "journey", "documents", "--draft", path, "--out", out_dir)
    assert code == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "bcss-demande-stad-voorbeeld-2025-fr.odt",
        "bcss-demande-stad-voorbeeld-2025-fr.pdf",
        "ksz-aanvraag-stad-voorbeeld-2025-nl.odt",
        "ksz-aanvraag-stad-voorbeeld-2025-nl.pdf",
        "openpgp-public-key-stad-voorbeeld.asc",
    ]
    assert "mailto:" not in out
    text = pdf_text(out_dir / "ksz-aanvraag-stad-voorbeeld-2025-nl.pdf")
    assert "Stad Voorbeeld" in text
    # the journey of this draft: kbo id and the request's reference year
    code, _, err = run(capsys, "journey", "mark", "decide", "--by", "An Peeters", "--draft", path)
    assert code == 0, err
    assert load_journey("kbo-0207451227", 2025).current_step().id == "motivate"


def test_a_draft_without_number_or_year_gets_a_sentence(capsys, tmp_path) -> None:
    path = tmp_path / "leeg.json"
    save_draft(Draft(programme_id="cbs-barometer-ingezoomd"), path)
    code, _, err = run(capsys, "journey", "mark", "sign-up", "--by", "A", "--draft", path)
    assert code == 2
    assert "loonheffingennummer" in err
    draft = Draft(
        programme_id="cbs-barometer-ingezoomd",
        organisation=Organisation.from_json({"loonheffingennummers": ["802634540L01"]}),
    )
    save_draft(draft, path)
    code, _, err = run(capsys, "journey", "mark", "sign-up", "--by", "A", "--draft", path)
    assert code == 2
    assert "peildatum" in err
    save_draft(Draft(), path)
    code, _, err = run(capsys, "journey", "show", "--draft", path)
    assert code == 2
    assert "programma" in err


@pytest.mark.parametrize("language", ["nl", "en", "fr"])
def test_show_speaks_every_language(capsys, draft, language) -> None:
    journey = start_for_draft(draft)
    mark(journey, "sign-up", confirmation("A. Jansen"))
    code = main(["--lang", language, "journey", "show"])
    out = capsys.readouterr().out
    assert code == 0
    assert journey.programme.name.get(language) in out
    assert journey.step("conditions").title.get(language) in out


# -- the journey records itself (desktop_app.journey.progress) --------------------------------------


def _unsent_record(folder: Path) -> Path:
    """A delivery record as the web-portal route writes it when the file is made (not sent)."""
    delivered = folder / "cbs-upload-rsin-802634540-2026.csv"
    delivered.write_bytes(b"placeholder for the delivered file\n")
    digest = hashlib.sha256(delivered.read_bytes()).hexdigest()
    record = DeliveryRecord(
        manifest={"programme": {"id": "cbs-barometer-ingezoomd"}},
        file=DeliveredFile(delivered.name, digest, delivered.stat().st_size),
        channel=Channel.WEB_PORTAL,
        protection=Protection.NONE,
        recipient_kind="channel",
        recipient_fingerprint=None,
        signer_fingerprint=None,
    )
    path = record_path_for(delivered)
    write_record(path, record)
    return path


def test_record_delivery_marks_the_delivery_step_once_the_file_is_sent(draft, tmp_path) -> None:
    from desktop_app.journey.progress import (
        delivery_step,
        draft_for_journey,
        overview,
        record_delivery,
        record_made,
    )

    programme = load_programme_by_id("cbs-barometer-ingezoomd")
    assert delivery_step(programme).id == "upload"
    assert delivery_step(load_programme_by_id("cbs-barometer-algemeen")).id == "application-form"
    assert delivery_step(load_programme_by_id("ksz-diversiteit")).id == "linkage-file"

    path = _unsent_record(tmp_path)
    assert record_delivery(draft, path) is None  # made, not sent: nothing marked
    assert not journey_path(ORGANISATION, 2026).exists()
    made = record_made(draft, path)
    assert made.state("upload") == "open"
    assert made.prepared["upload"] == made_by_app(path)
    again = load_journey(ORGANISATION, 2026)
    assert again.prepared == made.prepared  # read back from disk
    assert again.view("nl")["prepared"] == ["upload"]
    assert overview(again, "nl").prepared

    confirm_delivered(path, at=dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC))
    journey = record_delivery(draft, path)
    assert journey.state("upload") == "done"
    record = journey.records["upload"]
    assert isinstance(record.evidence, Receipt)
    assert record.evidence.record == str(path.resolve())
    assert record.evidence.record_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert [e["event"] for e in record.evidence.events] == ["delivered"]
    assert record.date == dt.date(2026, 3, 2)
    # only the delivery step: the steps before it stay as the officer left them
    assert set(load_journey(ORGANISATION, 2026).records) == {"upload"}
    before = journey_path(ORGANISATION, 2026).read_bytes()
    record_delivery(draft, path)  # the same record again: nothing changes on disk
    assert journey_path(ORGANISATION, 2026).read_bytes() == before

    view = overview(load_journey(ORGANISATION, 2026), "fr", organisation="Demo")
    assert view.organisation == "Demo"
    assert view.current == programme.office_steps[0].title.get("fr")
    assert view.next == programme.office_steps[1].title.get("fr")
    assert view.waiting_for == ()  # the officer's own step: nothing to wait for yet
    assert not view.office_turn
    assert not view.finished
    # once the officer's steps before the delivery are done, it is the office's turn: the
    # organisation waits for what the office does before the officer's next step, no more
    journey = load_journey(ORGANISATION, 2026)
    for step in ("sign-up", "conditions", "application-form", "project-proposal", "portal-login"):
        journey = mark(journey, step, confirmation("A. Jansen"))
    view = overview(journey, "fr")
    linking, tables = (s for s in programme.office_steps if s.id in ("linking", "tables-delivered"))
    assert view.office_turn
    assert view.waiting_for == (
        linking.title.get("fr"),
        tables.title.get("fr"),
        programme.office_steps[-1].title.get("fr"),
    )
    assert view.organisation == "Gemeente Voorbeeld"  # the name the draft gave the journey
    reopened = reopen(journey, "portal-login")  # the upload is done: every open step the office's
    login = next(s for s in programme.office_steps if s.id == "portal-login")
    assert overview(reopened, "fr").waiting_for == (login.title.get("fr"), *view.waiting_for)

    journey = load_journey(ORGANISATION, 2026)
    assert draft_for_journey(journey, draft) is draft
    other = load_draft(DEMO_DRAFT)
    other.programme_id = "cbs-barometer-algemeen"
    fresh = draft_for_journey(journey, other)
    assert fresh is not other
    assert fresh.programme_id == programme.id
    assert draft_for_journey(journey, None).programme_id == programme.id


def test_record_delivery_refuses_what_is_not_a_record(draft, tmp_path) -> None:
    from desktop_app.journey.progress import record_delivery

    bogus = tmp_path / "bogus.record.json"
    bogus.write_text("{}", encoding="utf-8")
    with pytest.raises(AppError):
        record_delivery(draft, bogus)
    assert not journey_path(ORGANISATION, 2026).exists()
