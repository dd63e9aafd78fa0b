"""Checking mapped employee data: identifiers, dates, codes, duplicates, population."""

from desktop_app.validation.model import Code, Finding, Severity, ValidationResult

__all__ = ["Code", "Finding", "Severity", "ValidationResult"]
