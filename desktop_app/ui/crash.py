"""Unexpected exceptions in the wizard: logged without personal data, shown calmly, reportable.

:class:`CrashHandler` replaces ``sys.excepthook`` (PySide6 hands exceptions raised in slots and
virtual methods to it, also from pool threads) and ``threading.excepthook``. For each exception it

- writes the scrubbed traceback to the log (:mod:`desktop_app.logging_setup`);
- saves the draft (the officer's choices) once more;
- shows :class:`CrashDialog` in the officer's language: what happened, that the choices are saved,
  Continue or Close, and "Save report…" for a scrubbed report (versions, page, traceback) to a
  file the officer chooses. An :class:`~desktop_app.errors.AppError` that escaped a page is shown
  as its translated message, without any traceback.

Exceptions from other threads travel to the GUI thread through a queued signal.
"""

from __future__ import annotations

import datetime as dt
import logging
import platform
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QThread, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLayout,
    QPushButton,
    QStyle,
    QWidget,
)

from desktop_app import __version__
from desktop_app.atomic import write_atomic
from desktop_app.errors import AppError
from desktop_app.logging_setup import format_exception, scrub
from desktop_app.messages import Message, system_language
from desktop_app.ui.widgets import InlineMessage, heading_label, hint_label, vbox

if TYPE_CHECKING:
    from desktop_app.draft import Draft
    from desktop_app.ui.wizard import DiversityWizard

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def text(key: str, language: str, **params: object) -> str:
    return Message(f"ui-crash.{key}", params).render(language)


def known_values(draft: Draft | None) -> list[str]:
    """What the officer typed that must never appear in a log or report (hidden wherever found)."""
    if draft is None:
        return []
    values: list[str] = []
    for value in draft.organisation.to_json().values():
        if isinstance(value, str):
            values.append(value)
        elif isinstance(value, (list, tuple)):
            values.extend(v for v in value if isinstance(v, str))
    values.extend(answer.by for answer in draft.checklist.values() if answer.by)
    if draft.source.path:
        values.append(str(draft.source.path.parent))  # the folder; the file name may stay
    if draft.source.sheet:
        values.append(draft.source.sheet)
    return [v.strip() for v in values if v and v.strip()]


def page_name(wizard: DiversityWizard | None) -> str:
    """The current page as ``NAME (id)``; never anything the page holds."""
    if wizard is None:
        return "-"
    from desktop_app.ui.wizard import PageId

    page_id = wizard.currentId()
    try:
        return f"{PageId(page_id).name} ({page_id})"
    except ValueError:
        return str(page_id)


def qt_versions() -> str:
    import PySide6
    from PySide6.QtCore import qVersion

    return f"Qt {qVersion()}, PySide6 {PySide6.__version__}"


def build_report(
    kind: type[BaseException],
    error: BaseException,
    tb: TracebackType | None,
    *,
    page: str = "-",
    programme: str | None = None,
    language: str = "nl",
    thread: str = "",
    known: Iterable[str] = (),
) -> str:
    """The text of an error report: versions, where in the wizard, and the scrubbed traceback.

    Never the draft's organisation values, never paths beyond a file name, never local variables.
    """
    known = tuple(known)
    header = [
        "Diversity Assistant error report",
        f"Version: {__version__}",
        f"Time: {dt.datetime.now().replace(second=0, microsecond=0).isoformat(' ')}",
        f"System: {platform.system()} {platform.release()} ({platform.machine()})",
        f"Python: {platform.python_version()} ({platform.python_implementation()})",
        f"Qt: {qt_versions()}",
        f"Frozen: {'yes' if getattr(sys, 'frozen', False) else 'no'}",
        f"Language: {language}",
        f"Programme: {programme or '-'}",
        f"Page: {page}",
        f"Thread: {scrub(thread or '-', known)}",
    ]
    # the header holds versions and ids only; the traceback is scrubbed as a whole
    traceback_text = format_exception(kind, error, tb, known).rstrip("\n")
    return "\n".join([*header, "", traceback_text, ""])


