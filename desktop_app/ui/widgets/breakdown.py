"""One breakdown on the categories page: its subgroup chart against the programme's minimum, the
subgroups below it, the merge suggestion (with undo) and, for a derived breakdown, the band editor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
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
    source_labels,
)
from desktop_app.categories.subgroups import MERGE_JOINER, merged_names
from desktop_app.mapping.model import derived_header
from desktop_app.profiles import Programme
from desktop_app.ui.chart import SubgroupChart
from desktop_app.ui.pages.base import WorkerPage
from desktop_app.ui.widgets import (
    InlineMessage,
    card,
    heading_label,
    hint_label,
    vbox,
)
from desktop_app.ui.widgets.flow_layout import FlowLayout
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
        page: WorkerPage,
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
        buttons = FlowLayout()
        self.strategy_label = QLabel(frame)
        self.strategy = QComboBox(frame)
        self.strategy_label.setBuddy(self.strategy)
        self.apply_button = QPushButton(frame)
        self.apply_button.clicked.connect(self.apply_suggestion)
        self.undo_button = QPushButton(frame)
        self.undo_button.clicked.connect(self.undo)
        # The way to merge on its own row, the buttons below it continuing on a next line when
        # narrow: side by side they made the page wider than the window in French or at 200%.
        strategy_row = QHBoxLayout()
        strategy_row.addWidget(self.strategy_label)
        strategy_row.addWidget(self.strategy, 1)
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
        layout.addLayout(strategy_row)
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
