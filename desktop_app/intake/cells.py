"""Cell values (as python-calamine returns them) to text, one column at a time.

Speed matters (200,000-row workbooks): a column that is all text is taken as it is; otherwise each
cell goes through one small function chosen by its type. No per-cell work beyond that one pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

_MIDNIGHT = dt.time(0, 0)


def number_text(value: float) -> str:
    """``123456782.0`` -> ``'123456782'``; ``1.5`` -> ``'1.5'``; ``0.30000000000000004`` -> ``'0.3'``.

    Non-integral numbers keep Excel's 15 significant digits, so a cached formula result shows what
    Excel shows.
    """
    if value.is_integer() and -1e21 < value < 1e21:
        return str(int(value))
    text = f"{value:.15g}"
    return text if text not in ("nan", "inf", "-inf") else ""


def datetime_text(value: dt.datetime) -> str:
    """A date cell as ISO: ``2025-01-31``, or ``2025-01-31T08:30:00`` when it has a time."""
    if value.microsecond >= 500_000:
        value += dt.timedelta(microseconds=1_000_000 - value.microsecond)
    value = value.replace(microsecond=0)
    if value.time() == _MIDNIGHT:
        return value.date().isoformat()
    return value.isoformat(timespec="seconds")


def time_text(value: dt.time) -> str:
    return value.replace(microsecond=0).isoformat(timespec="seconds")


def duration_text(value: dt.timedelta) -> str:
    """A duration cell (``[h]:mm``) as total hours: ``36:00:00``."""
    seconds = round(value.total_seconds())
    sign = "-" if seconds < 0 else ""
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}"


def bool_text(value: bool) -> str:
    return "TRUE" if value else "FALSE"


_CONVERTERS: dict[type, Callable[[Any], str]] = {
    str: str,
    float: number_text,
    int: str,
    bool: bool_text,
    dt.date: dt.date.isoformat,
    dt.datetime: datetime_text,
    dt.time: time_text,
    dt.timedelta: duration_text,
    type(None): lambda _value: "",
}


def cell_text(value: Any) -> str:
    """One cell to text (for headers and title lines; columns go through :func:`column_text`)."""
    converter = _CONVERTERS.get(type(value))
    if converter is not None:
        return converter(value)
    return "" if value is None else str(value)


def _object_array(values: Sequence[Any] | np.ndarray) -> np.ndarray:
    return np.fromiter(values, dtype=object, count=len(values))


_EXACT_INTEGER = 1e15  # below this every integral float prints exactly as an int64


def floats_text(values: np.ndarray) -> list[str]:
    """Many numbers at once (vectorised :func:`number_text`)."""
    numbers = np.asarray(values, dtype=np.float64)
    integral = (numbers == np.trunc(numbers)) & (np.abs(numbers) < _EXACT_INTEGER)
    if integral.all():
        return list(map(str, numbers.astype(np.int64).tolist()))
    out = np.empty(len(numbers), dtype=object)
    out[integral] = list(map(str, numbers[integral].astype(np.int64).tolist()))
    rest = ~integral
    out[rest] = list(map(number_text, numbers[rest].tolist()))
    return out.tolist()


_SAMPLE = 1000


def _all_text(values: Sequence[Any] | np.ndarray) -> bool:
    """True when every cell is ``str`` (joining refuses anything else, at C speed)."""
    try:
        "".join(values)
    except TypeError:
        return False
    return True


def _convert(cells: Sequence[Any] | np.ndarray, kind: type) -> list[str]:
    """Cells of one type to text. Columns of repeated values (dates, part-time factors, codes)
    convert each distinct value once: a century holds only 36,525 dates."""
    converter = _CONVERTERS.get(kind, cell_text)
    sample = cells[:_SAMPLE]
    if kind is dt.date or len(set(sample)) * 2 <= len(sample):
        distinct = dict.fromkeys(cells, "")  # every value is replaced below
        if len(distinct) * 4 <= len(cells):
            for value in distinct:
                distinct[value] = converter(value)
            return list(map(distinct.__getitem__, cells))
    if kind is float:
        return floats_text(np.fromiter(cells, dtype=np.float64, count=len(cells)))
    return list(map(converter, cells))


def column_text(values: Sequence[Any] | np.ndarray) -> np.ndarray:
    """A column of cell values as an object array of ``str``.

    One pass finds the types present; an all-text column is taken as is, otherwise the cells of
    each other type are converted together.
    """
    array = values if isinstance(values, np.ndarray) else None
    if array is not None:
        values = array.tolist()  # lists iterate faster than arrays
    if _all_text(values):
        return array if array is not None else _object_array(values)
    types = set(map(type, values))
    if len(types) == 1:
        return _object_array(_convert(values, types.pop()))
    out = _object_array(values)
    kinds = np.fromiter(map(type, values), dtype=object, count=len(values))
    for kind in types - {str}:
        mask = kinds == kind
        out[mask] = _convert(out[mask].tolist(), kind)
    return out
