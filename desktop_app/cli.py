"""``diversity-assistant`` / ``python -m desktop_app``: without a command the wizard, else the CLI.

Exit codes: 0 success (``check``: no errors; ``tables``: the audit passes), 1 errors found
(``tables``: cannot be made safe), 2 the file or arguments could not be used. Every refusal is printed as a translated sentence, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Protocol, cast

from desktop_app import __version__
from desktop_app.commands import (
    check,
    delivered,
    journey,
    ksz,
    open_package,
    openpgp_decrypt,
    package,
    programmes,
    results,
    sheets,
    tables,
    upload,
)
from desktop_app.commands.arguments import Parser, arguments_in, language_of
from desktop_app.commands.common import EXIT_INTERRUPTED, EXIT_UNUSABLE
from desktop_app.errors import AppError, failure_to_report
from desktop_app.messages import LANGUAGES, Message, system_language
from desktop_app.terminal import safe_output


class Command(Protocol):
    """What a module in ``desktop_app.commands`` provides (a module satisfies a protocol)."""

    def add_parser(self, commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None: ...

    def run(self, args: argparse.Namespace, language: str) -> int: ...


COMMANDS: dict[str, Command] = {
    "check": check,
    "tables": tables,
    "programmes": programmes,
    "package": package,
    "open": open_package,
    "openpgp-decrypt": openpgp_decrypt,
    "upload": upload,
    "delivered": delivered,
    "ksz": ksz,
    "journey": journey,
    "sheets": sheets,
    "results": results,
}
"""The commands in the order ``--help`` lists them; each module has ``add_parser(subparsers)`` and
``run(args, language) -> int``."""


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="diversity-assistant",
        description="Prepare and check a workforce-diversity submission (CBS Barometer, KSZ/BCSS). "
        "Without a command the wizard opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (imports, wizard, reading, package round trip) and print "
        "a JSON report; exit 0 when all passed",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the wizard with the bundled demo spreadsheet and demo draft; its 'office' is a "
        "test SFTP server inside the assistant (loopback only, removed on exit)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of messages (default: the system language if nl/en/fr, else nl)",
    )
    # each command's parser is a Parser too (argparse makes them of the main parser's class)
    subparsers = cast(
        "argparse._SubParsersAction[argparse.ArgumentParser]",
        parser.add_subparsers(dest="command", metavar="COMMAND"),
    )
    for command in COMMANDS.values():
        command.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every refusal and every unexpected failure ends in a sentence, never a
    traceback, and everything written passes :func:`desktop_app.terminal.plain_text`."""
    if argv is None:  # a real start (not a test calling main): no core dump of employee data
        from desktop_app.hardening import disable_core_dumps

        disable_core_dumps()
    words = list(sys.argv[1:] if argv is None else argv)
    with safe_output():
        try:
            with arguments_in(language_of(words)):  # a refusal in the officer's language
                args = build_parser().parse_args(words)
        except SystemExit as stop:  # the refusal, --help or --version was printed
            return stop.code if isinstance(stop.code, int) else EXIT_UNUSABLE
        language = args.lang or system_language()
        return _run(args, language)


def _run(args: argparse.Namespace, language: str) -> int:
    try:
        return _dispatch(args, language)
    except AppError as error:
        print(error.render(language), file=sys.stderr)
        return EXIT_UNUSABLE
    except OSError as error:  # a file or folder the user named cannot be read or written
        where = error.filename or ""
        reason = error.strerror or str(error)
        print(
            Message("cli.os-error", {"file": where, "reason": reason}).render(language),
            file=sys.stderr,
        )
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        print(Message("cli.interrupted").render(language), file=sys.stderr)
        return EXIT_INTERRUPTED
    except MemoryError:
        print(Message("cli.out-of-memory").render(language), file=sys.stderr)
        return EXIT_UNUSABLE
    except BaseException as error:  # a bug or an input no rule foresaw: a sentence, the log, exit 2
        if not failure_to_report(error):  # SystemExit and the like go on; a Rust panic is reported
            raise
        log_file = _log_unexpected(error)
        print(
            Message(
                "cli.unexpected", {"kind": type(error).__name__, "log": log_file or "-"}
            ).render(language),
            file=sys.stderr,
        )
        return EXIT_UNUSABLE


def _dispatch(args: argparse.Namespace, language: str) -> int:
    if args.self_test:
        from desktop_app.ui.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        return _launch(language, demo=args.demo)
    return COMMANDS[args.command].run(args, language)


def _log_unexpected(error: BaseException) -> str | None:
    """Write the value-free traceback to the product's log; its path, or None when that failed."""
    import logging

    from desktop_app.logging_setup import configure_logging

    try:
        path = configure_logging()
        logging.getLogger(__name__).error("unexpected exception in a command", exc_info=error)
    except Exception:  # the log is help for a maintainer, never a second failure
        return None
    return str(path)


def _launch(language: str, demo: bool = False) -> int:
    """The wizard; it offers to continue an autosaved draft (``--demo``: the bundled demo)."""
    from desktop_app.ui.app import run_wizard

    return run_wizard(demo=demo, language=language)
