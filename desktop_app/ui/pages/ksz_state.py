"""What the KSZ pages share: the officer's choices in ``draft.categories["ksz"]`` (JSON, never
employee rows), the request built from the draft, and the staff table the crossing check needs
(own categories from the checked staff file, or only a head count).

``draft.categories["ksz"]``::

    {
      "characteristics": ["origin", "sex", "age"],   # of CHARACTERISTICS, in that order
      "origin_scheme": "origin-ksz",                 # a scheme id of the profile's [crossing]
      "age_edges": [25, 35, 45, 55],                 # edges from the profile's reference edges
      "reference_year": 2025,
      "definitions": {"Personeel": "…"},            # the officer's own definitions
      "motivation": {"purpose": "…", "legal_basis": "…", "proportionality": "…",
                     "plan_action": "…"},
      "staff_count": 436,                            # without own data: the head count
      "documents": ["/…/ksz-aanvraag-….pdf", …]      # the request documents last written
    }

Whether the institution sends its own data for linkage is ``draft.has_file``. Merges of own
categories are ``draft.categories["merges"][header]`` (label -> merged label), the same key the
package builder applies to the linkage file.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from desktop_app.categories import Bands
from desktop_app.draft import Draft
from desktop_app.ksz.crossing import Crossing
from desktop_app.ksz.request import KszRequest, Motivation, Organisation
from desktop_app.profiles import Programme
from desktop_app.validation import ValidationResult

KEY = "ksz"
MERGES = "merges"
CHARACTERISTICS = ("origin", "sex", "age", "work-regime")
DEFAULT_CHARACTERISTICS = ("origin", "sex", "age")
DEFAULT_ORIGIN = "origin-ksz"
SCHEME_OF = {"sex": "sex", "work-regime": "work-regime"}  # characteristic -> fixed scheme id


def state(draft: Draft) -> dict[str, Any]:
    """The KSZ choices in the draft (created on first use)."""
    stored = draft.categories.get(KEY)
    if not isinstance(stored, dict):
        stored = {}
        draft.categories[KEY] = stored
    return stored


def characteristics(draft: Draft) -> tuple[str, ...]:
    chosen = state(draft).get("characteristics")
    if not isinstance(chosen, list):
        return DEFAULT_CHARACTERISTICS
    return tuple(c for c in CHARACTERISTICS if c in chosen)


def origin_schemes(programme: Programme) -> tuple[str, ...]:
    assert programme.crossing is not None
    return tuple(s.id for s in programme.crossing.schemes if s.characteristic == "origin")


def origin_scheme(draft: Draft, programme: Programme) -> str:
    chosen = state(draft).get("origin_scheme")
    available = origin_schemes(programme)
    if chosen in available:
        return chosen
    return DEFAULT_ORIGIN if DEFAULT_ORIGIN in available else available[0]


def default_age_edges(programme: Programme) -> tuple[int, ...]:
    assert programme.crossing is not None
    assert programme.crossing.age is not None
    age = programme.crossing.age
    return tuple(age.default_edges or age.edges)


def age_edges(draft: Draft, programme: Programme) -> tuple[int, ...]:
    edges = state(draft).get("age_edges")
    if isinstance(edges, list) and edges and all(isinstance(e, int) for e in edges):
        return tuple(edges)
    return default_age_edges(programme)


def reference_year(draft: Draft) -> int:
    year = state(draft).get("reference_year")
    if isinstance(year, int):
        return year
    return dt.date.today().year - 1  # the last complete year


def definitions(draft: Draft) -> dict[str, str]:
    stored = state(draft).get("definitions")
    return dict(stored) if isinstance(stored, dict) else {}


def motivation(draft: Draft) -> Motivation:
    stored = state(draft).get("motivation")
    stored = stored if isinstance(stored, dict) else {}
    return Motivation(
        purpose=str(stored.get("purpose", "")),
        legal_basis=str(stored.get("legal_basis", "")),
        proportionality=str(stored.get("proportionality", "")),
        plan_action=str(stored.get("plan_action", "")),
    )


def schemes(draft: Draft, programme: Programme) -> tuple[str, ...]:
    """The profile scheme ids of the chosen characteristics (age is bands, not a scheme)."""
    out = []
    for characteristic in characteristics(draft):
        if characteristic == "origin":
            out.append(origin_scheme(draft, programme))
        elif characteristic in SCHEME_OF:
            out.append(SCHEME_OF[characteristic])
    return tuple(out)


def bands(draft: Draft, programme: Programme) -> Bands | None:
    if "age" not in characteristics(draft):
        return None
    return Bands(age_edges(draft, programme))


def merges(draft: Draft) -> dict[str, dict[str, str]]:
    stored = draft.categories.get(MERGES)
    if not isinstance(stored, dict):
        return {}
    return {k: dict(v) for k, v in stored.items() if isinstance(v, dict)}


def set_merges(draft: Draft, value: dict[str, dict[str, str]]) -> None:
    cleaned = {k: dict(v) for k, v in value.items() if v}
    if cleaned:
        draft.categories[MERGES] = cleaned
    else:
        draft.categories.pop(MERGES, None)


# -- the staff the crossing check sees -------------------------------------------------------------


def own_columns(draft: Draft, validation: ValidationResult | None) -> tuple[str, ...]:
    """The breakdown headers chosen on the columns page that the checked file carries."""
    if not draft.has_file or validation is None:
        return ()
    return tuple(h for h in draft.breakdowns if f"breakdown:{h}" in validation.records.columns)


def staff_table(draft: Draft, validation: ValidationResult | None) -> pd.DataFrame:
    """One row per counted person with the own categories after the officer's merges; without
    own data, only as many rows as the head count (no columns)."""
    if draft.has_file:
        if validation is None:
            return pd.DataFrame()
        from desktop_app.ui.pages.categories import breakdown_labels

        merged = merges(draft)
        columns = {}
        for header in own_columns(draft, validation):
            labels = breakdown_labels(validation, header)
            moves = merged.get(header, {})
            columns[header] = labels.map(lambda v, m=moves: m.get(v, v)).reset_index(drop=True)
        if columns:
            return pd.DataFrame(columns)
        count = int(sum(bool(v) for v in validation.included))
        return pd.DataFrame(index=range(count))
    count = state(draft).get("staff_count")
    return pd.DataFrame(index=range(count if isinstance(count, int) and count > 0 else 0))


def crossings(draft: Draft, programme: Programme, own: tuple[str, ...]) -> list[Crossing]:
    """The tables the request asks for: every own category (or the whole organisation) crossed
    with all the chosen characteristics."""
    chosen = schemes(draft, programme)
    age = bands(draft, programme)
    if not chosen and age is None:
        return []
    views = [(column,) for column in own] or [()]
    return [Crossing(view, chosen, age) for view in views]


# -- the request -----------------------------------------------------------------------------------


def _text(draft: Draft, name: str) -> str:
    value = draft.organisation.get(name, "")
    return "; ".join(value) if isinstance(value, list) else str(value)


def build_request(
    draft: Draft, programme: Programme, staff: pd.DataFrame | None = None
) -> KszRequest:
    """The request as the draft holds it now (check it with ``check_request``)."""
    numbers = draft.organisation.get("kbo_numbers") or []
    numbers = [numbers] if isinstance(numbers, str) else list(numbers)
    own: dict[str, tuple[str, ...]] = {}
    if staff is not None:
        for column in staff.columns:
            own[str(column)] = tuple(sorted({str(v) for v in staff[column]}))
    return KszRequest(
        organisation=Organisation(
            name=_text(draft, "name"),
            address=_text(draft, "address"),
            kbo_numbers=tuple(numbers),
            contact_name=_text(draft, "contact_name"),
            contact_email=_text(draft, "contact_email"),
            contact_phone=_text(draft, "contact_phone"),
            signatory_name=_text(draft, "signatory_name"),
            signatory_function=_text(draft, "signatory_function"),
        ),
        reference_year=reference_year(draft),
        characteristics=schemes(draft, programme),
        motivation=motivation(draft),
        openpgp_fingerprint=_text(draft, "openpgp_fingerprint"),
        age_bands=bands(draft, programme),
        own_categories=own,
        definitions=definitions(draft),
    )
