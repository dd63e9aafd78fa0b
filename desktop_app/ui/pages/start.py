"""The start screen a real launch opens with (``run_wizard``), before the wizard: prepare a new
submission, or continue the one in progress when an autosaved draft exists (what the "Continue
where you left off?" question offered), the journeys in progress per organisation and year
(:func:`desktop_app.journey.list_journeys`: where the officer is, what is next, what the
organisation waits for from the office; a journey's button opens its draft, see
:func:`desktop_app.journey.draft_for_journey`, on the Done page when its file was made), and the
results the office returned, kept per organisation and year, with "View results" (the results
window, :mod:`desktop_app.ui.pages.results`; a table set a journey window attaches opens it with
the import filled in).

Tests and the demo create the wizard directly (``create_wizard``) and start on the programme page.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from desktop_app.draft import Draft
from desktop_app.journey import (
    Journey,
    delivery_step,
    draft_matches,
    list_journeys,
    overview,
)
from desktop_app.ui.pages.results import ResultsWindow
from desktop_app.ui.routes import PageId
from desktop_app.ui.widgets import InlineMessage, ScrollArea, hint_label, titled_card, vbox


class StartChoice(Enum):
    NEW = "new"
    CONTINUE = "continue"


@dataclass(frozen=True)
class OpenJourney:
    """The officer chose a journey in progress: open the assistant on its draft."""

    journey: Journey


@dataclass(frozen=True)
class RepeatedDraft:
    """The officer repeated last year's choices: open the assistant on this new draft."""

    draft: Draft


def journeys_in_progress() -> list[Journey]:
    """The readable journeys on disk with a step still open (a damaged one is left out here;
    ``journey show`` says why)."""
    entries = list_journeys()
    return [e.journey for e in entries if e.journey is not None and not e.journey.finished()]


