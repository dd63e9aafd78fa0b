"""The journey window and the start window's journeys (offscreen, real widgets).

A restart in the middle of a CBS journey (sign-up to the project proposal done on disk, the
window built afresh) opens the journey at its open step (the portal login); the officer confirms
the login's arrival, attaches the project proposal and delivery agreement with their acceptance,
chooses the yearly folder (the draft's choices filed in it) and attaches the table set (its file
handed on by a signal the results import can connect); "Repeat last year's choices" on the start
window gives the assistant a new draft without confirmations or fingerprints; a wizard opened on a
journey's Done page offers a way to the first step instead of a Back it cannot have.
Screenshots of the start window with journeys in progress (nl, fr) are saved when
``DIVERSITY_ASSISTANT_SCREENSHOTS`` names a folder."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QFileDialog, QScrollArea, QWizard

from desktop_app.draft import RecipientChoice, load_draft, save_draft
from desktop_app.intake.fingerprint import SourceFingerprint
from desktop_app.journey import (
    Acceptance,
    confirmation,
    load_journey,
    mark,
    start_for_draft,
    start_journey,
)
from desktop_app.journey.folder import INDEX_FILE, file_choices, open_year_folder, read_year_folder
from desktop_app.profiles import load_programme_by_id
from desktop_app.render import html_to_pdf
from desktop_app.ui.app import create_wizard, demo_draft
from desktop_app.ui.i18n import Translations
from desktop_app.ui.routes import PageId

ORGANISATION = "rsin-802634540"
HERE = {"nl": "(u bent hier)", "fr": "(vous êtes ici)", "en": "(you are here)"}


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))


@pytest.fixture
def translations():
    installed = Translations()
    yield installed
    installed.install("nl")


def journey_in_the_middle():
    """The demo's CBS journey with its first four steps done, on disk."""
    draft = demo_draft()
    journey = start_for_draft(draft)
    for number, step in enumerate(
        ("sign-up", "conditions", "application-form", "project-proposal")
    ):
        journey = mark(journey, step, confirmation("A. Jansen"), on=dt.date(2026, 1, 5 + number))
    return draft


def pdf(path: Path, title: str) -> Path:
    path.write_bytes(html_to_pdf(f"<html><body><h1>{title}</h1></body></html>", title))
    return path


