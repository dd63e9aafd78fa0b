"""The officer's choices as one JSON file (the "draft"), autosaved by the wizard after every page.

A draft never holds employee rows or values: those are read again from the source file. What it
holds is what the officer chose or typed about the organisation and the file. Each section is a
frozen dataclass; a change replaces the section (``draft.categories =
draft.categories.with_cell_threshold(7)``), so a copy handed to a worker can never change under it.
The :class:`Draft` itself is the one holder the wizard's pages share. Format (version 3)::

    {
      "format": "diversity-assistant/draft",
      "version": 3,
      "saved_with": "0.1.0",
      "saved_at": "2026-01-05T10:12:00",        # local time, informative only
      "programme": "cbs-barometer-ingezoomd",    # or null before the first choice
      "checklist": {"works-council-informed": {"confirmed": true, "date": "2025-12-01", "by": "A. Jansen"}},
      "organisation": {"name": "Gemeente Voorbeeld", "loonheffingennummers": ["802634540L01"],
                       "kbo_numbers": [], "staff_counts": ["412"],
                       "contact_name": "…", …,   # the profile's other fields, text, by field id
                       "earlier_participation": {"participated": true, "years": [2022, 2024]}},
      "peildatum": "2026-01-01",                 # or null
      "population": {"externals": false, "interns": false, "leavers": false},
      "has_file": true,                          # algemene variant: does the officer give an export?
      "source": {"path": "/…/personeel.xlsx", "sheet": "Personeel", "header_row": 3,
                 "fingerprint": {"sha256": "9f86d0…", "size": 48213}},   # or no fingerprint yet
      "mapping": { …the mapping file's shape, see desktop_app.mapping.store… },   # or null
      "categories": {
        "bands": {"age": [35, 50]},              # derived breakdown -> band edges
        "merges": {"Afdeling": {"ICT": "ICT en Onthaal"}},   # header -> {label: merged label}
        "cell_threshold": 7,                     # only where the profile names none; else absent
        "ksz": {…}                               # the KSZ choices, see desktop_app.ksz.choices
      },
      "delivery": {
        "upload": {"url": "sftp://…", "user": "…", "key_file": null, "ca_file": null},
        "recipient_certificate": {"path": "/…/cbs.pem", "confirmed_sha256": null}
      }
    }

A relative ``source.path`` is read relative to the draft's own folder (the bundled demo uses it).
``source.fingerprint`` is the SHA-256 and size of the bytes last checked (read for review); packaging
refuses a file that no longer matches it. A draft without one opens as it is and gets one when its
file is next checked. The mapping's value maps hold the coded values the officer translated
(``"Vrouw" -> "V"``), as a saved mapping does; nothing else from the file. Passwords are never kept
(the operating system's keyring holds them), nor SSH host keys (the app-data host-key store does).

Keys this release does not know (a section written by a later release of the same version) are
kept as they are and written back.

**Versions.** Every draft an earlier release wrote still opens: :func:`load_draft` runs it through
:mod:`desktop_app.draft_migrations`, one function per step (``migrate_1_to_2``, …), and the draft
is saved as the current version at the next autosave. A draft of a newer version than this
release knows is refused with a message to update the assistant (``draft.wrong-version``). The
rule for a new version: raise :data:`VERSION`, add ``migrate_<n>_to_<n+1>`` to the chain and keep
a draft the previous release wrote in ``tests/fixtures/drafts/``.

Version 1 differs from 2 only in where the upload settings live (``portal`` there, ``delivery``
here) and in SSH host keys kept in those settings (moved to the app-data store when migrated).
Version 2 held ``earlier_participation`` as free text; version 3 holds the choice (no, or yes with
the years), read from that text when migrated (kept as ``note``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping as MappingABC
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop_app import __version__
from desktop_app.atomic import write_atomic
from desktop_app.bounded_read import FileKind, read_json_bounded
from desktop_app.draft_migrations import DraftVersionError, migrate, years_in
from desktop_app.errors import AppError
from desktop_app.intake.fingerprint import SourceFingerprint
from desktop_app.mapping.model import Mapping
from desktop_app.mapping.store import mapping_from_json, mapping_to_json
from desktop_app.text import strip_accents

FORMAT = "diversity-assistant/draft"
VERSION = 3


class DraftError(AppError):
    """A draft file could not be read; the message says why and what to do."""


# -- the sections ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistAnswer:
    """One confirmed (or not yet confirmed) checklist item: when and by whom."""

    confirmed: bool = False
    date: dt.date | None = None
    by: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "confirmed": self.confirmed,
            "date": self.date.isoformat() if self.date else None,
            "by": self.by,
        }

    @classmethod
    def from_json(cls, data: Any) -> ChecklistAnswer:
        return cls(
            confirmed=bool(data.get("confirmed", False)),
            date=_date(data.get("date")),
            by=_optional(data.get("by"), str) or "",
        )


@dataclass(frozen=True)
class EarlierParticipation:
    """Taken part before ("Eerder deelgenomen"): no, or yes with the year(s). ``participated`` is
    None only for a free text an older draft held that says neither (its ``note``: the text)."""

    participated: bool | None
    years: tuple[int, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "years", tuple(sorted(set(self.years))))

    @classmethod
    def yes(cls, years_text: str) -> EarlierParticipation:
        """Yes, in the years typed (``"2022, 2024"``)."""
        return cls(True, tuple(years_in(years_text)))

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"participated": self.participated, "years": list(self.years)}
        if self.note:
            out["note"] = self.note
        return out

    @classmethod
    def from_json(cls, data: Any) -> EarlierParticipation:
        if not isinstance(data, dict):
            raise TypeError(f"earlier participation must be an object: {data!r}")
        years = data.get("years") or []
        if not isinstance(years, list) or not all(_is_int(y) for y in years):
            raise TypeError(f"the years of earlier participation must be whole numbers: {years!r}")
        return cls(
            _optional(data.get("participated"), bool),
            tuple(years),
            _optional(data.get("note"), str) or "",
        )


EARLIER_PARTICIPATION = "earlier_participation"
NUMBER_FIELDS = ("loonheffingennummers", "kbo_numbers")
LIST_FIELDS = (*NUMBER_FIELDS, "staff_counts")
_LOONHEFFINGENNUMMER = re.compile(r"(\d{9})L\d{2}")


ORGANISATION_ID = re.compile(r"(rsin-\d{9}|kbo-\d{10})")
"""The form of :attr:`Organisation.id`, which names the organisation's journeys and kept results
(a folder name: nothing else may pass)."""
MIN_YEAR, MAX_YEAR = 2000, 2100
"""The years a submission (its peildatum's year), its journey and the results kept for it may have."""


@dataclass(frozen=True)
class Organisation:
    """Who submits: the profile's organisation fields by id. The payroll-tax numbers
    (``loonheffingennummers``, Dutch), the enterprise numbers (``kbo_numbers``, Belgian) and the
    head count per payroll-tax number (``staff_counts``) are lists; every other field is text in
    ``fields`` (``name``, contact, signatory, the KSZ OpenPGP fingerprint, …) except
    ``earlier_participation``, a choice (:class:`EarlierParticipation`)."""

    fields: MappingABC[str, str] = field(default_factory=dict)
    loonheffingennummers: tuple[str, ...] = ()
    kbo_numbers: tuple[str, ...] = ()
    staff_counts: tuple[str, ...] = ()
    earlier_participation: EarlierParticipation | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", dict(self.fields))
        for name in LIST_FIELDS:
            object.__setattr__(self, name, tuple(getattr(self, name)))

    @property
    def name(self) -> str:
        return self.fields.get("name", "").strip()

    def get(self, field_id: str, default: Any = "") -> Any:
        """A field by the profile's id: a tuple for the list fields, else text (``default``
        when not filled in)."""
        if field_id in LIST_FIELDS:
            return getattr(self, field_id)
        if field_id == EARLIER_PARTICIPATION:
            return self.earlier_participation or default
        return self.fields.get(field_id, default)

    def with_value(
        self, field_id: str, value: str | Sequence[str] | EarlierParticipation | None
    ) -> Organisation:
        """This organisation with one field changed (None or empty: removed)."""
        if field_id == EARLIER_PARTICIPATION:
            if isinstance(value, EarlierParticipation):
                return replace(self, earlier_participation=value)
            if value:
                raise TypeError("earlier participation is a choice, not text")
            return replace(self, earlier_participation=None)
        if isinstance(value, EarlierParticipation):
            raise TypeError(f"{field_id} is not a choice of earlier participation")
        if field_id in LIST_FIELDS:
            values = () if value is None or isinstance(value, str) else tuple(value)
            if isinstance(value, str) and value:
                values = (value,)
            changes: dict[str, Any] = {field_id: values}
            return replace(self, **changes)
        fields = dict(self.fields)
        # a list the profile does not declare as one: as typed
        text = value if isinstance(value, str) else "; ".join(value or ())
        if text:
            fields[field_id] = text
        else:
            fields.pop(field_id, None)
        return replace(self, fields=fields)

    @property
    def id(self) -> str | None:
        """The organisation's stable identifier, not its name (so its keys, history and request
        survive a renamed organisation): ``rsin-<9 digits>`` from the loonheffingennummers (the
        RSIN is the 9 digits before ``L``; the lowest where there are several), else
        ``kbo-<10 digits>`` from the KBO numbers (the lowest); None while neither is given."""
        rsins = sorted(
            match.group(1)
            for number in self.loonheffingennummers
            if (match := _LOONHEFFINGENNUMMER.fullmatch(re.sub(r"[\s.]", "", number).upper()))
        )
        if rsins:
            return f"rsin-{rsins[0]}"
        kbos = sorted(
            digits.zfill(10)
            for number in self.kbo_numbers
            if 9 <= len(digits := re.sub(r"\D", "", number.upper().removeprefix("BE"))) <= 10
        )
        if kbos:
            return f"kbo-{kbos[0]}"
        return None

    @property
    def name_slug(self) -> str:
        """The identifier releases before draft version 2 used, made from the name (where keys
        made by those releases are found)."""
        return re.sub(r"[^a-z0-9]+", "-", strip_accents(self.name).lower()).strip("-")[:64]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.fields)
        for name in LIST_FIELDS:
            if getattr(self, name):
                out[name] = list(getattr(self, name))
        if self.earlier_participation is not None:
            out[EARLIER_PARTICIPATION] = self.earlier_participation.to_json()
        return out

    @classmethod
    def from_json(cls, data: Any) -> Organisation:
        fields: dict[str, str] = {}
        lists: dict[str, tuple[str, ...]] = {}
        data = dict(data or {})
        earlier = data.pop(EARLIER_PARTICIPATION, None)
        participation = EarlierParticipation.from_json(earlier) if earlier is not None else None
        for key, value in data.items():
            if isinstance(value, list):
                lists[_text(key)] = tuple(_text(v) for v in value)
            else:
                fields[_text(key)] = _text(value)
        for name in LIST_FIELDS:  # a single number typed as text still reads as a list
            if name in fields:
                lists[name] = (fields.pop(name),)
        unknown = set(lists) - set(LIST_FIELDS)
        if unknown:
            raise TypeError(f"expected text, found a list for {sorted(unknown)}")
        return cls(fields=fields, earlier_participation=participation, **lists)


