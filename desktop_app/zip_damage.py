"""What Python's ``zipfile`` raises on a damaged or hostile archive, in one place.

A zip's central directory and its members are read by the sniffer, the workbook reader's fallback,
the far-cell pre-check and the office's package opener. Beyond ``BadZipFile`` a damaged archive
raises whatever the layer underneath meets; each of these was seen when fuzzing (tests
``test_intake_fuzz.py`` and the package fuzz test): an inflate error (``zlib.error``), an unknown
zip version (``NotImplementedError``), a truncated structure (``struct.error``, ``EOFError``), a
size that does not fit (``OverflowError``, ``ValueError``), an empty member name (``IndexError``),
an encrypted member (``RuntimeError``).
"""

from __future__ import annotations

import struct
import zipfile
import zlib

ZIP_DAMAGE: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    NotImplementedError,
    struct.error,
    EOFError,
    OverflowError,
    ValueError,
    IndexError,
    RuntimeError,
)
