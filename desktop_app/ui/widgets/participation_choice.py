"""The organisation page's "Taken part before?" as a choice: no, or yes with the year(s) typed
(``draft.organisation.earlier_participation``, an :class:`EarlierParticipation`). A free text an
older draft held and that says neither is shown under the choice until the officer chooses.

Strings keep the page's translation context ("OrganisationPage")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.draft import EarlierParticipation
from desktop_app.profiles import OrganisationField
from desktop_app.ui.widgets import InlineMessage, hint_label
from desktop_app.ui.widgets.field_help import with_help
from desktop_app.ui.widgets.wrapping_check import WrappingRadioButton

FIRST_YEAR = 2000


class ParticipationRow:
    """Label, the two choices (the years beside "yes"), the profile's help and a message."""

    def __init__(
        self, field: OrganisationField, parent: QWidget, changed: Callable[[], None]
    ) -> None:
        self.field = field
        self.changed = changed
        self.box = QWidget(parent)
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(3)
        self.label = QLabel(self.box)
        self.label.setWordWrap(True)
        self.no = WrappingRadioButton(self.box)
        self.yes = WrappingRadioButton(self.box)
        self.group = QButtonGroup(self.box)
        self.group.addButton(self.no)
        self.group.addButton(self.yes)
        self.years = QLineEdit(self.box)
        self.years.setMaximumWidth(260)
        self.label.setBuddy(self.no)
        yes_row = QHBoxLayout()
        yes_row.setContentsMargins(0, 0, 0, 0)
        yes_row.addWidget(self.yes)  # the years follow "yes, in:" (not at the row's far end)
        yes_row.addWidget(self.years)
        yes_row.addStretch(1)
        self.help = hint_label("", self.box)
        self.note = hint_label("", self.box)
        self.message = InlineMessage(self.box)
        label_row, self.help_button = with_help(self.label, field.id)
        layout.addWidget(label_row)
        layout.addWidget(self.no)
        layout.addLayout(yes_row)
        layout.addWidget(self.note)
        layout.addWidget(self.help)
        layout.addWidget(self.message)
        self.earlier_note = ""
        self.no.toggled.connect(lambda _on: self._edited())
        self.yes.toggled.connect(lambda _on: self._edited())
        self.years.textChanged.connect(lambda _t: self._edited())
        self._loading = False

    # -- the draft's value ------------------------------------------------------------------------

    def set_value(self, value: EarlierParticipation | None) -> None:
        self._loading = True
        self.earlier_note = value.note if value is not None and value.participated is None else ""
        self.group.setExclusive(False)  # to show "not chosen yet" as well
        self.no.setChecked(value is not None and value.participated is False)
        self.yes.setChecked(value is not None and value.participated is True)
        self.group.setExclusive(True)
        years = value.years if value is not None else ()
        self.years.setText(", ".join(str(y) for y in years))
        self._loading = False
        self._show()

    def value(self) -> EarlierParticipation | None:
        """The choice (None: not chosen yet); "yes" keeps the years typed so far."""
        if self.no.isChecked():
            return EarlierParticipation(False)
        if self.yes.isChecked():
            return EarlierParticipation.yes(self.years.text())
        if self.earlier_note:
            return EarlierParticipation(None, note=self.earlier_note)
        return None

    def problem(self) -> str | None:
        """What keeps the answer from being complete (None: complete, or nothing typed yet)."""
        if not self.yes.isChecked():
            return None
        years = EarlierParticipation.yes(self.years.text()).years
        if not years:
            return QCoreApplication.translate(
                "OrganisationPage",
                "Type the year(s) you took part in, for example 2022 or 2022, 2024.",
            )
        this_year = dt.date.today().year
        wrong = [y for y in years if not FIRST_YEAR <= y <= this_year]
        if wrong:
            return QCoreApplication.translate(
                "OrganisationPage", "%1 is not a year you can have taken part in."
            ).replace("%1", str(wrong[0]))
        return None

    def complete(self) -> bool:
        value = self.value()
        return value is not None and value.participated is not None and self.problem() is None

    # -- what the officer sees --------------------------------------------------------------------

    def _edited(self) -> None:
        if self._loading:
            return
        if self.no.isChecked() or self.yes.isChecked():
            self.earlier_note = ""  # chosen now: the old text has served
        self._show()
        self.changed()

    def _show(self) -> None:
        self.years.setEnabled(self.yes.isChecked())
        self.note.setVisible(bool(self.earlier_note))
        problem = self.problem()
        if problem and self.years.text().strip():
            self.message.show_message("error", problem)
        else:
            self.message.clear_message()

    def retranslate(self, language: str) -> None:
        label = self.field.label.get(language)
        self.label.setText(label + (" *" if self.field.required else ""))
        if self.help_button is not None:
            self.help_button.retranslate(label)
        self.no.setText(
            QCoreApplication.translate("OrganisationPage", "No, this is the first time")
        )
        self.yes.setText(QCoreApplication.translate("OrganisationPage", "Yes, in:"))
        self.no.setAccessibleName(
            label
            + " "
            + QCoreApplication.translate("OrganisationPage", "No, this is the first time")
        )
        self.yes.setAccessibleName(
            label + " " + QCoreApplication.translate("OrganisationPage", "Yes")
        )
        self.years.setPlaceholderText(
            QCoreApplication.translate("OrganisationPage", "e.g. 2022, 2024")
        )
        self.years.setAccessibleName(
            QCoreApplication.translate("OrganisationPage", "Year(s) taken part")
        )
        self.help.setText(self.field.help.get(language) if self.field.help else "")
        self.help.setVisible(self.field.help is not None)
        self.note.setText(
            QCoreApplication.translate(
                "OrganisationPage", "Your earlier answer: “%1”. Choose no or yes."
            ).replace("%1", self.earlier_note)
        )
        self._show()
