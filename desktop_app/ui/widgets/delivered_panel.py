"""The send page's card for the routes where the officer takes the file to the office: the web
portal (opened in the browser, when its address is public) or the hand-over agreed with the
office. The officer confirms it here ("I have uploaded it", "I have handed it over": date, time
and the file's SHA-256 join the record and the summary PDF is rendered again), then may delete the
file from this computer (overwritten, then removed; the record notes it).

What the record says is what the card shows: the state is read back from ``<stem>.record.json``
(:mod:`desktop_app.delivery.record`), so a confirmation is never shown that was not written."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.delivery.record import (
    DeliveryRecord,
    confirm_delivered,
    note_deleted,
    read_record,
)
from desktop_app.delivery.shred import shred
from desktop_app.errors import AppError
from desktop_app.profiles.model import Channel
from desktop_app.render import html_to_pdf
from desktop_app.ui.widgets import InlineMessage, hint_label, vbox

if TYPE_CHECKING:
    from desktop_app.ui.pages.base import WizardPage


def local_time(iso: str) -> str:
    """An event's UTC time as this computer's local date and time."""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso
    return moment.toLocalTime().toString("dd-MM-yyyy HH:mm")


class DeliveredPanel(QFrame):
    """The web-portal and hand-over card. ``page`` gives the session's submission and language."""

    def __init__(self, page: WizardPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setProperty("card", "true")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._error: str | None = None
        layout = vbox(self, margins=12, spacing=6)
        self.heading = QLabel(self)
        self.heading.setProperty("role", "heading")
        self.intro = hint_label("", self)
        self.no_address = hint_label("", self)
        buttons = QHBoxLayout()
        self.open_portal = QPushButton(self)
        self.open_portal.clicked.connect(self.open_portal_in_browser)
        self.confirm_button = QPushButton(self)
        self.confirm_button.clicked.connect(self.confirm)
        buttons.addWidget(self.open_portal)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        self.status = InlineMessage(self)
        self.delete_box = QWidget(self)
        delete = vbox(self.delete_box, spacing=4)
        self.delete_hint = hint_label("", self.delete_box)
        row = QHBoxLayout()
        self.delete_button = QPushButton(self.delete_box)
        self.delete_button.clicked.connect(self.delete_file)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        delete.addWidget(self.delete_hint)
        delete.addLayout(row)
        self.message = InlineMessage(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.no_address)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.delete_box)
        layout.addWidget(self.message)

    # -- what the card acts on -------------------------------------------------------------------

    @property
    def submission(self):
        return self.page.session.submission if self.page.wizard() is not None else None

    @property
    def record_path(self) -> Path | None:
        submission = self.submission
        return submission.record_path if submission is not None else None

    def record(self) -> DeliveryRecord | None:
        path = self.record_path
        if path is None or not path.exists():
            return None
        try:
            return read_record(path)
        except AppError as error:
            self._error = error.render(self.page.language)
            return None

    @property
    def portal_url(self) -> str | None:
        programme = self.page.programme
        return programme.delivery.web_portal_url if programme is not None else None

    @property
    def channel(self) -> Channel | None:
        submission = self.submission
        return submission.route.channel if submission is not None else None

    def reset(self) -> None:
        self._error = None

    # -- the officer's actions -------------------------------------------------------------------

    def open_portal_in_browser(self) -> None:
        url = self.portal_url
        if url:
            QDesktopServices.openUrl(QUrl(url))

    def confirm(self) -> None:
        """The officer says the file reached the office: the record and its PDF say so too."""
        path = self.record_path
        if path is None:
            return
        self._error = None
        try:
            confirm_delivered(path, render_pdf=html_to_pdf)
        except AppError as error:
            self._error = error.render(self.page.language)
        except OSError as error:
            self._error = error.strerror or str(error)
        self._show()

    def delete_file(self) -> None:
        """Overwrite and remove the delivered file; the record notes it."""
        submission, path = self.submission, self.record_path
        if submission is None or path is None:
            return
        self._error = None
        try:
            shred(submission.package_path)
            note_deleted(path, render_pdf=html_to_pdf)
        except AppError as error:
            self._error = error.render(self.page.language)
        except OSError as error:
            self._error = error.strerror or str(error)
        self._show()

    # -- showing ---------------------------------------------------------------------------------

    def _event_time(self, record: DeliveryRecord, event: str) -> str | None:
        for entry in reversed(record.events):
            if entry.get("event") == event:
                return local_time(str(entry.get("at", "")))
        return None

    def _show(self) -> None:
        self.retranslate_texts()
        submission = self.submission
        record = self.record() if submission is not None else None
        portal = self.channel is Channel.WEB_PORTAL
        delivered = record is not None and record.happened("delivered")
        deleted = record is not None and record.happened("plaintext-deleted")
        self.open_portal.setVisible(portal and bool(self.portal_url))
        self.no_address.setVisible(portal and not self.portal_url)
        self.confirm_button.setVisible(not delivered)
        self.confirm_button.setEnabled(record is not None)
        file_there = submission is not None and submission.package_path.exists()
        self.delete_box.setVisible(delivered and not deleted and file_there)
        if deleted:
            self.status.show_message(
                "ok",
                self.tr("Deleted from this computer on %1; noted in your record.").replace(
                    "%1", self._event_time(record, "plaintext-deleted") or ""
                ),
            )
        elif delivered:
            text = (
                self.tr("You confirmed the upload on %1. Your record and the summary PDF say so.")
                if portal
                else self.tr(
                    "You confirmed the hand-over on %1. Your record and the summary PDF say so."
                )
            )
            self.status.show_message(
                "ok", text.replace("%1", self._event_time(record, "delivered") or "")
            )
        else:
            self.status.clear_message()
        if self._error:
            self.message.show_message("error", self._error)
        else:
            self.message.clear_message()

    def retranslate_texts(self) -> None:
        portal = self.channel is Channel.WEB_PORTAL
        if portal:
            self.heading.setText(self.tr("Upload it in the office's portal"))
            self.intro.setText(
                self.tr(
                    "Log in to the office's portal in your browser and upload the file shown "
                    "above (use Show in folder to find it). Then come back here and confirm."
                )
            )
            self.confirm_button.setText(self.tr("I have uploade&d it"))
        else:
            self.heading.setText(self.tr("Deliver it to the office"))
            self.intro.setText(
                self.tr(
                    "Deliver the file shown above the way you agreed with the office. Then come "
                    "back here and confirm."
                )
            )
            self.confirm_button.setText(self.tr("I have han&ded it over"))
        self.no_address.setText(
            self.tr("Use the portal address from the office's e-mail, with the login it sent you.")
        )
        self.open_portal.setText(self.tr("&Open the office's portal"))
        self.delete_hint.setText(
            self.tr(
                "The file holds personal data; once the office has it, you can delete it here. "
                "It is overwritten, then removed. Copies on SSD drives, in backups or in synced "
                "folders (such as OneDrive) may remain."
            )
        )
        self.delete_button.setText(self.tr("Dele&te the file from this computer"))

    def retranslate(self) -> None:
        self._show()