@dataclass(frozen=True)
class SourceFile:
    """Which file, sheet and header row the officer chose (the file itself is only read), and the
    fingerprint of the file's bytes as they were checked (None: not checked yet, or an older
    draft)."""

    path: Path | None = None
    sheet: str | None = None
    header_row: int | None = None
    fingerprint: SourceFingerprint | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": str(self.path) if self.path else None,
            "sheet": self.sheet,
            "header_row": self.header_row,
        }
        if self.fingerprint is not None:
            data["fingerprint"] = self.fingerprint.to_json()
        return data


Merges = MappingABC[str, MappingABC[str, str]]  # header -> {label in the file: merged label}


@dataclass(frozen=True)
class CategoryChoices:
    """How the breakdowns' categories are shaped: band edges of derived breakdowns, merges of
    categories per breakdown, the officer's cell threshold (only asked where the profile names
    none) and the KSZ choices (``ksz``: the section :class:`desktop_app.ksz.choices.KszChoices`
    reads and writes; use :func:`desktop_app.ksz.choices.read_choices`)."""

    bands: MappingABC[str, tuple[int, ...]] = field(default_factory=dict)
    merges: Merges = field(default_factory=dict)
    cell_threshold: int | None = None
    ksz: MappingABC[str, Any] = field(default_factory=dict)
    other: MappingABC[str, Any] = field(default_factory=dict)  # keys of a later release, kept

    def __post_init__(self) -> None:
        object.__setattr__(self, "bands", {k: tuple(v) for k, v in self.bands.items()})
        object.__setattr__(self, "merges", {k: dict(v) for k, v in self.merges.items() if v})
        object.__setattr__(self, "ksz", json.loads(json.dumps(dict(self.ksz))))

    def bands_json(self) -> dict[str, list[int]]:
        """The band edges as the category modules take them (lists)."""
        return {k: list(v) for k, v in self.bands.items()}

    def merges_of(self, header: str) -> dict[str, str]:
        return dict(self.merges.get(header, {}))

    def with_bands(self, breakdown: str, edges: Sequence[int] | None) -> CategoryChoices:
        bands = dict(self.bands)
        if edges is None:
            bands.pop(breakdown, None)
        else:
            bands[breakdown] = tuple(edges)
        return replace(self, bands=bands)

    def with_merges(self, header: str, merges: MappingABC[str, str] | None) -> CategoryChoices:
        """These choices with ``header``'s merges replaced (None or empty: no merges)."""
        every = {k: dict(v) for k, v in self.merges.items()}
        if merges:
            every[header] = dict(merges)
        else:
            every.pop(header, None)
        return replace(self, merges=every)

    def with_all_merges(self, merges: Merges) -> CategoryChoices:
        return replace(self, merges=merges)

    def with_cell_threshold(self, value: int | None) -> CategoryChoices:
        return replace(self, cell_threshold=value)

    def with_ksz(self, section: MappingABC[str, Any]) -> CategoryChoices:
        return replace(self, ksz=section)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.other)
        if self.bands:
            out["bands"] = self.bands_json()
        if self.merges:
            out["merges"] = {k: dict(v) for k, v in self.merges.items()}
        if self.cell_threshold is not None:
            out["cell_threshold"] = self.cell_threshold
        if self.ksz:
            out["ksz"] = dict(self.ksz)
        return out

    @classmethod
    def from_json(cls, data: Any) -> CategoryChoices:
        data = dict(data or {})
        bands = data.pop("bands", None) or {}
        merges = data.pop("merges", None) or {}
        threshold = data.pop("cell_threshold", None)
        ksz = data.pop("ksz", None) or {}
        if not isinstance(bands, dict) or not all(
            isinstance(v, list) and all(_is_int(e) for e in v) for v in bands.values()
        ):
            raise TypeError(f"band edges must be lists of whole numbers: {bands!r}")
        if not isinstance(merges, dict) or not all(
            isinstance(v, dict) and all(isinstance(x, str) for x in (*v, *v.values()))
            for v in merges.values()
        ):
            raise TypeError(f"merges must map labels to labels: {merges!r}")
        if threshold is not None and (not _is_int(threshold) or threshold < 1):
            threshold = None  # as the wizard always read it: not given
        if not isinstance(ksz, dict):
            raise TypeError(f"the KSZ choices must be an object: {ksz!r}")
        return cls(bands=bands, merges=merges, cell_threshold=threshold, ksz=ksz, other=data)


