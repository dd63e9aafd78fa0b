"""The journey per organisation and year: where the officer stands in the office's procedure.

The offices' procedures take weeks (CBS's nine steps, KSZ's four and what follows; the steps are
data in the profile, :attr:`desktop_app.profiles.model.Programme.office_steps`). A journey records,
per step, whether it is open or done, the date it was done and the evidence that closed it:

- a file the assistant made (:class:`MadeByApp`: its path and SHA-256; the file stays where it is);
- a document the officer received (:class:`ReceivedDocument`: copied into the journey's folder,
  its SHA-256 kept);
- a delivery record (:class:`Receipt`: the ``*.record.json`` of :mod:`desktop_app.delivery.record`,
  its SHA-256, the delivered file's SHA-256 and the record's events, without the manifest);
- the officer's confirmation (:class:`Confirmation`: who, when).

A journey is one JSON file in the app-data folder beside the drafts::

    <data_dir>/journeys/<organisation>/<year>/journey.json     (+ the received documents)

    {
      "format": "diversity-assistant/journey",
      "version": 1,
      "saved_with": "0.1.0",
      "organisation": "rsin-802634540",          # the draft's stable id: the key
      "organisation_name": "Gemeente Voorbeeld", # shown on the start window (optional)
      "year": 2026,
      "programme": "cbs-barometer-ingezoomd",
      "started_at": "2026-01-05T10:12:00+00:00",
      "steps": {
        "sign-up": {"date": "2026-01-05", "marked_at": "…",
                    "evidence": {"kind": "confirmation", "by": "A. Jansen", "at": "…"}},
        …                                          # a step absent here is open
      }
    }

It never holds an employee value, a password or the portal login's password: the login's arrival
is a confirmation (who, when), and a document cannot be attached to a login step
(:data:`LOGIN_STEPS`), since the letter carries the password. A file of another format, a newer
version or a damaged file is refused with a sentence (``journey.*``); the file is read bounded
(:data:`desktop_app.bounded_read.FileKind.STATE`) and written atomically.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from desktop_app import __version__
from desktop_app.atomic import write_atomic, write_pieces_atomic
from desktop_app.bounded_read import (
    FileKind,
    file_sha256,
    load_json_bounded,
    open_regular,
    read_bounded,
    require_regular_file,
)
from desktop_app.delivery.record import RECORD_SUFFIX, read_record
from desktop_app.draft import MAX_YEAR, MIN_YEAR, ORGANISATION_ID, Draft
from desktop_app.errors import AppError
from desktop_app.ksz.choices import read_choices
from desktop_app.messages import Message
from desktop_app.paths import data_dir
from desktop_app.profiles import load_programme_by_id
from desktop_app.profiles.model import OfficeStep, Programme

FORMAT = "diversity-assistant/journey"
VERSION = 1
JOURNEYS_FOLDER = "journeys"
JOURNEY_FILE = "journey.json"
LOGIN_STEPS = frozenset({"portal-login"})
"""Steps whose document carries a password: only a confirmation closes them."""

MAX_NAME = 120  # a person's name in a confirmation
EVENTS_KEPT = ("delivered", "uploaded", "plaintext-deleted")

State = Literal["open", "done"]


class JourneyError(AppError):
    """A journey cannot be started, read or changed as asked; the message says why."""


# -- evidence ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MadeByApp:
    """A file the assistant made (a document, the package): where it is and its SHA-256."""

    path: str
    sha256: str
    bytes: int
    kind: Literal["made-by-app"] = "made-by-app"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "path": self.path, "sha256": self.sha256, "bytes": self.bytes}


@dataclass(frozen=True)
class ReceivedDocument:
    """A document the officer received, copied into the journey's folder as ``stored``."""

    name: str  # the name it had when attached
    stored: str  # the copy's name in the journey's folder
    sha256: str
    bytes: int
    kind: Literal["received-document"] = "received-document"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "name": self.name,
            "stored": self.stored,
            "sha256": self.sha256,
            "bytes": self.bytes,
        }


@dataclass(frozen=True)
class Receipt:
    """A delivery record: the record file's path and SHA-256, the delivered file's name and
    SHA-256, and the record's events (kind and time only; the manifest is not copied)."""

    record: str
    record_sha256: str
    file: str
    file_sha256: str
    channel: str
    events: tuple[Mapping[str, str], ...] = ()
    kind: Literal["receipt"] = "receipt"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "record": self.record,
            "record_sha256": self.record_sha256,
            "file": self.file,
            "file_sha256": self.file_sha256,
            "channel": self.channel,
            "events": [dict(event) for event in self.events],
        }


