"""Parts of the mapping page: the messages under the field grid, the coded values, the breakdown list (which columns, and which derived bands, are
subgroups) and the bar that saves the mapping to JSON and loads it back for next year.

Their strings keep the mapping page's translation context ("MappingPage")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.categories import is_derivable
from desktop_app.errors import AppError
from desktop_app.intake import RawTable
from desktop_app.mapping import BreakdownColumn, Mapping
from desktop_app.mapping.model import derived_header, is_derived_header
from desktop_app.mapping.start import MappingStart, NotABreakdown, starting_mapping
from desktop_app.mapping.store import load_mapping, save_mapping
from desktop_app.mapping.suggest import duplicate_header_notes
from desktop_app.mapping.values import code_lookup
from desktop_app.messages import Message
from desktop_app.profiles import FieldType, Programme
from desktop_app.text import normalise_value
from desktop_app.ui.pages.base import WizardPage
from desktop_app.ui.widgets import InlineMessage, heading_label, hint_label, titled_card, vbox
from desktop_app.ui.widgets.field_help import with_help
from desktop_app.ui.widgets.flow_layout import FlowLayout
from desktop_app.ui.widgets.mapping_rows import FieldRow, ValueMapBox, distinct_values

MAX_LISTED_VALUES = 30
QUOTES = {"nl": ("‘", "’"), "en": ("“", "”"), "fr": ("« ", " »")}  # a column's name, quoted


def derived_source(programme: Programme, header: str) -> str | None:
    """The field a derived breakdown (``=age``) is computed from, or None for a column."""
    if not is_derived_header(header):
        return None
    try:
        return programme.breakdown(header[1:]).derived_from
    except KeyError:
        return None


def breakdown_title(header: str) -> str:
    """How a breakdown is named to the officer: the column, or what a derived one is."""
    if header == derived_header("age"):
        return QCoreApplication.translate("MappingPage", "Age (band at the reference date)")
    if header == derived_header("entry_year"):
        return QCoreApplication.translate("MappingPage", "Year of entry (band)")
    return header


def _checkable(header: str, parent: QListWidget, chosen: set[str]) -> None:
    item = QListWidgetItem(header, parent)
    item.setData(Qt.ItemDataRole.UserRole, header)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if header in chosen else Qt.CheckState.Unchecked)


class BreakdownList:
    """The breakdowns card: a checkable list of the file's columns and the derivable bands."""

    def __init__(self, parent: QWidget, changed: Callable[[], None]) -> None:
        self.card, layout, self.heading = titled_card(parent)
        layout.removeWidget(self.heading)
        heading_row, self.help_button = with_help(self.heading, "breakdowns")
        layout.insertWidget(0, heading_row)
        self.hint = hint_label("", self.card)
        self.list = QListWidget(self.card)
        self.list.setMinimumHeight(150)
        self.list.itemChanged.connect(lambda _item: changed())
        self.message = InlineMessage(self.card)
        # the columns never offered (names, personal numbers, mostly distinct), and why
        self.unfit_note = hint_label("", self.card)
        self.unfit_note.hide()
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        layout.addWidget(self.unfit_note)
        layout.addWidget(self.message)

    def build(self, headers: list[str], programme: Programme, mapping: Mapping) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        chosen = {b.header for b in mapping.breakdowns}
        for header in headers:
            _checkable(header, self.list, chosen)
        for breakdown in programme.breakdowns:  # age and year of entry, from a mapped date
            if not breakdown.derived_from or not is_derivable(breakdown.id):
                continue
            _checkable(derived_header(breakdown.id), self.list, chosen)
        self.list.blockSignals(False)

    def chosen(
        self, programme: Programme, fields: dict[str, str], offered: dict[str, str | None]
    ) -> list[BreakdownColumn]:
        breakdowns = []
        for index in range(self.list.count()):
            item = self.list.item(index)
            header = item.data(Qt.ItemDataRole.UserRole)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            if is_derived_header(header):
                if derived_source(programme, header) in fields:  # only while its date is mapped
                    breakdowns.append(BreakdownColumn(header, header[1:]))
            elif header not in fields.values():
                breakdowns.append(BreakdownColumn(header, offered.get(header)))
        return breakdowns

    def show(
        self,
        mapping: Mapping | None,
        programme: Programme,
        offered: dict[str, str | None],
        language: str,
    ) -> None:
        fields = set(mapping.fields.values()) if mapping else set()
        self.list.blockSignals(True)
        for index in range(self.list.count()):
            item = self.list.item(index)
            header = item.data(Qt.ItemDataRole.UserRole)
            kind = offered.get(header)
            text = header
            if source := derived_source(programme, header):
                text = breakdown_title(header)
                mapped = mapping is not None and source in mapping.fields
                item.setFlags(
                    item.flags() | Qt.ItemFlag.ItemIsEnabled
                    if mapped
                    else item.flags() & ~Qt.ItemFlag.ItemIsEnabled
                )
                if not mapped:
                    label = programme.employee_field(source).label.get(language)
                    text += "  —  " + QCoreApplication.translate(
                        "MappingPage", "map “%1” first"
                    ).replace("%1", label)
            elif header in fields:
                text += "  —  " + QCoreApplication.translate("MappingPage", "used as a field above")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEnabled)
                if kind:
                    label = programme.breakdown(kind).label.get(language)
                    text += "  —  " + QCoreApplication.translate(
                        "MappingPage", "looks like: %1"
                    ).replace("%1", label)
            item.setText(text)
        self.list.blockSignals(False)
        count = len(mapping.breakdowns) if mapping else 0
        maximum = programme.max_breakdowns
        if maximum is not None and count > maximum:
            self.message.show_message(
                "error",
                QCoreApplication.translate("MappingPage", "Choose at most %1 breakdowns.").replace(
                    "%1", str(maximum)
                ),
            )
        elif count and mapping is not None:
            self.message.show_message(
                "info",
                QCoreApplication.translate("MappingPage", "Breakdowns chosen: %1.").replace(
                    "%1", ", ".join(breakdown_title(b.header) for b in mapping.breakdowns)
                ),
            )
        else:
            self.message.show_message(
                "info",
                QCoreApplication.translate(
                    "MappingPage", "No breakdown chosen: the figures cover the whole organisation."
                ),
            )

    def show_unfit(self, unfit: Sequence[NotABreakdown], language: str) -> None:
        """Name the columns left out of the list (core rule: never a breakdown), the reasons in
        the tooltip."""
        self.unfit_note.setVisible(bool(unfit))
        if not unfit:
            return
        left, right = QUOTES.get(language, QUOTES["en"])
        columns = [f"{left}{u.header}{right}" for u in unfit]
        self.unfit_note.setText(
            Message("mapping.breakdowns-not-offered", {"columns": columns}).render(language)
        )
        self.unfit_note.setToolTip("\n".join(u.message().render(language) for u in unfit))

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("MappingPage", "Breakdowns (subgroups)"))
        if self.help_button is not None:
            self.help_button.retranslate(
                QCoreApplication.translate("MappingPage", "Breakdowns (subgroups)")
            )
        self.hint.setText(
            QCoreApplication.translate(
                "MappingPage",
                "Tick the columns that hold a subgroup, such as department or function level. "
                "Each subgroup should be large enough; a later step shows the small ones and helps you "
                "merge them.",
            )
        )
        self.list.setAccessibleName(QCoreApplication.translate("MappingPage", "Breakdown columns"))