@dataclass(frozen=True)
class UploadSettings:
    """The office's portal as the officer last gave it (never the password, never a host key)."""

    url: str = ""
    user: str = ""
    key_file: str | None = None
    ca_file: str | None = None
    other: MappingABC[str, Any] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self == UploadSettings()

    def to_json(self) -> dict[str, Any]:
        return {
            **self.other,
            "url": self.url,
            "user": self.user,
            "key_file": self.key_file,
            "ca_file": self.ca_file,
        }

    @classmethod
    def from_json(cls, data: Any) -> UploadSettings:
        data = dict(data or {})
        return cls(
            url=_optional(data.pop("url", None), str) or "",
            user=_optional(data.pop("user", None), str) or "",
            key_file=_optional(data.pop("key_file", None), str) or None,
            ca_file=_optional(data.pop("ca_file", None), str) or None,
            other=data,
        )


@dataclass(frozen=True)
class RecipientChoice:
    """The office's encryption certificate the officer chose and, where the profile pins none,
    the SHA-256 they confirmed (None: not confirmed)."""

    path: Path
    confirmed_sha256: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "confirmed_sha256": self.confirmed_sha256}

    @classmethod
    def from_json(cls, data: Any) -> RecipientChoice | None:
        path = _optional(data.get("path"), str)
        if not path:
            return None
        return cls(Path(path), _optional(data.get("confirmed_sha256"), str))


