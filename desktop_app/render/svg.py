"""The core's SVG charts (:mod:`desktop_app.results.charts`) painted with QtGui's QPainter.

Qt's SVG module is not shipped (the installer leaves QtSvg and the SVG image plugin out), so this
paints the few elements the charts use: ``rect`` (a colour or the hatch pattern, opacity,
outline), ``line``, ``circle`` and ``text`` (size, weight, style, anchor); ``title`` and ``defs``
are read, not drawn. Anything else in the SVG is skipped. The wizard's chart widget and the
report's PNGs both paint through here, so what the officer sees is what the PDF shows.
"""

from __future__ import annotations

import contextlib
import xml.etree.ElementTree as ET

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from desktop_app.render.pdf import _application

FONT_FAMILIES = ["DejaVu Sans", "Arial", "Helvetica", "Liberation Sans"]


def _tag(element: ET.Element) -> str:
    return element.tag.rpartition("}")[2]


def _number(element: ET.Element, name: str, default: float = 0.0) -> float:
    try:
        return float(element.get(name, default))
    except ValueError:
        return default


def svg_size(svg: str) -> tuple[float, float]:
    """The chart's own width and height (its ``svg`` element's attributes)."""
    root = ET.fromstring(svg)  # noqa: S314 - the core's own SVG, its texts escaped
    return (_number(root, "width", 1.0), _number(root, "height", 1.0))


def _colour(value: str | None, opacity: str | None) -> QColor | None:
    if not value or value == "none":
        return None
    colour = QColor(value)
    if not colour.isValid():
        return None
    if opacity is not None:
        with contextlib.suppress(ValueError):
            colour.setAlphaF(max(0.0, min(1.0, float(opacity))))
    return colour


def _pen(element: ET.Element) -> QPen:
    colour = _colour(element.get("stroke"), element.get("stroke-opacity"))
    if colour is None:
        return QPen(Qt.PenStyle.NoPen)
    return QPen(colour, _number(element, "stroke-width", 1.0))


def _hatch_colour(root: ET.Element) -> QColor:
    for element in root.iter():
        if _tag(element) == "pattern":
            for inner in element:
                if _tag(inner) == "rect":
                    found = _colour(inner.get("fill"), None)
                    if found is not None:
                        return found
    return QColor("#b8bec6")


def paint_svg(painter: QPainter, svg: str, target: QRectF) -> None:
    """Paint ``svg`` scaled into ``target``."""
    root = ET.fromstring(svg)  # noqa: S314 - the core's own SVG, its texts escaped
    width, height = _number(root, "width", 1.0), _number(root, "height", 1.0)
    hatch = _hatch_colour(root)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.translate(target.topLeft())
    painter.scale(target.width() / width, target.height() / height)
    for element in root:
        _draw(painter, element, hatch)
    painter.restore()


def _draw(painter: QPainter, element: ET.Element, hatch: QColor) -> None:
    tag = _tag(element)
    if tag == "rect":
        box = QRectF(
            _number(element, "x"),
            _number(element, "y"),
            _number(element, "width"),
            _number(element, "height"),
        )
        painter.setPen(_pen(element))
        fill = element.get("fill", "")
        if fill.startswith("url("):
            painter.setBrush(QBrush(hatch))
            painter.drawRect(box)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor("#ffffff"), Qt.BrushStyle.BDiagPattern))
            painter.drawRect(box)
            return
        colour = _colour(fill or "#000000", element.get("fill-opacity"))
        painter.setBrush(QBrush(colour) if colour is not None else QBrush())
        painter.drawRect(box)
    elif tag == "line":
        painter.setPen(_pen(element))
        painter.drawLine(
            QLineF(
                _number(element, "x1"),
                _number(element, "y1"),
                _number(element, "x2"),
                _number(element, "y2"),
            )
        )
    elif tag == "circle":
        painter.setPen(_pen(element))
        colour = _colour(element.get("fill", "#000000"), element.get("fill-opacity"))
        painter.setBrush(QBrush(colour) if colour is not None else QBrush())
        radius = _number(element, "r")
        centre = QPointF(_number(element, "cx"), _number(element, "cy"))
        painter.drawEllipse(centre, radius, radius)
    elif tag == "text":
        _text(painter, element)


def _text(painter: QPainter, element: ET.Element) -> None:
    text = "".join(element.itertext())
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(max(1, round(_number(element, "font-size", 12.0))))
    font.setBold(element.get("font-weight") == "bold")
    font.setItalic(element.get("font-style") == "italic")
    painter.setFont(font)
    colour = _colour(element.get("fill", "#000000"), element.get("fill-opacity"))
    painter.setPen(QPen(colour if colour is not None else QColor("#000000")))
    x, y = _number(element, "x"), _number(element, "y")
    advance = QFontMetricsF(font).horizontalAdvance(text)
    anchor = element.get("text-anchor", "start")
    if anchor == "middle":
        x -= advance / 2
    elif anchor == "end":
        x -= advance
    painter.drawText(QPointF(x, y), text)


def svg_to_png(svg: str, scale: float = 2.0) -> bytes:
    """A PNG of ``svg`` at ``scale`` times its own size (2: sharp on paper and on a 200% screen)."""
    _application()
    width, height = svg_size(svg)
    image = QImage(
        max(1, round(width * scale)), max(1, round(height * scale)), QImage.Format.Format_ARGB32
    )
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    paint_svg(painter, svg, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())
