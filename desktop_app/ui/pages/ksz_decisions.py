"""KSZ step 1, decisions: which characteristics (origin group from nationality, sex, age, work
regime), which reference year, with the definitions from the profile shown; the officer's own
definitions; whether the institution sends its own data (department, function level) for linkage.
Kept in ``draft.categories.ksz`` (see desktop_app.ksz.choices) and ``draft.has_file``.

The reference year is the route's one date: the peildatum (who the linkage file counts, the
journey's year) follows it, 31 December of that year (``desktop_app.ksz.choices.reference_date``),
and the page says so under the year."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desktop_app.ksz.choices import (
    CHARACTERISTICS,
    align_reference,
    format_definitions,
    parse_definitions,
    read_choices,
    update_choices,
)
from desktop_app.ui.pages.base import WizardPage
from desktop_app.ui.widgets import InlineMessage, ScrollArea, hint_label, vbox
from desktop_app.ui.widgets.wrapping_check import WrappingCheckBox

FIRST_YEAR = 2000


class KszDecisionsPage(WizardPage):
    def __init__(self) -> None:  # noqa: PLR0915 (widget layout)
        super().__init__()
        self._loading = False
        content = QWidget()
        layout = vbox(content, spacing=12)
        self.intro = hint_label("", content)
        layout.addWidget(self.intro)

        self.characteristics_box = QGroupBox(content)
        box = vbox(self.characteristics_box, margins=10, spacing=4)
        self.checks: dict[str, QCheckBox] = {}
        self.definition_labels: dict[str, QLabel] = {}
        for characteristic in CHARACTERISTICS:
            check = WrappingCheckBox(self.characteristics_box)
            check.toggled.connect(lambda _c: self._characteristics_changed())
            definition = hint_label("", self.characteristics_box)
            definition.setContentsMargins(24, 0, 0, 6)
            box.addWidget(check)
            box.addWidget(definition)
            self.checks[characteristic] = check
            self.definition_labels[characteristic] = definition
        self.characteristics_message = InlineMessage(self.characteristics_box)
        box.addWidget(self.characteristics_message)
        layout.addWidget(self.characteristics_box)

        self.year_box = QGroupBox(content)
        year_form = QFormLayout(self.year_box)
        self.year_label = QLabel(self.year_box)
        self.year = QSpinBox(self.year_box)
        self.year.setRange(FIRST_YEAR, dt.date.today().year)
        self.year.setMaximumWidth(120)
        self.year.valueChanged.connect(self._year_changed)
        self.year_label.setBuddy(self.year)
        self.year_hint = hint_label("", self.year_box)
        year_widget = QWidget(self.year_box)
        year_layout = vbox(year_widget, spacing=3)
        year_layout.addWidget(self.year)
        year_layout.addWidget(self.year_hint)
        year_form.addRow(self.year_label, year_widget)
        layout.addWidget(self.year_box)

        self.own_box = QGroupBox(content)
        own = vbox(self.own_box, margins=10, spacing=4)
        self.own_data = WrappingCheckBox(self.own_box)
        self.own_data.toggled.connect(self._own_data_changed)
        self.own_hint = hint_label("", self.own_box)
        self.own_hint.setContentsMargins(24, 0, 0, 0)
        own.addWidget(self.own_data)
        own.addWidget(self.own_hint)
        layout.addWidget(self.own_box)

        self.definitions_box = QGroupBox(content)
        definitions = vbox(self.definitions_box, margins=10, spacing=4)
        self.definitions_hint = hint_label("", self.definitions_box)
        self.definitions = QPlainTextEdit(self.definitions_box)
        self.definitions.setTabChangesFocus(True)
        self.definitions.setFixedHeight(80)
        self.definitions.textChanged.connect(self._definitions_changed)
        definitions.addWidget(self.definitions_hint)
        definitions.addWidget(self.definitions)
        layout.addWidget(self.definitions_box)
        layout.addStretch(1)
        vbox(self).addWidget(ScrollArea(content, self))

    # -- draft <-> widgets ------------------------------------------------------------------------

    def load(self) -> None:
        self._loading = True
        align_reference(self.draft)
        choices = read_choices(self.draft)
        chosen = choices.requested()
        for characteristic, check in self.checks.items():
            check.setChecked(characteristic in chosen)
        self.year.setValue(choices.year())
        self.own_data.setChecked(bool(self.draft.has_file))
        self.definitions.setPlainText(format_definitions(choices.definitions))
        self._loading = False
        self._store()

    def _store(self) -> None:
        if self.wizard() is None or self._loading:
            return
        before = self.draft.peildatum
        update_choices(
            self.draft,
            characteristics=tuple(c for c, check in self.checks.items() if check.isChecked()),
            reference_year=self.year.value(),
            definitions=parse_definitions(self.definitions.toPlainText()),
        )
        if self.draft.peildatum != before:  # a file checked on another day is checked again
            self.session.validation = None
        self._show_message()
        self._show_year_hint()
        self.changed()

    def _characteristics_changed(self) -> None:
        self._store()

    def _year_changed(self, _year: int) -> None:
        self._store()

    def _definitions_changed(self) -> None:
        self._store()

    def _own_data_changed(self, checked: bool) -> None:
        if self.wizard() is None or self._loading:
            return
        self.draft.has_file = checked
        self.wiz()._update_steps()
        self.changed()

    def _show_message(self) -> None:
        if not any(check.isChecked() for check in self.checks.values()):
            self.characteristics_message.show_message(
                "error", self.tr("Choose at least one characteristic.")
            )
        else:
            self.characteristics_message.clear_message()

    # -- texts ------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setTitle(self.tr("Decisions for the KSZ request"))
        # the subtitle short (the wizard's header does not grow: at 200% a third line was cut)
        self.setSubTitle(
            self.tr(
                "Which data do you need, for which year, which characteristics, and how are they "
                "defined?"
            )
        )
        self.intro.setText(
            self.tr("Your diversity or well-being policy sets these goals.")
            + " "
            + self.tr(
                "The KSZ links the characteristics below to your staff and sends back tables in "
                "categories only. Ask only what your diversity plan needs: every extra "
                "characteristic makes the groups in the tables smaller."
            )
        )
        self.characteristics_box.setTitle(self.tr("Characteristics to request *"))
        texts = {
            "origin": self.tr("Origin group (from the nationality of the person and the parents)"),
            "sex": self.tr("Sex"),
            "age": self.tr("Age (in age bands)"),
            "work-regime": self.tr("Work regime (full-time or part-time)"),
        }
        for characteristic, check in self.checks.items():
            check.setText(texts[characteristic])
            check.setAccessibleName(texts[characteristic])
        self.year_box.setTitle(self.tr("Reference year"))
        self.year_label.setText(self.tr("&Reference year *"))
        self._show_year_hint()
        self.own_box.setTitle(self.tr("Your own data for linkage"))
        self.own_data.setText(
            self.tr("We send our own data (department, function level) for linkage")
        )
        self.own_hint.setText(
            self.tr(
                "Public institutions may send, per employee, the INSZ and their own categories. "
                "The KSZ links them to its data, so the tables show for example origin per "
                "department. The assistant then reads your staff file, checks it and encrypts "
                "the linkage file. Without it, the tables cover the whole organisation."
            )
        )
        self.definitions_box.setTitle(self.tr("Your own definitions (optional)"))
        self.definitions_hint.setText(
            self.tr(
                "One per line, as “term: definition”, for example “Staff: statutory and contract "
                "staff on 31 December”. They are added to the request."
            )
        )
        self.definitions.setAccessibleName(self.tr("Your own definitions"))
        self._show_definitions()
        self._show_message()

    def _show_year_hint(self) -> None:
        year = str(self.year.value())
        self.year_hint.setText(
            self.tr(
                "The KSZ data describe your staff in this year: everyone employed on 31 December "
                "%1, with their age on that day. Keep the same year each time."
            ).replace("%1", year)
        )

    def _show_definitions(self) -> None:
        if self.wizard() is None or self.programme is None or self.programme.crossing is None:
            return
        settings = self.programme.crossing
        language = self.language
        origin = settings.scheme(read_choices(self.draft).origin(self.programme))
        texts = {
            "origin": origin.definition.get(language)
            + " "
            + self.tr("(The grouping is chosen on the Categories page.)"),
            "sex": settings.scheme("sex").definition.get(language),
            "age": settings.age.definition.get(language) if settings.age else "",
            "work-regime": settings.scheme("work-regime").definition.get(language),
        }
        for characteristic, label in self.definition_labels.items():
            label.setText(texts[characteristic])

    def isComplete(self) -> bool:
        return self.wizard() is not None and any(c.isChecked() for c in self.checks.values())
