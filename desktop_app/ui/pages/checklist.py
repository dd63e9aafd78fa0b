"""Page 2: the conditions the programme sets before anything is sent, each confirmed with a date
and a name."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop_app.draft import ChecklistAnswer
from desktop_app.profiles import ChecklistItem
from desktop_app.ui.pages.base import WizardPage
from desktop_app.ui.widgets import (
    InlineMessage,
    ScrollArea,
    card,
    heading_label,
    hint_label,
    repolish,
    vbox,
)


class ChecklistRow:
    """The widgets of one checklist item."""

    def __init__(self, item: ChecklistItem, parent: QWidget) -> None:
        self.item = item
        self.frame = card(parent)
        layout = vbox(self.frame, margins=12, spacing=6)
        self.text = heading_label("", self.frame)
        self.explanation = hint_label("", self.frame)
        row = QHBoxLayout()
        self.confirmed = QCheckBox(self.frame)
        self.date_label = QLabel(self.frame)
        self.date = QDateEdit(self.frame)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd-MM-yyyy")
        self.date.setDate(QDate.currentDate())
        self.date_label.setBuddy(self.date)
        self.by_label = QLabel(self.frame)
        self.by = QLineEdit(self.frame)
        self.by.setMinimumWidth(200)
        self.by_label.setBuddy(self.by)
        row.addWidget(self.confirmed)
        row.addSpacing(16)
        row.addWidget(self.date_label)
        row.addWidget(self.date)
        row.addSpacing(16)
        row.addWidget(self.by_label)
        row.addWidget(self.by, 1)
        layout.addWidget(self.text)
        layout.addWidget(self.explanation)
        layout.addLayout(row)

    @property
    def done(self) -> bool:
        return self.confirmed.isChecked() and bool(self.by.text().strip())

    def answer(self) -> ChecklistAnswer:
        qdate = self.date.date()
        return ChecklistAnswer(
            confirmed=self.confirmed.isChecked(),
            date=dt.date(qdate.year(), qdate.month(), qdate.day()),
            by=self.by.text().strip(),
        )

    def set_answer(self, answer: ChecklistAnswer | None) -> None:
        answer = answer or ChecklistAnswer()
        for widget in (self.confirmed, self.date, self.by):
            widget.blockSignals(True)
        self.confirmed.setChecked(answer.confirmed)
        if answer.date:
            self.date.setDate(QDate(answer.date.year, answer.date.month, answer.date.day))
        self.by.setText(answer.by)
        for widget in (self.confirmed, self.date, self.by):
            widget.blockSignals(False)
        self.show_state()

    def show_state(self) -> None:
        self.frame.setProperty("done", "true" if self.done else "false")
        repolish(self.frame)


class ChecklistPage(WizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ChecklistRow] = []
        self._programme_id: str | None = None
        self.content = QWidget()
        self.items_layout = vbox(self.content, spacing=10)
        self.intro = hint_label()
        self.status = InlineMessage()
        layout = vbox(self)
        layout.addWidget(self.intro)
        layout.addWidget(ScrollArea(self.content, self), 1)
        layout.addWidget(self.status)

    def load(self) -> None:
        programme = self.programme
        if programme.id != self._programme_id:
            self._build(programme.checklist)
            self._programme_id = programme.id
        for row in self.rows:
            row.set_answer(self.draft.checklist.get(row.item.id))
        self.changed()

    def _build(self, items: tuple[ChecklistItem, ...]) -> None:
        while self.items_layout.count():
            child = self.items_layout.takeAt(0)
            if child.widget():
                child.widget().deleteLater()
        self.rows = []
        for item in items:
            row = ChecklistRow(item, self.content)
            row.confirmed.toggled.connect(lambda _c, r=row: self._edited(r))
            row.date.dateChanged.connect(lambda _d, r=row: self._edited(r))
            row.by.textChanged.connect(lambda _t, r=row: self._edited(r))
            self.items_layout.addWidget(row.frame)
            self.rows.append(row)
        self.items_layout.addStretch(1)

    def _edited(self, row: ChecklistRow) -> None:
        self.draft.checklist[row.item.id] = row.answer()
        row.show_state()
        self.changed()

    def changed(self) -> None:
        open_items = sum(not row.done for row in self.rows)
        if open_items:
            self.status.show_message(
                "info",
                self.tr("%1 of %2 conditions still to confirm, with the name of who confirmed it.")
                .replace("%1", str(open_items))
                .replace("%2", str(len(self.rows))),
            )
        else:
            self.status.show_message("ok", self.tr("All conditions are confirmed."))
        super().changed()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Conditions before anything is sent"))
        self.setSubTitle(
            self.tr("Confirm each condition only when it has really been met in your organisation.")
        )
        self.intro.setText(
            self.tr(
                "The programme sets these conditions. Your confirmations, with date and name, go "
                "into the package summary so the receiving office can see them."
            )
        )
        for row in self.rows:
            text = row.item.text.get(self.language)
            row.text.setText(text)
            row.explanation.setText(row.item.explanation.get(self.language))
            row.confirmed.setText(self.tr("Confirmed"))
            row.confirmed.setAccessibleName(self.tr("Confirmed: %1").replace("%1", text))
            row.date_label.setText(self.tr("on"))
            row.date.setAccessibleName(self.tr("Date of confirmation"))
            row.by_label.setText(self.tr("by"))
            row.by.setPlaceholderText(self.tr("name"))
            row.by.setAccessibleName(self.tr("Confirmed by (name)"))
        if self.wizard() is not None and self.rows:
            self.changed()

    def isComplete(self) -> bool:
        return bool(self.rows) and all(row.done for row in self.rows)
