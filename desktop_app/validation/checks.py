"""The checks of the mapping and of each mapped column: required fields and the identification
key mapped, empty cells, values that do not fit the field's type, codes the programme does not
know, implausible and contradictory dates, the order of text dates."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import numpy as np

from desktop_app.messages import LocalizedText, Message
from desktop_app.profiles.model import (
    CodeValue,
    EmployeeField,
    FieldType,
    IdentificationKey,
    Programme,
)
from desktop_app.validation.dates import age_at
from desktop_app.validation.fields import Factorised, FieldValues, message_key, problem_code
from desktop_app.validation.findings import (
    BIRTH_DATE,
    BREAKDOWN_PREFIX,
    END_DATE,
    MAX_LISTED_VALUES,
    START_DATE,
    Findings,
    Source,
    column_message,
    date_message,
    display,
    rows_count,
)
from desktop_app.validation.identifier_types import identifier_type
from desktop_app.validation.local import MAPPING_STEP, MAPPING_VALUES_SECTION
from desktop_app.validation.model import Code, Severity

# Problem kinds that are warnings; every other problem is an error.
_WARNING_KINDS = frozenset({"age-low", "age-high"})


def check_mapping(
    found: Findings,
    programme: Programme,
    fields_by_id: dict[str, EmployeeField],
    mapped: dict[str, Source],
) -> IdentificationKey | None:
    for field in programme.employee_fields:
        if field.required and field.id not in mapped:
            found.add(
                Severity.ERROR,
                Code.UNMAPPED_FIELD,
                field.id,
                (),
                "validation.unmapped.field",
                field=field.label,
                step=Message(MAPPING_STEP),
            )
    keys = programme.identification_keys
    for key in keys:
        if all(f in mapped for f in key.fields):
            return key
    if keys:
        alternatives = [
            Message(
                "validation.unmapped.key-alternative",
                {
                    "key": key.label,
                    "missing": [
                        fields_by_id[f].label if f in fields_by_id else f
                        for f in key.fields
                        if f not in mapped
                    ],
                },
            )
            for key in keys
        ]
        found.add(
            Severity.ERROR,
            Code.UNMAPPED_FIELD,
            None,
            (),
            "validation.unmapped.key",
            alternatives=alternatives,
            step=Message(MAPPING_STEP),
        )
    return None


def field_findings(  # noqa: PLR0917 - as the method it was
    found: Findings,
    programme: Programme,
    values: dict[str, FieldValues],
    mapped: dict[str, Source],
    key: IdentificationKey | None,
    scope: np.ndarray,
) -> None:
    for field_id, fv in values.items():
        field = fv.field
        source = mapped[field_id]
        column = column_message(source)
        empty = fv.empty_rows() & scope
        in_key = key is not None and field_id in key.fields
        if empty.any():
            _missing(found, programme, field, source, empty, key, in_key=in_key)
        for kind, kind_rows in fv.problem_rows().items():
            mask = kind_rows & scope
            if not mask.any():
                continue
            code = problem_code(field.type, kind)
            params: dict[str, Any] = {
                "field": field.label,
                "column": column,
                "rows": rows_count(int(mask.sum())),
                "examples": found.examples(
                    mask,
                    None if code is Code.UNKNOWN_CODE else _shown_value(fv),
                ),
            }
            identifier = identifier_type(field.type)
            title_params: dict[str, object] = {}
            if identifier is not None:
                title_params["name"] = Message(identifier.short_key)
                params["name"] = Message(identifier.name_key)
                params["expected"] = Message(identifier.shape_key)
                params["check"] = Message(identifier.check_key)
            if code is Code.UNKNOWN_CODE:
                params["values"] = _unknown_values(fv, mask)
                params["codes"] = [_code_with_label(c) for c in field.codes]
                params["step"] = Message(MAPPING_STEP)
                params["values_section"] = Message(MAPPING_VALUES_SECTION)
            found.add(
                Severity.ERROR,
                code,
                field_id,
                found.excel_rows(mask),
                message_key(field.type, kind),
                letter=source.letter,
                title_params=title_params,
                **params,
            )


def _missing(  # noqa: PLR0917 - as the method it was
    found: Findings,
    programme: Programme,
    field: EmployeeField,
    source: Source,
    empty: np.ndarray,
    key: IdentificationKey | None,
    *,
    in_key: bool,
) -> None:
    """Empty cells: an error for a required field or a field of the key in use; a warning for
    a field of another key alternative (the record is incomplete, matching is not at stake)."""
    other_key = any(field.id in k.fields for k in programme.identification_keys)
    if field.required or in_key:
        severity = Severity.ERROR
        template = "validation.missing.key" if in_key else "validation.missing.required"
    elif other_key:
        severity = Severity.WARNING
        template = "validation.missing.other-key"
    else:
        return
    found.add(
        severity,
        Code.MISSING_VALUE,
        field.id,
        found.excel_rows(empty),
        template,
        letter=source.letter,
        field=field.label,
        column=column_message(source),
        rows=rows_count(int(empty.sum())),
        examples=found.examples(empty),
        key=key.label if key is not None else "-",
        step=Message(MAPPING_STEP),
    )


def _unknown_values(fv: FieldValues, mask: np.ndarray) -> str:
    codes = fv.codes[mask]
    counts = np.bincount(codes, minlength=len(fv.source.uniques))
    present = np.flatnonzero(counts)
    order = present[np.lexsort((present, -counts[present]))]
    shown = [f"‘{display(fv.field, fv.source.uniques[u])}’" for u in order]
    text = ", ".join(shown[:MAX_LISTED_VALUES])
    if len(shown) > MAX_LISTED_VALUES:
        text += f", … (+{len(shown) - MAX_LISTED_VALUES})"
    return text


def breakdown_findings(
    found: Findings, breakdowns: list[Source], factorised: dict[int, Factorised], scope: np.ndarray
) -> None:
    for source in breakdowns:
        empty = factorised[source.index].empty_rows() & scope
        if empty.any():
            found.add(
                Severity.WARNING,
                Code.MISSING_VALUE,
                BREAKDOWN_PREFIX + source.header,
                found.excel_rows(empty),
                "validation.missing.breakdown",
                letter=source.letter,
                column_name=column_message(source),
                rows=rows_count(int(empty.sum())),
                examples=found.examples(empty),
            )


def date_findings(  # noqa: PLR0917 - as the method it was
    found: Findings,
    programme: Programme,
    peildatum: datetime.date,
    values: dict[str, FieldValues],
    mapped: dict[str, Source],
    rows_of: dict[str, np.ndarray],
    scope: np.ndarray,
    data: np.ndarray,
) -> None:
    """Ages are checked for the population; contradictory dates on every data row, since
    they also decide who belongs to the population."""
    birth = rows_of.get(BIRTH_DATE) if is_date(values.get(BIRTH_DATE)) else None
    start = rows_of.get(START_DATE) if is_date(values.get(START_DATE)) else None
    end = rows_of.get(END_DATE) if is_date(values.get(END_DATE)) else None
    thresholds = programme.thresholds
    peildatum_message = date_message(peildatum)
    if birth is not None:
        source = mapped[BIRTH_DATE]
        age = age_at(birth, peildatum)
        checks = (
            ("birth-after-peildatum", age < 0),
            ("age-low", (age >= 0) & (age < thresholds.min_age)),
            ("age-high", age > thresholds.max_age),
        )
        for kind, mask in checks:
            _implausible(
                found,
                kind,
                BIRTH_DATE,
                mask & scope,
                source,
                peildatum=peildatum_message,
                min_age=thresholds.min_age,
                max_age=thresholds.max_age,
                field=values[BIRTH_DATE].field.label,
            )
    if start is not None and end is not None:
        mask = ~np.isnat(start) & ~np.isnat(end) & (start > end) & data
        _implausible(
            found,
            "start-after-end",
            START_DATE,
            mask,
            mapped[START_DATE],
            other=column_message(mapped[END_DATE]),
            field=values[START_DATE].field.label,
            other_field=values[END_DATE].field.label,
        )
    if birth is not None and start is not None:
        mask = ~np.isnat(birth) & ~np.isnat(start) & (birth > start) & data
        _implausible(
            found,
            "birth-after-start",
            BIRTH_DATE,
            mask,
            mapped[BIRTH_DATE],
            other=column_message(mapped[START_DATE]),
            field=values[BIRTH_DATE].field.label,
            other_field=values[START_DATE].field.label,
        )


def date_order(
    found: Findings, values: dict[str, FieldValues], mapped: dict[str, Source]
) -> list[Message]:
    """How each column of text dates such as 03-04-1965 was read (day or month first): a
    note, or an error when the column holds dates that can only be read day first and dates
    that can only be read month first. Every row counts, as for the reading itself (a total
    row's date was written by the same system). Only row numbers are named, never a date."""
    notes: list[Message] = []
    seen: set[int] = set()
    for field_id, fv in values.items():
        order = fv.date_order
        source = mapped[field_id]
        if order is None or source.index in seen:
            continue
        seen.add(source.index)
        day_first = order.day_first_only[fv.codes]
        month_first = order.month_first_only[fv.codes]
        both_ways = order.both_ways[fv.codes]
        column = column_message(source)
        if day_first.any() and month_first.any():
            found.add(
                Severity.ERROR,
                Code.INVALID_DATE,
                field_id,
                found.excel_rows(day_first | month_first),
                "validation.date.mixed-order",
                letter=source.letter,
                column=column,
                day_rows=rows_count(int(day_first.sum())),
                day_examples=found.examples(day_first),
                month_rows=rows_count(int(month_first.sum())),
                month_examples=found.examples(month_first),
            )
        elif month_first.any() or day_first.any():
            told = month_first if month_first.any() else day_first
            notes.append(
                Message(
                    f"validation.date-order.{order.order}",
                    {
                        "column": column,
                        "rows": rows_count(int(told.sum())),
                        "examples": found.examples(told),
                    },
                )
            )
        elif both_ways.any():
            notes.append(
                Message(
                    "validation.date-order.both-ways",
                    {"column": column, "rows": rows_count(int(both_ways.sum()))},
                )
            )
    return notes


def _shown_value(fv: FieldValues) -> Callable[[int], str]:
    """The source value of a row of ``fv`` as a message may show it."""
    return lambda i: display(fv.field, fv.raw_value(i))


def _implausible(
    found: Findings, kind: str, field_id: str, mask: np.ndarray, source: Source, **params: Any
) -> None:
    if not mask.any():
        return
    severity = Severity.WARNING if kind in _WARNING_KINDS else Severity.ERROR
    found.add(
        severity,
        Code.IMPLAUSIBLE_DATE,
        field_id,
        found.excel_rows(mask),
        f"validation.implausible.{kind}",
        letter=source.letter,
        column_name=column_message(source),
        rows=rows_count(int(mask.sum())),
        examples=found.examples(mask),
        **params,
    )


def is_date(fv: FieldValues | None) -> bool:
    return fv is not None and fv.field.type is FieldType.DATE


def _code_with_label(code: CodeValue) -> LocalizedText:
    """``part-time (Deeltijds)``: the code the file must hold, with what it means in the reader's
    language; a label that starts with the code already says both (``X (other / not specified)``)."""

    def shown(label: str) -> str:
        label = label.strip()
        words = label.casefold().split()
        if label.casefold() == code.code.casefold() or (words and words[0] == code.code.casefold()):
            return label
        return f"{code.code} ({label})"

    return LocalizedText({language: shown(label) for language, label in code.label.texts.items()})
