"""``diversity-assistant check FILE --programme ID``: read, map and validate an employee file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop_app.commands.common import POPULATION_OPTIONS, date_argument, population_argument
from desktop_app.errors import UsageError


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
        "--peildatum",
        type=date_argument,
        metavar="YYYY-MM-DD",
        help="reference date (default: today)",
    )
    check.add_argument(
        "--include",
        type=population_argument,
        default=[],
        metavar="WHO",
        help="count these too: comma-separated from externals, interns, leavers",
    )
    check.add_argument("--json", action="store_true", help="print one JSON object (see README)")
    check.add_argument(
        "--findings-xlsx",
        type=Path,
        metavar="FILE.xlsx",
        help="also write the findings to an Excel file for the salary administration"
        " (one row per finding per row; identifiers masked)",
    )


def run(args: argparse.Namespace, language: str) -> int:
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
    if args.findings_xlsx is not None:
        from desktop_app.validation.export import write_findings_xlsx

        write_findings_xlsx(
            result.validation,
            result.table,
            result.programme,
            result.mapping,
            args.findings_xlsx,
            language,
        )
    if args.json:
        print(json.dumps(check_report_json(result, language), ensure_ascii=False, indent=2))
    else:
        print(check_report_text(result, language))
    return result.exit_code
