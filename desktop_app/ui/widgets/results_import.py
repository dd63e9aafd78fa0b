"""Import the office's table set from the wizard: the file, the programme and the year; the
core reads and keeps it (:func:`desktop_app.results.import_results`, as ``results import``).

Where the programme's office leaves its tables on an SFTP server (the KSZ), "Fetch from the office's
SFTP server…" fetches and imports them in one step on a worker
(:mod:`desktop_app.ui.widgets.results_fetch`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.profiles import available_programme_ids, load_programme_by_id
from desktop_app.profiles.model import Programme
from desktop_app.results import StoredImport, import_results
from desktop_app.results.encrypted import import_encrypted, is_encrypted
from desktop_app.results.fetched import offers_fetch
from desktop_app.ui.widgets import InlineMessage, hint_label, vbox
from desktop_app.ui.widgets.passphrase_dialog import ask_passphrase
from desktop_app.ui.widgets.results_fetch import FetchDialog


def result_programmes(language: str) -> list[tuple[str, str]]:
    """(id, name) of the shipped programmes whose returned tables can be read."""
    found = []
    for programme_id in available_programme_ids():
        try:
            programme = load_programme_by_id(programme_id)
        except AppError:
            continue
        if programme.results is not None:
            found.append((programme_id, str(programme.name.get(language))))
    return found


class ImportDialog(QDialog):
    """``stored`` holds the import once it is kept (the dialog then closes)."""

    def __init__(self, organisation: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.organisation = organisation
        self.language = language
        self.stored: StoredImport | None = None
        self.setMinimumWidth(520)
        layout = vbox(self, margins=16, spacing=10)
        self.hint = hint_label("", self)
        layout.addWidget(self.hint)
        form = QFormLayout()
        self.path = QLineEdit(self)
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.programme = QComboBox(self)
        for programme_id, name in result_programmes(language):
            self.programme.addItem(name, programme_id)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year - 1)
        form.addRow(self.tr("&File"), row)
        form.addRow(self.tr("&Programme"), self.programme)
        form.addRow(self.tr("&Year (peildatum)"), self.year)
        for widget, buddy in ((0, self.path), (1, self.programme), (2, self.year)):
            label = form.itemAt(widget, QFormLayout.ItemRole.LabelRole).widget()
            label.setBuddy(buddy)  # type: ignore[attr-defined]
        layout.addLayout(form)
        self.message = InlineMessage(self)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.fetch_button = self.buttons.addButton(
            self.tr("F&etch from the office's SFTP server…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.fetch_button.clicked.connect(self.choose_fetch)
        self.programme.currentIndexChanged.connect(self.show_fetch)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Import the office's tables"))
        self.hint.setText(
            self.tr(
                "Choose the file you downloaded from the office's portal (CBS: the Excel workbook; "
                "KSZ: the CSV or workbook, also as the encrypted .gpg, which is opened with your "
                "organisation's OpenPGP key). Only group figures are kept, for %1."
            ).replace("%1", organisation)
        )
        self.browse.setText(self.tr("&Browse…"))
        self.path.setAccessibleName(self.tr("File"))
        self.fetch_dialog: FetchDialog | None = None
        self.show_fetch()

    def chosen_programme(self) -> Programme | None:
        try:
            return load_programme_by_id(str(self.programme.currentData()))
        except AppError:
            return None

    def show_fetch(self) -> None:
        """The fetch only where the chosen programme's office offers it (its profile says)."""
        programme = self.chosen_programme()
        self.fetch_button.setVisible(programme is not None and offers_fetch(programme))

    def choose_fetch(self) -> None:
        programme = self.chosen_programme()
        if programme is None:
            return
        dialog = FetchDialog(self.organisation, programme, self.year.value(), self.language, self)
        self.fetch_dialog = dialog
        dialog.finished.connect(lambda result, d=dialog: self._fetched(d, result))
        dialog.open()

    def _fetched(self, dialog: FetchDialog, result: int) -> None:
        self.fetch_dialog = None
        if result == QDialog.DialogCode.Accepted and dialog.stored is not None:
            self.stored = dialog.stored
            self.accept()

    def import_encrypted(self, path: Path, programme: Programme) -> StoredImport | None:
        """A KSZ ``.gpg``: the organisation's OpenPGP key, its passphrase from the keyring or
        asked for (then the officer's, never kept)."""
        year = self.year.value()
        try:
            return import_encrypted(path, programme, year, self.organisation)
        except AppError as error:
            if error.message.key != "openpgp.passphrase-needed":
                raise
        passphrase = ask_passphrase(self, "open", kind="openpgp", language=self.language)
        if passphrase is None:
            return None
        return import_encrypted(path, programme, year, self.organisation, passphrase=passphrase)

    def prefill(self, path: Path, programme_id: str, year: int) -> None:
        """A table set attached elsewhere (a journey's step): its file, programme and year."""
        self.path.setText(str(path))
        index = self.programme.findData(programme_id)
        if index >= 0:
            self.programme.setCurrentIndex(index)
        self.year.setValue(year)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The office's tables"),
            "",
            self.tr("Tables (*.xlsx *.xlsm *.csv *.txt *.gpg *.pgp)"),
        )
        if path:
            self.path.setText(path)

    def run_import(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.message.show_message("error", self.tr("Choose the file first."))
            self.path.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            programme = load_programme_by_id(str(self.programme.currentData()))
            if is_encrypted(text):
                self.stored = self.import_encrypted(Path(text), programme)
                if self.stored is None:
                    return  # the officer cancelled the passphrase
            else:
                self.stored = import_results(
                    Path(text), programme, self.year.value(), self.organisation
                )
        except AppError as error:
            self.message.show_message("error", error.render(self.language))
            return
        except OSError as error:
            self.message.show_message("error", f"{Path(text).name}: {error.strerror or error}")
            return
        self.accept()
