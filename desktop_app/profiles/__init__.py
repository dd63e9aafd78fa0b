"""Programme profiles: what each programme asks for, as validated data."""

from desktop_app.profiles.model import (
    Breakdown,
    ChecklistItem,
    CodeValue,
    EmployeeField,
    FieldRole,
    FieldType,
    IdentificationKey,
    OrganisationField,
    OutputColumn,
    OutputFormat,
    PopulationOption,
    Portal,
    Programme,
    Thresholds,
)

__all__ = [
    "Breakdown",
    "ChecklistItem",
    "CodeValue",
    "EmployeeField",
    "FieldRole",
    "FieldType",
    "IdentificationKey",
    "OrganisationField",
    "OutputColumn",
    "OutputFormat",
    "PopulationOption",
    "Portal",
    "Programme",
    "Thresholds",
]
