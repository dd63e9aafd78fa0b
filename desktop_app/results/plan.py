"""A publication plan: how the officer publishes (or published) the office's figures, read from a
JSON file for :func:`desktop_app.results.publication.check_publication`::

    {
      "format": "diversity-assistant/publication-plan",
      "versions": [
        {"name": "jaarverslag 2025", "year": 2025, "breakdown": "Afdeling", "total": false,
         "lines": ["Beleid", {"label": "Uitvoering + Staf", "members": ["Uitvoering", "Staf"]}],
         "left_out": [["Beleid", "europa"]]}
      ]
    }

A line is a subgroup's name as in the office's table, or a label with the subgroups it merges;
``left_out`` names cells (line, origin group code) the officer does not publish; ``total``
(default true) says whether the organisation's total is shown. Versions of one year and breakdown
are checked together: the same year's figures published merged in one report and unmerged in the
next are both in the public's hands. Anything else is refused with the version and field.
"""

from __future__ import annotations

from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from typing import Any

from desktop_app.bounded_read import FileKind, read_json_bounded
from desktop_app.results.model import ResultsError
from desktop_app.results.publication import PublicationVersion, PublishedLine

PLAN_FORMAT = "diversity-assistant/publication-plan"


def read_plan(path: str | PathLike[str]) -> tuple[PublicationVersion, ...]:
    source = Path(path)
    try:
        data = read_json_bounded(source, FileKind.STATE)
    except ValueError:  # not JSON, not UTF-8
        raise ResultsError("results.plan-not-a-plan", file=source.name) from None
    if not isinstance(data, Mapping) or data.get("format", PLAN_FORMAT) != PLAN_FORMAT:
        raise ResultsError("results.plan-not-a-plan", file=source.name)
    versions = data.get("versions")
    if not isinstance(versions, list) or not versions:
        raise ResultsError("results.plan-field", file=source.name, version=0, field="versions")
    return tuple(_version(source, n, v) for n, v in enumerate(versions, start=1))


def _version(source: Path, number: int, data: Any) -> PublicationVersion:
    def refuse(field: str) -> ResultsError:
        return ResultsError("results.plan-field", file=source.name, version=number, field=field)

    if not isinstance(data, Mapping):
        raise refuse("versions")
    year = data.get("year")
    breakdown = data.get("breakdown")
    if not isinstance(year, int) or isinstance(year, bool):
        raise refuse("year")
    if not isinstance(breakdown, str) or not breakdown.strip():
        raise refuse("breakdown")
    total = data.get("total", True)
    if not isinstance(total, bool):
        raise refuse("total")
    raw_lines = data.get("lines")
    if not isinstance(raw_lines, list) or not raw_lines:
        raise refuse("lines")
    lines = []
    for line in raw_lines:
        if isinstance(line, str) and line.strip():
            lines.append(PublishedLine(line, (line,)))
            continue
        if not isinstance(line, Mapping):
            raise refuse("lines")
        label, members = line.get("label"), line.get("members")
        if not isinstance(label, str) or not isinstance(members, list) or not members:
            raise refuse("lines")
        if not all(isinstance(m, str) and m.strip() for m in members):
            raise refuse("lines")
        lines.append(PublishedLine(label, tuple(members)))
    left_out = set()
    for cell in data.get("left_out", []) or []:
        if not (
            isinstance(cell, list) and len(cell) == 2 and all(isinstance(c, str) for c in cell)
        ):
            raise refuse("left_out")
        left_out.add((cell[0], cell[1]))
    name = data.get("name", "")
    return PublicationVersion(
        year, breakdown, tuple(lines), total, frozenset(left_out), str(name) if name else ""
    )
