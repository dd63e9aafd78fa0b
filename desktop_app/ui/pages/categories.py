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

import pandas as pd
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QWidget,
)

from desktop_app.categories.labels import (
    included_rows,
    named_category_labels,
)
from desktop_app.disclosure.preview import (
    CategoryTables,
    ThresholdMissing,
    cell_threshold,
    needs_chosen_threshold,
)
from desktop_app.mapping.model import is_derived_header
from desktop_app.ui.jobs import category_tables_job
from desktop_app.ui.pages.base import WorkerPage
from desktop_app.ui.widgets import (
    InlineMessage,
    ScrollArea,
    hint_label,
    vbox,
)
from desktop_app.ui.widgets.breakdown import (
    BreakdownSection,
    breakdown_labels,
    derived_breakdown_labels,
)
from desktop_app.ui.widgets.table_preview import TablePreview
from desktop_app.ui.workers import Worker


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
