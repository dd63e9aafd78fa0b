"""The upload job: the transfer in a worker, its progress signals, its cancel (the transfer stops at
its next chunk) and the unknown SSH host key it asks the officer about on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal

from desktop_app.transfer import (
    CancelToken,
    Credentials,
    Portal,
    Receipt,
    upload,
)
from desktop_app.ui.workers import Worker, WorkerSignals


class UploadSignals(WorkerSignals):
    transferred = Signal(object, object)  # bytes done, total (Python ints: no 2 GiB limit)
    confirm_host_key = Signal(object)  # a HostKeyQuestion, answered on the GUI thread


@dataclass
class HostKeyQuestion:
    """Asked by the worker, answered by the officer: the worker waits on ``answered``."""

    host: str
    port: int
    fingerprint: str
    accepted: bool = False
    answered: threading.Event = field(default_factory=threading.Event)

    def answer(self, accepted: bool) -> None:
        self.accepted = accepted
        self.answered.set()


class TransferWorker(Worker):
    """A worker over a transfer (an upload, a fetch): its cancel also stops the transfer at its
    next chunk (and any open question); an unknown host key is asked on the GUI thread."""

    def __init__(self, job: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.token = CancelToken()
        self.question: HostKeyQuestion | None = None
        super().__init__(job, *args, **kwargs)
        self.signals = UploadSignals()

    def cancel(self) -> None:
        """The window closes: stop and drop the result."""
        super().cancel()
        self.stop_transfer()

    def stop_transfer(self) -> None:
        """The officer's Cancel: the transfer stops with ``transfer.cancelled`` (shown)."""
        self.token.cancel()
        if self.question is not None:
            self.question.answer(False)

    def ask_host_key(self, host: str, port: int, fingerprint: str) -> bool:
        """Called by the transfer on first contact (worker thread): block until answered."""
        question = HostKeyQuestion(host, port, fingerprint)
        self.question = question
        self.signals.confirm_host_key.emit(question)
        while not question.answered.wait(0.1):
            if self.token.cancelled:
                return False
        self.question = None
        return question.accepted and not self.token.cancelled


class UploadWorker(TransferWorker):
    """The upload of ``package`` to ``portal``, resumable after a Cancel."""

    def __init__(self, package: Path, portal: Portal, credentials: Credentials | None) -> None:
        super().__init__(upload_job, package, portal, credentials)


def upload_job(
    worker: UploadWorker, package: Path, portal: Portal, credentials: Credentials | None
) -> Receipt:
    signals: UploadSignals = worker.signals  # type: ignore[assignment]
    return upload(
        package,
        portal,
        credentials,
        signals.transferred.emit,
        worker.token,
        confirm_host_key=worker.ask_host_key,
    )
