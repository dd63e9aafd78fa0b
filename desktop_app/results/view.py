"""What the results view and the report show, as data (Qt-free): every figure comes from here.

- :func:`breakdown_bars`: per breakdown of one year a stacked bar per subgroup (its origin groups),
  beside the organisation's total and a benchmark when one is given; a suppressed share is drawn
  as "not published" (the rest of the bar), never guessed.
- :func:`year_lines`: per subgroup of a breakdown, one chart per series (one unit and one origin
  classification: jobs and persons, or the groups before and after CBS's change of September
  2022, are never one line), each group's share per year with its chance interval (Wilson, over
  the group size's range), and per pair of years whether the change is within what chance
  explains (then no trend is drawn) or beyond it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from desktop_app.messages import Message
from desktop_app.results.benchmark import Benchmark
from desktop_app.results.chance import share_interval
from desktop_app.results.history import series
from desktop_app.results.model import ResultSet

PALETTE = ("#0b6ab8", "#e69f00", "#009e73", "#cc79a7", "#56b4e9")  # colour-blind safe
NOT_PUBLISHED = "#b8bec6"


def _programme_layout(programme_id: str):  # type: ignore[no-untyped-def]
    from desktop_app.profiles import load_programme_by_id

    try:
        return load_programme_by_id(programme_id).results
    except Exception:  # a programme no longer shipped: its codes are still names
        return None


def group_labels(result: ResultSet, language: str) -> tuple[str, ...]:
    """The origin groups' names in ``language`` (their codes when the profile is gone)."""
    layout = _programme_layout(result.programme)
    for candidate in layout.classifications if layout else ():
        if candidate.id == result.classification:
            return tuple(g.label.get(language) for g in candidate.groups)
    return result.groups


def classification_label(programme: str, classification: str, language: str) -> str:
    layout = _programme_layout(programme)
    for candidate in layout.classifications if layout else ():
        if candidate.id == classification:
            return str(candidate.label.get(language))
    return classification


def method_note(programme: str, language: str) -> str:
    """The profile's note on what the figures are (rounding, unmatched staff, jobs or persons)."""
    layout = _programme_layout(programme)
    return str(layout.note.get(language)) if layout and layout.note else ""


def share_text(value: float, language: str, decimals: int = 1) -> str:
    """A share as the language writes it: 12,3 in Dutch and French, 12.3 in English."""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if language in ("nl", "fr") else text


@dataclass(frozen=True)
class Segment:
    group: str
    label: str
    share: float | None  # None: not published (the bar's unpublished rest)
    colour: str


@dataclass(frozen=True)
class Bar:
    label: str
    kind: Literal["subgroup", "total", "benchmark"]
    size: int | None
    segments: tuple[Segment, ...]

    @property
    def unpublished(self) -> float:
        """The share not published (suppressed cells), drawn as one grey rest."""
        known = sum(s.share for s in self.segments if s.share is not None)
        hidden = any(s.share is None for s in self.segments)
        return max(0.0, 100.0 - known) if hidden else 0.0

    def describe(self, language: str = "en") -> str:
        parts = [
            f"{s.label} {share_text(s.share, language)}%" if s.share is not None else f"{s.label} ."
            for s in self.segments
        ]
        return f"{self.label}: " + ", ".join(parts)


@dataclass(frozen=True)
class BarChart:
    title: str
    year: int | None
    breakdown: str
    classification: str
    legend: tuple[tuple[str, str], ...]  # (label, colour)
    bars: tuple[Bar, ...]
    not_published_label: str
    language: str = "en"

    def describe(self) -> str:
        """The chart in words (screen readers, tooltips, tests)."""
        return "; ".join(b.describe(self.language) for b in self.bars)


def breakdown_bars(
    result: ResultSet, breakdown: str, language: str, benchmark: Benchmark | None = None
) -> BarChart:
    table = result.table(breakdown)
    labels = group_labels(result, language)
    colours = {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(result.groups)}
    bars: list[Bar] = []
    rows = sorted(table.rows, key=lambda r: not r.total)  # the total first
    if not any(r.total for r in rows):  # published in a table of its own (a long KSZ table)
        total = next((r for t in result.tables for r in t.rows if r.total), None)
        rows = [total, *rows] if total is not None else rows
    for row in rows:
        segments = tuple(
            Segment(g, label, row.value(g).share, colours[g])
            for g, label in zip(result.groups, labels, strict=True)
        )
        kind: Literal["subgroup", "total"] = "total" if row.total else "subgroup"
        bars.append(Bar(row.subgroup, kind, row.size, segments))
    if benchmark is not None and benchmark.classification == result.classification:
        segments = tuple(
            Segment(g, label, benchmark.shares.get(g), colours[g])
            for g, label in zip(result.groups, labels, strict=True)
        )
        name = benchmark.label or Message("results.view.benchmark").render(language)
        bars.append(Bar(name, "benchmark", None, segments))
    title = Message(
        "results.view.bars-title", {"breakdown": breakdown, "year": result.year}
    ).render(language)
    return BarChart(
        title,
        result.year,
        breakdown,
        classification_label(result.programme, result.classification, language),
        tuple((label, colours[g]) for g, label in zip(result.groups, labels, strict=True)),
        tuple(bars),
        Message("results.view.not-published").render(language),
        language,
    )


