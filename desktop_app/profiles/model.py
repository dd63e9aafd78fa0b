"""A programme profile, as loaded from ``resources/programmes/<id>.toml`` (see loader.py).

These dataclasses are also the profile's schema: the reader takes every table's keys, their types
and whether they are required (no default) from the fields below; what a type cannot say (an id's
form, a range, unique ids) is the fields' ``key(...)`` metadata (schema.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Literal

from desktop_app.messages import LocalizedText
from desktop_app.profiles.schema import COUNTRY, ID, VERSION, key

MAX_AGE_LIMIT = 120  # the highest max_age a profile may set


class FieldType(StrEnum):
    """How a field's values are read and checked (validation dispatches on this)."""

    TEXT = "text"
    CATEGORY = "category"  # free subgroup labels (a breakdown's department, function level, ...)
    CODE = "code"  # a closed list of codes given in the profile (sex, ...): value maps apply
    INTEGER = "integer"
    DECIMAL = "decimal"  # decimal comma or point
    YEAR = "year"
    DATE = "date"
    BSN = "bsn"
    RSIN = "rsin"
    LOONHEFFINGENNUMMER = "loonheffingennummer"
    INSZ = "insz"  # Belgian national number or BIS number
    KBO = "kbo"  # Belgian enterprise number
    POSTCODE_NL = "postcode_nl"
    HOUSE_NUMBER = "house_number"
    HOUSE_NUMBER_SUFFIX = "house_number_suffix"
    EMAIL = "email"
    PHONE = "phone"


class Flow(StrEnum):
    """The route the wizard and the command line take for a programme (the profile says which)."""

    CBS = "cbs"  # the Dutch CBS barometer: employee file, categories, package, delivery
    KSZ = "ksz"  # the Belgian KSZ/BCSS data request: decisions, crossing check, request


class FieldRole(StrEnum):
    """What a field is for; decides what may leave the machine and which checks apply."""

    IDENTIFIER = "identifier"  # part of an identification key (BSN, birth date, postcode, ...)
    POPULATION = "population"  # decides who is counted (start/end date, contract type)
    ATTRIBUTE = "attribute"  # sent as is (after categorisation where the programme asks)
    INTERNAL = "internal"  # helps checking (personnel number, name), never leaves the machine


@dataclass(frozen=True)
class CodeValue:
    """One allowed code of a CODE field, with its label and the spellings that mean it."""

    code: str
    label: LocalizedText
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChecklistItem:
    id: str = field(metadata=key(form=ID))
    text: LocalizedText
    explanation: LocalizedText


@dataclass(frozen=True)
class OrganisationField:
    id: str = field(metadata=key(form=ID))
    type: FieldType
    label: LocalizedText
    required: bool = True
    multiple: bool = False  # a list of values (several loonheffingennummers or KBO numbers)
    help: LocalizedText | None = None


@dataclass(frozen=True)
class EmployeeField:
    id: str = field(metadata=key(form=ID))
    type: FieldType
    label: LocalizedText
    role: FieldRole
    required: bool = (
        False  # required on its own; identification-key fields are required via the key
    )
    synonyms: tuple[str, ...] = ()  # header spellings, all languages together
    codes: tuple[CodeValue, ...] = field(default=(), metadata=key(unique="code"))  # CODE only
    help: LocalizedText | None = None


@dataclass(frozen=True)
class IdentificationKey:
    """One way to identify a person; the first fully mapped alternative is used."""

    id: str = field(metadata=key(form=ID))
    label: LocalizedText
    fields: tuple[str, ...]  # all must be mapped
    optional_fields: tuple[str, ...] = ()  # sent when mapped (house-number suffix)
    note: LocalizedText | None = None


@dataclass(frozen=True)
class Breakdown:
    """A kind of subgroup the programme accepts (organisational unit, function level, ...)."""

    id: str = field(metadata=key(form=ID))
    label: LocalizedText
    synonyms: tuple[str, ...] = ()
    derived_from: str | None = None  # e.g. "birth_date" for age, "start_date" for entry year


@dataclass(frozen=True)
class Thresholds:
    # CBS ingezoomd: 250 employees per subgroup
    min_subgroup_size: int | None = field(default=None, metadata=key(minimum=1))
    # frequency-table cells below this are primary unsafe
    cell_threshold: int = field(default=3, metadata=key(minimum=0))
    # plausibility at the peildatum
    min_age: int = field(default=14, metadata=key(minimum=0))
    max_age: int = field(default=100, metadata=key(minimum=1, maximum=MAX_AGE_LIMIT))


