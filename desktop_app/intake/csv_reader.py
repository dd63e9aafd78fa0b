"""Delimited text (.csv, .txt) to rows of text: encoding, delimiter, records.

Every value stays text exactly as written: leading zeros, decimal commas ("0,8") and spaces are
kept; validation decides what they mean. Row numbers are record numbers (1-based), which equal
line numbers unless a quoted value spans lines.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from desktop_app.errors import IntakeError
from desktop_app.intake.table import Grid

DELIMITERS = (";", ",", "\t", "|")
"""Candidates, in order of preference when two fit equally well (Dutch/Belgian Excel writes ';')."""
SAMPLE_CHARS = 64 * 1024
MIN_SAME_WIDTH = 0.5
"""Share of records (from the header down) that must have exactly the table's field count."""
MAX_MEAN_FIELD_CHARS = 60
"""Longer fields on average read as prose, not a table."""
MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


@dataclass(frozen=True)
class Dialect:
    delimiter: str
    fields: int  # the table's field count
    widest: int  # the most fields any sampled record has
    score: float = 0.0  # fields x share of sampled records that have exactly that many


def decode(data: bytes, name: str) -> DecodedText:
    """Text of the file: UTF-8 (BOM or not), UTF-16 with BOM (or evidently UTF-16), else cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return DecodedText(_strict(data[3:], "utf-8", name), "utf-8-sig")
    if data.startswith(b"\xff\xfe") and not data.startswith(b"\xff\xfe\x00\x00"):
        return DecodedText(_strict(data[2:], "utf-16-le", name), "utf-16-le")
    if data.startswith(b"\xfe\xff"):
        return DecodedText(_strict(data[2:], "utf-16-be", name), "utf-16-be")
    head = data[:4096]
    if b"\x00" in head:
        encoding = _utf16_without_bom(head)
        if encoding is None:
            raise IntakeError("intake.unknown-format", file=name)
        return DecodedText(_strict(data, encoding, name), encoding)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return DecodedText(_strict(data, "cp1252", name), "cp1252")


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text of Latin script has a zero in every other byte."""
    even, odd = head[0::2], head[1::2]
    if odd and odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even and even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise IntakeError(
            "intake.undecodable", file=name, encoding=encoding, position=error.start
        ) from error


def looks_binary(text: str) -> bool:
    sample = text[:SAMPLE_CHARS]
    if "\x00" in sample:
        return True
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v")
    return controls > MAX_CONTROL_SHARE * max(len(sample), 1)


def _sample(text: str) -> tuple[str, bool]:
    if len(text) <= SAMPLE_CHARS:
        return text, False
    cut = text.rfind("\n", 0, SAMPLE_CHARS)
    return (text[: cut + 1] if cut > 0 else text[:SAMPLE_CHARS]), True


