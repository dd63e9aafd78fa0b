"""Help texts for the wizard's pages, in Dutch, English and French.

The texts are data, not code: ``resources/help/pages.toml`` holds one table per page, keyed by the
page id in lower case (``programme``, ``checklist``, ``ksz_request``, …), with one entry per language
(``nl``, ``en``, ``fr``). Each entry is simple HTML (``<p>``, ``<ul>``, ``<li>``, ``<b>``) for an HR
officer: what the step is for, what the office expects, and what to watch for.

Help for a single field (the "?" beside it) lives in ``resources/help/fields.toml``, keyed by the
field's id (``peildatum``, ``loonheffingennummers``, ``population``, …), in the same form:
:func:`field_help`.

Qt-free: the wizard's help panel shows what :func:`help_text` and :func:`field_help` return.
"""

from __future__ import annotations

import tomllib
from functools import cache

from desktop_app.messages import LANGUAGES
from desktop_app.resources import resource_path

HELP_FILE = ("help", "pages.toml")
FIELDS_FILE = ("help", "fields.toml")


class HelpMissing(LookupError):
    """No help text for this page in this language (a gap in ``resources/help/pages.toml``)."""


@cache
def _help() -> dict[str, dict[str, str]]:
    with resource_path(*HELP_FILE).open("rb") as handle:
        return tomllib.load(handle)


@cache
def _fields() -> dict[str, dict[str, str]]:
    with resource_path(*FIELDS_FILE).open("rb") as handle:
        return tomllib.load(handle)


def help_pages() -> tuple[str, ...]:
    """The page ids that have a help entry, in the file's order."""
    return tuple(_help())


def help_text(page: str, language: str) -> str:
    """The help for ``page`` (a page id, any case) in ``language``; raises :class:`HelpMissing`
    when the file has no non-empty text for that page and language."""
    if language not in LANGUAGES:
        raise HelpMissing(f"unsupported language {language!r}")
    entry = _help().get(page.lower())
    if not isinstance(entry, dict):
        raise HelpMissing(f"no help for page {page!r}")
    text = entry.get(language)
    if not isinstance(text, str) or not text.strip():
        raise HelpMissing(f"no {language} help for page {page!r}")
    return text.strip()


def help_fields() -> tuple[str, ...]:
    """The field ids that have a help entry, in the file's order."""
    return tuple(_fields())


def has_field_help(field_id: str) -> bool:
    return field_id in _fields()


def field_help(field_id: str, language: str) -> str:
    """The help for one field (its id) in ``language``; raises :class:`HelpMissing` when the file
    has no non-empty text for that field and language."""
    if language not in LANGUAGES:
        raise HelpMissing(f"unsupported language {language!r}")
    entry = _fields().get(field_id)
    if not isinstance(entry, dict):
        raise HelpMissing(f"no help for field {field_id!r}")
    text = entry.get(language)
    if not isinstance(text, str) or not text.strip():
        raise HelpMissing(f"no {language} help for field {field_id!r}")
    return text.strip()
