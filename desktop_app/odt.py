"""A plain ODT document (a title, sections of paragraphs and ``label: value`` lines) with odfpy,
written byte for byte the same for the same content, whatever was written before it in this
process and whenever it is written. The KSZ request and the answers sheet for CBS's application
form are written with it."""

from __future__ import annotations

import io
import threading
import zipfile
from collections.abc import Sequence

Section = tuple[str, Sequence[str | tuple[str, str]]]

ODF_WRITING = threading.Lock()
FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # the parts' timestamps: not the second they were written in


def fixed_namespaces() -> None:
    """Make odfpy declare the same namespaces, in the same order, in every file it writes.

    odfpy declares on the root of each XML file every namespace that any element has used in the
    process so far, in the order they were first used (a class-level table that only grows): the
    same request gave other bytes after an .ods had been written, or in the wizard rather than in
    ``ksz request``. Every namespace odfpy knows is put in the table, ordered by prefix, before
    each write (under a lock: the table is shared by all threads)."""
    from odf.element import Element
    from odf.namespaces import nsdict

    table: dict[str, str] = Element.namespaces
    ordered = sorted({**nsdict, **table}.items(), key=lambda item: (item[1], item[0]))
    table.clear()
    table.update(ordered)


def odt_document(title: str, sections: Sequence[Section]) -> bytes:
    """The ODT: ``title`` as heading 1, each section a heading 2 with its lines (a pair is a
    bold label and its value)."""
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import H, P, Span

    document = OpenDocumentText()
    bold = Style(name="Label", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    document.text.addElement(H(outlinelevel=1, text=title))
    for heading, items in sections:
        document.text.addElement(H(outlinelevel=2, text=heading))
        for item in items:
            paragraph = P()
            if isinstance(item, tuple):
                paragraph.addElement(Span(stylename=bold, text=f"{item[0]}: "))
                paragraph.addText(item[1])
            else:
                paragraph.addText(item)
            document.text.addElement(paragraph)
    buffer = io.BytesIO()
    with ODF_WRITING:
        fixed_namespaces()
        document.write(buffer)
    return fixed_timestamps(buffer.getvalue())


def fixed_timestamps(package: bytes) -> bytes:
    """The ODT with every part stamped :data:`FIXED_TIME` (odfpy stamps the current second, so
    two writes a second apart differed; seen as a flaky test comparing two processes' files).
    Order, compression and the stored ``mimetype`` first, as ODF requires, are kept."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w") as target,
    ):
        for info in source.infolist():
            stamped = zipfile.ZipInfo(info.filename, FIXED_TIME)
            stamped.compress_type = info.compress_type
            stamped.external_attr = info.external_attr
            target.writestr(stamped, source.read(info.filename))
    return out.getvalue()
