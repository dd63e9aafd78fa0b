"""Reading dates typed as text, with explicit forms only, and day and month decided per column.

Accepted, in this order:

- ISO ``yyyy-mm-dd`` (also ``yyyy/mm/dd``, ``yyyy.mm.dd``), optionally with a time part as Excel date
  cells give it (``2001-05-17T00:00:00``, ``2001-05-17 08:30``); the time is dropped;
- two numbers and a four-digit year, ``d-m-yyyy``, ``dd/mm/yyyy``, ``dd.mm.yyyy`` (one kind of
  separator), read day first or month first: :func:`read_date_column` decides that for a whole
  column from the values that tell (``25-03-1965`` can only be day first, ``03/25/1965`` only month
  first) and reads every value of the column the same way; a column where every value reads both
  ways is read day first, the Dutch and Belgian norm. One value alone (:func:`parse_date`) is read
  day first unless told otherwise;
- a month written as a word, in Dutch, English or French, in full or abbreviated, with or without
  a dot, capitals and accents optional: ``11 May 2012``, ``18 aug. 2019``, ``3 mrt 2020``,
  ``5 févr. 2021``, ``1er janvier 2020``, ``Aug 18, 2019``;
- ``yyyymmdd`` (8 digits, as payroll exports write it);
- an Excel serial number written as text (``36892``, ``36892.5``), read with the workbook's date
  system: 1900 (serial 1 = 1900-01-01, Lotus' non-existent 1900-02-29 = 60 refused) or 1904
  (serial 0 = 1904-01-01).

Refused, each with its own reason: two-digit years (``17-05-01``, ``18-aug-19``: which century?),
impossible dates (``31-02-2000``), dates outside 1800-2199, anything else. A year 9999
(``9999-12-31``, the usual "open end" of HR systems) reads as *no date*.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

FORMAT = "format"
TWO_DIGIT_YEAR = "two-digit-year"
IMPOSSIBLE = "impossible"
RANGE = "range"
EMPTY = "empty"
OPEN = "open"  # year 9999: no date (treated as empty, never reported as invalid)

PROBLEM_KINDS: tuple[str, ...] = (FORMAT, TWO_DIGIT_YEAR, IMPOSSIBLE, RANGE)

# How ``03-04-1965`` is read: 3 April (day first) or 4 March (month first).
DAY_FIRST = "day-first"
MONTH_FIRST = "month-first"

MIN_YEAR = 1800
MAX_YEAR = 2199
OPEN_YEAR = 9999
_MAX_SERIAL = 2_958_465  # 9999-12-31 in the 1900 system

_TIME = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_ISO = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME)
_NUMERIC = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})" + _TIME)  # day or month first
_TWO_DIGIT = re.compile(r"\d{1,2}([-/.])\d{1,2}\1\d{2}" + _TIME)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SERIAL = re.compile(r"(\d{1,7})(?:[.,]\d+)?")
# A month as a word (matched on lower-case text without accents): "18 aug. 2019", "1er mai 2020",
# "18-AUG-2019", "Aug 18, 2019", "May 11th 2012". The year is any run of digits so that a
# two-digit year is told apart from a non-date.
_NAMED_DAY_FIRST = re.compile(
    r"(\d{1,2})(?:er|st|nd|rd|th)?[\s./-]*([a-z]+)\.?(?:,\s*|[\s./-]*)(\d+)" + _TIME
)
_NAMED_MONTH_FIRST = re.compile(
    r"([a-z]+)\.?[\s./-]*(\d{1,2})(?:st|nd|rd|th)?(?:,\s*|[\s./-]+)(\d+)" + _TIME
)

_EPOCH_1900 = datetime.date(1899, 12, 30)
_EPOCH_1904 = datetime.date(1904, 1, 1)

# Month names in Dutch, English and French. Every prefix of three letters or more of a name is
# read as that month when it names one month in all three languages ("mar" is March in each of
# them, "jui" is juin or juillet and is refused), plus the abbreviations that are no prefix.
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("januari", "january", "janvier"),
    2: ("februari", "february", "fevrier"),
    3: ("maart", "march", "mars", "mrt"),
    4: ("april", "avril"),
    5: ("mei", "may", "mai"),
    6: ("juni", "june", "juin"),
    7: ("juli", "july", "juillet"),
    8: ("augustus", "august", "aout"),
    9: ("september", "septembre"),
    10: ("oktober", "october", "octobre"),
    11: ("november", "novembre"),
    12: ("december", "decembre"),
}


def _month_words() -> dict[str, int]:
    candidates: dict[str, set[int]] = {}
    for month, names in _MONTH_NAMES.items():
        for name in names:
            for end in range(3, len(name) + 1):
                candidates.setdefault(name[:end], set()).add(month)
    return {word: months.pop() for word, months in candidates.items() if len(months) == 1}


MONTH_WORDS: dict[str, int] = _month_words()


@dataclass(frozen=True)
class DateParse:
    """One value read: the date (None when empty or refused) and the problem kind (None when fine)."""

    value: datetime.date | None
    kind: str | None = None

    @property
    def valid(self) -> bool:
        return self.value is not None


def _from_parts(year: int, month: int, day: int) -> DateParse:
    if year == OPEN_YEAR:
        return DateParse(None, OPEN)
    if not MIN_YEAR <= year <= MAX_YEAR:
        return DateParse(None, RANGE)
    try:
        return DateParse(datetime.date(year, month, day))
    except ValueError:
        return DateParse(None, IMPOSSIBLE)


def _from_serial(serial: int, date_system: int) -> DateParse:
    if serial > _MAX_SERIAL:
        return DateParse(None, RANGE)
    if date_system == 1904:
        value = _EPOCH_1904 + datetime.timedelta(days=serial)
    elif serial < 1 or serial == 60:
        return DateParse(None, IMPOSSIBLE)  # "1900-01-00" and Lotus' 1900-02-29 do not exist
    elif serial < 60:
        value = _EPOCH_1900 + datetime.timedelta(days=serial + 1)
    else:
        value = _EPOCH_1900 + datetime.timedelta(days=serial)
    return _from_parts(value.year, value.month, value.day)


def _fold(text: str) -> str:
    """Lower case without accents: ``Févr.`` -> ``fevr.``."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _from_named(value: str) -> DateParse | None:
    """A date with its month as a word, or None when the value has no such form."""
    folded = _fold(value)
    match = _NAMED_DAY_FIRST.fullmatch(folded)
    if match:
        day, word, year = match.group(1), match.group(2), match.group(3)
    else:
        match = _NAMED_MONTH_FIRST.fullmatch(folded)
        if not match:
            return None
        word, day, year = match.group(1), match.group(2), match.group(3)
    month = MONTH_WORDS.get(word)
    if month is None:
        return None
    if len(year) == 2:
        return DateParse(None, TWO_DIGIT_YEAR)
    if len(year) != 4:
        return None
    return _from_parts(int(year), month, int(day))


