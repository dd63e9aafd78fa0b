"""A field of the organisation page: its label, entry, help and message; several numbers in one
field are split at commas, semicolons or new lines; what is wrong with what is typed (numbers
checked with their identifier type, e-mail addresses by form). The staff count per payroll tax
number (the algemene variant without a staff export) in its own box.

Strings keep the page's translation context ("OrganisationPage")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.profiles import FieldType, OrganisationField
from desktop_app.ui.widgets import InlineMessage, hint_label, vbox
from desktop_app.ui.widgets.field_help import with_help
from desktop_app.validation.identifier_types import identifier_type

_SEPARATORS = re.compile(r"[,;\n]+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
MAX_STAFF = 10_000_000


def split_numbers(text: str) -> list[str]:
    """Several numbers typed in one field, separated by commas, semicolons or new lines."""
    return [part.strip() for part in _SEPARATORS.split(text) if part.strip()]


class FieldRow:
    def __init__(self, field: OrganisationField, parent: QWidget) -> None:
        self.field = field
        self.label = QLabel(parent)
        self.label.setWordWrap(True)
        self.edit = QLineEdit(parent)
        self.label.setBuddy(self.edit)
        self.help = hint_label("", parent)
        self.message = InlineMessage(parent)
        self.box = QWidget(parent)
        box_layout = QVBoxLayout(self.box)
        box_layout.setContentsMargins(0, 0, 0, 4)
        box_layout.setSpacing(3)
        label_row, self.help_button = with_help(self.label, field.id)  # "?" where a term needs it
        box_layout.addWidget(label_row)
        box_layout.addWidget(self.edit)
        box_layout.addWidget(self.help)
        box_layout.addWidget(self.message)

    def value(self) -> str | list[str]:
        if self.field.multiple:
            return split_numbers(self.edit.text())
        return self.edit.text().strip()


@dataclass(frozen=True)
class NumberTexts:
    """What the page says about one identifier type (translated): placeholder, confirmation
    (``%1``: how many) and the problem per kind (``%1``: the value)."""

    placeholder: str
    valid: str
    problems: dict[str, str]


def number_texts(field_type: FieldType) -> NumberTexts | None:
    """The page's texts for an identifier type typed here (None: only the generic ones)."""
    identifier = identifier_type(field_type)
    if identifier is None:
        return None
    texts = {
        "loonheffingennummer": NumberTexts(
            placeholder=QCoreApplication.translate(
                "OrganisationPage", "e.g. 123456782L01; 123456782L02"
            ),
            valid=QCoreApplication.translate("OrganisationPage", "Valid payroll tax number(s): %1"),
            problems={
                "format": QCoreApplication.translate(
                    "OrganisationPage",
                    "“%1” is not a payroll tax number: expected 9 digits, the letter L and 2 digits, "
                    "for example 123456782L01.",
                ),
                "length": QCoreApplication.translate(
                    "OrganisationPage", "“%1”: the first part must have 9 digits."
                ),
                "checksum": QCoreApplication.translate(
                    "OrganisationPage",
                    "“%1” fails the eleven-test (elfproef): probably a typing error in the first 9 digits.",
                ),
            },
        ),
        "kbo": NumberTexts(
            placeholder=QCoreApplication.translate("OrganisationPage", "e.g. 0203.201.340"),
            valid=QCoreApplication.translate("OrganisationPage", "Valid KBO number(s): %1"),
            problems={
                "format": QCoreApplication.translate(
                    "OrganisationPage",
                    "“%1” is not a KBO number: expected 10 digits, e.g. 0203.201.340.",
                ),
                "length": QCoreApplication.translate(
                    "OrganisationPage", "“%1”: a KBO number has 10 digits."
                ),
                "checksum": QCoreApplication.translate(
                    "OrganisationPage",
                    "“%1” fails the check digits (modulo 97): probably a typing error.",
                ),
            },
        ),
    }
    return texts.get(identifier.id)


def identifier_problem(texts: NumberTexts | None, value: str, kind: str | None) -> str:
    problems = texts.problems if texts is not None else {}
    fallback = QCoreApplication.translate("OrganisationPage", "“%1” is not a valid number.")
    return problems.get(kind or "", fallback).replace("%1", value)


