"""The demo's office (``diversity-assistant --demo``): the whole way once, to "sent", on this computer.

In demo mode the app starts a :class:`~desktop_app.transfer.demo_portal.DemoPortal` (an SFTP server
on loopback, inside the assistant) and the demo draft's delivery goes there: route SFTP, protection
``cms`` to the bundled TEST-ONLY certificate (its private key is published: never for real data),
the upload settings at the portal's address with its user, the host key pinned to the portal's and
the password handed to the upload panel (never typed, never kept in the keyring).

The one rule that lets the test-only certificate through (:func:`allows_test_certificate`): the
draft's route goes to a demo portal that *this process* runs. Outside demo mode no portal runs, so
the certificate is refused as always, whatever a draft says.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.crypto.recipient import TEST_RECIPIENT_SHA256
from desktop_app.draft import Draft, RecipientChoice, UploadSettings
from desktop_app.profiles.model import Channel, Protection
from desktop_app.resources import resource_path
from desktop_app.transfer.demo_portal import DemoPortal, running_portal

DEMO_MARK = "DEMO"


def demo_certificate() -> Path:
    """The bundled TEST-ONLY certificate (see its README: never for real data)."""
    return resource_path("certificates", "test", "test-recipient-cert.pem")


def demo_portal_of(draft: Draft | None) -> DemoPortal | None:
    """The demo portal the draft's SFTP route goes to, when this process runs it; else None."""
    if draft is None:
        return None
    delivery = draft.delivery
    if delivery.channel != Channel.SFTP or delivery.upload is None:
        return None
    return running_portal(delivery.upload.url)


def allows_test_certificate(draft: Draft | None) -> bool:
    """The bundled test-only certificate may be used: only on the way to the running demo portal."""
    return demo_portal_of(draft) is not None


def send_to_demo_office(draft: Draft, portal: DemoPortal) -> None:
    """Point the draft's delivery at ``portal``: SFTP, CMS to the test-only certificate (its
    fingerprint confirmed: the demo shows it, the officer need not phone anyone)."""
    draft.delivery = replace(
        draft.delivery,
        channel=Channel.SFTP.value,
        protection=Protection.CMS.value,
        recipient=RecipientChoice(demo_certificate(), TEST_RECIPIENT_SHA256),
        upload=UploadSettings(url=portal.url, user=portal.user),
        openpgp_key=None,
    )


def demo_banner_text() -> str:
    return QCoreApplication.translate(
        "Demo",
        "Demo: nothing leaves this computer; the 'office' is a test server inside the assistant.",
    )


def demo_title(title: str) -> str:
    """The window title marked as the demo (once, whatever the language)."""
    pattern = QCoreApplication.translate("Demo", "DEMO - %1")
    prefix = pattern.split("%1")[0]
    if title.startswith(prefix) or title.startswith(DEMO_MARK):
        return title
    return pattern.replace("%1", title)


DEMO_PROPERTY = "diversity_assistant_demo"
"""The wizard's Qt property in demo mode (set by :func:`desktop_app.ui.app.mark_demo`)."""


def is_demo(widget: QWidget | None) -> bool:
    """Whether ``widget`` is in the demo's window."""
    window = widget.window() if widget is not None else None
    return bool(window is not None and window.property(DEMO_PROPERTY))


def made_for_the_demo(fingerprint: str | None) -> bool:
    """A package encrypted for the test-only certificate (its key is public): it may go to the
    demo portal only, never to a real server."""
    if not fingerprint:
        return False
    return fingerprint.replace(":", "").strip().lower() == TEST_RECIPIENT_SHA256
