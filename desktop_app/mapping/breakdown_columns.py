"""Which columns of the file may be a breakdown (subgroup): one rule for the wizard and the CLI.

A breakdown sorts people into a few groups (department, function level). A column that names or
numbers people one by one does not, and offering it invites sending names or numbers as
"subgroups". A column is never a breakdown when:

- its name is a recognised name or contact column ("Naam", "Voornaam", "Nom", "E-mail", …);
- it looks like a programme field that identifies a person or a date (BSN, INSZ, postcode, house
  number, e-mail, a date: the derived bands ``=age`` / ``=entry_year`` are the subgroups a date
  gives);
- it is **mostly distinct**: more than half of its filled rows hold a value of their own
  (:data:`DISTINCT_SHARE`) and it has more than :data:`FEW_GROUPS` different values (a small file
  with seven departments in twelve rows stays a breakdown).

Only header names and counts come out of here, never a value of the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.errors import UsageError
from desktop_app.intake import RawTable
from desktop_app.mapping.model import is_derived_header
from desktop_app.mapping.suggest import header_confidence
from desktop_app.messages import Message
from desktop_app.profiles.model import FieldType, Programme
from desktop_app.text import normalise_header

DISTINCT_SHARE = 0.5
FEW_GROUPS = 10

# Headers that name a person or reach them (nl, en, fr), compared after normalise_header (case,
# accents, punctuation and word order forgiven): "Naam afdeling" is not one of them.
NAME_HEADERS = frozenset(
    normalise_header(h)
    for h in (
        "naam",
        "achternaam",
        "voornaam",
        "voornamen",
        "roepnaam",
        "voorletters",
        "tussenvoegsel",
        "volledige naam",
        "naam medewerker",
        "naam werknemer",
        "geboortenaam",
        "name",
        "full name",
        "first name",
        "last name",
        "surname",
        "given name",
        "employee name",
        "nom",
        "prénom",
        "prenom",
        "nom de famille",
        "nom complet",
        "nom et prénom",
        "e-mail",
        "email",
        "e-mailadres",
        "adresse e-mail",
        "telefoon",
        "telefoonnummer",
        "phone",
        "téléphone",
        "adres",
        "address",
        "adresse",
    )
)

# Programme fields whose values are a person's own (never a group of people).
PERSONAL_TYPES = frozenset(
    {
        FieldType.BSN,
        FieldType.INSZ,
        FieldType.POSTCODE_NL,
        FieldType.HOUSE_NUMBER,
        FieldType.DATE,
        FieldType.EMAIL,
        FieldType.PHONE,
    }
)


@dataclass(frozen=True)
class NotABreakdown:
    """A column that is never offered as a breakdown, and why: ``reason`` is ``"name"`` (a
    recognised name or contact column), ``"personal"`` (looks like a field that identifies a
    person, or a date) or ``"distinct"`` (``distinct`` different values in ``rows`` filled rows)."""

    header: str
    reason: str
    distinct: int = 0
    rows: int = 0

    def message(self) -> Message:
        """Why the column is no breakdown, for both faces."""
        if self.reason == "distinct":
            return Message(
                "mapping.breakdown-distinct",
                {"column": self.header, "distinct": self.distinct, "rows": self.rows},
            )
        return Message(f"mapping.breakdown-{self.reason}", {"column": self.header})


def _personal_field(header: str, programme: Programme) -> bool:
    for field in programme.employee_fields:
        if field.type not in PERSONAL_TYPES:
            continue
        confidence, _reason = header_confidence(header, (field.id, *field.label.texts.values()))
        spellings_confidence, _ = header_confidence(header, field.synonyms)
        if max(confidence, spellings_confidence) >= 0.95:  # exact or a known name, not fuzzy
            return True
    return False


def distinct_counts(values: Iterable[object]) -> tuple[int, int]:
    """(different non-empty values, non-empty cells)."""
    seen: set[str] = set()
    filled = 0
    for value in values:
        text = str(value).strip()
        if text:
            filled += 1
            seen.add(text)
    return len(seen), filled


def not_a_breakdown(table: RawTable, programme: Programme, header: str) -> NotABreakdown | None:
    """Why ``header`` may not be a breakdown, or None when it may (a derived ``=age`` may)."""
    if is_derived_header(header) or header not in table.headers:
        return None
    if normalise_header(header) in NAME_HEADERS:
        return NotABreakdown(header, "name")
    if _personal_field(header, programme):
        return NotABreakdown(header, "personal")
    distinct, filled = distinct_counts(table.column(header))
    if distinct > FEW_GROUPS and distinct > DISTINCT_SHARE * filled:
        return NotABreakdown(header, "distinct", distinct, filled)
    return None


def unfit_breakdowns(
    table: RawTable, programme: Programme, headers: Iterable[str] | None = None
) -> dict[str, NotABreakdown]:
    """Every column of ``table`` (or of ``headers`` among them) that is never offered as a
    breakdown, by header, in file order."""
    asked = None if headers is None else set(headers)
    unfit = {}
    for header in table.headers:
        if asked is not None and header not in asked:
            continue
        if (reason := not_a_breakdown(table, programme, header)) is not None:
            unfit[header] = reason
    return unfit


def ensure_breakdowns(
    table: RawTable,
    programme: Programme,
    headers: Iterable[str],
    unfit: Iterable[NotABreakdown] | None = None,
) -> None:
    """Refuse (:class:`UsageError`, ``mapping.not-a-breakdown``) the first of ``headers`` that may
    not be a breakdown, saying why and what to do. ``unfit``: the table's unfit columns when
    already known (:attr:`MappingStart.unfit`), so no column is counted twice."""
    known = {u.header: u for u in unfit} if unfit is not None else None
    for header in headers:
        reason = (
            known.get(header) if known is not None else not_a_breakdown(table, programme, header)
        )
        if reason is not None:
            raise UsageError("mapping.not-a-breakdown", reason=reason.message())
