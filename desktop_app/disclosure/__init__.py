"""Disclosure control for frequency tables (Qt-free).

Build linked frequency tables from category codes, mark primary unsafe cells by the threshold
rule, choose secondary suppressions by Gaussian elimination with an LP audit, and audit any
suppression pattern (ours or anyone's) with HiGHS::

    tables = frequency_tables(records, [("department", "sex"), ("function_level", "sex")])
    result = protect(tables, RuleSettings(threshold=5))
    assert result.passed
    audit(tables, suppressed=[tables.keys[i] for i in result.suppressed], protection={...})
"""

from desktop_app.disclosure.errors import DisclosureError
from desktop_app.disclosure.lp_audit import (
    AuditReport,
    CellInterval,
    audit,
    audit_model,
    audit_pattern,
)
from desktop_app.disclosure.rules import PrimaryCell, RuleSettings, primary_cells
from desktop_app.disclosure.suppression import Protection, protect
from desktop_app.disclosure.tables import (
    CellKey,
    Equation,
    LinkedTables,
    ModelMatrix,
    Variable,
    frequency_tables,
)

__all__ = [
    "AuditReport",
    "CellInterval",
    "CellKey",
    "DisclosureError",
    "Equation",
    "LinkedTables",
    "ModelMatrix",
    "PrimaryCell",
    "Protection",
    "RuleSettings",
    "Variable",
    "audit",
    "audit_model",
    "audit_pattern",
    "frequency_tables",
    "primary_cells",
    "protect",
]