# (pattern, positions of year, month and day in its groups), tried in this order, per reading order
_FORMS: dict[str, tuple[tuple[re.Pattern[str], tuple[int, int, int]], ...]] = {
    DAY_FIRST: ((_ISO, (1, 3, 4)), (_NUMERIC, (4, 3, 1)), (_COMPACT, (1, 2, 3))),
    MONTH_FIRST: ((_ISO, (1, 3, 4)), (_NUMERIC, (4, 1, 3)), (_COMPACT, (1, 2, 3))),
}


def parse_date(text: str, date_system: int = 1900, order: str = DAY_FIRST) -> DateParse:
    """Read one date; see the module doc for the accepted forms. ``order`` says how two numbers
    and a year (``03-04-1965``) are read: :data:`DAY_FIRST` or :data:`MONTH_FIRST`."""
    value = str(text).strip()
    if not value:
        return DateParse(None, EMPTY)
    if _TWO_DIGIT.fullmatch(value):
        return DateParse(None, TWO_DIGIT_YEAR)
    for pattern, (year, month, day) in _FORMS[order]:
        match = pattern.fullmatch(value)
        if match:
            return _from_parts(int(match[year]), int(match[month]), int(match[day]))
    match = _SERIAL.fullmatch(value)
    if match:
        return _from_serial(int(match.group(1)), date_system)
    return _from_named(value) or DateParse(None, FORMAT)


