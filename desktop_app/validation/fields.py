"""Per field type: read a column's values into typed values and problem kinds, on unique values.

A column is factorised once (:class:`FieldValues`); every check runs on its unique values and is
broadcast back to the rows by the factorisation codes, so a column of 200,000 birth dates costs a few
thousand date parses. Problem kinds are short strings; :func:`problem_code` says which finding code a
kind belongs to and the message key is ``validation.<group>.<kind>`` (see :func:`message_key`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping as AbcMapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from desktop_app.profiles.model import EmployeeField, FieldType
from desktop_app.text import normalise_value
from desktop_app.validation import dates, identifier_types
from desktop_app.validation.model import Code

EMPTY = "empty"
UNKNOWN = "unknown"

IDENTIFIER_TYPES = frozenset(FieldType(kind.id) for kind in identifier_types.IDENTIFIER_TYPES)
NUMERIC_TYPES = frozenset(
    {FieldType.INTEGER, FieldType.DECIMAL, FieldType.YEAR, FieldType.HOUSE_NUMBER}
)

_GROUPS = {
    FieldType.DATE: "date",
    FieldType.POSTCODE_NL: "postcode",
    FieldType.HOUSE_NUMBER: "house-number",
    FieldType.HOUSE_NUMBER_SUFFIX: "suffix",
    FieldType.INTEGER: "integer",
    FieldType.DECIMAL: "decimal",
    FieldType.YEAR: "year",
    FieldType.EMAIL: "email",
    FieldType.PHONE: "phone",
    FieldType.CODE: "code",
}


def message_key(field_type: FieldType, kind: str) -> str:
    """The catalogue key of a problem kind of a field type."""
    group = "identifier" if field_type in IDENTIFIER_TYPES else _GROUPS.get(field_type, "value")
    return f"validation.{group}.{kind}"


def problem_code(field_type: FieldType, kind: str) -> Code:
    if field_type in IDENTIFIER_TYPES:
        return Code.INVALID_IDENTIFIER
    if field_type is FieldType.DATE:
        return Code.INVALID_DATE
    if field_type is FieldType.CODE:
        return Code.UNKNOWN_CODE
    return Code.INVALID_VALUE


# --- checks on unique, stripped, non-empty values: return (typed, kind) --------------------------


def _postcodes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Dutch postcodes normalised to ``1234AB``; vectorised for the usual forms (``1234AB``,
    ``1234 ab``), one by one for the rest (and for the reason of a refusal)."""
    n = len(values)
    typed = np.full(n, None, dtype=object)
    kind = np.full(n, None, dtype=object)
    lengths = np.fromiter(map(len, values), np.int64, n)
    short = np.flatnonzero((lengths >= 6) & (lengths <= 7))
    fast = np.zeros(n, dtype=bool)
    if len(short):
        original = values[short].astype("U7")
        text = np.strings.upper(np.strings.replace(original, " ", ""))
        chars = np.strings.ljust(text, 6).view(np.uint32).reshape(len(short), -1)[:, :6]
        ok = (
            (np.strings.str_len(text) == 6)
            & (chars[:, 0] >= 49)
            & (chars[:, 0] <= 57)
            & ((chars[:, 1:4] >= 48) & (chars[:, 1:4] <= 57)).all(axis=1)
            & ((chars[:, 4:6] >= 65) & (chars[:, 4:6] <= 90)).all(axis=1)
        )
        letters = np.strings.slice(text, 4, 6)
        ok &= (letters != "SA") & (letters != "SD") & (letters != "SS")
        fast[short[ok]] = True
        same = ok & (text == original)  # already canonical: keep the source's own str
        typed[short[same]] = values[short[same]]
        changed = ok & ~same
        typed[short[changed]] = text[changed].astype(object)
    for index in np.flatnonzero(~fast):
        typed[index], kind[index] = _postcode_one(values[index])
    return typed, kind


_POSTCODE = re.compile(r"([1-9][0-9]{3})([A-Z]{2})")


def _postcode_one(value: str) -> tuple[str | None, str | None]:
    text = re.sub(r"[\s\-]+", "", value).upper()
    if text.startswith("NL"):
        text = text[2:]
    match = _POSTCODE.fullmatch(text)
    if match:
        if match.group(2) in ("SA", "SD", "SS"):
            return None, "banned"
        return text, None
    if re.fullmatch(r"[1-9][0-9]{3}", text):
        return None, "no-letters"
    return None, "format"


MAX_HOUSE_NUMBER = 99_999  # Dutch house numbers have at most 5 digits (BAG)
_HOUSE_NUMBER = re.compile(r"[0-9]+")
_HOUSE_NUMBER_WITH_SUFFIX = re.compile(r"([0-9]+)\s*[-/]?\s*([A-Za-z0-9]{1,4})")


