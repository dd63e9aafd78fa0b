"""The review step's "How the file reaches the office" and the last step per route, driven in the
real wizard (offscreen): the Dutch demo with no certificate at all through CBS's web portal (the
office's own file, the browser opened, the upload confirmed in the record, the file deleted), the
passphrase archive (opened with the real 7-Zip; the passphrase nowhere on disk), and only the
protections each profile accepts on offer."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from gpg_helpers import GpgOffice
from PySide6.QtCore import Qt
from test_ui_submission import isolated, walk_to_categories  # noqa: F401 (fixture)
from wizard_helpers import WAIT, go_next, next_enabled, shown_wizard

from desktop_app.crypto import openpgp
from desktop_app.delivery.record import read_record
from desktop_app.delivery.route import Route
from desktop_app.draft import Draft
from desktop_app.package.build import build_package
from desktop_app.profiles.model import Channel, Protection
from desktop_app.submission import check_draft_file
from desktop_app.ui.app import create_wizard, demo_draft
from desktop_app.ui.wizard import PageId

PORTAL = "https://portal.cbs.example/upload"
PASSPHRASE = re.compile(r"^[0-9a-z]{5}(-[0-9a-z]{5}){4}$")


def demo_to_review(qtbot, wizard):
    """The demo with its small departments merged, on the review page with the preview shown."""
    walk_to_categories(qtbot, wizard)
    (section,) = wizard.currentPage().sections
    qtbot.mouseClick(section.apply_button, Qt.MouseButton.LeftButton)
    go_next(qtbot, wizard, PageId.REVIEW)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.preview is not None and not page.running, timeout=WAIT)
    return page


def office_file(wizard) -> bytes:
    """The office's file as the core builds it from the same draft."""
    draft = wizard.draft.copy()
    package = build_package(
        draft, check_draft_file(draft), recipient_fingerprint=None, signer_fingerprint=None
    )
    return package.output.content


def encrypt(qtbot, page, out: Path) -> None:
    page.target.setText(str(out))
    qtbot.mouseClick(page.encrypt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert page.problem.kind is None, page.problem.text()


def test_the_dutch_demo_without_a_certificate_goes_through_the_web_portal(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
):
    opened = isolated
    autosave = tmp_path / "autosave.json"
    wizard = shown_wizard(qtbot, demo_draft(), autosave, "nl")
    page = demo_to_review(qtbot, wizard)
    assert wizard.draft.delivery.recipient is None  # no certificate anywhere
    assert page.route == Route(Channel.WEB_PORTAL, Protection.NONE)
    assert not page.certificate_card.isVisible()
    assert "uploadportaal" in page.delivery.note.text()  # the profile's note, in Dutch
    preview = page.preview
    assert next_enabled(wizard)
    programme = wizard.programme  # a profile with a public portal address
    wizard._programme = replace(
        programme, delivery=replace(programme.delivery, web_portal_url=PORTAL)
    )
    go_next(qtbot, wizard, PageId.ENCRYPT)

    page = wizard.currentPage()
    assert page.target.text().endswith(preview.file_name)  # barometer_….csv
    assert "portaal" in page.encrypt_button.text()
    out = tmp_path / "out"
    encrypt(qtbot, page, out / preview.file_name)
    submission = page.session.submission
    written = out / preview.file_name
    assert submission.package_path == written
    # exactly the office's file: its columns, a row per employee, no manifest
    data = written.read_bytes()
    assert data == office_file(wizard)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    if len(rows[0]) == 1:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == preview.columns
    assert len(rows) - 1 == preview.rows == submission.rows
    assert b"manifest" not in data
    record_path = submission.record_path
    assert wizard.draft.delivery.record == record_path
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [preview.file_name, record_path.name, submission.summary_path.name]
    )
    assert not page.signer_label.isVisible()  # nothing is signed on this route
    go_next(qtbot, wizard, PageId.SEND)  # sending it is the next step
    page = wizard.currentPage()
    assert not page.upload_card.isVisible()
    panel = page.delivered_card
    assert panel.isVisible()

    panel.open_portal.click()
    assert [url.toString() for url in opened] == [PORTAL]

    summary_before = submission.summary_path.read_bytes()
    assert not read_record(record_path).happened("delivered")
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    assert panel.message.kind is None, panel.message.text()
    events = json.loads(record_path.read_text(encoding="utf-8"))["events"]
    (delivered,) = [e for e in events if e["event"] == "delivered"]
    assert delivered["sha256"] == submission.package_sha256
    assert submission.summary_path.read_bytes() != summary_before  # the PDF rendered again
    assert panel.status.kind == "ok"
    assert not panel.confirm_button.isVisible()
    assert panel.delete_box.isVisible()

    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert not written.exists()
    assert read_record(record_path).happened("plaintext-deleted")
    assert panel.status.kind == "ok"
    assert not panel.delete_box.isVisible()
    assert next_enabled(wizard)


