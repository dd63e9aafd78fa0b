"""``diversity-assistant`` / ``python -m desktop_app``: without a command the wizard, else the CLI.

Exit codes: 0 success (``check``: no errors), 1 errors found, 2 the file or arguments could not be
used. Every refusal is printed as a translated sentence, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_app import __version__
from desktop_app.errors import AppError, UsageError
from desktop_app.messages import LANGUAGES, Message, system_language

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
POPULATION_OPTIONS = ("externals", "interns", "leavers")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


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
        help="a source column holding a breakdown (subgroup); repeat for more",
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

    programmes = commands.add_parser("programmes", help="list the programme profiles")
    programmes.add_argument("--json", action="store_true")

    sheets = commands.add_parser(
        "sheets", help="list the sheets of a workbook (hidden ones marked)"
    )
    sheets.add_argument("file", type=Path)
    sheets.add_argument("--json", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    language = args.lang or system_language()
    try:
        if args.command is None:
            return _launch(language)
        return {"check": _check, "programmes": _programmes, "sheets": _sheets}[args.command](
            args, language
        )
    except AppError as error:
        print(error.render(language), file=sys.stderr)
        return EXIT_UNUSABLE


def _launch(language: str) -> int:
    """The wizard once it exists; until then the demo check, so the product can be tried."""
    from desktop_app.resources import resource_path

    print(Message("cli.demo-intro").render(language))
    demo = resource_path("samples", "demo-personeel.xlsx")
    args = build_parser().parse_args(
        [
            "check",
            str(demo),
            "--programme",
            "cbs-barometer-ingezoomd",
            "--breakdown",
            "Afdeling",
            "--peildatum",
            "2026-01-01",
        ]
    )
    _check(args, language)
    return EXIT_OK


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
