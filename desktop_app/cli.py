"""``diversity-assistant`` / ``python -m desktop_app``: without a command the wizard, else the CLI.

Exit codes: 0 success (``check``: no errors; ``tables``: the audit passes), 1 errors found
(``tables``: cannot be made safe), 2 the file or arguments could not be used. Every refusal is printed as a translated sentence, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_app import __version__
from desktop_app.bounded_read import FileKind, read_bounded
from desktop_app.errors import AppError, UsageError
from desktop_app.ksz.cli import add_ksz_parser, run_ksz
from desktop_app.messages import LANGUAGES, Message, system_language
from desktop_app.terminal import safe_output

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports Ctrl+C
POPULATION_OPTIONS = ("externals", "interns", "leavers")
KEY_PASSPHRASE_ENV = "DIVERSITY_ASSISTANT_KEY_PASSPHRASE"  # noqa: S105 - a variable name
OPENPGP_PASSPHRASE_ENV = "DIVERSITY_ASSISTANT_OPENPGP_PASSPHRASE"  # noqa: S105 - a variable name


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def _columns(text: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in text.split(",") if c.strip())


def _population(text: str) -> list[str]:
    chosen = [p.strip() for p in text.split(",") if p.strip()]
    unknown = [p for p in chosen if p not in POPULATION_OPTIONS]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown population option(s) {', '.join(unknown)}; choose from {', '.join(POPULATION_OPTIONS)}"
        )
    return chosen


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
        help="open the wizard with the bundled demo spreadsheet and demo draft",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of messages (default: the system language if nl/en/fr, else nl)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="read, map and validate an employee spreadsheet")
    check.add_argument("file", type=Path, help=".xlsx .xlsm .xls .ods .csv or .txt")
    check.add_argument(
        "--programme",
        required=True,
        metavar="ID",
        help="programme profile id, e.g. cbs-barometer-ingezoomd (see `programmes`)",
    )
    check.add_argument(
        "--sheet", metavar="NAME", help="sheet to read (default: the first visible one)"
    )
    check.add_argument("--header-row", type=int, metavar="N", help="Excel row number of the header")
    check.add_argument("--mapping", type=Path, metavar="MAP.json", help="a saved mapping to use")
    check.add_argument(
        "--save-mapping",
        type=Path,
        metavar="MAP.json",
        help="save the mapping used (suggested or loaded) for next time",
    )
    check.add_argument(
        "--breakdown",
        action="append",
        default=[],
        metavar="COLUMN",
        help="a source column holding a breakdown (subgroup), or =age / =entry_year for a band"
        " derived from a date; repeat for more",
    )
    check.add_argument(
        "--peildatum", type=_date, metavar="YYYY-MM-DD", help="reference date (default: today)"
    )
    check.add_argument(
        "--include",
        type=_population,
        default=[],
        metavar="WHO",
        help="count these too: comma-separated from externals, interns, leavers",
    )
    check.add_argument("--json", action="store_true", help="print one JSON object (see README)")

    tables = commands.add_parser(
        "tables",
        help="count frequency tables and protect them together (suppression + LP audit)",
    )
    tables.add_argument("file", type=Path, help=".xlsx .xlsm .xls .ods .csv or .txt")
    tables.add_argument("--programme", required=True, metavar="ID", help="programme profile id")
    tables.add_argument("--mapping", type=Path, metavar="MAP.json", help="a saved mapping to use")
    tables.add_argument(
        "--by",
        action="append",
        required=True,
        type=_columns,
        metavar="COL[,COL...]",
        help="one table per --by: source headers or age, sex, entry_year, salary_band",
    )
    tables.add_argument(
        "--min-count",
        type=int,
        metavar="N",
        help="cells below N are unsafe (default: the programme's cell threshold; required when "
        "the programme names none)",
    )
    tables.add_argument(
        "--peildatum", type=_date, metavar="YYYY-MM-DD", help="reference date (default: today)"
    )
    tables.add_argument(
        "--zeros-unsafe", action="store_true", help="treat empty cells as unsafe too"
    )
    tables.add_argument(
        "--thorough",
        action="store_true",
        help="also try to publish again every secondary cell the others make unnecessary "
        "(fewer hidden cells; slower on big tables, where it is otherwise off)",
    )
    tables.add_argument("--json", action="store_true", help="print one JSON object (see README)")

    programmes = commands.add_parser("programmes", help="list the programme profiles")
    programmes.add_argument("--json", action="store_true")

    _add_package_parsers(commands)
    _add_upload_parser(commands)
    add_ksz_parser(commands)

    sheets = commands.add_parser(
        "sheets", help="list the sheets of a workbook (hidden ones marked)"
    )
    sheets.add_argument("file", type=Path)
    sheets.add_argument("--json", action="store_true")
    return parser


def _add_package_parsers(commands: argparse._SubParsersAction) -> None:
    """package, open (the office's side) and openpgp-decrypt (the KSZ's tables)."""
    package = commands.add_parser(
        "package", help="check, package, sign and encrypt a submission for the office"
    )
    package.add_argument(
        "file", type=Path, nargs="?", help="the employee file (default: the draft's)"
    )
    package.add_argument("--draft", type=Path, required=True, metavar="DRAFT.json")
    package.add_argument(
        "--recipient-cert",
        type=Path,
        required=True,
        metavar="CERT.pem",
        help="the office's X.509 certificate (PEM or DER)",
    )
    package.add_argument(
        "--recipient-sha256",
        metavar="FP",
        help="the certificate's SHA-256 fingerprint as confirmed with the office "
        "(needed when the programme profile pins none)",
    )
    package.add_argument("--out", type=Path, required=True, metavar="PACKAGE.p7m")
    package.add_argument(
        "--signing-key",
        type=Path,
        metavar="KEY.pem",
        help="sign with this key instead of the organisation's own key; its "
        "passphrase, if any, from DIVERSITY_ASSISTANT_KEY_PASSPHRASE",
    )
    package.add_argument("--signing-cert", type=Path, metavar="CERT.pem")
    package.add_argument("--no-summary", action="store_true", help="do not write the PDF summary")

    opener = commands.add_parser(
        "open", help="the office's side: decrypt, verify and unpack a package"
    )
    opener.add_argument("package", type=Path, metavar="PACKAGE.p7m")
    opener.add_argument(
        "--key",
        type=Path,
        required=True,
        metavar="KEY.pem",
        help="the office's private key; passphrase from DIVERSITY_ASSISTANT_KEY_PASSPHRASE",
    )
    opener.add_argument("--cert", type=Path, required=True, metavar="CERT.pem")
    opener.add_argument(
        "--sender-cert",
        type=Path,
        metavar="SENDER.pem",
        help="refuse the package unless this certificate signed it",
    )
    opener.add_argument("--out", type=Path, required=True, metavar="DIR")

    pgp = commands.add_parser(
        "openpgp-decrypt",
        help="decrypt a file the KSZ/BCSS encrypted to the organisation's OpenPGP key",
    )
    pgp.add_argument("file", type=Path)
    pgp.add_argument("--key-folder", type=Path, required=True, metavar="DIR")
    pgp.add_argument("--organisation", required=True, metavar="ID")
    pgp.add_argument("--out", type=Path, required=True, metavar="FILE")


def _add_upload_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "upload", help="upload an encrypted package to the office's portal (SFTP or tus/HTTPS)"
    )
    parser.add_argument("package", type=Path, help="the encrypted package (.p7m)")
    parser.add_argument(
        "--portal",
        required=True,
        metavar="URL",
        help="sftp://host:port/folder or https://host/path (tus)",
    )
    parser.add_argument("--user", metavar="NAME", help="login name at the portal")
    parser.add_argument(
        "--host-key-sha256", metavar="FP", help="SFTP: the server's host key fingerprint (SHA256:…)"
    )
    parser.add_argument(
        "--programme",
        metavar="ID",
        help="SFTP: apply this programme profile's host-key pin when --portal is its portal",
    )
    parser.add_argument(
        "--ca-file", type=Path, metavar="CA.pem", help="HTTPS: trust this CA instead of the system"
    )
    parser.add_argument(
        "--key-file", type=Path, metavar="KEY", help="SFTP: log in with this private key"
    )
    parser.add_argument(
        "--forget-password", action="store_true", help="remove the stored password and stop"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every refusal and every unexpected failure ends in a sentence, never a
    traceback, and everything written passes :func:`desktop_app.terminal.plain_text`."""
    if argv is None:  # a real start (not a test calling main): no core dump of employee data
        from desktop_app.hardening import disable_core_dumps

        disable_core_dumps()
    with safe_output():
        try:
            args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
        except SystemExit as stop:  # argparse's own usage message was printed
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
    except Exception as error:  # a bug or an input no rule foresaw: a sentence, the log, exit 2
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
    commands = {
        "check": _check,
        "tables": _tables,
        "programmes": _programmes,
        "sheets": _sheets,
        "package": _package,
        "open": _open,
        "upload": _upload,
        "openpgp-decrypt": _openpgp_decrypt,
        "ksz": run_ksz,
    }
    return commands[args.command](args, language)


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


