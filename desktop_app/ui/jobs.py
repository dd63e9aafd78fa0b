"""The long jobs the pages start in a worker: thin wrappers over the core's calls, with progress
steps and cancel points between them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
from collections.abc import Callable
from collections.abc import Mapping as MappingType
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication

from desktop_app.check import CheckResult, header_hints
from desktop_app.crypto.keys import SigningIdentity
from desktop_app.draft import Draft
from desktop_app.intake import RawTable, SheetInfo, list_sheets, read_table
from desktop_app.mapping import Mapping
from desktop_app.messages import Message
from desktop_app.package.build import breakdown_codes, readiness_problems
from desktop_app.package.output import OutputFile, build_output
from desktop_app.profiles import Programme
from desktop_app.profiles.model import FieldRole
from desktop_app.submission import Submission, make_submission
from desktop_app.ui.workers import Cancelled, Worker
from desktop_app.validation import ValidationResult, mask_identifier, validate


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

SAMPLE_ROWS = 5


@dataclass(frozen=True)
class Preview:
    """What will leave the machine, as the review page shows it (identifiers already masked)."""

    file_name: str
    columns: tuple[str, ...]
    rows: int
    sample: tuple[tuple[str, ...], ...]
    masked_columns: tuple[str, ...]
    problems: tuple[Message, ...]


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
    """Build the output file in memory (never written) and read back its first rows, masked."""
    worker.progress(-1, QCoreApplication.translate("Jobs", "Preparing the preview…"))
    problems = tuple(readiness_problems(draft, check))
    merges = draft.categories.get("merges")
    output = build_output(
        check.programme,
        check.validation,
        check.peildatum,
        str(draft.organisation.get("name", "")),
        breakdowns=breakdown_codes(
            check,
            merges if isinstance(merges, dict) else None,
            bands=bands if isinstance(bands := draft.categories.get("bands"), dict) else None,
        ),
    )
    worker.check_cancelled()
    masked = _identifier_columns(check.programme)
    sample = []
    for row in first_rows(output, check.programme, SAMPLE_ROWS):
        sample.append(
            tuple(
                mask_value(value) if name in masked else value
                for name, value in zip(output.columns, row, strict=False)
            )
        )
    return Preview(
        file_name=output.name,
        columns=output.columns,
        rows=output.rows,
        sample=tuple(sample),
        masked_columns=tuple(c for c in output.columns if c in masked),
        problems=problems,
    )


def mask_value(value: str) -> str:
    """An identifier as the review shows it: all but its last three digits hidden; short values
    (a birth month, a house number) hidden completely."""
    if sum(ch.isdigit() for ch in value) > 3:
        return mask_identifier(value)
    return "*" * len(value)


def _identifier_columns(programme: Programme) -> set[str]:
    """Output columns that carry an identifier field (masked in the preview)."""
    assert programme.output is not None
    names = set()
    for column in programme.output.columns:
        kind, _, ref = column.source.partition(":")
        if kind == "field" and programme.employee_field(ref).role is FieldRole.IDENTIFIER:
            names.add(column.name)
    return names


def first_rows(output: OutputFile, programme: Programme, count: int) -> list[list[str]]:
    spec = programme.output
    assert spec is not None
    if spec.file_type == "csv":
        text = output.content.decode(spec.encoding)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=spec.delimiter)
        rows = list(itertools.islice(reader, count + (1 if spec.header else 0)))
        return rows[1:] if spec.header else rows
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(output.content), read_only=True).active
    start = 2 if spec.header else 1
    return [
        ["" if v is None else str(v) for v in row]
        for row in sheet.iter_rows(min_row=start, max_row=start + count - 1, values_only=True)
    ]


def submission_job(  # noqa: PLR0917 (called positionally by Worker)
    worker: Worker,
    draft: Draft,
    certificate: Path,
    out: Path,
    confirmed_fingerprint: str | None,
    language: str,
    signer_factory: Callable[[Draft], SigningIdentity],
) -> Submission:
    """Check the file again, package, sign, encrypt and write the .p7m. The summary PDF is rendered
    afterwards in the GUI thread (Qt's text layout belongs there): see :func:`write_summary`.

    A cancel after the package was written removes it again: cancelled means nothing was made.
    """
    worker.progress(10, QCoreApplication.translate("Jobs", "Unlocking the organisation's key…"))
    signer = signer_factory(draft)
    worker.check_cancelled()
    worker.progress(30, QCoreApplication.translate("Jobs", "Checking, packaging and encrypting…"))
    submission = make_submission(
        draft,
        certificate,
        out,
        signer=signer,
        confirmed_fingerprint=confirmed_fingerprint,
        language=language,
    )
    if worker.cancelled:
        submission.package_path.unlink(missing_ok=True)
        raise Cancelled
    worker.progress(100, QCoreApplication.translate("Jobs", "Done."))
    return submission


# -- safe categories: the protected frequency table --------------------------------------------


@dataclass(frozen=True)
class CategoryGrid:
    """One breakdown's protected table: ``rows`` (subgroups) × ``columns`` (sex codes); ``None``
    is the total. ``status[r][c]``: ``"primary"``, ``"secondary"`` or ``"published"``."""

    header: str
    rows: tuple[str | None, ...]
    columns: tuple[str | None, ...]
    counts: tuple[tuple[int, ...], ...]
    status: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class CategoryTables:
    """The breakdowns × sex protected together (linked tables) and the audit's verdict."""

    grids: tuple[CategoryGrid, ...]
    threshold: int
    passed: bool
    failures: int


def category_tables_job(
    worker: Worker,
    labels: MappingType[str, pd.Series],
    sexes: pd.Series | None,
    threshold: int,
) -> CategoryTables:
    """Count each breakdown (labels after the merges, one per counted person) by sex, protect the
    tables together with ``threshold`` (primary + secondary suppression) and audit them."""
    from desktop_app.disclosure import RuleSettings, frequency_tables, protect

    worker.progress(-1, QCoreApplication.translate("Jobs", "Protecting the table…"))
    headers = list(labels)
    names = [f"breakdown{i}" for i in range(len(headers))]
    records = {n: np.asarray(labels[h], dtype=object) for n, h in zip(names, headers, strict=True)}
    if sexes is not None:
        records["sex"] = np.asarray(sexes, dtype=object)
    specs = [(n, "sex") if sexes is not None else (n,) for n in names]
    tables = frequency_tables(pd.DataFrame(records), specs)
    worker.check_cancelled()
    protection = protect(tables, RuleSettings(threshold=threshold))
    worker.check_cancelled()
    index = tables.index
    grids = []
    for t, (name, header) in enumerate(zip(names, headers, strict=True)):
        rows = (*tables.variable(name).codes, None)
        columns = (*tables.variable("sex").codes, None) if sexes is not None else (None,)
        counts, status = [], []
        for row in rows:
            cells = [index[tables.key(t, {name: row, "sex": column})] for column in columns]
            counts.append(tuple(int(tables.values[i]) for i in cells))
            status.append(tuple(protection.status(i) for i in cells))
        grids.append(CategoryGrid(header, rows, columns, tuple(counts), tuple(status)))
    return CategoryTables(
        grids=tuple(grids),
        threshold=threshold,
        passed=protection.passed,
        failures=len(protection.report.failures),
    )
