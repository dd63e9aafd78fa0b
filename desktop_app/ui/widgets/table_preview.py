"""The categories page's preview: each breakdown × sex as a protected frequency table (suppressed
cells marked), a legend and the audit's verdict."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from desktop_app.disclosure.preview import (
    CategoryTables,
)
from desktop_app.errors import AppError
from desktop_app.ui.models import PRIMARY_COLOUR, SECONDARY_COLOUR, CategoryTableModel
from desktop_app.ui.pages.base import WorkerPage
from desktop_app.ui.widgets import (
    BusyBar,
    InlineMessage,
    card,
    heading_label,
    hint_label,
    vbox,
)


class TablePreview(QWidget):
    """The protected frequency tables (one view per breakdown), a legend and the audit's verdict."""

    def __init__(self, page: WorkerPage, parent: QWidget) -> None:
        super().__init__(parent)
        self.page = page
        self.tables: CategoryTables | None = None
        self.error: Exception | None = None
        self.views: list[tuple[QLabel, QTableView, CategoryTableModel]] = []
        frame = card(self)
        vbox(self).addWidget(frame)
        layout = vbox(frame, margins=12, spacing=6)
        self.heading = heading_label("", frame)
        self.hint = hint_label("", frame)
        # The programme names no cell threshold: the officer gives one (none is invented).
        self.threshold_row = QWidget(frame)
        threshold_layout = QHBoxLayout(self.threshold_row)
        threshold_layout.setContentsMargins(0, 0, 0, 0)
        self.threshold_label = QLabel(self.threshold_row)
        self.threshold_edit = QLineEdit(self.threshold_row)
        self.threshold_edit.setValidator(QIntValidator(1, 100000, self.threshold_edit))
        self.threshold_edit.setMaximumWidth(90)
        self.threshold_label.setBuddy(self.threshold_edit)
        self.threshold_edit.editingFinished.connect(page.threshold_edited)
        threshold_layout.addWidget(self.threshold_label)
        threshold_layout.addWidget(self.threshold_edit)
        threshold_layout.addStretch(1)
        self.threshold_message = InlineMessage(frame)
        self.busy = BusyBar(frame)
        self.busy.cancel_requested.connect(page.cancel)
        self.grids_widget = QWidget(frame)
        self.grids_layout = vbox(self.grids_widget, spacing=6)
        self.legend = hint_label("", frame)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.verdict = InlineMessage(frame)
        for widget in (
            self.heading,
            self.hint,
            self.threshold_row,
            self.threshold_message,
            self.busy,
            self.grids_widget,
            self.legend,
            self.verdict,
        ):
            layout.addWidget(widget)

    def clear(self) -> None:
        self.tables = None
        self.error = None
        for label, view, _model in self.views:
            label.deleteLater()
            view.deleteLater()
        self.views = []

    def set_tables(self, tables: CategoryTables) -> None:
        self.clear()
        self.tables = tables
        for grid in tables.grids:
            label = QLabel(self.grids_widget)
            view = QTableView(self.grids_widget)
            model = CategoryTableModel(view)
            model.set_grid(grid, tables.threshold)
            view.setModel(model)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            view.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            view.setTabKeyNavigation(False)  # Tab goes on to the next control
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.resizeColumnsToContents()
            height = view.horizontalHeader().sizeHint().height()
            height += sum(view.rowHeight(r) for r in range(model.rowCount()))
            view.setFixedHeight(height + 2 * view.frameWidth() + 2)
            width = view.verticalHeader().sizeHint().width()
            width += sum(view.columnWidth(c) for c in range(model.columnCount()))
            view.setMaximumWidth(width + 2 * view.frameWidth() + 2)
            label.setBuddy(view)
            self.grids_layout.addWidget(label)
            self.grids_layout.addWidget(view)
            self.views.append((label, view, model))
        self.refresh()

    def _refresh_threshold_field(self, threshold: int | None) -> None:
        asked = self.page.threshold_asked()
        self.threshold_row.setVisible(asked)
        self.threshold_label.setText(self.tr("Minimum employees per table &cell"))
        self.threshold_edit.setAccessibleName(self.tr("Minimum employees per table cell"))
        self.threshold_edit.setPlaceholderText(self.tr("required"))
        if asked and threshold is None:
            self.threshold_message.show_message(
                "error",
                self.tr(
                    "%1 names no cell threshold. Fill in the minimum number of employees per "
                    "table cell to continue, for example 5 or 10."
                ).replace("%1", self.page.programme.office if self.page.programme else ""),
            )
        else:
            self.threshold_message.clear_message()

    def set_error(self, error: Exception) -> None:
        self.clear()
        self.error = error
        self.refresh()

    def refresh(self) -> None:
        locale = QLocale()
        tables = self.tables
        threshold = tables.threshold if tables else self.page.cell_threshold()
        by_sex = bool(tables and tables.grids and tables.grids[0].columns != (None,))
        self.heading.setText(self.tr("Table preview"))
        self._refresh_threshold_field(threshold)
        if threshold is None:
            self.hint.setText(
                self.tr(
                    "The programme names no minimum number of employees per table cell. Give "
                    "one to see the table preview: cells with fewer employees are hidden."
                )
            )
            self.legend.hide()
            self.verdict.clear_message()
            return
        if by_sex or (tables is None and self.page.sexes() is not None):
            hint = self.tr(
                "Employees per subgroup and sex, as the table could be published after your "
                "merges: cells of fewer than %1 employees are hidden."
            )
        else:
            hint = self.tr(
                "Employees per subgroup, as the table could be published after your merges: "
                "cells of fewer than %1 employees are hidden."
            )
        self.hint.setText(hint.replace("%1", locale.toString(threshold)))
        self.busy.retranslate()
        for (label, view, model), grid in zip(
            self.views, tables.grids if tables else (), strict=False
        ):
            label.setText(
                self.tr("%1 by sex").replace("%1", grid.header) if by_sex else grid.header
            )
            view.setAccessibleName(self.tr("Table preview of %1").replace("%1", grid.header))
            model.retranslate()
        mark = CategoryTableModel.mark()
        self.legend.setText(
            f'<b style="color:{PRIMARY_COLOUR}">{mark}</b> '
            + self.tr("fewer than %1 employees").replace("%1", locale.toString(threshold))
            + f'&nbsp;&nbsp;&nbsp; <b style="color:{SECONDARY_COLOUR}">{mark}</b> '
            + self.tr("hidden as well, so the other hidden cells cannot be worked out")
        )
        self.legend.setVisible(tables is not None)
        if self.error is not None:
            error = self.error
            text = error.render(self.page.language) if isinstance(error, AppError) else str(error)
            self.verdict.show_message(
                "error", self.tr("The table could not be computed: %1").replace("%1", text)
            )
        elif tables is None:
            self.verdict.clear_message()
        elif tables.passed:
            self.verdict.show_message(
                "ok",
                self.tr(
                    "Audit passed: no suppressed cell can be worked out from the published cells, "
                    "not even by an employee who is the only one in a hidden cell."
                ),
            )
        else:
            self.verdict.show_message(
                "error",
                self.tr(
                    "Audit failed: %1 suppressed cells can be worked out (too closely) from the "
                    "published cells."
                ).replace("%1", locale.toString(tables.failures)),
            )
