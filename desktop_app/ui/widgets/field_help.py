"""The "?" beside a field whose term needs explaining (loonheffingennummer, peildatum, who is
counted, …): a small button in the Tab order (Space or Enter presses it) that opens the wizard's
help panel with that field's help (:func:`desktop_app.help.field_help`,
``resources/help/fields.toml``). Esc closes the panel, as for the step's help.

Strings keep the translation context "FieldHelp"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from desktop_app.help import has_field_help


class FieldHelpButton(QToolButton):
    """Opens the help of ``field_id`` beside the pages; :meth:`retranslate` names the field."""

    def __init__(self, field_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field_id = field_id
        self.field_name = ""
        self.setObjectName("field_help")
        self.setText("?")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.WhatsThisCursor)
        self.setStyleSheet(
            "QToolButton#field_help { border: 1px solid #8a96a3; border-radius: 9px;"
            " padding: 0px 5px; color: #0b4f8a; font-weight: 600; background: #ffffff; }"
            " QToolButton#field_help:focus { border: 2px solid #0b4f8a; }"
        )
        self.clicked.connect(self.open_help)

    def retranslate(self, field_name: str) -> None:
        self.field_name = field_name.rstrip(" *")
        text = QCoreApplication.translate("FieldHelp", "What does “%1” mean?").replace(
            "%1", self.field_name
        )
        self.setToolTip(text)
        self.setAccessibleName(
            QCoreApplication.translate("FieldHelp", "Help: %1").replace("%1", self.field_name)
        )
        self.setAccessibleDescription(text)

    def open_help(self) -> None:
        """Show this field's help in the wizard's help panel (the window this button is in)."""
        wizard = self.window()
        panel = getattr(wizard, "help_panel", None)
        if panel is None or not hasattr(wizard, "open_help"):
            return
        wizard.open_help()
        panel.show_field_help(self.field_id, wizard.language, self.field_name)


def with_help(label: QLabel, field_id: str) -> tuple[QWidget, FieldHelpButton | None]:
    """``label`` in a row with the "?" of ``field_id`` after it (none when the field has no
    help): the row to put in a layout, and the button (to retranslate)."""
    row = QWidget(label.parentWidget())
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    label.setParent(row)
    # the label takes the row (a word-wrapped label beside a stretch wraps far too early); the
    # "?" sits at the row's end, where the field's own box ends too
    layout.addWidget(label, 1)
    button = None
    if has_field_help(field_id):
        button = FieldHelpButton(field_id, row)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    return row, button
