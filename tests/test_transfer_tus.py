"""Upload with tus 1.0 over HTTPS to a real @tus/server (Node.js) behind TLS with a test CA."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.transfer import (
    CancelToken,
    Credentials,
    Portal,
    RetryPolicy,
    TransferError,
    receipt_path,
    upload,
)
from tests.conftest import sha256_of
from tests.servers.keys import Tls, make_tls
from tests.servers.proxy import CuttingProxy
from tests.servers.tus import TusServer, running_tus

FAST = RetryPolicy(attempts_without_progress=8, first_delay=0.01, max_delay=0.05, timeout=10)
USER, PASSWORD = "hr-officer", "tus pass 42"
# A loaded loopback server can lose a whole attempt's bytes at a cut: these tests are about resuming
# and exactly-once, not about when to give up (that has its own test), so they allow every cut.
THROUGH_CUTS = replace(FAST, attempts_without_progress=25)


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Tls:
    return make_tls(tmp_path_factory.mktemp("tls"), "portal")


@pytest.fixture
def tus(tmp_path: Path, tls: Tls) -> Iterator[TusServer]:
    with running_tus(tmp_path / "server", tls) as server:
        yield server


@pytest.fixture(autouse=True)
def _app_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))


def make_package(folder: Path, size: int, seed: int = 1) -> Path:
    path = folder / "submission.p7m"
    path.write_bytes(random.Random(seed).randbytes(size))
    return path


def test_upload_is_chunked_verified_by_reading_back_and_receipted(
    tus: TusServer, tls: Tls, tmp_path: Path
) -> None:
    package = make_package(tmp_path, 2_500_000)
    calls: list[int] = []
    portal = Portal.from_url(tus.url(), ca_file=tls.ca_file)
    receipt = upload(
        package,
        portal,
        None,
        lambda done, _t: calls.append(done),
        retry=FAST,
        chunk_size=1_000_000,
    )
    (stored,) = tus.finished_uploads()
    assert stored[1] == 2_500_000
    assert sha256_of(stored[0]) == sha256_of(package) == receipt.sha256
    assert receipt.destination.startswith(tus.url())
    assert receipt.protocol == "tus"
    assert len(receipt.server_identity) == 64
    assert receipt_path(package).exists()
    assert calls == [0, 1_000_000, 2_000_000, 2_500_000]  # three PATCH requests
    info = (stored[0].parent / (stored[0].name + ".json")).read_text()
    assert "submission.p7m" in info
    assert receipt.sha256 in info


def test_the_systems_trust_store_does_not_know_the_test_ca(tus: TusServer, tmp_path: Path) -> None:
    package = make_package(tmp_path, 1000)
    with pytest.raises(TransferError) as caught:
        upload(package, Portal.from_url(tus.url()), None, retry=FAST)
    assert caught.value.message.key == "transfer.tls-untrusted"
    assert tus.finished_uploads() == []


def test_a_wrong_ca_is_refused_with_its_own_message(tus: TusServer, tmp_path: Path) -> None:
    other = make_tls(tmp_path / "other", "other")
    package = make_package(tmp_path, 1000)
    with pytest.raises(TransferError) as caught:
        upload(package, Portal.from_url(tus.url(), ca_file=other.ca_file), None, retry=FAST)
    assert caught.value.message.key == "transfer.tls-untrusted"
    assert "certificate" in caught.value.message.params["detail"]
    assert tus.finished_uploads() == []


def test_twenty_cuts_in_a_row_resume_from_the_stored_upload_url(
    tus: TusServer, tls: Tls, tmp_path: Path
) -> None:
    size = 3_000_000
    package = make_package(tmp_path, size, seed=4)
    offsets: list[int] = []
    with CuttingProxy(tus.port, cuts=20, low=500, high=900_000, seed=21) as proxy:
        portal = Portal.from_url(tus.url(proxy.port), ca_file=tls.ca_file)

        receipt = upload(
            package, portal, None, lambda done, _t: offsets.append(done), retry=THROUGH_CUTS
        )
    assert proxy.cut_done == 20
    assert receipt.attempts == 21
    complete = [(p, n) for p, n in tus.finished_uploads() if n == size]
    assert len(complete) == 1  # exactly once
    assert sha256_of(complete[0][0]) == sha256_of(package) == receipt.sha256
    # anything else the server holds is an empty upload whose creation reply was cut
    assert all(n == 0 for p, n in tus.finished_uploads() if p != complete[0][0])
    # each attempt reports the server's offset first: started from zero once, then resumed
    assert offsets.count(0) == 1
    assert offsets == sorted(offsets)
    assert receipt.bytes_sent <= size + 20 * 512 * 1024  # at most one chunk lost per cut


def test_cancel_then_resume_sends_only_the_rest(tus: TusServer, tls: Tls, tmp_path: Path) -> None:
    size = 6_000_000
    package = make_package(tmp_path, size)
    portal = Portal.from_url(tus.url(), ca_file=tls.ca_file)
    token = CancelToken()

    def progress(done: int, total: int) -> None:
        if done >= total // 2:
            token.cancel()

    with pytest.raises(TransferError) as caught:
        upload(package, portal, None, progress, token, retry=FAST)
    assert caught.value.message.key == "transfer.cancelled"
    ((partial, held),) = tus.finished_uploads()
    assert 0 < held < size
    receipt = upload(package, portal, None, retry=FAST)
    assert receipt.bytes_sent == size - held
    ((stored, length),) = tus.finished_uploads()
    assert stored == partial
    assert length == size


def test_wrong_password_forbidden_and_server_full_have_their_own_messages(
    tls: Tls, tmp_path: Path
) -> None:
    package = make_package(tmp_path, 50_000)
    big = tmp_path / "big"
    big.mkdir()
    with running_tus(
        tmp_path / "auth",
        tls,
        max_size=100_000,
        user=USER,
        password=PASSWORD,
        forbidden_user="intern",
    ) as server:
        portal = Portal.from_url(server.url(), ca_file=tls.ca_file)
        cases = {
            "transfer.login-refused": (package, Credentials(USER, "Wr0ng-secret-x")),
            "transfer.permission-denied": (package, Credentials("intern", "anything")),
            "transfer.server-full": (make_package(big, 200_000), Credentials(USER, PASSWORD)),
        }
        for key, (file, credentials) in cases.items():
            with pytest.raises(TransferError) as caught:
                upload(file, portal, credentials, retry=FAST)
            assert caught.value.message.key == key
            assert "Wr0ng-secret-x" not in caught.value.render("en")
        receipt = upload(package, portal, Credentials(USER, PASSWORD), retry=FAST)
        assert receipt.size == 50_000
        assert [n for _, n in server.finished_uploads()] == [50_000]


# -- the read-back check: a server copy corrupted after sending never gets a receipt -------------


def corrupt_before_read_back(
    monkeypatch: pytest.MonkeyPatch, tus: TusServer, size: int, times: int
) -> list[str]:
    """Flip a byte of the finished upload on the server's disk after the last PATCH and before
    the client's GET, for the first ``times`` attempts; returns the corrupted uploads' names."""
    from desktop_app.transfer.tus import TusUpload

    corrupted: list[str] = []
    read_back = TusUpload._server_sha256

    def after_corruption(job: TusUpload, url: str) -> str:
        if len(corrupted) < times:
            (stored,) = [p for p, n in tus.finished_uploads() if n == size and p.name in url]
            data = bytearray(stored.read_bytes())
            data[size // 3] ^= 0x40
            stored.write_bytes(bytes(data))
            corrupted.append(stored.name)
        return read_back(job, url)

    monkeypatch.setattr(TusUpload, "_server_sha256", after_corruption)
    return corrupted


def test_a_copy_corrupted_after_sending_is_removed_and_sent_again(
    tus: TusServer, tls: Tls, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    size = 900_000
    package = make_package(tmp_path, size, seed=7)
    corrupted = corrupt_before_read_back(monkeypatch, tus, size, times=1)
    portal = Portal.from_url(tus.url(), ca_file=tls.ca_file)
    receipt = upload(package, portal, None, retry=FAST)
    assert len(corrupted) == 1
    assert receipt.attempts == 2
    ((stored, length),) = tus.finished_uploads()  # the corrupted upload was terminated
    assert stored.name != corrupted[0]
    assert stored.name in receipt.destination
    assert length == size
    assert sha256_of(stored) == sha256_of(package) == receipt.sha256


def test_a_copy_corrupted_every_time_is_refused_without_a_receipt(
    tus: TusServer, tls: Tls, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    size = 400_000
    package = make_package(tmp_path, size, seed=8)
    corrupted = corrupt_before_read_back(monkeypatch, tus, size, times=1_000)
    portal = Portal.from_url(tus.url(), ca_file=tls.ca_file)
    with pytest.raises(TransferError) as caught:
        upload(package, portal, None, retry=replace(FAST, attempts_without_progress=3))
    assert caught.value.message.key == "transfer.verify-failed"
    assert caught.value.message.params["expected"] == sha256_of(package)
    assert not receipt_path(package).exists()
    assert tus.finished_uploads() == []  # every corrupted upload was terminated
    assert len(corrupted) == 3  # a mismatch is no progress: not max_attempts full uploads
