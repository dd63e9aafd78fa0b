"""The wizard window: holds the draft, branches between pages and autosaves after every page."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QWidget,
    QWizard,
)

from desktop_app.draft import Draft, save_draft
from desktop_app.errors import AppError
from desktop_app.profiles import Flow, Programme, load_programme_by_id
from desktop_app.ui.i18n import LANGUAGE_NAMES, Translations
from desktop_app.ui.routes import (
    CBS_ROUTE,
    FILE_PAGES,
    KSZ_PAGES,
    SENDING_PAGES,
    PageId,
    ksz_route,
)
from desktop_app.ui.session import Session
from desktop_app.ui.widgets import repolish, vbox
from desktop_app.ui.widgets.help_panel import HelpPanel
from desktop_app.ui.workers import WorkerManager

log = logging.getLogger(__name__)


PREFERRED_MINIMUM = QSize(980, 700)


def fitting_size(preferred: QSize) -> QSize:
    """``preferred`` (logical pixels), shrunk to the screen's available area: at 200 % scaling a
    1920×1080 screen offers only 960×540 logical pixels, and the pages scroll instead."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return preferred
    available = screen.availableGeometry().size()
    return preferred.boundedTo(available)


class DiversityWizard(QWizard):
    """The main window. ``draft`` is the officer's choices; pages fill it in, and it is saved to
    ``autosave_path`` whenever the officer moves to another page and when the window closes."""

    language_changed = Signal(str)
    autosaved = Signal(Path)

    def __init__(
        self,
        draft: Draft,
        translations: Translations,
        autosave_path: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.draft = draft
        self.session = Session()
        self.translations = translations
        self.autosave_path = autosave_path
        self.autosave_error: AppError | OSError | None = None
        self.workers = WorkerManager(self)
        self._programme: Programme | None = None
        self._step_names: dict[PageId, str] = {}

        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton2, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, True)
        self.setMinimumSize(fitting_size(PREFERRED_MINIMUM))

        self.language_button = QPushButton(self)
        self.language_menu = QMenu(self.language_button)
        for code, name in LANGUAGE_NAMES.items():
            action = self.language_menu.addAction(name)
            action.triggered.connect(partial(self.set_language, code))
        self.language_button.setMenu(self.language_menu)
        self.setButton(QWizard.WizardButton.CustomButton1, self.language_button)
        self.setButtonLayout(
            [
                QWizard.WizardButton.CustomButton1,
                QWizard.WizardButton.HelpButton,
                QWizard.WizardButton.Stretch,
                QWizard.WizardButton.CustomButton2,
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
                QWizard.WizardButton.FinishButton,
                QWizard.WizardButton.CancelButton,
            ]
        )

        # Beside the pages: the step list and, opened with F1 or Help, the current step's help.
        self.side = QWidget(self)
        side_layout = QHBoxLayout(self.side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(self._step_list())
        self.help_panel = HelpPanel(self.side)
        side_layout.addWidget(self.help_panel)
        self.setSideWidget(self.side)
        self._connect_help()

        from desktop_app.ui.pages import create_pages

        for page_id, page in create_pages().items():
            self.setPage(page_id, page)
        self.setStartId(PageId.PROGRAMME)
        # A wizard opened on a later page (a journey's Done page) has no Back history: this
        # button goes to the first step instead (the draft keeps every choice).
        self.first_step_button = self.button(QWizard.WizardButton.CustomButton2)
        self.first_step_button.clicked.connect(self.go_to_first_step)

        self.currentIdChanged.connect(self._page_changed)
        QApplication.instance().focusChanged.connect(self._keep_focus_in_view)
        self.retranslate()

    # -- the draft and the programme ----------------------------------------------------------

    @property
    def language(self) -> str:
        return self.translations.language

    @property
    def programme(self) -> Programme | None:
        programme_id = self.draft.programme_id
        if programme_id is None:
            return None
        if self._programme is None or self._programme.id != programme_id:
            self._programme = load_programme_by_id(programme_id)
        return self._programme

    def is_ksz(self) -> bool:
        """Whether this run is the Belgian KSZ route (the profile's ``flow``)."""
        programme = self.programme
        return programme is not None and programme.flow is Flow.KSZ

    def uses_file(self) -> bool:
        """Whether the file, mapping and validation pages are part of this run. On the KSZ route
        only when the institution sends its own data (department, function level) for linkage."""
        programme = self.programme
        if programme is None:
            return True
        if programme.flow is Flow.KSZ:
            return bool(self.draft.has_file)
        return programme.needs_employee_file or bool(self.draft.has_file)

    def route(self) -> tuple[PageId, ...]:
        """The pages of this run, in order (the CBS file pages included even when skipped)."""
        if self.is_ksz():
            return ksz_route(self.uses_file())
        return CBS_ROUTE

    def nextId(self) -> int:
        """The KSZ route is branched here; the CBS pages keep their own ``nextId``."""
        current = self.currentId()
        if self.is_ksz():
            route = self.route()
            if current not in route:
                return -1
            position = route.index(current)
            return route[position + 1] if position + 1 < len(route) else -1
        following = super().nextId()
        return -1 if following in KSZ_PAGES else following

    def autosave(self) -> bool:
        """Save the draft; a failure is kept in ``autosave_error`` (shown, never fatal)."""
        if self.autosave_path is None:
            return True
        try:
            save_draft(self.draft, self.autosave_path)
        except (AppError, OSError) as error:
            log.warning("autosave failed: %s", error)
            self.autosave_error = error
            return False
        self.autosave_error = None
        self.autosaved.emit(self.autosave_path)
        return True

    def validateCurrentPage(self) -> bool:
        if not super().validateCurrentPage():
            return False
        self.autosave()
        return True

    def _page_changed(self, page_id: int) -> None:
        self.autosave()
        self._update_steps()
        self._update_help()
        self.first_step_button.setVisible(
            page_id == self.startId() and page_id not in (PageId.PROGRAMME, -1)
        )

    def go_to_first_step(self) -> None:
        """From a page the wizard opened on (no Back history) to the first page."""
        self.setStartId(PageId.PROGRAMME)
        self.restart()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)  # QDialog: reject() -> done(), which may ask first
        if event.isAccepted():
            self.shutdown()

    def done(self, result: int) -> None:
        from desktop_app.ui.pages.done import may_close

        if not may_close(self, lambda: self.done(result)):
            return  # a file made but not sent: the officer is asked first (nothing is lost)
        self.shutdown()
        super().done(result)

    def shutdown(self) -> None:
        """Stop the workers and save: closing the window loses nothing."""
        self.workers.cancel_all()
        self.workers.wait(5000)
        self.autosave()

    # -- language -------------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Switch the interface and the core's messages to ``language``, live."""
        if language == self.language:
            return
        self.translations.install(language)
        # Qt posts LanguageChange to every widget; deliver now so the switch is complete on return.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.language_changed.emit(language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Diversity Assistant"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close"))
        self.setButtonText(QWizard.WizardButton.HelpButton, self.tr("&Help"))
        self.setButtonText(QWizard.WizardButton.CustomButton2, self.tr("< &Go to the first step"))
        help_button = self.button(QWizard.WizardButton.HelpButton)
        help_button.setToolTip(self.tr("Help for this step (F1)"))
        help_button.setCheckable(True)
        self.setButtonText(
            QWizard.WizardButton.CustomButton1,
            self.tr("Language: %1").replace("%1", LANGUAGE_NAMES[self.language]),
        )
        self.language_button.setAccessibleName(self.tr("Language"))
        names = {
            PageId.KSZ_DECISIONS: self.tr("Decisions"),
            PageId.KSZ_MOTIVATION: self.tr("Motivation"),
            PageId.KSZ_CATEGORIES: self.tr("Categories"),
            PageId.KSZ_REQUEST: self.tr("Request"),
            PageId.PROGRAMME: self.tr("Programme"),
            PageId.CHECKLIST: self.tr("Conditions"),
            PageId.ORGANISATION: self.tr("Organisation"),
            PageId.FILE: self.tr("Staff file"),
            PageId.MAPPING: self.tr("Columns"),
            PageId.VALIDATION: self.tr("Checks"),
            PageId.CATEGORIES: self.tr("Safe categories"),
            PageId.REVIEW: self.tr("Review"),
            PageId.ENCRYPT: self.tr("Make the file"),
            PageId.SEND: self.tr("Send"),
            PageId.DONE: self.tr("Done"),
        }
        self._step_names = names
        self._update_steps()
        self._update_help()

    def _step_list(self) -> QScrollArea:
        """The list of the route's steps (``self.steps``, one label per page), in a scroll area:
        it scrolls when the steps are taller than the window (14 KSZ steps at 200%, some on two
        lines, were squeezed and cut off below)."""
        self.steps = QWidget(self)
        self.steps.setObjectName("steps")
        self.steps.setMinimumWidth(190)
        steps_layout = vbox(self.steps, margins=10, spacing=4)
        self.step_labels: dict[PageId, QLabel] = {}
        for page_id in PageId:
            label = QLabel(self.steps)
            label.setProperty("role", "step")
            label.setWordWrap(True)
            steps_layout.addWidget(label)
            self.step_labels[page_id] = label
        steps_layout.addStretch(1)
        self.steps_area = QScrollArea(self)
        self.steps_area.setObjectName("steps_area")
        self.steps_area.setWidget(self.steps)
        self.steps_area.setWidgetResizable(True)
        self.steps_area.setFrameShape(QFrame.Shape.NoFrame)
        self.steps_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return self.steps_area

    def _fit_steps(self) -> None:
        """The step list at least as wide as its widest word (a word is never cut: at 200% or
        in French 'Récapitulatif' did not fit the fixed 190 px)."""
        widest = 0
        for label in self.step_labels.values():
            bold = QFont(label.font())  # the current step is shown in semi-bold
            bold.setWeight(QFont.Weight.DemiBold)
            metrics = QFontMetrics(bold)
            for word in label.text().split():
                widest = max(widest, metrics.horizontalAdvance(word))
        margins = self.steps.layout().contentsMargins()
        padding = 6 + 6 + 3 + 8  # the step style's padding and current-step border, and room
        self.steps.setMinimumWidth(max(190, widest + margins.left() + margins.right() + padding))
        bar = self.steps_area.verticalScrollBar().sizeHint().width()
        self.steps_area.setMinimumWidth(self.steps.minimumWidth() + bar)

    def _update_steps(self) -> None:
        """The side list follows the route: its pages in order and numbered, the others hidden.
        The KSZ route always lists its file pages (greyed out without own data for linkage)."""
        if not self._step_names:
            return
        current = self.currentId()
        uses_file = self.uses_file()
        route = list(self.route())
        if self.is_ksz() and not uses_file:
            route = list(ksz_route(True))
        layout = self.steps.layout()
        for position, page_id in enumerate(route):
            label = self.step_labels[page_id]
            layout.removeWidget(label)
            layout.insertWidget(position, label)
            label.setText(f"{position + 1}. {self._step_names.get(page_id, page_id.name.title())}")
        self._fit_steps()
        for page_id, label in self.step_labels.items():
            label.setVisible(page_id in route)
            skipped = page_id in FILE_PAGES and not uses_file
            if self.is_ksz() and page_id in (PageId.REVIEW, *SENDING_PAGES):
                skipped = not uses_file
            label.setProperty("current", "true" if page_id == current else "false")
            label.setProperty("skipped", "true" if skipped else "false")
            repolish(label)

    # -- help beside the pages ---------------------------------------------------------------------

    def _connect_help(self) -> None:
        self.help_panel.close_requested.connect(self.close_help)
        self.helpRequested.connect(self.toggle_help)
        self.help_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F1), self)
        self.help_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.help_shortcut.activated.connect(self.open_help)
        # Esc closes the help first; only while it is open (else Esc keeps its own meaning).
        self.help_close_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.help_close_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.help_close_shortcut.setEnabled(False)
        self.help_close_shortcut.activated.connect(self.close_help)

    def help_open(self) -> bool:
        return self.help_panel.isVisible()

    def open_help(self) -> None:
        """Show the current step's help beside the pages (F1; the Help button toggles)."""
        # The help takes the step list's place: the pages keep their width (the panel names the step).
        self.steps_area.hide()
        self.help_panel.show()
        self.help_close_shortcut.setEnabled(True)
        self._update_help()

    def close_help(self) -> None:
        had_focus = self.help_panel.isAncestorOf(QApplication.focusWidget())
        self.help_panel.hide()
        self.help_close_shortcut.setEnabled(False)
        self.steps_area.show()
        self._update_help()
        if had_focus:
            self.button(QWizard.WizardButton.HelpButton).setFocus()

    def toggle_help(self) -> None:
        if self.help_open():
            self.close_help()
        else:
            self.open_help()

    def _update_help(self) -> None:
        """The panel follows the current page and the language; the Help button shows its state."""
        button = self.button(QWizard.WizardButton.HelpButton)
        button.setChecked(self.help_panel.isVisibleTo(self))
        if not self.help_panel.isVisibleTo(self):
            return
        try:
            page_id = PageId(self.currentId())
        except ValueError:  # before the first page is shown
            page_id = PageId.PROGRAMME
        self.help_panel.show_help(
            page_id.name, self.language, self._step_names.get(page_id, page_id.name)
        )

    # -- keyboard use: keep the focused widget visible inside scrolling pages --------------------

    def _keep_focus_in_view(self, _old: QWidget | None, new: QWidget | None) -> None:
        widget = new
        while widget is not None and not isinstance(widget, QScrollArea):
            widget = widget.parentWidget()
        if isinstance(widget, QScrollArea) and new is not None and self.isAncestorOf(widget):
            widget.ensureWidgetVisible(new, 20, 20)

    def keyPressEvent(self, event) -> None:
        # Esc closes the help panel first (and only then, as before, the window).
        if event.key() == Qt.Key.Key_Escape and self.help_open():
            self.close_help()
            return
        # Enter in a field must not press Next by surprise; Ctrl+Enter does.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            return
        super().keyPressEvent(event)
