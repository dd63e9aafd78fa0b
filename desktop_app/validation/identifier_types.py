"""The identifier types a programme profile may give a field, in one registry.

Each type is one :class:`IdentifierType`: its id (the profile's ``type = "..."``), the message keys
of its name, shape and check (``validation.identifier-name.<id>`` ...), the shape of its normalised
form, its checks (one value, and many values at once: the functions of
:mod:`desktop_app.validation.identifiers`, python-stdnum where it has one, the product's own
loonheffingennummer check) and how its values are masked. Validation, the wizard's organisation and
mapping pages and the package builder look a type up here instead of branching on it.

Qt-free; keyed by plain strings, so a ``FieldType`` (a ``StrEnum``) and its value both find a type.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType
from typing import Any

import numpy as np

from desktop_app.validation import identifiers
from desktop_app.validation.identifiers import IdentifierArrayCheck, IdentifierCheck


@dataclass(frozen=True)
class IdentifierType:
    """One kind of identifier and everything the product does with it."""

    id: str
    shape: re.Pattern[str]  # the normalised form (what ``normalise`` returns)
    check: Callable[[str], IdentifierCheck]
    check_many: Callable[[np.ndarray | list[Any]], IdentifierArrayCheck]
    # A number from a public register (KBO) is shown as typed in examples; every other identifier
    # is masked to its last three digits wherever it is shown. Findings mask every identifier.
    public: bool = False

    @property
    def name_key(self) -> str:
        return f"validation.identifier-name.{self.id}"

    @property
    def short_key(self) -> str:
        """The short name a finding's title uses ("BSN", "INSZ-nummer")."""
        return f"validation.identifier-short.{self.id}"

    @property
    def shape_key(self) -> str:
        return f"validation.identifier-shape.{self.id}"

    @property
    def check_key(self) -> str:
        return f"validation.identifier-check.{self.id}"

    def normalise(self, text: str) -> str | None:
        """The compact, padded form of a valid value (``'1234.56.782'`` -> ``'123456782'``), or
        None when the value is not valid."""
        return self.check(text).normalised

    def mask(self, text: str) -> str:
        """The value hidden but its last three digits (for findings and refusals)."""
        return identifiers.mask_identifier(text)

    def example(self, text: str) -> str:
        """The value as an example of a column may show it: masked unless the number is public."""
        return str(text) if self.public else self.mask(text)


IDENTIFIER_TYPES: tuple[IdentifierType, ...] = (
    IdentifierType(
        "bsn", re.compile(r"[0-9]{9}"), identifiers.check_bsn, identifiers.check_bsn_array
    ),
    IdentifierType(
        "rsin", re.compile(r"[0-9]{9}"), identifiers.check_rsin, identifiers.check_rsin_array
    ),
    IdentifierType(
        "loonheffingennummer",
        re.compile(r"[0-9]{9}L[0-9]{2}"),
        identifiers.check_loonheffingennummer,
        identifiers.check_loonheffingennummer_array,
    ),
    IdentifierType(
        "insz", re.compile(r"[0-9]{11}"), identifiers.check_insz, identifiers.check_insz_array
    ),
    IdentifierType(
        "kbo",
        re.compile(r"[01][0-9]{9}"),
        identifiers.check_kbo,
        identifiers.check_kbo_array,
        public=True,
    ),
)

BY_ID: Mapping[str, IdentifierType] = MappingProxyType({kind.id: kind for kind in IDENTIFIER_TYPES})
LOONHEFFINGENNUMMER = BY_ID["loonheffingennummer"]  # the algemene variant's application asks for it


def identifier_type(field_type: str | Enum | None) -> IdentifierType | None:
    """The identifier type of a field type (``FieldType.BSN`` or ``"bsn"``); None for a field
    type that is not an identifier."""
    if field_type is None:
        return None
    key = field_type.value if isinstance(field_type, Enum) else field_type
    return BY_ID.get(str(key))
