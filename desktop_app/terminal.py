"""What the command line writes reaches the terminal as plain text, whatever the file contained.

A sheet name or a cell may hold escape sequences (ESC ``[2J`` clears the screen, OSC 8 makes a
link, OSC 52 writes the clipboard), a BEL, or Unicode bidi controls that make a line read
differently from what it says (U+202E turns ``exe.txt`` into ``txt.exe``). The command line
installs :func:`safe_output` around everything it does, so every write to stdout and stderr
(report, JSON, refusal) passes :func:`plain_text` on its way out: safe by construction, not by
remembering to clean each value. Output that cannot be encoded in the console's code page is
replaced, never a ``UnicodeEncodeError``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

REPLACEMENT = "\N{REPLACEMENT CHARACTER}"

# C0 controls but tab, line feed and carriage return (the upload's progress line uses it); DEL;
# C1 controls (0x9b is a one-byte CSI on some terminals).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates, the directional marks, and the line/paragraph
# separators some terminals treat as line breaks.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def plain_text(text: str) -> str:
    """``text`` with control characters shown as U+FFFD and bidi controls removed."""
    return _BIDI.sub("", _CONTROLS.sub(REPLACEMENT, text))


class PlainTextStream:
    """A text stream that cleans what is written with :func:`plain_text` before passing it on."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        cleaned = plain_text(text)
        try:
            self._stream.write(cleaned)
        except UnicodeEncodeError:
            encoding = getattr(self._stream, "encoding", None) or "ascii"
            self._stream.write(cleaned.encode(encoding, "replace").decode(encoding))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, isatty, encoding, fileno …
        return getattr(self._stream, name)


@contextmanager
def safe_output() -> Iterator[None]:
    """stdout and stderr pass through :class:`PlainTextStream` inside the block."""
    saved = sys.stdout, sys.stderr
    sys.stdout = PlainTextStream(saved[0])
    sys.stderr = PlainTextStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