@dataclass(frozen=True)
class PopulationOption:
    """A population choice the officer makes (externals, interns, leavers included?)."""

    id: str = field(metadata=key(form=ID))
    label: LocalizedText
    default: bool = False


@dataclass(frozen=True)
class FieldSource:
    """``field:<id>``: an employee field's values."""

    field: str

    def __str__(self) -> str:
        return f"field:{self.field}"


@dataclass(frozen=True)
class BreakdownSource:
    """``breakdown:<n>``: the category codes of the n-th chosen breakdown (1-based)."""

    number: int

    def __str__(self) -> str:
        return f"breakdown:{self.number}"


@dataclass(frozen=True)
class OrganisationSource:
    """``organisation:<id>``: an organisation field, the same on every row."""

    field: str

    def __str__(self) -> str:
        return f"organisation:{self.field}"


@dataclass(frozen=True)
class ConstantSource:
    """``constant:<text>``: the text itself on every row (it may be empty)."""

    value: str

    def __str__(self) -> str:
        return f"constant:{self.value}"


@dataclass(frozen=True)
class PeildatumSource:
    """``peildatum``: the reference date, on every row."""

    def __str__(self) -> str:
        return "peildatum"


@dataclass(frozen=True)
class CountSource:
    """``count``: the file becomes a table of counts (see :class:`OutputColumn`)."""

    def __str__(self) -> str:
        return "count"


OutputSource = (
    FieldSource
    | BreakdownSource
    | OrganisationSource
    | ConstantSource
    | PeildatumSource
    | CountSource
)


def parse_output_source(text: str) -> OutputSource | None:  # noqa: PLR0911 - one per form
    """The typed source a profile's ``source = "..."`` text names, or None if it names none.

    ``str()`` of the result gives ``text`` back. References (does the field exist?) are the
    profile reader's checks; this only reads the form.
    """
    if text == "peildatum":
        return PeildatumSource()
    if text == "count":
        return CountSource()
    kind, separator, rest = text.partition(":")
    if not separator:
        return None
    if kind == "constant":
        return ConstantSource(rest)
    if kind == "field" and rest:
        return FieldSource(rest)
    if kind == "organisation" and rest:
        return OrganisationSource(rest)
    if kind == "breakdown" and rest.isascii() and rest.isdigit() and int(rest) >= 1:
        return BreakdownSource(int(rest))
    return None


@dataclass(frozen=True)
class OutputColumn:
    """One column of the programme's output file.

    ``source`` is written ``field:<employee field id>``, ``breakdown:<n>`` (the n-th chosen
    breakdown, 1-based), ``peildatum``, ``organisation:<field id>``, ``constant:<text>`` or
    ``count`` in the profile, and read once into an :data:`OutputSource`. ``part`` takes
    ``year``/``month``/``day`` of a date. ``format`` is a strftime pattern for whole dates.

    ``count`` makes the file a table of counts instead of one row per employee: one row per
    distinct combination of the other columns' values among the included employees, with the
    number of them (CBS algemene variant: staff per loonheffingennummer). ``required = false``
    marks a column that is written only when its source is mapped or chosen (the address-key
    columns when the BSN key is used, breakdown columns beyond the chosen ones).
    """

    name: str
    source: OutputSource
    part: Literal["year", "month", "day"] | None = None
    format: str | None = None
    required: bool = True


@dataclass(frozen=True)
class OutputFormat:
    file_type: Literal["csv", "xlsx"]
    file_name: str  # pattern, may use {organisation} {peildatum} {programme}
    columns: tuple[OutputColumn, ...] = field(metadata=key(unique="name"))
    encoding: str = "utf-8"
    delimiter: str = field(default=";", metadata=key(blank=True))
    decimal: str = field(default=",", metadata=key(blank=True))
    line_terminator: str = field(default="\r\n", metadata=key(blank=True))
    date_format: str = "%Y-%m-%d"
    header: bool = True


@dataclass(frozen=True)
class Portal:
    protocol: Literal["sftp", "tus"]
    url: str | None = field(default=None, metadata=key(blank=True))
    host_key_sha256: str | None = field(default=None, metadata=key(blank=True))
    tls_pin_sha256: str | None = field(default=None, metadata=key(blank=True))


class Channel(StrEnum):
    """How the file reaches the office."""

    WEB_PORTAL = "web-portal"  # the officer uploads it in the office's web portal (browser)
    SFTP = "sftp"  # the assistant uploads it (desktop_app/transfer)
    TUS = "tus"  # the assistant uploads it over HTTPS (tus resumable uploads)
    HAND_OVER = "hand-over"  # the officer delivers the file by the route agreed with the office


