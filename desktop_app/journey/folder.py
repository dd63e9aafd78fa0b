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

import datetime as dt
import json
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desktop_app import __version__
from desktop_app.atomic import write_atomic
from desktop_app.bounded_read import (
    FileKind,
    file_sha256,
    load_json_bounded,
    read_bounded,
    require_regular_file,
)
from desktop_app.delivery.record import delivered_path_of, read_record, summary_path_for
from desktop_app.draft import Draft, save_draft
from desktop_app.errors import AppError
from desktop_app.journey.journey import JourneyError, check_key, copy_in_pieces, journeys_dir
from desktop_app.profiles.model import Protection

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
    raises (a bad organisation id or year is simply not in the index).

    Files are put only in a folder the assistant set up (its own index is there) or in a new,
    empty one: a folder a damaged or edited app-data index names (a system folder, a relative
    path, a folder full of other files) is not used."""
    try:
        folder = chosen_year_folder(organisation, year)
    except (AppError, OSError) as error:
        log.warning("yearly folders index not usable (%s)", type(error).__name__)
        return None
    if folder is None or not folder.is_absolute() or not folder.is_dir():
        return None
    if not _ours_or_empty(folder, organisation, year):
        log.warning("a chosen yearly folder is another's or holds other files: not used")
        return None
    return folder


def _ours_or_empty(folder: Path, organisation: str, year: int) -> bool:
    """The folder's own index names this organisation and year, or the folder is empty."""
    if os.path.lexists(folder / INDEX_FILE):
        try:
            index = read_year_folder(folder)
        except (AppError, OSError):  # damaged: the caller that reads it says so in a sentence
            return True
        return (index.organisation, index.year) == (organisation, year)
    try:
        return next(folder.iterdir(), None) is None
    except OSError:
        return False


def choose_year_folder(organisation: str, year: int, folder: Path) -> Path:
    """Record ``folder`` as ``organisation``'s folder for ``year`` (created when missing; an
    earlier choice for that year is replaced) and return it, absolute. The folder gets its own
    index at once (when it has none): only such a folder is used (:func:`year_folder`)."""
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
    if not os.path.lexists(folder / INDEX_FILE):
        save_year_folder(YearFolder(folder, organisation, year))
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


# -- the folder itself: its files and its index -----------------------------------------------------

INDEX_FORMAT = "diversity-assistant/yearly-folder"
INDEX_VERSION = 1
INDEX_FILE = "diversity-assistant-index.json"
CHOICES_FILE = "choices.json"
KINDS = (
    "document",  # a document the assistant drafted (sign-up e-mail, answers sheet, request)
    "package",  # the protected file for the office
    "record",  # the officer's delivery record (*.record.json)
    "record-pdf",  # the record as PDF
    "receipt",  # an upload or delivery receipt
    "received",  # a document the office sent (project proposal, delivery agreement)
    "results",  # the table set the office returned
    "choices",  # the draft: the choices the next year repeats
    "employee-file",  # a plaintext employee file: only after the officer's explicit choice
)
PLAINTEXT_KIND = "employee-file"
UPDATED_KINDS = frozenset({"record", "record-pdf", "choices"})
"""Kinds whose newer version replaces the copy of the same name (a record gains events)."""
SUBFOLDERS = frozenset({"results"})
"""Subfolders whose files are listed as ``<subfolder>/<name>`` (the results imports,
``results/<programme>.json``, :mod:`desktop_app.results.history`); everything else is filed at
the folder's top."""


@dataclass(frozen=True)
class FiledFile:
    """One file in the yearly folder: what it is, its name there, its SHA-256 and size, when it
    was filed and (optionally) the office step it belongs to."""

    kind: str
    name: str
    sha256: str
    bytes: int
    added_at: dt.datetime
    step: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "name": self.name,
            "sha256": self.sha256,
            "bytes": self.bytes,
            "added_at": self.added_at.isoformat(),
            **({"step": self.step} if self.step else {}),
        }


