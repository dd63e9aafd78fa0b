"""The KSZ choices in the core: today's draft section read and written unchanged, defaults where
nothing was chosen, proposals applied to the draft and undone, and age edges judged as typed."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.categories.derived import EdgesError, parse_edges
from desktop_app.draft import CategoryChoices, Draft, load_draft, save_draft
from desktop_app.ksz.choices import (
    DEFAULT_CHARACTERISTICS,
    KszChoices,
    format_definitions,
    parse_definitions,
    read_choices,
    update_choices,
)
from desktop_app.ksz.crossing import Crossing, propose
from desktop_app.ksz.merges import apply_to_draft, compose_merges, read_merges, restore
from desktop_app.ksz.request import Motivation
from desktop_app.ksz.steps import crossings, edges_problem, staff_from_count
from desktop_app.profiles import load_programme_by_id

KSZ = load_programme_by_id("ksz-diversiteit")

SECTION = {
    "characteristics": ["origin", "sex"],
    "origin_scheme": "origin-statbel",
    "age_edges": [35, 55],
    "reference_year": 2025,
    "definitions": {"Personeel": "statutair en contractueel personeel op 31 december"},
    "motivation": {
        "purpose": "Nulmeting",
        "legal_basis": "Decreet",
        "proportionality": "Alleen categorieën",
        "plan_action": "Actie 2.3",
    },
    "staff_count": 436,
    "public_key_file": "/tmp/kleopatra.asc",
    "documents": ["/tmp/ksz-aanvraag-stad-voorbeeld-2025-nl.pdf"],
}


def test_todays_draft_section_reads_and_writes_unchanged(tmp_path) -> None:
    choices = KszChoices.from_json(SECTION)
    assert choices.to_json() == SECTION
    assert choices.requested() == ("origin", "sex")
    assert choices.schemes(KSZ) == ("origin-statbel", "sex")
    assert choices.age_bands(KSZ) is None  # age not requested
    assert choices.full_motivation().plan_action == "Actie 2.3"
    # through a saved draft file, as the wizard writes it
    draft = Draft(
        programme_id=KSZ.id, categories=CategoryChoices(ksz=json.loads(json.dumps(SECTION)))
    )
    save_draft(draft, tmp_path / "d.json")
    again = read_choices(load_draft(tmp_path / "d.json"))
    assert again == choices


def test_nothing_chosen_reads_as_the_defaults() -> None:
    choices = read_choices(Draft())
    assert choices == KszChoices()
    assert choices.to_json() == {}
    assert choices.requested() == DEFAULT_CHARACTERISTICS
    assert choices.origin(KSZ) == "origin-ksz"
    assert choices.edges(KSZ) == tuple(KSZ.crossing.age.default_edges or KSZ.crossing.age.edges)
    assert choices.year(dt_today(2026)) == 2025


def dt_today(year: int):
    import datetime as dt

    return dt.date(year, 3, 1)


def test_wrong_values_read_as_not_chosen_and_unknown_keys_are_kept() -> None:
    section = {
        "characteristics": "origin",
        "origin_scheme": "religion",  # not in the profile: the default applies
        "age_edges": [25, "35"],
        "reference_year": True,
        "staff_count": "436",
        "from_a_later_release": {"x": 1},
    }
    choices = KszChoices.from_json(section)
    assert choices.characteristics is None
    assert choices.origin(KSZ) == "origin-ksz"
    assert choices.age_edges is None
    assert choices.reference_year is None
    assert choices.staff_count is None
    assert choices.to_json() == {"origin_scheme": "religion", "from_a_later_release": {"x": 1}}


def test_update_choices_changes_only_what_is_given() -> None:
    draft = Draft(categories=CategoryChoices(ksz=dict(SECTION)))
    update_choices(draft, motivation=Motivation("a", "b", "c", "d"), public_key_file=None)
    stored = draft.categories.ksz
    assert stored["motivation"] == {
        "purpose": "a",
        "legal_basis": "b",
        "proportionality": "c",
        "plan_action": "d",
    }
    assert "public_key_file" not in stored
    assert stored["age_edges"] == [35, 55]


def test_definitions_as_typed_round_trip() -> None:
    text = "Personeel: statutair personeel\nzonder term"
    parsed = parse_definitions(text)
    assert parsed == {"Personeel": "statutair personeel", "2": "zonder term"}
    assert format_definitions(parsed) == text


def test_a_proposal_applied_to_the_draft_and_undone() -> None:
    draft = Draft(
        categories=CategoryChoices(ksz={"staff_count": 120, "characteristics": ["origin", "sex"]})
    )
    staff = staff_from_count(120)
    (crossing,) = crossings(read_choices(draft), KSZ, ())
    assert crossing == Crossing((), ("origin-ksz", "sex"), None)
    best = propose(staff, crossing, KSZ)[0]
    before = apply_to_draft(draft, best, KSZ)
    assert read_choices(draft).origin(KSZ) == best.crossing.schemes[0]
    assert read_choices(draft).staff_count == 120
    restore(draft, before)
    assert read_choices(draft).origin_scheme is None
    assert read_merges(draft) == {}
    assert draft.categories.merges == {}


def test_compose_merges_names_a_group_after_its_members() -> None:
    assert compose_merges({}, {"Onthaal": "Communicatie"}) == {
        "Communicatie": "Communicatie + Onthaal",
        "Onthaal": "Communicatie + Onthaal",
    }
    current = {"Onthaal": "Communicatie + Onthaal", "Communicatie": "Communicatie + Onthaal"}
    # a proposal on the merged groups: the file's labels follow their group into the new one
    merged = "Communicatie + Onthaal + ICT"
    assert compose_merges(current, {"Communicatie + Onthaal": "ICT"}) == {
        "Communicatie": merged,
        "ICT": merged,
        "Onthaal": merged,
    }


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("35, 55", None),
        ("35 55", None),
        ("35;55", None),
        ("", "ksz.edges-not-numbers"),
        ("35, x", "ksz.edges-not-numbers"),
        ("35,,55", "ksz.edges-not-numbers"),
        ("55, 35", "ksz.edges-not-increasing"),
        ("25, 33", "ksz.age-edge-not-in-reference"),
    ],
)
def test_age_edges_as_typed_use_the_one_band_parser(text: str, key: str | None) -> None:
    problem = edges_problem(text, KSZ)
    assert (problem.key if problem else None) == key
    if problem is None:
        assert parse_edges(text) == (35, 55)
    else:
        for language in ("nl", "en", "fr"):
            assert problem.render(language)
    if key == "ksz.age-edge-not-in-reference":
        assert "33" in problem.render("nl")


def test_the_band_parser_says_why() -> None:
    with pytest.raises(EdgesError) as caught:
        parse_edges("50, 35")
    assert caught.value.reason == "increasing"
    with pytest.raises(ValueError):
        parse_edges("35, x")


# -- one reference: the year the KSZ asks for; the peildatum follows it ---------------------------


def test_the_reference_year_is_the_one_date_and_the_peildatum_follows_it() -> None:
    from desktop_app.journey.journey import draft_key
    from desktop_app.ksz.choices import reference_date
    from desktop_app.ksz.documents import build_request, document_names
    from desktop_app.package.output import file_name

    kbo = {"kbo_numbers": ["0207.451.227"]}
    draft = Draft(programme_id="ksz-diversiteit")
    draft.organisation = draft.organisation.with_value("kbo_numbers", kbo["kbo_numbers"])
    update_choices(draft, reference_year=2024)
    assert draft.peildatum == reference_date(2024) == dt.date(2024, 12, 31)
    # the journey's year, the request documents' and the linkage file's are one year
    assert draft_key(draft) == ("kbo-0207451227", 2024)
    assert build_request(draft, KSZ).reference_year == 2024
    assert all("-2024-" in name for name in document_names("stad", 2024))
    assert KSZ.output is not None
    assert file_name(KSZ.output.file_name, KSZ, "Stad", draft.peildatum).endswith("2024-12-31.csv")
    update_choices(draft, age_edges=(35, 55))  # another choice keeps the date
    assert draft.peildatum == dt.date(2024, 12, 31)


def test_an_older_draft_with_a_peildatum_of_its_own_follows_its_reference_year() -> None:
    from desktop_app.journey.journey import draft_key
    from desktop_app.ksz.choices import align_reference

    # as the organisation page used to leave it: 1 January of this year beside the year 2025
    old = Draft(
        programme_id="ksz-diversiteit",
        peildatum=dt.date(2026, 1, 1),
        categories=CategoryChoices(ksz={"characteristics": ["origin"], "reference_year": 2025}),
    )
    old.organisation = old.organisation.with_value("kbo_numbers", ["0207.451.227"])
    assert draft_key(old)[1] == 2025  # the journey follows the year even before alignment
    assert align_reference(old) == 2025
    assert old.peildatum == dt.date(2025, 12, 31)
    assert old.year == 2025
    assert read_choices(old).characteristics == ("origin",)  # nothing else touched


def test_without_a_year_chosen_the_last_complete_year_is_kept() -> None:
    from desktop_app.ksz.choices import align_reference

    draft = Draft(programme_id="ksz-diversiteit")
    assert align_reference(draft, today=dt.date(2026, 3, 1)) == 2025
    assert read_choices(draft).reference_year == 2025
    assert draft.peildatum == dt.date(2025, 12, 31)
    assert draft.categories.ksz == {"reference_year": 2025}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", ("Refertejaar", "2024 (wie op 31-12-2024 in dienst is)")),
        ("fr", ("Année de référence", "2024 (le personnel en service le 31-12-2024)")),
    ],
)
def test_the_answers_overview_names_the_ksz_reference_year(language, expected) -> None:
    """The check-your-answers overview on the KSZ route says the year the KSZ asks, with the day
    the staff is counted on, not a reference date of its own."""
    from desktop_app.package.answers import answer_sections

    draft = Draft(programme_id="ksz-diversiteit")
    update_choices(draft, reference_year=2024)
    (population,) = [s for s in answer_sections(draft, KSZ, language) if s.id == "population"]
    assert (population.rows[0].label, population.rows[0].value) == expected
    assert all("31-12-2024" not in row.label for row in population.rows)
