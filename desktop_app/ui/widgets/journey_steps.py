"""The office's steps of one journey, each open or done, and what the officer records for the one
chosen: a thin caller of :mod:`desktop_app.journey.received` (the same calls as ``journey mark``
and ``journey accept``), on a worker: the documents' copies never freeze the window.

- the office's documents (project proposal, delivery agreement): attach the PDFs received, the
  day they were accepted, who accepted them and who signed (:func:`accept_documents`);
- the portal login: only its arrival, confirmed by name (the password is never asked);
- any other step: marked done by the officer's name, with an evidence file if they have one;
- the table set: marked with its file; :attr:`JourneySteps.table_set_received` then carries that
  file for the results import (which this widget does not know);
- a step marked by mistake: reopened.

Opens at the journey's open step (:meth:`Journey.current_step`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.journey import (
    Journey,
    Marked,
    accept_documents,
    describe_evidence,
    mark_step,
    reopen,
    table_set_file,
    table_set_step,
    takes_acceptance,
)
from desktop_app.journey.journey import LOGIN_STEPS
from desktop_app.profiles.model import OfficeStep
from desktop_app.ui.widgets import (
    InlineMessage,
    failure_text,
    heading_label,
    hint_label,
    vbox,
)
from desktop_app.ui.workers import Worker, WorkerManager


class JourneySteps(QWidget):
    """The steps of ``journey`` on the left, the chosen one's state and actions on the right."""

    changed = Signal(object)  # the journey as saved after a change
    table_set_received = Signal(Path)  # the table set's file, for the results import

    def __init__(  # noqa: PLR0915 (widget layout)
        self,
        journey: Journey,
        language: str,
        parent: QWidget | None = None,
        plaintext_sha256: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.journey = journey
        self.language = language
        self.plaintext_sha256 = plaintext_sha256  # the staff file: never attached as evidence
        self.documents: list[Path] = []  # the office's PDFs chosen for acceptance
        self.evidence: Path | None = None  # an optional evidence file for a plain mark
        self.workers = WorkerManager(self)
        self.record_worker: Worker | None = None
        self._focus_back: QWidget | None = None  # where the keyboard was when recording began
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setMinimumWidth(230)
        self.list.setWordWrap(True)  # a long title wraps (French, 200%) instead of being cut
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._show_step)
        row.addWidget(self.list, 2)

        detail = QWidget(self)
        layout = vbox(detail, spacing=8)
        self.title = heading_label("", detail)
        self.explanation = hint_label("", detail)
        self.state = QLabel(detail)
        self.state.setWordWrap(True)
        self.login_note = hint_label("", detail)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        layout.addWidget(self.state)
        layout.addWidget(self.login_note)

        form = QFormLayout()
        self.attach_button = QPushButton(detail)
        self.attach_button.clicked.connect(self.choose_documents)
        self.attached = QLabel(detail)
        self.attached.setWordWrap(True)
        self.date = QDateEdit(detail)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(QDate.currentDate())
        self.name = QLineEdit(detail)
        self.signatory = QLineEdit(detail)
        self.date_label = QLabel(detail)
        self.name_label = QLabel(detail)
        self.signatory_label = QLabel(detail)
        for label, field in (
            (self.date_label, self.date),
            (self.name_label, self.name),
            (self.signatory_label, self.signatory),
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        attach = QHBoxLayout()
        attach.addWidget(self.attach_button)
        attach.addStretch(1)
        layout.addLayout(attach)
        layout.addWidget(self.attached)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.mark_button = QPushButton(detail)
        self.mark_button.clicked.connect(self.record)
        self.reopen_button = QPushButton(detail)
        self.reopen_button.clicked.connect(self.reopen_step)
        buttons.addWidget(self.mark_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = InlineMessage(detail)
        layout.addWidget(self.message)
        layout.addStretch(1)
        row.addWidget(detail, 3)
        self.retranslate()
        current = journey.current_step()
        steps = journey.programme.office_steps
        self.list.setCurrentRow(steps.index(current) if current else len(steps) - 1)

    # -- what is shown ------------------------------------------------------------------------------

    def selected(self) -> OfficeStep:
        steps = self.journey.programme.office_steps
        return steps[max(0, self.list.currentRow())]

    def _fill_list(self) -> None:
        row = max(0, self.list.currentRow())
        self.list.blockSignals(True)
        self.list.clear()
        current = self.journey.current_step()
        for number, view in enumerate(self.journey.steps(), start=1):
            title = view.step.title.get(self.language)
            if view.record is not None:
                text = self.tr("✓ %1. %2 (%3)").replace("%1", str(number))
                text = text.replace("%2", title).replace("%3", view.record.date.isoformat())
            elif view.step is current:
                text = self.tr("▶ %1. %2 (you are here)").replace("%1", str(number))
                text = text.replace("%2", title)
            else:
                text = f"○ {number}. {title}"
            item = QListWidgetItem(text)
            if view.step.actor == "office":
                item.setToolTip(f"{title}\n{self.tr('A step of the office')}")
            else:
                item.setToolTip(title)
            self.list.addItem(item)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)

    def _show_step(self, _row: int = 0) -> None:
        step = self.selected()
        record = self.journey.records.get(step.id)
        self.title.setText(step.title.get(self.language))
        self.explanation.setText(step.explanation.get(self.language))
        if record is not None:
            evidence = describe_evidence(record.evidence).render(self.language)
            self.state.setText(
                self.tr("Done on %1: %2")
                .replace("%1", record.date.isoformat())
                .replace("%2", evidence)
            )
        else:
            self.state.setText(self.tr("Not done yet."))
        accepting = takes_acceptance(step) and not self._is_table_set(step)
        login = step.id in LOGIN_STEPS
        self.login_note.setVisible(login)
        self.attach_button.setVisible(not login)
        self.signatory.setVisible(accepting)
        self.signatory_label.setVisible(accepting)
        self.documents = []
        self.evidence = None
        self.attached.clear()
        self.attached.setVisible(False)
        if accepting:
            self.attach_button.setText(self.tr("&Attach the documents received…"))
            self.name_label.setText(self.tr("Accepted &by:"))
            self.date_label.setText(self.tr("Accepted &on:"))
            self.mark_button.setText(self.tr("&Record the acceptance"))
        elif self._is_table_set(step):
            self.attach_button.setText(self.tr("&Attach the table set…"))
            self.name_label.setText(self.tr("Your &name:"))
            self.date_label.setText(self.tr("Received &on:"))
            self.mark_button.setText(self.tr("&Mark as done"))
        else:
            self.attach_button.setText(self.tr("&Attach an evidence file (optional)…"))
            self.name_label.setText(self.tr("Your &name:"))
            self.date_label.setText(self.tr("Done &on:"))
            self.mark_button.setText(
                self.tr("&Confirm the login arrived") if login else self.tr("&Mark as done")
            )
        self.reopen_button.setVisible(record is not None)
        self.message.clear_message()

    def _is_table_set(self, step: OfficeStep) -> bool:
        table_set = table_set_step(self.journey.programme)
        return table_set is not None and table_set.id == step.id

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("The office's steps"))
        self.login_note.setText(
            self.tr(
                "Only confirm that the login arrived. The letter holds the password: never type "
                "it here and do not attach the letter."
            )
        )
        self.signatory_label.setText(self.tr("&Signed by:"))
        self.reopen_button.setText(self.tr("R&eopen this step"))
        self._fill_list()
        self._show_step()

    # -- what the officer does ----------------------------------------------------------------------

    def choose_documents(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        step = self.selected()
        if takes_acceptance(step) and not self._is_table_set(step):
            paths, _ = QFileDialog.getOpenFileNames(
                self, self.tr("The documents received"), start, self.tr("PDF (*.pdf);;All (*)")
            )
            self.documents = [Path(p) for p in paths]
            names = [p.name for p in self.documents]
        else:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Evidence file"), start)
            self.evidence = Path(path) if path else None
            names = [self.evidence.name] if self.evidence else []
        self.attached.setText("\n".join(names))
        self.attached.setVisible(bool(names))

    def record(self) -> None:
        """The chosen step recorded on a worker: copying the documents into the journey's folder
        and the yearly folder (a network drive, large PDFs) never freezes the window. The buttons
        are off meanwhile."""
        if self.recording:
            return
        step = self.selected()
        accepting = takes_acceptance(step) and not self._is_table_set(step)
        worker = Worker(
            _record_job,
            self.journey,
            step.id,
            accepting,
            list(self.documents),
            self.evidence,
            self._date(),
            self.name.text(),
            self.signatory.text(),
            self.plaintext_sha256,
        )
        self.record_worker = worker
        self._focus_back = self.focusWidget() if self.isAncestorOf(self.focusWidget()) else None
        self._enable_actions(False)
        self.message.show_message("info", self.tr("Saving…"))
        worker.signals.result.connect(lambda marked, s=step: self._recorded(marked, s))
        worker.signals.failed.connect(self._record_failed)
        worker.signals.finished.connect(self._record_finished)
        self.workers.start(worker)

    @property
    def recording(self) -> bool:
        """True while a step is being recorded."""
        return self.record_worker is not None

    def _recorded(self, marked: Marked, step: OfficeStep) -> None:
        self._changed(marked.journey)
        saved = self.tr("Saved.")
        if marked.filed:
            saved += " " + self.tr("A copy is in the yearly folder.")
        self.message.show_message("ok", saved)
        if self._is_table_set(step):
            table_set = table_set_file(marked.journey)
            if table_set is not None:
                self.table_set_received.emit(table_set)

    def _record_failed(self, error: Exception) -> None:
        self.message.show_message("error", failure_text(error, self.language))

    def _record_finished(self) -> None:
        self.record_worker = None
        self._enable_actions(True)
        if self._focus_back is not None:  # the keyboard stays where it was (the button, say)
            self._focus_back.setFocus()
            self._focus_back = None

    def _enable_actions(self, enabled: bool) -> None:
        for widget in (self.mark_button, self.reopen_button, self.attach_button, self.list):
            widget.setEnabled(enabled)

    def reopen_step(self) -> None:
        try:
            journey = reopen(self.journey, self.selected().id)
        except (AppError, OSError) as error:
            text = error.render(self.language) if isinstance(error, AppError) else str(error)
            self.message.show_message("error", text)
            return
        self._changed(journey)

    def _changed(self, journey: Journey) -> None:
        self.journey = journey
        self._fill_list()
        self._show_step()
        self.changed.emit(journey)

    def _date(self) -> dt.date:
        chosen = self.date.date()
        return dt.date(chosen.year(), chosen.month(), chosen.day())


def _record_job(  # noqa: PLR0917 (called positionally by Worker)
    worker: Worker,
    journey: Journey,
    step_id: str,
    accepting: bool,
    documents: list[Path],
    evidence: Path | None,
    on: dt.date,
    name: str,
    signatory: str,
    plaintext_sha256: tuple[str, ...],
) -> Marked:
    """The same calls as ``journey accept`` and ``journey mark``, on the worker's thread."""
    if accepting:
        return accept_documents(
            journey,
            step_id,
            documents,
            accepted_on=on,
            officer=name,
            signatory=signatory,
            plaintext_sha256=plaintext_sha256,
        )
    return mark_step(
        journey,
        step_id,
        by=name or None,
        file=evidence,
        on=on,
        plaintext_sha256=plaintext_sha256,
    )
