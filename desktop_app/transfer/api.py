"""The one entry point: ``upload(package, portal, credentials, progress, cancel) -> Receipt``.

The transport is chosen by the portal's URL scheme from :data:`TRANSPORTS` (one module per
scheme, each a :class:`~desktop_app.transfer.transport.Transport`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from desktop_app.bounded_read import FileKind, file_sha256, require_regular_file
from desktop_app.transfer.model import (
    CancelToken,
    Credentials,
    Portal,
    ProgressCallback,
    Receipt,
    RetryPolicy,
    TransferError,
)
from desktop_app.transfer.sftp import TRANSPORT as SFTP
from desktop_app.transfer.transport import HostKeyConfirm, Transport, UploadJob
from desktop_app.transfer.tus import TRANSPORT as TUS

log = logging.getLogger(__name__)

TRANSPORTS: dict[str, Transport] = {transport.scheme: transport for transport in (SFTP, TUS)}
"""The upload schemes by the portal URL's scheme."""


def transport_for(portal: Portal) -> Transport:
    transport = TRANSPORTS.get(portal.scheme)
    if transport is None:
        raise TransferError("transfer.portal-url-invalid", url=portal.url)
    return transport


def upload(
    package: Path,
    portal: Portal,
    credentials: Credentials | None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    *,
    confirm_host_key: HostKeyConfirm | None = None,
    retry: RetryPolicy | None = None,
    save_receipt: bool = True,
    chunk_size: int | None = None,
) -> Receipt:
    """Upload ``package`` whole and exactly once, verify the server's copy, return the receipt.

    Runs in the caller's thread (the wizard calls it from a worker). ``progress(done, total)`` is
    called from that thread. ``cancel`` stops at the next chunk with ``transfer.cancelled``; a
    later call resumes where the server's copy ends. Every failure is a :class:`TransferError`
    with a translated message. The receipt is saved beside the package (``.receipt.json``).
    ``chunk_size`` sets the size of a tus PATCH request (default 4 MiB; SFTP ignores it).
    """
    package = Path(package)
    if not package.exists():
        raise TransferError("transfer.package-missing", file=str(package))
    require_regular_file(package, FileKind.PACKAGE)
    cancel = cancel or CancelToken()
    policy = retry or RetryPolicy()
    report = progress or (lambda _done, _total: None)
    sha256 = file_sha256(package)
    log.info("upload of %s (%s) to %s", package.name, sha256, portal.url)
    job = UploadJob(
        package,
        sha256,
        portal,
        credentials,
        report,
        cancel,
        policy,
        confirm_host_key=confirm_host_key,
        chunk_size=chunk_size,
    )
    receipt = transport_for(portal).run(job)
    if receipt.sha256 != sha256:  # each protocol already checks; never issue a wrong receipt
        raise TransferError(
            "transfer.verify-failed", host=portal.host, expected=sha256, actual=receipt.sha256
        )
    if save_receipt:
        receipt.save_beside(package)
    log.info("upload of %s verified: %s", package.name, receipt.destination)
    return receipt