def _check(args: argparse.Namespace, language: str) -> int:
    from desktop_app.check import CheckOptions, run_check
    from desktop_app.mapping.store import save_mapping
    from desktop_app.report import check_report_json, check_report_text

    if args.header_row is not None and args.header_row < 1:
        raise UsageError("cli.header-row-invalid", row=args.header_row)
    options = CheckOptions(
        programme_id=args.programme,
        sheet=args.sheet,
        header_row=args.header_row,
        mapping_path=args.mapping,
        breakdowns=tuple(args.breakdown),
        peildatum=args.peildatum,
        population={p: p in args.include for p in POPULATION_OPTIONS},
    )
    result = run_check(args.file, options)
    if args.save_mapping:
        save_mapping(result.mapping, args.save_mapping)
    if args.json:
        print(json.dumps(check_report_json(result, language), ensure_ascii=False, indent=2))
    else:
        print(check_report_text(result, language))
    return result.exit_code


def _key_passphrase() -> bytes | None:
    value = os.environ.get(KEY_PASSPHRASE_ENV)
    return value.encode("utf-8") if value else None


def _package(args: argparse.Namespace, language: str) -> int:
    from desktop_app.crypto.keys import SigningIdentity, keys_match
    from desktop_app.crypto.recipient import load_certificate
    from desktop_app.draft import load_draft
    from desktop_app.submission import make_submission, organisation_id

    draft = load_draft(args.draft)
    signer = None
    if bool(args.signing_key) != bool(args.signing_cert):
        raise UsageError("submission.signing-pair")
    if args.signing_key:
        key = _load_signing_key(args.signing_key)
        certificate = load_certificate(
            read_bounded(args.signing_cert, FileKind.CERTIFICATE), str(args.signing_cert)
        )
        if not keys_match(key, certificate):
            raise UsageError("crypto.key-certificate-mismatch", file=str(args.signing_cert))
        signer = SigningIdentity(organisation_id(draft), key, certificate)
    render = None
    if not args.no_summary:
        from desktop_app.render import html_to_pdf

        render = html_to_pdf
    result = make_submission(
        draft,
        args.recipient_cert,
        args.out,
        file=args.file,
        signer=signer,
        confirmed_fingerprint=args.recipient_sha256,
        render_summary=render,
        language=language,
    )
    done = {
        "package": result.package_path,
        "rows": result.rows,
        "sha256": result.package_sha256,
        "recipient": result.recipient_fingerprint,
        "signer": result.signer_fingerprint,
    }
    print(Message("submission.done", done).render(language))
    if result.summary_path:
        print(
            Message("submission.summary-written", {"summary": result.summary_path}).render(language)
        )
    return EXIT_OK


