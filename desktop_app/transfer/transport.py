"""What an upload scheme provides: the :class:`Transport` protocol and the :class:`UploadJob` it is
given. One module per scheme implements it (:mod:`.sftp`, :mod:`.tus`); :mod:`.api` picks the
transport by the portal's URL scheme (:data:`desktop_app.transfer.api.TRANSPORTS`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desktop_app.transfer.model import (
    CancelToken,
    Credentials,
    Portal,
    ProgressCallback,
    Receipt,
    RetryPolicy,
)

HostKeyConfirm = Callable[[str, int, str], bool]
"""Asked (host, port, "SHA256:…") on first contact with an unpinned server; True trusts it."""


@dataclass(frozen=True)
class UploadJob:
    """One upload as every scheme gets it; a scheme uses what applies to it."""

    package: Path
    sha256: str  # the local package's, computed once by the caller
    portal: Portal
    credentials: Credentials | None
    progress: ProgressCallback
    cancel: CancelToken
    policy: RetryPolicy
    confirm_host_key: HostKeyConfirm | None = None  # SFTP: an unpinned, unremembered host key
    chunk_size: int | None = None  # tus: the size of one PATCH request (None: the scheme's own)


class Transport(Protocol):
    """An upload scheme. :meth:`run` uploads the job's package whole and exactly once:

    * **run**: connect, log in, send, with retries by the job's policy; ``progress(done, total)``
      from the caller's thread; the job's ``cancel`` stops at the next chunk;
    * **resume**: a later attempt (or a later call for the same package and portal) continues
      where the server's copy ends instead of starting again;
    * **read-back**: the server's copy is read back (or hashed by the server) and its SHA-256
      compared with the job's before the upload counts as done;
    * **receipt**: a :class:`Receipt` with the destination, the server's SHA-256 and identity.

    Every failure is a :class:`~desktop_app.transfer.model.TransferError`.
    """

    scheme: str  # the portal URL's scheme that selects this transport ("sftp", "https")

    def run(self, job: UploadJob) -> Receipt: ...
