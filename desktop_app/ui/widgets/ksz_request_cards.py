"""The cards of the KSZ request page: the organisation's OpenPGP key (fingerprint, user ids, the
make/import/export buttons and what the key's state means), the request documents (what still
blocks them, where they were saved) and what comes next.

The page keeps the key and the documents; these show them. Strings keep the page's translation
context ("KszRequestPage")."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from desktop_app.crypto import openpgp
from desktop_app.messages import Message
from desktop_app.ui.widgets import BusyBar, InlineMessage, hint_label, titled_card
from desktop_app.ui.widgets.field_help import with_help
from desktop_app.ui.widgets.flow_layout import FlowLayout
from desktop_app.ui.widgets.hex_value import fixed_pitch


def breakable_path(path) -> str:
    """The path with a zero-width space after each separator: a long folder wraps at a separator
    instead of running past the message's edge (a path has no spaces to wrap at)."""
    text = str(path)
    for separator in {os.sep, "/"}:
        text = text.replace(separator, separator + "\u200b")
    return text


class KeyCard:
    """The organisation's OpenPGP key: its fingerprint and the ways to get or export it."""

    def __init__(
        self,
        parent: QWidget,
        *,
        create: Callable[[], None],
        choose_public_key: Callable[[], None],
        choose_export: Callable[[], None],
        choose_backup: Callable[[], None],
        cancel: Callable[[], None],
    ) -> None:
        self.card, key, self.heading = titled_card(parent)
        self.hint = hint_label("", self.card)
        self.fingerprint_label = hint_label("", self.card)
        # at the text's size (the system's fixed font was smaller), selectable, wrapping
        # between groups; the groups as GnuPG shows them (openpgp.format_fingerprint)
        self.fingerprint = QLabel(self.card)
        self.fingerprint.setFont(fixed_pitch())
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.user_id = hint_label("", self.card)
        key_buttons = FlowLayout()  # continues on a next line when narrow
        self.create_button = QPushButton(self.card)
        self.create_button.clicked.connect(create)
        self.import_button = QPushButton(self.card)
        self.import_button.clicked.connect(choose_public_key)
        self.export_button = QPushButton(self.card)
        self.export_button.clicked.connect(choose_export)
        self.backup_button = QPushButton(self.card)
        self.backup_button.clicked.connect(choose_backup)
        key_buttons.addWidget(self.create_button)
        key_buttons.addWidget(self.import_button)
        key_buttons.addWidget(self.export_button)
        key_buttons.addWidget(self.backup_button)
        self.busy = BusyBar(self.card)
        self.busy.cancel_requested.connect(cancel)
        self.message = InlineMessage(self.card)
        key.addWidget(self.hint)
        fingerprint_row, self.fingerprint_help = with_help(
            self.fingerprint_label, "openpgp_fingerprint"
        )
        key.addWidget(fingerprint_row)
        key.addWidget(self.fingerprint)
        key.addWidget(self.user_id)
        key.addLayout(key_buttons)
        key.addWidget(self.busy)
        key.addWidget(self.message)

    def show_key(
        self,
        *,
        info: openpgp.PublicKeyInfo | None,
        fingerprint: str,
        has_public: bool,
        error: str | None,
        running: bool,
        can_create: bool,
        has_secret: bool = False,
    ) -> None:
        self.fingerprint.setText(openpgp.format_fingerprint(fingerprint) if fingerprint else "–")
        self.fingerprint.setAccessibleName(
            QCoreApplication.translate("KszRequestPage", "Fingerprint: %1").replace(
                "%1", fingerprint
            )
        )
        self.user_id.setText(", ".join(info.user_ids) if info else "")
        self.user_id.setVisible(bool(info and info.user_ids))
        self.create_button.setEnabled(not running and can_create)
        self.create_button.setVisible(not has_public)
        self.import_button.setVisible(not has_public)
        self.import_button.setEnabled(not running)
        self.export_button.setEnabled(has_public and not running)
        self.backup_button.setVisible(has_secret)  # a key pair made here: its secret key
        self.backup_button.setEnabled(not running)
        if error:
            self.message.show_message("error", error)
        elif has_public and info is not None:
            self.message.show_message(
                "ok",
                QCoreApplication.translate(
                    "KszRequestPage",
                    "The KSZ will encrypt the tables to this key. Send the public key with the "
                    "request and check the fingerprint with the KSZ by phone or letter.",
                ),
            )
        elif fingerprint:
            self.message.show_message(
                "info",
                QCoreApplication.translate(
                    "KszRequestPage",
                    "The fingerprint you entered on the organisation page is used. Export the "
                    "public key from Kleopatra yourself, or choose its file here.",
                ),
            )
        elif not running:
            self.message.show_message(
                "warning",
                QCoreApplication.translate(
                    "KszRequestPage",
                    "No key yet. Make a key pair here, or use the public key of a key pair your "
                    "organisation already has in Kleopatra.",
                ),
            )
        else:
            self.message.clear_message()

    def retranslate(self) -> None:
        self.heading.setText(
            QCoreApplication.translate("KszRequestPage", "The organisation's OpenPGP key")
        )
        self.hint.setText(
            QCoreApplication.translate(
                "KszRequestPage",
                "The secret key stays on this computer, protected by a passphrase. Without it "
                "the tables cannot be opened: save a backup, protected by a passphrase you "
                "keep apart.",
            )
        )
        self.fingerprint_label.setText(QCoreApplication.translate("KszRequestPage", "Fingerprint"))
        if self.fingerprint_help is not None:
            self.fingerprint_help.retranslate(self.fingerprint_label.text())
        self.create_button.setText(QCoreApplication.translate("KszRequestPage", "&Make a key pair"))
        self.import_button.setText(
            QCoreApplication.translate("KszRequestPage", "Use a key from &Kleopatra…")
        )
        self.export_button.setText(
            QCoreApplication.translate("KszRequestPage", "&Save the public key…")
        )
        self.backup_button.setText(
            QCoreApplication.translate("KszRequestPage", "Save a backup of the secret ke&y…")
        )
        self.busy.retranslate()


