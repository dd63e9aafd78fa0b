"""The public entry point: :func:`validate` a mapped table against a programme at a peildatum."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping as AbcMapping
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from desktop_app.errors import MappingError
from desktop_app.intake.model import RawTable
from desktop_app.mapping.model import Mapping
from desktop_app.messages import Message
from desktop_app.profiles.model import (
    EmployeeField,
    FieldRole,
    FieldType,
    IdentificationKey,
    Programme,
)
from desktop_app.validation import persons
from desktop_app.validation.dates import age_at
from desktop_app.validation.fields import (
    IDENTIFIER_TYPES,
    Factorised,
    FieldValues,
    message_key,
    problem_code,
)
from desktop_app.validation.identifier_types import identifier_type
from desktop_app.validation.identifiers import check_bsn, mask_identifier
from desktop_app.validation.model import Code, Finding, Severity, ValidationResult
from desktop_app.validation.rows import classify_rows

BIRTH_DATE = "birth_date"
START_DATE = "start_date"
END_DATE = "end_date"
EMPLOYMENT_TYPE = "employment_type"
PERSONNEL_NUMBER = "personnel_number"
BREAKDOWN_PREFIX = "breakdown:"

MAX_EXAMPLES = 3
MAX_LISTED_VALUES = 10
MAX_LISTED_ROWS = 20

# Problem kinds that are warnings; every other problem is an error.
_WARNING_KINDS = frozenset({"age-low", "age-high"})
_DATE_LIKE = re.compile(r"\d{1,2}([-/.])\d{1,2}\1\d{4}|\d{4}([-/.])\d{1,2}\2\d{1,2}")
_CODE_ORDER = {code: position for position, code in enumerate(Code)}


def validate(
    table: RawTable,
    programme: Programme,
    mapping: Mapping,
    peildatum: datetime.date,
    population: AbcMapping[str, bool] | None = None,
) -> ValidationResult:
    """Check the mapped employee rows of ``table`` for ``programme`` at ``peildatum``.

    ``population`` holds the officer's population choices (``externals``, ``interns``, ``leavers``);
    missing ones take the profile's default. Raises :class:`MappingError` when the mapping names a
    header the table does not have. Everything else is reported as findings.
    """
    return _Validation(table, programme, mapping, peildatum, population).run()


@dataclass(frozen=True)
class _Source:
    index: int
    header: str
    letter: str


class _Validation:
    def __init__(
        self,
        table: RawTable,
        programme: Programme,
        mapping: Mapping,
        peildatum: datetime.date,
        population: AbcMapping[str, bool] | None,
    ) -> None:
        self.table = table
        self.programme = programme
        self.mapping = mapping
        self.peildatum = peildatum
        self.options = persons.population_options(programme, population)
        self.findings: list[Finding] = []
        self.n = table.n_rows
        self.field_order = {f.id: i for i, f in enumerate(programme.employee_fields)}

    # --- helpers -------------------------------------------------------------------------------

    def _source(self, header: str, what: str) -> _Source:
        try:
            j = self.table.column_index(header)
        except ValueError:
            raise MappingError(
                "validation.mapping-header-missing",
                location=self.table.location(),
                header=header,
                field=what,
            ) from None
        return _Source(j, header, self.table.column_letters[j])

    def _add(  # noqa: PLR0917 - every finding is built with the same positional shape
        self,
        severity: Severity,
        code: Code,
        field_id: str | None,
        excel_rows: np.ndarray | Sequence[int],
        template: str,
        letter: str | None = None,
        **params,
    ) -> None:
        at = tuple(int(r) for r in np.sort(np.asarray(excel_rows, dtype=np.int64)))
        self.findings.append(
            Finding(severity, code, field_id, at, Message(template, params), column=letter)
        )

    def _excel_rows(self, mask: np.ndarray) -> np.ndarray:
        return self.table.rows[mask]

    @staticmethod
    def _rows_count(count: int) -> Message:
        return Message(
            "validation.rows.one" if count == 1 else "validation.rows.many", {"count": count}
        )

    @staticmethod
    def _row_list(excel_rows: np.ndarray) -> Message:
        shown = ", ".join(str(int(r)) for r in excel_rows[:MAX_LISTED_ROWS])
        if len(excel_rows) > MAX_LISTED_ROWS:
            shown += f", … (+{len(excel_rows) - MAX_LISTED_ROWS})"
        key = "validation.row-list.one" if len(excel_rows) == 1 else "validation.row-list.many"
        return Message(key, {"rows": shown})

    def _examples(self, mask: np.ndarray, value=None) -> list[Message]:
        """Up to three example rows, each with the value when ``value(row_index)`` gives one."""
        out = []
        for i in np.flatnonzero(mask)[:MAX_EXAMPLES]:
            row = int(self.table.rows[i])
            if value is None:
                out.append(Message("validation.example.row", {"row": row}))
            else:
                out.append(Message("validation.example.value", {"row": row, "value": value(i)}))
        return out

    @staticmethod
    def _column(source: _Source) -> Message:
        return Message("validation.column", {"letter": source.letter, "header": source.header})

    # --- the run -------------------------------------------------------------------------------

    def run(self) -> ValidationResult:
        table, programme = self.table, self.programme
        fields_by_id = {f.id: f for f in programme.employee_fields}
        mapped: dict[str, _Source] = {}
        for field_id, header in self.mapping.fields.items():
            if field_id in fields_by_id:
                mapped[field_id] = self._source(header, field_id)
        breakdowns = [  # a derived breakdown (age band, ...) has no column: packaging derives it
            self._source(b.header, BREAKDOWN_PREFIX + b.header)
            for b in self.mapping.breakdowns
            if not b.is_derived
        ]

        key = self._check_mapping(fields_by_id, mapped)

        factorised: dict[int, Factorised] = {}
        for source in [*mapped.values(), *breakdowns]:
            if source.index not in factorised:
                factorised[source.index] = Factorised.of(table.columns[source.index])

        identifier_columns = sorted(
            {
                mapped[f].index
                for f in mapped
                if fields_by_id[f].role is FieldRole.IDENTIFIER
                or (key is not None and f in key.fields)
            }
        )
        kinds = classify_rows(
            table,
            {j: f.empty_rows() for j, f in factorised.items()},
            identifier_columns,
        )
        data = kinds.data

        values = {
            field_id: FieldValues.build(
                fields_by_id[field_id],
                source.header,
                source.letter,
                factorised[source.index],
                date_system=table.date_system,
                value_map=self.mapping.value_maps.get(field_id),
            )
            for field_id, source in mapped.items()
        }
        rows_of = {field_id: v.values() for field_id, v in values.items()}

        outside = persons.outside_population(
            self.n,
            self.peildatum,
            self.options,
            start=rows_of.get(START_DATE) if _is_date(values.get(START_DATE)) else None,
            end=rows_of.get(END_DATE) if _is_date(values.get(END_DATE)) else None,
            employment_type=rows_of.get(EMPLOYMENT_TYPE),
        )
        excluded = np.zeros(self.n, dtype=bool)
        for mask in outside.values():
            excluded |= mask
        scope = data & ~excluded

        self._row_findings(kinds, data)
        self._field_findings(values, mapped, key, scope)
        self._breakdown_findings(breakdowns, factorised, scope)
        self._date_findings(values, mapped, rows_of, scope, data)
        notes = self._date_order(values, mapped)
        self._population_findings(outside, values)
        self._duplicate_findings(values, mapped, key, scope)
        if not data.any():
            self._add(Severity.ERROR, Code.NO_DATA, None, (), "validation.no-data.empty")
        elif not scope.any():
            self._add(
                Severity.ERROR,
                Code.NO_DATA,
                None,
                (),
                "validation.no-data.population",
                count=self._rows_count(int(data.sum())),
                peildatum=_date_message(self.peildatum),
            )

        records = self._records(values, breakdowns, factorised)
        findings = sorted(self.findings, key=self._sort_key)
        return ValidationResult(
            findings=tuple(findings),
            records=records,
            included=scope.copy(),
            identification_key=key.id if key is not None else None,
            notes=tuple(notes),
        )

    def _sort_key(self, finding: Finding):
        return (
            0 if finding.severity is Severity.ERROR else 1,
            _CODE_ORDER[finding.code],
            self.field_order.get(finding.field or "", len(self.field_order)),
            finding.rows[0] if finding.rows else 0,
        )

    # --- mapping -------------------------------------------------------------------------------

    def _check_mapping(
        self, fields_by_id: dict[str, EmployeeField], mapped: dict[str, _Source]
    ) -> IdentificationKey | None:
        for field in self.programme.employee_fields:
            if field.required and field.id not in mapped:
                self._add(
                    Severity.ERROR,
                    Code.UNMAPPED_FIELD,
                    field.id,
                    (),
                    "validation.unmapped.field",
                    field=field.label,
                )
        keys = self.programme.identification_keys
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
            self._add(
                Severity.ERROR,
                Code.UNMAPPED_FIELD,
                None,
                (),
                "validation.unmapped.key",
                alternatives=alternatives,
            )
        return None

    # --- rows ----------------------------------------------------------------------------------

    def _row_findings(self, kinds, data: np.ndarray) -> None:
        blank = kinds.blank & ~kinds.trailing_blank
        if blank.any():
            self._add(
                Severity.WARNING,
                Code.BLANK_ROW,
                None,
                self._excel_rows(blank),
                "validation.blank-row",
                rows=self._rows_count(int(blank.sum())),
                list=self._row_list(self._excel_rows(blank)),
            )
        if kinds.total.any():
            self._add(
                Severity.WARNING,
                Code.TOTAL_ROW,
                None,
                self._excel_rows(kinds.total),
                "validation.total-row",
                rows=self._rows_count(int(kinds.total.sum())),
                list=self._row_list(self._excel_rows(kinds.total)),
            )

    # --- fields --------------------------------------------------------------------------------

    def _display(self, field: EmployeeField, text: str) -> str:
        """A source value as it may appear in a message: identifiers masked, long text cut."""
        if field.type in IDENTIFIER_TYPES or field.id == PERSONNEL_NUMBER:
            return mask_identifier(text)
        return safe_text(text)

    def _field_findings(
        self,
        values: dict[str, FieldValues],
        mapped: dict[str, _Source],
        key: IdentificationKey | None,
        scope: np.ndarray,
    ) -> None:
        for field_id, fv in values.items():
            field = fv.field
            source = mapped[field_id]
            column = self._column(source)
            empty = fv.empty_rows() & scope
            in_key = key is not None and field_id in key.fields
            if empty.any():
                self._missing(field, source, empty, key, in_key=in_key)
            for kind, kind_rows in fv.problem_rows().items():
                mask = kind_rows & scope
                if not mask.any():
                    continue
                code = problem_code(field.type, kind)
                params = {
                    "field": field.label,
                    "column": column,
                    "rows": self._rows_count(int(mask.sum())),
                    "examples": self._examples(
                        mask,
                        None
                        if code is Code.UNKNOWN_CODE
                        else (lambda i, fv=fv, field=field: self._display(field, fv.raw_value(i))),
                    ),
                }
                identifier = identifier_type(field.type)
                if identifier is not None:
                    params["name"] = Message(identifier.name_key)
                    params["expected"] = Message(identifier.shape_key)
                    params["check"] = Message(identifier.check_key)
                if code is Code.UNKNOWN_CODE:
                    params["values"] = self._unknown_values(fv, mask)
                    params["codes"] = ", ".join(c.code for c in field.codes)
                self._add(
                    Severity.ERROR,
                    code,
                    field_id,
                    self._excel_rows(mask),
                    message_key(field.type, kind),
                    letter=source.letter,
                    **params,
                )

    def _missing(
        self,
        field: EmployeeField,
        source: _Source,
        empty: np.ndarray,
        key: IdentificationKey | None,
        *,
        in_key: bool,
    ) -> None:
        """Empty cells: an error for a required field or a field of the key in use; a warning for
        a field of another key alternative (the record is incomplete, matching is not at stake)."""
        other_key = any(field.id in k.fields for k in self.programme.identification_keys)
        if field.required or in_key:
            severity = Severity.ERROR
            template = "validation.missing.key" if in_key else "validation.missing.required"
        elif other_key:
            severity = Severity.WARNING
            template = "validation.missing.other-key"
        else:
            return
        self._add(
            severity,
            Code.MISSING_VALUE,
            field.id,
            self._excel_rows(empty),
            template,
            letter=source.letter,
            field=field.label,
            column=self._column(source),
            rows=self._rows_count(int(empty.sum())),
            examples=self._examples(empty),
            key=key.label if key is not None else "-",
        )

    def _unknown_values(self, fv: FieldValues, mask: np.ndarray) -> str:
        codes = fv.codes[mask]
        counts = np.bincount(codes, minlength=len(fv.source.uniques))
        present = np.flatnonzero(counts)
        order = present[np.lexsort((present, -counts[present]))]
        shown = [f"‘{self._display(fv.field, fv.source.uniques[u])}’" for u in order]
        text = ", ".join(shown[:MAX_LISTED_VALUES])
        if len(shown) > MAX_LISTED_VALUES:
            text += f", … (+{len(shown) - MAX_LISTED_VALUES})"
        return text

    def _breakdown_findings(
        self, breakdowns: list[_Source], factorised: dict[int, Factorised], scope: np.ndarray
    ) -> None:
        for source in breakdowns:
            empty = factorised[source.index].empty_rows() & scope
            if empty.any():
                self._add(
                    Severity.WARNING,
                    Code.MISSING_VALUE,
                    BREAKDOWN_PREFIX + source.header,
                    self._excel_rows(empty),
                    "validation.missing.breakdown",
                    letter=source.letter,
                    column_name=self._column(source),
                    rows=self._rows_count(int(empty.sum())),
                    examples=self._examples(empty),
                )

    # --- dates ---------------------------------------------------------------------------------

    def _date_findings(
        self,
        values: dict[str, FieldValues],
        mapped: dict[str, _Source],
        rows_of: dict[str, np.ndarray],
        scope: np.ndarray,
        data: np.ndarray,
    ) -> None:
        """Ages are checked for the population; contradictory dates on every data row, since
        they also decide who belongs to the population."""
        birth = rows_of.get(BIRTH_DATE) if _is_date(values.get(BIRTH_DATE)) else None
        start = rows_of.get(START_DATE) if _is_date(values.get(START_DATE)) else None
        end = rows_of.get(END_DATE) if _is_date(values.get(END_DATE)) else None
        thresholds = self.programme.thresholds
        peildatum = _date_message(self.peildatum)
        if birth is not None:
            source = mapped[BIRTH_DATE]
            age = age_at(birth, self.peildatum)
            checks = (
                ("birth-after-peildatum", age < 0),
                ("age-low", (age >= 0) & (age < thresholds.min_age)),
                ("age-high", age > thresholds.max_age),
            )
            for kind, mask in checks:
                self._implausible(
                    kind,
                    BIRTH_DATE,
                    mask & scope,
                    source,
                    peildatum=peildatum,
                    min_age=thresholds.min_age,
                    max_age=thresholds.max_age,
                    field=values[BIRTH_DATE].field.label,
                )
        if start is not None and end is not None:
            mask = ~np.isnat(start) & ~np.isnat(end) & (start > end) & data
            self._implausible(
                "start-after-end",
                START_DATE,
                mask,
                mapped[START_DATE],
                other=self._column(mapped[END_DATE]),
                field=values[START_DATE].field.label,
                other_field=values[END_DATE].field.label,
            )
        if birth is not None and start is not None:
            mask = ~np.isnat(birth) & ~np.isnat(start) & (birth > start) & data
            self._implausible(
                "birth-after-start",
                BIRTH_DATE,
                mask,
                mapped[BIRTH_DATE],
                other=self._column(mapped[START_DATE]),
                field=values[BIRTH_DATE].field.label,
                other_field=values[START_DATE].field.label,
            )

    def _date_order(
        self, values: dict[str, FieldValues], mapped: dict[str, _Source]
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
            column = self._column(source)
            if day_first.any() and month_first.any():
                self._add(
                    Severity.ERROR,
                    Code.INVALID_DATE,
                    field_id,
                    self._excel_rows(day_first | month_first),
                    "validation.date.mixed-order",
                    letter=source.letter,
                    column=column,
                    day_rows=self._rows_count(int(day_first.sum())),
                    day_examples=self._examples(day_first),
                    month_rows=self._rows_count(int(month_first.sum())),
                    month_examples=self._examples(month_first),
                )
            elif month_first.any() or day_first.any():
                told = month_first if month_first.any() else day_first
                notes.append(
                    Message(
                        f"validation.date-order.{order.order}",
                        {
                            "column": column,
                            "rows": self._rows_count(int(told.sum())),
                            "examples": self._examples(told),
                        },
                    )
                )
            elif both_ways.any():
                notes.append(
                    Message(
                        "validation.date-order.both-ways",
                        {"column": column, "rows": self._rows_count(int(both_ways.sum()))},
                    )
                )
        return notes

    def _implausible(
        self, kind: str, field_id: str, mask: np.ndarray, source: _Source, **params
    ) -> None:
        if not mask.any():
            return
        severity = Severity.WARNING if kind in _WARNING_KINDS else Severity.ERROR
        self._add(
            severity,
            Code.IMPLAUSIBLE_DATE,
            field_id,
            self._excel_rows(mask),
            f"validation.implausible.{kind}",
            letter=source.letter,
            column_name=self._column(source),
            rows=self._rows_count(int(mask.sum())),
            examples=self._examples(mask),
            **params,
        )

    # --- population ----------------------------------------------------------------------------

    def _population_findings(
        self, outside: dict[str, np.ndarray], values: dict[str, FieldValues]
    ) -> None:
        peildatum = _date_message(self.peildatum)
        for kind, mask in outside.items():
            params = {
                "rows": self._rows_count(int(mask.sum())),
                "examples": self._examples(mask),
                "peildatum": peildatum,
            }
            field_id = {
                persons.NOT_STARTED: START_DATE,
                persons.LEFT: END_DATE,
                persons.EXCLUDED_TYPE: EMPLOYMENT_TYPE,
            }[kind]
            if kind == persons.EXCLUDED_TYPE:
                field = values[EMPLOYMENT_TYPE].field
                present = set(pd.unique(values[EMPLOYMENT_TYPE].values()[mask]))
                params["types"] = [c.label for c in field.codes if c.code in present]
                params["field"] = field.label
            self._add(
                Severity.WARNING,
                Code.OUTSIDE_POPULATION,
                field_id,
                self._excel_rows(mask),
                f"validation.population.{kind}",
                letter=values[field_id].column,
                **params,
            )

    # --- duplicates ----------------------------------------------------------------------------

    def _duplicate_findings(
        self,
        values: dict[str, FieldValues],
        mapped: dict[str, _Source],
        key: IdentificationKey | None,
        scope: np.ndarray,
    ) -> None:
        job_counting = self.programme.counting_unit == "job"
        if key is not None:
            single = len(key.fields) == 1 and values[key.fields[0]].field.type in IDENTIFIER_TYPES
            if single:
                fv = values[key.fields[0]]
                severity = Severity.WARNING if job_counting else Severity.ERROR
                self._duplicates_of_field(fv, mapped[fv.field.id], scope, severity)
            else:
                parts = [persons.value_codes(values[f].typed, values[f].codes) for f in key.fields]
                parts += [
                    persons.value_codes(values[f].typed, values[f].codes, keep_missing=True)
                    for f in key.optional_fields
                    if f in values
                ]
                combined = persons.combine_codes(parts)
                for group in persons.duplicate_groups(combined, scope):
                    excel_rows = self.table.rows[group]
                    self._add(
                        Severity.WARNING,
                        Code.DUPLICATE_PERSON,
                        None,
                        excel_rows,
                        "validation.duplicate.key",
                        list=self._row_list(excel_rows),
                        key=key.label,
                        fields=[values[f].field.label for f in key.fields],
                    )
        in_key = set(key.fields) if key is not None else set()
        if PERSONNEL_NUMBER in values and PERSONNEL_NUMBER not in in_key:
            fv = values[PERSONNEL_NUMBER]
            self._duplicates_of_field(fv, mapped[PERSONNEL_NUMBER], scope, Severity.WARNING)

    def _duplicates_of_field(
        self, fv: FieldValues, source: _Source, scope: np.ndarray, severity: Severity
    ) -> None:
        present = fv.values()[scope]
        present = present[np.not_equal(present, None)]
        if len(set(present)) == len(present):  # the usual case, and cheaper than hashing twice
            return
        groups = persons.duplicate_groups(persons.value_codes(fv.typed, fv.codes), scope)
        message_key_ = (
            "validation.duplicate.identifier"
            if fv.field.type in IDENTIFIER_TYPES
            else "validation.duplicate.value"
        )
        for group in groups:
            excel_rows = self.table.rows[group]
            value = fv.typed[fv.codes[group[0]]]
            self._add(
                severity,
                Code.DUPLICATE_PERSON,
                fv.field.id,
                excel_rows,
                message_key_,
                letter=source.letter,
                list=self._row_list(excel_rows),
                field=fv.field.label,
                column_name=self._column(source),
                value=self._display(fv.field, str(value)),
            )

    # --- the typed table -----------------------------------------------------------------------

    def _records(
        self,
        values: dict[str, FieldValues],
        breakdowns: list[_Source],
        factorised: dict[int, Factorised],
    ) -> pd.DataFrame:
        index = pd.Index(np.asarray(self.table.rows, dtype=np.int64), name="row")
        columns: dict[str, pd.Series] = {}
        for field in self.programme.employee_fields:
            if field.id in values:
                columns[field.id] = values[field.id].series(index)
        for source in breakdowns:
            f = factorised[source.index]
            text = np.where(f.empty, None, f.uniques).astype(object)
            columns[BREAKDOWN_PREFIX + source.header] = pd.Series(
                text[f.codes], index=index, dtype=object
            )
        return pd.DataFrame(columns, index=index)


def _is_date(fv: FieldValues | None) -> bool:
    return fv is not None and fv.field.type is FieldType.DATE


def _date_message(value: datetime.date) -> Message:
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