class MappingFileBar(QWidget):
    """Load and save buttons and the message that reports what they did. ``current`` gives the
    mapping to save; ``start`` shows a loaded mapping that fits the file."""

    def __init__(
        self,
        page: WizardPage,
        current: Callable[[], Mapping],
        start: Callable[[MappingStart], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.page = page
        self.current = current
        self.start = start
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        buttons = FlowLayout()  # continues on a next line when narrow
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save_mapping_file)
        self.load_button = QPushButton(self)
        self.load_button.clicked.connect(self.load_mapping_file)
        self.message = InlineMessage(self)
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def save_mapping_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.page,
            QCoreApplication.translate("MappingPage", "Save mapping"),
            self.suggested_path(),
            QCoreApplication.translate("MappingPage", "Mapping (*.json)"),
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        language = self.page.language
        try:
            save_mapping(self.current(), path)
        except (AppError, OSError) as error:
            text = error.render(language) if isinstance(error, AppError) else str(error)
            self.message.show_message("error", text)
            return
        self.message.show_message(
            "ok",
            QCoreApplication.translate("MappingPage", "Mapping saved to %1.").replace(
                "%1", str(path)
            ),
        )

    def load_mapping_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.page,
            QCoreApplication.translate("MappingPage", "Load mapping"),
            self.suggested_path(),
            QCoreApplication.translate("MappingPage", "Mapping (*.json)"),
        )
        if path:
            self.load_from(Path(path))

    def load_from(self, path: Path) -> None:
        page = self.page
        try:
            mapping = load_mapping(path)
            start = starting_mapping(page.session.table, page.programme, mapping)  # refused: no fit
        except AppError as error:
            self.message.show_message("error", error.render(page.language))
            return
        self.start(start)
        self.message.show_message(
            "ok",
            QCoreApplication.translate("MappingPage", "Mapping loaded from %1.").replace(
                "%1", str(path)
            ),
        )

    def suggested_path(self) -> str:
        source = self.page.draft.source.path
        folder = Path(source).parent if source else Path.home()
        return str(folder / f"mapping-{self.page.programme.id}.json")

    def retranslate(self) -> None:
        self.save_button.setText(QCoreApplication.translate("MappingPage", "&Save mapping…"))
        self.load_button.setText(QCoreApplication.translate("MappingPage", "&Load mapping…"))


