"""The results report (Qt-free): HTML for the PDF, the charts as SVG, the tables as xlsx.

:func:`build_report` takes the kept history of one organisation and gives a
:class:`ResultsReport`: its HTML names each chart as ``<img src="chart-N.png">``, so the caller
renders the charts (``desktop_app.render.svg_to_png``) and the PDF
(``desktop_app.render.html_to_pdf`` with those images); the command line and the wizard do the
same. Per year and programme: a stacked-bar chart and a table per breakdown (suppressed cells
``.``, cells the publication check flags ``*``); year over year one chart per subgroup and
series (chance bands, no trend drawn within chance); the publication check of each set; the
method notes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from desktop_app.messages import Message
from desktop_app.results.benchmark import Benchmark
from desktop_app.results.charts import bar_chart_svg, line_chart_svg
from desktop_app.results.model import ResultSet
from desktop_app.results.publication import (
    Finding,
    PublicationCheck,
    check_publication,
    threshold_for,
)
from desktop_app.results.report_files import REPORT_MARK
from desktop_app.results.sizes import UNMATCHED_KEY, narrowed_rows
from desktop_app.results.view import (
    breakdown_bars,
    breakdowns_of,
    classification_label,
    group_labels,
    method_note,
    series_keys,
    share_text,
    subgroups_of,
    year_lines,
)

FLAG_FILL = PatternFill("solid", fgColor="FDE2C4")
CHART_WIDTH = 560  # px in the PDF's HTML: the A4 page's text width, margins off


@dataclass(frozen=True)
class ReportChart:
    name: str  # file stem: chart-1, chart-2, ...
    title: str
    svg: str


@dataclass(frozen=True)
class ResultsReport:
    title: str
    html: str
    charts: tuple[ReportChart, ...]
    xlsx: bytes
    checks: tuple[tuple[ResultSet, PublicationCheck], ...]


def _t(key: str, language: str, **params: object) -> str:
    return Message(key, params).render(language)


def programme_name(programme: str, language: str) -> str:
    from desktop_app.profiles import load_programme_by_id

    try:
        return str(load_programme_by_id(programme).name.get(language))
    except Exception:  # a programme no longer shipped: its id
        return programme


def set_heading(result: ResultSet, language: str) -> str:
    return _t(
        "results.report.set-heading",
        language,
        year=result.year,
        programme=programme_name(result.programme, language),
        unit=_t(f"results.unit-{result.unit}", language),
        classification=classification_label(result.programme, result.classification, language),
    )


def check_heading(result: ResultSet, threshold: int, language: str) -> str:
    return _t("results.report.check-heading", language, year=result.year, threshold=threshold)


def submission_text(result: ResultSet, language: str) -> str:
    """What the import is linked to: the submission's file, peildatum, size and merges; and how
    many group sizes the persons sent per subgroup narrowed."""
    link = result.submission or {}
    merges = link.get("merges") or {}
    merged = "; ".join(
        f"{header}: " + ", ".join(f"{k} → {v}" for k, v in chosen.items())
        for header, chosen in merges.items()
    )
    text = _t(
        "results.report.linked",
        language,
        file=link.get("delivered_file") or "?",
        peildatum=link.get("peildatum") or "?",
        rows=link.get("rows_included") if link.get("rows_included") is not None else "?",
        merges=merged or "–",
    )
    narrowed = narrowed_rows(result)
    if narrowed:
        unmatched = link.get(UNMATCHED_KEY)
        low = 100 - unmatched if isinstance(unmatched, int) else 100
        text += " " + _t("results.report.linked-sizes", language, rows=narrowed, low=low)
    return text


def finding_text(finding: Finding, result: ResultSet, threshold: int, language: str) -> str:
    labels = dict(zip(result.groups, group_labels(result, language), strict=True))
    group = labels.get(finding.group, finding.group)
    if finding.kind == "small":
        return _t(
            "results.report.finding-small",
            language,
            breakdown=finding.breakdown,
            line=finding.line,
            group=group,
            low=finding.people_low,
            high=finding.people_high,
            threshold=threshold,
        )
    if finding.via_groups:
        via = _t(
            "results.report.via-row",
            language,
            line=finding.via[0],
            groups=", ".join(labels.get(g, g) for g in finding.via_groups),
        )
    elif len(finding.via) > 1:
        via = _t(
            "results.report.via-minus",
            language,
            container=finding.via[0],
            parts=", ".join(finding.via[1:]),
        )
    else:
        via = _t("results.report.via-other", language)
    if finding.people_low == finding.people_high:
        return _t(
            "results.report.finding-exact",
            language,
            breakdown=finding.breakdown,
            line=finding.line,
            group=group,
            people=finding.people_low,
            via=via,
        )
    return _t(
        "results.report.finding-differencing",
        language,
        breakdown=finding.breakdown,
        line=finding.line,
        group=group,
        low=finding.people_low,
        high=finding.people_high,
        via=via,
    )


def proposal_texts(finding: Finding, result: ResultSet, language: str) -> list[str]:
    labels = dict(zip(result.groups, group_labels(result, language), strict=True))
    out = []
    for proposal in finding.proposals:
        if proposal.kind == "suppress":
            further = [c for c in proposal.cells if c != (finding.line, finding.group)]
            cells = ", ".join(f"{line} › {labels.get(g, g)}" for line, g in further)
            out.append(_t("results.report.proposal-suppress", language, cells=cells))
        elif proposal.kind == "merge":
            out.append(
                _t("results.report.proposal-merge", language, lines=" + ".join(proposal.merge))
            )
        else:
            out.append(
                _t(
                    "results.report.proposal-leave-out-line",
                    language,
                    lines=", ".join(proposal.merge),
                )
            )
    return out


def check_texts(
    check: PublicationCheck, result: ResultSet, language: str
) -> list[tuple[str, list[str]]]:
    """The publication check in words: (finding, its proposals) per finding, or one 'passed'."""
    out: list[tuple[str, list[str]]] = [
        (finding_text(f, result, check.threshold, language), proposal_texts(f, result, language))
        for f in check.findings
    ]
    if check.unknown:
        out.append(
            (_t("results.report.check-unknown", language, lines=", ".join(check.unknown)), [])
        )
    if not out:
        out.append((_t("results.report.check-passed", language, threshold=check.threshold), []))
    return out


def flagged_cells(check: PublicationCheck) -> set[tuple[str, str, str]]:
    """(breakdown, line, group) of every flagged cell, and of the further cells proposed."""
    cells = set()
    for finding in check.findings:
        cells.add((finding.breakdown, finding.line, finding.group))
    return cells


def check_result(result: ResultSet, threshold: int | None = None) -> PublicationCheck:
    """The publication check of ``result`` as published by the office, at ``threshold`` or the
    programme's cell threshold (:func:`~desktop_app.results.publication.threshold_for`)."""
    from desktop_app.profiles import load_programme_by_id

    if threshold is None:
        try:
            cell_threshold = load_programme_by_id(result.programme).thresholds.cell_threshold
        except Exception:  # a programme no longer shipped: the default
            cell_threshold = None
        threshold = threshold_for(cell_threshold)
    return check_publication(result, threshold=threshold)


