"""Qt item models over the core's results: the file preview, the validation findings and the
protected frequency table of the safe-categories page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.intake import RawTable
from desktop_app.validation import Finding, Severity

if TYPE_CHECKING:
    from desktop_app.ui.jobs import CategoryGrid

_Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FINDING_ROLE = Qt.ItemDataRole.UserRole + 2

PREVIEW_ROWS = 40
_ROOT = QModelIndex()


class PreviewModel(QAbstractTableModel):
    """The header row (highlighted) and the first data rows of a table, with Excel row numbers."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._table: RawTable | None = None
        self._cells: list[list[str]] = []
        self._row_numbers: list[int] = []

    def set_table(self, table: RawTable | None) -> None:
        self.beginResetModel()
        self._table = table
        if table is None:
            self._cells, self._row_numbers = [], []
        else:
            # a file without a header row gets no (empty, highlighted) header line of its own
            header = [list(table.raw_headers)] if table.header_found else []
            numbers = [table.header_row] if table.header_found else []
            self._cells = [*header, *table.preview(PREVIEW_ROWS)]
            self._row_numbers = [*numbers, *(int(r) for r in table.rows[:PREVIEW_ROWS])]
        self.endResetModel()

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        if parent.isValid() or self._table is None:
            return 0
        return self._table.n_columns

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        is_header = index.row() == 0 and self._table is not None and self._table.header_found
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and is_header:
            return QBrush(QColor("#cfe3f7"))
        if role == Qt.ItemDataRole.FontRole and is_header:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if role != Qt.ItemDataRole.DisplayRole or self._table is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._table.column_letters[section]
        return str(self._row_numbers[section])


class FindingsModel(QAbstractTableModel):
    """Validation findings: severity, field, code, message, number of rows."""

    SEVERITY, FIELD, CODE, MESSAGE, ROWS = range(5)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._field_labels: dict[str, str] = {}
        self.language = "nl"

    def set_findings(self, findings, field_labels: dict[str, str], language: str) -> None:
        self.beginResetModel()
        self._findings = list(findings)
        self._field_labels = field_labels
        self.language = language
        self.endResetModel()

    def set_language(self, field_labels: dict[str, str], language: str) -> None:
        self.beginResetModel()
        self._field_labels = field_labels
        self.language = language
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        return self._findings[row]

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 5

    def severity_text(self, severity: Severity) -> str:
        if severity is Severity.ERROR:
            return QCoreApplication.translate("FindingsModel", "Error")
        return QCoreApplication.translate("FindingsModel", "Warning")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: PLR0911, PLR0912
        if not index.isValid():
            return None
        finding = self._findings[index.row()]
        column = index.column()
        if role == FINDING_ROLE:
            return finding
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.SEVERITY:
                return self.severity_text(finding.severity)
            if column == self.FIELD:
                if finding.field is None:
                    return "—"
                return self._field_labels.get(finding.field, finding.field)
            if column == self.CODE:
                return str(finding.code)
            if column == self.MESSAGE:
                return finding.render(self.language)
            return len(finding.rows)
        if role == SORT_ROLE:
            if column == self.SEVERITY:
                return 0 if finding.severity is Severity.ERROR else 1
            if column == self.ROWS:
                return len(finding.rows)
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.SEVERITY:
            return QBrush(QColor("#a4262c" if finding.severity is Severity.ERROR else "#8a5a00"))
        if role == Qt.ItemDataRole.FontRole and column == self.SEVERITY:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ROWS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            QCoreApplication.translate("FindingsModel", "Severity"),
            QCoreApplication.translate("FindingsModel", "Field"),
            QCoreApplication.translate("FindingsModel", "Code"),
            QCoreApplication.translate("FindingsModel", "Message"),
            QCoreApplication.translate("FindingsModel", "Rows"),
        )[section]


class FindingsFilter(QSortFilterProxyModel):
    """Filters findings by severity (None: all) and by text in any column."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._severity: Severity | None = None
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_severity(self, severity: str | None) -> None:
        """``error``, ``warning`` or None for all (combo box data arrives as plain text)."""
        self.beginFilterChange()
        self._severity = Severity(severity) if severity else None
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if self._severity is not None and model.finding(source_row).severity != self._severity:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


PRIMARY_COLOUR = "#c4262e"
SECONDARY_COLOUR = "#b85c00"
PRIMARY_BACKGROUND = "#fde7e9"
SECONDARY_BACKGROUND = "#fff4ce"


class CategoryTableModel(QAbstractTableModel):
    """A protected frequency table (:class:`desktop_app.ui.jobs.CategoryGrid`): counts of the
    published cells, a mark for the suppressed ones (red: too few employees; orange: hidden so the
    red ones cannot be worked out), totals in bold."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._grid: CategoryGrid | None = None
        self.threshold = 0

    def set_grid(self, grid: CategoryGrid, threshold: int) -> None:
        self.beginResetModel()
        self._grid = grid
        self.threshold = threshold
        self.endResetModel()

    def retranslate(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    @staticmethod
    def mark() -> str:
        return QCoreApplication.translate("CategoryTableModel", "×")

    def status(self, row: int, column: int) -> str:
        assert self._grid is not None
        return self._grid.status[row][column]

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() or self._grid is None else len(self._grid.rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() or self._grid is None else len(self._grid.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: PLR0911
        if not index.isValid() or self._grid is None:
            return None
        row, column = index.row(), index.column()
        status = self._grid.status[row][column]
        if role == Qt.ItemDataRole.DisplayRole:
            if status == "published":
                return QLocale().toString(self._grid.counts[row][column])
            return self.mark()
        if role == Qt.ItemDataRole.ToolTipRole:
            if status == "primary":
                return QCoreApplication.translate(
                    "CategoryTableModel", "Hidden: fewer than %1 employees"
                ).replace("%1", QLocale().toString(self.threshold))
            if status == "secondary":
                return QCoreApplication.translate(
                    "CategoryTableModel",
                    "Hidden as well, so that the other hidden cells cannot be worked out",
                )
            return None
        if role == Qt.ItemDataRole.ForegroundRole and status != "published":
            return QBrush(QColor(PRIMARY_COLOUR if status == "primary" else SECONDARY_COLOUR))
        if role == Qt.ItemDataRole.BackgroundRole and status != "published":
            return QBrush(
                QColor(PRIMARY_BACKGROUND if status == "primary" else SECONDARY_BACKGROUND)
            )
        if role == Qt.ItemDataRole.FontRole:
            total = self._grid.rows[row] is None or self._grid.columns[column] is None
            if total or status != "published":
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if role != Qt.ItemDataRole.DisplayRole or self._grid is None:
            return None
        labels = self._grid.columns if orientation == Qt.Orientation.Horizontal else self._grid.rows
        label = labels[section]
        if label is not None:
            return label
        if orientation == Qt.Orientation.Horizontal and len(labels) == 1:
            return QCoreApplication.translate("CategoryTableModel", "Employees")
        return QCoreApplication.translate("CategoryTableModel", "Total")
