"""The command line's own refusals (a missing argument, a word that is no number, an unknown
choice) in the officer's language, as one located sentence instead of argparse's English usage text.

argparse builds its error texts with ``gettext`` when a parse fails. While a command line is parsed
(:func:`arguments_in`), those texts come from ``resources/messages/arguments.toml`` in the chosen
language; :class:`Parser` prints the result as ``<command>: <problem>`` and a pointer to
``--help`` (the usage block is left out: the help shows it). Texts argparse gains in a later Python
stay English rather than wrong. ``--help`` itself stays English, like the rest of the help.

The language is the ``--lang`` on the command line when it is there (read before the parse, which
may fail), else the system's.
"""

from __future__ import annotations

import argparse
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import NoReturn

from desktop_app.messages import LANGUAGES, Message, catalogue, system_language

# argparse's message -> (our key, how each field of our template reads in argparse's format)
_ARGPARSE_TEXTS: dict[str, tuple[str, dict[str, str]]] = {
    "the following arguments are required: %s": ("arguments.required", {"names": "%s"}),
    "unrecognized arguments: %s": ("arguments.unrecognised", {"names": "%s"}),
    "invalid %(type)s value: %(value)r": (
        "arguments.invalid-value",
        {"value": "%(value)r", "type": "\x00%(type)s\x00"},
    ),
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "arguments.invalid-choice",
        {"value": "%(value)r", "choices": "%(choices)s"},
    ),
    "argument %(argument_name)s: %(message)s": (
        "arguments.argument",
        {"argument": "%(argument_name)s", "problem": "%(message)s"},
    ),
    "expected one argument": ("arguments.expected-one", {}),
    "expected at most one argument": ("arguments.expected-at-most-one", {}),
    "expected at least one argument": ("arguments.expected-at-least-one", {}),
    "one of the arguments %s is required": ("arguments.one-of-required", {"names": "%s"}),
    "not allowed with argument %s": ("arguments.not-allowed-with", {"names": "%s"}),
    "ambiguous option: %(option)s could match %(matches)s": (
        "arguments.ambiguous",
        {"option": "%(option)s", "matches": "%(matches)s"},
    ),
    "ignored explicit argument %r": ("arguments.ignored", {"value": "%r"}),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "arguments.unknown-command",
        {"name": "%(parser_name)r", "choices": "%(choices)s"},
    ),
}
_TYPE_NAME = re.compile("\x00([^\x00]*)\x00")
_TYPE_KEYS = {"int": "arguments.type-int", "float": "arguments.type-float"}

_state = threading.local()


def current_language() -> str:
    """The language of the command line being parsed (argument types word their refusals in it)."""
    return getattr(_state, "language", None) or system_language()


def language_of(argv: Sequence[str]) -> str:
    """``--lang X`` / ``--lang=X`` from the command line when valid, else the system language."""
    for index, word in enumerate(argv):
        if word == "--":
            break
        value = None
        if word == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        if value in LANGUAGES:
            return value
    return system_language()


def _translator(language: str) -> Callable[[str], str]:
    texts = catalogue()

    def translate(text: str) -> str:
        known = _ARGPARSE_TEXTS.get(text)
        if known is None:
            return text
        key, fields = known
        template = texts[key][language].replace("%", "%%")
        for name, placeholder in fields.items():
            template = template.replace("{" + name + "}", placeholder)
        return template

    return translate


@contextmanager
def arguments_in(language: str) -> Iterator[None]:
    """argparse's error texts, and our argument types' refusals, in ``language`` meanwhile."""
    previous_text, previous_language = argparse._, getattr(_state, "language", None)  # type: ignore[attr-defined]
    argparse._ = _translator(language)  # type: ignore[attr-defined]
    _state.language = language
    try:
        yield
    finally:
        argparse._ = previous_text  # type: ignore[attr-defined]
        _state.language = previous_language


def refusal(key: str, **fields: object) -> argparse.ArgumentTypeError:
    """An argument type's refusal, worded in the language of the command line being parsed."""
    return argparse.ArgumentTypeError(Message(key, fields).render(current_language()))


class Parser(argparse.ArgumentParser):
    """argparse's parser whose refusals are one sentence in the officer's language (exit 2)."""

    def error(self, message: str) -> NoReturn:
        language = current_language()

        def type_name(match: re.Match[str]) -> str:
            key = _TYPE_KEYS.get(match.group(1))
            return Message(key).render(language) if key else match.group(1)

        problem = _TYPE_NAME.sub(type_name, message)
        text = Message("arguments.refused", {"command": self.prog, "problem": problem})
        self.exit(2, text.render(language) + "\n")
