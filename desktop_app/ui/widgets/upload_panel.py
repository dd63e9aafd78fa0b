"""The upload step, shown on the send page once the package is made: the office's portal (SFTP or
tus over HTTPS), the login, progress with cancel and resume, an unknown SSH host key confirmed by
the officer, and the receipt with the server's SHA-256.

The portal settings are kept in ``draft.delivery.upload`` (:class:`desktop_app.draft.UploadSettings`:
address, user name, key file, the custom CA file): never the password, which only the operating
system's keyring holds when the officer asks for it. Which SSH host key is expected is the core's
rule (:mod:`desktop_app.transfer.hostkey_policy`, shared with the ``upload`` command); a confirmed
key is remembered in the one host-key store in app data, not in the draft (a key an earlier draft
kept is moved there when the draft is read, see :mod:`desktop_app.draft_migrations`).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, QStandardPaths, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from desktop_app.draft import UploadSettings
from desktop_app.errors import AppError
from desktop_app.transfer import (
    Credentials,
    Portal,
    Receipt,
    TransferError,
    forget_password,
    load_password,
    receipt_path,
    save_password,
)
from desktop_app.transfer.demo_portal import DemoPortal, running_portal
from desktop_app.transfer.hostkey_policy import portal_for_upload
from desktop_app.ui.demo import demo_banner_text, is_demo, made_for_the_demo
from desktop_app.ui.jobs.upload import HostKeyQuestion, UploadSignals, UploadWorker
from desktop_app.ui.widgets import InlineMessage, hint_label, vbox
from desktop_app.ui.widgets.host_key import HostKeyDialog

if TYPE_CHECKING:
    from desktop_app.ui.pages.base import WizardPage


# -- the card ------------------------------------------------------------------------------------


def _file_row(parent: QWidget) -> tuple[QWidget, QLineEdit, QPushButton]:
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    edit = QLineEdit(box)
    button = QPushButton(box)
    row.addWidget(edit, 1)
    row.addWidget(button)
    return box, edit, button


def _local_time(iso: str) -> str:
    """The receipt's UTC time as this computer's local time (the receipt file keeps UTC)."""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso
    return moment.toLocalTime().toString("dd-MM-yyyy HH:mm:ss")


def _size_text(size: int) -> str:
    locale = QLocale()
    return locale.formattedDataSize(size, 1)


class UploadPanel(QFrame):
    """The upload card of the send page. ``page`` gives the draft, the session and the wizard;
    ``started`` tells the page that an upload began (a new package waits for it)."""

    started = Signal()

    def __init__(self, page: WizardPage, parent: QWidget | None = None) -> None:  # noqa: PLR0915
        super().__init__(parent)
        self.page = page
        self.setProperty("card", "true")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._worker: UploadWorker | None = None
        self._error: Exception | None = None
        self._info: str | None = None
        self.receipt: Receipt | None = None
        self.local_sha256: str | None = None
        self.host_key_dialog: HostKeyDialog | None = None
        self._password_from_keyring = False

        layout = vbox(self, margins=12, spacing=6)
        self.heading = QLabel(self)
        self.heading.setProperty("role", "heading")
        self.intro = hint_label("", self)
        self.demo_banner = InlineMessage(self)  # demo mode: the office is inside the assistant
        layout.addWidget(self.heading)
        layout.addWidget(self.demo_banner)
        layout.addWidget(self.intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.url_label = QLabel(self)
        self.url = QLineEdit(self)
        self.url_label.setBuddy(self.url)
        self.url.editingFinished.connect(self._login_edited)
        self.url.textChanged.connect(lambda _t: self._show())
        self.user_label = QLabel(self)
        self.user = QLineEdit(self)
        self.user_label.setBuddy(self.user)
        self.user.editingFinished.connect(self._login_edited)
        self.user.textChanged.connect(lambda _t: self._show())
        self.password_label = QLabel(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label.setBuddy(self.password)
        self.password.textEdited.connect(self._password_edited)
        self.remember = QCheckBox(self)
        self.key_label = QLabel(self)
        key_box, self.key_file, self.key_button = _file_row(self)
        self.key_label.setBuddy(self.key_file)
        self.key_button.clicked.connect(self.choose_key_file)
        self.use_ca = QCheckBox(self)
        self.use_ca.toggled.connect(self._ca_toggled)
        self.ca_box, self.ca_file, self.ca_button = _file_row(self)
        self.ca_button.clicked.connect(self.choose_ca_file)
        form.addRow(self.url_label, self.url)
        form.addRow(self.user_label, self.user)
        form.addRow(self.password_label, self.password)
        form.addRow("", self.remember)
        form.addRow(self.key_label, key_box)
        form.addRow("", self.use_ca)
        form.addRow("", self.ca_box)
        self.url_hint = hint_label("", self)
        layout.addLayout(form)
        layout.addWidget(self.url_hint)

        actions = QHBoxLayout()
        self.upload_button = QPushButton(self)
        self.upload_button.clicked.connect(self.start)
        actions.addWidget(self.upload_button)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.progress_box = QWidget(self)
        progress = QHBoxLayout(self.progress_box)
        progress.setContentsMargins(0, 0, 0, 0)
        self.progress_label = QLabel(self.progress_box)
        self.bar = QProgressBar(self.progress_box)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(12)
        self.cancel_button = QPushButton(self.progress_box)
        self.cancel_button.clicked.connect(self.cancel)
        progress.addWidget(self.progress_label)
        progress.addWidget(self.bar, 1)
        progress.addWidget(self.cancel_button)
        self.progress_box.hide()
        layout.addWidget(self.progress_box)
        self.message = InlineMessage(self)
        layout.addWidget(self.message)

        self.receipt_box = QWidget(self)
        receipt = QFormLayout(self.receipt_box)
        receipt.setContentsMargins(0, 0, 0, 0)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.receipt_labels: dict[str, QLabel] = {}
        self.receipt_values: dict[str, QLabel] = {}
        for key in ("destination", "size", "sha256", "time", "file"):
            label = hint_label("", self.receipt_box)
            label.setWordWrap(False)
            value = QLabel(self.receipt_box)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if key == "sha256":
                value.setFont(mono)
            receipt.addRow(label, value)
            self.receipt_labels[key] = label
            self.receipt_values[key] = value
        self.receipt_box.hide()
        layout.addWidget(self.receipt_box)

    # -- the draft -----------------------------------------------------------------------------

    def settings(self) -> UploadSettings:
        return self.page.draft.delivery.upload or UploadSettings()

    def _save_settings(self) -> None:
        settings = replace(
            self.settings(),
            url=self.url.text().strip(),
            user=self.user.text().strip(),
            key_file=self.key_file.text().strip() or None,
            ca_file=self.ca_file.text().strip() or None if self.use_ca.isChecked() else None,
        )
        self.page.draft.delivery = replace(self.page.draft.delivery, upload=settings)

    def profile_portal(self):
        programme = self.page.programme
        return programme.portal if programme is not None else None

    def load(self) -> None:
        """Fill the fields from the draft, else from the programme profile's portal."""
        settings = self.settings()
        profile = self.profile_portal()
        url = settings.url or (profile.url if profile and profile.url else "")
        for edit, value in (
            (self.url, url),
            (self.user, settings.user),
            (self.key_file, settings.key_file or ""),
            (self.ca_file, settings.ca_file or ""),
        ):
            edit.blockSignals(True)
            edit.setText(value)
            edit.blockSignals(False)
        self.use_ca.blockSignals(True)
        self.use_ca.setChecked(bool(settings.ca_file))
        self.use_ca.blockSignals(False)
        self._load_password()
        self._show()

    def _login_edited(self) -> None:
        self._save_settings()
        if not self.password.text():
            self._load_password()
        self._show()

    def demo_portal(self) -> DemoPortal | None:
        """The demo's portal when the address is the one this process runs (demo mode only)."""
        return running_portal(self.url.text().strip())

    def _load_password(self) -> None:
        """The keyring's password for this portal and user, when the officer kept one; the demo
        portal's own password (never from or into the keyring)."""
        portal = self._portal_or_none()
        user = self.user.text().strip()
        self._password_from_keyring = False
        demo = self.demo_portal()
        if demo is not None:
            if user == demo.user:
                self.password.setText(demo.password)
            self.remember.setChecked(False)
            return
        if portal is None or not user:
            return
        try:
            stored = load_password(portal, user)
        except TransferError as error:
            self._info = error.render(self.page.language)
            return
        if stored:
            self.password.setText(stored)
            self.remember.setChecked(True)
            self._password_from_keyring = True

    def _password_edited(self, _text: str) -> None:
        self._password_from_keyring = False

    def _portal_or_none(self) -> Portal | None:
        try:
            return Portal.from_url(self.url.text().strip())
        except TransferError:
            return None

    def choose_key_file(self) -> None:
        start = self.key_file.text() or str(Path.home() / ".ssh")
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Your SSH key file"), start, self.tr("All files (*)")
        )
        if path:
            self.key_file.setText(path)
            self._save_settings()
            self._show()

    def choose_ca_file(self) -> None:
        start = self.ca_file.text() or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("The portal's CA certificate"),
            start,
            self.tr("Certificates (*.pem *.crt);;All files (*)"),
        )
        if path:
            self.ca_file.setText(path)
            self._save_settings()
            self._show()

    def _ca_toggled(self, _checked: bool) -> None:
        self._save_settings()
        self._show()

    # -- uploading -----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._worker is not None

    @property
    def package(self) -> Path | None:
        submission = self.page.session.submission if self.page.wizard() is not None else None
        return submission.package_path if submission is not None else None

    def portal(self) -> Portal:
        """The portal from the fields (raises TransferError with a translated message)."""
        url = self.url.text().strip()
        https = url.lower().startswith("https:")
        ca = self.ca_file.text().strip() if https and self.use_ca.isChecked() else None
        # the profile's pin for its own portal; a remembered key is applied at the handshake
        demo = self.demo_portal()
        return portal_for_upload(
            url,
            username=self.user.text().strip() or None,
            given=demo.fingerprint if demo is not None else None,  # the demo: pinned, no question
            profile=self.profile_portal(),
            ca_file=ca,
        )

    def credentials(self, portal: Portal) -> Credentials | None:
        key = self.key_file.text().strip() if portal.protocol == "sftp" else ""
        user = self.user.text().strip() or portal.username or ""
        if portal.protocol == "tus" and not user:
            return None  # a tus portal that needs no login
        password = self.password.text() or None
        if key:
            return Credentials(user, key_file=Path(key), key_passphrase=password)
        return Credentials(user, password=password)

    def start(self) -> None:
        package = self.package
        if package is None or self.running:
            return
        self._error = None
        self._info = None
        self.receipt = None
        self._save_settings()
        try:
            portal = self.portal()
        except TransferError as error:
            self._error = error
            self._show()
            return
        submission = self.page.session.submission
        if (
            made_for_the_demo(submission.recipient_fingerprint)
            and running_portal(portal.url) is None
        ):
            self._error = RuntimeError(
                self.tr(
                    "This file is encrypted for the demo's test-only certificate, whose key is "
                    "public: it can only go to the demo's test server inside the assistant."
                )
            )
            self._show()
            return
        credentials = self.credentials(portal)
        self.local_sha256 = submission.package_sha256
        worker = UploadWorker(package, portal, credentials)
        signals: UploadSignals = worker.signals  # type: ignore[assignment]
        signals.transferred.connect(self._transferred)
        signals.confirm_host_key.connect(self._ask_host_key)
        signals.result.connect(lambda receipt, p=portal: self._done(receipt, p, credentials))
        signals.failed.connect(self._failed)
        signals.finished.connect(lambda w=worker: self._finished(w))
        self._worker = worker
        self.bar.setRange(0, 0)
        self.progress_label.setText(self.tr("Connecting…"))
        self.progress_box.show()
        self.page.wiz().workers.start(worker)
        self.started.emit()

    def reset(self) -> None:
        """A new package replaces the old one: its receipt and messages go."""
        self.receipt = None
        self._error = None
        self._info = None

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.stop_transfer()
            self.progress_label.setText(self.tr("Stopping…"))
            self.cancel_button.setEnabled(False)

    def _transferred(self, done: int, total: int) -> None:
        if total <= 0:
            return
        # The bar counts kibibytes: its int range holds any package size.
        self.bar.setRange(0, max(1, total // 1024))
        self.bar.setValue(done // 1024)
        self.progress_label.setText(
            self.tr("%1 of %2 sent")
            .replace("%1", _size_text(done))
            .replace("%2", _size_text(total))
        )

    def _ask_host_key(self, question: HostKeyQuestion) -> None:
        dialog = HostKeyDialog(question, self)
        self.host_key_dialog = dialog
        dialog.finished.connect(lambda _r, q=question: self._host_key_answered(q))
        dialog.open()

    def _host_key_answered(self, question: HostKeyQuestion) -> None:
        self.host_key_dialog = None
        if question.accepted:  # the upload remembers it in the app-data store (transfer.hostkeys)
            self.page.wiz().autosave()

    def _done(self, receipt: Receipt, portal: Portal, credentials: Credentials | None) -> None:
        self.receipt = receipt
        self._keep_password(portal, credentials)
        self._add_receipt(receipt)
        self.page.wiz().autosave()

    def _add_receipt(self, receipt: Receipt) -> None:
        """A verified upload joins the officer's record (and its summary PDF)."""
        submission = self.page.session.submission
        record = submission.record_path if submission is not None else None
        if record is None or receipt.sha256 != self.local_sha256 or not record.exists():
            return
        from desktop_app.delivery.record import add_receipt
        from desktop_app.render import html_to_pdf

        try:
            add_receipt(record, json.loads(receipt.to_json()), render_pdf=html_to_pdf)
        except AppError as error:
            self._info = error.render(self.page.language)
        except OSError as error:
            self._info = error.strerror or str(error)

    def _keep_password(self, portal: Portal, credentials: Credentials | None) -> None:
        """After a successful login: keep the password in the keyring, or remove it, as asked."""
        if credentials is None or credentials.key_file is not None:
            return
        if running_portal(portal.url) is not None:  # the demo's password never reaches the keyring
            return
        try:
            if self.remember.isChecked() and credentials.password:
                save_password(portal, credentials.username, credentials.password)
            elif not self.remember.isChecked():
                forget_password(portal, credentials.username)
        except TransferError as error:
            self._info = error.render(self.page.language)

    def _failed(self, error: Exception) -> None:
        self._error = error

    def _finished(self, worker: UploadWorker) -> None:
        if worker is self._worker:
            self._worker = None
            if self.host_key_dialog is not None:
                self.host_key_dialog.reject()
            self.progress_box.hide()
            self.cancel_button.setEnabled(True)
            self.page._show()

    # -- showing -------------------------------------------------------------------------------

    def _show(self) -> None:
        running = self.running
        package = self.package
        https = self.url.text().strip().lower().startswith("https:")
        demo = self.demo_portal() is not None
        self.remember.setVisible(not demo)
        if is_demo(self):
            self.demo_banner.show_message("warning", demo_banner_text())
        else:
            self.demo_banner.clear_message()
        for widget in (
            self.url,
            self.user,
            self.password,
            self.remember,
            self.key_file,
            self.key_button,
            self.use_ca,
            self.ca_file,
            self.ca_button,
        ):
            widget.setEnabled(not running)
        self.key_label.setVisible(not https)
        self.key_file.parentWidget().setVisible(not https)
        self.use_ca.setVisible(https)
        self.ca_box.setVisible(https and self.use_ca.isChecked())
        ready = bool(self.url.text().strip()) and (https or bool(self.user.text().strip()))
        self.upload_button.setEnabled(package is not None and not running and ready)
        cancelled = (
            isinstance(self._error, TransferError)
            and self._error.message.key == "transfer.cancelled"
        )
        if cancelled:
            self.upload_button.setText(self.tr("&Resume upload"))
        elif self.receipt is not None:
            self.upload_button.setText(self.tr("&Upload again"))
        else:
            self.upload_button.setText(self.tr("&Upload"))
        language = self.page.language
        if self._error is not None:
            error = self._error
            text = error.render(language) if isinstance(error, AppError) else str(error)
            self.message.show_message("warning" if cancelled else "error", text)
        elif self.receipt is not None:
            receipt = self.receipt
            if receipt.sha256 == self.local_sha256:
                self.message.show_message(
                    "ok",
                    self.tr(
                        "Uploaded and verified: the server's copy has the same SHA-256 as your "
                        "package."
                    ),
                )
            else:
                self.message.show_message(
                    "error",
                    self.tr("The server's copy differs from your package. Upload it again."),
                )
        elif self._info:
            self.message.show_message("info", self._info)
        else:
            self.message.clear_message()
        self._show_receipt()

    def _show_receipt(self) -> None:
        receipt = self.receipt
        self.receipt_box.setVisible(receipt is not None)
        if receipt is None:
            return
        package = self.package
        values = {
            "destination": receipt.destination,
            "size": self.tr("%1 bytes").replace("%1", QLocale().toString(receipt.size)),
            "sha256": receipt.sha256,
            "time": _local_time(receipt.uploaded_at),
            "file": str(receipt_path(package)) if package else "",
        }
        for key, value in values.items():
            self.receipt_values[key].setText(value)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Upload to the office's portal"))
        self.intro.setText(
            self.tr(
                "Only the encrypted package is sent. The upload continues where it stopped if the "
                "connection breaks or you cancel, and the server's copy is checked afterwards."
            )
        )
        self.url_label.setText(self.tr("Portal &address"))
        self.url.setAccessibleName(self.tr("Portal address"))
        self.url.setPlaceholderText(self.tr("sftp://server:22/folder or https://server/path"))
        self.url_hint.setText(
            self.tr(
                "The office gives you the address and your login. On the first upload to an SFTP "
                "server you are asked to confirm its key fingerprint."
            )
        )
        self.user_label.setText(self.tr("User &name"))
        self.user.setAccessibleName(self.tr("User name"))
        self.password_label.setText(self.tr("Pass&word"))
        self.password.setAccessibleName(self.tr("Password, or the key file's passphrase"))
        self.remember.setText(self.tr("Remember the password in this computer's keyring"))
        self.key_label.setText(self.tr("SSH &key file (optional)"))
        self.key_file.setAccessibleName(self.tr("SSH key file"))
        self.key_button.setText(self.tr("Choose…"))
        self.key_button.setAccessibleName(self.tr("Choose the SSH key file"))
        self.use_ca.setText(self.tr("Use a custom CA (only when your administrator says so)"))
        self.ca_file.setAccessibleName(self.tr("CA certificate file"))
        self.ca_button.setText(self.tr("Choose…"))
        self.ca_button.setAccessibleName(self.tr("Choose the CA certificate file"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the upload"))
        self.bar.setAccessibleName(self.tr("Upload progress"))
        for key, text in {
            "destination": self.tr("Destination"),
            "size": self.tr("Size"),
            "sha256": self.tr("SHA-256 on the server"),
            "time": self.tr("Time"),
            "file": self.tr("Receipt saved as"),
        }.items():
            self.receipt_labels[key].setText(text)
        if self.page.wizard() is not None:
            self._show()
