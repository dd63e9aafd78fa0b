"""The review page's "Check your answers" sections: one compact card per section of
:func:`desktop_app.package.answers.answer_sections` (label | value rows) with a "Change" button
that asks the page to go back to the step where the answer is given.

Strings keep the page's translation context ("ReviewPage")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from desktop_app.package.answers import AnswerSection
from desktop_app.ui.widgets import hint_label, titled_card


def change_button(layout: QBoxLayout, heading: QLabel, parent: QWidget) -> QPushButton:
    """A "Change" button beside a card's heading (the heading moved into a row with it)."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    index = layout.indexOf(heading)
    layout.removeWidget(heading)
    row.addWidget(heading, 1)
    button = QPushButton(parent)
    button.setProperty("role", "change")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    layout.insertLayout(max(index, 0), row)
    return button


def retranslate_change(button: QPushButton, section_title: str) -> None:
    button.setText(QCoreApplication.translate("ReviewPage", "Change"))
    name = QCoreApplication.translate("ReviewPage", "Change %1").replace("%1", section_title)
    button.setAccessibleName(name)
    button.setToolTip(name)


class SectionCard:
    """One section: its title, a Change button and its rows as a two-column grid."""

    def __init__(self, section_id: str, parent: QWidget, changeable: bool = True) -> None:
        self.id = section_id
        self.card, layout, self.heading = titled_card(parent)
        self.card.setObjectName(f"answers-{section_id}")
        self.change = change_button(layout, self.heading, self.card) if changeable else None
        self.rows = QWidget(self.card)
        self.grid = QGridLayout(self.rows)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(1, 3)
        layout.addWidget(self.rows)
        self.labels: list[tuple[QLabel, QLabel]] = []

    def show_section(self, section: AnswerSection) -> None:
        self.heading.setText(section.title)
        if self.change is not None:
            retranslate_change(self.change, section.title)
        while len(self.labels) < len(section.rows):
            label, value = hint_label("", self.rows), QLabel(self.rows)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextFormat(Qt.TextFormat.PlainText)
            row = len(self.labels)
            self.grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
            self.labels.append((label, value))
        for index, (label, value) in enumerate(self.labels):
            shown = index < len(section.rows)
            label.setVisible(shown)
            value.setVisible(shown)
            if shown:
                label.setText(section.rows[index].label)
                value.setText(section.rows[index].value)

    def texts(self) -> list[tuple[str, str]]:
        """The shown rows as (label, value)."""
        return [(a.text(), b.text()) for a, b in self.labels if not a.isHidden()]


class AnswersCards(QObject):
    """The sections the review shows from the core (programme to breakdowns); ``change_requested``
    carries the section's id when its Change button is pressed."""

    change_requested = Signal(str)

    def __init__(self, section_ids: tuple[str, ...], parent: QWidget) -> None:
        super().__init__(parent)
        self.sections: dict[str, SectionCard] = {}
        for section_id in section_ids:
            section = SectionCard(section_id, parent)
            assert section.change is not None
            section.change.clicked.connect(
                lambda _checked=False, s=section_id: self.change_requested.emit(s)
            )
            self.sections[section_id] = section

    def show_sections(self, sections: tuple[AnswerSection, ...]) -> None:
        given = {s.id: s for s in sections}
        for section_id, card in self.sections.items():
            section = given.get(section_id)
            card.card.setVisible(section is not None)
            if section is not None:
                card.show_section(section)
