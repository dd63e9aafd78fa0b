"""The yearly folder (``desktop_app.journey.folder``): which folder the officer chose for an
organisation and year, kept in an index in the app-data folder; what is filed in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.journey import JourneyError
from desktop_app.journey.folder import (
    choose_year_folder,
    chosen_year_folder,
    folders_index_path,
    read_folders_index,
    year_folder,
)

ORGANISATION = "rsin-802634540"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))


def test_no_folder_chosen_is_none(tmp_path: Path) -> None:
    assert year_folder(ORGANISATION, 2026) is None
    assert not folders_index_path().exists()


def test_a_chosen_folder_is_found_per_organisation_and_year(tmp_path: Path) -> None:
    chosen = choose_year_folder(ORGANISATION, 2026, tmp_path / "Diversiteit 2026")
    other = choose_year_folder("kbo-0123456789", 2026, tmp_path / "be")
    assert chosen.is_dir()
    assert chosen.is_absolute()
    assert year_folder(ORGANISATION, 2026) == chosen
    assert year_folder("kbo-0123456789", 2026) == other
    assert year_folder(ORGANISATION, 2025) is None
    # the index lives in the app-data folder and holds ids, years and paths only
    index = json.loads(folders_index_path().read_text("utf-8"))
    assert folders_index_path().is_relative_to(tmp_path / "appdata")
    assert index["format"] == "diversity-assistant/yearly-folders"
    assert {(e["organisation"], e["year"]) for e in index["folders"]} == {
        (ORGANISATION, 2026),
        ("kbo-0123456789", 2026),
    }


def test_choosing_again_replaces_the_year(tmp_path: Path) -> None:
    choose_year_folder(ORGANISATION, 2026, tmp_path / "first")
    second = choose_year_folder(ORGANISATION, 2026, tmp_path / "second")
    assert year_folder(ORGANISATION, 2026) == second
    assert len(read_folders_index()) == 1


def test_a_folder_that_is_gone_is_none_but_still_chosen(tmp_path: Path) -> None:
    chosen = choose_year_folder(ORGANISATION, 2026, tmp_path / "usb")
    chosen.rmdir()
    assert year_folder(ORGANISATION, 2026) is None
    assert chosen_year_folder(ORGANISATION, 2026) == chosen


def test_a_bad_key_is_none_not_an_error() -> None:
    assert year_folder("Gemeente Voorbeeld", 2026) is None
    assert year_folder(ORGANISATION, 1800) is None


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe",
        b"[]",
        b'{"format": "diversity-assistant/yearly-folders", "version": 1, "folders": {}}',
        b'{"format": "diversity-assistant/yearly-folders", "version": 1,'
        b' "folders": [{"organisation": "../x", "year": 2026, "folder": "/tmp"}]}',
        b'{"format": "diversity-assistant/yearly-folders", "version": 9, "folders": []}',
    ],
)
def test_a_damaged_index_is_a_sentence_and_year_folder_stays_quiet(content: bytes) -> None:
    path = folders_index_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert year_folder(ORGANISATION, 2026) is None
    with pytest.raises(JourneyError) as refused:
        read_folders_index()
    assert str(path) in refused.value.render("nl")


def test_a_file_in_the_way_is_refused(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(JourneyError) as refused:
        choose_year_folder(ORGANISATION, 2026, tmp_path / "file")
    assert refused.value.message.key == "journey.folder-not-a-folder"
