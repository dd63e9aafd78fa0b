"""Programme profiles: the shipped ones load and say what DOMAIN.md says; broken ones are refused
with the file, the key path and the problem, in nl and en."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop_app.errors import ProfileError
from desktop_app.messages import LANGUAGES, LocalizedText, catalogue
from desktop_app.profiles import (
    BreakdownSource,
    ConstantSource,
    CountSource,
    FieldRole,
    FieldSource,
    FieldType,
    Flow,
    OrganisationSource,
    PeildatumSource,
    Programme,
    available_programmes,
    load_programme,
    load_programme_by_id,
)
from desktop_app.profiles import reader as reader_module
from desktop_app.profiles.model import parse_output_source
from desktop_app.resources import resource_path
from desktop_app.text import normalise_value

INGEZOOMD = "cbs-barometer-ingezoomd"
ALGEMEEN = "cbs-barometer-algemeen"
KSZ = "ksz-diversiteit"
SHIPPED = (ALGEMEEN, INGEZOOMD, KSZ)


def profile_text(programme_id: str) -> str:
    return resource_path("programmes", f"{programme_id}.toml").read_text(encoding="utf-8")


def code_of(programme: Programme, field_id: str, value: str) -> str | None:
    """The code a raw value means, compared the way the mapping compares values."""
    wanted = normalise_value(value)
    for code in programme.employee_field(field_id).codes:
        if wanted in {normalise_value(s) for s in (code.code, *code.synonyms)}:
            return code.code
    return None


def localized_texts(value: object, path: str = "") -> Iterator[tuple[str, LocalizedText]]:
    """Every LocalizedText inside a profile, with where it is."""
    if isinstance(value, LocalizedText):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from localized_texts(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from localized_texts(item, f"{path}[{index}]")


# --------------------------------------------------------------------------------------------------
# the shipped profiles


def test_shipped_profiles_load_sorted_and_cached() -> None:
    programmes = available_programmes()
    assert tuple(p.id for p in programmes) == SHIPPED
    assert available_programmes() is programmes
    for programme in programmes:
        assert load_programme_by_id(programme.id) is programme
        assert programme.source_path is not None
        assert programme.source_path.stem == programme.id
        assert re.fullmatch(r"\d{4}\.\d+", programme.version)


@pytest.mark.parametrize("programme_id", SHIPPED)
def test_every_text_has_nl_en_fr(programme_id: str) -> None:
    programme = load_programme_by_id(programme_id)
    texts = list(localized_texts(programme))
    assert len(texts) > 20
    for where, text in texts:
        assert set(text.texts) == set(LANGUAGES), where
        assert all(text.texts[lang].strip() for lang in LANGUAGES), where
    # the description says what it is and what is needed: two sentences
    for lang in LANGUAGES:
        assert programme.description.get(lang).count(". ") >= 1


@pytest.mark.parametrize("programme_id", SHIPPED)
def test_code_spellings_are_unambiguous(programme_id: str) -> None:
    programme = load_programme_by_id(programme_id)
    for employee_field in programme.employee_fields:
        if employee_field.type is FieldType.CODE:
            assert employee_field.codes
            for code in employee_field.codes:
                for synonym in code.synonyms:
                    assert code_of(programme, employee_field.id, synonym) == code.code
        else:
            assert not employee_field.codes


def test_ingezoomd_facts() -> None:
    p = load_programme_by_id(INGEZOOMD)
    assert (p.office, p.country, p.variant) == ("CBS", "NL", "ingezoomd")
    assert p.counting_unit == "person"
    assert p.needs_employee_file
    assert [f.id for f in p.employee_fields] == [
        "bsn",
        "birth_date",
        "sex",
        "postcode",
        "house_number",
        "house_number_suffix",
        "start_date",
        "end_date",
        "employment_type",
        "personnel_number",
        "fte",
    ]
    types = {f.id: f.type for f in p.employee_fields}
    assert types["bsn"] is FieldType.BSN
    assert types["postcode"] is FieldType.POSTCODE_NL
    assert types["house_number"] is FieldType.HOUSE_NUMBER
    assert types["house_number_suffix"] is FieldType.HOUSE_NUMBER_SUFFIX
    assert types["birth_date"] is types["start_date"] is types["end_date"] is FieldType.DATE
    assert types["fte"] is FieldType.DECIMAL
    roles = {f.id: f.role for f in p.employee_fields}
    for identifier in ("bsn", "birth_date", "sex", "postcode", "house_number"):
        assert roles[identifier] is FieldRole.IDENTIFIER
    assert roles["start_date"] is roles["employment_type"] is FieldRole.POPULATION
    assert roles["personnel_number"] is roles["fte"] is FieldRole.INTERNAL

    keys = {k.id: k for k in p.identification_keys}
    assert keys["bsn"].fields == ("bsn",)
    assert keys["address"].fields == ("birth_date", "sex", "postcode", "house_number")
    assert keys["address"].optional_fields == ("house_number_suffix",)
    assert "5%" in keys["address"].note.get("nl")
    assert "buitenland" in keys["address"].note.get("nl")
    assert "wettelijke grondslag" in keys["bsn"].note.get("nl")

    assert p.thresholds.min_subgroup_size == 250
    assert p.thresholds.cell_threshold == 10
    assert (p.thresholds.min_age, p.thresholds.max_age) == (14, 100)

    breakdowns = {b.id: b for b in p.breakdowns}
    assert list(breakdowns) == [
        "organisational_unit",
        "function_level",
        "salary_scale",
        "entry_year",
        "location",
        "age",
        "flow",
    ]
    assert breakdowns["entry_year"].derived_from == "start_date"
    assert breakdowns["age"].derived_from == "birth_date"
    assert "Afdeling" in breakdowns["organisational_unit"].synonyms
    assert "Standplaats" in breakdowns["location"].synonyms

    assert [(o.id, o.default) for o in p.population_options] == [
        ("externals", False),
        ("interns", False),
        ("leavers", False),
    ]
    checklist = {c.id: c for c in p.checklist}
    assert {
        "works-council-informed",
        "cbs-general-terms",
        "delivery-agreement",
        "project-proposal",
        "publication-with-name",
    } <= set(checklist)
    assert "AVG" in checklist["works-council-informed"].explanation.get("nl")
    assert "naam" in checklist["publication-with-name"].text.get("nl")
    assert "conceptleveringsovereenkomst" in checklist["delivery-agreement"].text.get("nl")

    org = {f.id: f for f in p.organisation_fields}
    assert org["loonheffingennummers"].type is FieldType.LOONHEFFINGENNUMMER
    assert org["loonheffingennummers"].multiple
    assert {"name", "contact_name", "contact_email", "contact_phone", "signatory_name"} <= set(org)
    assert "earlier_participation" in org

    assert p.output is not None
    assert (p.output.file_type, p.output.delimiter, p.output.encoding) == ("csv", ";", "utf-8")
    columns = {c.name: c for c in p.output.columns}
    for name in (
        "geboortejaar",
        "geboortemaand",
        "geboortedag",
        "geslacht",
        "postcode",
        "huisnummer",
        "huisnummertoevoeging",
        "bsn",
    ):
        assert columns[name].required is False, name  # either key works
    assert [columns[n].part for n in ("geboortejaar", "geboortemaand", "geboortedag")] == [
        "year",
        "month",
        "day",
    ]
    assert columns["peildatum"].source == PeildatumSource()
    assert columns["peildatum"].required
    breakdown_sources = [
        c.source for c in p.output.columns if isinstance(c.source, BreakdownSource)
    ]
    assert breakdown_sources == [BreakdownSource(n) for n in range(1, p.max_breakdowns + 1)]
    assert str(breakdown_sources[0]) == "breakdown:1"  # as the profile writes it
    # nothing internal leaves the machine
    internal = {f.id for f in p.employee_fields if f.role is FieldRole.INTERNAL}
    output_fields = {c.source.field for c in p.output.columns if isinstance(c.source, FieldSource)}
    assert output_fields
    assert not output_fields & internal


def test_ingezoomd_header_synonyms() -> None:
    p = load_programme_by_id(INGEZOOMD)
    assert {"Geboortedatum", "Geb. datum", "Date of birth", "DOB", "Date de naissance"} <= set(
        p.employee_field("birth_date").synonyms
    )
    assert {"BSN", "Burgerservicenummer", "Sofinummer", "Sofi-nr", "Citizen service number"} <= set(
        p.employee_field("bsn").synonyms
    )
    assert "Datum in dienst" in p.employee_field("start_date").synonyms
    assert "Datum uit dienst" in p.employee_field("end_date").synonyms


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("M", "M"),
        ("man", "M"),
        ("Male", "M"),
        ("H", "M"),
        ("homme", "M"),
        ("Masculin", "M"),
        ("1", "M"),
        ("V", "V"),
        ("Vrouw", "V"),
        ("F", "V"),
        ("Femme", "V"),
        ("feminin", "V"),
        ("2", "V"),
        ("X", "X"),
        ("non-binair", "X"),
        ("Anders", "X"),
        ("0", None),  # ISO 5218 "not known": completed by the officer, not guessed
        ("9", None),  # ISO 5218 "not applicable"
        ("onbekend", None),
    ],
)
def test_sex_codes(value: str, code: str | None) -> None:
    assert code_of(load_programme_by_id(INGEZOOMD), "sex", value) == code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Loondienst", "employee"),
        ("Vast", "employee"),
        ("Tijdelijk", "employee"),
        ("Inhuur", "external"),
        ("Extern", "external"),
        ("ZZP", "external"),
        ("Uitzendkracht", "external"),
        ("Stagiair", "internship"),
        ("stage", "internship"),
        ("Trainee", None),  # a Dutch traineeship is usually employment: not guessed
        ("onbekend", None),
    ],
)
def test_employment_type_codes(value: str, code: str | None) -> None:
    assert code_of(load_programme_by_id(INGEZOOMD), "employment_type", value) == code


def test_algemeen_facts() -> None:
    p = load_programme_by_id(ALGEMEEN)
    assert (p.office, p.country, p.variant) == ("CBS", "NL", "algemeen")
    assert p.counting_unit == "job"
    assert not p.needs_employee_file
    assert not p.identification_keys
    assert not p.breakdowns
    assert [f.id for f in p.employee_fields] == [
        "loonheffingennummer",
        "personnel_number",
        "start_date",
        "end_date",
    ]
    lhn = p.employee_field("loonheffingennummer")
    assert lhn.type is FieldType.LOONHEFFINGENNUMMER
    assert lhn.required
    org = {f.id: f for f in p.organisation_fields}
    assert org["loonheffingennummers"].multiple
    checklist = {c.id for c in p.checklist}
    assert {"works-council-informed", "publication-with-name", "cbs-general-terms"} <= checklist
    assert "delivery-agreement" not in checklist  # only the zoomed-in variant
    assert p.output is not None
    assert [c.source for c in p.output.columns] == [
        FieldSource("loonheffingennummer"),
        CountSource(),
        PeildatumSource(),
    ]


def test_ksz_facts() -> None:
    p = load_programme_by_id(KSZ)
    assert (p.office, p.country) == ("KSZ", "BE")
    assert p.needs_employee_file
    assert [f.id for f in p.employee_fields] == [
        "insz",
        "personnel_number",
        "start_date",
        "end_date",
        "work_regime",
    ]
    insz = p.employee_field("insz")
    assert (insz.type, insz.role, insz.required) == (FieldType.INSZ, FieldRole.IDENTIFIER, True)
    assert {"INSZ", "Rijksregisternummer", "NISS", "Numéro de registre national"} <= set(
        insz.synonyms
    )
    assert [(k.id, k.fields) for k in p.identification_keys] == [("insz", ("insz",))]
    assert [b.id for b in p.breakdowns] == ["organisational_unit", "function_level"]
    assert p.thresholds.cell_threshold == 5
    assert p.thresholds.min_subgroup_size is None
    org = {f.id: f for f in p.organisation_fields}
    assert org["kbo_numbers"].type is FieldType.KBO
    assert org["kbo_numbers"].multiple
    assert {"name", "address", "contact_name", "signatory_name"} <= set(org)
    checklist = {c.id for c in p.checklist}
    assert {
        "purpose-proportionality",
        "staff-informed",
        "dpo-consulted",
        "data-in-categories",
    } <= checklist
    # the OpenPGP key is made or chosen at the request step (with its backup), after the
    # conditions: no condition asks for it before the assistant can make it
    assert "openpgp-key" not in checklist
    assert code_of(p, "work_regime", "Voltijds") == "full-time"
    assert code_of(p, "work_regime", "temps partiel") == "part-time"
    assert p.output is not None
    assert p.output.columns[0].source == FieldSource("insz")


def test_no_pins_are_invented() -> None:
    for programme in available_programmes():
        assert programme.recipient_certificate_sha256 is None
        assert programme.portal is None


# --------------------------------------------------------------------------------------------------
# the loader's refusals


def test_unknown_programme_lists_the_available_ones() -> None:
    with pytest.raises(ProfileError) as info:
        load_programme_by_id("cbs-barometer")
    for language in ("nl", "en"):
        text = info.value.render(language)
        assert "cbs-barometer" in text
        for programme_id in SHIPPED:
            assert programme_id in text


def test_a_path_is_not_a_programme_id() -> None:
    with pytest.raises(ProfileError):
        load_programme_by_id("../programmes/cbs-barometer-ingezoomd")


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nothing.toml"
    with pytest.raises(ProfileError) as info:
        load_programme(path)
    assert str(path) in info.value.render("nl")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / f"{INGEZOOMD}.toml"
    path.write_bytes(profile_text(INGEZOOMD).encode("cp1252"))
    with pytest.raises(ProfileError) as info:
        load_programme(path)
    assert "UTF-8" in info.value.render("nl")


def test_toml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    text = profile_text(INGEZOOMD)
    lines = text.splitlines()
    line = lines.index('version = "2026.1"') + 1
    path = tmp_path / f"{INGEZOOMD}.toml"
    path.write_text(text.replace('version = "2026.1"', 'version "2026.1"'), encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_programme(path)
    assert info.value.message.key == "profiles.syntax"
    assert info.value.message.params["line"] == line
    nl, en = info.value.render("nl"), info.value.render("en")
    assert str(path) in nl
    assert f"regel {line}, kolom 9" in nl
    assert str(path) in en
    assert f"line {line}, column 9" in en


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / f"{INGEZOOMD}.toml"
    path.write_text("\ufeff" + profile_text(INGEZOOMD), encoding="utf-8")
    assert load_programme(path) == load_programme_by_id(INGEZOOMD)


def replace(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert text.count(old) == count, f"{old!r} occurs {text.count(old)} times"
        return text.replace(old, new)

    return edit


def remove_line(line: str) -> Callable[[str], str]:
    return replace(line + "\n", "")


# (test id, programme, edit, key path, a piece of the nl problem, a piece of the en problem)
BROKEN: list[tuple[str, str, Callable[[str], str], str, str, str]] = [
    (
        "unknown-field-type",
        INGEZOOMD,
        replace('id = "birth_date"\ntype = "date"', 'id = "birth_date"\ntype = "datum"'),
        "employee_fields[1].type",
        '"datum" is hier niet toegestaan; kies uit: text, category, code',
        '"datum" is not allowed here; choose one of: text, category, code',
    ),
    (
        "unknown-role",
        INGEZOOMD,
        replace('type = "bsn"\nrole = "identifier"', 'type = "bsn"\nrole = "identifer"'),
        "employee_fields[0].role",
        '"identifer" is hier niet toegestaan',
        '"identifer" is not allowed here; choose one of: identifier, population',
    ),
    (
        "missing-required-key",
        INGEZOOMD,
        remove_line('version = "2026.1"'),
        "version",
        "verplichte sleutel ontbreekt",
        "required key is missing",
    ),
    (
        "missing-key-in-list-item",
        KSZ,
        replace('id = "work_regime"\ntype = "code"\n', 'id = "work_regime"\n'),
        "employee_fields[4].type",
        "verplichte sleutel ontbreekt",
        "required key is missing",
    ),
    (
        "wrong-type-integer",
        INGEZOOMD,
        replace("min_subgroup_size = 250", 'min_subgroup_size = "250"'),
        "thresholds.min_subgroup_size",
        "verwacht een geheel getal, maar gevonden een tekst",
        "expected a whole number, but found a text",
    ),
    (
        "wrong-type-boolean",
        KSZ,
        replace("needs_employee_file = true", 'needs_employee_file = "ja"'),
        "needs_employee_file",
        "verwacht true of false",
        "expected true or false, but found a text",
    ),
    (
        "text-instead-of-translations",
        ALGEMEEN,
        lambda text: re.sub(r"name\.nl = .*\nname\.en = .*\nname\.fr = .*\n", 'name = "X"\n', text),
        "name",
        "verwacht een tabel, maar gevonden een tekst",
        "expected a table, but found a text",
    ),
    (
        "unknown-top-level-key",
        INGEZOOMD,
        replace("needs_employee_file = true", "needs_employe_file = true"),
        "needs_employe_file",
        "onbekende sleutel; bedoelt u needs_employee_file?",
        "unknown key; did you mean needs_employee_file?",
    ),
    (
        "unknown-key-in-field",
        INGEZOOMD,
        replace('id = "postcode"\n', 'id = "postcode"\nrequried = true\n'),
        "employee_fields[3].requried",
        "bedoelt u required?",
        "did you mean required?",
    ),
    (
        "unknown-language",
        KSZ,
        replace('label.fr = "Régime de travail"', 'label.de = "Arbeitszeit"'),
        "employee_fields[4].label.de",
        "onbekende sleutel",
        "unknown key",
    ),
    (
        "missing-translation",
        INGEZOOMD,
        remove_line('label.fr = "Sexe"'),
        "employee_fields[2].label.fr",
        "de tekst voor taal fr ontbreekt",
        "the text for language fr is missing",
    ),
    (
        "missing-translation-checklist",
        KSZ,
        remove_line(
            'explanation.en = "The DPO assesses whether the request fits the GDPR: the purpose,'
            " the legal basis, minimal data and the retention period. Keep the advice with the"
            ' file."'
        ),
        "checklist[3].explanation.en",
        "de tekst voor taal en ontbreekt",
        "the text for language en is missing",
    ),
    (
        "empty-translation",
        ALGEMEEN,
        replace('label.en = "Name of the organisation"', 'label.en = " "'),
        "organisation_fields[0].label.en",
        "mag niet leeg zijn",
        "must not be empty",
    ),
    (
        "duplicate-checklist-id",
        INGEZOOMD,
        replace('id = "cbs-general-terms"', 'id = "works-council-informed"'),
        "checklist[1].id",
        '"works-council-informed" komt dubbel voor; het staat ook bij checklist[0].id',
        '"works-council-informed" occurs twice; it is also at checklist[0].id',
    ),
    (
        "duplicate-field-id",
        INGEZOOMD,
        replace('id = "fte"', 'id = "bsn"'),
        "employee_fields[10].id",
        "komt dubbel voor",
        '"bsn" occurs twice; it is also at employee_fields[0].id',
    ),
    (
        "duplicate-code",
        INGEZOOMD,
        replace('code = "X"', 'code = "V"'),
        "employee_fields[2].codes[2].code",
        "komt dubbel voor",
        '"V" occurs twice; it is also at employee_fields[2].codes[1].code',
    ),
    (
        "duplicate-breakdown-id",
        INGEZOOMD,
        replace('id = "location"', 'id = "age"'),
        "breakdowns[5].id",
        "komt dubbel voor",
        '"age" occurs twice; it is also at breakdowns[4].id',
    ),
    (
        "duplicate-code-synonym",
        INGEZOOMD,
        replace('    "x",\n', '    "x",\n    "Vrouw",\n'),
        "employee_fields[2].codes[2].synonyms[1]",
        'de schrijfwijze "Vrouw" staat bij zowel "V" als "X"',
        'the spelling "Vrouw" is given for both "V" and "X"',
    ),
    (
        "duplicate-header-synonym",
        INGEZOOMD,
        replace('    "Postcode",\n', '    "Postcode",\n    "Geb. datum",\n'),
        "employee_fields[3].synonyms[1]",
        'de schrijfwijze "Geb. datum" staat bij zowel "birth_date" als "postcode"',
        'the spelling "Geb. datum" is given for both "birth_date" and "postcode"',
    ),
    (
        "code-field-without-codes",
        INGEZOOMD,
        replace('id = "personnel_number"\ntype = "text"', 'id = "personnel_number"\ntype = "code"'),
        "employee_fields[9].codes",
        "een veld van type code heeft een lijst codes nodig",
        "a field of type code needs a list of codes",
    ),
    (
        "identification-key-unknown-field",
        INGEZOOMD,
        replace(
            'fields = ["birth_date", "sex", "postcode", "house_number"]',
            'fields = ["birth_date", "sex", "postcode", "huisnummer"]',
        ),
        "identification_keys[1].fields[3]",
        '"huisnummer" is geen werknemersveld van dit programma',
        '"huisnummer" is not an employee field of this programme. There are: bsn, birth_date',
    ),
    (
        "identification-key-without-fields",
        KSZ,
        replace('fields = ["insz"]', "fields = []"),
        "identification_keys[0].fields",
        "mag niet leeg zijn",
        "must not be empty",
    ),
    (
        "derived-from-unknown-field",
        INGEZOOMD,
        replace('derived_from = "start_date"', 'derived_from = "hire_date"'),
        "breakdowns[3].derived_from",
        '"hire_date" is geen werknemersveld',
        '"hire_date" is not an employee field',
    ),
    (
        "derived-from-not-a-date",
        INGEZOOMD,
        replace('derived_from = "birth_date"', 'derived_from = "sex"'),
        "breakdowns[5].derived_from",
        '"sex" is geen datumveld (het is van type code)',
        '"sex" is not a date field (it is of type code)',
    ),
    (
        "output-column-unknown-field",
        INGEZOOMD,
        replace('source = "field:postcode"', 'source = "field:zipcode"'),
        "output.columns[5].source",
        '"zipcode" is geen werknemersveld',
        '"zipcode" is not an employee field',
    ),
    (
        "output-column-internal-field",
        KSZ,
        replace('source = "field:work_regime"', 'source = "field:personnel_number"'),
        "output.columns[3].source",
        "is een intern veld",
        '"personnel_number" is an internal field and never leaves the machine',
    ),
    (
        "output-column-bad-source",
        INGEZOOMD,
        replace('source = "peildatum"', 'source = "peil"'),
        "output.columns[8].source",
        '"peil" is geen geldige bron',
        '"peil" is not a valid source',
    ),
    (
        "output-breakdown-beyond-maximum",
        INGEZOOMD,
        replace('source = "breakdown:7"', 'source = "breakdown:8"'),
        "output.columns[15].source",
        "breakdown:8 gaat voorbij het maximum aantal uitsplitsingen (7)",
        "breakdown:8 is beyond the maximum number of breakdowns (7)",
    ),
    (
        "output-part-of-a-non-date",
        INGEZOOMD,
        replace(
            'source = "field:sex"\nrequired = false',
            'source = "field:sex"\npart = "year"\nrequired = false',
        ),
        "output.columns[4].part",
        "part kan alleen bij een datum",
        "part only applies to a date",
    ),
    (
        "id-does-not-match-file-name",
        INGEZOOMD,
        replace('id = "cbs-barometer-ingezoomd"', 'id = "cbs-barometer"'),
        "id",
        'de id "cbs-barometer" past niet bij de bestandsnaam; de id moet cbs-barometer-ingezoomd',
        'the id "cbs-barometer" does not match the file name; it must be cbs-barometer-ingezoomd',
    ),
    (
        "bad-version",
        KSZ,
        replace('version = "2026.1"', 'version = "v1"'),
        "version",
        '"v1" heeft niet de verwachte vorm (bijvoorbeeld 2026.1)',
        '"v1" does not have the expected form (for example 2026.1)',
    ),
    (
        "negative-threshold",
        INGEZOOMD,
        replace("cell_threshold = 10", "cell_threshold = -1"),
        "thresholds.cell_threshold",
        "-1 is te klein; het minimum is 0",
        "-1 is too small; the minimum is 0",
    ),
    (
        "subgroup-size-zero",
        INGEZOOMD,
        replace("min_subgroup_size = 250", "min_subgroup_size = 0"),
        "thresholds.min_subgroup_size",
        "0 is te klein; het minimum is 1",
        "0 is too small; the minimum is 1",
    ),
    (
        "min-age-not-below-max-age",
        KSZ,
        replace("min_age = 15", "min_age = 100"),
        "thresholds.min_age",
        "min_age (100) moet kleiner zijn dan max_age (100)",
        "min_age (100) must be lower than max_age (100)",
    ),
    (
        "max-age-too-large",
        INGEZOOMD,
        replace("max_age = 100", "max_age = 1000"),
        "thresholds.max_age",
        "1000 is te groot; het maximum is 120",
        "1000 is too large; the maximum is 120",
    ),
    (
        "output-file-type",
        ALGEMEEN,
        replace('file_type = "csv"', 'file_type = "json"'),
        "output.file_type",
        '"json" is hier niet toegestaan; kies uit: csv, xlsx',
        '"json" is not allowed here; choose one of: csv, xlsx',
    ),
    (
        "delimiter-two-characters",
        INGEZOOMD,
        replace('delimiter = ";"', 'delimiter = ";;"'),
        "output.delimiter",
        'het scheidingsteken moet precies één teken zijn, niet ";;"',
        'the delimiter must be exactly one character, not ";;"',
    ),
    (
        "decimal-equals-delimiter",
        KSZ,
        replace('decimal = ","', 'decimal = ";"'),
        "output.decimal",
        "komt dubbel voor; het staat ook bij output.delimiter",
        '";" occurs twice; it is also at output.delimiter',
    ),
    (
        "unknown-encoding",
        INGEZOOMD,
        replace('encoding = "utf-8"', 'encoding = "utf-9"'),
        "output.encoding",
        '"utf-9" is geen bekende tekencodering',
        '"utf-9" is not a known text encoding',
    ),
    (
        "unknown-file-name-placeholder",
        KSZ,
        replace("{organisation}_{peildatum}", "{organization}_{peildatum}"),
        "output.file_name",
        "de bestandsnaam gebruikt {organization}",
        "the file name uses {organization}; allowed are: {organisation}, {peildatum}",
    ),
    (
        "bad-certificate-pin",
        INGEZOOMD,
        replace(
            "max_breakdowns = 7\n", 'max_breakdowns = 7\nrecipient_certificate_sha256 = "ab:cd"\n'
        ),
        "recipient_certificate_sha256",
        'een SHA-256-vingerafdruk bestaat uit 64 hexadecimale tekens, niet "ab:cd"',
        'a SHA-256 fingerprint is 64 hexadecimal characters, not "ab:cd"',
    ),
    (
        "portal-over-plain-http",
        KSZ,
        lambda text: text + '\n[portal]\nprotocol = "tus"\nurl = "http://upload.example.org/"\n',
        "portal.url",
        'het adres "http://upload.example.org/" moet beginnen met https://',
        'the address "http://upload.example.org/" must start with https://',
    ),
    (
        "missing-flow",
        INGEZOOMD,
        remove_line('flow = "cbs"'),
        "flow",
        "deze verplichte sleutel ontbreekt; kies uit: cbs, ksz",
        "this required key is missing; choose one of: cbs, ksz",
    ),
    (
        "unknown-flow",
        ALGEMEEN,
        replace('flow = "cbs"', 'flow = "barometer"'),
        "flow",
        '"barometer" is hier niet toegestaan; kies uit: cbs, ksz',
        '"barometer" is not allowed here; choose one of: cbs, ksz',
    ),
    (
        "flow-not-a-text",
        KSZ,
        replace('flow = "ksz"', "flow = true"),
        "flow",
        "verwacht een tekst, maar gevonden",
        "expected a text, but found true or false",
    ),
    (
        "crossing-on-the-cbs-route",
        KSZ,
        replace('flow = "ksz"', 'flow = "cbs"'),
        "crossing",
        "een sectie [crossing] hoort alleen bij de route ksz, niet bij cbs",
        'a [crossing] section belongs to the ksz route only, not to cbs; set flow = "ksz"',
    ),
    (
        "ksz-route-without-crossing",
        KSZ,
        lambda text: text[: text.index("\n[crossing]\n")] + "\n",
        "crossing",
        "de route ksz heeft de referentiecijfers van een sectie [crossing] nodig",
        "the ksz route needs the reference figures of a [crossing] section",
    ),
    (
        "unknown-key-in-output-column",
        INGEZOOMD,
        replace('source = "peildatum"', 'source = "peildatum"\nsoruce = "count"'),
        "output.columns[8].soruce",
        "onbekende sleutel; bedoelt u source?",
        "unknown key; did you mean source? Allowed here: name, source, part, format, required",
    ),
    (
        "wrong-type-in-crossing",
        KSZ,
        replace("edges = [20, 25, 30, 35, 40, 45, 50, 55, 60, 65]", 'edges = "20-65"'),
        "crossing.age.edges",
        "verwacht een lijst, maar gevonden een tekst",
        "expected a list, but found a text",
    ),
    (
        "list-of-tables-expected",
        KSZ,
        lambda text: re.sub(
            r"\[\[population_options\]\].*?\n\n", "", text, flags=re.DOTALL
        ).replace("max_breakdowns = 2\n", 'max_breakdowns = 2\npopulation_options = ["leavers"]\n'),
        "population_options[0]",
        "verwacht een lijst van tabellen",
        "expected a list of tables ([[...]]), but found a text",
    ),
    # -- [delivery]: what the office accepts ------------------------------------------------
    (
        "delivery-missing",
        ALGEMEEN,
        lambda text: re.sub(r"\[delivery\].*?\n\n", "", text, flags=re.DOTALL),
        "delivery",
        "ontbreekt",
        "is missing",
    ),
    (
        "delivery-default-not-listed",
        KSZ,
        replace('default_protection = "openpgp"', 'default_protection = "cms"'),
        "delivery.default_protection",
        "staat niet in protections",
        "is not in protections",
    ),
    (
        "delivery-unknown-channel",
        KSZ,
        replace('channels = ["hand-over", "sftp"]', 'channels = ["hand-over", "email"]'),
        "delivery.channels[1]",
        "email",
        "email",
    ),
    (
        "delivery-manifest-in-none",
        INGEZOOMD,
        replace('manifest_in = ["cms"]', 'manifest_in = ["none"]'),
        "delivery.manifest_in",
        'niet in "none"',
        'not inside "none"',
    ),
    (
        "delivery-portal-url-not-https",
        INGEZOOMD,
        replace(
            'default_protection = "none"',
            'default_protection = "none"\nweb_portal_url = "http://portal.example"',
        ),
        "delivery.web_portal_url",
        "moet beginnen met https://",
        "must start with https://",
    ),
    (
        "delivery-openpgp-pin-malformed",
        KSZ,
        replace(
            'default_protection = "openpgp"',
            'default_protection = "openpgp"\nrecipient_openpgp_fingerprint = "ABCD"',
        ),
        "delivery.recipient_openpgp_fingerprint",
        "40 hexadecimale tekens",
        "40 hexadecimal characters",
    ),
    (
        "delivery-channel-repeated",
        KSZ,
        replace('channels = ["hand-over", "sftp"]', 'channels = ["hand-over", "sftp", "sftp"]'),
        "delivery.channels",
        "meer dan eens",
        "more than once",
    ),
    (
        "office-steps-without-delivery",
        INGEZOOMD,
        replace('closes = "confirmation"\ndelivery = true\n', 'closes = "confirmation"\n'),
        "office_steps",
        "precies één stap moet delivery = true hebben",
        "exactly one step must have delivery = true",
    ),
    (
        "office-step-unknown-actor",
        KSZ,
        replace('id = "assessment"\nactor = "office"', 'id = "assessment"\nactor = "unia"'),
        "office_steps[4].actor",
        "unia",
        "unia",
    ),
    (
        "results-fetch-channel-unknown",
        KSZ,
        replace('fetch_channels = ["sftp"]', 'fetch_channels = ["ftp"]'),
        "results.fetch_channels[0]",
        '"ftp" is hier niet toegestaan; kies uit: sftp',
        '"ftp" is not allowed here; choose one of: sftp',
    ),
    (
        "portal-protocol-not-a-channel",
        KSZ,
        replace("[thresholds]", '[portal]\nprotocol = "tus"\n\n[thresholds]'),
        "portal.protocol",
        "niet bij de kanalen",
        "not among the channels",
    ),
]


@pytest.mark.parametrize(
    ("programme_id", "edit", "key_path", "nl_problem", "en_problem"),
    [pytest.param(*case[1:], id=case[0]) for case in BROKEN],
)
def test_broken_profile_is_refused(
    tmp_path: Path,
    programme_id: str,
    edit: Callable[[str], str],
    key_path: str,
    nl_problem: str,
    en_problem: str,
) -> None:
    path = tmp_path / f"{programme_id}.toml"
    path.write_text(edit(profile_text(programme_id)), encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_programme(path)
    error = info.value
    assert error.message.key == "profiles.invalid"
    assert error.message.params["key_path"] == key_path
    nl, en = error.render("nl"), error.render("en")
    assert nl.startswith(f"Het programmaprofiel {path} is ongeldig bij {key_path}: "), nl
    assert nl_problem in nl
    assert en.startswith(f"The programme profile {path} is invalid at {key_path}: "), en
    assert en_problem in en
    assert str(path) in error.render("fr")


def test_id_must_match_the_file_name_it_is_stored_under(tmp_path: Path) -> None:
    path = tmp_path / "barometer.toml"
    path.write_text(profile_text(INGEZOOMD), encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_programme(path)
    assert info.value.message.params["key_path"] == "id"
    assert "it must be barometer" in info.value.render("en")


def test_the_corpus_is_large_enough() -> None:
    assert len(BROKEN) >= 12
    assert len({case[0] for case in BROKEN}) == len(BROKEN)


PROFILE_MODULES = sorted(Path(reader_module.__file__).parent.glob("*.py"))


def test_every_message_the_loader_uses_exists() -> None:
    source = "\n".join(path.read_text(encoding="utf-8") for path in PROFILE_MODULES)
    problems = set(re.findall(r'\.fail\(\s*[^,()]+(?:\([^()]*\))?,\s*"([a-z0-9-]+)"', source))
    assert len(problems) > 20
    keys = {f"profiles.problem.{problem}" for problem in problems}
    keys |= set(re.findall(r'"(profiles\.[a-z0-9.-]+)"', source))
    keys |= {f"profiles.type.{name}" for _, name in reader_module.TYPE_NAMES}
    keys |= {f"profiles.type.{name}" for name in reader_module.EXPECTED_NAMES}
    keys |= {f"profiles.type.{name}" for name in re.findall(r'wrong\([^()]*"([a-z-]+)"\)', source)}
    missing = sorted(k for k in keys if k not in catalogue() and not k.endswith("."))
    assert not missing


# --------------------------------------------------------------------------------------------------
# the route, and the keys declared once (in the dataclasses of model.py)


def test_each_profile_declares_its_route() -> None:
    routes = {p.id: p.flow for p in available_programmes()}
    assert routes == {ALGEMEEN: Flow.CBS, INGEZOOMD: Flow.CBS, KSZ: Flow.KSZ}
    for programme in available_programmes():
        assert (programme.crossing is not None) == (programme.flow is Flow.KSZ)


def test_the_allowed_keys_are_the_dataclass_fields() -> None:
    import desktop_app.profiles.model as model

    for cls in (
        model.Programme,
        model.ChecklistItem,
        model.OrganisationField,
        model.EmployeeField,
        model.CodeValue,
        model.IdentificationKey,
        model.Breakdown,
        model.Thresholds,
        model.PopulationOption,
        model.OutputFormat,
        model.OutputColumn,
        model.Portal,
        model.CrossingSettings,
        model.CharacteristicScheme,
        model.ReferenceGroup,
        model.AgeReference,
    ):
        names = tuple(f.name for f in dataclasses.fields(cls) if f.name != "source_path")
        assert reader_module.allowed_keys(cls) == names, cls
    top = reader_module.allowed_keys(model.Programme)
    assert "flow" in top
    assert "source_path" not in top  # set by the loader, never by a profile


@dataclasses.dataclass(frozen=True)
class _Settings:
    """A section the reader has never seen: it reads it from its fields alone."""

    id: str
    size: int
    route: Flow
    label: LocalizedText
    spellings: tuple[str, ...] = ()
    note: str | None = None
    strict: bool = False


def _read(tmp_path: Path, data: dict[str, object], cls: type = _Settings) -> object:
    ctx = reader_module.Context(tmp_path / "made-up.toml")
    return reader_module.Reader(ctx).read(data, "settings", cls)


LABEL = {"nl": "Label", "en": "Label", "fr": "Libellé"}


def test_a_new_dataclass_field_is_a_new_key_without_touching_the_reader(tmp_path: Path) -> None:
    data = {"id": "x", "size": 3, "route": "ksz", "label": LABEL, "spellings": ["X", "Ex"]}
    settings = _read(tmp_path, data)
    assert settings == _Settings(
        id="x", size=3, route=Flow.KSZ, label=LocalizedText(LABEL), spellings=("X", "Ex")
    )
    with pytest.raises(ProfileError) as info:
        _read(tmp_path, {**data, "colour": "red"})
    assert info.value.message.params["key_path"] == "settings.colour"

    # add a field: the same table with the new key is accepted, no reader change needed
    @dataclasses.dataclass(frozen=True)
    class _Wider(_Settings):
        colour: str = "blue"

    assert _read(tmp_path, {**data, "colour": "red"}, _Wider).colour == "red"
    assert _read(tmp_path, data, _Wider).colour == "blue"
    assert reader_module.allowed_keys(_Wider)[-1] == "colour"


@pytest.mark.parametrize(
    ("change", "key_path", "problem", "en"),
    [
        ({"sise": 3}, "settings.sise", "unknown-key-suggestion", "unknown key; did you mean size?"),
        ({"size": "3"}, "settings.size", "wrong-type", "expected a whole number, but found a text"),
        ({"size": None}, "settings.size", "missing-key", "this required key is missing."),
        ({"route": None}, "settings.route", "missing-key-choice", "choose one of: cbs, ksz"),
        ({"strict": 1}, "settings.strict", "wrong-type", "expected true or false"),
        ({"spellings": ["X", 2]}, "settings.spellings[1]", "wrong-type", "but found a whole"),
        ({"label": {"nl": "L", "en": "L"}}, "settings.label.fr", "missing-translation", "fr"),
        ({"note": " "}, "settings.note", "empty", "must not be empty"),
    ],
)
def test_the_reader_refuses_with_the_key_and_the_file(
    tmp_path: Path, change: dict[str, object], key_path: str, problem: str, en: str
) -> None:
    data: dict[str, object] = {"id": "x", "size": 3, "route": "cbs", "label": LABEL}
    data.update(change)
    data = {k: v for k, v in data.items() if v is not None}
    with pytest.raises(ProfileError) as info:
        _read(tmp_path, data)
    error = info.value
    assert error.message.params["key_path"] == key_path
    assert error.message.params["problem"].key == f"profiles.problem.{problem}"
    text = error.render("en")
    assert str(tmp_path / "made-up.toml") in text
    assert en in text


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("field:bsn", FieldSource("bsn")),
        ("breakdown:2", BreakdownSource(2)),
        ("organisation:name", OrganisationSource("name")),
        ("constant:2026", ConstantSource("2026")),
        ("constant:", ConstantSource("")),
        ("constant:a:b", ConstantSource("a:b")),
        ("peildatum", PeildatumSource()),
        ("count", CountSource()),
    ],
)
def test_an_output_source_is_read_once_into_a_typed_value(text: str, source: object) -> None:
    assert parse_output_source(text) == source
    assert str(source) == text  # what the profile wrote, for messages


@pytest.mark.parametrize(
    "text",
    ["", "peil", "field:", "organisation:", "breakdown:", "breakdown:0", "breakdown:x", "count:1"],
)
def test_a_source_that_names_nothing_is_none(text: str) -> None:
    assert parse_output_source(text) is None


def test_each_profile_lists_the_offices_steps_with_one_delivery() -> None:
    """The office's procedure (CBS's nine steps, KSZ's four and what follows): what the journey
    tracks and what the wizard's ending calls "what happens next"."""
    expected_next = {
        INGEZOOMD: ["linking", "tables-delivered", "publication"],
        ALGEMEEN: [
            "project-proposal",
            "portal-login",
            "linking",
            "tables-delivered",
            "publication",
        ],
        KSZ: ["tables-returned", "analysis"],
    }
    for programme_id, after in expected_next.items():
        programme = load_programme_by_id(programme_id)
        assert sum(step.delivery for step in programme.office_steps) == 1
        assert [step.id for step in programme.steps_after_delivery()] == after
    assert len(load_programme_by_id(INGEZOOMD).office_steps) == 9  # the seed's nine steps
