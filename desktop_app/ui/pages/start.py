"""The start screen a real launch opens with (``run_wizard``), before the wizard: prepare a new
submission, or continue the one in progress when an autosaved draft exists (what the "Continue
where you left off?" question offered), and room for what other steps add later: the results the
office returns and the journeys through a year (an empty list for now, with one line saying so).

Tests and the demo create the wizard directly (``create_wizard``) and start on the programme page.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QWidget,
)

from desktop_app.draft import Draft
from desktop_app.ui.widgets import hint_label, titled_card, vbox


class StartChoice(Enum):
    NEW = "new"
    CONTINUE = "continue"


def draft_details(draft: Draft, language: str) -> list[str]:
    """The programme's name and the organisation's name of a draft, as far as it has them."""
    details = []
    if draft.programme_id:
        from desktop_app.profiles import load_programme_by_id

        try:
            details.append(load_programme_by_id(draft.programme_id).name.get(language))
        except Exception:  # an unknown programme still lets the officer continue
            details.append(draft.programme_id)
    if draft.organisation.name:
        details.append(draft.organisation.name)
    return details


class StartScreen(QDialog):
    """One place to begin. ``draft`` is the autosaved draft in progress (None without one);
    ``choice`` says what the officer chose (None when the window was closed)."""

    def __init__(self, draft: Draft | None, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.choice: StartChoice | None = None
        self.setMinimumWidth(560)
        layout = vbox(self, margins=16, spacing=12)

        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        layout.addWidget(self.title)

        self.new_card, new, self.new_heading = titled_card(self)
        self.new_hint = hint_label("", self.new_card)
        self.new_button = QPushButton(self.new_card)
        self.new_button.clicked.connect(lambda: self._choose(StartChoice.NEW))
        new.addWidget(self.new_hint)
        new.addLayout(_left(self.new_button))
        layout.addWidget(self.new_card)

        self.continue_card, going_on, self.continue_heading = titled_card(self)
        self.continue_details = QLabel(self.continue_card)
        self.continue_details.setWordWrap(True)
        self.continue_hint = hint_label("", self.continue_card)
        self.continue_button = QPushButton(self.continue_card)
        self.continue_button.clicked.connect(lambda: self._choose(StartChoice.CONTINUE))
        going_on.addWidget(self.continue_details)
        going_on.addWidget(self.continue_hint)
        going_on.addLayout(_left(self.continue_button))
        self.continue_card.setVisible(draft is not None)
        layout.addWidget(self.continue_card)

        # Room for what other steps add: the office's results, the journeys through a year.
        self.results_card, results, self.results_heading = titled_card(self)
        self.results = QListWidget(self.results_card)
        self.results.setMaximumHeight(90)
        self.results_empty = hint_label("", self.results_card)
        results.addWidget(self.results)
        results.addWidget(self.results_empty)
        layout.addWidget(self.results_card)
        layout.addStretch(1)

        details = draft_details(draft, language) if draft is not None else []
        self.continue_details.setText("\n".join(details))
        self.continue_details.setVisible(bool(details))
        default = self.continue_button if draft is not None else self.new_button
        default.setDefault(True)
        default.setFocus()
        self.retranslate()

    def _choose(self, choice: StartChoice) -> None:
        self.choice = choice
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Diversity Assistant"))
        self.title.setText(self.tr("What would you like to do?"))
        self.new_heading.setText(self.tr("Prepare a submission"))
        self.new_hint.setText(
            self.tr(
                "Choose the programme, check your staff file and make the file for the office, "
                "step by step. Nothing leaves this computer until you send it."
            )
        )
        self.new_button.setText(self.tr("&Prepare a submission"))
        self.continue_heading.setText(self.tr("Continue the one in progress"))
        self.continue_hint.setText(
            self.tr(
                "Your previous choices were saved automatically. Preparing a new submission "
                "begins with an empty draft."
            )
        )
        self.continue_button.setText(self.tr("&Continue"))
        self.results_heading.setText(self.tr("Results"))
        self.results.setAccessibleName(self.tr("Results"))
        self.results_empty.setText(
            self.tr("The tables the office returns will be listed here once you have them.")
        )


def _left(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


def choose_start(draft: Draft | None, language: str) -> StartChoice | None:
    """Show the start screen and wait for the officer's choice (None: the window was closed)."""
    screen = StartScreen(draft, language)
    screen.exec()
    return screen.choice


class StartClosed(Exception):
    """The start screen was closed without a choice: the assistant ends."""


def ask_on_start_screen(_path, draft: Draft, language: str) -> bool:
    """``starting_draft``'s question about the autosaved draft, answered on the start screen:
    True to continue it, False for a new submission (raises StartClosed when closed)."""
    choice = choose_start(draft, language)
    if choice is None:
        raise StartClosed
    return choice is StartChoice.CONTINUE