@dataclass(frozen=True)
class YearFolder:
    """One submission's folder: whose and which year, and what is in it (its index)."""

    folder: Path
    organisation: str
    year: int
    programme: str | None = None
    files: tuple[FiledFile, ...] = ()

    @property
    def index_path(self) -> Path:
        return self.folder / INDEX_FILE

    def of_kind(self, kind: str) -> tuple[FiledFile, ...]:
        return tuple(f for f in self.files if f.kind == kind)

    @property
    def choices(self) -> Path | None:
        """The draft filed last (the choices to repeat next year), when there is one."""
        filed = self.of_kind("choices")
        return self.folder / filed[-1].name if filed else None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": INDEX_FORMAT,
            "version": INDEX_VERSION,
            "saved_with": __version__,
            "organisation": self.organisation,
            "year": self.year,
            "programme": self.programme,
            "files": [f.to_json() for f in self.files],
        }


def open_year_folder(
    organisation: str, year: int, folder: Path, programme: str | None = None
) -> YearFolder:
    """``folder`` chosen for ``organisation`` and ``year`` (recorded in the app-data index) with
    its own index (kept when it is there already). A folder that holds another organisation's or
    another year's submission is refused."""
    organisation, year = check_key(organisation, year)
    folder = Path(folder).expanduser().resolve()
    existing = read_year_folder(folder) if (folder / INDEX_FILE).exists() else None
    if existing is not None and (existing.organisation, existing.year) != (organisation, year):
        raise JourneyError(
            "journey.folder-other-submission",
            folder=str(folder),
            organisation=existing.organisation,
            year=existing.year,
        )
    folder = choose_year_folder(organisation, year, folder)
    if existing is not None:
        if programme and existing.programme != programme:
            existing = replace(existing, programme=programme)
            save_year_folder(existing)
        return existing
    created = YearFolder(folder, organisation, year, programme)
    save_year_folder(created)
    return created


def current_year_folder(organisation: str, year: int) -> YearFolder | None:
    """The yearly folder chosen for ``organisation`` and ``year`` with its index, when it is
    there (see :func:`year_folder`); a damaged index in the folder raises."""
    folder = year_folder(organisation, year)
    if folder is None:
        return None
    if not (folder / INDEX_FILE).exists():
        return open_year_folder(organisation, year, folder)
    existing = read_year_folder(folder)
    if (existing.organisation, existing.year) != (organisation, year):  # another submission's
        raise JourneyError(
            "journey.folder-other-submission",
            folder=str(folder),
            organisation=existing.organisation,
            year=existing.year,
        )
    return existing


def save_year_folder(folder: YearFolder) -> None:
    text = json.dumps(folder.to_json(), ensure_ascii=False, indent=2) + "\n"
    write_atomic(folder.index_path, text.encode("utf-8"))


def read_year_folder(folder: Path) -> YearFolder:
    """A yearly folder's index read and checked; anything else is refused with a sentence."""
    folder = Path(folder)
    path = folder / INDEX_FILE
    if not path.exists():
        raise JourneyError("journey.folder-no-index", folder=str(folder), index=INDEX_FILE)
    raw = read_bounded(path, FileKind.STATE)
    try:
        data = load_json_bounded(raw, path.name, FileKind.STATE)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise JourneyError("journey.folder-index-damaged", file=str(path)) from None
    if not isinstance(data, dict) or data.get("format") != INDEX_FORMAT:
        raise JourneyError("journey.folder-index-damaged", file=str(path))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version != INDEX_VERSION:
        raise JourneyError("journey.wrong-version", file=str(path), version=str(version))
    try:
        organisation, year = data["organisation"], data["year"]
        if not isinstance(organisation, str) or not isinstance(year, int):
            raise TypeError("organisation or year")
        check_key(organisation, year)
        programme = data.get("programme")
        if programme is not None and not isinstance(programme, str):
            raise TypeError("programme")
        entries = data.get("files", [])
        if not isinstance(entries, list):
            raise TypeError("files")
        files = tuple(_filed_from_json(entry) for entry in entries)
    except (KeyError, TypeError, ValueError, JourneyError):
        raise JourneyError("journey.folder-index-damaged", file=str(path)) from None
    return YearFolder(folder.resolve(), organisation, year, programme, files)


