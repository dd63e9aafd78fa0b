"""Category labels: each counted person's subgroup for a breakdown, worked out in one place.

The package builder (the output file's breakdown columns), the wizard's categories page (charts,
merges, the table preview) and the ``tables`` command all call :func:`category_labels`, so the
three faces of a breakdown can never disagree:

- a **source column** (header ``Afdeling``): the cell as text; a missing or blank cell is the
  explicit unknown category (``onbekend``);
- a **derived breakdown** (header ``=age``, ``=entry_year``): the *band* of a value computed from a
  mapped date: age at the peildatum from ``birth_date``, year of entry from ``start_date``. The
  date field is the one the programme's profile names (``derived_from``); the bands are the
  officer's edges (``categories.bands`` in the draft) or the defaults. ``entry_year`` is always
  a band, never a calendar year: a single year of entry makes small groups;
- the officer's **merges** (``{label: merged label}``) applied last, to the unknown category too.

The ``tables`` command's extra names ``sex`` (the mapped code) and ``salary_band`` (band of the
scale number) are here as well (:func:`named_category_labels`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from desktop_app.categories.bands import SALARY_SCALE_BANDS, UNKNOWN, scale_number
from desktop_app.categories.derived import bands_for, derived_labels, is_derivable
from desktop_app.mapping.model import DERIVED_PREFIX, is_derived_header
from desktop_app.profiles.model import Programme

BREAKDOWN_PREFIX = "breakdown:"  # a source breakdown's column in the validation records
# The date a derived breakdown comes from when the programme does not name one (``tables``).
DERIVED_DATE_FIELDS: Mapping[str, str] = {"age": "birth_date", "entry_year": "start_date"}
TABLE_NAMES = ("age", "sex", "entry_year", "salary_band")  # the ``tables`` command's own names


class FieldNotMapped(LookupError):
    """The field a category comes from is not mapped (or the programme cannot derive it)."""

    def __init__(self, name: str, field: str) -> None:
        super().__init__(f"{name} needs the field {field}, which is not mapped")
        self.name = name
        self.field = field


def derived_date_field(programme: Programme, breakdown_id: str) -> str | None:
    """The date field the programme derives ``breakdown_id`` from (None: it defines no such
    derived breakdown, or the app cannot derive it)."""
    for breakdown in programme.breakdowns:
        if breakdown.id == breakdown_id and breakdown.derived_from and is_derivable(breakdown.id):
            return breakdown.derived_from
    return None


def source_labels(records: pd.DataFrame, header: str) -> pd.Series:
    """A source breakdown column as text; missing or blank cells are the unknown category."""
    values = records[BREAKDOWN_PREFIX + header].astype(object)
    blank = values.isna() | (values.astype(str).str.strip() == "")
    return values.where(~blank, UNKNOWN).astype(str).astype(object)


def derived_breakdown_labels(
    programme: Programme,
    breakdown_id: str,
    records: pd.DataFrame,
    peildatum: dt.date,
    bands: Mapping[str, Any] | None = None,
) -> pd.Series:
    """The band of every row for a derived breakdown. Raises :class:`FieldNotMapped` when its date
    is not in ``records`` and ValueError when the chosen band edges are unusable."""
    if not is_derivable(breakdown_id):
        raise FieldNotMapped(breakdown_id, breakdown_id)
    field = derived_date_field(programme, breakdown_id) or DERIVED_DATE_FIELDS[breakdown_id]
    if field not in records.columns:
        raise FieldNotMapped(breakdown_id, field)
    return derived_labels(breakdown_id, records[field], peildatum, bands_for(breakdown_id, bands))


def category_labels(
    programme: Programme,
    records: pd.DataFrame,
    header: str,
    peildatum: dt.date,
    *,
    bands: Mapping[str, Any] | None = None,
    merges: Mapping[str, str] | None = None,
) -> pd.Series:
    """Each row's category for the breakdown ``header`` (a source header, or ``=age`` /
    ``=entry_year``), after the officer's ``merges``; same index as ``records``."""
    if is_derived_header(header):
        labels = derived_breakdown_labels(
            programme, header[len(DERIVED_PREFIX) :], records, peildatum, bands
        )
    else:
        labels = source_labels(records, header)
    if merges:
        labels = labels.map(lambda v: merges.get(v, v))
    return labels


def named_category_labels(
    programme: Programme,
    records: pd.DataFrame,
    name: str,
    peildatum: dt.date,
    *,
    salary_header: str | None = None,
    bands: Mapping[str, Any] | None = None,
) -> pd.Series:
    """A ``tables`` column by name: ``age`` and ``entry_year`` (the programme's bands, see
    :func:`category_labels`), ``sex`` (the mapped code), ``salary_band`` (band of the scale number
    in ``salary_header``), or else a source header. Raises :class:`FieldNotMapped`."""
    if name in ("age", "entry_year"):
        return category_labels(programme, records, DERIVED_PREFIX + name, peildatum, bands=bands)
    if name == "sex":
        if "sex" not in records:
            raise FieldNotMapped(name, "sex")
        sexes = records["sex"].astype(object)
        return sexes.where(sexes.notna(), UNKNOWN)
    if name == "salary_band":
        labels = records[BREAKDOWN_PREFIX + str(salary_header)]
        return pd.Series(
            SALARY_SCALE_BANDS.assign(scale_number(labels)), index=records.index, dtype=object
        )
    return category_labels(programme, records, name, peildatum)


def included_rows(records: pd.DataFrame, included: Any) -> pd.DataFrame:
    """The rows that are counted (inside the population at the peildatum)."""
    return records.loc[np.asarray(included, dtype=bool)]
