"""The whole way on the command line: draft + file -> .p7m, opened by OpenSSL and by the office."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from package_helpers import demo_staff, package_keys
from test_crypto_support import ec_key, make_office, openssl, write_pem

from desktop_app.demo_data import StaffOptions, staff_rows
from desktop_app.draft import ChecklistAnswer, load_draft, save_draft

N = 70


def run_cli(*args: str | Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, "DIVERSITY_ASSISTANT_LANG": "en", **(env or {})},
    )


@pytest.fixture
def setup(tmp_path):
    _, draft_path = demo_staff(tmp_path, N)
    package_keys(tmp_path)
    fingerprint = (
        openssl("x509", "-in", tmp_path / "office-cert.pem", "-noout", "-fingerprint", "-sha256")
        .stdout.decode()
        .split("=", 1)[1]
        .strip()
    )
    return tmp_path, draft_path, fingerprint


def package(tmp, draft_path, *extra) -> subprocess.CompletedProcess:
    return run_cli(
        "package",
        "--draft",
        draft_path,
        "--recipient-cert",
        tmp / "office-cert.pem",
        "--out",
        tmp / "out" / "barometer.p7m",
        "--signing-key",
        tmp / "signer-key.pem",
        "--signing-cert",
        tmp / "signer-cert.pem",
        *extra,
    )


def bsns() -> list[str]:
    return [str(row[2]) for row in staff_rows(StaffOptions(n=N))]


def test_package_then_openssl_decrypts_and_verifies_it(setup):
    tmp, draft_path, fingerprint = setup
    (tmp / "out").mkdir()
    temp_before = set(Path(tempfile.gettempdir()).iterdir())
    result = package(tmp, draft_path, "--recipient-sha256", fingerprint)
    assert result.returncode == 0, result.stderr
    p7m = tmp / "out" / "barometer.p7m"
    assert sorted(p.name for p in (tmp / "out").iterdir()) == [
        "barometer.p7m",
        "barometer.record.json",
        "barometer.summary.pdf",
    ]
    record = json.loads((tmp / "out" / "barometer.record.json").read_text())
    assert (record["protection"], record["recipient"]["kind"]) == ("cms", "certificate")
    assert record["file"]["sha256"] == hashlib.sha256(p7m.read_bytes()).hexdigest()
    assert [event["event"] for event in record["events"]] == ["made"]
    assert (tmp / "out" / "barometer.summary.pdf").read_bytes().startswith(b"%PDF-")
    # No plaintext personal data next to the output or in the temp folder.
    known = bsns()[0].encode()
    for path in (tmp / "out").iterdir():
        assert known not in path.read_bytes()
    for path in set(Path(tempfile.gettempdir()).iterdir()) - temp_before:
        if path.is_file():
            assert known not in path.read_bytes()
    # OpenSSL opens it: decrypt, then verify the signature against our certificate.
    openssl(
        "cms",
        "-decrypt",
        "-inform",
        "DER",
        "-in",
        p7m,
        "-recip",
        tmp / "office-cert.pem",
        "-inkey",
        tmp / "office-key.pem",
        "-out",
        tmp / "signed.der",
    )
    openssl(
        "cms",
        "-verify",
        "-inform",
        "DER",
        "-in",
        tmp / "signed.der",
        "-binary",
        "-CAfile",
        tmp / "signer-cert.pem",
        "-partial_chain",
        "-out",
        tmp / "package.zip",
    )
    with zipfile.ZipFile(tmp / "package.zip") as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
        data = archive.read(manifest["files"][0]["name"]).decode()
    assert "manifest.json" in names
    assert manifest["rows"]["written"] == N
    assert data.splitlines()[0] == "bsn;peildatum"
    assert bsns()[0] in data


def test_the_office_opens_the_package_with_the_open_command(setup):
    tmp, draft_path, fingerprint = setup
    assert package(tmp, draft_path, "--recipient-sha256", fingerprint).returncode == 0
    opened = run_cli(
        "open",
        tmp / "out" / "barometer.p7m",
        "--key",
        tmp / "office-key.pem",
        "--cert",
        tmp / "office-cert.pem",
        "--sender-cert",
        tmp / "signer-cert.pem",
        "--out",
        tmp / "received",
    )
    assert opened.returncode == 0, opened.stderr
    assert "2 files" in opened.stdout
    assert (tmp / "received" / "manifest.json").exists()
    # Another sender's certificate: refused, nothing written.
    other = make_office(key=ec_key())[1]
    write_pem(tmp / "other.pem", other)
    refused = run_cli(
        "open",
        tmp / "out" / "barometer.p7m",
        "--key",
        tmp / "office-key.pem",
        "--cert",
        tmp / "office-cert.pem",
        "--sender-cert",
        tmp / "other.pem",
        "--out",
        tmp / "received-2",
    )
    assert refused.returncode == 2
    assert not (tmp / "received-2").exists()
    assert "Traceback" not in refused.stderr


def test_an_unconfirmed_office_certificate_is_refused_showing_its_fingerprint(setup):
    tmp, draft_path, fingerprint = setup
    result = package(tmp, draft_path)
    assert result.returncode == 2
    assert fingerprint.replace(":", "")[:16].upper() in result.stderr.replace(":", "").upper()
    assert not (tmp / "out" / "barometer.p7m").exists()


def test_an_open_checklist_item_is_refused_and_nothing_is_written(setup):
    tmp, draft_path, fingerprint = setup
    draft = load_draft(draft_path)
    draft.checklist["publication-with-name"] = ChecklistAnswer(False)
    save_draft(draft, draft_path)
    result = package(tmp, draft_path, "--recipient-sha256", fingerprint)
    assert result.returncode == 2
    assert "publication" in result.stderr.lower()
    assert not (tmp / "out").exists() or not any((tmp / "out").iterdir())


def test_the_general_variant_without_a_file_writes_its_counts_as_is_and_refuses_encryption(setup):
    """CBS algemeen accepts nothing but the counts table handed over as is (it holds no person):
    ``--protection none`` writes the office's CSV; a certificate is refused as not accepted."""
    tmp, draft_path, fingerprint = setup
    draft = load_draft(draft_path)
    draft.programme_id = "cbs-barometer-algemeen"
    draft.has_file = False
    draft.organisation = draft.organisation.with_value("staff_counts", ["412"])
    save_draft(draft, draft_path)
    refused = package(tmp, draft_path, "--recipient-sha256", fingerprint)
    assert refused.returncode == 2
    assert "does not accept the protection cms" in refused.stderr
    assert not (tmp / "out").exists()
    out = tmp / "out" / "aantallen.csv"
    result = run_cli("package", "--draft", draft_path, "--out", out)
    assert result.returncode == 0, result.stderr
    assert out.read_text().splitlines()[1] == "802634540L01;412;2026-01-01"
    record = json.loads((tmp / "out" / "aantallen.record.json").read_text())
    assert (record["channel"], record["protection"]) == ("hand-over", "none")
    assert record["manifest"]["delivery"]["protection"] == "none"
    assert "Passphrase:" not in result.stdout
