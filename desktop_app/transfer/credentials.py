"""Portal passwords in the operating system's keyring, never in a file or a log."""

from __future__ import annotations

from typing import Any

from desktop_app.transfer.model import Portal, TransferError

SERVICE = "Diversity Assistant portal"


def keyring_account(portal: Portal, username: str) -> str:
    return f"{username}@{portal.url}"


def _keyring() -> tuple[Any, Any]:  # imported late: keyring probes backends on import
    import keyring
    import keyring.errors

    return keyring, keyring.errors


def load_password(portal: Portal, username: str) -> str | None:
    keyring, errors = _keyring()
    try:
        password: str | None = keyring.get_password(SERVICE, keyring_account(portal, username))
        return password
    except errors.KeyringError as exc:
        raise TransferError("transfer.keyring-unavailable", detail=type(exc).__name__) from None


def save_password(portal: Portal, username: str, password: str) -> None:
    keyring, errors = _keyring()
    try:
        keyring.set_password(SERVICE, keyring_account(portal, username), password)
    except errors.KeyringError as exc:
        raise TransferError("transfer.keyring-unavailable", detail=type(exc).__name__) from None


def forget_password(portal: Portal, username: str) -> bool:
    """Remove the stored password; False if there was none."""
    keyring, errors = _keyring()
    try:
        keyring.delete_password(SERVICE, keyring_account(portal, username))
    except errors.PasswordDeleteError:
        return False
    except errors.KeyringError as exc:
        raise TransferError("transfer.keyring-unavailable", detail=type(exc).__name__) from None
    return True
