"""Page 5: which column feeds which programme field (suggested, with confidence and examples),
how coded values translate, and which columns are breakdowns. Mappings save to JSON for next year."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from desktop_app.categories import is_derivable
from desktop_app.errors import AppError
from desktop_app.intake import RawTable
from desktop_app.mapping import BreakdownColumn, ColumnSuggestion, Mapping
from desktop_app.mapping.model import derived_header, is_derived_header
from desktop_app.mapping.start import MappingStart, starting_mapping
from desktop_app.mapping.store import load_mapping, save_mapping
from desktop_app.mapping.suggest import (
    duplicate_header_notes,
)
from desktop_app.mapping.values import code_lookup
from desktop_app.profiles import FieldType
from desktop_app.text import normalise_value
from desktop_app.ui.pages.base import WizardPage
from desktop_app.ui.widgets import (
    InlineMessage,
    ScrollArea,
    card,
    heading_label,
    hint_label,
    titled_card,
    vbox,
)
from desktop_app.ui.widgets.mapping_rows import FieldRow, ValueMapBox, distinct_values
from desktop_app.validation.identifier_types import identifier_type

MAX_LISTED_VALUES = 30
EXAMPLES = 3


class MappingPage(WizardPage):
    def __init__(self) -> None:  # noqa: PLR0915 (widget layout)
        super().__init__()
        self._built_for: tuple[int, str] | None = None
        self._loading = False
        self.rows: list[FieldRow] = []
        self.value_boxes: list[ValueMapBox] = []
        self.suggestions: dict[str, ColumnSuggestion] = {}
        self.offered: dict[str, str | None] = {}
        self.refusal: AppError | None = None  # the saved mapping did not fit the file

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
        self.fields_card = card(content)
        fields_layout = vbox(self.fields_card, margins=12, spacing=8)
        self.fields_heading = heading_label("", self.fields_card)
        fields_layout.addWidget(self.fields_heading)
        self.grid_widget = QWidget(self.fields_card)
        self.grid = QGridLayout(self.grid_widget)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(14)
        self.grid.setColumnStretch(3, 1)
        fields_layout.addWidget(self.grid_widget)
        self.key_message = InlineMessage(self.fields_card)
        self.problem = InlineMessage(self.fields_card)
        self.header_message = InlineMessage(self.fields_card)  # no header row, repeated names
        fields_layout.addWidget(self.header_message)
        fields_layout.addWidget(self.key_message)
        fields_layout.addWidget(self.problem)
        layout.addWidget(self.fields_card)

        self.values_widget = QWidget(content)
        self.values_layout = vbox(self.values_widget, spacing=8)
        self.values_heading = heading_label("", self.values_widget)
        self.values_hint = hint_label("", self.values_widget)
        layout.addWidget(self.values_widget)

        self.breakdown_card, breakdown_layout, self.breakdown_heading = titled_card(content)
        self.breakdown_hint = hint_label("", self.breakdown_card)
        self.breakdowns = QListWidget(self.breakdown_card)
        self.breakdowns.setMinimumHeight(150)
        self.breakdowns.itemChanged.connect(self._breakdown_changed)
        self.breakdown_message = InlineMessage(self.breakdown_card)
        breakdown_layout.addWidget(self.breakdown_hint)
        breakdown_layout.addWidget(self.breakdowns)
        breakdown_layout.addWidget(self.breakdown_message)
        layout.addWidget(self.breakdown_card)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(content)
        self.save_button.clicked.connect(self.save_mapping_file)
        self.load_button = QPushButton(content)
        self.load_button.clicked.connect(self.load_mapping_file)
        self.file_message = InlineMessage(content)
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.file_message)
        layout.addStretch(1)
        vbox(self).addWidget(ScrollArea(content, self))

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
        self._apply(start.mapping)

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
        self._build_breakdowns(mapping)
        self._loading = False
        self._commit()
        self.retranslate()

    def _build_field_rows(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.rows = []
        self.column_titles = [QLabel(self.grid_widget) for _ in range(4)]
        for column, title in enumerate(self.column_titles):
            title.setStyleSheet("font-weight: 600;")
            self.grid.addWidget(title, 0, column)
        for number, field in enumerate(self.programme.employee_fields, start=1):
            row = FieldRow(field, self.grid, number, self.grid_widget)
            row.combo.addItem("", None)
            for header in self.table.headers:
                row.combo.addItem(header, header)
            row.combo.currentIndexChanged.connect(lambda _i: self._commit())
            self.rows.append(row)

    def _build_breakdowns(self, mapping: Mapping) -> None:
        self.breakdowns.blockSignals(True)
        self.breakdowns.clear()
        chosen = {b.header for b in mapping.breakdowns}
        for header in self.table.headers:
            item = QListWidgetItem(header, self.breakdowns)
            item.setData(Qt.ItemDataRole.UserRole, header)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if header in chosen else Qt.CheckState.Unchecked
            )
        for breakdown in self.programme.breakdowns:  # age and year of entry, from a mapped date
            if not breakdown.derived_from or not is_derivable(breakdown.id):
                continue
            header = derived_header(breakdown.id)
            item = QListWidgetItem(header, self.breakdowns)
            item.setData(Qt.ItemDataRole.UserRole, header)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if header in chosen else Qt.CheckState.Unchecked
            )
        self.breakdowns.blockSignals(False)

    def derived_source(self, header: str) -> str | None:
        """The field a derived breakdown (``=age``) is computed from, or None for a column."""
        if not is_derived_header(header):
            return None
        try:
            return self.programme.breakdown(header[1:]).derived_from
        except KeyError:
            return None

    def breakdown_title(self, header: str) -> str:
        """How a breakdown is named to the officer: the column, or what a derived one is."""
        if header == derived_header("age"):
            return self.tr("Age (band at the reference date)")
        if header == derived_header("entry_year"):
            return self.tr("Year of entry (band)")
        return header

    # -- keeping the draft's mapping up to date --------------------------------------------------

    def current_mapping(self) -> Mapping:
        fields = {row.field.id: row.header for row in self.rows if row.header}
        breakdowns = []
        for index in range(self.breakdowns.count()):
            item = self.breakdowns.item(index)
            header = item.data(Qt.ItemDataRole.UserRole)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            if is_derived_header(header):
                if self.derived_source(header) in fields:  # only while its date is mapped
                    breakdowns.append(BreakdownColumn(header, header[1:]))
            elif header not in fields.values():
                breakdowns.append(BreakdownColumn(header, self.offered.get(header)))
        value_maps = {}
        for box in self.value_boxes:
            if fields.get(box.field.id) != box.header:
                continue
            default = code_lookup(box.field)
            overrides = {}
            for value, combo in box.combos.items():
                code = combo.currentData()
                if code is not None and default.get(normalise_value(value)) != code:
                    overrides[value] = code
            if overrides:
                value_maps[box.field.id] = overrides
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
        coded = {(box.field.id, box.header) for box in self.value_boxes}
        wanted = {
            (row.field.id, row.header)
            for row in self.rows
            if row.header and row.field.type == FieldType.CODE
        }
        if coded != wanted:
            self._build_value_maps(previous)
        self._update_rows()
        self.changed()

    def _build_value_maps(self, previous: Mapping | None) -> None:
        for box in self.value_boxes:
            box.box.deleteLater()
        self.value_boxes = []
        while self.values_layout.count():
            self.values_layout.takeAt(0)
        overrides_by_field = dict(previous.value_maps) if previous else {}
        for row in self.rows:
            if row.field.type != FieldType.CODE or not row.header:
                continue
            values = distinct_values(self.table.column(row.header), MAX_LISTED_VALUES + 1)
            box = ValueMapBox(row.field, row.header, values[:MAX_LISTED_VALUES], self.values_widget)
            lookup = code_lookup(row.field, overrides_by_field.get(row.field.id))
            for value, combo in box.combos.items():
                combo.addItem("", None)
                for code in row.field.codes:
                    combo.addItem("", code.code)
                index = combo.findData(lookup.get(normalise_value(value)))
                combo.setCurrentIndex(max(index, 0))
                combo.currentIndexChanged.connect(lambda _i: self._commit())
            box.too_many = len(values) > MAX_LISTED_VALUES
            self.value_boxes.append(box)
        if self.value_boxes:
            self.values_layout.addWidget(self.values_heading)
            self.values_layout.addWidget(self.values_hint)
            for box in self.value_boxes:
                self.values_layout.addWidget(box.box)
        self.values_widget.setVisible(bool(self.value_boxes))
        self._retranslate_value_maps()

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
        twice = {h: names for h, names in used.items() if len(names) > 1}
        if twice:
            header, names = next(iter(twice.items()))
            self.problem.show_message(
                "error",
                self.tr(
                    "Column “%1” is chosen for more than one field: %2. Choose one column per field."
                )
                .replace("%1", header)
                .replace("%2", ", ".join(names)),
            )
        elif missing := self._missing_required():
            self.problem.show_message(
                "error",
                self.tr("Still to map: %1.").replace("%1", ", ".join(missing)),
            )
        else:
            self.problem.clear_message()
        self._show_header_notes()
        self._show_key()
        self._show_breakdowns()
        self._retranslate_value_maps()

    def _show_header_notes(self) -> None:
        table = self.table
        notes = [n for n in table.notes if n.key == "intake.no-header-row"]
        notes += duplicate_header_notes(table, self.draft.mapping, self.programme)
        if notes:
            text = "\n".join(n.render(self.language) for n in notes)
            self.header_message.show_message("warning", text)
        else:
            self.header_message.clear_message()

    def _missing_required(self) -> list[str]:
        return [
            row.field.label.get(self.language)
            for row in self.rows
            if row.field.required and not row.header
        ]

    def _key_in_use(self):
        mapped = {row.field.id for row in self.rows if row.header}
        for key in self.programme.identification_keys:
            if set(key.fields) <= mapped:
                return key
        return None

    def _show_key(self) -> None:
        keys = self.programme.identification_keys
        if not keys:
            self.key_message.clear_message()
            return
        key = self._key_in_use()
        if key is not None:
            text = self.tr("Employees are identified by: %1.").replace(
                "%1", key.label.get(self.language)
            )
            if key.note:
                text += " " + key.note.get(self.language)
            self.key_message.show_message("ok", text)
        else:
            alternatives = self.tr(" or ").join(k.label.get(self.language) for k in keys)
            self.key_message.show_message(
                "error",
                self.tr("Map the columns of one way to identify employees: %1.").replace(
                    "%1", alternatives
                ),
            )

    def _show_breakdowns(self) -> None:
        mapping = self.draft.mapping
        fields = set(mapping.fields.values()) if mapping else set()
        self.breakdowns.blockSignals(True)
        for index in range(self.breakdowns.count()):
            item = self.breakdowns.item(index)
            header = item.data(Qt.ItemDataRole.UserRole)
            kind = self.offered.get(header)
            text = header
            if source := self.derived_source(header):
                text = self.breakdown_title(header)
                mapped = mapping is not None and source in mapping.fields
                item.setFlags(
                    item.flags() | Qt.ItemFlag.ItemIsEnabled
                    if mapped
                    else item.flags() & ~Qt.ItemFlag.ItemIsEnabled
                )
                if not mapped:
                    label = self.programme.employee_field(source).label.get(self.language)
                    text += "  —  " + self.tr("map “%1” first").replace("%1", label)
            elif header in fields:
                text += "  —  " + self.tr("used as a field above")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEnabled)
                if kind:
                    label = self.programme.breakdown(kind).label.get(self.language)
                    text += "  —  " + self.tr("looks like: %1").replace("%1", label)
            item.setText(text)
        self.breakdowns.blockSignals(False)
        count = len(mapping.breakdowns) if mapping else 0
        maximum = self.programme.max_breakdowns
        if maximum is not None and count > maximum:
            self.breakdown_message.show_message(
                "error",
                self.tr("Choose at most %1 breakdowns.").replace("%1", str(maximum)),
            )
        elif count:
            self.breakdown_message.show_message(
                "info",
                self.tr("Breakdowns chosen: %1.").replace(
                    "%1", ", ".join(self.breakdown_title(b.header) for b in mapping.breakdowns)
                ),
            )
        else:
            self.breakdown_message.show_message(
                "info", self.tr("No breakdown chosen: the figures cover the whole organisation.")
            )

    def _breakdown_changed(self, _item: QListWidgetItem) -> None:
        self._commit()

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
        self.values_heading.setText(self.tr("Coded values"))
        self.values_hint.setText(
            self.tr("Check how the values in your file translate to the programme's codes.")
        )
        self.breakdown_heading.setText(self.tr("Breakdowns (subgroups)"))
        self.breakdown_hint.setText(
            self.tr(
                "Tick the columns that hold a subgroup, such as department or function level. "
                "Each subgroup should be large enough; the next version helps you merge small ones."
            )
        )
        self.breakdowns.setAccessibleName(self.tr("Breakdown columns"))
        self.save_button.setText(self.tr("&Save mapping…"))
        self.load_button.setText(self.tr("&Load mapping…"))
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
                self.tr("Match"),
                self.tr("Examples"),
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

    def _retranslate_value_maps(self) -> None:
        for box in self.value_boxes:
            label = box.field.label.get(self.language)
            box.box.setTitle(
                self.tr("%1 (column “%2”)").replace("%1", label).replace("%2", box.header)
            )
            unknown = []
            for value, combo in box.combos.items():
                combo.setItemText(0, self.tr("— unknown —"))
                for index, code in enumerate(box.field.codes, start=1):
                    combo.setItemText(index, f"{code.code} – {code.label.get(self.language)}")
                combo.setAccessibleName(self.tr("Code for the value %1").replace("%1", value))
                if combo.currentData() is None:
                    unknown.append(value)
                    box.labels[value].setStyleSheet("color: #8e1b21; font-weight: 600;")
                else:
                    box.labels[value].setStyleSheet("")
            if unknown:
                box.message.show_message(
                    "warning",
                    self.tr(
                        "Not recognised: %1. Choose a code, or these rows will be reported as errors."
                    ).replace("%1", ", ".join(f"“{v}”" for v in unknown)),
                )
            elif getattr(box, "too_many", False):
                box.message.show_message(
                    "warning",
                    self.tr("This column has many different values. Is it the right column?"),
                )
            else:
                box.message.show_message("ok", self.tr("All values are recognised."))

    # -- saving and loading a mapping file -------------------------------------------------------

    def save_mapping_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save mapping"),
            self._suggested_mapping_path(),
            self.tr("Mapping (*.json)"),
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        try:
            save_mapping(self.current_mapping(), path)
        except (AppError, OSError) as error:
            text = error.render(self.language) if isinstance(error, AppError) else str(error)
            self.file_message.show_message("error", text)
            return
        self.file_message.show_message(
            "ok", self.tr("Mapping saved to %1.").replace("%1", str(path))
        )

    def load_mapping_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Load mapping"),
            self._suggested_mapping_path(),
            self.tr("Mapping (*.json)"),
        )
        if path:
            self.load_from(Path(path))

    def load_from(self, path: Path) -> None:
        try:
            mapping = load_mapping(path)
            start = starting_mapping(self.table, self.programme, mapping)  # refused: no fit
        except AppError as error:
            self.file_message.show_message("error", error.render(self.language))
            return
        self._start(start)
        self.file_message.show_message(
            "ok", self.tr("Mapping loaded from %1.").replace("%1", str(path))
        )

    def _suggested_mapping_path(self) -> str:
        source = self.draft.source.path
        folder = Path(source).parent if source else Path.home()
        return str(folder / f"mapping-{self.programme.id}.json")

    def isComplete(self) -> bool:
        if self.wizard() is None or not self.rows:
            return False
        headers = [row.header for row in self.rows if row.header]
        if len(headers) != len(set(headers)) or self._missing_required():
            return False
        if self.programme.identification_keys and self._key_in_use() is None:
            return False
        maximum = self.programme.max_breakdowns
        return maximum is None or len(self.draft.mapping.breakdowns) <= maximum