@dataclass(frozen=True)
class Confirmation:
    """The officer confirms the step is done: who and when (no free text: nothing secret)."""

    by: str
    at: dt.datetime
    kind: Literal["confirmation"] = "confirmation"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "by": self.by, "at": self.at.isoformat()}


@dataclass(frozen=True)
class Acceptance:
    """Documents the office sent (a project proposal, a delivery agreement), attached, and their
    acceptance: on which day, by which officer, signed by whom (names only: nothing secret)."""

    documents: tuple[ReceivedDocument, ...]
    accepted_on: dt.date
    officer: str
    signatory: str
    kind: Literal["acceptance"] = "acceptance"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "documents": [document.to_json() for document in self.documents],
            "accepted_on": self.accepted_on.isoformat(),
            "officer": self.officer,
            "signatory": self.signatory,
        }


Evidence = MadeByApp | ReceivedDocument | Receipt | Confirmation | Acceptance


@dataclass(frozen=True)
class StepRecord:
    """A step done: on which date, and what closed it."""

    date: dt.date
    evidence: Evidence
    marked_at: dt.datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "marked_at": self.marked_at.isoformat(),
            "evidence": self.evidence.to_json(),
        }


# -- the journey ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StepView:
    """One office step with its state, for both faces."""

    step: OfficeStep
    state: State
    record: StepRecord | None
    after_delivery: bool


@dataclass(frozen=True)
class Journey:
    """One organisation's journey through one programme's office steps in one year."""

    organisation: str
    year: int
    programme: Programme
    started_at: dt.datetime
    records: Mapping[str, StepRecord] = field(default_factory=dict)
    folder: Path = field(default_factory=Path)
    prepared: Mapping[str, MadeByApp] = field(default_factory=dict)
    """Open steps whose file the assistant made already (the delivery step: the file for the
    office, made but not sent yet), by step id."""
    organisation_name: str = ""
    """The organisation's name as the draft last gave it (shown; the id is the key)."""

    @property
    def path(self) -> Path:
        return self.folder / JOURNEY_FILE

    def step(self, step_id: str) -> OfficeStep:
        for step in self.programme.office_steps:
            if step.id == step_id:
                return step
        raise JourneyError(
            "journey.unknown-step",
            step=step_id,
            programme=self.programme.id,
            available=", ".join(s.id for s in self.programme.office_steps),
        )

    def state(self, step_id: str) -> State:
        self.step(step_id)
        return "done" if step_id in self.records else "open"

    def steps(self) -> tuple[StepView, ...]:
        """Every office step in the profile's order, with its state."""
        after = {step.id for step in self.programme.steps_after_delivery()}
        return tuple(
            StepView(
                step,
                "done" if step.id in self.records else "open",
                self.records.get(step.id),
                step.id in after,
            )
            for step in self.programme.office_steps
        )

    def current_step(self) -> OfficeStep | None:
        """Where the officer is: the first open step (None when every step is done)."""
        for step in self.programme.office_steps:
            if step.id not in self.records:
                return step
        return None

    def next_steps(self) -> tuple[OfficeStep, ...]:
        """The open steps after the current one, in order."""
        current = self.current_step()
        if current is None:
            return ()
        steps = self.programme.office_steps
        start = steps.index(current) + 1
        return tuple(step for step in steps[start:] if step.id not in self.records)

    def waiting_for(self) -> tuple[OfficeStep, ...]:
        """The open steps the office takes (what the organisation waits for)."""
        return tuple(
            step
            for step in self.programme.office_steps
            if step.actor == "office" and step.id not in self.records
        )

    def steps_after_delivery(self) -> tuple[OfficeStep, ...]:
        """The office's steps after the file reached it ("what happens next")."""
        return self.programme.steps_after_delivery()

    def finished(self) -> bool:
        return self.current_step() is None

    def to_json(self) -> dict[str, Any]:
        order = [step.id for step in self.programme.office_steps]
        ordered = sorted(
            self.records, key=lambda s: (order.index(s) if s in order else len(order), s)
        )
        return {
            "format": FORMAT,
            "version": VERSION,
            "saved_with": __version__,
            "organisation": self.organisation,
            **({"organisation_name": self.organisation_name} if self.organisation_name else {}),
            "year": self.year,
            "programme": self.programme.id,
            "programme_version": self.programme.version,
            "started_at": self.started_at.isoformat(),
            "steps": {step_id: self.records[step_id].to_json() for step_id in ordered},
            **(
                {"prepared": {k: v.to_json() for k, v in sorted(self.prepared.items())}}
                if self.prepared
                else {}
            ),
        }

    def view(self, language: str = "nl") -> dict[str, Any]:
        """What ``journey show --json`` prints and the wizard's start page shows."""
        current = self.current_step()
        return {
            "organisation": self.organisation,
            "year": self.year,
            "programme": self.programme.id,
            "programme_name": self.programme.name.get(language),
            "current_step": current.id if current else None,
            "next_steps": [step.id for step in self.next_steps()],
            "waiting_for": [step.id for step in self.waiting_for()],
            "steps_after_delivery": [step.id for step in self.steps_after_delivery()],
            "prepared": sorted(self.prepared),
            "steps": [
                {
                    "id": view.step.id,
                    "title": view.step.title.get(language),
                    "actor": view.step.actor,
                    "closes": view.step.closes,
                    "delivery": view.step.delivery,
                    "after_delivery": view.after_delivery,
                    "state": view.state,
                    **(view.record.to_json() if view.record else {}),
                }
                for view in self.steps()
            ],
        }


