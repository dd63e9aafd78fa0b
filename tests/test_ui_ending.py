"""The ending, driven in the real wizard (offscreen): the file is made on its own step, sent on the
next (the web portal confirmed, or a hand-over left unconfirmed) and the last page says plainly
"sent" (with the date and the SHA-256 from the officer's record) or "not sent yet" (with how to go
on), then what happens next at the office from the programme profile. Closing with a file made
but not sent asks first; closing after sending or before any file does not."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWizard
from test_transfer_sftp import inbox, sshd  # noqa: F401 (fixtures)
from test_ui_delivery import demo_to_review, encrypt
from test_ui_submission import isolated, office  # noqa: F401 (fixtures)
from wizard_helpers import go_next, next_enabled, shown_wizard

from desktop_app.delivery.record import read_record
from desktop_app.delivery.route import Route
from desktop_app.draft import Draft
from desktop_app.profiles.model import Channel, Protection
from desktop_app.text import grouped_hex
from desktop_app.ui.app import demo_draft
from desktop_app.ui.routes import CBS_ROUTE, PageId, ksz_route
from desktop_app.ui.widgets.hex_value import HexValue

NEXT_STEPS = {
    "nl": [
        "Het CBS koppelt herkomst en maakt de tabellen",
        "Tabellenset in het downloadportaal",
        "Publicatie op cbs.nl",
    ],
    "fr": [
        "Le CBS relie l'origine et établit les tableaux",
        "L'ensemble de tableaux dans le portail de téléchargement",
        "Publication sur cbs.nl",
    ],
}
SENT = {"nl": "Verstuurd", "fr": "Envoyé"}
STEP_NAMES = {
    "nl": ("Bestand maken", "Versturen", "Klaar"),
    "fr": ("Créer le fichier", "Envoyer", "Terminé"),
}


def test_the_routes_end_with_making_sending_and_done():
    assert CBS_ROUTE[-3:] == (PageId.ENCRYPT, PageId.SEND, PageId.DONE)
    assert ksz_route(True)[-3:] == (PageId.ENCRYPT, PageId.SEND, PageId.DONE)
    assert ksz_route(False)[-1] == PageId.KSZ_REQUEST


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_the_web_portal_confirmed_ends_sent_with_the_offices_next_steps(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
    language,
):
    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "autosave.json", language)
    review = demo_to_review(qtbot, wizard)
    assert review.route == Route(Channel.WEB_PORTAL, Protection.NONE)
    steps = [wizard.step_labels[p].text() for p in (PageId.ENCRYPT, PageId.SEND, PageId.DONE)]
    assert steps == [
        f"{n}. {name}" for n, name in zip((9, 10, 11), STEP_NAMES[language], strict=True)
    ]
    go_next(qtbot, wizard, PageId.ENCRYPT)
    page = wizard.currentPage()
    assert page.title() == STEP_NAMES[language][0]
    assert not wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    assert not next_enabled(wizard)  # the file first
    encrypt(qtbot, page, tmp_path / "out" / "barometer.csv")
    submission = page.session.submission

    go_next(qtbot, wizard, PageId.SEND)
    send = wizard.currentPage()
    assert send.title() == STEP_NAMES[language][1]
    assert not send.upload_card.isVisible()
    panel = send.delivered_card
    assert panel.isVisible()
    assert str(submission.package_path) in send.package_path.text()
    panel.confirm_button.click()
    assert panel.message.kind is None, panel.message.text()
    events = read_record(submission.record_path).events
    (delivered,) = [e for e in events if e["event"] == "delivered"]

    go_next(qtbot, wizard, PageId.DONE)
    done = wizard.currentPage()
    assert done.title() == STEP_NAMES[language][2]
    assert done.sent()
    assert done.status.kind == "ok"
    assert done.status.text().startswith(SENT[language])
    texts = " ".join(label.text() for label in done.details_box.findChildren(QLabel))
    assert grouped_hex(submission.package_sha256) in texts  # in groups, as GnuPG shows one
    (digest,) = done.details_box.findChildren(HexValue)  # readable: the page's size, selectable
    assert digest.value == submission.package_sha256
    assert digest.font().pointSizeF() == done.font().pointSizeF()
    assert digest.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert digest.accessibleName()
    day = delivered["at"][:10].split("-")  # the local date, dd-mm-yyyy
    assert "-".join(reversed(day)) in texts or day[0] in texts
    assert not done.resume.isVisible()
    assert done.next_step_titles() == NEXT_STEPS[language]
    for title in NEXT_STEPS[language]:
        assert title.replace("'", "&#x27;") in done.next_steps.text()
    assert done.open_summary.isEnabled()
    done.show_folder.click()
    assert isolated[-1].toLocalFile() == str(submission.package_path.parent)

    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible()
    assert finish.isEnabled()
    finish.click()  # sent: no question
    assert getattr(wizard, "close_question", None) is None
    assert not wizard.isVisible()


def test_a_hand_over_left_unconfirmed_ends_not_sent_and_closing_asks(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
):
    before = shown_wizard(qtbot, Draft(), tmp_path / "before.json", "nl")
    before.close()  # no file yet: closing does not ask
    assert getattr(before, "close_question", None) is None
    assert not before.isVisible()
    wizard = shown_wizard(qtbot, Draft(), tmp_path / "autosave.json", "nl")
    from test_ui_submission import walk_algemeen_to_review

    walk_algemeen_to_review(qtbot, wizard)
    go_next(qtbot, wizard, PageId.ENCRYPT)
    page = wizard.currentPage()
    encrypt(qtbot, page, tmp_path / "out" / "aanvraag.csv")
    submission = page.session.submission
    assert submission.route.channel is Channel.HAND_OVER
    go_next(qtbot, wizard, PageId.SEND)
    assert wizard.currentPage().delivered_card.isVisible()
    go_next(qtbot, wizard, PageId.DONE)
    done = wizard.currentPage()
    assert not done.sent()
    assert done.status.kind == "warning"
    assert done.status.text().startswith("Nog niet verstuurd")
    assert done.resume.isVisible()
    assert "diversity-assistant upload" in done.resume.text()
    labels = " ".join(label.text() for label in done.details_box.findChildren(QLabel))
    assert str(submission.package_path) in labels

    # Finish asks; "Stay" (the default) keeps the window
    wizard.button(QWizard.WizardButton.FinishButton).click()
    box = wizard.close_question
    assert box is not None
    assert box.isVisible()
    assert "Nog niet verstuurd" in box.text()
    assert str(submission.package_path) in box.informativeText()
    assert box.defaultButton() is box.stay_button
    box.stay_button.click()
    assert wizard.isVisible()
    assert wizard.close_question is None
    # the window's close asks too; "Close anyway" closes, the file and the draft kept
    wizard.close()
    assert wizard.isVisible()
    box = wizard.close_question
    box.close_button.click()
    assert not wizard.isVisible()
    assert submission.package_path.exists()
    assert (tmp_path / "autosave.json").exists()


def test_closing_with_a_file_not_sent_answers_through_a_patched_box(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
    monkeypatch,
):
    """The Close button on the send page: the question, answered by a patched box."""
    from desktop_app.ui.pages import done as done_module

    wizard = shown_wizard(qtbot, Draft(), tmp_path / "autosave.json", "nl")
    from test_ui_submission import walk_algemeen_to_review

    walk_algemeen_to_review(qtbot, wizard)
    go_next(qtbot, wizard, PageId.ENCRYPT)
    encrypt(qtbot, wizard.currentPage(), tmp_path / "out" / "aanvraag.csv")
    go_next(qtbot, wizard, PageId.SEND)
    asked = []
    real = done_module.close_question

    def answering(parent, file):
        box = real(parent, file)
        asked.append(file)
        box.open = box.close_button.click  # the officer closes anyway
        return box

    monkeypatch.setattr(done_module, "close_question", answering)
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert asked == [wizard.session.submission.package_path]
    assert not wizard.isVisible()


# -- the start screen ---------------------------------------------------------------------------


def test_the_start_screen_offers_a_new_submission_and_the_one_in_progress(qtbot):
    from desktop_app.ui.app import application
    from desktop_app.ui.pages.start import StartChoice, StartScreen

    application()
    draft = demo_draft()
    screen = StartScreen(draft, "nl")
    qtbot.addWidget(screen)
    screen.show()
    assert screen.continue_card.isVisible()
    assert draft.organisation.name in screen.continue_details.text()
    assert screen.continue_button.isDefault()
    assert screen.results_card.isVisible()
    assert screen.results.count() == 0  # results and journeys come later
    assert screen.results_empty.text()
    screen.continue_button.click()
    assert screen.choice is StartChoice.CONTINUE

    empty = StartScreen(None, "nl")
    qtbot.addWidget(empty)
    empty.show()
    assert not empty.continue_card.isVisible()
    assert empty.new_button.isDefault()
    empty.new_button.click()
    assert empty.choice is StartChoice.NEW


def test_a_real_launch_begins_on_the_start_screen(tmp_path, monkeypatch):
    from desktop_app.draft import save_draft
    from desktop_app.ui import app as app_module
    from desktop_app.ui.pages import start as start_module
    from desktop_app.ui.pages.start import StartChoice, StartClosed

    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    monkeypatch.delenv(app_module.STARTUP_PROBE_ENV, raising=False)
    shown = []
    answer = [StartChoice.NEW]

    def choose(draft, language):
        shown.append(draft)
        return answer[0]

    monkeypatch.setattr(start_module, "choose_start", choose)
    monkeypatch.setattr(app_module, "choose_start", choose)

    def first():
        return app_module.first_draft(None, False, "nl", report=pytest.fail)

    # nothing in progress: the screen with "prepare" only
    draft, _autosave = first()
    assert shown == [None]
    assert draft.programme_id is None
    # a draft in progress: continue it, or begin anew
    saved = demo_draft()
    (tmp_path / "appdata").mkdir()
    save_draft(saved, app_module.autosave_path())
    answer[0] = StartChoice.CONTINUE
    draft, _autosave = first()
    assert shown[-1] is not None
    assert draft.organisation.name == saved.organisation.name
    answer[0] = StartChoice.NEW
    assert first()[0].programme_id is None
    answer[0] = None  # closed: the assistant ends
    with pytest.raises(StartClosed):
        first()
    # a draft named on the command line or the demo: straight into the wizard
    shown.clear()
    app_module.first_draft(None, True, "nl", report=pytest.fail)
    assert shown == []


def test_an_sftp_upload_ends_sent_with_the_receipt(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
    office,  # noqa: F811
    sshd,  # noqa: F811
    inbox,  # noqa: F811
):
    """The upload on the send page (OpenSSH's sshd on loopback): done says sent, with the
    destination, the time and the server's SHA-256 from the receipt in the officer's record."""
    from test_ui_upload import encrypted_demo, fill

    from desktop_app.transfer.hostkeys import remember_host_key

    wizard, page = encrypted_demo(qtbot, tmp_path, office[0])
    panel = wizard.page(PageId.SEND).upload_card
    remember_host_key("127.0.0.1", sshd.port, sshd.host_key.fingerprint)
    fill(panel, f"sftp://127.0.0.1:{sshd.port}{inbox}", sshd.user, key=sshd.user_key.private_file)
    done = wizard.page(PageId.DONE)
    done.initializePage()
    assert not done.sent()  # made, not sent yet
    panel.upload_button.click()
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
    assert panel.receipt is not None, panel.message.text()
    done.initializePage()
    assert done.sent()
    assert done.status.property("kind") == "ok"  # the wizard is not shown in this test
    texts = " ".join(label.text() for label in done.details_box.findChildren(QLabel))
    assert panel.receipt.destination in texts
    assert grouped_hex(page.session.submission.package_sha256) in texts
    assert done.next_step_titles() == NEXT_STEPS["nl"]
