"""Page 9: make the file. Where to save the file for the office, as the route chosen on the review page
says: a ``.p7m`` (signed and encrypted for the office's certificate), a ``.gpg`` (its OpenPGP key),
a ``.7z`` (passphrase archive) or the office's own file for its web portal. The file is checked
again, packaged and protected in a worker (progress, cancel). The result: the file's path and
SHA-256, the organisation's signing fingerprint where it signs, the summary PDF and the record for
the officer; a passphrase is shown once. Sending it is the next step (:mod:`.send`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.crypto.keys import SigningIdentity
from desktop_app.delivery.route import Route, delivered_path
from desktop_app.draft import Draft
from desktop_app.errors import AppError
from desktop_app.profiles.model import Channel, Protection
from desktop_app.render import html_to_pdf
from desktop_app.submission import (
    Submission,
    default_identity,
    default_openpgp_identity,
    write_summary,
)
from desktop_app.ui.jobs import submission_job
from desktop_app.ui.pages.base import WorkerPage
from desktop_app.ui.pages.done import update_journey
from desktop_app.ui.widgets import (
    BusyBar,
    InlineMessage,
    ScrollArea,
    hint_label,
    titled_card,
    vbox,
)
from desktop_app.ui.widgets.elided_label import ElidedLabel
from desktop_app.ui.widgets.hex_value import HexValue, labelled
from desktop_app.ui.widgets.passphrase_dialog import (
    KeyKind,
    PassphraseRetry,
    key_mode,
    with_passphrase,
)
from desktop_app.ui.workers import Worker


class EncryptPage(WorkerPage):
    # How the organisation's signing identity is obtained (tests may swap it).
    signer_factory: Callable[[Draft], SigningIdentity] = staticmethod(default_identity)
    openpgp_signer_factory: Callable[[Draft], object] = staticmethod(default_openpgp_identity)

    def __init__(self) -> None:  # noqa: PLR0915 (widget layout)
        super().__init__()
        self.key_passphrase = PassphraseRetry(self)
        self._worker: Worker | None = None
        self._error: Exception | None = None
        self._default_target: str | None = None

        content = QWidget()
        layout = vbox(content, spacing=12)

        self.target_card, target, self.target_heading = titled_card(content)
        row = QHBoxLayout()
        self.target_label = QLabel(self.target_card)
        self.target = QLineEdit(self.target_card)
        self.target_label.setBuddy(self.target)
        self.target.textChanged.connect(lambda _t: self.changed())
        self.browse = QPushButton(self.target_card)
        self.browse.clicked.connect(self.choose_target)
        row.addWidget(self.target_label)
        row.addWidget(self.target, 1)
        row.addWidget(self.browse)
        self.target_hint = hint_label("", self.target_card)
        actions = QHBoxLayout()
        self.encrypt_button = QPushButton(self.target_card)
        self.encrypt_button.clicked.connect(self.start)
        actions.addWidget(self.encrypt_button)
        actions.addStretch(1)
        self.busy = BusyBar(self.target_card)
        self.busy.cancel_requested.connect(self.cancel)
        self.problem = InlineMessage(self.target_card)
        target.addLayout(row)
        target.addWidget(self.target_hint)
        target.addLayout(actions)
        target.addWidget(self.busy)
        target.addWidget(self.problem)

        self.result_card, result, self.result_heading = titled_card(content)
        self.result_status = InlineMessage(self.result_card)
        self.package_label = hint_label("", self.result_card)
        self.package_path = ElidedLabel(self.result_card)  # a path: no spaces to wrap at
        # the checksum and the fingerprint to be read aloud and compared: in groups, at the
        # text's size, selectable, each under its label (widgets/hex_value.py)
        self.sha_label = hint_label("", self.result_card)
        self.package_sha = HexValue(self.result_card, group=8)
        self.signer_label = hint_label("", self.result_card)
        self.signer_fingerprint = HexValue(self.result_card, group=4)  # as the summary PDF
        self.package_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the archive's passphrase: shown once, here only (not in the session, the draft or a file)
        self.passphrase_box = QWidget(self.result_card)
        passphrase = vbox(self.passphrase_box, spacing=4)
        self.passphrase_label = hint_label("", self.passphrase_box)
        phrase_row = QHBoxLayout()
        self.passphrase = QLabel(self.passphrase_box)
        big = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.passphrase.setFont(big)
        self.passphrase.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.passphrase.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.copy_passphrase = QPushButton(self.passphrase_box)
        self.copy_passphrase.clicked.connect(self.copy_the_passphrase)
        phrase_row.addWidget(self.passphrase)
        phrase_row.addWidget(self.copy_passphrase)
        phrase_row.addStretch(1)
        self.passphrase_advice = InlineMessage(self.passphrase_box)
        passphrase.addWidget(self.passphrase_label)
        passphrase.addLayout(phrase_row)
        passphrase.addWidget(self.passphrase_advice)
        self.passphrase_box.hide()
        buttons = QHBoxLayout()
        self.open_summary = QPushButton(self.result_card)
        self.open_summary.clicked.connect(self.show_summary)
        self.show_folder = QPushButton(self.result_card)
        self.show_folder.clicked.connect(self.show_in_folder)
        buttons.addWidget(self.open_summary)
        buttons.addWidget(self.show_folder)
        buttons.addStretch(1)
        result.addWidget(self.result_status)
        result.addWidget(self.passphrase_box)
        for widget in (
            self.package_label,
            self.package_path,
            self.sha_label,
            self.package_sha,
            self.signer_label,
            self.signer_fingerprint,
        ):
            result.addWidget(widget)
        result.addLayout(buttons)

        layout.addWidget(self.target_card)
        layout.addWidget(self.result_card)
        layout.addStretch(1)
        vbox(self).addWidget(ScrollArea(content, self))

    # -- where to save -------------------------------------------------------------------------

    def review(self):
        return self.wiz().page(self._review_id())

    def route(self) -> Route | None:
        """The route chosen on the review page (read from the draft if it was not shown)."""
        return self.review().delivery.current_route()

    @property
    def protection(self) -> Protection:
        route = self.route() if self.wizard() is not None else None
        return route.protection if route is not None else Protection.CMS

    def office_file_name(self) -> str:
        preview = getattr(self.review(), "preview", None)
        return preview.file_name if preview else "diversity-package.csv"

    def default_target(self) -> Path:
        """The Documents folder, named after the office's file: ``barometer_….p7m`` (``.gpg``,
        ``.7z``), or the office's file name itself when it goes as is (``barometer_….csv``)."""
        name = Path(self.office_file_name())
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return delivered_path(Path(folder or Path.home()) / name.stem, self.protection, name.name)

    def target_path(self) -> Path | None:
        text = self.target.text().strip()
        if not text:
            return None
        return delivered_path(Path(text), self.protection, self.office_file_name())

    @staticmethod
    def _review_id() -> int:
        from desktop_app.ui.routes import PageId

        return PageId.REVIEW

    def nextId(self) -> int:
        """Sending the file made is the next step (the KSZ route is branched by the wizard)."""
        from desktop_app.ui.routes import PageId

        return PageId.SEND

    def uploading(self) -> bool:
        """Whether the send page's upload runs (a new file waits for it)."""
        from desktop_app.ui.routes import PageId

        send = self.wiz().page(PageId.SEND) if self.wizard() is not None else None
        return send is not None and send.upload_card.running

    def _file_filter(self) -> str:
        protection = self.protection
        if protection is Protection.CMS:
            return self.tr("Encrypted package (*.p7m)")
        if protection is Protection.OPENPGP:
            return self.tr("OpenPGP encrypted file (*.gpg)")
        if protection is Protection.PASSPHRASE:
            return self.tr("7-Zip archive (*.7z)")
        suffix = Path(self.office_file_name()).suffix or ".csv"
        return self.tr("The office's file (*%1)").replace("%1", suffix)

    def choose_target(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the file for the office"),
            self.target.text() or str(self.default_target()),
            self._file_filter(),
        )
        if path:
            self.target.setText(
                str(delivered_path(Path(path), self.protection, self.office_file_name()))
            )

    def load(self) -> None:
        default = str(self.default_target())
        text = self.target.text().strip()
        if not text or text == self._default_target:
            self.target.setText(default)
        elif Path(text).suffix.lower() in {".p7m", ".gpg", ".7z", ".csv", ".xlsx"}:
            # the officer's own name, the suffix of the route chosen now
            stem = Path(text).with_suffix("")
            self.target.setText(str(delivered_path(stem, self.protection, self.office_file_name())))
        self._default_target = default
        self._error = None
        submission = self.session.submission
        if submission is not None and submission.route != self.route():
            # another route chosen since: that file (kept on disk with its record) is not the
            # one to send now; the result shown and Next wait for the new one
            self.session.submission = None
        self._show()

    def cleanupPage(self) -> None:
        """Back to the review: the passphrase shown goes (it is never shown again)."""
        self.forget_passphrase()
        super().cleanupPage()

    def validatePage(self) -> bool:
        self.forget_passphrase()
        return super().validatePage()

    def forget_passphrase(self) -> None:
        self.passphrase.setText("")
        self.passphrase_box.hide()

    def copy_the_passphrase(self) -> None:
        if self.passphrase.text():
            QGuiApplication.clipboard().setText(self.passphrase.text())

    # -- encrypting ----------------------------------------------------------------------------

    def start(self) -> None:
        review = self.review()
        route = self.route()
        out = self.target_path()
        if out is None or route is None:
            return
        self.target.setText(str(out))
        self.cancel()
        self._error = None
        self.session.submission = None
        self.forget_passphrase()
        draft = self.draft.copy()  # the officer may go Back and change choices meanwhile
        if self.session.table is not None:
            # The file must still be what the review showed: the core refuses it otherwise.
            draft.source = replace(draft.source, fingerprint=self.session.table.fingerprint)
        protection = route.protection
        confirmed = (
            review.confirmed_fingerprint
            if protection is Protection.CMS
            else review.confirmed_key_fingerprint
            if protection is Protection.OPENPGP
            else None
        )
        passphrase = self.key_passphrase.take()  # typed where the keyring cannot be used
        worker = Worker(
            submission_job,
            draft,
            review.certificate_file,
            out,
            confirmed,
            self.language,
            with_passphrase(type(self).signer_factory, passphrase),
            protection,
            route.channel,
            review.openpgp_key_file,
            with_passphrase(type(self).openpgp_signer_factory, passphrase),
        )
        worker.signals.progress.connect(self.busy.set_progress)
        busy = {
            Protection.NONE: self.tr("Saving the file…"),
            Protection.PASSPHRASE: self.tr("Making the archive…"),
        }.get(protection, self.tr("Encrypting…"))
        self.start_job(worker, busy, self._done, self._failed)
        self._show()

    def job_stopped(self, cancelled: bool) -> None:
        self._show()

    def _done(self, submission: Submission) -> None:
        try:
            submission = write_summary(submission, html_to_pdf)
        except OSError as error:  # the package is made; only the record failed
            self._error = error
        if submission.passphrase:  # shown once, on this page only; the session keeps none
            self.passphrase.setText(submission.passphrase)
            self.passphrase_box.show()
            submission = replace(submission, passphrase=None)
        self.session.submission = submission
        if submission.record_path is not None:
            self.draft.delivery = replace(self.draft.delivery, record=submission.record_path)
            self.wiz().autosave()
            update_journey(self.wiz(), submission.record_path, made=True)  # never raises
        self._show()

    def _failed(self, error: Exception) -> None:
        route = self.route()
        openpgp = route is not None and route.protection is Protection.OPENPGP
        kind: KeyKind = "openpgp" if openpgp else "signing"
        if self.key_passphrase.handle(  # no usable keyring: the officer types the key's passphrase
            error,
            mode=key_mode(self.draft, kind),
            kind=kind,
            language=self.language,
            rerun=self.start,
            give_up=self._refused,
        ):
            return
        self._refused(error)

    def _refused(self, error: Exception) -> None:
        self._error = error
        self._show()

    # -- the result ----------------------------------------------------------------------------

    def show_summary(self) -> None:
        submission = self.session.submission
        if submission is not None and submission.summary_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(submission.summary_path)))

    def show_in_folder(self) -> None:
        submission = self.session.submission
        if submission is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(submission.package_path.parent)))

    def _show(self) -> None:
        running = self.running or self.uploading()  # a new package waits for the upload
        self.encrypt_button.setEnabled(not running and bool(self.target.text().strip()))
        self.target.setEnabled(not running)
        self.browse.setEnabled(not running)
        if self._error is not None:
            error = self._error
            text = error.render(self.language) if isinstance(error, AppError) else str(error)
            self.problem.show_message("error", text)
        else:
            self.problem.clear_message()
        submission = self.session.submission if self.wizard() is not None else None
        self.result_card.setVisible(submission is not None)
        self.retranslate_route()
        if submission is not None:
            rows = QLocale().toString(submission.rows)
            made = {
                Protection.CMS: self.tr(
                    "The package is signed and encrypted for the office: %1 rows."
                ),
                Protection.OPENPGP: self.tr(
                    "The file is signed and encrypted for the office's OpenPGP key: %1 rows."
                ),
                Protection.PASSPHRASE: self.tr(
                    "The archive is made and locked with a passphrase: %1 rows."
                ),
                Protection.NONE: self.tr("The file for the office is saved: %1 rows."),
            }[submission.route.protection]
            self.result_status.show_message("ok", made.replace("%1", rows))
            self.package_path.setText(str(submission.package_path))
            self.package_sha.set_value(submission.package_sha256)
            signer = submission.signer_fingerprint
            self.signer_fingerprint.set_value(signer or "")
            self.signer_label.setVisible(bool(signer))
            self.signer_fingerprint.setVisible(bool(signer))
            self.open_summary.setEnabled(submission.summary_path is not None)
        self.changed()

    def isComplete(self) -> bool:
        """Next (to sending it) once a package is made (Close leaves without one; the draft is
        kept)."""
        return (
            self.wizard() is not None and not self.running and self.session.submission is not None
        )

    def _set_subtitle(self, text: str) -> None:
        if self.subTitle() != text:  # a new subtitle lays the wizard out again
            self.setSubTitle(text)

    def retranslate_route(self) -> None:
        """The texts that follow the protection: the subtitle, the hint, the button."""
        protection = self.protection if self.wizard() is not None else Protection.CMS
        submission = self.session.submission if self.wizard() is not None else None
        title = self.tr("Make the file")
        if self.title() != title:  # a new title lays the wizard out again
            self.setTitle(title)
        if protection is Protection.NONE:
            self._set_subtitle(
                self.tr(
                    "The file is checked once more and saved as the office asks for it, with a "
                    "record and a summary PDF for your files."
                )
            )
            self.target_hint.setText(
                self.tr(
                    "The office's file is saved as it is, readable: its portal's secure "
                    "connection protects it on the way. Delete it once the office has it."
                )
            )
            self.encrypt_button.setText(
                self.tr("Sa&ve the file for the portal")
                if self.route() is not None and self.route().channel is Channel.WEB_PORTAL
                else self.tr("Sa&ve the file")
            )
        elif protection is Protection.PASSPHRASE:
            self._set_subtitle(
                self.tr(
                    "The file is checked once more and put in a 7-Zip archive locked with a "
                    "passphrase that only you and the office will know."
                )
            )
            self.target_hint.setText(
                self.tr(
                    "Only the locked archive (.7z), a record and a summary PDF for your files are "
                    "written; no readable copy of the employee data."
                )
            )
            self.encrypt_button.setText(self.tr("&Make the archive"))
        else:
            self._set_subtitle(
                self.tr(
                    "The file is checked once more, signed with your organisation's key and "
                    "encrypted so that only the office can open it."
                )
            )
            self.target_hint.setText(
                self.tr(
                    "Only the encrypted package (%1), a record and a summary PDF for your files "
                    "are written; no readable copy of the employee data."
                ).replace("%1", ".gpg" if protection is Protection.OPENPGP else ".p7m")
            )
            self.encrypt_button.setText(self.tr("&Encrypt and sign"))
        openpgp = submission is not None and submission.route.protection is Protection.OPENPGP
        labelled(
            self.signer_label,
            self.signer_fingerprint,
            self.tr(
                "Your organisation's OpenPGP key (fingerprint): the office checks with it that "
                "the file comes from you"
            )
            if openpgp
            else self.tr(
                "Your organisation's signing certificate (SHA-256): register this fingerprint "
                "with the office, so it can verify that the package comes from you"
            ),
        )

    def retranslate(self) -> None:
        self.target_heading.setText(self.tr("Where to save the file"))
        self.target_label.setText(self.tr("&Save as"))
        self.target.setAccessibleName(self.tr("Where to save the file for the office"))
        self.browse.setText(self.tr("Ch&oose…"))
        self.browse.setAccessibleName(self.tr("Choose where to save the file for the office"))
        self.result_heading.setText(self.tr("Result"))
        self.package_label.setText(self.tr("File"))
        labelled(self.sha_label, self.package_sha, self.tr("SHA-256 of the file"))
        self.passphrase_label.setText(self.tr("The passphrase of the archive:"))
        self.passphrase.setAccessibleName(self.tr("The passphrase of the archive"))
        self.copy_passphrase.setText(self.tr("&Copy"))
        self.copy_passphrase.setAccessibleName(self.tr("Copy the passphrase"))
        self.passphrase_advice.show_message(
            "warning",
            self.tr(
                "Give it to the office by phone, never in the same e-mail as the file. It is not "
                "kept: write it down now if you need it."
            ),
        )
        self.open_summary.setText(self.tr("Open summary &PDF"))
        self.show_folder.setText(self.tr("Show in &folder"))
        self.busy.retranslate()
        self.retranslate_route()
        if self.wizard() is not None:
            self._show()