class Protection(StrEnum):
    """What protects the file on its way, besides the channel."""

    NONE = "none"  # the office's file as is: only the channel protects it (the portal's TLS)
    CMS = "cms"  # signed and encrypted to the office's X.509 certificate (a .p7m)
    OPENPGP = "openpgp"  # signed and encrypted to the office's OpenPGP key (a .gpg)
    PASSPHRASE = "passphrase"  # noqa: S105 - an AES-256 7-Zip archive, passphrase by phone (.7z)


@dataclass(frozen=True)
class DeliveryOptions:
    """What the office accepts (the profile's ``[delivery]``): channels and protections, each
    with a default; the code decides nothing per programme.

    ``manifest_in`` lists the protections whose package also carries ``manifest.json`` (offices
    that open packages with this tool's ``open``); the officer keeps a record in every route.
    ``web_portal_url`` is the office's portal address when it is public (None: the officer has
    it from the office's e-mail). ``recipient_openpgp_fingerprint`` pins the office's OpenPGP key
    where it is public, as ``recipient_certificate_sha256`` pins its certificate.
    """

    channels: tuple[Channel, ...]
    protections: tuple[Protection, ...]
    default_channel: Channel
    default_protection: Protection
    manifest_in: tuple[Protection, ...] = ()
    web_portal_url: str | None = field(default=None, metadata=key(blank=True))
    recipient_openpgp_fingerprint: str | None = field(default=None, metadata=key(blank=True))
    note: LocalizedText | None = None  # one plain sentence on how this office receives files


@dataclass(frozen=True)
class OfficeStep:
    """One step of the office's procedure, in order (CBS's nine, KSZ's four and what follows).

    ``actor`` says who acts; ``delivery = true`` marks the step in which the file goes to the
    office (the wizard's delivery), so the steps after it are "what happens next" and the ones
    before it what the officer did or does first. ``closes`` says what closes the step: a file
    the assistant made, a document the officer received, an upload receipt, or the officer's
    confirmation (the journey records it).
    """

    id: str = field(metadata=key(form=ID))
    title: LocalizedText
    explanation: LocalizedText
    actor: Literal["organisation", "office"]
    closes: Literal["made-by-app", "received-document", "receipt", "confirmation"]
    delivery: bool = False


@dataclass(frozen=True)
class ReferenceGroup:
    """One group of a characteristic scheme with its reference share of the population."""

    code: str = field(metadata=key(form=ID))
    label: LocalizedText
    share: float


@dataclass(frozen=True)
class CharacteristicScheme:
    """A way to group a characteristic the office links (origin groups, sex, work regime).

    ``shares`` are reference figures (e.g. Statbel's population shares) used to predict cell sizes
    before the request is made; ``coarser`` names schemes of the same characteristic that keep less
    detail (proposed when a crossing is too small).
    """

    id: str = field(metadata=key(form=ID))
    characteristic: Literal["origin", "sex", "work_regime"]
    label: LocalizedText
    definition: LocalizedText
    groups: tuple[ReferenceGroup, ...] = field(metadata=key(unique="code"))
    coarser: tuple[str, ...] = ()

    def share(self, code: str) -> float:
        for group in self.groups:
            if group.code == code:
                return group.share
        raise KeyError(code)


@dataclass(frozen=True)
class AgeReference:
    """Reference age distribution: shares of fine bands (``edges`` as in :class:`Bands`).

    Requested age bands must use a subset of these edges; a band's share is the sum of its fine
    bands. ``default_edges`` are the bands proposed first.
    """

    edges: tuple[int, ...]
    shares: tuple[float, ...]  # len(edges) + 1: below the first edge ... from the last edge on
    default_edges: tuple[int, ...]
    definition: LocalizedText


@dataclass(frozen=True)
class CrossingSettings:
    """What the crossing check needs (KSZ route): a versioned set of reference figures."""

    # the version of the reference figures, not of the profile
    version: str = field(metadata=key(form=VERSION))
    source: LocalizedText  # where the figures come from, and that they are approximations
    schemes: tuple[CharacteristicScheme, ...] = field(metadata=key(unique="id"))
    age: AgeReference | None = None

    def scheme(self, scheme_id: str) -> CharacteristicScheme:
        for candidate in self.schemes:
            if candidate.id == scheme_id:
                return candidate
        raise KeyError(scheme_id)


@dataclass(frozen=True)
class ResultGroup:
    """One origin group of a returned table: its code and the column headers the office writes."""

    code: str = field(metadata=key(form=ID))
    label: LocalizedText
    headers: tuple[str, ...]  # spellings of the group's column header, all languages together


