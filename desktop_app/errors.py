"""The product's own exceptions: each carries a translatable message and, where known, a location."""

from __future__ import annotations

from typing import Any

from desktop_app.messages import DEFAULT_LANGUAGE, Message


class AppError(Exception):
    """A refusal the user can act on: what is wrong, where, and what to do (in ``message``)."""

    def __init__(self, key: str, location: str | None = None, **params: Any) -> None:
        self.message = Message(key, params)
        self.location = location
        super().__init__(self.render("en"))

    def render(self, language: str = DEFAULT_LANGUAGE) -> str:
        text = self.message.render(language)
        return f"{self.location}: {text}" if self.location else text


class IntakeError(AppError):
    """The file could not be read as a table (format, password, corruption, size, emptiness)."""


class ProfileError(AppError):
    """A programme profile is broken; the location names the file and the key."""


class MappingError(AppError):
    """A mapping does not fit the file or the programme."""


class UsageError(AppError):
    """The command line or the user's choices cannot be used as given."""


def is_rust_panic(error: BaseException) -> bool:
    """A panic inside a Rust extension (calamine, cryptography, pysequoia): pyo3 raises it as
    ``pyo3_runtime.PanicException``, a BaseException, which ``except Exception`` lets through.
    The class cannot be imported (pyo3 makes it on the first panic): it is known by its name."""
    kind = type(error)
    return kind.__name__ == "PanicException" and kind.__module__ == "pyo3_runtime"


def failure_to_report(error: BaseException) -> bool:
    """True for what a catch-all reports as a failure (an Exception or a Rust panic); False for
    what must go on (KeyboardInterrupt, SystemExit, GeneratorExit)."""
    return isinstance(error, Exception) or is_rust_panic(error)