def opening_page(journey: Journey, draft: Draft) -> PageId:
    """Where the wizard opens on a journey's draft: the Done page when the draft is the
    journey's and its file was made (its record is there), else the first page."""
    record = draft.delivery.record
    if draft_matches(journey, draft) and record is not None and Path(record).is_file():
        return PageId.DONE
    return PageId.PROGRAMME


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
    ``choice`` says what the officer chose (None when the window was closed).
    ``table_set_received`` carries the table set a journey window attached (for the results)."""

    table_set_received = Signal(Path)

    def __init__(  # noqa: PLR0915 (widget layout)
        self,
        draft: Draft | None,
        language: str,
        parent: QWidget | None = None,
        journeys: list[Journey] | None = None,
    ) -> None:
        super().__init__(parent)
        self.draft = draft
        self.language = language
        self.choice: StartChoice | OpenJourney | RepeatedDraft | None = None
        self.journey_window: QDialog | None = None
        self.journeys = journeys_in_progress() if journeys is None else journeys
        self.setMinimumWidth(560)
        # Everything scrolls: with journeys and results listed the window is taller than a
        # laptop screen at 150-200 % (540 logical pixels on 1920x1080 at 200 %).
        self.content = QWidget(self)
        layout = vbox(self.content, margins=16, spacing=12)
        vbox(self).addWidget(ScrollArea(self.content, self))

        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        layout.addWidget(self.title)

        self.new_card, new, self.new_heading = titled_card(self)
        self.new_hint = hint_label("", self.new_card)
        self.new_button = QPushButton(self.new_card)
        self.new_button.clicked.connect(lambda: self._choose(StartChoice.NEW))
        self.repeat_button = QPushButton(self.new_card)  # last year's choices, in one step
        self.repeat_button.clicked.connect(self.choose_last_year)
        self.repeat_message = InlineMessage(self.new_card)
        new.addWidget(self.new_hint)
        buttons = _left(self.new_button)
        buttons.insertWidget(1, self.repeat_button)
        new.addLayout(buttons)
        new.addWidget(self.repeat_message)
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

        # The journeys in progress, one row each (filled in by retranslate).
        self.journeys_card, journeys_layout, self.journeys_heading = titled_card(self)
        self.journeys_hint = hint_label("", self.journeys_card)
        journeys_layout.addWidget(self.journeys_hint)
        self.journey_rows: list[JourneyRow] = []
        for journey in self.journeys:
            row = JourneyRow(journey, self.journeys_card)
            row.open_button.clicked.connect(lambda _=False, r=row: self._open(r.journey))
            journeys_layout.addWidget(row)
            self.journey_rows.append(row)
        self.journeys_card.setVisible(bool(self.journeys))
        layout.addWidget(self.journeys_card)

        # The office's results kept per organisation and year; "View results" opens them.
        self.results_card, results, self.results_heading = titled_card(self)
        self.results = QListWidget(self.results_card)
        self.results.setMaximumHeight(90)
        self.results_empty = hint_label("", self.results_card)
        self.results_button = QPushButton(self.results_card)
        self.results_button.clicked.connect(lambda _checked=False: self.view_results())
        results.addWidget(self.results)
        results.addWidget(self.results_empty)
        results.addLayout(_left(self.results_button))
        layout.addWidget(self.results_card)
        self.results_window: QDialog | None = None
        layout.addStretch(1)

        details = draft_details(draft, language) if draft is not None else []
        self.continue_details.setText("\n".join(details))
        self.continue_details.setVisible(bool(details))
        self.refresh_results()
        default = self.continue_button if draft is not None else self.new_button
        default.setDefault(True)
        default.setFocus()
        self.retranslate()
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """As large as the content asks, within the screen's available area."""
        wanted = self.content.sizeHint()
        width, height = max(560, wanted.width() + 24), wanted.height() + 8
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, available.width()), min(height, available.height() - 40)
        self.resize(width, height)

    def _choose(self, choice: StartChoice) -> None:
        self.choice = choice
        self.accept()

    def _open(self, journey: Journey) -> None:
        """The journey's window, at its open step; "Continue in the assistant" opens the
        assistant on its draft, Close comes back here."""
        from desktop_app.ui.pages.journey import JourneyWindow

        window = JourneyWindow(journey, self.language, self.draft, self)
        window.table_set_received.connect(self.table_set_received)
        window.table_set_received.connect(lambda path, j=journey: self.import_table_set(path, j))
        window.finished.connect(lambda result: self._journey_closed(window, result))
        self.journey_window = window
        window.open()

    def refresh_results(self) -> None:
        fill_results(self.results, self.draft, self.language)
        self.results_empty.setVisible(self.results.count() == 0)
        self.results.setVisible(self.results.count() > 0)
        self.results_button.setEnabled(bool(self.results_organisation()))

    def results_organisation(self) -> str | None:
        """The chosen row's organisation, else the draft's, else the only one with results."""
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            return str(item.data(Qt.ItemDataRole.UserRole))
        return self.draft.organisation_id if self.draft is not None else None

    def view_results(self, organisation: str | None = None) -> ResultsWindow | None:
        """The results window of ``organisation`` (default: :meth:`results_organisation`)."""
        chosen = organisation or self.results_organisation()
        if not chosen:
            return None
        window = ResultsWindow(chosen, self.language, self)
        window.finished.connect(lambda _r: self.refresh_results())
        self.results_window = window
        window.open()
        return window

    def import_table_set(self, path: Path, journey: Journey) -> None:
        """The table set a journey window attached: its results window, the import filled in."""
        from desktop_app.ui.widgets.results_import import ImportDialog

        window = self.view_results(journey.organisation)
        if window is None:
            return
        dialog = ImportDialog(journey.organisation, self.language, window)
        dialog.prefill(path, journey.programme.id, journey.year)

        def imported() -> None:
            if dialog.stored is not None:
                window.imported(dialog.stored.path)

        dialog.accepted.connect(imported)
        dialog.open()

    def _journey_closed(self, window, result: int) -> None:
        self.journey_window = None
        for row in self.journey_rows:  # the steps marked there
            if row.journey.path == window.journey.path:
                row.journey = window.journey
                row.retranslate(self.language, self.draft)
        if result == QDialog.DialogCode.Accepted:
            self.choice = OpenJourney(window.journey)
            self.accept()

    def choose_last_year(self) -> None:
        """Last year's yearly folder (its index file) or draft, repeated as this year's draft."""
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Last year's folder or draft"),
            start,
            self.tr("Yearly folder index or draft (*.json)"),
        )
        if path:
            self.repeat_from(Path(path))

    def repeat_from(self, path: Path) -> bool:
        """Repeat the choices of ``path`` (a yearly folder, its index file or a draft)."""
        from desktop_app.errors import AppError
        from desktop_app.journey.folder import INDEX_FILE
        from desktop_app.journey.repeat import repeat_choices

        source = path.parent if path.name == INDEX_FILE else path
        try:
            draft = repeat_choices(source)
        except AppError as error:
            self.repeat_message.show_message("error", error.render(self.language))
            return False
        except OSError as error:
            self.repeat_message.show_message("error", error.strerror or str(error))
            return False
        self.choice = RepeatedDraft(draft)
        self.accept()
        return True

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
        self.repeat_button.setText(self.tr("&Repeat last year's choices…"))
        self.repeat_button.setToolTip(
            self.tr(
                "Start from last year's yearly folder or draft: the same columns, subgroups, "
                "merges and delivery route. The conditions, fingerprints and passwords are "
                "asked again."
            )
        )
        self.continue_heading.setText(self.tr("Continue the one in progress"))
        self.continue_hint.setText(
            self.tr(
                "Your previous choices were saved automatically. Preparing a new submission "
                "begins with an empty draft."
            )
        )
        self.continue_button.setText(self.tr("&Continue"))
        self.journeys_heading.setText(self.tr("In progress with the office"))
        self.journeys_hint.setText(
            self.tr(
                "Your steps with the office, per organisation and year: where you are and what "
                "comes next."
            )
        )
        for row in self.journey_rows:
            row.retranslate(self.language, self.draft)
        self.results_heading.setText(self.tr("Results"))
        self.results.setAccessibleName(self.tr("Results"))
        self.results_empty.setText(
            self.tr("The tables the office returns will be listed here once you have them.")
        )
        self.results_button.setText(self.tr("&View results"))


