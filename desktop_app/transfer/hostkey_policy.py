"""Which SSH host key an upload expects: one rule for the wizard and the ``upload`` command.

In this order:

1. the fingerprint the officer gives for this upload (the CLI's ``--host-key-sha256``);
2. the programme profile's pin (``[portal] host_key_sha256``), when the upload goes to the
   profile's portal (same host and port): the wizard and, with ``--programme``, the CLI;
3. a key the officer confirmed before, remembered in the app-data folder (the one host-key store,
   :mod:`desktop_app.transfer.hostkeys`);
4. else the key is shown and asked about; only an explicit confirmation accepts it (and remembers it).

Steps 1 and 2 become :attr:`Portal.host_key_sha256` (:func:`portal_for_upload`); the SFTP upload
applies 3 and 4 at the handshake (:func:`expected_host_key`). A pinned key is never replaced by a
remembered one. Drafts of earlier versions kept a confirmed key in their portal section; it is
moved into the store when the draft's portal settings are read (:func:`migrate_draft_host_key`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from desktop_app.profiles.model import Portal as ProfilePortal
from desktop_app.profiles.model import Programme
from desktop_app.transfer.hostkeys import remember_host_key, remembered_host_key
from desktop_app.transfer.model import Portal, TransferError, normalise_fingerprint

Source = Literal["given", "profile", "remembered", "ask"]


@dataclass(frozen=True)
class HostKeyExpectation:
    """The fingerprint to expect (None: unknown, ask) and where that expectation comes from."""

    fingerprint: str | None
    source: Source


def profile_pin(url: str, profile: ProfilePortal | Programme | None) -> str | None:
    """The profile's pinned SSH host key when ``url`` goes to the profile's own SFTP portal
    (same host and port), else None."""
    if isinstance(profile, Programme):
        profile = profile.portal
    if profile is None or not profile.host_key_sha256 or not profile.url:
        return None
    try:
        pinned = Portal.from_url(profile.url)
        target = Portal.from_url(url)
    except TransferError:
        return None
    if pinned.protocol != "sftp" or target.protocol != "sftp":
        return None
    if (pinned.host.lower(), pinned.port) != (target.host.lower(), target.port):
        return None
    return normalise_host_key(profile.host_key_sha256)


def normalise_host_key(value: str) -> str:
    """A host-key fingerprint the officer gives (``--host-key-sha256`` of ``upload`` and
    ``results fetch``, a profile's pin), in OpenSSH's form ``SHA256:<base64>``: also the grouped
    forms our own sentences print (``SHA256:Ab3d Ef01 …``, groups of hex digits with spaces or
    colons) are taken; neither a space nor a colon is a base64 or hex character."""
    text = value.strip()
    prefix = ""
    if text[:7].upper() == "SHA256:":
        prefix, text = "SHA256:", text[7:]
    compact = re.sub(r"[\s:]", "", text)
    try:
        return normalise_fingerprint(prefix + compact)
    except TransferError:
        raise TransferError("transfer.host-key-invalid", value=value.strip()[:200]) from None


def pinned_host_key(
    url: str, *, given: str | None = None, profile: ProfilePortal | Programme | None = None
) -> HostKeyExpectation:
    """Steps 1 and 2: the officer's fingerprint for this upload, else the profile's pin."""
    if given:
        return HostKeyExpectation(normalise_host_key(given), "given")
    pin = profile_pin(url, profile)
    if pin:
        return HostKeyExpectation(pin, "profile")
    return HostKeyExpectation(None, "ask")


def expected_host_key(portal: Portal) -> HostKeyExpectation:
    """What the SFTP handshake compares the server's key with: the portal's pin (steps 1-2),
    else a remembered key (3), else nothing: ask (4)."""
    if portal.host_key_sha256:
        return HostKeyExpectation(portal.host_key_sha256, "given")
    remembered = remembered_host_key(portal.host, portal.port)
    if remembered:
        return HostKeyExpectation(remembered, "remembered")
    return HostKeyExpectation(None, "ask")


def portal_for_upload(
    url: str,
    *,
    username: str | None = None,
    given: str | None = None,
    profile: ProfilePortal | Programme | None = None,
    ca_file: Path | str | None = None,
) -> Portal:
    """The portal to upload to with the pin the rule gives (an HTTPS portal takes no SSH pin).
    Raises TransferError (translated) on an unusable address."""
    https = url.strip().lower().startswith("https:")
    pin = None if https and not given else pinned_host_key(url, given=given, profile=profile)
    return Portal.from_url(
        url,
        username=username,
        host_key_sha256=pin.fingerprint if pin is not None else None,
        ca_file=ca_file,
    )


def migrate_draft_host_key(settings: Mapping[str, Any]) -> dict[str, Any]:
    """A draft's portal settings without the host key earlier versions kept there
    (``host_key_sha256`` with ``host_key_for = "[host]:port"``); that key moves into the app-data
    store unless the store already holds one for that server (the store wins)."""
    cleaned = dict(settings)
    fingerprint = cleaned.pop("host_key_sha256", None)
    server = cleaned.pop("host_key_for", None)
    if not isinstance(fingerprint, str) or not isinstance(server, str) or not fingerprint:
        return cleaned
    host, separator, port = server.rpartition("]:")
    host = host.removeprefix("[")
    if not separator or not host or not port.isdigit():
        return cleaned
    try:
        fingerprint = normalise_host_key(fingerprint)
    except (TransferError, ValueError):
        return cleaned
    if remembered_host_key(host, int(port)) is None:
        remember_host_key(host, int(port), fingerprint)
    return cleaned
