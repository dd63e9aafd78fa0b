"""``diversity-assistant delivered RECORD.record.json``: the officer confirms the file reached
the office (uploaded in its web portal, or handed over), which is added to the record with the
date, time and the file's SHA-256; ``--delete-file`` then overwrites and removes the delivered
file (the plaintext one of a web-portal delivery holds personal data)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.commands.common import EXIT_OK
from desktop_app.messages import Message


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "delivered",
        help="confirm that the file was uploaded in the office's portal or handed over "
        "(added to the record)",
    )
    command.add_argument("record", type=Path, metavar="RECORD.record.json")
    command.add_argument(
        "--delete-file",
        action="store_true",
        help="then overwrite and remove the delivered file (it may hold personal data)",
    )
    command.add_argument("--no-summary", action="store_true", help="do not write the PDF again")


def run(args: argparse.Namespace, language: str) -> int:
    from desktop_app.delivery.record import (
        confirm_delivered,
        delivered_path_of,
        note_deleted,
    )
    from desktop_app.delivery.shred import shred

    render = None
    if not args.no_summary:
        from desktop_app.render import html_to_pdf

        render = html_to_pdf
    record = confirm_delivered(args.record, render_pdf=render)
    delivered = delivered_path_of(args.record, record)
    print(
        Message(
            "submission.delivered", {"file": delivered.name, "sha256": record.file.sha256}
        ).render(language)
    )
    if args.delete_file:
        shred(delivered)
        note_deleted(args.record, render_pdf=render)
        print(Message("submission.file-deleted", {"file": delivered}).render(language))
    return EXIT_OK
