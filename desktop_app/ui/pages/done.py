"""The last page: done. It says plainly whether the file reached the office, as the officer's
record says (``<stem>.record.json``, :mod:`desktop_app.delivery.record`): "sent" with the upload's
receipt (destination, time, the server's SHA-256) or the officer's confirmation (date and time,
the file's SHA-256), or "not sent yet" with how to go on. Then what happens next at the office,
from the programme profile (:meth:`Programme.steps_after_delivery`), and the summary PDF and the
folder one click away.

Closing the wizard while a file was made but not sent asks first (:func:`may_close`).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop_app.atomic import write_atomic
from desktop_app.delivery.record import (
    RECORD_SUFFIX,
    SUMMARY_SUFFIX,
    DeliveryRecord,
    delivered_path_of,
    read_record,
    summary_path_for,
)
from desktop_app.errors import AppError
from desktop_app.ui.pages.base import WizardPage
from desktop_app.ui.widgets import InlineMessage, ScrollArea, hint_label, titled_card, vbox
from desktop_app.ui.widgets.delivered_panel import local_time
from desktop_app.ui.widgets.hex_value import HexValue, labelled

SENT_EVENTS = ("uploaded", "delivered")

log = logging.getLogger(__name__)


# -- the journey records itself (desktop_app.journey.progress) ----------------------------------


def update_journey(wizard, record_path: Path | None, made: bool = False) -> None:
    """The journey told what happened: the file made (``made``) or, when the record says so,
    the file sent. A failure never breaks the wizard: it is logged and kept as
    ``wizard.journey_note`` (the done page shows it as a quiet note)."""
    from desktop_app.journey.progress import record_delivery, record_made

    if wizard is None or record_path is None:
        return
    try:
        if made:
            record_made(wizard.draft, Path(record_path))
        else:
            record_delivery(wizard.draft, Path(record_path))
        wizard.journey_note = None
    except Exception as error:  # the journey is a side record: never an exception dialog
        log.warning("journey not updated: %s", error)
        text = error.render(wizard.language) if isinstance(error, AppError) else str(error)
        wizard.journey_note = text


# -- what the record says (shared with the wizard's close question) ------------------------------


def record_path_of(wizard) -> Path | None:
    """The record of the file made in this session, else the one the draft names (a file made
    before the assistant was closed and opened again)."""
    submission = wizard.session.submission
    if submission is not None and submission.record_path is not None:
        return submission.record_path
    return wizard.draft.delivery.record


def record_of(wizard) -> DeliveryRecord | None:
    path = record_path_of(wizard)
    if path is None or not Path(path).is_file():
        return None
    try:
        return read_record(Path(path))
    except (AppError, OSError):
        return None


def sent_event(record: DeliveryRecord | None) -> Mapping[str, Any] | None:
    """The last upload receipt or confirmation in the record; None while not sent."""
    if record is None:
        return None
    for entry in reversed(record.events):
        if entry.get("event") in SENT_EVENTS:
            return entry
    return None


def unsent_file(wizard) -> Path | None:
    """The file made for the office that its record does not call sent; None when there is no
    file yet or it was sent."""
    path = record_path_of(wizard)
    record = record_of(wizard)
    if path is None or record is None or sent_event(record) is not None:
        return None
    return delivered_path_of(Path(path), record)


def close_question(parent: QWidget, file: Path) -> QMessageBox:
    """The question before closing with a file not sent yet: plain buttons, staying the default."""

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("CloseQuestion", "Not sent yet"))
    box.setText(QCoreApplication.translate("CloseQuestion", "Not sent yet — close anyway?"))
    box.setInformativeText(
        QCoreApplication.translate(
            "CloseQuestion",
            "Your draft and the file are kept: %1. Open the assistant again and it continues "
            "where you left off, so you can still send it.",
        ).replace("%1", str(file))
    )
    box.stay_button = box.addButton(
        QCoreApplication.translate("CloseQuestion", "&Stay"), QMessageBox.ButtonRole.RejectRole
    )
    box.close_button = box.addButton(
        QCoreApplication.translate("CloseQuestion", "&Close anyway"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.setDefaultButton(box.stay_button)
    box.setEscapeButton(box.stay_button)
    return box


def may_close(wizard, close: Callable[[], None]) -> bool:
    """Whether the wizard may close now. With a file made but not sent, the officer is asked
    first (without blocking: the answer "Close anyway" calls ``close`` again) and this says no;
    the question is kept as ``wizard.close_question`` while it is open."""
    if getattr(wizard, "close_anyway", False):
        return True
    file = unsent_file(wizard)
    if file is None:
        return True
    box = getattr(wizard, "close_question", None)
    if box is not None and box.isVisible():
        box.raise_()
        return False
    box = close_question(wizard, file)
    wizard.close_question = box

    def answered(_result: int) -> None:
        wizard.close_question = None
        if box.clickedButton() is box.close_button:
            wizard.close_anyway = True
            close()

    box.finished.connect(answered)
    box.open()
    return False


# -- the page ------------------------------------------------------------------------------------


class DonePage(WizardPage):
    def __init__(self) -> None:  # noqa: PLR0915 (widget layout)
        super().__init__()
        self.setFinalPage(True)
        content = QWidget()
        layout = vbox(content, spacing=12)

        self.status_card, status, self.status_heading = titled_card(content)
        self.status = InlineMessage(self.status_card)
        self.details_box = QWidget(self.status_card)
        self.details = QFormLayout(self.details_box)
        self.details.setContentsMargins(0, 0, 0, 0)
        self.resume = hint_label("", self.status_card)
        self.resume.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        self.open_summary = QPushButton(self.status_card)
        self.open_summary.clicked.connect(self.show_summary)
        self.show_folder = QPushButton(self.status_card)
        self.show_folder.clicked.connect(self.show_in_folder)
        buttons.addWidget(self.open_summary)
        buttons.addWidget(self.show_folder)
        buttons.addStretch(1)
        status.addWidget(self.status)
        status.addWidget(self.details_box)
        status.addWidget(self.resume)
        status.addLayout(buttons)
        self.journey_note = hint_label("", self.status_card)  # the journey not updated: why
        self.journey_note.setVisible(False)
        status.addWidget(self.journey_note)

        self.next_card, next_layout, self.next_heading = titled_card(content)
        self.next_steps = QLabel(self.next_card)
        self.next_steps.setWordWrap(True)
        self.next_steps.setTextFormat(Qt.TextFormat.RichText)
        next_layout.addWidget(self.next_steps)

        # CBS: the documents the officer sends along the way (desktop_app.journey.documents)
        self.documents_card, documents, self.documents_heading = titled_card(content)
        self.documents_hint = hint_label("", self.documents_card)
        doc_buttons = QHBoxLayout()  # short texts: the hint says what they make
        self.write_email = QPushButton(self.documents_card)
        self.write_email.clicked.connect(self.write_signup_email)
        self.save_answers = QPushButton(self.documents_card)
        self.save_answers.clicked.connect(self.choose_answers_folder)
        doc_buttons.addWidget(self.write_email)
        doc_buttons.addWidget(self.save_answers)
        doc_buttons.addStretch(1)
        self.documents_message = InlineMessage(self.documents_card)
        self.email_text = QPlainTextEdit(self.documents_card)
        self.email_text.setReadOnly(True)
        self.email_text.setMinimumHeight(160)
        self.email_text.setVisible(False)
        self.copy_email = QPushButton(self.documents_card)
        self.copy_email.clicked.connect(self.copy_signup_email)
        self.copy_email.setVisible(False)
        documents.addWidget(self.documents_hint)
        documents.addLayout(doc_buttons)
        documents.addWidget(self.documents_message)
        documents.addWidget(self.email_text)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_email)
        copy_row.addStretch(1)
        documents.addLayout(copy_row)
        self.answers_written: list[Path] = []

        layout.addWidget(self.status_card)
        layout.addWidget(self.next_card)
        layout.addWidget(self.documents_card)
        layout.addStretch(1)
        vbox(self).addWidget(ScrollArea(content, self))

    def nextId(self) -> int:
        return -1

    # -- what is shown -------------------------------------------------------------------------

    def record_path(self) -> Path | None:
        return record_path_of(self.wiz()) if self.wizard() is not None else None

    def record(self) -> DeliveryRecord | None:
        return record_of(self.wiz()) if self.wizard() is not None else None

    def delivered_file(self) -> Path | None:
        path, record = self.record_path(), self.record()
        if path is None or record is None:
            submission = self.session.submission if self.wizard() is not None else None
            return submission.package_path if submission is not None else None
        return delivered_path_of(Path(path), record)

    def sent(self) -> bool:
        return sent_event(self.record()) is not None

    def load(self) -> None:
        if self.sent():  # the journey records the delivery (a quiet note when it cannot)
            update_journey(self.wiz(), self.record_path())
        self._show()

    def _detail(self, label: str, value: str, mono: bool = False) -> None:
        name = hint_label(label, self.details_box)
        name.setWordWrap(False)
        if mono:  # a checksum in groups, at the page's text size, wrapping between groups
            digest = HexValue(self.details_box)
            digest.set_value(value)
            labelled(name, digest, label)
            self.details.addRow(name, digest)
            return
        text = QLabel(value, self.details_box)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.addRow(name, text)

    def _show(self) -> None:
        if self.wizard() is None:
            return
        while self.details.rowCount():
            self.details.removeRow(0)
        record = self.record()
        event = sent_event(record)
        file = self.delivered_file()
        if event is not None and event.get("event") == "uploaded":
            self.status.show_message("ok", self.tr("Sent: the office's server has the file."))
            self._detail(self.tr("Sent to"), str(event.get("destination", "")))
            self._detail(self.tr("Time"), local_time(str(event.get("at", ""))))
            self._detail(self.tr("SHA-256 on the server"), str(event.get("sha256", "")), True)
        elif event is not None:
            self.status.show_message(
                "ok", self.tr("Sent: you confirmed that the office has the file.")
            )
            self._detail(self.tr("Confirmed on"), local_time(str(event.get("at", ""))))
            sha = str(event.get("sha256") or (record.file.sha256 if record else ""))
            self._detail(self.tr("SHA-256 of the file"), sha, True)
        elif file is not None:
            self.status.show_message(
                "warning", self.tr("Not sent yet: the office does not have the file.")
            )
            self._detail(self.tr("The file is saved at"), str(file))
            if record is not None:
                self._detail(self.tr("SHA-256 of the file"), record.file.sha256, True)
        else:
            self.status.show_message(
                "warning", self.tr("Not sent yet: no file for the office was made.")
            )
        self.details_box.setVisible(self.details.rowCount() > 0)
        self.resume.setVisible(event is None)
        self.resume.setText(
            self.tr(
                "Your draft is kept. Open the assistant again and it continues where you left "
                "off: send the file in the Send step, in the office's portal, or with the "
                "command diversity-assistant upload (diversity-assistant delivered once you "
                "handed it in)."
            )
            if file is not None
            else self.tr("Go Back to make the file; your draft is kept.")
        )
        summary = self.summary_path()
        self.open_summary.setEnabled(summary is not None and summary.is_file())
        self.show_folder.setEnabled(file is not None)
        note = getattr(self.wiz(), "journey_note", None)
        self.journey_note.setText(
            self.tr("Your journey through the office's steps was not updated: %1").replace(
                "%1", note or ""
            )
        )
        self.journey_note.setVisible(bool(note))
        programme = self.programme
        self.documents_card.setVisible(programme is not None and not self.wiz().is_ksz())
        self._show_next_steps()

    def _show_next_steps(self) -> None:
        programme = self.programme
        steps = programme.steps_after_delivery() if programme is not None else ()
        language = self.language
        items = "".join(
            f"<li><b>{html.escape(step.title.get(language))}</b><br>"
            f"{html.escape(step.explanation.get(language))}</li>"
            for step in steps
        )
        self.next_card.setVisible(bool(steps))
        self.next_steps.setText(f"<ol>{items}</ol>" if items else "")

    def next_step_titles(self) -> list[str]:
        """The office's next steps as shown (for tests and screen readers)."""
        programme = self.programme
        steps = programme.steps_after_delivery() if programme is not None else ()
        return [step.title.get(self.language) for step in steps]

    def summary_path(self) -> Path | None:
        submission = self.session.submission if self.wizard() is not None else None
        if submission is not None and submission.summary_path is not None:
            return submission.summary_path
        path = self.record_path()
        if path is None:
            return None
        name = Path(path).name
        if name.endswith(RECORD_SUFFIX):
            return Path(path).with_name(name[: -len(RECORD_SUFFIX)] + SUMMARY_SUFFIX)
        file = self.delivered_file()
        return summary_path_for(file) if file is not None else None

    # -- the documents for CBS (desktop_app.journey.documents) ---------------------------------

    def signup_email(self):
        from desktop_app.journey.documents import signup_email

        return signup_email(self.draft, self.programme)  # to CBS: in Dutch

    def write_signup_email(self) -> None:
        """The sign-up e-mail opened in the mail program when its link is short enough, and its
        text offered for copying always."""
        from desktop_app.journey.documents import mailto_url

        email = self.signup_email()
        url = mailto_url(email)
        opened = url is not None and QDesktopServices.openUrl(QUrl(url))
        self.email_text.setPlainText(email.text())
        self.email_text.setVisible(True)
        self.copy_email.setVisible(True)
        self.documents_message.show_message(
            "info",
            self.tr(
                "Your mail program opens with the e-mail. You can also copy the text below into "
                "an e-mail to %1."
            ).replace("%1", email.to)
            if opened
            else self.tr("Copy the text below into an e-mail to %1.").replace("%1", email.to),
        )

    def copy_signup_email(self) -> None:
        QGuiApplication.clipboard().setText(self.email_text.toPlainText())
        self.documents_message.show_message("ok", self.tr("The e-mail's text is copied."))

    def choose_answers_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self,
            self.tr("Choose the folder for the answers"),
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation),
        )
        if folder:
            self.write_answers(Path(folder))

    def write_answers(self, folder: Path) -> list[Path]:
        """The answers for CBS's application form as PDF and ODT (in Dutch, as CBS's form) in
        ``folder``; the written files (none when they could not be written, with a message)."""
        from desktop_app.journey.documents import (
            application_html,
            application_odt,
            application_title,
            document_stem,
        )
        from desktop_app.render import html_to_pdf

        stem = f"cbs-aanvraag-antwoorden-{document_stem(self.draft)}"
        try:
            html_text = application_html(self.draft, self.programme)
            files = {
                folder / f"{stem}.pdf": html_to_pdf(html_text, application_title()),
                folder / f"{stem}.odt": application_odt(self.draft, self.programme),
            }
            for path, data in files.items():
                write_atomic(path, data)
        except (OSError, AppError) as error:
            text = error.render(self.language) if isinstance(error, AppError) else str(error)
            self.documents_message.show_message(
                "error", self.tr("The answers could not be saved: %1").replace("%1", text)
            )
            return []
        self.answers_written = list(files)
        self.documents_message.show_message(
            "ok", self.tr("The answers are saved in %1.").replace("%1", str(folder))
        )
        return self.answers_written

    # -- the officer's actions -----------------------------------------------------------------

    def show_summary(self) -> None:
        summary = self.summary_path()
        if summary is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(summary)))

    def show_in_folder(self) -> None:
        file = self.delivered_file()
        if file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(file.parent)))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Done"))
        self.setSubTitle(
            self.tr("Whether the file reached the office, and what happens there next.")
        )
        self.status_heading.setText(self.tr("Your file"))
        self.next_heading.setText(self.tr("What happens next at the office"))
        self.open_summary.setText(self.tr("Open the summary &PDF"))
        self.show_folder.setText(self.tr("&Show the folder"))
        self.documents_heading.setText(self.tr("Documents for CBS"))
        self.documents_hint.setText(
            self.tr(
                "CBS asks for a sign-up e-mail and your answers for its application form. The "
                "assistant drafts both, in Dutch, from your choices: the e-mail opens in your "
                "mail program, the answers are saved as PDF and ODT to copy into the form."
            )
        )
        self.write_email.setText(self.tr("Write the sign-up &e-mail"))
        self.save_answers.setText(self.tr("Save the &answers…"))
        self.save_answers.setAccessibleName(self.tr("Save the answers for CBS's application form"))
        self.copy_email.setText(self.tr("Cop&y the text"))
        if self.wizard() is not None:
            self._show()
