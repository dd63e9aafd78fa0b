"""How a model field is read from a profile, declared next to the field (``field(metadata=...)``).

The profile reader (reader.py) takes each table's keys, their TOML types, and whether they are
required, from the dataclass fields of model.py: a key is declared once, as a field. What the type
alone cannot say is added here as field metadata, e.g. ``field(metadata=key(form=ID))`` for an id,
``key(minimum=1)`` for a count, ``key(unique="id")`` for an array whose items have distinct ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

METADATA_KEY = "profile"


@dataclass(frozen=True)
class Form:
    """A text that must match ``pattern``; refusals show ``example``."""

    pattern: re.Pattern[str]
    example: str


ID = Form(re.compile(r"^[a-z0-9][a-z0-9_-]*$"), "birth_date")
VERSION = Form(re.compile(r"^\d{4}\.\d+$"), "2026.1")
COUNTRY = Form(re.compile(r"^[A-Z]{2}$"), "NL")


@dataclass(frozen=True)
class KeySpec:
    """What the reader checks beyond a field's type.

    ``form``: a text's required shape. ``minimum``/``maximum``: an integer's range. ``blank``: a
    text may be empty (an optional text that is empty reads as None). ``unique``: the attribute
    that must differ between the items of an array of tables. ``read = False``: not a profile key
    (set by the loader, such as the file the profile came from).
    """

    form: Form | None = None
    minimum: int | None = None
    maximum: int | None = None
    blank: bool = False
    unique: str | None = None
    read: bool = True


NO_SPEC = KeySpec()


def key(
    *,
    form: Form | None = None,
    minimum: int | None = None,
    maximum: int | None = None,
    blank: bool = False,
    unique: str | None = None,
    read: bool = True,
) -> dict[str, KeySpec]:
    """Field metadata: ``field(metadata=key(form=ID))``."""
    return {METADATA_KEY: KeySpec(form, minimum, maximum, blank, unique, read)}


def spec_of(metadata: Any) -> KeySpec:
    value = metadata.get(METADATA_KEY, NO_SPEC)
    assert isinstance(value, KeySpec)
    return value
