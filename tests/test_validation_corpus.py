"""A corpus of bad HR files: each case spoils a clean six-person file (Excel rows 2-7) in one way and
says which finding the officer must see: code, severity, rows, and a fragment of the message in
Dutch and English. Plus the promise that no message ever shows a full identifier."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from desktop_app.messages import LANGUAGES, catalogue, template_fields
from desktop_app.validation import Severity
from tests.validation_helpers import BSNS, HEADERS, person, render_all, run

E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Case:
    id: str
    rows: list[list[str]]
    code: str
    severity: Severity
    at: tuple[int, ...]  # Excel rows
    nl: str
    en: str
    population: dict[str, bool] = field(default_factory=dict)
    column: str | None = None


def clean(**changes_by_index: dict[str, str]) -> list[list[str]]:
    """Six clean persons; ``p3={"bsn": "..."}`` changes person 3 (Excel row 5)."""
    return [person(i, **changes_by_index.get(f"p{i}", {})) for i in range(6)]


def with_rows(rows: list[list[str]], at: int, extra: list[str]) -> list[list[str]]:
    return [*rows[:at], extra, *rows[at:]]


BLANK = [""] * len(HEADERS)
TOTAL = ["", "", "", "", "", "", "", "", "", "", "", "Totaal"]

CASES = [
    Case(
        "bsn-eleven-test",
        clean(p3={"bsn": "123456789"}),
        "invalid-identifier",
        E,
        (5,),
        "elfproef",
        "eleven-test",
        column="B",
    ),
    Case(
        "bsn-too-short",
        clean(p1={"bsn": "12345"}),
        "invalid-identifier",
        E,
        (3,),
        "verkeerd aantal cijfers",
        "wrong number of digits",
        column="B",
    ),
    Case(
        "bsn-with-letters",
        clean(p2={"bsn": "12345678A"}),
        "invalid-identifier",
        E,
        (4,),
        "geen geldig BSN",
        "no valid BSN",
        column="B",
    ),
    Case(
        "birth-date-31-february",
        clean(p4={"birth_date": "31-02-1980"}),
        "invalid-date",
        W,  # the BSN key is in use: this column is not sent (validation/local.py)
        (6,),
        "niet bestaat",
        "does not exist",
        column="C",
    ),
    Case(
        "start-date-two-digit-year",
        clean(p0={"start_date": "01-03-10"}),
        "invalid-date",
        E,
        (2,),
        "jaartal van 2 cijfers",
        "two-digit year",
        column="H",
    ),
    Case(
        "start-date-words",
        clean(p5={"start_date": "maart 2010"}),
        "invalid-date",
        E,
        (7,),
        "geen leesbare datum",
        "no readable date",
        column="H",
    ),
    Case(
        "postcode-five-digits",
        clean(p1={"postcode": "12345"}),
        "invalid-value",
        W,  # the BSN key is in use: this column is not sent (validation/local.py)
        (3,),
        "geen Nederlandse postcode",
        "no Dutch postcode",
        column="E",
    ),
    Case(
        "postcode-without-letters",
        clean(p1={"postcode": "1234"}),
        "invalid-value",
        W,  # the BSN key is in use: this column is not sent (validation/local.py)
        (3,),
        "mist de postcode de 2 letters",
        "lacks its 2 letters",
        column="E",
    ),
    Case(
        "postcode-ss",
        clean(p2={"postcode": "1234 SS"}),
        "invalid-value",
        W,  # the BSN key is in use: this column is not sent (validation/local.py)
        (4,),
        "SA, SD of SS",
        "SA, SD or SS",
        column="E",
    ),
    Case(
        "house-number-with-letter",
        clean(p3={"house_number": "12a"}),
        "invalid-value",
        W,  # the BSN key is in use: this column is not sent (validation/local.py)
        (5,),
        "huisnummertoevoeging",
        "house-number suffix field",
        column="F",
    ),
    Case(
        "house-number-zero",
        clean(p3={"house_number": "0"}),
        "invalid-value",
        W,  # the BSN key is in use: this column is not sent (validation/local.py)
        (5,),
        "huisnummer 0",
        "house number 0",
        column="F",
    ),
    Case(
        "suffix-too-long",
        clean(p4={"house_number_suffix": "-2 hoog"}),
        "invalid-value",
        W,  # the BSN key is in use: this column is not sent (validation/local.py)
        (6,),
        "te lang",
        "too long",
        column="G",
    ),
    Case(
        "fte-with-unit",
        clean(p0={"fte": "0,8 fte"}),
        "invalid-value",
        E,
        (2,),
        "geen getal",
        "no number",
        column="K",
    ),
    Case(
        "sex-unknown-word",
        clean(p1={"sex": "onzijdig"}, p4={"sex": "onzijdig"}),
        "unknown-code",
        W,  # the BSN key is in use: this column is not sent (validation/local.py)
        (3, 6),
        "‘onzijdig’",
        "Allowed codes: M (Male), V (Female), X",
        column="D",
    ),
    Case(
        "start-date-empty",
        clean(p2={"start_date": ""}),
        "missing-value",
        E,
        (4,),
        "verplicht",
        "required",
        column="H",
    ),
    Case(
        "bsn-empty",
        clean(p5={"bsn": ""}),
        "missing-value",
        E,
        (7,),
        "identificatiesleutel",
        "identification key",
        column="B",
    ),
    Case(
        "department-empty",
        clean(p0={"breakdown": ""}),
        "missing-value",
        W,
        (2,),
        "‘onbekend’",
        "counted as unknown",
        column="L",
    ),
    Case(
        "age-120",
        clean(p2={"birth_date": "1904-05-01"}),
        "implausible-date",
        W,
        (4,),
        "boven 100 jaar",
        "over 100",
        column="C",
    ),
    Case(
        "born-after-start",
        clean(p1={"birth_date": "1990-01-01", "start_date": "1985-01-01"}),
        "implausible-date",
        W,  # the BSN key is in use: this column is not sent (validation/local.py)
        (3,),
        "Eén van beide data klopt niet",
        "One of the two dates",
        column="C",
    ),
    Case(
        "start-after-end-of-a-leaver",
        clean(p1={"start_date": "2020-01-01", "end_date": "2019-01-01"}),
        "implausible-date",
        E,
        (3,),
        "Datum in dienst",
        "is after",
        column="H",
    ),
    Case(
        "same-bsn-twice",
        clean(p4={"bsn": BSNS[1]}),
        "duplicate-person",
        E,
        (3, 6),
        "komt voor in rijen 3, 6",
        "appears in rows 3, 6",
        column="B",
    ),
    Case(
        "total-row",
        with_rows(clean(), 6, TOTAL),
        "total-row",
        W,
        (8,),
        "Totaalregel gevonden",  # one row: the singular form
        "Total row found",
    ),
    Case(
        "blank-row-in-between",
        with_rows(clean(), 3, BLANK),
        "blank-row",
        W,
        (5,),
        "Lege rij tussen",  # one row: the singular form
        "An empty row",
    ),
    Case(
        "leaver",
        clean(p5={"end_date": "2024-06-30"}),
        "outside-population",
        W,
        (7,),
        "uit dienst",
        "left before",
        column="I",
    ),
    Case(
        "not-started-yet",
        clean(p5={"start_date": "2025-02-01"}),
        "outside-population",
        W,
        (7,),
        "pas na de peildatum",
        "started after",
        column="H",
    ),
    Case(
        "external",
        clean(p0={"employment_type": "inhuur"}),
        "outside-population",
        W,
        (2,),
        "externe",
        "external",
        column="J",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_officer_sees_the_right_finding(case: Case):
    result = run(case.rows, population=case.population)
    matching = [f for f in result.findings if str(f.code) == case.code and f.rows == case.at]
    assert matching, [(str(f.code), f.rows, f.render("en")) for f in result.findings]
    finding = matching[0]
    assert finding.severity is case.severity
    if case.column is not None:
        assert finding.column == case.column
    texts = render_all(finding)
    assert case.nl in texts["nl"], texts["nl"]
    assert case.en in texts["en"], texts["en"]
    assert texts["fr"]
    # at most three example rows in any message
    assert len(re.findall(r"\brij \d+", texts["nl"])) <= 3


def test_a_clean_file_has_no_findings_and_everyone_is_included():
    result = run(clean())
    assert result.findings == ()
    assert result.included.tolist() == [True] * 6
    assert result.identification_key == "bsn"


def test_no_case_gives_findings_about_other_rows_than_the_spoiled_ones():
    """A corpus case spoils only its own rows: nothing about the clean rows may appear."""
    for case in CASES:
        result = run(case.rows, population=case.population)
        for finding in result.findings:
            assert set(finding.rows) <= set(case.at), (case.id, finding.render("en"))


# --- identifiers never in full ----------------------------------------------------------------

LEAKY_BSNS = ["111222333", "987654329", "100000009", "123456782", "012345672"]


def _leaky_rows() -> list[list[str]]:
    rows = clean()
    rows[0] = person(0, bsn="111222333", sex="111222333")  # BSN typed in the sex column
    rows[1] = person(1, bsn="111222333")  # duplicate
    rows[2] = person(2, bsn="987654320", postcode="987654329")  # wrong BSN; BSN as postcode
    rows[3] = person(3, bsn="1000.000.09", birth_date="100000009")  # BSN in the date column
    rows[4] = person(4, bsn="12345672", house_number="123456782")  # BSN as house number
    rows[5] = person(5, bsn="12345672", fte="12345672", house_number_suffix="12345672")
    return rows


def test_no_message_in_any_language_contains_a_full_identifier():
    result = run(_leaky_rows())
    assert len(result.findings) >= 6
    secrets = set(LEAKY_BSNS) | {"987654320", "12345672", "1000.000.09"}
    secrets |= {f"P{1000 + i}" for i in range(6)}
    for finding in result.findings:
        for language, text in render_all(finding).items():
            for secret in secrets:
                assert secret not in text, (language, secret, text)
                digits_only = re.sub(r"\D", "", text)
                assert secret not in digits_only or len(re.sub(r"\D", "", secret)) < 7, (
                    language,
                    secret,
                    text,
                )


def test_identifier_findings_show_the_masked_number():
    result = run(clean(p3={"bsn": "123456789"}))
    (finding,) = result.findings
    assert "******789" in finding.render("nl")
    assert "******789" in finding.render("fr")


# --- the catalogue ----------------------------------------------------------------------------


def test_every_validation_message_has_dutch_english_and_french_with_the_same_fields():
    keys = [k for k in catalogue() if k.startswith("validation.")]
    assert len(keys) > 50
    for key in keys:
        texts = catalogue()[key]
        assert set(texts) == set(LANGUAGES), key
        fields = {language: template_fields(texts[language]) for language in LANGUAGES}
        assert fields["nl"] == fields["en"] == fields["fr"], key


def test_every_finding_of_the_corpus_renders_in_every_language():
    for case in CASES:
        for finding in run(case.rows, population=case.population).findings:
            for text in render_all(finding).values():
                assert "{" not in text
                assert text.strip()


def test_allowed_codes_name_what_each_code_means_in_the_reader_s_language():
    """An officer reads 'part-time (Temps partiel)', not a bare English code (KSZ's work regime),
    and a code whose label says nothing more stays alone (CBS's 'X')."""
    from desktop_app.messages import render_value
    from desktop_app.profiles import load_programme_by_id
    from desktop_app.validation.checks import _code_with_label

    ksz = load_programme_by_id("ksz-diversiteit")
    (regime,) = [f for f in ksz.employee_fields if any(c.code == "part-time" for c in f.codes)]
    texts = [_code_with_label(c) for c in regime.codes]
    assert "part-time (" in render_value(texts, "fr")
    assert render_value(texts, "fr") != render_value(texts, "nl")
    cbs = load_programme_by_id("cbs-barometer-ingezoomd")
    (sex,) = [f for f in cbs.employee_fields if f.id == "sex"]
    assert render_value([_code_with_label(c) for c in sex.codes], "en") == (
        "M (Male), V (Female), X (other / not specified)"
    )
