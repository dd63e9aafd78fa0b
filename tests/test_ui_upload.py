"""The upload step of the encrypt page against OpenSSH's real sshd on loopback: the demo's package
goes up after the officer confirms the server's key in a dialog, the receipt shows the server's
SHA-256 (equal to the local one), a wrong pin is refused with its message, passwords stay in the
keyring and never in the draft, and a cancelled upload resumes."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import keyring
from PySide6.QtCore import QDateTime, Qt
from test_transfer_sftp import inbox, sshd  # noqa: F401 (fixtures)
from test_transfer_tus import tls, tus  # noqa: F401 (fixtures)
from test_ui_submission import WAIT, isolated, office  # noqa: F401 (fixtures)

from desktop_app.delivery.record import read_record
from desktop_app.draft import Delivery, UploadSettings
from desktop_app.profiles.model import Channel, Protection
from desktop_app.transfer import Portal, receipt_path
from desktop_app.transfer.credentials import SERVICE, keyring_account
from desktop_app.transfer.hostkeys import remember_host_key, remembered_host_key
from desktop_app.ui.app import create_wizard, demo_draft
from desktop_app.ui.wizard import PageId
from tests.conftest import sha256_of
from tests.servers.keys import make_ssh_key
from tests.servers.sshd import PASSWORD

SMALL_DEPARTMENTS = (
    "Bestuursondersteuning",
    "Juridische zaken",
    "HR",
    "Klantcontactcentrum",
    "Financiën",
    "ICT",
    "Ruimtelijke ontwikkeling",
)


def encrypted_demo(qtbot, tmp_path: Path, office_pem: Path):
    """The wizard with the demo's package made (small departments merged, certificate confirmed,
    signed, encrypted), as the officer has it on the encrypt page; the upload is on the send page."""
    draft = demo_draft()
    draft.categories = draft.categories.with_merges(
        "Afdeling", dict.fromkeys(SMALL_DEPARTMENTS, "overig")
    )
    wizard = create_wizard(draft, tmp_path / "autosave.json", "nl")
    qtbot.addWidget(wizard)
    wizard.resize(1100, 760)
    review = wizard.page(PageId.REVIEW)
    review.choose_route(Channel.SFTP, Protection.CMS)  # the default is CBS's web portal
    review.set_certificate(office_pem)
    review.confirm.setChecked(True)
    page = wizard.page(PageId.ENCRYPT)
    page.initializePage()
    page.target.setText(str(tmp_path / "out" / "barometer.p7m"))
    page.start()
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert page.session.submission is not None, page.problem.text()
    send = wizard.page(PageId.SEND)  # the next step: sending it
    send.initializePage()
    assert send.upload_card.isVisibleTo(send)
    return wizard, page


def kind(panel) -> str | None:
    """The panel's message kind (error, warning, ok, info), None while no message is shown."""
    return panel.message.property("kind") if panel.message.isVisibleTo(panel) else None


def fill(panel, url: str, user: str, key: Path | None = None, password: str = "") -> None:
    panel.url.setText(url)
    panel.url.editingFinished.emit()
    panel.user.setText(user)
    panel.user.editingFinished.emit()
    panel.key_file.setText(str(key) if key else "")
    panel.password.setText(password)


