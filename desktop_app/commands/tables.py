"""``diversity-assistant tables FILE --programme ID --by COL``: count frequency tables and protect
them together (suppression + LP audit)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop_app.commands.common import columns_argument, date_argument
from desktop_app.messages import Message


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    tables = commands.add_parser(
        "tables",
        help="count frequency tables and protect them together (suppression + LP audit)",
    )
    tables.add_argument("file", type=Path, help=".xlsx .xlsm .xls .ods .csv or .txt")
    tables.add_argument("--programme", required=True, metavar="ID", help="programme profile id")
    tables.add_argument("--mapping", type=Path, metavar="MAP.json", help="a saved mapping to use")
    tables.add_argument(
        "--draft",
        type=Path,
        metavar="DRAFT.json",
        help="apply the draft's mapping, peildatum, band edges, merges and cell threshold, as the "
        "wizard's categories page does (options given here win)",
    )
    tables.add_argument(
        "--by",
        action="append",
        required=True,
        type=columns_argument,
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
        "--peildatum",
        type=date_argument,
        metavar="YYYY-MM-DD",
        help="reference date (default: today)",
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


def run(args: argparse.Namespace, language: str) -> int:
    from desktop_app.draft import load_draft
    from desktop_app.tables_command import TablesOptions, run_tables, tables_json, tables_text

    draft = load_draft(args.draft) if args.draft else None
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
            draft=draft,
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
