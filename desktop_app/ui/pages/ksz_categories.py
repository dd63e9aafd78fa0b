"""KSZ step 3, the data in categories: age bands (a choice of bands or own edges from the profile's
reference edges), the origin grouping (the profile's schemes), the own categories from the staff
file (the breakdowns chosen on the columns page) or the head count, and the crossing check: per
requested table the expected smallest cell against the threshold, with the core's proposals one
click away (applying one changes the grouping, the age bands and/or merges own categories; Undo
takes it back). The check runs in a worker; Next waits until every crossing passes."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QWidget,
)

from desktop_app.categories.derived import parse_edges
from desktop_app.ksz import steps
from desktop_app.ksz.choices import read_choices, update_choices
from desktop_app.ksz.crossing import Proposal
from desktop_app.ksz.merges import Snapshot, apply_to_draft, restore
from desktop_app.ksz.steps import CrossingOutcome
from desktop_app.ui.jobs.crossing import crossing_job
from desktop_app.ui.pages.base import WorkerPage
from desktop_app.ui.widgets import (
    ScrollArea,
    hint_label,
    vbox,
)
from desktop_app.ui.widgets.crossing_view import CrossingPanel, CrossingView
from desktop_app.ui.widgets.ksz_choices import KszChoices
from desktop_app.ui.workers import Worker

DEBOUNCE_MS = 150


class KszCategoriesPage(WorkerPage):
    def __init__(self) -> None:
        super().__init__()
        self._loading = False
        self._worker: Worker | None = None
        self._error: Exception | None = None
        self.outcome: CrossingOutcome | None = None
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

        self.choices = KszChoices(
            content,
            layout,
            preset_chosen=self._preset_chosen,
            edges_edited=self._edges_edited,
            origin_chosen=self._origin_chosen,
            count_changed=self._count_changed,
        )
        choices = self.choices
        self.age_card, self.age_choice, self.edges = (
            choices.age_card,
            choices.age_choice,
            choices.edges,
        )
        self.edges_message, self.origin_card, self.origin = (
            choices.edges_message,
            choices.origin_card,
            choices.origin,
        )
        self.own_text, self.count, self.count_widget = (
            choices.own_text,
            choices.count,
            choices.count_widget,
        )
        self.panel = CrossingPanel(self, content)
        self.panel.undo_button.clicked.connect(self.undo)
        self.check_card = self.panel.card
        self.busy, self.status, self.undo_button = (
            self.panel.busy,
            self.panel.status,
            self.panel.undo_button,
        )
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

    @property
    def views(self) -> list[CrossingView]:
        return self.panel.views

    def _done(self, outcome: CrossingOutcome) -> None:
        self.outcome = outcome
        self.panel.show_outcome(outcome)

    def _failed(self, error: Exception) -> None:
        self._error = error
        self.outcome = None

    def _clear_views(self) -> None:
        self.panel.clear()

    # -- showing ------------------------------------------------------------------------------------

    def active(self) -> bool:
        """Whether this run is the KSZ route (language changes reach every page)."""
        return self.wizard() is not None and self.wiz().is_ksz()

    def _show_choices(self) -> None:
        if not self.active():
            return
        programme = self.programme
        choices = read_choices(self.draft)
        self.choices.show_presets(programme, choices.edges(programme))
        self.choices.show_origin(programme, choices.origin(programme), self.language)
        checked = self.session.validation is not None
        staff = self.staff() if self.draft.has_file else None
        self.choices.show_own(self.draft.has_file, checked, staff)

    def _show_status(self) -> None:
        if not self.active():
            return
        checkable = self._error is None and self.edges_valid  # else the staff do not matter
        self.panel.show_status(
            error=self._error,
            edges_valid=self.edges_valid,
            staff_count=len(self.staff()) if checkable else 0,
            has_file=self.draft.has_file,
            outcome=self.outcome,
            can_undo=bool(self.history),
        )

    def retranslate(self) -> None:
        self.setTitle(self.tr("The requested data in categories"))
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
        active = self.active()
        self.choices.retranslate(self.programme if active else None)
        self.panel.retranslate(self.programme if active else None, self.language)
        if not active:
            return
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
