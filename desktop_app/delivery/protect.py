"""The protection put around the office's files, one kind per :class:`Protection`.

What goes inside is the office's files exactly as the profile defines them; ``manifest.json``
only where the profile's ``manifest_in`` names the protection (offices that open packages with
this tool's ``open``). Each protector is made with everything it needs already checked (the
office's certificate or OpenPGP key, the organisation's signing key, the passphrase), so sealing
cannot fail for a reason the officer could have been told earlier.

* ``none``: the office's file itself, byte for byte; only the channel protects it.
* ``cms``: the files zipped, signed with the organisation's X.509 key and encrypted to the
  office's certificate (a ``.p7m``; :mod:`desktop_app.crypto.envelope`).
* ``openpgp``: signed with the organisation's OpenPGP key and encrypted to the office's key (a
  ``.gpg`` that GnuPG and Kleopatra open); one file goes in as itself, several as a zip.
* ``passphrase``: an AES-256 7-Zip archive with encrypted names (a ``.7z``); the passphrase is
  generated, shown once to the officer and never stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from desktop_app.package.build import MANIFEST_NAME, Package, zip_files
from desktop_app.profiles.model import Programme, Protection

if TYPE_CHECKING:
    from desktop_app.crypto.keys import SigningIdentity
    from desktop_app.crypto.openpgp import OpenPgpKey
    from desktop_app.crypto.openpgp_send import OpenPgpRecipient
    from desktop_app.crypto.recipient import CheckedRecipient


@dataclass(frozen=True)
class Sealed:
    """The bytes to deliver and to whom they are readable."""

    content: bytes
    recipient_kind: str  # certificate, openpgp-key, passphrase, channel (see delivery.record)
    recipient_fingerprint: str | None
    signer_fingerprint: str | None
    passphrase: str | None = field(default=None, repr=False)  # shown once, never stored


class Protector(Protocol):
    @property
    def protection(self) -> Protection: ...

    @property
    def recipient_fingerprint(self) -> str | None: ...

    @property
    def signer_fingerprint(self) -> str | None: ...

    def seal(self, files: Mapping[str, bytes], created: dt.datetime) -> Sealed: ...


def payload_files(
    package: Package, programme: Programme, protection: Protection
) -> dict[str, bytes]:
    """The files that go inside ``protection``: the office's file, and the manifest where the
    profile says the office reads it."""
    files = {package.output.name: package.output.content}
    if protection in programme.delivery.manifest_in:
        files[MANIFEST_NAME] = package.files[MANIFEST_NAME]
    return files


@dataclass(frozen=True)
class NoProtection:
    protection: Protection = Protection.NONE
    recipient_fingerprint: str | None = None
    signer_fingerprint: str | None = None

    def seal(self, files: Mapping[str, bytes], created: dt.datetime) -> Sealed:
        (content,) = files.values()  # the profile cannot put the manifest beside it (loader)
        return Sealed(content, "channel", None, None)


@dataclass(frozen=True)
class CmsProtector:
    recipient: CheckedRecipient
    signer: SigningIdentity
    protection: Protection = Protection.CMS

    @property
    def recipient_fingerprint(self) -> str | None:
        from desktop_app.crypto.keys import fingerprint_hex

        return fingerprint_hex(self.recipient.certificate)

    @property
    def signer_fingerprint(self) -> str | None:
        from desktop_app.crypto.keys import fingerprint_hex

        return fingerprint_hex(self.signer.certificate)

    def seal(self, files: Mapping[str, bytes], created: dt.datetime) -> Sealed:
        from desktop_app.crypto.envelope import seal

        content = seal(zip_files(files, created), self.signer, self.recipient, at=created)
        return Sealed(content, "certificate", self.recipient.fingerprint, self.signer.fingerprint)


@dataclass(frozen=True)
class OpenPgpProtector:
    recipient: OpenPgpRecipient
    signer: OpenPgpKey
    protection: Protection = Protection.OPENPGP

    @property
    def recipient_fingerprint(self) -> str | None:
        return self.recipient.fingerprint

    @property
    def signer_fingerprint(self) -> str | None:
        return self.signer.fingerprint

    def seal(self, files: Mapping[str, bytes], created: dt.datetime) -> Sealed:
        from desktop_app.crypto.openpgp_send import encrypt_and_sign

        data = next(iter(files.values())) if len(files) == 1 else zip_files(files, created)
        content = encrypt_and_sign(data, self.recipient, self.signer)
        return Sealed(content, "openpgp-key", self.recipient.fingerprint, self.signer.fingerprint)


@dataclass(frozen=True)
class PassphraseProtector:
    passphrase: str = field(repr=False)
    protection: Protection = Protection.PASSPHRASE
    recipient_fingerprint: str | None = None
    signer_fingerprint: str | None = None

    def seal(self, files: Mapping[str, bytes], created: dt.datetime) -> Sealed:
        from desktop_app.crypto.archive import write_archive

        content = write_archive(files, self.passphrase)
        return Sealed(content, "passphrase", None, None, passphrase=self.passphrase)
