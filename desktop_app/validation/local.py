"""One rule for how bad a finding is: a column that is not sent never blocks.

A mapped field leaves the machine when it is part of the identification key in use (its fields and
optional fields), or a chosen breakdown is its column or is derived from it (age band from the birth
date), or it is sent as is (an attribute), or it decides who is counted (population). A field the
profile requires is needed whatever the key. Every other field (an identifier of the other key
alternative, an internal field such as the personnel number) stays on this laptop: an error on it
becomes a warning, and its message says the column can be unlinked on the mapping step. The package
builder counts errors, so it agrees with the checks page and ``check`` without a rule of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from desktop_app.mapping.model import Mapping
from desktop_app.messages import Message
from desktop_app.profiles.model import FieldRole, IdentificationKey, Programme
from desktop_app.validation.model import Finding, Severity

# The mapping step's name, as its page title says it ("Kolommen" / "Columns" / "Colonnes");
# tests/test_findings_plain.py checks it against the wizard's translations.
MAPPING_STEP = "validation.step.mapping"
MAPPING_VALUES_SECTION = "validation.step.mapping-values"


def local_fields(
    programme: Programme, mapping: Mapping, key: IdentificationKey | None
) -> frozenset[str]:
    """The mapped fields whose values never leave the machine with ``key`` in use.

    With no usable key nothing is known to stay local (the missing key is the error then)."""
    if key is None:
        return frozenset()
    sent = set(key.fields) | set(key.optional_fields)
    breakdown_headers = {b.header for b in mapping.breakdowns if not b.is_derived}
    derived = {b.breakdown_id for b in mapping.breakdowns if b.is_derived and b.breakdown_id}
    for spec in programme.breakdowns:
        if spec.id in derived and spec.derived_from:
            sent.add(str(spec.derived_from))
    local: set[str] = set()
    for field in programme.employee_fields:
        header = mapping.fields.get(field.id)
        if header is None or field.id in sent or field.required:
            continue
        if header in breakdown_headers:
            continue
        if field.role in (FieldRole.IDENTIFIER, FieldRole.INTERNAL):
            local.add(field.id)
    return frozenset(local)


def soften_local(
    findings: Iterable[Finding], local: frozenset[str], key: IdentificationKey | None
) -> list[Finding]:
    """Every error on a field in ``local`` as a warning, with a note that says why and suggests
    unlinking the column (the message itself, its key and parameters stay as they were)."""
    if key is None or not local:
        return list(findings)
    note = Message("validation.local-column", {"key": key.label, "step": Message(MAPPING_STEP)})
    return [
        replace(finding, severity=Severity.WARNING, note=note)
        if finding.severity is Severity.ERROR and finding.field in local
        else finding
        for finding in findings
    ]