@dataclass(frozen=True, eq=False)
class DateArrayParse:
    values: np.ndarray  # datetime64[ns], NaT when empty or refused
    kind: np.ndarray  # object: None when fine, else a kind (EMPTY and OPEN included)


@dataclass(frozen=True, eq=False)
class DateOrder:
    """How a column's values of two numbers and a year were read, and what told.

    Per value: ``day_first_only`` when it is a date read day first and none read month first
    (``25-03-1965``), ``month_first_only`` the other way round (``03/25/1965``), ``both_ways``
    when it is a different date each way (``03-04-1965``). ``order`` is how the column was read;
    when it is ``mixed`` (values of both ``*_only`` kinds) each of those is read the only way it
    can be and the rest day first, and the column cannot be trusted.
    """

    order: str
    day_first_only: np.ndarray
    month_first_only: np.ndarray
    both_ways: np.ndarray

    @property
    def mixed(self) -> bool:
        return bool(self.day_first_only.any() and self.month_first_only.any())

    def spread(self, at: np.ndarray, n: int) -> DateOrder:
        """The same evidence for ``n`` values, of which these are the ones at ``at``."""

        def place(flags: np.ndarray) -> np.ndarray:
            out = np.zeros(n, dtype=bool)
            out[at] = flags
            return out

        return DateOrder(
            self.order,
            place(self.day_first_only),
            place(self.month_first_only),
            place(self.both_ways),
        )


@dataclass(frozen=True, eq=False)
class DateColumn(DateArrayParse):
    """A column's values read one way (:func:`read_date_column`), with the evidence for it."""

    reading: DateOrder


