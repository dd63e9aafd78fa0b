"""Documents for both faces: HTML to PDF with Qt's own text engine, offscreen.

The one core module that may use Qt (QtGui, never the wizard's widgets), so that the ``package``
and ``ksz request`` commands and the wizard write the same documents. The computing core stays
Qt-free and takes a renderer as a plain callable (``render_summary``, ``render_pdf``).
"""

from desktop_app.render.pdf import html_to_pdf
from desktop_app.render.svg import svg_to_png

__all__ = ["html_to_pdf", "svg_to_png"]
