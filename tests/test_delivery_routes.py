"""Delivery routes on the command line, checked with the offices' real tools (7-Zip, GnuPG): the
office's file as is for a web portal, a passphrase archive, an OpenPGP file; the officer's record
in every route; and the README's table of what each office accepts, read against the profiles."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from gpg_helpers import GpgOffice
from package_helpers import demo_staff
from test_crypto_support import InMemoryKeyring

from desktop_app.cli import main
from desktop_app.delivery.record import add_receipt, read_record
from desktop_app.delivery.route import (
    Route,
    accepted_routes,
    default_route,
    delivered_path,
    record_stem,
    route_problems,
)
from desktop_app.delivery.shred import shred
from desktop_app.draft import load_draft
from desktop_app.errors import UsageError
from desktop_app.package.build import build_package
from desktop_app.profiles import available_programme_ids, load_programme_by_id
from desktop_app.profiles.model import Channel, Protection
from desktop_app.submission import check_draft_file

ROOT = Path(__file__).resolve().parent.parent
N = 70
INGEZOOMD, ALGEMEEN, KSZ = "cbs-barometer-ingezoomd", "cbs-barometer-algemeen", "ksz-diversiteit"
OFFICE_PASSPHRASE = "office-secret-passphrase"


@pytest.fixture
def staff(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The demo draft (CBS ingezoomd) with 70 people, app data and keyring of its own."""
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    previous = keyring.get_keyring()
    keyring.set_keyring(InMemoryKeyring())
    _, draft_path = demo_staff(tmp_path, N)
    yield tmp_path, draft_path
    keyring.set_keyring(previous)


