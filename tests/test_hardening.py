"""Core dumps are off for the app's own process, started through the real entry point."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app import hardening

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX limits")
def test_the_cli_entry_turns_core_dumps_off(tmp_path: Path) -> None:
    # Run cli.main() as a real start (argv None), then report from inside the same process.
    probe = textwrap.dedent(
        """
        import resource, sys
        from desktop_app import cli, hardening
        sys.argv = ["diversity-assistant", "programmes"]
        code = cli.main()
        soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
        status = open("/proc/self/status").read() if sys.platform.startswith("linux") else ""
        fds = __import__("os").listdir("/proc/self/fd") if sys.platform.startswith("linux") else []
        print("RESULT", code, soft, hard, hardening.is_dumpable(), len(fds) > 0, file=sys.stderr)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("RESULT"))
    _, code, soft, hard, dumpable, reads_proc = line.split()
    assert (code, soft, hard) == ("0", "0", "0")
    if sys.platform.startswith("linux"):
        assert dumpable == "False"
        assert reads_proc == "True"  # /proc/self is still readable by the process itself


def test_calling_main_in_process_leaves_the_test_runner_alone() -> None:
    from desktop_app import cli

    assert cli.main(["programmes"]) == 0
    if sys.platform.startswith("linux"):
        assert hardening.is_dumpable() is True
