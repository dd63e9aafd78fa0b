"""The check result as the CLI shows it: one JSON object, or readable text in the user's language."""

from __future__ import annotations

from typing import Any

from desktop_app.check import CheckResult
from desktop_app.mapping.model import is_derived_header
from desktop_app.messages import Message
from desktop_app.validation import Severity
from desktop_app.validation.plain import finding_rows, titled, verdict


def check_report_json(result: CheckResult, language: str) -> dict[str, Any]:
    """The documented JSON of ``check --json`` (see README, "check --json")."""
    table, validation = result.table, result.validation
    included = int(validation.included.sum())
    return {
        "file": str(result.source),
        "format": table.file_format,
        "sheet": table.sheet,
        "header_row": table.header_row if table.header_found else None,
        "rows": table.n_rows,
        "programme": {"id": result.programme.id, "version": result.programme.version},
        "peildatum": result.peildatum.isoformat(),
        "mapping_source": result.mapping_origin,
        "mapping": dict(result.mapping.fields),
        "suggestions": [
            {
                "field": s.field_id,
                "header": s.header,
                "confidence": s.confidence,
                "reason": s.reason,
            }
            for s in result.suggestions
        ],
        "breakdowns": [
            {"header": b.header, "breakdown": b.breakdown_id} for b in result.mapping.breakdowns
        ],
        "possible_breakdowns": [
            {"header": b.header, "breakdown": b.breakdown_id} for b in result.possible_breakdowns
        ],
        "identification_key": validation.identification_key,
        "population": {"included": included, "excluded": table.n_rows - included},
        "notes": [n.render(language) for n in (*table.notes, *validation.notes)],
        "findings": [f.to_json(language) for f in validation.findings],
        "counts": validation.counts(),
    }


def check_report_text(result: CheckResult, language: str) -> str:
    """A plain-text report for the terminal."""
    table, validation = result.table, result.validation

    def say(key: str, **params: Any) -> str:
        return Message(key, params).render(language)

    lines = [
        say(
            "cli.report-file" if table.header_found else "cli.report-file-no-header",
            file=result.source.name,
            sheet=table.sheet or "-",
            header_row=table.header_row if table.header_found else table.data_start,
            rows=table.n_rows,
        ),
        say(
            "cli.report-programme",
            programme=result.programme.name,
            version=result.programme.version,
            peildatum=result.peildatum.strftime("%d-%m-%Y"),
        ),
        "",
        say(
            "cli.report-mapping-suggested"
            if result.mapping_origin == "suggested"
            else "cli.report-mapping-file"
        ),
    ]
    confidence = {s.field_id: s.confidence for s in result.suggestions}
    for employee_field in result.programme.employee_fields:
        header = result.mapping.fields.get(employee_field.id)
        label = employee_field.label.get(language)
        if header is None:
            lines.append(f"  {label:<28} —")
        elif employee_field.id in confidence:
            lines.append(f"  {label:<28} ← {header}  ({confidence[employee_field.id]:.0%})")
        else:
            lines.append(f"  {label:<28} ← {header}")
    for breakdown in result.mapping.breakdowns:
        header = breakdown.header
        if is_derived_header(header) and breakdown.breakdown_id:
            header = result.programme.breakdown(breakdown.breakdown_id).label.get(language)
        lines.append("  " + say("cli.report-breakdown", header=header))
    if result.possible_breakdowns:
        lines.append(
            "  "
            + say(
                "cli.report-possible-breakdowns",
                headers=[b.header for b in result.possible_breakdowns],
            )
        )
    for note in (*table.notes, *validation.notes):
        lines.append("• " + note.render(language))
    lines.append("")
    for severity in (Severity.ERROR, Severity.WARNING):
        for finding in (f for f in validation.findings if f.severity is severity):
            tag = say(
                "cli.severity-error" if severity is Severity.ERROR else "cli.severity-warning"
            )
            lines.append(f"{tag} {titled(finding, language)}")
            if finding.rows:
                lines.append("    " + finding_rows(finding).render(language))
    included = int(validation.included.sum())
    lines += [
        "",
        say("cli.report-population", included=included, excluded=table.n_rows - included),
        verdict(validation).render(language),
    ]
    return "\n".join(lines)
