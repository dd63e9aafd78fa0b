"""The dialog for an SSH host key not seen before: the officer compares its fingerprint with the one
the office gave and accepts or refuses it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from desktop_app.ui.jobs.upload import HostKeyQuestion
from desktop_app.ui.widgets import vbox


class HostKeyDialog(QDialog):
    """Shows an unknown server's SHA-256 fingerprint; only an explicit confirmation accepts it."""

    def __init__(self, question: HostKeyQuestion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.setModal(True)
        self.setWindowTitle(self.tr("Unknown server"))
        layout = vbox(self, margins=16, spacing=10)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setText(
            self.tr(
                "This is the first upload to %1 (port %2). Compare the fingerprint of its key with "
                "the one the office gave you. Confirm only if every character matches."
            )
            .replace("%1", question.host)
            .replace("%2", str(question.port))
        )
        self.fingerprint = QLabel(question.fingerprint, self)
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setAccessibleName(self.tr("SHA-256 fingerprint of the server's key"))
        buttons = QHBoxLayout()
        self.confirm_button = QPushButton(self.tr("The fingerprint &matches"), self)
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self.accept)
        self.refuse_button = QPushButton(self.tr("It does &not match"), self)
        self.refuse_button.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.refuse_button)
        layout.addWidget(self.text)
        layout.addWidget(self.fingerprint)
        layout.addLayout(buttons)
        self.finished.connect(lambda result: question.answer(result == QDialog.DialogCode.Accepted))
