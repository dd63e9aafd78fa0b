"""The benchmark beside the organisation's bars: typed in (one share per origin group) or read
from a CSV in the office's table layout; nothing is fetched. The core checks it
(:func:`desktop_app.results.typed_benchmark`, :func:`desktop_app.results.read_benchmark`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.profiles import load_programme_by_id
from desktop_app.results import Benchmark, ResultSet, group_labels, read_benchmark, typed_benchmark
from desktop_app.ui.widgets import InlineMessage, vbox


class BenchmarkPanel(QWidget):
    """``changed`` is called with the benchmark (None: none shown) whenever the officer applies
    or clears one."""

    def __init__(
        self, changed: Callable[[Benchmark | None], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.changed = changed
        self.result: ResultSet | None = None
        self.language = "en"
        layout = vbox(self, spacing=6)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.label_edit = QLineEdit(self)
        self.form.addRow(self.tr("Name"), self.label_edit)
        self.spins: dict[str, QDoubleSpinBox] = {}
        buttons = QHBoxLayout()
        self.apply_button = QPushButton(self)
        self.apply_button.clicked.connect(self.apply)
        self.csv_button = QPushButton(self)
        self.csv_button.clicked.connect(self.choose_csv)
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self.clear)
        for button in (self.apply_button, self.csv_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = InlineMessage(self)
        layout.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.apply_button.setText(self.tr("Show the &benchmark"))
        self.csv_button.setText(self.tr("Benchmark from a &CSV…"))
        self.clear_button.setText(self.tr("&Hide the benchmark"))
        self.label_edit.setPlaceholderText(self.tr("e.g. employees in the Netherlands, CBS 2025"))
        self.label_edit.setAccessibleName(self.tr("Name of the benchmark"))

    def set_result(self, result: ResultSet | None, language: str) -> None:
        """One spin box per origin group of ``result``'s classification."""
        if result is not None and self.result is not None and result.groups == self.result.groups:
            self.result = result
            return
        self.result, self.language = result, language
        while self.form.rowCount() > 1:  # the name stays
            self.form.removeRow(1)
        self.spins = {}
        if result is None:
            return
        for group, label in zip(result.groups, group_labels(result, language), strict=True):
            spin = QDoubleSpinBox(self)
            spin.setRange(0.0, 100.0)
            spin.setDecimals(1)
            spin.setSuffix(" %")
            spin.setAccessibleName(label)
            self.form.addRow(label, spin)
            self.spins[group] = spin
        self.retranslate()

    def apply(self) -> None:
        if self.result is None:
            return
        shares = {g: spin.value() for g, spin in self.spins.items()}
        try:
            benchmark = typed_benchmark(self.result, shares, self.label_edit.text().strip())
        except AppError as error:
            self.message.show_message("error", error.render(self.language))
            return
        self.message.clear_message()
        self.changed(benchmark)

    def choose_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Benchmark file"), "", self.tr("Tables (*.csv *.xlsx)")
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        if self.result is None:
            return
        try:
            programme = load_programme_by_id(self.result.programme)
            benchmark = read_benchmark(path, programme, self.result)
        except AppError as error:
            self.message.show_message("error", error.render(self.language))
            return
        self.message.clear_message()
        self.label_edit.setText(benchmark.label)
        for group, spin in self.spins.items():
            spin.setValue(benchmark.shares.get(group, 0.0))
        self.changed(benchmark)

    def clear(self) -> None:
        self.message.clear_message()
        self.changed(None)
