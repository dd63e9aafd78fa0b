"""The office's returned tables: imported, kept per organisation and year, compared with chance.

The calls both faces use (the command line now; the wizard's results view, the publication check
and the report later):

- :func:`read_result_tables` (a file and a programme -> :class:`ResultSet` without year/organisation)
- :func:`import_results` (read, link to the officer's record, store) -> :class:`StoredImport`
- :func:`load_history` (an organisation's imports, oldest first) and :func:`series` (one group's
  share per year, never mixing units or classifications)
- :func:`compare_years` / :func:`change_within_chance` (Wilson score intervals at 95%)
- :func:`breakdown_bars` / :func:`year_lines` (what the view and the report draw) and their SVG
  (:func:`bar_chart_svg`, :func:`line_chart_svg`); a :class:`Benchmark` typed in or read
- :func:`check_publication` (publication.py) and :func:`build_report` (report.py)
"""

from desktop_app.results.benchmark import Benchmark, read_benchmark, typed_benchmark
from desktop_app.results.chance import (
    ChangeVerdict,
    change_within_chance,
    compare_years,
    share_interval,
    wilson_interval,
)
from desktop_app.results.charts import bar_chart_svg, line_chart_svg
from desktop_app.results.history import (
    StoredImport,
    import_results,
    known_organisations,
    load_history,
    results_dir,
    series,
)
from desktop_app.results.importer import read_result_tables
from desktop_app.results.model import (
    GroupValue,
    ResultRow,
    ResultsError,
    ResultSet,
    ResultTable,
    SizeInterval,
)
from desktop_app.results.publication import PublicationCheck, check_publication
from desktop_app.results.report import ResultsReport, build_report, check_result, check_texts
from desktop_app.results.view import (
    BarChart,
    LineChart,
    breakdown_bars,
    breakdowns_of,
    group_labels,
    subgroups_of,
    year_lines,
)

__all__ = [
    "BarChart",
    "Benchmark",
    "ChangeVerdict",
    "GroupValue",
    "LineChart",
    "PublicationCheck",
    "ResultRow",
    "ResultSet",
    "ResultTable",
    "ResultsError",
    "ResultsReport",
    "SizeInterval",
    "StoredImport",
    "bar_chart_svg",
    "breakdown_bars",
    "breakdowns_of",
    "build_report",
    "change_within_chance",
    "check_publication",
    "check_result",
    "check_texts",
    "compare_years",
    "group_labels",
    "import_results",
    "known_organisations",
    "line_chart_svg",
    "load_history",
    "read_benchmark",
    "read_result_tables",
    "results_dir",
    "series",
    "share_interval",
    "subgroups_of",
    "typed_benchmark",
    "wilson_interval",
    "year_lines",
]
