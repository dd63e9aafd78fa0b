"""The officer's choices as one JSON file (the "draft"), autosaved by the wizard after every page.

A draft never holds employee rows or values: those are read again from the source file. What it
holds is what the officer chose or typed about the organisation and the file. Format (version 1)::

    {
      "format": "diversity-assistant/draft",
      "version": 1,
      "saved_with": "0.1.0",
      "saved_at": "2026-01-05T10:12:00",        # local time, informative only
      "programme": "cbs-barometer-ingezoomd",    # or null before the first choice
      "checklist": {"works-council-informed": {"confirmed": true, "date": "2025-12-01", "by": "A. Jansen"}},
      "organisation": {"name": "Gemeente Voorbeeld", "loonheffingennummers": ["802634540L01"]},
      "peildatum": "2026-01-01",                 # or null
      "population": {"externals": false, "interns": false, "leavers": false},
      "has_file": true,                          # algemene variant: does the officer give an export?
      "source": {"path": "/…/personeel.xlsx", "sheet": "Personeel", "header_row": 3,
                 "fingerprint": {"sha256": "9f86d0…", "size": 48213}},   # optional, see below
      "mapping": { …the mapping file's shape, see desktop_app.mapping.store… },   # or null
      "categories": {},                          # placeholder: category choices (next version)
      "portal": {}                               # placeholder: portal settings (next version)
    }

A relative ``source.path`` is read relative to the draft's own folder (the bundled demo uses it).
``source.fingerprint`` is the SHA-256 and size of the bytes last checked (read for review); packaging
refuses a file that no longer matches it. It is optional within version 1: a draft saved before it
existed opens as it is, and gets one when its file is next checked.
The mapping's value maps hold the coded values the officer translated (``"Vrouw" -> "V"``), as a
saved mapping does; nothing else from the file.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app import __version__
from desktop_app.atomic import write_atomic
from desktop_app.bounded_read import FileKind, read_json_bounded
from desktop_app.errors import AppError
from desktop_app.intake.fingerprint import SourceFingerprint
from desktop_app.mapping.model import Mapping
from desktop_app.mapping.store import mapping_from_json, mapping_to_json

FORMAT = "diversity-assistant/draft"
VERSION = 1


class DraftError(AppError):
    """A draft file could not be read; the message says why and what to do."""


@dataclass
class ChecklistAnswer:
    """One confirmed (or not yet confirmed) checklist item: when and by whom."""

    confirmed: bool = False
    date: dt.date | None = None
    by: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "confirmed": self.confirmed,
            "date": self.date.isoformat() if self.date else None,
            "by": self.by,
        }


@dataclass
class SourceFile:
    """Which file, sheet and header row the officer chose (the file itself is only read), and the
    fingerprint of the file's bytes as they were checked (None: not checked yet, or an older
    draft)."""

    path: Path | None = None
    sheet: str | None = None
    header_row: int | None = None
    fingerprint: SourceFingerprint | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": str(self.path) if self.path else None,
            "sheet": self.sheet,
            "header_row": self.header_row,
        }
        if self.fingerprint is not None:
            data["fingerprint"] = self.fingerprint.to_json()
        return data


@dataclass
class Draft:
    """Everything the officer chose so far. Mutable: the wizard's pages fill it in."""

    programme_id: str | None = None
    checklist: dict[str, ChecklistAnswer] = field(default_factory=dict)
    organisation: dict[str, str | list[str]] = field(default_factory=dict)
    peildatum: dt.date | None = None
    population: dict[str, bool] = field(default_factory=dict)
    has_file: bool | None = None
    source: SourceFile = field(default_factory=SourceFile)
    mapping: Mapping | None = None
    categories: dict[str, Any] = field(default_factory=dict)
    portal: dict[str, Any] = field(default_factory=dict)

    @property
    def breakdowns(self) -> tuple[str, ...]:
        """The source headers chosen as breakdowns (kept in the mapping)."""
        return tuple(b.header for b in self.mapping.breakdowns) if self.mapping else ()

    def all_confirmed(self, item_ids: list[str] | tuple[str, ...]) -> bool:
        return all(
            (answer := self.checklist.get(i)) is not None and answer.confirmed for i in item_ids
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "saved_with": __version__,
            "saved_at": dt.datetime.now().replace(microsecond=0).isoformat(),
            "programme": self.programme_id,
            "checklist": {k: v.to_json() for k, v in self.checklist.items()},
            "organisation": {
                k: list(v) if isinstance(v, (list, tuple)) else v
                for k, v in self.organisation.items()
            },
            "peildatum": self.peildatum.isoformat() if self.peildatum else None,
            "population": dict(self.population),
            "has_file": self.has_file,
            "source": self.source.to_json(),
            "mapping": mapping_to_json(self.mapping) if self.mapping else None,
            "categories": dict(self.categories),
            "portal": dict(self.portal),
        }


