"""The crossing check of the KSZ categories page: per requested table its verdict and the
proposals that make it pass (CrossingView), in the check card with its status and undo
(CrossingPanel; its strings keep the page's translation context, "KszCategoriesPage")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.ksz.crossing import Crossing, CrossingResult, Proposal
from desktop_app.ksz.steps import CrossingOutcome
from desktop_app.profiles import Programme
from desktop_app.ui.pages.base import WorkerPage
from desktop_app.ui.widgets import (
    BusyBar,
    InlineMessage,
    card,
    heading_label,
    hint_label,
    vbox,
)


def people(expected: float) -> str:
    """An expected number of people: one decimal; below one two significant digits (0.0028 is
    not 0.0)."""
    if expected >= 1 or expected == 0:
        return QLocale().toString(expected, "f", 1)
    return QLocale().toString(expected, "g", 2)


def describe(programme: Programme, crossing: Crossing) -> str:
    """A requested table in words: its own categories, the characteristics, age."""
    parts = list(crossing.own) or [
        QCoreApplication.translate("KszCategoriesPage", "Whole organisation")
    ]
    names = {
        "origin": QCoreApplication.translate("KszCategoriesPage", "origin"),
        "sex": QCoreApplication.translate("KszCategoriesPage", "sex"),
        "work_regime": QCoreApplication.translate("KszCategoriesPage", "work regime"),
    }
    settings = programme.crossing
    for scheme_id in crossing.schemes:
        parts.append(names.get(settings.scheme(scheme_id).characteristic, scheme_id))
    if crossing.age_bands is not None:
        parts.append(QCoreApplication.translate("KszCategoriesPage", "age"))
    return " × ".join(parts)


def describe_cell(
    programme: Programme, language: str, crossing: Crossing, cell: tuple[str, ...]
) -> str:
    """The smallest cell in words: own labels, then group labels, then the age band."""
    settings = programme.crossing
    own = len(crossing.own)
    parts = list(cell[:own])
    for scheme_id, code in zip(crossing.schemes, cell[own:], strict=False):
        labels = {g.code: g.label.get(language) for g in settings.scheme(scheme_id).groups}
        parts.append(labels.get(code, code))
    rest = cell[own + len(crossing.schemes) :]
    parts.extend(rest)
    return (
        " / ".join(parts) if parts else QCoreApplication.translate("KszCategoriesPage", "everyone")
    )


class CrossingView(QWidget):
    """One requested table: its verdict and the proposals that make it pass."""

    def __init__(self, page: WorkerPage, result: CrossingResult, proposals) -> None:
        super().__init__()
        self.page = page
        self.result = result
        self.proposals: tuple[Proposal, ...] = proposals
        layout = vbox(self, spacing=4)
        self.heading = heading_label("", self)
        self.verdict = InlineMessage(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.verdict)
        self.proposal_rows: list[tuple[QLabel, QPushButton]] = []
        for proposal in proposals:
            row = QHBoxLayout()
            text = hint_label("", self)
            text.setContentsMargins(12, 0, 0, 0)
            button = QPushButton(self)
            button.clicked.connect(lambda _c=False, p=proposal: page.apply_proposal(p))
            row.addWidget(text, 1)
            row.addWidget(button)
            layout.addLayout(row)
            self.proposal_rows.append((text, button))
        self.none = hint_label("", self)
        layout.addWidget(self.none)

    def retranslate(self) -> None:
        page = self.page
        locale = QLocale()
        result = self.result
        self.heading.setText(describe(page.programme, result.crossing))
        expected = people(result.smallest_expected)
        threshold = locale.toString(result.threshold)
        cell = describe_cell(page.programme, page.language, result.crossing, result.smallest_cell)
        if result.passes:
            self.verdict.show_message(
                "ok",
                self.tr("Smallest cell (%1): about %2 people expected, at least %3 needed.")
                .replace("%1", cell)
                .replace("%2", expected)
                .replace("%3", threshold),
            )
        elif result.smallest_expected < 1:  # "about 0.0028 people" read as nonsense: say it
            self.verdict.show_message(
                "error",
                self.tr(
                    "Too small: the smallest cell (%1) is expected to hold less than one person "
                    "(about %2 on average), fewer than %3."
                )
                .replace("%1", cell)
                .replace("%2", expected)
                .replace("%3", threshold),
            )
        else:
            self.verdict.show_message(
                "error",
                self.tr(
                    "Too small: the smallest cell (%1) is expected to hold only about %2 "
                    "people, fewer than %3."
                )
                .replace("%1", cell)
                .replace("%2", expected)
                .replace("%3", threshold),
            )
        for number, ((text, button), proposal) in enumerate(
            zip(self.proposal_rows, self.proposals, strict=True), start=1
        ):
            changes = "\n".join("• " + c.render(page.language) for c in proposal.changes)
            text.setText(
                self.tr("Proposal %1 (smallest cell then about %2):")
                .replace("%1", str(number))
                .replace("%2", people(proposal.result.smallest_expected))
                + "\n"
                + changes
            )
            button.setText(self.tr("Apply"))
            button.setAccessibleName(self.tr("Apply proposal %1").replace("%1", str(number)))
        self.none.setText(
            self.tr(
                "No coarser grouping passes: leave out a characteristic on the Decisions page, "
                "or ask the KSZ or Unia for advice."
            )
        )
        self.none.setVisible(not result.passes and not self.proposals)


class CrossingPanel:
    """The check card: the check's progress and status, one view per requested table, the undo
    of the last proposal applied and the reference figures' source."""

    def __init__(self, page: WorkerPage, parent: QWidget) -> None:
        self.page = page
        self.views: list[CrossingView] = []
        self.card = card(parent)
        check = vbox(self.card, margins=12, spacing=8)
        self.heading = heading_label("", self.card)
        self.hint = hint_label("", self.card)
        self.busy = BusyBar(self.card)
        self.busy.cancel_requested.connect(page.cancel)
        self.status = InlineMessage(self.card)
        self.views_widget = QWidget(self.card)
        self.views_layout = vbox(self.views_widget, spacing=12)
        undo_row = QHBoxLayout()
        self.undo_button = QPushButton(self.card)
        undo_row.addStretch(1)
        undo_row.addWidget(self.undo_button)
        self.source = hint_label("", self.card)
        check.addWidget(self.heading)
        check.addWidget(self.hint)
        check.addWidget(self.busy)
        check.addWidget(self.status)
        check.addWidget(self.views_widget)
        check.addLayout(undo_row)
        check.addWidget(self.source)

    def show_outcome(self, outcome: CrossingOutcome) -> None:
        self.clear()
        for result, proposals in zip(outcome.results, outcome.proposals, strict=True):
            view = CrossingView(self.page, result, proposals)
            view.retranslate()
            self.views_layout.addWidget(view)
            view.show()  # now, not at the next turn of the event loop
            self.views.append(view)

    def clear(self) -> None:
        for view in self.views:
            view.hide()
            view.deleteLater()
        self.views = []

    def show_status(
        self,
        *,
        error: Exception | None,
        edges_valid: bool,
        staff_count: int,
        has_file: bool,
        outcome: CrossingOutcome | None,
        can_undo: bool,
    ) -> None:
        page = self.page
        threshold = QLocale().toString(page.programme.thresholds.cell_threshold)
        if error is not None:
            text = error.render(page.language) if isinstance(error, AppError) else str(error)
            self.status.show_message("error", text)
        elif not edges_valid:
            self.status.show_message(
                "error",
                QCoreApplication.translate("KszCategoriesPage", "Correct the age bands first."),
            )
        elif staff_count == 0:
            self.status.show_message(
                "info",
                QCoreApplication.translate(
                    "KszCategoriesPage", "Enter the number of staff to check the crossings."
                )
                if not has_file
                else QCoreApplication.translate(
                    "KszCategoriesPage",
                    "The staff file has not been checked yet: go back to the checks.",
                ),
            )
        elif outcome is None:
            self.status.clear_message()
        elif failing := outcome.failing:
            self.status.show_message(
                "error",
                QCoreApplication.translate(
                    "KszCategoriesPage",
                    "%1 of the %2 requested tables would have cells with fewer than %3 people. "
                    "Apply a proposal or choose coarser categories to continue.",
                )
                .replace("%1", str(failing))
                .replace("%2", str(len(outcome.results)))
                .replace("%3", threshold),
            )
        else:
            self.status.show_message(
                "ok",
                QCoreApplication.translate(
                    "KszCategoriesPage",
                    "Every requested table is expected to have at least %1 people per cell. "
                    "You can continue.",
                ).replace("%1", threshold),
            )
        self.undo_button.setEnabled(can_undo)
        self.undo_button.setVisible(can_undo)

    def retranslate(self, programme: Programme | None, language: str) -> None:
        self.heading.setText(QCoreApplication.translate("KszCategoriesPage", "Crossing check"))
        self.undo_button.setText(
            QCoreApplication.translate("KszCategoriesPage", "&Undo the last proposal")
        )
        self.busy.retranslate()
        if programme is None:
            return
        settings = programme.crossing
        self.hint.setText(
            QCoreApplication.translate(
                "KszCategoriesPage",
                "Per requested table: the smallest cell the KSZ's tables are expected to have, "
                "against the minimum of %1 people. A prediction from reference shares, not a "
                "guarantee.",
            ).replace("%1", QLocale().toString(programme.thresholds.cell_threshold))
        )
        if settings:
            self.source.setText(
                QCoreApplication.translate(
                    "KszCategoriesPage", "Reference figures (version %1): %2"
                )
                .replace("%1", settings.version)
                .replace("%2", settings.source.get(language))
            )
