"""Starting the wizard: the application, its language and look, and which draft to open."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleFactory, QWidget

from desktop_app import __version__
from desktop_app.draft import Draft, DraftError, load_draft
from desktop_app.logging_setup import configure_logging
from desktop_app.messages import LANGUAGES, system_language
from desktop_app.paths import autosave_path, data_dir
from desktop_app.resources import resource_path
from desktop_app.ui.crash import CrashHandler, install_crash_handler
from desktop_app.ui.demo import DEMO_PROPERTY, demo_title, send_to_demo_office
from desktop_app.ui.i18n import Translations
from desktop_app.ui.pages.start import (
    OpenJourney,
    RepeatedDraft,
    StartChoice,
    StartClosed,
    choose_start,
    opening_page,
)
from desktop_app.ui.routes import PageId
from desktop_app.ui.widgets import style_sheet
from desktop_app.ui.wizard import DiversityWizard

DEMO_AUTOSAVE_NAME = "demo-autosave-draft.json"
STARTUP_PROBE_ENV = "DIVERSITY_ASSISTANT_STARTUP_PROBE"

log = logging.getLogger(__name__)


def application() -> QApplication:
    """The QApplication, created once with the product's names and look."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    if app.property("diversity_assistant_styled"):
        return app  # restyling a running application re-polishes every widget: once is enough
    app.setApplicationName("Diversity Assistant")
    app.setOrganizationName("Diversity Assistant")
    if "Fusion" in QStyleFactory.keys():  # noqa: SIM118 (a QStringList, not a dict)
        app.setStyle("Fusion")
    follower = _StyleFollowsFont(app)
    follower.restyle()
    app.installEventFilter(follower)
    app.setProperty("diversity_assistant_styled", "yes")
    return app


