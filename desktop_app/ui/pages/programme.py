"""Page 1: which programme (CBS algemene or ingezoomde variant, KSZ), each explained."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QRadioButton, QWidget

from desktop_app.profiles import Programme, available_programmes
from desktop_app.ui.pages.base import WizardPage
from desktop_app.ui.widgets import ScrollArea, card, hint_label, vbox
from desktop_app.ui.widgets.wrapping_check import WrappingCheckBox, WrappingRadioButton

# The order officers meet them in: the Dutch variants first, the simplest one first.
ORDER = ("cbs-barometer-algemeen", "cbs-barometer-ingezoomd", "ksz-diversiteit")


class ProgrammePage(WizardPage):
    def __init__(self) -> None:
        super().__init__()
        known = {p.id: p for p in available_programmes()}
        self.programmes: list[Programme] = [known[i] for i in ORDER if i in known] + [
            p for i, p in known.items() if i not in ORDER
        ]
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        self.descriptions: dict[str, object] = {}
        content = QWidget()
        layout = vbox(content, spacing=10)
        self.intro = hint_label()
        layout.addWidget(self.intro)
        for programme in self.programmes:
            frame = card(content)
            inner = vbox(frame, margins=12, spacing=6)
            radio = WrappingRadioButton(frame)
            radio.setStyleSheet("font-weight: 600;")
            self.group.addButton(radio)
            self.radios[programme.id] = radio
            description = hint_label("", frame)
            description.setContentsMargins(24, 0, 0, 0)
            inner.addWidget(radio)
            inner.addWidget(description)
            self.descriptions[programme.id] = description
            if programme.id == "cbs-barometer-algemeen" or not programme.needs_employee_file:
                self.has_file = WrappingCheckBox(frame)
                self.has_file.setContentsMargins(24, 0, 0, 0)
                self.has_file.toggled.connect(self._file_toggled)
                inner.addWidget(self.has_file)
                self.has_file_programme = programme.id
            radio.toggled.connect(self._chosen)
            layout.addWidget(frame)
        layout.addStretch(1)
        page_layout = vbox(self)
        page_layout.addWidget(ScrollArea(content, self))

    def load(self) -> None:
        radio = self.radios.get(self.draft.programme_id or "")
        if radio:
            radio.setChecked(True)
        self._update_file_option()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Which programme are you preparing?"))
        self.setSubTitle(
            self.tr(
                "The assistant asks only what this programme needs. You can come back and change it."
            )
        )
        self.intro.setText(
            self.tr(
                "Choose the programme your organisation takes part in. Nothing leaves this computer "
                "until you upload the encrypted package at the end."
            )
        )
        for programme in self.programmes:
            name = programme.name.get(self.language)
            description = programme.description.get(self.language)
            self.radios[programme.id].setText(name)
            self.radios[programme.id].setAccessibleName(name)
            self.radios[programme.id].setAccessibleDescription(description)
            self.descriptions[programme.id].setText(description)
        self.has_file.setText(
            self.tr(
                "I have a staff export: count the employees per payroll tax number and check it"
            )
        )

    def _chosen(self, checked: bool) -> None:
        if not checked:
            return
        for programme_id, radio in self.radios.items():
            if radio.isChecked() and self.draft.programme_id != programme_id:
                self.draft.programme_id = programme_id
                if self.draft.mapping and self.draft.mapping.programme_id != programme_id:
                    self.draft.mapping = None  # a mapping belongs to one programme
                self.session.validation = None
        self._update_file_option()
        self.wiz()._update_steps()
        self.changed()

    def _file_toggled(self, checked: bool) -> None:
        if self.wizard() is None:
            return
        if self.draft.programme_id == self.has_file_programme:
            self.draft.has_file = checked
        self.wiz()._update_steps()

    def _update_file_option(self) -> None:
        applies = self.draft.programme_id == self.has_file_programme
        self.has_file.blockSignals(True)
        self.has_file.setChecked(applies and bool(self.draft.has_file))
        self.has_file.blockSignals(False)
        self.has_file.setEnabled(applies)

    def isComplete(self) -> bool:
        return self.wizard() is not None and self.draft.programme_id is not None
