"""Long work off the GUI thread: a QRunnable with a separate signals object, and a small manager.

A job is a plain function ``job(worker, *args)`` that may call ``worker.progress(...)`` and should
check ``worker.cancelled`` between steps. The core's calls cannot be interrupted half-way, so
cancelling means: stop at the next step and drop the result (``result`` is never emitted then).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop_app.errors import failure_to_report


class Cancelled(Exception):
    """Raised by :meth:`Worker.check_cancelled` to leave a job early."""


class WorkerSignals(QObject):
    """Signals of a :class:`Worker`; a QRunnable is no QObject, so they live here."""

    progress = Signal(int, str)  # percent (-1: busy without a known end), step name
    result = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()  # always last, also after a cancel or a failure


class Worker(QRunnable):
    """Runs ``job(self, *args, **kwargs)`` on the thread pool and reports through ``signals``."""

    def __init__(self, job: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        # Python owns the runnable (the manager keeps it until it finishes): a pool that deleted the
        # C++ side behind a live Python wrapper corrupts memory at exit.
        self.setAutoDelete(False)
        self.signals = WorkerSignals()
        self._job = job
        self._args = args
        self._kwargs = kwargs
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def progress(self, percent: int, step: str = "") -> None:
        self.signals.progress.emit(percent, step)

    def run(self) -> None:
        try:
            result = self._job(self, *self._args, **self._kwargs)
        except Cancelled:
            pass
        except BaseException as error:  # shown to the user by the page; never lost
            if not failure_to_report(error):  # an interrupt or exit goes on
                raise
            if not self.cancelled:  # an Exception, or a Rust panic in an extension
                self.signals.failed.emit(error)
        else:
            if not self.cancelled:
                self.signals.result.emit(result)
        finally:
            self.signals.finished.emit()


class WorkerManager(QObject):
    """Starts workers and keeps them (and their signals) alive until they finish."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._running: set[Worker] = set()

    def start(self, worker: Worker) -> Worker:
        self._running.add(worker)
        worker.signals.finished.connect(lambda: self._done(worker))
        self._pool.start(worker)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        return worker

    def _done(self, worker: Worker) -> None:
        self._running.discard(worker)
        if not self._running:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self) -> None:
        for worker in list(self._running):
            worker.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the running jobs (used when the window closes)."""
        return self._pool.waitForDone(msecs)
