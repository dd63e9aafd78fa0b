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


def grouped_hex(value: str, size: int = 8) -> str:
    """A long hexadecimal fingerprint in groups (``b860e999 87a3d280 …``), as GnuPG and
    Kleopatra show theirs: easier to read aloud, and a document can wrap it between groups
    instead of breaking ordinary words anywhere. Anything else is returned as it is."""
    text = value.strip()
    if len(text) <= size or any(c not in "0123456789abcdefABCDEF" for c in text):
        return value
    return " ".join(text[i : i + size] for i in range(0, len(text), size))
