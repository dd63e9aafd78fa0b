"""What a page may ask of its wizard: the in-memory :class:`Session` and the :class:`WizardHost`
protocol (the draft, the programme, the language, the workers, autosave, the route's questions).

Pages type their wizard as :class:`WizardHost`, so they need not import the wizard's module, which
builds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWizardPage

    from desktop_app.draft import Draft
    from desktop_app.intake import RawTable, SheetInfo
    from desktop_app.profiles import Programme
    from desktop_app.submission import Submission
    from desktop_app.ui.workers import WorkerManager
    from desktop_app.validation import ValidationResult


@dataclass
class Session:
    """What the wizard holds in memory only: the table read from the file and what came of it.
    Never saved: employee data stays in the source file and in this process."""

    table: RawTable | None = None
    sheets: tuple[SheetInfo, ...] = ()
    validation: ValidationResult | None = None
    submission: Submission | None = None  # the last package made (paths and hashes only)

    def forget_file(self) -> None:
        self.table = None
        self.sheets = ()
        self.validation = None
        self.submission = None


class WizardHost(Protocol):
    """The wizard as its pages see it (:class:`desktop_app.ui.wizard.DiversityWizard`)."""

    draft: Draft
    session: Session
    workers: WorkerManager

    @property
    def language(self) -> str: ...

    @property
    def programme(self) -> Programme | None: ...

    def is_ksz(self) -> bool: ...

    def uses_file(self) -> bool: ...

    def autosave(self) -> bool: ...

    def page(self, page_id: int) -> QWizardPage: ...

    def _update_steps(self) -> None: ...