@dataclass(frozen=True)
class OpenPgpKeyChoice:
    """The office's OpenPGP public key the officer chose and, where the profile pins none, the
    fingerprint they confirmed with the office (None: not confirmed)."""

    path: Path
    confirmed_fingerprint: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "confirmed_fingerprint": self.confirmed_fingerprint}

    @classmethod
    def from_json(cls, data: Any) -> OpenPgpKeyChoice | None:
        path = _optional(data.get("path"), str)
        if not path:
            return None
        return cls(Path(path), _optional(data.get("confirmed_fingerprint"), str))


@dataclass(frozen=True)
class Delivery:
    """How the package leaves: the channel and protection chosen (None: the profile's default;
    the profile's own names, ``web-portal``, ``openpgp``, …), the portal to upload to, and what
    the office gave: its certificate or its OpenPGP key. The last delivery's record (the file the
    officer keeps) so the wizard can offer the confirmation again."""

    upload: UploadSettings | None = None
    recipient: RecipientChoice | None = None
    channel: str | None = None
    protection: str | None = None
    openpgp_key: OpenPgpKeyChoice | None = None
    record: Path | None = None
    other: MappingABC[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.other)
        if self.upload is not None:
            out["upload"] = self.upload.to_json()
        if self.recipient is not None:
            out["recipient_certificate"] = self.recipient.to_json()
        if self.channel is not None:
            out["channel"] = self.channel
        if self.protection is not None:
            out["protection"] = self.protection
        if self.openpgp_key is not None:
            out["recipient_openpgp_key"] = self.openpgp_key.to_json()
        if self.record is not None:
            out["record"] = str(self.record)
        return out

    @classmethod
    def from_json(cls, data: Any) -> Delivery:
        data = dict(data or {})
        upload = data.pop("upload", None)
        recipient = data.pop("recipient_certificate", None)
        key = data.pop("recipient_openpgp_key", None)
        record = _optional(data.pop("record", None), str)
        return cls(
            upload=UploadSettings.from_json(upload) if isinstance(upload, dict) else None,
            recipient=RecipientChoice.from_json(recipient) if isinstance(recipient, dict) else None,
            channel=_optional(data.pop("channel", None), str),
            protection=_optional(data.pop("protection", None), str),
            openpgp_key=OpenPgpKeyChoice.from_json(key) if isinstance(key, dict) else None,
            record=Path(record) if record else None,
            other=data,
        )


