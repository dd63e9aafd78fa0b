"""A horizontal bar chart of subgroup sizes with the programme's minimum drawn as a line.

Drawn with QPainter: QtCharts is not part of PySide6 Essentials. Bars below the minimum are drawn
in the warning colour and carry a hatch, so the difference does not rest on colour alone.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_HEIGHT = 18
ROW_GAP = 6
MARGIN = 8
TOP = 22  # room for the minimum's caption
LABEL_SHARE = 0.45  # the labels may take this share of the width
LABEL_GAP = 8  # between a label and its bar

OK_COLOUR = QColor("#0b6ab8")
SMALL_COLOUR = QColor("#c4262e")
LINE_COLOUR = QColor("#6b4500")
TEXT_COLOUR = QColor("#1f2933")


class SubgroupChart(QWidget):
    """Bars of ``sizes`` (label -> people), largest first as given, and the ``minimum`` line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sizes: dict[str, int] = {}
        self.minimum: int | None = None
        self.minimum_caption = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_data(self, sizes: dict[str, int], minimum: int | None, caption: str = "") -> None:
        self.sizes = dict(sizes)
        self.minimum = minimum
        self.minimum_caption = caption
        self.setAccessibleDescription(
            "; ".join(f"{label}: {size}" for label, size in self.sizes.items())
        )
        self.setToolTip("\n".join(f"{label}: {size}" for label, size in self.sizes.items()))
        self.updateGeometry()
        self.update()

    def small(self, label: str) -> bool:
        return self.minimum is not None and self.sizes.get(label, 0) < self.minimum

    def row_height(self) -> int:
        """A bar's height: BAR_HEIGHT, or the label's line when the font is larger (200%)."""
        return max(BAR_HEIGHT, QFontMetrics(self.font()).height() + 2)

    def top(self) -> int:
        """Room above the bars for the minimum's caption (bold, in the widget's font)."""
        return max(TOP, QFontMetrics(self.font()).height() + 6)

    def sizeHint(self) -> QSize:
        rows = max(len(self.sizes), 1)
        return QSize(480, self.top() + rows * (self.row_height() + ROW_GAP) + MARGIN)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self.sizeHint().height())

    def natural_label_width(self) -> int:
        """The width the labels take unshortened, with the gap before the bars."""
        metrics = QFontMetricsF(self.font())
        widest = max((metrics.horizontalAdvance(label) for label in self.sizes), default=0.0)
        return math.ceil(widest) + LABEL_GAP + 2

    def label_room(self) -> int:
        """The labels' column: their natural width, at most LABEL_SHARE of the chart."""
        return min(self.natural_label_width(), int(self.width() * LABEL_SHARE))

    def shown_labels(self) -> dict[str, str]:
        """Each label as drawn: whole when the column has the room, else elided in the middle
        (the whole label is in the accessible description and the tooltip)."""
        metrics = QFontMetricsF(self.font())
        room = self.label_room() - LABEL_GAP
        return {
            label: label
            if metrics.horizontalAdvance(label) <= room
            else metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, room)
            for label in self.sizes
        }

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if not self.sizes:
            painter.end()
            return
        metrics = QFontMetrics(self.font())
        bar_height, top_room = self.row_height(), self.top()
        locale = QLocale()
        label_width = self.label_room()
        shown_labels = self.shown_labels()
        number_width = max(
            metrics.horizontalAdvance(locale.toString(v)) for v in self.sizes.values()
        )
        left = MARGIN + label_width
        right = self.width() - MARGIN - number_width - 8
        scale_max = max(*self.sizes.values(), self.minimum or 0) * 1.05 or 1
        width = max(right - left, 10)

        def x_of(value: float) -> float:
            return left + width * value / scale_max

        for row, (label, size) in enumerate(self.sizes.items()):
            top = top_room + row * (bar_height + ROW_GAP)
            small = self.small(label)
            painter.setPen(TEXT_COLOUR)
            painter.drawText(
                QRectF(MARGIN, top, label_width - LABEL_GAP, bar_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                shown_labels[label],
            )
            bar = QRectF(left, top, max(x_of(size) - left, 1.0), bar_height)
            colour = SMALL_COLOUR if small else OK_COLOUR
            painter.fillRect(bar, colour)
            if small:
                painter.fillRect(
                    bar, QBrush(QColor(255, 255, 255, 110), Qt.BrushStyle.BDiagPattern)
                )
            painter.setPen(TEXT_COLOUR)
            painter.drawText(
                QRectF(bar.right() + 6, top, number_width + 8, bar_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                locale.toString(size),
            )
        if self.minimum:
            x = x_of(self.minimum)
            bottom = top_room + len(self.sizes) * (bar_height + ROW_GAP) - ROW_GAP
            pen = QPen(LINE_COLOUR, 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(int(x), top_room - 4, int(x), int(bottom) + 2)
            caption_font = QFont(self.font())
            caption_font.setBold(True)
            painter.setFont(caption_font)
            caption = self.minimum_caption or locale.toString(self.minimum)
            caption_width = QFontMetrics(caption_font).horizontalAdvance(caption)
            # Keep the caption inside the widget even when the line is near the right edge.
            caption_left = min(x - caption_width / 2, self.width() - MARGIN - caption_width)
            painter.drawText(
                QRectF(max(caption_left, left), 0, caption_width + 2, top_room - 4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                caption,
            )
        painter.end()
