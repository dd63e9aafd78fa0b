"""The public entry point: :func:`validate` a mapped table against a programme at a peildatum.

The orchestration: the mapped columns are read once (:mod:`~desktop_app.validation.fields`), the
rows classified (:mod:`~desktop_app.validation.rows`), the population decided
(:mod:`~desktop_app.validation.persons`); then the column checks
(:mod:`~desktop_app.validation.checks`) and the row checks
(:mod:`~desktop_app.validation.records`) add their findings
(:mod:`~desktop_app.validation.findings`), and the typed table is built.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping as AbcMapping

import numpy as np

from desktop_app.errors import MappingError
from desktop_app.intake.model import RawTable
from desktop_app.mapping.model import Mapping
from desktop_app.messages import Message
from desktop_app.profiles.model import FieldRole, Programme
from desktop_app.validation import persons
from desktop_app.validation.checks import (
    breakdown_findings,
    check_mapping,
    date_findings,
    date_order,
    field_findings,
    is_date,
)
from desktop_app.validation.fields import Factorised, FieldValues
from desktop_app.validation.findings import (
    BREAKDOWN_PREFIX,
    EMPLOYMENT_TYPE,
    END_DATE,
    START_DATE,
    Findings,
    Source,
    date_message,
    rows_count,
    safe_text,
)
from desktop_app.validation.local import MAPPING_STEP, local_fields, soften_local
from desktop_app.validation.model import Code, Severity, ValidationResult
from desktop_app.validation.records import (
    duplicate_findings,
    population_findings,
    row_findings,
    typed_table,
)
from desktop_app.validation.rows import classify_rows

__all__ = ["safe_text", "validate"]


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
        self.found = Findings(table, {f.id: i for i, f in enumerate(programme.employee_fields)})
        self.n = table.n_rows

    # --- helpers ---------------------------------------------------------------------------------

    def _source(self, header: str, what: str) -> Source:
        try:
            j = self.table.column_index(header)
        except ValueError:
            raise MappingError(
                "validation.mapping-header-missing",
                location=self.table.location(),
                header=header,
                field=what,
                step=Message(MAPPING_STEP),
            ) from None
        return Source(j, header, self.table.column_letters[j])

    # --- the run -------------------------------------------------------------------------------

    def run(self) -> ValidationResult:
        table, programme = self.table, self.programme
        fields_by_id = {f.id: f for f in programme.employee_fields}
        mapped: dict[str, Source] = {}
        for field_id, header in self.mapping.fields.items():
            if field_id in fields_by_id:
                mapped[field_id] = self._source(header, field_id)
        breakdowns = [  # a derived breakdown (age band, ...) has no column: packaging derives it
            self._source(b.header, BREAKDOWN_PREFIX + b.header)
            for b in self.mapping.breakdowns
            if not b.is_derived
        ]

        found = self.found
        key = check_mapping(found, programme, fields_by_id, mapped)

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
            start=rows_of.get(START_DATE) if is_date(values.get(START_DATE)) else None,
            end=rows_of.get(END_DATE) if is_date(values.get(END_DATE)) else None,
            employment_type=rows_of.get(EMPLOYMENT_TYPE),
        )
        excluded = np.zeros(self.n, dtype=bool)
        for mask in outside.values():
            excluded |= mask
        scope = data & ~excluded

        row_findings(found, kinds, data)
        field_findings(found, programme, values, mapped, key, scope)
        breakdown_findings(found, breakdowns, factorised, scope)
        date_findings(found, programme, self.peildatum, values, mapped, rows_of, scope, data)
        notes = date_order(found, values, mapped)
        population_findings(found, self.peildatum, outside, values)
        duplicate_findings(found, programme, values, mapped, key, scope)
        if not data.any():
            found.add(Severity.ERROR, Code.NO_DATA, None, (), "validation.no-data.empty")
        elif not scope.any():
            found.add(
                Severity.ERROR,
                Code.NO_DATA,
                None,
                (),
                "validation.no-data.population",
                count=rows_count(int(data.sum())),
                peildatum=date_message(self.peildatum),
            )

        records = typed_table(table, programme, values, breakdowns, factorised)
        found.found = soften_local(found.found, local_fields(programme, self.mapping, key), key)
        findings = found.in_order()
        return ValidationResult(
            findings=tuple(findings),
            records=records,
            included=scope.copy(),
            identification_key=key.id if key is not None else None,
            notes=tuple(notes),
        )
