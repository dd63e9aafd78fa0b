"""Where the results report's files go, and which existing files it may replace (Qt-free).

The report the officer names (``--out F/results.pdf``; ``.pdf`` added when missing) has two
sidecars of its own name: its tables as ``F/results.tables.xlsx`` and its charts as
``F/results.charts/chart-N.svg|png``. They never take the plain ``<stem>.xlsx`` (an office's own
workbook is often called ``results.xlsx``). A sidecar that is already there is replaced only when
the assistant wrote it: a workbook whose document properties carry :data:`REPORT_MARK`, a folder
holding nothing but ``chart-N.svg``/``chart-N.png`` files. Anything else there is refused with a
sentence (:class:`ResultsError` ``results.report-sidecar-taken``) before a byte is written.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop_app.results.model import ResultsError

REPORT_MARK = "diversity-assistant/results-report"
"""In the tables workbook's keywords (File > Properties): the assistant wrote this file."""
TABLES_SUFFIX = ".tables.xlsx"
CHARTS_SUFFIX = ".charts"
CHART_FILE = re.compile(r"chart-\d{1,6}\.(?:svg|png)")
_CORE_PROPERTIES = "docProps/core.xml"
_CORE_LIMIT = 64 * 1024  # a workbook's core properties are a few hundred bytes


@dataclass(frozen=True)
class ReportPaths:
    pdf: Path
    xlsx: Path  # the tables
    charts: Path  # the folder of the charts


def report_paths(out: Path) -> ReportPaths:
    """The report's three names for ``out`` (``.pdf`` added when it has another suffix)."""
    out = Path(out)
    pdf = out if out.suffix.lower() == ".pdf" else out.with_name(out.name + ".pdf")
    stem = pdf.name[: -len(".pdf")]
    return ReportPaths(
        pdf, pdf.with_name(stem + TABLES_SUFFIX), pdf.with_name(stem + CHARTS_SUFFIX)
    )


def check_sidecars(paths: ReportPaths) -> None:
    """Refuse when a sidecar's name is taken by something the assistant did not write."""
    if os.path.lexists(paths.xlsx) and not _our_tables(paths.xlsx):
        raise ResultsError("results.report-sidecar-taken", file=str(paths.xlsx))
    if not os.path.lexists(paths.charts):
        return
    if paths.charts.is_symlink() or not paths.charts.is_dir():
        raise ResultsError("results.report-sidecar-taken", file=str(paths.charts))
    for entry in sorted(paths.charts.iterdir()):
        if entry.name.startswith(".") and entry.name.endswith(".part"):
            continue  # a temporary file of an interrupted write of ours
        if not CHART_FILE.fullmatch(entry.name) or not _plain_file(entry):
            raise ResultsError("results.report-sidecar-taken", file=str(entry))


def _plain_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _our_tables(path: Path) -> bool:
    """True when ``path`` is a plain file, a zip whose core properties carry the mark."""
    if not _plain_file(path):
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(_CORE_PROPERTIES)
            if info.file_size > _CORE_LIMIT:
                return False
            with archive.open(info) as stream:
                text = stream.read(_CORE_LIMIT + 1)
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError, EOFError):
        return False
    return REPORT_MARK.encode("ascii") in text
