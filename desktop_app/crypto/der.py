"""A small, strict reader for the ASN.1 DER/BER structures of CMS (RFC 5652).

cryptography signs and encrypts CMS but has no API to *verify* a SignedData, so
:mod:`desktop_app.crypto.envelope` walks the structure itself with this reader. It reads only what
it is asked to read and refuses anything malformed: lengths beyond the data, tag numbers above 30,
length fields longer than 4 bytes, non-minimal long-form lengths, indefinite lengths on primitive
values, nesting deeper than :data:`MAX_DEPTH`, and trailing bytes. Indefinite (BER) lengths on
constructed values are accepted, because OpenSSL writes them when it streams.

Every failure raises :class:`DerError`; the envelope turns it into a translated refusal.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_DEPTH = 32

# Universal tags (class bits 00), with the constructed bit where CMS always constructs them.
INTEGER = 0x02
BIT_STRING = 0x03
OCTET_STRING = 0x04
NULL = 0x05
OID = 0x06
UTC_TIME = 0x17
GENERALIZED_TIME = 0x18
SEQUENCE = 0x30
SET = 0x31
CONSTRUCTED = 0x20
CONTEXT = 0x80


class DerError(ValueError):
    """The bytes are not the ASN.1 structure that was expected."""


@dataclass(frozen=True)
class Node:
    """One TLV: its identifier octet, where its header and content lie in ``data``."""

    data: bytes
    tag: int
    start: int  # first byte of the identifier octet
    content_start: int
    content_end: int
    end: int  # first byte after the value (after the end-of-contents octets if indefinite)
    depth: int = 0

    @property
    def constructed(self) -> bool:
        return bool(self.tag & CONSTRUCTED)

    @property
    def definite(self) -> bool:
        return self.end == self.content_end

    @property
    def content(self) -> bytes:
        """The content octets (for a primitive value: the value)."""
        return self.data[self.content_start : self.content_end]

    @property
    def encoded(self) -> bytes:
        """The whole TLV as it appears in the data."""
        return self.data[self.start : self.end]

    def children(self) -> list[Node]:
        """The values inside a constructed value, in order."""
        if not self.constructed:
            raise DerError(f"tag 0x{self.tag:02x} is primitive, expected a constructed value")
        out: list[Node] = []
        position = self.content_start
        while position < self.content_end:
            child = _read(self.data, position, self.content_end, self.depth + 1)
            out.append(child)
            position = child.end
        return out

    def expect(self, tag: int) -> Node:
        """This node, if its identifier octet is ``tag``."""
        if self.tag != tag:
            raise DerError(f"expected tag 0x{tag:02x}, found 0x{self.tag:02x}")
        return self

    def as_oid(self) -> str:
        return decode_oid(self.expect(OID).content)

    def as_int(self) -> int:
        content = self.expect(INTEGER).content
        if not content:
            raise DerError("empty INTEGER")
        return int.from_bytes(content, "big", signed=True)

    def octets(self) -> bytes:
        """An OCTET STRING's value; a constructed (BER, chunked) one is joined."""
        if self.tag == OCTET_STRING:
            return self.content
        if self.tag == OCTET_STRING | CONSTRUCTED:
            return b"".join(child.octets() for child in self.children())
        raise DerError(f"expected an OCTET STRING, found tag 0x{self.tag:02x}")


def parse(data: bytes) -> Node:
    """The single value that makes up ``data``; trailing bytes are refused."""
    data = bytes(data)
    node = _read(data, 0, len(data), 0)
    if node.end != len(data):
        raise DerError(f"{len(data) - node.end} unexpected bytes after the value")
    return node


def _read(data: bytes, position: int, limit: int, depth: int) -> Node:
    if depth > MAX_DEPTH:
        raise DerError("values nested too deeply")
    if position + 2 > limit:
        raise DerError("value truncated")
    start = position
    tag = data[position]
    if tag & 0x1F == 0x1F:
        raise DerError("high tag numbers are not used in CMS")
    position += 1
    first = data[position]
    position += 1
    if first < 0x80:
        length = first
    elif first == 0x80:
        if not tag & CONSTRUCTED:
            raise DerError("indefinite length on a primitive value")
        return _read_indefinite(
            data, start=start, content_start=position, limit=limit, tag=tag, depth=depth
        )
    else:
        count = first & 0x7F
        if count > 4 or position + count > limit:
            raise DerError("length field too long or truncated")
        length = int.from_bytes(data[position : position + count], "big")
        if length < 0x80 or data[position] == 0:
            raise DerError("non-minimal length encoding")
        position += count
    if position + length > limit:
        raise DerError("value longer than its container")
    return Node(data, tag, start, position, position + length, position + length, depth)


def _read_indefinite(
    data: bytes, *, start: int, content_start: int, limit: int, tag: int, depth: int
) -> Node:
    position = content_start
    while True:
        if position + 2 > limit:
            raise DerError("indefinite-length value without end-of-contents")
        if data[position] == 0 and data[position + 1] == 0:
            return Node(data, tag, start, content_start, position, position + 2, depth)
        child = _read(data, position, limit, depth + 1)
        position = child.end


def decode_oid(content: bytes) -> str:
    """The dotted form of an OBJECT IDENTIFIER's content octets."""
    if not content or content[-1] & 0x80:
        raise DerError("malformed OBJECT IDENTIFIER")
    arcs: list[int] = []
    value = 0
    fresh = True
    for byte in content:
        if fresh and byte == 0x80:
            raise DerError("non-minimal OBJECT IDENTIFIER arc")
        value = (value << 7) | (byte & 0x7F)
        fresh = not byte & 0x80
        if fresh:
            arcs.append(value)
            value = 0
    first = arcs[0]
    head = [min(first // 40, 2), first - 40 * min(first // 40, 2)]
    return ".".join(str(arc) for arc in head + arcs[1:])


def retag(node: Node, tag: int) -> bytes:
    """The node's encoding with another identifier octet (e.g. ``[0] IMPLICIT`` back to SET).

    Only definite-length values can be re-tagged byte for byte; RFC 5652 requires signed
    attributes to be DER, so an indefinite length here is refused.
    """
    if not node.definite:
        raise DerError("value must be DER (definite length) to be re-tagged")
    return bytes([tag]) + node.data[node.start + 1 : node.end]
