"""The journey per organisation and year, in the wizard (offscreen): the demo walked to the Done
page through the web-portal route records itself (the file made prepares the delivery step, the
confirmed upload closes it with the officer's record as receipt); the start window lists that
journey with where the officer is and what is next (in Dutch and French), opens its window at
the open step and from there the assistant on its draft at the Done page; the Done page drafts the documents for CBS (the sign-up e-mail as a
``mailto:`` link and text, the answers sheet as PDF and ODT); a journey that cannot be written is
a quiet note, never a dialog."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QScrollArea
from test_transfer_sftp import inbox, sshd  # noqa: F401 (fixtures)
from test_ui_delivery import demo_to_review, encrypt
from test_ui_submission import isolated, office  # noqa: F401 (fixtures)
from wizard_helpers import go_next, shown_wizard

from desktop_app.draft import load_draft
from desktop_app.journey import Receipt, draft_for_journey, load_journey, made_by_app
from desktop_app.journey.documents import CBS_SIGNUP_ADDRESS
from desktop_app.profiles import load_programme_by_id
from desktop_app.ui.app import create_wizard, demo_draft
from desktop_app.ui.i18n import Translations
from desktop_app.ui.routes import PageId

ORGANISATION = "rsin-802634540"
PROGRAMME = "cbs-barometer-ingezoomd"
PDFTOTEXT = shutil.which("pdftotext")
WHERE = {"nl": "Waar u bent: ", "fr": "Où vous en êtes : "}


def step_title(step_id: str, language: str) -> str:
    programme = load_programme_by_id(PROGRAMME)
    return next(s for s in programme.office_steps if s.id == step_id).title.get(language)


def walk_to_done(qtbot, wizard, out: Path):
    """The demo through the web-portal route: the file made, the upload confirmed, Done."""
    demo_to_review(qtbot, wizard)
    go_next(qtbot, wizard, PageId.ENCRYPT)
    encrypt(qtbot, wizard.currentPage(), out)
    submission = wizard.session.submission
    made = load_journey(ORGANISATION, 2026)  # the file made: the delivery step prepared
    assert made.state("upload") == "open"
    assert made.prepared["upload"] == made_by_app(submission.record_path)
    go_next(qtbot, wizard, PageId.SEND)
    wizard.currentPage().delivered_card.confirm_button.click()
    go_next(qtbot, wizard, PageId.DONE)
    return submission


def test_the_journey_records_itself_and_the_start_window_lists_it(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
):
    from desktop_app.ui.pages.start import OpenJourney, StartScreen, opening_page

    autosave = tmp_path / "autosave.json"
    wizard = shown_wizard(qtbot, demo_draft(), autosave, "nl")
    submission = walk_to_done(qtbot, wizard, tmp_path / "out" / "barometer.csv")
    done = wizard.currentPage()
    assert done.sent()
    assert not done.journey_note.isVisible()

    journey = load_journey(ORGANISATION, 2026)
    assert journey.state("upload") == "done"
    evidence = journey.records["upload"].evidence
    assert isinstance(evidence, Receipt)
    assert evidence.record == str(submission.record_path.resolve())
    assert [e["event"] for e in evidence.events] == ["delivered"]
    assert evidence.file_sha256 == submission.package_sha256
    assert journey.current_step().id == "sign-up"  # the steps before it are the officer's own

    saved = load_draft(autosave)
    translations = Translations()
    try:
        for language in ("nl", "fr"):
            translations.install(language)
            screen = StartScreen(saved, language)
            qtbot.addWidget(screen)
            screen.show()
            assert screen.journeys_card.isVisible()
            (row,) = screen.journey_rows
            texts = "\n".join(row.texts())
            assert saved.organisation.name in texts
            assert "2026" in texts
            assert load_programme_by_id(PROGRAMME).name.get(language) in texts
            assert WHERE[language] + step_title("sign-up", language) in texts
            assert step_title("conditions", language) in texts  # what is next
            assert step_title("linking", language) not in texts  # the officer's turn: not
            assert not row.waiting.isVisible()  # waiting for the office
            assert "Where you are" not in texts
            if language == "fr":
                row.open_button.click()  # the journey's window, at its open step
                assert screen.journey_window.current_step_id == "sign-up"
                screen.journey_window.continue_button.click()  # on into the assistant
                assert isinstance(screen.choice, OpenJourney)
                assert screen.choice.journey.organisation == ORGANISATION
    finally:
        translations.install("nl")

    # the journey opens its draft (the autosaved one) at the Done page: the file was made
    assert draft_for_journey(journey, saved) is saved
    assert opening_page(journey, saved) == PageId.DONE
    other = draft_for_journey(journey, None)
    assert other.programme_id == PROGRAMME
    assert opening_page(journey, other) == PageId.PROGRAMME


def test_a_journey_chosen_on_the_start_screen_opens_its_draft(tmp_path, monkeypatch, qtbot):
    from desktop_app.draft import save_draft
    from desktop_app.journey.progress import record_made
    from desktop_app.ui import app as app_module
    from desktop_app.ui.pages.start import OpenJourney

    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    monkeypatch.delenv(app_module.STARTUP_PROBE_ENV, raising=False)
    (tmp_path / "appdata").mkdir()
    saved = demo_draft()
    record = tmp_path / "made.record.json"
    record.write_text("{}", encoding="utf-8")
    journey = record_made(saved, record)
    monkeypatch.setattr(app_module, "choose_start", lambda draft, language: OpenJourney(journey))

    opening: list[PageId] = []
    draft, _autosave = app_module.first_draft(None, False, "nl", pytest.fail, opening)
    assert draft.programme_id == PROGRAMME
    assert not draft.organisation.name  # nothing autosaved yet: a new draft
    assert opening == [PageId.PROGRAMME]

    saved.delivery = type(saved.delivery)(record=record)
    save_draft(saved, app_module.autosave_path())
    opening.clear()
    draft, _autosave = app_module.first_draft(None, False, "nl", pytest.fail, opening)
    assert draft.organisation.name == saved.organisation.name
    assert opening == [PageId.DONE]
    wizard = create_wizard(draft, tmp_path / "autosave.json", "nl")
    qtbot.addWidget(wizard)
    wizard.setStartId(opening[0])
    wizard.restart()
    wizard.show()
    assert wizard.currentId() == PageId.DONE


def test_the_done_page_drafts_the_documents_for_cbs(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
    monkeypatch,
):
    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "autosave.json", "fr")
    walk_to_done(qtbot, wizard, tmp_path / "out" / "barometer.csv")
    done = wizard.currentPage()
    name = wizard.draft.organisation.name
    assert done.documents_card.isVisible()

    done.write_email.click()
    url = isolated[-1]
    assert url.scheme() == "mailto"
    parts = urlsplit(url.toString(url.ComponentFormattingOption.FullyEncoded))
    assert parts.path == CBS_SIGNUP_ADDRESS
    query = parse_qs(parts.query)
    assert name in query["subject"][0]
    assert name in query["body"][0]
    assert done.email_text.isVisible()
    assert name in done.email_text.toPlainText()
    done.copy_email.click()
    assert QGuiApplication.clipboard().text() == done.email_text.toPlainText()

    folder = tmp_path / "answers"
    folder.mkdir()
    asked = []

    def choose(parent, title, start):
        asked.append(start)
        return str(folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    done.save_answers.click()
    assert asked
    assert asked[0]  # starts in Documents
    pdf, odt = sorted(folder.iterdir(), key=lambda p: p.suffix, reverse=True)
    assert pdf.suffix == ".pdf"
    assert odt.suffix == ".odt"
    assert odt.read_bytes()[:2] == b"PK"
    assert done.documents_message.kind == "ok"
    shots = os.environ.get("DIVERSITY_ASSISTANT_SCREENSHOTS")
    if shots:  # the Done page with the documents for CBS, for a look
        scroll = done.findChild(QScrollArea)
        qtbot.wait(50)  # the shown text and button laid out
        scroll.ensureWidgetVisible(done.documents_card)
        wizard.grab().save(str(Path(shots) / "done-documents-fr.png"))
    assert PDFTOTEXT, (
        "pdftotext is not installed: apt-get install poppler-utils (tests/setup-system.sh)"
    )
    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")
    assert name in " ".join(text.split())


def test_a_journey_that_cannot_be_written_is_a_quiet_note(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
    monkeypatch,
):
    from desktop_app.journey import progress

    def fail(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(progress, "record_made", fail)
    monkeypatch.setattr(progress, "record_delivery", fail)
    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "autosave.json", "nl")
    demo_to_review(qtbot, wizard)
    go_next(qtbot, wizard, PageId.ENCRYPT)
    encrypt(qtbot, wizard.currentPage(), tmp_path / "out" / "barometer.csv")
    go_next(qtbot, wizard, PageId.SEND)
    wizard.currentPage().delivered_card.confirm_button.click()
    go_next(qtbot, wizard, PageId.DONE)
    done = wizard.currentPage()
    assert done.sent()
    assert done.journey_note.isVisible()
    assert "No space left on device" in done.journey_note.text()


def test_an_sftp_upload_marks_the_delivery_step_on_the_send_page(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
    office,  # noqa: F811
    sshd,  # noqa: F811
    inbox,  # noqa: F811
):
    """The upload's receipt closes the delivery step as soon as the upload ends (the send page
    records it; the officer need not reach the Done page)."""
    from test_ui_upload import encrypted_demo, fill

    from desktop_app.transfer.hostkeys import remember_host_key

    wizard, page = encrypted_demo(qtbot, tmp_path, office[0])
    panel = wizard.page(PageId.SEND).upload_card
    remember_host_key("127.0.0.1", sshd.port, sshd.host_key.fingerprint)
    fill(panel, f"sftp://127.0.0.1:{sshd.port}{inbox}", sshd.user, key=sshd.user_key.private_file)
    record_path = page.session.submission.record_path
    assert load_journey(ORGANISATION, 2026).state("upload") == "open"  # made, not sent
    panel.upload_button.click()
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
    assert panel.receipt is not None, panel.message.text()
    journey = load_journey(ORGANISATION, 2026)
    assert journey.state("upload") == "done"
    evidence = journey.records["upload"].evidence
    assert isinstance(evidence, Receipt)
    assert evidence.record == str(record_path.resolve())
    assert "uploaded" in [e["event"] for e in evidence.events]
