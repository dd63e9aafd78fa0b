"""The officer's KSZ choices, typed, and the one place they are read from and written to the draft.

They live in the draft's section ``categories["ksz"]`` (JSON, never employee rows; in the typed
draft :attr:`desktop_app.draft.CategoryChoices.ksz`), as drafts have held them since the Belgian
route exists; :meth:`KszChoices.from_json` reads every such section
unchanged and :meth:`KszChoices.to_json` writes the same shape back::

    {
      "characteristics": ["origin", "sex", "age"],   # of CHARACTERISTICS, in that order
      "origin_scheme": "origin-ksz",                 # a scheme id of the profile's [crossing]
      "age_edges": [25, 35, 45, 55],                 # edges from the profile's reference edges
      "reference_year": 2025,
      "definitions": {"Personeel": "…"},            # the officer's own definitions
      "motivation": {"purpose": "…", "legal_basis": "…", "proportionality": "…",
                     "plan_action": "…"},
      "staff_count": 436,                            # without own data: the head count
      "public_key_file": "/…/kleopatra.asc",         # an imported public key (optional)
      "documents": ["/…/ksz-aanvraag-….pdf", …]      # the request documents last written
    }

A value that is missing or of the wrong kind reads as "not chosen" and the defaults below apply
(the same as the wizard always did); keys this module does not know are kept as they are.
Whether the institution sends its own data for linkage is ``draft.has_file``; merges of own
categories are ``draft.categories.merges`` (see :mod:`desktop_app.ksz.merges`).

**One reference.** The KSZ asks "of which year?": the reference year is the route's only date the
officer chooses. The draft's ``peildatum`` (which the check, the linkage file's name and the
journey's year read) is derived from it, 31 December of that year (:func:`reference_date`): the
KSZ gives ages on that day and the work regime of that year, and the linkage file counts the
staff employed then. :func:`write_choices` keeps both together; :func:`align_reference` makes a
draft written before that (a peildatum of its own) agree with its reference year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from desktop_app.categories import Bands
from desktop_app.draft import Draft
from desktop_app.ksz.crossing import CrossingError, settings_of
from desktop_app.ksz.request import MOTIVATION_FIELDS, Motivation
from desktop_app.profiles import Programme

KEY = "ksz"
CHARACTERISTICS = ("origin", "sex", "age", "work-regime")
DEFAULT_CHARACTERISTICS = ("origin", "sex", "age")
DEFAULT_ORIGIN = "origin-ksz"
SCHEME_OF = {"sex": "sex", "work-regime": "work-regime"}  # characteristic -> fixed scheme id
EMPTY_MOTIVATION = Motivation("", "", "", "")

_KNOWN = (
    "characteristics",
    "origin_scheme",
    "age_edges",
    "reference_year",
    "definitions",
    "motivation",
    "staff_count",
    "public_key_file",
    "documents",
)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class KszChoices:
    """What the officer chose on the KSZ pages; ``None`` is "not chosen yet" (defaults apply)."""

    characteristics: tuple[str, ...] | None = None
    origin_scheme: str | None = None
    age_edges: tuple[int, ...] | None = None
    reference_year: int | None = None
    definitions: Mapping[str, str] = field(default_factory=dict)
    motivation: Motivation | None = None
    staff_count: int | None = None
    public_key_file: str | None = None
    documents: tuple[str, ...] = ()
    other: Mapping[str, Any] = field(default_factory=dict)  # keys of a later release, kept

    # -- JSON -------------------------------------------------------------------------------------

    @classmethod
    def from_json(cls, data: Any) -> KszChoices:
        """The choices of a draft's ``categories["ksz"]`` (anything else reads as no choices)."""
        if not isinstance(data, Mapping):
            return cls()
        chosen = data.get("characteristics")
        edges = data.get("age_edges")
        definitions = data.get("definitions")
        motivation = data.get("motivation")
        documents = data.get("documents")
        return cls(
            characteristics=(
                tuple(c for c in chosen if isinstance(c, str)) if isinstance(chosen, list) else None
            ),
            origin_scheme=_text_or_none(data.get("origin_scheme")),
            age_edges=(
                tuple(edges)
                if isinstance(edges, list) and edges and all(_is_int(e) for e in edges)
                else None
            ),
            reference_year=data["reference_year"] if _is_int(data.get("reference_year")) else None,
            definitions=(
                {str(k): str(v) for k, v in definitions.items()}
                if isinstance(definitions, Mapping)
                else {}
            ),
            motivation=(
                Motivation(**{name: str(motivation.get(name, "")) for name in MOTIVATION_FIELDS})
                if isinstance(motivation, Mapping)
                else None
            ),
            staff_count=data["staff_count"] if _is_int(data.get("staff_count")) else None,
            public_key_file=_text_or_none(data.get("public_key_file")),
            documents=(
                tuple(d for d in documents if isinstance(d, str))
                if isinstance(documents, list)
                else ()
            ),
            other={k: v for k, v in data.items() if k not in _KNOWN},
        )

    def to_json(self) -> dict[str, Any]:
        """The draft section: only what was chosen, in the shape :meth:`from_json` reads."""
        out: dict[str, Any] = dict(self.other)
        if self.characteristics is not None:
            out["characteristics"] = list(self.characteristics)
        if self.origin_scheme is not None:
            out["origin_scheme"] = self.origin_scheme
        if self.age_edges is not None:
            out["age_edges"] = list(self.age_edges)
        if self.reference_year is not None:
            out["reference_year"] = self.reference_year
        if self.definitions:
            out["definitions"] = dict(self.definitions)
        if self.motivation is not None:
            out["motivation"] = {n: getattr(self.motivation, n) for n in MOTIVATION_FIELDS}
        if self.staff_count is not None:
            out["staff_count"] = self.staff_count
        if self.public_key_file is not None:
            out["public_key_file"] = self.public_key_file
        if self.documents:
            out["documents"] = list(self.documents)
        return out

    # -- the choices in effect (defaults where nothing was chosen) -------------------------------

    def requested(self) -> tuple[str, ...]:
        """The characteristics requested, in :data:`CHARACTERISTICS` order."""
        if self.characteristics is None:
            return DEFAULT_CHARACTERISTICS
        return tuple(c for c in CHARACTERISTICS if c in self.characteristics)

    def origin(self, programme: Programme) -> str:
        """The origin scheme chosen, if the profile has it; else the default (or its first)."""
        available = origin_schemes(programme)
        if self.origin_scheme in available:
            return str(self.origin_scheme)
        return DEFAULT_ORIGIN if DEFAULT_ORIGIN in available else available[0]

    def edges(self, programme: Programme) -> tuple[int, ...]:
        return self.age_edges if self.age_edges else default_age_edges(programme)

    def year(self, today: dt.date | None = None) -> int:
        """The reference year; by default the last complete year."""
        if self.reference_year is not None:
            return self.reference_year
        return (today or dt.date.today()).year - 1

    def full_motivation(self) -> Motivation:
        return self.motivation or EMPTY_MOTIVATION

    def schemes(self, programme: Programme) -> tuple[str, ...]:
        """The profile scheme ids of the requested characteristics (age is bands, not a scheme)."""
        out = []
        for characteristic in self.requested():
            if characteristic == "origin":
                out.append(self.origin(programme))
            elif characteristic in SCHEME_OF:
                out.append(SCHEME_OF[characteristic])
        return tuple(out)

    def age_bands(self, programme: Programme) -> Bands | None:
        if "age" not in self.requested():
            return None
        return Bands(self.edges(programme))


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def origin_schemes(programme: Programme) -> tuple[str, ...]:
    """The origin schemes of the profile's ``[crossing]`` section, in profile order."""
    settings = settings_of(programme)
    return tuple(s.id for s in settings.schemes if s.characteristic == "origin")


