"""Mapping: the officer's columns are recognised, coded values translated, mappings kept for next year."""

from __future__ import annotations

import json
import random

import pytest

from desktop_app.demo_data import HEADERS
from desktop_app.errors import MappingError
from desktop_app.mapping import BreakdownColumn, Mapping
from desktop_app.mapping.store import check_mapping_fits, load_mapping, save_mapping
from desktop_app.mapping.suggest import header_confidence, suggest_mapping
from desktop_app.mapping.values import code_lookup, suggest_value_map
from desktop_app.profiles import load_programme_by_id
from desktop_app.text import normalise_header, normalise_value


@pytest.fixture(scope="module")
def ingezoomd():
    return load_programme_by_id("cbs-barometer-ingezoomd")


def test_a_typical_dutch_export_maps_every_field_it_has(ingezoomd):
    mapping, suggestions, possible = suggest_mapping(HEADERS, ingezoomd)
    assert dict(mapping.fields) == {
        "personnel_number": "Personeelsnummer",
        "bsn": "BSN",
        "birth_date": "Geboortedatum",
        "sex": "Geslacht",
        "postcode": "Postcode",
        "house_number": "Huisnummer",
        "house_number_suffix": "Toevoeging",
        "start_date": "Datum in dienst",
        "end_date": "Datum uit dienst",
        "fte": "Deeltijdfactor",
    }
    assert all(s.confidence >= 0.95 for s in suggestions)
    assert "Naam" not in mapping.fields.values()
    offered = {b.header: b.breakdown_id for b in possible}
    assert offered["Afdeling"] == "organisational_unit"
    assert offered["Functieschaal"] in {"salary_scale", "function_level"}


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("GEBOORTEDATUM", "birth_date"),
        ("  geboorte-datum ", "birth_date"),
        ("Géboortedatum", "birth_date"),
        ("Date of birth", "birth_date"),
        ("Date de naissance", "birth_date"),
        ("Burgerservicenummer", "bsn"),
        ("Datum  in  dienst", "start_date"),
        ("dienst datum in", "start_date"),
        ("Gender", "sex"),
        ("Sexe", "sex"),
    ],
)
def test_headers_are_recognised_whatever_case_accents_spacing_or_word_order(
    ingezoomd, header, field
):
    mapping, _, _ = suggest_mapping([header, "Opmerkingen"], ingezoomd)
    assert mapping.fields.get(field) == header


def test_a_typo_is_recognised_fuzzily_with_lower_confidence(ingezoomd):
    mapping, suggestions, _ = suggest_mapping(["Geboortedatm", "Geslacht"], ingezoomd)
    assert mapping.fields["birth_date"] == "Geboortedatm"
    birth = next(s for s in suggestions if s.field_id == "birth_date")
    assert birth.reason == "fuzzy"
    assert 0.75 <= birth.confidence < 0.95


def test_unrelated_columns_are_not_suggested(ingezoomd):
    mapping, suggestions, possible = suggest_mapping(
        ["Opmerkingen", "Telefoon privé", "IBAN"], ingezoomd
    )
    assert not mapping.fields
    assert not suggestions
    assert not possible


def test_each_column_feeds_one_field_and_order_does_not_change_the_mapping(ingezoomd):
    expected, _, _ = suggest_mapping(HEADERS, ingezoomd)
    shuffled = list(HEADERS)
    random.Random(7).shuffle(shuffled)
    again, _, _ = suggest_mapping(shuffled, ingezoomd)
    assert dict(again.fields) == dict(expected.fields)
    assert len(set(expected.fields.values())) == len(expected.fields)


def test_columns_marked_as_breakdowns_are_not_used_for_fields(ingezoomd):
    mapping, _, possible = suggest_mapping(HEADERS, ingezoomd, breakdown_headers=["Afdeling"])
    assert mapping.breakdowns == (BreakdownColumn("Afdeling", "organisational_unit"),)
    assert "Afdeling" not in {b.header for b in possible}


def test_confidence_is_exact_for_an_identical_header_and_zero_for_nonsense():
    assert header_confidence("BSN", ["BSN"]) == (1.0, "exact")
    assert header_confidence("bsn ", ["BSN"])[0] == 1.0
    assert header_confidence("Kleur auto", ["BSN", "Burgerservicenummer"]) == (0.0, "")
    assert normalise_header("Datum, in dienst") == normalise_header("in dienst datum")


def test_sex_codes_from_dutch_english_french_and_iso_spellings(ingezoomd):
    sex = ingezoomd.employee_field("sex")
    known, unknown = suggest_value_map(
        sex, ["M", "V", "X", "Man", "Vrouw", "Male", "Female", "H", "F", "1", "2", "?", ""]
    )
    assert {known[v] for v in ("M", "Man", "Male", "H", "1")} == {"M"}
    assert {known[v] for v in ("V", "Vrouw", "Female", "F", "2")} == {"V"}
    assert known["X"] == "X"
    assert unknown == ["?"]


