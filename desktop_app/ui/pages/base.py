"""What every page shares: access to the wizard's draft, programme and language; live retranslation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWizardPage

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop_app.draft import Draft
    from desktop_app.profiles import Programme
    from desktop_app.ui.session import Session, WizardHost
    from desktop_app.ui.workers import Worker


class WizardPage(QWizardPage):
    """A page that reads and writes the wizard's draft. Subclasses implement ``retranslate()``
    (all visible text) and may implement ``load()`` (draft -> widgets, on entering the page)."""

    def wiz(self) -> WizardHost:
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


class WorkerPage(WizardPage):
    """A page that runs one job at a time in a worker thread behind its busy bar (``self.busy``).

    Pages call :meth:`start_job`; :meth:`cancel` stops the running job (its result is dropped) and
    :meth:`job_stopped`, which pages override, refreshes what depends on the job.
    """

    _worker: Worker | None = None

    @property
    def running(self) -> bool:
        return self._worker is not None

    def start_job(
        self,
        worker: Worker,
        busy_text: str,
        on_result: Callable[..., object],
        on_failed: Callable[..., object],
    ) -> None:
        worker.signals.result.connect(on_result)
        worker.signals.failed.connect(on_failed)
        worker.signals.finished.connect(lambda w=worker: self._job_finished(w))
        self._worker = worker
        self.busy.start(busy_text)
        self.wiz().workers.start(worker)

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None
            self.busy.stop()
            self.job_stopped(cancelled=True)

    def _job_finished(self, worker: Worker) -> None:
        if worker is self._worker:
            self._worker = None
            self.busy.stop()
            self.job_stopped(cancelled=False)

    def job_stopped(self, cancelled: bool) -> None:
        """After the job ended (its result or failure already handled) or was cancelled."""
        self.changed()
