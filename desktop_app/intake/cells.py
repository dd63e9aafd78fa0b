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


def _object_array(values: Sequence[Any]) -> np.ndarray:
    return np.fromiter(values, dtype=object, count=len(values))


def column_text(values: Sequence[Any]) -> np.ndarray:
    """A column of cell values as an object array of ``str``."""
    types = set(map(type, values))
    if types <= {str}:
        return _object_array(values)
    if types <= {str, float}:
        return _object_array([v if v.__class__ is str else number_text(v) for v in values])
    if len(types) == 1:
        converter = _CONVERTERS.get(types.pop(), cell_text)
        return _object_array(list(map(converter, values)))
    return _object_array(list(map(cell_text, values)))
