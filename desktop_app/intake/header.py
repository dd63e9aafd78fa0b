"""Which row holds the column headers, what they say, and how to make them unique.

HR exports often put a report title ("Personeelsoverzicht 2025"), a date or a blank line above the
header. The header is the first row that is about as wide as the table and mostly words; known
header spellings (the programme's synonyms) win over that guess when several of them appear in a row.

A row that looks like data is never taken for the header: one holding an identifier (a run of six
or more digits: BSN, INSZ, personnel or phone number), a date, mostly numbers, or values that
recur below it in the same columns. When the first wide row is such a row the file has no header
row (a headerless export), and :func:`find_header` says so: nothing from that row may then be
shown as a column name.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from desktop_app.intake.cells import cell_text
from desktop_app.intake.model import column_letter
from desktop_app.text import normalise_header

SCAN_ROWS = 50
"""Rows looked at when searching for the header."""
MIN_TEXT_SHARE = 0.75
"""Share of a header row's filled cells that must be words rather than numbers or dates."""

MergedRange = tuple[
    tuple[int, int], tuple[int, int]
]  # ((row, col), (row, col)), 0-based, inclusive

MIN_ID_DIGITS = 6
"""Digits in a cell that make it an identifier (BSN 9, INSZ 11, personnel numbers) when they are
also at least half of its characters; headers hold at most a year."""
MIN_RECURRING = 2
"""Cells of a row whose text recurs below it in the same column that make the row data."""
MAX_DATA_LINES_ABOVE = 3
"""Lines with an identifier or a date (an export's "KvK;12345678") that may stand above the header,
each narrower than it; more, or one as wide, and the file has no header row."""

_NUMBER_LIKE = re.compile(r"^[\s\d.,:/\-+%€$()]*$")
_DATE_LIKE = re.compile(
    r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)
_DIGIT = re.compile(r"\d")


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


def _is_data_value(value: Any) -> bool:
    """An identifier, a date or a large number: a value no header cell holds."""
    if isinstance(value, (dt.date, dt.time)):
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return math.isfinite(value) and abs(value) >= 10 ** (MIN_ID_DIGITS - 1)
    if value.__class__ is not str:
        return False
    text = value.strip()
    if _DATE_LIKE.fullmatch(text):
        return True
    digits = len(_DIGIT.findall(text))
    return digits >= MIN_ID_DIGITS and 2 * digits >= len(text.replace(" ", ""))


def looks_like_data(row: Sequence[Any], below: Sequence[Sequence[Any]] = ()) -> bool:
    """Whether ``row`` is a data row rather than a header: it holds an identifier or a date, is
    mostly numbers, or several of its values recur in the same columns of the rows ``below``."""
    filled = _filled(row)
    if not filled:
        return False
    if any(map(_is_data_value, filled)):
        return True
    if 2 * sum(map(_is_word, filled)) < len(filled):
        return True
    keys = [_key(v) for v in row]
    # a header repeated further down (a paged report) is no sign of data
    others = [[_key(v) for v in other] for other in below]
    others = [other for other in others if other[: len(keys)] != keys]
    recurring = 0
    for column, key in enumerate(keys):
        if key and any(column < len(other) and other[column] == key for other in others):
            recurring += 1
            if recurring >= MIN_RECURRING:
                return True
    return False


def _key(value: Any) -> str:
    return "" if is_blank(value) else cell_text(value).strip().casefold()


@dataclass(frozen=True)
class HeaderGuess:
    """Where the table starts: ``index`` is the header row when ``found``; otherwise no row looks
    like a header and ``index`` is the first row of data (the table has no header row)."""

    index: int
    found: bool


def find_header(
    rows: Sequence[Sequence[Any]],
    hints: Iterable[str] = (),
    merged: Sequence[MergedRange] = (),
) -> HeaderGuess | None:
    """Where the header is (0-based, into ``rows``), or that there is none; None when all blank."""
    window = rows[:SCAN_ROWS]
    filled_counts = [len(_filled(row)) for row in window]
    if not any(filled_counts):
        return None
    hint_keys = {normalise_header(h) for h in hints} - {""}
    if hint_keys:
        scores = [_hint_matches(row, hint_keys) for row in window]
        best = max(scores)
        if best >= min(2, len(hint_keys)):
            index = scores.index(best)
            if not looks_like_data(window[index], rows[index + 1 : index + 1 + SCAN_ROWS]):
                return HeaderGuess(index, True)
    widest = max(filled_counts)
    min_filled = max(2, math.ceil(widest / 2)) if widest >= 2 else 1
    first_wide = next(i for i, count in enumerate(filled_counts) if count >= min_filled)
    skipped: list[int] = []  # filled counts of wide rows passed over because they look like data
    for index, row in enumerate(window):
        if filled_counts[index] < min_filled:
            continue
        if looks_like_data(row, rows[index + 1 : index + 1 + SCAN_ROWS]):
            skipped.append(filled_counts[index])
            if len(skipped) > MAX_DATA_LINES_ABOVE:
                break  # a run of data: any header-like row further down is itself data
            continue
        if not _looks_like_header(row, min_filled):
            continue
        if any(count >= filled_counts[index] for count in skipped):
            break  # data as wide as this row came first: the file has no header row
        return HeaderGuess(_below_group_header(window, index, min_filled, merged), True)
    # no wordy row: the first wide row is the header unless it looks like data
    below = rows[first_wide + 1 : first_wide + 1 + SCAN_ROWS]
    return HeaderGuess(first_wide, not looks_like_data(window[first_wide], below))


def find_header_row(
    rows: Sequence[Sequence[Any]],
    hints: Iterable[str] = (),
    merged: Sequence[MergedRange] = (),
) -> int | None:
    """Index (0-based, into ``rows``) of the header row, or of the first data row when the table
    has no header row (see :func:`find_header`); None when the rows are all blank."""
    guess = find_header(rows, hints, merged)
    return None if guess is None else guess.index


def only_lines_of_text(rows: Sequence[Sequence[Any]]) -> bool:
    """Whether the rows are report titles and nothing else: two or more lines of text, none with
    two filled cells, a number, a date or an identifier (one line is a header without data; a list
    of numbers under one header is a table)."""
    lines = 0
    for row in rows:
        filled = _filled(row)
        if not filled:
            continue
        if len(filled) > 1 or not _is_word(filled[0]) or _is_data_value(filled[0]):
            return False
        lines += 1
    return lines >= 2  # one line is a header


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


class _Rows(Protocol):
    """Rows by index: a list of rows, or a column-held Grid."""

    def __getitem__(self, index: int, /) -> Sequence[Any]: ...

    def __len__(self) -> int: ...


def filled_with_merges(rows: _Rows, index: int, merged: Sequence[MergedRange]) -> list[Any]:
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
