"""``diversity-assistant openpgp-decrypt``: decrypt a file the KSZ/BCSS encrypted to the
organisation's OpenPGP key."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from desktop_app.commands.common import EXIT_OK
from desktop_app.messages import Message

OPENPGP_PASSPHRASE_ENV = "DIVERSITY_ASSISTANT_OPENPGP_PASSPHRASE"  # noqa: S105 - a variable name


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pgp = commands.add_parser(
        "openpgp-decrypt",
        help="decrypt a file the KSZ/BCSS encrypted to the organisation's OpenPGP key",
    )
    pgp.add_argument("file", type=Path)
    pgp.add_argument("--key-folder", type=Path, required=True, metavar="DIR")
    pgp.add_argument("--organisation", required=True, metavar="ID")
    pgp.add_argument("--out", type=Path, required=True, metavar="FILE")


def run(args: argparse.Namespace, language: str) -> int:
    """The passphrase comes from DIVERSITY_ASSISTANT_OPENPGP_PASSPHRASE, else the OS keyring."""
    from desktop_app.crypto.openpgp import decrypt_file, load_key

    passphrase = os.environ.get(OPENPGP_PASSPHRASE_ENV)
    key = load_key(args.key_folder, args.organisation, passphrase=passphrase)
    decrypt_file(key, args.file, args.out)
    print(Message("openpgp.decrypted", {"file": args.out}).render(language))
    return EXIT_OK
