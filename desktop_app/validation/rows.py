"""Rows that are not employees: blank rows and the (sub)total rows HR exports append."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from desktop_app.intake.model import RawTable
from desktop_app.text import normalise_value

# Normalised first word(s) of a cell that marks a total row (nl, en, fr).
TOTAL_WORDS: tuple[str, ...] = (
    "totaal",
    "totalen",
    "subtotaal",
    "eindtotaal",
    "generaal totaal",
    "total",
    "totals",
    "subtotal",
    "sub total",
    "grand total",
    "sous total",
    "totaux",
    "total general",
)


def is_total_text(text: str) -> bool:
    """``'Totaal'``, ``'Subtotaal afdeling HR'``, ``'Grand total:'``, ``'Sous-total'`` -> True."""
    key = normalise_value(text)
    return any(key == word or key.startswith(word + " ") for word in TOTAL_WORDS)


@dataclass(frozen=True, eq=False)
class RowKinds:
    blank: np.ndarray  # bool per row: every cell empty
    trailing_blank: np.ndarray  # bool per row: blank and after the last non-blank row
    total: np.ndarray  # bool per row: a (sub)total row

    @property
    def data(self) -> np.ndarray:
        """Rows that may be employees."""
        return ~(self.blank | self.total)


def classify_rows(
    table: RawTable,
    empty_by_column: dict[int, np.ndarray],
    identifier_columns: Sequence[int],
) -> RowKinds:
    """Find blank and total rows.

    ``empty_by_column`` gives, for the columns already factorised (the mapped ones), which rows are
    empty after stripping; other columns are compared to ``""`` and whitespace is checked only on
    the few rows that could be blank. A total row is a non-blank row whose identifier columns are
    all empty and one of whose cells says "Totaal", "Subtotaal", "Total", "Sous-total", ...
    """
    n = table.n_rows
    mapped_empty = np.ones(n, dtype=bool)
    for empty in empty_by_column.values():
        mapped_empty &= empty
    blank = mapped_empty.copy()
    others = [j for j in range(table.n_columns) if j not in empty_by_column]
    for j in others:
        column = table.columns[j]
        blank &= column == ""
    # whitespace-only cells in unmapped columns: look only at rows with the mapped part empty
    maybe = np.flatnonzero(mapped_empty & ~blank)
    if len(maybe) and others:
        still = np.ones(len(maybe), dtype=bool)
        for j in others:
            cells = table.columns[j][maybe]
            still &= np.array([str(c).strip() == "" for c in cells], dtype=bool)
        blank[maybe[still]] = True

    non_blank = np.flatnonzero(~blank)
    trailing = np.zeros(n, dtype=bool)
    last = non_blank[-1] if len(non_blank) else -1
    trailing[last + 1 :] = True

    candidates = ~blank
    for j in identifier_columns:
        candidates &= empty_by_column[j]
    total = np.zeros(n, dtype=bool)
    where = np.flatnonzero(candidates)
    if len(where):
        hit = np.zeros(len(where), dtype=bool)
        for column in table.columns:
            cells = column[where]
            uniques = pd.unique(cells)
            totals = [u for u in uniques if isinstance(u, str) and u.strip() and is_total_text(u)]
            if totals:
                hit |= pd.Series(cells, dtype=object).isin(totals).to_numpy()
        total[where[hit]] = True
    return RowKinds(blank=blank, trailing_blank=trailing & blank, total=total)
