"""Upload over SFTP to OpenSSH's real sshd on loopback: host keys, logins, resume, verification."""

from __future__ import annotations

import itertools
import json
import logging
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.transfer import (
    CancelToken,
    Credentials,
    Portal,
    Receipt,
    RetryPolicy,
    TransferError,
    receipt_path,
    remembered_host_key,
    upload,
)
from tests.conftest import sha256_of
from tests.servers.keys import make_ssh_key
from tests.servers.proxy import CuttingProxy
from tests.servers.sshd import PASSWORD, Sshd, free_port, running_sshd_in_temp

FAST = RetryPolicy(attempts_without_progress=6, first_delay=0.01, max_delay=0.05, timeout=10)
# A loaded loopback server can lose a whole attempt's bytes at a cut: these tests are about resuming
# and exactly-once, not about when to give up (that has its own test), so they allow every cut.
THROUGH_CUTS = replace(FAST, attempts_without_progress=25)


@pytest.fixture(scope="module")
def sshd() -> Iterator[Sshd]:
    with running_sshd_in_temp("da-sshd-") as server:
        yield server


@pytest.fixture(autouse=True)
def _app_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))


@pytest.fixture
def inbox(sshd: Sshd, request: pytest.FixtureRequest) -> Path:
    """A fresh, empty folder on the server for each test."""
    folder = sshd.upload_dir / request.node.name.replace("[", "_").replace("]", "")
    folder.mkdir()
    folder.chmod(0o777)
    return folder


def make_package(folder: Path, size: int, name: str = "submission.p7m", seed: int = 1) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(random.Random(seed).randbytes(size))
    return path


def portal(sshd: Sshd, inbox: Path, port: int | None = None, pin: str | None = "server") -> Portal:
    return Portal.from_url(
        f"sftp://127.0.0.1:{port or sshd.port}{inbox}",
        host_key_sha256=sshd.host_key.fingerprint if pin == "server" else pin,
    )


def key_login(sshd: Sshd) -> Credentials:
    return Credentials(sshd.user, key_file=sshd.user_key.private_file)


def visible(inbox: Path) -> list[str]:
    return sorted(p.name for p in inbox.iterdir())


def test_key_login_uploads_verifies_and_saves_the_receipt(
    sshd: Sshd, inbox: Path, tmp_path: Path
) -> None:
    package = make_package(tmp_path, 1_500_000)
    calls: list[tuple[int, int]] = []
    receipt = upload(
        package, portal(sshd, inbox), key_login(sshd), lambda d, t: calls.append((d, t)), retry=FAST
    )
    assert visible(inbox) == ["submission.p7m"]
    assert sha256_of(inbox / "submission.p7m") == sha256_of(package) == receipt.sha256
    assert receipt.size == 1_500_000
    assert receipt.destination == f"sftp://127.0.0.1:{sshd.port}{inbox}/submission.p7m"
    assert receipt.server_identity == sshd.host_key.fingerprint
    assert receipt.attempts == 1
    assert calls[-1] == (1_500_000, 1_500_000)
    saved = Receipt.from_json(receipt_path(package).read_text())
    assert saved == receipt


def test_uploading_again_is_idempotent_and_a_different_file_is_never_overwritten(
    sshd: Sshd, inbox: Path, tmp_path: Path
) -> None:
    package = make_package(tmp_path, 200_000)
    upload(package, portal(sshd, inbox), key_login(sshd), retry=FAST)
    again = upload(package, portal(sshd, inbox), key_login(sshd), retry=FAST)
    assert again.sha256 == sha256_of(package)
    assert again.bytes_sent == 0
    different = make_package(tmp_path / "b", 200_000, seed=9)
    with pytest.raises(TransferError) as caught:
        upload(different, portal(sshd, inbox), key_login(sshd), retry=FAST)
    assert caught.value.message.key == "transfer.remote-exists"
    assert sha256_of(inbox / "submission.p7m") == sha256_of(package)
    assert visible(inbox) == ["submission.p7m"]


