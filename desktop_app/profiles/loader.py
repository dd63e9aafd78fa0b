"""Read programme profiles (``resources/programmes/<id>.toml``) into :class:`Programme` objects.

A profile is data written by the product team; a broken one is refused when it is loaded, never
half-used. Every refusal is a :class:`ProfileError` with the message ``profiles.invalid`` naming the
file, the key path inside it (``employee_fields[3].type``; list positions count from 0, as in the
order of the ``[[employee_fields]]`` blocks) and the problem as a translatable ``profiles.problem.*``
message. TOML syntax errors are ``profiles.syntax`` with the line and column tomllib reports.

The reader checks, per table, that every key is known (typos such as ``requried`` are refused with a
suggestion), that values have the right TOML type, that texts exist in nl, en and fr, that ids are
unique, that references (identification keys, derived breakdowns, output columns) name existing
fields, and that settings are in range (thresholds, delimiter, encoding, file type).
"""

from __future__ import annotations

import codecs
import difflib
import itertools
import os
import re
import string
import tomllib
from collections.abc import Mapping
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any, NoReturn

from desktop_app.errors import ProfileError
from desktop_app.messages import LANGUAGES, LocalizedText, Message
from desktop_app.profiles.model import (
    AgeReference,
    Breakdown,
    CharacteristicScheme,
    ChecklistItem,
    CodeValue,
    CrossingSettings,
    EmployeeField,
    FieldRole,
    FieldType,
    IdentificationKey,
    OrganisationField,
    OutputColumn,
    OutputFormat,
    PopulationOption,
    Portal,
    Programme,
    ReferenceGroup,
    Thresholds,
)
from desktop_app.resources import resource_path

PROGRAMMES_FOLDER = "programmes"
PROFILE_SUFFIX = ".toml"