def test_the_users_value_map_wins_over_the_profile(ingezoomd):
    sex = ingezoomd.employee_field("sex")
    lookup = code_lookup(sex, {"?": "X", "1": "V"})
    assert lookup[normalise_value("?")] == "X"
    assert lookup[normalise_value("1")] == "V"


def test_a_saved_mapping_loads_back_identically(tmp_path, ingezoomd):
    mapping, _, _ = suggest_mapping(
        HEADERS, ingezoomd, ["Afdeling"], sheet="Personeel", header_row=3
    )
    mapping = Mapping(
        mapping.programme_id,
        mapping.fields,
        {"sex": {"Vrouw": "V"}},
        mapping.breakdowns,
        mapping.sheet,
        mapping.header_row,
    )
    path = tmp_path / "koppeling.json"
    save_mapping(mapping, path)
    assert load_mapping(path) == mapping
    assert [p.name for p in tmp_path.iterdir()] == ["koppeling.json"]  # no temp file left behind
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format"] == "diversity-assistant/mapping"
    assert saved["breakdowns"] == [{"header": "Afdeling", "breakdown": "organisational_unit"}]


def test_a_mapping_that_no_longer_fits_names_the_missing_columns(ingezoomd):
    mapping, _, _ = suggest_mapping(HEADERS, ingezoomd, ["Afdeling"])
    next_year = [h.replace("Geboortedatum", "Geb. datum") for h in HEADERS if h != "Afdeling"]
    with pytest.raises(MappingError) as caught:
        check_mapping_fits(mapping, next_year, ingezoomd)
    assert caught.value.message.key == "mapping.columns-missing"
    for language in ("nl", "en", "fr"):
        text = caught.value.render(language)
        assert "“Geboortedatum”" in text
        assert "“Afdeling”" in text
    assert "missing" in caught.value.render("en")
    assert "ontbreken" in caught.value.render("nl")


def test_a_mapping_for_another_programme_is_refused(ingezoomd):
    ksz = load_programme_by_id("ksz-diversiteit")
    mapping, _, _ = suggest_mapping(HEADERS, ingezoomd)
    with pytest.raises(MappingError) as caught:
        check_mapping_fits(mapping, HEADERS, ksz)
    assert caught.value.message.key == "mapping.other-programme"


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("{not json", "mapping.not-json"),
        (b"\xff\xfe\x00garbage", "mapping.not-json"),
        ('{"format": "something-else"}', "mapping.wrong-format"),
        ('{"format": "diversity-assistant/mapping", "version": 99}', "mapping.wrong-version"),
        (
            '{"format": "diversity-assistant/mapping", "version": 1, "fields": {}}',
            "mapping.wrong-format-detail",
        ),
        (
            '{"format": "diversity-assistant/mapping", "version": 1, "programme": "x", "fields": {"bsn": 5}}',
            "mapping.wrong-format-detail",
        ),
    ],
)
def test_a_broken_mapping_file_is_refused_with_its_name(tmp_path, content, key):
    path = tmp_path / "kapot.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        load_mapping(path)
    assert caught.value.message.key == key
    assert "kapot.json" in caught.value.render("nl")
    assert "kapot.json" in caught.value.render("en")


def test_a_missing_mapping_file_is_refused(tmp_path):
    with pytest.raises(MappingError) as caught:
        load_mapping(tmp_path / "weg.json")
    assert caught.value.message.key == "mapping.not-found"


def test_a_dutch_intern_extern_column_is_not_guessed(ingezoomd):
    employment = ingezoomd.employee_field("employment_type")
    known, unknown = suggest_value_map(
        employment, ["Intern", "Extern", "Stagiair", "Uitzendkracht"]
    )
    assert known == {"Extern": "external", "Stagiair": "internship", "Uitzendkracht": "external"}
    assert unknown == ["Intern"]  # Dutch "intern" means own staff: the officer decides


def test_a_duplicated_header_is_never_suggested(ingezoomd):
    """Two 'BSN' columns: neither is mapped for the officer (nor offered as a breakdown)."""
    headers = ["BSN", "Geboortedatum", "BSN (C)", "Afdeling", "Afdeling (E)"]
    duplicated = {"BSN", "BSN (C)", "Afdeling", "Afdeling (E)"}
    mapping, suggestions, possible = suggest_mapping(headers, ingezoomd, duplicated=duplicated)
    assert dict(mapping.fields) == {"birth_date": "Geboortedatum"}
    assert {s.header for s in suggestions} == {"Geboortedatum"}
    assert possible == ()
    # without the duplicates the same columns are suggested
    mapping, _, _ = suggest_mapping(headers, ingezoomd)
    assert mapping.fields["bsn"] == "BSN"


def test_a_mapping_for_a_file_without_header_row_says_so(ingezoomd):
    mapping = Mapping(ingezoomd.id, {"bsn": "BSN"})
    with pytest.raises(MappingError) as caught:
        check_mapping_fits(mapping, ["(A)", "(B)"], ingezoomd, no_header=("export.csv", 1))
    assert caught.value.message.key == "mapping.columns-missing-no-header"
    assert "(A)" not in caught.value.render("en")
