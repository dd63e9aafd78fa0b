"""Process hardening at start-up: a crash of this process never leaves a memory image on disk.

A core dump or a Windows Error Reporting dump of this process would hold every employee row it had
read (BSNs, names) in clear, written to the current folder or a system crash folder. So:

- POSIX: ``RLIMIT_CORE`` is set to 0 (soft and hard).
- Linux: also ``prctl(PR_SET_DUMPABLE, 0)``: a ``core_pattern`` that pipes to a handler (systemd-
  coredump, apport) ignores RLIMIT_CORE; a non-dumpable process gets no core at all. Side effects:
  ``/proc/self/*`` files become owned by root (the process can still read its own, e.g.
  ``/proc/self/fd``, ``/proc/self/status``) and other processes of the same user cannot ptrace it.
- Windows: ``SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)`` so a crash shows no
  Windows Error Reporting dialog, and ``WerAddExcludedApplication(exe, FALSE)`` for this executable
  so WER collects no report (with its minidump) for it. Both are per user, no administrator needed.

Every step is best effort: a platform without the call is simply skipped; nothing here can stop
the program from starting.
"""

from __future__ import annotations

import sys

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002


def disable_core_dumps() -> None:
    """Turn off core dumps / crash dumps for this process (see the module docstring)."""
    if sys.platform == "win32":
        _windows()
        return
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass
    if sys.platform.startswith("linux"):
        _linux_not_dumpable()


def _linux_not_dumpable() -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def is_dumpable() -> bool | None:
    """Linux: whether this process may dump core (``None`` elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    return bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))


def _windows() -> None:  # pragma: no cover - exercised on Windows only
    try:
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        kernel32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
    except (OSError, AttributeError):
        pass
    try:
        import ctypes

        wer = ctypes.windll.wer  # type: ignore[attr-defined]
        wer.WerAddExcludedApplication(ctypes.c_wchar_p(sys.executable), False)
    except (OSError, AttributeError):
        pass