def _filed_from_json(entry: Any) -> FiledFile:
    if not isinstance(entry, dict):
        raise TypeError("file")
    kind, name, sha, size = entry["kind"], entry["name"], entry["sha256"], entry["bytes"]
    step = entry.get("step")
    if kind not in KINDS or not isinstance(name, str) or not _listed_name(name):
        raise ValueError("kind or name")
    if not isinstance(sha, str) or not re.fullmatch(r"[0-9a-f]{64}", sha):
        raise ValueError("sha256")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise ValueError("bytes")
    if step is not None and not isinstance(step, str):
        raise TypeError("step")
    added = entry["added_at"]
    if not isinstance(added, str):
        raise TypeError("added_at")
    return FiledFile(kind, name, sha, size, dt.datetime.fromisoformat(added), step)


def _listed_name(name: str) -> bool:
    """A name the index may list: a file at the folder's top, or in one of :data:`SUBFOLDERS`
    (``results/<name>``); never a path that leaves the folder."""
    head, slash, tail = name.partition("/")
    if slash:
        return head in SUBFOLDERS and _listed_name(tail) and "/" not in tail
    return Path(name).name == name and name not in ("", ".", "..", INDEX_FILE)


def _name_inside(folder: YearFolder, path: Path) -> str | None:
    """The name ``path`` is listed under when it is in the folder already (at its top or in one
    of :data:`SUBFOLDERS`); None when it is elsewhere (it is copied in then)."""
    parent = path.resolve().parent
    top = folder.folder.resolve()
    if parent == top:
        return path.name
    if parent.parent == top and parent.name in SUBFOLDERS:
        return f"{parent.name}/{path.name}"
    return None


