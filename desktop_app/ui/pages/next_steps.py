"""Last page for now: a summary with subgroup sizes per breakdown, and what the next version adds
(safe categories, the package, the upload)."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop_app.categories import check_subgroup_sizes, subgroup_sizes
from desktop_app.ui.pages.base import WizardPage
from desktop_app.ui.widgets import InlineMessage, ScrollArea, card, heading_label, hint_label, vbox

MAX_SUBGROUPS_SHOWN = 50


class NextStepsPage(WizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setFinalPage(True)
        content = QWidget()
        self.content_layout = vbox(content, spacing=12)
        self.status = InlineMessage(content)
        self.coming_card = card(content)
        coming = vbox(self.coming_card, margins=12, spacing=6)
        self.coming_heading = heading_label("", self.coming_card)
        self.coming_text = hint_label("", self.coming_card)
        coming.addWidget(self.coming_heading)
        coming.addWidget(self.coming_text)
        self.groups_widget = QWidget(content)
        self.groups_layout = vbox(self.groups_widget, spacing=8)
        self.groups_heading = heading_label("", self.groups_widget)
        self.groups_hint = hint_label("", self.groups_widget)
        self.tables: list[tuple[str, QTableWidget, InlineMessage]] = []
        self.content_layout.addWidget(self.status)
        self.content_layout.addWidget(self.groups_widget)
        self.content_layout.addWidget(self.coming_card)
        self.content_layout.addStretch(1)
        vbox(self).addWidget(ScrollArea(content, self))

    def load(self) -> None:
        for _header, table, message in self.tables:
            table.deleteLater()
            message.deleteLater()
        self.tables = []
        while self.groups_layout.count():
            self.groups_layout.takeAt(0)
        result = self.session.validation
        breakdowns = self.draft.breakdowns if self.wiz().uses_file() else ()
        if result is None or not breakdowns:
            self.groups_widget.hide()
            return
        self.groups_layout.addWidget(self.groups_heading)
        self.groups_layout.addWidget(self.groups_hint)
        for header in breakdowns:
            column = f"breakdown:{header}"
            if column not in result.records.columns:
                continue
            labels = pd.Series(result.records[column][result.included]).astype(object)
            labels = labels.where(labels.notna() & (labels.astype(str).str.strip() != ""))
            table = QTableWidget(self.groups_widget)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.setColumnCount(3)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            sizes = subgroup_sizes(labels.dropna())
            minimum = self.programme.thresholds.min_subgroup_size
            violations = check_subgroup_sizes(labels.dropna(), minimum) if minimum else []
            small = {v.subgroup for v in violations}
            shown = list(sizes.items())[:MAX_SUBGROUPS_SHOWN]
            table.setRowCount(len(shown))
            for row, (label, size) in enumerate(shown):
                table.setItem(row, 0, QTableWidgetItem(label))
                count = QTableWidgetItem(QLocale().toString(size))
                table.setItem(row, 1, count)
                status = QTableWidgetItem()
                status.setData(Qt.ItemDataRole.UserRole, int(label in small))
                table.setItem(row, 2, status)
            table.setMinimumHeight(min(40 + 26 * len(shown), 320))
            message = InlineMessage(self.groups_widget)
            self.groups_layout.addWidget(table)
            self.groups_layout.addWidget(message)
            table.setProperty("breakdown", header)
            table.setProperty("small_count", len(small))
            self.tables.append((header, table, message))
        self.groups_widget.show()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Next steps"))
        self.setSubTitle(
            self.tr("Your choices are saved. You can close the assistant and continue later.")
        )
        self.coming_heading.setText(self.tr("Coming in the next version"))
        self.coming_text.setText(
            self.tr(
                "Choosing safe categories (merging small subgroups, age bands), making the package "
                "for the receiving office, encrypting it and uploading it come in the next version "
                "of the assistant. Everything you entered so far is kept."
            )
        )
        self.groups_heading.setText(self.tr("Subgroup sizes"))
        if self.wizard() is None:
            return
        minimum = self.programme.thresholds.min_subgroup_size if self.programme else None
        if minimum:
            self.groups_hint.setText(
                self.tr("The programme asks at least %1 employees per subgroup.").replace(
                    "%1", QLocale().toString(minimum)
                )
            )
        else:
            self.groups_hint.setText(self.tr("Employees counted per subgroup."))
        for header, table, message in self.tables:
            table.setHorizontalHeaderLabels(
                [
                    self.tr("Subgroup of “%1”").replace("%1", header),
                    self.tr("Employees"),
                    self.tr("Status"),
                ]
            )
            table.setAccessibleName(self.tr("Subgroup sizes of %1").replace("%1", header))
            for row in range(table.rowCount()):
                item = table.item(row, 2)
                small = bool(item.data(Qt.ItemDataRole.UserRole))
                item.setText(self.tr("too small: merge") if small else self.tr("large enough"))
            small_count = table.property("small_count") or 0
            if small_count:
                message.show_message(
                    "warning",
                    self.tr("%1 subgroups of “%2” are smaller than the programme allows.")
                    .replace("%1", str(small_count))
                    .replace("%2", header),
                )
            else:
                message.show_message("ok", self.tr("Every subgroup is large enough."))
        if self.wiz().uses_file():
            self.status.show_message(
                "ok", self.tr("The staff file has been checked. Your choices are saved as a draft.")
            )
        else:
            self.status.show_message(
                "ok",
                self.tr(
                    "No staff file is needed for this programme. Your choices are saved as a draft."
                ),
            )