def test_an_unknown_host_key_is_shown_and_never_accepted_without_confirmation(
    sshd: Sshd, inbox: Path, tmp_path: Path
) -> None:
    package = make_package(tmp_path, 100_000)
    unpinned = portal(sshd, inbox, pin=None)
    with pytest.raises(TransferError) as caught:
        upload(package, unpinned, key_login(sshd), retry=FAST)
    assert caught.value.message.key == "transfer.host-key-unknown"
    assert caught.value.message.params["fingerprint"] == sshd.host_key.fingerprint
    assert sshd.host_key.fingerprint in caught.value.render("nl")
    asked: list[tuple[str, int, str]] = []

    def refuse(host: str, port: int, fingerprint: str) -> bool:
        asked.append((host, port, fingerprint))
        return False

    with pytest.raises(TransferError) as caught:
        upload(package, unpinned, key_login(sshd), confirm_host_key=refuse, retry=FAST)
    assert caught.value.message.key == "transfer.host-key-unknown"
    assert asked == [("127.0.0.1", sshd.port, sshd.host_key.fingerprint)]
    assert visible(inbox) == []
    assert remembered_host_key("127.0.0.1", sshd.port) is None

    receipt = upload(
        package, unpinned, key_login(sshd), confirm_host_key=lambda *_: True, retry=FAST
    )
    assert receipt.server_identity == sshd.host_key.fingerprint
    assert remembered_host_key("127.0.0.1", sshd.port) == sshd.host_key.fingerprint
    # next contact: remembered, not asked again
    second = make_package(tmp_path, 1000, name="second.p7m")
    upload(second, unpinned, key_login(sshd), confirm_host_key=refuse, retry=FAST)
    assert len(asked) == 1
    assert visible(inbox) == ["second.p7m", "submission.p7m"]


def test_a_changed_host_key_is_refused_before_any_credential_is_sent(
    sshd: Sshd, inbox: Path, tmp_path: Path
) -> None:
    package = make_package(tmp_path, 100_000)
    other = make_ssh_key(tmp_path / "other_key").fingerprint
    log_before = sshd.log.read_text(errors="replace")
    logins_before = log_before.count("Accepted ")
    preauth_before = log_before.count("[preauth]")
    with pytest.raises(TransferError) as caught:
        upload(package, portal(sshd, inbox, pin=other), key_login(sshd), retry=FAST)
    assert caught.value.message.key == "transfer.host-key-changed"
    assert caught.value.message.params == {
        "host": "127.0.0.1",
        "expected": other,
        "actual": sshd.host_key.fingerprint,
    }
    assert visible(inbox) == []
    # sshd logs the dropped connection asynchronously: wait for that line, then look for a login
    deadline = time.monotonic() + 10
    while sshd.log.read_text(errors="replace").count("[preauth]") == preauth_before:
        assert time.monotonic() < deadline, "sshd never logged the refused connection"
        time.sleep(0.02)
    assert sshd.log.read_text(errors="replace").count("Accepted ") == logins_before
    assert not receipt_path(package).exists()