class _Builder:
    def __init__(self, language: str, benchmark: Benchmark | None) -> None:
        self.language = language
        self.benchmark = benchmark
        self.charts: list[ReportChart] = []
        self.parts: list[str] = []

    def t(self, key: str, **params: object) -> str:
        return _t(key, self.language, **params)

    def chart(self, chart_title: str, svg: str) -> None:
        name = f"chart-{len(self.charts) + 1}"
        self.charts.append(ReportChart(name, chart_title, svg))
        self.parts.append(f"<p><img src='{name}.png' width='{CHART_WIDTH}'></p>")

    def paragraph(self, text: str, tag: str = "p") -> None:
        self.parts.append(f"<{tag}>{escape(text)}</{tag}>")

    def result_set(self, result: ResultSet, check: PublicationCheck) -> None:
        flagged = flagged_cells(check)
        self.paragraph(set_heading(result, self.language), "h2")
        imported = (result.imported_at or "")[:10]
        self.paragraph(self.t("results.report.source", file=result.source_name, imported=imported))
        if result.submission:
            self.paragraph(submission_text(result, self.language))
        for table in result.tables:
            if not any(not r.total for r in table.rows) and len(result.tables) > 1:
                continue  # the total alone: shown with every breakdown
            chart = breakdown_bars(result, table.breakdown, self.language, self.benchmark)
            self.paragraph(table.breakdown, "h3")
            self.chart(chart.title, bar_chart_svg(chart))
            self.parts.append(_html_table(result, table.breakdown, flagged, self.language))
        legend = escape(self.t("results.suppressed-legend"))
        marked = escape(self.t("results.report.marked"))
        self.parts.append(f"<p><small>{legend}<br>{marked}</small></p>")
        self.paragraph(check_heading(result, check.threshold, self.language), "h3")
        self.parts.append("<ul>")
        for text, proposals in check_texts(check, result, self.language):
            items = "".join(f"<br><i>{escape(p)}</i>" for p in proposals)
            self.parts.append(f"<li>{escape(text)}{items}</li>")
        self.parts.append("</ul>")

    def trends(self, history: Sequence[ResultSet]) -> None:
        self.paragraph(self.t("results.report.trends"), "h2")
        drawn = 0
        within = self.t("results.chart.within-chance")
        band = self.t("results.chart.band")
        totals_drawn = False
        for breakdown in breakdowns_of(history):
            for subgroup in subgroups_of(history, breakdown):
                if _is_total(history, breakdown, subgroup):
                    if totals_drawn:
                        continue  # the organisation's total: once, not with every breakdown
                    totals_drawn = True
                for line_chart in year_lines(history, breakdown, subgroup, self.language):
                    drawn += 1
                    self.paragraph(line_chart.title, "h3")
                    if line_chart.note:
                        self.parts.append(f"<p><small>{escape(line_chart.note)}</small></p>")
                    self.chart(line_chart.title, line_chart_svg(line_chart, within, band))
                    texts = [c.text for s in line_chart.series for c in s.changes]
                    self.parts.append(
                        "<ul>" + "".join(f"<li>{escape(t)}</li>" for t in texts) + "</ul>"
                    )
        if not drawn:
            self.paragraph(self.t("results.report.no-trends"))


