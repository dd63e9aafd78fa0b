"""``results fetch sftp://user@host[:port]/path --programme ID --year YYYY``: the table set the office
left on its SFTP server, fetched and imported in one step (:func:`desktop_app.results.fetched.fetch_results`).

Only where the programme's profile offers it (the KSZ); the host key as ``upload`` expects it
(``--host-key-sha256``, else the profile's pin, else the remembered key, else asked on a terminal
and never accepted without a yes); the login with ``--identity KEY`` or a password from the OS
keyring or a prompt, as ``upload`` takes it (never from an argument; kept in the keyring after a
successful login). A ``.gpg`` is decrypted with the organisation's OpenPGP key (``--openpgp-key
DIR``, default the organisation's own; passphrase from the keyring or
``DIVERSITY_ASSISTANT_OPENPGP_PASSPHRASE``). ``--out DIR`` keeps the fetched file there.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from desktop_app.bounded_read import FileKind, check_output_folder, require_regular_file
from desktop_app.commands.common import EXIT_OK, year_argument
from desktop_app.commands.results_output import print_imported
from desktop_app.commands.terminal_login import (
    confirm_host_key_on_terminal,
    keep_typed_password,
    percent_on_terminal,
    terminal_login,
)
from desktop_app.messages import Message

OPENPGP_PASSPHRASE_ENV = "DIVERSITY_ASSISTANT_OPENPGP_PASSPHRASE"  # noqa: S105 - a variable name


def add_parser(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fetching = actions.add_parser(
        "fetch",
        help="fetch the office's table set from its SFTP server and import it (where the "
        "programme offers it)",
    )
    fetching.add_argument("url", metavar="sftp://user@host[:port]/path")
    fetching.add_argument("--programme", required=True, metavar="ID")
    fetching.add_argument("--year", required=True, type=year_argument, metavar="YYYY")
    fetching.add_argument("--organisation", metavar="ID", help="e.g. kbo-0123456749")
    fetching.add_argument(
        "--host-key-sha256", metavar="FP", help="the server's host key fingerprint (SHA256:…)"
    )
    fetching.add_argument(
        "--identity", type=Path, metavar="KEY", help="log in with this SSH private key"
    )
    fetching.add_argument(
        "--openpgp-key",
        "--key-folder",
        dest="key_folder",
        type=Path,
        metavar="DIR",
        help="the organisation's OpenPGP key folder (a .gpg; default: the organisation's own)",
    )
    fetching.add_argument("--record", type=Path, metavar="FILE", help="the submission's record")
    fetching.add_argument("--out", type=Path, metavar="DIR", help="keep the fetched file here")


def fetch(args: argparse.Namespace, language: str, organisation: str) -> int:
    from desktop_app.profiles import load_programme_by_id
    from desktop_app.results.fetched import (
        check_year_and_organisation,
        fetch_portal,
        fetch_results,
        require_fetch,
    )
    from desktop_app.results.model import ResultsError

    programme = load_programme_by_id(args.programme)
    require_fetch(programme)
    check_year_and_organisation(args.year, organisation)
    # every local argument is judged before a connection is made or a password asked for
    if args.identity is not None:
        require_regular_file(args.identity, FileKind.KEY)
    if args.out is not None:
        check_output_folder(args.out).mkdir(parents=True, exist_ok=True)
    portal = fetch_portal(args.url, programme, host_key_sha256=args.host_key_sha256)
    user = portal.username
    if not user:
        raise ResultsError("results.fetch-user-missing", url=portal.url)
    login = terminal_login(
        portal, user, args.identity, language, "transfer.fetch-password-not-given"
    )
    done = fetch_results(
        portal,
        login.credentials,
        programme,
        args.year,
        organisation,
        keep=args.out,
        key_folder=args.key_folder,
        passphrase=os.environ.get(OPENPGP_PASSPHRASE_ENV) or None,
        record=args.record,
        confirm_host_key=confirm_host_key_on_terminal(language),
        progress=percent_on_terminal,
    )
    keep_typed_password(portal, login, language)
    fetched = done.fetched
    print(
        Message(
            "results.fetched",
            {
                "file": fetched.name,
                "source": fetched.source,
                "size": fetched.size,
                "sha256": fetched.sha256,
                "server": fetched.server_identity,
            },
        ).render(language)
    )
    if done.kept is not None:
        print(Message("results.fetched-kept", {"path": done.kept}).render(language))
    print_imported(
        done.stored,
        fetched.name,
        programme=programme,
        organisation=organisation,
        year=args.year,
        language=language,
    )
    return EXIT_OK
