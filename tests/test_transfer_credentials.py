"""Portal settings parsing, host-key fingerprints, and passwords in the keyring (removable)."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.backend
import keyring.errors
import pytest

from desktop_app.transfer import (
    Credentials,
    Portal,
    TransferError,
    forget_password,
    load_password,
    normalise_fingerprint,
    save_password,
)


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_password_is_kept_in_the_keyring_and_can_be_removed(memory: MemoryKeyring) -> None:
    portal = Portal.from_url("sftp://upload.example.org:2222/inbox")
    assert load_password(portal, "hr") is None
    save_password(portal, "hr", "s3cret!")
    assert load_password(portal, "hr") == "s3cret!"
    assert list(memory.items) == [
        ("Diversity Assistant portal", "hr@sftp://upload.example.org:2222/inbox")
    ]
    assert forget_password(portal, "hr") is True
    assert forget_password(portal, "hr") is False
    assert load_password(portal, "hr") is None


def test_secrets_are_not_in_repr() -> None:
    text = repr(Credentials("hr", password="s3cret!", key_passphrase="phrase!"))
    assert "s3cret!" not in text
    assert "phrase!" not in text


def test_portal_urls() -> None:
    sftp = Portal.from_url("sftp://hr@10.0.0.5/in")
    assert (sftp.protocol, sftp.host, sftp.port, sftp.path, sftp.username) == (
        "sftp",
        "10.0.0.5",
        22,
        "/in",
        "hr",
    )
    tus = Portal.from_url("https://portal.example.org/files/", ca_file="ca.pem")
    assert (tus.protocol, tus.port, tus.path, str(tus.ca_file)) == ("tus", 443, "/files/", "ca.pem")
    for bad in ("http://x/files", "ftp://x/", "sftp:///nohost", "https://x/?a=1"):
        with pytest.raises(TransferError) as caught:
            Portal.from_url(bad)
        assert caught.value.message.key == "transfer.portal-url-invalid"
    with pytest.raises(TransferError):
        Portal.from_url("https://x/files", host_key_sha256="SHA256:" + "A" * 43)


def test_fingerprint_forms_are_normalised() -> None:
    hex_form = "ab" * 32
    b64 = normalise_fingerprint(hex_form)
    assert b64.startswith("SHA256:")
    assert len(b64) == 7 + 43
    assert normalise_fingerprint(b64) == b64 == normalise_fingerprint(b64[7:])
    assert normalise_fingerprint(":".join(["ab"] * 32)) == b64
    with pytest.raises(TransferError) as caught:
        normalise_fingerprint("SHA256:tooshort")
    assert caught.value.message.key == "transfer.host-key-invalid"
