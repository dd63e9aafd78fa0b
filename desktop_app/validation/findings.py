"""Building findings: each check adds a :class:`Finding` with the Excel rows it concerns, and the
messages that name rows, columns, examples and values (identifiers masked, long text cut)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from desktop_app.intake.model import RawTable
from desktop_app.messages import Message
from desktop_app.profiles.model import EmployeeField
from desktop_app.validation.fields import IDENTIFIER_TYPES
from desktop_app.validation.identifiers import check_bsn, mask_identifier
from desktop_app.validation.model import Code, CountMessage, Finding, Severity

# The fields the checks know by id.
BIRTH_DATE = "birth_date"
START_DATE = "start_date"
END_DATE = "end_date"
EMPLOYMENT_TYPE = "employment_type"
PERSONNEL_NUMBER = "personnel_number"
BREAKDOWN_PREFIX = "breakdown:"

MAX_EXAMPLES = 3
MAX_LISTED_VALUES = 10
MAX_LISTED_ROWS = 10  # a row list in a message names this many rows, then "and 212 more"

_DATE_LIKE = re.compile(r"\d{1,2}([-/.])\d{1,2}\1\d{4}|\d{4}([-/.])\d{1,2}\2\d{1,2}")
_CODE_ORDER = {code: position for position, code in enumerate(Code)}


@dataclass(frozen=True)
class Source:
    index: int
    header: str
    letter: str


class Findings:
    """The findings of one run, in the order they were found; :meth:`in_order` sorts them."""

    def __init__(self, table: RawTable, field_order: dict[str, int]) -> None:
        self.table = table
        self.field_order = field_order
        self.found: list[Finding] = []

    def add(  # noqa: PLR0917 - every finding is built with the same positional shape
        self,
        severity: Severity,
        code: Code,
        field_id: str | None,
        excel_rows: np.ndarray | Sequence[int],
        template: str,
        letter: str | None = None,
        title_params: dict[str, object] | None = None,
        plural: int | None = None,
        **params: object,
    ) -> None:
        """``plural``: the template has a ``.one`` and an ``.other`` form, for this many rows."""
        at = tuple(int(r) for r in np.sort(np.asarray(excel_rows, dtype=np.int64)))
        message = (
            Message(template, params)
            if plural is None
            else CountMessage(template, {**params, "count": plural})
        )
        self.found.append(
            Finding(
                severity,
                code,
                field_id,
                at,
                message,
                column=letter,
                title_params=tuple((title_params or {}).items()),
            )
        )

    def excel_rows(self, mask: np.ndarray) -> np.ndarray:
        return self.table.rows[mask]

    def examples(
        self, mask: np.ndarray, value: Callable[[int], str] | None = None
    ) -> list[Message]:
        """Up to three example rows, each with the value when ``value(row_index)`` gives one."""
        out: list[Message] = []
        for i in np.flatnonzero(mask)[:MAX_EXAMPLES]:
            row = int(self.table.rows[i])
            if value is None:
                out.append(Message("validation.example.row", {"row": row}))
            else:
                out.append(
                    Message("validation.example.value", {"row": row, "value": value(int(i))})
                )
        return out

    def in_order(self) -> list[Finding]:
        """Errors first, then by kind, by the programme's field order, by the first row."""
        return sorted(self.found, key=self._sort_key)

    def _sort_key(self, finding: Finding) -> tuple[int, int, int, int]:
        return (
            0 if finding.severity is Severity.ERROR else 1,
            _CODE_ORDER[finding.code],
            self.field_order.get(finding.field or "", len(self.field_order)),
            finding.rows[0] if finding.rows else 0,
        )


def rows_count(count: int) -> Message:
    return Message(
        "validation.rows.one" if count == 1 else "validation.rows.many", {"count": count}
    )


def row_list(excel_rows: np.ndarray | Sequence[int]) -> Message:
    """ "rijen 4, 9, 12" in a message; a long list is cut (see :func:`row_numbers`)."""
    key = "validation.row-list.one" if len(excel_rows) == 1 else "validation.row-list.many"
    return Message(key, {"rows": row_numbers(excel_rows)})


def row_numbers(
    excel_rows: np.ndarray | Sequence[int], limit: int | None = MAX_LISTED_ROWS
) -> Message:
    """Excel row numbers, at most ``limit`` of them, then "en nog 212" (None: all of them)."""
    numbers = [int(r) for r in excel_rows]
    shown = ", ".join(str(r) for r in (numbers if limit is None else numbers[:limit]))
    if limit is None or len(numbers) <= limit:
        return Message("validation.row-numbers.all", {"rows": shown})
    return Message("validation.row-numbers.more", {"rows": shown, "count": len(numbers) - limit})


def column_message(source: Source) -> Message:
    return Message("validation.column", {"letter": source.letter, "header": source.header})


def display(field: EmployeeField, text: str) -> str:
    """A source value as it may appear in a message: identifiers masked, long text cut."""
    if field.type in IDENTIFIER_TYPES or field.id == PERSONNEL_NUMBER:
        return mask_identifier(text)
    return safe_text(text)


def date_message(value: datetime.date) -> Message:
    return Message(
        "validation.calendar-date",
        {"day": f"{value.day:02d}", "month": f"{value.month:02d}", "year": f"{value.year:04d}"},
    )


def safe_text(text: str, limit: int = 40) -> str:
    """A source value fit for a message. Anything that may be an identifier typed in the wrong
    column is masked: 9 or more digits, or 7-8 digits that make a valid BSN once padded. Long
    text is cut."""
    value = str(text).strip()
    digits = sum(ch.isdigit() for ch in value)
    if _DATE_LIKE.fullmatch(value):
        pass  # 31-02-1980 is a (wrong) date, whatever its digits happen to add up to
    elif digits >= 9 or (digits >= 7 and check_bsn(value).valid):
        value = mask_identifier(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"
