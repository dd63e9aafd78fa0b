"""The long jobs the pages start in a worker: thin wrappers over the core's calls, with progress
steps and cancel points between them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from collections.abc import Mapping as MappingType
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from PySide6.QtCore import QCoreApplication

from desktop_app.check import CheckResult, header_hints
from desktop_app.crypto.keys import SigningIdentity
from desktop_app.disclosure.preview import (  # noqa: F401 (CategoryGrid: the models' import)
    CategoryGrid,
    CategoryTables,
    category_tables,
)
from desktop_app.draft import Draft
from desktop_app.intake import RawTable, SheetInfo, list_sheets, read_table
from desktop_app.mapping import Mapping
from desktop_app.package.preview import (  # noqa: F401 (the review page's imports)
    SAMPLE_ROWS,
    Preview,
    first_rows,
    mask_value,
    package_preview,
)
from desktop_app.profiles import Programme
from desktop_app.profiles.model import Channel, Protection
from desktop_app.submission import Submission, make_submission
from desktop_app.ui.workers import Cancelled, Worker
from desktop_app.validation import ValidationResult, validate

if TYPE_CHECKING:
    from desktop_app.crypto.openpgp import OpenPgpKey


@dataclass(frozen=True)
class ReadOutcome:
    sheets: tuple[SheetInfo, ...]
    table: RawTable


@dataclass(frozen=True)
class CheckOutcome:
    table: RawTable
    validation: ValidationResult


def read_job(
    worker: Worker,
    path: Path,
    programme: Programme,
    sheet: str | None = None,
    header_row: int | None = None,
) -> ReadOutcome:
    """List the sheets and read one as a table (header row detected when not given)."""
    worker.progress(-1, QCoreApplication.translate("Jobs", "Opening the file…"))
    sheets = tuple(list_sheets(path))
    worker.check_cancelled()
    worker.progress(-1, QCoreApplication.translate("Jobs", "Reading the rows…"))
    table = read_table(
        path, sheet=sheet, header_row=header_row, header_hints=header_hints(programme)
    )
    worker.check_cancelled()
    return ReadOutcome(sheets, table)


def check_job(  # noqa: PLR0917 (called positionally by Worker)
    worker: Worker,
    table: RawTable | None,
    programme: Programme,
    mapping: Mapping,
    peildatum: dt.date,
    population: MappingType[str, bool],
    reread: Path | None = None,
) -> CheckOutcome:
    """Validate ``table``; with ``reread``, read the file again first (same sheet and header row)."""
    if reread is not None or table is None:
        worker.progress(-1, QCoreApplication.translate("Jobs", "Reading the rows…"))
        table = read_table(
            reread,
            sheet=mapping.sheet,
            header_row=mapping.header_row,
            header_hints=header_hints(programme),
        )
        worker.check_cancelled()
    worker.progress(-1, QCoreApplication.translate("Jobs", "Checking the data…"))
    result = validate(table, programme, mapping, peildatum, dict(population))
    worker.check_cancelled()
    return CheckOutcome(table, result)


# -- review and encryption ---------------------------------------------------------------------


def session_check(
    draft: Draft, programme: Programme, table: RawTable, validation: ValidationResult
) -> CheckResult:
    """The wizard's checked file as the core's CheckResult (no second read of the file)."""
    return CheckResult(
        source=Path(draft.source.path) if draft.source.path else Path(),
        programme=programme,
        table=table,
        mapping=draft.mapping,
        mapping_origin="file",
        suggestions=(),
        possible_breakdowns=(),
        validation=validation,
        peildatum=draft.peildatum,
    )


def preview_job(worker: Worker, draft: Draft, check: CheckResult) -> Preview:
    """The core's :func:`desktop_app.package.preview.package_preview` with progress and cancel."""
    worker.progress(-1, QCoreApplication.translate("Jobs", "Preparing the preview…"))
    preview = package_preview(draft, check)
    worker.check_cancelled()
    return preview


def submission_job(  # noqa: PLR0917 (called positionally by Worker)
    worker: Worker,
    draft: Draft,
    certificate: Path | None,
    out: Path,
    confirmed_fingerprint: str | None,
    language: str,
    signer_factory: Callable[[Draft], SigningIdentity],
    protection: Protection | None = None,
    channel: Channel | None = None,
    recipient_key: Path | None = None,
    openpgp_signer_factory: Callable[[Draft], OpenPgpKey] | None = None,
) -> Submission:
    """Check the file again, package and protect it as the route says (sign and encrypt for the
    office's certificate or OpenPGP key, a passphrase archive, or the office's file as is for its
    portal) and write the officer's record. The summary PDF is rendered afterwards in the GUI
    thread (Qt's text layout belongs there): see :func:`write_summary`. The organisation's key is
    unlocked only for the protection that signs with it.

    A cancel after the package was written removes it again: cancelled means nothing was made.
    The bundled test-only certificate is accepted only on the demo's way to the demo portal this
    process runs (:func:`desktop_app.ui.demo.allows_test_certificate`), never otherwise.
    """
    from desktop_app.ui.demo import allows_test_certificate

    signer = openpgp_signer = None
    if protection in (None, Protection.CMS):
        worker.progress(10, QCoreApplication.translate("Jobs", "Unlocking the organisation's key…"))
        signer = signer_factory(draft)
    elif protection is Protection.OPENPGP and openpgp_signer_factory is not None:
        worker.progress(10, QCoreApplication.translate("Jobs", "Unlocking the organisation's key…"))
        openpgp_signer = openpgp_signer_factory(draft)
    worker.check_cancelled()
    worker.progress(30, QCoreApplication.translate("Jobs", "Checking, packaging and protecting…"))
    submission = make_submission(
        draft,
        certificate if protection in (None, Protection.CMS) else None,
        out,
        signer=signer,
        confirmed_fingerprint=confirmed_fingerprint,
        allow_test_certificate=allows_test_certificate(draft),
        language=language,
        protection=protection,
        channel=channel,
        recipient_key=recipient_key if protection is Protection.OPENPGP else None,
        openpgp_signer=openpgp_signer,
    )
    if worker.cancelled:
        submission.package_path.unlink(missing_ok=True)
        if submission.record_path is not None:
            submission.record_path.unlink(missing_ok=True)
        raise Cancelled
    worker.progress(100, QCoreApplication.translate("Jobs", "Done."))
    return submission


# -- safe categories: the protected frequency table --------------------------------------------


def category_tables_job(
    worker: Worker,
    labels: MappingType[str, pd.Series],
    sexes: pd.Series | None,
    threshold: int,
) -> CategoryTables:
    """The core's :func:`desktop_app.disclosure.preview.category_tables` with progress and cancel."""
    worker.progress(-1, QCoreApplication.translate("Jobs", "Protecting the table…"))
    return category_tables(labels, sexes, threshold, worker.check_cancelled)