def default_age_edges(programme: Programme) -> tuple[int, ...]:
    age = settings_of(programme).age
    if age is None:
        raise CrossingError("ksz.no-age-reference")
    return tuple(age.default_edges or age.edges)


# -- the officer's definitions as typed ------------------------------------------------------------


def parse_definitions(text: str) -> dict[str, str]:
    """``term: definition`` per line; a line without a colon is a definition without a term."""
    out: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        term, colon, definition = line.partition(":")
        if colon and term.strip() and definition.strip():
            out[term.strip()] = definition.strip()
        else:
            out[f"{number}"] = line
    return out


def format_definitions(definitions: Mapping[str, str]) -> str:
    """The definitions as the officer types them (the inverse of :func:`parse_definitions`)."""
    return "\n".join(
        value if key.isdigit() else f"{key}: {value}" for key, value in definitions.items()
    )


# -- the draft --------------------------------------------------------------------------------------


def reference_date(year: int) -> dt.date:
    """The KSZ route's peildatum: 31 December of the reference year (the profile's age is the
    age on that day; the linkage file counts the staff employed on it)."""
    return dt.date(year, 12, 31)


def align_reference(draft: Draft, today: dt.date | None = None) -> int:
    """Make the draft hold one reference on the KSZ route: the reference year chosen (or the
    default, the last complete year) kept in the choices and the peildatum on 31 December of it.
    Returns the year. Called where a KSZ draft is read (the wizard's organisation and decisions
    pages, the ``ksz`` commands); a peildatum of the draft's own gives way to the year."""
    choices = read_choices(draft)
    year = choices.year(today)
    if choices.reference_year != year:
        choices = replace(choices, reference_year=year)
    write_choices(draft, choices)
    return year


def read_choices(draft: Draft) -> KszChoices:
    """The KSZ choices the draft holds (none yet: every default)."""
    return KszChoices.from_json(draft.categories.ksz)


def write_choices(draft: Draft, choices: KszChoices) -> None:
    """Keep ``choices`` in the draft (the caller autosaves), with the peildatum on the chosen
    reference year's 31 December (see :func:`reference_date`)."""
    draft.categories = draft.categories.with_ksz(choices.to_json())
    if choices.reference_year is not None:
        draft.peildatum = reference_date(choices.reference_year)


def update_choices(draft: Draft, **changes: Any) -> KszChoices:
    """Change some choices in the draft, e.g. ``update_choices(draft, age_edges=(35, 55))``."""
    choices = replace(read_choices(draft), **changes)
    write_choices(draft, choices)
    return choices
