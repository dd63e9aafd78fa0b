"""Reading dates typed as text, with explicit formats only (no guessing).

Accepted, in this order:

- ISO ``yyyy-mm-dd`` (also ``yyyy/mm/dd``, ``yyyy.mm.dd``), optionally with a time part as Excel date
  cells give it (``2001-05-17T00:00:00``, ``2001-05-17 08:30``); the time is dropped;
- day first: ``d-m-yyyy``, ``dd-mm-yyyy``, ``d/m/yyyy``, ``dd.mm.yyyy`` (one kind of separator);
- ``yyyymmdd`` (8 digits, as payroll exports write it);
- an Excel serial number written as text (``36892``, ``36892.5``), read with the workbook's date
  system: 1900 (serial 1 = 1900-01-01, Lotus' non-existent 1900-02-29 = 60 refused) or 1904
  (serial 0 = 1904-01-01).

Refused, each with its own reason: two-digit years (``17-05-01``: which century?), impossible dates
(``31-02-2000``), dates outside 1800-2199, anything else. A year 9999 (``9999-12-31``, the usual
"open end" of HR systems) reads as *no date*.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

FORMAT = "format"
TWO_DIGIT_YEAR = "two-digit-year"
IMPOSSIBLE = "impossible"
RANGE = "range"
EMPTY = "empty"
OPEN = "open"  # year 9999: no date (treated as empty, never reported as invalid)

PROBLEM_KINDS: tuple[str, ...] = (FORMAT, TWO_DIGIT_YEAR, IMPOSSIBLE, RANGE)

MIN_YEAR = 1800
MAX_YEAR = 2199
OPEN_YEAR = 9999
_MAX_SERIAL = 2_958_465  # 9999-12-31 in the 1900 system

_TIME = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_ISO = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME)
_DAY_FIRST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})" + _TIME)
_TWO_DIGIT = re.compile(r"\d{1,2}([-/.])\d{1,2}\1\d{2}" + _TIME)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SERIAL = re.compile(r"(\d{1,7})(?:[.,]\d+)?")

_EPOCH_1900 = datetime.date(1899, 12, 30)
_EPOCH_1904 = datetime.date(1904, 1, 1)


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


# (pattern, positions of year, month and day in its groups), tried in this order
_FORMS: tuple[tuple[re.Pattern[str], tuple[int, int, int]], ...] = (
    (_ISO, (1, 3, 4)),
    (_DAY_FIRST, (4, 3, 1)),
    (_COMPACT, (1, 2, 3)),
)


def parse_date(text: str, date_system: int = 1900) -> DateParse:
    """Read one date; see the module doc for the accepted forms."""
    value = str(text).strip()
    if not value:
        return DateParse(None, EMPTY)
    if _TWO_DIGIT.fullmatch(value):
        return DateParse(None, TWO_DIGIT_YEAR)
    for pattern, (year, month, day) in _FORMS:
        match = pattern.fullmatch(value)
        if match:
            return _from_parts(int(match[year]), int(match[month]), int(match[day]))
    match = _SERIAL.fullmatch(value)
    if match:
        return _from_serial(int(match.group(1)), date_system)
    return DateParse(None, FORMAT)


@dataclass(frozen=True)
class DateArrayParse:
    values: np.ndarray  # datetime64[ns], NaT when empty or refused
    kind: np.ndarray  # object: None when fine, else a kind (EMPTY and OPEN included)


def parse_dates(values: np.ndarray | list, date_system: int = 1900) -> DateArrayParse:
    """:func:`parse_date` for many values (meant for a column's unique values).

    Plain ISO dates (the form intake gives date cells) are read in one vectorised call with an
    explicit format; every other value goes through :func:`parse_date`.
    """
    array = np.asarray(values, dtype=object)
    n = len(array)
    result = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    kind = np.full(n, None, dtype=object)
    if n == 0:
        return DateArrayParse(result, kind)
    done = np.zeros(n, dtype=bool)
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
    for index in np.flatnonzero(~done):
        parsed_one = parse_date(array[index], date_system)
        kind[index] = parsed_one.kind
        if parsed_one.value is not None:
            result[index] = np.datetime64(parsed_one.value, "ns")
    return DateArrayParse(result, kind)


def age_at(birth: np.ndarray, peildatum: datetime.date) -> np.ndarray:
    """Whole years between ``birth`` (datetime64) and the peildatum; NaN where birth is NaT."""
    index = pd.DatetimeIndex(birth)
    before_birthday = (index.month > peildatum.month) | (
        (index.month == peildatum.month) & (index.day > peildatum.day)
    )
    age = peildatum.year - index.year.to_numpy(dtype=np.float64) - before_birthday.astype(float)
    age[np.isnat(birth)] = np.nan
    return age
