"""Encrypting a file to an office's OpenPGP public key, signed with the organisation's own key.

The Belgian KSZ/BCSS (and possibly the Dutch CBS) accept files encrypted to *their* OpenPGP public
key, made with GnuPG or Kleopatra. The officer chooses the key file the office sent
(``gpg --export`` binary or ``gpg --export --armor``); :func:`load_recipient_key` reads it and
refuses, each with its own ``openpgp.recipient-key-*`` message, anything that must not be used: not
a key, a file holding a *secret* key, several keys, a revoked key, an expired key (or one whose
encryption subkeys have all expired), a key that cannot encrypt. :func:`encrypt_and_sign` then
encrypts to the key's valid encryption subkeys and signs with the organisation's
:class:`~desktop_app.crypto.openpgp.OpenPgpKey`.

Why the checks are ours and not only pysequoia's: pysequoia 0.1.x ``encrypt`` falls back to an
*expired* encryption subkey when no live one exists, and it encrypts to a *revoked* certificate
(it only skips revoked subkeys). So the key's state is worked out here from its packets and
pysequoia's own view (``Cert.is_revoked``, ``Cert.expiration``), and the message pysequoia wrote
is checked afterwards: it must be encrypted to exactly the subkeys found usable here.

GnuPG 2.2+ must be able to decrypt the result. Sequoia uses the new RFC 9580 format (PKESK v6 /
SEIPD v2) whenever the recipient key advertises it, which GnuPG 2.2 and 2.4 cannot open; a
version-4 key that asks for it (made by Sequoia rather than GnuPG) is refused with
``openpgp.recipient-key-new-format``. A version-6 key is accepted as it is: GnuPG 2.2/2.4 cannot
use a v6 key at all, so an office that sends one decrypts with software that reads the new format.

Messages never contain key material or file contents; the file's name is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pysequoia
from pysequoia.packet import Packet, PacketPile, SignatureType, Tag

from desktop_app.bounded_read import FileKind, read_bounded
from desktop_app.crypto.openpgp import OpenPgpError, OpenPgpKey, format_fingerprint

_PKESK_TAG = 1
_SEIPD_TAG = 18
_HEADER_PEEK = 64  # bytes of a packet body looked at (a PKESK's version and key id)


@dataclass(frozen=True)
class OpenPgpRecipient:
    """The office's public key as read from its file, checked usable for encryption."""

    certificate: pysequoia.Cert = field(repr=False)
    fingerprint: str  # 40 upper-case hex digits (64 for a v6 key)
    user_ids: tuple[str, ...]
    expires: dt.datetime | None  # the primary key's; a subkey may end sooner
    version: int  # 4, or 6 when the office gave a v6 key
    source: str = "-"  # the file's name, for messages at encryption time

    @property
    def fingerprint_display(self) -> str:
        """The fingerprint in groups of four, as Kleopatra and ``gpg --fingerprint`` show it."""
        return format_fingerprint(self.fingerprint)


def read_recipient_key(
    data: bytes, source: str, *, at: dt.datetime | None = None
) -> OpenPgpRecipient:
    """The office's public key from ``data`` (armored or binary), usable at ``at`` (default now;
    a naive ``at`` is taken as UTC). ``source`` is the file's name, shown in messages.

    Refusals (:class:`OpenPgpError`): ``openpgp.recipient-key-unreadable``,
    ``openpgp.recipient-key-secret``, ``openpgp.recipient-key-several``,
    ``openpgp.recipient-key-revoked``, ``openpgp.recipient-key-expired``,
    ``openpgp.recipient-key-no-encryption``, ``openpgp.recipient-key-new-format``.
    """
    when = _utc(at)
    if _holds_secret_key(data):
        raise OpenPgpError("openpgp.recipient-key-secret", file=source)
    try:
        certificates = pysequoia.Cert.split_bytes(data)
    except (RuntimeError, ValueError) as error:
        raise OpenPgpError("openpgp.recipient-key-unreadable", file=source) from error
    if not certificates:
        raise OpenPgpError("openpgp.recipient-key-unreadable", file=source)
    if len(certificates) > 1:
        raise OpenPgpError(
            "openpgp.recipient-key-several", file=source, count=str(len(certificates))
        )
    certificate = certificates[0]
    try:
        packets = list(PacketPile.from_bytes(bytes(certificate)))
    except (RuntimeError, ValueError) as error:
        raise OpenPgpError("openpgp.recipient-key-unreadable", file=source) from error
    if (
        not packets
        or packets[0].tag != Tag.PublicKey
        or packets[0].body[:1] not in (b"\x04", b"\x06")
    ):
        raise OpenPgpError("openpgp.recipient-key-unreadable", file=source)
    recipient = OpenPgpRecipient(
        certificate=certificate,
        fingerprint=certificate.fingerprint.upper(),
        user_ids=tuple(str(user_id) for user_id in certificate.user_ids),
        expires=certificate.expiration,
        version=packets[0].body[0],
        source=source,
    )
    usable = _check_usable(recipient, when)
    # a probe: what pysequoia really encrypts to, and in which format
    try:
        probe = pysequoia.encrypt(b"", recipients=[certificate], armor=False)
    except RuntimeError as error:  # e.g. an algorithm or a binding signature Sequoia refuses
        raise OpenPgpError("openpgp.recipient-key-no-encryption", file=source) from error
    _check_message(recipient, probe, usable)
    return recipient


