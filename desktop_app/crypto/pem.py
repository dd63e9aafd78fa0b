"""Find a PEM block wherever it starts in a file.

``openssl ca -out``, ``openssl x509 -text`` and ``openssl pkcs12 -nodes`` write a human-readable
dump or "Bag Attributes" lines *before* the ``-----BEGIN …-----`` line; a file saved from a mail
or a web page may start with a byte-order mark or a blank line. RFC 7468 §2 says parsers should
ignore text outside the encapsulation boundaries, so every certificate and key we load goes
through :func:`pem_block`: the first block whose label is one we want, cut out exactly, is what
the PEM parser sees. A file without any ``-----BEGIN`` line is read as DER.

The search is linear in the file's length: one pass over the BEGIN lines, and for the first one
with a wanted label one search for its END line (if that END is missing, no later BEGIN of the
same label can have one either).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CERTIFICATE_LABELS = ("CERTIFICATE", "X509 CERTIFICATE")
PRIVATE_KEY_LABELS = ("PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY")

# A BEGIN line, after a byte-order mark or indentation if any (group 1: the line, 2: the label).
_BEGIN = re.compile(
    rb"^(?:\xef\xbb\xbf)?[ \t]*(-----BEGIN ([A-Z0-9 ]{1,64})-----)[ \t]*\r?$", re.MULTILINE
)


def pem_block(data: bytes, labels: Iterable[str]) -> bytes | None:
    """The first complete PEM block (BEGIN line to END line) with one of ``labels``, wherever it
    starts in ``data``; None when there is none."""
    wanted = {label.encode("ascii") for label in labels}
    tried: set[bytes] = set()
    for begin in _BEGIN.finditer(data):
        label = begin.group(2)
        if label not in wanted or label in tried:
            continue
        tried.add(label)
        end_line = b"-----END " + label + b"-----"
        end = data.find(end_line, begin.end())
        if end >= 0:
            return data[begin.start(1) : end + len(end_line)] + b"\n"
    return None
