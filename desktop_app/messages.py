"""Translatable user-facing messages for the Qt-free core.

The core never builds a sentence in code: it builds a :class:`Message` (a key and parameters) and the
UI or CLI renders it in the user's language. The catalogue lives in ``resources/messages/*.toml``,
one file per module, each key with ``nl``, ``en`` and ``fr`` text using ``str.format`` fields::

    [intake.file-empty]
    nl = "Het bestand {file} is leeg."
    en = "The file {file} is empty."
    fr = "Le fichier {file} est vide."

Parameters may themselves be a :class:`Message` or a :class:`LocalizedText`; they are rendered in
the same language. Dutch is the default language.
"""

from __future__ import annotations

import locale
import os
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from desktop_app.resources import resource_path

LANGUAGES: tuple[str, ...] = ("nl", "en", "fr")
DEFAULT_LANGUAGE = "nl"


@dataclass(frozen=True)
class LocalizedText:
    """A text given in several languages (from a programme profile)."""

    texts: Mapping[str, str]

    def get(self, language: str) -> str:
        return (
            self.texts.get(language)
            or self.texts.get(DEFAULT_LANGUAGE)
            or next(iter(self.texts.values()), "")
        )

    def __str__(self) -> str:
        return self.get("en")


@dataclass(frozen=True)
class Message:
    """A message key from the catalogue with its parameters."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, language: str = DEFAULT_LANGUAGE) -> str:
        template = catalogue().get(self.key)
        if template is None:
            raise KeyError(f"message key {self.key!r} is not in resources/messages")
        text = template.get(language) or template[DEFAULT_LANGUAGE]
        return text.format(**{k: render_value(v, language) for k, v in self.params.items()})

    def __str__(self) -> str:
        return self.render("en")


def render_value(value: Any, language: str) -> str:
    """Render a message parameter: nested messages and localized texts in ``language``."""
    if isinstance(value, Message):
        return value.render(language)
    if isinstance(value, LocalizedText):
        return value.get(language)
    if isinstance(value, (list, tuple)):
        return ", ".join(render_value(v, language) for v in value)
    return str(value)


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """All message templates, merged from ``resources/messages/*.toml``; a key may appear once."""
    merged: dict[str, dict[str, str]] = {}
    origin: dict[str, str] = {}
    for path in sorted(resource_path("messages").glob("*.toml")):
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        for key, texts in _flatten(data):
            if key in merged:
                raise ValueError(
                    f"{path.name}: message key {key!r} already defined in {origin[key]}"
                )
            merged[key] = texts
            origin[key] = path.name
    return merged


def _flatten(data: Mapping[str, Any], prefix: str = "") -> list[tuple[str, dict[str, str]]]:
    """TOML tables nest on dots: a table whose values are all strings is one message."""
    out: list[tuple[str, dict[str, str]]] = []
    for key, value in data.items():
        full = f"{prefix}.{key}" if prefix else key
        if isinstance(value, Mapping) and value and all(isinstance(v, str) for v in value.values()):
            out.append((full, dict(value)))
        elif isinstance(value, Mapping):
            out.extend(_flatten(value, full))
        else:
            raise ValueError(f"message {full!r}: expected a table of nl/en/fr texts")
    return out


def template_fields(template: str) -> set[str]:
    """The ``{name}`` fields a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def system_language() -> str:
    """The user's language when it is one we ship (nl, en, fr), else Dutch."""
    for variable in ("DIVERSITY_ASSISTANT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        code = value[:2].lower()
        if code in LANGUAGES:
            return code
    try:
        code = (locale.getlocale()[0] or "")[:2].lower()
    except ValueError:
        code = ""
    return code if code in LANGUAGES else DEFAULT_LANGUAGE