class JourneyRow(QFrame):
    """One journey: organisation, programme and year; where the officer is, what is next, what
    the organisation waits for; a button to open it."""

    def __init__(self, journey: Journey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journey = journey
        self.setObjectName("journeyRow")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet("QFrame#journeyRow { border-top: 1px solid #d0d7de; }")
        layout = vbox(self, margins=0, spacing=2)
        layout.setContentsMargins(0, 8, 0, 4)  # each journey apart from the one before
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.made = QLabel(self)  # the file for the office made, not sent yet
        self.made.setWordWrap(True)
        self.next = QLabel(self)
        self.next.setWordWrap(True)
        self.waiting = hint_label("", self)
        self.open_button = QPushButton(self)
        for widget in (self.title, self.where, self.made, self.next, self.waiting):
            layout.addWidget(widget)
        layout.addLayout(_left(self.open_button))

    def retranslate(self, language: str, autosaved: Draft | None) -> None:
        name = autosaved.organisation.name if draft_matches(self.journey, autosaved) else None
        view = overview(self.journey, language, organisation=name)
        self.title.setText(f"{view.organisation} — {view.programme}, {view.year}")
        if view.finished:
            self.where.setText(self.tr("Every step is done."))
        elif view.office_turn:  # the office's step: what the organisation waits for
            waiting = self.tr("; ").join(view.waiting_for)
            self.where.setText(self.tr("Waiting for the office: %1").replace("%1", waiting))
        else:
            self.where.setText(self.tr("Where you are: %1").replace("%1", view.current or ""))
        step = delivery_step(self.journey.programme)
        unsent = view.prepared and step is not None and step.id not in self.journey.records
        self.made.setText(self.tr("The file for the office is made, not sent yet."))
        self.made.setVisible(unsent)
        self.next.setText(self.tr("Next: %1").replace("%1", view.next or ""))
        self.next.setVisible(view.next is not None)
        self.waiting.setVisible(False)  # said on the first line when it is the office's turn
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setAccessibleName(
            self.tr("Open %1").replace("%1", f"{view.organisation} {view.year}")
        )

    def texts(self) -> list[str]:
        """What the row says (for tests and screen readers)."""
        labels = (self.title, self.where, self.made, self.next, self.waiting)
        return [label.text() for label in labels if not label.isHidden()]


def fill_results(listing: QListWidget, draft: Draft | None, language: str) -> None:
    """One row per kept import (year, programme, organisation), newest first; the draft's
    organisation first."""
    from desktop_app.errors import AppError
    from desktop_app.results import known_organisations, load_history
    from desktop_app.results.report import set_heading

    listing.clear()
    organisations = list(known_organisations())
    own = draft.organisation_id if draft is not None else None
    if own in organisations:
        organisations.remove(own)
        organisations.insert(0, own)
    for organisation in organisations:
        try:
            history = load_history(organisation)
        except AppError:
            continue  # a damaged history: the results window says why
        for result in sorted(history, key=lambda r: (-(r.year or 0), r.programme)):
            item = QListWidgetItem(f"{organisation}: {set_heading(result, language)}")
            item.setData(Qt.ItemDataRole.UserRole, organisation)
            listing.addItem(item)


def _left(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


def choose_start(
    draft: Draft | None, language: str
) -> StartChoice | OpenJourney | RepeatedDraft | None:
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
