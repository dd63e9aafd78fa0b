"""Page 7: safe categories. Per chosen breakdown a bar chart of subgroup sizes with the programme's
minimum as a line, the subgroups below it, a one-click merge suggestion (with undo). Next waits
until every subgroup reaches the minimum. Chosen merges are kept in
``draft.categories.merges[header] = {label: merged label}`` (what the package builder applies).
A derived breakdown (age, year of entry) shows its bands and a band editor: the edges are kept in
``draft.categories.bands[breakdown id]``.

Below the charts, a preview of each breakdown × sex (after the merges) as a frequency table
protected with the programme's cell threshold (in a worker): suppressed cells marked, and the
audit's verdict. It is recomputed after every merge or undo; it does not decide Next.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from desktop_app.categories import (
    REMAINDER,
    Bands,
    bands_for,
    parse_edges,
    propose_merges,
    subgroup_sizes,
)
from desktop_app.categories.labels import (
    FieldNotMapped,
    category_labels,
    derived_date_field,
    included_rows,
    named_category_labels,
    source_labels,
)
from desktop_app.categories.subgroups import MERGE_JOINER, merged_names
from desktop_app.disclosure.preview import (
    CategoryTables,
    ThresholdMissing,
    cell_threshold,
    needs_chosen_threshold,
)
from desktop_app.errors import AppError
from desktop_app.mapping.model import derived_header, is_derived_header
from desktop_app.profiles import Programme
from desktop_app.ui.chart import SubgroupChart
from desktop_app.ui.jobs import category_tables_job
from desktop_app.ui.models import PRIMARY_COLOUR, SECONDARY_COLOUR, CategoryTableModel
from desktop_app.ui.pages.base import WorkerPage
from desktop_app.ui.widgets import (
    BusyBar,
    InlineMessage,
    ScrollArea,
    card,
    heading_label,
    hint_label,
    vbox,
)
from desktop_app.ui.workers import Worker
from desktop_app.validation import ValidationResult


def breakdown_labels(validation: ValidationResult, header: str) -> pd.Series:
    """The subgroup of every counted person, as the output file will carry it (missing: unknown):
    the core's :func:`desktop_app.categories.labels.source_labels`."""
    return source_labels(included_rows(validation.records, validation.included), header)


def derived_breakdown_labels(
    validation: ValidationResult,
    programme: Programme,
    breakdown_id: str,
    peildatum: dt.date,
    bands: Mapping | None,
) -> pd.Series | None:
    """The band of every counted person for a derived breakdown (age at the peildatum, year of
    entry), or None when the programme does not derive it or its date is not mapped. Raises
    ValueError on unusable band edges. The core's :func:`~desktop_app.categories.labels.category_labels`."""
    if derived_date_field(programme, breakdown_id) is None:
        return None
    records = included_rows(validation.records, validation.included)
    try:
        return category_labels(
            programme, records, derived_header(breakdown_id), peildatum, bands=bands
        )
    except FieldNotMapped:
        return None


def merged_sizes(labels: pd.Series, merges: Mapping[str, str]) -> dict[str, int]:
    return subgroup_sizes(labels.map(lambda v: merges.get(v, v)))


