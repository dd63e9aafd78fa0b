"""HTML to PDF with Qt's own text engine (QTextDocument + QPdfWriter): no browser engine."""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QApplication


def _application() -> QGuiApplication:
    """Rendering needs a GUI application; the command line makes an offscreen one. It is a full
    QApplication, so that a wizard can still be built in the same process afterwards."""
    instance = QGuiApplication.instance()
    if instance is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        instance = QApplication([])
    return instance  # type: ignore[return-value]


def html_to_pdf(html: str, title: str = "", images: Mapping[str, bytes] | None = None) -> bytes:
    """An A4 PDF of ``html``; ``images`` (name -> PNG bytes) are what ``<img src="name">`` shows."""
    _application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Diversity Assistant")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    # words wrap at their boundaries only, never mid-word ("ondertekeningscertifi caat"); long
    # fingerprints come grouped (desktop_app.text.grouped_hex) so they wrap between groups
    option = document.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    for name, png in (images or {}).items():
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(name), QImage.fromData(png)
        )
    document.setHtml(html)
    document.print_(writer)
    del writer
    buffer.close()
    return bytes(data.data())
