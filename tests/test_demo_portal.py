"""The demo's office: the SFTP server on loopback that ``--demo`` starts inside the assistant.

First the portal alone with our real upload client (a 2 MB package arrives and the server's own
SHA-256 equals the file's and the receipt's; a wrong pin is refused before any login; nothing
outside the inbox is reachable; stopping removes the inbox), then the demo in the wizard, from
review to the receipt, and the test-only certificate still refused outside demo mode.
"""

from __future__ import annotations

import json
import os
import random
import socket
from dataclasses import replace
from pathlib import Path

import keyring
import paramiko
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea
from test_ui_delivery import demo_to_review, encrypt
from test_ui_submission import isolated  # noqa: F401 (fixture)
from wizard_helpers import WAIT, go_next

from desktop_app.crypto.errors import CryptoError
from desktop_app.crypto.recipient import TEST_RECIPIENT_SHA256
from desktop_app.delivery.record import read_record
from desktop_app.draft import UploadSettings, save_draft
from desktop_app.profiles.model import Channel, Protection
from desktop_app.submission import make_submission
from desktop_app.transfer import Credentials, TransferError, file_sha256, receipt_path, upload
from desktop_app.transfer import demo_portal as demo_module
from desktop_app.transfer.credentials import SERVICE, keyring_account
from desktop_app.transfer.demo_portal import DemoPortal, running_portal
from desktop_app.transfer.hostkeys import remembered_host_key
from desktop_app.transfer.model import Portal, RetryPolicy
from desktop_app.transfer.sftp import free_bytes
from desktop_app.ui import app as app_module
from desktop_app.ui.app import create_wizard, demo_draft, run_wizard, starting_draft
from desktop_app.ui.demo import allows_test_certificate, demo_certificate, made_for_the_demo
from desktop_app.ui.routes import PageId
from desktop_app.ui.wizard import DiversityWizard

SMALL_DEPARTMENTS = (  # merged: the demo's package can be made
    "Bestuursondersteuning",
    "Juridische zaken",
    "HR",
    "Klantcontactcentrum",
    "Financiën",
    "ICT",
    "Ruimtelijke ontwikkeling",
)
QUICK = RetryPolicy(attempts_without_progress=1, max_attempts=1, first_delay=0.01, timeout=10)


@pytest.fixture(autouse=True)
def _app_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))


@pytest.fixture
def portal():
    with DemoPortal() as server:
        yield server


def package(folder: Path, size: int = 2 * 1024 * 1024, name: str = "barometer.p7m") -> Path:
    path = folder / name
    path.write_bytes(random.Random(7).randbytes(size))
    return path


def sftp_client(server: DemoPortal) -> tuple[paramiko.Transport, paramiko.SFTPClient]:
    transport = paramiko.Transport(("127.0.0.1", server.port))
    transport.connect(username=server.user, password=server.password)
    client = paramiko.SFTPClient.from_transport(transport)
    assert client is not None
    return transport, client


def test_a_package_arrives_and_the_server_hashes_it(portal: DemoPortal, tmp_path: Path) -> None:
    file = package(tmp_path)
    assert portal.url == f"sftp://127.0.0.1:{portal.port}/inbox"
    assert portal.fingerprint.startswith("SHA256:")
    receipt = upload(file, portal.portal(), Credentials(portal.user, password=portal.password))
    [arrived] = portal.received()
    assert arrived.name == file.name
    assert arrived.size == file.stat().st_size == 2 * 1024 * 1024
    assert arrived.sha256 == file_sha256(file) == receipt.sha256
    assert receipt.server_identity == portal.fingerprint
    assert receipt.destination == f"{portal.url}/{file.name}"
    assert receipt_path(file).exists()
    assert (portal.inbox / file.name).read_bytes() == file.read_bytes()
    assert [p.name for p in portal.inbox.iterdir()] == [file.name]  # no temporary file left


def test_the_free_space_is_reported(portal: DemoPortal) -> None:
    transport, client = sftp_client(portal)
    try:
        free = free_bytes(client, "/inbox")
        assert free is not None
        assert free > 0
    finally:
        transport.close()


