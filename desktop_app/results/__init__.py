"""The office's returned tables: imported, kept per organisation and year, compared with chance.

The calls both faces use (the command line now; the wizard's results view, the publication check
and the report later):

- :func:`read_result_tables` (a file and a programme -> :class:`ResultSet` without year/organisation)
- :func:`import_results` (read, link to the officer's record, store) -> :class:`StoredImport`
- :func:`load_history` (an organisation's imports, oldest first) and :func:`series` (one group's
  share per year, never mixing units or classifications)
- :func:`compare_years` / :func:`change_within_chance` (Wilson score intervals at 95%)
"""

from desktop_app.results.chance import (
    ChangeVerdict,
    change_within_chance,
    compare_years,
    share_interval,
    wilson_interval,
)
from desktop_app.results.history import (
    StoredImport,
    import_results,
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

__all__ = [
    "ChangeVerdict",
    "GroupValue",
    "ResultRow",
    "ResultSet",
    "ResultTable",
    "ResultsError",
    "SizeInterval",
    "StoredImport",
    "change_within_chance",
    "compare_years",
    "import_results",
    "load_history",
    "read_result_tables",
    "results_dir",
    "series",
    "share_interval",
    "wilson_interval",
]