def file_into(
    folder: YearFolder,
    path: Path,
    kind: str,
    *,
    step: str | None = None,
    keep_plaintext: bool = False,
    plaintext_sha256: Iterable[str] = (),
    at: dt.datetime | None = None,
) -> tuple[YearFolder, FiledFile]:
    """``path`` copied into the yearly folder (a file already in it, or in one of its
    :data:`SUBFOLDERS`, is only listed) and listed in its index with its SHA-256; the same file
    filed again changes nothing.

    A plaintext employee file (``kind="employee-file"``, or a file whose SHA-256 is one of
    ``plaintext_sha256``: the staff file the draft checked, an unprotected package) is refused
    with ``journey.folder-plaintext`` unless ``keep_plaintext``: the officer chose so after the
    warning that sentence gives."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    path = Path(path)
    size = require_regular_file(path, FileKind.PACKAGE)  # a pipe, a folder: its own sentence
    if size == 0:
        raise JourneyError("journey.empty-document", file=path.name)
    sha = file_sha256(path)  # read in pieces: a package may be large
    plaintext = set(plaintext_sha256)
    kind = _refused_plaintext(
        path, sha, kind, folder.folder, keep_plaintext=keep_plaintext, plaintext=plaintext
    )
    for filed in folder.files:
        if filed.sha256 == sha and filed.kind == kind and (folder.folder / filed.name).is_file():
            return folder, filed
    inside = _name_inside(folder, path)
    if inside is not None:
        name = inside
    else:
        name = _safe_name(path.name)
        same = any(f.name == name and f.kind == kind for f in folder.files)
        if not (kind in UPDATED_KINDS and same):  # a newer record replaces its copy
            name = _free_name(folder.folder, name)
        copied, size = copy_in_pieces(path, folder.folder / name, "journey.folder-too-large")
        if copied != sha and copied in plaintext and not keep_plaintext:  # changed meanwhile
            (folder.folder / name).unlink()
            raise JourneyError(
                "journey.folder-plaintext", file=path.name, folder=str(folder.folder)
            )
        sha = copied
    moment = (at or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    filed = FiledFile(kind, name, sha, size, moment, step)
    files = tuple(f for f in folder.files if f.name != name)
    updated = replace(folder, files=(*files, filed))
    save_year_folder(updated)
    return updated, filed


def refuse_plaintext(
    path: Path,
    kind: str,
    *,
    folder: Path,
    keep_plaintext: bool = False,
    plaintext_sha256: Iterable[str] = (),
) -> None:
    """The plaintext refusal of :func:`file_into` made on its own, before a command changes
    anything (``journey folder --set DIR --add F``: before the folder is chosen)."""
    sha = file_sha256(Path(path))
    _refused_plaintext(
        Path(path),
        sha,
        kind,
        folder,
        keep_plaintext=keep_plaintext,
        plaintext=set(plaintext_sha256),
    )


def _refused_plaintext(
    path: Path, sha: str, kind: str, folder: Path, *, keep_plaintext: bool, plaintext: set[str]
) -> str:
    """``kind`` (a file of the draft's staff file's hash is an employee file), or the refusal of
    a plaintext employee file the officer did not choose to keep."""
    if sha in plaintext:
        kind = PLAINTEXT_KIND
    if kind == PLAINTEXT_KIND and not keep_plaintext:
        raise JourneyError("journey.folder-plaintext", file=path.name, folder=str(folder))
    return kind


def _safe_name(name: str) -> str:
    safe = re.sub(r"[^\w.() -]+", "_", name).strip(". ") or "document"
    return f"copy-{safe}" if safe == INDEX_FILE else safe


def _free_name(folder: Path, safe: str) -> str:
    stem, dot, suffix = safe.partition(".")
    candidate, number = safe, 1
    while (folder / candidate).exists():
        number += 1
        candidate = f"{stem}-{number}{dot}{suffix}"
    return candidate


def plaintext_files(folder: YearFolder) -> tuple[FiledFile, ...]:
    """The plaintext employee files the officer chose to keep in the folder (for a warning)."""
    return folder.of_kind(PLAINTEXT_KIND)


# -- what the steps file there ----------------------------------------------------------------------


def file_choices(folder: YearFolder, draft: Draft) -> tuple[YearFolder, FiledFile]:
    """The draft saved in the folder as ``choices.json`` (what next year repeats, see
    :mod:`desktop_app.journey.repeat`); a draft holds no employee value and no password."""
    path = folder.folder / CHOICES_FILE
    save_draft(draft, path)
    return file_into(folder, path, "choices")


def plaintext_hashes(draft: Draft | None) -> tuple[str, ...]:
    """The SHA-256 of the staff file the draft last checked (a plaintext employee file)."""
    if draft is None or draft.source.fingerprint is None:
        return ()
    return (draft.source.fingerprint.sha256,)


@dataclass(frozen=True)
class Filed:
    """What :func:`file_delivery` put in the folder, and the plaintext file it left out."""

    folder: YearFolder
    files: tuple[FiledFile, ...]
    left_out: tuple[str, ...] = ()  # names of plaintext files not filed (not chosen)


def file_delivery(
    folder: YearFolder,
    record_path: Path,
    *,
    step: str | None = None,
    draft: Draft | None = None,
    keep_plaintext: bool = False,
) -> Filed:
    """The delivery record, its PDF and the delivered file filed in the folder. A delivered file
    that is not protected (the office's file as is: plaintext employee data) is left out unless
    ``keep_plaintext``; the record and its PDF are filed whatever happens."""
    record_path = Path(record_path)
    record = read_record(record_path)
    plaintext = plaintext_hashes(draft)
    filed: list[FiledFile] = []
    left_out: list[str] = []
    folder, entry = file_into(folder, record_path, "record", step=step, plaintext_sha256=plaintext)
    filed.append(entry)
    summary = summary_path_for(delivered_path_of(record_path, record))
    if summary.is_file():
        folder, entry = file_into(folder, summary, "record-pdf", step=step)
        filed.append(entry)
    package = delivered_path_of(record_path, record)
    if package.is_file():
        kind = PLAINTEXT_KIND if record.protection is Protection.NONE else "package"
        if kind == PLAINTEXT_KIND and not keep_plaintext:
            left_out.append(package.name)
        else:
            folder, entry = file_into(
                folder,
                package,
                kind,
                step=step,
                keep_plaintext=keep_plaintext,
                plaintext_sha256=plaintext,
            )
            filed.append(entry)
    return Filed(folder, tuple(filed), tuple(left_out))
