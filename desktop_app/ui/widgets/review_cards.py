"""The cards of the review page: the file for the office (summary, columns and the first rows with
identifiers masked), the conditions as confirmed, and the office's certificate with its SHA-256
fingerprint (confirmed with the office when the profile pins none).

Strings keep the page's translation context ("ReviewPage")."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from cryptography import x509
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.bounded_read import FileKind, read_bounded
from desktop_app.crypto.keys import fingerprint_hex, fingerprint_sha256
from desktop_app.crypto.recipient import check_recipient, load_certificate
from desktop_app.draft import Draft, RecipientChoice
from desktop_app.profiles import Programme
from desktop_app.ui.demo import allows_test_certificate
from desktop_app.ui.jobs import Preview
from desktop_app.ui.pages.base import WizardPage
from desktop_app.ui.widgets import hint_label, titled_card
from desktop_app.ui.widgets.answers_card import change_button, retranslate_change
from desktop_app.ui.widgets.office_file_card import OfficeFileCard


def fit_height(table: QTableWidget) -> None:
    """No scrolling inside the card: the table as high as its rows."""
    height = table.horizontalHeader().height() + 4
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(height + 2)


class RefitRowsOnResize(QObject):
    """Measures a word-wrapped table's rows again after each change of its width."""

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.table = table
        self.width = -1
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.table.width() != self.width:
            self.width = self.table.width()
            # the header stretches its sections after this event: measure once it has
            QTimer.singleShot(0, self.refit)
        return False

    def refit(self) -> None:
        self.table.resizeRowsToContents()
        fit_height(self.table)


class OutputCard:
    """What leaves the machine: the output file's name, rows and columns, and its first rows."""

    def __init__(self, parent: QWidget) -> None:
        self.card, output, self.heading = titled_card(parent)
        self.summary = QLabel(self.card)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.columns_label = hint_label("", self.card)
        self.columns_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sample = QTableWidget(self.card)
        self.sample.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sample.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.sample.setTabKeyNavigation(False)  # Tab leaves the table (it kept the focus inside)
        self.sample.verticalHeader().setVisible(False)
        self.sample.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.sample.horizontalHeader().setStretchLastSection(True)
        self.sample_hint = hint_label("", self.card)
        output.addWidget(self.summary)
        output.addWidget(self.columns_label)
        output.addWidget(self.sample)
        output.addWidget(self.sample_hint)

    def show_preview(
        self, preview: Preview, application: bool, titles: dict[str, str] | None = None
    ) -> None:
        """``application``: the algemene variant without a file (typed staff counts);
        ``titles``: the columns as the officer reads them ("subgroep_1 (Afdeling)")."""
        locale = QLocale()
        if application:
            summary = QCoreApplication.translate(
                "ReviewPage",
                "File %1 with %2 rows, one per payroll tax number with the number of employees "
                "you entered, in %3 columns. No employee data is sent.",
            )
        else:
            summary = QCoreApplication.translate(
                "ReviewPage", "File %1 with %2 rows, one per employee counted, in %3 columns."
            )
        self.summary.setText(
            # a long file name has no spaces: it may wrap after each '_' (a zero-width space)
            summary.replace("%1", preview.file_name.replace("_", "_\u200b"))
            .replace("%2", locale.toString(preview.rows))
            .replace("%3", str(len(preview.columns)))
        )
        shown = [(titles or {}).get(name, name) for name in preview.columns]
        self.columns_label.setText(
            QCoreApplication.translate("ReviewPage", "Columns: %1").replace("%1", ", ".join(shown))
        )
        self.sample.clear()
        self.sample.setColumnCount(len(preview.columns))
        self.sample.setRowCount(len(preview.sample))
        self.sample.setHorizontalHeaderLabels(shown)
        for row, values in enumerate(preview.sample):
            for column, value in enumerate(values):
                self.sample.setItem(row, column, QTableWidgetItem(value))
        self.sample.resizeRowsToContents()
        fit_height(self.sample)
        if application:
            self.sample_hint.setText(
                QCoreApplication.translate("ReviewPage", "Every row of the file.")
            )
        elif preview.masked_columns:
            self.sample_hint.setText(
                QCoreApplication.translate(
                    "ReviewPage",
                    "The first %1 rows, with identifiers (%2) masked here on screen. The file "
                    "itself holds them in full.",
                )
                .replace("%1", str(len(preview.sample)))
                .replace("%2", ", ".join(preview.masked_columns))
            )
        else:
            self.sample_hint.setText(
                QCoreApplication.translate("ReviewPage", "The first %1 rows.").replace(
                    "%1", str(len(preview.sample))
                )
            )

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("ReviewPage", "The file for the office"))
        self.sample.setAccessibleName(
            QCoreApplication.translate("ReviewPage", "First rows of the file, identifiers masked")
        )


