"""A file the office gave, on the review page: the office's X.509 certificate or its OpenPGP public
key. One behaviour for both: the file chosen (kept in the draft), what it says (whose, until when),
its fingerprint, the officer's confirmation of that fingerprint with the office when the profile
pins none, and why it cannot be used yet. The subclasses say how the file is read and checked
(:mod:`desktop_app.ui.widgets.review_cards` :class:`CertificateCard`,
:mod:`desktop_app.ui.widgets.delivery_choice` :class:`OpenPgpKeyCard`).

Strings keep the page's translation context ("ReviewPage")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.ui.pages.base import WizardPage
from desktop_app.ui.widgets import InlineMessage


def selectable(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class OfficeFileCard:
    """The common part; a subclass gives the hooks below."""

    # the message key of the core's "not confirmed yet" refusal, answered with plain advice
    unconfirmed_key = ""

    def __init__(self, page: WizardPage, card: QWidget, layout: QBoxLayout) -> None:
        self.page = page
        self.card = card
        self.item: Any = None  # the certificate or key read from the file
        self.error: str | None = None
        row = QHBoxLayout()
        self.label = QLabel(card)
        self.path = QLineEdit(card)
        self.path.setReadOnly(True)
        self.label.setBuddy(self.path)
        self.choose_button = QPushButton(card)
        self.choose_button.clicked.connect(self.choose_file)
        row.addWidget(self.label)
        row.addWidget(self.path, 1)
        row.addWidget(self.choose_button)
        self.details = selectable(QLabel(card))
        self.fingerprint = selectable(QLabel(card))
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.confirm = QCheckBox(card)
        self.confirm.toggled.connect(self._confirm_toggled)
        self.message = InlineMessage(card)
        layout.addLayout(row)
        layout.addWidget(self.details)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.confirm)
        layout.addWidget(self.message)

    # -- the hooks ---------------------------------------------------------------------------

    @property
    def pin(self) -> str | None:
        """The fingerprint the programme profile pins (None: the officer confirms it)."""
        raise NotImplementedError

    def read(self, path: Path) -> Any:
        """The certificate or key in ``path``; an AppError or OSError when it cannot be used."""
        raise NotImplementedError

    def fingerprint_of(self, item: Any) -> str:
        """The fingerprint as the draft and the core compare it."""
        raise NotImplementedError

    def stored(self) -> tuple[Path, str | None] | None:
        """The file and confirmed fingerprint the draft keeps."""
        raise NotImplementedError

    def keep(self, path: Path, confirmed: str | None) -> None:
        """Keep the file and confirmed fingerprint in the draft."""
        raise NotImplementedError

    def check(self, item: Any, confirmed: str | None) -> None:
        """Raise the core's AppError when ``item`` may not be used (pin, confirmation, expiry)."""
        raise NotImplementedError

    def dialog(self) -> tuple[str, str]:
        """The file dialog's title and filter."""
        raise NotImplementedError

    def describe(self, item: Any) -> tuple[str, str]:
        """What the file says (whose, until when) and its fingerprint, as shown."""
        raise NotImplementedError

    def missing_text(self) -> str:
        raise NotImplementedError

    def unconfirmed_text(self) -> str:
        raise NotImplementedError

    def confirmed_text(self) -> str:
        raise NotImplementedError

    # -- the behaviour -----------------------------------------------------------------------

    def load(self) -> None:
        """The file kept in the draft, its confirmation with it."""
        stored = self.stored()
        self.item = None
        self.error = None
        if stored is not None:
            self.set_file(stored[0], keep_confirmation=True)
        else:
            self.show()

    def choose_file(self) -> None:
        start = self.path.text() or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        title, filter_text = self.dialog()
        path, _filter = QFileDialog.getOpenFileName(self.page, title, start, filter_text)
        if path:
            self.set_file(Path(path))

    def set_file(self, path: Path, keep_confirmation: bool = False) -> None:
        """Read the file at ``path`` and show its fingerprint; a confirmation kept in the draft
        stays only for the same fingerprint."""
        stored = self.stored()
        self.item = None
        self.error = None
        try:
            self.item = self.read(Path(path))
        except AppError as error:
            self.error = error.render(self.page.language)
        except OSError as error:
            self.error = QCoreApplication.translate(
                "ReviewPage", "The file cannot be read: %1"
            ).replace("%1", error.strerror or str(error))
        confirmed = stored[1] if keep_confirmation and stored else None
        if self.item is not None and confirmed != self.fingerprint_of(self.item):
            confirmed = None  # another file: its fingerprint must be confirmed again
        self.confirm.blockSignals(True)
        self.confirm.setChecked(bool(confirmed))
        self.confirm.blockSignals(False)
        self.keep(Path(path), confirmed)
        self.show()

    def _confirm_toggled(self, checked: bool) -> None:
        stored = self.stored()
        if self.item is not None and stored is not None:
            self.keep(stored[0], self.fingerprint_of(self.item) if checked else None)
        self.show()

    @property
    def file(self) -> Path | None:
        stored = self.stored()
        return stored[0] if stored is not None else None

    @property
    def confirmed_fingerprint(self) -> str | None:
        """The fingerprint the officer confirmed (None with a pinned profile or unconfirmed)."""
        if self.pin is not None or self.item is None or not self.confirm.isChecked():
            return None
        return self.fingerprint_of(self.item)

    def problem(self) -> str | None:
        """Why the chosen file cannot be used (None: it can)."""
        if self.error:
            return self.error
        if self.item is None:
            return self.missing_text()
        try:
            self.check(self.item, self.confirmed_fingerprint)
        except AppError as error:
            if error.message.key == self.unconfirmed_key:
                return self.unconfirmed_text()
            return error.render(self.page.language)
        return None

    def show(self) -> None:
        item = self.item
        self.path.setText(str(self.file or ""))
        if item is not None:
            details, fingerprint = self.describe(item)
            self.details.setText(details)
            self.fingerprint.setText(fingerprint)
        self.details.setVisible(item is not None)
        self.fingerprint.setVisible(item is not None)
        self.confirm.setVisible(item is not None and self.pin is None)
        self.confirm.setEnabled(self.error is None)
        problem = self.problem()
        if problem is None:
            self.message.show_message(
                "ok",
                QCoreApplication.translate(
                    "ReviewPage", "The fingerprint matches the one in the programme profile."
                )
                if self.pin is not None
                else self.confirmed_text(),
            )
        elif item is None and self.error is None:
            self.message.show_message("info", problem)
        else:
            unconfirmed = self.error is None and self.pin is None and not self.confirm.isChecked()
            self.message.show_message("warning" if unconfirmed else "error", problem)
        self.page.changed()