# -- the draft ------------------------------------------------------------------------------------


@dataclass
class Draft:
    """Everything the officer chose so far: the one holder the wizard's pages share. Its sections
    are frozen; a page replaces a section to change it."""

    programme_id: str | None = None
    checklist: dict[str, ChecklistAnswer] = field(default_factory=dict)
    organisation: Organisation = field(default_factory=Organisation)
    peildatum: dt.date | None = None
    population: dict[str, bool] = field(default_factory=dict)
    has_file: bool | None = None
    source: SourceFile = field(default_factory=SourceFile)
    mapping: Mapping | None = None
    categories: CategoryChoices = field(default_factory=CategoryChoices)
    delivery: Delivery = field(default_factory=Delivery)

    @property
    def breakdowns(self) -> tuple[str, ...]:
        """The source headers chosen as breakdowns (kept in the mapping)."""
        return tuple(b.header for b in self.mapping.breakdowns) if self.mapping else ()

    @property
    def organisation_id(self) -> str | None:
        """The organisation's stable identifier (see :attr:`Organisation.id`)."""
        return self.organisation.id

    @property
    def year(self) -> int | None:
        """The submission's year: its peildatum's year (None before a peildatum is chosen)."""
        return self.peildatum.year if self.peildatum else None

    def all_confirmed(self, item_ids: list[str] | tuple[str, ...]) -> bool:
        return all(
            (answer := self.checklist.get(i)) is not None and answer.confirmed for i in item_ids
        )

    def copy(self) -> Draft:
        """A copy for a worker: the officer may go Back and change choices meanwhile (the
        sections are frozen and shared; the containers are copied)."""
        return replace(self, checklist=dict(self.checklist), population=dict(self.population))

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "saved_with": __version__,
            "saved_at": dt.datetime.now().replace(microsecond=0).isoformat(),
            "programme": self.programme_id,
            "checklist": {k: v.to_json() for k, v in self.checklist.items()},
            "organisation": self.organisation.to_json(),
            "peildatum": self.peildatum.isoformat() if self.peildatum else None,
            "population": dict(self.population),
            "has_file": self.has_file,
            "source": self.source.to_json(),
            "mapping": mapping_to_json(self.mapping) if self.mapping else None,
            "categories": self.categories.to_json(),
            "delivery": self.delivery.to_json(),
        }


