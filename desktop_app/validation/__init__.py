"""Checking mapped employee data: identifiers, dates, codes, duplicates, population."""

from desktop_app.validation.identifiers import (
    IdentifierCheck,
    check_bsn,
    check_insz,
    check_kbo,
    check_loonheffingennummer,
    check_rsin,
    mask_identifier,
)
from desktop_app.validation.model import Code, Finding, Severity, ValidationResult
from desktop_app.validation.run import validate

__all__ = [
    "Code",
    "Finding",
    "IdentifierCheck",
    "Severity",
    "ValidationResult",
    "check_bsn",
    "check_insz",
    "check_kbo",
    "check_loonheffingennummer",
    "check_rsin",
    "mask_identifier",
    "validate",
]