class ChecklistCard:
    """The conditions as confirmed: who confirmed each, and when."""

    def __init__(self, parent: QWidget) -> None:
        self.card, checklist, self.heading = titled_card(parent)
        self.change = change_button(checklist, self.heading, self.card)
        self.table = QTableWidget(self.card)
        self.table.setColumnCount(3)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (it kept the focus inside)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # rows are measured at the width the text has: again whenever the table's width
        # changes, or they keep the height of the narrow first layout (100-200 px, mostly empty)
        self._refit = RefitRowsOnResize(self.table)
        checklist.addWidget(self.table)

    def show_checklist(self, programme: Programme | None, draft: Draft, language: str) -> None:
        items = programme.checklist if programme else ()
        self.table.setRowCount(len(items))
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ReviewPage", "Condition"),
                QCoreApplication.translate("ReviewPage", "Confirmed by"),
                QCoreApplication.translate("ReviewPage", "Date"),
            ]
        )
        for row, item in enumerate(items):
            answer = draft.checklist.get(item.id)
            confirmed = bool(answer and answer.confirmed)
            self.table.setItem(row, 0, QTableWidgetItem(item.text.get(language)))
            by = (
                answer.by
                if answer and confirmed
                else QCoreApplication.translate("ReviewPage", "not confirmed")
            )
            self.table.setItem(row, 1, QTableWidgetItem(by))
            date = answer.date.strftime("%d-%m-%Y") if answer and answer.date else ""
            self.table.setItem(row, 2, QTableWidgetItem(date))
        self.table.resizeRowsToContents()
        fit_height(self.table)

    def retranslate(self) -> None:
        title = QCoreApplication.translate("ReviewPage", "Conditions as confirmed")
        self.heading.setText(title)
        retranslate_change(self.change, title)
        self.table.setAccessibleName(
            QCoreApplication.translate("ReviewPage", "Conditions as confirmed")
        )


class CertificateCard(OfficeFileCard):
    """The office's certificate: the file chosen (kept in the draft), its subject, validity and
    SHA-256 fingerprint, and the officer's confirmation of it when the profile pins none."""

    unconfirmed_key = "crypto.recipient-unconfirmed"

    def __init__(self, page: WizardPage, parent: QWidget) -> None:
        card, layout, self.heading = titled_card(parent)
        self.hint = hint_label("", card)
        layout.addWidget(self.hint)
        super().__init__(page, card, layout)

    @property
    def pin(self) -> str | None:
        programme = self.page.programme
        return programme.recipient_certificate_sha256 if programme else None

    def read(self, path: Path) -> x509.Certificate:
        return load_certificate(read_bounded(path, FileKind.CERTIFICATE), path.name)

    def fingerprint_of(self, item: x509.Certificate) -> str:
        return fingerprint_hex(item)

    def stored(self) -> tuple[Path, str | None] | None:
        stored = self.page.draft.delivery.recipient
        return (stored.path, stored.confirmed_sha256) if stored is not None else None

    def keep(self, path: Path, confirmed: str | None) -> None:
        draft = self.page.draft
        draft.delivery = replace(draft.delivery, recipient=RecipientChoice(path, confirmed))
        self.page.wiz().autosave()

    def check(self, item: x509.Certificate, confirmed: str | None) -> None:
        check_recipient(
            item,
            pin=self.pin,
            confirmed_fingerprint=confirmed,
            allow_test_certificate=allows_test_certificate(self.page.draft),
        )

    def dialog(self) -> tuple[str, str]:
        return (
            QCoreApplication.translate("ReviewPage", "The office's certificate"),
            QCoreApplication.translate(
                "ReviewPage", "Certificates (*.pem *.crt *.cer *.der);;All files (*)"
            ),
        )

    def describe(self, item: x509.Certificate) -> tuple[str, str]:
        details = (
            QCoreApplication.translate("ReviewPage", "Issued to: %1\nValid until: %2")
            .replace("%1", item.subject.rfc4514_string())
            .replace("%2", item.not_valid_after_utc.strftime("%d-%m-%Y"))
        )
        fingerprint = (
            QCoreApplication.translate("ReviewPage", "SHA-256 fingerprint:")
            + "\n"
            + fingerprint_sha256(item)
        )
        return details, fingerprint

    def missing_text(self) -> str:
        return QCoreApplication.translate(
            "ReviewPage", "Choose the certificate the office gave you."
        )

    def unconfirmed_text(self) -> str:
        return QCoreApplication.translate(
            "ReviewPage",
            "Compare this fingerprint with the one the office gave you (by phone or in its "
            "letter), then tick the box.",
        )

    def confirmed_text(self) -> str:
        return QCoreApplication.translate(
            "ReviewPage", "You confirmed this fingerprint with the office."
        )

    # the names the review page and the tests use
    @property
    def certificate(self) -> x509.Certificate | None:
        return self.item  # type: ignore[no-any-return]

    @property
    def certificate_file(self) -> Path | None:
        return self.file

    def set_certificate(self, path: Path, keep_confirmation: bool = False) -> None:
        """Read the office's certificate at ``path`` and show its fingerprint."""
        self.set_file(path, keep_confirmation)

    def choose_certificate(self) -> None:
        self.choose_file()

    def show_certificate(self) -> None:
        self.show()

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("ReviewPage", "The office's certificate"))
        self.hint.setText(
            QCoreApplication.translate(
                "ReviewPage",
                "The package is encrypted so that only the office can open it, with the "
                "certificate it gave you (a .pem, .crt, .cer or .der file).",
            )
        )
        self.label.setText(QCoreApplication.translate("ReviewPage", "&Certificate"))
        self.path.setAccessibleName(
            QCoreApplication.translate("ReviewPage", "The office's certificate file")
        )
        self.choose_button.setText(QCoreApplication.translate("ReviewPage", "Ch&oose…"))
        self.choose_button.setAccessibleName(
            QCoreApplication.translate("ReviewPage", "Choose the office's certificate")
        )
        self.confirm.setText(
            QCoreApplication.translate("ReviewPage", "I confirmed this fingerprint with the office")
        )
