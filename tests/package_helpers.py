"""Helpers for the packaging tests: a small demo staff file with its draft, and the office's and
the sender's keys written as PEM files, as ``package`` on the command line takes them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from test_crypto_support import make_office, write_pem

from desktop_app.crypto.keys import create_identity, fingerprint_hex
from desktop_app.demo_data import StaffOptions, write_demo_workbook
from desktop_app.draft import load_draft, save_draft
from desktop_app.resources import resource_path


def demo_staff(folder: Path, n: int) -> tuple[Path, Path]:
    """personeel.xlsx with n demo people and concept.json, the sample draft pointing at it."""
    workbook = folder / "personeel.xlsx"
    write_demo_workbook(workbook, StaffOptions(n=n, messy=False))
    draft = load_draft(resource_path("samples", "demo-draft.json"))
    draft.source = replace(draft.source, path=workbook)
    draft.mapping = None  # a few dozen people: no breakdown can reach CBS's 250 per subgroup
    draft_path = folder / "concept.json"
    save_draft(draft, draft_path)
    return workbook, draft_path


def package_keys(folder: Path) -> dict[str, Path | str]:
    """A test office and the municipality's signing identity, written as PEM files in folder."""
    office_key, office_cert = make_office()
    write_pem(folder / "office-cert.pem", office_cert)
    write_pem(folder / "office-key.pem", office_key)
    identity = create_identity(
        folder / "keys", "gemeente-voorbeeld", "Gemeente Voorbeeld", passphrase="test-passphrase"
    )
    write_pem(folder / "signer-cert.pem", identity.certificate)
    write_pem(folder / "signer-key.pem", identity.private_key)
    return {
        "office-cert": folder / "office-cert.pem",
        "office-key": folder / "office-key.pem",
        "signer-cert": folder / "signer-cert.pem",
        "signer-key": folder / "signer-key.pem",
        "office-sha256": fingerprint_hex(office_cert),
        "identity": identity,
    }
