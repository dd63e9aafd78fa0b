"""The KSZ linkage file (INSZ + own categories): bad INSZ/BIS numbers are located by row, and the
file is signed and encrypted for KSZ's OpenPGP key with make_submission, as KSZ's profile asks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gpg_helpers import GpgOffice
from ksz_helpers import valid_insz

from desktop_app.check import CheckOptions, run_check
from desktop_app.crypto import openpgp
from desktop_app.draft import load_draft
from desktop_app.errors import UsageError
from desktop_app.profiles.model import Protection
from desktop_app.submission import make_submission
from tests.test_crypto_support import make_office, write_pem

HEADER = "Rijksregisternummer;Personeelsnummer;Afdeling;Niveau;Arbeidsregime\n"


def staff_file(tmp_path: Path, bad_rows: dict[int, str]) -> Path:
    lines = [HEADER]
    for index in range(40):
        insz = bad_rows.get(index, valid_insz(index))
        unit = ("Financiën", "ICT", "Onthaal")[index % 3]
        lines.append(f"{insz};P{index:03d};{unit};{'ABC'[index % 3]};voltijds\n")
    path = tmp_path / "personeel.csv"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def ksz_draft(tmp_path: Path, source: Path) -> Path:
    checklist = (
        "decisions-made", "purpose-proportionality", "staff-informed", "dpo-consulted",
        "data-in-categories", "part-of-diversity-policy", "basisschema-form", "openpgp-key",
    )  # fmt: skip
    draft = {
        "format": "diversity-assistant/draft",
        "version": 1,
        "saved_with": "0.1.0",
        "programme": "ksz-diversiteit",
        "checklist": {
            item: {"confirmed": True, "date": "2026-01-05", "by": "Test"} for item in checklist
        },
        "organisation": {
            "name": "Stad Voorbeeld",
            "address": "Markt 1, 9000 Gent",
            "kbo_numbers": ["0207451227"],
            "contact_name": "An Peeters",
            "contact_email": "an@voorbeeld.be",
            "contact_phone": "+32 9 123 45 67",
            "signatory_name": "Jan Janssens",
            "signatory_function": "Algemeen directeur",
        },
        "peildatum": "2025-12-31",
        "population": {"leavers": False},
        "has_file": True,
        "source": {"path": str(source), "sheet": None, "header_row": 1},
        "mapping": {
            "format": "diversity-assistant/mapping",
            "version": 1,
            "saved_with": "0.1.0",
            "programme": "ksz-diversiteit",
            "sheet": None,
            "header_row": 1,
            "fields": {
                "insz": "Rijksregisternummer",
                "personnel_number": "Personeelsnummer",
                "work_regime": "Arbeidsregime",
            },
            "value_maps": {},
            "breakdowns": [
                {"header": "Afdeling", "breakdown": "organisational_unit"},
                {"header": "Niveau", "breakdown": "function_level"},
            ],
        },
        "categories": {},
        "portal": {},
    }
    path = tmp_path / "ksz-draft.json"
    path.write_text(json.dumps(draft), encoding="utf-8")
    return path


def test_bad_insz_numbers_are_located_by_row(tmp_path: Path) -> None:
    source = staff_file(tmp_path, {4: "85073003329", 17: "12345"})
    result = run_check(source, CheckOptions("ksz-diversiteit", breakdowns=("Afdeling", "Niveau")))
    errors = [f for f in result.validation.findings if f.severity == "error"]
    insz = [f for f in errors if f.field == "insz"]
    assert insz, errors
    rows = sorted(row for finding in insz for row in finding.rows)
    assert rows == [6, 19]  # data row i is file row i + 2 (header on row 1)


def test_linkage_file_is_encrypted_for_kszs_openpgp_key_and_gnupg_opens_it(tmp_path: Path) -> None:
    """KSZ takes the linkage file encrypted for its OpenPGP key (GnuPG/Kleopatra), signed with the
    institution's own key; a certificate (CMS) is refused as a protection KSZ does not accept."""
    source = staff_file(tmp_path, {})
    draft = load_draft(ksz_draft(tmp_path, source))
    _office_key, office_cert = make_office()
    write_pem(tmp_path / "office.pem", office_cert)
    with pytest.raises(UsageError) as refused:
        make_submission(draft, tmp_path / "office.pem", tmp_path / "out.p7m")
    assert refused.value.message.key == "delivery.protection-not-accepted"
    assert not (tmp_path / "out.p7m").exists()

    office = GpgOffice(tmp_path / "ksz")
    try:
        ours = openpgp.generate_key("Stad Voorbeeld", "an@voorbeeld.be")
        submission = make_submission(
            draft,
            None,
            tmp_path / "koppeling.csv.gpg",
            recipient_key=office.public,
            confirmed_fingerprint=office.fingerprint,
            openpgp_signer=ours,
        )
        assert submission.rows == 40
        assert submission.route.protection is Protection.OPENPGP
        raw = submission.package_path.read_bytes()
        assert valid_insz(0).encode() not in raw  # encrypted
        office.import_key(openpgp.export_public_key(ours))
        plain, said = office.decrypt(submission.package_path)
    finally:
        office.close()
    assert "Good signature" in said
    text = plain.decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == "insz;categorie_1;categorie_2;arbeidsregime"
    assert lines[1] == f"{valid_insz(0)};Financiën;A;full-time"
    assert len(lines) == 41
    assert "P000" not in text  # the personnel number never leaves the machine
