"""The review step's "Check your answers" overview as the core builds it (no Qt): every section
with the draft's values, the office's column names with the source columns they come from, merges
and band edges, and no employee value except the masked first rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from desktop_app.draft import ChecklistAnswer
from desktop_app.mapping.model import BreakdownColumn, derived_header
from desktop_app.package.answers import (
    SECTIONS,
    RouteAnswer,
    answer_sections,
    answers_html,
)
from desktop_app.package.preview import Preview
from desktop_app.profiles import load_programme_by_id
from desktop_app.resources import resource_path
from desktop_app.text import grouped_hex

SHA = "ab" * 32


@pytest.fixture
def draft():
    from desktop_app.draft import load_draft
    from desktop_app.intake.fingerprint import SourceFingerprint

    draft = load_draft(resource_path("samples", "demo-draft.json"))
    draft.source = replace(
        draft.source,
        path=resource_path("samples", "demo-personeel.xlsx"),
        fingerprint=SourceFingerprint(SHA, 123456),
    )
    mapping = draft.mapping
    draft.mapping = replace(
        mapping, breakdowns=(*mapping.breakdowns, BreakdownColumn(derived_header("age"), "age"))
    )
    draft.categories = replace(
        draft.categories,
        merges={"Afdeling": {"Archief": "Ondersteuning", "Bode": "Ondersteuning"}},
        bands={"age": (30, 50)},
    )
    return draft


@pytest.fixture
def programme(draft):
    return load_programme_by_id(draft.programme_id)


PREVIEW = Preview(
    file_name="barometer.csv",
    columns=("bsn", "geslacht", "peildatum", "subgroep_1", "subgroep_2"),
    rows=1999,
    sample=(("******123", "V", "2026-01-01", "Ondersteuning", "<30"),),
    masked_columns=("bsn",),
    problems=(),
)


def rows(sections, section_id):
    (section,) = [s for s in sections if s.id == section_id]
    return {row.label: row.value for row in section.rows}


def test_every_section_has_the_drafts_answers(draft, programme):
    sections = answer_sections(
        draft,
        programme,
        "nl",
        preview=PREVIEW,
        route=RouteAnswer("sftp", "cms", "AA:BB"),
        categories={"Afdeling": ["Financiën", "Ondersteuning"]},
    )
    assert tuple(s.id for s in sections) == SECTIONS
    assert rows(sections, "organisation")["Naam van de organisatie"] == "Gemeente Voorbeeld"
    assert rows(sections, "population")["Peildatum"] == "01-01-2026"
    source = rows(sections, "source")
    assert source["Bestand"] == "demo-personeel.xlsx"
    assert source["Werkblad"] == "Personeel"
    assert source["SHA-256-vingerafdruk"] == grouped_hex(SHA)  # in groups, as GnuPG shows one
    mapping = rows(sections, "mapping")
    assert mapping["bsn"] == "← kolom BSN"
    assert mapping["geslacht"] == "← kolom Geslacht"
    assert mapping["peildatum"] == "← de peildatum (01-01-2026)"
    assert "subgroep_3" not in mapping  # not in the file the preview built
    assert mapping["Identificatiesleutel"] == "BSN"
    breakdowns = rows(sections, "breakdowns")
    (department, age) = breakdowns.values()
    assert "Archief, Bode → Ondersteuning" in department
    assert "Financiën · Ondersteuning" in department
    assert "30, 50" in age
    assert "<30 · 30-49 · 50+" in age
    assert rows(sections, "output")["Rijen"] == "1.999"
    delivery = rows(sections, "delivery")
    assert delivery["Certificaat van de instantie (SHA-256)"] == "AA:BB"
    conditions = rows(sections, "conditions")
    assert all(v == "bevestigd door Demo op 01-12-2025" for v in conditions.values())


def test_open_answers_say_so(draft, programme):
    draft.peildatum = None
    draft.checklist = {"or-informed": ChecklistAnswer(confirmed=False)}
    sections = answer_sections(draft, programme, "en")
    assert rows(sections, "population")["Reference date"] == "—"
    assert set(rows(sections, "conditions").values()) == {"not confirmed"}
    assert rows(sections, "delivery")["Channel"] == "not chosen yet"
    assert rows(sections, "output")["File"] == "—"
    # without a preview, the optional columns not mapped or chosen are left out
    assert "subgroup_3" not in rows(sections, "mapping")


def test_without_a_file_there_are_no_file_sections(draft, programme):
    draft.has_file = False
    ids = [s.id for s in answer_sections(draft, programme, "fr")]
    assert not {"source", "mapping", "breakdowns"} & set(ids)
    assert "organisation" in ids


@pytest.mark.parametrize("language", ["nl", "en", "fr"])
def test_the_html_has_every_section_and_no_bsn(draft, programme, language):
    html = answers_html(draft, programme, language, preview=PREVIEW, route=RouteAnswer())
    for section in answer_sections(draft, programme, language, preview=PREVIEW):
        assert section.title.replace("'", "&#x27;") in html
    assert "Gemeente Voorbeeld" in html
    assert "******123" in html  # the masked sample, as the preview gives it
    assert grouped_hex(SHA) in html


def test_the_html_escapes_what_the_officer_typed(draft, programme):
    draft.organisation = draft.organisation.with_value("name", "<b>A & B</b>")
    html = answers_html(draft, programme, "nl")
    assert "<b>A &" not in html
    assert "&lt;b&gt;A &amp; B&lt;/b&gt;" in html


def test_a_date_is_written_as_the_wizard_shows_it(draft, programme):
    draft.peildatum = dt.date(2026, 3, 31)
    assert rows(answer_sections(draft, programme, "nl"), "population")["Peildatum"] == "31-03-2026"


def test_a_merge_named_after_its_parts_is_said_once(draft, programme):
    draft.categories = replace(draft.categories, merges={"Afdeling": {"A": "A + B", "B": "A + B"}})
    sections = answer_sections(draft, programme, "nl")
    (department, _age) = rows(sections, "breakdowns").values()
    assert department.startswith("samengevoegd: A + B")


def test_numbers_are_written_as_the_language_writes_them(draft, programme):
    assert (
        rows(answer_sections(draft, programme, "en", preview=PREVIEW), "output")["Rows"] == "1,999"
    )
    assert rows(answer_sections(draft, programme, "fr", preview=PREVIEW), "output")["Lignes"] == (
        "1\u202f999"
    )


@pytest.mark.parametrize(
    "programme_id",
    sorted(p.stem for p in resource_path("programmes").glob("*.toml")),
)
def test_every_programme_has_an_overview_of_an_empty_draft(programme_id):
    from desktop_app.draft import Draft

    programme = load_programme_by_id(programme_id)
    draft = Draft(programme_id=programme_id)
    for language in ("nl", "en", "fr"):
        sections = answer_sections(draft, programme, language)
        assert sections[0].id == "programme"
        assert answers_html(draft, programme, language).startswith("<html>")