def ask_report_path(parent: QWidget | None, suggested: Path, language: str) -> Path | None:
    """Ask where to save the report (a native save dialog); None when the officer cancels."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        text("save-title", language),
        str(suggested),
        text("file-filter", language),
    )
    return Path(chosen) if chosen else None


def suggested_report_path() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    return Path(folder or Path.home()) / f"diversity-assistant-report-{stamp}.txt"


class CrashDialog(QDialog):
    """The calm message after an unexpected error; with ``report`` set it offers to save it.

    Without a report (an escaped :class:`AppError`) it shows only ``message`` and OK.
    """

    close_requested = Signal()

    def __init__(
        self,
        message: str,
        language: str,
        *,
        report: str | None = None,
        saved: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.language = language
        self.report = report
        self.saved_path: Path | None = None
        self.ask_path: Callable[[QWidget | None, Path, str], Path | None] = ask_report_path
        self.setObjectName("crash-dialog")
        self.setWindowTitle(
            text("title" if report is not None else "problem-title", language),
        )
        layout = vbox(self, margins=18, spacing=10)
        # wrapped labels need their height for the width: the dialog grows, never overlaps them
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        icon = QLabel(self)
        pixmap = self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxInformation
            if report is not None
            else QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        icon.setPixmap(pixmap.pixmap(32, 32))
        layout.addWidget(icon)
        self.heading = heading_label(message, self)
        self.heading.setMinimumWidth(480)  # the layout sizes the dialog from its contents
        self.heading.setAccessibleName(message)
        layout.addWidget(self.heading)
        self.body = hint_label("", self)
        if saved is not None:
            self.body.setText(text("saved" if saved else "not-saved", language))
        self.body.setVisible(bool(self.body.text()))
        layout.addWidget(self.body)
        self.hint = hint_label(text("report-hint", language) if report is not None else "", self)
        self.hint.setVisible(report is not None)
        layout.addWidget(self.hint)
        self.status = InlineMessage(self)
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox(self)
        self.save_button: QPushButton | None = None
        self.close_button: QPushButton | None = None
        if report is not None:
            self.save_button = self.buttons.addButton(
                text("save-report", language), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.save_button.clicked.connect(self._save_clicked)
            self.close_button = self.buttons.addButton(
                text("close", language), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.close_button.clicked.connect(self._close_assistant)
            self.continue_button = self.buttons.addButton(
                text("continue", language), QDialogButtonBox.ButtonRole.AcceptRole
            )
        else:
            self.continue_button = self.buttons.addButton(
                text("ok", language), QDialogButtonBox.ButtonRole.AcceptRole
            )
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)
        layout.addWidget(self.buttons)
        self.continue_button.setFocus()

    def _save_clicked(self) -> None:  # clicked(bool) must not arrive as the path
        self.save_report()

    def save_report(self, path: Path | None = None) -> Path | None:
        """Write the report to ``path`` (asked when None); shows the outcome in the dialog."""
        if self.report is None:
            return None
        if path is None:
            path = self.ask_path(self, suggested_report_path(), self.language)
            if path is None:
                return None
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".txt")
        try:
            write_atomic(path, self.report.encode("utf-8"))
        except OSError as error:
            log.warning("the error report could not be saved: %s", error.strerror or error)
            self.status.show_message(
                "error",
                text(
                    "report-not-saved",
                    self.language,
                    file=path.name,
                    detail=error.strerror or type(error).__name__,
                ),
            )
            self.adjustSize()
            return None
        self.saved_path = path
        self.status.show_message("ok", text("report-saved", self.language, file=path.name))
        self.adjustSize()
        return path

    def _close_assistant(self) -> None:
        self.accept()
        self.close_requested.emit()


class CrashHandler(QObject):
    """Installs the exception hooks; shows one dialog at a time for the wizard it watches."""

    _from_thread = Signal(object, str)  # exc info, thread name: delivered in the GUI thread
    shown = Signal(QDialog)  # a crash dialog has been opened (tests, diagnostics)

    def __init__(self, wizard: DiversityWizard | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.wizard = wizard
        self.dialog: CrashDialog | None = None
        self._previous_sys: Callable | None = None
        self._previous_threading: Callable | None = None
        self._from_thread.connect(self._show_from_thread)

    # -- installing -------------------------------------------------------------------------------

    def install(self) -> CrashHandler:
        self._previous_sys = sys.excepthook
        self._previous_threading = threading.excepthook
        sys.excepthook = self.sys_hook
        threading.excepthook = self.thread_hook
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.sys_hook and self._previous_sys is not None:
            sys.excepthook = self._previous_sys
        if threading.excepthook == self.thread_hook and self._previous_threading is not None:
            threading.excepthook = self._previous_threading

    # -- the hooks ----------------------------------------------------------------------------------

    def sys_hook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, (KeyboardInterrupt, SystemExit)):
            (self._previous_sys or sys.__excepthook__)(kind, error, tb)
            return
        self.report((kind, error, tb), threading.current_thread().name)

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "thread"
        self.report((args.exc_type, args.exc_value, args.exc_traceback), name)

    def report(self, info: ExcInfo, thread: str) -> None:
        """Log the exception (any thread), then show it in the GUI thread. Never raises."""
        try:
            self._log(info, thread)
        except Exception:  # the hook must not fail: fall back to Python's own printing
            sys.__excepthook__(*info)
        app = QApplication.instance()
        if app is None:
            sys.__excepthook__(*info)
            return
        if QThread.currentThread() is app.thread():
            self._show(info, thread)
        else:
            self._from_thread.emit(info, thread)

    # -- inside the GUI thread --------------------------------------------------------------------

    @property
    def language(self) -> str:
        return self.wizard.language if self.wizard is not None else system_language()

    def _known(self) -> list[str]:
        return known_values(self.wizard.draft if self.wizard is not None else None)

    def _log(self, info: ExcInfo, thread: str) -> None:
        kind, error, tb = info
        header = (
            "an error message escaped to the top"
            if isinstance(error, AppError)
            else "unexpected exception"
        )
        details = format_exception(kind, error, tb, self._known()).rstrip("\n")
        # one finished text, no arguments: the source lines of the traceback stay readable
        log.error(f"{header} on page {page_name(self.wizard)} in thread {thread}\n{details}")

    def _show_from_thread(self, info: ExcInfo, thread: str) -> None:
        self._show(info, thread)

    def _show(self, info: ExcInfo, thread: str) -> None:
        try:
            self._open_dialog(info, thread)
        except Exception:  # showing must not start an endless loop of hooks
            log.exception("the error dialog could not be shown")

    def _open_dialog(self, info: ExcInfo, thread: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time; the log has this one too
        kind, error, tb = info
        language = self.language
        parent = self.wizard if self.wizard is not None and self.wizard.isVisible() else None
        if isinstance(error, AppError):
            dialog = CrashDialog(error.render(language), language, parent=parent)
        else:
            saved = self.wizard.autosave() if self.wizard is not None else None
            if self.wizard is not None and self.wizard.autosave_path is None:
                saved = None
            report = build_report(
                kind,
                error,
                tb,
                page=page_name(self.wizard),
                programme=self.wizard.draft.programme_id if self.wizard is not None else None,
                language=language,
                thread=thread,
                known=self._known(),
            )
            dialog = CrashDialog(
                text("heading", language), language, report=report, saved=saved, parent=parent
            )
            dialog.close_requested.connect(self._close_assistant)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()
        self.shown.emit(dialog)

    def _dialog_closed(self, dialog: CrashDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _close_assistant(self) -> None:
        if self.wizard is not None:
            self.wizard.close()  # saves the draft once more
        app = QApplication.instance()
        if app is not None:
            app.quit()


def install_crash_handler(wizard: DiversityWizard | None = None) -> CrashHandler:
    """Install the hooks (once per process is the rule; tests uninstall them again)."""
    return CrashHandler(wizard).install()
