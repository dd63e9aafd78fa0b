"""The product's log: one rotating file in ``data_dir()/logs``, free of personal data.

DESIGN.md promises that logs and crash reports hold no employee data. The mechanism is that they
carry value-free events only:

- an exception is recorded by what it is, never by its text: its type, for the product's own
  :class:`~desktop_app.errors.AppError` the message key (the parameters, which may name a value,
  are left out), for an ``OSError`` the error number and the system's reason; a library's message
  ("could not convert string to float: Jansen") is built from the cell it choked on, so it is never
  written, quoted or not;
- tracebacks are formatted without local variables (code lines and line numbers only);
- a log call's exception arguments are written the same way.

Scrubbing is the backstop for what the code itself writes (a path with the user's name in it, a
value in a log template by mistake):

- digit runs of 7 or more digits, also written with dots, dashes, slashes or spaces (BSN, INSZ, KBO,
  loonheffingennummer, bank account and phone numbers, dates of birth) become ``*``;
- e-mail addresses become ``<e-mail>``, postcodes (``1234 AB``, ``B-1000``, ``1000 Brussel``)
  become ``<postcode>``;
- absolute paths keep only their file name (code of the product keeps ``desktop_app/…``);
- in free text, quoted literals that are not plain identifiers become ``'…'``;
- control and bidi characters are shown as U+FFFD or removed (:func:`desktop_app.terminal.plain_text`).

Qt-free: the command line and the wizard share it.
"""

from __future__ import annotations

import errno
import logging
import logging.handlers
import re
import traceback
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from desktop_app.errors import AppError
from desktop_app.paths import data_dir
from desktop_app.terminal import plain_text

LOG_FOLDER = "logs"
LOG_NAME = "diversity-assistant.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

MASK_EMAIL = "<e-mail>"
MASK_POSTCODE = "<postcode>"
MASK_VALUE = "'…'"
MASK_KNOWN = "<hidden>"

_SEPARATOR = r"[ ./\-]"
# 7+ digits, optionally grouped with single separators ("85.07.30-033.28", "0123 456 789").
_DIGITS = re.compile(rf"(?<![\d])\d(?:{_SEPARATOR}?\d){{6,}}(?![\d])")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", re.UNICODE)
_POSTCODE_NL = re.compile(r"\b[1-9]\d{3} ?[A-Za-z]{2}\b")
_POSTCODE_BE = re.compile(r"\bB-[1-9]\d{3}\b|\b[1-9]\d{3}(?= [A-ZÀ-Ý][a-zà-ÿ]{2,})")
_HOME = str(Path.home())
_QUOTED_PATH = re.compile(r"""(["'])((?:[A-Za-z]:[\\/]|\\\\|/|~[\\/])[^"'\n]*)\1""")
_BARE_PATH = re.compile(r"""(?<![\w.:/])(?:[A-Za-z]:[\\/]|\\\\|/|~[\\/])[^\s"'<>|,;()]*""")
_QUOTED_LITERAL = re.compile(r"""(?<![\w])(['"])(.*?)\1""")
_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_.:\-]*|[A-Z][A-Za-z0-9]*(?:Error|Exception|Warning)")

_configured: logging.Handler | None = None


def _short_path(path: str) -> str:
    """A path as far as it is safe to keep: the product's own code relative, else the file name."""
    parts = re.split(r"[\\/]+", path.rstrip("\\/"))
    if "desktop_app" in parts[:-1]:
        return "/".join(parts[len(parts) - 1 - parts[::-1].index("desktop_app") :])
    return parts[-1] if parts else ""


def scrub_paths(text: str) -> str:
    text = text.replace(_HOME, "~") if _HOME not in ("", "/") else text
    text = _QUOTED_PATH.sub(lambda m: f"{m.group(1)}{_short_path(m.group(2))}{m.group(1)}", text)
    return _BARE_PATH.sub(lambda m: _short_path(m.group(0)) if len(m.group(0)) > 1 else "/", text)


def scrub(text: str, known: Iterable[str] = ()) -> str:
    """``text`` without personal data (see the module's docstring); ``known`` are values to hide
    wherever they appear (the organisation's name, the names typed in the checklist)."""
    for value in sorted({v for v in known if v and len(v) >= 3}, key=len, reverse=True):
        text = text.replace(value, MASK_KNOWN)
    text = _EMAIL.sub(MASK_EMAIL, text)
    text = scrub_paths(text)
    text = _DIGITS.sub(lambda m: re.sub(r"\d", "*", m.group(0)), text)
    text = _POSTCODE_BE.sub(MASK_POSTCODE, text)
    return _POSTCODE_NL.sub(MASK_POSTCODE, text)


