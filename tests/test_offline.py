"""Offline until the upload: with every socket blocked, check, tables and package still work."""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest
from test_crypto_support import make_office, write_pem

from desktop_app.categories import propose_merges
from desktop_app.check import CheckOptions, run_check
from desktop_app.crypto.keys import create_identity, fingerprint_hex
from desktop_app.draft import CategoryChoices, load_draft
from desktop_app.resources import resource_path
from desktop_app.submission import make_submission
from desktop_app.tables_command import TablesOptions, run_tables


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to resolve a name or open a connection fails the test."""
    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[:2]))
        raise NetworkUsed(f"network used: {args[:2]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert attempts == []


def test_the_blocker_really_blocks(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 443))
    no_network.clear()


def test_check_tables_and_package_run_on_the_demo_without_any_network(
    no_network, tmp_path, monkeypatch
):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    demo = resource_path("samples", "demo-personeel.xlsx")
    draft = load_draft(resource_path("samples", "demo-draft.json"))
    check = run_check(
        demo, CheckOptions(draft.programme_id, breakdowns=("Afdeling",), peildatum=draft.peildatum)
    )
    assert check.validation.counts()["error"] == 0

    tables = run_tables(
        demo,
        TablesOptions(
            programme_id=draft.programme_id,
            by=(("Afdeling", "sex"),),
            min_count=5,
            peildatum=draft.peildatum,
        ),
    )
    assert tables.protection.passed

    draft.source = replace(draft.source, path=demo)
    sizes = check.validation.records["breakdown:Afdeling"][check.validation.included].value_counts()
    plan = propose_merges(sizes.to_dict(), 250)
    draft.categories = CategoryChoices(merges={"Afdeling": dict(plan.moves)})
    _, office_cert = make_office()
    write_pem(tmp_path / "office.pem", office_cert)
    signer = create_identity(tmp_path / "keys", "offline", "Offline BV", passphrase="offline")
    submission = make_submission(
        draft,
        tmp_path / "office.pem",
        tmp_path / "out.p7m",
        signer=signer,
        confirmed_fingerprint=fingerprint_hex(office_cert),
    )
    assert submission.package_path.exists()
    assert submission.rows > 1000
