"""The office's group sizes narrowed with what the submission sent.

The package's manifest records, per breakdown, the persons sent per subgroup (after merges, with
the labels of the output file; :func:`desktop_app.package.build.subgroup_sizes_sent`). An import
linked to the submission's record keeps them (:func:`link_sizes`, called by the history's link),
and :func:`with_submitted_sizes` narrows each subgroup's size interval with them:

- a subgroup that sent ``n`` persons is published over between ``n`` minus the programme's
  ``unmatched_percent`` (CBS ingezoomd: up to ~5% of persons not linked to origin, so from
  ``floor(0.95 n)``) and ``n`` persons: the office's interval (its rounding) is cut to that;
  the organisation's total likewise with the persons included (``rows_included``);
- the algemene variant counts jobs, not persons: never narrowed; KSZ: as its profile says
  (``unmatched_percent = 0``: exactly the persons sent, where the office's count agrees);
- a size the office reports that cannot hold what was sent (another record linked, another
  population) keeps the office's interval: the narrowing never contradicts the table.

A result table is matched to a breakdown sent by its subgroups' labels (case and spacing
forgiven), the breakdown's name deciding between equal candidates; an ambiguous table is not
narrowed. An import linked before the manifest had sizes (or to an older record) has none and is
used as the office published it. The narrowing is applied where sizes are used: the publication
check, the year lines and the comparison between years; the kept file holds the office's intervals.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from desktop_app.profiles.model import Programme
from desktop_app.results.model import ResultRow, ResultSet, ResultTable, SizeInterval
from desktop_app.text import normalise_header

SIZES_KEY = "subgroup_sizes"  # in the manifest and in the import's link
UNMATCHED_KEY = "unmatched_percent"  # in the link: the programme's share that may stay unmatched


def _whole(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def link_sizes(manifest: Mapping[str, Any], programme: Programme) -> dict[str, Any]:
    """What the link keeps of the manifest's subgroup sizes: per breakdown its header, the names
    a result table may carry for it (header, breakdown id, output column, the programme's labels)
    and the sizes; with the programme's unmatched percent. Empty when the manifest has none (an
    older record); malformed entries (the record is a file on disk) are left out."""
    entries = manifest.get(SIZES_KEY)
    if not isinstance(entries, list):
        return {}
    labels = {b.id: b.label for b in programme.breakdowns}
    kept: list[dict[str, Any]] = []
    for entry in entries:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("sizes"), Mapping):
            continue
        sizes = {
            str(label): size
            for label, value in entry["sizes"].items()
            if (size := _whole(value)) is not None
        }
        header = str(entry.get("header") or "")
        kind = entry.get("breakdown")
        names = [header.lstrip("="), str(kind or ""), str(entry.get("column") or "")]
        if isinstance(kind, str) and kind in labels:
            names += [labels[kind].get(language) for language in ("nl", "en", "fr")]
        kept.append(
            {
                "header": header,
                "names": sorted({n for n in names if n}),
                "sizes": sizes,
            }
        )
    results = programme.results
    unmatched = results.unmatched_percent if results is not None else 0
    return {SIZES_KEY: kept, UNMATCHED_KEY: unmatched}


def _label_key(label: str) -> str:
    """Subgroup labels compared forgiving case and spacing, not punctuation (``<45`` ≠ ``45+``)."""
    return " ".join(label.split()).casefold()


def _sizes_for(table: ResultTable, entries: Sequence[Any]) -> dict[str, int]:
    """The sizes sent for the breakdown ``table`` shows (by label key); empty when none or more
    than one breakdown fits equally well."""
    labels = {_label_key(r.subgroup) for r in table.rows if not r.total}
    name = normalise_header(table.breakdown)
    scored: list[tuple[tuple[bool, int], dict[str, int]]] = []
    for entry in entries:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("sizes"), Mapping):
            continue
        sizes = {_label_key(str(k)): v for k, v in entry["sizes"].items() if _whole(v) is not None}
        matched = len(labels & sizes.keys())
        if not matched:
            continue
        names = entry.get("names")
        named = isinstance(names, list) and name in {normalise_header(str(n)) for n in names}
        scored.append(((named, matched), sizes))
    if not scored:
        return {}
    scored.sort(key=lambda s: s[0], reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return {}  # two breakdowns fit equally: not narrowed
    return scored[0][1]


def submitted_interval(sent: int, unmatched_percent: int) -> SizeInterval:
    """The persons a published group of ``sent`` persons may hold: ``sent`` less up to
    ``unmatched_percent`` not matched to origin data."""
    return SizeInterval(math.floor(sent * (100 - unmatched_percent) / 100), sent)


def _narrowed(row: ResultRow, sent: int | None, unmatched: int) -> ResultRow:
    if sent is None:
        return row
    mine = submitted_interval(sent, unmatched)
    office = row.size_interval
    if office is None:
        return replace(row, size_interval=mine)
    low, high = max(office.low, mine.low), min(office.high, mine.high)
    if low > high:
        return row  # what was sent does not fit the office's size: its interval stands
    return replace(row, size_interval=SizeInterval(low, high))


def with_submitted_sizes(result: ResultSet) -> ResultSet:
    """``result`` with each subgroup's size interval narrowed by the persons sent (see the
    module's docstring); unchanged for jobs, without a link or without sizes in it."""
    link = result.submission or {}
    entries = link.get(SIZES_KEY)
    if result.unit != "person" or not isinstance(entries, list):
        return result
    unmatched = link.get(UNMATCHED_KEY)
    if not (isinstance(unmatched, int) and not isinstance(unmatched, bool)):
        return result
    unmatched = min(max(unmatched, 0), 100)
    total = _whole(link.get("rows_included"))
    tables = []
    for table in result.tables:
        sizes = _sizes_for(table, entries)
        rows = tuple(
            _narrowed(row, total if row.total else sizes.get(_label_key(row.subgroup)), unmatched)
            for row in table.rows
        )
        tables.append(replace(table, rows=rows))
    return replace(result, tables=tuple(tables))


def narrowed_rows(result: ResultSet) -> int:
    """How many rows :func:`with_submitted_sizes` narrows (for the report's line)."""
    narrowed = with_submitted_sizes(result)
    return sum(
        a.size_interval != b.size_interval
        for t, u in zip(result.tables, narrowed.tables, strict=True)
        for a, b in zip(t.rows, u.rows, strict=True)
    )
