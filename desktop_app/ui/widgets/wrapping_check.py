"""Check boxes and radio buttons whose text wraps: a long choice ("I have a staff export: count the
employees per …") takes more lines in a narrow window or at 200% instead of making the page wider
than the window. ``text()``, mnemonics, focus and clicking stay those of the Qt button."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

MIN_TEXT_WIDTH = 160  # px the text keeps at the narrowest
FLAGS = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic


class _Wrapping:
    """Mixed into a QCheckBox or QRadioButton: paints the indicator and the text wrapped."""

    _indicator = QStyle.PrimitiveElement.PE_IndicatorCheckBox
    _contents = QStyle.SubElement.SE_CheckBoxContents
    _size_type = QStyle.ContentsType.CT_CheckBox

    def _setup(self) -> None:
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return option

    def _extra_width(self) -> int:
        """What the style adds to the text: the indicator and its spacing."""
        option = self._option()
        option.text = "x"  # a text, measured apart: the style adds its spacing only then
        margins = self.contentsMargins()
        style_extra = self.style().sizeFromContents(self._size_type, option, QSize(0, 0), self)
        return style_extra.width() + margins.left() + margins.right()

    def _text_height(self, width: int) -> int:
        rect = QRect(0, 0, max(width, 1), 100_000)
        return self.fontMetrics().boundingRect(rect, FLAGS, self.text()).height()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, None, self)
        return max(indicator, self._text_height(width - self._extra_width())) + 2

    def sizeHint(self) -> QSize:
        one_line = self.fontMetrics().horizontalAdvance(self.text().replace("&", ""))
        width = self._extra_width() + one_line + 2
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = self._extra_width() + min(MIN_TEXT_WIDTH, self.sizeHint().width())
        return QSize(width, self.heightForWidth(width))

    def text_rect(self) -> QRect:
        """Where the (wrapped) text is drawn."""
        margins = self.contentsMargins()
        return self.rect().adjusted(self._extra_width() - margins.right(), 0, -margins.right(), 0)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = self._option()
        indicator = self.style().subElementRect(
            QStyle.SubElement.SE_CheckBoxIndicator
            if self._indicator == QStyle.PrimitiveElement.PE_IndicatorCheckBox
            else QStyle.SubElement.SE_RadioButtonIndicator,
            option,
            self,
        )
        top = self.fontMetrics().height() // 2 - indicator.height() // 2 + 1
        left = indicator.left() + self.contentsMargins().left()
        option.rect = QRect(left, max(top, 0), indicator.width(), indicator.height())
        self.style().drawPrimitive(self._indicator, option, painter, self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        rect = self.text_rect()
        painter.drawText(rect, FLAGS | Qt.AlignmentFlag.AlignTop, self.text())
        if self.hasFocus():
            focus = QStyleOptionButton()
            focus.initFrom(self)
            focus.rect = self.fontMetrics().boundingRect(rect, FLAGS, self.text())
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter)
        painter.end()

    def hitButton(self, pos) -> bool:
        return self.rect().contains(pos)


class WrappingCheckBox(_Wrapping, QCheckBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup()


class WrappingRadioButton(_Wrapping, QRadioButton):
    _indicator = QStyle.PrimitiveElement.PE_IndicatorRadioButton
    _contents = QStyle.SubElement.SE_RadioButtonContents
    _size_type = QStyle.ContentsType.CT_RadioButton

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup()