def test_a_restart_in_the_middle_opens_the_journey_at_its_open_step(
    qtbot, tmp_path, monkeypatch, translations
) -> None:
    from desktop_app.ui.pages.journey import JourneyWindow
    from desktop_app.ui.pages.start import OpenJourney, StartScreen

    draft = journey_in_the_middle()
    # a new start: everything read again from disk
    translations.install("nl")
    screen = StartScreen(draft, "nl")
    qtbot.addWidget(screen)
    screen.show()
    (row,) = screen.journey_rows
    # the office's turn: what the organisation waits for now, not every later office step
    assert "Wachten op de instantie: " + step_title("portal-login", "nl") in row.texts()
    assert step_title("linking", "nl") not in "\n".join(row.texts())
    row.open_button.click()
    window = screen.journey_window
    assert isinstance(window, JourneyWindow)
    assert window.isVisible()
    assert window.current_step_id == "portal-login"
    steps = window.steps
    assert HERE["nl"] in steps.list.currentItem().text()
    assert steps.login_note.isVisible()
    assert not steps.attach_button.isVisible()  # the login letter is never attached

    # the login arrived: a confirmation by name, on a chosen day
    steps.name.setText("A. Jansen")
    steps.date.setDate(QDate(2026, 2, 20))
    steps.mark_button.click()
    qtbot.waitUntil(lambda: not steps.recording, timeout=5000)
    journey = load_journey(ORGANISATION, 2026)
    assert journey.records["portal-login"].date == dt.date(2026, 2, 20)
    assert journey.records["portal-login"].evidence.kind == "confirmation"
    assert steps.message.kind == "ok"

    # the yearly folder: chosen in the window, the draft's choices filed in it
    yearly = tmp_path / "Diversiteit 2026"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(yearly))
    window.folder_button.click()
    assert window.folder_message.kind == "ok"
    assert window.folder_path.text() == str(yearly.resolve())
    assert [f.kind for f in read_year_folder(yearly).files] == ["choices"]

    # the project proposal was marked by mistake without its documents: reopen and accept
    steps.list.setCurrentRow(3)
    assert window.current_step_id == "project-proposal"
    assert steps.reopen_button.isVisible()
    steps.reopen_button.click()
    assert load_journey(ORGANISATION, 2026).state("project-proposal") == "open"
    assert steps.signatory.isVisible()
    proposal = pdf(tmp_path / "Projectvoorstel.pdf", "Projectvoorstel")
    agreement = pdf(tmp_path / "Leveringsovereenkomst.pdf", "Leveringsovereenkomst")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a: ([str(proposal), str(agreement)], "")
    )
    steps.attach_button.click()
    assert steps.attached.text() == "Projectvoorstel.pdf\nLeveringsovereenkomst.pdf"
    steps.mark_button.click()  # no names yet: a sentence, nothing marked
    qtbot.waitUntil(lambda: not steps.recording, timeout=5000)
    assert steps.message.kind == "error"
    assert load_journey(ORGANISATION, 2026).state("project-proposal") == "open"
    steps.name.setText("A. Jansen")
    steps.signatory.setText("J. de Wit")
    steps.date.setDate(QDate(2026, 2, 12))
    steps.mark_button.click()
    assert not steps.mark_button.isEnabled()  # while the documents are filed
    qtbot.waitUntil(lambda: not steps.recording, timeout=5000)
    assert steps.mark_button.isEnabled()
    assert steps.message.kind == "ok", steps.message.text()
    evidence = load_journey(ORGANISATION, 2026).records["project-proposal"].evidence
    assert isinstance(evidence, Acceptance)
    assert (evidence.accepted_on, evidence.officer, evidence.signatory) == (
        dt.date(2026, 2, 12),
        "A. Jansen",
        "J. de Wit",
    )
    filed = read_year_folder(yearly).of_kind("received")
    assert sorted(f.sha256 for f in filed) == sorted(
        hashlib.sha256(p.read_bytes()).hexdigest() for p in (proposal, agreement)
    )

    # closed: the start window's row says where the officer is now
    window.close_button.click()
    assert screen.journey_window is None
    assert screen.isVisible()
    assert "Waar u bent: " + step_title("upload", "nl") in row.texts()
    # opened again, at the new open step; Continue opens the assistant on its draft
    row.open_button.click()
    assert screen.journey_window.current_step_id == "upload"
    screen.journey_window.continue_button.click()
    assert isinstance(screen.choice, OpenJourney)
    assert screen.choice.journey.state("portal-login") == "done"
    assert screen.result() == QDialog.DialogCode.Accepted


def step_title(step_id: str, language: str) -> str:
    programme = load_programme_by_id("cbs-barometer-ingezoomd")
    return next(s for s in programme.office_steps if s.id == step_id).title.get(language)


def test_the_table_set_is_handed_to_the_results_import(qtbot, tmp_path, monkeypatch) -> None:
    from desktop_app.ui.pages.journey import JourneyWindow

    draft = journey_in_the_middle()
    journey = load_journey(ORGANISATION, 2026)
    window = JourneyWindow(journey, "en", draft)
    qtbot.addWidget(window)
    window.show()
    steps = window.steps
    steps.list.setCurrentRow(7)
    assert window.current_step_id == "tables-delivered"
    tables = tmp_path / "tabellenset.xlsx"
    tables.write_bytes(b"PK\x03\x04 the office's tables")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tables), ""))
    steps.attach_button.click()
    steps.name.setText("A. Jansen")
    with qtbot.waitSignal(window.table_set_received, timeout=2000) as received:
        steps.mark_button.click()
    handed = received.args[0]
    assert handed.read_bytes() == tables.read_bytes()
    assert handed.parent == load_journey(ORGANISATION, 2026).folder
    assert "✓ 8." in steps.list.item(7).text()


