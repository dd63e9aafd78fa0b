"""The results window, opened from the start window's "View results": the office's tables kept
for an organisation, per year and breakdown as stacked bars beside the total and a benchmark,
year over year per subgroup with the chance verdict, the publication check, and the report.

Thin: every figure, chart, verdict and text comes from :mod:`desktop_app.results` (the charts as
the core's SVG, drawn by :class:`~desktop_app.ui.widgets.results_charts.SvgChart`); the report is
written by :func:`desktop_app.render.results.write_results_report`, as ``results report`` does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.render.results import write_results_report
from desktop_app.results import (
    Benchmark,
    PublicationCheck,
    ResultSet,
    ResultsReport,
    bar_chart_svg,
    breakdown_bars,
    build_report,
    check_result,
    check_texts,
    line_chart_svg,
    load_history,
    subgroups_of,
    year_lines,
)
from desktop_app.results.report import check_heading, set_heading
from desktop_app.ui.widgets import (
    InlineMessage,
    ScrollArea,
    failure_text,
    hint_label,
    titled_card,
    vbox,
)
from desktop_app.ui.widgets.results_benchmark import BenchmarkPanel
from desktop_app.ui.widgets.results_charts import SvgChart
from desktop_app.ui.widgets.results_import import ImportDialog
from desktop_app.ui.workers import Worker, WorkerManager


def _check_job(_worker: Worker, result: ResultSet) -> PublicationCheck:
    return check_result(result)


def _report_job(
    _worker: Worker,
    history: tuple[ResultSet, ...],
    language: str,
    organisation: str,
    benchmark: Benchmark | None,
) -> ResultsReport:
    """The report's content (Qt-free: the publication check of every year, the charts' SVG, the
    xlsx), built off the GUI thread; the files are written on it when this is done."""
    return build_report(history, language, organisation=organisation, benchmark=benchmark)


class ResultsWindow(QDialog):
    """The results of ``organisation`` (its stable id)."""

    def __init__(  # noqa: PLR0915 (widget layout)
        self, organisation: str, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.organisation = organisation
        self.language = language
        self.history: tuple[ResultSet, ...] = ()
        self.benchmark: Benchmark | None = None
        self.workers = WorkerManager(self)
        self.check_worker: Worker | None = None
        self.report_worker: Worker | None = None
        self.saved_report: Path | None = None  # the PDF the last "Save the report…" wrote
        self.resize(820, 760)
        outer = vbox(self, margins=0, spacing=0)
        content = QWidget(self)
        layout = vbox(content, margins=16, spacing=12)
        outer.addWidget(ScrollArea(content, self))

        self.title = QLabel(content)
        self.title.setProperty("role", "heading")
        layout.addWidget(self.title)
        self.empty = hint_label("", content)
        layout.addWidget(self.empty)
        actions = QHBoxLayout()
        self.import_button = QPushButton(content)
        self.import_button.clicked.connect(self.choose_import)
        self.report_button = QPushButton(content)
        self.report_button.clicked.connect(self.choose_report)
        actions.addWidget(self.import_button)
        actions.addWidget(self.report_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.message = InlineMessage(content)
        layout.addWidget(self.message)

        # per year and breakdown: the bars
        self.bars_card, bars, self.bars_heading = titled_card(content)
        form = QFormLayout()
        self.set_choice = QComboBox(self.bars_card)
        self.set_choice.currentIndexChanged.connect(self.show_set)
        self.breakdown_choice = QComboBox(self.bars_card)
        self.breakdown_choice.currentIndexChanged.connect(self.show_bars)
        self.set_label = QLabel(self.bars_card)
        self.set_label.setBuddy(self.set_choice)
        self.breakdown_label = QLabel(self.bars_card)
        self.breakdown_label.setBuddy(self.breakdown_choice)
        form.addRow(self.set_label, self.set_choice)
        form.addRow(self.breakdown_label, self.breakdown_choice)
        bars.addLayout(form)
        self.bar_chart = SvgChart(self.bars_card)
        bars.addWidget(self.bar_chart)
        self.benchmark_heading = QLabel(self.bars_card)
        bars.addWidget(self.benchmark_heading)
        self.benchmark_panel = BenchmarkPanel(self.set_benchmark, self.bars_card)
        bars.addWidget(self.benchmark_panel)
        layout.addWidget(self.bars_card)

        # year over year
        self.lines_card, lines, self.lines_heading = titled_card(content)
        row = QFormLayout()
        self.subgroup_choice = QComboBox(self.lines_card)
        self.subgroup_choice.currentIndexChanged.connect(self.show_lines)
        self.subgroup_label = QLabel(self.lines_card)
        self.subgroup_label.setBuddy(self.subgroup_choice)
        row.addRow(self.subgroup_label, self.subgroup_choice)
        lines.addLayout(row)
        self.line_charts: list[SvgChart] = []
        self.lines_box = vbox(QWidget(self.lines_card))
        lines.addWidget(self.lines_box.parentWidget())
        self.verdicts = QLabel(self.lines_card)
        self.verdicts.setWordWrap(True)
        lines.addWidget(self.verdicts)
        layout.addWidget(self.lines_card)

        # the publication check of the chosen year
        self.check_card, check, self.check_heading = titled_card(content)
        self.check_hint = hint_label("", self.check_card)
        self.check_text = QLabel(self.check_card)
        self.check_text.setWordWrap(True)
        check.addWidget(self.check_hint)
        check.addWidget(self.check_text)
        layout.addWidget(self.check_card)
        layout.addStretch(1)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Results"))
        self.title.setText(self.tr("Results for %1").replace("%1", self.organisation))
        self.empty.setText(
            self.tr(
                "Nothing is kept yet. Import the tables the office returned: the file you "
                "downloaded from its portal."
            )
        )
        self.import_button.setText(self.tr("&Import the office's tables…"))
        self.report_button.setText(self.tr("Save the &report…"))
        self.bars_heading.setText(self.tr("Per subgroup"))
        self.set_label.setText(self.tr("&Year"))
        self.breakdown_label.setText(self.tr("Brea&kdown"))
        self.benchmark_heading.setText(
            self.tr("Benchmark (typed in or from a CSV; nothing is fetched)")
        )
        self.lines_heading.setText(self.tr("Year over year"))
        self.subgroup_label.setText(self.tr("&Subgroup"))
        self.check_heading.setText(self.tr("Before you publish"))
        self.check_hint.setText(
            self.tr(
                "The publication check: could a published figure tell something about fewer "
                "people than the threshold, directly or by subtracting figures?"
            )
        )

    # -- data ---------------------------------------------------------------------------------------

    def reload(self) -> None:
        try:
            self.history = load_history(self.organisation)
        except AppError as error:
            self.history = ()
            self.message.show_message("error", error.render(self.language))
        has = bool(self.history)
        self.empty.setVisible(not has)
        for widget in (self.bars_card, self.lines_card, self.check_card, self.report_button):
            widget.setVisible(has)
        self.set_choice.blockSignals(True)
        self.set_choice.clear()
        for index, result in sorted(
            enumerate(self.history), key=lambda p: (-(p[1].year or 0), p[1].programme)
        ):
            self.set_choice.addItem(set_heading(result, self.language), index)
        self.set_choice.blockSignals(False)
        if has:
            self.show_set()

    def current(self) -> ResultSet | None:
        index = self.set_choice.currentData()
        return self.history[index] if isinstance(index, int) else None

    def show_set(self) -> None:
        result = self.current()
        if result is None:
            return
        chosen = self.breakdown_choice.currentText()
        self.breakdown_choice.blockSignals(True)
        self.breakdown_choice.clear()
        names = [t.breakdown for t in result.tables if any(not r.total for r in t.rows)]
        self.breakdown_choice.addItems(names or [t.breakdown for t in result.tables])
        if chosen in names:
            self.breakdown_choice.setCurrentText(chosen)
        self.breakdown_choice.blockSignals(False)
        self.benchmark_panel.set_result(result, self.language)
        if self.benchmark is not None and self.benchmark.classification != result.classification:
            self.benchmark = None
        self.show_bars()
        self.show_check(result)

    def show_bars(self) -> None:
        result = self.current()
        breakdown = self.breakdown_choice.currentText()
        if result is None or not breakdown:
            return
        chart = breakdown_bars(result, breakdown, self.language, self.benchmark)
        self.bar_chart.set_svg(bar_chart_svg(chart), chart.describe())
        chosen = self.subgroup_choice.currentText()
        self.subgroup_choice.blockSignals(True)
        self.subgroup_choice.clear()
        self.subgroup_choice.addItems(list(subgroups_of(self.history, breakdown)))
        if chosen:
            self.subgroup_choice.setCurrentText(chosen)
        self.subgroup_choice.blockSignals(False)
        self.show_lines()

    def show_lines(self) -> None:
        breakdown = self.breakdown_choice.currentText()
        subgroup = self.subgroup_choice.currentText()
        for chart in self.line_charts:
            chart.setParent(None)
            chart.deleteLater()
        self.line_charts = []
        charts = year_lines(self.history, breakdown, subgroup, self.language) if subgroup else ()
        texts: list[str] = []
        within = self.tr("within chance")
        band = self.tr("Band: what chance explains (95%, Wilson, over the group size)")
        for chart in charts:
            widget = SvgChart(self.lines_card)
            widget.set_svg(line_chart_svg(chart, within, band), chart.describe())
            self.lines_box.addWidget(widget)
            self.line_charts.append(widget)
            texts += [c.text for s in chart.series for c in s.changes]
            if chart.note:
                texts.append(chart.note)
        if not charts:
            texts.append(
                self.tr(
                    "One year of this series so far: the comparison between years follows once "
                    "you import another year's tables."
                )
            )
        self.verdicts.setText("\n".join(texts))

    def show_check(self, result: ResultSet) -> None:
        """The publication check of ``result``, on a worker: with its proposals it takes seconds
        on a table of many subgroups, and the window stays responsive meanwhile. A result that
        arrives after another year was chosen is dropped."""
        if self.check_worker is not None:
            self.check_worker.cancel()
        self.check_text.setText(self.tr("Checking the figures before you publish them…"))
        worker = Worker(_check_job, result)
        self.check_worker = worker
        worker.signals.result.connect(lambda check, w=worker: self._check_done(w, result, check))
        worker.signals.failed.connect(lambda error, w=worker: self._check_failed(w, error))
        self.workers.start(worker)

    def _check_done(self, worker: Worker, result: ResultSet, check: PublicationCheck) -> None:
        if worker is not self.check_worker:
            return
        self.check_worker = None
        lines = [check_heading(result, check.threshold, self.language)]
        for text, proposals in check_texts(check, result, self.language):
            lines.append("• " + text)
            lines += ["    " + p for p in proposals]
        self.check_text.setText("\n".join(lines))

    def _check_failed(self, worker: Worker, error: Exception) -> None:
        if worker is not self.check_worker:
            return
        self.check_worker = None
        self.check_text.setText(failure_text(error, self.language))

    @property
    def checking(self) -> bool:
        """True while the publication check of the chosen year runs."""
        return self.check_worker is not None

    def set_benchmark(self, benchmark: Benchmark | None) -> None:
        self.benchmark = benchmark
        self.show_bars()

    # -- actions ------------------------------------------------------------------------------------

    def choose_import(self) -> None:
        dialog = ImportDialog(self.organisation, self.language, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.stored is not None:
            self.imported(dialog.stored.path)

    def imported(self, path: Path) -> None:
        self.reload()
        self.message.show_message(
            "ok", self.tr("Imported and kept in %1.").replace("%1", str(path))
        )

    def choose_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the report"),
            f"results-{self.organisation}.pdf",
            self.tr("PDF (*.pdf)"),
        )
        if path:
            self.save_report(Path(path))

    def save_report(self, path: Path) -> None:
        """The report to ``path``: its content built on a worker (the publication check of every
        year takes seconds on many subgroups), the files written here when it is done (Qt
        renders the PDF and the charts on the GUI thread). The button is off meanwhile."""
        if self.report_worker is not None:
            return
        self.saved_report = None
        self.report_button.setEnabled(False)
        self.message.show_message("info", self.tr("Making the report…"))
        worker = Worker(_report_job, self.history, self.language, self.organisation, self.benchmark)
        self.report_worker = worker
        worker.signals.result.connect(lambda built, p=path: self._report_built(built, p))
        worker.signals.failed.connect(self._report_failed)
        worker.signals.finished.connect(self._report_finished)
        self.workers.start(worker)

    @property
    def saving(self) -> bool:
        """True while the report is being made."""
        return self.report_worker is not None

    def _report_built(self, built: ResultsReport, path: Path) -> None:
        try:
            files = write_results_report(built, path)
        except (AppError, OSError) as error:
            self._report_failed(error)
            return
        self.saved_report = files.pdf
        self.message.show_message(
            "ok",
            self.tr("Report saved: %1, with the tables (%2) and the charts (%3).")
            .replace("%1", files.pdf.name)
            .replace("%2", files.xlsx.name)
            .replace("%3", files.charts.name),
        )

    def _report_failed(self, error: Exception) -> None:
        self.message.show_message("error", failure_text(error, self.language))

    def _report_finished(self) -> None:
        self.report_worker = None
        self.report_button.setEnabled(True)