def load_recipient_key(path: Path, *, at: dt.datetime | None = None) -> OpenPgpRecipient:
    """:func:`read_recipient_key` of the key file at ``path`` (at most 1 MB, a regular file)."""
    path = Path(path)
    try:
        data = read_bounded(path, FileKind.KEY)
    except OSError as error:
        raise OpenPgpError(
            "openpgp.file-unreadable", file=path.name, detail=error.strerror or error
        ) from error
    return read_recipient_key(data, path.name, at=at)


def encrypt_and_sign(
    data: bytes, recipient: OpenPgpRecipient, signer: OpenPgpKey, *, armor: bool = False
) -> bytes:
    """``data`` encrypted to the office's key and signed with ``signer`` (the organisation's key).

    Binary (a ``.gpg`` file) by default; ``armor=True`` gives ``-----BEGIN PGP MESSAGE-----``
    text (a ``.asc`` file). The key is checked again now (it may have expired since it was read);
    a signing key that cannot sign is refused with ``openpgp.signing-key-unusable``.
    """
    usable = _check_usable(recipient, _utc(None))
    try:
        signing = signer.tsk.signer(signer.passphrase)
    except RuntimeError as error:
        raise OpenPgpError(
            "openpgp.signing-key-unusable", fingerprint=signer.fingerprint_display
        ) from error
    try:
        message = pysequoia.encrypt(
            data, recipients=[recipient.certificate], signer=signing, armor=False
        )
    except RuntimeError as error:
        raise OpenPgpError("openpgp.recipient-key-no-encryption", file=recipient.source) from error
    _check_message(recipient, message, usable)
    if armor:
        return pysequoia.armor(message, pysequoia.ArmorKind.Message).encode("ascii")
    return message


def _holds_secret_key(data: bytes) -> bool:
    """A secret (private) key anywhere in the file, armored or binary.

    The armor header is looked for in the whole text (``PacketPile`` reads only the first armored
    block); binary files are read packet by packet. (pysequoia's ``Cert.has_secret_keys`` works
    too but is deprecated in 0.1.35.)
    """
    if b"-----BEGIN PGP PRIVATE KEY BLOCK-----" in data:
        return True
    try:
        tags = [packet.tag for packet in PacketPile.from_bytes(data)]
    except (RuntimeError, ValueError):
        return False
    return Tag.SecretKey in tags or Tag.SecretSubkey in tags


# --------------------------------------------------------------------------------------------------
# the key's state


@dataclass(frozen=True)
class _Component:
    key_id: str  # lower-case hex, as Packet.key_id gives it
    created: dt.datetime | None
    encrypts: bool
    validity: dt.timedelta | None
    revoked: bool


def _check_usable(recipient: OpenPgpRecipient, when: dt.datetime) -> frozenset[str]:
    """The key ids of the encryption-capable (sub)keys alive at ``when``; refuses otherwise."""
    source = recipient.source
    certificate = recipient.certificate
    if certificate.is_revoked:
        raise OpenPgpError("openpgp.recipient-key-revoked", file=source)
    if certificate.expiration is not None and certificate.expiration <= when:
        raise OpenPgpError(
            "openpgp.recipient-key-expired",
            file=source,
            date=certificate.expiration.date().isoformat(),
        )
    components = list(_components(certificate))
    encrypting = [c for c in components if c.encrypts and not c.revoked]
    if not encrypting:
        raise OpenPgpError("openpgp.recipient-key-no-encryption", file=source)
    usable = frozenset(c.key_id for c in encrypting if not _expired(c, certificate, when))
    if not usable:
        ends = [e for e in (_expiry(c, certificate) for c in encrypting) if e is not None]
        raise OpenPgpError(
            "openpgp.recipient-key-expired",
            file=source,
            date=max(ends).date().isoformat() if ends else "-",
        )
    return usable


def _components(certificate: pysequoia.Cert) -> Iterator[_Component]:
    """The primary key and each subkey with the newest self-signature's flags and validity.

    The packets are read as they are (signatures not verified here); pysequoia verifies them when
    it encrypts, and :func:`_check_message` checks that it used only the keys found here.
    """
    primary = certificate.fingerprint.lower()
    current: Packet | None = None
    signatures: list[Packet] = []
    for packet in PacketPile.from_bytes(bytes(certificate)):
        if packet.tag in (Tag.PublicKey, Tag.PublicSubkey):
            if current is not None:
                yield _component(current, signatures, primary)
            current, signatures = packet, []
        elif packet.tag == Tag.Signature and current is not None:
            signatures.append(packet)
    if current is not None:
        yield _component(current, signatures, primary)


