"""KSZ step 4, the request: the organisation's OpenPGP key (made in a worker, or reused from the
app-data folder, or a public key exported from Kleopatra) with its fingerprint; the public key
saved where the officer chooses; the request rendered in Dutch and French as PDF and editable ODT
into a folder; and what comes next (submit the Basisschema form to the KSZ; the linkage file goes
through review and encryption). The fingerprint is kept in ``draft.organisation`` (field ``openpgp_fingerprint``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.atomic import write_atomic
from desktop_app.bounded_read import FileKind, read_bounded
from desktop_app.crypto import openpgp
from desktop_app.errors import AppError
from desktop_app.ksz import steps
from desktop_app.ksz.choices import read_choices, update_choices
from desktop_app.ksz.documents import (
    FINGERPRINT,
    build_request,
    key_folder,
    make_documents,
    public_key_path,
)
from desktop_app.ksz.request import KszRequest, check_request
from desktop_app.messages import Message
from desktop_app.render import html_to_pdf
from desktop_app.submission import organisation_id
from desktop_app.ui.jobs.ksz_key import create_key_job
from desktop_app.ui.pages.base import WorkerPage
from desktop_app.ui.widgets import (
    ScrollArea,
    hint_label,
    vbox,
)
from desktop_app.ui.widgets.ksz_request_cards import DocumentsCard, KeyCard, NextCard
from desktop_app.ui.widgets.passphrase_dialog import PassphraseRetry, ask_passphrase
from desktop_app.ui.workers import Worker

__all__ = ["FINGERPRINT", "KszRequestPage", "create_key_job", "key_folder"]


class KszRequestPage(WorkerPage):
    def __init__(self) -> None:
        super().__init__()
        self._worker: Worker | None = None
        self.key_info: openpgp.PublicKeyInfo | None = None
        self.key_error: str | None = None
        self.problems: list[Message] = []
        self.written: list[Path] = []
        # where the keyring cannot be used, the passphrase the officer types for the key
        self.key_passphrase = PassphraseRetry(self)
        content = QWidget()
        layout = vbox(content, spacing=12)
        self.intro = hint_label("", content)
        layout.addWidget(self.intro)

        self.key_panel = KeyCard(
            content,
            create=self.create_key,
            choose_public_key=self.choose_public_key,
            choose_export=self.choose_export,
            choose_backup=self.choose_backup,
            cancel=self.cancel,
        )
        key = self.key_panel
        self.key_card, self.fingerprint, self.busy, self.key_message = (
            key.card,
            key.fingerprint,
            key.busy,
            key.message,
        )
        self.create_button, self.import_button, self.export_button = (
            key.create_button,
            key.import_button,
            key.export_button,
        )
        self.documents = DocumentsCard(
            content, choose_folder=self.choose_documents_folder, show_folder=self.show_folder
        )
        self.documents_card, self.save_button = self.documents.card, self.documents.save_button
        self.problems_message = self.documents.problems_message
        self.documents_message = self.documents.message
        self.next_steps = NextCard(content)
        self.next_card, self.next_text = self.next_steps.card, self.next_steps.text
        for card in (self.key_card, self.documents_card, self.next_card):
            layout.addWidget(card)
        layout.addStretch(1)
        vbox(self).addWidget(ScrollArea(content, self))

    # -- the key ----------------------------------------------------------------------------------

    def organisation(self) -> str | None:
        try:
            return organisation_id(self.draft)
        except AppError:
            return None

    def load(self) -> None:
        self.key_error = None
        self.written = []
        self.documents_message.clear_message()
        self._find_key()
        self._check()

    def _find_key(self) -> None:
        """Reuse the key made before (or the imported public key); else nothing yet."""
        self.key_info = None
        imported = read_choices(self.draft).public_key_file
        organisation = self.organisation()
        candidates = []
        if imported is not None:
            candidates.append(Path(imported))
        if organisation:
            candidates.append(key_folder(organisation) / openpgp.PUBLIC_KEY_FILE)
        for path in candidates:
            try:
                self.key_info = openpgp.read_public_key(read_bounded(path, FileKind.KEY), str(path))
            except (OSError, AppError):
                continue
            self._set_fingerprint(self.key_info.fingerprint)
            return

    def public_key_path(self) -> Path | None:
        return public_key_path(self.draft, self.organisation())

    def _set_fingerprint(self, fingerprint: str) -> None:
        self.draft.organisation = self.draft.organisation.with_value(FINGERPRINT, fingerprint)

    def create_key(self) -> None:
        organisation = self.organisation()
        if organisation is None or self.running:
            return
        self.key_error = None
        worker = Worker(
            create_key_job,
            key_folder(organisation),
            organisation,
            self.draft.organisation.name,
            self.draft.organisation.get("contact_email").strip(),
            self.key_passphrase.take(),
        )
        self.start_job(worker, self.tr("Making the key pair…"), self._key_made, self._key_failed)
        self._show()

    def job_stopped(self, cancelled: bool) -> None:
        if cancelled:
            self._show()
        else:
            self._check()

    def _key_made(self, info: openpgp.PublicKeyInfo) -> None:
        update_choices(self.draft, public_key_file=None)
        self.key_info = info
        self._set_fingerprint(info.fingerprint)
        self.wiz().autosave()

    def _key_failed(self, error: Exception) -> None:
        if self.key_passphrase.handle(  # no usable keyring: the officer chooses a passphrase
            error,
            mode="create",
            kind="openpgp",
            language=self.language,
            rerun=self.create_key,
            give_up=self._key_refused,
        ):
            return
        self.key_error = error.render(self.language) if isinstance(error, AppError) else str(error)

    def _key_refused(self, error: Exception) -> None:
        """The passphrase dialog was cancelled: the refusal is shown as it is."""
        self.key_error = error.render(self.language) if isinstance(error, AppError) else str(error)
        self._show()

    def choose_public_key(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the public key exported from Kleopatra"),
            _documents_folder(),
            self.tr("OpenPGP public key (*.asc *.gpg *.pgp);;All files (*)"),
        )
        if path:
            self.use_public_key(Path(path))

    def use_public_key(self, path: Path) -> None:
        """Use an existing key pair (Kleopatra): only its public key is needed here."""
        try:
            info = openpgp.read_public_key(read_bounded(path, FileKind.KEY), str(path))
        except OSError as error:
            self.key_error = self.tr("%1 cannot be read: %2").replace("%1", str(path))
            self.key_error = self.key_error.replace("%2", error.strerror or str(error))
        except AppError as error:
            self.key_error = error.render(self.language)
        else:
            self.key_error = None
            update_choices(self.draft, public_key_file=str(path))
            self.key_info = info
            self._set_fingerprint(info.fingerprint)
            self.wiz().autosave()
        self._check()

    def choose_export(self) -> None:
        organisation = self.draft.organisation.name_slug or "organisation"
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the public key"),
            str(Path(_documents_folder()) / f"openpgp-public-key-{organisation}.asc"),
            self.tr("OpenPGP public key (*.asc)"),
        )
        if path:
            self.export_public_key(Path(path))

    def export_public_key(self, target: Path) -> bool:
        source = self.public_key_path()
        if source is None:
            return False
        try:
            write_atomic(target, source.read_bytes())
        except OSError as error:
            self.key_message.show_message(
                "error",
                self.tr("The public key could not be saved: %1").replace(
                    "%1", error.strerror or str(error)
                ),
            )
            return False
        self.key_message.show_message(
            "ok", self.tr("Public key saved: %1").replace("%1", str(target))
        )
        return True

    def has_secret_key(self) -> bool:
        """A key pair made here (its secret key is in the app-data folder): it can be backed up."""
        organisation = self.organisation()
        return organisation is not None and openpgp.key_exists(key_folder(organisation))

    def choose_backup(self) -> None:
        """A passphrase for the backup (twice, checked), then where to save it."""
        chosen = ask_passphrase(self, "create", kind="backup", language=self.language)
        if chosen is None:
            return
        organisation = self.draft.organisation.name_slug or "organisation"
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a backup of the secret key"),
            str(Path(_documents_folder()) / f"openpgp-secret-key-backup-{organisation}.pgp"),
            self.tr("OpenPGP key backup (*.pgp)"),
        )
        if path:
            self.save_backup(Path(path), chosen)

    def save_backup(self, target: Path, backup_passphrase: str) -> bool:
        """Write the backup of the secret key (encrypted with ``backup_passphrase``) to
        ``target``; a key locked with a typed passphrase asks for it first."""
        organisation = self.organisation()
        if organisation is None:
            return False
        opened_with: str | None = None
        for _attempt in range(2):
            try:
                data = openpgp.backup_secret_key(
                    key_folder(organisation),
                    organisation,
                    backup_passphrase,
                    passphrase=opened_with,
                )
                write_atomic(target, data)
            except AppError as error:
                if error.message.key == "openpgp.passphrase-needed" and opened_with is None:
                    opened_with = ask_passphrase(
                        self, "open", kind="openpgp", language=self.language
                    )
                    if opened_with is not None:
                        continue
                self.key_message.show_message("error", error.render(self.language))
                return False
            except OSError as error:
                self.key_message.show_message(
                    "error",
                    self.tr("The backup could not be saved: %1").replace(
                        "%1", error.strerror or str(error)
                    ),
                )
                return False
            self.key_message.show_message(
                "ok",
                self.tr(
                    "Backup saved: %1. Keep it and its passphrase apart; GnuPG or Kleopatra "
                    "restore it (gpg --decrypt the file, then import it)."
                ).replace("%1", str(target)),
            )
            return True
        return False

    # -- the documents ----------------------------------------------------------------------------

    def _request(self) -> KszRequest:
        staff = steps.staff_table(self.draft, self.session.validation)
        return build_request(self.draft, self.programme, staff)

    def _check(self) -> None:
        if self.wizard() is None or not self.wiz().is_ksz():
            return
        self.problems = check_request(self._request(), self.programme)
        self._show()
        self.changed()

    def choose_documents_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder for the request documents"), _documents_folder()
        )
        if folder:
            self.write_documents(Path(folder))

    def write_documents(self, folder: Path) -> list[Path]:
        """The request in Dutch and French, as PDF and ODT, plus the public key, into ``folder``.
        Qt's text layout makes the PDF, so this runs in the GUI thread (a second or two)."""
        self._check()
        if self.problems:
            return []
        try:
            written = make_documents(
                self._request(),
                self.programme,
                folder,
                self.draft.organisation.name_slug or "organisation",  # the file names
                html_to_pdf,
                public_key=self.public_key_path(),
            )
        except (OSError, AppError) as error:
            text = error.render(self.language) if isinstance(error, AppError) else str(error)
            self.documents_message.show_message(
                "error", self.tr("The documents could not be saved: %1").replace("%1", text)
            )
            return []
        self.written = written
        update_choices(self.draft, documents=tuple(str(p) for p in written))
        self.wiz().autosave()
        self._show()
        self.changed()
        return written

    def show_folder(self) -> None:
        if self.written:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written[0].parent)))

    # -- showing ----------------------------------------------------------------------------------

    def _show(self) -> None:
        if self.wizard() is None or not self.wiz().is_ksz():
            return
        self.key_panel.show_key(
            info=self.key_info,
            fingerprint=str(self.draft.organisation.get(FINGERPRINT, "")),
            has_public=self.public_key_path() is not None,
            error=self.key_error,
            running=self.running,
            can_create=self.organisation() is not None,
            has_secret=self.has_secret_key(),
        )
        self.documents.show_documents(self.problems, self.written, self.language, self.running)

    def retranslate(self) -> None:
        self.setTitle(self.tr("The request to the KSZ"))
        self.setSubTitle(
            self.tr(
                "The organisation's key to receive the tables, and the request documents in "
                "Dutch and French."
            )
        )
        self.intro.setText(
            self.tr(
                "The KSZ sends the tables encrypted with OpenPGP (GnuPG, Kleopatra). The request "
                "names the fingerprint of your organisation's public key."
            )
        )
        self.key_panel.retranslate()
        self.documents.retranslate()
        self.next_steps.retranslate(self.wizard() is not None and self.wiz().uses_file())
        self._show()

    def isComplete(self) -> bool:
        if self.wizard() is None or self.running or self.problems:
            return False
        return bool(self.written) and all(p.exists() for p in self.written)


def _documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
