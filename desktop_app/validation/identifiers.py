"""Checks for personal and organisation identifiers (BSN, RSIN, loonheffingennummer, INSZ, KBO).

Two faces of the same rules:

- ``check_bsn(text)`` and friends check one typed value (the wizard's organisation fields) and return
  an :class:`IdentifierCheck`: valid or not, the normalised form, and the message key of the problem.
- ``check_bsn_array(values)`` and friends check many values at once (a column's unique values). The
  bulk of well-formed values goes through a numpy version of the check digit; every value that fails
  it, or is not plain digits, is decided by the single-value check (python-stdnum), so the reason
  given is always stdnum's. Tests prove the two faces agree exactly.

Separators (spaces, dots, dashes) are forgiven. Leading zeros that a spreadsheet dropped are restored
where the length tells: a 7- or 8-digit BSN/RSIN is left-padded to 9 digits, a 9- or 10-digit INSZ to
11 (people born 2000-2009), a 9-digit KBO number to 10 (the old form).

Identifiers are never shown in full: :func:`mask_identifier` keeps only the last three digits.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from stdnum import exceptions as stdnum_errors
from stdnum.be import ssn as be_ssn
from stdnum.be import vat as be_vat
from stdnum.nl import bsn as nl_bsn

# Problem kinds; the message key is ``validation.identifier.<kind>``.
FORMAT = "format"
LENGTH = "length"
CHECKSUM = "checksum"
COMPONENT = "component"
EMPTY = "empty"

PROBLEM_KINDS: tuple[str, ...] = (FORMAT, LENGTH, CHECKSUM, COMPONENT, EMPTY)

_SEPARATORS = re.compile(r"[\s.\-\u2010-\u2015\u2212]+")
_DIGITS = re.compile(r"[0-9]+")
_LOONHEFFINGENNUMMER = re.compile(r"([0-9]{9})L([0-9]{2})")


@dataclass(frozen=True)
class IdentifierCheck:
    """The outcome of checking one identifier."""

    valid: bool
    normalised: str | None  # compact form (BSN padded to 9 digits, ...) when valid
    problem: str | None = None  # message key ``validation.identifier.<kind>`` when not valid

    @property
    def kind(self) -> str | None:
        """``format``, ``length``, ``checksum``, ``component`` or ``empty`` (None when valid)."""
        return self.problem.rsplit(".", 1)[-1] if self.problem else None


def _ok(normalised: str) -> IdentifierCheck:
    return IdentifierCheck(True, normalised, None)


def _bad(kind: str) -> IdentifierCheck:
    return IdentifierCheck(False, None, f"validation.identifier.{kind}")


_STDNUM_KINDS: tuple[tuple[type[Exception], str], ...] = (
    (stdnum_errors.InvalidChecksum, CHECKSUM),
    (stdnum_errors.InvalidLength, LENGTH),
    (stdnum_errors.InvalidComponent, COMPONENT),
    (stdnum_errors.InvalidFormat, FORMAT),
)


def _stdnum(validate: Callable[[str], str], number: str) -> IdentifierCheck:
    try:
        return _ok(validate(number))
    except stdnum_errors.ValidationError as error:
        for error_type, kind in _STDNUM_KINDS:
            if isinstance(error, error_type):
                return _bad(kind)
        return _bad(FORMAT)


def compact(text: str) -> str:
    """The value without surrounding whitespace and without separators (spaces, dots, dashes)."""
    return _SEPARATORS.sub("", str(text).strip())


def _pad_digits(number: str, lengths: tuple[int, ...], width: int) -> str | IdentifierCheck:
    """Left-pad a plain-digit number whose length shows dropped zeros; refuse other lengths."""
    if not number:
        return _bad(EMPTY)
    if not _DIGITS.fullmatch(number):
        return _bad(FORMAT)
    if len(number) == width:
        return number
    if len(number) in lengths:
        return number.zfill(width)
    return _bad(LENGTH)


def check_bsn(text: str) -> IdentifierCheck:
    """Burgerservicenummer: 9 digits (7 or 8 when a spreadsheet dropped leading zeros), elfproef."""
    number = _pad_digits(compact(text), (7, 8), 9)
    if isinstance(number, IdentifierCheck):
        return number
    return _stdnum(nl_bsn.validate, number)


def check_rsin(text: str) -> IdentifierCheck:
    """RSIN / fiscaal nummer: 9 digits with the same elfproef as the BSN (stdnum's checksum)."""
    return check_bsn(text)


def check_loonheffingennummer(text: str) -> IdentifierCheck:
    """Loonheffingennummer: the RSIN (9 digits, elfproef) + ``L`` + 2 digits, e.g. 123456782L01."""
    number = compact(text).upper()
    if not number:
        return _bad(EMPTY)
    match = _LOONHEFFINGENNUMMER.fullmatch(number)
    if not match:
        return _bad(FORMAT)
    rsin = check_rsin(match.group(1))
    if not rsin.valid:
        return rsin
    return _ok(number)


def check_insz(text: str) -> IdentifierCheck:
    """INSZ/NISS: a Belgian national-register or BIS number, 11 digits with a mod-97 check."""
    number = _pad_digits(compact(text), (9, 10), 11)
    if isinstance(number, IdentifierCheck):
        return number
    return _stdnum(be_ssn.validate, number)


def check_kbo(text: str) -> IdentifierCheck:
    """KBO/BCE enterprise number: 10 digits (old 9-digit form padded with 0), mod-97 check."""
    number = compact(text).upper()
    if not number:
        return _bad(EMPTY)
    if number.startswith("BE"):
        number = number[2:]
    if not _DIGITS.fullmatch(number):
        return _bad(FORMAT)
    if len(number) not in (9, 10):
        return _bad(LENGTH)
    return _stdnum(be_vat.validate, number)


def mask_identifier(text: str) -> str:
    """Hide an identifier but its last three digits: ``'123456782'`` -> ``'******782'``.

    Everything before the last three digits becomes ``*`` (``'123456782L01'`` -> ``'********2L01'``);
    a value with no digits is masked completely.
    """
    value = str(text).strip()
    seen = 0
    cut = len(value)
    for position in range(len(value) - 1, -1, -1):
        if value[position].isdigit():
            seen += 1
            cut = position
            if seen == 3:
                break
    if seen == 0:
        return "*" * len(value)
    return "*" * cut + value[cut:]


# --- many values at once ------------------------------------------------------------------------


@dataclass(frozen=True)
class IdentifierArrayCheck:
    """Per value: normalised form (None when invalid or empty) and problem kind (None when valid)."""

    normalised: np.ndarray  # object array of str | None
    kind: np.ndarray  # object array of str | None

    @property
    def valid(self) -> np.ndarray:
        return np.equal(self.kind, None)  # type: ignore[call-overload]  # numpy's stubs reject None, a valid object-array operand


def _text_and_lengths(values: np.ndarray | list[Any]) -> tuple[np.ndarray, np.ndarray]:
    array = np.asarray(values, dtype=object).ravel()
    try:
        lengths = np.fromiter(map(len, array), dtype=np.int64, count=len(array))
    except TypeError:  # not all text: intake gives str, but be forgiving
        array = np.array([v if isinstance(v, str) else str(v) for v in array], dtype=object)
        lengths = np.fromiter(map(len, array), dtype=np.int64, count=len(array))
    if array.dtype != object:
        array = array.astype(object)
    return array, lengths


def _array_check(
    values: np.ndarray | list[Any],
    single: Callable[[str], IdentifierCheck],
    width: int,
    short_lengths: tuple[int, ...],
    fast_valid: Callable[[np.ndarray], np.ndarray],
) -> IdentifierArrayCheck:
    """Vectorised check of plain-digit values of the full or a padded length; ``single`` (stdnum)
    decides every other value and every value the vectorised check refuses."""
    array, lengths = _text_and_lengths(values)
    n = len(array)
    normalised = np.full(n, None, dtype=object)
    kind = np.full(n, None, dtype=object)
    good = np.zeros(n, dtype=bool)
    for length in (width, *short_lengths):
        rows = np.flatnonzero(lengths == length)
        if not len(rows):
            continue
        codes = array[rows].astype(f"U{length}").view(np.uint32).reshape(len(rows), length)
        plain = ((codes >= 48) & (codes <= 57)).all(axis=1)
        digits = np.zeros((len(rows), width), dtype=np.int64)  # right-aligned: zeros restored
        digits[:, width - length :] = codes.astype(np.int64) - 48
        ok = rows[plain & fast_valid(digits)]
        good[ok] = True
        if length == width:
            normalised[ok] = array[ok]
        else:
            normalised[ok] = [v.zfill(width) for v in array[ok]]
    for index in np.flatnonzero(~good):
        result = single(array[index])
        normalised[index] = result.normalised
        kind[index] = result.kind
    return IdentifierArrayCheck(normalised, kind)


_BSN_WEIGHTS = np.array([9, 8, 7, 6, 5, 4, 3, 2, -1], dtype=np.int64)


def _bsn_fast(digits: np.ndarray) -> np.ndarray:
    return ((digits @ _BSN_WEIGHTS) % 11 == 0) & digits.any(axis=1)


def check_bsn_array(values: np.ndarray | list[Any]) -> IdentifierArrayCheck:
    """:func:`check_bsn` for many values (vectorised elfproef, stdnum decides every failure)."""
    return _array_check(values, check_bsn, 9, (7, 8), _bsn_fast)


def check_rsin_array(values: np.ndarray | list[Any]) -> IdentifierArrayCheck:
    return _array_check(values, check_rsin, 9, (7, 8), _bsn_fast)


def _insz_fast(digits: np.ndarray) -> np.ndarray:
    powers = 10 ** np.arange(8, -1, -1, dtype=np.int64)
    first9 = digits[:, :9] @ powers
    check = digits[:, 9] * 10 + digits[:, 10]
    year2 = digits[:, 0] * 10 + digits[:, 1]
    month = digits[:, 2] * 10 + digits[:, 3]
    born_1900 = 97 - (first9 % 97) == check
    could_be_2000 = year2 + 2000 <= datetime.date.today().year
    born_2000 = could_be_2000 & (97 - ((2_000_000_000 + first9) % 97) == check)
    month_ok = (month <= 12) | ((month >= 20) & (month <= 32)) | ((month >= 40) & (month <= 52))
    return (born_1900 | born_2000) & month_ok


def check_insz_array(values: np.ndarray | list[Any]) -> IdentifierArrayCheck:
    """:func:`check_insz` for many values (vectorised mod 97, stdnum decides every failure)."""
    return _array_check(values, check_insz, 11, (9, 10), _insz_fast)


def _per_value(
    values: np.ndarray | list[Any], single: Callable[[str], IdentifierCheck]
) -> IdentifierArrayCheck:
    array, _ = _text_and_lengths(values)
    results = [single(v) for v in array]
    normalised = np.array([r.normalised for r in results] or [], dtype=object)
    kind = np.array([r.kind for r in results] or [], dtype=object)
    return IdentifierArrayCheck(normalised, kind)


def check_loonheffingennummer_array(values: np.ndarray | list[Any]) -> IdentifierArrayCheck:
    return _per_value(values, check_loonheffingennummer)


def check_kbo_array(values: np.ndarray | list[Any]) -> IdentifierArrayCheck:
    return _per_value(values, check_kbo)