@dataclass(frozen=True)
class ResultClassification:
    """An origin classification the office's tables use (one series never mixes two)."""

    id: str = field(metadata=key(form=ID))
    label: LocalizedText
    groups: tuple[ResultGroup, ...] = field(metadata=key(unique="code"))


@dataclass(frozen=True)
class ResultsLayout:
    """What the table set the office returns looks like (desktop_app/results reads it)."""

    unit: Literal["job", "person"]  # jobs (CBS algemeen) or persons (ingezoomd, KSZ)
    values: Literal["percentages", "counts"]
    file_types: tuple[str, ...]  # "xlsx", "csv"
    classifications: tuple[ResultClassification, ...] = field(metadata=key(unique="id"))
    label_headers: tuple[str, ...]  # the column naming the subgroup ("Subgroep", "Categorie")
    size_headers: tuple[str, ...]  # the column with the group size ("Aantal personen")
    total_labels: tuple[str, ...]  # the row of the whole organisation ("Totaal")
    breakdown_headers: tuple[str, ...] = ()  # a column naming the breakdown (one long table)
    notes_sheets: tuple[str, ...] = ()  # sheet names (or their start) that hold notes, not data
    suppression_markers: tuple[str, ...] = (".", "x", "-")  # a blank cell is always suppressed
    size_rounding: int = field(default=1, metadata=key(minimum=1))  # sizes rounded to this
    share_decimals: int = field(default=1, metadata=key(minimum=0, maximum=6))
    unmatched_percent: int = field(default=0, metadata=key(minimum=0, maximum=50))
    note: LocalizedText | None = None
    # where the assistant may fetch the table set itself (``sftp``: from the office's SFTP server,
    # with the upload's host-key rules); empty: the officer downloads it (the office's portal)
    fetch_channels: tuple[Literal["sftp"], ...] = ()
    returned: LocalizedText | None = None  # one plain sentence: how the office returns its tables


@dataclass(frozen=True, kw_only=True)
class Programme:
    id: str = field(metadata=key(form=ID))
    version: str = field(metadata=key(form=VERSION))
    office: str  # "CBS", "KSZ"
    country: str = field(metadata=key(form=COUNTRY))  # "NL", "BE"
    variant: str  # "ingezoomd", "algemeen", "aanvraag"
    flow: Flow  # which route the wizard and the command line take
    name: LocalizedText
    description: LocalizedText
    counting_unit: Literal["person", "job"]
    needs_employee_file: bool = True
    checklist: tuple[ChecklistItem, ...] = field(default=(), metadata=key(unique="id"))
    organisation_fields: tuple[OrganisationField, ...] = field(
        default=(), metadata=key(unique="id")
    )
    employee_fields: tuple[EmployeeField, ...] = field(default=(), metadata=key(unique="id"))
    identification_keys: tuple[IdentificationKey, ...] = field(
        default=(), metadata=key(unique="id")
    )
    breakdowns: tuple[Breakdown, ...] = field(default=(), metadata=key(unique="id"))
    max_breakdowns: int | None = field(default=None, metadata=key(minimum=1))
    population_options: tuple[PopulationOption, ...] = field(default=(), metadata=key(unique="id"))
    thresholds: Thresholds = field(default_factory=Thresholds)
    output: OutputFormat | None = None
    recipient_certificate_sha256: str | None = field(default=None, metadata=key(blank=True))
    portal: Portal | None = None
    delivery: DeliveryOptions  # what the office accepts: channels and protections
    office_steps: tuple[OfficeStep, ...] = field(default=(), metadata=key(unique="id"))
    crossing: CrossingSettings | None = None  # KSZ: reference shares for the crossing check
    results: ResultsLayout | None = None  # the tables the office returns
    source_path: Path | None = field(default=None, compare=False, metadata=key(read=False))

    def steps_after_delivery(self) -> tuple[OfficeStep, ...]:
        """The office's steps after the file reached it: "what happens next"."""
        for position, step in enumerate(self.office_steps):
            if step.delivery:
                return self.office_steps[position + 1 :]
        return ()

    def employee_field(self, field_id: str) -> EmployeeField:
        for candidate in self.employee_fields:
            if candidate.id == field_id:
                return candidate
        raise KeyError(field_id)

    def breakdown(self, breakdown_id: str) -> Breakdown:
        for candidate in self.breakdowns:
            if candidate.id == breakdown_id:
                return candidate
        raise KeyError(breakdown_id)
