"""One requested KSZ table on the categories page: its verdict and the proposals that make it pass."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from desktop_app.ksz.crossing import CrossingResult, Proposal
from desktop_app.ui.pages.base import WorkerPage
from desktop_app.ui.widgets import (
    InlineMessage,
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
        self.heading.setText(page.describe(result.crossing))
        expected = people(result.smallest_expected)
        threshold = locale.toString(result.threshold)
        cell = page.describe_cell(result.crossing, result.smallest_cell)
        if result.passes:
            self.verdict.show_message(
                "ok",
                self.tr("Smallest cell (%1): about %2 people expected, at least %3 needed.")
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
