"""KSZ step 4, the request: the organisation's OpenPGP key (made in a worker, or reused from the
app-data folder, or a public key exported from Kleopatra) with its fingerprint; the public key
saved where the officer chooses; the request rendered in Dutch and French as PDF and editable ODT
into a folder; and what comes next (submit the Basisschema form to the KSZ; the linkage file goes
through review and encryption). The fingerprint is kept in ``draft.organisation`` (field ``openpgp_fingerprint``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

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
    BusyBar,
    InlineMessage,
    ScrollArea,
    hint_label,
    titled_card,
    vbox,
)
from desktop_app.ui.workers import Worker

__all__ = ["FINGERPRINT", "KszRequestPage", "create_key_job", "key_folder"]


class KszRequestPage(WorkerPage):
    def __init__(self) -> None:  # noqa: PLR0915 (widget layout)
        super().__init__()
        self._worker: Worker | None = None
        self.key_info: openpgp.PublicKeyInfo | None = None
        self.key_error: str | None = None
        self.problems: list[Message] = []
        self.written: list[Path] = []
        content = QWidget()
        layout = vbox(content, spacing=12)
        self.intro = hint_label("", content)
        layout.addWidget(self.intro)

        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.key_card, key, self.key_heading = titled_card(content)
        self.key_hint = hint_label("", self.key_card)
        self.fingerprint_label = hint_label("", self.key_card)
        self.fingerprint = QLabel(self.key_card)
        self.fingerprint.setFont(mono)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.user_id = hint_label("", self.key_card)
        key_buttons = QHBoxLayout()
        self.create_button = QPushButton(self.key_card)
        self.create_button.clicked.connect(self.create_key)
        self.import_button = QPushButton(self.key_card)
        self.import_button.clicked.connect(self.choose_public_key)
        self.export_button = QPushButton(self.key_card)
        self.export_button.clicked.connect(self.choose_export)
        key_buttons.addWidget(self.create_button)
        key_buttons.addWidget(self.import_button)
        key_buttons.addWidget(self.export_button)
        key_buttons.addStretch(1)
        self.busy = BusyBar(self.key_card)
        self.busy.cancel_requested.connect(self.cancel)
        self.key_message = InlineMessage(self.key_card)
        key.addWidget(self.key_hint)
        key.addWidget(self.fingerprint_label)
        key.addWidget(self.fingerprint)
        key.addWidget(self.user_id)
        key.addLayout(key_buttons)
        key.addWidget(self.busy)
        key.addWidget(self.key_message)
        layout.addWidget(self.key_card)

        self.documents_card, documents, self.documents_heading = titled_card(content)
        self.documents_hint = hint_label("", self.documents_card)
        self.problems_message = InlineMessage(self.documents_card)
        document_buttons = QHBoxLayout()
        self.save_button = QPushButton(self.documents_card)
        self.save_button.clicked.connect(self.choose_documents_folder)
        self.open_folder = QPushButton(self.documents_card)
        self.open_folder.clicked.connect(self.show_folder)
        document_buttons.addWidget(self.save_button)
        document_buttons.addWidget(self.open_folder)
        document_buttons.addStretch(1)
        self.documents_message = InlineMessage(self.documents_card)
        documents.addWidget(self.documents_hint)
        documents.addWidget(self.problems_message)
        documents.addLayout(document_buttons)
        documents.addWidget(self.documents_message)
        layout.addWidget(self.documents_card)

        self.next_card, after, self.next_heading = titled_card(content)
        self.next_text = hint_label("", self.next_card)
        after.addWidget(self.next_text)
        layout.addWidget(self.next_card)
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
        self.key_error = error.render(self.language) if isinstance(error, AppError) else str(error)

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
        info = self.key_info
        fingerprint = str(self.draft.organisation.get(FINGERPRINT, ""))
        has_public = self.public_key_path() is not None
        self.fingerprint.setText(openpgp.format_fingerprint(fingerprint) if fingerprint else "–")
        self.fingerprint.setAccessibleName(self.tr("Fingerprint: %1").replace("%1", fingerprint))
        self.user_id.setText(", ".join(info.user_ids) if info else "")
        self.user_id.setVisible(bool(info and info.user_ids))
        self.create_button.setEnabled(not self.running and self.organisation() is not None)
        self.create_button.setVisible(not has_public)
        self.import_button.setVisible(not has_public)
        self.import_button.setEnabled(not self.running)
        self.export_button.setEnabled(has_public and not self.running)
        if self.key_error:
            self.key_message.show_message("error", self.key_error)
        elif has_public and info is not None:
            self.key_message.show_message(
                "ok",
                self.tr(
                    "The KSZ will encrypt the tables to this key. Send the public key with the "
                    "request and check the fingerprint with the KSZ by phone or letter."
                ),
            )
        elif fingerprint:
            self.key_message.show_message(
                "info",
                self.tr(
                    "The fingerprint you entered on the organisation page is used. Export the "
                    "public key from Kleopatra yourself, or choose its file here."
                ),
            )
        elif not self.running:
            self.key_message.show_message(
                "warning",
                self.tr(
                    "No key yet. Make a key pair here, or use the public key of a key pair your "
                    "organisation already has in Kleopatra."
                ),
            )
        else:
            self.key_message.clear_message()
        if self.problems:
            listed = "\n".join("• " + p.render(self.language) for p in self.problems)
            self.problems_message.show_message(
                "error", self.tr("Before the request can be made:") + "\n" + listed
            )
        else:
            self.problems_message.clear_message()
        self.save_button.setEnabled(not self.problems and not self.running)
        self.open_folder.setVisible(bool(self.written))
        if self.written:
            listed = "\n".join(p.name for p in self.written)
            self.documents_message.show_message(
                "ok",
                self.tr("Saved in %1:").replace("%1", str(self.written[0].parent)) + "\n" + listed,
            )

    def retranslate(self) -> None:
        self.setTitle(self.tr("Step 4 of the KSZ request: the request"))
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
        self.key_heading.setText(self.tr("The organisation's OpenPGP key"))
        self.key_hint.setText(
            self.tr(
                "The secret key stays on this computer, protected by a passphrase in the "
                "system's keyring. Without it the tables cannot be opened: keep a backup."
            )
        )
        self.fingerprint_label.setText(self.tr("Fingerprint"))
        self.create_button.setText(self.tr("&Make a key pair"))
        self.import_button.setText(self.tr("Use a key from &Kleopatra…"))
        self.export_button.setText(self.tr("&Save the public key…"))
        self.busy.retranslate()
        self.documents_heading.setText(self.tr("The request documents"))
        self.documents_hint.setText(
            self.tr(
                "The request in Dutch and in French, as PDF to read and sign and as ODT to edit "
                "or copy into the KSZ form, with the public key beside them."
            )
        )
        self.save_button.setText(self.tr("Save the &documents in a folder…"))
        self.open_folder.setText(self.tr("Show the &folder"))
        self.next_heading.setText(self.tr("What comes next"))
        steps = [
            self.tr(
                "1. Fill in the form from the KSZ's “Basisschema voor gegevensaanvragen” and "
                "send it to the KSZ with these documents and the public key."
            )
        ]
        if self.wizard() is not None and self.wiz().uses_file():
            steps.append(
                self.tr(
                    "2. The linkage file (INSZ and your own categories) is reviewed and "
                    "encrypted in the next steps; send it when the KSZ asks for it."
                )
            )
        else:
            steps.append(self.tr("2. You send no own data: there is no linkage file to prepare."))
        steps.append(
            self.tr(
                "3. The KSZ sends the tables encrypted to your key. Open them with Kleopatra "
                "or with the assistant's “openpgp-decrypt” command."
            )
        )
        self.next_text.setText("\n".join(steps))
        self._show()

    def isComplete(self) -> bool:
        if self.wizard() is None or self.running or self.problems:
            return False
        return bool(self.written) and all(p.exists() for p in self.written)


def _documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
