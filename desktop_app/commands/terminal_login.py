"""What `upload` and `results fetch` ask on a terminal, the same way: the password (from the
keyring, else typed, and kept once the transfer succeeded), a server key seen for the first time,
and how far the transfer is."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.messages import Message

if TYPE_CHECKING:
    from desktop_app.transfer.model import Credentials, Portal


@dataclass(frozen=True)
class TerminalLogin:
    credentials: Credentials
    typed: bool  # the password was typed here: kept in the keyring once the transfer succeeded


def terminal_login(
    portal: Portal, user: str, key_file: Path | None, language: str, not_given_key: str
) -> TerminalLogin:
    """The credentials for ``user``: the key file, else the password kept in the keyring, else
    one typed on the terminal (``not_given_key``: the refusal when there is no terminal)."""
    from desktop_app.transfer import credentials as store
    from desktop_app.transfer.model import Credentials, TransferError

    password: str | None = None
    typed = False
    if key_file is None:
        password = store.load_password(portal, user)
        if password is None:
            prompt = Message("transfer.password-prompt", {"user": user, "host": portal.host})
            try:
                password = getpass.getpass(prompt.render(language))
            except EOFError:  # no terminal to type it in (a script, a pipe)
                raise TransferError(not_given_key, user=user) from None
            typed = True
    return TerminalLogin(Credentials(user, password=password, key_file=key_file), typed)


def keep_typed_password(portal: Portal, login: TerminalLogin, language: str) -> None:
    """After a transfer that succeeded: a password typed for it is kept in the keyring (when the
    keyring refuses, only that is said: the transfer stands)."""
    from desktop_app.transfer import credentials as store
    from desktop_app.transfer.model import TransferError

    password = login.credentials.password
    if not (login.typed and password):
        return
    try:
        store.save_password(portal, login.credentials.username, password)
    except TransferError as error:
        print(error.render(language), file=sys.stderr)


def confirm_host_key_on_terminal(language: str) -> Callable[[str, int, str], bool]:
    """Asks on the terminal whether a server key seen for the first time is the office's; without a
    terminal the answer is no (never accepted silently)."""

    def confirm(host: str, _port: int, fingerprint: str) -> bool:
        if not sys.stdin.isatty():
            return False
        question = Message("transfer.confirm-host-key", {"host": host, "fingerprint": fingerprint})
        answer = input(question.render(language)).strip().lower()
        return answer in ("y", "yes", "j", "ja", "o", "oui")

    return confirm


def percent_on_terminal(done: int, total: int) -> None:
    """How far the transfer is, on stderr when that is a terminal."""
    if sys.stderr.isatty() and total:
        print(f"\r{done * 100 // total:3d}%", end="", file=sys.stderr, flush=True)
