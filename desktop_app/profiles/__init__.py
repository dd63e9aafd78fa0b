"""Programme profiles: what each programme asks for, as validated data."""

from desktop_app.profiles.loader import (
    available_programme_ids,
    available_programmes,
    load_programme,
    load_programme_by_id,
)
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
    "available_programme_ids",
    "available_programmes",
    "load_programme",
    "load_programme_by_id",
]
