"""Fetch the office's table set from its SFTP server and import it, from the results window's
import dialog (where the programme's profile offers it: the KSZ). The core does the work
(:func:`desktop_app.results.fetched.fetch_results`, as ``results fetch``) on a worker; an unknown
server's key is asked about in the upload's host-key dialog, on the GUI thread."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QProgressBar,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.profiles.model import Programme
from desktop_app.results import StoredImport
from desktop_app.results.encrypted import import_encrypted, is_encrypted
from desktop_app.results.fetched import FetchedImport, fetch_portal, fetch_results
from desktop_app.transfer import Credentials, Portal, load_password
from desktop_app.ui.jobs.upload import HostKeyQuestion, TransferWorker, UploadSignals
from desktop_app.ui.widgets import InlineMessage, hint_label, vbox
from desktop_app.ui.widgets.host_key import HostKeyDialog
from desktop_app.ui.widgets.passphrase_dialog import ask_passphrase
from desktop_app.ui.workers import WorkerManager


def _fetch_job(worker: FetchWorker, *args: object, **kwargs: object) -> FetchedImport:
    signals: UploadSignals = worker.signals  # type: ignore[assignment]
    return fetch_results(
        *args,  # type: ignore[arg-type]
        progress=signals.transferred.emit,
        cancel=worker.token,
        confirm_host_key=worker.ask_host_key,
        **kwargs,  # type: ignore[arg-type]
    )


class FetchWorker(TransferWorker):
    """The fetch and import on a worker; an unknown host key is asked on the GUI thread (as for
    an upload), Cancel stops the fetch at its next chunk."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(_fetch_job, *args, **kwargs)


class FetchDialog(QDialog):
    """The office's SFTP address and the login; ``stored`` holds the import once it is kept."""

    def __init__(
        self,
        organisation: str,
        programme: Programme,
        year: int,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.organisation, self.programme, self.year = organisation, programme, year
        self.language = language
        self.stored: StoredImport | None = None
        self.worker: FetchWorker | None = None
        self.host_key_dialog: HostKeyDialog | None = None
        self.workers = WorkerManager(self)
        self.scratch = Path(tempfile.mkdtemp(prefix="results-fetch-"))  # this user only
        self.finished.connect(self._closed)
        self.setMinimumWidth(560)
        self.setWindowTitle(self.tr("Fetch the office's tables"))
        layout = vbox(self, margins=16, spacing=10)
        layout.addWidget(
            hint_label(
                self.tr(
                    "The address the office gave for its SFTP server, with your login name: "
                    "sftp://name@server/folder. The server's key is checked as for an upload."
                ),
                self,
            )
        )
        form = QFormLayout()
        self.address = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_file = QLineEdit(self)
        self.host_key = QLineEdit(self)
        self.host_key.setPlaceholderText("SHA256:…")
        for text, widget in (
            (self.tr("&Address"), self.address),
            (self.tr("Pass&word"), self.password),
            (self.tr("&Key file (instead of a password)"), self.key_file),
            (self.tr("&Host key (when the office gave it)"), self.host_key),
        ):
            form.addRow(text, widget)
            label = form.labelForField(widget)
            label.setBuddy(widget)  # type: ignore[attr-defined]
            widget.setAccessibleName(text.replace("&", ""))
        layout.addLayout(form)
        self.bar = QProgressBar(self)
        self.bar.hide()
        layout.addWidget(self.bar)
        self.message = InlineMessage(self)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.fetch_button = self.buttons.addButton(
            self.tr("&Fetch and import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.run_fetch)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def portal_and_login(self) -> tuple[Portal, Credentials]:
        portal = fetch_portal(
            self.address.text().strip(),
            self.programme,
            host_key_sha256="".join(self.host_key.text().split()) or None,
        )
        user = portal.username or ""
        if not user:
            raise AppError("results.fetch-user-missing", url=portal.url)
        key_file = self.key_file.text().strip()
        password = self.password.text() or (None if key_file else load_password(portal, user))
        return portal, Credentials(
            user, password=password, key_file=Path(key_file) if key_file else None
        )

    def run_fetch(self) -> None:
        if self.worker is not None:
            return
        try:
            portal, credentials = self.portal_and_login()
        except AppError as error:
            self.message.show_message("error", error.render(self.language))
            return
        for child in self.scratch.iterdir():  # what an earlier attempt left
            child.unlink()
        worker = FetchWorker(
            portal,
            credentials,
            self.programme,
            self.year,
            self.organisation,
            keep=self.scratch,
        )
        signals: UploadSignals = worker.signals  # type: ignore[assignment]
        signals.transferred.connect(self._transferred)
        signals.confirm_host_key.connect(self._ask_host_key)
        signals.result.connect(self._done)
        signals.failed.connect(self._failed)
        signals.finished.connect(self._finished)
        self.worker = worker
        self.fetch_button.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.message.show_message("info", self.tr("Fetching…"))
        self.workers.start(worker)

    def _transferred(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, max(1, total // 1024))
            self.bar.setValue(done // 1024)

    def _ask_host_key(self, question: HostKeyQuestion) -> None:
        dialog = HostKeyDialog(question, self)
        dialog.text.setText(
            self.tr(
                "This is the first connection to %1 (port %2). Compare the fingerprint of its key "
                "with the one the office gave you. Confirm only if every character matches."
            )
            .replace("%1", question.host)
            .replace("%2", str(question.port))
        )
        self.host_key_dialog = dialog
        dialog.finished.connect(self._host_key_answered)
        dialog.open()

    def _host_key_answered(self) -> None:
        self.host_key_dialog = None

    def _done(self, done: FetchedImport) -> None:
        self.stored = done.stored
        self.accept()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, AppError) and error.message.key == "openpgp.passphrase-needed":
            self._import_with_passphrase()
            return
        if isinstance(error, AppError):
            text = error.render(self.language)
        else:
            text = f"{type(error).__name__}: {getattr(error, 'strerror', None) or error}"
        self.message.show_message("error", text)

    def _import_with_passphrase(self) -> None:
        """The fetched ``.gpg`` is here; the key's passphrase is not in the keyring: asked for
        (the officer's, never kept), and the same file imported, not fetched again."""
        fetched = [p for p in self.scratch.iterdir() if is_encrypted(p)]
        passphrase = ask_passphrase(self, "open", kind="openpgp", language=self.language)
        if passphrase is None or len(fetched) != 1:
            self.message.hide()
            return
        try:
            self.stored = import_encrypted(
                fetched[0], self.programme, self.year, self.organisation, passphrase=passphrase
            )
        except AppError as error:
            self.message.show_message("error", error.render(self.language))
            return
        self.accept()

    def _finished(self) -> None:
        self.worker = None
        self.bar.hide()
        self.fetch_button.setEnabled(True)

    def reject(self) -> None:
        if self.worker is not None:  # Cancel stops the fetch first; nothing partial is kept
            self.worker.cancel()
            self.workers.wait(10_000)
        super().reject()

    def _closed(self) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)
