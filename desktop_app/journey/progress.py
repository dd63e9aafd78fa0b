"""The journey records itself as the wizard goes: the one place that decides which step a made
file or a sent file closes, and what the start window says about a journey.

- :func:`record_made`: the file for the office was made (its record written): the delivery step
  (the profile's step with ``delivery = true``) is *prepared* (:attr:`Journey.prepared`, the
  record as :class:`~desktop_app.journey.journey.MadeByApp`) but stays open: it is not sent.
- :func:`record_delivery`: the officer's record says the file reached the office (an ``uploaded``
  receipt or a ``delivered`` confirmation): the delivery step is done, on the day of that event,
  with the record as :class:`~desktop_app.journey.journey.Receipt`. A record without either event
  marks nothing. Marking again with the same record changes nothing on disk.
- :func:`overview`: where the officer is, what is next and what the organisation waits for.
- :func:`draft_for_journey`: the draft a journey opens (the autosaved one when it is the same
  organisation and programme, else a new draft for the programme).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from desktop_app.delivery.record import read_record
from desktop_app.draft import Draft
from desktop_app.journey.folder import Filed, current_year_folder, file_choices, file_delivery
from desktop_app.journey.journey import (
    Journey,
    Receipt,
    made_by_app,
    mark,
    receipt,
    save_journey,
    start_for_draft,
)
from desktop_app.profiles.model import OfficeStep, Programme

SENT_EVENTS = ("uploaded", "delivered")


def delivery_step(programme: Programme) -> OfficeStep | None:
    """The office step in which the file goes to the office (``delivery = true``)."""
    for step in programme.office_steps:
        if step.delivery:
            return step
    return None


def record_made(draft: Draft, record_path: Path) -> Journey:
    """The file for the office was made: its journey started when missing and the delivery
    step prepared with the record (the step stays open until the file is sent)."""
    journey = start_for_draft(draft)
    step = delivery_step(journey.programme)
    if step is None:
        return journey
    evidence = made_by_app(record_path)
    if journey.prepared.get(step.id) != evidence:
        journey = replace(journey, prepared={**journey.prepared, step.id: evidence})
        save_journey(journey)
    file_in_year_folder(journey, draft, record_path, step.id)
    return journey


def file_in_year_folder(
    journey: Journey, draft: Draft, record_path: Path, step_id: str | None
) -> Filed | None:
    """The record, its PDF, the protected file and the draft's choices filed in the yearly
    folder when one is chosen (None otherwise); an unprotected file is left out (plaintext)."""
    folder = current_year_folder(journey.organisation, journey.year)
    if folder is None:
        return None
    filed = file_delivery(folder, record_path, step=step_id, draft=draft)
    folder, _choices = file_choices(filed.folder, draft)
    return replace(filed, folder=folder)


def sent_at(record_path: Path) -> dt.datetime | None:
    """When the record says the file reached the office (the last upload or confirmation)."""
    record = read_record(Path(record_path))
    for event in reversed(record.events):
        if event.get("event") in SENT_EVENTS:
            try:
                return dt.datetime.fromisoformat(str(event.get("at", "")))
            except ValueError:
                return dt.datetime.now(dt.UTC)
    return None


def record_delivery(draft: Draft, record_path: Path) -> Journey | None:
    """The delivery step done with the record as receipt when the record says the file reached
    the office; None (nothing marked) while it does not."""
    moment = sent_at(record_path)
    if moment is None:
        return None
    journey = start_for_draft(draft)
    step = delivery_step(journey.programme)
    if step is None:
        return journey
    evidence = receipt(record_path)
    done = journey.records.get(step.id)
    if (
        done is not None
        and isinstance(done.evidence, Receipt)
        and done.evidence.record_sha256 == evidence.record_sha256
    ):
        return journey
    day = moment.astimezone().date() if moment.tzinfo else moment.date()
    journey = mark(journey, step.id, evidence, on=day)
    file_in_year_folder(journey, draft, record_path, step.id)  # the record with its receipt
    return journey


@dataclass(frozen=True)
class Overview:
    """One journey as the start window shows it, in the officer's language."""

    organisation: str
    year: int
    programme: str
    current: str | None  # the current step's title; None when every step is done
    next: str | None  # the next open step's title
    waiting_for: tuple[str, ...]  # the office's open steps before the officer's next one
    office_turn: bool  # the current step is the office's: the officer waits
    prepared: bool  # the file for the office is made (not sent yet when the step is open)
    finished: bool


def overview(journey: Journey, language: str = "nl", organisation: str | None = None) -> Overview:
    """What the start window says of ``journey``; ``organisation``: the name to show (the
    journey keeps only the organisation's number)."""
    current = journey.current_step()
    following = journey.next_steps()
    step = delivery_step(journey.programme)
    return Overview(
        organisation=organisation or journey.organisation_name or journey.organisation,
        year=journey.year,
        programme=journey.programme.name.get(language),
        current=current.title.get(language) if current else None,
        next=following[0].title.get(language) if following else None,
        waiting_for=tuple(s.title.get(language) for s in waiting_now(journey)),
        office_turn=current is not None and current.actor == "office",
        prepared=step is not None and step.id in journey.prepared,
        finished=current is None,
    )


def waiting_now(journey: Journey) -> tuple[OfficeStep, ...]:
    """What the organisation waits for now: the office's open steps from the current one up to
    the officer's next open step (none while the officer's own step is the current one)."""
    waiting: list[OfficeStep] = []
    current = journey.current_step()
    if current is None:
        return ()
    for step in (current, *journey.next_steps()):
        if step.actor != "office":
            break
        waiting.append(step)
    return tuple(waiting)


def draft_matches(journey: Journey, draft: Draft | None) -> bool:
    """Whether ``draft`` is this journey's: the same organisation and programme."""
    return (
        draft is not None
        and draft.organisation_id == journey.organisation
        and draft.programme_id == journey.programme.id
    )


def draft_for_journey(journey: Journey, autosaved: Draft | None) -> Draft:
    """The draft a journey opens: the autosaved draft when it is the journey's, else a new
    draft for the journey's programme."""
    if autosaved is not None and draft_matches(journey, autosaved):
        return autosaved
    return Draft(programme_id=journey.programme.id)
