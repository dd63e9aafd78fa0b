"""The findings as an Excel file the salary administration can work through: one row per finding
per Excel row of the source, with the personnel number, the column, the problem in the officer's
language and the identifier masked (never a full BSN or INSZ).

Written through a temporary file in the target folder and a rename, so no half-written file and no
copy elsewhere; the same call serves the checks page's button and ``check --findings-xlsx``.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.atomic import write_atomic
from desktop_app.intake.model import RawTable
from desktop_app.mapping.model import Mapping
from desktop_app.messages import Message
from desktop_app.profiles.model import Programme
from desktop_app.validation.findings import PERSONNEL_NUMBER, safe_text
from desktop_app.validation.identifier_types import identifier_type
from desktop_app.validation.identifiers import mask_identifier
from desktop_app.validation.model import Finding, Severity, ValidationResult
from desktop_app.validation.plain import titled

COLUMNS = ("row", "severity", "personnel-number", "column", "problem", "identifier")
_WIDTHS = (10, 14, 18, 28, 100, 18)


def write_findings_xlsx(  # noqa: PLR0917 - the run's four parts, where and in which language
    result: ValidationResult,
    table: RawTable,
    programme: Programme,
    mapping: Mapping,
    target: Path,
    language: str,
) -> int:
    """Write ``target`` (.xlsx); returns the number of finding rows written."""
    target = Path(target)
    workbook = Workbook(write_only=True)
    sheet: Worksheet = workbook.create_sheet(Message("validation.export.sheet").render(language))
    for index, width in enumerate(_WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for name in COLUMNS:
        cell = WriteOnlyCell(sheet, Message(f"validation.export.{name}").render(language))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    lines = _Lines(result, table, programme, mapping, language)
    written = 0
    wrap = Alignment(wrap_text=True, vertical="top")
    for finding in result.findings:
        for values in lines.of(finding):
            cells = []
            for position, value in enumerate(values):
                cell = WriteOnlyCell(sheet, value)
                if isinstance(value, str):
                    cell.data_type = "s"  # a value such as "=1+1" stays text, never a formula
                if position == COLUMNS.index("problem"):
                    cell.alignment = wrap
                cells.append(cell)
            sheet.append(cells)
            written += 1
    buffer = io.BytesIO()  # in memory, then one atomic write beside the target
    workbook.save(buffer)
    write_atomic(target, buffer.getvalue())
    return written


class _Lines:
    """The cells of the export's rows, per finding."""

    def __init__(
        self,
        result: ValidationResult,
        table: RawTable,
        programme: Programme,
        mapping: Mapping,
        language: str,
    ) -> None:
        self.table = table
        self.language = language
        self.position = {int(row): i for i, row in enumerate(table.rows)}
        self.personnel = self._column(mapping.fields.get(PERSONNEL_NUMBER))
        self.identifier = self._column(self._identifier_header(result, programme, mapping))
        self.severity = {
            Severity.ERROR: Message("validation.export.error").render(language),
            Severity.WARNING: Message("validation.export.warning").render(language),
        }

    def _column(self, header: str | None) -> int | None:
        if header is None:
            return None
        try:
            return self.table.column_index(header)
        except ValueError:
            return None

    @staticmethod
    def _identifier_header(
        result: ValidationResult, programme: Programme, mapping: Mapping
    ) -> str | None:
        """The mapped personal identifier, the key in use's first: shown masked."""
        key = next(
            (k for k in programme.identification_keys if k.id == result.identification_key), None
        )
        ordered = sorted(
            programme.employee_fields,
            key=lambda f: 0 if key is not None and f.id in key.fields else 1,
        )
        for field in ordered:
            kind = identifier_type(field.type)
            if kind is not None and not kind.public and field.id in mapping.fields:
                return mapping.fields[field.id]
        return None

    def _cell(self, column: int | None, row: int) -> str:
        if column is None or row not in self.position:
            return ""
        return str(self.table.columns[column][self.position[row]]).strip()

    def of(self, finding: Finding) -> list[tuple[object, ...]]:
        problem = titled(finding, self.language)
        column = ""
        if finding.column and finding.column in self.table.column_letters:
            j = self.table.column_letters.index(finding.column)
            column = f"{finding.column} ({self.table.headers[j]})"
        severity = self.severity[finding.severity]
        if not finding.rows:
            return [("", severity, "", column, problem, "")]
        lines: list[tuple[object, ...]] = []
        for row in finding.rows:
            personnel = self._cell(self.personnel, row)
            identifier = self._cell(self.identifier, row)
            lines.append(
                (
                    row,
                    severity,
                    safe_text(personnel) if personnel else "",
                    column,
                    problem,
                    mask_identifier(identifier) if identifier else "",
                )
            )
        return lines
