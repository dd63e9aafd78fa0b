"""What will leave the machine, before it is sealed: the output file built in memory (never
written) and its first rows read back with every identifier masked.

The wizard's review page shows it (through a worker); the CLI can print it. Qt-free.
"""

from __future__ import annotations

import csv
import io
import itertools
from dataclasses import dataclass

from desktop_app.check import CheckResult
from desktop_app.draft import Draft
from desktop_app.messages import Message
from desktop_app.package.build import (
    breakdown_codes,
    chosen_bands,
    chosen_merges,
    readiness_problems,
)
from desktop_app.package.output import OutputFile, build_output
from desktop_app.profiles.model import FieldRole, Programme
from desktop_app.validation.identifiers import mask_identifier

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


def package_preview(draft: Draft, check: CheckResult, sample_rows: int = SAMPLE_ROWS) -> Preview:
    """Build the output file in memory (never written) as the package builder would, and read
    back its first ``sample_rows`` rows, identifiers masked. ``problems`` are the reasons the
    package would be refused now (empty: ready)."""
    problems = tuple(readiness_problems(draft, check))
    output = build_output(
        check.programme,
        check.validation,
        check.peildatum,
        draft.organisation.name,
        breakdowns=breakdown_codes(check, chosen_merges(draft), bands=chosen_bands(draft)),
    )
    masked = identifier_columns(check.programme)
    sample = [
        tuple(
            mask_value(value) if name in masked else value
            for name, value in zip(output.columns, row, strict=False)
        )
        for row in first_rows(output, check.programme, sample_rows)
    ]
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


def identifier_columns(programme: Programme) -> set[str]:
    """Output columns that carry an identifier field (masked in the preview)."""
    assert programme.output is not None
    names = set()
    for column in programme.output.columns:
        kind, _, ref = str(column.source).partition(":")  # typed or text: str() is its text
        if kind == "field" and programme.employee_field(ref).role is FieldRole.IDENTIFIER:
            names.add(column.name)
    return names


def first_rows(output: OutputFile, programme: Programme, count: int) -> list[list[str]]:
    """The first ``count`` data rows of the output file as text (header left out)."""
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
