"""Page 3: the organisation (name, payroll tax or KBO numbers checked as typed, contact), the
reference date and who is counted. The CBS algemene variant without a staff export asks here for
the number of employees per payroll tax number (``draft.organisation.staff_counts``, digit
strings in the order of ``loonheffingennummers``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

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

from desktop_app.profiles import FieldType
from desktop_app.ui.pages.base import WizardPage
from desktop_app.ui.widgets import ScrollArea, hint_label, vbox
from desktop_app.ui.widgets.organisation_rows import FieldRow, split_numbers
from desktop_app.validation.identifier_types import identifier_type

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
NUMBERS = "loonheffingennummers"
STAFF_COUNTS = "staff_counts"
MAX_STAFF = 10_000_000


@dataclass(frozen=True)
class _NumberTexts:
    """What the page says about one identifier type (translated): placeholder, confirmation
    (``%1``: how many) and the problem per kind (``%1``: the value)."""

    placeholder: str
    valid: str
    problems: dict[str, str]


class OrganisationPage(WizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[FieldRow] = []
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
        self.counts_box = QGroupBox(content)
        counts_layout = vbox(self.counts_box, margins=10, spacing=6)
        self.counts_hint = hint_label("", self.counts_box)
        self.counts_form = QFormLayout()
        self.counts_empty = hint_label("", self.counts_box)
        counts_layout.addWidget(self.counts_hint)
        counts_layout.addLayout(self.counts_form)
        counts_layout.addWidget(self.counts_empty)
        self.count_rows: list[tuple[str, QLabel, QSpinBox]] = []
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
        reference.addRow(self.peildatum_label, peildatum_box)
        self.population_label = QLabel(self.reference_box)
        self.population_widget = QWidget(self.reference_box)
        self.population_layout = vbox(self.population_widget, spacing=4)
        reference.addRow(self.population_label, self.population_widget)
        self.population: dict[str, QCheckBox] = {}
        layout.addWidget(self.reference_box)
        layout.addStretch(1)
        vbox(self).addWidget(ScrollArea(content, self))

    # -- building and loading -------------------------------------------------------------------

    def _build(self) -> None:
        for row in self.rows:
            row.box.deleteLater()
        self.rows = []
        for field in self.programme.organisation_fields:
            row = FieldRow(field, self.organisation_box)
            row.edit.textChanged.connect(lambda _t, r=row: self._edited(r))
            self.form.addWidget(row.box)
            self.rows.append(row)
        for checkbox in self.population.values():
            checkbox.deleteLater()
        self.population = {}
        for option in self.programme.population_options:
            checkbox = QCheckBox(self.population_widget)
            checkbox.toggled.connect(
                lambda checked, o=option.id: self._population_changed(o, checked)
            )
            self.population_layout.addWidget(checkbox)
            self.population[option.id] = checkbox

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
        # typing the numbers again must not lose the counts
        self.draft.organisation = self.draft.organisation.with_value(STAFF_COUNTS, counts)
        self._build_counts(force=True)
        peildatum = self.draft.peildatum or _default_peildatum()
        self.peildatum.setDate(QDate(peildatum.year, peildatum.month, peildatum.day))
        self.draft.peildatum = peildatum
        for option in self.programme.population_options:
            self.population[option.id].setChecked(
                self.draft.population.get(option.id, option.default)
            )
            self.draft.population[option.id] = self.population[option.id].isChecked()

    # -- staff counts (algemene variant without a file) ------------------------------------------

    def asks_counts(self) -> bool:
        """Whether the officer types the staff count per payroll tax number here."""
        if self.wizard() is None or self.programme is None:
            return False
        return not self.programme.needs_employee_file and not self.wiz().uses_file()

    def _numbers(self) -> list[str]:
        return list(self.draft.organisation.loonheffingennummers)

    def _build_counts(self, force: bool = False) -> None:
        """One spin box per payroll tax number, in the same order; counts follow their number."""
        asks = self.asks_counts()
        self.counts_box.setVisible(asks)
        if not asks:
            return
        numbers = self._numbers()
        if not force and numbers == [number for number, _l, _s in self.count_rows]:
            return
        if force or not self.count_rows:  # from the draft (same order as the numbers)
            previous = dict(zip(self._numbers(), self._stored_counts(), strict=False))
        else:  # the officer edits the numbers: each count stays with its number
            previous = {n: str(s.value()) if s.value() else "" for n, _l, s in self.count_rows}
        for _number, _label, spin in self.count_rows:
            self.counts_form.removeRow(spin)
        self.count_rows = []
        for number in numbers:
            label = QLabel(number, self.counts_box)
            spin = QSpinBox(self.counts_box)
            spin.setRange(0, MAX_STAFF)
            spin.setGroupSeparatorShown(True)
            spin.setSpecialValueText("–")  # 0: not filled in yet
            spin.setMinimumWidth(140)
            spin.setMaximumWidth(220)
            text = previous.get(number, "")
            spin.setValue(int(text) if text.isdigit() else 0)
            spin.valueChanged.connect(lambda _v: self._counts_changed())
            label.setBuddy(spin)
            self.counts_form.addRow(label, spin)
            self.count_rows.append((number, label, spin))
        self._counts_changed()
        self._retranslate_counts()

    def _stored_counts(self) -> list[str]:
        return list(self.draft.organisation.staff_counts)

    def _counts_changed(self) -> None:
        if self.wizard() is None:
            return
        counts = [str(spin.value()) if spin.value() else "" for _n, _l, spin in self.count_rows]
        self.draft.organisation = self.draft.organisation.with_value(STAFF_COUNTS, counts)
        self.changed()

    def counts_complete(self) -> bool:
        return all(spin.value() > 0 for _n, _l, spin in self.count_rows)

    def _retranslate_counts(self) -> None:
        self.counts_box.setTitle(self.tr("Number of employees per payroll tax number *"))
        self.counts_hint.setText(
            self.tr(
                "CBS checks its own selection against these numbers. Count the jobs (banen) on "
                "the reference date: someone with two jobs counts twice."
            )
        )
        self.counts_empty.setText(self.tr("Enter your payroll tax number(s) above first."))
        self.counts_empty.setVisible(not self.count_rows)
        for number, _label, spin in self.count_rows:
            spin.setAccessibleName(self.tr("Employees under %1").replace("%1", number))

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
        self.reference_box.setTitle(self.tr("Reference date and who is counted"))
        self.peildatum_label.setText(self.tr("&Reference date (peildatum) *"))
        self.peildatum.setAccessibleName(self.tr("Reference date (peildatum)"))
        self.peildatum_help.setText(
            self.tr("Everyone employed on this date is counted. Keep the same date across years.")
        )
        self.population_label.setText(self.tr("Also count"))
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
            row.help.setText(row.field.help.get(self.language) if row.field.help else "")
            row.help.setVisible(row.field.help is not None)
            texts = self._number_texts(row.field.type)
            if texts is not None:
                row.edit.setPlaceholderText(texts.placeholder)
            self._check(row)
        self._retranslate_counts()

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

    def _problem(self, row: FieldRow) -> tuple[str | None, str | None]:  # noqa: PLR0911
        """(what is wrong, or None; a confirmation for checked numbers, or None)."""
        field = row.field
        text = row.edit.text().strip()
        if not text:
            return None, None
        identifier = identifier_type(field.type)
        if identifier is not None:
            texts = self._number_texts(field.type)
            values = split_numbers(text) if field.multiple else [text]
            for value in values:
                result = identifier.check(value)
                if not result.valid:
                    return self._identifier_problem(texts, value, result.kind), None
            if len(set(values)) < len(values):
                return self.tr("A number is entered twice."), None
            if texts is None:
                return None, None
            return None, texts.valid.replace("%1", str(len(values)))
        if field.type == FieldType.EMAIL and not _EMAIL.fullmatch(text):
            return self.tr("This is not an e-mail address (name@example.org)."), None
        return None, None

    def _number_texts(self, field_type: FieldType) -> _NumberTexts | None:
        """The page's texts for an identifier type typed here (None: only the generic ones)."""
        identifier = identifier_type(field_type)
        if identifier is None:
            return None
        texts = {
            "loonheffingennummer": _NumberTexts(
                placeholder=self.tr("e.g. 123456782L01; 123456782L02"),
                valid=self.tr("Valid payroll tax number(s): %1"),
                problems={
                    "format": self.tr(
                        "“%1” is not a payroll tax number: expected 9 digits, the letter L and 2 digits, "
                        "for example 123456782L01."
                    ),
                    "length": self.tr("“%1”: the first part must have 9 digits."),
                    "checksum": self.tr(
                        "“%1” fails the eleven-test (elfproef): probably a typing error in the first 9 digits."
                    ),
                },
            ),
            "kbo": _NumberTexts(
                placeholder=self.tr("e.g. 0203.201.340"),
                valid=self.tr("Valid KBO number(s): %1"),
                problems={
                    "format": self.tr(
                        "“%1” is not a KBO number: expected 10 digits, e.g. 0203.201.340."
                    ),
                    "length": self.tr("“%1”: a KBO number has 10 digits."),
                    "checksum": self.tr(
                        "“%1” fails the check digits (modulo 97): probably a typing error."
                    ),
                },
            ),
        }
        return texts.get(identifier.id)

    def _identifier_problem(self, texts: _NumberTexts | None, value: str, kind: str | None) -> str:
        problems = texts.problems if texts is not None else {}
        fallback = self.tr("“%1” is not a valid number.")
        return problems.get(kind or "", fallback).replace("%1", value)

    def _peildatum_changed(self, date: QDate) -> None:
        if self.wizard() is not None:
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
        if self.asks_counts():
            return bool(self.count_rows) and self.counts_complete()
        return True


def _default_peildatum() -> dt.date:
    """1 January of this year: the usual reference date."""
    return dt.date(dt.date.today().year, 1, 1)
