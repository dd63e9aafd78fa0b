"""Page 6: the checks. Findings in a sortable, filterable table under their plain titles (never a
code); a finding's Excel rows, a long list cut with "Show all rows"; errors block Next, warnings need
an acknowledgement; "Reload file" reads the corrected file again; "Export findings (Excel)…" writes
them for the salary administration. Every text about the findings comes from the core
(:mod:`desktop_app.validation.plain`), as ``check`` says it."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelection, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.ui.jobs import CheckOutcome, check_job
from desktop_app.ui.models import FINDING_ROLE, FindingsFilter, FindingsModel
from desktop_app.ui.pages.base import WorkerPage
from desktop_app.ui.widgets import BusyBar, InlineMessage, vbox
from desktop_app.ui.widgets.wrapping_check import WrappingCheckBox
from desktop_app.ui.workers import Worker
from desktop_app.validation import Finding, Severity
from desktop_app.validation.export import write_findings_xlsx
from desktop_app.validation.plain import MAX_LISTED_ROWS, finding_rows, summary

_DISPLAY_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


class PlainFindingsModel(FindingsModel):
    """The findings table with each code's plain title ("Ongeldig BSN") where the code was."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() == self.CODE and role in _DISPLAY_ROLES:
            return self.finding(index.row()).title.render(self.language)
        return super().data(index, role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if (
            section == self.CODE
            and orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return QCoreApplication.translate("ValidationPage", "Problem")
        return super().headerData(section, orientation, role)


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
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_findings)
        toolbar.addWidget(self.filter_label)
        toolbar.addWidget(self.severity)
        toolbar.addWidget(self.search, 1)
        # The buttons on their own row: beside the filter they were cut in French or at 200%.
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.reload_button)
        actions.addStretch(1)

        self.busy = BusyBar(self)
        self.busy.cancel_requested.connect(self.cancel)
        self.model = PlainFindingsModel(self)
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
        self.view.setTabKeyNavigation(False)  # Tab leaves the table (arrows move inside it)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FindingsModel.MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._selected)

        self.details = QTextBrowser(self)
        self.details.setOpenLinks(False)
        self.details.setTabChangesFocus(True)
        self.all_rows = QPushButton(self)
        self.all_rows.setCheckable(True)
        self.all_rows.toggled.connect(self._all_rows_toggled)
        self.all_rows.hide()
        self.exported = InlineMessage(self)
        lower = QWidget(self)
        lower_layout = vbox(lower, spacing=4)
        lower_layout.addWidget(self.details, 1)
        rows_bar = QHBoxLayout()
        rows_bar.addWidget(self.all_rows)
        rows_bar.addStretch(1)
        lower_layout.addLayout(rows_bar)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        self.problem = InlineMessage(self)
        self.acknowledge = WrappingCheckBox(self)  # a long sentence: wraps at 200%
        self.acknowledge.toggled.connect(lambda _c: self.changed())

        layout = vbox(self, spacing=8)
        layout.addWidget(self.summary)
        layout.addLayout(toolbar)
        layout.addLayout(actions)
        layout.addWidget(self.busy)
        layout.addWidget(self.problem)
        layout.addWidget(self.exported)
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
        self.exported.clear_message()
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
        text = summary(result, table.n_rows if table else 0).render(self.language)
        if counts["error"]:
            self.summary.show_message("error", text)
            self.problem.show_message(
                "warning",
                self.tr(
                    "Errors must be corrected before you can continue: correct them in the HR system "
                    "or the export, save the file and press “Reload file”."
                ),
            )
        else:
            self.summary.show_message("warning" if counts["warning"] else "ok", text)
            self.problem.clear_message()
        for note in result.notes:
            self.summary.setText(self.summary.text() + "\n" + note.render(self.language))
        self.acknowledge.setVisible(counts["warning"] > 0 and counts["error"] == 0)
        self.export_button.setEnabled(bool(result.findings))
        if self.proxy.rowCount():
            self.view.selectRow(0)
        else:
            self.details.setPlainText("")
        self.changed()

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        finding = self.selected_finding()
        if finding is None:
            self.details.setPlainText("")
            self.all_rows.hide()
            return
        self.all_rows.setVisible(len(finding.rows) > MAX_LISTED_ROWS)
        text = self.describe(finding, all_rows=self.all_rows.isChecked())
        title, _, rest = text.partition("\n")
        body = html.escape(rest.strip()).replace("\n", "<br>")
        self.details.setHtml(f"<p><b>{html.escape(title)}</b></p><p>{body}</p>")

    def _all_rows_toggled(self, _checked: bool) -> None:
        self._all_rows_text()
        self._selected(QItemSelection(), QItemSelection())

    def _all_rows_text(self) -> None:
        self.all_rows.setText(
            self.tr("Show &fewer rows") if self.all_rows.isChecked() else self.tr("Show &all rows")
        )

    def selected_finding(self) -> Finding | None:
        indexes = self.view.selectionModel().selectedRows()
        if not indexes:
            return None
        return indexes[0].data(FINDING_ROLE)

    def describe(self, finding: Finding, *, all_rows: bool = False) -> str:
        """Title, message, column and Excel rows (the first ten unless ``all_rows``)."""
        language = self.language
        where = ""
        if finding.column:
            column = finding.column
            table = self.session.table
            if table is not None and column in table.column_letters:
                column += f" ({table.headers[table.column_letters.index(column)]})"
            where = self.tr("Column %1").replace("%1", column) + "\n"
        if finding.rows:
            limit = None if all_rows else MAX_LISTED_ROWS
            where += finding_rows(finding, limit).render(language)
        title = finding.title.render(language)
        return f"{title}\n\n{finding.render(language)}\n\n{where}".rstrip()

    # -- the findings for the salary administration -------------------------------------------

    def default_export_path(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("findings") + ".xlsx"
        source = self.draft.source.path
        if source:
            name = f"{Path(source).stem} - {name}"
        return Path(folder or Path.home()) / name

    def export_findings(self) -> None:
        """Ask where (in Documents) and write the findings as an Excel file."""
        result, table, programme = self.session.validation, self.session.table, self.programme
        if result is None or table is None or programme is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export findings"),
            str(self.default_export_path()),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_findings_xlsx(result, table, programme, self.draft.mapping, target, self.language)
        except OSError as error:
            self.exported.show_message(
                "error",
                self.tr("The findings could not be saved to %1: %2")
                .replace("%1", str(target))
                .replace("%2", error.strerror or str(error)),
            )
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.exported.show_message(
            "ok",
            self.tr(
                "Findings saved to %1. Identification numbers in it are masked; hand it to the "
                "salary administration to correct the rows."
            ).replace("%1", str(target)),
        )

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
        self.export_button.setText(self.tr("E&xport findings (Excel)…"))
        self.export_button.setToolTip(
            self.tr(
                "An Excel file with one line per finding per row, for the salary administration. "
                "Identification numbers are masked."
            )
        )
        self._all_rows_text()
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