def method_notes(
    history: Sequence[ResultSet], language: str, benchmark: Benchmark | None = None
) -> list[str]:
    notes = [method_note(p, language) for p in dict.fromkeys(r.programme for r in history)]
    notes += [
        _t("results.report.method-chance", language),
        _t("results.report.method-series", language),
        _t("results.report.method-check", language),
        _t("results.suppressed-legend", language),
    ]
    if benchmark is not None:
        notes.append(_t("results.report.benchmark-note", language, label=benchmark.label))
    return [n for n in notes if n]


def build_report(
    history: Sequence[ResultSet],
    language: str,
    *,
    organisation: str,
    threshold: int | None = None,
    benchmark: Benchmark | None = None,
    today: dt.date | None = None,
) -> ResultsReport:
    title = _t("results.report.title", language, organisation=organisation)
    date = (today or dt.date.today()).isoformat()
    builder = _Builder(language, benchmark)
    builder.parts.append("<html><body style='font-family: sans-serif; font-size: 10pt'>")
    builder.paragraph(title, "h1")
    builder.paragraph(_t("results.report.made", language, date=date))
    checks: list[tuple[ResultSet, PublicationCheck]] = []
    for result in sorted(history, key=lambda r: (-(r.year or 0), r.programme)):
        check = check_result(result, threshold)
        checks.append((result, check))
        builder.result_set(result, check)
    builder.trends(history)
    builder.paragraph(_t("results.report.methods", language), "h2")
    notes = method_notes(history, language, benchmark)
    for note in notes:
        builder.paragraph(note)
    builder.parts.append("</body></html>")
    xlsx = tables_xlsx([r for r, _c in checks], [c for _r, c in checks], language, notes)
    html = "\n".join(builder.parts)
    return ResultsReport(title, html, tuple(builder.charts), xlsx, tuple(checks))


def _is_total(history: Sequence[ResultSet], breakdown: str, subgroup: str) -> bool:
    return any(
        row.total and row.subgroup == subgroup
        for result in history
        for table in result.tables
        if table.breakdown == breakdown
        for row in table.rows
    )