def test_upload_confirms_the_host_key_and_shows_the_receipt(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
    office,  # noqa: F811
    sshd,  # noqa: F811
    inbox,  # noqa: F811
):
    wizard, page = encrypted_demo(qtbot, tmp_path, office[0])
    panel = wizard.page(PageId.SEND).upload_card
    package = page.session.submission.package_path
    url = f"sftp://127.0.0.1:{sshd.port}{inbox}"
    fill(panel, url, sshd.user, key=sshd.user_key.private_file)
    assert panel.upload_button.isEnabled()
    qtbot.mouseClick(panel.upload_button, Qt.MouseButton.LeftButton)
    assert panel.running
    page._show()
    assert not page.encrypt_button.isEnabled()  # no new package while this one goes up

    # First contact: the worker waits until the officer compares the fingerprint and confirms.
    qtbot.waitUntil(lambda: panel.host_key_dialog is not None, timeout=WAIT)
    dialog = panel.host_key_dialog
    assert dialog.isVisible()
    assert dialog.fingerprint.text() == sshd.host_key.fingerprint
    assert "127.0.0.1" in dialog.text.text()
    assert dialog.refuse_button.isDefault()
    assert panel.running
    assert list(inbox.iterdir()) == []
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.running, timeout=WAIT)

    assert kind(panel) == "ok", panel.message.text()
    receipt = panel.receipt
    local = page.session.submission.package_sha256
    assert sha256_of(inbox / package.name) == receipt.sha256 == local == sha256_of(package)
    assert receipt.server_identity == sshd.host_key.fingerprint
    assert panel.receipt_box.isVisibleTo(panel)
    assert panel.receipt_values["destination"].text() == f"{url}/{package.name}"
    assert panel.receipt_values["sha256"].text() == local
    assert (
        panel.receipt_values["size"]
        .text()
        .startswith(f"{package.stat().st_size:,}".replace(",", "."))
    )
    shown = QDateTime.fromString(panel.receipt_values["time"].text(), "dd-MM-yyyy HH:mm:ss")
    uploaded = QDateTime.fromString(receipt.uploaded_at, Qt.DateFormat.ISODate)
    assert shown.toSecsSinceEpoch() == uploaded.toSecsSinceEpoch()
    assert receipt_path(package).exists()
    assert panel.receipt_values["file"].text() == str(receipt_path(package))
    # the officer's record of the package holds the receipt: the server's hash, read back
    record = read_record(page.session.submission.record_path)
    assert [event["event"] for event in record.events] == ["made", "uploaded"]
    assert record.events[1]["sha256"] == sha256_of(package)

    # The draft keeps the portal settings, never a password; the confirmed key is kept in the one
    # host-key store (app data), not in the draft (issue 13: one store).
    settings = wizard.draft.delivery.upload
    assert settings.url == url
    assert settings.user == sshd.user
    assert "host_key_sha256" not in json.dumps(wizard.draft.to_json())
    assert remembered_host_key("127.0.0.1", sshd.port) == sshd.host_key.fingerprint
    assert "password" not in json.dumps(wizard.draft.to_json())

    # A wrong key (the office's key changed, or someone is in between): refused, with its message.
    other = make_ssh_key(tmp_path / "other").fingerprint
    remember_host_key("127.0.0.1", sshd.port, other)
    panel.upload_button.click()
    qtbot.waitUntil(lambda: not panel.running, timeout=WAIT)
    assert panel.host_key_dialog is None  # a pinned key is never asked about
    assert kind(panel) == "error"
    text = panel.message.text()
    assert other in text
    assert sshd.host_key.fingerprint in text
    assert "Er is niets verzonden" in text  # the Dutch message of transfer.host-key-changed
    assert panel.receipt is None

    wizard.set_language("fr")
    assert "Rien n'a été envoyé" in panel.message.text()


def test_a_refused_host_key_sends_nothing(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
    office,  # noqa: F811
    sshd,  # noqa: F811
    inbox,  # noqa: F811
):
    wizard, _page = encrypted_demo(qtbot, tmp_path, office[0])
    panel = wizard.page(PageId.SEND).upload_card
    fill(panel, f"sftp://127.0.0.1:{sshd.port}{inbox}", sshd.user, key=sshd.user_key.private_file)
    panel.upload_button.click()
    qtbot.waitUntil(lambda: panel.host_key_dialog is not None, timeout=WAIT)
    qtbot.mouseClick(panel.host_key_dialog.refuse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.running, timeout=WAIT)
    assert kind(panel) == "error"
    assert sshd.host_key.fingerprint in panel.message.text()
    assert list(inbox.iterdir()) == []
    assert "host_key_sha256" not in json.dumps(panel.settings().to_json())
    assert remembered_host_key("127.0.0.1", sshd.port) is None


def test_password_login_is_remembered_in_the_keyring_only(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
    office,  # noqa: F811
    sshd,  # noqa: F811
    inbox,  # noqa: F811
):
    assert sshd.password_user is not None, "the UI tests run as root (creates a test user)"
    wizard, _page = encrypted_demo(qtbot, tmp_path, office[0])
    panel = wizard.page(PageId.SEND).upload_card
    url = f"sftp://127.0.0.1:{sshd.port}{inbox}"
    remember_host_key("127.0.0.1", sshd.port, sshd.host_key.fingerprint)
    wizard.draft.delivery = Delivery(UploadSettings(url=url, user=sshd.password_user))
    panel.load()
    assert panel.url.text() == url
    assert panel.password.text() == ""  # nothing in the keyring yet
    assert panel.password.echoMode() == panel.password.EchoMode.Password
    panel.password.setText("wrong password 1")
    panel.remember.setChecked(True)
    panel.upload_button.click()
    qtbot.waitUntil(lambda: not panel.running, timeout=WAIT)
    assert kind(panel) == "error"
    assert sshd.password_user in panel.message.text()
    assert (
        keyring.get_password(SERVICE, keyring_account(Portal.from_url(url), sshd.password_user))
        is None
    )

    panel.password.setText(PASSWORD)
    panel.upload_button.click()
    qtbot.waitUntil(lambda: not panel.running, timeout=WAIT)
    assert kind(panel) == "ok", panel.message.text()
    account = keyring_account(Portal.from_url(url), sshd.password_user)
    assert keyring.get_password(SERVICE, account) == PASSWORD
    wizard.close()
    assert PASSWORD not in (tmp_path / "autosave.json").read_text(encoding="utf-8")

    # Next time the password comes from the keyring.
    panel.password.clear()
    panel.remember.setChecked(False)
    panel.load()
    assert panel.password.text() == PASSWORD
    assert panel.remember.isChecked()


