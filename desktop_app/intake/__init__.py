"""Reading HR spreadsheets (.xlsx .xlsm .xls .ods .csv .txt) into a :class:`RawTable`."""

from desktop_app.intake.model import CellOrigin, RawTable, SheetInfo, column_letter

__all__ = ["CellOrigin", "RawTable", "SheetInfo", "column_letter"]
