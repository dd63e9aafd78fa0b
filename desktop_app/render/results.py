"""The results report's files, for both faces: the PDF (its charts as images), the tables as
``<report>.tables.xlsx`` beside it, the charts as SVG and PNG in ``<report>.charts/``
(:mod:`desktop_app.results.report_files`: a sidecar the assistant did not write is refused)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from desktop_app.atomic import write_all_atomic
from desktop_app.render.pdf import html_to_pdf
from desktop_app.render.svg import svg_to_png
from desktop_app.results.model import ResultsError
from desktop_app.results.report import ResultsReport
from desktop_app.results.report_files import check_sidecars, report_paths


@dataclass(frozen=True)
class ReportFiles:
    pdf: Path
    xlsx: Path
    charts: Path  # the folder
    count: int  # charts written (each as SVG and PNG)


def write_results_report(report: ResultsReport, out: Path) -> ReportFiles:
    """Write ``report`` to ``out`` (``.pdf`` added when missing) and its companions."""
    if out.is_dir():
        raise ResultsError("results.report-out-folder", folder=str(out))
    paths = report_paths(out)
    check_sidecars(paths)  # an office's own workbook or folder of that name is never replaced
    pdf, xlsx, charts = paths.pdf, paths.xlsx, paths.charts
    images = {f"{c.name}.png": svg_to_png(c.svg) for c in report.charts}
    files = {pdf: html_to_pdf(report.html, report.title, images), xlsx: report.xlsx}
    for chart in report.charts:  # everything rendered before the first file is written
        files[charts / f"{chart.name}.svg"] = chart.svg.encode("utf-8")
        files[charts / f"{chart.name}.png"] = images[f"{chart.name}.png"]
    made = not charts.exists()
    charts.mkdir(parents=True, exist_ok=True)
    try:
        write_all_atomic(files)  # the report, its tables and its charts: all or none
    except BaseException:
        if made:
            with contextlib.suppress(OSError):
                charts.rmdir()
        raise
    names = {f"{c.name}{suffix}" for c in report.charts for suffix in (".svg", ".png")}
    for stale in charts.glob("chart-*.*"):  # an earlier report's charts, numbered past this one's
        if stale.suffix in (".svg", ".png") and stale.name not in names and stale.is_file():
            stale.unlink()
    return ReportFiles(pdf, xlsx, charts, len(report.charts))
