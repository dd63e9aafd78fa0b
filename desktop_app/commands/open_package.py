"""``diversity-assistant open``: the office's side: decrypt, verify and unpack what the organisation
sent — a ``.p7m`` (CMS: ``--key``/``--cert``), a ``.gpg`` (OpenPGP: ``--openpgp-key``) or a ``.7z``
(passphrase archive: the passphrase from a prompt or the environment, never an argument)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from desktop_app.bounded_read import FileKind, read_bounded
from desktop_app.commands.common import EXIT_OK, key_passphrase
from desktop_app.errors import UsageError
from desktop_app.messages import Message

ARCHIVE_PASSPHRASE_ENV = "DIVERSITY_ASSISTANT_ARCHIVE_PASSPHRASE"  # noqa: S105 - a variable name
_7Z_MAGIC = b"7z\xbc\xaf\x27\x1c"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    opener = commands.add_parser(
        "open",
        help="the office's side: decrypt, verify and unpack a package (.p7m, .gpg or .7z)",
    )
    opener.add_argument("package", type=Path, metavar="PACKAGE")
    opener.add_argument(
        "--key",
        type=Path,
        metavar="KEY.pem",
        help="CMS: the office's private key; passphrase from DIVERSITY_ASSISTANT_KEY_PASSPHRASE",
    )
    opener.add_argument(
        "--cert", type=Path, metavar="CERT.pem", help="CMS: the office's certificate"
    )
    opener.add_argument(
        "--sender-cert",
        type=Path,
        metavar="SENDER.pem",
        help="CMS: refuse the package unless this certificate signed it",
    )
    opener.add_argument(
        "--openpgp-key",
        type=Path,
        metavar="SECRET.asc",
        help="OpenPGP: the office's secret key (gpg --export-secret-keys); its passphrase from "
        "DIVERSITY_ASSISTANT_KEY_PASSPHRASE",
    )
    opener.add_argument(
        "--sender-key",
        type=Path,
        metavar="SENDER.asc",
        help="OpenPGP: refuse the file unless this public key signed it",
    )
    opener.add_argument("--out", type=Path, required=True, metavar="DIR")


def _kind(package: Path) -> str:
    head = read_bounded(package, FileKind.PACKAGE)[:64]
    if head.startswith(_7Z_MAGIC):
        return "archive"
    if head.startswith(b"-----BEGIN PGP MESSAGE") or (head and head[0] & 0xC0 in (0x80, 0xC0)):
        # an OpenPGP packet header (CMS DER starts with 0x30, a SEQUENCE)
        return "openpgp"
    return "cms"


def _archive_passphrase(language: str) -> str:
    value = os.environ.get(ARCHIVE_PASSPHRASE_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise UsageError("submission.archive-passphrase-missing", env=ARCHIVE_PASSPHRASE_ENV)
    return getpass.getpass(Message("submission.archive-passphrase-prompt").render(language))


def run(args: argparse.Namespace, language: str) -> int:
    from desktop_app.package.open import (
        open_archive_file,
        open_openpgp_file,
        open_package_file,
    )

    kind = _kind(args.package)
    if kind == "archive":
        delivered = open_archive_file(args.package, _archive_passphrase(language), args.out)
        count, signer = len(delivered.files), "-"
    elif kind == "openpgp":
        if args.openpgp_key is None:
            raise UsageError("submission.openpgp-key-missing")
        passphrase = key_passphrase()
        delivered = open_openpgp_file(
            args.package,
            args.openpgp_key,
            args.out,
            args.sender_key,
            key_passphrase=passphrase.decode("utf-8") if passphrase else "",
        )
        count, signer = len(delivered.files), delivered.signer_fingerprint or "-"
    else:
        if args.key is None or args.cert is None:
            raise UsageError("submission.cms-key-missing")
        opened = open_package_file(
            args.package,
            args.key,
            args.cert,
            args.out,
            args.sender_cert,
            key_passphrase=key_passphrase(),
        )
        count, signer = len(opened.files), opened.signer_fingerprint
    opened_message = {"count": count, "folder": args.out, "signer": signer}
    print(Message("submission.opened", opened_message).render(language))
    return EXIT_OK
