"""Repeat last year's choices in one step: next year's draft from last year's folder or draft.

CBS advises to keep the same breakdowns and categories year after year (the results can then be
compared). :func:`repeat_choices` reads last year's choices (a yearly folder, see
:mod:`desktop_app.journey.folder`, or a draft file) and returns a new draft for the next year
with the same:

- programme, organisation (names and numbers; not the staff counts, which are this year's;
  "taken part before" becomes yes, with last year added to the years),
  population, whether a staff file is given, and the sheet and header row of that file;
- mapping (columns, coded values, breakdowns), band edges, merges (the subgroups as merged),
  the officer's cell threshold, the KSZ choices (the reference year moved to the new year);
- delivery route: channel, protection, portal address and user, the office's certificate or
  OpenPGP key *file*.

Never carried (:data:`NOT_CARRIED` says what the officer does again): the checklist
confirmations, any fingerprint (the staff file's, the confirmed certificate SHA-256 or OpenPGP
fingerprint, the organisation's own key fingerprint), last year's delivery record and staff file
path, the KSZ request documents and head count, and keys a later release wrote that this one
does not know (they might be any of these). Passwords are never in a draft to begin with.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop_app.draft import (
    MAX_YEAR,
    MIN_YEAR,
    CategoryChoices,
    Delivery,
    Draft,
    EarlierParticipation,
    OpenPgpKeyChoice,
    Organisation,
    RecipientChoice,
    SourceFile,
    UploadSettings,
    load_draft,
)
from desktop_app.journey.folder import read_year_folder
from desktop_app.journey.journey import JourneyError

NOT_CARRIED = (
    "checklist",
    "fingerprints",
    "staff-counts",
    "staff-file",
    "delivery-record",
    "ksz-documents",
)
KSZ_DROPPED = ("documents", "staff_count")


def last_years_draft(source: Path) -> Draft:
    """The draft ``source`` names: a yearly folder (its filed choices) or a draft file."""
    source = Path(source)
    if source.is_dir():
        folder = read_year_folder(source)
        choices = folder.choices
        if choices is None or not choices.is_file():
            raise JourneyError("journey.repeat-no-choices", folder=str(source))
        return load_draft(choices)
    return load_draft(source)


def source_files(source: Path) -> tuple[Path, ...]:
    """The files of last year that :func:`repeat_choices` reads or that belong to last year's
    folder (its index and every file filed there): next year's draft is never written over one."""
    source = Path(source)
    if not source.is_dir():
        return (source,)
    folder = read_year_folder(source)
    return (folder.index_path, *(folder.folder / filed.name for filed in folder.files))


def repeat_choices(source: Path, year: int | None = None) -> Draft:
    """Next year's draft from last year's choices (see the module's docstring); ``year``: the
    new submission's year (default: the year after last year's)."""
    last = last_years_draft(source)
    if last.programme_id is None:
        raise JourneyError("journey.repeat-no-programme", file=Path(source).name)
    ksz = dict(last.categories.ksz)
    last_year = last.year or _int(ksz.get("reference_year"))
    new_year = year if year is not None else (last_year + 1 if last_year else None)
    if new_year is not None and not MIN_YEAR <= new_year <= MAX_YEAR:
        raise JourneyError("journey.bad-year", year=new_year)
    return Draft(
        programme_id=last.programme_id,
        checklist={},
        organisation=_organisation(last.organisation, last_year),
        peildatum=_moved(last.peildatum, new_year),
        population=dict(last.population),
        has_file=last.has_file,
        source=SourceFile(sheet=last.source.sheet, header_row=last.source.header_row),
        mapping=last.mapping,
        categories=_categories(last.categories, new_year),
        delivery=_delivery(last.delivery),
    )


def _organisation(organisation: Organisation, last_year: int | None) -> Organisation:
    """The organisation without its fingerprints and staff counts; taken part before: yes, in
    the earlier years and last year."""
    fields = {k: v for k, v in organisation.fields.items() if "fingerprint" not in k.lower()}
    earlier = organisation.earlier_participation
    years = (*(earlier.years if earlier is not None else ()), *((last_year,) if last_year else ()))
    participated = EarlierParticipation(True, years) if years else earlier
    return replace(organisation, fields=fields, staff_counts=(), earlier_participation=participated)


def _moved(day: dt.date | None, year: int | None) -> dt.date | None:
    if day is None or year is None:
        return None
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=year, day=28)


def _categories(categories: CategoryChoices, year: int | None) -> CategoryChoices:
    ksz: dict[str, Any] = {k: v for k, v in categories.ksz.items() if k not in KSZ_DROPPED}
    if ksz and year is not None:
        ksz["reference_year"] = year
    return CategoryChoices(
        bands=categories.bands,
        merges=categories.merges,
        cell_threshold=categories.cell_threshold,
        ksz=ksz,
    )


def _delivery(delivery: Delivery) -> Delivery:
    upload = delivery.upload
    return Delivery(
        upload=(
            UploadSettings(upload.url, upload.user, upload.key_file, upload.ca_file)
            if upload is not None
            else None
        ),
        recipient=(
            RecipientChoice(delivery.recipient.path) if delivery.recipient is not None else None
        ),
        channel=delivery.channel,
        protection=delivery.protection,
        openpgp_key=(
            OpenPgpKeyChoice(delivery.openpgp_key.path)
            if delivery.openpgp_key is not None
            else None
        ),
    )


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def carried_summary(draft: Draft) -> dict[str, Any]:
    """What a repeated draft took over, for the command's and the window's confirmation."""
    return {
        "programme": draft.programme_id,
        "organisation": draft.organisation_id,
        "year": draft.year or _int(draft.categories.ksz.get("reference_year")),
        "mapping": draft.mapping is not None,
        "breakdowns": list(draft.breakdowns),
        "merges": sorted(draft.categories.merges),
        "bands": sorted(draft.categories.bands),
        "channel": draft.delivery.channel,
        "protection": draft.delivery.protection,
    }
