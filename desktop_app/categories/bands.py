"""Bands: numbers (age at the peildatum, salary scale, year of entry) grouped into labelled ranges.

Edges are the lower bounds of every band after the first: ``Bands((25, 35, 45, 55))`` gives
``<25``, ``25-34``, ``35-44``, ``45-54``, ``55+``. A value that is missing gets the explicit
unknown category, never a band of its own making.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from desktop_app.validation.dates import age_at as whole_years_at

UNKNOWN = "onbekend"  # the explicit unknown category (a code in the output file)

_FIRST_NUMBER = re.compile(r"(\d+)")


@dataclass(frozen=True)
class Bands:
    edges: tuple[int, ...]
    unknown: str = UNKNOWN

    def __post_init__(self) -> None:
        if not self.edges:
            raise ValueError("bands need at least one edge")
        if any(b <= a for a, b in zip(self.edges, self.edges[1:], strict=False)):
            raise ValueError(f"band edges must increase: {self.edges}")

    def labels(self) -> tuple[str, ...]:
        """Labels in order, the unknown category last."""
        first, last = self.edges[0], self.edges[-1]
        middle = [f"{a}-{b - 1}" for a, b in zip(self.edges, self.edges[1:], strict=False)]
        return (f"<{first}", *middle, f"{last}+", self.unknown)

    def assign(self, values: np.ndarray | pd.Series | list[float]) -> np.ndarray:
        """The band label of every value; NaN (missing) gets the unknown category."""
        numbers = np.asarray(values, dtype=float)
        labels = np.array(self.labels(), dtype=object)
        index = np.searchsorted(np.asarray(self.edges, dtype=float), numbers, side="right")
        index = np.where(np.isnan(numbers), len(labels) - 1, index)
        return labels[index]

    def coarser(self) -> list[Bands]:
        """Every way to merge two neighbouring bands into one (the next steps of a lattice search)."""
        if len(self.edges) == 1:
            return []
        return [
            Bands(self.edges[:i] + self.edges[i + 1 :], self.unknown)
            for i in range(len(self.edges))
        ]


def age_at(birth_dates: pd.Series, peildatum: dt.date) -> np.ndarray:
    """Whole years of age at the peildatum (NaN where the birth date is missing)."""
    births = pd.to_datetime(birth_dates, errors="coerce").to_numpy(dtype="datetime64[ns]")
    return whole_years_at(births, peildatum)


def year_of(dates: pd.Series) -> np.ndarray:
    """The calendar year of each date (NaN where missing): year of entry from the start date."""
    return pd.to_datetime(dates, errors="coerce").dt.year.to_numpy(dtype=float)


def scale_number(labels: pd.Series) -> np.ndarray:
    """The first whole number in each salary-scale label ('Schaal 9', 'S09', '9') or NaN."""
    text = labels.astype("object").where(labels.notna(), "")
    found = text.map(lambda s: _FIRST_NUMBER.search(str(s)))
    return found.map(lambda m: float(m.group(1)) if m else np.nan).to_numpy(dtype=float)


AGE_BANDS = Bands((25, 35, 45, 55))
SALARY_SCALE_BANDS = Bands((7, 10, 13))
