"""KSZ step 3, the data in categories: age bands (a choice of bands or own edges from the profile's
reference edges), the origin grouping (the profile's schemes), the own categories from the staff
file (the breakdowns chosen on the columns page) or the head count, and the crossing check: per
requested table the expected smallest cell against the threshold, with the core's proposals one
click away (applying one changes the grouping, the age bands and/or merges own categories; Undo
takes it back). The check runs in a worker; Next waits until every crossing passes."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop_app.categories import Bands, subgroup_sizes
from desktop_app.categories.derived import parse_edges
from desktop_app.errors import AppError
from desktop_app.ksz import steps
from desktop_app.ksz.choices import origin_schemes, read_choices, update_choices
from desktop_app.ksz.crossing import Crossing, Proposal
from desktop_app.ksz.merges import Snapshot, apply_to_draft, restore
from desktop_app.ksz.steps import CrossingOutcome
from desktop_app.ui.jobs.crossing import crossing_job
from desktop_app.ui.pages.base import WorkerPage
from desktop_app.ui.widgets import (
    BusyBar,
    InlineMessage,
    ScrollArea,
    card,
    heading_label,
    hint_label,
    titled_card,
    vbox,
)
from desktop_app.ui.widgets.crossing_view import CrossingView
from desktop_app.ui.workers import Worker

MAX_STAFF = 1_000_000
DEBOUNCE_MS = 150
# Choices of age bands offered besides the profile's default; all use the reference edges.
AGE_PRESETS = ((25, 35, 45, 55), (30, 40, 50, 60), (35, 55), (45,))


class KszCategoriesPage(WorkerPage):
    def __init__(self) -> None:  # noqa: PLR0915 (widget layout)
        super().__init__()
        self._loading = False
        self._worker: Worker | None = None
        self._error: Exception | None = None
        self.outcome: CrossingOutcome | None = None
        self.views: list[CrossingView] = []
        self.history: list[Snapshot] = []
        self.edges_valid = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._run)

        content = QWidget()
        layout = vbox(content, spacing=12)
        self.intro = hint_label("", content)
        layout.addWidget(self.intro)

        self.age_card, age, self.age_heading = titled_card(content)
        form = QFormLayout()
        self.age_choice_label = QLabel(self.age_card)
        self.age_choice = QComboBox(self.age_card)
        self.age_choice.setMaximumWidth(420)
        self.age_choice.activated.connect(self._preset_chosen)
        self.age_choice_label.setBuddy(self.age_choice)
        self.edges_label = QLabel(self.age_card)
        self.edges = QLineEdit(self.age_card)
        self.edges.setMaximumWidth(260)
        self.edges.textEdited.connect(self._edges_edited)
        self.edges_label.setBuddy(self.edges)
        form.addRow(self.age_choice_label, self.age_choice)
        form.addRow(self.edges_label, self.edges)
        self.edges_hint = hint_label("", self.age_card)
        self.edges_message = InlineMessage(self.age_card)
        age.addLayout(form)
        age.addWidget(self.edges_hint)
        age.addWidget(self.edges_message)
        layout.addWidget(self.age_card)

        self.origin_card, origin, self.origin_heading = titled_card(content)
        origin_row = QFormLayout()
        self.origin_label = QLabel(self.origin_card)
        self.origin = QComboBox(self.origin_card)
        self.origin.setMaximumWidth(560)
        self.origin.activated.connect(self._origin_chosen)
        self.origin_label.setBuddy(self.origin)
        origin_row.addRow(self.origin_label, self.origin)
        self.origin_groups = hint_label("", self.origin_card)
        origin.addLayout(origin_row)
        origin.addWidget(self.origin_groups)
        layout.addWidget(self.origin_card)

        self.own_card, own, self.own_heading = titled_card(content)
        self.own_text = hint_label("", self.own_card)
        count_row = QFormLayout()
        self.count_label = QLabel(self.own_card)
        self.count = QSpinBox(self.own_card)
        self.count.setRange(0, MAX_STAFF)
        self.count.setGroupSeparatorShown(True)
        self.count.setSpecialValueText("–")
        self.count.setMaximumWidth(160)
        self.count.valueChanged.connect(self._count_changed)
        self.count_label.setBuddy(self.count)
        count_row.addRow(self.count_label, self.count)
        self.count_widget = QWidget(self.own_card)
        self.count_widget.setLayout(count_row)
        own.addWidget(self.own_text)
        own.addWidget(self.count_widget)
        layout.addWidget(self.own_card)

        self.check_card = card(content)
        check = vbox(self.check_card, margins=12, spacing=8)
        self.check_heading = heading_label("", self.check_card)
        self.check_hint = hint_label("", self.check_card)
        self.busy = BusyBar(self.check_card)
        self.busy.cancel_requested.connect(self.cancel)
        self.status = InlineMessage(self.check_card)
        self.views_widget = QWidget(self.check_card)
        self.views_layout = vbox(self.views_widget, spacing=12)
        undo_row = QHBoxLayout()
        self.undo_button = QPushButton(self.check_card)
        self.undo_button.clicked.connect(self.undo)
        undo_row.addStretch(1)
        undo_row.addWidget(self.undo_button)
        self.source = hint_label("", self.check_card)
        check.addWidget(self.check_heading)
        check.addWidget(self.check_hint)
        check.addWidget(self.busy)
        check.addWidget(self.status)
        check.addWidget(self.views_widget)
        check.addLayout(undo_row)
        check.addWidget(self.source)
        layout.addWidget(self.check_card)
        layout.addStretch(1)
        vbox(self).addWidget(ScrollArea(content, self))

    # -- draft -> widgets -------------------------------------------------------------------------

    def load(self) -> None:
        self._loading = True
        choices = read_choices(self.draft)
        chosen = choices.requested()
        self.age_card.setVisible("age" in chosen)
        self.origin_card.setVisible("origin" in chosen)
        self.edges.setText(", ".join(str(e) for e in choices.edges(self.programme)))
        self.edges_valid = True
        self.edges_message.clear_message()
        self.count.setValue(choices.staff_count or 0)
        self.count_widget.setVisible(not self.draft.has_file)
        self._loading = False
        self.history = []
        self.refresh()

    def refresh(self) -> None:
        """Show the choices and check the crossings again (shortly: typing is not held up)."""
        self.outcome = None
        self._clear_views()
        self._timer.start()
        self.changed()

    # -- officer's changes ------------------------------------------------------------------------

    def _preset_chosen(self, index: int) -> None:
        edges = self.age_choice.itemData(index)
        if edges:
            self.edges.setText(", ".join(str(e) for e in edges))
            self._edges_edited(self.edges.text())

    def _edges_edited(self, text: str) -> None:
        if self.wizard() is None or self._loading:
            return
        problem = self.edges_problem(text)
        self.edges_valid = problem is None
        if problem:
            self.edges_message.show_message("error", problem)
            self.outcome = None
            self._clear_views()
            self.changed()
            return
        self.edges_message.clear_message()
        update_choices(self.draft, age_edges=parse_edges(text))
        self._show_choices()
        self.refresh()

    def edges_problem(self, text: str) -> str | None:
        problem = steps.edges_problem(text, self.programme)
        return problem.render(self.language) if problem is not None else None

    def _origin_chosen(self, index: int) -> None:
        scheme = self.origin.itemData(index)
        if scheme and self.wizard() is not None:
            update_choices(self.draft, origin_scheme=scheme)
            self._show_choices()
            self.refresh()

    def _count_changed(self, value: int) -> None:
        if self.wizard() is None or self._loading:
            return
        update_choices(self.draft, staff_count=value)
        self.refresh()

    def apply_proposal(self, proposal: Proposal) -> None:
        """Take over the proposal's grouping, age bands and merges of own categories."""
        self.history.append(apply_to_draft(self.draft, proposal, self.programme))
        self.wiz().autosave()
        self._reload_choices()

    def undo(self) -> None:
        if not self.history:
            return
        restore(self.draft, self.history.pop())
        self.wiz().autosave()
        self._reload_choices()

    def _reload_choices(self) -> None:
        self._loading = True
        self.edges.setText(
            ", ".join(str(e) for e in read_choices(self.draft).edges(self.programme))
        )
        self.edges_valid = True
        self.edges_message.clear_message()
        self._loading = False
        self._show_choices()
        self.refresh()

    # -- the check in a worker ----------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return super().running or self._timer.isActive()

    def staff(self) -> pd.DataFrame:
        return steps.staff_table(self.draft, self.session.validation)

    def _run(self) -> None:
        if not self.active():
            return
        self.cancel()
        self._error = None
        if not self.edges_valid:
            return
        staff = self.staff()
        crossings = steps.crossings(read_choices(self.draft), self.programme, tuple(staff.columns))
        self._show_choices()
        if len(staff) == 0 or not crossings:
            self._show_status()
            self.changed()
            return
        worker = Worker(crossing_job, staff, crossings, self.programme)
        self.start_job(worker, self.tr("Checking the crossings…"), self._done, self._failed)
        self.changed()

    def job_stopped(self, cancelled: bool) -> None:
        if not cancelled:
            self._show_status()
            self.changed()

    def _done(self, outcome: CrossingOutcome) -> None:
        self.outcome = outcome
        self._clear_views()
        for result, proposals in zip(outcome.results, outcome.proposals, strict=True):
            view = CrossingView(self, result, proposals)
            view.retranslate()
            self.views_layout.addWidget(view)
            view.show()  # now, not at the next turn of the event loop
            self.views.append(view)

    def _failed(self, error: Exception) -> None:
        self._error = error
        self.outcome = None

    def _clear_views(self) -> None:
        for view in self.views:
            view.hide()
            view.deleteLater()
        self.views = []

    # -- showing ------------------------------------------------------------------------------------

    def describe(self, crossing: Crossing) -> str:
        parts = list(crossing.own) or [self.tr("Whole organisation")]
        names = {
            "origin": self.tr("origin"),
            "sex": self.tr("sex"),
            "work_regime": self.tr("work regime"),
        }
        settings = self.programme.crossing
        for scheme_id in crossing.schemes:
            parts.append(names.get(settings.scheme(scheme_id).characteristic, scheme_id))
        if crossing.age_bands is not None:
            parts.append(self.tr("age"))
        return " × ".join(parts)

    def describe_cell(self, crossing: Crossing, cell: tuple[str, ...]) -> str:
        """The smallest cell in words: own labels, then group labels, then the age band."""
        settings = self.programme.crossing
        language = self.language
        own = len(crossing.own)
        parts = list(cell[:own])
        for scheme_id, code in zip(crossing.schemes, cell[own:], strict=False):
            labels = {g.code: g.label.get(language) for g in settings.scheme(scheme_id).groups}
            parts.append(labels.get(code, code))
        rest = cell[own + len(crossing.schemes) :]
        parts.extend(rest)
        return " / ".join(parts) if parts else self.tr("everyone")

    def active(self) -> bool:
        """Whether this run is the KSZ route (language changes reach every page)."""
        return self.wizard() is not None and self.wiz().is_ksz()

    def _show_choices(self) -> None:
        if not self.active():
            return
        programme = self.programme
        settings = programme.crossing
        language = self.language
        choices = read_choices(self.draft)
        # age presets
        edges = choices.edges(programme)
        presets = steps.age_presets(programme, AGE_PRESETS)
        self.age_choice.blockSignals(True)
        self.age_choice.clear()
        for preset in presets:
            self.age_choice.addItem(", ".join(Bands(preset).labels()[:-1]), list(preset))
        self.age_choice.addItem(self.tr("Own edges (type them below)"), None)
        current = presets.index(edges) if edges in presets else len(presets)
        self.age_choice.setCurrentIndex(current)
        self.age_choice.blockSignals(False)
        # origin schemes
        scheme_id = choices.origin(programme)
        self.origin.blockSignals(True)
        self.origin.clear()
        for candidate in origin_schemes(programme):
            self.origin.addItem(settings.scheme(candidate).label.get(language), candidate)
        self.origin.setCurrentIndex(max(self.origin.findData(scheme_id), 0))
        self.origin.blockSignals(False)
        scheme = settings.scheme(scheme_id)
        groups = "; ".join(g.label.get(language) for g in scheme.groups)
        self.origin_groups.setText(
            scheme.definition.get(language) + "\n" + self.tr("Groups: %1.").replace("%1", groups)
        )
        # own categories
        if self.draft.has_file:
            staff = self.staff()
            if self.session.validation is None:
                self.own_text.setText(
                    self.tr("The staff file has not been checked yet: go back to the checks.")
                )
            elif not len(staff.columns):
                self.own_text.setText(
                    self.tr(
                        "No own categories chosen: on the Columns page, tick the department "
                        "and function level columns as breakdowns. The tables then cover the "
                        "whole organisation (%1 people)."
                    ).replace("%1", QLocale().toString(len(staff)))
                )
            else:
                lines = []
                for column in staff.columns:
                    sizes = subgroup_sizes(staff[column])
                    listed = ", ".join(
                        f"{label} ({QLocale().toString(n)})" for label, n in sizes.items()
                    )
                    lines.append(
                        self.tr("%1: %2 groups: %3")
                        .replace("%1", str(column))
                        .replace("%2", str(len(sizes)))
                        .replace("%3", listed)
                    )
                self.own_text.setText("\n".join(lines))
        else:
            self.own_text.setText(
                self.tr(
                    "You send no own data, so the tables cover the whole organisation. How many "
                    "people does it employ? The check needs the number to predict the cells."
                )
            )

    def _show_status(self) -> None:
        if not self.active():
            return
        threshold = QLocale().toString(self.programme.thresholds.cell_threshold)
        if self._error is not None:
            error = self._error
            text = error.render(self.language) if isinstance(error, AppError) else str(error)
            self.status.show_message("error", text)
        elif not self.edges_valid:
            self.status.show_message("error", self.tr("Correct the age bands first."))
        elif len(self.staff()) == 0:
            self.status.show_message(
                "info",
                self.tr("Enter the number of staff to check the crossings.")
                if not self.draft.has_file
                else self.tr("The staff file has not been checked yet: go back to the checks."),
            )
        elif self.outcome is None:
            self.status.clear_message()
        elif failing := self.outcome.failing:
            self.status.show_message(
                "error",
                self.tr(
                    "%1 of the %2 requested tables would have cells with fewer than %3 people. "
                    "Apply a proposal or choose coarser categories to continue."
                )
                .replace("%1", str(failing))
                .replace("%2", str(len(self.outcome.results)))
                .replace("%3", threshold),
            )
        else:
            self.status.show_message(
                "ok",
                self.tr(
                    "Every requested table is expected to have at least %1 people per cell. "
                    "You can continue."
                ).replace("%1", threshold),
            )
        self.undo_button.setEnabled(bool(self.history))
        self.undo_button.setVisible(bool(self.history))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Step 3 of the KSZ request: the data in categories"))
        self.setSubTitle(
            self.tr(
                "To guarantee anonymity, the KSZ sends data in categories only, sized so that no "
                "crossing gives too small counts."
            )
        )
        self.intro.setText(
            self.tr(
                "Choose the age bands and origin groups. The assistant predicts the smallest "
                "cell of every requested table from your staff numbers and proposes coarser "
                "categories where it is too small. You can discuss this with the KSZ or Unia."
            )
        )
        self.age_heading.setText(self.tr("Age bands"))
        self.age_choice_label.setText(self.tr("&Bands"))
        self.edges_label.setText(self.tr("&Lower ages of the bands"))
        self.edges.setAccessibleName(self.tr("Lower ages of the bands"))
        self.origin_heading.setText(self.tr("Origin groups"))
        self.origin_label.setText(self.tr("&Grouping"))
        self.own_heading.setText(self.tr("Own categories"))
        self.count_label.setText(self.tr("&Number of staff"))
        self.count.setAccessibleName(self.tr("Number of staff"))
        self.check_heading.setText(self.tr("Crossing check"))
        self.undo_button.setText(self.tr("&Undo the last proposal"))
        self.busy.retranslate()
        if not self.active():
            return
        settings = self.programme.crossing
        if settings and settings.age:
            self.edges_hint.setText(
                self.tr(
                    "Each number starts a band; the first band holds everyone younger. The "
                    "reference figures allow: %1."
                ).replace("%1", ", ".join(str(e) for e in settings.age.edges))
            )
        self.check_hint.setText(
            self.tr(
                "Per requested table: the smallest cell the KSZ's tables are expected to have, "
                "against the minimum of %1 people. A prediction from reference shares, not a "
                "guarantee."
            ).replace("%1", QLocale().toString(self.programme.thresholds.cell_threshold))
        )
        if settings:
            self.source.setText(
                self.tr("Reference figures (version %1): %2")
                .replace("%1", settings.version)
                .replace("%2", settings.source.get(self.language))
            )
        self._show_choices()
        for view in self.views:
            view.retranslate()
        self._show_status()

    def isComplete(self) -> bool:
        if self.wizard() is None or self.running or self.outcome is None:
            return False
        if not self.edges_valid or not self.outcome.results:
            return False
        return self.outcome.passes