def save_draft(draft: Draft, path: Path) -> None:
    """Write the draft as JSON, atomically (readers see the old draft or the new one)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(draft.to_json(), ensure_ascii=False, indent=2) + "\n"
    write_atomic(path, text.encode("utf-8"))


def load_draft(path: Path) -> Draft:
    """Read a draft; a missing, damaged or foreign file is refused with a :class:`DraftError`."""
    path = Path(path)
    try:
        data = read_json_bounded(path, FileKind.DRAFT)
    except FileNotFoundError:
        raise DraftError("draft.not-found", file=path.name) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DraftError("draft.not-json", file=path.name, detail=str(error)) from None
    except OSError as error:
        raise DraftError("draft.unreadable", file=path.name, detail=error.strerror) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DraftError("draft.wrong-format", file=path.name)
    if data.get("version") != VERSION:
        raise DraftError(
            "draft.wrong-version", file=path.name, version=data.get("version"), supported=VERSION
        )
    try:
        return _draft_from_json(data, path.parent)
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise DraftError("draft.damaged", file=path.name, detail=str(error)) from None


def _draft_from_json(data: dict[str, Any], folder: Path) -> Draft:
    source = data.get("source") or {}
    source_path = _optional(source.get("path"), str)
    if source_path and not Path(source_path).is_absolute():
        source_path = str((folder / source_path).resolve())
    organisation: dict[str, str | list[str]] = {}
    for key, value in (data.get("organisation") or {}).items():
        if isinstance(value, list):
            organisation[_text(key)] = [_text(v) for v in value]
        else:
            organisation[_text(key)] = _text(value)
    return Draft(
        programme_id=_optional(data.get("programme"), str),
        checklist={
            _text(item): ChecklistAnswer(
                confirmed=bool(answer.get("confirmed", False)),
                date=_date(answer.get("date")),
                by=_optional(answer.get("by"), str) or "",
            )
            for item, answer in (data.get("checklist") or {}).items()
        },
        organisation=organisation,
        peildatum=_date(data.get("peildatum")),
        population={_text(k): bool(v) for k, v in (data.get("population") or {}).items()},
        has_file=_optional(data.get("has_file"), bool),
        source=SourceFile(
            path=Path(source_path) if source_path else None,
            sheet=_optional(source.get("sheet"), str),
            header_row=_optional(source.get("header_row"), int),
            fingerprint=(
                SourceFingerprint.from_json(source["fingerprint"])
                if source.get("fingerprint") is not None
                else None
            ),
        ),
        mapping=mapping_from_json(data["mapping"]) if data.get("mapping") else None,
        categories=dict(data.get("categories") or {}),
        portal=dict(data.get("portal") or {}),
    )


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {value!r}")
    return value


def _optional(value: Any, kind: type) -> Any:
    if value is None:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(f"expected {kind.__name__}, found {value!r}")
    return value


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(_text(value)) if value is not None else None
