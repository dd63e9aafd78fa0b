"""Upload of the encrypted package to the office's portal (SFTP or tus over HTTPS).

The only part of the product that touches the network. Qt-free; the wizard runs :func:`upload`
in a worker thread with a progress callback and a :class:`CancelToken`.
"""

from desktop_app.bounded_read import file_sha256
from desktop_app.transfer.api import upload
from desktop_app.transfer.credentials import forget_password, load_password, save_password
from desktop_app.transfer.hostkeys import forget_host_key, remembered_host_key
from desktop_app.transfer.model import (
    CancelToken,
    Credentials,
    Portal,
    Receipt,
    RetryPolicy,
    TransferError,
    normalise_fingerprint,
    receipt_path,
)

__all__ = [
    "CancelToken",
    "Credentials",
    "Portal",
    "Receipt",
    "RetryPolicy",
    "TransferError",
    "file_sha256",
    "forget_host_key",
    "forget_password",
    "load_password",
    "normalise_fingerprint",
    "receipt_path",
    "remembered_host_key",
    "save_password",
    "upload",
]
