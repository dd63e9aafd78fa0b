"""Which source column feeds which programme field, and how coded values translate."""

from __future__ import annotations

from collections.abc import Mapping as MappingType
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class ColumnSuggestion:
    """A proposed source column for a programme field, with how sure we are (0..1) and why."""

    field_id: str
    header: str
    confidence: float
    reason: str  # "exact", "synonym", "fuzzy", "content"


DERIVED_PREFIX = "="  # a derived breakdown's header: "=age", never a source column's name


def derived_header(breakdown_id: str) -> str:
    """The header that stands for a breakdown the app derives itself (age, year of entry)."""
    return DERIVED_PREFIX + breakdown_id


def is_derived_header(header: str) -> bool:
    return header.startswith(DERIVED_PREFIX)


@dataclass(frozen=True)
class BreakdownColumn:
    """A source column the user marked as a breakdown (subgroup), optionally tied to a programme
    breakdown kind (``organisational_unit``, ``function_level``, ...).

    A derived breakdown (age band, year-of-entry band) has no column of its own: its header is the
    breakdown id prefixed by ``=`` (``"=age"``) and its ``breakdown_id`` is that id."""

    header: str
    breakdown_id: str | None = None

    @property
    def is_derived(self) -> bool:
        return is_derived_header(self.header)


def _frozen(mapping: MappingType[str, Any]) -> MappingType[str, Any]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class Mapping:
    """The user's mapping for one programme; saved as JSON so next year's export maps in one step.

    ``value_maps[field_id]`` maps a source value, normalised with
    :func:`desktop_app.text.normalise_value`, to one of the field's codes.
    """

    programme_id: str
    fields: MappingType[str, str] = field(default_factory=dict)  # field id -> source header
    value_maps: MappingType[str, MappingType[str, str]] = field(default_factory=dict)
    breakdowns: tuple[BreakdownColumn, ...] = ()
    sheet: str | None = None
    header_row: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", _frozen(self.fields))
        object.__setattr__(
            self, "value_maps", _frozen({k: _frozen(v) for k, v in self.value_maps.items()})
        )
        object.__setattr__(self, "breakdowns", tuple(self.breakdowns))

    def header_for(self, field_id: str) -> str | None:
        return self.fields.get(field_id)

    @property
    def used_headers(self) -> set[str]:
        """The source headers the mapping reads (derived breakdowns have none)."""
        return set(self.fields.values()) | {b.header for b in self.breakdowns if not b.is_derived}
