"""A generic typed reader: a TOML table into a dataclass of model.py, each key declared once.

The keys a table may have, their types and whether they are required all come from the dataclass
fields (a field without a default is a required key; ``X | None`` may be left out; ``tuple[Y, ...]``
is an array, of tables when ``Y`` is a dataclass; ``Literal[...]`` and enums are closed choices;
:class:`LocalizedText` is a table of nl/en/fr texts). What a type cannot say is the field's
``key(...)`` metadata (schema.py). A field whose type is none of these is read by a *parser* given
to the :class:`Reader`; a class may have a *check* that sees the typed value with its table, to
refuse (located) or normalise it.

Every refusal is a :class:`ProfileError` ``profiles.invalid`` naming the file, the key path
(``employee_fields[3].type``; list positions count from 0) and a ``profiles.problem.*`` message:
unknown keys (with a suggestion for a near miss), wrong TOML types, missing required keys, empty
texts and arrays, values outside a choice or range, duplicates.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from desktop_app.errors import ProfileError
from desktop_app.messages import LANGUAGES, LocalizedText, Message
from desktop_app.profiles.schema import KeySpec, spec_of

T = TypeVar("T")

# (python type, TOML type name); bool before int: a bool is an int in Python
TYPE_NAMES: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (bool, "boolean"),
    (int, "integer"),
    (float, "float"),
    (str, "string"),
    (Mapping, "table"),
    (list, "array"),
    ((date, datetime, time), "date"),
)
# what the reader may say it expected (besides the names above)
EXPECTED_NAMES = ("array-of-strings", "array-of-tables")

_MISSING: Any = object()


def type_name(value: Any) -> Message:
    """The TOML type of ``value``, as a translatable name."""
    for python_types, name in TYPE_NAMES:
        if isinstance(value, python_types):
            return Message(f"profiles.type.{name}")
    return Message("profiles.type.string")  # pragma: no cover - tomllib yields no other types


def quote(value: Any) -> str:
    """A value as a refusal shows it: texts quoted, with invisible characters escaped."""
    if isinstance(value, str):
        return '"' + value.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'
    return str(value)


def at(path: str, key: str | int) -> str:
    """``at("output", "columns")`` -> ``output.columns``; ``at("x", 3)`` -> ``x[3]``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class Context:
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

    def wrong(self, key_path: str, value: Any, expected: str) -> NoReturn:
        """``value`` is not of TOML type ``expected`` (a ``profiles.type.*`` name)."""
        self.fail(
            key_path,
            "wrong-type",
            expected=Message(f"profiles.type.{expected}"),
            found=type_name(value),
        )

    def unique(self, entries: list[tuple[str, str]]) -> None:
        """``entries`` are (key path, value); a value seen twice is refused at its second place."""
        seen: dict[str, str] = {}
        for where, value in entries:
            if value in seen:
                self.fail(where, "duplicate", value=quote(value), other=seen[value])
            seen[value] = where


class Table:
    """A TOML table with its key path; only the keys in ``allowed`` may appear."""

    def __init__(
        self,
        ctx: Context,
        data: Any,
        path: str,
        allowed: tuple[str, ...],
        *,
        array: bool = False,
    ) -> None:
        self.ctx = ctx
        self.path = path
        self.allowed = allowed
        if not isinstance(data, Mapping):
            expected = "profiles.type.array-of-tables" if array else "profiles.type.table"
            ctx.fail(path, "wrong-type", expected=Message(expected), found=type_name(data))
        self.data: Mapping[str, Any] = data
        for name in data:
            if name not in allowed:
                self._unknown_key(name)

    def _unknown_key(self, name: str) -> NoReturn:
        allowed = ", ".join(self.allowed)
        close = difflib.get_close_matches(name, self.allowed, n=1, cutoff=0.6)
        if close:
            self.fail(name, "unknown-key-suggestion", suggestion=close[0], allowed=allowed)
        self.fail(name, "unknown-key", allowed=allowed)

    def at(self, key: str | int) -> str:
        return at(self.path, key)

    def fail(self, key: str | int, problem: str, **params: Any) -> NoReturn:
        self.ctx.fail(self.at(key), problem, **params)

    def wrong(self, key: str | int, value: Any, expected: str) -> NoReturn:
        """``value`` at ``key`` is not of TOML type ``expected`` (a ``profiles.type.*`` name)."""
        self.ctx.wrong(self.at(key), value, expected)


# --------------------------------------------------------------------------------------------------
# the schema, from the dataclass fields


@dataclasses.dataclass(frozen=True)
class Key:
    """One key of a table: a dataclass field as the reader sees it."""

    name: str
    type: Any  # the resolved annotation, without ``| None``
    optional: bool  # ``X | None``
    required: bool  # no default
    spec: KeySpec


@cache
def keys_of(cls: type) -> tuple[Key, ...]:
    """The profile keys of dataclass ``cls``, in field order (fields with ``read=False`` left out)."""
    hints = typing.get_type_hints(cls)
    out = []
    for item in dataclasses.fields(cls):
        spec = spec_of(item.metadata)
        if not spec.read:
            continue
        annotation, optional = _strip_none(hints[item.name])
        required = (
            item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING
        )
        out.append(Key(item.name, annotation, optional, required, spec))
    return tuple(out)


def allowed_keys(cls: type) -> tuple[str, ...]:
    """The keys a table read as ``cls`` may have."""
    return tuple(key.name for key in keys_of(cls))


def _strip_none(annotation: Any) -> tuple[Any, bool]:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) != len(typing.get_args(annotation)):
            rest = args[0] if len(args) == 1 else typing.Union[tuple(args)]  # noqa: UP007
            return rest, True
    return annotation, False


