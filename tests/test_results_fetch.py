"""The office's tables fetched over SFTP and imported in one step: OpenSSH's real sshd on loopback
(and, for the names a hostile server may list, a paramiko server started here), the upload's
host-key rules, the size limit, a link cut mid-download, path traversal, and the command line."""

from __future__ import annotations

import contextlib
import io
import os
import posixpath
import re
import shutil
import socket
import stat
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import paramiko
import pytest
from paramiko.common import AUTH_FAILED, AUTH_SUCCESSFUL, OPEN_SUCCEEDED
from paramiko.sftp import SFTP_NO_SUCH_FILE

from desktop_app.cli import main
from desktop_app.errors import AppError
from desktop_app.profiles import available_programme_ids, load_programme_by_id
from desktop_app.results import load_history
from desktop_app.results.fetched import fetch_portal, fetch_results, offers_fetch
from desktop_app.transfer import Credentials, RetryPolicy, TransferError, remembered_host_key
from desktop_app.transfer.fetch import grouped_ssh_fingerprint
from desktop_app.transfer.sftp import host_key_fingerprint
from tests.conftest import sha256_of
from tests.servers.keys import make_ssh_key
from tests.servers.proxy import CuttingProxy
from tests.servers.sshd import Sshd, running_sshd_in_temp

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "results-ksz-2025.csv"
KSZ = load_programme_by_id("ksz-diversiteit")
INGEZOOMD = load_programme_by_id("cbs-barometer-ingezoomd")
ORG = "kbo-0123456749"
FAST = RetryPolicy(attempts_without_progress=3, first_delay=0.01, max_delay=0.05, timeout=10)


@pytest.fixture(scope="module")
def sshd() -> Iterator[Sshd]:
    with running_sshd_in_temp("da-fetch-sshd-") as server:
        yield server


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "appdata"
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def outbox(sshd: Sshd, request: pytest.FixtureRequest) -> Path:
    """The office's folder on the server, fresh for each test."""
    folder = sshd.upload_dir / re.sub(r"\W", "_", request.node.name)
    folder.mkdir()
    return folder


@pytest.fixture
def keep(tmp_path: Path) -> Path:
    folder = tmp_path / "kept"
    folder.mkdir()
    return folder


def url(sshd: Sshd, path: Path | str, port: int | None = None) -> str:
    return f"sftp://{sshd.user}@127.0.0.1:{port or sshd.port}{path}"


def key_login(sshd: Sshd) -> Credentials:
    return Credentials(sshd.user, key_file=sshd.user_key.private_file)


def everything_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def random_bytes(size: int) -> bytes:
    return os.urandom(size)


# -- fetched and imported ---------------------------------------------------------------------------


def test_a_ksz_csv_is_fetched_whole_and_imported(sshd: Sshd, outbox: Path, keep: Path) -> None:
    shutil.copy(SAMPLE, outbox / "tabellen-2025.csv")
    (outbox / ".half-written.csv").write_text("partial")  # hidden: never a candidate
    (outbox / "readme.pdf").write_bytes(b"%PDF-1.4")  # not a table file
    calls: list[tuple[int, int]] = []
    portal = fetch_portal(url(sshd, outbox), KSZ, host_key_sha256=sshd.host_key.fingerprint)
    done = fetch_results(
        portal,
        key_login(sshd),
        KSZ,
        2025,
        ORG,
        keep=keep,
        progress=lambda d, t: calls.append((d, t)),
        retry=FAST,
    )
    size = SAMPLE.stat().st_size
    assert done.fetched.sha256 == sha256_of(SAMPLE)
    assert done.fetched.size == size
    assert done.fetched.server_identity == sshd.host_key.fingerprint
    assert done.fetched.source == f"sftp://127.0.0.1:{sshd.port}{outbox}/tabellen-2025.csv"
    assert calls[-1] == (size, size)
    assert everything_under(keep) == ["tabellen-2025.csv"]  # no temporary file left
    assert done.kept == keep / "tabellen-2025.csv"
    assert stat.S_IMODE((keep / "tabellen-2025.csv").stat().st_mode) == 0o600
    (kept,) = load_history(ORG)
    assert kept.year == 2025
    assert kept.table("Afdeling").rows[0].value("belgisch").count == 231
    assert kept.source_sha256 == sha256_of(SAMPLE)