def test_a_wrong_password_is_refused_with_its_own_message(
    sshd: Sshd, inbox: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert sshd.password_user is not None, "the tests run as root in CI (creates a test user)"
    package = make_package(tmp_path, 10_000)
    wrong = "not the password 123"
    caplog.set_level(logging.DEBUG)
    with pytest.raises(TransferError) as caught:
        upload(package, portal(sshd, inbox), Credentials(sshd.password_user, wrong), retry=FAST)
    assert caught.value.message.key == "transfer.login-refused"
    texts = {language: caught.value.render(language) for language in ("nl", "en", "fr")}
    assert len(set(texts.values())) == 3
    assert all(sshd.password_user in text and wrong not in text for text in texts.values())
    assert wrong not in caplog.text
    assert visible(inbox) == []


def test_password_login_works_and_the_password_is_never_logged_or_saved(
    sshd: Sshd, inbox: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert sshd.password_user is not None
    package = make_package(tmp_path, 300_000)
    credentials = Credentials(sshd.password_user, PASSWORD)
    caplog.set_level(logging.DEBUG)
    receipt = upload(package, portal(sshd, inbox), credentials, retry=FAST)
    assert sha256_of(inbox / "submission.p7m") == receipt.sha256 == sha256_of(package)
    assert (inbox / "submission.p7m").stat().st_uid != 0  # written by the password user
    assert PASSWORD not in caplog.text
    assert PASSWORD not in repr(credentials)
    assert PASSWORD not in receipt_path(package).read_text()
    assert caplog.text, "paramiko and the transfer module do log at DEBUG"


def test_permission_denied_has_its_own_message(sshd: Sshd, inbox: Path, tmp_path: Path) -> None:
    assert sshd.password_user is not None
    inbox.chmod(0o755)  # owned by root: the password user may not write
    package = make_package(tmp_path, 10_000)
    with pytest.raises(TransferError) as caught:
        upload(package, portal(sshd, inbox), Credentials(sshd.password_user, PASSWORD), retry=FAST)
    assert caught.value.message.key == "transfer.permission-denied"
    assert visible(inbox) == []


def test_no_route_is_reported_after_retries(tmp_path: Path, sshd: Sshd) -> None:
    package = make_package(tmp_path, 1000)
    closed = free_port()
    target = Portal.from_url(
        f"sftp://127.0.0.1:{closed}/x", host_key_sha256=sshd.host_key.fingerprint
    )
    policy = RetryPolicy(attempts_without_progress=3, first_delay=0.01, max_delay=0.02, timeout=2)
    with pytest.raises(TransferError) as caught:
        upload(package, target, key_login(sshd), retry=policy)
    assert caught.value.message.key == "transfer.no-route"
    assert caught.value.message.params["port"] == closed


def test_cancel_stops_leaves_nothing_visible_and_the_next_upload_resumes(
    sshd: Sshd, inbox: Path, tmp_path: Path
) -> None:
    size = 4_000_000
    package = make_package(tmp_path, size)
    token = CancelToken()

    def progress(done: int, total: int) -> None:
        if done >= total // 2:
            token.cancel()

    with pytest.raises(TransferError) as caught:
        upload(package, portal(sshd, inbox), key_login(sshd), progress, token, retry=FAST)
    assert caught.value.message.key == "transfer.cancelled"
    assert "submission.p7m" not in visible(inbox)
    (partial,) = inbox.iterdir()
    assert partial.name.startswith(".submission.p7m.")
    assert partial.name.endswith(".part")
    held = partial.stat().st_size
    assert 0 < held < size
    receipt = upload(package, portal(sshd, inbox), key_login(sshd), retry=FAST)
    assert receipt.bytes_sent == size - held  # only the rest was sent
    assert visible(inbox) == ["submission.p7m"]
    assert sha256_of(inbox / "submission.p7m") == sha256_of(package)


def test_twenty_cuts_in_a_row_the_upload_resumes_and_completes_exactly_once(
    sshd: Sshd, inbox: Path, tmp_path: Path
) -> None:
    size = 3_000_000
    package = make_package(tmp_path, size, seed=3)
    offsets: list[int] = []
    with CuttingProxy(sshd.port, cuts=20, low=1_000, high=600_000, seed=11) as proxy:
        receipt = upload(
            package,
            portal(sshd, inbox, port=proxy.port),
            key_login(sshd),
            lambda done, _total: offsets.append(done),
            retry=THROUGH_CUTS,
        )
    assert proxy.cut_done == 20
    assert receipt.attempts == 21
    assert visible(inbox) == ["submission.p7m"]  # no duplicate, no .part left
    assert sha256_of(inbox / "submission.p7m") == sha256_of(package) == receipt.sha256
    # an attempt's first progress report is where the server's copy ended: resumed, not restarted.
    # How many cuts fall in a write (rather than the handshake or the read-back) depends on the
    # machine's timing; what cannot vary: the server's copy never shrinks, so the starts of later
    # attempts never go down, and the attempts after the first one that wrote resumed from > 0.
    restarts = [b for a, b in itertools.pairwise(offsets) if b < a]
    resumed = [start for start in restarts if start > 0]
    assert len(resumed) >= 2, restarts
    assert resumed == sorted(resumed), restarts
    assert restarts.index(resumed[0]) + len(resumed) == len(restarts), restarts


def test_openssh_sftp_client_sees_the_same_bytes(sshd: Sshd, inbox: Path, tmp_path: Path) -> None:
    """Cross-check with OpenSSH's own client: it downloads what we uploaded, byte for byte."""
    package = make_package(tmp_path, 500_000)
    upload(package, portal(sshd, inbox), key_login(sshd), retry=FAST)
    fetched = tmp_path / "fetched.p7m"
    sshd.openssh_sftp(f"get {inbox}/submission.p7m {fetched}", tmp_path, timeout=30)
    assert sha256_of(fetched) == sha256_of(package)


def test_the_upload_command_sends_verifies_and_writes_the_receipt(
    sshd: Sshd, inbox: Path, tmp_path: Path
) -> None:
    """`diversity-assistant upload` as an officer's script runs it: key login, pinned host key."""
    package = make_package(tmp_path, 300_000)
    env = {
        **os.environ,
        "DIVERSITY_ASSISTANT_LANG": "en",
        "DIVERSITY_ASSISTANT_DATA_DIR": str(tmp_path / "appdata"),
    }
    command = [
        sys.executable,
        "-m",
        "desktop_app",
        "upload",
        str(package),
        "--portal",
        f"sftp://127.0.0.1:{sshd.port}{inbox}",
        "--user",
        sshd.user,
        "--key-file",
        str(sshd.user_key.private_file),
    ]
    result = subprocess.run(
        [*command, "--host-key-sha256", sshd.host_key.fingerprint],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert sha256_of(inbox / "submission.p7m") == sha256_of(package)
    receipt = json.loads((tmp_path / "submission.p7m.receipt.json").read_text())
    assert receipt["sha256"] == sha256_of(package)
    assert receipt["sha256"] in result.stdout
    # A wrong pin: refused with its own message, exit 2, nothing new on the server.
    wrong = subprocess.run(
        [*command, "--host-key-sha256", "SHA256:" + "A" * 43],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert wrong.returncode == 2
    assert "Traceback" not in wrong.stderr
    assert visible(inbox) == ["submission.p7m"]


def test_a_link_broken_during_read_back_does_not_escape_from_paramikos_prefetch_thread():
    """paramiko's prefetch thread does not catch a broken link; in the wizard the exception would
    reach the crash dialog. The read-back wraps that thread so it ends quietly (the reader
    reports the broken link itself)."""
    import threading

    import paramiko

    from desktop_app.transfer.sftp import _quiet_prefetch_thread

    # The guard relies on this paramiko detail; if paramiko renames it, this test says so.
    assert callable(getattr(paramiko.SFTPFile, "_prefetch_thread", None))

    class BrokenLink:
        def _prefetch_thread(self, chunks, max_concurrent_requests):
            raise EOFError

    remote = BrokenLink()
    _quiet_prefetch_thread(remote)
    escaped = []
    previous = threading.excepthook
    threading.excepthook = escaped.append
    try:
        thread = threading.Thread(target=remote._prefetch_thread, args=([(0, 10)], None))
        thread.start()
        thread.join()
    finally:
        threading.excepthook = previous
    assert escaped == []


# -- the read-back check: a server copy corrupted after sending is never given the final name ---


class CorruptingServer:
    """Flips one byte of the server's temporary copy (on the server's disk) after each write,
    before the read-back, for the first ``times`` attempts; watches every rename the client asks
    for and whether the final name ever exists while a corrupted copy is on the server."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, inbox: Path, package: Path, times: int):
        import paramiko

        from desktop_app.transfer.sftp import SftpUpload

        self.inbox, self.package, self.times = inbox, package, times
        self.corrupted = 0
        self.renames: list[tuple[str, str, str]] = []  # (from, to, sha256 of what was renamed)
        self.final_seen_while_corrupt = False
        write, rename = SftpUpload._write, paramiko.SFTPClient.rename
        server = self

        def corrupting_write(job: SftpUpload, sftp: paramiko.SFTPClient, offset: int) -> None:
            write(job, sftp, offset)
            if server.corrupted < server.times:
                (part,) = (p for p in inbox.iterdir() if p.name.endswith(".part"))
                data = bytearray(part.read_bytes())
                data[len(data) // 2] ^= 0x01
                part.write_bytes(bytes(data))
                server.corrupted += 1

        def watched_rename(sftp: paramiko.SFTPClient, old: str, new: str) -> None:
            held = sha256_of(inbox / Path(old).name)
            server.renames.append((Path(old).name, Path(new).name, held))
            rename(sftp, old, new)

        monkeypatch.setattr(SftpUpload, "_write", corrupting_write)
        monkeypatch.setattr(paramiko.SFTPClient, "rename", watched_rename)


def test_a_copy_corrupted_after_sending_is_sent_again_and_only_a_good_copy_is_renamed(
    sshd: Sshd, inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = make_package(tmp_path, 700_000, seed=12)
    server = CorruptingServer(monkeypatch, inbox, package, times=1)
    receipt = upload(package, portal(sshd, inbox), key_login(sshd), retry=FAST)
    assert server.corrupted == 1
    assert receipt.attempts == 2  # the mismatch was retried, from byte 0
    assert receipt.bytes_sent == 2 * 700_000
    # one rename, of a copy that held exactly our bytes at that moment
    assert len(server.renames) == 1
    assert server.renames[0][1:] == ("submission.p7m", sha256_of(package))
    assert visible(inbox) == ["submission.p7m"]
    assert sha256_of(inbox / "submission.p7m") == sha256_of(package) == receipt.sha256


def test_a_copy_corrupted_every_time_is_refused_and_never_gets_the_final_name(
    sshd: Sshd, inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = make_package(tmp_path, 300_000, seed=13)
    server = CorruptingServer(monkeypatch, inbox, package, times=1_000)
    policy = replace(FAST, attempts_without_progress=3)
    with pytest.raises(TransferError) as caught:
        upload(package, portal(sshd, inbox), key_login(sshd), retry=policy)
    assert caught.value.message.key == "transfer.verify-failed"
    assert caught.value.message.params["expected"] == sha256_of(package)
    assert server.renames == []  # the final name was never asked for
    assert visible(inbox) == []  # and the corrupted copy was removed
    assert not receipt_path(package).exists()
    # a mismatch is no progress: the retries stop after attempts_without_progress, they do not
    # send the whole file again up to max_attempts times
    assert server.corrupted == 3
