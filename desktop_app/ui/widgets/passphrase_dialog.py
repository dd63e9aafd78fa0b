"""The passphrase of the organisation's key, typed by the officer where the OS keyring cannot be used.

The organisation's keys (the X.509 signing identity, the OpenPGP key) are normally locked with a
random passphrase kept in the computer's password safe. Where that safe cannot be used (Linux
without Secret Service, a locked keychain) the core refuses with ``crypto.keyring-unavailable``;
a key once made with a typed passphrase is refused with ``crypto.key-passphrase-needed`` /
``openpgp.passphrase-needed`` (its folder is marked, see
:func:`desktop_app.crypto.keys.uses_typed_passphrase`). Pages answer those refusals with
:class:`PassphraseRetry`: the :class:`PassphraseDialog` asks the passphrase in the GUI thread,
twice when the key is made, once when it is opened, with the core's rules
(:func:`desktop_app.crypto.keys.passphrase_problem`) shown live, and the page runs its job again
with it.

The text is never stored or logged: the dialog's fields are cleared when it closes, the page holds
it only until the job is started again (:meth:`PassphraseRetry.take`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop_app.crypto.keys import (
    WRONG_PASSPHRASE_KEYS,
    asks_passphrase,
    identity_exists,
    passphrase_problem,
)
from desktop_app.draft import Draft
from desktop_app.errors import AppError
from desktop_app.messages import Message
from desktop_app.ui.widgets import InlineMessage, heading_label, hint_label, vbox

Mode = Literal["create", "open"]
KeyKind = Literal["signing", "openpgp", "backup"]  # backup: a copy of the OpenPGP key
T = TypeVar("T")


class PassphraseDialog(QDialog):
    """Asks the passphrase of the organisation's key: twice to make the key, once to open it."""

    def __init__(
        self,
        mode: Mode,
        *,
        kind: KeyKind = "signing",
        reason: str = "",
        reason_kind: str = "info",
        language: str = "nl",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.mode: Mode = mode
        self.kind: KeyKind = kind
        self.language = language
        self.setModal(True)
        self.setMinimumWidth(520)
        layout = vbox(self, margins=18, spacing=10)

        self.heading = heading_label("", self)
        self.reason = InlineMessage(self)
        if reason:
            self.reason.show_message(reason_kind, reason)
        self.intro = hint_label("", self)

        self.first_label = QLabel(self)
        self.first = QLineEdit(self)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first_label.setBuddy(self.first)
        self.second_label = QLabel(self)
        self.second = QLineEdit(self)
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second_label.setBuddy(self.second)
        for field in (self.first, self.second):
            field.textChanged.connect(self._check)
        self.show_text = QCheckBox(self)
        self.show_text.toggled.connect(self._toggle_visible)

        self.feedback = InlineMessage(self)
        self.warning = hint_label("", self)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

        for widget in (
            self.heading,
            self.reason,
            self.intro,
            self.first_label,
            self.first,
            self.second_label,
            self.second,
            self.show_text,
            self.feedback,
            self.warning,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        creating = mode == "create"
        self.second_label.setVisible(creating)
        self.second.setVisible(creating)
        self.retranslate()
        self._check()
        self.first.setFocus()

    # -- texts --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        creating = self.mode == "create"
        openpgp = self.kind == "openpgp"
        if self.kind == "backup":
            self.setWindowTitle(self.tr("Passphrase for the backup"))
            self.heading.setText(self.tr("Choose a passphrase for the backup of the key"))
            self.intro.setText(
                self.tr(
                    "The backup opens with this passphrase on any computer (GnuPG, Kleopatra). "
                    "Keep it apart from the backup file, for example in a safe or a password "
                    "manager. Use at least 12 characters or at least four words."
                )
            )
            self.ok_button.setText(self.tr("Save the &backup"))
        elif creating:
            self.setWindowTitle(self.tr("Choose a passphrase"))
            self.heading.setText(
                self.tr("Choose a passphrase for your organisation's OpenPGP key")
                if openpgp
                else self.tr("Choose a passphrase for your organisation's signing key")
            )
            self.intro.setText(
                self.tr(
                    "The key is locked with this passphrase instead of with this computer's "
                    "password safe. You will be asked for it each time the key is used. Use at "
                    "least 12 characters or at least four words."
                )
            )
            self.ok_button.setText(self.tr("&Lock the key with it"))
        else:
            self.setWindowTitle(self.tr("Passphrase of the key"))
            self.heading.setText(
                self.tr("Type the passphrase of your organisation's OpenPGP key")
                if openpgp
                else self.tr("Type the passphrase of your organisation's signing key")
            )
            self.intro.setText(
                self.tr("This key is locked with a passphrase that was chosen when it was made.")
            )
            self.ok_button.setText(self.tr("&Open the key"))
            self.intro.setVisible(not self.reason.text())  # the reason says it already
        self.cancel_button.setText(self.tr("Cancel"))
        self.first_label.setText(self.tr("&Passphrase"))
        self.second_label.setText(self.tr("Type it &again"))
        self.first.setAccessibleName(self.tr("Passphrase"))
        self.second.setAccessibleName(self.tr("The passphrase again"))
        self.show_text.setText(self.tr("&Show the passphrase"))
        self.warning.setText(
            self.tr("Without this passphrase the backup cannot be opened.")
            if self.kind == "backup"
            else self.tr(
                "The passphrase cannot be recovered: if it is lost, a new key must be made and "
                "its fingerprint registered with the office again."
            )
        )

    # -- checking -----------------------------------------------------------------------------

    def problem(self) -> Message | None:
        """What keeps the typed text from being used, or None."""
        text = self.first.text()
        if self.mode == "open":
            return Message("crypto.passphrase-empty") if not text else None
        found = passphrase_problem(text)
        if found is not None:
            return found
        if self.second.text() != text:
            return Message("crypto.passphrase-mismatch")
        return None

    def acceptable(self) -> bool:
        return self.problem() is None

    def _check(self) -> None:
        problem = self.problem()
        self.ok_button.setEnabled(problem is None)
        if self.mode == "open":
            self.feedback.clear_message()
            return
        if problem is None:
            self.feedback.show_message(
                "ok", Message("crypto.passphrase-good").render(self.language)
            )
        elif not self.first.text():
            self.feedback.clear_message()  # nothing typed yet: nothing to blame
        elif problem.key == "crypto.passphrase-mismatch" and not self.second.text():
            self.feedback.show_message("info", problem.render(self.language))
        else:
            self.feedback.show_message("warning", problem.render(self.language))

    def _toggle_visible(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    # -- the text: read once, then gone ---------------------------------------------------------

    def passphrase(self) -> str | None:
        """The typed passphrase when it can be used, else None."""
        return self.first.text() if self.acceptable() else None

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
        self.show_text.setChecked(False)

    def accept(self) -> None:
        if self.acceptable():
            super().accept()

    def reject(self) -> None:
        self.clear()
        super().reject()


def ask_passphrase(
    parent: QWidget | None,
    mode: Mode,
    *,
    kind: KeyKind = "signing",
    reason: str = "",
    reason_kind: str = "info",
    language: str = "nl",
) -> str | None:
    """Ask in a modal dialog; the passphrase, or None when the officer cancelled."""
    dialog = PassphraseDialog(
        mode, kind=kind, reason=reason, reason_kind=reason_kind, language=language, parent=parent
    )
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        text = dialog.passphrase() if accepted else None
    finally:
        dialog.clear()
        dialog.deleteLater()
    return text


# --------------------------------------------------------------------------------------------------
# for pages whose job needs the organisation's key


def key_folder_for(draft: Draft, kind: KeyKind) -> Path | None:
    """Where the organisation's key of ``kind`` is kept, or None without an organisation."""
    from desktop_app.paths import data_dir
    from desktop_app.submission import openpgp_key_folder, organisation_id

    try:
        organisation = organisation_id(draft)
    except AppError:
        return None
    if kind == "openpgp":
        return openpgp_key_folder(organisation)
    return data_dir() / "keys" / organisation


def key_mode(draft: Draft, kind: KeyKind) -> Mode:
    """``open`` when the key is there already, else ``create``."""
    from desktop_app.crypto import openpgp

    folder = key_folder_for(draft, kind)
    if folder is None:
        return "create"
    exists = openpgp.key_exists(folder) if kind == "openpgp" else identity_exists(folder)
    return "open" if exists else "create"


def with_passphrase(factory: Callable[..., T], passphrase: str | None) -> Callable[..., T]:
    """``factory`` (``default_identity``-like) with ``passphrase=`` bound, or as is without one."""
    if passphrase is None:
        return factory
    return functools.partial(factory, passphrase=passphrase)


class PassphraseRetry:
    """A page's memory of one typed passphrase, from the dialog to the job it runs again.

    :meth:`handle` answers a failed job: when the refusal asks for the key's passphrase (or a
    passphrase typed for this run was wrong) it asks, after the job has stopped, and calls
    ``rerun``; the page's next job :meth:`take` s the passphrase, which is then forgotten.
    """

    def __init__(self, page: QWidget) -> None:
        self.page = page
        self._next: str | None = None
        self.typed_last = False  # the last run used a typed passphrase

    def take(self) -> str | None:
        text, self._next = self._next, None
        self.typed_last = text is not None
        return text

    def wants(self, error: BaseException) -> bool:
        if asks_passphrase(error):
            return True
        key = error.message.key if isinstance(error, AppError) else None
        return self.typed_last and key in WRONG_PASSPHRASE_KEYS

    def handle(
        self,
        error: Exception,
        *,
        mode: Mode,
        kind: KeyKind,
        language: str,
        rerun: Callable[[], Any],
        give_up: Callable[[Exception], Any],
    ) -> bool:
        """True when ``error`` is answered by asking the passphrase (done shortly, in the GUI
        thread); then ``rerun`` follows the answer, or ``give_up(error)`` a cancel."""
        if not self.wants(error):
            return False
        reason = error.render(language) if isinstance(error, AppError) else ""
        wrong = isinstance(error, AppError) and error.message.key in WRONG_PASSPHRASE_KEYS

        def ask() -> None:
            text = ask_passphrase(
                self.page,
                mode,
                kind=kind,
                reason=reason,
                reason_kind="error" if wrong else "info",
                language=language,
            )
            if text is None:
                give_up(error)
                return
            self._next = text
            rerun()

        QTimer.singleShot(0, ask)  # after the job's own "finished" has been handled
        return True