def test_repeat_last_years_choices_from_the_start_window(
    qtbot, tmp_path, monkeypatch, translations
) -> None:
    from desktop_app.ui import app as app_module
    from desktop_app.ui.pages.start import RepeatedDraft, StartScreen

    last = demo_draft()
    last.source = last.source.__class__(
        path=last.source.path,
        sheet=last.source.sheet,
        header_row=last.source.header_row,
        fingerprint=SourceFingerprint("ab" * 32, 10),
    )
    last.delivery = last.delivery.__class__(
        recipient=RecipientChoice(tmp_path / "cbs.pem", "cd" * 32), channel="web-portal"
    )
    last.categories = last.categories.with_merges("Afdeling", {"ICT": "ICT en Onthaal"})
    folder = open_year_folder(ORGANISATION, 2026, tmp_path / "2026")
    file_choices(folder, last)
    screen = StartScreen(None, "en", journeys=[])
    qtbot.addWidget(screen)
    screen.show()
    assert screen.repeat_button.isVisible()

    # something that is not last year's: a sentence on the window, no choice
    stray = tmp_path / "stray.json"
    stray.write_text("[]", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(stray), ""))
    screen.repeat_button.click()
    assert screen.repeat_message.kind == "error"
    assert screen.choice is None

    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(folder.folder / INDEX_FILE), "")
    )
    screen.repeat_button.click()
    choice = screen.choice
    assert isinstance(choice, RepeatedDraft)
    new = choice.draft
    assert new.mapping == last.mapping
    assert new.categories.merges == {"Afdeling": {"ICT": "ICT en Onthaal"}}
    assert new.delivery.channel == "web-portal"
    assert new.checklist == {}
    assert new.source.fingerprint is None
    assert new.delivery.recipient.confirmed_sha256 is None
    assert new.year == 2027

    # the assistant opens on that draft
    monkeypatch.delenv(app_module.STARTUP_PROBE_ENV, raising=False)
    monkeypatch.setattr(app_module, "choose_start", lambda draft, language: choice)
    opened, _autosave = app_module.first_draft(None, False, "en", pytest.fail, [])
    assert opened is new


def test_a_wizard_opened_on_the_done_page_goes_to_the_first_step(qtbot, tmp_path) -> None:
    draft = demo_draft()
    record = tmp_path / "made.record.json"
    record.write_text("{}", encoding="utf-8")
    wizard = create_wizard(draft, tmp_path / "autosave.json", "nl")
    qtbot.addWidget(wizard)
    wizard.setStartId(PageId.DONE)
    wizard.restart()
    wizard.show()
    assert wizard.currentId() == PageId.DONE
    back = wizard.button(QWizard.WizardButton.BackButton)
    first = wizard.first_step_button
    assert not back.isVisible()  # no history to go back through
    assert first.isVisible()
    assert first.text() == "< Naar de &eerste stap"
    first.click()
    assert wizard.currentId() == PageId.PROGRAMME
    assert not first.isVisible()
    assert wizard.draft.organisation.name == draft.organisation.name  # nothing lost
    # a wizard that starts at the first page never shows it
    plain = create_wizard(demo_draft(), None, "nl")
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.first_step_button.isVisible()


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_start_window_with_journeys_in_progress(qtbot, tmp_path, language, translations) -> None:
    """Two journeys in progress (one waiting for the office, one with the file made and not sent):
    each row names the organisation, programme and year, where the officer is and what is next;
    saved as a screenshot for a look when asked."""
    from desktop_app.journey.progress import record_made
    from desktop_app.ui.pages.start import StartScreen

    draft = journey_in_the_middle()
    autosave = tmp_path / "autosave.json"
    save_draft(draft, autosave)
    other = start_journey("kbo-0123456789", 2025, load_programme_by_id("ksz-diversiteit"))
    mark(other, "decide", confirmation("M. Peeters"))
    record = tmp_path / "made.record.json"
    record.write_text("{}", encoding="utf-8")
    record_made(draft, record)
    translations.install(language)
    screen = StartScreen(load_draft(autosave), language)
    qtbot.addWidget(screen)
    # the window opens within the screen and as tall as its content where it fits; the
    # content scrolls (journeys and results make it taller than a laptop screen at 200%)
    available = screen.screen().availableGeometry()
    assert screen.height() <= available.height()
    assert screen.height() >= min(screen.content.sizeHint().height(), available.height() - 40)
    assert isinstance(screen.content.parentWidget().parentWidget(), QScrollArea)
    screen.resize(640, 900)
    screen.show()
    qtbot.wait(50)
    assert len(screen.journey_rows) == 2
    texts = ["\n".join(row.texts()) for row in screen.journey_rows]
    assert any(draft.organisation.name in t and "2026" in t for t in texts)
    assert any("kbo-0123456789" in t and "2025" in t for t in texts)
    for row in screen.journey_rows:
        assert row.open_button.isVisible()
        assert row.width() <= screen.width()
    shots = os.environ.get("DIVERSITY_ASSISTANT_SCREENSHOTS")
    if shots:
        screen.grab().save(str(Path(shots) / f"start-journeys-{language}.png"))
        screen.journey_rows[0].open_button.click()
        qtbot.wait(50)
        screen.journey_window.resize(900, 640)
        qtbot.wait(50)
        screen.journey_window.grab().save(str(Path(shots) / f"journey-window-{language}.png"))
        screen.journey_window.reject()