def _choices(annotation: Any) -> tuple[str, ...] | None:
    """The values of a closed choice (``Literal[...]`` or an enum), else None."""
    if typing.get_origin(annotation) is typing.Literal:
        return tuple(str(a) for a in typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return tuple(str(member.value) for member in annotation)
    return None


def _item_type(annotation: Any) -> Any | None:
    """``Y`` of ``tuple[Y, ...]``, else None."""
    if typing.get_origin(annotation) is tuple:
        args = typing.get_args(annotation)
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
    return None


# --------------------------------------------------------------------------------------------------
# the reader

Parser = Callable[[Table, str], Any]
Check = Callable[[Table, Any], Any]


class Reader:
    """Reads tables into dataclasses; ``parsers[(cls, key)]`` read keys of types the reader does
    not know, ``checks[cls]`` see each typed ``cls`` value with its table and return it (or a
    normalised copy)."""

    def __init__(
        self,
        ctx: Context,
        *,
        parsers: Mapping[tuple[type, str], Parser] | None = None,
        checks: Mapping[type, Check] | None = None,
    ) -> None:
        self.ctx = ctx
        self.parsers = dict(parsers or {})
        self.checks = dict(checks or {})

    def read(self, data: Any, path: str, cls: type[T], *, array: bool = False) -> T:
        """The table ``data`` at ``path`` as a ``cls``."""
        table = Table(self.ctx, data, path, allowed_keys(cls), array=array)
        values: dict[str, Any] = {}
        klass: type = cls  # keys_of is cached: its argument must be Hashable
        for key in keys_of(klass):
            value = self._key(table, cls, key)
            if value is not _MISSING:
                values[key.name] = value
        result = cls(**values)
        check = self.checks.get(cls)
        return check(table, result) if check is not None else result

    def _key(self, table: Table, cls: type, key: Key) -> Any:
        if key.name not in table.data:
            if key.required:
                choices = _choices(key.type)
                if choices is not None:
                    table.fail(key.name, "missing-key-choice", allowed=", ".join(choices))
                table.fail(key.name, "missing-key")
            return _MISSING
        parser = self.parsers.get((cls, key.name))
        if parser is not None:
            return parser(table, key.name)
        value = self.value(table.data[key.name], table.at(key.name), key.type, key.spec)
        if key.optional and key.spec.blank and value == "":
            return None
        if key.required and isinstance(value, tuple) and not value:
            table.fail(key.name, "empty")
        return value

    def value(self, value: Any, where: str, annotation: Any, spec: KeySpec) -> Any:  # noqa: PLR0911, PLR0912
        """``value`` (found at ``where``) read as ``annotation``."""
        ctx = self.ctx
        choices = _choices(annotation)
        if choices is not None:
            text = self._string(value, where, spec)
            if text not in choices:
                ctx.fail(where, "not-one-of", value=quote(text), allowed=", ".join(choices))
            return annotation(text) if isinstance(annotation, type) else text
        if annotation is bool:
            if not isinstance(value, bool):
                self.ctx.wrong(where, value, "boolean")
            return value
        if annotation is int:
            if isinstance(value, bool) or not isinstance(value, int):
                self.ctx.wrong(where, value, "integer")
            if spec.minimum is not None and value < spec.minimum:
                ctx.fail(where, "too-small", value=value, minimum=spec.minimum)
            if spec.maximum is not None and value > spec.maximum:
                ctx.fail(where, "too-large", value=value, maximum=spec.maximum)
            return value
        if annotation is float:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self.ctx.wrong(where, value, "float")
            return float(value)
        if annotation is str:
            return self._string(value, where, spec)
        if annotation is LocalizedText:
            return self._text(value, where)
        item_type = _item_type(annotation)
        if item_type is not None:
            return self._array(value, where, item_type, spec)
        if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
            return self.read(value, where, annotation)
        raise AssertionError(f"no parser for {annotation!r} at {where}")  # a mistake in the code

    def _string(self, value: Any, where: str, spec: KeySpec) -> str:
        if not isinstance(value, str):
            self.ctx.wrong(where, value, "string")
        if not spec.blank and not value.strip():
            self.ctx.fail(where, "empty")
        if spec.form is not None and not spec.form.pattern.match(value):
            self.ctx.fail(where, "bad-form", value=quote(value), example=spec.form.example)
        return value

    def _text(self, value: Any, where: str) -> LocalizedText:
        table = Table(self.ctx, value, where, LANGUAGES)
        for language in LANGUAGES:
            if language not in table.data:
                table.fail(language, "missing-translation", language=language)
            self._string(table.data[language], table.at(language), KeySpec())
        return LocalizedText({language: table.data[language] for language in LANGUAGES})

    def _array(self, value: Any, where: str, item_type: Any, spec: KeySpec) -> tuple[Any, ...]:
        if isinstance(item_type, type) and dataclasses.is_dataclass(item_type):
            if not isinstance(value, list):
                self.ctx.wrong(where, value, "array-of-tables")
            items = tuple(
                self.read(item, at(where, index), item_type, array=True)
                for index, item in enumerate(value)
            )
            if spec.unique is not None:
                self.ctx.unique(
                    [
                        (at(at(where, index), spec.unique), getattr(item, spec.unique))
                        for index, item in enumerate(items)
                    ]
                )
            return items
        if not isinstance(value, list):
            self.ctx.wrong(where, value, "array-of-strings" if item_type is str else "array")
        return tuple(
            self.value(item, at(where, index), item_type, KeySpec())
            for index, item in enumerate(value)
        )
