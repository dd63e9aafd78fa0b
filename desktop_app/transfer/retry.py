"""Run attempts until one succeeds; back off on transient errors, give up on the others."""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable
from typing import TypeVar

from desktop_app.transfer.model import CancelToken, RetryPolicy, TransferError

log = logging.getLogger(__name__)
T = TypeVar("T")


def connect_error(exc: OSError, host: str, port: int) -> TransferError:
    """A failure to open the TCP connection: no route (retried: networks come back)."""
    detail = exc.strerror or str(exc) or type(exc).__name__
    return TransferError("transfer.no-route", host=host, port=port, detail=detail, transient=True)


def lost_error(exc: BaseException, host: str) -> TransferError:
    """A connection that broke or timed out after it was made (retried)."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        return TransferError("transfer.tls-untrusted", host=host, detail=exc.verify_message or "")
    detail = str(exc) or type(exc).__name__
    return TransferError("transfer.connection-lost", host=host, detail=detail, transient=True)


def run_with_retries(
    attempt: Callable[[], T],
    progress_marker: Callable[[], int],
    policy: RetryPolicy,
    cancel: CancelToken,
    classify: Callable[[BaseException], TransferError | None],
) -> tuple[T, int]:
    """Call ``attempt`` until it returns; returns (its result, the number of attempts).

    ``progress_marker`` tells how many bytes the server is known to hold; an attempt that raised
    it resets the failure count and the backoff (``classify`` maps a network library's exception
    to a :class:`TransferError`, or None for anything else, which propagates unchanged), so a link that breaks often but moves forward
    still finishes, while one that never moves gives up after ``attempts_without_progress``.
    """
    failures = 0
    attempts = 0
    best = progress_marker()
    while True:
        cancel.check()
        attempts += 1
        try:
            return attempt(), attempts
        except TransferError as error:
            if not error.transient:
                raise
            failure = error
        except Exception as exc:  # network libraries raise many types; classify says which
            classified = classify(exc)
            if classified is None:  # not a network failure: a bug, shown as such
                raise
            failure = classified
            if not failure.transient:
                raise failure from exc
        marker = progress_marker()
        if marker > best:
            best, failures = marker, 0
        failures += 1
        if failures >= policy.attempts_without_progress or attempts >= policy.max_attempts:
            raise failure
        delay = policy.delay(failures)
        log.info("upload attempt %d failed (%s); retrying in %.1f s", attempts, failure, delay)
        cancel.sleep(delay)