# -- where journeys live ----------------------------------------------------------------------------


def journeys_dir() -> Path:
    return data_dir() / JOURNEYS_FOLDER


def check_key(organisation: str | None, year: int | None) -> tuple[str, int]:
    """The organisation's stable id and the year, checked (they name folders)."""
    if not organisation:
        raise JourneyError("journey.no-organisation")
    if not ORGANISATION_ID.fullmatch(organisation):
        raise JourneyError("journey.bad-organisation", organisation=organisation or "")
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        raise JourneyError("journey.bad-year", year="" if year is None else year)
    return organisation, year


def journey_folder(organisation: str, year: int) -> Path:
    organisation, year = check_key(organisation, year)
    return journeys_dir() / organisation / str(year)


def journey_path(organisation: str, year: int) -> Path:
    return journey_folder(organisation, year) / JOURNEY_FILE


def draft_key(draft: Draft) -> tuple[str, int]:
    """The journey key of a draft, checked: its organisation's stable id and its year (the
    peildatum's year; on the KSZ route the request's reference year, which the request documents
    and the linkage file's peildatum carry too, see :func:`desktop_app.ksz.choices.align_reference`)."""
    year = draft.year
    if draft.programme_id is not None and (year is None or draft.categories.ksz):
        programme = load_programme_by_id(draft.programme_id)
        if programme.flow == "ksz":
            year = read_choices(draft).year()
    return check_key(draft.organisation_id, year)


def start_for_draft(draft: Draft) -> Journey:
    """The journey of the draft's organisation, year and programme (started when missing)."""
    if draft.programme_id is None:
        raise JourneyError("journey.no-programme")
    organisation, year = draft_key(draft)
    journey = start_journey(organisation, year, load_programme_by_id(draft.programme_id))
    name = " ".join(draft.organisation.name.split())[:MAX_NAME]
    if name and name != journey.organisation_name:  # the name the start window shows
        journey = replace(journey, organisation_name=name)
        save_journey(journey)
    return journey


def start_journey(
    organisation: str | None,
    year: int | None,
    programme: Programme,
    *,
    at: dt.datetime | None = None,
) -> Journey:
    """The journey of ``organisation`` in ``year``: the one on disk when there is one (for the
    same programme; another programme is refused), else a new one, saved at once."""
    organisation, year = check_key(organisation, year)
    if not programme.office_steps:
        raise JourneyError("journey.no-steps", programme=programme.id)
    path = journey_path(organisation, year)
    if path.exists():
        journey = load_journey(organisation, year)
        if journey.programme.id != programme.id:
            raise JourneyError(
                "journey.other-programme",
                organisation=organisation,
                year=year,
                programme=journey.programme.id,
                wanted=programme.id,
            )
        return journey
    journey = Journey(
        organisation=organisation,
        year=year,
        programme=programme,
        started_at=_now(at),
        folder=path.parent,
    )
    save_journey(journey)
    return journey


def save_journey(journey: Journey) -> None:
    journey.folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(journey.to_json(), ensure_ascii=False, indent=2) + "\n"
    write_atomic(journey.path, text.encode("utf-8"))


