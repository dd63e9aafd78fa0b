"""Suggest which source column feeds each programme field, from header synonyms.

A header matches a synonym exactly (confidence 1.0), after forgiving case, accents, spacing,
punctuation and word order (0.95), or fuzzily (rapidfuzz; confidence scaled from the similarity,
below 0.75 not suggested). Each column feeds at most one field; the best matches win, ties broken
by profile order then column order, so the same file always gets the same suggestion.

A header that two columns share (two "BSN" columns) is never suggested: which of them holds the
right values is the officer's choice, and :func:`duplicate_header_notes` tells them which one the
mapping uses.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from desktop_app.mapping.model import (
    DERIVED_PREFIX,
    BreakdownColumn,
    ColumnSuggestion,
    Mapping,
    is_derived_header,
)
from desktop_app.messages import Message
from desktop_app.profiles.model import Programme
from desktop_app.text import header_words, normalise_header

if TYPE_CHECKING:
    from desktop_app.intake.model import RawTable

MIN_CONFIDENCE = 0.75
_FUZZY_WEIGHT = 0.9  # a fuzzy match never outranks an exact synonym


@dataclass(frozen=True)
class _Target:
    id: str
    spellings: tuple[str, ...]
    is_breakdown: bool


def _targets(programme: Programme) -> list[_Target]:
    targets = [
        _Target(f.id, (f.id, *f.label.texts.values(), *f.synonyms), False)
        for f in programme.employee_fields
    ]
    targets += [
        _Target(b.id, (b.id, *b.label.texts.values(), *b.synonyms), True)
        for b in programme.breakdowns
        if b.derived_from is None  # age and entry year come from dates, not a column of their own
    ]
    return targets


def header_confidence(header: str, spellings: Iterable[str]) -> tuple[float, str]:
    """How well ``header`` matches the best of ``spellings``: (confidence, reason)."""
    lowered = header.strip().lower()
    key = normalise_header(header)
    if not key:
        return 0.0, ""
    best, reason = 0.0, ""
    for spelling in spellings:
        if lowered == spelling.strip().lower():
            return 1.0, "exact"
        if key == normalise_header(spelling):
            best, reason = max((best, reason), (0.95, "synonym"))
            continue
        words = " ".join(header_words(spelling))
        score = fuzz.token_sort_ratio(" ".join(header_words(header)), words) / 100 * _FUZZY_WEIGHT
        if score > best:
            best, reason = score, "fuzzy"
    return (best, reason) if best >= MIN_CONFIDENCE else (0.0, "")


def rank_columns(headers: Sequence[str], programme: Programme) -> list[ColumnSuggestion]:
    """Every (target, header) pair worth suggesting, best first, deterministic order."""
    candidates: list[tuple[float, int, int, ColumnSuggestion]] = []
    for target_order, target in enumerate(_targets(programme)):
        for column_order, header in enumerate(headers):
            confidence, reason = header_confidence(header, target.spellings)
            if confidence:
                suggestion = ColumnSuggestion(target.id, header, round(confidence, 3), reason)
                candidates.append((-confidence, target_order, column_order, suggestion))
    candidates.sort(key=lambda c: c[:3])
    return [c[3] for c in candidates]


def suggest_mapping(  # noqa: PLR0917 (sheet and header_row are passed positionally)
    headers: Sequence[str],
    programme: Programme,
    breakdown_headers: Sequence[str] = (),
    sheet: str | None = None,
    header_row: int | None = None,
    duplicated: Collection[str] = (),
) -> tuple[Mapping, tuple[ColumnSuggestion, ...], tuple[BreakdownColumn, ...]]:
    """The suggested mapping, the suggestions it was built from, and columns that look like
    breakdowns (offered to the user, not chosen for them).

    ``breakdown_headers`` are columns the user marked as breakdowns: they are kept out of the field
    mapping and tied to the programme breakdown they resemble most, if any. ``duplicated`` are the
    headers of columns whose name another column shares (:func:`duplicated_headers`): never
    suggested.
    """
    field_ids = {f.id for f in programme.employee_fields}
    breakdown_ids = {b.id for b in programme.breakdowns}
    marked = set(breakdown_headers)
    used_headers: set[str] = set()
    used_targets: set[str] = set()
    chosen: list[ColumnSuggestion] = []
    offered: dict[str, str] = {}
    duplicated = set(duplicated)
    for suggestion in rank_columns(headers, programme):
        if suggestion.header in used_headers or suggestion.field_id in used_targets:
            continue
        if suggestion.header in duplicated:
            continue
        if suggestion.field_id in field_ids and suggestion.header not in marked:
            chosen.append(suggestion)
        elif suggestion.field_id in breakdown_ids:
            offered[suggestion.header] = suggestion.field_id
        else:
            continue
        used_headers.add(suggestion.header)
        used_targets.add(suggestion.field_id)
    breakdowns = tuple(
        BreakdownColumn(h, h[len(DERIVED_PREFIX) :] if is_derived_header(h) else offered.get(h))
        for h in breakdown_headers
    )
    possible = tuple(
        BreakdownColumn(h, offered[h]) for h in headers if h in offered and h not in marked
    )
    mapping = Mapping(
        programme_id=programme.id,
        fields={s.field_id: s.header for s in chosen},
        breakdowns=breakdowns,
        sheet=sheet,
        header_row=header_row,
    )
    return mapping, tuple(chosen), possible


def duplicated_headers(table: RawTable) -> frozenset[str]:
    """The (unique) headers of the columns whose name another column shares."""
    return frozenset(table.headers[i] for group in table.duplicate_columns() for i in group)


def duplicate_header_notes(
    table: RawTable, mapping: Mapping | None, programme: Programme | None = None
) -> tuple[Message, ...]:
    """One note per name that several columns share: the columns (letters), and which of them the
    mapping uses, for what (none, as long as the officer has not chosen: never suggested)."""
    uses: dict[str, list[object]] = {}
    if mapping is not None:
        labels = {f.id: f.label for f in programme.employee_fields} if programme else {}
        for field_id, header in mapping.fields.items():
            uses.setdefault(header, []).append(labels.get(field_id, field_id))
        for breakdown in mapping.breakdowns:
            label: object = breakdown.breakdown_id or breakdown.header
            if programme is not None and breakdown.breakdown_id:
                with suppress(KeyError):
                    label = programme.breakdown(breakdown.breakdown_id).label
            uses.setdefault(breakdown.header, []).append(label)
    notes = []
    for group in table.duplicate_columns():
        letters = [table.column_letters[i] for i in group]
        header = " ".join(table.raw_headers[group[0]].split())
        used = [i for i in group if table.headers[i] in uses]
        if not used:
            notes.append(
                Message(
                    "mapping.duplicate-header-unused",
                    {
                        "header": header,
                        "columns": letters,
                        "names": [f"“{table.headers[i]}”" for i in group],
                    },
                )
            )
            continue
        notes.append(
            Message(
                "mapping.duplicate-header-used",
                {
                    "header": header,
                    "columns": letters,
                    "used": [
                        Message(
                            "mapping.duplicate-header-use",
                            {"column": table.column_letters[i], "uses": uses[table.headers[i]]},
                        )
                        for i in used
                    ],
                },
            )
        )
    return tuple(notes)
