"""Reading HR spreadsheets (.xlsx .xlsm .xls .ods .csv .txt) into a :class:`RawTable`.

``list_sheets(path)`` lists a workbook's sheets; ``read_table(path, sheet, header_row, header_hints)``
reads one as text cells with their origin. Both refuse unreadable files with an ``IntakeError``.
"""

from desktop_app.intake.model import CellOrigin, RawTable, SheetInfo, column_letter
from desktop_app.intake.reader import list_sheets, read_table

__all__ = ["CellOrigin", "RawTable", "SheetInfo", "column_letter", "list_sheets", "read_table"]
