"""``diversity-assistant open``: the office's side: decrypt, verify and unpack a package."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.commands.common import EXIT_OK, key_passphrase
from desktop_app.messages import Message


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def run(args: argparse.Namespace, language: str) -> int:
    from desktop_app.package.open import open_package_file

    opened = open_package_file(
        args.package,
        args.key,
        args.cert,
        args.out,
        args.sender_cert,
        key_passphrase=key_passphrase(),
    )
    opened_message = {
        "count": len(opened.files),
        "folder": opened.folder,
        "signer": opened.signer_fingerprint,
    }
    print(Message("submission.opened", opened_message).render(language))
    return EXIT_OK