def _calendar(
    year: np.ndarray, month: np.ndarray, day: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Which (year, month, day) triples are days of the calendar, and those days (datetime64[D])."""
    ok = (month >= 1) & (month <= 12) & (day >= 1) & (day <= 31)
    first = (year - 1970).astype("datetime64[Y]").astype("datetime64[M]") + (
        np.where(ok, month, 1) - 1
    )
    start = first.astype("datetime64[D]")
    length = ((first + 1).astype("datetime64[D]") - start).astype(np.int64)
    ok &= day <= length
    return ok, start + (np.where(ok, day, 1) - 1)


def _read_iso(array: np.ndarray, result: np.ndarray, done: np.ndarray) -> None:
    """Plain ISO dates, the form intake gives date cells: one vectorised call per length."""
    n = len(array)
    lengths = np.fromiter((len(v) if isinstance(v, str) else -1 for v in array), np.int64, n)
    for length, pattern in ((10, "%Y-%m-%d"), (19, "%Y-%m-%dT%H:%M:%S")):
        candidates = np.flatnonzero(lengths == length)
        if not len(candidates):
            continue
        parsed = pd.to_datetime(
            pd.Series(array[candidates], dtype=object), format=pattern, errors="coerce"
        )
        years = parsed.dt.year.to_numpy(dtype=np.float64, na_value=np.nan)
        fine = (years >= MIN_YEAR) & (years <= MAX_YEAR)
        chosen = candidates[fine]
        result[chosen] = parsed.dt.normalize().to_numpy()[fine].astype("datetime64[ns]")
        done[chosen] = True


def _read_numeric(  # noqa: PLR0917 - the arrays _parse fills in
    at: np.ndarray,
    parts: np.ndarray,
    order: str | None,
    result: np.ndarray,
    kind: np.ndarray,
    evidence: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> str | None:
    """Values of two numbers and a year (``parts``: first, second, year; at ``at``), read all at
    once in ``order``, or in the order they tell when it is None; returns the order used."""
    day_only, month_only, both = evidence
    first, second, year = parts[:, 0], parts[:, 1], parts[:, 2]
    day_ok, day_read = _calendar(year, second, first)
    month_ok, month_read = _calendar(year, first, second)
    day_only[at] = day_ok & ~month_ok
    month_only[at] = month_ok & ~day_ok
    both[at] = day_ok & month_ok & (first != second)
    if order is None:
        order = MONTH_FIRST if month_only.any() and not day_only.any() else DAY_FIRST
        # day first: the values that can only be month first are read so (a mixed column)
        as_month_first = month_only[at] | (order == MONTH_FIRST)
    else:
        as_month_first = np.full(len(at), order == MONTH_FIRST)
    valid = np.where(as_month_first, month_ok, day_ok)
    read = np.where(as_month_first, month_read, day_read)
    is_open = year == OPEN_YEAR
    out_of_range = ~is_open & ((year < MIN_YEAR) | (year > MAX_YEAR))
    fine = ~is_open & ~out_of_range & valid
    kind[at[is_open]] = OPEN
    kind[at[out_of_range]] = RANGE
    kind[at[~is_open & ~out_of_range & ~valid]] = IMPOSSIBLE
    result[at[fine]] = read[fine].astype("datetime64[ns]")
    return order


def _parse(array: np.ndarray, date_system: int, order: str | None) -> DateColumn:
    """The work of :func:`parse_dates` (``order`` given) and :func:`read_date_column` (None)."""
    n = len(array)
    result = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    kind = np.full(n, None, dtype=object)
    evidence = (np.zeros(n, dtype=bool), np.zeros(n, dtype=bool), np.zeros(n, dtype=bool))
    done = np.zeros(n, dtype=bool)
    if n:
        _read_iso(array, result, done)
    # two numbers and a year: matched one by one, read all at once in the column's order
    rest = np.flatnonzero(~done)
    texts = [str(v).strip() for v in array[rest]]
    matches = list(map(_NUMERIC.fullmatch, texts))
    numeric = np.fromiter((m is not None for m in matches), bool, len(matches))
    if numeric.any():
        parts = np.array(
            [(int(m[1]), int(m[3]), int(m[4])) for m in matches if m is not None], dtype=np.int64
        )
        order = _read_numeric(rest[numeric], parts, order, result, kind, evidence)
    order = order or DAY_FIRST
    for index, text, match in zip(rest, texts, matches, strict=True):
        if match is None:
            parsed_one = parse_date(text, date_system, order)
            kind[index] = parsed_one.kind
            if parsed_one.value is not None:
                result[index] = np.datetime64(parsed_one.value, "ns")
    return DateColumn(result, kind, DateOrder(order, *evidence))


def parse_dates(
    values: np.ndarray | list[Any], date_system: int = 1900, order: str = DAY_FIRST
) -> DateArrayParse:
    """:func:`parse_date` for many values, all read in the given ``order``."""
    column = _parse(np.asarray(values, dtype=object), date_system, order)
    return DateArrayParse(column.values, column.kind)


def read_date_column(values: np.ndarray | list[Any], date_system: int = 1900) -> DateColumn:
    """A column's (unique) values read as dates, day first or month first as the values tell.

    Month first when some values can only be read month first and none only day first; day first
    otherwise (by the values, or by the Dutch and Belgian norm when every value reads both ways).
    Plain ISO dates (the form intake gives date cells) are read in one vectorised call, and so are
    the values of two numbers and a year; every other value goes through :func:`parse_date`.
    """
    return _parse(np.asarray(values, dtype=object), date_system, None)


def age_at(birth: np.ndarray, peildatum: datetime.date) -> np.ndarray:
    """Whole years between ``birth`` (datetime64) and the peildatum; NaN where birth is NaT."""
    index = pd.DatetimeIndex(birth)
    before_birthday = (index.month > peildatum.month) | (
        (index.month == peildatum.month) & (index.day > peildatum.day)
    )
    age = peildatum.year - index.year.to_numpy(dtype=np.float64) - before_birthday.astype(float)
    age[np.isnat(birth)] = np.nan
    return age