def test_cancel_stops_and_upload_resumes(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
    office,  # noqa: F811
    sshd,  # noqa: F811
    inbox,  # noqa: F811
    monkeypatch,
):
    import desktop_app.ui.jobs.upload as upload_module

    wizard, page = encrypted_demo(qtbot, tmp_path, office[0])
    panel = wizard.page(PageId.SEND).upload_card
    fill(panel, f"sftp://127.0.0.1:{sshd.port}{inbox}", sshd.user, key=sshd.user_key.private_file)
    remember_host_key("127.0.0.1", sshd.port, sshd.host_key.fingerprint)
    real_upload = upload_module.upload

    reached, proceed = threading.Event(), threading.Event()

    def paused_after_the_first_chunk(package, portal, credentials, progress, cancel, **kwargs):
        def report(done, total):
            progress(done, total)
            if done > 0 and not reached.is_set():
                reached.set()
                proceed.wait(10)  # the officer presses Cancel meanwhile

        return real_upload(package, portal, credentials, report, cancel, **kwargs)

    monkeypatch.setattr(upload_module, "upload", paused_after_the_first_chunk)
    panel.upload_button.click()
    qtbot.waitUntil(reached.is_set, timeout=WAIT)
    qtbot.waitUntil(lambda: panel.bar.maximum() > 0, timeout=WAIT)  # bytes, not busy
    assert panel.progress_box.isVisibleTo(panel)
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    proceed.set()
    qtbot.waitUntil(lambda: not panel.running, timeout=WAIT)
    assert kind(panel) == "warning", panel.message.text()
    assert panel.upload_button.text() == "&Upload hervatten"
    package = page.session.submission.package_path
    assert not (inbox / package.name).exists()

    monkeypatch.setattr(upload_module, "upload", real_upload)
    panel.upload_button.click()
    qtbot.waitUntil(lambda: not panel.running, timeout=WAIT)
    assert kind(panel) == "ok", panel.message.text()
    assert sha256_of(inbox / package.name) == page.session.submission.package_sha256


def test_https_upload_trusts_a_custom_ca_only_when_asked(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
    office,  # noqa: F811
    tls,  # noqa: F811
    tus,  # noqa: F811
):
    wizard, page = encrypted_demo(qtbot, tmp_path, office[0])
    panel = wizard.page(PageId.SEND).upload_card
    panel.url.setText(tus.url())
    panel.url.editingFinished.emit()
    panel._show()
    assert panel.use_ca.isVisibleTo(panel)
    assert not panel.key_file.isVisibleTo(panel)  # SFTP only
    assert not panel.ca_file.isVisibleTo(panel)  # only under the explicit checkbox
    panel.ca_file.setText(str(tls.ca_file))  # typed, but the checkbox is off: not used
    panel.upload_button.click()
    qtbot.waitUntil(lambda: not panel.running, timeout=WAIT)
    assert kind(panel) == "error"
    assert "niet vertrouwd" in panel.message.text()  # transfer.tls-untrusted, in Dutch
    assert tus.finished_uploads() == []

    panel.use_ca.setChecked(True)
    assert panel.ca_file.isVisibleTo(panel)
    panel.upload_button.click()
    qtbot.waitUntil(lambda: not panel.running, timeout=WAIT)
    assert kind(panel) == "ok", panel.message.text()
    assert panel.receipt.protocol == "tus"
    ((stored, _size),) = tus.finished_uploads()
    assert sha256_of(stored) == page.session.submission.package_sha256 == panel.receipt.sha256
    assert wizard.draft.delivery.upload.ca_file == str(tls.ca_file)
    assert "host_key_sha256" not in json.dumps(wizard.draft.to_json())
