"""A checksum or fingerprint shown to be read aloud and compared: in groups, as GnuPG and
Kleopatra show theirs (:func:`desktop_app.text.grouped_hex`), in a fixed-pitch face at the size
of the text around it (it follows the application's font, so 200% stays 200%), selectable with
the mouse and the keyboard, wrapping between groups, never inside one, in a narrow window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.text import grouped_hex


def fixed_pitch() -> QFont:
    """The system's fixed-pitch family only: the size and weight stay inherited."""
    font = QFont()
    font.setFamilies(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).families())
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    return font


class HexValue(QLabel):
    """A hexadecimal value in groups of ``group`` characters (8 for a SHA-256, 4 for an OpenPGP
    fingerprint as Kleopatra shows it); :attr:`value` is the value as given."""

    def __init__(self, parent: QWidget | None = None, group: int = 8) -> None:
        super().__init__(parent)
        self.group = group
        self.value = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)  # at the spaces between groups
        self.setFont(fixed_pitch())
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_value(self, value: str, group: int | None = None) -> None:
        if group is not None:
            self.group = group
        self.value = value
        self.setText(grouped_hex(value, self.group) if value else "")


def labelled(label: QLabel, value: HexValue, name: str) -> None:
    """``label`` names ``value`` on screen and for a screen reader."""
    label.setText(name)
    label.setBuddy(value)
    value.setAccessibleName(name)
