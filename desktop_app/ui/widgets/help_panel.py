"""The help panel beside the wizard's pages: what the current step is for, what the office expects
and what to watch for, in the interface language. The texts come from
:func:`desktop_app.help.help_text` (``resources/help/pages.toml``); the wizard opens the panel with
F1 or its Help button, closes it with Esc or the button, and keeps it on the current page."""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QTextBrowser, QToolButton, QWidget

from desktop_app.help import HelpMissing, field_help, help_text
from desktop_app.ui.widgets import heading_label, vbox


class HelpPanel(QFrame):
    """Title, close button and the page's help as rich text (read-only, keyboard-scrollable)."""

    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_panel")
        self.setMinimumWidth(280)
        self.setMaximumWidth(320)
        self.page_key = ""
        self.language = ""
        self.field_id = ""
        layout = vbox(self, margins=10, spacing=6)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        self.title = heading_label("", self)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.close_requested)
        header.addWidget(self.title, 1)
        header.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.document().setIndentWidth(16)  # lists indented a little, not 40 pixels
        layout.addWidget(self.browser, 1)
        self.setStyleSheet(
            "QFrame#help_panel { background: #ffffff; border-right: 1px solid #d5dbe1; }"
            " QFrame#help_panel QLabel { background: transparent; }"
            " QTextBrowser { background: #ffffff; }"
        )
        self.hide()

    def show_help(self, page_key: str, language: str, step_name: str) -> None:
        """Show the help of ``page_key`` (a PageId name) in ``language`` under ``step_name``."""
        self.page_key = page_key.lower()
        self.language = language
        self.field_id = ""  # the field whose help is shown ("": the step's)
        try:
            text = help_text(self.page_key, language)
        except HelpMissing:
            text = (
                "<p>"
                + QCoreApplication.translate("HelpPanel", "No help for this step yet.")
                + "</p>"
            )
        self.title.setText(
            QCoreApplication.translate("HelpPanel", "Help: %1").replace("%1", step_name)
        )
        self.close_button.setToolTip(QCoreApplication.translate("HelpPanel", "Close help (Esc)"))
        self.close_button.setAccessibleName(QCoreApplication.translate("HelpPanel", "Close help"))
        self.browser.setAccessibleName(
            QCoreApplication.translate("HelpPanel", "Help for this step")
        )
        self.browser.setHtml(text)

    def show_field_help(self, field_id: str, language: str, field_name: str) -> None:
        """Show the help of one field (the "?" beside it) under ``field_name``."""
        self.show_help(self.page_key or "programme", language, field_name)
        with suppress(HelpMissing):  # without one, the step's help stays
            self.browser.setHtml(field_help(field_id, language))
        self.field_id = field_id

    def text(self) -> str:
        """The help shown, as plain text (for tests and screen readers)."""
        return self.browser.toPlainText()