_SELF_SIGNATURES = (
    SignatureType.SubkeyBinding,
    SignatureType.DirectKey,
    SignatureType.PositiveCertification,
    SignatureType.CasualCertification,
    SignatureType.PersonaCertification,
    SignatureType.GenericCertification,
)
_REVOCATIONS = (SignatureType.KeyRevocation, SignatureType.SubkeyRevocation)


def _component(key: Packet, signatures: list[Packet], primary: str) -> _Component:
    # self-signatures are made by the primary key; certifications by other people (next to the
    # user ids) carry another issuer and no key flags. A revocation counts whoever made it: an
    # unverified one can only make us refuse, never accept.
    own = [s for s in signatures if (s.issuer_fingerprint or primary).lower() == primary]
    revoked = any(s.signature_type in _REVOCATIONS for s in signatures)
    binding = [s for s in own if s.signature_type in _SELF_SIGNATURES and s.key_flags is not None]
    newest = max(binding, key=_created, default=None)
    flags = newest.key_flags if newest is not None else None
    encrypts = flags is not None and (flags.transport_encryption or flags.storage_encryption)
    return _Component(
        key_id=(key.key_id or "").lower(),
        created=key.key_created,
        encrypts=encrypts,
        validity=newest.key_validity_period if newest is not None else None,
        revoked=revoked,
    )


def _created(signature: Packet) -> dt.datetime:
    return signature.signature_created or dt.datetime.min.replace(tzinfo=dt.UTC)


def _expiry(component: _Component, certificate: pysequoia.Cert) -> dt.datetime | None:
    own = (
        component.created + component.validity
        if component.created is not None and component.validity
        else None
    )
    ends = [e for e in (own, certificate.expiration) if e is not None]
    return min(ends) if ends else None


def _expired(component: _Component, certificate: pysequoia.Cert, when: dt.datetime) -> bool:
    end = _expiry(component, certificate)
    return end is not None and end <= when


# --------------------------------------------------------------------------------------------------
# the message pysequoia wrote


def _check_message(recipient: OpenPgpRecipient, message: bytes, usable: frozenset[str]) -> None:
    """The message is encrypted to usable subkeys only, in a format GnuPG 2.2 reads (v4 keys)."""
    recipients: set[str] = set()
    seipd_version: int | None = None
    for tag, body in _leading_packets(message):
        if tag == _PKESK_TAG:
            recipients.add(_pkesk_key_id(body))
        elif tag == _SEIPD_TAG:
            seipd_version = body[0] if body else None
            break
    if not recipients or not recipients <= usable or seipd_version is None:
        raise OpenPgpError("openpgp.recipient-key-no-encryption", file=recipient.source)
    if recipient.version == 4 and seipd_version != 1:
        raise OpenPgpError("openpgp.recipient-key-new-format", file=recipient.source)


def _leading_packets(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(tag, start of body) of each packet of a binary OpenPGP message, up to the encrypted data.

    Only the packet headers are read: the multi-megabyte encrypted packet is not copied.
    """
    position = 0
    while position < len(data):
        header = data[position]
        if not header & 0x80:
            return
        if header & 0x40:  # new format
            tag = header & 0x3F
            first = data[position + 1] if position + 1 < len(data) else 0
            if first < 192:
                length, skip = first, 2
            elif first < 224:
                second = data[position + 2] if position + 2 < len(data) else 0
                length, skip = ((first - 192) << 8) + second + 192, 3
            elif first == 255:
                length, skip = int.from_bytes(data[position + 2 : position + 6], "big"), 6
            else:  # partial body length: only the first chunk is known, enough to peek
                length, skip = 1 << (first & 0x1F), 2
        else:  # old format
            tag = (header >> 2) & 0x0F
            size = {0: 1, 1: 2, 2: 4}.get(header & 0x03)
            if size is None:  # indeterminate length: the rest of the data
                length, skip = len(data) - position - 1, 1
            else:
                length = int.from_bytes(data[position + 1 : position + 1 + size], "big")
                skip = 1 + size
        start = position + skip
        yield tag, data[start : start + min(length, _HEADER_PEEK)]
        position = start + length


def _pkesk_key_id(body: bytes) -> str:
    """The recipient key id of a PKESK packet body (version 3 or 6), lower-case hex."""
    if body[:1] == b"\x03" and len(body) >= 9:
        return body[1:9].hex()
    if body[:1] == b"\x06" and len(body) >= 2 and body[1] > 1:
        version, fingerprint = body[2:3], body[3 : 2 + body[1]]
        return (fingerprint[:8] if version == b"\x06" else fingerprint[-8:]).hex()
    return "0" * 16  # anonymous: never among the usable keys


def _utc(at: dt.datetime | None) -> dt.datetime:
    if at is None:
        return dt.datetime.now(dt.UTC)
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)


__all__ = [
    "OpenPgpRecipient",
    "encrypt_and_sign",
    "load_recipient_key",
    "read_recipient_key",
]
