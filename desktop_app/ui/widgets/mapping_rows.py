"""The rows of the mapping page: a programme field with its source-column choice, and the box that
maps a column's values to the field's codes."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QWidget,
)

from desktop_app.profiles import EmployeeField
from desktop_app.ui.widgets import (
    InlineMessage,
    vbox,
)


def distinct_values(column: np.ndarray, limit: int | None = None) -> list[str]:
    """Distinct non-empty values in order of first appearance (at most ``limit``)."""
    seen: dict[str, None] = {}
    for value in column:
        text = str(value).strip()
        if text and text not in seen:
            seen[text] = None
            if limit is not None and len(seen) >= limit:
                break
    return list(seen)


class FieldRow:
    def __init__(self, field: EmployeeField, grid: QGridLayout, row: int, parent: QWidget) -> None:
        self.field = field
        self.label = QLabel(parent)
        self.label.setWordWrap(True)
        self.combo = QComboBox(parent)
        # As wide as a usual column name, not the longest one: long names made the page wider
        # than the window (the whole name is in the list and the tooltip).
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(8)
        self.combo.currentTextChanged.connect(self.combo.setToolTip)
        self.label.setBuddy(self.combo)
        # How the column was recognised with its examples below it, in one column: side by side
        # they made the Dutch grid wider than the window at 200% (long field names such as
        # 'Huisnummertoevoeging' take their whole word's width).
        self.found = QWidget(parent)
        found_layout = vbox(self.found, spacing=0)
        self.match = QLabel(self.found)
        self.match.setWordWrap(True)
        self.examples = QLabel(self.found)
        self.examples.setProperty("role", "hint")
        self.examples.setWordWrap(True)
        found_layout.addWidget(self.match)
        found_layout.addWidget(self.examples)
        grid.addWidget(self.label, row, 0)
        grid.addWidget(self.combo, row, 1)
        grid.addWidget(self.found, row, 2)

    @property
    def header(self) -> str | None:
        return self.combo.currentData()


class ValueMapBox:
    """Distinct values of a coded column, each with a combo of the profile's codes."""

    def __init__(
        self, field: EmployeeField, header: str, values: list[str], parent: QWidget
    ) -> None:
        self.field = field
        self.header = header
        self.values = values
        self.box = QGroupBox(parent)
        self.form = QFormLayout(self.box)
        self.combos: dict[str, QComboBox] = {}
        self.labels: dict[str, QLabel] = {}
        self.message = InlineMessage(self.box)
        self.form.addRow(self.message)
        for value in values:
            label = QLabel(value, self.box)
            combo = QComboBox(self.box)
            combo.setMaximumWidth(420)
            label.setBuddy(combo)
            self.form.addRow(label, combo)
            self.combos[value] = combo
            self.labels[value] = label
