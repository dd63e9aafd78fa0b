"""The KSZ request document: both languages carry every decision, motivation and category
definition; empty or boilerplate-only motivations and bad KBO numbers are refused."""

from __future__ import annotations

import dataclasses
import io
import zipfile

import pytest

from desktop_app.categories import AGE_BANDS
from desktop_app.ksz.request import (
    EXAMPLES,
    KszRequest,
    Motivation,
    Organisation,
    RequestError,
    check_request,
    render_html,
    render_odt,
)
from desktop_app.profiles import load_programme_by_id

KSZ = load_programme_by_id("ksz-diversiteit")
FPR = "623C351510F02366EF0527B3FB78675627371D57"

MOTIVATION = Motivation(
    purpose="Nulmeting van de samenstelling van ons personeel per directie, als basis voor het "
    "actieplan 2026-2028 van Stad Voorbeeld.",
    legal_basis="Decreet van 7 december 2018 betreffende het gelijkekansen- en diversiteitsbeleid, "
    "artikel 6.",
    proportionality="Alleen geaggregeerde aantallen in brede categorieën; geen individuele gegevens "
    "komen terug naar de organisatie.",
    plan_action="Actie 2.3 van het diversiteitsplan: streefcijfers per functieniveau bepalen en "
    "jaarlijks opvolgen.",
)


def request(**changes: object) -> KszRequest:
    base = KszRequest(
        organisation=Organisation(
            name="Stad Voorbeeld",
            address="Markt 1, 9000 Gent",
            kbo_numbers=("0207.451.227",),
            contact_name="An Peeters",
            contact_email="an.peeters@voorbeeld.be",
            contact_phone="+32 9 123 45 67",
            signatory_name="Jan Janssens",
            signatory_function="Algemeen directeur",
        ),
        reference_year=2025,
        characteristics=("origin-ksz", "sex"),
        motivation=MOTIVATION,
        openpgp_fingerprint=FPR,
        age_bands=AGE_BANDS,
        own_categories={"organisational_unit": ("Financiën", "ICT", "Overige diensten")},
        definitions={"Personeel": "Statutair en contractueel personeel op 31 december."},
    )
    return dataclasses.replace(base, **changes)


def test_a_complete_request_has_no_problems() -> None:
    assert check_request(request(), KSZ) == []


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_both_languages_carry_every_decision_motivation_and_definition(language: str) -> None:
    text = render_html(request(), KSZ, language)
    for value in (
        "2025", "Stad Voorbeeld", "0207451227", "An Peeters", "Jan Janssens", FPR,
        MOTIVATION.purpose, MOTIVATION.legal_basis, MOTIVATION.proportionality,
        MOTIVATION.plan_action, "Financiën", "Overige diensten", "25-34", "55+",
        "Statutair en contractueel personeel op 31 december.",
    ):  # fmt: skip
        assert value.replace("'", "&#x27;") in text, value
    for scheme_id in ("origin-ksz", "sex"):
        scheme = KSZ.crossing.scheme(scheme_id)
        assert scheme.definition.get(language).replace("'", "&#x27;") in text
        for group in scheme.groups:
            assert group.label.get(language).replace("'", "&#x27;") in text
    assert KSZ.crossing.age.definition.get(language).replace("'", "&#x27;") in text
    title = {"nl": "Aanvraag van administratieve gegevens", "fr": "Demande de données"}[language]
    assert title in text


def test_odt_is_an_editable_document_with_the_same_content() -> None:
    data = render_odt(request(), KSZ, "fr")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        content = archive.read("content.xml").decode()
    for value in (MOTIVATION.purpose, FPR, "Origine belge", "Année de référence"):
        assert value in content.replace("&apos;", "'")


def test_pdf_through_qt(qapp) -> None:
    from desktop_app.render import html_to_pdf

    pdf = html_to_pdf(render_html(request(), KSZ, "nl"), "KSZ")
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 2000


@pytest.mark.parametrize(
    ("field", "value", "key"),
    [
        ("purpose", "", "ksz.request.empty"),
        ("purpose", "   ", "ksz.request.empty"),
        ("purpose", EXAMPLES["purpose"][0], "ksz.request.boilerplate"),
        ("purpose", EXAMPLES["purpose"][1], "ksz.request.boilerplate"),
        ("purpose", EXAMPLES["purpose"][0] + " Ook voor ICT.", "ksz.request.boilerplate"),
        ("plan_action", EXAMPLES["plan_action"][0], "ksz.request.boilerplate"),
        ("legal_basis", "Wet.", "ksz.request.boilerplate"),
        ("proportionality", "zie hoger", "ksz.request.boilerplate"),
    ],
)
def test_empty_or_boilerplate_motivation_is_refused(field: str, value: str, key: str) -> None:
    bad = request(motivation=dataclasses.replace(MOTIVATION, **{field: value}))
    problems = check_request(bad, KSZ)
    assert [p.key for p in problems] == [key]
    with pytest.raises(RequestError) as caught:
        render_html(bad, KSZ, "nl")
    assert caught.value.message.key == "ksz.request.refused"
    for language in ("nl", "en", "fr"):
        assert caught.value.render(language)


def test_example_plus_enough_own_text_is_accepted() -> None:
    own = EXAMPLES["purpose"][0] + " Wij meten per directie en functieniveau, elk jaar opnieuw."
    assert (
        check_request(request(motivation=dataclasses.replace(MOTIVATION, purpose=own)), KSZ) == []
    )


def test_bad_kbo_and_missing_fingerprint_are_refused() -> None:
    org = dataclasses.replace(request().organisation, kbo_numbers=("0207.451.228", "0207451227"))
    problems = check_request(request(organisation=org, openpgp_fingerprint="ABCD"), KSZ)
    keys = [p.key for p in problems]
    assert keys == ["ksz.request.bad-kbo", "ksz.request.bad-fingerprint"]
    assert problems[0].params["value"] == "0207.451.228"
