"""A field of the organisation page: its label, entry, help and message; several numbers in one
field are split at commas, semicolons or new lines."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.profiles import OrganisationField
from desktop_app.ui.widgets import InlineMessage, hint_label

_SEPARATORS = re.compile(r"[,;\n]+")


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
        box_layout.addWidget(self.label)
        box_layout.addWidget(self.edit)
        box_layout.addWidget(self.help)
        box_layout.addWidget(self.message)

    def value(self) -> str | list[str]:
        if self.field.multiple:
            return split_numbers(self.edit.text())
        return self.edit.text().strip()