class _StyleFollowsFont(QObject):
    """Styles the application for its font, and again whenever that font changes (a larger text
    size set while the app runs): the headings keep their proportion to the body text."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app

    def restyle(self) -> None:
        self.app.setStyleSheet(style_sheet(QFontInfo(self.app.font()).pointSizeF()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.app and event.type() == QEvent.Type.ApplicationFontChange:
            self.restyle()
        return False


def demo_draft() -> Draft:
    """The bundled demo draft, pointing at the bundled demo spreadsheet."""
    draft = load_draft(resource_path("samples", "demo-draft.json"))
    draft.source = replace(draft.source, path=resource_path("samples", "demo-personeel.xlsx"))
    return draft


def continue_box(
    path: Path, draft: Draft, language: str, parent: QWidget | None = None
) -> QMessageBox:
    """The question shown at start when an autosaved draft exists (not yet shown)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QApplication.translate("Start", "Diversity Assistant"))
    box.setText(QApplication.translate("Start", "Continue where you left off?"))
    details = []
    if draft.programme_id:
        from desktop_app.profiles import load_programme_by_id

        try:
            details.append(load_programme_by_id(draft.programme_id).name.get(language))
        except Exception:  # an unknown programme still lets the officer choose
            details.append(draft.programme_id)
    name = draft.organisation.name
    if name:
        details.append(name)
    informative = QApplication.translate(
        "Start",
        "Your previous choices were saved automatically. Start again to begin with an empty draft.",
    )
    box.setInformativeText(("\n".join(details) + "\n\n" if details else "") + informative)
    box.continue_button = box.addButton(
        QApplication.translate("Start", "&Continue"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QApplication.translate("Start", "&Start again"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(box.continue_button)
    return box


def ask_continue(path: Path, draft: Draft, language: str) -> bool:
    box = continue_box(path, draft, language)
    box.exec()
    return box.clickedButton() is box.continue_button


def starting_draft(
    draft_path: Path | None,
    demo: bool,
    language: str,
    ask: Callable[[Path, Draft, str], bool] = ask_continue,
    report: Callable[[str], None] | None = None,
) -> tuple[Draft, Path]:
    """Which draft to open and where to autosave it.

    The demo autosaves apart, so trying the demo never overwrites a real draft. Without a path the
    autosaved draft is offered; a damaged one is reported and a new draft begins.
    """
    if demo:
        return demo_draft(), data_dir() / DEMO_AUTOSAVE_NAME
    target = autosave_path()
    candidate = Path(draft_path) if draft_path else target
    if not candidate.exists() and draft_path is None:
        return Draft(), target
    try:
        draft = load_draft(candidate)
    except DraftError as error:
        if report:
            report(error.render(language))
        return Draft(), target
    if draft_path is None and not ask(candidate, draft, language):
        return Draft(), target
    return draft, target


def create_wizard(
    draft: Draft, autosave: Path | None, language: str | None = None, demo: bool = False
) -> DiversityWizard:
    """The wizard over ``draft``; ``demo``: with the demo's office (see :func:`start_demo_office`)."""
    application()
    translations = Translations()
    language = language if language in LANGUAGES else system_language()
    translations.install(language)
    portal = start_demo_office(draft) if demo else None
    wizard = DiversityWizard(draft, translations, autosave)
    if portal is not None:
        mark_demo(wizard, portal)
    return wizard


def start_demo_office(draft: Draft):
    """Demo mode only: the demo portal (an SFTP server on loopback inside the assistant) started,
    and ``draft``'s delivery sent there (see :mod:`desktop_app.ui.demo`)."""
    from desktop_app.transfer.demo_portal import DemoPortal

    portal = DemoPortal().start()
    send_to_demo_office(draft, portal)
    return portal


def mark_demo(wizard: DiversityWizard, portal) -> None:
    """The window shows DEMO in its title (in every language) and owns the demo portal: it stops,
    its inbox removed, when the wizard goes or the application quits."""
    wizard.demo_portal = portal
    wizard.setProperty(DEMO_PROPERTY, True)

    def marked(title: str) -> None:
        if title and demo_title(title) != title:
            wizard.setWindowTitle(demo_title(title))

    wizard.windowTitleChanged.connect(marked)
    marked(wizard.windowTitle())
    wizard.destroyed.connect(portal.stop)
    QApplication.instance().aboutToQuit.connect(portal.stop)


def start_error_handling() -> CrashHandler:
    """The log file (scrubbed, rotating, in data_dir()/logs) and the hooks that catch unexpected
    exceptions: logged and shown calmly with a way to save a report, never a bare traceback."""
    try:
        configure_logging()
    except OSError as error:  # a read-only data folder: run without a log file
        logging.getLogger(__name__).warning("no log file: %s", error.strerror or error)
    log.info("Diversity Assistant %s started", __version__)
    return install_crash_handler()


def first_draft(
    draft_path: Path | None,
    demo: bool,
    language: str,
    report: Callable[[str], None],
    opening: list[PageId] | None = None,
) -> tuple[Draft, Path]:
    """A real launch opens with the start screen (prepare a submission, continue the one in
    progress, open a journey in progress); a draft named on the command line, the demo and the
    startup probe go straight in. A journey opens its draft (the autosaved one when it is that
    organisation's and programme's, else a new one) and appends the page to open at to
    ``opening``. Raises StartClosed when the officer closes the start screen."""
    if demo or draft_path is not None or os.environ.get(STARTUP_PROBE_ENV):
        return starting_draft(draft_path, demo, language, report=report)
    choices: list[StartChoice | OpenJourney | RepeatedDraft] = []
    autosaved: list[Draft] = []

    def ask(path: Path, draft: Draft, language: str) -> bool:
        autosaved.append(draft)
        choice = choose_start(draft, language)
        if choice is None:
            raise StartClosed
        choices.append(choice)
        return choice is StartChoice.CONTINUE

    draft, autosave = starting_draft(None, False, language, ask=ask, report=report)
    if not choices:  # no draft in progress
        choice = choose_start(None, language)
        if choice is None:
            raise StartClosed
        choices.append(choice)
    if isinstance(choices[0], RepeatedDraft):  # last year's choices, this year's draft
        return choices[0].draft, autosave
    if isinstance(choices[0], OpenJourney):
        from desktop_app.journey import draft_for_journey

        journey = choices[0].journey
        draft = draft_for_journey(journey, autosaved[0] if autosaved else None)
        if opening is not None:
            opening.append(opening_page(journey, draft))
    return draft, autosave


def run_wizard(
    draft_path: Path | None = None, demo: bool = False, language: str | None = None
) -> int:
    """Open the wizard and run until it closes; returns the exit code."""
    app = application()
    crash_handler = start_error_handling()
    translations = Translations()
    language = language if language in LANGUAGES else system_language()
    translations.install(language)

    def report(text: str) -> None:
        QMessageBox.warning(None, QApplication.translate("Start", "Diversity Assistant"), text)

    opening: list[PageId] = []
    try:
        draft, autosave = first_draft(draft_path, demo, language, report, opening)
    except StartClosed:
        crash_handler.uninstall()
        return 0
    portal = start_demo_office(draft) if demo else None
    wizard = DiversityWizard(draft, translations, autosave)
    if portal is not None:
        mark_demo(wizard, portal)
    crash_handler.wizard = wizard
    if opening and opening[0] != PageId.PROGRAMME:
        wizard.setStartId(opening[0])  # a journey whose file was made: its Done page
        wizard.restart()
    wizard.show()
    if os.environ.get(STARTUP_PROBE_ENV):
        # benchmarks/frozen.py: quit as soon as the shown wizard has been painted once
        QTimer.singleShot(0, app.quit)
    try:
        return app.exec()
    finally:
        crash_handler.uninstall()
        if portal is not None:
            portal.stop()
