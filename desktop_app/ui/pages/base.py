"""What every page shares: access to the wizard's draft, programme and language; live retranslation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWizardPage

if TYPE_CHECKING:
    from desktop_app.draft import Draft
    from desktop_app.profiles import Programme
    from desktop_app.ui.wizard import DiversityWizard, Session


class WizardPage(QWizardPage):
    """A page that reads and writes the wizard's draft. Subclasses implement ``retranslate()``
    (all visible text) and may implement ``load()`` (draft -> widgets, on entering the page)."""

    def wiz(self) -> DiversityWizard:
        return self.wizard()  # type: ignore[return-value]

    @property
    def draft(self) -> Draft:
        return self.wiz().draft

    @property
    def session(self) -> Session:
        return self.wiz().session

    @property
    def programme(self) -> Programme | None:
        return self.wiz().programme

    @property
    def language(self) -> str:
        return self.wiz().language if self.wizard() else "nl"

    def initializePage(self) -> None:
        self.load()
        self.retranslate()

    def cleanupPage(self) -> None:
        """Going Back keeps what the officer entered (QWizard would reset registered fields)."""

    def load(self) -> None:
        """Fill the widgets from the draft (called each time the page is entered)."""

    def retranslate(self) -> None:
        """Set every visible text in the current language."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.wizard() is not None:
            self.retranslate()
        super().changeEvent(event)

    def changed(self) -> None:
        """Something the officer did may change whether Next is possible."""
        self.completeChanged.emit()