def _load_signing_key(path: Path):  # an EC or RSA private key
    from cryptography.hazmat.primitives import serialization

    from desktop_app.crypto.errors import CryptoError

    try:
        return serialization.load_pem_private_key(
            read_bounded(path, FileKind.KEY), _key_passphrase()
        )
    except (ValueError, TypeError) as error:
        raise CryptoError("crypto.key-unreadable", file=str(path)) from error


def _open(args: argparse.Namespace, language: str) -> int:
    from desktop_app.package.open import open_package_file

    opened = open_package_file(
        args.package,
        args.key,
        args.cert,
        args.out,
        args.sender_cert,
        key_passphrase=_key_passphrase(),
    )
    opened_message = {
        "count": len(opened.files),
        "folder": opened.folder,
        "signer": opened.signer_fingerprint,
    }
    print(Message("submission.opened", opened_message).render(language))
    return EXIT_OK


def _tables(args: argparse.Namespace, language: str) -> int:
    from desktop_app.tables_command import TablesOptions, run_tables, tables_json, tables_text

    result = run_tables(
        args.file,
        TablesOptions(
            programme_id=args.programme,
            by=tuple(args.by),
            mapping_path=args.mapping,
            min_count=args.min_count,
            peildatum=args.peildatum,
            zeros_unsafe=args.zeros_unsafe,
            thorough=args.thorough,
        ),
    )
    errors = result.check.validation.counts()["error"]
    if errors:
        print(
            Message("disclosure.tables.check-errors", {"errors": errors}).render(language),
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps(tables_json(result), ensure_ascii=False, indent=2))
    else:
        print(tables_text(result, language))
    return result.exit_code