def _house_number_one(value: str) -> tuple[float, str | None]:
    if _HOUSE_NUMBER.fullmatch(value):
        number = int(value)
        if number > MAX_HOUSE_NUMBER:
            return np.nan, "format"
        return (float(number), None) if number > 0 else (np.nan, "zero")
    if _HOUSE_NUMBER_WITH_SUFFIX.fullmatch(value):
        return np.nan, "has-suffix"
    return np.nan, "format"


_SUFFIX_EDGES = re.compile(r"^[\s\-/.]+|[\s\-/.]+$")


def _suffix_one(value: str) -> tuple[str | None, str | None]:
    text = re.sub(r"\s+", "", _SUFFIX_EDGES.sub("", value))
    if re.fullmatch(r"[A-Za-z0-9]{1,4}", text):
        return text.upper(), None
    return None, "format"


_INTEGER = re.compile(r"[+-]?[0-9]+(?:[.,]0+)?")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE = re.compile(r"\+?[0-9 ()./\-]{6,20}")


def _integer_one(value: str) -> tuple[float, str | None]:
    if _INTEGER.fullmatch(value):
        return float(int(re.split(r"[.,]", value)[0])), None
    return np.nan, "format"


def _decimal_one(value: str) -> tuple[float, str | None]:
    if _DECIMAL.fullmatch(value):
        return float(value.replace(",", ".")), None
    return np.nan, "format"


def _year_one(value: str) -> tuple[float, str | None]:
    if re.fullmatch(r"[0-9]{4}", value):
        year = int(value)
        if dates.MIN_YEAR <= year <= dates.MAX_YEAR:
            return float(year), None
        return np.nan, "range"
    return np.nan, "format"


def _email_one(value: str) -> tuple[str | None, str | None]:
    return (value, None) if _EMAIL.fullmatch(value) else (None, "format")


def _phone_one(value: str) -> tuple[str | None, str | None]:
    digits = sum(ch.isdigit() for ch in value)
    return (value, None) if _PHONE.fullmatch(value) and digits >= 6 else (None, "format")


_PER_VALUE = {
    FieldType.HOUSE_NUMBER: _house_number_one,
    FieldType.HOUSE_NUMBER_SUFFIX: _suffix_one,
    FieldType.INTEGER: _integer_one,
    FieldType.DECIMAL: _decimal_one,
    FieldType.YEAR: _year_one,
    FieldType.EMAIL: _email_one,
    FieldType.PHONE: _phone_one,
}


def code_lookup(field: EmployeeField, value_map: AbcMapping[str, str] | None) -> dict[str, str]:
    """Normalised spelling -> code: the codes themselves, the profile's synonyms, then the user's
    value map (which wins)."""
    lookup: dict[str, str] = {}
    for code in field.codes:
        for spelling in (code.code, *code.synonyms):
            lookup.setdefault(normalise_value(spelling), code.code)
    allowed = {code.code for code in field.codes}
    for source, chosen in (value_map or {}).items():
        if chosen in allowed:
            lookup[normalise_value(source)] = chosen
    return lookup


def _check_dates(
    values: np.ndarray, date_system: int
) -> tuple[np.ndarray, np.ndarray, dates.DateOrder]:
    """A date column's values read day first or month first as they tell (see
    :func:`dates.read_date_column`); an open end (9999) is no date."""
    parsed = dates.read_date_column(values, date_system)
    kind = parsed.kind.copy()
    kind[kind == dates.OPEN] = EMPTY
    return parsed.values, kind, parsed.reading


