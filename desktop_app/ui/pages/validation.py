"""Page 6: the checks. Findings in a sortable, filterable table; a finding's Excel rows; errors
block Next, warnings need an acknowledgement; "Reload file" reads the corrected file again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QItemSelection, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
)

from desktop_app.errors import AppError
from desktop_app.ui.jobs import CheckOutcome, check_job
from desktop_app.ui.models import FINDING_ROLE, FindingsFilter, FindingsModel
from desktop_app.ui.pages.base import WorkerPage
from desktop_app.ui.widgets import BusyBar, InlineMessage, vbox
from desktop_app.ui.workers import Worker
from desktop_app.validation import Finding, Severity

MAX_SHOWN_ROWS = 500


class ValidationPage(WorkerPage):
    def __init__(self) -> None:  # noqa: PLR0915 (widget layout)
        super().__init__()
        self._worker: Worker | None = None
        self._error: Exception | None = None

        self.summary = InlineMessage(self)
        toolbar = QHBoxLayout()
        self.filter_label = QLabel(self)
        self.severity = QComboBox(self)
        self.filter_label.setBuddy(self.severity)
        self.severity.currentIndexChanged.connect(self._filter_changed)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.reload_button = QPushButton(self)
        self.reload_button.clicked.connect(self.reload)
        toolbar.addWidget(self.filter_label)
        toolbar.addWidget(self.severity)
        toolbar.addWidget(self.search, 1)
        toolbar.addWidget(self.reload_button)

        self.busy = BusyBar(self)
        self.busy.cancel_requested.connect(self.cancel)
        self.model = FindingsModel(self)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(FindingsModel.SEVERITY, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FindingsModel.MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._selected)

        self.details = QTextBrowser(self)
        self.details.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.problem = InlineMessage(self)
        self.acknowledge = QCheckBox(self)
        self.acknowledge.toggled.connect(lambda _c: self.changed())

        layout = vbox(self, spacing=8)
        layout.addWidget(self.summary)
        layout.addLayout(toolbar)
        layout.addWidget(self.busy)
        layout.addWidget(self.problem)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.acknowledge)

    # -- running the checks -------------------------------------------------------------------

    def load(self) -> None:
        if self.session.validation is None and not self.running:
            self._run(reread=False)
        else:
            self._show_result()

    def reload(self) -> None:
        """Read the (corrected) file again and re-run the checks."""
        self._run(reread=True)

    def _run(self, reread: bool) -> None:
        self.cancel()
        self._error = None
        self.acknowledge.setChecked(False)
        draft = self.draft
        path = Path(draft.source.path) if reread and draft.source.path else None
        worker = Worker(
            check_job,
            self.session.table,
            self.programme,
            draft.mapping,
            draft.peildatum,
            dict(draft.population),
            reread=path,
        )
        worker.signals.progress.connect(lambda _p, text: self.busy.set_progress(-1, text))
        self.reload_button.setEnabled(False)
        self.model.set_findings([], self._field_labels(), self.language)
        self.summary.clear_message()
        self.problem.clear_message()
        self.start_job(worker, self.tr("Checking…"), self._done, self._failed)
        self.changed()

    def job_stopped(self, cancelled: bool) -> None:
        self.reload_button.setEnabled(True)
        self.changed()

    def _done(self, outcome: CheckOutcome) -> None:
        self.session.table = outcome.table
        self.draft.source = replace(self.draft.source, fingerprint=outcome.table.fingerprint)
        self.session.validation = outcome.validation
        self._show_result()

    def _failed(self, error: Exception) -> None:
        self._error = error
        self.session.validation = None
        self._show_result()

    # -- showing the result --------------------------------------------------------------------

    def _field_labels(self) -> dict[str, str]:
        programme = self.programme
        if programme is None:
            return {}
        labels = {f.id: f.label.get(self.language) for f in programme.employee_fields}
        for breakdown in self.draft.breakdowns:
            labels[f"breakdown:{breakdown}"] = breakdown
        return labels

    def counts(self) -> dict[str, int]:
        result = self.session.validation
        return result.counts() if result else {"error": 0, "warning": 0}

    def _show_result(self) -> None:
        if self._error is not None:
            error = self._error
            text = error.render(self.language) if isinstance(error, AppError) else str(error)
            self.problem.show_message("error", text)
            self.summary.clear_message()
            self.acknowledge.hide()
            self.changed()
            return
        result = self.session.validation
        if result is None:
            return
        self.model.set_findings(result.findings, self._field_labels(), self.language)
        counts = result.counts()
        table = self.session.table
        included = int(result.included.sum())
        people = (
            self.tr("%1 of %2 rows are counted.")
            .replace("%1", _number(included))
            .replace("%2", _number(table.n_rows if table else 0))
        )
        if counts["error"]:
            self.summary.show_message(
                "error",
                self.tr("%1 errors and %2 warnings.")
                .replace("%1", str(counts["error"]))
                .replace("%2", str(counts["warning"]))
                + " "
                + people,
            )
            self.problem.show_message(
                "warning",
                self.tr(
                    "Errors must be corrected before you can continue: correct them in the HR system "
                    "or the export, save the file and press “Reload file”."
                ),
            )
        elif counts["warning"]:
            self.summary.show_message(
                "warning",
                self.tr("No errors; %1 warnings.").replace("%1", str(counts["warning"]))
                + " "
                + people,
            )
            self.problem.clear_message()
        else:
            self.summary.show_message("ok", self.tr("No errors and no warnings.") + " " + people)
            self.problem.clear_message()
        for note in result.notes:
            self.summary.setText(self.summary.text() + "\n" + note.render(self.language))
        self.acknowledge.setVisible(counts["warning"] > 0 and counts["error"] == 0)
        if self.proxy.rowCount():
            self.view.selectRow(0)
        else:
            self.details.setPlainText("")
        self.changed()

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        finding = self.selected_finding()
        if finding is None:
            self.details.setPlainText("")
            return
        self.details.setPlainText(self.describe(finding))

    def selected_finding(self) -> Finding | None:
        indexes = self.view.selectionModel().selectedRows()
        if not indexes:
            return None
        return indexes[0].data(FINDING_ROLE)

    def describe(self, finding: Finding) -> str:
        rows = finding.rows
        where = self.tr("Column %1").replace("%1", finding.column) + "\n" if finding.column else ""
        if rows:
            shown = ", ".join(str(r) for r in rows[:MAX_SHOWN_ROWS])
            more = (
                " " + self.tr("and %1 more").replace("%1", str(len(rows) - MAX_SHOWN_ROWS))
                if len(rows) > MAX_SHOWN_ROWS
                else ""
            )
            where += (
                self.tr("Excel rows (%1): %2")
                .replace("%1", str(len(rows)))
                .replace("%2", shown + more)
            )
        return f"{finding.render(self.language)}\n\n{where}"

    def _filter_changed(self) -> None:
        self.proxy.set_severity(self.severity.currentData())
        self.proxy.setFilterFixedString(self.search.text())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Checks"))
        self.setSubTitle(
            self.tr(
                "The assistant checks identifiers, dates, codes, duplicates and who is counted."
            )
        )
        self.filter_label.setText(self.tr("&Show"))
        current = self.severity.currentIndex()
        self.severity.blockSignals(True)
        self.severity.clear()
        self.severity.addItem(self.tr("All findings"), None)
        self.severity.addItem(self.tr("Errors"), Severity.ERROR)
        self.severity.addItem(self.tr("Warnings"), Severity.WARNING)
        self.severity.setCurrentIndex(max(current, 0))
        self.severity.blockSignals(False)
        self.severity.setAccessibleName(self.tr("Show findings of severity"))
        self.search.setPlaceholderText(self.tr("Search in the findings"))
        self.search.setAccessibleName(self.tr("Search in the findings"))
        self.reload_button.setText(self.tr("&Reload file"))
        self.view.setAccessibleName(self.tr("Findings"))
        self.details.setAccessibleName(self.tr("Details of the selected finding"))
        self.acknowledge.setText(
            self.tr("I have read the warnings and want to continue with these data.")
        )
        self.busy.retranslate()
        if self.wizard() is not None:
            self.model.set_language(self._field_labels(), self.language)
            self._show_result()

    def isComplete(self) -> bool:
        if self.wizard() is None or self.running or self._error is not None:
            return False
        result = self.session.validation
        if result is None or result.has_errors:
            return False
        return result.counts()["warning"] == 0 or self.acknowledge.isChecked()


def _number(value: int) -> str:
    return QLocale().toString(value)