def _cell(value: float | None, decimals: int, language: str) -> str:
    return "." if value is None else share_text(value, language, min(decimals, 1))


def _html_table(
    result: ResultSet, breakdown: str, flagged: set[tuple[str, str, str]], language: str
) -> str:
    table = result.table(breakdown)
    labels = group_labels(result, language)
    head = [_t("results.subgroup", language), _t("results.size", language), *labels]
    rows = [
        "<table border='1' cellspacing='0' cellpadding='3' style='border-collapse: collapse'>",
        "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>",
    ]
    for row in sorted(table.rows, key=lambda r: not r.total):
        cells = [
            f"<td>{'<b>' if row.total else ''}{escape(row.subgroup)}{'</b>' if row.total else ''}</td>"
        ]
        cells.append(f"<td align='right'>{row.size if row.size is not None else '.'}</td>")
        for value in row.values:
            text = _cell(value.share, result.share_decimals, language)
            if (breakdown, row.subgroup, value.group) in flagged:
                text += " *"
            cells.append(f"<td align='right'>{escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    rows.append("</table>")
    return "".join(rows)


def _sheet_name(taken: set[str], name: str) -> str:
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in name)[:31]
    candidate, number = cleaned, 2
    while candidate.casefold() in taken:
        suffix = f" ({number})"
        candidate = cleaned[: 31 - len(suffix)] + suffix
        number += 1
    taken.add(candidate.casefold())
    return candidate


def tables_xlsx(
    history: Sequence[ResultSet],
    checks: Sequence[PublicationCheck],
    language: str,
    notes: Sequence[str],
) -> bytes:
    """Every kept table as a sheet (suppressed cells ``.``, flagged cells ``*``, filled and with a
    comment), then a sheet of notes with the publication check's findings."""
    book = Workbook()
    book.properties.keywords = REPORT_MARK  # replaced by a later report, never refused
    notes_sheet = book.active
    assert notes_sheet is not None
    taken: set[str] = set()
    notes_sheet.title = _sheet_name(taken, _t("results.report.methods", language))
    bold = Font(bold=True)
    flag_note = _t("results.report.marked", language)
    ordered = sorted(
        zip(history, checks, strict=False), key=lambda p: (-(p[0].year or 0), p[0].programme)
    )
    for result, check in ordered:
        flagged = flagged_cells(check)
        for table in result.tables:
            sheet = book.create_sheet(_sheet_name(taken, f"{result.year} {table.breakdown}"))
            sheet.append([set_heading(result, language)])
            sheet["A1"].font = bold
            sheet.append([])
            head = [_t("results.subgroup", language), _t("results.size", language)]
            sheet.append([*head, *group_labels(result, language)])
            for cell in sheet[3]:
                cell.font = bold
            for row in sorted(table.rows, key=lambda r: not r.total):
                line: list[object] = [row.subgroup, row.size if row.size is not None else "."]
                for value in row.values:
                    line.append(value.share if value.share is not None else ".")
                sheet.append(line)
                for k, value in enumerate(row.values):
                    if (table.breakdown, row.subgroup, value.group) in flagged:
                        cell = sheet.cell(row=sheet.max_row, column=3 + k)
                        cell.fill = FLAG_FILL
                        cell.comment = Comment(flag_note, "Diversity Assistant")
            sheet.append([])
            sheet.append([_t("results.suppressed-legend", language)])
            sheet.append([flag_note])
            sheet.column_dimensions["A"].width = 28
    for note in notes:
        notes_sheet.append([note])
    for result, check in ordered:
        notes_sheet.append([])
        notes_sheet.append(
            [
                _t(
                    "results.report.check-heading",
                    language,
                    year=result.year,
                    threshold=check.threshold,
                )
            ]
        )
        notes_sheet.cell(row=notes_sheet.max_row, column=1).font = bold
        for text, proposals in check_texts(check, result, language):
            notes_sheet.append([text])
            for proposal in proposals:
                notes_sheet.append(["  " + proposal])
    notes_sheet.column_dimensions["A"].width = 120
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def series_summary(history: Sequence[ResultSet]) -> int:
    """How many separate series (unit and classification) the history holds."""
    return len(series_keys(history))
