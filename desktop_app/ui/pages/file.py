"""Page 4: the staff file: drop it or choose it, pick the sheet, check the header row in a preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
)

from desktop_app.draft import SourceFile
from desktop_app.errors import AppError
from desktop_app.ui.jobs import ReadOutcome, read_job
from desktop_app.ui.models import PreviewModel
from desktop_app.ui.pages.base import WorkerPage
from desktop_app.ui.widgets import BusyBar, InlineMessage, hint_label, vbox
from desktop_app.ui.widgets.drop_zone import DropZone
from desktop_app.ui.workers import Worker

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt")


class FilePage(WorkerPage):
    def __init__(self) -> None:  # noqa: PLR0915 (widget layout)
        super().__init__()
        self._worker: Worker | None = None
        self._error: Exception | None = None
        self._path: Path | None = None

        self.drop = DropZone(self)
        self.drop.button.clicked.connect(self.choose_file)
        self.drop.dropped.connect(self.open_file)
        self.file_label = QLabel(self)
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        options = QGridLayout()
        self.sheet_label = QLabel(self)
        self.sheet = QComboBox(self)
        self.sheet.setMinimumWidth(220)
        self.sheet_label.setBuddy(self.sheet)
        self.sheet.activated.connect(self._sheet_chosen)
        self.header_label = QLabel(self)
        self.header_row = QSpinBox(self)
        self.header_row.setRange(0, 1_048_576)  # 0: the file has no header row
        self.header_label.setBuddy(self.header_row)
        self.header_row.valueChanged.connect(self._header_row_typed)
        # Two rows, label beside its field: on one row the labels were squeezed (and cut) in
        # French or at 200%.
        options.addWidget(self.sheet_label, 0, 0)
        options.addWidget(self.sheet, 0, 1)
        options.addWidget(self.header_label, 1, 0)
        options.addWidget(self.header_row, 1, 1, Qt.AlignmentFlag.AlignLeft)
        options.setColumnStretch(2, 1)
        self._header_timer = QTimer(self)
        self._header_timer.setSingleShot(True)
        self._header_timer.setInterval(450)
        self._header_timer.timeout.connect(self._reread_with_header_row)

        self.busy = BusyBar(self)
        self.busy.cancel_requested.connect(self.cancel)
        self.message = InlineMessage(self)
        self.notes = InlineMessage(self)
        self.titles = hint_label("", self)
        self.model = PreviewModel(self)
        self.preview = QTableView(self)
        self.preview.setModel(self.model)
        self.preview.setAlternatingRowColors(True)
        self.preview.setCornerButtonEnabled(False)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.horizontalHeader().setDefaultSectionSize(130)
        self.preview.verticalHeader().setDefaultSectionSize(24)
        self.preview.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.preview_hint = hint_label("", self)

        layout = vbox(self, spacing=8)
        layout.addWidget(self.drop)
        layout.addWidget(self.file_label)
        layout.addLayout(options)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.notes)
        layout.addWidget(self.preview_hint)
        layout.addWidget(self.titles)
        layout.addWidget(self.preview, 1)
        self._set_options_enabled(False)

    # -- entering the page ------------------------------------------------------------------

    def load(self) -> None:
        source = self.draft.source
        table = self.session.table
        if table is not None and source.path and Path(table.source) == Path(source.path):
            self._show_table(table, self.session.sheets)
        elif source.path and not self.running:
            self._read(Path(source.path), source.sheet, source.header_row)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your staff file"))
        self.setSubTitle(
            self.tr("The file is only read, never changed. Employee data stays on this computer.")
        )
        self.drop.label.setText(
            self.tr("Drag your staff export here (.xlsx, .xlsm, .xls, .ods, .csv), or choose it.")
        )
        self.drop.button.setText(self.tr("&Choose file…"))
        self.drop.button.setAccessibleName(self.tr("Choose the staff file"))
        self.sheet_label.setText(self.tr("&Sheet"))
        self.sheet.setAccessibleName(self.tr("Sheet"))
        self.header_label.setText(self.tr("Header &row (Excel row number)"))
        self.header_row.setAccessibleName(self.tr("Header row (Excel row number)"))
        self.preview.setAccessibleName(self.tr("Preview of the first rows"))
        self.header_row.setSpecialValueText(self.tr("none"))
        self._show_preview_hint()
        self.busy.retranslate()
        self._update_file_label()
        self._show_sheets(self.session.sheets if self.wizard() else ())
        self._show_error()
        self._show_notes()

    # -- choosing and reading ----------------------------------------------------------------

    def choose_file(self) -> None:
        start = str(Path(self.draft.source.path).parent) if self.draft.source.path else ""
        filters = self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)")
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the staff file"), start, filters
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """A new file: forget the old one's table and read this one (sheet and header detected)."""
        self.session.forget_file()
        self.draft.source = SourceFile(Path(path))  # no sheet, header row, fingerprint yet
        self._read(Path(path), None, None)

    def _read(self, path: Path, sheet: str | None, header_row: int | None) -> None:
        self.cancel()
        self._path = path
        self._error = None
        self._show_error()
        self._update_file_label()
        worker = Worker(read_job, path, self.programme, sheet, header_row)
        worker.signals.progress.connect(lambda _p, text: self.busy.set_progress(-1, text))
        self._set_options_enabled(False)
        self.start_job(worker, self.tr("Reading the file…"), self._read_done, self._read_failed)
        self.changed()

    def job_stopped(self, cancelled: bool) -> None:
        if cancelled:
            self._set_options_enabled(self.session.table is not None)
        self.changed()

    def _read_done(self, outcome: ReadOutcome) -> None:
        table = outcome.table
        self.session.table = table
        self.session.sheets = outcome.sheets
        self.session.validation = None
        # the fingerprint of the bytes read: what is reviewed
        self.draft.source = SourceFile(
            Path(table.source), table.sheet, table.header_row, table.fingerprint
        )
        self._show_table(table, outcome.sheets)
        self.wiz().autosave()

    def _read_failed(self, error: Exception) -> None:
        self.session.table = None
        self.model.set_table(None)
        self._set_options_enabled(bool(self.session.sheets))
        self._error = error
        self._show_error()

    def _show_table(self, table, sheets) -> None:
        self._show_sheets(sheets)
        self.header_row.blockSignals(True)
        self.header_row.setValue(table.header_row)
        self.header_row.blockSignals(False)
        self.model.set_table(table)
        self.preview.verticalHeader().setVisible(True)
        self.titles.setText(
            self.tr("Above the header: %1").replace("%1", " · ".join(table.title_lines))
            if table.title_lines
            else ""
        )
        self.titles.setVisible(bool(table.title_lines))
        self._show_preview_hint()
        self._set_options_enabled(True)
        self.sheet.setEnabled(table.sheet is not None)
        self._show_notes()
        self._update_file_label()
        self.changed()

    def _show_preview_hint(self) -> None:
        table = self.session.table if self.wizard() else None
        if table is not None and not table.header_found:
            text = self.tr(
                "No row holds column names, so the columns are named by their letter. If the file "
                "has a header row, give its number above."
            )
        else:
            text = self.tr(
                "The highlighted row holds the column names. If it is the wrong row, change the header row above."
            )
        self.preview_hint.setText(text)

    def _show_sheets(self, sheets) -> None:
        current = self.session.table.sheet if self.wizard() and self.session.table else None
        self.sheet.blockSignals(True)
        self.sheet.clear()
        for info in sheets:
            hidden = info.hidden or info.very_hidden
            text = info.name + (self.tr(" (hidden)") if hidden else "")
            self.sheet.addItem(text, info.name)
            if not info.is_worksheet:
                item = self.sheet.model().item(self.sheet.count() - 1)
                item.setEnabled(False)
        index = self.sheet.findData(current)
        if index >= 0:
            self.sheet.setCurrentIndex(index)
        self.sheet.blockSignals(False)

    def _show_notes(self) -> None:
        table = self.session.table if self.wizard() else None
        if table is None:
            self.notes.clear_message()
            return
        lines = [note.render(self.language) for note in table.notes]
        chosen = next((s for s in self.session.sheets if s.name == table.sheet), None)
        if chosen is not None and (chosen.hidden or chosen.very_hidden):
            lines.append(self.tr("This sheet is hidden in Excel. Is it the right one?"))
        lines.append(
            self.tr("%1 data rows and %2 columns read from row %3 on.")
            .replace("%1", QLocale().toString(table.n_rows))
            .replace("%2", str(table.n_columns))
            .replace("%3", str(table.data_start))
        )
        self.notes.show_message("info", "\n".join(lines))

    def _show_error(self) -> None:
        if isinstance(self._error, AppError):
            self.message.show_message("error", self._error.render(self.language))
        elif self._error is not None:
            text = self.tr("The file could not be read: %1").replace("%1", str(self._error))
            self.message.show_message("error", text)
        else:
            self.message.clear_message()

    def _update_file_label(self) -> None:
        path = self._path or (self.draft.source.path if self.wizard() else None)
        if path:
            self.file_label.setText(self.tr("File: %1").replace("%1", str(path)))
        else:
            self.file_label.setText(self.tr("No file chosen yet."))

    def _set_options_enabled(self, enabled: bool) -> None:
        self.sheet.setEnabled(enabled)
        self.header_row.setEnabled(enabled)

    def _sheet_chosen(self, index: int) -> None:
        name = self.sheet.itemData(index)
        if self._path and name:
            self._read(self._path, name, None)

    def _header_row_typed(self, _value: int) -> None:
        self._header_timer.start()

    def _reread_with_header_row(self) -> None:
        table = self.session.table
        if self._path and (table is None or table.header_row != self.header_row.value()):
            sheet = table.sheet if table else self.draft.source.sheet
            self._read(self._path, sheet, self.header_row.value())

    def isComplete(self) -> bool:
        return self.wizard() is not None and not self.running and self.session.table is not None

    def validatePage(self) -> bool:
        if self._header_timer.isActive():
            return False
        return self.session.table is not None
