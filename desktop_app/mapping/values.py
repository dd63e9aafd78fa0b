"""Translating coded values (sex: M/V/X, Man/Vrouw, Male/Female, H/F, 1/2 ...) to profile codes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from desktop_app.profiles.model import EmployeeField
from desktop_app.text import normalise_value


def code_lookup(field: EmployeeField, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """Normalised source value -> code: the profile's codes and synonyms, then the user's value
    map on top (the user's choice wins)."""
    lookup: dict[str, str] = {}
    for code in field.codes:
        for spelling in (code.code, *code.synonyms):
            lookup.setdefault(normalise_value(spelling), code.code)
    for value, chosen in (overrides or {}).items():
        lookup[normalise_value(value)] = chosen
    return lookup


def suggest_value_map(
    field: EmployeeField, values: Iterable[str]
) -> tuple[dict[str, str], list[str]]:
    """For the distinct values of a column: (value -> code for those recognised, unrecognised)."""
    lookup = code_lookup(field)
    known: dict[str, str] = {}
    unknown: list[str] = []
    for value in sorted({v.strip() for v in values if v and v.strip()}):
        code = lookup.get(normalise_value(value))
        if code is None:
            unknown.append(value)
        else:
            known[value] = code
    return known, unknown
