"""The KSZ linkage file (INSZ + own categories): bad INSZ/BIS numbers are located by row, and the
file is packaged, signed and encrypted with make_submission like the Dutch package."""

from __future__ import annotations

import json
from pathlib import Path

from ksz_helpers import valid_insz

from desktop_app.check import CheckOptions, run_check
from desktop_app.crypto.keys import create_identity, fingerprint_hex
from desktop_app.draft import load_draft
from desktop_app.package.open import open_package_file
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


def test_linkage_file_is_packaged_and_encrypted_like_the_dutch_package(tmp_path: Path) -> None:
    source = staff_file(tmp_path, {})
    draft = load_draft(ksz_draft(tmp_path, source))
    office_key, office_cert = make_office()
    write_pem(tmp_path / "office.pem", office_cert)
    write_pem(tmp_path / "office-key.pem", office_key)
    signer = create_identity(tmp_path / "keys", "stad-voorbeeld", "Stad Voorbeeld", passphrase="x")
    write_pem(tmp_path / "signer.pem", signer.certificate)
    submission = make_submission(
        draft,
        tmp_path / "office.pem",
        tmp_path / "out.p7m",
        signer=signer,
        confirmed_fingerprint=fingerprint_hex(office_cert),
    )
    assert submission.rows == 40
    raw = submission.package_path.read_bytes()
    assert valid_insz(0).encode() not in raw  # encrypted
    opened = open_package_file(
        submission.package_path,
        tmp_path / "office-key.pem",
        tmp_path / "office.pem",
        tmp_path / "opened",
        tmp_path / "signer.pem",
    )
    names = [p.name for p in (tmp_path / "opened").iterdir()]
    linkage = [n for n in names if n.startswith("ksz_koppeling_")]
    assert linkage, names
    text = (tmp_path / "opened" / linkage[0]).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "insz;categorie_1;categorie_2;arbeidsregime"
    assert lines[1] == f"{valid_insz(0)};Financiën;A;full-time"
    assert len(lines) == 41
    assert "P000" not in text  # the personnel number never leaves the machine
    assert opened is not None
