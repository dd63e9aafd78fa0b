"""``diversity-assistant upload PACKAGE.p7m --portal URL``: the CLI face of
:func:`desktop_app.transfer.api.upload`.

The password comes from the OS keyring or a prompt, never from an argument; after a successful
login it is kept in the keyring (``--forget-password`` removes it).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.bounded_read import FileKind, require_regular_file
from desktop_app.commands.terminal_login import (
    confirm_host_key_on_terminal,
    keep_typed_password,
    percent_on_terminal,
    terminal_login,
)
from desktop_app.messages import Message

if TYPE_CHECKING:
    from desktop_app.transfer import Receipt


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def run(args: argparse.Namespace, language: str) -> int:
    from desktop_app.transfer import credentials as store
    from desktop_app.transfer.api import upload
    from desktop_app.transfer.hostkey_policy import portal_for_upload
    from desktop_app.transfer.model import TransferError

    # every file argument is judged before a connection is made or a password asked for
    require_regular_file(args.package, FileKind.PACKAGE)
    if args.key_file is not None:
        require_regular_file(args.key_file, FileKind.KEY)
    if args.ca_file is not None:
        require_regular_file(args.ca_file, FileKind.CERTIFICATE)
    # the host key the wizard would expect too: --host-key-sha256, else the profile's pin (with
    # --programme), else a remembered key, else asked (see transfer/hostkey_policy.py)
    programme = None
    if getattr(args, "programme", None):
        from desktop_app.profiles import load_programme_by_id

        programme = load_programme_by_id(args.programme)
    portal = portal_for_upload(
        args.portal,
        username=args.user,
        given=args.host_key_sha256,
        profile=programme,
        ca_file=args.ca_file,
    )
    user = portal.username
    if not user:
        raise TransferError("transfer.user-missing")
    if args.forget_password:
        store.forget_password(portal, user)
        print(
            Message("transfer.password-forgotten", {"user": user, "host": portal.host}).render(
                language
            )
        )
        return 0
    login = terminal_login(portal, user, args.key_file, language, "transfer.password-not-given")
    receipt = upload(
        args.package,
        portal,
        login.credentials,
        percent_on_terminal,
        confirm_host_key=confirm_host_key_on_terminal(language),
    )
    keep_typed_password(portal, login, language)
    _add_to_record(args.package, receipt)
    print(
        Message(
            "transfer.receipt",
            {
                "destination": receipt.destination,
                "size": receipt.size,
                "sha256": receipt.sha256,
                "time": receipt.uploaded_at,
                "file": str(args.package) + ".receipt.json",
            },
        ).render(language)
    )
    return 0


def _add_to_record(package: Path, receipt: Receipt) -> None:
    """The officer's record of this package (made by ``package``), if any: the receipt joins it."""
    from desktop_app.delivery.record import add_receipt, record_path_for
    from desktop_app.render import html_to_pdf

    record = record_path_for(package)
    if record.exists():
        add_receipt(record, json.loads(receipt.to_json()), render_pdf=html_to_pdf)