class BreakdownSection(QWidget):
    """One breakdown: heading, chart, what is too small, merge suggestion and undo."""

    def __init__(
        self,
        page: CategoriesPage,
        header: str,
        labels: pd.Series,
        derived: str | None = None,
    ) -> None:
        super().__init__()
        self.page = page
        self.header = header
        self.labels = labels
        self.derived = derived  # the breakdown id of a derived breakdown (age, entry_year)
        self.history: list[dict[str, str]] = []
        frame = card(self)
        vbox(self).addWidget(frame)
        layout = vbox(frame, margins=12, spacing=6)
        self.heading = heading_label("", frame)
        self.chart = SubgroupChart(frame)
        self.status = InlineMessage(frame)
        self.merged = hint_label("", frame)
        buttons = QHBoxLayout()
        self.strategy_label = QLabel(frame)
        self.strategy = QComboBox(frame)
        self.strategy_label.setBuddy(self.strategy)
        self.apply_button = QPushButton(frame)
        self.apply_button.clicked.connect(self.apply_suggestion)
        self.undo_button = QPushButton(frame)
        self.undo_button.clicked.connect(self.undo)
        buttons.addWidget(self.strategy_label)
        buttons.addWidget(self.strategy, 1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.undo_button)
        layout.addWidget(self.heading)
        self.bands_label = QLabel(frame)
        self.bands_edit = QLineEdit(frame)
        self.bands_label.setBuddy(self.bands_edit)
        self.bands_edit.editingFinished.connect(self.apply_edges)
        self.coarser = QComboBox(frame)
        self.coarser.activated.connect(self.apply_coarser)
        self.bands_message = InlineMessage(frame)
        if derived:
            band_row = QHBoxLayout()
            band_row.addWidget(self.bands_label)
            band_row.addWidget(self.bands_edit, 1)
            band_row.addWidget(self.coarser)
            layout.addLayout(band_row)
            layout.addWidget(self.bands_message)
            self.bands_edit.setText(", ".join(str(e) for e in self.current_bands().edges))
        else:
            for widget in (self.bands_label, self.bands_edit, self.coarser, self.bands_message):
                widget.hide()
        layout.addWidget(self.chart)
        layout.addWidget(self.status)
        layout.addWidget(self.merged)
        layout.addLayout(buttons)

    # -- state ----------------------------------------------------------------------------------

    @property
    def minimum(self) -> int | None:
        programme = self.page.programme
        return programme.thresholds.min_subgroup_size if programme else None

    @property
    def merges(self) -> dict[str, str]:
        return self.page.draft.categories.merges_of(self.header)

    def set_merges(self, merges: dict[str, str]) -> None:
        draft = self.page.draft
        draft.categories = draft.categories.with_merges(self.header, merges)
        self.page.wiz().autosave()

    @property
    def title(self) -> str:
        """The breakdown as the officer knows it: the column's name, or what a derived one is."""
        if self.derived == "age":
            return self.tr("Age (band at the reference date)")
        if self.derived == "entry_year":
            return self.tr("Year of entry (band)")
        return self.header

    def current_bands(self) -> Bands:
        stored = self.page.draft.categories.bands_json()
        try:
            return bands_for(str(self.derived), stored)
        except ValueError:
            return bands_for(str(self.derived))

    def set_edges(self, edges: tuple[int, ...]) -> None:
        """Keep the officer's band edges, recompute the bands and forget merges of old bands."""
        if self.derived is None:
            return
        draft = self.page.draft
        if draft.categories.bands.get(self.derived, self.current_bands().edges) == tuple(edges):
            return  # unchanged (focus left the field): keep the merges
        draft.categories = draft.categories.with_bands(self.derived, edges)
        labels = self.page.derived_labels(self.derived)
        if labels is not None:
            self.labels = labels
        self.history.clear()
        self.set_merges({})  # saves the draft
        self.bands_edit.setText(", ".join(str(e) for e in edges))
        self.refresh()
        self.page.merges_changed()

    def apply_edges(self) -> None:
        try:
            edges = parse_edges(self.bands_edit.text())
        except ValueError:
            self.bands_message.show_message(
                "error",
                self.tr("Type increasing whole numbers separated by commas, such as 35, 50."),
            )
            return
        self.bands_message.clear_message()
        self.set_edges(edges)

    def apply_coarser(self, index: int) -> None:
        edges = self.coarser.itemData(index)
        if edges:
            self.bands_message.clear_message()
            self.set_edges(tuple(edges))

    def sizes(self) -> dict[str, int]:
        return merged_sizes(self.labels, self.merges)

    def violations(self) -> list[tuple[str, int]]:
        minimum = self.minimum
        if not minimum:
            return []
        return sorted(
            ((label, size) for label, size in self.sizes().items() if size < minimum),
            key=lambda kv: (kv[1], kv[0]),
        )

    def suggestion(self) -> dict[str, str]:
        """Merges that make every subgroup reach the minimum, from the file's own subgroups."""
        strategy = self.strategy.currentData() or "sibling"
        plan = propose_merges(subgroup_sizes(self.labels), self.minimum or 0, strategy=strategy)
        return merged_names(plan.moves)

    # -- actions --------------------------------------------------------------------------------

    def apply_suggestion(self) -> None:
        suggestion = self.suggestion()
        self.history.append(self.merges)
        self.set_merges(suggestion)
        self.refresh()
        self.page.merges_changed()

    def undo(self) -> None:
        if not self.history:
            return
        self.set_merges(self.history.pop())
        self.refresh()
        self.page.merges_changed()

    # -- showing --------------------------------------------------------------------------------

    def refresh(self) -> None:
        locale = QLocale()
        minimum = self.minimum
        self.heading.setText(self.title)
        caption = self.tr("minimum %1").replace("%1", locale.toString(minimum)) if minimum else ""
        sizes = self.sizes()
        if self.derived:  # the bands in their own order (youngest first), not by label
            order = {label: i for i, label in enumerate(self.current_bands().labels())}
            sizes = dict(
                sorted(sizes.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
            )
            self._refresh_band_editor()
        self.chart.set_data(sizes, minimum, caption)
        self.chart.setAccessibleName(self.tr("Subgroup sizes of %1").replace("%1", self.title))
        violations = self.violations()
        if violations:
            listed = "\n".join(
                "• "
                + self.tr("%1: %2 employees")
                .replace("%1", label)
                .replace("%2", locale.toString(size))
                for label, size in violations
            )
            self.status.show_message(
                "error",
                self.tr("%1 subgroups are smaller than %2:")
                .replace("%1", str(len(violations)))
                .replace("%2", locale.toString(minimum))
                + "\n"
                + listed,
            )
        else:
            self.status.show_message(
                "ok",
                self.tr("Every subgroup has at least %1 employees.").replace(
                    "%1", locale.toString(minimum or 0)
                ),
            )
        merges = self.merges
        groups: dict[str, list[str]] = {}
        for label, target in merges.items():
            groups.setdefault(target, []).append(label)
        if groups:
            lines = []
            for target, members in sorted(groups.items()):
                size = locale.toString(sizes.get(target, 0))
                if target == MERGE_JOINER.join(sorted(members)):
                    lines.append(self.tr("• %1 (%2)").replace("%1", target).replace("%2", size))
                else:  # a group with a name of its own ("overig"): say who is in it
                    lines.append(
                        self.tr("• %1 (%2): %3")
                        .replace("%1", target)
                        .replace("%2", size)
                        .replace("%3", ", ".join(sorted(members)))
                    )
            self.merged.setText(self.tr("Merged subgroups:") + "\n" + "\n".join(lines))
            self.merged.show()
        else:
            self.merged.hide()
        self.strategy_label.setText(self.tr("Merge &into"))
        current = self.strategy.currentIndex()
        self.strategy.blockSignals(True)
        self.strategy.clear()
        self.strategy.addItem(self.tr("the smallest other subgroup"), "sibling")
        self.strategy.addItem(self.tr("one group “%1”").replace("%1", REMAINDER), "remainder")
        self.strategy.setCurrentIndex(max(current, 0))
        self.strategy.blockSignals(False)
        self.strategy.setAccessibleName(
            self.tr("How to merge small subgroups of %1").replace("%1", self.title)
        )
        self.apply_button.setText(self.tr("&Apply merge suggestion"))
        self.apply_button.setAccessibleName(
            self.tr("Apply merge suggestion for %1").replace("%1", self.title)
        )
        self.apply_button.setEnabled(bool(violations))
        self.undo_button.setText(self.tr("&Undo"))
        self.undo_button.setAccessibleName(
            self.tr("Undo the last merge of %1").replace("%1", self.title)
        )
        self.undo_button.setEnabled(bool(self.history))
        show_tools = bool(minimum) and (bool(violations) or bool(self.history) or bool(merges))
        for widget in (self.strategy_label, self.strategy, self.apply_button, self.undo_button):
            widget.setVisible(show_tools)

    def _refresh_band_editor(self) -> None:
        self.bands_label.setText(self.tr("Band &edges"))
        self.bands_edit.setToolTip(
            self.tr("The lowest value of every band after the first, such as 35, 50.")
        )
        self.bands_edit.setAccessibleName(self.tr("Band edges of %1").replace("%1", self.title))
        self.coarser.blockSignals(True)
        self.coarser.clear()
        self.coarser.addItem(self.tr("Merge two neighbouring bands…"), None)
        for coarser in self.current_bands().coarser():
            self.coarser.addItem(", ".join(coarser.labels()[:-1]), list(coarser.edges))
        self.coarser.setCurrentIndex(0)
        self.coarser.setEnabled(self.coarser.count() > 1)
        self.coarser.blockSignals(False)
        self.coarser.setAccessibleName(
            self.tr("Merge two neighbouring bands of %1").replace("%1", self.title)
        )


class TablePreview(QWidget):
    """The protected frequency tables (one view per breakdown), a legend and the audit's verdict."""

    def __init__(self, page: CategoriesPage, parent: QWidget) -> None:
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


class CategoriesPage(WorkerPage):
    def __init__(self) -> None:
        super().__init__()
        content = QWidget()
        self.content_layout = vbox(content, spacing=12)
        self.intro = hint_label("", content)
        self.status = InlineMessage(content)
        self.sections_widget = QWidget(content)
        self.sections_layout = vbox(self.sections_widget, spacing=10)
        self.sections: list[BreakdownSection] = []
        self.preview = TablePreview(self, content)
        self.busy = self.preview.busy
        self.content_layout.addWidget(self.intro)
        self.content_layout.addWidget(self.status)
        self.content_layout.addWidget(self.sections_widget)
        self.content_layout.addWidget(self.preview)
        self.content_layout.addStretch(1)
        vbox(self).addWidget(ScrollArea(content, self))

    def load(self) -> None:
        for section in self.sections:
            section.deleteLater()
        self.sections = []
        result = self.session.validation
        breakdowns = self.draft.breakdowns if self.wiz().uses_file() else ()
        if result is None:
            return
        for header in breakdowns:
            if is_derived_header(header):
                derived = header[1:]
                labels = self.derived_labels(derived)
                if labels is None:
                    continue
                section = BreakdownSection(self, header, labels, derived)
                self.sections_layout.addWidget(section)
                self.sections.append(section)
                continue
            if f"breakdown:{header}" not in result.records.columns:
                continue
            section = BreakdownSection(self, header, breakdown_labels(result, header))
            self.sections_layout.addWidget(section)
            self.sections.append(section)
        self._run_preview()

    def derived_labels(self, breakdown_id: str) -> pd.Series | None:
        """The bands of a derived breakdown with the draft's edges (defaults if unusable)."""
        result, programme = self.session.validation, self.programme
        if result is None or programme is None:
            return None
        stored = self.draft.categories.bands_json() or None
        peildatum = self.draft.peildatum or dt.date.today()
        try:
            return derived_breakdown_labels(result, programme, breakdown_id, peildatum, stored)
        except ValueError:
            return derived_breakdown_labels(result, programme, breakdown_id, peildatum, None)

    # -- the table preview ----------------------------------------------------------------------

    def threshold_asked(self) -> bool:
        """Whether the officer must give the cell threshold (the profile names none)."""
        programme = self.programme
        return programme is not None and needs_chosen_threshold(programme)

    def chosen_threshold(self) -> int | None:
        """The officer's cell threshold kept in the draft (only where the profile names none)."""
        return self.draft.categories.cell_threshold

    def cell_threshold(self) -> int | None:
        """The core's rule (:func:`desktop_app.disclosure.preview.cell_threshold`): the profile's
        threshold, else the officer's; None while the officer has not given the one asked for."""
        programme = self.programme
        if programme is None:
            return None
        try:
            return cell_threshold(
                programme, self.chosen_threshold() if self.threshold_asked() else None
            )
        except ThresholdMissing:
            return None

    def threshold_edited(self) -> None:
        text = self.preview.threshold_edit.text().strip()
        value = int(text) if text.isdigit() and int(text) >= 1 else None
        if value == self.chosen_threshold():
            return
        self.draft.categories = self.draft.categories.with_cell_threshold(value)
        self.wiz().autosave()
        self.merges_changed()

    def sexes(self) -> pd.Series | None:
        """The mapped sex of every counted person (missing: unknown), or None when not mapped."""
        result, programme = self.session.validation, self.programme
        if result is None or programme is None or "sex" not in result.records.columns:
            return None
        records = included_rows(result.records, result.included)
        peildatum = self.draft.peildatum or dt.date.today()
        return named_category_labels(programme, records, "sex", peildatum).map(str)

    def merges_changed(self) -> None:
        self.changed()
        self._run_preview()

    def _run_preview(self) -> None:
        self.cancel()
        self.preview.clear()
        if not self.sections:
            self.preview.hide()
            return
        self.preview.show()
        threshold = self.cell_threshold()
        chosen = self.chosen_threshold()
        self.preview.threshold_edit.setText(str(chosen) if chosen is not None else "")
        if threshold is None:  # asked of the officer, not given yet: no threshold is invented
            self.preview.refresh()
            return
        labels = {s.title: s.labels.map(lambda v, m=s.merges: m.get(v, v)) for s in self.sections}
        worker = Worker(category_tables_job, labels, self.sexes(), threshold)
        self.start_job(
            worker,
            self.tr("Protecting the table…"),
            lambda tables, w=worker: self._preview_done(w, tables),
            lambda error, w=worker: self._preview_failed(w, error),
        )
        self.preview.refresh()

    def _preview_done(self, worker: Worker, tables: CategoryTables) -> None:
        if worker is self._worker:  # not a result that a newer job replaces
            self.preview.set_tables(tables)

    def _preview_failed(self, worker: Worker, error: Exception) -> None:
        if worker is self._worker:
            self.preview.set_error(error)

    def nextId(self) -> int:
        from desktop_app.ui.routes import PageId

        return PageId.REVIEW

    def blocking(self) -> list[BreakdownSection]:
        return [s for s in self.sections if s.violations()]

    def isComplete(self) -> bool:
        if self.wizard() is None:
            return False
        if self.sections and self.cell_threshold() is None:
            return False  # the programme names no cell threshold and the officer gave none
        return not self.blocking()

    def changed(self) -> None:
        self._show_status()
        super().changed()

    def _show_status(self) -> None:
        if self.wizard() is None:
            return
        programme = self.programme
        minimum = programme.thresholds.min_subgroup_size if programme else None
        locale = QLocale()
        if not self.wiz().uses_file():
            self.status.show_message(
                "ok",
                self.tr(
                    "No staff file is needed for this programme. Your choices are saved as a draft."
                ),
            )
        elif not self.sections:
            self.status.show_message(
                "info", self.tr("You chose no breakdowns: there are no subgroups to check.")
            )
        elif blocking := self.blocking():
            self.status.show_message(
                "error",
                self.tr(
                    "%1 needs at least %2 employees in every subgroup, otherwise colleagues in a "
                    "small group could be recognised. Merge the small subgroups of “%3” to continue."
                )
                .replace("%1", programme.office if programme else "")
                .replace("%2", locale.toString(minimum or 0))
                .replace("%3", ", ".join(s.title for s in blocking)),
            )
        else:
            self.status.show_message(
                "ok", self.tr("Every subgroup is large enough. You can continue.")
            )

    def retranslate(self) -> None:
        self.setTitle(self.tr("Safe categories"))
        self.setSubTitle(
            self.tr("Small subgroups are merged so that no colleague can be recognised in them.")
        )
        if self.wizard() is None:
            return
        programme = self.programme
        minimum = programme.thresholds.min_subgroup_size if programme else None
        if minimum:
            self.intro.setText(
                self.tr(
                    "The programme asks at least %1 employees per subgroup. The dashed line marks "
                    "that minimum; red bars are below it."
                ).replace("%1", QLocale().toString(minimum))
            )
        else:
            self.intro.setText(self.tr("Employees counted per subgroup."))
        for section in self.sections:
            section.refresh()
        self.preview.refresh()
        self._show_status()
