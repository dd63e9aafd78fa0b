"""The Belgian route on the command line: ``ksz crossing`` (verdict, proposals, exit codes, JSON)
and ``ksz request`` (the nl/fr documents from a draft; an incomplete draft refused with what is
missing and where), through ``desktop_app.cli.main`` on real files."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from ksz_helpers import MOTIVATION, ORGANISATION, staff_file, valid_insz

from desktop_app.cli import main
from desktop_app.crypto import openpgp
from desktop_app.draft import CategoryChoices, Draft, Organisation, save_draft

PROGRAMME = "ksz-diversiteit"
# The draft keeps the KBO numbers as a list.
DRAFT_ORGANISATION = {**ORGANISATION, "kbo_numbers": [ORGANISATION["kbo_numbers"]]}


def write_draft(folder: Path, name: str = "concept.json", **ksz: object) -> Path:
    draft = Draft(
        programme_id=PROGRAMME,
        organisation=Organisation.from_json(DRAFT_ORGANISATION),
        has_file=False,
        categories=CategoryChoices(ksz={"characteristics": ["origin", "sex"], **ksz}),
    )
    path = folder / name
    save_draft(draft, path)
    return path


def run(capsys, *args: str | Path) -> tuple[int, str, str]:
    code = main(["--lang", "nl", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))


# -- ksz crossing ---------------------------------------------------------------------------------


def test_too_small_crossings_are_flagged_with_proposals(capsys, tmp_path) -> None:
    source = staff_file(tmp_path)
    draft = write_draft(tmp_path)
    args = ("ksz", "crossing", source, "--programme", PROGRAMME, "--draft", draft)
    code, out, err = run(capsys, *args, "--by", "Afdeling", "--by", "Niveau")
    assert code == 1, err
    assert "436 personeelsleden geteld; eigen categorieën: Afdeling, Niveau." in out
    assert "Onthaal" in out
    assert "Voorstel 1" in out
    assert "2 van de 2 gevraagde tabellen" in out
    assert valid_insz(0) not in out + err  # no person's value, only categories and counts
    assert "P0001" not in out + err

    code, out, _ = run(capsys, *args, "--by", "Afdeling", "--json")
    assert code == 1
    report = json.loads(out)
    assert report["passes"] is False
    assert report["staff"] == 436
    assert report["threshold"] == 5
    (unit,) = report["crossings"]
    assert unit["own"] == ["Afdeling"]
    assert unit["schemes"] == ["origin-ksz", "sex"]
    assert unit["smallest_cell"][0] == "Onthaal"
    assert unit["smallest_expected"] == pytest.approx(4 * 0.02 * 0.5)
    assert unit["proposals"]
    best = unit["proposals"][0]
    assert best["smallest_expected"] >= 5
    assert best["changes"]

    # The best proposal taken over into the draft (as the wizard's Apply does): it passes.
    fixed = write_draft(
        tmp_path,
        "fixed.json",
        origin_scheme=next(s for s in best["schemes"] if s.startswith("origin")),
    )
    with_merges = json.loads(fixed.read_text(encoding="utf-8"))
    with_merges["categories"]["merges"] = best["merges"]
    fixed.write_text(json.dumps(with_merges), encoding="utf-8")
    code, out, err = run(
        capsys, "ksz", "crossing", source, "--programme", PROGRAMME, "--draft", fixed,
        "--by", "Afdeling", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["passes"] is True


def test_without_a_file_the_head_count_is_checked(capsys, tmp_path) -> None:
    draft = write_draft(tmp_path, staff_count=120)
    args = ("ksz", "crossing", "--programme", PROGRAMME, "--draft", draft)
    code, out, _ = run(capsys, *args)
    assert code == 1  # 120 x 0.02 x 0.5 = 1.2
    assert "120 personeelsleden geteld; eigen categorieën: geen (de hele organisatie)." in out
    code, out, _ = run(capsys, *args, "--staff-count", "5000", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["staff"] == 5000
    assert report["crossings"][0]["own"] == []
    # without a draft: the default characteristics (origin, sex, age)
    code, out, _ = run(capsys, "ksz", "crossing", "--programme", PROGRAMME, "--staff-count", "40")
    assert code == 1
    assert "Geen grovere indeling" in out


@pytest.mark.parametrize(
    ("case", "key_text"),
    [
        ("cbs-programme", "referentiecijfers"),
        ("missing-file", "missing.csv"),
        ("unknown-column", "Uitsplitsingskolom niet gevonden: Dienst"),
        ("other-draft-programme", "hoort bij het programma cbs-barometer-ingezoomd"),
        ("no-staff", "niemand om te tellen"),
        ("bad-count", "--staff-count 0"),
        ("no-characteristics", "minstens één kenmerk"),
    ],
)
def test_unusable_input_is_refused_with_exit_2(capsys, tmp_path, case, key_text) -> None:
    source = staff_file(tmp_path)
    draft = write_draft(tmp_path)
    base = ["ksz", "crossing", "--programme", PROGRAMME]
    args = {
        "cbs-programme": ["ksz", "crossing", source, "--programme", "cbs-barometer-ingezoomd"],
        "missing-file": [*base, tmp_path / "missing.csv"],
        "unknown-column": [*base, source, "--by", "Dienst"],
        "other-draft-programme": [*base, "--draft", _cbs_draft(tmp_path), "--staff-count", "9"],
        "no-staff": [*base, "--draft", draft],
        "bad-count": [*base, "--staff-count", "0"],
        "no-characteristics": [
            *base, "--draft", write_draft(tmp_path, "none.json", characteristics=[]),
            "--staff-count", "500",
        ],
    }[case]  # fmt: skip
    code, out, err = run(capsys, *args)
    assert code == 2, (out, err)
    assert key_text in err
    assert "Traceback" not in err


def _cbs_draft(folder: Path) -> Path:
    path = folder / "cbs.json"
    save_draft(Draft(programme_id="cbs-barometer-ingezoomd"), path)
    return path


# -- ksz request ----------------------------------------------------------------------------------


def _complete_draft(folder: Path, **ksz: object) -> tuple[Path, str]:
    key = openpgp.generate_key("Stad Voorbeeld", "an.peeters@voorbeeld.be")
    public = folder / "kleopatra.asc"
    openpgp.write_public_key(key, public)
    draft = Draft(
        programme_id=PROGRAMME,
        organisation=Organisation.from_json(
            {**DRAFT_ORGANISATION, "openpgp_fingerprint": key.fingerprint}
        ),
        has_file=False,
        categories=CategoryChoices.from_json({
            "ksz": {
                "characteristics": ["origin", "sex", "age"],
                "reference_year": 2025,
                "motivation": MOTIVATION,
                "public_key_file": str(public),
                **ksz,
            }
        }),
    )
    path = folder / "concept.json"
    save_draft(draft, path)
    return path, key.fingerprint


def test_request_writes_the_documents_in_dutch_and_french(capsys, tmp_path) -> None:
    draft, fingerprint = _complete_draft(tmp_path)
    out_dir = tmp_path / "aanvraag"
    code, out, err = run(capsys, "ksz", "request", "--draft", draft, "--out", out_dir)
    assert code == 0, err
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == [
        "bcss-demande-stad-voorbeeld-2025-fr.odt",
        "bcss-demande-stad-voorbeeld-2025-fr.pdf",
        "ksz-aanvraag-stad-voorbeeld-2025-nl.odt",
        "ksz-aanvraag-stad-voorbeeld-2025-nl.pdf",
        "openpgp-public-key-stad-voorbeeld.asc",
    ]
    assert "5 bestanden geschreven" in out
    for name in names:
        assert name in out
    assert not [p for p in out_dir.iterdir() if p.name.startswith(".")]  # no temp file left
    for path in out_dir.iterdir():
        if path.suffix == ".pdf":
            assert path.read_bytes().startswith(b"%PDF")
        elif path.suffix == ".odt":
            with zipfile.ZipFile(path) as archive:
                content = archive.read("content.xml").decode()
            assert fingerprint in content
            assert "25-34" in content
    nl = out_dir / "ksz-aanvraag-stad-voorbeeld-2025-nl.odt"
    with zipfile.ZipFile(nl) as archive:
        assert MOTIVATION["plan_action"] in archive.read("content.xml").decode()
    public = (out_dir / "openpgp-public-key-stad-voorbeeld.asc").read_bytes()
    assert openpgp.read_public_key(public).fingerprint == fingerprint


def test_request_in_one_language(capsys, tmp_path) -> None:
    draft, _ = _complete_draft(tmp_path)
    out_dir = tmp_path / "fr"
    code, _, err = run(capsys, "ksz", "request", "--draft", draft, "--out", out_dir, "--lang", "fr")
    assert code == 0, err
    assert sorted(p.suffix for p in out_dir.iterdir() if "bcss" in p.name) == [".odt", ".pdf"]
    assert not list(out_dir.glob("ksz-aanvraag-*"))


def test_an_incomplete_draft_is_refused_with_what_is_missing_and_where(capsys, tmp_path) -> None:
    draft, _ = _complete_draft(
        tmp_path, motivation={**MOTIVATION, "purpose": "", "legal_basis": "Wet."}
    )
    data = json.loads(draft.read_text(encoding="utf-8"))
    del data["organisation"]["contact_email"]
    data["organisation"]["kbo_numbers"] = ["0207.451.228"]
    draft.write_text(json.dumps(data), encoding="utf-8")
    out_dir = tmp_path / "aanvraag"
    code, out, err = run(capsys, "ksz", "request", "--draft", draft, "--out", out_dir)
    assert code == 1
    assert out == ""
    assert "concept.json" in err
    assert "4 punten" in err
    for location in (
        "categories.ksz.motivation.purpose:",
        "categories.ksz.motivation.legal_basis:",
        "organisation.kbo_numbers: ",
        "organisation.contact_email:",
    ):
        assert location in err, location
    assert "0207.451.228" in err  # the officer's own typing, named to be corrected
    assert not out_dir.exists()  # nothing written


@pytest.mark.parametrize("case", ["not-json", "no-programme", "cbs-programme"])
def test_an_unusable_draft_is_refused_with_exit_2(capsys, tmp_path, case) -> None:
    path = tmp_path / "concept.json"
    if case == "not-json":
        path.write_text("{", encoding="utf-8")
    else:
        save_draft(
            Draft(programme_id=None if case == "no-programme" else "cbs-barometer-ingezoomd"), path
        )
    code, out, err = run(capsys, "ksz", "request", "--draft", path, "--out", tmp_path / "x")
    assert code == 2
    assert out == ""
    assert err.strip()
    assert "Traceback" not in err
    assert not (tmp_path / "x").exists()


def test_request_and_journey_take_the_reference_year_of_a_draft_with_its_own_peildatum(
    capsys, tmp_path
) -> None:
    """A draft saved before the KSZ route had one reference (the organisation page's 1 January
    2026 beside the reference year 2024): the documents and the journey both say 2024."""
    import datetime as dt

    from desktop_app.draft import load_draft

    path, _fingerprint = _complete_draft(tmp_path, reference_year=2024)
    draft = load_draft(path)
    draft.peildatum = dt.date(2026, 1, 1)
    save_draft(draft, path)
    out_dir = tmp_path / "aanvraag"
    code, _out, err = run(
        capsys, "ksz", "request", "--draft", path, "--out", out_dir, "--lang", "nl"
    )
    assert code == 0, err
    assert sorted(p.name for p in out_dir.glob("*.odt")) == [
        "ksz-aanvraag-stad-voorbeeld-2024-nl.odt"
    ]
    with zipfile.ZipFile(out_dir / "ksz-aanvraag-stad-voorbeeld-2024-nl.odt") as archive:
        content = archive.read("content.xml").decode()
    assert re.search(r"Refertejaar.{0,200}?2024", content), content[:200]
    code, _out, err = run(
        capsys, "journey", "mark", "decide", "--by", "A. Peeters", "--draft", path
    )
    assert code == 0, err
    code, out, err = run(capsys, "journey", "show", "--draft", path, "--json")
    assert code == 0, err
    assert json.loads(out)["year"] == 2024
