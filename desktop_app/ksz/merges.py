"""Merges of own categories and the crossing check's proposals applied to the officer's choices.

Merges are kept in ``draft.categories.merges[header]`` (file label -> merged group's name), the
same key the package builder applies to the linkage file. A proposal (see
:func:`desktop_app.ksz.crossing.propose`) may change the origin grouping, the age bands and merge
own categories; :func:`apply_proposal` turns it into new choices and merges, and a
:class:`Snapshot` taken before takes it back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from desktop_app.categories.subgroups import merged_names
from desktop_app.draft import Draft
from desktop_app.ksz.choices import KszChoices, read_choices, write_choices
from desktop_app.ksz.crossing import Proposal, settings_of
from desktop_app.profiles import Programme

MERGES = "merges"

Merges = dict[str, dict[str, str]]  # own column (source header) -> {file label: group name}


def read_merges(draft: Draft) -> Merges:
    return {str(k): dict(v) for k, v in draft.categories.merges.items()}


def write_merges(draft: Draft, merges: Mapping[str, Mapping[str, str]]) -> None:
    draft.categories = draft.categories.with_all_merges(merges)


def compose_merges(current: Mapping[str, str], moves: Mapping[str, str]) -> dict[str, str]:
    """The officer's merges (file label -> group) followed by a proposal's ``moves`` on the
    current groups, as file label -> group name (a group is named after all its members)."""
    names = merged_names(moves)
    composite = {label: names.get(group, group) for label, group in current.items()}
    groups = set(current.values())
    for label, name in names.items():
        if label not in groups:
            composite.setdefault(label, name)
    return {label: name for label, name in sorted(composite.items()) if label != name}


@dataclass(frozen=True)
class Applied:
    """The choices and merges after a proposal."""

    choices: KszChoices
    merges: Merges


def apply_proposal(
    choices: KszChoices,
    merges: Mapping[str, Mapping[str, str]],
    proposal: Proposal,
    programme: Programme,
) -> Applied:
    """Take over the proposal's origin grouping, age bands and merges of own categories."""
    settings = settings_of(programme)
    origin = choices.origin_scheme
    for scheme_id in proposal.crossing.schemes:
        if settings.scheme(scheme_id).characteristic == "origin":
            origin = scheme_id
    edges = choices.age_edges
    if proposal.crossing.age_bands is not None:
        edges = tuple(proposal.crossing.age_bands.edges)
    merged: Merges = {k: dict(v) for k, v in merges.items()}
    for column, moves in proposal.result.merges.items():
        merged[column] = compose_merges(merged.get(column, {}), moves)
    return Applied(replace(choices, origin_scheme=origin, age_edges=edges), merged)


@dataclass(frozen=True)
class Snapshot:
    """What a proposal may change, as it was: to undo the proposal."""

    origin_scheme: str | None
    age_edges: tuple[int, ...] | None
    merges: Merges


def snapshot(draft: Draft) -> Snapshot:
    choices = read_choices(draft)
    return Snapshot(choices.origin_scheme, choices.age_edges, read_merges(draft))


def apply_to_draft(draft: Draft, proposal: Proposal, programme: Programme) -> Snapshot:
    """Apply ``proposal`` to the draft's choices and merges; the snapshot from before."""
    before = snapshot(draft)
    applied = apply_proposal(read_choices(draft), before.merges, proposal, programme)
    write_choices(draft, applied.choices)
    write_merges(draft, applied.merges)
    return before


def restore(draft: Draft, before: Snapshot) -> None:
    """Put back what :func:`apply_to_draft` changed."""
    choices = replace(
        read_choices(draft), origin_scheme=before.origin_scheme, age_edges=before.age_edges
    )
    write_choices(draft, choices)
    write_merges(draft, before.merges)