def scrub_message(text: str, known: Iterable[str] = ()) -> str:
    """An exception's message: scrubbed, and quoted values that are no identifiers masked."""

    def literal(match: re.Match[str]) -> str:
        value = match.group(2)
        return match.group(0) if _IDENTIFIER.fullmatch(value) else MASK_VALUE

    return _QUOTED_LITERAL.sub(literal, scrub(text, known))


def _chain(error: BaseException) -> list[BaseException]:
    """The exception and its causes, oldest first, as Python prints them."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        if current.__cause__ is not None:
            current = current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            current = current.__context__
        else:
            current = None
    return chain[::-1]


def exception_line(error: BaseException, known: Iterable[str] = ()) -> str:
    """What the exception is, without any text built from data (see the module's docstring).

    ``known`` is accepted for symmetry with :func:`scrub`; nothing of the officer's is written.
    """
    kind = type(error)
    name = kind.__qualname__
    if kind.__module__ not in ("builtins", "__main__"):
        name = f"{kind.__module__}.{name}"
    if isinstance(error, AppError):
        return f"{name} [{error.message.key}]"
    if isinstance(error, OSError) and error.errno is not None:
        code = errno.errorcode.get(error.errno, str(error.errno))
        reason = scrub(plain_text(error.strerror or ""), known)
        suffix = Path(str(error.filename)).suffix.lower() if error.filename else ""
        kind_of_file = f" ({suffix})" if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else ""
        return f"{name} [{code}] {reason}{kind_of_file}".rstrip()
    return name


def format_exception(
    kind: type[BaseException] | None,
    error: BaseException | None,
    tb: TracebackType | None,
    known: Iterable[str] = (),
) -> str:
    """A traceback like Python's (chained causes included, never local variables), scrubbed."""
    if error is None:
        return exception_line(kind()) if kind else ""
    known = tuple(known)
    if error.__traceback__ is None and tb is not None:
        error = error.with_traceback(tb)
    blocks = []
    chain = _chain(error)
    for number, item in enumerate(chain):
        lines = []
        if item.__traceback__ is not None:
            lines.append("Traceback (most recent call last):\n")
            lines.extend(traceback.format_tb(item.__traceback__))
        lines.append(exception_line(item, known) + "\n")
        if number < len(chain) - 1:
            following = chain[number + 1]
            lines.append(
                "\nThe above exception was the direct cause of the following exception:\n\n"
                if following.__cause__ is item
                else "\nDuring handling of the above exception, another exception occurred:\n\n"
            )
        blocks.append("".join(lines))
    return scrub("".join(blocks), known)


class ScrubbingFormatter(logging.Formatter):
    """Formats exceptions and stacks through :func:`format_exception` / :func:`scrub`."""

    def format(self, record: logging.LogRecord) -> str:
        cached = record.exc_text  # another handler may have cached an unscrubbed traceback
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        return format_exception(*ei).rstrip("\n")

    def formatStack(self, stack_info: str) -> str:
        return scrub(stack_info)


def _scrub_argument(value: object) -> object:
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, BaseException):
        return exception_line(value)
    return scrub_message(plain_text(str(value)))


class ScrubbingFilter(logging.Filter):
    """Replaces a record's message by its scrubbed text before any handler writes it.

    Arguments (``log.warning("failed: %s", error)``) are scrubbed as exception messages (quoted
    values masked); the template itself is code and only gets the general scrubbing.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        if record.args:
            args = record.args
            scrubbed = (
                {k: _scrub_argument(v) for k, v in args.items()}
                if isinstance(args, dict)
                else tuple(_scrub_argument(v) for v in args)
            )
            try:
                message = message % scrubbed
            except (TypeError, ValueError, KeyError):  # a malformed call must not lose the record
                message = f"{message} {scrubbed!r}"
        record.msg = scrub(plain_text(message))
        record.args = None
        return True


def log_path(folder: Path | None = None) -> Path:
    return (folder or data_dir() / LOG_FOLDER) / LOG_NAME


def configure_logging(folder: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the product's log to a rotating file in ``folder`` (``data_dir()/logs``); idempotent.

    Calling it again with the same folder changes nothing; with another folder (a test, a changed
    data folder) the file handler moves there. Returns the log file's path.
    """
    global _configured  # noqa: PLW0603 (one handler per process)
    path = log_path(folder)
    root = logging.getLogger()
    if _configured is not None:
        if Path(getattr(_configured, "baseFilename", "")) == path.resolve():
            return path
        root.removeHandler(_configured)
        _configured.close()
        _configured = None
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
    )
    handler.setLevel(level)
    handler.setFormatter(ScrubbingFormatter(LOG_FORMAT))
    handler.addFilter(ScrubbingFilter())
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    _configured = handler
    return path


def unconfigure_logging() -> None:
    """Remove the file handler (tests; the application keeps it until it exits)."""
    global _configured  # noqa: PLW0603
    if _configured is not None:
        logging.getLogger().removeHandler(_configured)
        _configured.close()
        _configured = None