def cli(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main(["--lang", "en", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def office_file(draft_path: Path) -> tuple[str, bytes]:
    """The office's file as the package builder makes it for this draft (name, bytes)."""
    draft = load_draft(draft_path)
    package = build_package(
        draft, check_draft_file(draft), recipient_fingerprint=None, signer_fingerprint=None
    )
    return package.output.name, package.output.content


def every_file_under(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


# -- the web portal: the office's file as is, then the officer's confirmation ----------------------


def test_web_portal_route_writes_the_office_file_as_is_and_the_record_follows_it(
    staff, capsys
) -> None:
    tmp, draft_path = staff
    out = tmp / "out" / "barometer.csv"
    code, stdout, err = cli(capsys, "package", "--draft", draft_path, "--out", out)
    assert code == 0, err
    _name, expected = office_file(draft_path)
    assert out.read_bytes() == expected  # exactly the profile's format, nothing added
    assert sorted(p.name for p in out.parent.iterdir()) == [
        "barometer.csv",
        "barometer.record.json",
        "barometer.summary.pdf",
    ]
    assert "Passphrase:" not in stdout
    record = json.loads((tmp / "out" / "barometer.record.json").read_text())
    assert (record["channel"], record["protection"]) == ("web-portal", "none")
    assert record["recipient"] == {"kind": "channel", "fingerprint": None}
    assert record["file"] == {
        "name": "barometer.csv",
        "sha256": hashlib.sha256(expected).hexdigest(),
        "bytes": len(expected),
    }
    assert record["manifest"]["delivery"]["protection"] == "none"
    bsn = record_bsn(expected)
    assert bsn.encode() not in (tmp / "out" / "barometer.record.json").read_bytes()

    # the file changed after it was made: no confirmation of another file
    pdf_before = (tmp / "out" / "barometer.summary.pdf").read_bytes()
    out.write_bytes(expected + b"extra;row\r\n")
    code, _out, err = cli(capsys, "delivered", tmp / "out" / "barometer.record.json")
    assert code == 2
    assert "has changed since it was made" in err
    assert [e["event"] for e in read_record(tmp / "out" / "barometer.record.json").events] == [
        "made"
    ]
    out.write_bytes(expected)

    code, stdout, err = cli(
        capsys, "delivered", tmp / "out" / "barometer.record.json", "--delete-file"
    )
    assert code == 0, err
    assert not out.exists()
    events = read_record(tmp / "out" / "barometer.record.json").events
    assert [e["event"] for e in events] == ["made", "delivered", "plaintext-deleted"]
    assert events[1]["sha256"] == hashlib.sha256(expected).hexdigest()
    pdf_after = (tmp / "out" / "barometer.summary.pdf").read_bytes()
    assert pdf_after.startswith(b"%PDF-")
    assert pdf_after != pdf_before


def record_bsn(office_csv: bytes) -> str:
    """The first BSN of the office's file (its first column is the BSN in the demo mapping)."""
    header, first = office_csv.decode().splitlines()[:2]
    column = header.split(";").index("bsn")
    return first.split(";")[column]


def test_personal_data_is_never_handed_over_unprotected(staff, capsys) -> None:
    tmp, draft_path = staff
    out = tmp / "out" / "barometer.csv"
    code, _out, err = cli(
        capsys, "package", "--draft", draft_path, "--channel", "hand-over", "--protection", "none",
        "--out", out,
    )  # fmt: skip
    assert code == 2
    assert "never goes unprotected by hand-over" in err
    assert not out.parent.exists()


# -- the passphrase archive: 7-Zip opens it -------------------------------------------------------


def sevenzip(*args: str | Path) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("7z")
    assert tool, "7-Zip (7z) is not installed: apt-get install p7zip-full"
    return subprocess.run(
        [tool, *map(str, args)], capture_output=True, text=True, check=False, timeout=120
    )


def test_passphrase_route_opens_with_7zip_and_the_passphrase_is_kept_nowhere(
    staff, capsys, monkeypatch
) -> None:
    tmp, draft_path = staff
    code, stdout, err = cli(
        capsys, "package", "--draft", draft_path, "--protection", "passphrase", "--channel",
        "hand-over", "--out", tmp / "out" / "barometer",
    )  # fmt: skip
    assert code == 0, err
    archive = tmp / "out" / "barometer.7z"
    lines = [line for line in stdout.splitlines() if line.startswith("Passphrase:")]
    assert len(lines) == 1, stdout
    passphrase = lines[0].removeprefix("Passphrase: ")
    assert re.fullmatch(r"[a-z0-9]{5}(-[a-z0-9]{5}){4}", passphrase)
    assert "by phone" in stdout

    listing = sevenzip("l", "-slt", f"-p{passphrase}", archive)
    assert listing.returncode == 0, listing.stdout
    assert "7zAES" in listing.stdout
    name, expected = office_file(draft_path)
    extracted = tmp / "extracted"
    unpacked = sevenzip("x", f"-p{passphrase}", f"-o{extracted}", archive)
    assert unpacked.returncode == 0, unpacked.stdout
    assert [p.name for p in extracted.iterdir()] == [name]  # no manifest: CBS does not read it
    assert (extracted / name).read_bytes() == expected
    assert sevenzip("t", "-pnot-the-passphrase", archive).returncode != 0

    # shown once, kept nowhere: not in the record, the PDF, the draft, the app data, stderr
    for path in every_file_under(tmp):
        if path.parent != extracted:
            assert passphrase.encode() not in path.read_bytes(), path
    assert passphrase not in err
    record = read_record(tmp / "out" / "barometer.record.json")
    assert (record.protection, record.recipient_kind) == (Protection.PASSPHRASE, "passphrase")

    # the office's side of this tool opens it too (passphrase from the environment)
    monkeypatch.setenv("DIVERSITY_ASSISTANT_ARCHIVE_PASSPHRASE", passphrase.upper())
    code, _out, err = cli(capsys, "open", archive, "--out", tmp / "received")
    assert code == 0, err
    assert (tmp / "received" / name).read_bytes() == expected
    monkeypatch.setenv("DIVERSITY_ASSISTANT_ARCHIVE_PASSPHRASE", "aaaaa-aaaaa-aaaaa-aaaaa-aaaaa")
    code, _out, err = cli(capsys, "open", archive, "--out", tmp / "again")
    assert code != 0
    assert not (tmp / "again").exists()
    assert "Traceback" not in err


# -- OpenPGP: GnuPG decrypts and verifies ---------------------------------------------------------


@pytest.fixture
def gpg_office(tmp_path: Path):
    """The office's key pair made by GnuPG (as KSZ's Kleopatra would), passphrase-protected."""
    office = GpgOffice(tmp_path / "gpg-office", passphrase=OFFICE_PASSPHRASE)
    (office.home.parent / "office-secret.asc").write_bytes(office.export_secret())
    yield office
    office.close()


def test_openpgp_route_gnupg_decrypts_it_and_verifies_the_organisations_signature(
    staff, capsys, gpg_office, monkeypatch
) -> None:
    tmp, draft_path = staff
    folder, fingerprint = gpg_office.home.parent, gpg_office.fingerprint
    key = gpg_office.public
    out = tmp / "out" / "barometer.csv.gpg"
    base = ["package", "--draft", draft_path, "--channel", "hand-over", "--recipient-key", key]

    code, _out, err = cli(capsys, *base, "--out", out)
    assert code == 2  # a key from an e-mail alone is not trusted
    assert "Check the fingerprint of the office's key" in err
    wrong = "0" * 40
    code, _out, err = cli(capsys, *base, "--recipient-fingerprint", wrong, "--out", out)
    assert code == 2
    assert "Do not use this key" in err
    assert not out.parent.exists()

    spaced = " ".join(fingerprint[i : i + 4] for i in range(0, 40, 4)).lower()
    code, stdout, err = cli(capsys, *base, "--recipient-fingerprint", spaced, "--out", out)
    assert code == 0, err
    record = read_record(tmp / "out" / "barometer.record.json")
    assert (record.protection, record.recipient_kind) == (Protection.OPENPGP, "openpgp-key")
    assert record.recipient_fingerprint == fingerprint
    ours = record.signer_fingerprint
    assert ours
    assert re.fullmatch(r"[0-9A-F]{40}", ours)

    # GnuPG: decrypts, the integrity check passes, the signature is the organisation's key
    public = tmp / "appdata" / "keys"
    our_public = next(public.rglob("openpgp-public-key.asc"))
    gpg_office.run("--import", our_public)
    plain = tmp / "plain.csv"
    status = gpg_office.run("--status-fd", "1", "--yes", "-o", plain, "--decrypt", out)
    status = status.stdout.decode(errors="replace")
    assert "[GNUPG:] DECRYPTION_OKAY" in status
    assert "[GNUPG:] GOODSIG" in status
    validsig = next(line for line in status.splitlines() if "VALIDSIG" in line)
    assert validsig.split()[-1] == ours  # the primary key's fingerprint, last field
    _name, expected = office_file(draft_path)
    assert plain.read_bytes() == expected

    # this tool's office side: the same file, the signature checked against the sender's key
    monkeypatch.setenv("DIVERSITY_ASSISTANT_KEY_PASSPHRASE", OFFICE_PASSPHRASE)
    code, stdout, err = cli(
        capsys, "open", out, "--openpgp-key", folder / "office-secret.asc", "--sender-key",
        our_public, "--out", tmp / "received",
    )  # fmt: skip
    assert code == 0, err
    assert (tmp / "received" / "barometer.csv").read_bytes() == expected
    assert ours in stdout
    code, _out, err = cli(
        capsys, "open", out, "--openpgp-key", folder / "office-secret.asc", "--sender-key",
        key, "--out", tmp / "forged",
    )  # fmt: skip
    assert code != 0
    assert "not signed by the sender's key" in err
    assert not (tmp / "forged").exists()


# -- the routes each profile accepts ---------------------------------------------------------------


def test_each_office_accepts_what_its_profile_says() -> None:
    ingezoomd, algemeen, ksz = (load_programme_by_id(i) for i in (INGEZOOMD, ALGEMEEN, KSZ))
    assert default_route(ingezoomd) == Route(Channel.WEB_PORTAL, Protection.NONE)
    assert default_route(algemeen) == Route(Channel.HAND_OVER, Protection.NONE)
    assert default_route(ksz) == Route(Channel.HAND_OVER, Protection.OPENPGP)
    # the counts table holds no person: handed over as is; a file per person never
    assert not route_problems(algemeen, Route(Channel.HAND_OVER, Protection.NONE))
    assert [
        m.key for m in route_problems(ingezoomd, Route(Channel.HAND_OVER, Protection.NONE))
    ] == ["delivery.unprotected-hand-over"]
    assert [m.key for m in route_problems(ksz, Route(Channel.SFTP, Protection.CMS))] == [
        "delivery.protection-not-accepted"
    ]
    assert [m.key for m in route_problems(ksz, Route(Channel.WEB_PORTAL, Protection.NONE))] == [
        "delivery.channel-not-accepted",
        "delivery.protection-not-accepted",
    ]
    routes = accepted_routes(ksz)
    assert routes[0] == default_route(ksz)
    assert {r.protection for r in routes} == {Protection.OPENPGP, Protection.PASSPHRASE}
    assert Route(Channel.HAND_OVER, Protection.NONE) not in accepted_routes(ingezoomd)
    assert accepted_routes(algemeen) == [Route(Channel.HAND_OVER, Protection.NONE)]


def readme_rows() -> dict[str, tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        match = re.match(r"^\| [^|]*\(`([a-z0-9-]+)`\) \| ([^|]*) \| ([^|]*) \|$", line)
        if match:
            rows[match[1]] = (match[2], match[3])
    return rows


NAMES = {
    Channel.WEB_PORTAL: "web portal",
    Channel.SFTP: "SFTP",
    Channel.TUS: "tus",
    Channel.HAND_OVER: "hand-over",
}


def test_the_readme_table_says_what_the_profiles_accept() -> None:
    """One row per shipped programme; its default and every other accepted channel and
    protection named (a profile changed without the README fails here)."""
    rows = readme_rows()
    assert sorted(rows) == sorted(available_programme_ids())
    for programme_id, (default, also) in rows.items():
        delivery = load_programme_by_id(programme_id).delivery
        assert NAMES[delivery.default_channel] in default.replace("hand over", "hand-over")
        assert f"`{delivery.default_protection}`" in default
        for protection in delivery.protections:
            if protection is not delivery.default_protection:
                assert f"`{protection}`" in also, (programme_id, protection)
        for channel in delivery.channels:
            if channel is not delivery.default_channel:
                assert NAMES[channel] in also, (programme_id, channel)
        if len(delivery.channels) == len(delivery.protections) == 1:
            assert also.strip() == "–"


# -- the record, the names, the deletion -----------------------------------------------------------


def test_the_names_follow_the_protection(tmp_path: Path) -> None:
    assert delivered_path(tmp_path / "x", Protection.CMS, "b.csv").name == "x.p7m"
    assert delivered_path(tmp_path / "x.p7m", Protection.CMS, "b.csv").name == "x.p7m"
    assert delivered_path(tmp_path / "x.csv", Protection.OPENPGP, "b.csv").name == "x.csv.gpg"
    assert delivered_path(tmp_path / "x", Protection.PASSPHRASE, "b.csv").name == "x.7z"
    assert delivered_path(tmp_path / "x", Protection.NONE, "b.xlsx").name == "x.xlsx"
    assert record_stem(tmp_path / "barometer.csv.gpg").name == "barometer"
    assert record_stem(tmp_path / "a.b.p7m").name == "a.b"


def test_an_uploads_receipt_joins_the_record(staff, capsys) -> None:
    tmp, draft_path = staff
    out = tmp / "out" / "barometer.csv"
    code, _out, err = cli(
        capsys, "package", "--draft", draft_path, "--channel", "sftp", "--protection", "none",
        "--out", out, "--no-summary",
    )  # fmt: skip
    assert code == 0, err
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    receipt = {
        "uploaded_at": "2026-12-06T10:00:00+00:00",
        "destination": "sftp://127.0.0.1:2222/inbox/barometer.csv",
        "sha256": digest,
        "size": out.stat().st_size,
        "server_identity": "SHA256:abc",
    }
    record = add_receipt(tmp / "out" / "barometer.record.json", receipt)
    assert [e["event"] for e in record.events] == ["made", "uploaded"]
    assert record.events[1]["sha256"] == digest
    assert record.events[1]["destination"].startswith("sftp://")


def test_shred_overwrites_the_file_itself_not_only_its_name(tmp_path: Path) -> None:
    path = tmp_path / "personeel.csv"
    path.write_bytes(b"123456782;Jansen\r\n" * 1000)
    twin = tmp_path / "twin.csv"
    os.link(path, twin)  # a second name for the same data
    shred(path)
    assert not path.exists()
    assert twin.read_bytes() == b""  # the data behind the name is gone too
    shred(path)  # already gone: nothing to do
    (tmp_path / "folder").mkdir()
    with pytest.raises(UsageError) as refused:
        shred(tmp_path / "folder")
    assert refused.value.message.key == "delivery.shred-not-a-file"
    (tmp_path / "link").symlink_to(twin)
    with pytest.raises(UsageError):
        shred(tmp_path / "link")
    assert twin.exists()


def test_without_a_keyring_the_command_line_takes_the_organisations_passphrase_from_the_environment(
    staff, gpg_office
) -> None:
    """Where the OS keyring cannot be used, the officer's own passphrase protects the
    organisation's key (as the wizard's dialog does): from DIVERSITY_ASSISTANT_ORGANISATION_
    PASSPHRASE, never an argument; without it a plain sentence, no library text."""
    tmp, draft_path = staff
    env = {
        **os.environ,
        "DIVERSITY_ASSISTANT_LANG": "en",
        "DIVERSITY_ASSISTANT_DATA_DIR": str(tmp / "appdata"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    argv = [
        sys.executable, "-m", "desktop_app", "package", "--draft", str(draft_path),
        "--channel", "hand-over", "--recipient-key", str(gpg_office.public),
        "--recipient-fingerprint", gpg_office.fingerprint,
    ]  # fmt: skip

    def run(out: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*argv, "--out", str(tmp / out)],
            env={**env, **extra},
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )

    refused = run("a.csv.gpg")
    assert refused.returncode == 2
    assert "password safe" in refused.stderr
    assert "DIVERSITY_ASSISTANT_ORGANISATION_PASSPHRASE" in refused.stderr  # how, here
    assert "keyrings.alt" not in refused.stderr
    assert "backend" not in refused.stderr
    assert "Traceback" not in refused.stderr
    chosen = "vier woorden als wachtwoord"
    made = run("b.csv.gpg", DIVERSITY_ASSISTANT_ORGANISATION_PASSPHRASE=chosen)
    assert made.returncode == 0, made.stderr
    again = run("c.csv.gpg", DIVERSITY_ASSISTANT_ORGANISATION_PASSPHRASE=chosen)
    assert again.returncode == 0, again.stderr  # the key made the first time opens again
    wrong = run(
        "d.csv.gpg", DIVERSITY_ASSISTANT_ORGANISATION_PASSPHRASE="een ander wachtwoord hier"
    )
    assert wrong.returncode == 2
    assert "Traceback" not in wrong.stderr
    assert "passphrase" in wrong.stderr
    assert not (tmp / "d.csv.gpg").exists()
    for path in every_file_under(tmp / "appdata"):
        assert chosen.encode() not in path.read_bytes()


def test_a_certificate_confirmed_earlier_does_not_stand_for_the_openpgp_key_chosen_later(
    staff, gpg_office
) -> None:
    """The officer confirmed a certificate, then switched to the office's OpenPGP key: the key's
    own confirmation counts, not the certificate's (which refused the key as a mismatch)."""
    from dataclasses import replace as with_

    from desktop_app.crypto import openpgp
    from desktop_app.draft import OpenPgpKeyChoice, RecipientChoice, save_draft
    from desktop_app.submission import make_submission

    tmp, draft_path = staff
    draft = load_draft(draft_path)
    draft.delivery = with_(
        draft.delivery,
        channel="hand-over",
        protection="openpgp",
        recipient=RecipientChoice(tmp / "office-cert.pem", "ab" * 32),
        openpgp_key=OpenPgpKeyChoice(gpg_office.public, gpg_office.fingerprint),
    )
    save_draft(draft, draft_path)
    ours = openpgp.generate_key("Gemeente Voorbeeld", "demo@voorbeeld.example")
    made = make_submission(
        load_draft(draft_path), None, tmp / "out" / "b.csv.gpg", openpgp_signer=ours
    )
    assert made.route.protection is Protection.OPENPGP
    assert made.recipient_fingerprint == gpg_office.fingerprint


# the things that can be swapped in on this system (a pipe only where the OS makes them)
SWAPPED_IN = ["link", *(["pipe"] if hasattr(os, "mkfifo") else [])]


@pytest.mark.parametrize("nofollow", [True, False], ids=["O_NOFOLLOW", "open-follows"])
@pytest.mark.parametrize("swapped_in", SWAPPED_IN)
def test_shred_never_follows_a_link_swapped_in_after_its_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swapped_in: str, nofollow: bool
) -> None:
    """The race: the name is a regular file when shred looks, a link to another file (or a pipe)
    when it opens. The file the link names is left as it was, the link stays, the refusal is
    delivery.shred-not-a-file (before, the open followed the link and overwrote, then emptied,
    the other file). Also as on a system without O_NOFOLLOW (Windows), where the open follows
    the link and the name is checked against the open file before a byte is written."""
    if not nofollow:
        monkeypatch.delattr(os, "O_NOFOLLOW", raising=False)
    victim = tmp_path / "office-notes.txt"
    victim.write_bytes(b"not the plaintext: never overwritten")
    path = tmp_path / "barometer.csv"
    path.write_bytes(b"plaintext rows\n")
    real_is_file = Path.is_file

    def swap_after_check(self: Path) -> bool:  # the last look before the open
        answer = real_is_file(self)
        if self == path and answer:  # checked: a regular file; now the swap
            path.unlink()
            if swapped_in == "link":
                path.symlink_to(victim)
            else:
                os.mkfifo(path)
        return answer

    monkeypatch.setattr(Path, "is_file", swap_after_check)
    with pytest.raises(UsageError) as refused:
        shred(path)
    monkeypatch.undo()
    assert refused.value.message.key == "delivery.shred-not-a-file"
    assert victim.read_bytes() == b"not the plaintext: never overwritten"
    assert path.is_symlink() if swapped_in == "link" else stat.S_ISFIFO(os.lstat(path).st_mode)