def check_values(
    field_type: FieldType,
    values: np.ndarray,
    *,
    date_system: int = 1900,
    codes: AbcMapping[str, str] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Typed values and problem kinds for stripped, non-empty values (None kind = fine)."""
    n = len(values)
    identifier = identifier_types.identifier_type(field_type)
    if identifier is not None:
        checked = identifier.check_many(values)
        return checked.normalised, checked.kind
    if field_type is FieldType.DATE:
        typed, kind, _ = _check_dates(values, date_system)
        return typed, kind
    if field_type is FieldType.POSTCODE_NL:
        return _postcodes(values)
    if field_type is FieldType.CODE:
        lookup = codes or {}
        typed = np.array([lookup.get(normalise_value(v)) for v in values] or [], dtype=object)
        kind = np.where(np.equal(typed, None), UNKNOWN, None).astype(object)  # type: ignore[call-overload]  # numpy's stubs reject None, a valid object-array operand
        return typed, kind
    if field_type in _PER_VALUE:
        check = _PER_VALUE[field_type]
        pairs = [check(v) for v in values]
        numeric = field_type in NUMERIC_TYPES
        typed = np.array([p[0] for p in pairs] or [], dtype=np.float64 if numeric else object)
        kind = np.array([p[1] for p in pairs] or [], dtype=object)
        return typed, kind
    # TEXT, CATEGORY: stripped text
    return values.astype(object, copy=True), np.full(n, None, dtype=object)


def empty_typed(field_type: FieldType, n: int) -> np.ndarray:
    if field_type is FieldType.DATE:
        return np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    if field_type in NUMERIC_TYPES:
        return np.full(n, np.nan)
    return np.full(n, None, dtype=object)


_SAMPLE = 2_000


def _mostly_unique(column: np.ndarray) -> bool:
    """True when a spread sample of a long column is (nearly) all distinct values."""
    n = len(column)
    if n < 10 * _SAMPLE:
        return False
    sample = column[:: n // _SAMPLE]
    return len(set(sample)) >= 0.99 * len(sample)


@dataclass(frozen=True, eq=False)
class Factorised:
    """A source column as codes into its unique values (stripped text)."""

    codes: np.ndarray  # intp, one per row, into ``uniques``
    uniques: np.ndarray  # object array of stripped str
    empty: np.ndarray  # bool per unique

    @classmethod
    def of(cls, column: np.ndarray) -> Factorised:
        column = np.asarray(column, dtype=object)
        if _mostly_unique(column):
            # identifiers, personnel numbers, postcodes: hashing them buys nothing here
            codes, raw = np.arange(len(column), dtype=np.intp), column
        else:
            codes, raw = pd.factorize(column, use_na_sentinel=False)
        try:
            uniques = np.array([v.strip() for v in raw], dtype=object)
        except AttributeError:  # not text: intake gives str, but be forgiving
            uniques = np.array(["" if v is None else str(v).strip() for v in raw], dtype=object)
        if not len(uniques):
            uniques = np.array([], dtype=object)
        return cls(codes, uniques, uniques == "")

    def empty_rows(self) -> np.ndarray:
        return self.empty[self.codes]


@dataclass(frozen=True, eq=False)
class FieldValues:
    """One mapped field: where it comes from, its values per unique and problem kinds per unique."""

    field: EmployeeField
    header: str
    column: str  # source column letter
    source: Factorised
    typed: np.ndarray  # per unique
    kind: np.ndarray  # per unique: None, EMPTY or a problem kind
    date_order: dates.DateOrder | None = None  # a date field: how it was read, per unique

    @classmethod
    def build(
        cls,
        field: EmployeeField,
        header: str,
        column: str,
        source: Factorised,
        *,
        date_system: int = 1900,
        value_map: AbcMapping[str, str] | None = None,
    ) -> FieldValues:
        n = len(source.uniques)
        typed = empty_typed(field.type, n)
        kind = np.full(n, EMPTY, dtype=object)
        filled = np.flatnonzero(~source.empty)
        lookup = code_lookup(field, value_map) if field.type is FieldType.CODE else None
        date_order = None
        if field.type is FieldType.DATE:
            typed_filled, kind_filled, order = _check_dates(source.uniques[filled], date_system)
            date_order = order.spread(filled, n)
        elif len(filled):
            typed_filled, kind_filled = check_values(
                field.type, source.uniques[filled], date_system=date_system, codes=lookup
            )
        if len(filled):
            typed[filled] = typed_filled
            kind[filled] = kind_filled
        return cls(field, header, column, source, typed, kind, date_order)

    @property
    def codes(self) -> np.ndarray:
        return self.source.codes

    def values(self) -> np.ndarray:
        """Typed value per row."""
        return self.typed[self.source.codes]

    def empty_rows(self) -> np.ndarray:
        """Rows with no usable value: blank cells (and open-end dates such as 9999-12-31)."""
        return np.equal(self.kind, EMPTY)[self.source.codes]

    def problem_rows(self) -> dict[str, np.ndarray]:
        """Problem kind -> bool mask of rows with it (empty cells not included)."""
        present = [k for k in pd.unique(self.kind) if k is not None and k != EMPTY]
        out: dict[str, np.ndarray] = {}
        for problem in sorted(present):
            out[problem] = np.equal(self.kind, problem)[self.source.codes]
        return out

    def raw_value(self, row_index: int) -> str:
        return self.source.uniques[self.source.codes[row_index]]

    def series(self, index: pd.Index) -> pd.Series:
        """The typed column for ``ValidationResult.records``."""
        values = self.values()
        if self.field.type is FieldType.DATE:
            return pd.Series(values, index=index, dtype="datetime64[ns]")
        if self.field.type is FieldType.DECIMAL:
            return pd.Series(values, index=index, dtype="float64")
        if self.field.type in NUMERIC_TYPES:
            return pd.Series(values, index=index, dtype="float64").astype("Int64")
        return pd.Series(values, index=index, dtype=object)
