"""Each import kept per organisation and year: in the year's folder the officer chose
(:func:`desktop_app.journey.folder.year_folder`) as ``<year folder>/results/<programme>.json``,
the app-data folder then holding only an index (``<data_dir>/results/<organisation>/index.json``:
year, programme, path) and the year's folder listing it in its own index (kind ``results``, with its
SHA-256); without a chosen folder in ``<data_dir>/results/<organisation>/<year>/<programme>.json``.

Only aggregates are stored (shares, counts and sizes of groups, as the office published them),
never a person. A file is written atomically, as JSON with a format and version; importing the same
programme and year again replaces it. When the officer's record of the submission is given, the
import is linked to it (the record's file name, the delivered file's SHA-256, the manifest's
peildatum and creation time, the persons included, the merges and, from a newer manifest, the
persons sent per subgroup: :mod:`desktop_app.results.sizes`, which narrows the group sizes).

A series (:func:`series`) is always one unit (jobs or persons) and one origin classification: the
algemene variant's jobs and the ingezoomde variant's persons, or the groups before and after CBS's
change of September 2022, are never put in one line.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from os import PathLike
from pathlib import Path
from typing import Any

from desktop_app.atomic import write_atomic
from desktop_app.bounded_read import FileKind, read_json_bounded
from desktop_app.draft import MAX_YEAR, MIN_YEAR, ORGANISATION_ID
from desktop_app.errors import AppError
from desktop_app.journey.folder import current_year_folder, file_into, year_folder
from desktop_app.paths import data_dir
from desktop_app.profiles.model import Programme
from desktop_app.results.importer import read_result_tables
from desktop_app.results.model import ResultsError, ResultSet, SeriesPoint, Unit
from desktop_app.results.sizes import link_sizes, with_submitted_sizes

INDEX_NAME = "index.json"  # where imports kept in a year's folder are (app-data: only this)
INDEX_FORMAT = "diversity-assistant/results-index"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoredImport:
    path: Path
    result: ResultSet
    replaced: bool  # an earlier import of this programme and year was replaced


def results_dir(organisation: str, base: Path | None = None) -> Path:
    """The organisation's results folder (not created here)."""
    if not ORGANISATION_ID.fullmatch(organisation):
        raise ResultsError("results.organisation-invalid", organisation=organisation[:80])
    return (base if base is not None else data_dir()) / "results" / organisation


def import_results(
    path: str | PathLike[str],
    programme: Programme,
    year: int,
    organisation: str,
    *,
    record: Path | None = None,
    base: Path | None = None,
    now: dt.datetime | None = None,
) -> StoredImport:
    """Read the office's file, link it to the officer's record (when given) and keep it."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ResultsError("results.year-invalid", year=year, low=MIN_YEAR, high=MAX_YEAR)
    own = results_dir(organisation, base)
    result = read_result_tables(path, programme)
    submission = _link(record, programme) if record is not None else None
    moment = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    result = replace(
        result, year=year, organisation=organisation, imported_at=moment, submission=submission
    )
    chosen = year_folder(organisation, year)
    folder = chosen / "results" if chosen is not None else own / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{programme.id}.json"
    in_app_data = own / str(year) / f"{programme.id}.json"
    replaced = target.exists() or in_app_data.exists()
    text = json.dumps(result.to_json(), ensure_ascii=False, indent=1, sort_keys=False)
    write_atomic(target, (text + "\n").encode("utf-8"))
    if chosen is not None:
        _index_add(own, year, programme.id, target)
        if in_app_data.exists():
            in_app_data.unlink()  # kept before the year's folder was chosen: now replaced there
        _list_in_year_folder(organisation, year, target)
    return StoredImport(path=target, result=result, replaced=replaced)


def _list_in_year_folder(organisation: str, year: int, target: Path) -> None:
    """The import listed in the yearly folder's own index (kind ``results``, with its SHA-256,
    as ``results/<programme>.json``), as the journey's files are. The import is kept whatever
    happens here: a folder index that cannot be read or written is logged, not raised."""
    try:
        folder = current_year_folder(organisation, year)
        if folder is not None:
            file_into(folder, target, "results")
    except (AppError, OSError) as error:
        log.warning("results import not listed in the yearly folder (%s)", type(error).__name__)


def _index_path(own: Path) -> Path:
    return own / INDEX_NAME


def _read_index(own: Path) -> list[Mapping[str, Any]]:
    path = _index_path(own)
    if not path.is_file():
        return []
    try:
        data = read_json_bounded(path, FileKind.STATE)
    except ValueError:  # not JSON, not UTF-8
        data = None
    entries = data.get("imports") if isinstance(data, Mapping) else None
    if (
        not isinstance(data, Mapping)
        or data.get("format") != INDEX_FORMAT
        or not isinstance(entries, list)
    ):
        raise ResultsError("results.history-damaged", file=str(path))
    return [e for e in entries if _usable_entry(e)]


def _usable_entry(entry: Any) -> bool:
    """An index entry this release can follow: a year, a programme id and a path (a damaged
    entry is left out, as a kept file on a drive not connected now is)."""
    if not isinstance(entry, Mapping):
        return False
    year = entry.get("year")
    return (
        isinstance(year, int)
        and not isinstance(year, bool)
        and isinstance(entry.get("programme"), str)
        and isinstance(entry.get("path"), str)
    )


def _index_add(own: Path, year: int, programme: str, target: Path) -> None:
    """The app-data folder keeps only where each import is: organisation, year, programme, path."""
    entries = [
        e
        for e in _read_index(own)
        if not (e.get("year") == year and e.get("programme") == programme)
    ]
    entries.append({"year": year, "programme": programme, "path": str(target)})
    entries.sort(key=lambda e: (int(e["year"]), str(e["programme"])))
    own.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"format": INDEX_FORMAT, "version": 1, "imports": entries}, indent=1)
    write_atomic(_index_path(own), (text + "\n").encode("utf-8"))


def _link(record_path: Path, programme: Programme) -> dict[str, Any]:
    from desktop_app.delivery.record import read_record

    record = read_record(record_path)
    manifest: Mapping[str, Any] = record.manifest
    sent = manifest.get("programme")
    sent_id = sent.get("id") if isinstance(sent, Mapping) else None
    if sent_id != programme.id:
        raise ResultsError(
            "results.record-other-programme",
            record=record_path.name,
            sent=str(sent_id),
            programme=programme.id,
        )
    return {
        "record": record_path.name,
        "delivered_file": record.file.name,
        "delivered_sha256": record.file.sha256,
        "peildatum": manifest.get("peildatum"),
        "manifest_created": manifest.get("created"),
        "programme_version": sent.get("version") if isinstance(sent, Mapping) else None,
        "rows_included": _included(manifest),
        "merges": _merges(manifest),
        **link_sizes(manifest, programme),  # the persons sent per subgroup (a newer manifest)
    }


def _included(manifest: Mapping[str, Any]) -> int | None:
    """The number of persons (or jobs) the submission held: the upper end of the total's size."""
    rows = manifest.get("rows")
    included = rows.get("included") if isinstance(rows, Mapping) else None
    return included if isinstance(included, int) and not isinstance(included, bool) else None


