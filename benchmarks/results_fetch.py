"""Fetch speed over loopback SFTP: ours (``transfer/fetch.py``: 64 KiB reads, SHA-256 while
reading, fsync, rename) beside OpenSSH's ``sftp get`` from the same sshd, alternating, medians.

    .venv/bin/python -m benchmarks.results_fetch [--mb 64] [--runs 5]

Prints the median seconds and MB/s of each and their ratio (ours / OpenSSH), then the bytes
fetched again after one connection cut at about half way (the resume).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from desktop_app.transfer import Credentials, Portal, RetryPolicy
from desktop_app.transfer.fetch import fetch
from tests.servers.proxy import CuttingProxy
from tests.servers.sshd import running_sshd


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=64)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    size = options.mb * 1_000_000
    root = Path(tempfile.mkdtemp(prefix="da-bench-fetch-"))
    root.chmod(0o755)
    os.environ["DIVERSITY_ASSISTANT_DATA_DIR"] = str(root / "appdata")
    try:
        with running_sshd(root / "server") as sshd:
            remote = sshd.upload_dir / "tabellen.csv.gpg"
            with remote.open("wb") as stream:
                for _ in range(options.mb):
                    stream.write(os.urandom(1_000_000))
            credentials = Credentials(sshd.user, key_file=sshd.user_key.private_file)

            def portal(port: int | None = None) -> Portal:
                return Portal.from_url(
                    f"sftp://127.0.0.1:{port or sshd.port}{remote}",
                    host_key_sha256=sshd.host_key.fingerprint,
                )

            def ours() -> float:
                target = Path(tempfile.mkdtemp(dir=root))
                start = time.perf_counter()
                fetch(portal(), credentials, target, max_size=size + 1)
                took = time.perf_counter() - start
                shutil.rmtree(target)
                return took

            def openssh() -> float:
                target = Path(tempfile.mkdtemp(dir=root))
                start = time.perf_counter()
                sshd.openssh_sftp(f"get {remote} {target}/", root)
                with (target / remote.name).open("rb") as stream:  # as ours: on disk
                    os.fsync(stream.fileno())
                took = time.perf_counter() - start
                shutil.rmtree(target)
                return took

            times: dict[str, list[float]] = {"ours": [], "openssh": []}
            for _ in range(options.runs):  # alternating, so both see the same machine
                times["ours"].append(ours())
                times["openssh"].append(openssh())
            medians = {name: statistics.median(values) for name, values in times.items()}
            for name, seconds in medians.items():
                print(f"{name:8s} median {seconds:6.2f} s  {size / seconds / 1e6:6.1f} MB/s")
            print(f"ratio ours/openssh: {medians['ours'] / medians['openssh']:.2f}")

            with CuttingProxy(sshd.port, cuts=1, low=size // 2, high=size // 2) as proxy:
                target = Path(tempfile.mkdtemp(dir=root))
                got = fetch(
                    portal(proxy.port),
                    credentials,
                    target,
                    max_size=size + 1,
                    retry=RetryPolicy(first_delay=0.01),
                )
            import hashlib

            same = hashlib.sha256(remote.read_bytes()).hexdigest() == got.sha256
            print(
                f"cut once at ~50 %: {got.attempts} attempts, {got.size} bytes, "
                f"SHA-256 {'equal' if same else 'DIFFERENT'} to the server's file"
            )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