def _parse(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _well_quoted(text: str, delimiter: str, truncated: bool) -> bool:
    """Whether every quoted value is followed by this delimiter or a line end."""
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        return truncated and "unexpected end of data" in str(error)
    return True


def sniff_dialect(text: str) -> Dialect | None:
    """The delimiter whose field counts agree best, quotes respected; None when nothing fits.

    A delimiter under which the quoting makes sense beats one under which it does not (in
    ``"a","b;c"`` the comma is the delimiter, whatever the counts say); then the one that makes
    more columns in more records wins (``;`` over the decimal comma in ``0,8``).
    """
    sample, truncated = _sample(text)
    best: tuple[bool, float] | None = None
    chosen: Dialect | None = None
    for delimiter in DELIMITERS:
        fit = _fit(sample, delimiter, truncated)
        if fit is None:
            continue
        rank = (_well_quoted(sample, delimiter, truncated), fit.score)
        if best is None or rank > best:
            best, chosen = rank, fit
    return chosen


def _fit(sample: str, delimiter: str, truncated: bool) -> Dialect | None:
    """The table this delimiter would make of the sample, or None when it makes none."""
    try:
        records = [r for r in _parse(sample, delimiter) if any(f.strip() for f in r)]
    except csv.Error:
        return None
    if truncated and len(records) > 1:
        records = records[:-1]  # the cut may fall inside a quoted value
    counts = [len(r) for r in records]
    if not counts:
        return None
    frequency = Counter(counts)
    fields, _ = max(frequency.items(), key=lambda item: (item[1], item[0]))
    # Title lines above the header do not count against it, even when Excel padded them with
    # delimiters ("Personeelsoverzicht;;;;;;" has the table's width but one filled field).
    filled = [sum(1 for f in r if f.strip()) for r in records]
    start = next(
        (i for i, n in enumerate(counts) if n == fields and filled[i] >= 2), counts.index(fields)
    )
    rest = counts[start:]
    table_records = [r for r in records[start:] if len(r) == fields]
    mean_chars = sum(len(f) for r in table_records for f in r) / (fields * len(table_records))
    plausible = (
        fields >= 2
        # one record of two fields is as likely a sentence with a comma as a table
        and (rest.count(fields) >= 2 or fields >= 3)
        # most records have the table's width (ragged rows may be shorter)
        and rest.count(fields) >= MIN_SAME_WIDTH * len(rest)
        # "Beste collega," splits in two but is no table header
        and filled[start] >= 2
        and mean_chars <= MAX_MEAN_FIELD_CHARS
    )
    if not plausible:
        return None
    return Dialect(delimiter, fields, max(counts), fields * frequency[fields] / len(counts))


def read_grid(path: Path, data: bytes) -> tuple[Grid, DecodedText, Dialect]:
    """All records of the file as columns; blank lines are kept so numbering matches the file."""
    name = path.name
    decoded = decode(data, name)
    if looks_binary(decoded.text):
        raise IntakeError("intake.unknown-format", file=name)
    if not decoded.text.strip():
        raise IntakeError("intake.csv-no-data", file=name)
    dialect = sniff_dialect(decoded.text)
    _refuse_unclosed_quote(decoded.text, dialect, name)
    if dialect is None:
        raise IntakeError("intake.not-tabular", file=name)
    grid = _parse_columns(decoded.text, dialect, name)
    if grid is None:  # records wider than the sample showed: the slower, forgiving parser
        try:
            grid = Grid.from_rows(_parse(decoded.text, dialect.delimiter))
        except csv.Error as error:
            raise IntakeError("intake.could-not-read", file=name, error=str(error)) from error
    return grid, decoded, dialect


def unclosed_quote(text: str, delimiter: str) -> int | None:
    """Offset of a quote that opens a value under ``delimiter`` and is never closed, or None.

    The csv module's rules: a ``"`` opens a quoted value only at the start of a value (after the
    delimiter or a line end); inside it ``""`` is a quote and a lone ``"`` closes it. Only the
    quote characters are visited, and only when the last quotes could be such an opening.
    """
    if not _may_end_inside_quotes(text, delimiter):
        return None
    find = text.find
    position = find('"')
    while position != -1:
        if position and text[position - 1] not in (delimiter, "\n", "\r"):
            position = find('"', position + 1)  # a quote inside a value is just a character
            continue
        end = position + 1
        while True:
            close = find('"', end)
            if close == -1:
                return position
            if text.startswith('"', close + 1):  # "" inside quotes
                end = close + 2
                continue
            break
        position = find('"', close + 1)
    return None


def _may_end_inside_quotes(text: str, delimiter: str) -> bool:
    """A quote that is never closed is followed only by ``""`` pairs to the end of the text, so it
    is the last quote, or the one before the last pairs: when none of those stands at the start of
    a value, no quote is left open (a file of quoted values costs a few ``rfind``)."""
    position = text.rfind('"')
    while position != -1:
        before = text[position - 1] if position else "\n"
        if before in (delimiter, "\n", "\r"):
            return True
        if before != '"':
            return False
        position = text.rfind('"', 0, position - 1)  # the pair ends here: the quote before it
    return False


def line_number(text: str, offset: int) -> int:
    """1-based line of ``offset`` (line ends: \\n, \\r\\n or a lone \\r)."""
    newlines = text.count("\n", 0, offset)
    return (newlines or text.count("\r", 0, offset)) + 1


def _refuse_unclosed_quote(text: str, dialect: Dialect | None, name: str) -> None:
    """An unclosed quote is refused with its line, before it can pass for a table.

    A quote never closed under the delimiter the file is read with swallows the rest of the file.
    One never closed under another delimiter may be why that delimiter was passed over (its
    quoting broken) or no delimiter fit at all: when the text without that one quote would be
    read with that delimiter, the quote is the fault, not the file's layout, and the officer is
    told so rather than shown a table split at the wrong character.
    """
    sample, truncated = _sample(text)
    if '"' not in sample:
        return
    for delimiter in DELIMITERS:
        opened = unclosed_quote(sample, delimiter)
        if opened is None:
            continue
        if dialect is not None and delimiter == dialect.delimiter:
            if truncated:
                continue  # the cut may fall inside a value; the whole text is parsed later
        else:
            repaired = sniff_dialect(sample[:opened] + sample[opened + 1 :])
            if repaired is None or repaired.delimiter != delimiter:
                continue
        raise IntakeError("intake.csv-unclosed-quote", file=name, row=line_number(text, opened))


_UNCLOSED_QUOTE = re.compile(r"EOF inside string starting at row (\d+)")


def _parse_columns(text: str, dialect: Dialect, name: str) -> Grid | None:
    """pandas' C tokenizer, which is 3x faster than the csv module and gives columns directly.

    Its quoting rules are the csv module's (``"`` quotes, ``""`` escapes). It refuses records
    wider than ``names``: then None, and the caller falls back to the csv module.
    """
    import pandas as pd

    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=dialect.delimiter,
            header=None,
            names=range(dialect.widest),
            dtype=object,
            na_filter=False,
            keep_default_na=False,
            skip_blank_lines=False,
            quotechar='"',
            doublequote=True,
            engine="c",
        )
    except pd.errors.ParserError as error:
        unclosed = _UNCLOSED_QUOTE.search(str(error))
        if unclosed:
            raise IntakeError(
                "intake.csv-unclosed-quote", file=name, row=int(unclosed.group(1)) + 1
            ) from error
        return None
    except (ValueError, OverflowError):
        return None
    columns = [frame[c].to_numpy(dtype=object) for c in frame.columns]
    return Grid(columns, len(frame))
