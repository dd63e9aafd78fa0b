"""Page 9: encrypt. Where to save the ``.p7m``; the file is checked again, packaged, signed with the
organisation's key and encrypted for the office in a worker (progress, cancel). The result: the
package's path and SHA-256, the organisation's signing-certificate fingerprint to register with the
office, the summary PDF for the officer's records. The upload follows here (desktop_app/transfer).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.crypto.envelope import PACKAGE_SUFFIX
from desktop_app.crypto.keys import SigningIdentity
from desktop_app.draft import Draft
from desktop_app.errors import AppError
from desktop_app.render import html_to_pdf
from desktop_app.submission import Submission, default_identity, write_summary
from desktop_app.ui.jobs import submission_job
from desktop_app.ui.pages.base import WorkerPage
from desktop_app.ui.widgets import (
    BusyBar,
    InlineMessage,
    ScrollArea,
    hint_label,
    titled_card,
    vbox,
)
from desktop_app.ui.widgets.upload_panel import UploadPanel
from desktop_app.ui.workers import Worker


class EncryptPage(WorkerPage):
    # How the organisation's signing identity is obtained (tests may swap it).
    signer_factory: Callable[[Draft], SigningIdentity] = staticmethod(default_identity)

    def __init__(self) -> None:  # noqa: PLR0915 (widget layout)
        super().__init__()
        self.setFinalPage(True)
        self._worker: Worker | None = None
        self._error: Exception | None = None

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
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.package_label = hint_label("", self.result_card)
        self.package_path = QLabel(self.result_card)
        self.sha_label = hint_label("", self.result_card)
        self.package_sha = QLabel(self.result_card)
        self.signer_label = hint_label("", self.result_card)
        self.signer_fingerprint = QLabel(self.result_card)
        for label in (self.package_path, self.package_sha, self.signer_fingerprint):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.package_sha.setFont(mono)
        self.signer_fingerprint.setFont(mono)
        buttons = QHBoxLayout()
        self.open_summary = QPushButton(self.result_card)
        self.open_summary.clicked.connect(self.show_summary)
        self.show_folder = QPushButton(self.result_card)
        self.show_folder.clicked.connect(self.show_in_folder)
        buttons.addWidget(self.open_summary)
        buttons.addWidget(self.show_folder)
        buttons.addStretch(1)
        result.addWidget(self.result_status)
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

        # The upload (desktop_app/transfer: SFTP or tus over HTTPS, receipt with the server's hash)
        # acts on self.session.submission.package_path once the package is made.
        self.upload_card = UploadPanel(self, content)
        self.upload_card.started.connect(self._show)

        layout.addWidget(self.target_card)
        layout.addWidget(self.result_card)
        layout.addWidget(self.upload_card)
        layout.addStretch(1)
        vbox(self).addWidget(ScrollArea(content, self))

    # -- where to save -------------------------------------------------------------------------

    def default_target(self) -> Path:
        """The Documents folder, named after the output file (``barometer_….p7m``)."""
        review = self.wiz().page(self._review_id())
        preview = getattr(review, "preview", None)
        stem = Path(preview.file_name).stem if preview else "diversity-package"
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(folder or Path.home()) / f"{stem}{PACKAGE_SUFFIX}"

    @staticmethod
    def _review_id() -> int:
        from desktop_app.ui.routes import PageId

        return PageId.REVIEW

    def choose_target(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the encrypted package"),
            self.target.text() or str(self.default_target()),
            self.tr("Encrypted package (*.p7m)"),
        )
        if path:
            if not path.lower().endswith(PACKAGE_SUFFIX):
                path += PACKAGE_SUFFIX
            self.target.setText(path)

    def load(self) -> None:
        if not self.target.text():
            self.target.setText(str(self.default_target()))
        self._error = None
        self.upload_card.load()
        self._show()

    # -- encrypting ----------------------------------------------------------------------------

    def start(self) -> None:
        review = self.wiz().page(self._review_id())
        certificate = review.certificate_file
        text = self.target.text().strip()
        if not text or certificate is None:
            return
        out = Path(text)
        if out.suffix.lower() != PACKAGE_SUFFIX:
            out = out.with_name(out.name + PACKAGE_SUFFIX)
            self.target.setText(str(out))
        self.cancel()
        self._error = None
        self.session.submission = None
        self.upload_card.reset()
        draft = self.draft.copy()  # the officer may go Back and change choices meanwhile
        if self.session.table is not None:
            # The file must still be what the review showed: the core refuses it otherwise.
            draft.source = replace(draft.source, fingerprint=self.session.table.fingerprint)
        worker = Worker(
            submission_job,
            draft,
            certificate,
            out,
            review.confirmed_fingerprint,
            self.language,
            type(self).signer_factory,
        )
        worker.signals.progress.connect(self.busy.set_progress)
        self.start_job(worker, self.tr("Encrypting…"), self._done, self._failed)
        self._show()

    def job_stopped(self, cancelled: bool) -> None:
        self._show()

    def _done(self, submission: Submission) -> None:
        try:
            submission = write_summary(submission, html_to_pdf)
        except OSError as error:  # the package is made; only the record failed
            self._error = error
        self.session.submission = submission
        self._show()

    def _failed(self, error: Exception) -> None:
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
        running = self.running or self.upload_card.running  # a new package waits for the upload
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
        self.upload_card.setVisible(submission is not None)
        self.upload_card._show()
        if submission is not None:
            self.result_status.show_message(
                "ok",
                self.tr("The package is signed and encrypted for the office: %1 rows.").replace(
                    "%1", QLocale().toString(submission.rows)
                ),
            )
            self.package_path.setText(str(submission.package_path))
            self.package_sha.setText(submission.package_sha256)
            self.signer_fingerprint.setText(submission.signer_fingerprint)
            self.open_summary.setEnabled(submission.summary_path is not None)
        self.changed()

    def isComplete(self) -> bool:
        """Finish once a package is made (Close leaves without one; the draft is kept)."""
        return (
            self.wizard() is not None and not self.running and self.session.submission is not None
        )

    def retranslate(self) -> None:
        self.setTitle(self.tr("Encrypt"))
        self.setSubTitle(
            self.tr(
                "The file is checked once more, signed with your organisation's key and encrypted "
                "so that only the office can open it."
            )
        )
        self.target_heading.setText(self.tr("Where to save the package"))
        self.target_label.setText(self.tr("&Save as"))
        self.target.setAccessibleName(self.tr("Where to save the encrypted package"))
        self.browse.setText(self.tr("C&hoose…"))
        self.browse.setAccessibleName(self.tr("Choose where to save the encrypted package"))
        self.target_hint.setText(
            self.tr(
                "Only the encrypted package (.p7m) and a summary PDF for your records are written; "
                "no readable copy of the employee data."
            )
        )
        self.encrypt_button.setText(self.tr("&Encrypt and sign"))
        self.result_heading.setText(self.tr("Result"))
        self.package_label.setText(self.tr("Package"))
        self.sha_label.setText(self.tr("SHA-256 of the package"))
        self.signer_label.setText(
            self.tr(
                "Your organisation's signing certificate (SHA-256): register this fingerprint "
                "with the office, so it can verify that the package comes from you"
            )
        )
        self.open_summary.setText(self.tr("Open summary &PDF"))
        self.show_folder.setText(self.tr("Show in &folder"))
        self.upload_card.retranslate()
        self.busy.retranslate()
        if self.wizard() is not None:
            self._show()
