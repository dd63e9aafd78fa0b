"""The checks of whole rows and the typed table: blank and total rows, rows outside the population
at the peildatum, the same person (or personnel number) on more than one row."""

from __future__ import annotations

import datetime
from typing import Any

import numpy as np
import pandas as pd

from desktop_app.intake.model import RawTable
from desktop_app.profiles.model import IdentificationKey, Programme
from desktop_app.validation import persons
from desktop_app.validation.fields import IDENTIFIER_TYPES, Factorised, FieldValues
from desktop_app.validation.findings import (
    BREAKDOWN_PREFIX,
    EMPLOYMENT_TYPE,
    END_DATE,
    PERSONNEL_NUMBER,
    START_DATE,
    Findings,
    Source,
    column_message,
    date_message,
    display,
    row_list,
    rows_count,
)
from desktop_app.validation.model import Code, Severity
from desktop_app.validation.rows import RowKinds


def row_findings(found: Findings, kinds: RowKinds, data: np.ndarray) -> None:
    blank = kinds.blank & ~kinds.trailing_blank
    if blank.any():
        found.add(
            Severity.WARNING,
            Code.BLANK_ROW,
            None,
            found.excel_rows(blank),
            "validation.blank-row",
            plural=int(blank.sum()),
            rows=rows_count(int(blank.sum())),
            list=row_list(found.excel_rows(blank)),
        )
    if kinds.total.any():
        found.add(
            Severity.WARNING,
            Code.TOTAL_ROW,
            None,
            found.excel_rows(kinds.total),
            "validation.total-row",
            plural=int(kinds.total.sum()),
            rows=rows_count(int(kinds.total.sum())),
            list=row_list(found.excel_rows(kinds.total)),
        )


def population_findings(
    found: Findings,
    peildatum: datetime.date,
    outside: dict[str, np.ndarray],
    values: dict[str, FieldValues],
) -> None:
    peildatum_message = date_message(peildatum)
    for kind, mask in outside.items():
        params: dict[str, Any] = {
            "rows": rows_count(int(mask.sum())),
            "examples": found.examples(mask),
            "peildatum": peildatum_message,
        }
        field_id = {
            persons.NOT_STARTED: START_DATE,
            persons.LEFT: END_DATE,
            persons.LEFT_BEFORE_PERIOD: END_DATE,
            persons.EXCLUDED_TYPE: EMPLOYMENT_TYPE,
        }[kind]
        if kind == persons.LEFT_BEFORE_PERIOD:
            params["since"] = date_message(persons.leavers_period_start(peildatum))
        if kind == persons.EXCLUDED_TYPE:
            field = values[EMPLOYMENT_TYPE].field
            present = set(pd.unique(values[EMPLOYMENT_TYPE].values()[mask]))
            params["types"] = [c.label for c in field.codes if c.code in present]
            params["field"] = field.label
        found.add(
            Severity.WARNING,
            Code.OUTSIDE_POPULATION,
            field_id,
            found.excel_rows(mask),
            f"validation.population.{kind}",
            letter=values[field_id].column,
            plural=int(mask.sum()),
            **params,
        )


def duplicate_findings(  # noqa: PLR0917 - as the method it was
    found: Findings,
    programme: Programme,
    values: dict[str, FieldValues],
    mapped: dict[str, Source],
    key: IdentificationKey | None,
    scope: np.ndarray,
) -> None:
    job_counting = programme.counting_unit == "job"
    if key is not None:
        single = len(key.fields) == 1 and values[key.fields[0]].field.type in IDENTIFIER_TYPES
        if single:
            fv = values[key.fields[0]]
            severity = Severity.WARNING if job_counting else Severity.ERROR
            _duplicates_of_field(found, fv, mapped[fv.field.id], scope, severity)
        else:
            parts = [persons.value_codes(values[f].typed, values[f].codes) for f in key.fields]
            parts += [
                persons.value_codes(values[f].typed, values[f].codes, keep_missing=True)
                for f in key.optional_fields
                if f in values
            ]
            combined = persons.combine_codes(parts)
            for group in persons.duplicate_groups(combined, scope):
                excel_rows = found.table.rows[group]
                found.add(
                    Severity.WARNING,
                    Code.DUPLICATE_PERSON,
                    None,
                    excel_rows,
                    "validation.duplicate.key",
                    list=row_list(excel_rows),
                    key=key.label,
                    fields=[values[f].field.label for f in key.fields],
                )
    in_key = set(key.fields) if key is not None else set()
    if PERSONNEL_NUMBER in values and PERSONNEL_NUMBER not in in_key:
        fv = values[PERSONNEL_NUMBER]
        _duplicates_of_field(found, fv, mapped[PERSONNEL_NUMBER], scope, Severity.WARNING)


def _duplicates_of_field(
    found: Findings, fv: FieldValues, source: Source, scope: np.ndarray, severity: Severity
) -> None:
    present = fv.values()[scope]
    present = present[np.not_equal(present, None)]  # type: ignore[call-overload]  # numpy's stubs reject None, a valid object-array operand
    if len(set(present)) == len(present):  # the usual case, and cheaper than hashing twice
        return
    groups = persons.duplicate_groups(persons.value_codes(fv.typed, fv.codes), scope)
    message_key_ = (
        "validation.duplicate.identifier"
        if fv.field.type in IDENTIFIER_TYPES
        else "validation.duplicate.value"
    )
    for group in groups:
        excel_rows = found.table.rows[group]
        value = fv.typed[fv.codes[group[0]]]
        found.add(
            severity,
            Code.DUPLICATE_PERSON,
            fv.field.id,
            excel_rows,
            message_key_,
            letter=source.letter,
            list=row_list(excel_rows),
            field=fv.field.label,
            column_name=column_message(source),
            value=display(fv.field, str(value)),
        )


def typed_table(
    table: RawTable,
    programme: Programme,
    values: dict[str, FieldValues],
    breakdowns: list[Source],
    factorised: dict[int, Factorised],
) -> pd.DataFrame:
    index = pd.Index(np.asarray(table.rows, dtype=np.int64), name="row")
    columns: dict[str, pd.Series] = {}
    for field in programme.employee_fields:
        if field.id in values:
            columns[field.id] = values[field.id].series(index)
    for source in breakdowns:
        f = factorised[source.index]
        text = np.where(f.empty, None, f.uniques).astype(object)  # type: ignore[call-overload]  # numpy's stubs reject None, a valid object-array operand
        columns[BREAKDOWN_PREFIX + source.header] = pd.Series(
            text[f.codes], index=index, dtype=object
        )
    return pd.DataFrame(columns, index=index)
