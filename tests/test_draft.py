"""The draft: the officer's choices survive a restart, and never carry employee data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop_app.draft import (
    ChecklistAnswer,
    Draft,
    DraftError,
    Organisation,
    SourceFile,
    load_draft,
    save_draft,
)
from desktop_app.mapping import BreakdownColumn, Mapping
from desktop_app.resources import resource_path
from desktop_app.validation import check_loonheffingennummer


def full_draft(source: Path) -> Draft:
    return Draft(
        programme_id="cbs-barometer-ingezoomd",
        checklist={
            "works-council-informed": ChecklistAnswer(True, dt.date(2025, 11, 3), "A. Jansen")
        },
        organisation=Organisation(
            {"name": "Gemeente Voorbeeld"}, loonheffingennummers=("802634540L01",)
        ),
        peildatum=dt.date(2026, 1, 1),
        population={"externals": True, "interns": False, "leavers": False},
        has_file=True,
        source=SourceFile(source, "Personeel", 3),
        mapping=Mapping(
            "cbs-barometer-ingezoomd",
            {"bsn": "BSN", "sex": "Geslacht"},
            {"sex": {"Vrouw": "V"}},
            (BreakdownColumn("Afdeling", "organisational_unit"),),
            "Personeel",
            3,
        ),
    )


def test_a_saved_draft_reads_back_the_same(tmp_path):
    draft = full_draft(tmp_path / "personeel.xlsx")
    path = tmp_path / "draft.json"
    save_draft(draft, path)
    again = load_draft(path)
    assert again.to_json() | {"saved_at": None} == draft.to_json() | {"saved_at": None}
    assert again.checklist["works-council-informed"].by == "A. Jansen"
    assert again.mapping.value_maps["sex"]["Vrouw"] == "V"
    assert again.breakdowns == ("Afdeling",)


def test_the_file_is_documented_json_with_a_format_and_version(tmp_path):
    path = tmp_path / "draft.json"
    save_draft(full_draft(tmp_path / "p.xlsx"), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "diversity-assistant/draft"
    assert data["version"] == 3
    assert data["mapping"]["format"] == "diversity-assistant/mapping"  # the mapping file's shape
    assert data["checklist"]["works-council-informed"] == {
        "confirmed": True,
        "date": "2025-11-03",
        "by": "A. Jansen",
    }
    assert data["categories"] == {}
    assert data["delivery"] == {}
    assert not list(tmp_path.glob("*.part"))  # written atomically, nothing left behind


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "bestaat niet"),
        ("{not json", "geen geldig JSON"),
        ('{"format": "something-else"}', "geen conceptbestand"),
        ('{"format": "diversity-assistant/draft", "version": 99}', "versie 99"),
        (
            '{"format": "diversity-assistant/draft", "version": 1, "peildatum": "1-1-2026"}',
            "beschadigd",
        ),
        (
            '{"format": "diversity-assistant/draft", "version": 1, "checklist": {"x": {"by": 5}}}',
            "beschadigd",
        ),
    ],
)
def test_a_broken_draft_is_refused_with_a_clear_message(tmp_path, content, expected):
    path = tmp_path / "draft.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(DraftError) as caught:
        load_draft(path)
    assert expected in caught.value.render("nl")
    assert "draft.json" in caught.value.render("fr")


def test_the_demo_draft_is_complete_and_points_at_the_demo_file():
    draft = load_draft(resource_path("samples", "demo-draft.json"))
    assert draft.programme_id == "cbs-barometer-ingezoomd"
    assert draft.peildatum == dt.date(2026, 1, 1)
    assert draft.organisation.name == "Gemeente Voorbeeld"
    assert all(check_loonheffingennummer(n).valid for n in draft.organisation.loonheffingennummers)
    assert all(a.confirmed and a.by == "Demo" and a.date for a in draft.checklist.values())
    assert draft.breakdowns == ("Afdeling",)
    assert draft.source.path == resource_path("samples", "demo-personeel.xlsx").resolve()


@pytest.mark.parametrize(
    ("content", "line", "column"),
    [
        (b'{\n  "format": "diversity-assistant/draft",\n  "version": 3,,\n}', 3, 16),
        (b'{"a": 1}\n{"b": \xff}', 2, 7),  # not UTF-8: where the first bad byte is
    ],
)
def test_a_damaged_draft_is_located_in_numbers_never_in_the_decoders_english(
    tmp_path: Path, content: bytes, line: int, column: int
) -> None:
    """draft.not-json names the line and column as numbers in each language's own sentence
    (before, the JSON decoder's English detail, 'Expecting property name...', stood inside the
    Dutch and French sentences)."""
    path = tmp_path / "concept.json"
    path.write_bytes(content)
    with pytest.raises(DraftError) as refused:
        load_draft(path)
    message = refused.value.message
    assert message.key == "draft.not-json"
    texts = {language: message.render(language) for language in ("nl", "en", "fr")}
    assert f"regel {line}, kolom {column}" in texts["nl"]
    assert f"line {line}, column {column}" in texts["en"]
    assert f"ligne {line}, colonne {column}" in texts["fr"]
    for language in ("nl", "fr"):
        for english in ("Expecting", "char ", "codec", "decode", "invalid start byte"):
            assert english not in texts[language], texts[language]
