"""The subgroup size rule (CBS ingezoomd: every subgroup of every breakdown at least 250 people)
and merges that make a breakdown pass.

Two ways a subgroup can expose people:
- it is small itself;
- the breakdown leaves people out (no subgroup, excluded codes), and "organisation total minus the
  listed groups" is a small group: the differencing trap. The left-out people count as one more
  subgroup that must reach the minimum (or be zero).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from desktop_app.categories.bands import UNKNOWN

REMAINDER = "overig"


@dataclass(frozen=True)
class SubgroupViolation:
    subgroup: str  # the label, or "" for the people the breakdown leaves out
    size: int
    minimum: int
    differencing: bool = False  # true when the small group is only visible as total minus the rest


@dataclass(frozen=True)
class MergePlan:
    """Which subgroup goes into which: ``moves[label] = target``; ``sizes`` after the merge."""

    moves: Mapping[str, str] = field(default_factory=dict)
    sizes: Mapping[str, int] = field(default_factory=dict)
    passes: bool = True

    def apply(self, labels: pd.Series) -> pd.Series:
        return labels.map(lambda value: self.moves.get(value, value))


def subgroup_sizes(labels: pd.Series) -> dict[str, int]:
    """People per subgroup, largest first, ties by label (deterministic)."""
    counts = labels.value_counts(dropna=True)
    return dict(
        sorted(((str(k), int(v)) for k, v in counts.items()), key=lambda kv: (-kv[1], kv[0]))
    )


def check_subgroup_sizes(
    labels: pd.Series, minimum: int, population_total: int | None = None
) -> list[SubgroupViolation]:
    """Subgroups below ``minimum``; with ``population_total``, also the left-out remainder."""
    sizes = subgroup_sizes(labels)
    violations = [
        SubgroupViolation(label, size, minimum)
        for label, size in sorted(sizes.items(), key=lambda kv: (kv[1], kv[0]))
        if size < minimum
    ]
    if population_total is not None:
        left_out = population_total - sum(sizes.values())
        if 0 < left_out < minimum:
            violations.append(SubgroupViolation("", left_out, minimum, differencing=True))
    return violations


def propose_merges(
    sizes: Mapping[str, int],
    minimum: int,
    parents: Mapping[str, str] | None = None,
    strategy: str = "sibling",
    remainder: str = REMAINDER,
) -> MergePlan:
    """Merges that bring every subgroup to ``minimum``, smallest subgroup first.

    ``strategy="sibling"``: a small subgroup goes into its parent when a hierarchy gives one
    (``parents[label]``, which may be a new label and may itself have a parent), else into the
    smallest other subgroup (the merge that loses least detail). ``strategy="remainder"``: all small
    subgroups go into one remainder group; if that stays below the minimum, the smallest other
    subgroups join it until it passes. ``passes`` is false only when the whole population is smaller
    than the minimum.
    """
    if strategy not in ("sibling", "remainder"):
        raise ValueError(f"unknown merge strategy {strategy!r}")
    groups: dict[str, int] = dict(sizes)
    members: dict[str, set[str]] = {label: {label} for label in groups}

    def merge(label: str, target: str) -> None:
        groups[target] = groups.get(target, 0) + groups.pop(label)
        members.setdefault(target, set()).update(members.pop(label))

    if strategy == "remainder":
        for label in [
            name for name, size in groups.items() if size < minimum and name != remainder
        ]:
            merge(label, remainder)
        while groups.get(remainder, minimum) < minimum and len(groups) > 1:
            merge(
                min((size, name) for name, size in groups.items() if name != remainder)[1],
                remainder,
            )
    else:
        hierarchy = dict(parents or {})
        while len(groups) > 1:
            small = [(size, name) for name, size in groups.items() if size < minimum]
            if not small:
                break
            label = min(small)[1]
            target = hierarchy.pop(label, None)
            if target is None or target == label:
                target = min((size, name) for name, size in groups.items() if name != label)[1]
            merge(label, target)
    moves = {
        member: target for target, group in members.items() for member in group if member != target
    }
    return MergePlan(
        moves=dict(sorted(moves.items())),
        sizes=dict(sorted(groups.items())),
        passes=all(size >= minimum for size in groups.values()),
    )


def unknown_share(labels: pd.Series) -> float:
    """Share of the population in the unknown category (to warn when it grows large)."""
    if labels.empty:
        return 0.0
    return float((labels == UNKNOWN).mean())


MERGE_JOINER = " + "


def merged_names(moves: Mapping[str, str]) -> dict[str, str]:
    """A merge plan's ``moves`` (label -> target) as merges to keep (label -> merged group's name).

    A target that is itself one of the file's subgroups would hide the others behind its name
    ("Financiën" then also holding HR): such a group is named after all its members instead
    ("Financiën + HR"), and the target is renamed too. The remainder group keeps its name.
    """
    groups: dict[str, set[str]] = {}
    for label, target in moves.items():
        groups.setdefault(target, set()).add(label)
    merges: dict[str, str] = {}
    for target, members in groups.items():
        if target == REMAINDER:
            name = target
        else:
            name = MERGE_JOINER.join(sorted({target, *members}))
            merges[target] = name
        for label in members:
            merges[label] = name
    return dict(sorted(merges.items()))
