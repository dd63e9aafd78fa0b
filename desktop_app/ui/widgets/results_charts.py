"""A chart from the core (:mod:`desktop_app.results.charts` SVG) drawn at the widget's width.

The widget only paints what the core drew: the figures, colours, chance bands and texts are all
the core's. Its accessible description and tooltip are the core's description of the chart in
words, so a screen reader hears the same figures.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget


class SvgChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = QSvgRenderer(self)
        self.svg = ""
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_svg(self, svg: str, description: str) -> None:
        self.svg = svg
        self.renderer.load(QByteArray(svg.encode("utf-8")))
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.set_svg("", "")

    def _aspect(self) -> float:
        size = self.renderer.defaultSize()
        if not self.svg or size.width() <= 0:
            return 0.0
        return size.height() / size.width()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width * self._aspect())

    def sizeHint(self) -> QSize:
        size = self.renderer.defaultSize() if self.svg else QSize(0, 0)
        return QSize(max(size.width(), 200), size.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.heightForWidth(200))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.svg:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = float(self.width())
        height = min(float(self.height()), width * self._aspect())
        self.renderer.render(painter, QRectF(0, 0, width, height))
        painter.end()
