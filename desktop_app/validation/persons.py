"""Who is who: the same person twice, and who belongs to the population at the peildatum."""

from __future__ import annotations

import datetime
from collections.abc import Mapping as AbcMapping
from collections.abc import Sequence

import numpy as np
import pandas as pd

from desktop_app.profiles.model import Programme

# Population exclusion kinds (message key ``validation.population.<kind>``), in precedence order.
NOT_STARTED = "not-started"
LEFT = "left"
LEFT_BEFORE_PERIOD = "left-before-period"
EXCLUDED_TYPE = "excluded-type"

LEAVERS = "leavers"
# employment_type code -> the population option that includes it
TYPE_OPTIONS: dict[str, str] = {"external": "externals", "internship": "interns"}


def value_codes(
    typed_uniques: np.ndarray, unique_codes: np.ndarray, *, keep_missing: bool = False
) -> np.ndarray:
    """Per row, a group number of its typed value (-1 when missing, unless ``keep_missing``).

    Values that differ in the source but normalise alike (``'012345678'`` and ``'12345678'``) share
    a group number.
    """
    values = typed_uniques
    if values.dtype.kind == "M":
        values = values.view("int64").astype(np.float64)
        values[np.isnat(typed_uniques)] = np.nan
    groups, _ = pd.factorize(values, use_na_sentinel=not keep_missing)
    return np.asarray(groups, dtype=np.int64)[unique_codes]


def combine_codes(parts: Sequence[np.ndarray]) -> np.ndarray:
    """One group number per row from several per-row group numbers; -1 where any part is -1."""
    n = len(parts[0])
    missing = np.zeros(n, dtype=bool)
    key = np.zeros(n, dtype=np.int64)
    for part in parts:
        missing |= part < 0
        width = int(part.max(initial=0)) + 2
        key = key * width + (part + 1)
        key, _ = pd.factorize(key)
        key = np.asarray(key, dtype=np.int64)
    key[missing] = -1
    return key


def duplicate_groups(key: np.ndarray, mask: np.ndarray) -> list[np.ndarray]:
    """Row-index groups (each sorted, ordered by first row) of rows in ``mask`` sharing a key >= 0."""
    usable = mask & (key >= 0)
    where = np.flatnonzero(usable)
    if not len(where):
        return []
    keys = key[where]
    counts = np.bincount(keys)
    repeated = counts[keys] > 1
    if not repeated.any():
        return []
    where = where[repeated]
    keys = keys[repeated]
    order = np.lexsort((where, keys))
    where = where[order]
    keys = keys[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    groups = np.split(where, starts[1:])
    groups.sort(key=lambda g: int(g[0]))
    return groups


def population_options(
    programme: Programme, chosen: AbcMapping[str, bool] | None
) -> dict[str, bool]:
    """The programme's population options with their defaults, overridden by the officer's choice."""
    options = {option.id: option.default for option in programme.population_options}
    for key, value in (chosen or {}).items():
        options[key] = bool(value)
    return options


def leavers_period_start(peildatum: datetime.date) -> datetime.date:
    """The first day of the period whose leavers count when leavers are included: the year up to
    the peildatum (31-12-2025: from 01-01-2025; 01-01-2026: from 02-01-2025)."""
    try:
        year_before = peildatum.replace(year=peildatum.year - 1)
    except ValueError:  # 29 February
        year_before = peildatum.replace(year=peildatum.year - 1, day=28)
    return year_before + datetime.timedelta(days=1)


def outside_population(
    n: int,
    peildatum: datetime.date,
    options: AbcMapping[str, bool],
    *,
    start: np.ndarray | None = None,
    end: np.ndarray | None = None,
    employment_type: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """Exclusion kind -> bool mask of rows outside the population (each row in one kind at most).

    Not started yet (start date after the peildatum); left (end date before the peildatum) unless
    the ``leavers`` option is on, and with it still left when that was before the period
    (:func:`leavers_period_start`: the leavers counted are those of the year up to the peildatum,
    as the option says, not everyone an export still lists); an employment type whose option
    (``externals``, ``interns``) is
    off. Unknown or missing values exclude nobody: they are reported as errors elsewhere. Both
    ends count as days of employment: someone who starts on the peildatum, or whose last day it
    is, is employed on it and belongs to the population.
    """
    peil = np.datetime64(peildatum, "ns")
    taken = np.zeros(n, dtype=bool)
    out: dict[str, np.ndarray] = {}

    def add(kind: str, mask: np.ndarray) -> None:
        mask = mask & ~taken
        if mask.any():
            out[kind] = mask
            taken[mask] = True

    if start is not None:
        add(NOT_STARTED, ~np.isnat(start) & (start > peil))
    if end is not None and not options.get(LEAVERS, False):
        add(LEFT, ~np.isnat(end) & (end < peil))
    elif end is not None:
        since = np.datetime64(leavers_period_start(peildatum), "ns")
        add(LEFT_BEFORE_PERIOD, ~np.isnat(end) & (end < since))
    if employment_type is not None:
        excluded = [code for code, option in TYPE_OPTIONS.items() if not options.get(option, False)]
        if excluded:
            in_excluded = pd.Series(employment_type, dtype=object).isin(excluded).to_numpy()
            add(EXCLUDED_TYPE, in_excluded)
    return out
