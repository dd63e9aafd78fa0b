"""Findings and the validated, typed table."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np
import pandas as pd

from desktop_app.messages import DEFAULT_LANGUAGE, Message


def plural_form(language: str, count: int) -> str:
    """``one`` or ``other``: Dutch and English use the singular for 1 only, French for 0 and 1."""
    if language == "fr":
        return "one" if count in (0, 1) else "other"
    return "one" if count == 1 else "other"


@dataclass(frozen=True)
class CountMessage(Message):
    """A message with a ``count`` parameter whose key has a ``.one`` and an ``.other`` form; the
    form is chosen when it is rendered, in the language it is rendered in ("1 erreur")."""

    def render(self, language: str = DEFAULT_LANGUAGE) -> str:
        form = plural_form(language, int(self.params["count"]))
        params = {
            name: grouped(value, language)
            if isinstance(value, int) and not isinstance(value, bool)
            else value
            for name, value in self.params.items()
        }
        return Message(f"{self.key}.{form}", params).render(language)


_GROUP_SEPARATORS = {"nl": ".", "en": ",", "fr": "\u202f"}  # as QLocale writes them


def grouped(number: int, language: str) -> str:
    """A count with the language's thousands separator: 1.945, 1,945, 1 945."""
    text = f"{number:,}"
    return text.replace(",", _GROUP_SEPARATORS.get(language, ","))


class Severity(StrEnum):
    ERROR = "error"  # blocks packaging
    WARNING = "warning"  # the officer acknowledges it


class Code(StrEnum):
    """Stable finding codes (the CLI's JSON and the wizard's filter use these)."""

    INVALID_IDENTIFIER = "invalid-identifier"
    DUPLICATE_PERSON = "duplicate-person"
    MISSING_VALUE = "missing-value"
    INVALID_VALUE = "invalid-value"  # malformed postcode, house number, number, ...
    INVALID_DATE = "invalid-date"
    IMPLAUSIBLE_DATE = "implausible-date"
    UNKNOWN_CODE = "unknown-code"
    OUTSIDE_POPULATION = "outside-population"
    UNMAPPED_FIELD = "unmapped-field"
    BLANK_ROW = "blank-row"
    TOTAL_ROW = "total-row"
    NO_DATA = "no-data"


@dataclass(frozen=True)
class Finding:
    """One problem: how bad, a stable code, the field, the Excel rows (sorted), a message."""

    severity: Severity
    code: Code
    field: str | None
    rows: tuple[int, ...]
    message: Message
    column: str | None = None  # column letter in the source, when one column is at fault
    title_params: tuple[tuple[str, Any], ...] = ()  # e.g. the identifier's name
    note: Message | None = None  # said after the message: why it is a warning, what to do

    def render(self, language: str = DEFAULT_LANGUAGE) -> str:
        text = self.message.render(language)
        return f"{text} {self.note.render(language)}" if self.note is not None else text

    @property
    def title(self) -> Message:
        """A short plain title of the code (``validation.title.<code>``): "Ongeldig BSN",
        "Totaalregel"; what the officer reads where the code would be."""
        return Message(f"validation.title.{self.code}", dict(self.title_params))

    def to_json(self, language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
        return {
            "severity": str(self.severity),
            "code": str(self.code),
            "title": self.title.render(language),
            "field": self.field,
            "column": self.column,
            "rows": list(self.rows),
            "message": self.render(language),
        }


@dataclass(frozen=True, eq=False)
class ValidationResult:
    """What validation hands on.

    ``records`` has one row per data row of the source (index: Excel row numbers) and one column per
    mapped field id, typed: dates as ``datetime64[ns]`` (NaT when empty or invalid), codes as the
    profile's code (``None`` when unknown), identifiers normalised (BSN padded to 9 digits), text
    stripped. Breakdown columns are named ``breakdown:<source header>``. ``included`` marks the rows
    that belong to the population (not blank, not a total row, inside the peildatum).
    """

    findings: tuple[Finding, ...]
    records: pd.DataFrame
    included: np.ndarray
    identification_key: str | None = None
    notes: tuple[Message, ...] = field(default_factory=tuple)

    def counts(self) -> dict[str, int]:
        tally = Counter(str(f.severity) for f in self.findings)
        return {"error": tally.get("error", 0), "warning": tally.get("warning", 0)}

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)
