"""The crossing check: predict, before the KSZ request is made, whether a requested crossing
(own categories x origin group x sex x age band ...) will give too small cells, and propose coarser
categories that pass.

The prediction: the KSZ links the institution's staff (known: how many people per own-category
cell) to characteristics the institution does not know (origin, sex, age...). For a characteristic
group with reference share ``p`` (from the profile's ``[crossing]`` section: Statbel's population
shares, approximated), a cell of ``n`` staff is expected to hold ``n * p`` people of that group. With
several characteristics the shares multiply: **this assumes the characteristics are independent of
each other and of the own categories**, which is not exact (origin and age are related, some
departments are mostly men); the result is an expectation, a planning aid, not a guarantee.

The expected smallest cell of a crossing is the minimum over all own-category cells that have
staff, and all characteristic groups, of ``n * product of shares``. When the staff file gives ages,
age is an own dimension (counted, not predicted).

Proposals for a crossing below the threshold combine: a coarser origin scheme (the profile's
``coarser`` list), wider age bands (:meth:`Bands.coarser`, searched exhaustively), and merged own
categories (:func:`propose_merges` for one own dimension; the same rule, smallest group into the
smallest other group, for several), each to the minimum size the chosen characteristics need:
``threshold / smallest share product``. Proposals are ranked by information kept: the entropy, in
bits, of the crossing's cells (staff distribution over own cells plus the reference distributions
of the characteristic groups), so merging a tiny department costs little and dropping a
characteristic costs much. Everything is deterministic.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, cast

import pandas as pd

from desktop_app.categories import Bands, propose_merges
from desktop_app.errors import AppError
from desktop_app.messages import Message
from desktop_app.profiles.model import CrossingSettings, Programme

AGE = "age"  # the characteristic name of age bands
AGE_COLUMN = "age"  # the staff column with whole years, when the staff file gives ages


class CrossingError(AppError):
    """A crossing cannot be checked as asked (unknown scheme, age bands not in the reference...)."""


@dataclass(frozen=True)
class Crossing:
    """One requested table: own categories (staff columns) crossed with characteristic schemes."""

    own: tuple[str, ...]  # staff columns, e.g. ("organisational_unit", "function_level")
    schemes: tuple[str, ...] = ()  # scheme ids from the profile, e.g. ("origin-ksz", "sex")
    age_bands: Bands | None = None

    def describe(self) -> str:
        parts = [*self.own, *self.schemes]
        if self.age_bands is not None:
            parts.append("age[" + ",".join(self.age_bands.labels()[:-1]) + "]")
        return " x ".join(parts)


@dataclass(frozen=True)
class CrossingResult:
    crossing: Crossing
    threshold: int
    smallest_expected: float
    smallest_cell: tuple[str, ...]  # own labels, then group codes / age band
    cells: int
    merges: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # own column -> moves

    @property
    def passes(self) -> bool:
        return self.smallest_expected >= self.threshold

    @property
    def message(self) -> Message:
        key = "ksz.crossing-passes" if self.passes else "ksz.crossing-too-small"
        return Message(
            key,
            {
                "crossing": self.crossing.describe(),
                "expected": f"{self.smallest_expected:.2f}",
                "cell": " / ".join(self.smallest_cell),
                "threshold": self.threshold,
            },
        )


@dataclass(frozen=True)
class Proposal:
    """A coarser crossing that passes, with what changed and the information it keeps."""

    result: CrossingResult
    information_bits: float
    changes: tuple[Message, ...]

    @property
    def crossing(self) -> Crossing:
        return self.result.crossing


# --------------------------------------------------------------------------------------------------
# reference shares


def settings_of(programme: Programme) -> CrossingSettings:
    if programme.crossing is None:
        raise CrossingError("ksz.no-crossing-settings", programme=programme.id)
    return programme.crossing


def age_band_shares(bands: Bands, settings: CrossingSettings) -> dict[str, float]:
    """Reference share of each requested age band (the sum of its fine reference bands)."""
    age = settings.age
    if age is None:
        raise CrossingError("ksz.no-age-reference")
    unknown = [edge for edge in bands.edges if edge not in age.edges]
    if unknown:
        raise CrossingError(
            "ksz.age-edge-not-in-reference",
            edge=unknown[0],
            edges=", ".join(str(e) for e in age.edges),
        )
    # the lower bound of every fine band (the first one open below), as a number to band
    lower = [age.edges[0] - 1, *age.edges]
    shares: dict[str, float] = dict.fromkeys(bands.labels()[:-1], 0.0)
    for value, share in zip(lower, age.shares, strict=True):
        shares[str(bands.assign([value])[0])] += share
    return shares


def _groups(
    crossing: Crossing, settings: CrossingSettings, ages_known: bool
) -> list[dict[str, float]]:
    """Per predicted characteristic: {label: share}."""
    out: list[dict[str, float]] = []
    for scheme_id in crossing.schemes:
        try:
            scheme = settings.scheme(scheme_id)
        except KeyError as error:
            raise CrossingError(
                "ksz.unknown-scheme",
                scheme=scheme_id,
                available=", ".join(s.id for s in settings.schemes),
            ) from error
        out.append({group.code: group.share for group in scheme.groups})
    if crossing.age_bands is not None and not ages_known:
        out.append(age_band_shares(crossing.age_bands, settings))
    return out


# --------------------------------------------------------------------------------------------------
# checking


def own_cells(
    staff: pd.DataFrame,
    own: Sequence[str],
    age_bands: Bands | None = None,
    merges: Mapping[str, Mapping[str, str]] | None = None,
) -> dict[tuple[str, ...], int]:
    """Staff per own-category cell (after ``merges``); with ``age_bands`` and an ``age`` column,
    the age band is the last part of each cell."""
    missing = [column for column in own if column not in staff.columns]
    if missing:
        raise CrossingError(
            "ksz.unknown-own-category", column=missing[0], available=", ".join(staff.columns)
        )
    columns: dict[str, pd.Series] = {}
    for column in own:
        values = staff[column].astype("string").fillna("?")
        moves = (merges or {}).get(column)
        if moves:
            values = values.map(lambda v, m=moves: m.get(v, v))
        columns[column] = values
    if age_bands is not None and AGE_COLUMN in staff.columns:
        columns[AGE_COLUMN] = pd.Series(age_bands.assign(staff[AGE_COLUMN]), index=staff.index)
    if not columns:
        return {(): len(staff)}
    frame = pd.DataFrame(columns)
    counts = frame.value_counts(dropna=False)
    return {
        # a DataFrame's value_counts has a MultiIndex: every key is a tuple (pandas-stubs: Hashable)
        tuple(str(v) for v in cast(tuple[Any, ...], key)): int(n)
        for key, n in sorted(counts.items())
        if n > 0
    }


def check_crossing(
    staff: pd.DataFrame,
    crossing: Crossing,
    settings: CrossingSettings,
    threshold: int,
    merges: Mapping[str, Mapping[str, str]] | None = None,
) -> CrossingResult:
    """The expected smallest cell of ``crossing`` for this staff (see the module text)."""
    ages_known = crossing.age_bands is not None and AGE_COLUMN in staff.columns
    cells = own_cells(staff, crossing.own, crossing.age_bands if ages_known else None, merges)
    groups = _groups(crossing, settings, ages_known)
    smallest_share = 1.0
    smallest_groups: tuple[str, ...] = ()
    for combination in itertools.product(*(sorted(g.items()) for g in groups)):
        share = math.prod(s for _, s in combination)
        if share > 0 and share < smallest_share:
            smallest_share, smallest_groups = share, tuple(code for code, _ in combination)
    cell, size = min(cells.items(), key=lambda kv: (kv[1], kv[0]))
    n_groups = math.prod(sum(1 for s in g.values() if s > 0) for g in groups)
    return CrossingResult(
        crossing=crossing,
        threshold=threshold,
        smallest_expected=size * smallest_share,
        smallest_cell=(*cell, *smallest_groups),
        cells=len(cells) * n_groups,
        merges={k: dict(v) for k, v in (merges or {}).items() if v},
    )


def check_crossings(
    staff: pd.DataFrame, crossings: Sequence[Crossing], programme: Programme
) -> list[CrossingResult]:
    settings = settings_of(programme)
    threshold = programme.thresholds.cell_threshold
    return [check_crossing(staff, c, settings, threshold) for c in crossings]


# --------------------------------------------------------------------------------------------------
# proposals


def _entropy(weights: Sequence[float]) -> float:
    total = sum(weights)
    if total <= 0:
        return 0.0
    return -sum(w / total * math.log2(w / total) for w in weights if w > 0)


def information_bits(
    staff: pd.DataFrame,
    crossing: Crossing,
    settings: CrossingSettings,
    merges: Mapping[str, Mapping[str, str]] | None = None,
) -> float:
    """Entropy of the crossing's cells: staff over own cells plus each characteristic's groups."""
    ages_known = crossing.age_bands is not None and AGE_COLUMN in staff.columns
    cells = own_cells(staff, crossing.own, crossing.age_bands if ages_known else None, merges)
    bits = _entropy(list(cells.values()))
    for group in _groups(crossing, settings, ages_known):
        bits += _entropy(list(group.values()))
    return bits


def _merge_until(
    staff: pd.DataFrame,
    crossing: Crossing,
    column: str,
    needed: float,
    merges: dict[str, dict[str, str]],
) -> dict[str, str] | None:
    """Moves on ``column`` so that every own cell reaches ``needed`` people, or None."""
    minimum = math.ceil(needed - 1e-9)
    if len(crossing.own) == 1 and not (
        crossing.age_bands is not None and AGE_COLUMN in staff.columns
    ):
        sizes = own_cells(staff, (column,))
        plan = propose_merges({k[0]: v for k, v in sizes.items()}, minimum)
        return dict(plan.moves) if plan.passes else None
    # several own dimensions: the same rule on the joint cells, moving labels of ``column`` only
    moves: dict[str, str] = {}
    position = crossing.own.index(column)
    while True:
        current = {**merges, column: moves}
        ages = crossing.age_bands if AGE_COLUMN in staff.columns else None
        cells = own_cells(staff, crossing.own, ages, current)
        failing = sorted((n, key) for key, n in cells.items() if n < minimum)
        if not failing:
            return moves
        totals: dict[str, int] = {}
        for key, n in cells.items():
            totals[key[position]] = totals.get(key[position], 0) + n
        if len(totals) < 2:
            return None
        label = failing[0][1][position]
        target = min((n, name) for name, n in totals.items() if name != label)[1]
        moves = {k: (target if v == label else v) for k, v in moves.items()}
        moves[label] = target


def _age_options(bands: Bands) -> list[Bands]:
    """``bands`` and every coarsening of it (each subset of its edges, at least one edge)."""
    edges = bands.edges
    out = []
    for size in range(len(edges), 0, -1):
        for subset in itertools.combinations(edges, size):
            out.append(Bands(subset, bands.unknown))
    return out


def propose(
    staff: pd.DataFrame,
    crossing: Crossing,
    programme: Programme,
    *,
    limit: int = 5,
) -> list[Proposal]:
    """Coarser versions of ``crossing`` that pass the threshold, most information first.

    An empty list when the crossing passes already (nothing to change) or when nothing passes
    (the whole staff is too small: drop a characteristic, or ask the KSZ).
    """
    settings = settings_of(programme)
    threshold = programme.thresholds.cell_threshold
    if check_crossing(staff, crossing, settings, threshold).passes:
        return []
    scheme_options: list[tuple[str, ...]] = [crossing.schemes]
    for index, scheme_id in enumerate(crossing.schemes):
        for coarser in settings.scheme(scheme_id).coarser:
            for base in list(scheme_options):
                scheme_options.append((*base[:index], coarser, *base[index + 1 :]))
    age_options: Sequence[Bands | None] = (
        _age_options(crossing.age_bands) if crossing.age_bands is not None else [None]
    )
    seen: set[tuple[Any, ...]] = set()
    found: list[Proposal] = []
    for schemes, bands in itertools.product(dict.fromkeys(scheme_options), age_options):
        candidate = replace(crossing, schemes=schemes, age_bands=bands)
        result = check_crossing(staff, candidate, settings, threshold)
        merges: dict[str, dict[str, str]] = {}
        if not result.passes:
            groups = _groups(candidate, settings, _ages(staff, bands) is not None)
            smallest_share = math.prod(min(g.values()) for g in groups) if groups else 1.0
            needed = threshold / smallest_share
            for column in candidate.own:
                moves = _merge_until(staff, candidate, column, needed, merges)
                if moves is not None:
                    merges[column] = moves
                    result = check_crossing(staff, candidate, settings, threshold, merges)
                    if result.passes:
                        break
            if not result.passes:
                continue
        key = (
            schemes,
            bands,
            tuple(sorted((k, tuple(sorted(v.items()))) for k, v in merges.items())),
        )
        if key in seen:
            continue
        seen.add(key)
        found.append(
            Proposal(
                result=result,
                information_bits=round(information_bits(staff, candidate, settings, merges), 6),
                changes=tuple(_changes(crossing, candidate, merges, settings)),
            )
        )
    found.sort(
        key=lambda p: (-p.information_bits, -p.result.smallest_expected, p.crossing.describe())
    )
    return found[:limit]


def _ages(staff: pd.DataFrame, bands: Bands | None) -> Bands | None:
    return bands if bands is not None and AGE_COLUMN in staff.columns else None


def _changes(
    original: Crossing,
    candidate: Crossing,
    merges: Mapping[str, Mapping[str, str]],
    settings: CrossingSettings,
) -> list[Message]:
    out: list[Message] = []
    for before, after in zip(original.schemes, candidate.schemes, strict=True):
        if before != after:
            out.append(
                Message(
                    "ksz.proposal-scheme",
                    {
                        "before": settings.scheme(before).label,
                        "after": settings.scheme(after).label,
                    },
                )
            )
    if original.age_bands is not None and candidate.age_bands != original.age_bands:
        assert candidate.age_bands is not None
        out.append(
            Message(
                "ksz.proposal-age-bands",
                {
                    "before": ", ".join(original.age_bands.labels()[:-1]),
                    "after": ", ".join(candidate.age_bands.labels()[:-1]),
                },
            )
        )
    for column, moves in sorted(merges.items()):
        targets: dict[str, list[str]] = {}
        for label, target in sorted(moves.items()):
            targets.setdefault(target, []).append(label)
        for target, labels in sorted(targets.items()):
            out.append(
                Message(
                    "ksz.proposal-merge",
                    {"column": column, "labels": ", ".join(labels), "target": target},
                )
            )
    return out
