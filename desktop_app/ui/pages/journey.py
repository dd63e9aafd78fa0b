"""The journey window, opened from the start window: one organisation's steps with the office in
one year, at the open step, and its yearly folder.

- the steps (:class:`~desktop_app.ui.widgets.journey_steps.JourneySteps`): mark one done, attach
  what the office sent and record its acceptance, confirm the login's arrival, attach the table
  set (its :attr:`~JourneySteps.table_set_received` is re-emitted here as
  :attr:`JourneyWindow.table_set_received`, for the results import to connect to);
- the yearly folder (:mod:`desktop_app.journey.folder`): choose it; the draft's choices are
  filed there at once when the draft is this journey's;
- "Continue in the assistant" closes the window with ``accepted`` (the start window then opens
  the wizard on the journey's draft); Close goes back to the start window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from desktop_app.draft import Draft
from desktop_app.errors import AppError
from desktop_app.journey import Journey, draft_matches, overview
from desktop_app.journey.folder import (
    chosen_year_folder,
    file_choices,
    open_year_folder,
    plaintext_hashes,
)
from desktop_app.ui.widgets import InlineMessage, heading_label, hint_label, titled_card, vbox
from desktop_app.ui.widgets.elided_label import ElidedLabel
from desktop_app.ui.widgets.journey_steps import JourneySteps


class JourneyWindow(QDialog):
    """``journey`` at its open step; ``draft``: the autosaved draft (its organisation's name is
    shown, its choices filed in the yearly folder when it is this journey's)."""

    table_set_received = Signal(Path)

    def __init__(
        self,
        journey: Journey,
        language: str,
        draft: Draft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.journey = journey
        self.language = language
        self.draft = draft if draft_matches(journey, draft) else None
        self.setMinimumSize(760, 520)
        layout = vbox(self, margins=16, spacing=10)
        self.heading = heading_label("", self)
        layout.addWidget(self.heading)

        self.folder_card, folder, self.folder_heading = titled_card(self)
        self.folder_hint = hint_label("", self.folder_card)
        self.folder_path = ElidedLabel(self.folder_card)
        self.folder_button = QPushButton(self.folder_card)
        self.folder_button.clicked.connect(self.choose_folder)
        self.folder_message = InlineMessage(self.folder_card)
        folder.addWidget(self.folder_hint)
        row = QHBoxLayout()
        row.addWidget(self.folder_path, 1)
        row.addWidget(self.folder_button)
        folder.addLayout(row)
        folder.addWidget(self.folder_message)
        layout.addWidget(self.folder_card)

        self.steps = JourneySteps(journey, language, self, plaintext_hashes(self.draft))
        self.steps.changed.connect(self._changed)
        self.steps.table_set_received.connect(self.table_set_received)
        layout.addWidget(self.steps, 1)

        self.buttons = QDialogButtonBox(self)
        self.continue_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate()

    @property
    def current_step_id(self) -> str:
        """The step shown (the open one when the window opens)."""
        return self.steps.selected().id

    def _changed(self, journey: Journey) -> None:
        self.journey = journey

    def retranslate(self) -> None:
        name = self.draft.organisation.name if self.draft is not None else None
        view = overview(self.journey, self.language, organisation=name)
        self.setWindowTitle(self.tr("Your steps with the office"))
        self.heading.setText(f"{view.organisation} — {view.programme}, {view.year}")
        self.folder_heading.setText(self.tr("Yearly folder"))
        self.folder_hint.setText(
            self.tr(
                "One folder for everything of this year's submission: the documents, the "
                "protected file, the record, the receipts and the results, with an index, so "
                "next year you can repeat this year's choices. No unencrypted staff file is "
                "kept there."
            )
        )
        self.folder_button.setText(self.tr("Choose the yearly &folder…"))
        self._show_folder()
        self.continue_button.setText(self.tr("Continue in the assis&tant"))
        self.close_button.setText(self.tr("Close"))

    def _show_folder(self) -> None:
        try:
            chosen = chosen_year_folder(self.journey.organisation, self.journey.year)
        except AppError as error:
            self.folder_message.show_message("error", error.render(self.language))
            chosen = None
        if chosen is None:
            self.folder_path.setText(self.tr("No folder chosen yet."))
        elif not chosen.is_dir():
            self.folder_path.setText(
                self.tr("%1 (not there now: moved, or a drive not connected)").replace(
                    "%1", str(chosen)
                )
            )
        else:
            self.folder_path.setText(str(chosen))

    def choose_folder(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path = QFileDialog.getExistingDirectory(self, self.tr("Yearly folder"), start)
        if not path:
            return
        self.use_folder(Path(path))

    def use_folder(self, path: Path) -> bool:
        """``path`` chosen as the yearly folder (the draft's choices filed in it)."""
        try:
            folder = open_year_folder(
                self.journey.organisation, self.journey.year, path, self.journey.programme.id
            )
            if self.draft is not None:
                file_choices(folder, self.draft)
        except AppError as error:
            self.folder_message.show_message("error", error.render(self.language))
            return False
        except OSError as error:
            self.folder_message.show_message("error", error.strerror or str(error))
            return False
        self.folder_message.show_message("ok", self.tr("The yearly folder is set."))
        self._show_folder()
        return True
