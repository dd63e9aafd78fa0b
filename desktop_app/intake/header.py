"""Which row holds the column headers, what they say, and how to make them unique.

HR exports often put a report title ("Personeelsoverzicht 2025"), a date or a blank line above the
header. The header is the first row that is about as wide as the table and mostly words; known
header spellings (the programme's synonyms) win over that guess when several of them appear in a row.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

from desktop_app.intake.cells import cell_text
from desktop_app.intake.model import column_letter
from desktop_app.mapping.normalise import normalise_header

SCAN_ROWS = 50
"""Rows looked at when searching for the header."""
MIN_TEXT_SHARE = 0.75
"""Share of a header row's filled cells that must be words rather than numbers or dates."""

MergedRange = tuple[
    tuple[int, int], tuple[int, int]
]  # ((row, col), (row, col)), 0-based, inclusive

_NUMBER_LIKE = re.compile(r"^[\s\d.,:/\-+%€$()]*$")


def is_blank(value: Any) -> bool:
    return value is None or (value.__class__ is str and not value.strip())


def row_is_blank(row: Sequence[Any]) -> bool:
    return all(is_blank(v) for v in row)


def _is_word(value: Any) -> bool:
    return value.__class__ is str and not _NUMBER_LIKE.match(value)


def _filled(row: Sequence[Any]) -> list[Any]:
    return [v for v in row if not is_blank(v)]


def _hint_matches(row: Sequence[Any], hint_keys: set[str]) -> int:
    return len({normalise_header(cell_text(v)) for v in _filled(row)} & hint_keys)


def _looks_like_header(row: Sequence[Any], min_filled: int) -> bool:
    filled = _filled(row)
    if len(filled) < min_filled:
        return False
    return sum(map(_is_word, filled)) >= MIN_TEXT_SHARE * len(filled)


def find_header_row(
    rows: Sequence[Sequence[Any]],
    hints: Iterable[str] = (),
    merged: Sequence[MergedRange] = (),
) -> int | None:
    """Index (0-based, into ``rows``) of the header row, or None when the rows are all blank."""
    window = rows[:SCAN_ROWS]
    filled_counts = [len(_filled(row)) for row in window]
    if not any(filled_counts):
        return None
    hint_keys = {normalise_header(h) for h in hints} - {""}
    if hint_keys:
        scores = [_hint_matches(row, hint_keys) for row in window]
        best = max(scores)
        if best >= min(2, len(hint_keys)):
            return scores.index(best)
    widest = max(filled_counts)
    min_filled = max(2, math.ceil(widest / 2)) if widest >= 2 else 1
    for index, row in enumerate(window):
        if _looks_like_header(row, min_filled):
            return _below_group_header(window, index, min_filled, merged)
    for index, count in enumerate(filled_counts):
        if count >= min_filled:
            return index
    return next(i for i, count in enumerate(filled_counts) if count)


def _below_group_header(
    rows: Sequence[Sequence[Any]], index: int, min_filled: int, merged: Sequence[MergedRange]
) -> int:
    """A header in two levels ("Adres" merged over "Postcode | Huisnummer"): take the lower row."""
    spans_columns = any(r0 <= index <= r1 and c1 > c0 for (r0, c0), (r1, c1) in merged)
    below = index + 1
    if spans_columns and below < len(rows):
        lower = filled_with_merges(rows, below, merged)
        if _looks_like_header(lower, min_filled) and any(
            r0 == index and c1 > c0 and not is_blank(lower[c0]) for (r0, c0), (r1, c1) in merged
        ):
            return below
    return index


def filled_with_merges(
    rows: Sequence[Sequence[Any]], index: int, merged: Sequence[MergedRange]
) -> list[Any]:
    """Row ``index`` with every merged range that covers it filled from the range's top-left cell."""
    row = list(rows[index])
    if not merged:
        return row
    for (r0, c0), (r1, c1) in merged:
        if not r0 <= index <= r1 or r0 >= len(rows):
            continue
        source = rows[r0]
        value = source[c0] if c0 < len(source) else ""
        if c1 >= len(row):
            row.extend([""] * (c1 + 1 - len(row)))
        for column in range(c0, c1 + 1):
            row[column] = value
    return row


def unique_headers(raw: Sequence[str], column_indexes: Sequence[int]) -> tuple[str, ...]:
    """Headers the user can tell apart: blanks become ``(C)``, repeats get ``" (C)"`` appended.

    Whitespace runs (line breaks in a wrapped header cell) become one space; case-insensitive
    repeats count as repeats.
    """
    seen: set[str] = set()
    out: list[str] = []
    for text, index in zip(raw, column_indexes, strict=True):
        letter = column_letter(index)
        header = " ".join(text.split()) or f"({letter})"
        while header.casefold() in seen:
            header = f"{header} ({letter})"
        seen.add(header.casefold())
        out.append(header)
    return tuple(out)