def test_without_a_public_address_the_panel_says_where_the_portal_is(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
):
    opened = isolated
    wizard = shown_wizard(qtbot, Draft(), tmp_path / "autosave.json", "nl")
    from test_ui_submission import walk_algemeen_to_review

    walk_algemeen_to_review(qtbot, wizard)
    go_next(qtbot, wizard, PageId.ENCRYPT)
    page = wizard.currentPage()
    encrypt(qtbot, page, tmp_path / "out" / "aanvraag.csv")
    go_next(qtbot, wizard, PageId.SEND)
    page = wizard.currentPage()
    panel = page.delivered_card
    assert panel.isVisible()
    assert not panel.open_portal.isVisible()  # a hand-over: no portal at all
    assert "overhandigd" in panel.confirm_button.text().replace("&", "")
    # the web portal without an address in the profile: a sentence instead of the button
    panel.page.session.submission = replace(
        page.session.submission, route=Route(Channel.WEB_PORTAL, Protection.NONE)
    )
    panel._show()
    assert not panel.open_portal.isVisible()
    assert panel.no_address.isVisible()
    assert "e-mail" in panel.no_address.text()
    assert opened == []


def test_the_passphrase_archive_opens_with_7zip_and_the_passphrase_is_kept_nowhere(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
):
    autosave = tmp_path / "autosave.json"
    wizard = shown_wizard(qtbot, demo_draft(), autosave, "nl")
    page = demo_to_review(qtbot, wizard)
    preview = page.preview
    page.choose_route(Channel.WEB_PORTAL, Protection.PASSPHRASE)
    assert page.delivery.protection_radios[Protection.PASSPHRASE].isChecked()
    assert page.delivery.message.kind == "info"
    assert next_enabled(wizard)
    go_next(qtbot, wizard, PageId.ENCRYPT)

    page = wizard.currentPage()
    assert page.target.text().endswith(".7z")
    out = tmp_path / "out"
    encrypt(qtbot, page, out / "barometer")
    archive = out / "barometer.7z"
    assert page.session.submission.package_path == archive
    assert page.passphrase_box.isVisible()
    passphrase = page.passphrase.text()
    assert PASSPHRASE.match(passphrase), passphrase
    assert page.session.submission.passphrase is None  # shown, not kept
    assert "telefonisch" in page.passphrase_advice.text()

    opened = tmp_path / "opened"
    assert shutil.which("7z"), "7-Zip is not installed: apt-get install p7zip-full (setup-system)"
    result = subprocess.run(
        ["7z", "x", f"-p{passphrase}", f"-o{opened}", str(archive)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert [p.name for p in opened.iterdir()] == [preview.file_name]
    assert (opened / preview.file_name).read_bytes() == office_file(wizard)
    wrong = subprocess.run(
        ["7z", "x", "-pwrong", f"-o{tmp_path / 'wrong'}", str(archive)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert wrong.returncode != 0

    wizard.autosave()
    secret = passphrase.encode()
    for path in [autosave, *out.iterdir()]:
        assert secret not in path.read_bytes(), path.name
    assert secret not in page.session.submission.record_path.read_bytes()
    wizard.back()  # leaving the page: the passphrase goes from the screen
    assert page.passphrase.text() == ""


def visible_protections(page) -> list[Protection]:
    radios = page.delivery.protection_radios
    return [p for p, radio in radios.items() if radio.isVisibleTo(page)]


def test_the_review_offers_only_the_protections_the_office_accepts(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
    gpg_office,
):
    draft = Draft(programme_id="cbs-barometer-algemeen", has_file=False)
    wizard = create_wizard(draft, None, "nl")
    qtbot.addWidget(wizard)
    page = wizard.page(PageId.REVIEW)
    page.initializePage()
    assert visible_protections(page) == [Protection.NONE]
    assert page.route == Route(Channel.HAND_OVER, Protection.NONE)

    draft = Draft(programme_id="ksz-diversiteit")
    wizard = create_wizard(draft, None, "nl")
    qtbot.addWidget(wizard)
    page = wizard.page(PageId.REVIEW)
    page.initializePage()
    assert visible_protections(page) == [Protection.OPENPGP, Protection.PASSPHRASE]
    assert page.route == Route(Channel.HAND_OVER, Protection.OPENPGP)
    assert page.office_key.card.isVisibleTo(page)
    assert not page.certificate_card.isVisibleTo(page)
    assert page.delivery.problem()  # the office's key first

    page.set_openpgp_key(gpg_office.public)
    assert page.key_message.property("kind") == "warning", page.key_message.text()
    shown = page.key_fingerprint.text()
    assert openpgp.format_fingerprint(gpg_office.fingerprint) in shown
    assert re.search(r"([0-9A-F]{4} ){4}[0-9A-F]{4}", shown)
    assert "ksz@example.test" in page.office_key.details.text()
    assert page.confirm_key.isVisibleTo(page)
    assert page.delivery.problem()  # checked with the office by phone first
    page.confirm_key.click()
    assert page.delivery.problem() is None
    assert draft.delivery.openpgp_key.confirmed_fingerprint == gpg_office.fingerprint

    not_a_key = tmp_path / "not-a-key.asc"
    not_a_key.write_text("hello", encoding="utf-8")
    page.set_openpgp_key(not_a_key)
    assert page.key_message.property("kind") == "error"
    assert page.delivery.problem()

    page.choose_route(Channel.HAND_OVER, Protection.PASSPHRASE)
    assert not page.office_key.card.isVisibleTo(page)
    assert page.delivery.problem() is None
    assert draft.delivery.protection == "passphrase"


@pytest.fixture
def gpg_office(tmp_path):
    office = GpgOffice(tmp_path / "ksz-office")
    yield office
    office.close()


# -- keyboard ----------------------------------------------------------------------------------


def mnemonics(wizard) -> list[str]:
    """The Alt+letter keys of every visible button and buddied label of the wizard."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    keys = []
    for kind in (QAbstractButton, QLabel):
        for widget in wizard.findChildren(kind):
            if not widget.isVisible() or (isinstance(widget, QLabel) and not widget.buddy()):
                continue
            match = re.search(r"&([^&\s])", widget.text().replace("&&", ""))
            if match:
                keys.append(match.group(1).lower())
    return keys


def clashes(wizard) -> list[tuple[str, str]]:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    found = []
    for kind in (QAbstractButton, QLabel):
        for widget in wizard.findChildren(kind):
            if widget.isVisible() and "&" in widget.text():
                found.append((widget.text(), type(widget).__name__))
    return found


def in_tab_chain(page, widget) -> bool:
    """Whether Tab reaches ``widget`` from the page (radio groups: the checked one)."""
    current = page.nextInFocusChain()
    for _ in range(500):
        if current is widget:
            return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        current = current.nextInFocusChain()
    return False


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_the_new_controls_are_reached_by_tab_and_their_keys_do_not_clash(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
    gpg_office,
    language,
):
    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "autosave.json", language)
    page = demo_to_review(qtbot, wizard)
    page.choose_route(Channel.WEB_PORTAL, Protection.OPENPGP)
    page.set_openpgp_key(gpg_office.public)
    delivery = page.delivery
    for widget in (
        delivery.channel_radios[Channel.WEB_PORTAL],
        delivery.protection_radios[Protection.OPENPGP],
        page.office_key.choose_button,
        page.confirm_key,
    ):
        assert in_tab_chain(page, widget), widget.text()
    keys = mnemonics(wizard)
    assert len(keys) == len(set(keys)), clashes(wizard)
    page.confirm_key.click()
    page.choose_route(Channel.WEB_PORTAL, Protection.NONE)
    go_next(qtbot, wizard, PageId.ENCRYPT)
    page = wizard.currentPage()
    encrypt(qtbot, page, tmp_path / "out" / "barometer.csv")
    go_next(qtbot, wizard, PageId.SEND)
    page = wizard.currentPage()
    for widget in (page.delivered_card.confirm_button, page.show_folder):
        assert in_tab_chain(page, widget), widget.text()
    keys = mnemonics(wizard)
    assert len(keys) == len(set(keys)), clashes(wizard)
    page.delivered_card.confirm_button.click()
    assert in_tab_chain(page, page.delivered_card.delete_button)
    keys = mnemonics(wizard)
    assert len(keys) == len(set(keys)), clashes(wizard)


def test_another_route_chosen_after_a_file_was_made_asks_for_the_new_file(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
):
    wizard = shown_wizard(qtbot, Draft(), tmp_path / "autosave.json", "nl")
    from test_ui_submission import walk_algemeen_to_review

    walk_algemeen_to_review(qtbot, wizard)
    go_next(qtbot, wizard, PageId.ENCRYPT)
    page = wizard.currentPage()
    encrypt(qtbot, page, tmp_path / "out" / "aanvraag.csv")
    assert next_enabled(wizard)
    wizard.back()
    go_next(qtbot, wizard, PageId.ENCRYPT)  # the same route: the file made stays the result
    assert page.result_card.isVisible()
    wizard.back()
    review = wizard.currentPage()
    programme = wizard.programme  # an office that also takes a passphrase archive
    wizard._programme = replace(
        programme,
        delivery=replace(programme.delivery, protections=(Protection.NONE, Protection.PASSPHRASE)),
    )
    review.choose_route(Channel.HAND_OVER, Protection.PASSPHRASE)
    go_next(qtbot, wizard, PageId.ENCRYPT)
    assert page.session.submission is None
    assert not page.result_card.isVisible()
    assert page.target.text().endswith("aanvraag.7z")
    assert not next_enabled(wizard)