def test_recording_a_step_files_off_the_window_thread(qtbot, monkeypatch) -> None:
    """A slow copy (a network drive, a large PDF) runs on a worker: the window keeps drawing
    meanwhile, the buttons are off, and the step is saved when it is done. The copy waits until
    the test has seen the event loop tick and then lets it go (no sleep, no timing guess)."""
    import threading

    from PySide6.QtCore import QTimer

    from desktop_app.journey import mark_step
    from desktop_app.ui.pages.journey import JourneyWindow
    from desktop_app.ui.widgets import journey_steps

    draft = journey_in_the_middle()
    journey = load_journey(ORGANISATION, 2026)
    threads = []
    started, release = threading.Event(), threading.Event()

    def held_mark(*args, **kwargs):
        threads.append(threading.current_thread())
        started.set()
        assert release.wait(10), "the test never let the copy go"
        return mark_step(*args, **kwargs)

    monkeypatch.setattr(journey_steps, "mark_step", held_mark)
    window = JourneyWindow(journey, "en", draft)
    qtbot.addWidget(window)
    window.show()
    steps = window.steps
    assert window.current_step_id == "portal-login"
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    steps.name.setText("A. Jansen")
    steps.mark_button.setFocus()
    qtbot.waitUntil(steps.mark_button.hasFocus, timeout=2000)
    steps.mark_button.click()
    assert steps.recording
    assert not steps.mark_button.isEnabled()
    assert not steps.list.isEnabled()
    qtbot.waitUntil(started.is_set, timeout=5000)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5000)  # the loop ticks during the copy
    assert steps.recording
    release.set()
    qtbot.waitUntil(lambda: not steps.recording, timeout=5000)
    timer.stop()
    assert threads
    assert threads[0] is not threading.main_thread()
    assert steps.message.kind == "ok"
    assert steps.mark_button.isEnabled()
    assert steps.list.isEnabled()
    assert steps.mark_button.hasFocus()  # the keyboard is back where it was
    assert load_journey(ORGANISATION, 2026).state("portal-login") == "done"


def test_a_failed_recording_says_why_and_names_the_file(qtbot, monkeypatch) -> None:
    from desktop_app.ui.pages.journey import JourneyWindow
    from desktop_app.ui.widgets import journey_steps

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device", "/media/share/Diversiteit 2026")

    monkeypatch.setattr(journey_steps, "mark_step", full_disk)
    draft = journey_in_the_middle()
    window = JourneyWindow(load_journey(ORGANISATION, 2026), "en", draft)
    qtbot.addWidget(window)
    window.show()
    steps = window.steps
    steps.name.setText("A. Jansen")
    steps.mark_button.click()
    qtbot.waitUntil(lambda: not steps.recording, timeout=5000)
    assert steps.message.kind == "error"
    assert steps.message.text() == "No space left on device: /media/share/Diversiteit 2026"
    assert load_journey(ORGANISATION, 2026).state("portal-login") == "open"
    assert steps.mark_button.isEnabled()
