"""The mapping a step starts from: the saved one (a draft's, a ``--mapping`` file's) or a suggestion.

One rule for both faces: a saved mapping is used when it still fits the file; one that no longer
fits (another programme, a column gone missing) is **refused**, naming what is missing
(:func:`desktop_app.mapping.store.check_mapping_fits` raises :class:`MappingError`). It is never
silently replaced by a suggestion: the ``check`` command stops with that refusal, and the wizard
shows it and offers "start from a suggestion" as the officer's explicit choice
(``starting_mapping(table, programme, None)``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from desktop_app.intake import RawTable
from desktop_app.mapping.breakdown_columns import NotABreakdown, unfit_breakdowns
from desktop_app.mapping.model import BreakdownColumn, ColumnSuggestion, Mapping
from desktop_app.mapping.store import check_mapping_fits
from desktop_app.mapping.suggest import duplicated_headers, suggest_mapping
from desktop_app.profiles.model import Programme


@dataclass(frozen=True)
class MappingStart:
    """The mapping to start from, where it came from, and what the suggester offers beside it."""

    mapping: Mapping
    origin: str  # "saved" or "suggested"
    suggestions: tuple[ColumnSuggestion, ...]  # per field: the suggested column and confidence
    possible: tuple[BreakdownColumn, ...]  # columns that look like breakdowns, not yet chosen
    # columns never offered as breakdowns (names, personal numbers and dates, mostly distinct)
    unfit: tuple[NotABreakdown, ...] = ()

    def offered_headers(self, headers: Sequence[str]) -> list[str]:
        """The file's columns that may be offered as breakdowns, in file order."""
        unfit = {u.header for u in self.unfit}
        return [h for h in headers if h not in unfit]

    def detected(self, maximum: int | None = None) -> Mapping:
        """The mapping with the columns that look like a programme breakdown ticked as well, up
        to ``maximum`` breakdowns in all (a fresh suggestion: the officer unticks what they do
        not want)."""
        known = {b.header for b in self.mapping.breakdowns}
        fresh = [b for b in self.possible if b.header not in known]
        if maximum is not None:
            fresh = fresh[: max(maximum - len(known), 0)]
        return replace(self.mapping, breakdowns=(*self.mapping.breakdowns, *fresh))


def starting_mapping(
    table: RawTable,
    programme: Programme,
    saved: Mapping | None = None,
    breakdowns: Sequence[str] = (),
    *,
    every_column: bool = True,
) -> MappingStart:
    """The saved mapping, fitted to ``table`` (its sheet and header row), or else the suggestion.

    ``breakdowns`` are headers (or ``=age``) to mark as breakdowns as well. ``every_column``:
    judge every column of the file for :attr:`MappingStart.unfit` (the wizard lists them all);
    without, only the columns this start may use as breakdowns (the command line). Raises
    :class:`desktop_app.errors.MappingError` when ``saved`` no longer fits the file."""
    marked = (
        tuple(dict.fromkeys([*(b.header for b in saved.breakdowns), *breakdowns]))
        if saved is not None
        else tuple(breakdowns)
    )
    suggested, suggestions, possible = suggest_mapping(
        table.headers,
        programme,
        marked,
        sheet=table.sheet,
        header_row=table.header_row,
        duplicated=duplicated_headers(table),
    )
    # the wizard lists every column the officer may tick; the command line judges only the
    # columns it may use (those asked for, saved or suggested): each judged column is counted
    judged = (
        None if every_column else [*marked, *(b.header for b in (*suggested.breakdowns, *possible))]
    )
    unfit = unfit_breakdowns(table, programme, judged)
    possible = tuple(b for b in possible if b.header not in unfit)
    if saved is None:
        return MappingStart(
            suggested, "suggested", tuple(suggestions), possible, tuple(unfit.values())
        )
    known = {b.header: b for b in saved.breakdowns}
    mapping = replace(
        saved,
        breakdowns=tuple(known.get(b.header, b) for b in suggested.breakdowns),
        sheet=table.sheet,
        header_row=table.header_row,
    )
    no_header = None if table.header_found else (table.source.name, table.data_start)
    check_mapping_fits(mapping, table.headers, programme, no_header=no_header)
    return MappingStart(mapping, "saved", tuple(suggestions), possible, tuple(unfit.values()))
