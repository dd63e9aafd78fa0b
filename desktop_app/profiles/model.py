"""A programme profile, as loaded from ``resources/programmes/<id>.toml`` (see loader.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from desktop_app.messages import LocalizedText


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
    id: str
    text: LocalizedText
    explanation: LocalizedText


@dataclass(frozen=True)
class OrganisationField:
    id: str
    type: FieldType
    label: LocalizedText
    required: bool = True
    multiple: bool = False  # a list of values (several loonheffingennummers or KBO numbers)
    help: LocalizedText | None = None


@dataclass(frozen=True)
class EmployeeField:
    id: str
    type: FieldType
    label: LocalizedText
    role: FieldRole
    required: bool = (
        False  # required on its own; identification-key fields are required via the key
    )
    synonyms: tuple[str, ...] = ()  # header spellings, all languages together
    codes: tuple[CodeValue, ...] = ()  # CODE fields only
    help: LocalizedText | None = None


@dataclass(frozen=True)
class IdentificationKey:
    """One way to identify a person; the first fully mapped alternative is used."""

    id: str
    label: LocalizedText
    fields: tuple[str, ...]  # all must be mapped
    optional_fields: tuple[str, ...] = ()  # sent when mapped (house-number suffix)
    note: LocalizedText | None = None


@dataclass(frozen=True)
class Breakdown:
    """A kind of subgroup the programme accepts (organisational unit, function level, ...)."""

    id: str
    label: LocalizedText
    synonyms: tuple[str, ...] = ()
    derived_from: str | None = None  # e.g. "birth_date" for age, "start_date" for entry year


@dataclass(frozen=True)
class Thresholds:
    min_subgroup_size: int | None = None  # CBS ingezoomd: 250 employees per subgroup
    cell_threshold: int = 3  # frequency-table cells below this are primary unsafe
    min_age: int = 14  # plausibility at the peildatum
    max_age: int = 100


@dataclass(frozen=True)
class PopulationOption:
    """A population choice the officer makes (externals, interns, leavers included?)."""

    id: str
    label: LocalizedText
    default: bool = False


@dataclass(frozen=True)
class OutputColumn:
    """One column of the programme's output file.

    ``source`` is ``field:<employee field id>``, ``breakdown:<n>`` (the n-th chosen breakdown,
    1-based), ``peildatum``, ``organisation:<field id>``, ``constant:<text>`` or ``count``.
    ``part`` takes ``year``/``month``/``day`` of a date. ``format`` is a strftime pattern for whole
    dates.

    ``count`` makes the file a table of counts instead of one row per employee: one row per
    distinct combination of the other columns' values among the included employees, with the
    number of them (CBS algemene variant: staff per loonheffingennummer). ``required = false``
    marks a column that is written only when its source is mapped or chosen (the address-key
    columns when the BSN key is used, breakdown columns beyond the chosen ones).
    """

    name: str
    source: str
    part: str | None = None
    format: str | None = None
    required: bool = True


@dataclass(frozen=True)
class OutputFormat:
    file_type: str  # "csv" or "xlsx"
    file_name: str  # pattern, may use {organisation} {peildatum} {programme}
    columns: tuple[OutputColumn, ...]
    encoding: str = "utf-8"
    delimiter: str = ";"
    decimal: str = ","
    line_terminator: str = "\r\n"
    date_format: str = "%Y-%m-%d"
    header: bool = True


@dataclass(frozen=True)
class Portal:
    protocol: str  # "sftp" or "tus"
    url: str | None = None
    host_key_sha256: str | None = None
    tls_pin_sha256: str | None = None


@dataclass(frozen=True)
class ReferenceGroup:
    """One group of a characteristic scheme with its reference share of the population."""

    code: str
    label: LocalizedText
    share: float


@dataclass(frozen=True)
class CharacteristicScheme:
    """A way to group a characteristic the office links (origin groups, sex, work regime).

    ``shares`` are reference figures (e.g. Statbel's population shares) used to predict cell sizes
    before the request is made; ``coarser`` names schemes of the same characteristic that keep less
    detail (proposed when a crossing is too small).
    """

    id: str
    characteristic: str  # "origin", "sex", "work_regime"
    label: LocalizedText
    definition: LocalizedText
    groups: tuple[ReferenceGroup, ...]
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

    version: str  # the version of the reference figures, not of the profile
    source: LocalizedText  # where the figures come from, and that they are approximations
    schemes: tuple[CharacteristicScheme, ...]
    age: AgeReference | None = None

    def scheme(self, scheme_id: str) -> CharacteristicScheme:
        for candidate in self.schemes:
            if candidate.id == scheme_id:
                return candidate
        raise KeyError(scheme_id)


@dataclass(frozen=True)
class Programme:
    id: str
    version: str
    office: str  # "CBS", "KSZ"
    country: str  # "NL", "BE"
    variant: str  # "ingezoomd", "algemeen", "aanvraag"
    name: LocalizedText
    description: LocalizedText
    counting_unit: str  # "person" or "job"
    needs_employee_file: bool
    checklist: tuple[ChecklistItem, ...]
    organisation_fields: tuple[OrganisationField, ...]
    employee_fields: tuple[EmployeeField, ...]
    identification_keys: tuple[IdentificationKey, ...]
    breakdowns: tuple[Breakdown, ...]
    max_breakdowns: int | None
    population_options: tuple[PopulationOption, ...]
    thresholds: Thresholds
    output: OutputFormat | None
    recipient_certificate_sha256: str | None = None
    portal: Portal | None = None
    crossing: CrossingSettings | None = None  # KSZ: reference shares for the crossing check
    source_path: Path | None = field(default=None, compare=False)

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