def test_without_a_folder_to_keep_it_the_fetched_file_is_gone_after_the_import(
    sshd: Sshd, outbox: Path, tmp_path: Path, data_dir: Path
) -> None:
    shutil.copy(SAMPLE, outbox / "tabellen-2025.csv")
    portal = fetch_portal(url(sshd, outbox / "tabellen-2025.csv"), KSZ)
    done = fetch_results(
        replace(portal, host_key_sha256=sshd.host_key.fingerprint),
        key_login(sshd),
        KSZ,
        2025,
        ORG,
        retry=FAST,
    )
    assert done.kept is None
    assert not done.fetched.path.exists()
    assert not done.fetched.path.parent.exists()  # the scratch folder is removed
    # what stays is the import (aggregates), in app data
    assert [p.name for p in data_dir.rglob("*") if p.is_file()] == ["ksz-diversiteit.json"]


class OrganisationKey:
    """The organisation's OpenPGP key made by the assistant, and GnuPG (as the KSZ) encrypting
    to its public key."""

    def __init__(self, folder: Path) -> None:
        from desktop_app.crypto import openpgp

        self.folder = folder / "pgp"
        self.passphrase = "lang geheim wachtwoord"
        key = openpgp.create_key(
            self.folder,
            ORG,
            "Stad Voorbeeld",
            "hr@voorbeeld.be",
            passphrase=self.passphrase,
            algorithm="cv25519",
        )
        gpg = shutil.which("gpg")
        assert gpg, "GnuPG (gpg) is not installed: apt-get install gnupg"
        self.home = folder / "ksz-gnupghome"
        self.home.mkdir(mode=0o700)
        self.env = {**os.environ, "GNUPGHOME": str(self.home), "LC_ALL": "C"}
        (public,) = self.folder.glob("*.asc")  # the public key the assistant wrote beside it
        self.gpg(gpg, "--import", str(public))
        self.fingerprint = key.fingerprint
        self.gpg_path = gpg

    def gpg(self, *args: str) -> bytes:
        result = subprocess.run(
            [args[0], "--batch", "--no-tty", *args[1:]],
            env=self.env,
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr.decode(errors="replace")
        return result.stdout

    def encrypt(self, plain: Path, out: Path) -> None:
        self.gpg(
            self.gpg_path,
            "--trust-model",
            "always",
            "--recipient",
            self.fingerprint,
            "--output",
            str(out),
            "--encrypt",
            str(plain),
        )

    def close(self) -> None:
        subprocess.run(["gpgconf", "--kill", "all"], env=self.env, capture_output=True, check=False)


def test_a_gpg_file_encrypted_by_gnupg_is_fetched_decrypted_and_imported_by_the_command(
    sshd: Sshd,
    outbox: Path,
    keep: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    key = OrganisationKey(tmp_path)
    try:
        key.encrypt(SAMPLE, outbox / "tabellen-2025.csv.gpg")
    finally:
        key.close()
    assert b"Belgisch" not in (outbox / "tabellen-2025.csv.gpg").read_bytes()
    monkeypatch.setenv("DIVERSITY_ASSISTANT_OPENPGP_PASSPHRASE", key.passphrase)
    grouped = grouped_ssh_fingerprint(sshd.host_key.fingerprint)  # as the refusal shows it
    code = main(
        [
            "--lang",
            "en",
            "results",
            "fetch",
            url(sshd, outbox),
            "--programme",
            "ksz-diversiteit",
            "--year",
            "2025",
            "--organisation",
            ORG,
            "--host-key-sha256",
            grouped,
            "--identity",
            str(sshd.user_key.private_file),
            "--openpgp-key",
            str(key.folder),
            "--out",
            str(keep),
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "tabellen-2025.csv.gpg fetched from sftp://127.0.0.1" in out
    assert sha256_of(outbox / "tabellen-2025.csv.gpg") in out
    assert "imported for kbo-0123456749, 2025" in out
    # kept as fetched: still encrypted; the plaintext table was never left anywhere
    assert everything_under(keep) == ["tabellen-2025.csv.gpg"]
    assert sha256_of(keep / "tabellen-2025.csv.gpg") == sha256_of(outbox / "tabellen-2025.csv.gpg")
    (kept,) = load_history(ORG)
    assert kept.source_name == "tabellen-2025.csv"
    assert kept.table("Afdeling").rows[0].value("belgisch").count == 231


# -- the host key: the upload's rules ---------------------------------------------------------------


def test_a_host_key_that_does_not_match_is_refused_naming_both_and_nothing_is_written(
    sshd: Sshd, outbox: Path, keep: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(SAMPLE, outbox / "tabellen-2025.csv")
    other = make_ssh_key(tmp_path / "other").fingerprint
    code = main(
        [
            "--lang",
            "en",
            "results",
            "fetch",
            url(sshd, outbox),
            "--programme",
            "ksz-diversiteit",
            "--year",
            "2025",
            "--organisation",
            ORG,
            "--host-key-sha256",
            other,
            "--identity",
            str(sshd.user_key.private_file),
            "--out",
            str(keep),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert f"Expected: {grouped_ssh_fingerprint(other)}." in err
    assert f"The server shows: {grouped_ssh_fingerprint(sshd.host_key.fingerprint)}." in err
    assert "Nothing was fetched" in err
    assert "Traceback" not in err
    assert err.count("\n") == 1  # one sentence
    assert everything_under(keep) == []
    assert load_history(ORG) == ()
    assert remembered_host_key("127.0.0.1", sshd.port) is None


def test_an_unknown_host_key_is_never_accepted_without_a_confirmation(
    sshd: Sshd, outbox: Path, keep: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(SAMPLE, outbox / "tabellen-2025.csv")
    portal = fetch_portal(url(sshd, outbox), KSZ)
    assert portal.host_key_sha256 is None  # KSZ pins none: the store, else ask
    with pytest.raises(TransferError) as caught:
        fetch_results(portal, key_login(sshd), KSZ, 2025, ORG, keep=keep, retry=FAST)
    assert caught.value.message.key == "transfer.host-key-unknown"
    asked: list[tuple[str, int, str]] = []

    def refuse(host: str, port: int, fingerprint: str) -> bool:
        asked.append((host, port, fingerprint))
        return False

    with pytest.raises(TransferError):
        fetch_results(
            portal, key_login(sshd), KSZ, 2025, ORG, keep=keep, confirm_host_key=refuse, retry=FAST
        )
    assert asked == [("127.0.0.1", sshd.port, sshd.host_key.fingerprint)]
    # the command line on no terminal: never a yes
    argv = ["--lang", "en", "results", "fetch", url(sshd, outbox), "--programme", "ksz-diversiteit"]
    argv += ["--year", "2025", "--organisation", ORG, "--identity", str(sshd.user_key.private_file)]
    assert main([*argv, "--out", str(keep)]) == 2
    err = capsys.readouterr().err
    assert sshd.host_key.fingerprint in err
    assert "not known yet" in err
    assert everything_under(keep) == []
    assert load_history(ORG) == ()
    assert remembered_host_key("127.0.0.1", sshd.port) is None
    # confirmed once: fetched, and remembered in the one store the upload uses too
    done = fetch_results(
        portal,
        key_login(sshd),
        KSZ,
        2025,
        ORG,
        keep=keep,
        confirm_host_key=lambda *_: True,
        retry=FAST,
    )
    assert done.fetched.server_identity == sshd.host_key.fingerprint
    assert remembered_host_key("127.0.0.1", sshd.port) == sshd.host_key.fingerprint
    (keep / "tabellen-2025.csv").unlink()
    assert main([*argv, "--out", str(keep)]) == 0, capsys.readouterr().err  # no question now


# -- bounded, atomic, never outside the target --------------------------------------------------------


def test_a_remote_file_too_large_is_refused_before_anything_is_written(
    sshd: Sshd, outbox: Path, keep: Path
) -> None:
    (outbox / "tabellen-2025.csv").write_bytes(random_bytes(50_000))
    portal = fetch_portal(url(sshd, outbox), KSZ, host_key_sha256=sshd.host_key.fingerprint)
    with pytest.raises(TransferError) as caught:
        fetch_results(
            portal, key_login(sshd), KSZ, 2025, ORG, keep=keep, retry=FAST, max_size=10_000
        )
    assert caught.value.message.key == "transfer.fetch-too-large"
    assert caught.value.message.params == {"host": "127.0.0.1", "size": 50_000, "limit": 10_000}
    assert "50000 bytes; at most 10000" in caught.value.render("en")
    assert everything_under(keep) == []
    assert load_history(ORG) == ()


def test_a_link_cut_mid_download_resumes_and_one_that_keeps_breaking_leaves_no_partial_file(
    sshd: Sshd, outbox: Path, keep: Path
) -> None:
    data = random_bytes(3_000_000)
    (outbox / "tabellen-2025.csv").write_bytes(data)
    expected = sha256_of(outbox / "tabellen-2025.csv")
    seen: list[list[str]] = []

    def watch(done: int, total: int) -> None:
        if 0 < done < total:
            seen.append(everything_under(keep))

    # every connection dies after 200-400 kB: three attempts, then given up
    with CuttingProxy(sshd.port, cuts=1000, low=200_000, high=400_000) as proxy:
        portal = fetch_portal(
            url(sshd, outbox, port=proxy.port), KSZ, host_key_sha256=sshd.host_key.fingerprint
        )
        with pytest.raises(TransferError) as caught:
            fetch_results(
                portal,
                key_login(sshd),
                KSZ,
                2025,
                ORG,
                keep=keep,
                progress=watch,
                retry=replace(FAST, max_attempts=3),
            )
    assert caught.value.message.key == "transfer.fetch-connection-lost"
    assert "Nothing was kept" in caught.value.render("en")
    assert proxy.cut_done >= 3
    assert any(s and s[0].startswith(".tabellen-2025.csv.") for s in seen)  # it was under way
    assert everything_under(keep) == []  # and no partial file is left
    assert load_history(ORG) == ()

    # cut three times, then through: resumed from the bytes already written, whole and exact
    with CuttingProxy(sshd.port, cuts=3, low=300_000, high=900_000) as proxy:
        portal = fetch_portal(
            url(sshd, outbox, port=proxy.port), KSZ, host_key_sha256=sshd.host_key.fingerprint
        )
        with pytest.raises(AppError) as refused:  # the bytes are no table: the import refuses
            fetch_results(
                portal,
                key_login(sshd),
                KSZ,
                2025,
                ORG,
                keep=keep,
                retry=replace(FAST, attempts_without_progress=10),
            )
    assert refused.value.message.key.startswith(("results.", "intake."))
    assert proxy.cut_done == 3
    assert everything_under(keep) == ["tabellen-2025.csv"]
    assert sha256_of(keep / "tabellen-2025.csv") == expected


def test_the_remote_name_never_writes_outside_the_target(
    sshd: Sshd, outbox: Path, keep: Path, tmp_path: Path
) -> None:
    """``../../x`` in the address: the server resolves the path; only the last name, judged as a
    plain name, is used here, inside the target folder."""
    away = outbox.parent / "x.csv"
    shutil.copy(SAMPLE, away)
    try:
        portal = fetch_portal(
            url(sshd, f"{outbox}/../../{outbox.parent.name}/x.csv"),
            KSZ,
            host_key_sha256=sshd.host_key.fingerprint,
        )
        done = fetch_results(portal, key_login(sshd), KSZ, 2025, ORG, keep=keep, retry=FAST)
        assert done.kept == keep / "x.csv"
        assert everything_under(keep) == ["x.csv"]
        # an address ending in ".." names a folder (the server resolves it): its one table file
        # is fetched under its own name, into the target again
        (keep / "x.csv").unlink()
        before = everything_under(tmp_path)
        portal = fetch_portal(
            url(sshd, f"{outbox}/.."), KSZ, host_key_sha256=sshd.host_key.fingerprint
        )
        done = fetch_results(portal, key_login(sshd), KSZ, 2025, ORG, keep=keep, retry=FAST)
        assert done.kept == keep / "x.csv"
        assert sorted(set(everything_under(tmp_path)) - set(before)) == ["kept/x.csv"]
    finally:
        away.unlink()


# -- a hostile server's listing (paramiko, started here) ------------------------------------------------


class _Files(paramiko.SFTPServerInterface):
    """A folder ``/out`` whose listing holds the names the test gives, each with its bytes."""

    files: dict[str, bytes] = {}  # noqa: RUF012 - set per test before a connection

    def list_folder(self, path: str) -> list[paramiko.SFTPAttributes] | int:
        if path.rstrip("/") != "/out":
            return SFTP_NO_SUCH_FILE
        return [self._attributes(name, data) for name, data in self.files.items()]

    def _attributes(self, name: str, data: bytes) -> paramiko.SFTPAttributes:
        attributes = paramiko.SFTPAttributes()
        attributes.filename = name
        attributes.st_size = len(data)
        attributes.st_mode = stat.S_IFREG | 0o644
        return attributes

    def stat(self, path: str) -> paramiko.SFTPAttributes | int:
        if path.rstrip("/") == "/out":
            attributes = paramiko.SFTPAttributes()
            attributes.st_mode = stat.S_IFDIR | 0o755
            return attributes
        name = path.removeprefix("/out/")
        if name in self.files:
            return self._attributes(name, self.files[name])
        return SFTP_NO_SUCH_FILE

    lstat = stat

    def canonicalize(self, path: str) -> str:
        return posixpath.normpath("/" + path)

    def open(self, path: str, flags: int, attr: paramiko.SFTPAttributes) -> Any:
        name = path.removeprefix("/out/")
        if name not in self.files:
            return SFTP_NO_SUCH_FILE
        handle = paramiko.SFTPHandle(flags)
        handle.readfile = io.BytesIO(self.files[name])  # type: ignore[attr-defined]
        handle.stat = lambda: self._attributes(name, self.files[name])  # type: ignore[method-assign]
        return handle


class _Login(paramiko.ServerInterface):
    def get_allowed_auths(self, username: str) -> str:
        return "password"

    def check_auth_password(self, username: str, password: str) -> int:
        return AUTH_SUCCESSFUL if (username, password) == ("ksz", "pw") else AUTH_FAILED

    def check_channel_request(self, kind: str, chanid: int) -> int:
        return OPEN_SUCCEEDED


@contextlib.contextmanager
def hostile_server(folder: Path) -> Iterator[tuple[int, str]]:
    host_key = paramiko.Ed25519Key.from_private_key_file(
        str(make_ssh_key(folder / "hostile_host").private_file)
    )
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    transports: list[paramiko.Transport] = []

    def serve() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            transport = paramiko.Transport(connection)
            transport.add_server_key(host_key)
            transport.set_subsystem_handler("sftp", paramiko.SFTPServer, _Files)
            transports.append(transport)
            transport.start_server(server=_Login())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield port, host_key_fingerprint(host_key)
    finally:
        listener.close()
        for transport in transports:
            transport.close()


@pytest.mark.parametrize(
    "name",
    [
        "../../x.csv",
        "tables/../../x.csv",
        "..\\..\\x.csv",
        "a\\..\\..\\x.csv",
        "sub/x.csv",
        ".x.csv",
        "CON.csv",
        "x\x1b[31m.csv",
        "/etc/x.csv",
    ],
)
def test_a_hostile_listed_name_is_refused_and_nothing_is_written(
    tmp_path: Path, keep: Path, name: str
) -> None:
    _Files.files = {name: SAMPLE.read_bytes()}
    with hostile_server(tmp_path) as (port, fingerprint):
        portal = fetch_portal(f"sftp://ksz@127.0.0.1:{port}/out", KSZ, host_key_sha256=fingerprint)
        with pytest.raises(TransferError) as caught:
            fetch_results(
                portal, Credentials("ksz", password="pw"), KSZ, 2025, ORG, keep=keep, retry=FAST
            )
    key = caught.value.message.key
    if name.startswith("."):  # a hidden name is no candidate at all
        assert key == "transfer.fetch-nothing"
    else:
        assert key == "transfer.fetch-name-unsafe", caught.value.render("en")
    assert everything_under(keep) == []
    assert not (keep.parent.parent / "x.csv").exists()  # where ../../x.csv would land
    assert not any("x.csv" in p.name for p in tmp_path.rglob("*"))
    assert load_history(ORG) == ()


def test_a_plain_listed_name_from_the_same_server_is_fetched(tmp_path: Path, keep: Path) -> None:
    """The hostile server's control: the same listing with a plain name works."""
    _Files.files = {"tabellen-2025.csv": SAMPLE.read_bytes()}
    with hostile_server(tmp_path) as (port, fingerprint):
        portal = fetch_portal(f"sftp://ksz@127.0.0.1:{port}/out", KSZ, host_key_sha256=fingerprint)
        done = fetch_results(
            portal, Credentials("ksz", password="pw"), KSZ, 2025, ORG, keep=keep, retry=FAST
        )
    assert everything_under(keep) == ["tabellen-2025.csv"]
    assert done.fetched.sha256 == sha256_of(SAMPLE)
    _Files.files = {"a.csv": b"1", "b.csv.gpg": b"2", "c.pdf": b"3"}
    with hostile_server(tmp_path) as (port, fingerprint):
        portal = fetch_portal(f"sftp://ksz@127.0.0.1:{port}/out", KSZ, host_key_sha256=fingerprint)
        with pytest.raises(TransferError) as caught:
            fetch_results(
                portal, Credentials("ksz", password="pw"), KSZ, 2025, ORG, keep=keep, retry=FAST
            )
    assert caught.value.message.key == "transfer.fetch-choose"
    assert caught.value.message.params["names"] == "a.csv, b.csv.gpg"


# -- where the office offers it, and the README ---------------------------------------------------------


def test_a_programme_without_a_fetch_channel_is_refused_naming_how_its_tables_come_back(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert offers_fetch(KSZ)
    assert not offers_fetch(INGEZOOMD)
    for lang, words in (("nl", "downloadportaal"), ("en", "download portal"), ("fr", "portail")):
        code = main(
            [
                "--lang",
                lang,
                "results",
                "fetch",
                "sftp://hr@127.0.0.1:1/out",  # never reached: refused first
                "--programme",
                "cbs-barometer-ingezoomd",
                "--year",
                "2025",
                "--organisation",
                "rsin-123456782",
            ]
        )
        err = capsys.readouterr().err
        assert code == 2
        assert words in err, err
        assert "Traceback" not in err


def test_the_readme_says_where_each_office_leaves_its_tables() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\s*\| [^|]*\(`([a-z0-9-]+)`\) \| ([^|]*) \|$", text, re.MULTILINE))
    assert sorted(rows) == sorted(available_programme_ids())
    for programme_id, cell in rows.items():
        results = load_programme_by_id(programme_id).results
        assert results is not None
        assert ("`results fetch`" in cell) == ("sftp" in results.fetch_channels), programme_id
    assert "results fetch sftp://" in text


def test_a_wrong_type_a_local_name_in_the_way_and_a_cancel_leave_nothing_behind(
    sshd: Sshd, outbox: Path, keep: Path
) -> None:
    from desktop_app.transfer import CancelToken

    (outbox / "tabellen-2025.pdf").write_bytes(b"%PDF-1.4")
    shutil.copy(SAMPLE, outbox / "tabellen-2025.csv")
    (outbox / "groot.csv").write_bytes(random_bytes(2_000_000))
    pin = sshd.host_key.fingerprint

    def attempt(path: str, **options: Any) -> TransferError:
        portal = fetch_portal(url(sshd, f"{outbox}/{path}"), KSZ, host_key_sha256=pin)
        with pytest.raises(TransferError) as caught:
            fetch_results(portal, key_login(sshd), KSZ, 2025, ORG, keep=keep, **options)
        return caught.value

    assert attempt("tabellen-2025.pdf", retry=FAST).message.key == "transfer.fetch-wrong-type"
    # a different file of that name where it would go: refused before a byte is fetched
    (keep / "tabellen-2025.csv").write_text("mine")
    error = attempt("tabellen-2025.csv", retry=FAST)
    assert error.message.key == "transfer.fetch-local-exists"
    assert (keep / "tabellen-2025.csv").read_text() == "mine"
    (keep / "tabellen-2025.csv").unlink()
    # the officer's Cancel half way: stopped, and the partial file removed
    token = CancelToken()

    def cancel_half_way(done: int, total: int) -> None:
        if done >= total // 2:
            token.cancel()

    error = attempt("groot.csv", retry=FAST, cancel=token, progress=cancel_half_way)
    assert error.message.key == "transfer.fetch-cancelled"
    assert "Nothing was kept" in error.render("en")
    assert everything_under(keep) == []
    assert load_history(ORG) == ()


def test_upload_and_fetch_take_the_grouped_fingerprint_our_sentences_print(tmp_path: Path) -> None:
    """One normalise function (hostkey_policy.normalise_host_key) for ``upload`` and ``results
    fetch``: the grouped form our own refusals print (``SHA256:Ab3d Ef01 …``), base64 or hex in
    groups with spaces or colons, all give OpenSSH's form (before, upload refused the grouped
    form that results fetch took). A text that is no fingerprint stays refused, by both."""
    from desktop_app.transfer.hostkey_policy import normalise_host_key, portal_for_upload

    raw = bytes(range(32))
    fingerprint = make_ssh_key(tmp_path / "host_key").fingerprint
    body = fingerprint.removeprefix("SHA256:")
    given = (
        grouped_ssh_fingerprint(fingerprint),  # what transfer.fetch-host-key-changed prints
        "SHA256:" + ":".join(body[i : i + 4] for i in range(0, len(body), 4)),
        f"  sha256: {body[:20]}\t{body[20:]}  ",
    )
    url = "sftp://ksz@127.0.0.1:2222/out"
    for text in given:
        assert normalise_host_key(text) == fingerprint, text
        assert portal_for_upload(url, given=text).host_key_sha256 == fingerprint  # upload
        assert fetch_portal(url, KSZ, host_key_sha256=text).host_key_sha256 == fingerprint
    hex_forms = (
        raw.hex(" "),
        raw.hex(":"),
        " ".join(raw.hex()[i : i + 8] for i in range(0, 64, 8)),
    )
    for text in hex_forms:
        assert portal_for_upload(url, given=text).host_key_sha256 == normalise_host_key(raw.hex())
    for bad in ("SHA256:Ab3d Ef01", "not a key", "SHA256:" + "A" * 42 + "!"):
        with pytest.raises(TransferError) as refused:
            portal_for_upload(url, given=bad)
        assert refused.value.message.key == "transfer.host-key-invalid"
        with pytest.raises(TransferError):
            fetch_portal(url, KSZ, host_key_sha256=bad)
