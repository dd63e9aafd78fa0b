"""Small factories for validation tests: a CBS-like programme, a KSZ-like one, RawTables, Mappings.

The shipped profiles are data that other people edit; these factories pin down exactly the fields,
codes and keys the validation tests rely on.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping as AbcMapping
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np

from desktop_app.intake.model import RawTable, column_letter
from desktop_app.mapping.model import BreakdownColumn, Mapping
from desktop_app.messages import LANGUAGES, LocalizedText
from desktop_app.profiles.model import (
    Channel,
    CodeValue,
    DeliveryOptions,
    EmployeeField,
    FieldRole,
    FieldType,
    Flow,
    IdentificationKey,
    PopulationOption,
    Programme,
    Protection,
    Thresholds,
)
from desktop_app.validation import Finding, ValidationResult, validate

PEILDATUM = datetime.date(2024, 12, 31)

# Valid BSNs (elfproef) to build rows with; 012345672 loses its zero in Excel.
BSNS = ("123456782", "111222333", "012345672", "987654329", "100000009", "100000010")


def text(nl: str, en: str | None = None, fr: str | None = None) -> LocalizedText:
    return LocalizedText({"nl": nl, "en": en or nl, "fr": fr or en or nl})


def field(
    field_id: str,
    field_type: FieldType,
    role: FieldRole = FieldRole.ATTRIBUTE,
    *,
    label: LocalizedText | None = None,
    required: bool = False,
    codes: Sequence[CodeValue] = (),
) -> EmployeeField:
    return EmployeeField(
        id=field_id,
        type=field_type,
        label=label or text(field_id),
        role=role,
        required=required,
        codes=tuple(codes),
    )


SEX_CODES = (
    CodeValue("M", text("Man", "Male", "Homme"), ("man", "mannelijk", "male")),
    CodeValue("V", text("Vrouw", "Female", "Femme"), ("vrouw", "vrouwelijk", "female", "f")),
    CodeValue("X", text("X", "X", "X"), ("onbekend", "anders")),
)
EMPLOYMENT_CODES = (
    CodeValue("employee", text("werknemer", "employee", "salarié"), ("werknemer", "in dienst")),
    CodeValue("external", text("externe", "external", "externe"), ("extern", "inhuur")),
    CodeValue("internship", text("stagiair", "intern", "stagiaire"), ("stage", "stagiair")),
)


def programme(
    *,
    employee_fields: Sequence[EmployeeField] | None = None,
    identification_keys: Sequence[IdentificationKey] | None = None,
    population_options: Sequence[PopulationOption] | None = None,
    thresholds: Thresholds | None = None,
    counting_unit: Literal["person", "job"] = "person",
    programme_id: str = "test-cbs-ingezoomd",
    flow: Flow = Flow.CBS,
) -> Programme:
    """A programme shaped like CBS ingezoomd (field ids, key alternatives, population options)."""
    if employee_fields is None:
        employee_fields = (
            field("bsn", FieldType.BSN, FieldRole.IDENTIFIER, label=text("BSN")),
            field(
                "birth_date",
                FieldType.DATE,
                FieldRole.IDENTIFIER,
                label=text("Geboortedatum", "Date of birth", "Date de naissance"),
            ),
            field(
                "sex",
                FieldType.CODE,
                FieldRole.IDENTIFIER,
                label=text("Geslacht", "Sex", "Sexe"),
                codes=SEX_CODES,
            ),
            field("postcode", FieldType.POSTCODE_NL, FieldRole.IDENTIFIER, label=text("Postcode")),
            field(
                "house_number",
                FieldType.HOUSE_NUMBER,
                FieldRole.IDENTIFIER,
                label=text("Huisnummer", "House number", "Numéro"),
            ),
            field(
                "house_number_suffix",
                FieldType.HOUSE_NUMBER_SUFFIX,
                FieldRole.IDENTIFIER,
                label=text("Huisnummertoevoeging", "House number suffix", "Complément"),
            ),
            field(
                "start_date",
                FieldType.DATE,
                FieldRole.POPULATION,
                label=text("Datum in dienst", "Start date", "Date d'entrée"),
                required=True,
            ),
            field(
                "end_date",
                FieldType.DATE,
                FieldRole.POPULATION,
                label=text("Datum uit dienst", "End date", "Date de sortie"),
            ),
            field(
                "employment_type",
                FieldType.CODE,
                FieldRole.POPULATION,
                label=text("Soort dienstverband", "Type of employment", "Type de contrat"),
                codes=EMPLOYMENT_CODES,
            ),
            field(
                "personnel_number",
                FieldType.TEXT,
                FieldRole.INTERNAL,
                label=text("Personeelsnummer", "Personnel number", "Matricule"),
            ),
            field("fte", FieldType.DECIMAL, FieldRole.ATTRIBUTE, label=text("FTE")),
        )
    if identification_keys is None:
        identification_keys = (
            IdentificationKey("bsn", text("BSN"), ("bsn",)),
            IdentificationKey(
                "address",
                text("Adressleutel", "Address key", "Clé adresse"),
                ("birth_date", "sex", "postcode", "house_number"),
                ("house_number_suffix",),
            ),
        )
    if population_options is None:
        population_options = (
            PopulationOption("externals", text("Externen")),
            PopulationOption("interns", text("Stagiairs")),
            PopulationOption("leavers", text("Uitstromers")),
        )
    return Programme(
        id=programme_id,
        version="test",
        office="CBS",
        country="NL",
        variant="ingezoomd",
        flow=flow,
        name=text("Test"),
        description=text("Test"),
        counting_unit=counting_unit,
        needs_employee_file=True,
        checklist=(),
        organisation_fields=(),
        employee_fields=tuple(employee_fields),
        identification_keys=tuple(identification_keys),
        breakdowns=(),
        max_breakdowns=None,
        population_options=tuple(population_options),
        thresholds=thresholds or Thresholds(),
        output=None,
        delivery=DeliveryOptions(
            channels=(Channel.WEB_PORTAL,),
            protections=(Protection.NONE,),
            default_channel=Channel.WEB_PORTAL,
            default_protection=Protection.NONE,
        ),
    )


def ksz_programme() -> Programme:
    return programme(
        programme_id="test-ksz",
        employee_fields=(
            field("insz", FieldType.INSZ, FieldRole.IDENTIFIER, label=text("INSZ", "INSZ", "NISS")),
            field("personnel_number", FieldType.TEXT, FieldRole.INTERNAL),
            field("start_date", FieldType.DATE, FieldRole.POPULATION, required=True),
            field("end_date", FieldType.DATE, FieldRole.POPULATION),
            field("work_regime", FieldType.DECIMAL, FieldRole.ATTRIBUTE),
        ),
        identification_keys=(IdentificationKey("insz", text("INSZ"), ("insz",)),),
        population_options=(PopulationOption("leavers", text("Uitstromers")),),
        flow=Flow.KSZ,
    )


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    first_row: int = 2,
    date_system: int = 1900,
    excel_rows: Sequence[int] | None = None,
) -> RawTable:
    """A RawTable as intake would give it: header in row ``first_row - 1``, data from ``first_row``."""
    width = len(headers)
    for row in rows:
        assert len(row) == width, row
    columns = tuple(np.array([str(row[j]) for row in rows], dtype=object) for j in range(width))
    numbers = np.array(
        excel_rows if excel_rows is not None else range(first_row, first_row + len(rows)),
        dtype=np.int64,
    )
    return RawTable(
        source=Path("personeel.xlsx"),
        file_format="xlsx",
        sheet="Personeel",
        sheets=(),
        header_row=first_row - 1,
        headers=tuple(headers),
        raw_headers=tuple(headers),
        column_letters=tuple(column_letter(j) for j in range(width)),
        rows=numbers,
        columns=columns,
        date_system=date_system,
    )


# The usual file: column letters A.. in this order.
HEADERS = (
    "Personeelsnummer",  # A
    "Burgerservicenummer",  # B
    "Geboortedatum",  # C
    "Geslacht",  # D
    "Postcode",  # E
    "Huisnummer",  # F
    "Toevoeging",  # G
    "Datum in dienst",  # H
    "Datum uit dienst",  # I
    "Soort dienstverband",  # J
    "FTE",  # K
    "Afdeling",  # L
)
FIELD_HEADERS = {
    "personnel_number": "Personeelsnummer",
    "bsn": "Burgerservicenummer",
    "birth_date": "Geboortedatum",
    "sex": "Geslacht",
    "postcode": "Postcode",
    "house_number": "Huisnummer",
    "house_number_suffix": "Toevoeging",
    "start_date": "Datum in dienst",
    "end_date": "Datum uit dienst",
    "employment_type": "Soort dienstverband",
    "fte": "FTE",
}


def person(index: int, **changes: str) -> list[str]:
    """A clean row for person ``index`` (0-5), with some cells changed by header-like keywords."""
    values = {
        "personnel_number": f"P{1000 + index}",
        "bsn": BSNS[index],
        "birth_date": f"19{70 + index}-0{1 + index % 9}-1{index % 10}",
        "sex": ("M", "V")[index % 2],
        "postcode": f"{1011 + index} AB",
        "house_number": str(10 + index),
        "house_number_suffix": "",
        "start_date": "2010-01-01",
        "end_date": "",
        "employment_type": "werknemer",
        "fte": "0,8",
        "breakdown": ("HR", "ICT", "Financiën")[index % 3],
    }
    for key, value in changes.items():
        assert key in values, key
        values[key] = value
    order = [*FIELD_HEADERS, "breakdown"]
    by_header = dict(
        zip([*FIELD_HEADERS.values(), "Afdeling"], [values[k] for k in order], strict=True)
    )
    return [by_header[h] for h in HEADERS]


def mapping(
    fields: AbcMapping[str, str] | None = None,
    *,
    value_maps: AbcMapping[str, AbcMapping[str, str]] | None = None,
    breakdowns: Sequence[str] = ("Afdeling",),
    programme_id: str = "test-cbs-ingezoomd",
) -> Mapping:
    return Mapping(
        programme_id=programme_id,
        fields=dict(FIELD_HEADERS if fields is None else fields),
        value_maps=dict(value_maps or {}),
        breakdowns=tuple(BreakdownColumn(h) for h in breakdowns),
    )


def run(
    rows: Sequence[Sequence[str]],
    *,
    headers: Sequence[str] = HEADERS,
    prog: Programme | None = None,
    fields: AbcMapping[str, str] | None = None,
    population: AbcMapping[str, bool] | None = None,
    peildatum: datetime.date = PEILDATUM,
    **mapping_options,
) -> ValidationResult:
    return validate(
        table(headers, rows),
        prog or programme(),
        mapping(fields, **mapping_options),
        peildatum,
        population,
    )


def findings_with(result: ValidationResult, code: str, field: str | None = ...) -> list[Finding]:
    return [
        f for f in result.findings if str(f.code) == code and (field is ... or f.field == field)
    ]


def render_all(finding: Finding) -> dict[str, str]:
    return {language: finding.render(language) for language in LANGUAGES}
