"""The yearly folder: everything of one submission in one folder the officer chooses.

Which folder belongs to which organisation and year is kept in an index in the app-data folder
(:func:`desktop_app.paths.data_dir`), beside the journeys::

    <data_dir>/journeys/yearly-folders.json
    {
      "format": "diversity-assistant/yearly-folders",
      "version": 1,
      "folders": [
        {"organisation": "rsin-802634540", "year": 2026, "folder": "/…/Diversiteit 2026"}
      ]
    }

:func:`year_folder` answers "where do this organisation's files of that year go?" for every step
that files something there (the journey's documents, the protected package, the record, the
receipts; the results import, :mod:`desktop_app.results`). It never raises: None when no folder
was chosen, when the index cannot be read, or when the chosen folder is not there now (moved, a
drive not connected); the caller then keeps its files where it kept them before.

Only the organisation's stable id, the year and the folder's path are in the index: no name, no
employee value.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app import __version__
from desktop_app.atomic import write_atomic
from desktop_app.bounded_read import FileKind, load_json_bounded, read_bounded
from desktop_app.errors import AppError
from desktop_app.journey.journey import JourneyError, check_key, journeys_dir

FOLDERS_FORMAT = "diversity-assistant/yearly-folders"
FOLDERS_VERSION = 1
FOLDERS_FILE = "yearly-folders.json"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChosenFolder:
    """One organisation's folder for one year."""

    organisation: str
    year: int
    folder: Path

    def to_json(self) -> dict[str, Any]:
        return {"organisation": self.organisation, "year": self.year, "folder": str(self.folder)}


def folders_index_path() -> Path:
    """Where the index of the chosen yearly folders is kept (in the app-data folder)."""
    return journeys_dir() / FOLDERS_FILE


def read_folders_index() -> list[ChosenFolder]:
    """Every chosen yearly folder (an empty list before the first choice); a damaged index is
    refused with a sentence (``journey.folders-damaged``)."""
    path = folders_index_path()
    if not path.exists():
        return []
    raw = read_bounded(path, FileKind.STATE)
    try:
        data = load_json_bounded(raw, path.name, FileKind.STATE)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise JourneyError("journey.folders-damaged", file=str(path)) from None
    if not isinstance(data, dict) or data.get("format") != FOLDERS_FORMAT:
        raise JourneyError("journey.folders-damaged", file=str(path))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version != FOLDERS_VERSION:
        raise JourneyError("journey.wrong-version", file=str(path), version=str(version))
    entries = data.get("folders")
    if not isinstance(entries, list):
        raise JourneyError("journey.folders-damaged", file=str(path))
    chosen: list[ChosenFolder] = []
    for entry in entries:
        try:
            organisation, year = entry["organisation"], entry["year"]
            folder = entry["folder"]
            if not isinstance(year, int) or isinstance(year, bool) or not isinstance(folder, str):
                raise TypeError("year or folder")
            if not isinstance(organisation, str) or not folder:
                raise TypeError("organisation or folder")
            check_key(organisation, year)
        except (KeyError, TypeError, JourneyError):
            raise JourneyError("journey.folders-damaged", file=str(path)) from None
        chosen.append(ChosenFolder(organisation, year, Path(folder)))
    return chosen


def chosen_year_folder(organisation: str, year: int) -> Path | None:
    """The folder chosen for ``organisation`` and ``year`` as the index says (whether or not it
    is there now); None when none was chosen. A damaged index raises (see
    :func:`read_folders_index`)."""
    organisation, year = check_key(organisation, year)
    for entry in read_folders_index():
        if entry.organisation == organisation and entry.year == year:
            return entry.folder
    return None


def year_folder(organisation: str, year: int) -> Path | None:
    """The yearly folder the officer chose for ``organisation`` and ``year``, when it is there;
    None when none was chosen, the index cannot be read or the folder is not there now. Never
    raises (a bad organisation id or year is simply not in the index)."""
    try:
        folder = chosen_year_folder(organisation, year)
    except (AppError, OSError) as error:
        log.warning("yearly folders index not usable (%s)", type(error).__name__)
        return None
    if folder is None or not folder.is_dir():
        return None
    return folder


def choose_year_folder(organisation: str, year: int, folder: Path) -> Path:
    """Record ``folder`` as ``organisation``'s folder for ``year`` (created when missing; an
    earlier choice for that year is replaced) and return it, absolute."""
    organisation, year = check_key(organisation, year)
    folder = Path(folder).expanduser().resolve()
    if folder.exists() and not folder.is_dir():
        raise JourneyError("journey.folder-not-a-folder", folder=str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise JourneyError(
            "journey.folder-unusable", folder=str(folder), detail=error.strerror or ""
        ) from None
    entries = [e for e in read_folders_index() if (e.organisation, e.year) != (organisation, year)]
    entries.append(ChosenFolder(organisation, year, folder))
    entries.sort(key=lambda e: (e.organisation, -e.year))
    _write_index(entries)
    return folder


def _write_index(entries: list[ChosenFolder]) -> None:
    path = folders_index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "format": FOLDERS_FORMAT,
        "version": FOLDERS_VERSION,
        "saved_with": __version__,
        "folders": [entry.to_json() for entry in entries],
    }
    write_atomic(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