COUNTING_UNITS = ("person", "job")
FILE_TYPES = ("csv", "xlsx")
DATE_PARTS = ("year", "month", "day")
LINE_TERMINATORS = ("\r\n", "\n")
FILE_NAME_FIELDS = ("organisation", "peildatum", "programme")
PORTAL_SCHEMES = {"sftp": "sftp://", "tus": "https://"}  # tus only over TLS
MAX_AGE_LIMIT = 120

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_VERSION = re.compile(r"^\d{4}\.\d+$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_TOML_POSITION = re.compile(r"^(?P<detail>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$")

_TOP_KEYS = (
    "id",
    "version",
    "office",
    "country",
    "variant",
    "counting_unit",
    "needs_employee_file",
    "max_breakdowns",
    "name",
    "description",
    "recipient_certificate_sha256",
    "checklist",
    "organisation_fields",
    "employee_fields",
    "identification_keys",
    "breakdowns",
    "population_options",
    "thresholds",
    "output",
    "portal",
    "crossing",
)
_CHECKLIST_KEYS = ("id", "text", "explanation")
_ORGANISATION_KEYS = ("id", "type", "label", "required", "multiple", "help")
_EMPLOYEE_KEYS = ("id", "type", "label", "role", "required", "synonyms", "codes", "help")
_CODE_KEYS = ("code", "label", "synonyms")
_KEY_KEYS = ("id", "label", "fields", "optional_fields", "note")
_BREAKDOWN_KEYS = ("id", "label", "synonyms", "derived_from")
_THRESHOLD_KEYS = ("min_subgroup_size", "cell_threshold", "min_age", "max_age")
_POPULATION_KEYS = ("id", "label", "default")
_OUTPUT_KEYS = (
    "file_type",
    "file_name",
    "columns",
    "encoding",
    "delimiter",
    "decimal",
    "line_terminator",
    "date_format",
    "header",
)
_COLUMN_KEYS = ("name", "source", "part", "format", "required")
_PORTAL_KEYS = ("protocol", "url", "host_key_sha256", "tls_pin_sha256")
_CROSSING_KEYS = ("version", "source", "schemes", "age")
_SCHEME_KEYS = ("id", "characteristic", "label", "definition", "groups", "coarser")
_GROUP_KEYS = ("code", "label", "share")
_AGE_KEYS = ("edges", "shares", "default_edges", "definition")
CHARACTERISTICS = ("origin", "sex", "work_regime")
SHARE_TOLERANCE = 0.005  # shares of a scheme must add up to 1 within this

_MISSING: Any = object()


# --------------------------------------------------------------------------------------------------
# public API


def load_programme(path: str | os.PathLike[str]) -> Programme:
    """Read and check one profile; a broken profile raises :class:`ProfileError`."""
    path = Path(path)
    file = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProfileError("profiles.unreadable", file=file, detail=exc.strerror or exc) from exc
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")  # a BOM from Notepad is harmless
    except UnicodeDecodeError as exc:
        raise ProfileError("profiles.not-utf8", file=file) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc)
        match = _TOML_POSITION.match(detail)
        if match:
            raise ProfileError(
                "profiles.syntax",
                file=file,
                line=int(match["line"]),
                column=int(match["column"]),
                detail=match["detail"],
            ) from exc
        raise ProfileError("profiles.syntax-no-position", file=file, detail=detail) from exc
    return _ProgrammeReader(path, data).read()


def programmes_folder() -> Path:
    """The folder of the shipped profiles."""
    return resource_path(PROGRAMMES_FOLDER)


def available_programme_ids() -> tuple[str, ...]:
    """The ids of the shipped profiles (file stems), sorted; the files are not read."""
    folder = programmes_folder()
    if not folder.is_dir():
        return ()
    return tuple(sorted(p.stem for p in folder.glob(f"*{PROFILE_SUFFIX}") if p.is_file()))


@cache
def load_programme_by_id(programme_id: str) -> Programme:
    """The shipped profile ``programme_id``; an unknown id raises :class:`ProfileError`."""
    available = available_programme_ids()
    if programme_id not in available:  # also refuses "../x" and other paths
        raise ProfileError(
            "profiles.unknown-programme",
            programme=programme_id,
            available=", ".join(available) or "-",
        )
    return load_programme(programmes_folder() / f"{programme_id}{PROFILE_SUFFIX}")


@cache
def available_programmes() -> tuple[Programme, ...]:
    """All shipped profiles, sorted by id; any broken profile raises :class:`ProfileError`."""
    ids = available_programme_ids()
    if not ids:
        raise ProfileError("profiles.no-programmes", folder=str(programmes_folder()))
    return tuple(load_programme_by_id(programme_id) for programme_id in ids)


def clear_cache() -> None:
    """Forget loaded profiles (tests, or after the resource folder changed)."""
    load_programme_by_id.cache_clear()
    available_programmes.cache_clear()


# --------------------------------------------------------------------------------------------------
# the reader


_TYPE_NAMES: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (bool, "boolean"),  # before int: a bool is an int in Python
    (int, "integer"),
    (float, "float"),
    (str, "string"),
    (Mapping, "table"),
    (list, "array"),
    ((date, datetime, time), "date"),
)


def _type_name(value: Any) -> Message:
    """The TOML type of ``value``, as a translatable name."""
    for types, name in _TYPE_NAMES:
        if isinstance(value, types):
            return Message(f"profiles.type.{name}")
    return Message("profiles.type.string")  # pragma: no cover - tomllib yields no other types


def _quote(value: Any) -> str:
    if isinstance(value, str):
        return '"' + value.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'
    return str(value)