def _merges(manifest: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """The subgroups the submission merged, per breakdown (source label -> merged label)."""
    categories = manifest.get("categories")
    merges = categories.get("merges") if isinstance(categories, Mapping) else None
    if not isinstance(merges, Mapping):
        return {}
    return {
        str(header): {str(k): str(v) for k, v in chosen.items()}
        for header, chosen in merges.items()
        if isinstance(chosen, Mapping)
    }


def known_organisations(base: Path | None = None) -> tuple[str, ...]:
    """The organisations with results kept (their ids, sorted)."""
    folder = (base if base is not None else data_dir()) / "results"
    if not folder.is_dir():
        return ()
    return tuple(
        sorted(p.name for p in folder.iterdir() if p.is_dir() and ORGANISATION_ID.fullmatch(p.name))
    )


def load_history(organisation: str, base: Path | None = None) -> tuple[ResultSet, ...]:
    """All kept imports of an organisation, by year then programme."""
    folder = results_dir(organisation, base)
    if not folder.is_dir():
        return ()
    files: dict[tuple[int, str], Path] = {}
    for year in sorted(p for p in folder.iterdir() if p.is_dir() and p.name.isdigit()):
        for file in sorted(year.glob("*.json")):
            files[(int(year.name), file.stem)] = file
    for entry in _read_index(folder):
        path = Path(entry["path"])
        if path.is_file():  # a year's folder on a drive not connected now is left out
            files[(int(entry.get("year", 0)), str(entry.get("programme")))] = path
    found: list[ResultSet] = []
    for file in files.values():
        try:
            found.append(ResultSet.from_json(read_json_bounded(file, FileKind.STATE)))
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as error:
            raise ResultsError("results.history-damaged", file=str(file)) from error
    return tuple(sorted(found, key=lambda r: (r.year or 0, r.programme)))


def series(
    history: tuple[ResultSet, ...],
    *,
    unit: Unit,
    classification: str,
    breakdown: str,
    subgroup: str,
    group: str,
) -> tuple[SeriesPoint, ...]:
    """One group's share in one subgroup, year by year, within one unit and classification; the
    sizes narrowed by the submission's where the import is linked to one."""
    points: list[SeriesPoint] = []
    for result in history:
        if result.unit != unit or result.classification != classification or result.year is None:
            continue
        for table in with_submitted_sizes(result).tables:
            if table.breakdown != breakdown:
                continue
            for row in table.rows:
                if row.subgroup == subgroup:
                    value = row.value(group)
                    points.append(
                        SeriesPoint(
                            year=result.year,
                            share=value.share,
                            suppressed=value.suppressed,
                            size=row.size_interval,
                            share_decimals=result.share_decimals,
                            programme=result.programme,
                        )
                    )
    return tuple(points)
