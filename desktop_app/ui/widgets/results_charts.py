"""A chart from the core (:mod:`desktop_app.results.charts` SVG) drawn at the widget's width.

The widget only paints what the core drew, through the same painter as the report's PNGs
(:func:`desktop_app.render.svg.paint_svg`; Qt's SVG module is not shipped): the figures,
colours, chance bands and texts are all the core's. Its accessible description and tooltip are
the core's description of the chart in words, so a screen reader hears the same figures.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.render.svg import paint_svg, svg_size


class SvgChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svg = ""
        self.size_of = (0.0, 0.0)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_svg(self, svg: str, description: str) -> None:
        self.svg = svg
        self.size_of = svg_size(svg) if svg else (0.0, 0.0)
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.set_svg("", "")

    def _aspect(self) -> float:
        width, height = self.size_of
        return height / width if width > 0 else 0.0

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width * self._aspect())

    def sizeHint(self) -> QSize:
        return QSize(max(round(self.size_of[0]), 200), round(self.size_of[1]))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.heightForWidth(200))

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self.svg:
            return
        painter = QPainter(self)
        width = float(self.width())
        height = min(float(self.height()), width * self._aspect())
        paint_svg(painter, self.svg, QRectF(0, 0, width, height))
        painter.end()