def save_draft(draft: Draft, path: Path) -> None:
    """Write the draft as JSON, atomically (readers see the old draft or the new one)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(draft.to_json(), ensure_ascii=False, indent=2) + "\n"
    write_atomic(path, text.encode("utf-8"))


def _json_location(error: UnicodeDecodeError | json.JSONDecodeError) -> tuple[int, int]:
    """Where a draft stops being JSON (or UTF-8): line and column, from 1."""
    if isinstance(error, json.JSONDecodeError):
        return error.lineno, error.colno
    before = bytes(error.object[: error.start])
    return before.count(b"\n") + 1, error.start - (before.rfind(b"\n") + 1) + 1


def load_draft(path: Path) -> Draft:
    """Read a draft of this or an earlier version (migrated, see the module's docstring); a
    missing, damaged, foreign or newer file is refused with a :class:`DraftError`."""
    path = Path(path)
    try:
        data = read_json_bounded(path, FileKind.DRAFT)
    except FileNotFoundError:
        raise DraftError("draft.not-found", file=path.name) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line, column = _json_location(error)  # numbers: the decoder's English stays out
        raise DraftError("draft.not-json", file=path.name, line=line, column=column) from None
    except OSError as error:
        raise DraftError("draft.unreadable", file=path.name, detail=error.strerror) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DraftError("draft.wrong-format", file=path.name)
    try:
        data = migrate(data, VERSION)
    except DraftVersionError as error:
        raise DraftError(
            error.key, file=path.name, version=error.version, supported=VERSION
        ) from None
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise DraftError("draft.damaged", file=path.name, detail=str(error)) from None
    try:
        return draft_from_json(data, path.parent)
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise DraftError("draft.damaged", file=path.name, detail=str(error)) from None


def draft_from_json(data: dict[str, Any], folder: Path) -> Draft:
    """A draft from its JSON at the current version (relative source paths: from ``folder``)."""
    source = data.get("source") or {}
    source_path = _optional(source.get("path"), str)
    if source_path and not Path(source_path).is_absolute():
        source_path = str((folder / source_path).resolve())
    return Draft(
        programme_id=_optional(data.get("programme"), str),
        checklist={
            _text(item): ChecklistAnswer.from_json(answer)
            for item, answer in (data.get("checklist") or {}).items()
        },
        organisation=Organisation.from_json(data.get("organisation")),
        peildatum=_date(data.get("peildatum")),
        population={_text(k): bool(v) for k, v in (data.get("population") or {}).items()},
        has_file=_optional(data.get("has_file"), bool),
        source=SourceFile(
            path=Path(source_path) if source_path else None,
            sheet=_optional(source.get("sheet"), str),
            header_row=_optional(source.get("header_row"), int),
            fingerprint=(
                SourceFingerprint.from_json(source["fingerprint"])
                if source.get("fingerprint") is not None
                else None
            ),
        ),
        mapping=mapping_from_json(data["mapping"]) if data.get("mapping") else None,
        categories=CategoryChoices.from_json(data.get("categories")),
        delivery=Delivery.from_json(data.get("delivery")),
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {value!r}")
    return value


def _optional(value: Any, kind: type) -> Any:
    if value is None:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(f"expected {kind.__name__}, found {value!r}")
    return value


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(_text(value)) if value is not None else None
