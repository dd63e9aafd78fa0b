"""``diversity-assistant programmes``: list the programme profiles."""

from __future__ import annotations

import argparse
import json

from desktop_app.commands.common import EXIT_OK


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    programmes = commands.add_parser("programmes", help="list the programme profiles")
    programmes.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, language: str) -> int:
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
