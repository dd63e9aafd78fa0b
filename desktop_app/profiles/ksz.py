"""The ``[crossing]`` section (KSZ route): versioned reference shares for the crossing check.

Checked as it is read (see sections.py for the pattern): shares are fractions that add up to 1
per scheme, ``coarser`` names other schemes of the same characteristic, age edges rise and the
default bands use edges that exist.
"""

from __future__ import annotations

import itertools

from desktop_app.profiles.model import (
    AgeReference,
    CharacteristicScheme,
    CrossingSettings,
    ReferenceGroup,
)
from desktop_app.profiles.reader import Check, Table, at, quote

SHARE_TOLERANCE = 0.005  # shares of a scheme must add up to 1 within this


def check_group(table: Table, group: ReferenceGroup) -> ReferenceGroup:
    if not 0 < group.share <= 1:
        table.fail("share", "share-range", value=group.share)
    return group


def check_scheme(table: Table, scheme: CharacteristicScheme) -> CharacteristicScheme:
    total = sum(group.share for group in scheme.groups)
    if abs(total - 1) > SHARE_TOLERANCE:
        table.fail("groups", "shares-sum", total=round(total, 4))
    return scheme


def check_age(table: Table, age: AgeReference) -> AgeReference:
    for key, values in (("edges", age.edges), ("default_edges", age.default_edges)):
        if any(b <= a for a, b in itertools.pairwise(values)):
            table.fail(key, "edges-order")
    shares = age.shares
    if len(shares) != len(age.edges) + 1:
        table.fail("shares", "age-shares-count", count=len(shares), expected=len(age.edges) + 1)
    if any(not 0 <= share <= 1 for share in shares):
        table.fail("shares", "share-range", value=min(shares))
    if abs(sum(shares) - 1) > SHARE_TOLERANCE:
        table.fail("shares", "shares-sum", total=round(sum(shares), 4))
    missing = [edge for edge in age.default_edges if edge not in age.edges]
    if missing:
        table.fail("default_edges", "age-edge-unknown", value=missing[0])
    return age


def check_crossing(table: Table, crossing: CrossingSettings) -> CrossingSettings:
    """A coarser scheme exists, is another one, and groups the same characteristic."""
    by_id = {scheme.id: scheme for scheme in crossing.schemes}
    for position, scheme in enumerate(crossing.schemes):
        coarser = at(at(table.at("schemes"), position), "coarser")
        for index, other in enumerate(scheme.coarser):
            where = at(coarser, index)
            if other not in by_id or other == scheme.id:
                table.ctx.fail(
                    where, "unknown-scheme", value=quote(other), available=", ".join(by_id)
                )
            if by_id[other].characteristic != scheme.characteristic:
                table.ctx.fail(
                    where,
                    "scheme-characteristic",
                    value=quote(other),
                    characteristic=scheme.characteristic,
                )
    return crossing


CHECKS: dict[type, Check] = {
    ReferenceGroup: check_group,
    CharacteristicScheme: check_scheme,
    AgeReference: check_age,
    CrossingSettings: check_crossing,
}