class ValueMaps(QWidget):
    """The coded values: one box per mapped code field, each value of the column against the
    field's codes (the programme's defaults, then the officer's overrides)."""

    def __init__(self, changed: Callable[[], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.changed = changed
        self.boxes: list[ValueMapBox] = []
        self.box_layout = vbox(self, spacing=8)
        self.heading = heading_label("", self)
        self.hint = hint_label("", self)

    def stale(self, rows: list[FieldRow]) -> bool:
        """Whether the boxes shown differ from the code fields mapped in ``rows``."""
        coded = {(box.field.id, box.header) for box in self.boxes}
        wanted = {
            (row.field.id, row.header)
            for row in rows
            if row.header and row.field.type == FieldType.CODE
        }
        return coded != wanted

    def build(
        self, rows: list[FieldRow], table: RawTable, previous: Mapping | None, language: str
    ) -> None:
        for box in self.boxes:
            box.box.deleteLater()
        self.boxes = []
        while self.box_layout.count():
            self.box_layout.takeAt(0)
        overrides_by_field = dict(previous.value_maps) if previous else {}
        for row in rows:
            if row.field.type != FieldType.CODE or not row.header:
                continue
            values = distinct_values(table.column(row.header), MAX_LISTED_VALUES + 1)
            box = ValueMapBox(row.field, row.header, values[:MAX_LISTED_VALUES], self)
            lookup = code_lookup(row.field, overrides_by_field.get(row.field.id))
            for value, combo in box.combos.items():
                combo.addItem("", None)
                for code in row.field.codes:
                    combo.addItem("", code.code)
                index = combo.findData(lookup.get(normalise_value(value)))
                combo.setCurrentIndex(max(index, 0))
                combo.currentIndexChanged.connect(lambda _i: self.changed())
            box.too_many = len(values) > MAX_LISTED_VALUES
            self.boxes.append(box)
        if self.boxes:
            self.box_layout.addWidget(self.heading)
            self.box_layout.addWidget(self.hint)
            for box in self.boxes:
                self.box_layout.addWidget(box.box)
        self.setVisible(bool(self.boxes))
        self.show_values(language)

    def overrides(self, fields: dict[str, str]) -> dict[str, dict[str, str]]:
        """The officer's codes that differ from the programme's defaults, per mapped field."""
        value_maps = {}
        for box in self.boxes:
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
        return value_maps

    def show_values(self, language: str) -> None:
        for box in self.boxes:
            label = box.field.label.get(language)
            box.box.setTitle(
                QCoreApplication.translate("MappingPage", "%1 (column “%2”)")
                .replace("%1", label)
                .replace("%2", box.header)
            )
            unknown = []
            for value, combo in box.combos.items():
                combo.setItemText(0, QCoreApplication.translate("MappingPage", "— choose a code —"))
                # the code's meaning in the officer's language; the code itself is what the
                # office's file carries ("full-time"), not a word the officer reads
                for index, code in enumerate(box.field.codes, start=1):
                    combo.setItemText(index, code.label.get(language))
                combo.setAccessibleName(
                    QCoreApplication.translate("MappingPage", "Code for the value %1").replace(
                        "%1", value
                    )
                )
                if combo.currentData() is None:
                    unknown.append(value)
                    box.labels[value].setStyleSheet("color: #8e1b21; font-weight: 600;")
                else:
                    box.labels[value].setStyleSheet("")
            if unknown:
                box.message.show_message(
                    "warning",
                    QCoreApplication.translate(
                        "MappingPage",
                        "Not recognised: %1. Choose a code, or these rows will be reported as errors.",
                    ).replace("%1", ", ".join(f"“{v}”" for v in unknown)),
                )
            elif getattr(box, "too_many", False):
                box.message.show_message(
                    "warning",
                    QCoreApplication.translate(
                        "MappingPage",
                        "This column has many different values. Is it the right column?",
                    ),
                )
            else:
                box.message.show_message(
                    "ok", QCoreApplication.translate("MappingPage", "All values are recognised.")
                )

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("MappingPage", "Coded values"))
        self.hint.setText(
            QCoreApplication.translate(
                "MappingPage",
                "Check how the values in your file translate to the programme's codes.",
            )
        )


def missing_required(rows: list[FieldRow], language: str) -> list[str]:
    """The required fields not mapped yet, by their labels."""
    return [row.field.label.get(language) for row in rows if row.field.required and not row.header]


def key_in_use(rows: list[FieldRow], programme: Programme):
    """The first way to identify employees whose fields are all mapped (None: none is)."""
    mapped = {row.field.id for row in rows if row.header}
    for key in programme.identification_keys:
        if set(key.fields) <= mapped:
            return key
    return None


class FieldMessages:
    """The messages under the field grid: the file's header notes (no header row, repeated
    names), the way employees are identified, and what is wrong with the columns chosen."""

    def __init__(self, parent: QWidget, layout: QVBoxLayout) -> None:
        self.key_message = InlineMessage(parent)
        self.problem = InlineMessage(parent)
        self.header_message = InlineMessage(parent)  # no header row, repeated names
        layout.addWidget(self.header_message)
        layout.addWidget(self.key_message)
        layout.addWidget(self.problem)

    def show_problem(self, used: dict[str, list[str]], missing: list[str]) -> None:
        """``used``: the fields per column chosen; ``missing``: required fields not mapped."""
        twice = {h: names for h, names in used.items() if len(names) > 1}
        if twice:
            header, names = next(iter(twice.items()))
            self.problem.show_message(
                "error",
                QCoreApplication.translate(
                    "MappingPage",
                    "Column “%1” is chosen for more than one field: %2. Choose one column per field.",
                )
                .replace("%1", header)
                .replace("%2", ", ".join(names)),
            )
        elif missing:
            self.problem.show_message(
                "error",
                QCoreApplication.translate("MappingPage", "Still to map: %1.").replace(
                    "%1", ", ".join(missing)
                ),
            )
        else:
            self.problem.clear_message()

    def show_header_notes(
        self, table: RawTable, mapping: Mapping | None, programme: Programme, language: str
    ) -> None:
        notes = [n for n in table.notes if n.key == "intake.no-header-row"]
        notes += duplicate_header_notes(table, mapping, programme)
        if notes:
            text = "\n".join(n.render(language) for n in notes)
            self.header_message.show_message("warning", text)
        else:
            self.header_message.clear_message()

    def show_key(self, rows: list[FieldRow], programme: Programme, language: str) -> None:
        keys = programme.identification_keys
        if not keys:
            self.key_message.clear_message()
            return
        key = key_in_use(rows, programme)
        if key is not None:
            text = QCoreApplication.translate(
                "MappingPage", "Employees are identified by: %1."
            ).replace("%1", key.label.get(language))
            if key.note:
                text += " " + key.note.get(language)
            self.key_message.show_message("ok", text)
        else:
            alternatives = QCoreApplication.translate("MappingPage", " or ").join(
                k.label.get(language) for k in keys
            )
            self.key_message.show_message(
                "error",
                QCoreApplication.translate(
                    "MappingPage", "Map the columns of one way to identify employees: %1."
                ).replace("%1", alternatives),
            )
