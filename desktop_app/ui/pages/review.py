"""Page 8: review. Exactly what will leave the machine (the output file's columns, its row count and
five rows with identifiers masked), the conditions as confirmed (who, when), the office's
certificate with its SHA-256 fingerprint (to confirm with the office when the profile pins none)
and anything that still blocks the package."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from cryptography import x509
from PySide6.QtCore import QLocale, QStandardPaths, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.bounded_read import FileKind, read_bounded
from desktop_app.crypto.errors import CryptoError
from desktop_app.crypto.keys import fingerprint_hex, fingerprint_sha256
from desktop_app.crypto.recipient import check_recipient, load_certificate
from desktop_app.draft import RecipientChoice
from desktop_app.errors import AppError
from desktop_app.messages import Message
from desktop_app.package.build import application_counts, checklist_problems
from desktop_app.package.output import application_output
from desktop_app.ui.jobs import Preview, first_rows, preview_job, session_check
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

# Where the chosen certificate and the officer's confirmation are kept in the draft.


class ReviewPage(WorkerPage):
    def __init__(self) -> None:  # noqa: PLR0915 (widget layout)
        super().__init__()
        self._worker: Worker | None = None
        self.preview: Preview | None = None
        self.application = False  # the algemene variant without a file: typed staff counts
        self._preview_error: Exception | None = None
        self.certificate: x509.Certificate | None = None
        self.certificate_error: str | None = None

        content = QWidget()
        layout = vbox(content, spacing=12)
        self.busy = BusyBar(content)
        self.busy.cancel_requested.connect(self.cancel)
        self.problems = InlineMessage(content)

        # What leaves the machine.
        self.output_card, output, self.output_heading = titled_card(content)
        self.output_summary = QLabel(self.output_card)
        self.output_summary.setWordWrap(True)
        self.output_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.columns_label = hint_label("", self.output_card)
        self.columns_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sample = QTableWidget(self.output_card)
        self.sample.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sample.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.sample.verticalHeader().setVisible(False)
        self.sample.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.sample.horizontalHeader().setStretchLastSection(True)
        self.sample_hint = hint_label("", self.output_card)
        output.addWidget(self.output_summary)
        output.addWidget(self.columns_label)
        output.addWidget(self.sample)
        output.addWidget(self.sample_hint)

        # The conditions as confirmed.
        self.checklist_card, checklist, self.checklist_heading = titled_card(content)
        self.checklist_table = QTableWidget(self.checklist_card)
        self.checklist_table.setColumnCount(3)
        self.checklist_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checklist_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.checklist_table.setWordWrap(True)
        self.checklist_table.verticalHeader().setVisible(False)
        header = self.checklist_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        checklist.addWidget(self.checklist_table)

        # The office's certificate.
        self.certificate_card, certificate, self.certificate_heading = titled_card(content)
        self.certificate_hint = hint_label("", self.certificate_card)
        row = QHBoxLayout()
        self.certificate_label = QLabel(self.certificate_card)
        self.certificate_path = QLineEdit(self.certificate_card)
        self.certificate_path.setReadOnly(True)
        self.certificate_label.setBuddy(self.certificate_path)
        self.choose_button = QPushButton(self.certificate_card)
        self.choose_button.clicked.connect(self.choose_certificate)
        row.addWidget(self.certificate_label)
        row.addWidget(self.certificate_path, 1)
        row.addWidget(self.choose_button)
        self.certificate_details = QLabel(self.certificate_card)
        self.certificate_details.setWordWrap(True)
        self.certificate_details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.fingerprint = QLabel(self.certificate_card)
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirm = QCheckBox(self.certificate_card)
        self.confirm.toggled.connect(self._confirm_toggled)
        self.certificate_message = InlineMessage(self.certificate_card)
        certificate.addWidget(self.certificate_hint)
        certificate.addLayout(row)
        certificate.addWidget(self.certificate_details)
        certificate.addWidget(self.fingerprint)
        certificate.addWidget(self.confirm)
        certificate.addWidget(self.certificate_message)

        layout.addWidget(self.busy)
        layout.addWidget(self.problems)
        layout.addWidget(self.output_card)
        layout.addWidget(self.checklist_card)
        layout.addWidget(self.certificate_card)
        layout.addStretch(1)
        vbox(self).addWidget(ScrollArea(content, self))

    # -- the preview -------------------------------------------------------------------------

    def load(self) -> None:
        self.preview = None
        self._preview_error = None
        self.application = not self.wiz().uses_file()
        if self.application:
            self._application_preview()
        else:
            self._run_preview()
        self._load_certificate()

    def _application_preview(self) -> None:
        """The algemene variant without a file: the application's rows (payroll tax number, the
        typed staff count, the reference date), built as the package will build them."""
        self.cancel()
        draft, programme = self.draft, self.programme
        pairs, problems = application_counts(draft)
        problems = checklist_problems(draft, programme) + problems
        if draft.peildatum is None:
            problems.append(Message("package.peildatum-missing"))
        name = draft.organisation.name
        if not name:
            problems.append(Message("package.organisation-missing"))
        try:
            output = application_output(
                programme, pairs, draft.peildatum or dt.date.today(), name or "-"
            )
        except AppError as error:
            self._preview_error = error
            self._show_preview()
            return
        rows = first_rows(output, programme, max(len(pairs), 1)) if pairs else []
        self.preview = Preview(
            file_name=output.name,
            columns=output.columns,
            rows=output.rows,
            sample=tuple(tuple(row) for row in rows),
            masked_columns=(),
            problems=tuple(problems),
        )
        self._show_preview()

    def _run_preview(self) -> None:
        self.cancel()
        session = self.session
        if session.table is None or session.validation is None or self.programme is None:
            return
        check = session_check(self.draft, self.programme, session.table, session.validation)
        worker = Worker(preview_job, self.draft, check)
        self.start_job(
            worker, self.tr("Preparing the preview…"), self._preview_done, self._preview_failed
        )
        self.changed()

    def _preview_done(self, preview: Preview) -> None:
        self.preview = preview
        self._show_preview()

    def _preview_failed(self, error: Exception) -> None:
        self._preview_error = error
        self._show_preview()

    def _show_preview(self) -> None:
        preview = self.preview
        locale = QLocale()
        if self._preview_error is not None:
            error = self._preview_error
            text = error.render(self.language) if isinstance(error, AppError) else str(error)
            self.problems.show_message("error", text)
            self.output_card.hide()
            self.changed()
            return
        if preview is None:
            self.output_card.hide()
            return
        self.output_card.show()
        if self.application:
            summary = self.tr(
                "File %1 with %2 rows, one per payroll tax number with the number of employees "
                "you entered, in %3 columns. No employee data is sent."
            )
        else:
            summary = self.tr("File %1 with %2 rows, one per employee counted, in %3 columns.")
        self.output_summary.setText(
            summary.replace("%1", preview.file_name)
            .replace("%2", locale.toString(preview.rows))
            .replace("%3", str(len(preview.columns)))
        )
        self.columns_label.setText(self.tr("Columns: %1").replace("%1", ", ".join(preview.columns)))
        self.sample.clear()
        self.sample.setColumnCount(len(preview.columns))
        self.sample.setRowCount(len(preview.sample))
        self.sample.setHorizontalHeaderLabels(list(preview.columns))
        for row, values in enumerate(preview.sample):
            for column, value in enumerate(values):
                self.sample.setItem(row, column, QTableWidgetItem(value))
        height = self.sample.horizontalHeader().height() + 4
        height += sum(self.sample.rowHeight(r) for r in range(self.sample.rowCount()))
        self.sample.setFixedHeight(height + 2)
        if self.application:
            self.sample_hint.setText(self.tr("Every row of the file."))
        elif preview.masked_columns:
            self.sample_hint.setText(
                self.tr(
                    "The first %1 rows, with identifiers (%2) masked here on screen. The file "
                    "itself holds them in full, encrypted for the office."
                )
                .replace("%1", str(len(preview.sample)))
                .replace("%2", ", ".join(preview.masked_columns))
            )
        else:
            self.sample_hint.setText(
                self.tr("The first %1 rows.").replace("%1", str(len(preview.sample)))
            )
        if preview.problems:
            self.problems.show_message(
                "error",
                self.tr("The package cannot be made yet:")
                + "\n"
                + "\n".join("• " + p.render(self.language) for p in preview.problems),
            )
        else:
            self.problems.clear_message()
        self.changed()

    # -- the conditions ----------------------------------------------------------------------

    def _show_checklist(self) -> None:
        programme = self.programme
        items = programme.checklist if programme else ()
        self.checklist_table.setRowCount(len(items))
        self.checklist_table.setHorizontalHeaderLabels(
            [self.tr("Condition"), self.tr("Confirmed by"), self.tr("Date")]
        )
        for row, item in enumerate(items):
            answer = self.draft.checklist.get(item.id)
            confirmed = bool(answer and answer.confirmed)
            self.checklist_table.setItem(row, 0, QTableWidgetItem(item.text.get(self.language)))
            by = answer.by if answer and confirmed else self.tr("not confirmed")
            self.checklist_table.setItem(row, 1, QTableWidgetItem(by))
            date = answer.date.strftime("%d-%m-%Y") if answer and answer.date else ""
            self.checklist_table.setItem(row, 2, QTableWidgetItem(date))
        self.checklist_table.resizeRowsToContents()
        height = self.checklist_table.horizontalHeader().height() + 4
        height += sum(
            self.checklist_table.rowHeight(r) for r in range(self.checklist_table.rowCount())
        )
        self.checklist_table.setFixedHeight(height + 2)

    # -- the certificate ---------------------------------------------------------------------

    @property
    def pin(self) -> str | None:
        programme = self.programme
        return programme.recipient_certificate_sha256 if programme else None

    def _stored(self) -> RecipientChoice | None:
        return self.draft.delivery.recipient

    def _keep(self, recipient: RecipientChoice) -> None:
        self.draft.delivery = replace(self.draft.delivery, recipient=recipient)
        self.wiz().autosave()

    def _load_certificate(self) -> None:
        stored = self._stored()
        self.certificate = None
        self.certificate_error = None
        if stored is not None:
            self.set_certificate(stored.path, keep_confirmation=True)
        else:
            self._show_certificate()

    def choose_certificate(self) -> None:
        start = self.certificate_path.text() or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("The office's certificate"),
            start,
            self.tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"),
        )
        if path:
            self.set_certificate(Path(path))

    def set_certificate(self, path: Path, keep_confirmation: bool = False) -> None:
        """Read the office's certificate at ``path`` and show its fingerprint."""
        stored = self._stored()
        self.certificate = None
        self.certificate_error = None
        try:
            self.certificate = load_certificate(
                read_bounded(path, FileKind.CERTIFICATE), path.name
            )
        except AppError as error:
            self.certificate_error = error.render(self.language)
        except OSError as error:
            self.certificate_error = self.tr("The file cannot be read: %1").replace(
                "%1", error.strerror or str(error)
            )
        confirmed = stored.confirmed_sha256 if keep_confirmation and stored else None
        if self.certificate is not None and confirmed != fingerprint_hex(self.certificate):
            confirmed = None  # another certificate: its fingerprint must be confirmed again
        self.confirm.blockSignals(True)
        self.confirm.setChecked(bool(confirmed))
        self.confirm.blockSignals(False)
        self._keep(RecipientChoice(Path(path), confirmed))
        self._show_certificate()

    def _confirm_toggled(self, checked: bool) -> None:
        stored = self._stored()
        if self.certificate is not None and stored is not None:
            confirmed = fingerprint_hex(self.certificate) if checked else None
            self._keep(replace(stored, confirmed_sha256=confirmed))
        self._show_certificate()

    @property
    def confirmed_fingerprint(self) -> str | None:
        """The fingerprint the officer confirmed (None with a pinned profile or unconfirmed)."""
        if self.pin is not None or self.certificate is None or not self.confirm.isChecked():
            return None
        return fingerprint_hex(self.certificate)

    @property
    def certificate_file(self) -> Path | None:
        stored = self._stored()
        return stored.path if stored is not None else None

    def certificate_problem(self) -> str | None:
        """Why the chosen certificate cannot be used (None: it can)."""
        if self.certificate_error:
            return self.certificate_error
        if self.certificate is None:
            return self.tr("Choose the certificate the office gave you.")
        try:
            check_recipient(
                self.certificate,
                pin=self.pin,
                confirmed_fingerprint=self.confirmed_fingerprint,
            )
        except CryptoError as error:
            if error.message.key == "crypto.recipient-unconfirmed":
                return self.tr(
                    "Compare this fingerprint with the one the office gave you (by phone or in "
                    "its letter), then tick the box."
                )
            return error.render(self.language)
        return None

    def _show_certificate(self) -> None:
        certificate = self.certificate
        self.certificate_path.setText(str(self.certificate_file or ""))
        if certificate is not None:
            subject = certificate.subject.rfc4514_string()
            until = certificate.not_valid_after_utc.strftime("%d-%m-%Y")
            self.certificate_details.setText(
                self.tr("Issued to: %1\nValid until: %2")
                .replace("%1", subject)
                .replace("%2", until)
            )
            self.fingerprint.setText(
                self.tr("SHA-256 fingerprint:") + "\n" + fingerprint_sha256(certificate)
            )
            self.certificate_details.show()
            self.fingerprint.show()
        else:
            self.certificate_details.hide()
            self.fingerprint.hide()
        self.confirm.setVisible(certificate is not None and self.pin is None)
        self.confirm.setEnabled(self.certificate_error is None)
        problem = self.certificate_problem()
        if problem is None:
            self.certificate_message.show_message(
                "ok",
                self.tr("The fingerprint matches the one in the programme profile.")
                if self.pin is not None
                else self.tr("You confirmed this fingerprint with the office."),
            )
        elif certificate is None and self.certificate_error is None:
            self.certificate_message.show_message("info", problem)
        else:
            self.certificate_message.show_message(
                "warning" if not self.confirm.isChecked() and self.pin is None else "error",
                problem,
            )
        self.changed()

    # -- the page ----------------------------------------------------------------------------

    def isComplete(self) -> bool:
        if self.wizard() is None or self.running or self.preview is None:
            return False
        if self._preview_error is not None or self.preview.problems:
            return False
        return self.certificate_problem() is None

    def retranslate(self) -> None:
        self.setTitle(self.tr("Review"))
        self.setSubTitle(
            self.tr(
                "Exactly what will leave this computer, encrypted, once you press Encrypt and "
                "later Upload."
            )
        )
        self.output_heading.setText(self.tr("The file for the office"))
        self.sample.setAccessibleName(self.tr("First rows of the file, identifiers masked"))
        self.checklist_heading.setText(self.tr("Conditions as confirmed"))
        self.checklist_table.setAccessibleName(self.tr("Conditions as confirmed"))
        self.certificate_heading.setText(self.tr("The office's certificate"))
        self.certificate_hint.setText(
            self.tr(
                "The package is encrypted so that only the office can open it, with the "
                "certificate it gave you (a .pem, .crt, .cer or .der file)."
            )
        )
        self.certificate_label.setText(self.tr("&Certificate"))
        self.certificate_path.setAccessibleName(self.tr("The office's certificate file"))
        self.choose_button.setText(self.tr("C&hoose…"))
        self.choose_button.setAccessibleName(self.tr("Choose the office's certificate"))
        self.confirm.setText(self.tr("I confirmed this fingerprint with the office"))
        self.busy.retranslate()
        if self.wizard() is None:
            return
        self._show_checklist()
        self._show_preview()
        self._show_certificate()
