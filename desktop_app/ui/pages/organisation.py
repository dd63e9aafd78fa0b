"""Page 3: the organisation (name, payroll tax or KBO numbers checked as typed, contact), the
reference date and who is counted. The CBS algemene variant without a staff export asks here for
the number of employees per payroll tax number (``draft.organisation.staff_counts``, digit
strings in the order of ``loonheffingennummers``).

On the KSZ route no reference date is asked here: the KSZ asks for a reference year (the
decisions page), and the peildatum is 31 December of it (:func:`desktop_app.ksz.choices.align_reference`)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.draft import EARLIER_PARTICIPATION
from desktop_app.ksz.choices import align_reference
from desktop_app.profiles import Flow
from desktop_app.ui.pages.base import WizardPage
from desktop_app.ui.widgets import ScrollArea, hint_label, vbox
from desktop_app.ui.widgets.field_help import with_help
from desktop_app.ui.widgets.organisation_rows import (
    FieldRow,
    StaffCounts,
    number_texts,
    row_problem,
)
from desktop_app.ui.widgets.participation_choice import ParticipationRow
from desktop_app.ui.widgets.wrapping_check import WrappingCheckBox

NUMBERS = "loonheffingennummers"
STAFF_COUNTS = "staff_counts"


class OrganisationPage(WizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[FieldRow] = []
        self.participation: ParticipationRow | None = None  # "taken part before?": a choice
        self._programme_id: str | None = None
        content = QWidget()
        layout = vbox(content, spacing=12)
        self.intro = hint_label()
        layout.addWidget(self.intro)
        self.organisation_box = QGroupBox(content)
        # Labels above the fields: long Dutch and French labels never get cut off.
        self.form = QVBoxLayout(self.organisation_box)
        self.form.setSpacing(8)
        layout.addWidget(self.organisation_box)

        # The algemene variant without a staff export: the officer's own count per number.
        self.counts_box = StaffCounts(self._counts_changed, content)
        self.counts_empty = self.counts_box.empty
        self.counts_box.hide()
        layout.addWidget(self.counts_box)

        self.reference_box = QGroupBox(content)
        reference = QFormLayout(self.reference_box)
        self.peildatum_label = QLabel(self.reference_box)
        self.peildatum = QDateEdit(self.reference_box)
        self.peildatum.setCalendarPopup(True)
        self.peildatum.setDisplayFormat("dd-MM-yyyy")
        self.peildatum.setMaximumWidth(170)
        self.peildatum_label.setBuddy(self.peildatum)
        self.peildatum.dateChanged.connect(self._peildatum_changed)
        self.peildatum_help = hint_label("", self.reference_box)
        peildatum_box = QWidget(self.reference_box)
        peildatum_layout = vbox(peildatum_box, spacing=3)
        peildatum_layout.addWidget(self.peildatum)
        peildatum_layout.addWidget(self.peildatum_help)
        peildatum_row, self.peildatum_help_button = with_help(self.peildatum_label, "peildatum")
        reference.addRow(peildatum_row, peildatum_box)
        self.reference_form = reference
        # KSZ: instead of a date, where the day comes from (the reference year, next step)
        self.year_note = hint_label("", self.reference_box)
        reference.addRow(self.year_note)
        self.population_label = QLabel(self.reference_box)
        self.population_label.setWordWrap(True)
        self.population_widget = QWidget(self.reference_box)
        self.population_layout = vbox(self.population_widget, spacing=4)
        population_row, self.population_help_button = with_help(self.population_label, "population")
        reference.addRow(population_row, self.population_widget)
        self.population_row = population_row
        self.population: dict[str, QCheckBox] = {}
        layout.addWidget(self.reference_box)
        layout.addStretch(1)
        vbox(self).addWidget(ScrollArea(content, self))

    # -- building and loading -------------------------------------------------------------------

    def _build(self) -> None:
        for row in self.rows:
            row.box.deleteLater()
        self.rows = []
        if self.participation is not None:
            self.participation.box.deleteLater()
            self.participation = None
        for field in self.programme.organisation_fields:
            if field.id == EARLIER_PARTICIPATION:
                self.participation = ParticipationRow(
                    field, self.organisation_box, self._participation_changed
                )
                self.form.addWidget(self.participation.box)
                continue
            row = FieldRow(field, self.organisation_box)
            row.edit.textChanged.connect(lambda _t, r=row: self._edited(r))
            self.form.addWidget(row.box)
            self.rows.append(row)
        for checkbox in self.population.values():
            checkbox.deleteLater()
        self.population = {}
        for option in self.programme.population_options:
            checkbox = WrappingCheckBox(self.population_widget)
            checkbox.toggled.connect(
                lambda checked, o=option.id: self._population_changed(o, checked)
            )
            self.population_layout.addWidget(checkbox)
            self.population[option.id] = checkbox
        # "Also count" only where the programme asks who else counts (not the algemene variant)
        self.population_row.setVisible(bool(self.population))
        self.population_widget.setVisible(bool(self.population))

    def load(self) -> None:
        if self.programme.id != self._programme_id:
            self._build()
            self._programme_id = self.programme.id
        programme = self.programme
        if not programme.needs_employee_file and self.draft.has_file is None:
            self.draft.has_file = False  # no export unless the officer ticked that they have one
        counts = self.draft.organisation.staff_counts
        for row in self.rows:
            value = self.draft.organisation.get(row.field.id, "")
            row.edit.setText("; ".join(value) if isinstance(value, tuple) else value)
        if self.participation is not None:
            self.participation.set_value(self.draft.organisation.earlier_participation)
        # typing the numbers again must not lose the counts
        self.draft.organisation = self.draft.organisation.with_value(STAFF_COUNTS, counts)
        self._build_counts(force=True)
        asks_date = not self.is_ksz()
        self.reference_form.setRowVisible(0, asks_date)  # KSZ: the reference year, next page
        self.reference_form.setRowVisible(1, not asks_date)
        if not asks_date:
            align_reference(self.draft)
        peildatum = self.draft.peildatum or _default_peildatum()
        self.peildatum.setDate(QDate(peildatum.year, peildatum.month, peildatum.day))
        self.draft.peildatum = peildatum
        for option in self.programme.population_options:
            self.population[option.id].setChecked(
                self.draft.population.get(option.id, option.default)
            )
            self.draft.population[option.id] = self.population[option.id].isChecked()

    def is_ksz(self) -> bool:
        return self.wizard() is not None and getattr(self.programme, "flow", None) is Flow.KSZ

    # -- staff counts (algemene variant without a file) ------------------------------------------

    def asks_counts(self) -> bool:
        """Whether the officer types the staff count per payroll tax number here."""
        if self.wizard() is None or self.programme is None:
            return False
        return not self.programme.needs_employee_file and not self.wiz().uses_file()

    @property
    def count_rows(self) -> list[tuple[str, QLabel, QSpinBox]]:
        return self.counts_box.rows

    def _build_counts(self, force: bool = False) -> None:
        asks = self.asks_counts()
        self.counts_box.setVisible(asks)
        if asks:
            organisation = self.draft.organisation
            numbers = list(organisation.loonheffingennummers)
            self.counts_box.build(numbers, list(organisation.staff_counts), force)

    def _counts_changed(self, counts: list[str]) -> None:
        if self.wizard() is None:
            return
        self.draft.organisation = self.draft.organisation.with_value(STAFF_COUNTS, counts)
        self.changed()

    def counts_complete(self) -> bool:
        return self.counts_box.complete()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your organisation"))
        self.setSubTitle(
            self.tr(
                "These details go into the application and the package summary. Fields marked * are required."
            )
        )
        self.intro.setText(
            self.tr(
                "Numbers are checked while you type. Separate several numbers with a semicolon."
            )
        )
        self.organisation_box.setTitle(self.tr("Organisation"))
        self.reference_box.setTitle(
            self.tr("Who is counted")
            if self.is_ksz()
            else self.tr("Reference date and who is counted")
        )
        self.peildatum_label.setText(self.tr("&Reference date (peildatum) *"))
        self.peildatum.setAccessibleName(self.tr("Reference date (peildatum)"))
        self.peildatum_help.setText(
            self.tr("Everyone employed on this date is counted. Keep the same date across years.")
        )
        self.year_note.setText(
            self.tr(
                "Counted are the staff employed on 31 December of the reference year, which you "
                "choose in the next step (Decisions)."
            )
        )
        self.population_label.setText(self.tr("Also count"))
        for button, name in (
            (self.peildatum_help_button, self.tr("Reference date (peildatum)")),
            (self.population_help_button, self.tr("Who is counted")),
        ):
            if button is not None:
                button.retranslate(name)
        if self.wizard() is None or self.programme is None:
            return
        for option in self.programme.population_options:
            if option.id in self.population:
                text = option.label.get(self.language)
                self.population[option.id].setText(text)
                self.population[option.id].setAccessibleName(text)
        for row in self.rows:
            label = row.field.label.get(self.language)
            row.label.setText(label + (" *" if row.field.required else ""))
            row.edit.setAccessibleName(label)
            if row.help_button is not None:
                row.help_button.retranslate(label)
            row.help.setText(row.field.help.get(self.language) if row.field.help else "")
            row.help.setVisible(row.field.help is not None)
            texts = number_texts(row.field.type)
            if texts is not None:
                row.edit.setPlaceholderText(texts.placeholder)
            self._check(row)
        if self.participation is not None:
            self.participation.retranslate(self.language)
        self.counts_box.retranslate()

    def _participation_changed(self) -> None:
        if self.wizard() is None or self.participation is None:
            return
        self.draft.organisation = self.draft.organisation.with_value(
            EARLIER_PARTICIPATION, self.participation.value()
        )
        self.changed()

    # -- checking as typed ----------------------------------------------------------------------

    def _edited(self, row: FieldRow) -> None:
        self.draft.organisation = self.draft.organisation.with_value(row.field.id, row.value())
        self._check(row)
        if row.field.id == NUMBERS:
            self._build_counts()
        self.changed()

    def _check(self, row: FieldRow) -> None:
        problem, confirmation = self._problem(row)
        if problem:
            row.message.show_message("error", problem)
        elif confirmation:
            row.message.show_message("ok", confirmation)
        else:
            row.message.clear_message()

    def _problem(self, row: FieldRow) -> tuple[str | None, str | None]:
        """(what is wrong, or None; a confirmation for checked numbers, or None)."""
        return row_problem(row)

    def _peildatum_changed(self, date: QDate) -> None:
        if self.wizard() is not None and not self.is_ksz():
            self.draft.peildatum = dt.date(date.year(), date.month(), date.day())
            self.session.validation = None

    def _population_changed(self, option_id: str, checked: bool) -> None:
        if self.wizard() is not None:
            self.draft.population[option_id] = checked
            self.session.validation = None

    def nextId(self) -> int:
        from desktop_app.ui.routes import PageId

        return PageId.FILE if self.wiz().uses_file() else PageId.REVIEW

    def isComplete(self) -> bool:
        if self.wizard() is None:
            return False
        for row in self.rows:
            if row.field.required and not row.value():
                return False
            if self._problem(row)[0]:
                return False
        choice = self.participation
        if choice is not None and choice.field.required and not choice.complete():
            return False
        if self.asks_counts():
            return bool(self.count_rows) and self.counts_complete()
        return True


def _default_peildatum() -> dt.date:
    """1 January of this year: the usual reference date."""
    return dt.date(dt.date.today().year, 1, 1)
