"""``diversity-assistant sheets FILE``: list the sheets of a workbook (hidden ones marked)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop_app.commands.common import EXIT_OK
from desktop_app.messages import Message


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sheets = commands.add_parser(
        "sheets", help="list the sheets of a workbook (hidden ones marked)"
    )
    sheets.add_argument("file", type=Path)
    sheets.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, language: str) -> int:
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
