"""Page 10: send. The file made on the previous page goes to the office as the route says: the
upload (SFTP or tus over HTTPS, receipt with the server's SHA-256 added to the officer's record,
:class:`UploadPanel`), or the officer's own upload in the web portal or hand-over, confirmed here
(:class:`DeliveredPanel`). The file's name and a way to find it stay at the top, the card below
it, so the upload's progress shows without scrolling. Next leads to the ending, sent or not.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop_app.delivery.route import UPLOAD_CHANNELS
from desktop_app.profiles.model import Channel
from desktop_app.ui.pages.base import WizardPage
from desktop_app.ui.pages.done import record_of, sent_event, update_journey
from desktop_app.ui.widgets import InlineMessage, ScrollArea, hint_label, titled_card, vbox
from desktop_app.ui.widgets.delivered_panel import DeliveredPanel
from desktop_app.ui.widgets.elided_label import ElidedLabel
from desktop_app.ui.widgets.upload_panel import UploadPanel


class SendPage(WizardPage):
    def __init__(self) -> None:
        super().__init__()
        self._submission = None  # the file the cards were last shown for

        content = QWidget()
        layout = vbox(content, spacing=12)
        self.file_card, file_layout, self.file_heading = titled_card(content)
        row = QHBoxLayout()
        self.package_path = ElidedLabel(self.file_card)  # a long path: elided, whole in a tooltip
        self.package_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_folder = QPushButton(self.file_card)
        self.show_folder.clicked.connect(self.show_in_folder)
        row.addWidget(self.package_path, 1)
        row.addWidget(self.show_folder)
        file_layout.addLayout(row)
        self.no_file = InlineMessage(self.file_card)
        file_layout.addWidget(self.no_file)

        # The upload (desktop_app/transfer: SFTP or tus over HTTPS, receipt with the server's hash)
        # acts on self.session.submission.package_path.
        self.upload_card = UploadPanel(self, content)
        self.upload_card.started.connect(self._show)
        # the web portal or the hand-over: the officer takes the file and confirms it here
        self.delivered_card = DeliveredPanel(self, content)
        # the journey records the confirmation (after the panel wrote it to the record)
        self.delivered_card.confirm_button.clicked.connect(self._record_journey)
        self.next_hint = hint_label("", content)

        layout.addWidget(self.file_card)
        layout.addWidget(self.upload_card)
        layout.addWidget(self.delivered_card)
        layout.addWidget(self.next_hint)
        layout.addStretch(1)
        vbox(self).addWidget(ScrollArea(content, self))

    def nextId(self) -> int:
        from desktop_app.ui.routes import PageId

        return PageId.DONE

    @property
    def running(self) -> bool:
        return self.upload_card.running

    def load(self) -> None:
        submission = self.session.submission
        if submission is not self._submission:
            # another file made since: its receipt and messages are not this one's
            self.upload_card.reset()
            self.delivered_card.reset()
            self._submission = submission
        self.upload_card.load()
        self._show()

    def _record_journey(self) -> None:
        """The delivery step done in the journey once the record says the file was sent."""
        submission = self.session.submission if self.wizard() is not None else None
        if submission is None or submission.record_path is None:
            return
        record = record_of(self.wiz())
        if sent_event(record) is not None:
            update_journey(self.wiz(), submission.record_path)  # never raises

    def show_in_folder(self) -> None:
        submission = self.session.submission
        if submission is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(submission.package_path.parent)))

    def _show(self) -> None:
        submission = self.session.submission if self.wizard() is not None else None
        channel = submission.route.channel if submission is not None else None
        self.package_path.setText(str(submission.package_path) if submission else "")
        self.package_path.setVisible(submission is not None)
        self.show_folder.setVisible(submission is not None)
        if submission is None:
            self.no_file.show_message(
                "info", self.tr("No file is made yet: go Back to make it first.")
            )
        else:
            self.no_file.clear_message()
        self._record_journey()
        self.upload_card.setVisible(channel in UPLOAD_CHANNELS)
        self.delivered_card.setVisible(channel in (Channel.WEB_PORTAL, Channel.HAND_OVER))
        self.upload_card._show()
        self.delivered_card._show()
        self.changed()

    def isComplete(self) -> bool:
        """Next leads to the ending, sent or not yet (it says which); not during an upload."""
        return self.wizard() is not None and not self.running

    def retranslate(self) -> None:
        self.setTitle(self.tr("Send"))
        self.setSubTitle(
            self.tr("The file goes to the office: you send it here, or hand it in and confirm it.")
        )
        self.file_heading.setText(self.tr("The file for the office"))
        self.show_folder.setText(self.tr("Show in &folder"))
        self.next_hint.setText(
            self.tr(
                "Next shows whether the file has reached the office and what happens there now."
            )
        )
        self.upload_card.retranslate()
        self.delivered_card.retranslate()
        if self.wizard() is not None:
            self._show()
