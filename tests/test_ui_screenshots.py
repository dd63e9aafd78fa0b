"""A screenshot of every page in Dutch and French, for review (and to catch layouts that break).

The PNGs go to $DIVERSITY_ASSISTANT_SCREENSHOTS when set, else to the test's temporary folder.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from test_crypto_support import InMemoryKeyring
from test_transfer_sftp import inbox, sshd  # noqa: F401 (fixtures)
from test_ui_submission import office_certificate, walk_algemeen_to_review
from wizard_helpers import shown_wizard

from desktop_app.demo_data import StaffOptions, write_demo_workbook
from desktop_app.draft import Draft
from desktop_app.resources import resource_path
from desktop_app.ui.app import demo_draft
from desktop_app.ui.widgets import ScrollArea
from desktop_app.ui.wizard import PageId

WAIT = 20_000


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Path:
    return office_certificate(tmp_path_factory.mktemp("office"))[0]


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(InMemoryKeyring())
    yield
    keyring.set_keyring(previous)


def screenshot_folder(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("DIVERSITY_ASSISTANT_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def scroll_to_bottom(page) -> None:
    scroll = page.findChild(ScrollArea).verticalScrollBar()
    scroll.setValue(scroll.maximum())


class Camera:
    """Saves the wizard as ``{language}-{page id}-{prefix}{name}.png``; :attr:`shots` lists them."""

    def __init__(self, qtbot, wizard, folder: Path, language: str, prefix: str = "") -> None:
        self.qtbot, self.wizard, self.folder = qtbot, wizard, folder
        self.language, self.prefix = language, prefix
        self.shots: list[Path] = []

    def __call__(self, name: str) -> None:
        self.qtbot.wait(50)
        path = self.folder / f"{self.language}-{self.wizard.currentId()}-{self.prefix}{name}.png"
        assert self.wizard.grab().save(str(path))
        self.shots.append(path)


def go_next(wizard) -> None:
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_screenshot_of_every_page(
    qtbot,
    tmp_path,
    monkeypatch,
    language,
    office,
    memory_keyring,
    sshd,  # noqa: F811
    inbox,  # noqa: F811
):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    folder = screenshot_folder(tmp_path)
    source = tmp_path / "personeel.xlsx"
    write_demo_workbook(source, StaffOptions(n=300, messy=True))  # errors first
    draft = demo_draft()
    draft.source = replace(draft.source, path=source)
    wizard = shown_wizard(qtbot, draft, tmp_path / "autosave.json", language)
    shoot = Camera(qtbot, wizard, folder, language)
    shots = shoot.shots

    for name in ("programme", "checklist", "organisation"):
        shoot(name)
        go_next(wizard)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.table is not None and not page.running, timeout=WAIT)
    shoot("file")
    go_next(wizard)
    shoot("mapping")
    go_next(wizard)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    shoot("validation-errors")
    shutil.copy(resource_path("samples", "demo-personeel.xlsx"), source)  # the bundled demo
    page.reload()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    assert page.acknowledge.isVisible()
    page.acknowledge.click()
    shoot("validation-warnings")
    go_next(wizard)
    assert wizard.currentId() == PageId.CATEGORIES
    page = wizard.currentPage()
    shoot("categories-too-small")
    page.sections[0].apply_button.click()
    wizard.currentPage().findChild(ScrollArea).verticalScrollBar().setValue(0)
    shoot("categories-merged")
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)  # the table preview and its audit
    scroll_to_bottom(page)
    shoot("categories-audit")
    go_next(wizard)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.preview is not None and not page.running, timeout=WAIT)
    page.set_certificate(office)
    shoot("review")
    page.confirm.click()
    scroll_to_bottom(page)
    shoot("review-certificate")
    go_next(wizard)
    page = wizard.currentPage()
    page.target.setText(str(tmp_path / "out" / "barometer.p7m"))
    shoot("encrypt")
    page.start()
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert page.session.submission is not None, page.problem.text()
    shoot("encrypt-done")

    # The upload: the officer confirms the server's key, the receipt shows the server's hash.
    go_next(wizard)
    page = wizard.currentPage()
    panel = page.upload_card
    panel.url.setText(f"sftp://127.0.0.1:{sshd.port}{inbox}")
    panel.user.setText(sshd.user)
    panel.key_file.setText(str(sshd.user_key.private_file))
    panel.url.editingFinished.emit()
    scroll_to_bottom(page)
    shoot("upload")
    panel.upload_button.click()
    qtbot.waitUntil(lambda: panel.host_key_dialog is not None, timeout=WAIT)
    qtbot.wait(50)
    dialog_shot = folder / f"{language}-{wizard.currentId()}-upload-host-key-dialog.png"
    assert panel.host_key_dialog.grab().save(str(dialog_shot))
    shots.append(dialog_shot)
    panel.host_key_dialog.confirm_button.click()
    qtbot.waitUntil(lambda: not panel.running, timeout=WAIT)
    assert panel.receipt is not None, panel.message.text()
    scroll_to_bottom(page)
    shoot("upload-done")
    go_next(wizard)  # the ending: sent, with the receipt, and what CBS does next
    shoot("done")
    assert len(shots) == 18
    assert all(p.stat().st_size > 10_000 for p in shots)


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_screenshot_of_the_general_variant_without_a_file(
    qtbot, tmp_path, monkeypatch, language, office, memory_keyring
):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    folder = screenshot_folder(tmp_path)
    wizard = shown_wizard(qtbot, Draft(), tmp_path / "autosave.json", language)
    shoot = Camera(qtbot, wizard, folder, language, "algemeen-")
    shots = shoot.shots

    def organisation(page) -> None:
        scroll_to_bottom(page)
        shoot("organisation-counts")

    walk_algemeen_to_review(qtbot, wizard, organisation)
    page = wizard.currentPage()
    page.set_certificate(office)
    page.confirm.click()
    shoot("review")
    assert len(shots) == 2
    assert all(p.stat().st_size > 10_000 for p in shots)


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_screenshot_of_the_ksz_pages(qtbot, tmp_path, monkeypatch, language, memory_keyring):
    """The Belgian route's own pages: decisions, motivation (an example-only text refused),
    categories (a crossing too small, then fixed by a proposal) and the request."""
    from ksz_helpers import MOTIVATION, ORGANISATION, staff_file
    from PySide6.QtWidgets import QFileDialog
    from test_ui_ksz import walk_to_decisions

    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    folder = screenshot_folder(tmp_path)
    source = staff_file(tmp_path)
    wizard = shown_wizard(qtbot, Draft(), tmp_path / "autosave.json", language)
    shoot = Camera(qtbot, wizard, folder, language, "ksz-")
    shots = shoot.shots

    walk_to_decisions(qtbot, wizard)
    page = wizard.currentPage()
    page.year.setValue(2025)
    page.own_data.click()
    shoot("decisions")
    go_next(wizard)
    page = wizard.currentPage()
    page.fields["purpose"].example_button.click()
    page.fields["legal_basis"].edit.setPlainText(MOTIVATION["legal_basis"])
    shoot("motivation-refused")
    for name, text in MOTIVATION.items():
        page.fields[name].edit.setPlainText(text)
    shoot("motivation")
    go_next(wizard)
    page = wizard.currentPage()
    page.open_file(source)
    qtbot.waitUntil(lambda: page.session.table is not None and not page.running, timeout=WAIT)
    go_next(wizard)
    page = wizard.currentPage()
    for i in range(page.breakdowns.count()):
        item = page.breakdowns.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in ("Afdeling", "Niveau"):
            item.setCheckState(Qt.CheckState.Checked)
    go_next(wizard)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    if page.acknowledge.isVisible():
        page.acknowledge.click()
    go_next(wizard)
    assert wizard.currentId() == PageId.KSZ_CATEGORIES
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: not page.running and page.outcome is not None, timeout=WAIT)
    shoot("categories")
    qtbot.wait(50)  # the scroll area learns the new size of its content
    page.findChild(ScrollArea).ensureWidgetVisible(page.views[0].proposal_rows[-1][1], 0, 200)
    shoot("categories-too-small")
    while failing := [v for v in page.views if not v.result.passes]:
        failing[0].proposal_rows[0][1].click()  # one crossing at a time, as an officer would
        qtbot.waitUntil(lambda: not page.running and page.outcome is not None, timeout=WAIT)
    qtbot.wait(50)
    scroll_to_bottom(page)
    shoot("categories-fixed")
    go_next(wizard)
    page = wizard.currentPage()
    shoot("request")
    page.create_button.click()
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    documents = tmp_path / "aanvraag"
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(documents))
    )
    page.save_button.click()
    assert len(page.written) == 5
    shoot("request-done")
    qtbot.wait(50)
    scroll_to_bottom(page)
    shoot("request-next")
    assert ORGANISATION["name"] in (tmp_path / "autosave.json").read_text(encoding="utf-8")
    assert len(shots) == 9
    assert all(p.stat().st_size > 10_000 for p in shots)
