"""Derived breakdowns: subgroups the app computes from a mapped date instead of reading a column.

``age`` is the age band at the peildatum (from ``birth_date``), ``entry_year`` the band of the
year of entry (from ``start_date``). The officer may choose other band edges (a list of increasing
whole numbers, kept in the draft as ``categories["bands"][breakdown id]``); a missing date gets
the explicit unknown category. Only band labels ever reach the output file, never the dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from desktop_app.categories.bands import AGE_BANDS, Bands, age_at, year_of

ENTRY_YEAR_BANDS = Bands((2000, 2010, 2015, 2020))
DEFAULT_BANDS: Mapping[str, Bands] = {"age": AGE_BANDS, "entry_year": ENTRY_YEAR_BANDS}

_VALUES: Mapping[str, Callable[[pd.Series, dt.date], np.ndarray]] = {
    "age": age_at,
    "entry_year": lambda dates, _peildatum: year_of(dates),
}


def is_derivable(breakdown_id: str | None) -> bool:
    """Whether the app knows how to derive this breakdown from a date."""
    return breakdown_id in _VALUES


def bands_for(breakdown_id: str, chosen: Mapping[str, Any] | None = None) -> Bands:
    """The bands for a derived breakdown: the officer's edges (``chosen[breakdown_id]``) or the
    default. Raises ValueError when the chosen edges are not increasing whole numbers."""
    edges = (chosen or {}).get(breakdown_id)
    if edges is None:
        if breakdown_id not in DEFAULT_BANDS:
            raise ValueError(f"no bands for {breakdown_id!r}")
        return DEFAULT_BANDS[breakdown_id]
    if isinstance(edges, (str, bytes)) or not isinstance(edges, (list, tuple)):
        raise ValueError(f"band edges must be a list of whole numbers: {edges!r}")
    if not all(isinstance(e, int) and not isinstance(e, bool) for e in edges):
        raise ValueError(f"band edges must be whole numbers: {edges!r}")
    return Bands(tuple(edges))


class EdgesError(ValueError):
    """Band edges typed so that they cannot be used. ``reason`` says why: ``"numbers"`` (not whole
    numbers separated by commas, semicolons or spaces) or ``"increasing"`` (not going up)."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(f"band edges must be increasing whole numbers: {text!r}")
        self.reason = reason


_EDGE_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+")


def parse_edges(text: str) -> tuple[int, ...]:
    """``"25, 35, 45"`` (or ``"25; 35; 45"``, ``"25 35 45"``) → ``(25, 35, 45)``: the one parser of
    typed band edges, for the Dutch band editor and the KSZ age bands alike. Raises
    :class:`EdgesError` (a ValueError) unless the text is increasing whole numbers; an empty
    part (``"35,,50"``) is refused, not skipped."""
    parts = _EDGE_SEPARATOR.split(text.strip())
    if any(not p.lstrip("-").isdigit() for p in parts):
        raise EdgesError(text, "numbers")
    edges = tuple(int(p) for p in parts)
    try:
        Bands(edges)
    except ValueError:
        raise EdgesError(text, "increasing") from None
    return edges


def derived_labels(
    breakdown_id: str, dates: pd.Series, peildatum: dt.date, bands: Bands
) -> pd.Series:
    """Each row's band label (missing date: the unknown category), same index as ``dates``."""
    values = _VALUES[breakdown_id](dates, peildatum)
    return pd.Series(bands.assign(values), index=dates.index, dtype=object)
