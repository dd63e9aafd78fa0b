"""The demo's office: the SFTP server on loopback that ``--demo`` starts inside the assistant.

First the portal alone with our real upload client (a 2 MB package arrives and the server's own
SHA-256 equals the file's and the receipt's; a wrong pin is refused before any login; nothing
outside the inbox is reachable; stopping removes the inbox), then the demo in the wizard, from
review to the receipt, and the test-only certificate still refused outside demo mode.
"""

from __future__ import annotations

import random
import socket
from pathlib import Path

import paramiko
import pytest

from desktop_app.transfer import Credentials, TransferError, file_sha256, receipt_path, upload
from desktop_app.transfer import demo_portal as demo_module
from desktop_app.transfer.demo_portal import DemoPortal
from desktop_app.transfer.model import Portal, RetryPolicy
from desktop_app.transfer.sftp import free_bytes

QUICK = RetryPolicy(attempts_without_progress=1, max_attempts=1, first_delay=0.01, timeout=10)


@pytest.fixture(autouse=True)
def _app_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))


@pytest.fixture
def portal():
    with DemoPortal() as server:
        yield server


def package(folder: Path, size: int = 2 * 1024 * 1024, name: str = "barometer.p7m") -> Path:
    path = folder / name
    path.write_bytes(random.Random(7).randbytes(size))
    return path


def sftp_client(server: DemoPortal) -> tuple[paramiko.Transport, paramiko.SFTPClient]:
    transport = paramiko.Transport(("127.0.0.1", server.port))
    transport.connect(username=server.user, password=server.password)
    client = paramiko.SFTPClient.from_transport(transport)
    assert client is not None
    return transport, client


def test_a_package_arrives_and_the_server_hashes_it(portal: DemoPortal, tmp_path: Path) -> None:
    file = package(tmp_path)
    assert portal.url == f"sftp://127.0.0.1:{portal.port}/inbox"
    assert portal.fingerprint.startswith("SHA256:")
    receipt = upload(file, portal.portal(), Credentials(portal.user, password=portal.password))
    [arrived] = portal.received()
    assert arrived.name == file.name
    assert arrived.size == file.stat().st_size == 2 * 1024 * 1024
    assert arrived.sha256 == file_sha256(file) == receipt.sha256
    assert receipt.server_identity == portal.fingerprint
    assert receipt.destination == f"{portal.url}/{file.name}"
    assert receipt_path(file).exists()
    assert (portal.inbox / file.name).read_bytes() == file.read_bytes()
    assert [p.name for p in portal.inbox.iterdir()] == [file.name]  # no temporary file left


def test_the_free_space_is_reported(portal: DemoPortal) -> None:
    transport, client = sftp_client(portal)
    try:
        free = free_bytes(client, "/inbox")
        assert free is not None
        assert free > 0
    finally:
        transport.close()


def test_a_wrong_pin_is_refused_before_login(
    portal: DemoPortal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logins: list[str] = []
    original = demo_module._Server.check_auth_password

    def counted(self, username: str, password: str) -> int:
        logins.append(username)
        return original(self, username, password)

    monkeypatch.setattr(demo_module._Server, "check_auth_password", counted)
    wrong = Portal.from_url(portal.url, host_key_sha256="SHA256:" + "A" * 43)
    with pytest.raises(TransferError) as refused:
        upload(
            package(tmp_path),
            wrong,
            Credentials(portal.user, password=portal.password),
            retry=QUICK,
        )
    assert refused.value.message.key == "transfer.host-key-changed"
    assert logins == []
    assert portal.received() == ()
    # the right pin with the wrong password: refused at login
    with pytest.raises(TransferError) as login:
        upload(package(tmp_path), portal.portal(), Credentials(portal.user, "guess"), retry=QUICK)
    assert login.value.message.key == "transfer.login-refused"
    assert logins == [portal.user]


def test_nothing_outside_the_inbox(portal: DemoPortal, tmp_path: Path) -> None:
    outside = portal.inbox.parent
    transport, client = sftp_client(portal)
    try:
        for path in ("../x", "/inbox/../x", "/x", "/inbox/sub/x", "inbox/../../x"):
            with pytest.raises(PermissionError):
                client.open(path, "w")
        with pytest.raises(PermissionError):
            client.stat("/etc/passwd")
        with client.open("/inbox/ok.txt", "w") as remote:
            remote.write(b"ok")
        with pytest.raises(PermissionError):
            client.rename("/inbox/ok.txt", "../ok.txt")
        with pytest.raises(PermissionError):
            client.remove("/inbox")
        with pytest.raises(OSError):  # unsupported: no listing, no folders
            client.listdir("/inbox")
    finally:
        transport.close()
    assert sorted(p.name for p in outside.iterdir()) == ["inbox"]
    assert [p.name for p in portal.inbox.iterdir()] == ["ok.txt"]
    # our client aimed at the folder above the inbox is refused with its message
    above = Portal.from_url(
        f"sftp://127.0.0.1:{portal.port}/inbox/..", host_key_sha256=portal.fingerprint
    )
    with pytest.raises(TransferError) as refused:
        upload(
            package(tmp_path, 1000),
            above,
            Credentials(portal.user, password=portal.password),
            retry=QUICK,
        )
    assert refused.value.message.key == "transfer.permission-denied"


def test_an_existing_file_is_never_replaced(portal: DemoPortal, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    first = package(tmp_path / "a", 5000)
    upload(first, portal.portal(), Credentials(portal.user, password=portal.password))
    other = tmp_path / "b" / first.name
    other.parent.mkdir()
    other.write_bytes(b"something else")
    with pytest.raises(TransferError) as refused:
        upload(other, portal.portal(), Credentials(portal.user, password=portal.password))
    assert refused.value.message.key == "transfer.remote-exists"
    [arrived] = portal.received()
    assert arrived.sha256 == file_sha256(first)


def test_stop_removes_the_inbox_and_closes_the_port(tmp_path: Path) -> None:
    server = DemoPortal().start()
    upload(package(tmp_path, 1000), server.portal(), Credentials(server.user, server.password))
    inbox, port = server.inbox, server.port
    assert inbox.exists()
    server.stop()
    assert not inbox.exists()
    assert not inbox.parent.exists()
    assert not server.running
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass
    server.stop()  # twice is harmless