@dataclass(frozen=True)
class LinePoint:
    year: int
    share: float | None
    interval: tuple[float, float] | None  # the chance interval (percent)


@dataclass(frozen=True)
class Change:
    year_before: int
    year_after: int
    within_chance: bool | None  # None: not judged (suppressed, no size)
    text: str


@dataclass(frozen=True)
class LineSeries:
    group: str
    label: str
    colour: str
    points: tuple[LinePoint, ...]
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class LineChart:
    title: str
    breakdown: str
    subgroup: str
    unit: str
    classification: str
    classification_label: str
    years: tuple[int, ...]
    series: tuple[LineSeries, ...]
    note: str  # e.g. why the years before the classification change are in another chart
    language: str = "en"

    def describe(self) -> str:
        return " ".join(c.text for s in self.series for c in s.changes)


def series_keys(history: Sequence[ResultSet]) -> tuple[tuple[str, str], ...]:
    """The (unit, classification) series in ``history``, oldest first."""
    keys: list[tuple[str, str]] = []
    for result in history:
        key = (result.unit, result.classification)
        if key not in keys:
            keys.append(key)
    return tuple(keys)


def year_lines(
    history: Sequence[ResultSet], breakdown: str, subgroup: str, language: str
) -> tuple[LineChart, ...]:
    """One chart per series in which ``breakdown`` / ``subgroup`` appears in two years or more."""
    charts: list[LineChart] = []
    keys = series_keys(history)
    for unit, classification in keys:
        sets = [r for r in history if (r.unit, r.classification) == (unit, classification)]
        latest = sets[-1]
        labels = group_labels(latest, language)
        colours = {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(latest.groups)}
        lines: list[LineSeries] = []
        years: set[int] = set()
        for group, label in zip(latest.groups, labels, strict=True):
            found = series(
                tuple(history),
                unit=unit,  # type: ignore[arg-type]
                classification=classification,
                breakdown=breakdown,
                subgroup=subgroup,
                group=group,
            )
            points = tuple(
                LinePoint(
                    p.year,
                    p.share,
                    share_interval(p.share, p.size, p.share_decimals)
                    if p.share is not None and p.size is not None
                    else None,
                )
                for p in found
            )
            years.update(p.year for p in points)
            changes = tuple(_change(a, b, label, language) for a, b in itertools.pairwise(points))
            lines.append(LineSeries(group, label, colours[group], points, changes))
        if len(years) < 2:
            continue
        classification_text = classification_label(latest.programme, classification, language)
        unit_text = Message(f"results.unit-{unit}").render(language)
        note = ""
        if len(keys) > 1:
            note = Message(
                "results.view.separate-series",
                {"classification": classification_text, "unit": unit_text},
            ).render(language)
        charts.append(
            LineChart(
                Message(
                    "results.view.lines-title",
                    {"breakdown": breakdown, "subgroup": subgroup, "unit": unit_text},
                ).render(language),
                breakdown,
                subgroup,
                unit,
                classification,
                classification_text,
                tuple(sorted(years)),
                tuple(lines),
                note,
                language,
            )
        )
    return tuple(charts)


def _change(a: LinePoint, b: LinePoint, label: str, language: str) -> Change:
    params = {
        "group": label,
        "year_before": a.year,
        "year_after": b.year,
        "before": "." if a.share is None else share_text(a.share, language),
        "after": "." if b.share is None else share_text(b.share, language),
    }
    if a.interval is None or b.interval is None:
        return Change(
            a.year, b.year, None, Message("results.view.not-judged", params).render(language)
        )
    within = a.interval[0] <= b.interval[1] and b.interval[0] <= a.interval[1]
    key = "results.change-within-chance-short" if within else "results.change-beyond-chance-short"
    return Change(a.year, b.year, within, Message(key, params).render(language))


def subgroups_of(history: Sequence[ResultSet], breakdown: str) -> tuple[str, ...]:
    """Every subgroup of ``breakdown`` in the history, the total first, in the order first seen."""
    names: list[str] = []
    totals: list[str] = []
    for result in history:
        for table in result.tables:
            if table.breakdown != breakdown:
                continue
            for row in table.rows:
                target = totals if row.total else names
                if row.subgroup not in target:
                    target.append(row.subgroup)
    return (*totals, *names)


def breakdowns_of(history: Sequence[ResultSet]) -> tuple[str, ...]:
    names: list[str] = []
    for result in history:
        for table in result.tables:
            if table.breakdown not in names:
                names.append(table.breakdown)
    return tuple(names)