def _at(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class _Context:
    """The file being read; raises the refusal."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key_path: str, problem: str, **params: Any) -> NoReturn:
        raise ProfileError(
            "profiles.invalid",
            file=str(self.path),
            key_path=key_path or Message("profiles.top-level"),
            problem=Message(f"profiles.problem.{problem}", params),
        )


class _Table:
    """A TOML table with its key path; only the keys in ``allowed`` may appear."""

    def __init__(
        self, ctx: _Context, data: Any, path: str, allowed: tuple[str, ...], *, array: bool = False
    ) -> None:
        self.ctx = ctx
        self.path = path
        self.allowed = allowed
        if not isinstance(data, Mapping):
            expected = "profiles.type.array-of-tables" if array else "profiles.type.table"
            ctx.fail(path, "wrong-type", expected=Message(expected), found=_type_name(data))
        self.data: Mapping[str, Any] = data
        for key in data:
            if key not in allowed:
                self._unknown_key(key)

    def _unknown_key(self, key: str) -> NoReturn:
        allowed = ", ".join(self.allowed)
        close = difflib.get_close_matches(key, self.allowed, n=1, cutoff=0.6)
        if close:
            self.ctx.fail(
                self.at(key), "unknown-key-suggestion", suggestion=close[0], allowed=allowed
            )
        self.ctx.fail(self.at(key), "unknown-key", allowed=allowed)

    def at(self, key: str | int) -> str:
        return _at(self.path, key)

    def fail(self, key: str, problem: str, **params: Any) -> NoReturn:
        self.ctx.fail(self.at(key), problem, **params)

    def _raw(self, key: str, required: bool) -> Any:
        if key not in self.allowed:  # pragma: no cover - a mistake in this module
            raise AssertionError(f"{key!r} is not declared for {self.path or 'top level'}")
        if key not in self.data:
            if required:
                self.fail(key, "missing-key")
            return _MISSING
        return self.data[key]

    def _wrong(self, key: str, value: Any, expected: str) -> NoReturn:
        self.fail(
            key,
            "wrong-type",
            expected=Message(f"profiles.type.{expected}"),
            found=_type_name(value),
        )

    def string(
        self, key: str, *, required: bool = True, default: str | None = None, empty: bool = False
    ) -> str | None:
        value = self._raw(key, required)
        if value is _MISSING:
            return default
        if not isinstance(value, str):
            self._wrong(key, value, "string")
        if not empty and not value.strip():
            self.fail(key, "empty")
        return value

    def identifier(self, key: str = "id") -> str:
        value = self.string(key)
        assert value is not None
        if not _ID.match(value):
            self.fail(key, "bad-form", value=_quote(value), example="birth_date")
        return value

    def boolean(self, key: str, *, default: bool = False) -> bool:
        value = self._raw(key, required=False)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self._wrong(key, value, "boolean")
        return value

    def integer(
        self,
        key: str,
        *,
        required: bool = False,
        default: int | None = None,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> int | None:
        value = self._raw(key, required)
        if value is _MISSING:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self._wrong(key, value, "integer")
        if minimum is not None and value < minimum:
            self.fail(key, "too-small", value=value, minimum=minimum)
        if maximum is not None and value > maximum:
            self.fail(key, "too-large", value=value, maximum=maximum)
        return value

    def number(self, key: str) -> float:
        """A required integer or float (a share, a fraction)."""
        value = self._raw(key, required=True)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self._wrong(key, value, "float")
        return float(value)

    def numbers(self, key: str, *, integer: bool = False) -> tuple[float, ...]:
        """A required, non-empty array of numbers (integers only with ``integer``)."""
        value = self._raw(key, required=True)
        if not isinstance(value, list):
            self._wrong(key, value, "array")
        if not value:
            self.fail(key, "empty")
        allowed: tuple[type, ...] = (int,) if integer else (int, float)
        for index, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, allowed):
                self.ctx.fail(
                    f"{self.at(key)}[{index}]",
                    "wrong-type",
                    expected=Message("profiles.type.integer" if integer else "profiles.type.float"),
                    found=_type_name(item),
                )
        return tuple(float(item) for item in value)

    def strings(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        value = self._raw(key, required)
        if value is _MISSING:
            return ()
        if not isinstance(value, list):
            self._wrong(key, value, "array-of-strings")
        out: list[str] = []
        for index, item in enumerate(value):
            where = f"{self.at(key)}[{index}]"
            if not isinstance(item, str):
                self.ctx.fail(
                    where,
                    "wrong-type",
                    expected=Message("profiles.type.string"),
                    found=_type_name(item),
                )
            if not item.strip():
                self.ctx.fail(where, "empty")
            out.append(item)
        if required and not out:
            self.fail(key, "empty")
        return tuple(out)

    def choice(
        self,
        key: str,
        allowed: tuple[str, ...],
        *,
        required: bool = True,
        default: str | None = None,
    ) -> str | None:
        value = self.string(key, required=required, default=default)
        if value is not None and value not in allowed:
            self.fail(key, "not-one-of", value=_quote(value), allowed=", ".join(allowed))
        return value

    def text(self, key: str, *, required: bool = True) -> LocalizedText | None:
        value = self._raw(key, required)
        if value is _MISSING:
            return None
        table = _Table(self.ctx, value, self.at(key), LANGUAGES)
        for language in LANGUAGES:
            if language not in table.data:
                table.fail(language, "missing-translation", language=language)
            table.string(language)
        return LocalizedText({language: table.data[language] for language in LANGUAGES})

    def table(self, key: str, allowed: tuple[str, ...], *, required: bool = True) -> _Table | None:
        value = self._raw(key, required)
        if value is _MISSING:
            return None
        return _Table(self.ctx, value, self.at(key), allowed)

    def tables(self, key: str, allowed: tuple[str, ...], *, required: bool = False) -> list[_Table]:
        value = self._raw(key, required)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            self._wrong(key, value, "array-of-tables")
        out = [
            _Table(self.ctx, item, f"{self.at(key)}[{index}]", allowed, array=True)
            for index, item in enumerate(value)
        ]
        if required and not out:
            self.fail(key, "empty")
        return out


def _unique(ctx: _Context, entries: list[tuple[str, str]]) -> None:
    """``entries`` are (key path, value); a value seen twice is refused at its second place."""
    seen: dict[str, str] = {}
    for where, value in entries:
        if value in seen:
            ctx.fail(where, "duplicate", value=_quote(value), other=seen[value])
        seen[value] = where


class _ProgrammeReader:
    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.ctx = _Context(path)
        self.top = _Table(self.ctx, data, "", _TOP_KEYS)
        self.fields: dict[str, EmployeeField] = {}
        self.organisation: dict[str, OrganisationField] = {}

    def read(self) -> Programme:
        top = self.top
        programme_id = top.identifier("id")
        if programme_id != self.path.stem:
            top.fail("id", "id-mismatch", value=_quote(programme_id), expected=self.path.stem)
        version = top.string("version")
        if not _VERSION.match(version or ""):
            top.fail("version", "bad-form", value=_quote(version), example="2026.1")
        country = top.string("country")
        if not _COUNTRY.match(country or ""):
            top.fail("country", "bad-form", value=_quote(country), example="NL")
        needs_employee_file = top.boolean("needs_employee_file", default=True)
        max_breakdowns = top.integer("max_breakdowns", minimum=1)

        checklist = self._checklist()
        organisation_fields = self._organisation_fields()
        employee_fields = self._employee_fields()
        if needs_employee_file and not employee_fields:
            top.fail("employee_fields", "no-employee-fields")
        breakdowns = self._breakdowns()
        self._check_header_synonyms(employee_fields, breakdowns)

        return Programme(
            id=programme_id,
            version=version or "",
            office=top.string("office") or "",
            country=country or "",
            variant=top.string("variant") or "",
            name=self._text(top, "name"),
            description=self._text(top, "description"),
            counting_unit=top.choice("counting_unit", COUNTING_UNITS) or "",
            needs_employee_file=needs_employee_file,
            checklist=checklist,
            organisation_fields=organisation_fields,
            employee_fields=employee_fields,
            identification_keys=self._identification_keys(),
            breakdowns=breakdowns,
            max_breakdowns=max_breakdowns,
            population_options=self._population_options(),
            thresholds=self._thresholds(),
            output=self._output(max_breakdowns),
            recipient_certificate_sha256=self._sha256(top, "recipient_certificate_sha256"),
            portal=self._portal(),
            crossing=self._crossing(),
            source_path=self.path,
        )

    # -- helpers ---------------------------------------------------------------------------------

    @staticmethod
    def _text(table: _Table, key: str) -> LocalizedText:
        text = table.text(key)
        assert text is not None
        return text

    @staticmethod
    def _sha256(table: _Table, key: str) -> str | None:
        value = table.string(key, required=False, empty=True)
        if not value:
            return None
        normalised = re.sub(r"[\s:]", "", value).lower()
        if not _SHA256.match(normalised):
            table.fail(key, "sha256", value=_quote(value))
        return normalised

    def _field_ref(self, table: _Table, key: str, value: str, index: int | None = None) -> None:
        if value not in self.fields:
            where = table.at(key) if index is None else f"{table.at(key)}[{index}]"
            self.ctx.fail(
                where,
                "unknown-field",
                value=_quote(value),
                available=", ".join(self.fields) or "-",
            )

    # -- sections --------------------------------------------------------------------------------

    def _checklist(self) -> tuple[ChecklistItem, ...]:
        items = []
        tables = self.top.tables("checklist", _CHECKLIST_KEYS)
        for table in tables:
            items.append(
                ChecklistItem(
                    id=table.identifier(),
                    text=self._text(table, "text"),
                    explanation=self._text(table, "explanation"),
                )
            )
        _unique(self.ctx, [(t.at("id"), i.id) for t, i in zip(tables, items, strict=True)])
        return tuple(items)

    def _organisation_fields(self) -> tuple[OrganisationField, ...]:
        types = tuple(str(t) for t in FieldType)
        tables = self.top.tables("organisation_fields", _ORGANISATION_KEYS)
        items = []
        for table in tables:
            items.append(
                OrganisationField(
                    id=table.identifier(),
                    type=FieldType(table.choice("type", types)),
                    label=self._text(table, "label"),
                    required=table.boolean("required", default=True),
                    multiple=table.boolean("multiple", default=False),
                    help=table.text("help", required=False),
                )
            )
        _unique(self.ctx, [(t.at("id"), i.id) for t, i in zip(tables, items, strict=True)])
        self.organisation = {item.id: item for item in items}
        return tuple(items)

    def _employee_fields(self) -> tuple[EmployeeField, ...]:
        types = tuple(str(t) for t in FieldType)
        roles = tuple(str(r) for r in FieldRole)
        tables = self.top.tables("employee_fields", _EMPLOYEE_KEYS)
        items = []
        for table in tables:
            field_type = FieldType(table.choice("type", types))
            code_tables = table.tables("codes", _CODE_KEYS)
            codes = tuple(
                CodeValue(
                    code=code_table.string("code") or "",
                    label=self._text(code_table, "label"),
                    synonyms=code_table.strings("synonyms"),
                )
                for code_table in code_tables
            )
            if field_type is FieldType.CODE and not codes:
                table.fail("codes", "codes-missing")
            if field_type is not FieldType.CODE and codes:
                table.fail("codes", "codes-not-allowed", type=str(field_type))
            _unique(
                self.ctx,
                [(t.at("code"), c.code) for t, c in zip(code_tables, codes, strict=True)],
            )
            self._check_code_spellings(code_tables, codes)
            items.append(
                EmployeeField(
                    id=table.identifier(),
                    type=field_type,
                    label=self._text(table, "label"),
                    role=FieldRole(table.choice("role", roles)),
                    required=table.boolean("required", default=False),
                    synonyms=table.strings("synonyms"),
                    codes=codes,
                    help=table.text("help", required=False),
                )
            )
        _unique(self.ctx, [(t.at("id"), i.id) for t, i in zip(tables, items, strict=True)])
        self.fields = {item.id: item for item in items}
        return tuple(items)

    def _check_code_spellings(self, tables: list[_Table], codes: tuple[CodeValue, ...]) -> None:
        """Every spelling of a value (the code itself and its synonyms, compared the way the
        mapping compares values) means one code only; a synonym may not repeat within its code."""
        from desktop_app.text import normalise_value

        owner: dict[str, str] = {}
        for table, code in zip(tables, codes, strict=True):
            first = owner.setdefault(normalise_value(code.code), code.code)
            if first != code.code:
                table.fail(
                    "code",
                    "duplicate-spelling",
                    value=_quote(code.code),
                    first=_quote(first),
                    second=_quote(code.code),
                )
        for table, code in zip(tables, codes, strict=True):
            seen_here: dict[str, int] = {}
            for index, synonym in enumerate(code.synonyms):
                key = normalise_value(synonym)
                where = f"{table.at('synonyms')}[{index}]"
                if key in seen_here:
                    self.ctx.fail(
                        where,
                        "duplicate",
                        value=_quote(synonym),
                        other=f"{table.at('synonyms')}[{seen_here[key]}]",
                    )
                seen_here[key] = index
                first = owner.setdefault(key, code.code)
                if first != code.code:
                    self.ctx.fail(
                        where,
                        "duplicate-spelling",
                        value=_quote(synonym),
                        first=_quote(first),
                        second=_quote(code.code),
                    )

    def _check_header_synonyms(
        self, fields: tuple[EmployeeField, ...], breakdowns: tuple[Breakdown, ...]
    ) -> None:
        """A header spelling may point to one employee field or breakdown only."""
        from desktop_app.text import normalise_header

        owner: dict[str, str] = {}
        groups = [("employee_fields", f.id, f.synonyms) for f in fields] + [
            ("breakdowns", b.id, b.synonyms) for b in breakdowns
        ]
        positions = {"employee_fields": 0, "breakdowns": 0}
        for section, item_id, synonyms in groups:
            position = positions[section]
            positions[section] += 1
            for index, synonym in enumerate(synonyms):
                key = normalise_header(synonym)
                first = owner.setdefault(key, item_id)
                if first != item_id:
                    self.ctx.fail(
                        f"{section}[{position}].synonyms[{index}]",
                        "duplicate-spelling",
                        value=_quote(synonym),
                        first=_quote(first),
                        second=_quote(item_id),
                    )

    def _identification_keys(self) -> tuple[IdentificationKey, ...]:
        tables = self.top.tables("identification_keys", _KEY_KEYS)
        items = []
        for table in tables:
            fields = table.strings("fields", required=True)
            optional = table.strings("optional_fields")
            for key, values in (("fields", fields), ("optional_fields", optional)):
                for index, value in enumerate(values):
                    self._field_ref(table, key, value, index)
            _unique(
                self.ctx,
                [(f"{table.at('fields')}[{i}]", v) for i, v in enumerate(fields)]
                + [(f"{table.at('optional_fields')}[{i}]", v) for i, v in enumerate(optional)],
            )
            items.append(
                IdentificationKey(
                    id=table.identifier(),
                    label=self._text(table, "label"),
                    fields=fields,
                    optional_fields=optional,
                    note=table.text("note", required=False),
                )
            )
        _unique(self.ctx, [(t.at("id"), i.id) for t, i in zip(tables, items, strict=True)])
        return tuple(items)

    def _breakdowns(self) -> tuple[Breakdown, ...]:
        tables = self.top.tables("breakdowns", _BREAKDOWN_KEYS)
        items = []
        for table in tables:
            derived_from = table.string("derived_from", required=False)
            if derived_from is not None:
                self._field_ref(table, "derived_from", derived_from)
                source_type = self.fields[derived_from].type
                if source_type is not FieldType.DATE:
                    table.fail(
                        "derived_from",
                        "not-a-date-field",
                        value=_quote(derived_from),
                        type=str(source_type),
                    )
            items.append(
                Breakdown(
                    id=table.identifier(),
                    label=self._text(table, "label"),
                    synonyms=table.strings("synonyms"),
                    derived_from=derived_from,
                )
            )
        _unique(self.ctx, [(t.at("id"), i.id) for t, i in zip(tables, items, strict=True)])
        return tuple(items)

    def _population_options(self) -> tuple[PopulationOption, ...]:
        tables = self.top.tables("population_options", _POPULATION_KEYS)
        items = [
            PopulationOption(
                id=table.identifier(),
                label=self._text(table, "label"),
                default=table.boolean("default", default=False),
            )
            for table in tables
        ]
        _unique(self.ctx, [(t.at("id"), i.id) for t, i in zip(tables, items, strict=True)])
        return tuple(items)

    def _thresholds(self) -> Thresholds:
        defaults = Thresholds()
        table = self.top.table("thresholds", _THRESHOLD_KEYS, required=False)
        if table is None:
            return defaults
        min_age = table.integer("min_age", default=defaults.min_age, minimum=0)
        max_age = table.integer(
            "max_age", default=defaults.max_age, minimum=1, maximum=MAX_AGE_LIMIT
        )
        assert min_age is not None
        assert max_age is not None
        if min_age >= max_age:
            table.fail("min_age", "age-order", min_age=min_age, max_age=max_age)
        cell_threshold = table.integer("cell_threshold", default=defaults.cell_threshold, minimum=0)
        assert cell_threshold is not None
        return Thresholds(
            min_subgroup_size=table.integer("min_subgroup_size", minimum=1),
            cell_threshold=cell_threshold,
            min_age=min_age,
            max_age=max_age,
        )

    def _crossing(self) -> CrossingSettings | None:
        """``[crossing]``: versioned reference shares for the KSZ crossing check."""
        table = self.top.table("crossing", _CROSSING_KEYS, required=False)
        if table is None:
            return None
        version = table.string("version") or ""
        if not _VERSION.match(version):
            table.fail("version", "bad-form", value=_quote(version), example="2026.1")
        scheme_tables = table.tables("schemes", _SCHEME_KEYS, required=True)
        schemes = [self._scheme(t) for t in scheme_tables]
        _unique(self.ctx, [(t.at("id"), s.id) for t, s in zip(scheme_tables, schemes, strict=True)])
        by_id = {scheme.id: scheme for scheme in schemes}
        for scheme_table, scheme in zip(scheme_tables, schemes, strict=True):
            for index, other in enumerate(scheme.coarser):
                where = f"{scheme_table.at('coarser')}[{index}]"
                if other not in by_id or other == scheme.id:
                    self.ctx.fail(
                        where, "unknown-scheme", value=_quote(other), available=", ".join(by_id)
                    )
                if by_id[other].characteristic != scheme.characteristic:
                    self.ctx.fail(
                        where,
                        "scheme-characteristic",
                        value=_quote(other),
                        characteristic=scheme.characteristic,
                    )
        age_table = table.table("age", _AGE_KEYS, required=False)
        return CrossingSettings(
            version=version,
            source=self._text(table, "source"),
            schemes=tuple(schemes),
            age=self._age_reference(age_table) if age_table is not None else None,
        )

    def _scheme(self, table: _Table) -> CharacteristicScheme:
        group_tables = table.tables("groups", _GROUP_KEYS, required=True)
        groups = []
        for group_table in group_tables:
            share = group_table.number("share")
            if not 0 < share <= 1:
                group_table.fail("share", "share-range", value=share)
            groups.append(
                ReferenceGroup(
                    code=group_table.identifier("code"),
                    label=self._text(group_table, "label"),
                    share=share,
                )
            )
        _unique(
            self.ctx, [(t.at("code"), g.code) for t, g in zip(group_tables, groups, strict=True)]
        )
        total = sum(group.share for group in groups)
        if abs(total - 1) > SHARE_TOLERANCE:
            table.fail("groups", "shares-sum", total=round(total, 4))
        return CharacteristicScheme(
            id=table.identifier(),
            characteristic=table.choice("characteristic", CHARACTERISTICS) or "",
            label=self._text(table, "label"),
            definition=self._text(table, "definition"),
            groups=tuple(groups),
            coarser=table.strings("coarser"),
        )

    def _age_reference(self, table: _Table) -> AgeReference:
        edges = tuple(int(e) for e in table.numbers("edges", integer=True))
        defaults = tuple(int(e) for e in table.numbers("default_edges", integer=True))
        shares = table.numbers("shares")
        for key, values in (("edges", edges), ("default_edges", defaults)):
            if any(b <= a for a, b in itertools.pairwise(values)):
                table.fail(key, "edges-order")
        if len(shares) != len(edges) + 1:
            table.fail("shares", "age-shares-count", count=len(shares), expected=len(edges) + 1)
        if any(not 0 <= share <= 1 for share in shares):
            table.fail("shares", "share-range", value=min(shares))
        if abs(sum(shares) - 1) > SHARE_TOLERANCE:
            table.fail("shares", "shares-sum", total=round(sum(shares), 4))
        missing = [e for e in defaults if e not in edges]
        if missing:
            table.fail("default_edges", "age-edge-unknown", value=missing[0])
        return AgeReference(
            edges=edges,
            shares=shares,
            default_edges=defaults,
            definition=self._text(table, "definition"),
        )

    def _output(self, max_breakdowns: int | None) -> OutputFormat | None:
        table = self.top.table("output", _OUTPUT_KEYS, required=False)
        if table is None:
            return None
        defaults = OutputFormat(file_type="csv", file_name="", columns=())
        file_type = table.choice("file_type", FILE_TYPES) or ""
        file_name = table.string("file_name") or ""
        self._check_file_name(table, file_name)
        encoding = table.string("encoding", required=False, default=defaults.encoding) or ""
        try:
            codecs.lookup(encoding)
        except LookupError:
            table.fail("encoding", "encoding", value=_quote(encoding))
        delimiter = table.string(
            "delimiter", required=False, default=defaults.delimiter, empty=True
        )
        decimal = table.string("decimal", required=False, default=defaults.decimal, empty=True)
        for key, value in (("delimiter", delimiter), ("decimal", decimal)):
            if value is None or len(value) != 1:
                table.fail(key, "delimiter", value=_quote(value))
        if decimal == delimiter:
            table.fail("decimal", "duplicate", value=_quote(decimal), other=table.at("delimiter"))
        line_terminator = table.string(
            "line_terminator", required=False, default=defaults.line_terminator, empty=True
        )
        if line_terminator not in LINE_TERMINATORS:
            table.fail(
                "line_terminator",
                "not-one-of",
                value=_quote(line_terminator),
                allowed=", ".join(_quote(t) for t in LINE_TERMINATORS),
            )
        date_format = table.string("date_format", required=False, default=defaults.date_format)
        if "%" not in (date_format or ""):
            table.fail("date_format", "date-format", value=_quote(date_format))
        column_tables = table.tables("columns", _COLUMN_KEYS, required=True)
        columns = tuple(self._column(t, max_breakdowns) for t in column_tables)
        _unique(
            self.ctx, [(t.at("name"), c.name) for t, c in zip(column_tables, columns, strict=True)]
        )
        return OutputFormat(
            file_type=file_type,
            file_name=file_name,
            columns=columns,
            encoding=encoding,
            delimiter=delimiter or "",
            decimal=decimal or "",
            line_terminator=line_terminator or "",
            date_format=date_format or "",
            header=table.boolean("header", default=defaults.header),
        )

    @staticmethod
    def _check_file_name(table: _Table, file_name: str) -> None:
        try:
            parsed = list(string.Formatter().parse(file_name))
        except ValueError:
            table.fail("file_name", "bad-form", value=_quote(file_name), example="{programme}.csv")
        for _, name, _, _ in parsed:
            if name is not None and name not in FILE_NAME_FIELDS:
                table.fail(
                    "file_name",
                    "unknown-placeholder",
                    value="{" + name + "}",
                    allowed=", ".join("{" + f + "}" for f in FILE_NAME_FIELDS),
                )

    def _column(self, table: _Table, max_breakdowns: int | None) -> OutputColumn:
        name = table.string("name") or ""
        source = table.string("source") or ""
        part = table.choice("part", DATE_PARTS, required=False)
        date_format = table.string("format", required=False)
        is_date = self._check_source(table, source, max_breakdowns)
        if part is not None and date_format is not None:
            table.fail("format", "part-and-format")
        for key, value in (("part", part), ("format", date_format)):
            if value is not None and not is_date:
                table.fail(key, "part-needs-date", value=_quote(source))
        if date_format is not None and "%" not in date_format:
            table.fail("format", "date-format", value=_quote(date_format))
        return OutputColumn(
            name=name,
            source=source,
            part=part,
            format=date_format,
            required=table.boolean("required", default=True),
        )

    def _check_source(self, table: _Table, source: str, max_breakdowns: int | None) -> bool:
        """Refuse a source that names nothing; tell whether it gives a date."""
        if source == "peildatum":
            return True
        kind, separator, rest = source.partition(":")
        if source == "count" or (kind == "constant" and separator):
            return False
        if kind == "field" and rest:
            self._field_ref(table, "source", rest)
            field = self.fields[rest]
            if field.role is FieldRole.INTERNAL:
                table.fail("source", "internal-field", value=_quote(rest))
            return field.type is FieldType.DATE
        if kind == "organisation" and rest in self.organisation:
            return False
        if kind == "organisation" and rest:
            table.fail(
                "source",
                "unknown-organisation-field",
                value=_quote(rest),
                available=", ".join(self.organisation) or "-",
            )
        if kind == "breakdown" and rest.isascii() and rest.isdigit() and int(rest) >= 1:
            if max_breakdowns is not None and int(rest) > max_breakdowns:
                table.fail("source", "breakdown-number", value=rest, maximum=max_breakdowns)
            return False
        return table.fail("source", "bad-source", value=_quote(source))

    def _portal(self) -> Portal | None:
        table = self.top.table("portal", _PORTAL_KEYS, required=False)
        if table is None:
            return None
        protocol = table.choice("protocol", tuple(PORTAL_SCHEMES)) or ""
        url = table.string("url", required=False, empty=True) or None
        if url is not None and not url.lower().startswith(PORTAL_SCHEMES[protocol]):
            table.fail("url", "url-scheme", value=_quote(url), scheme=PORTAL_SCHEMES[protocol])
        return Portal(
            protocol=protocol,
            url=url,
            host_key_sha256=table.string("host_key_sha256", required=False, empty=True) or None,
            tls_pin_sha256=table.string("tls_pin_sha256", required=False, empty=True) or None,
        )
