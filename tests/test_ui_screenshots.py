"""A screenshot of every page in Dutch and French, for review (and to catch layouts that break).

The PNGs go to $DIVERSITY_ASSISTANT_SCREENSHOTS when set, else to the test's temporary folder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import keyring
import pytest
from PySide6.QtWidgets import QWizard
from test_crypto_support import InMemoryKeyring
from test_ui_submission import office_certificate

from desktop_app.demo_data import StaffOptions, write_demo_workbook
from desktop_app.resources import resource_path
from desktop_app.ui.app import create_wizard, demo_draft
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


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_screenshot_of_every_page(qtbot, tmp_path, monkeypatch, language, office, memory_keyring):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    folder = Path(os.environ.get("DIVERSITY_ASSISTANT_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    source = tmp_path / "personeel.xlsx"
    write_demo_workbook(source, StaffOptions(n=300, messy=True))  # errors first
    draft = demo_draft()
    draft.source.path = source
    wizard = create_wizard(draft, tmp_path / "autosave.json", language)
    qtbot.addWidget(wizard)
    wizard.resize(1100, 760)
    wizard.show()
    shots = []

    def shoot(name: str) -> None:
        qtbot.wait(50)
        path = folder / f"{language}-{wizard.currentId()}-{name}.png"
        assert wizard.grab().save(str(path))
        shots.append(path)

    def go_next() -> None:
        assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        wizard.next()

    for name in ("programme", "checklist", "organisation"):
        shoot(name)
        go_next()
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.table is not None and not page.running, timeout=WAIT)
    shoot("file")
    go_next()
    shoot("mapping")
    go_next()
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    shoot("validation-errors")
    shutil.copy(resource_path("samples", "demo-personeel.xlsx"), source)  # the bundled demo
    page.reload()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    assert page.acknowledge.isVisible()
    page.acknowledge.click()
    shoot("validation-warnings")
    go_next()
    assert wizard.currentId() == PageId.CATEGORIES
    page = wizard.currentPage()
    shoot("categories-too-small")
    page.sections[0].apply_button.click()
    wizard.currentPage().findChild(ScrollArea).verticalScrollBar().setValue(0)
    shoot("categories-merged")
    go_next()
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.preview is not None and not page.running, timeout=WAIT)
    page.set_certificate(office)
    shoot("review")
    page.confirm.click()
    scroll = page.findChild(ScrollArea).verticalScrollBar()
    scroll.setValue(scroll.maximum())
    shoot("review-certificate")
    go_next()
    page = wizard.currentPage()
    page.target.setText(str(tmp_path / "out" / "barometer.p7m"))
    shoot("encrypt")
    page.start()
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert page.session.submission is not None, page.problem.text()
    shoot("encrypt-done")
    assert len(shots) == 13
    assert all(p.stat().st_size > 10_000 for p in shots)
