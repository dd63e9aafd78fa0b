"""Imports kept in the year's folder the officer chose (journey.folder.year_folder); the app-data
folder then holds only an index; without a chosen folder they stay in the app-data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.journey.folder import choose_year_folder
from desktop_app.profiles import load_programme_by_id
from desktop_app.results import import_results, load_history

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "results-cbs-ingezoomd-2025.xlsx"
ORG = "rsin-123456782"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(folder))
    return folder


def test_an_import_goes_to_the_chosen_year_folder(tmp_path: Path, data_dir: Path) -> None:
    programme = load_programme_by_id("cbs-barometer-ingezoomd")
    # first without a chosen folder: kept in the app-data folder
    first = import_results(SAMPLE, programme, 2025, ORG)
    assert first.path == data_dir / "results" / ORG / "2025" / "cbs-barometer-ingezoomd.json"
    chosen = choose_year_folder(ORG, 2025, tmp_path / "Diversiteit 2025")
    second = import_results(SAMPLE, programme, 2025, ORG)
    assert second.path == chosen / "results" / "cbs-barometer-ingezoomd.json"
    assert second.replaced
    assert not first.path.exists()  # moved, not kept twice
    own = data_dir / "results" / ORG
    index = json.loads((own / "index.json").read_text(encoding="utf-8"))
    assert index["imports"] == [
        {"year": 2025, "programme": "cbs-barometer-ingezoomd", "path": str(second.path)}
    ]
    # the app-data folder holds only the index
    assert sorted(p.name for p in own.rglob("*") if p.is_file()) == ["index.json"]
    history = load_history(ORG)
    assert [(r.year, r.programme) for r in history] == [(2025, "cbs-barometer-ingezoomd")]
    # a year's folder not there now (a drive not connected): its import is left out, no error
    other = import_results(SAMPLE, programme, 2024, ORG)
    assert other.path.parent.parent == own
    second.path.unlink()
    assert [r.year for r in load_history(ORG)] == [2024]


def test_a_damaged_kept_file_or_index_is_a_sentence(tmp_path: Path, data_dir: Path) -> None:
    from desktop_app.results import ResultsError

    programme = load_programme_by_id("cbs-barometer-ingezoomd")
    stored = import_results(SAMPLE, programme, 2025, ORG)
    stored.path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ResultsError) as damaged:
        load_history(ORG)
    assert stored.path.name in damaged.value.render("en")
    stored.path.unlink()
    (data_dir / "results" / ORG / "index.json").write_bytes(b"\xff\xfe garbage")
    with pytest.raises(ResultsError) as index:
        load_history(ORG)
    assert "index.json" in index.value.render("nl")


def test_an_import_in_the_year_folder_is_listed_in_the_folders_own_index(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import hashlib

    from desktop_app.errors import AppError
    from desktop_app.journey.folder import INDEX_FILE, read_year_folder
    from tests.test_results import ingezoomd_2024

    programme = load_programme_by_id("cbs-barometer-ingezoomd")
    chosen = choose_year_folder(ORG, 2025, tmp_path / "Diversiteit 2025")
    stored = import_results(SAMPLE, programme, 2025, ORG)
    folder = read_year_folder(chosen)
    (entry,) = folder.of_kind("results")
    assert entry.name == "results/cbs-barometer-ingezoomd.json"  # listed where it is, not copied
    assert entry.sha256 == hashlib.sha256(stored.path.read_bytes()).hexdigest()
    assert entry.bytes == stored.path.stat().st_size
    assert sorted(p.name for p in chosen.iterdir()) == [INDEX_FILE, "results"]
    # imported again from another file: the entry follows the file (one entry, the new hash)
    again = import_results(ingezoomd_2024(tmp_path / "other.xlsx"), programme, 2025, ORG)
    (entry,) = read_year_folder(chosen).of_kind("results")
    assert (
        entry.sha256
        == hashlib.sha256(again.path.read_bytes()).hexdigest()
        != folder.files[0].sha256
    )
    # an index naming a path outside the folder or another subfolder is refused as damaged
    index = chosen / INDEX_FILE
    kept = index.read_text(encoding="utf-8")
    for bad in ("results/../../x.json", "other/x.json", "results/a/b.json", "results/"):
        index.write_text(kept.replace("results/cbs-barometer-ingezoomd.json", bad), "utf-8")
        with pytest.raises(AppError) as damaged:
            read_year_folder(chosen)
        assert damaged.value.message.key == "journey.folder-index-damaged", bad
    # a damaged folder index: the import is still kept (and said in the log, without values)
    index.write_text("{broken", encoding="utf-8")
    with caplog.at_level("WARNING"):
        third = import_results(SAMPLE, programme, 2025, ORG)
    assert third.path.is_file()
    assert [r.year for r in load_history(ORG)] == [2025]
    assert "not listed in the yearly folder (JourneyError)" in caplog.text
