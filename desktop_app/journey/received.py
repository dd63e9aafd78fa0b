"""What the office sends back, and a step marked by hand: one call per thing the officer records,
shared by the command line (``journey accept``, ``journey mark``) and the journey window.

- :func:`accept_documents`: the project proposal and the delivery agreement (the PDFs the officer
  received) attached to the step, hashed, and their acceptance recorded: the day, the officer and
  the signatory (names only);
- :func:`mark_step`: any step closed by the officer's confirmation, optionally with an evidence
  file (a document received is copied, a delivery record is a receipt, a file the assistant made
  is kept by path and hash). The portal login's arrival takes a confirmation only: the letter
  carries the password, which the assistant never keeps;
- :func:`table_set_step`: the step in which the office's tables arrive; marked with the table
  set's file, that file is what the results import reads (:mod:`desktop_app.results`, which this
  module does not import).

Every attached document is also filed in the yearly folder when one is chosen
(:func:`desktop_app.journey.folder.year_folder`): received documents as ``received``, the table
set as ``results``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop_app.bounded_read import file_sha256
from desktop_app.journey.folder import current_year_folder, file_into
from desktop_app.journey.journey import (
    LOGIN_STEPS,
    Acceptance,
    Evidence,
    Journey,
    JourneyError,
    ReceivedDocument,
    attach_document,
    attachment_path,
    check_day,
    check_document,
    confirmation,
    evidence_for_file,
    mark,
)
from desktop_app.profiles.model import OfficeStep, Programme

TABLE_SET_ALIAS = "table-set-received"
"""What the command line also accepts for the programme's table set step."""


def table_set_step(programme: Programme) -> OfficeStep | None:
    """The step in which the office's tables arrive: the first office step after the delivery
    that a received document closes (CBS: ``tables-delivered``; KSZ: ``tables-returned``)."""
    for step in programme.steps_after_delivery():
        if step.actor == "office" and step.closes == "received-document":
            return step
    return None


def resolve_step(journey: Journey, step_id: str) -> OfficeStep:
    """The step ``step_id`` names (the table set's alias included); unknown: a sentence."""
    if step_id == TABLE_SET_ALIAS:
        step = table_set_step(journey.programme)
        if step is not None:
            return step
    return journey.step(step_id)


def takes_acceptance(step: OfficeStep) -> bool:
    """Whether the office's documents of ``step`` are accepted (not the login's letter)."""
    return (
        step.actor == "office"
        and step.closes == "received-document"
        and (step.id not in LOGIN_STEPS)
    )


@dataclass(frozen=True)
class Marked:
    """A step marked: the journey as saved, and the files filed in the yearly folder."""

    journey: Journey
    filed: tuple[str, ...] = ()


def accept_documents(
    journey: Journey,
    step_id: str,
    documents: Sequence[Path],
    *,
    accepted_on: dt.date,
    officer: str,
    signatory: str,
    plaintext_sha256: Iterable[str] = (),
) -> Marked:
    """The office's documents attached to ``step_id`` (copied into the journey's folder and the
    yearly folder, hashed) and their acceptance on ``accepted_on`` by ``officer``, signed by
    ``signatory``; the step is done on that day."""
    step = resolve_step(journey, step_id)
    if not takes_acceptance(step):
        raise JourneyError("journey.not-accepted-here", step=step.title.get("en"))
    if not documents:
        raise JourneyError("journey.accept-no-document")
    check_day(accepted_on)
    officer = confirmation(officer).by  # one line, not empty, not too long
    signatory = confirmation(signatory).by
    for path in documents:  # every document usable before the first is copied
        check_document(Path(path))
        refuse_plaintext(Path(path), plaintext_sha256)
    attached = tuple(attach_document(journey, step.id, Path(path)) for path in documents)
    evidence = Acceptance(attached, accepted_on, officer, signatory)
    journey = mark(journey, step.id, evidence, on=accepted_on)
    return Marked(journey, _file_attached(journey, step, attached))


def mark_step(
    journey: Journey,
    step_id: str,
    *,
    by: str | None = None,
    file: Path | None = None,
    on: dt.date | None = None,
    plaintext_sha256: Iterable[str] = (),
) -> Marked:
    """``step_id`` done on ``on`` (default today): with a file as evidence, else with the
    officer's confirmation (``by``). A login step takes the confirmation only."""
    step = resolve_step(journey, step_id)
    if file is None and not by:
        raise JourneyError("journey.evidence-needed", step=step.id)
    check_day(on)  # before a document is copied
    evidence: Evidence
    if file is not None:
        if step.id in LOGIN_STEPS:
            raise JourneyError("journey.login-confirmation-only", step=step.id)
        refuse_plaintext(Path(file), plaintext_sha256)
        evidence = evidence_for_file(journey, step.id, Path(file))
    else:
        assert by is not None
        evidence = confirmation(by)
    journey = mark(journey, step.id, evidence, on=on)
    attached = (evidence,) if isinstance(evidence, ReceivedDocument) else ()
    return Marked(journey, _file_attached(journey, step, attached))


def refuse_plaintext(path: Path, plaintext_sha256: Iterable[str]) -> None:
    """The staff file the draft checked (by its SHA-256) is never attached as evidence: a copy
    would be kept unencrypted in the journey's and the yearly folder."""
    hashes = set(plaintext_sha256)
    if hashes and path.is_file() and file_sha256(path) in hashes:
        raise JourneyError("journey.evidence-plaintext", file=path.name)


def login_arrived(journey: Journey, by: str, on: dt.date | None = None) -> Marked:
    """The portal login arrived (confirmed by ``by``; the password is never recorded)."""
    for step in journey.programme.office_steps:
        if step.id in LOGIN_STEPS:
            return mark_step(journey, step.id, by=by, on=on)
    raise JourneyError("journey.no-login-step", programme=journey.programme.id)


def table_set_file(journey: Journey) -> Path | None:
    """The table set's file attached to the journey (what the results import reads), when the
    table set step is done with a document."""
    step = table_set_step(journey.programme)
    record = journey.records.get(step.id) if step is not None else None
    if record is None or not isinstance(record.evidence, ReceivedDocument):
        return None
    return attachment_path(journey, record.evidence)


def _file_attached(
    journey: Journey, step: OfficeStep, documents: Sequence[ReceivedDocument]
) -> tuple[str, ...]:
    """Copies of ``documents`` in the yearly folder, when one is chosen (never raises for the
    folder: the journey keeps its own copy either way)."""
    if not documents:
        return ()
    try:
        folder = current_year_folder(journey.organisation, journey.year)
    except (JourneyError, OSError):
        return ()
    if folder is None:
        return ()
    table_set = table_set_step(journey.programme)
    kind = "results" if table_set is not None and step.id == table_set.id else "received"
    names = []
    for document in documents:
        folder, filed = file_into(folder, attachment_path(journey, document), kind, step=step.id)
        names.append(filed.name)
    return tuple(names)
