"""Page 5: which column feeds which programme field (suggested, with confidence and examples),
how coded values translate, and which columns are breakdowns. Mappings save to JSON for next year."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.intake import RawTable
from desktop_app.mapping import ColumnSuggestion, Mapping
from desktop_app.mapping.start import MappingStart, NotABreakdown, starting_mapping
from desktop_app.ui.pages.base import WizardPage
from desktop_app.ui.widgets import (
    InlineMessage,
    ScrollArea,
    card,
    heading_label,
    hint_label,
    vbox,
)
from desktop_app.ui.widgets.field_help import with_help
from desktop_app.ui.widgets.mapping_panels import (
    BreakdownList,
    FieldMessages,
    MappingFileBar,
    ValueMaps,
    key_in_use,
    missing_required,
)
from desktop_app.ui.widgets.mapping_rows import FieldRow, ValueMapBox, distinct_values
from desktop_app.validation.identifier_types import identifier_type

EXAMPLES = 3


class MappingPage(WizardPage):
    def __init__(self) -> None:
        super().__init__()
        self._built_for: tuple[int, str] | None = None
        self._loading = False
        self.rows: list[FieldRow] = []
        self.suggestions: dict[str, ColumnSuggestion] = {}
        self.offered: dict[str, str | None] = {}
        self.refusal: AppError | None = None  # the saved mapping did not fit the file
        self.unfit: tuple[NotABreakdown, ...] = ()  # columns never offered as breakdowns
        self.offered_headers: list[str] = []

        content = QWidget()
        layout = vbox(content, spacing=12)
        self.intro = hint_label("", content)
        layout.addWidget(self.intro)
        # A saved mapping that no longer fits is refused (never silently replaced): the refusal,
        # and starting from a suggestion as the officer's explicit choice.
        self.saved_refused = InlineMessage(content)
        self.suggest_button = QPushButton(content)
        self.suggest_button.clicked.connect(self.start_from_suggestion)
        self.suggest_button.hide()
        refused_row = QHBoxLayout()
        refused_row.addWidget(self.suggest_button)
        refused_row.addStretch(1)
        layout.addWidget(self.saved_refused)
        layout.addLayout(refused_row)
        layout.addWidget(self._fields_card(content))

        self.values_widget = ValueMaps(self._commit, content)
        layout.addWidget(self.values_widget)

        self.breakdown_list = BreakdownList(content, self._commit)
        self.breakdown_card = self.breakdown_list.card
        self.breakdowns = self.breakdown_list.list
        layout.addWidget(self.breakdown_card)

        self.file_bar = MappingFileBar(self, self.current_mapping, self._start, content)
        self.save_button = self.file_bar.save_button
        self.load_button = self.file_bar.load_button
        self.file_message = self.file_bar.message
        layout.addWidget(self.file_bar)
        layout.addStretch(1)
        vbox(self).addWidget(ScrollArea(content, self))

    def _fields_card(self, content: QWidget) -> QWidget:
        """The card of the programme's fields: heading (with the identification key's "?"), the
        grid of field rows and the messages under it."""
        self.fields_card = card(content)
        fields_layout = vbox(self.fields_card, margins=12, spacing=8)
        self.fields_heading = heading_label("", self.fields_card)
        heading_row, self.key_help_button = with_help(self.fields_heading, "identification_key")
        fields_layout.addWidget(heading_row)
        self.grid_widget = QWidget(self.fields_card)
        self.grid = QGridLayout(self.grid_widget)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setColumnStretch(2, 1)
        fields_layout.addWidget(self.grid_widget)
        self.messages = FieldMessages(self.fields_card, fields_layout)
        self.key_message = self.messages.key_message
        self.problem = self.messages.problem
        self.header_message = self.messages.header_message
        return self.fields_card

    # -- entering the page ---------------------------------------------------------------------

    @property
    def table(self) -> RawTable | None:
        return self.session.table

    def load(self) -> None:
        table, programme = self.table, self.programme
        if table is None or programme is None:
            return
        key = (id(table), programme.id)
        if key == self._built_for and self.draft.mapping is not None:
            return
        self._built_for = key
        try:
            start = starting_mapping(table, programme, self.draft.mapping)
        except AppError as error:  # the saved mapping no longer fits: say so, offer a suggestion
            self._refuse_saved(error)
            return
        self._start(start)

    def _start(self, start: MappingStart) -> None:
        self.refusal = None
        self.saved_refused.clear_message()
        self.suggest_button.hide()
        for widget in (self.fields_card, self.values_widget, self.breakdown_card):
            widget.show()
        self.suggestions = {s.field_id: s for s in start.suggestions}
        self.offered = {
            b.header: b.breakdown_id for b in (*start.possible, *start.mapping.breakdowns)
        }
        self.unfit = start.unfit
        self.offered_headers = start.offered_headers(self.table.headers)
        # a fresh suggestion ticks the columns that look like the programme's subgroups
        mapping = start.mapping
        if start.origin == "suggested":
            mapping = start.detected(self.programme.max_breakdowns)
        self._apply(mapping)

    def _refuse_saved(self, error: AppError) -> None:
        """The draft's mapping is kept as it is (nothing replaced); the page waits for a choice."""
        self.refusal = error
        self.rows = []
        for widget in (self.fields_card, self.values_widget, self.breakdown_card):
            widget.hide()
        self.suggest_button.show()
        self.retranslate()
        self.completeChanged.emit()

    def start_from_suggestion(self) -> None:
        """The officer's explicit choice after a refusal: the suggestion for this file."""
        table, programme = self.table, self.programme
        if table is None or programme is None:
            return
        self._start(starting_mapping(table, programme, None))
        self.file_message.show_message(
            "info", self.tr("The columns were suggested anew from your file. Check them.")
        )

    def _apply(self, mapping: Mapping) -> None:
        """Show ``mapping`` in the widgets and keep it in the draft."""
        self._loading = True
        self.draft.mapping = mapping
        self._build_field_rows()
        for row in self.rows:
            header = mapping.fields.get(row.field.id)
            index = row.combo.findData(header) if header else 0
            row.combo.setCurrentIndex(max(index, 0))
        self.breakdown_list.build(self.offered_headers, self.programme, mapping)
        self._loading = False
        self._commit()
        self.retranslate()

    def _build_field_rows(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.rows = []
        self.column_titles = [QLabel(self.grid_widget) for _ in range(3)]
        for column, title in enumerate(self.column_titles):
            title.setStyleSheet("font-weight: 600;")
            title.setWordWrap(True)  # narrow columns in French or at 200%
            self.grid.addWidget(title, 0, column)
        for number, field in enumerate(self.programme.employee_fields, start=1):
            row = FieldRow(field, self.grid, number, self.grid_widget)
            row.combo.addItem("", None)
            for header in self.table.headers:
                row.combo.addItem(header, header)
            row.combo.currentIndexChanged.connect(lambda _i: self._commit())
            self.rows.append(row)

    # -- keeping the draft's mapping up to date --------------------------------------------------

    def current_mapping(self) -> Mapping:
        fields = {row.field.id: row.header for row in self.rows if row.header}
        breakdowns = self.breakdown_list.chosen(self.programme, fields, self.offered)
        value_maps = self.values_widget.overrides(fields)
        return Mapping(
            self.programme.id,
            fields,
            value_maps,
            tuple(breakdowns),
            sheet=self.table.sheet,
            header_row=self.table.header_row,
        )

    def _commit(self) -> None:
        if self._loading or self.wizard() is None or self.table is None:
            return
        previous = self.draft.mapping
        mapping = self.current_mapping()
        self.draft.mapping = mapping
        self.session.validation = None
        if self.values_widget.stale(self.rows):
            self.values_widget.build(self.rows, self.table, previous, self.language)
        self._update_rows()
        self.changed()

    @property
    def value_boxes(self) -> list[ValueMapBox]:
        return self.values_widget.boxes

    # -- what the officer sees -------------------------------------------------------------------

    def _update_rows(self) -> None:
        language = self.language
        used: dict[str, list[str]] = {}
        for row in self.rows:
            header = row.header
            suggestion = self.suggestions.get(row.field.id)
            if header is None:
                row.match.setText(self.tr("not mapped"))
                row.match.setStyleSheet("color: #6b7580;")
                row.examples.setText("")
                row.examples.hide()
                continue
            used.setdefault(header, []).append(row.field.label.get(language))
            if suggestion is not None and suggestion.header == header:
                percent = round(suggestion.confidence * 100)
                if suggestion.reason == "exact":
                    text = self.tr("exact match")
                elif suggestion.reason == "synonym":
                    text = self.tr("known name, %1%").replace("%1", str(percent))
                else:
                    text = self.tr("similar name, %1%").replace("%1", str(percent))
                row.match.setText(text)
                row.match.setStyleSheet("color: #107c10;" if percent >= 90 else "color: #8a5a00;")
            else:
                row.match.setText(self.tr("chosen by you"))
                row.match.setStyleSheet("color: #0b4f8a;")
            examples = distinct_values(self.table.column(header), EXAMPLES)
            identifier = identifier_type(row.field.type)
            if identifier is not None:
                examples = [identifier.example(e) for e in examples]
            row.examples.setText(", ".join(examples) if examples else self.tr("(empty column)"))
            row.examples.show()
        self.messages.show_problem(used, missing_required(self.rows, language))
        self.messages.show_header_notes(self.table, self.draft.mapping, self.programme, language)
        self.messages.show_key(self.rows, self.programme, language)
        self.breakdown_list.show(self.draft.mapping, self.programme, self.offered, self.language)
        self.breakdown_list.show_unfit(self.unfit, self.language)
        self.values_widget.show_values(self.language)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(
            self.tr(
                "Check which column of your file feeds each field. The assistant has suggested a choice."
            )
        )
        self.intro.setText(
            self.tr(
                "Examples come from your file and stay on this computer; identifying numbers are partly hidden."
            )
        )
        self.fields_heading.setText(self.tr("Fields of the programme"))
        if self.key_help_button is not None:
            self.key_help_button.retranslate(self.tr("Identification key"))
        self.values_widget.retranslate()
        self.breakdown_list.retranslate()
        self.file_bar.retranslate()
        self.suggest_button.setText(self.tr("S&tart from a suggestion"))
        if self.refusal is not None:
            self.saved_refused.show_message(
                "error",
                self.tr("The saved mapping does not fit this file: %1").replace(
                    "%1", self.refusal.render(self.language)
                )
                + "\n"
                + self.tr(
                    "Choose “Start from a suggestion” to map the columns anew, or load a "
                    "mapping that fits."
                ),
            )
        if self.wizard() is None or not self.rows:
            return
        for column, title in enumerate(
            (
                self.tr("Field"),
                self.tr("Column in your file"),
                self.tr("Match and examples"),
            )
        ):
            self.column_titles[column].setText(title)
        for row in self.rows:
            label = row.field.label.get(self.language)
            row.label.setText(label + (" *" if row.field.required else ""))
            if row.field.help:
                row.label.setToolTip(row.field.help.get(self.language))
            row.combo.setItemText(0, self.tr("— not in the file —"))
            row.combo.setAccessibleName(self.tr("Column for %1").replace("%1", label))
        self._update_rows()

    # -- saving and loading a mapping file (the bar does it) ------------------------------------

    def save_to(self, path: Path) -> None:
        self.file_bar.save_to(path)

    def load_from(self, path: Path) -> None:
        self.file_bar.load_from(path)

    def isComplete(self) -> bool:
        if self.wizard() is None or not self.rows:
            return False
        headers = [row.header for row in self.rows if row.header]
        if len(headers) != len(set(headers)) or missing_required(self.rows, self.language):
            return False
        if self.programme.identification_keys and key_in_use(self.rows, self.programme) is None:
            return False
        maximum = self.programme.max_breakdowns
        return maximum is None or len(self.draft.mapping.breakdowns) <= maximum
