"""The passphrase of a passphrase-protected archive: generated, read aloud by phone, typed by an office.

Many Dutch and Belgian public bodies accept personal data as a 7-Zip AES-256 archive whose
passphrase is given by phone. A person reads the passphrase aloud (in Dutch or in French) and a
clerk at the office types it into 7-Zip, so the passphrase is made for ears and fingers:

* one case only (lower case), so Caps Lock or a clerk who types capitals does not matter;
* no character that looks like another one on screen or on paper, and at most one character of
  each group of letters whose names sound alike over a telephone line in Dutch or French;
* groups of five separated by ``-`` (``k4ht7-…``), so the reader and the clerk keep their place;
* at least :data:`MIN_BITS` bits of entropy from :mod:`secrets`; the length is computed from the
  alphabet, so shrinking the alphabet lengthens the passphrase instead of weakening it.

**The separators are part of the secret.** What the assistant shows on screen is exactly the
passphrase 7-Zip asks for, dashes included, so the office types what it sees or hears and nothing
is hidden. Our own code is more forgiving: :func:`normalise_passphrase` turns what a person typed
(spaces instead of dashes, capitals, no separators at all, blanks around it) back into that
canonical form, and :func:`desktop_app.crypto.archive.write_archive` and
:func:`desktop_app.crypto.archive.open_archive` both apply it, so writing and opening agree.

The passphrase is never logged, stored or put into an exception message by this module.
"""

from __future__ import annotations

import math
import secrets

__all__ = [
    "ALPHABET",
    "GROUP_SEPARATOR",
    "GROUP_SIZE",
    "LOOK_ALIKES",
    "MIN_BITS",
    "PASSPHRASE_BITS",
    "PASSPHRASE_LENGTH",
    "generate_passphrase",
    "is_generated_passphrase",
    "normalise_passphrase",
    "passphrase_bits",
]

ALPHABET = "34679acefhjkmrtx"
"""The 16 characters a passphrase is drawn from (4 bits each), lower case only.

Kept: the digits 3 4 6 7 9 (drie vier zes zeven negen / trois quatre six sept neuf: distinct in
both languages) and the letters a c e f h j k m r t x.

Left out because they look like another character (see :data:`LOOK_ALIKES`): 0 o (O), 1 l i (I),
2 z, 5 s, 8 b, u v (and y, which looks like v/u in many fonts), g q (like 9), and every upper-case
letter (a clerk cannot see whether an ``M`` was meant to be ``m``).

Left out because their names sound like a kept letter's on a telephone line:

* d, p (and b): they rhyme with t ("dee/pee/tee", "dé/pé/té"); t is the only plosive kept;
* g: "gé" and "ji" are the classic French g/j confusion, and Dutch "gee" is close to "hee";
* n: "en/enne" against "em/emme", the nasal pair nobody tells apart on the phone; m is kept;
* q: "kuu/ku" against k ("kaa/ka") and u;
* w: Dutch "wee" against v, and French "double vé" is three syllables;
* y: "ij/griekse ij" and "i grec" against i and ij.

c ("see/cé") and e ("ee/e") are kept: their sibilant or bare vowel sets them apart from t.
"""

LOOK_ALIKES = "0Oo1lIi|5Ss2Zz8BbGgqQuUvVyYnNdDpPwW"
"""Characters a passphrase never contains (visual look-alikes and phone-confusable letters)."""

GROUP_SIZE = 5
"""Characters between two separators."""

GROUP_SEPARATOR = "-"
"""Between groups; part of the secret (see the module docstring)."""

MIN_BITS = 100
"""The least entropy a generated passphrase carries."""

# What people type instead of our dash: blanks, other dashes, underscores, dots, slashes.
_TYPED_SEPARATORS = frozenset(" \t\r\n\u00a0\u202f\u2007-\u2010\u2011\u2012\u2013\u2014\u2212_./")


def passphrase_bits(alphabet: str, length: int) -> float:
    """The entropy in bits of ``length`` characters drawn uniformly and independently from ``alphabet``.

    Separators add nothing: they are at fixed places. ``alphabet`` must not repeat a character
    (a repeated character would be drawn more often than the others).
    """
    if len(set(alphabet)) != len(alphabet):
        raise ValueError("the alphabet repeats a character")
    if not alphabet or length < 0:
        raise ValueError("an alphabet needs characters and a length cannot be negative")
    return length * math.log2(len(alphabet))


def _length_for(alphabet: str, min_bits: int, group_size: int) -> int:
    """The shortest whole number of groups whose characters carry at least ``min_bits`` bits."""
    per_char = math.log2(len(alphabet))
    characters = math.ceil(min_bits / per_char - 1e-9)
    return math.ceil(characters / group_size) * group_size


PASSPHRASE_LENGTH = _length_for(ALPHABET, MIN_BITS, GROUP_SIZE)
"""Characters of a passphrase, separators not counted (25 with 16 characters and groups of 5)."""

PASSPHRASE_BITS = passphrase_bits(ALPHABET, PASSPHRASE_LENGTH)
"""Entropy of a generated passphrase in bits (100.0 with the alphabet above)."""

if PASSPHRASE_BITS < MIN_BITS:  # pragma: no cover - guards future edits of the constants
    raise RuntimeError("the passphrase alphabet and length give too little entropy")


def _group(characters: str) -> str:
    return GROUP_SEPARATOR.join(
        characters[start : start + GROUP_SIZE] for start in range(0, len(characters), GROUP_SIZE)
    )


def generate_passphrase() -> str:
    """A new passphrase: :data:`PASSPHRASE_LENGTH` characters of :data:`ALPHABET` in groups.

    Each character comes from :func:`secrets.choice`, so the passphrase carries
    :data:`PASSPHRASE_BITS` bits. Show it to the user once; never log or store it.
    """
    return _group("".join(secrets.choice(ALPHABET) for _ in range(PASSPHRASE_LENGTH)))


def _compact(text: str) -> str:
    return "".join(ch for ch in text.strip().lower() if ch not in _TYPED_SEPARATORS)


def is_generated_passphrase(text: str) -> bool:
    """Whether ``text``, once normalised, has the form :func:`generate_passphrase` gives."""
    compact = _compact(text)
    return len(compact) == PASSPHRASE_LENGTH and all(ch in ALPHABET for ch in compact)


def normalise_passphrase(text: str) -> str:
    """The canonical form of a passphrase as a person typed it.

    A passphrase of the generator's form is recognised whatever its case, its separators (spaces,
    dashes, underscores, dots, none at all) and the blanks around it, and comes back exactly as
    :func:`generate_passphrase` wrote it: lower case, groups of :data:`GROUP_SIZE` joined by
    :data:`GROUP_SEPARATOR`. Any other text is not ours to reinterpret: only the blanks around it
    are removed, so a passphrase chosen elsewhere is used as typed.
    """
    if is_generated_passphrase(text):
        return _group(_compact(text))
    return text.strip()
