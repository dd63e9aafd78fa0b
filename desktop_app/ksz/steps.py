"""KSZ step 3 as plain calls: the staff the crossing check sees, the crossings the request asks
for, the check with its proposals, the age edges as typed, and the result as JSON.

The wizard's categories page and ``diversity-assistant ksz crossing`` both call these, so they give
the same verdict and the same proposals on the same file and draft.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from desktop_app.categories.derived import EdgesError, parse_edges
from desktop_app.categories.labels import BREAKDOWN_PREFIX, source_labels
from desktop_app.draft import Draft
from desktop_app.ksz.choices import KszChoices, read_choices
from desktop_app.ksz.crossing import (
    Crossing,
    CrossingResult,
    Proposal,
    check_crossing,
    propose,
    settings_of,
)
from desktop_app.ksz.merges import Merges, read_merges
from desktop_app.messages import Message
from desktop_app.profiles import Programme
from desktop_app.validation import ValidationResult

PROPOSALS = 3  # proposals per crossing that does not pass

# (done, total) after each crossing; raising from it stops the check (the wizard's cancel)
StepCallback = Callable[[int, int], None]


# -- the staff the crossing check sees --------------------------------------------------------------


def own_columns(breakdowns: Sequence[str], validation: ValidationResult | None) -> tuple[str, ...]:
    """The breakdown headers chosen as own categories that the checked file carries."""
    if validation is None:
        return ()
    return tuple(h for h in breakdowns if BREAKDOWN_PREFIX + h in validation.records.columns)


def own_labels(validation: ValidationResult, header: str) -> pd.Series:
    """Each counted person's own category as the linkage file carries it (missing: unknown)."""
    included = np.asarray(validation.included, dtype=bool)
    return source_labels(validation.records[included], header)


def staff_from_file(
    validation: ValidationResult | None, own: Sequence[str], merges: Merges
) -> pd.DataFrame:
    """One row per counted person with the own categories ``own`` after ``merges``; with no own
    category, as many rows as counted people (no columns)."""
    if validation is None:
        return pd.DataFrame()
    columns = {}
    for header in own:
        moves = merges.get(header, {})
        labels = own_labels(validation, header)
        columns[header] = labels.map(lambda v, m=moves: m.get(v, v)).reset_index(drop=True)
    if columns:
        return pd.DataFrame(columns)
    return pd.DataFrame(index=range(int(np.count_nonzero(validation.included))))


def staff_from_count(count: int | None) -> pd.DataFrame:
    """Without own data: only the head count (no columns)."""
    return pd.DataFrame(index=range(count if count is not None and count > 0 else 0))


def staff_table(draft: Draft, validation: ValidationResult | None) -> pd.DataFrame:
    """The staff of the draft: from its checked file (``draft.has_file``) or its head count."""
    if draft.has_file:
        own = own_columns(draft.breakdowns, validation)
        return staff_from_file(validation, own, read_merges(draft))
    return staff_from_count(read_choices(draft).staff_count)


def crossings(choices: KszChoices, programme: Programme, own: Sequence[str]) -> list[Crossing]:
    """The tables the request asks for: every own category (or the whole organisation) crossed
    with all the requested characteristics."""
    chosen = choices.schemes(programme)
    age = choices.age_bands(programme)
    if not chosen and age is None:
        return []
    views: list[tuple[str, ...]] = [(column,) for column in own] or [()]
    return [Crossing(view, chosen, age) for view in views]


# -- the check --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CrossingOutcome:
    """Per crossing its result and, when it does not pass, the coarser ones that do."""

    results: tuple[CrossingResult, ...]
    proposals: tuple[tuple[Proposal, ...], ...]

    @property
    def passes(self) -> bool:
        return all(result.passes for result in self.results)

    @property
    def failing(self) -> int:
        return sum(not result.passes for result in self.results)


def check_all(
    staff: pd.DataFrame,
    requested: Sequence[Crossing],
    programme: Programme,
    *,
    limit: int = PROPOSALS,
    step: StepCallback | None = None,
) -> CrossingOutcome:
    """Check every crossing and, for those below the threshold, find coarser ones that pass."""
    settings = settings_of(programme)
    threshold = programme.thresholds.cell_threshold
    results, proposals = [], []
    for done, crossing in enumerate(requested, start=1):
        result = check_crossing(staff, crossing, settings, threshold)
        results.append(result)
        found = () if result.passes else tuple(propose(staff, crossing, programme, limit=limit))
        proposals.append(found)
        if step is not None:
            step(done, len(requested))
    return CrossingOutcome(tuple(results), tuple(proposals))


def edges_problem(text: str, programme: Programme) -> Message | None:
    """What is wrong with age edges as typed (None: usable); the edges then are
    ``parse_edges(text)``. They must go up and be edges of the profile's reference figures."""
    settings = settings_of(programme)
    allowed = tuple(settings.age.edges) if settings.age else ()
    listed = ", ".join(str(e) for e in allowed)
    try:
        edges = parse_edges(text)
    except EdgesError as error:
        if error.reason == "increasing":
            return Message("ksz.edges-not-increasing")
        return Message("ksz.edges-not-numbers")
    wrong = [e for e in edges if e not in allowed]
    if wrong:
        return Message("ksz.age-edge-not-in-reference", {"edge": wrong[0], "edges": listed})
    return None


def age_presets(programme: Programme, presets: Sequence[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """The profile's default edges, then ``presets``, keeping those the reference figures allow."""
    settings = settings_of(programme)
    allowed = set(settings.age.edges) if settings.age else set()
    default = KszChoices().edges(programme)
    out = [default, *(p for p in presets if p != default)]
    return [p for p in dict.fromkeys(out) if set(p) <= allowed]


# -- as JSON (``ksz crossing --json``, and the wizard's outcome in the parity test) ---------------


def _crossing_json(crossing: Crossing) -> dict[str, Any]:
    bands = crossing.age_bands
    return {
        "own": list(crossing.own),
        "schemes": list(crossing.schemes),
        "age_edges": list(bands.edges) if bands is not None else None,
        "age_bands": list(bands.labels()[:-1]) if bands is not None else None,
    }


def _merges_json(merges: Any) -> dict[str, dict[str, str]]:
    return {str(k): dict(sorted(v.items())) for k, v in sorted(merges.items())}


def outcome_json(
    outcome: CrossingOutcome, staff: pd.DataFrame, programme: Programme, language: str
) -> dict[str, Any]:
    """The verdict and proposals of every crossing: aggregates, category labels and scheme ids,
    never a person's value."""
    settings = settings_of(programme)
    crossings_out = []
    for result, proposals in zip(outcome.results, outcome.proposals, strict=True):
        crossings_out.append(
            {
                **_crossing_json(result.crossing),
                "passes": result.passes,
                "smallest_expected": round(result.smallest_expected, 6),
                "smallest_cell": list(result.smallest_cell),
                "cells": result.cells,
                "message": result.message.render(language),
                "proposals": [
                    {
                        **_crossing_json(p.crossing),
                        "merges": _merges_json(p.result.merges),
                        "smallest_expected": round(p.result.smallest_expected, 6),
                        "information_bits": p.information_bits,
                        "changes": [c.render(language) for c in p.changes],
                    }
                    for p in proposals
                ],
            }
        )
    return {
        "programme": programme.id,
        "reference": settings.version,
        "threshold": programme.thresholds.cell_threshold,
        "staff": len(staff),
        "own_categories": [str(c) for c in staff.columns],
        "passes": outcome.passes,
        "crossings": crossings_out,
    }