class DocumentsCard:
    """The request documents: what blocks them, the button that saves them, where they went."""

    def __init__(
        self, parent: QWidget, *, choose_folder: Callable[[], None], show_folder: Callable[[], None]
    ) -> None:
        self.card, documents, self.heading = titled_card(parent)
        self.hint = hint_label("", self.card)
        self.problems_message = InlineMessage(self.card)
        document_buttons = FlowLayout()
        self.save_button = QPushButton(self.card)
        self.save_button.clicked.connect(choose_folder)
        self.open_folder = QPushButton(self.card)
        self.open_folder.clicked.connect(show_folder)
        document_buttons.addWidget(self.save_button)
        document_buttons.addWidget(self.open_folder)
        self.message = InlineMessage(self.card)
        documents.addWidget(self.hint)
        documents.addWidget(self.problems_message)
        documents.addLayout(document_buttons)
        documents.addWidget(self.message)

    def show_documents(
        self, problems: list[Message], written: list[Path], language: str, running: bool
    ) -> None:
        if problems:
            listed = "\n".join("• " + p.render(language) for p in problems)
            self.problems_message.show_message(
                "error",
                QCoreApplication.translate("KszRequestPage", "Before the request can be made:")
                + "\n"
                + listed,
            )
        else:
            self.problems_message.clear_message()
        self.save_button.setEnabled(not problems and not running)
        self.open_folder.setVisible(bool(written))
        if written:
            listed = "\n".join(p.name for p in written)
            self.message.show_message(
                "ok",
                QCoreApplication.translate("KszRequestPage", "Saved in %1:").replace(
                    "%1", breakable_path(written[0].parent)
                )
                + "\n"
                + listed,
            )

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("KszRequestPage", "The request documents"))
        self.hint.setText(
            QCoreApplication.translate(
                "KszRequestPage",
                "The request in Dutch and in French, as PDF to read and sign and as ODT to edit "
                "or copy into the KSZ form, with the public key beside them.",
            )
        )
        self.save_button.setText(
            QCoreApplication.translate("KszRequestPage", "Save the &documents in a folder…")
        )
        self.open_folder.setText(QCoreApplication.translate("KszRequestPage", "Show the f&older"))


class NextCard:
    """What comes next: the form to the KSZ, the linkage file (when own data is sent), the tables."""

    def __init__(self, parent: QWidget) -> None:
        self.card, after, self.heading = titled_card(parent)
        self.text = hint_label("", self.card)
        after.addWidget(self.text)

    def retranslate(self, uses_file: bool) -> None:
        self.heading.setText(QCoreApplication.translate("KszRequestPage", "What comes next"))
        steps = [
            QCoreApplication.translate(
                "KszRequestPage",
                "1. Fill in the form from the KSZ's “Basisschema voor gegevensaanvragen” and "
                "send it to the KSZ with these documents and the public key.",
            )
        ]
        if uses_file:
            steps.append(
                QCoreApplication.translate(
                    "KszRequestPage",
                    "2. The linkage file (INSZ and your own categories) is reviewed and "
                    "encrypted in the next steps; send it when the KSZ asks for it.",
                )
            )
        else:
            steps.append(
                QCoreApplication.translate(
                    "KszRequestPage",
                    "2. You send no own data: there is no linkage file to prepare.",
                )
            )
        steps.append(
            QCoreApplication.translate(
                "KszRequestPage",
                "3. The KSZ sends the tables encrypted to your key. Import them in the "
                "assistant's start window with “View results”: it opens them with your key. "
                "Kleopatra opens them too.",
            )
        )
        self.text.setText("\n".join(steps))
