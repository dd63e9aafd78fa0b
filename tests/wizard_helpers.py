"""Helpers for driving the wizard in tests (pytest-qt, offscreen): show it at a fixed size, press
Next, and walk the demo route to the file and mapping pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop_app.draft import Draft
from desktop_app.ui.app import create_wizard
from desktop_app.ui.routes import PageId

WAIT = 20_000


def shown_wizard(qtbot, draft: Draft, autosave: Path | None, language: str = "nl"):
    """The wizard for draft, shown at the size the screenshots use, closed with the test."""
    wizard = create_wizard(draft, autosave, language)
    qtbot.addWidget(wizard)
    wizard.resize(1100, 760)
    wizard.show()
    return wizard


def next_enabled(wizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def go_next(qtbot, wizard, expected: PageId) -> None:
    assert next_enabled(wizard), f"Next is disabled on page {wizard.currentId()}"
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == expected


def walk_to_file(qtbot, wizard):
    """Programme, checklist and organisation as the draft has them, to the file page with the
    draft's file read; returns that page."""
    for expected in (PageId.CHECKLIST, PageId.ORGANISATION, PageId.FILE):
        go_next(qtbot, wizard, expected)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.table is not None and not page.running, timeout=WAIT)
    return page


def walk_to_mapping(qtbot, wizard) -> None:
    """As :func:`walk_to_file`, then on to the mapping page."""
    walk_to_file(qtbot, wizard)
    go_next(qtbot, wizard, PageId.MAPPING)