def load_journey(organisation: str, year: int) -> Journey:
    """The journey on disk; :class:`JourneyError` (or the bounded read's own
    :class:`~desktop_app.bounded_read.InputFileError`) when it is missing or unusable."""
    path = journey_path(organisation, year)
    if not path.exists():
        raise JourneyError("journey.not-started", organisation=organisation, year=year)
    return read_journey(path)


def read_journey(path: Path) -> Journey:
    """A journey file read and checked: its format, version and every field."""
    raw = read_bounded(path, FileKind.STATE)
    try:
        data = load_json_bounded(raw, path.name, FileKind.STATE)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise JourneyError("journey.damaged", file=str(path)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise JourneyError("journey.wrong-format", file=str(path))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version != VERSION:
        raise JourneyError("journey.wrong-version", file=str(path), version=str(version))
    try:
        return _journey_from_json(data, path.parent)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise JourneyError("journey.damaged", file=str(path)) from None


def _journey_from_json(data: dict[str, Any], folder: Path) -> Journey:
    organisation, year = data["organisation"], data["year"]
    if not isinstance(organisation, str) or not isinstance(year, int) or isinstance(year, bool):
        raise TypeError("organisation or year")
    check_key(organisation, year)
    programme_id = data["programme"]
    if not isinstance(programme_id, str):
        raise TypeError("programme")
    programme = load_programme_by_id(programme_id)
    steps = data.get("steps", {})
    if not isinstance(steps, dict):
        raise TypeError("steps")
    known = {step.id for step in programme.office_steps}
    records = {
        step_id: _record_from_json(entry)
        for step_id, entry in steps.items()
        if step_id in known  # a step a later profile dropped is left out
    }
    prepared_data = data.get("prepared", {})
    if not isinstance(prepared_data, dict):
        raise TypeError("prepared")
    prepared: dict[str, MadeByApp] = {}
    for step_id, entry in prepared_data.items():
        evidence = _evidence_from_json(entry)
        if not isinstance(evidence, MadeByApp):
            raise ValueError("prepared evidence")
        if step_id in known:
            prepared[step_id] = evidence
    name = data.get("organisation_name", "")
    return Journey(
        organisation=organisation,
        year=year,
        programme=programme,
        started_at=_datetime(data["started_at"]),
        records=records,
        folder=folder,
        prepared=prepared,
        organisation_name=_str(name)[:MAX_NAME],
    )


def _record_from_json(entry: Any) -> StepRecord:
    if not isinstance(entry, dict):
        raise TypeError("step")
    return StepRecord(
        date=dt.date.fromisoformat(_str(entry["date"])),
        evidence=_evidence_from_json(entry["evidence"]),
        marked_at=_datetime(entry["marked_at"]),
    )


def _evidence_from_json(data: Any) -> Evidence:
    if not isinstance(data, dict):
        raise TypeError("evidence")
    kind = data.get("kind")
    if kind == "made-by-app":
        return MadeByApp(_str(data["path"]), _hex(data["sha256"]), _int(data["bytes"]))
    if kind == "received-document":
        stored = _str(data["stored"])
        if Path(stored).name != stored or stored in ("", ".", ".."):
            raise ValueError("stored name")
        return ReceivedDocument(
            _str(data["name"]), stored, _hex(data["sha256"]), _int(data["bytes"])
        )
    if kind == "receipt":
        events = data.get("events", [])
        if not isinstance(events, list):
            raise TypeError("events")
        return Receipt(
            record=_str(data["record"]),
            record_sha256=_hex(data["record_sha256"]),
            file=_str(data["file"]),
            file_sha256=_hex(data["file_sha256"]),
            channel=_str(data["channel"]),
            events=tuple({k: _str(v) for k, v in dict(e).items()} for e in events),
        )
    if kind == "confirmation":
        return Confirmation(by=_str(data["by"]), at=_datetime(data["at"]))
    if kind == "acceptance":
        documents = data["documents"]
        if not isinstance(documents, list):
            raise TypeError("documents")
        received = tuple(_evidence_from_json(document) for document in documents)
        if not all(isinstance(document, ReceivedDocument) for document in received):
            raise ValueError("acceptance documents")
        return Acceptance(
            documents=tuple(d for d in received if isinstance(d, ReceivedDocument)),
            accepted_on=dt.date.fromisoformat(_str(data["accepted_on"])),
            officer=_str(data["officer"]),
            signatory=_str(data["signatory"]),
        )
    raise ValueError("evidence kind")


@dataclass(frozen=True)
class JourneyEntry:
    """One journey found on disk: the journey, or the sentence why it cannot be read."""

    organisation: str
    year: int
    path: Path
    journey: Journey | None
    problem: AppError | None


def list_journeys() -> list[JourneyEntry]:
    """Every journey in the app-data folder, by organisation and year (newest year first);
    a damaged one is listed with its problem, never raised."""
    root = journeys_dir()
    entries: list[JourneyEntry] = []
    if not root.is_dir():
        return entries
    for org_folder in sorted(root.iterdir()):
        if not ORGANISATION_ID.fullmatch(org_folder.name) or not org_folder.is_dir():
            continue
        for year_folder in sorted(org_folder.iterdir(), reverse=True):
            if not year_folder.name.isdigit() or not (year_folder / JOURNEY_FILE).exists():
                continue
            year = int(year_folder.name)
            path = year_folder / JOURNEY_FILE
            try:
                entries.append(JourneyEntry(org_folder.name, year, path, read_journey(path), None))
            except AppError as error:
                entries.append(JourneyEntry(org_folder.name, year, path, None, error))
            except OSError:
                unreadable = JourneyError("journey.unreadable", file=str(path))
                entries.append(JourneyEntry(org_folder.name, year, path, None, unreadable))
    return entries


# -- marking a step ---------------------------------------------------------------------------------


def mark(
    journey: Journey,
    step_id: str,
    evidence: Evidence,
    *,
    on: dt.date | None = None,
    at: dt.datetime | None = None,
) -> Journey:
    """``step_id`` done on ``on`` (default: today), closed by ``evidence``; saved at once and
    returned. Marking a done step again replaces its date and evidence."""
    step = journey.step(step_id)
    check_day(on)
    if step.id in LOGIN_STEPS and not isinstance(evidence, Confirmation):
        raise JourneyError("journey.login-confirmation-only", step=step.id)
    moment = _now(at)
    day = on or moment.astimezone().date()  # the officer's own calendar day
    record = StepRecord(date=day, evidence=evidence, marked_at=moment)
    updated = replace(journey, records={**journey.records, step.id: record})
    save_journey(updated)
    return updated


def check_day(day: dt.date | None) -> None:
    """A step's date (or an acceptance's) within the years a journey can have; checked before
    anything is copied (``--date 9999-12-31`` or ``0001-01-01`` is a typing mistake)."""
    if day is not None and not MIN_YEAR <= day.year <= MAX_YEAR:
        raise JourneyError("journey.bad-date", date=day.isoformat(), low=MIN_YEAR, high=MAX_YEAR)


def check_document(path: Path) -> int:
    """A file given as evidence: a regular file (a pipe, a device, a folder: their own sentence),
    at most a package's size, not empty; its size. Checked before anything is copied."""
    path = Path(path)
    size = require_regular_file(path, FileKind.PACKAGE)
    if size == 0:
        raise JourneyError("journey.empty-document", file=path.name)
    return size


def reopen(journey: Journey, step_id: str) -> Journey:
    """``step_id`` open again (marked by mistake); an attached copy stays in the folder."""
    step = journey.step(step_id)
    records = {k: v for k, v in journey.records.items() if k != step.id}
    updated = replace(journey, records=records)
    save_journey(updated)
    return updated


def confirmation(by: str, *, at: dt.datetime | None = None) -> Confirmation:
    """The officer's confirmation: a name (one line) and the moment."""
    name = " ".join(by.split())
    if not name or len(name) > MAX_NAME:
        raise JourneyError("journey.bad-name", limit=MAX_NAME)
    return Confirmation(by=name, at=_now(at))


def made_by_app(path: Path) -> MadeByApp:
    """A file the assistant made, by path and SHA-256 (the file stays where it is)."""
    path = Path(path)
    size = check_document(path)  # a pipe, /dev/zero, an empty file: its own sentence
    return MadeByApp(str(path.resolve()), file_sha256(path), size)


def attach_document(journey: Journey, step_id: str, path: Path) -> ReceivedDocument:
    """A received document copied into the journey's folder (``<step>-<name>``, a number added
    when that name is taken), its SHA-256 kept. A login step takes no document."""
    step = journey.step(step_id)
    if step.id in LOGIN_STEPS:
        raise JourneyError("journey.login-confirmation-only", step=step.id)
    path = Path(path)
    check_document(path)
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", path.name).strip("._") or "document"
    journey.folder.mkdir(parents=True, exist_ok=True)
    stored = f"{step.id}-{safe}"
    number = 1
    while (journey.folder / stored).exists() or stored == JOURNEY_FILE:
        number += 1
        stored = f"{step.id}-{number}-{safe}"
    # copied in pieces: a document up to a package's size never held in memory whole
    sha256, size = copy_in_pieces(path, journey.folder / stored, "journey.document-too-large")
    if size == 0:  # emptied since the check
        (journey.folder / stored).unlink()
        raise JourneyError("journey.empty-document", file=path.name)
    return ReceivedDocument(path.name, stored, sha256, size)


def copy_in_pieces(source: Path, target: Path, too_large: str) -> tuple[str, int]:
    """``source`` (a regular file, :func:`~desktop_app.bounded_read.open_regular`) copied to
    ``target`` in 1 MiB pieces through a temporary file and a rename (readers see no
    half-written copy); the copy's SHA-256 and size. A source that grows past a package's size
    while it is copied is refused with the message ``too_large``, the temporary file removed."""
    digest = hashlib.sha256()
    size = 0

    def pieces() -> Iterator[bytes]:
        nonlocal size
        with open_regular(source, FileKind.PACKAGE) as stream:
            while chunk := stream.read(1 << 20):
                size += len(chunk)
                if size > FileKind.PACKAGE.limit:
                    raise JourneyError(too_large, file=source.name)
                digest.update(chunk)
                yield chunk

    write_pieces_atomic(target, pieces())
    return digest.hexdigest(), size


def receipt(record_path: Path) -> Receipt:
    """A delivery record (``*.record.json``) as evidence: its hash, the delivered file's hash
    and the events, nothing of the manifest."""
    record_path = Path(record_path)
    record = read_record(record_path)  # refuses anything that is not a record, with a sentence
    events = tuple(
        {"event": str(event.get("event")), "at": str(event.get("at", ""))}
        for event in record.events
        if event.get("event") in EVENTS_KEPT
    )
    return Receipt(
        record=str(record_path.resolve()),
        record_sha256=file_sha256(record_path),
        file=record.file.name,
        file_sha256=record.file.sha256,
        channel=str(record.channel),
        events=events,
    )


def evidence_for_file(journey: Journey, step_id: str, path: Path) -> Evidence:
    """The evidence a file gives for ``step_id``: a delivery record is a receipt, a file for a
    step the assistant closes is one it made, anything else a received document (copied)."""
    step = journey.step(step_id)
    if Path(path).name.endswith(RECORD_SUFFIX):
        return receipt(path)
    if step.closes == "made-by-app":
        return made_by_app(path)
    return attach_document(journey, step_id, path)


def attachment_path(journey: Journey, document: ReceivedDocument) -> Path:
    return journey.folder / document.stored


# -- helpers ----------------------------------------------------------------------------------------


def _now(at: dt.datetime | None) -> dt.datetime:
    moment = at or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.replace(microsecond=0)


def _datetime(value: Any) -> dt.datetime:
    return dt.datetime.fromisoformat(_str(value))


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("text expected")
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError("count expected")
    return value


def _hex(value: Any) -> str:
    text = _str(value)
    if not re.fullmatch(r"[0-9a-f]{64}", text):
        raise ValueError("SHA-256 expected")
    return text


def describe_evidence(evidence: Evidence) -> Message:
    """One line on what closed a step, for both faces."""
    if isinstance(evidence, Confirmation):
        return Message("journey.evidence.confirmation", {"by": evidence.by})
    if isinstance(evidence, ReceivedDocument):
        return Message(
            "journey.evidence.document", {"name": evidence.name, "sha": evidence.sha256[:16]}
        )
    if isinstance(evidence, Receipt):
        return Message(
            "journey.evidence.receipt", {"file": evidence.file, "sha": evidence.file_sha256[:16]}
        )
    if isinstance(evidence, Acceptance):
        return Message(
            "journey.evidence.acceptance",
            {
                "documents": ", ".join(d.name for d in evidence.documents),
                "date": evidence.accepted_on.isoformat(),
                "officer": evidence.officer,
                "signatory": evidence.signatory,
            },
        )
    return Message(
        "journey.evidence.made", {"name": Path(evidence.path).name, "sha": evidence.sha256[:16]}
    )