def test_a_wrong_pin_is_refused_before_login(
    portal: DemoPortal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logins: list[str] = []
    original = demo_module._Server.check_auth_password

    def counted(self, username: str, password: str) -> int:
        logins.append(username)
        return original(self, username, password)

    monkeypatch.setattr(demo_module._Server, "check_auth_password", counted)
    wrong = Portal.from_url(portal.url, host_key_sha256="SHA256:" + "A" * 43)
    with pytest.raises(TransferError) as refused:
        upload(
            package(tmp_path),
            wrong,
            Credentials(portal.user, password=portal.password),
            retry=QUICK,
        )
    assert refused.value.message.key == "transfer.host-key-changed"
    assert logins == []
    assert portal.received() == ()
    # the right pin with the wrong password: refused at login
    with pytest.raises(TransferError) as login:
        upload(package(tmp_path), portal.portal(), Credentials(portal.user, "guess"), retry=QUICK)
    assert login.value.message.key == "transfer.login-refused"
    assert logins == [portal.user]


def test_nothing_outside_the_inbox(portal: DemoPortal, tmp_path: Path) -> None:
    outside = portal.inbox.parent
    transport, client = sftp_client(portal)
    try:
        for path in ("../x", "/inbox/../x", "/x", "/inbox/sub/x", "inbox/../../x"):
            with pytest.raises(PermissionError):
                client.open(path, "w")
        with pytest.raises(PermissionError):
            client.stat("/etc/passwd")
        with client.open("/inbox/ok.txt", "w") as remote:
            remote.write(b"ok")
        with pytest.raises(PermissionError):
            client.rename("/inbox/ok.txt", "../ok.txt")
        with pytest.raises(PermissionError):
            client.remove("/inbox")
        with pytest.raises(OSError):  # unsupported: no listing, no folders
            client.listdir("/inbox")
    finally:
        transport.close()
    assert sorted(p.name for p in outside.iterdir()) == ["inbox"]
    assert [p.name for p in portal.inbox.iterdir()] == ["ok.txt"]
    # our client aimed at the folder above the inbox is refused with its message
    above = Portal.from_url(
        f"sftp://127.0.0.1:{portal.port}/inbox/..", host_key_sha256=portal.fingerprint
    )
    with pytest.raises(TransferError) as refused:
        upload(
            package(tmp_path, 1000),
            above,
            Credentials(portal.user, password=portal.password),
            retry=QUICK,
        )
    assert refused.value.message.key == "transfer.permission-denied"


def test_an_existing_file_is_never_replaced(portal: DemoPortal, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    first = package(tmp_path / "a", 5000)
    upload(first, portal.portal(), Credentials(portal.user, password=portal.password))
    other = tmp_path / "b" / first.name
    other.parent.mkdir()
    other.write_bytes(b"something else")
    with pytest.raises(TransferError) as refused:
        upload(other, portal.portal(), Credentials(portal.user, password=portal.password))
    assert refused.value.message.key == "transfer.remote-exists"
    [arrived] = portal.received()
    assert arrived.sha256 == file_sha256(first)


def test_stop_removes_the_inbox_and_closes_the_port(tmp_path: Path) -> None:
    server = DemoPortal().start()
    upload(package(tmp_path, 1000), server.portal(), Credentials(server.user, server.password))
    inbox, port = server.inbox, server.port
    assert inbox.exists()
    server.stop()
    assert not inbox.exists()
    assert not inbox.parent.exists()
    assert not server.running
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass
    server.stop()  # twice is harmless


# -- the demo in the wizard ----------------------------------------------------------------------

SHOTS = Path(os.environ.get("DEMO_SHOTS", "")) if os.environ.get("DEMO_SHOTS") else None


def shot(wizard, name: str) -> None:
    """With ``DEMO_SHOTS=<folder>``: the window as the officer sees it (offscreen)."""
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        QApplication.processEvents()
        assert wizard.grab().save(str(SHOTS / f"{name}.png"))


def send_page(wizard):
    """The step that uploads: the send page where it exists, else the encrypt page."""
    send = getattr(PageId, "SEND", None)
    return wizard.page(send) if send is not None else wizard.page(PageId.ENCRYPT)


def test_the_demo_goes_to_sent_over_the_demo_portal(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
):
    wizard = create_wizard(demo_draft(), tmp_path / "autosave.json", "nl", demo=True)
    qtbot.addWidget(wizard)
    wizard.resize(1100, 760)
    wizard.show()
    server: DemoPortal = wizard.demo_portal
    assert server.running
    assert wizard.windowTitle().startswith("DEMO")
    wizard.set_language("en")
    assert wizard.windowTitle() == "DEMO - Diversity Assistant"
    wizard.set_language("nl")
    assert wizard.windowTitle().startswith("DEMO")

    review = demo_to_review(qtbot, wizard)
    assert review.demo_banner.isVisibleTo(review)
    assert "test" in review.demo_banner.text().lower()
    route = review.route
    assert (route.channel, route.protection) == (Channel.SFTP, Protection.CMS)
    assert review.certificate_file == demo_certificate()
    assert review.certificate_problem() is None  # the test-only certificate, on the demo's way
    assert "TEST ONLY" in review.office_certificate.details.text()
    shot(wizard, "demo-review-nl")
    if SHOTS is not None:  # the route and the test-only certificate, further down the page
        review.findChild(QScrollArea).ensureWidgetVisible(review.certificate_card)
        shot(wizard, "demo-review-route-nl")

    go_next(qtbot, wizard, PageId.ENCRYPT)
    encrypt(qtbot, wizard.currentPage(), tmp_path / "out" / "barometer.p7m")
    submission = wizard.session.submission
    assert submission is not None
    page = send_page(wizard)
    if hasattr(PageId, "SEND"):
        go_next(qtbot, wizard, PageId.SEND)
    panel = page.upload_card
    assert panel.isVisibleTo(page)
    assert panel.demo_banner.isVisibleTo(panel)
    assert panel.url.text() == server.url
    assert panel.user.text() == server.user
    assert panel.password.text() == server.password  # handed over, not typed
    assert not panel.remember.isVisibleTo(panel)
    # made for the test-only certificate (its key is public): to the demo's server only
    assert made_for_the_demo(submission.recipient_fingerprint)
    panel.url.setText("sftp://192.0.2.1:22/upload")
    qtbot.mouseClick(panel.upload_button, Qt.MouseButton.LeftButton)
    assert not panel.running
    assert "test" in panel.message.text()
    panel.url.setText(server.url)
    panel.url.editingFinished.emit()
    qtbot.mouseClick(panel.upload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.running, timeout=WAIT)
    receipt = panel.receipt
    assert receipt is not None, panel.message.text()
    assert panel.host_key_dialog is None  # pinned: no question
    [arrived] = server.received()
    assert arrived.name == submission.package_path.name
    assert arrived.sha256 == receipt.sha256 == submission.package_sha256
    assert panel.receipt_values["sha256"].text() == arrived.sha256
    assert receipt.destination.startswith(f"sftp://127.0.0.1:{server.port}/inbox/")
    assert receipt.server_identity == server.fingerprint
    record = read_record(submission.record_path)
    assert [event["event"] for event in record.events] == ["made", "uploaded"]
    assert record.events[1]["destination"] == receipt.destination
    assert record.events[1]["sha256"] == arrived.sha256
    # the demo's password is in no keyring and no draft; its host key in no store
    assert keyring.get_password(SERVICE, keyring_account(server.portal(), server.user)) is None
    saved = json.dumps(wizard.draft.to_json())
    assert server.password not in saved
    assert remembered_host_key("127.0.0.1", server.port) is None
    shot(wizard, "demo-sent-nl")
    done = getattr(PageId, "DONE", None)
    if done is not None and wizard.currentId() == getattr(PageId, "SEND", None):
        go_next(qtbot, wizard, done)
        shot(wizard, "demo-done-nl")

    inbox = server.inbox
    wizard.close()
    server.stop()
    assert not inbox.exists()
    assert not allows_test_certificate(wizard.draft)  # the demo's office gone: refused again


def test_outside_the_demo_the_test_certificate_is_refused(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
):
    draft = demo_draft()
    draft.categories = draft.categories.with_merges(
        "Afdeling", dict.fromkeys(SMALL_DEPARTMENTS, "overig")
    )  # the package could be made: only the certificate stands in the way
    with DemoPortal() as elsewhere:  # a draft naming a demo-like address that is not running
        url = elsewhere.url
    send_to_demo_office_settings = replace(
        draft.delivery,
        channel=Channel.SFTP.value,
        protection=Protection.CMS.value,
        upload=UploadSettings(url=url, user="demo"),
    )
    draft.delivery = send_to_demo_office_settings
    assert not allows_test_certificate(draft)
    wizard = create_wizard(draft, tmp_path / "autosave.json", "en")
    qtbot.addWidget(wizard)
    assert not hasattr(wizard, "demo_portal")
    assert not wizard.windowTitle().startswith("DEMO")
    review = wizard.page(PageId.REVIEW)
    review.set_certificate(demo_certificate())
    review.confirm.setChecked(True)
    assert "test" in (review.certificate_problem() or "").lower()
    assert not review.demo_banner.isVisibleTo(review)
    # the core refuses it too, as submission_job calls it outside the demo
    with pytest.raises(CryptoError) as refused:
        make_submission(
            draft,
            demo_certificate(),
            tmp_path / "out.p7m",
            confirmed_fingerprint=TEST_RECIPIENT_SHA256,
            allow_test_certificate=allows_test_certificate(draft),
            protection=Protection.CMS,
            channel=Channel.SFTP,
        )
    assert refused.value.message.key == "crypto.recipient-test-only"
    assert not (tmp_path / "out.p7m").exists()


def test_only_the_demo_starts_a_portal(
    qtbot,
    tmp_path: Path,
    isolated,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[DemoPortal] = []
    original = DemoPortal.start

    def counted(self: DemoPortal) -> DemoPortal:
        started.append(self)
        return original(self)

    monkeypatch.setattr(DemoPortal, "start", counted)
    draft, _autosave = starting_draft(None, False, "nl", ask=lambda *_a: False)
    wizard = create_wizard(draft, None, "nl")
    qtbot.addWidget(wizard)
    assert started == []
    assert not allows_test_certificate(wizard.draft)
    # the real start without --demo, up to app.exec(), with the demo's draft as a file (the
    # officer opens a saved copy of it): no office is started, the certificate stays refused
    saved = tmp_path / "demo-copy.json"
    save_draft(demo_draft(), saved)
    monkeypatch.setattr(QApplication, "exec", lambda _app: 0)
    before = set(QApplication.topLevelWidgets())
    assert run_wizard(draft_path=saved, demo=False, language="nl") == 0
    assert started == []
    [opened] = [
        window
        for window in QApplication.topLevelWidgets()
        if isinstance(window, DiversityWizard) and window not in before
    ]
    qtbot.addWidget(opened)
    assert not hasattr(opened, "demo_portal")
    assert not opened.windowTitle().startswith("DEMO")
    assert not allows_test_certificate(opened.draft)


def test_run_wizard_with_demo_starts_the_office_and_stops_it(
    qtbot,
    isolated,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
):
    """The real start (``diversity-assistant --demo`` calls ``run_wizard(demo=True)``) up to
    ``app.exec()``: the portal runs while the window is open and is gone when it returns."""
    seen: dict[str, object] = {}
    opened: list[DiversityWizard] = []
    original = app_module.mark_demo

    def marked(wizard: DiversityWizard, server: DemoPortal) -> None:
        opened.append(wizard)
        original(wizard, server)

    def exec_(_app) -> int:
        [wizard] = opened
        server = wizard.demo_portal
        seen.update(
            title=wizard.windowTitle(),
            url=wizard.draft.delivery.upload.url,
            running=server.running,
            inbox=server.inbox,
            allowed=allows_test_certificate(wizard.draft),
        )
        qtbot.addWidget(wizard)
        return 0

    monkeypatch.setattr(app_module, "mark_demo", marked)
    monkeypatch.setattr(QApplication, "exec", exec_)
    assert run_wizard(demo=True, language="fr") == 0
    assert str(seen["title"]).startswith("DÉMO - ")
    assert str(seen["title"]).count("MO - ") == 1
    assert str(seen["url"]).startswith("sftp://127.0.0.1:")
    assert seen["running"] is True
    assert seen["allowed"] is True
    assert not Path(str(seen["inbox"])).exists()  # stopped when the window's loop ended
    assert running_portal(str(seen["url"])) is None


def test_an_inbox_a_killed_demo_left_behind_is_swept_at_the_next_start(tmp_path, monkeypatch):
    """SIGTERM or a crash skips the clean-up: the next demo removes inboxes older than half a
    day (only demo data was ever there) and keeps a recent one (a demo running now)."""
    import os
    import tempfile
    import time

    from desktop_app.transfer import demo_portal

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    old = tmp_path / f"{demo_portal.INBOX_PREFIX}old"
    (old / "inbox").mkdir(parents=True)
    (old / "inbox" / "barometer.csv").write_text("demo")
    stale = time.time() - demo_portal.STALE_AFTER - 60
    os.utime(old, (stale, stale))
    recent = tmp_path / f"{demo_portal.INBOX_PREFIX}recent"
    recent.mkdir()
    other = tmp_path / "someone-elses-folder"
    other.mkdir()
    os.utime(other, (stale, stale))
    with demo_portal.DemoPortal() as portal:
        assert portal.inbox.is_dir()
        assert portal.inbox.parent.parent == tmp_path
    assert not old.exists()
    assert recent.exists()
    assert other.exists()
