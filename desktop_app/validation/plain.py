"""Findings in plain words, as the checks page and ``check`` both say them: counts with their
plural form in each language, the summary of a run, a finding's rows cut to a readable list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.messages import DEFAULT_LANGUAGE, Message
from desktop_app.validation.findings import MAX_LISTED_ROWS, row_numbers
from desktop_app.validation.model import Finding, ValidationResult

__all__ = [
    "MAX_LISTED_ROWS",
    "CountMessage",
    "finding_rows",
    "plural_form",
    "summary",
    "verdict",
]


def plural_form(language: str, count: int) -> str:
    """``one`` or ``other``: Dutch and English use the singular for 1 only, French for 0 and 1."""
    if language == "fr":
        return "one" if count in (0, 1) else "other"
    return "one" if count == 1 else "other"


@dataclass(frozen=True)
class CountMessage(Message):
    """A message with a ``count`` parameter whose key has a ``.one`` and an ``.other`` form; the
    form is chosen when it is rendered, in the language it is rendered in."""

    def render(self, language: str = DEFAULT_LANGUAGE) -> str:
        form = plural_form(language, int(self.params["count"]))
        return Message(f"{self.key}.{form}", self.params).render(language)


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