def row_problem(row: FieldRow) -> tuple[str | None, str | None]:  # noqa: PLR0911
    """(what is wrong, or None; a confirmation for checked numbers, or None)."""
    field = row.field
    text = row.edit.text().strip()
    if not text:
        return None, None
    identifier = identifier_type(field.type)
    if identifier is not None:
        texts = number_texts(field.type)
        values = split_numbers(text) if field.multiple else [text]
        for value in values:
            result = identifier.check(value)
            if not result.valid:
                return identifier_problem(texts, value, result.kind), None
        if len(set(values)) < len(values):
            return QCoreApplication.translate(
                "OrganisationPage", "A number is entered twice."
            ), None
        if texts is None:
            return None, None
        return None, texts.valid.replace("%1", str(len(values)))
    if field.type == FieldType.EMAIL and not _EMAIL.fullmatch(text):
        return (
            QCoreApplication.translate(
                "OrganisationPage", "This is not an e-mail address (name@example.org)."
            ),
            None,
        )
    return None, None


class StaffCounts(QGroupBox):
    """The algemene variant without a staff export: the officer's own count per payroll tax
    number, one spin box per number in the same order; counts follow their number."""

    def __init__(self, changed: Callable[[list[str]], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.changed = changed
        counts_layout = vbox(self, margins=10, spacing=6)
        self.hint = hint_label("", self)
        self.form = QFormLayout()
        self.empty = hint_label("", self)
        hint_row, self.help_button = with_help(self.hint, "staff_counts")
        counts_layout.addWidget(hint_row)
        counts_layout.addLayout(self.form)
        counts_layout.addWidget(self.empty)
        self.rows: list[tuple[str, QLabel, QSpinBox]] = []

    def build(self, numbers: list[str], stored: list[str], force: bool = False) -> None:
        """Spin boxes for ``numbers``; ``stored`` are the draft's counts in the numbers' order."""
        if not force and numbers == [number for number, _l, _s in self.rows]:
            return
        if force or not self.rows:  # from the draft (same order as the numbers)
            previous = dict(zip(numbers, stored, strict=False))
        else:  # the officer edits the numbers: each count stays with its number
            previous = {n: str(s.value()) if s.value() else "" for n, _l, s in self.rows}
        for _number, _label, spin in self.rows:
            self.form.removeRow(spin)
        self.rows = []
        for number in numbers:
            label = QLabel(number, self)
            spin = QSpinBox(self)
            spin.setRange(0, MAX_STAFF)
            spin.setGroupSeparatorShown(True)
            spin.setSpecialValueText("–")  # 0: not filled in yet
            spin.setMinimumWidth(140)
            spin.setMaximumWidth(220)
            text = previous.get(number, "")
            spin.setValue(int(text) if text.isdigit() else 0)
            spin.valueChanged.connect(lambda _v: self.counts_changed())
            label.setBuddy(spin)
            self.form.addRow(label, spin)
            self.rows.append((number, label, spin))
        self.counts_changed()
        self.retranslate()

    def counts_changed(self) -> None:
        self.changed([str(spin.value()) if spin.value() else "" for _n, _l, spin in self.rows])

    def complete(self) -> bool:
        return all(spin.value() > 0 for _n, _l, spin in self.rows)

    def retranslate(self) -> None:
        self.setTitle(
            QCoreApplication.translate(
                "OrganisationPage", "Number of employees per payroll tax number *"
            )
        )
        self.hint.setText(
            QCoreApplication.translate(
                "OrganisationPage",
                "CBS checks its own selection against these numbers. Count the jobs (banen) on "
                "the reference date: someone with two jobs counts twice.",
            )
        )
        self.empty.setText(
            QCoreApplication.translate(
                "OrganisationPage", "Enter your payroll tax number(s) above first."
            )
        )
        self.empty.setVisible(not self.rows)
        if self.help_button is not None:
            self.help_button.retranslate(self.title())
        for number, _label, spin in self.rows:
            spin.setAccessibleName(
                QCoreApplication.translate("OrganisationPage", "Employees under %1").replace(
                    "%1", number
                )
            )
