"""A screenshot of every page in Dutch and French, for review (and to catch layouts that break).

The PNGs go to $DIVERSITY_ASSISTANT_SCREENSHOTS when set, else to the test's temporary folder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from desktop_app.demo_data import StaffOptions, write_demo_workbook
from desktop_app.resources import resource_path
from desktop_app.ui.app import create_wizard, demo_draft
from desktop_app.ui.wizard import PageId

WAIT = 20_000


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_screenshot_of_every_page(qtbot, tmp_path, monkeypatch, language):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    folder = Path(os.environ.get("DIVERSITY_ASSISTANT_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    source = tmp_path / "personeel.xlsx"
    shutil.copy(resource_path("samples", "demo-personeel.xlsx"), source)
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
    write_demo_workbook(source, StaffOptions(n=900, messy=False))
    page.reload()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    if page.acknowledge.isVisible():
        page.acknowledge.click()
    shoot("validation-clean")
    go_next()
    assert wizard.currentId() == PageId.NEXT_STEPS
    shoot("next-steps")
    assert len(shots) == 8
    assert all(p.stat().st_size > 10_000 for p in shots)
