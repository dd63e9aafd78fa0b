"""Findings in plain words, as the checks page and ``check`` both say them: counts with their
plural form in each language, the summary of a run, a finding's rows cut to a readable list."""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.messages import Message
from desktop_app.validation.findings import MAX_LISTED_ROWS, row_numbers
from desktop_app.validation.model import CountMessage, Finding, ValidationResult, plural_form

__all__ = [
    "MAX_LISTED_ROWS",
    "CountMessage",
    "finding_rows",
    "plural_form",
    "summary",
    "titled",
    "verdict",
]


def count(kind: str, number: int) -> CountMessage:
    """ "1 fout", "3 fouten", "1 erreur", "0 avertissement" (kind: error, warning, row)."""
    return CountMessage(f"validation.count.{kind}", {"count": number})


def summary(result: ValidationResult, total_rows: int) -> Message:
    """ "1 fout en 3 waarschuwingen. 120 van de 130 rijen tellen mee." as one message."""
    counts = result.counts()
    if counts["error"]:
        head = Message(
            "validation.summary.errors",
            {
                "errors": count("error", counts["error"]),
                "warnings": count("warning", counts["warning"]),
            },
        )
    elif counts["warning"]:
        head = Message(
            "validation.summary.warnings", {"warnings": count("warning", counts["warning"])}
        )
    else:
        head = Message("validation.summary.clean")
    counted = CountMessage(
        "validation.summary.counted", {"count": int(result.included.sum()), "rows": total_rows}
    )
    return Message("validation.summary.joined", {"head": head, "counted": counted})


def verdict(result: ValidationResult) -> Message:
    """The last line of ``check``: errors or not, with the counts in their plural form."""
    counts = result.counts()
    warnings = count("warning", counts["warning"])
    if counts["error"]:
        return Message(
            "validation.verdict.errors",
            {"errors": count("error", counts["error"]), "warnings": warnings},
        )
    return Message("validation.verdict.ok", {"warnings": warnings})


def finding_rows(finding: Finding | Sequence[int], limit: int | None = MAX_LISTED_ROWS) -> Message:
    """ "Excel-rijen (222): 4, 5, 9, … en nog 212" for a finding's rows; ``limit=None`` names all."""
    rows = finding.rows if isinstance(finding, Finding) else tuple(finding)
    return CountMessage(
        "validation.count.finding-row", {"count": len(rows), "rows": row_numbers(rows, limit)}
    )


def titled(finding: Finding, language: str) -> str:
    """ "Ongeldig BSN: In kolom B …" (French: "BSN invalide : …")."""
    return Message(
        "validation.titled", {"title": finding.title, "message": finding.render(language)}
    ).render(language)