def _openpgp_decrypt(args: argparse.Namespace, language: str) -> int:
    """The passphrase comes from DIVERSITY_ASSISTANT_OPENPGP_PASSPHRASE, else the OS keyring."""
    from desktop_app.crypto.openpgp import decrypt_file, load_key

    passphrase = os.environ.get(OPENPGP_PASSPHRASE_ENV)
    key = load_key(args.key_folder, args.organisation, passphrase=passphrase)
    decrypt_file(key, args.file, args.out)
    print(Message("openpgp.decrypted", {"file": args.out}).render(language))
    return EXIT_OK


def _upload(args: argparse.Namespace, language: str) -> int:
    from desktop_app.transfer.cli import run_upload

    return run_upload(args, language)


def _programmes(args: argparse.Namespace, language: str) -> int:
    from desktop_app.profiles import available_programmes

    programmes = available_programmes()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": p.id,
                        "version": p.version,
                        "office": p.office,
                        "name": p.name.get(language),
                        "description": p.description.get(language),
                    }
                    for p in programmes
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for p in programmes:
            print(f"{p.id:<28} {p.version:<8} {p.name.get(language)}")
            print(f"{'':<37} {p.description.get(language)}")
    return EXIT_OK


def _sheets(args: argparse.Namespace, language: str) -> int:
    from desktop_app.intake import list_sheets

    sheets = list_sheets(args.file)
    if not sheets:  # a text file: read it, so that a file that is no table is refused as such
        from desktop_app.intake import read_table

        read_table(args.file)
        if args.json:
            print("[]")
        else:
            print(Message("cli.text-file-no-sheets", {"file": args.file.name}).render(language))
        return EXIT_OK
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "name": s.name,
                        "hidden": s.hidden or s.very_hidden,
                        "worksheet": s.is_worksheet,
                    }
                    for s in sheets
                ],
                ensure_ascii=False,
            )
        )
    else:
        hidden = Message("cli.sheet-hidden").render(language)
        for s in sheets:
            print(s.name + (f"  ({hidden})" if s.hidden or s.very_hidden else ""))
    return EXIT_OK
