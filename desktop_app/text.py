"""Forgiving comparison keys for headers and coded values: case, accents, spacing, punctuation.

Low and Qt-free: intake, profiles, mapping, validation and package all use it; it imports nothing of
the product."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise_value(value: str) -> str:
    """Key for a coded value: ``' Vrouw '`` -> ``'vrouw'``, ``'Féminin'`` -> ``'feminin'``."""
    return " ".join(_NON_WORD.split(strip_accents(value).lower())).strip()


def header_words(header: str) -> list[str]:
    """Words of a header, lower-case without accents: ``'Geboorte-datum (dd-mm)'`` -> 3 words."""
    return [w for w in _NON_WORD.split(strip_accents(header).lower()) if w]


def normalise_header(header: str) -> str:
    """Key for a header that forgives case, accents, spacing and word order."""
    return " ".join(sorted(header_words(header)))
