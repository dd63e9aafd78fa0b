"""Upload speed over loopback SFTP: ours (paramiko) beside OpenSSH's sftp client, same sshd.

    .venv/bin/python -m benchmarks.transfer [--mb 100]

Prints MB/s for both (ours includes the read-back verification, reported separately too) and
the bytes sent again after one connection cut at 50 %.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from desktop_app.transfer import Credentials, Portal, RetryPolicy, upload
from tests.servers.proxy import CuttingProxy
from tests.servers.sshd import running_sshd


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=100)
    size = parser.parse_args().mb * 1_000_000
    root = Path(tempfile.mkdtemp(prefix="da-bench-"))
    root.chmod(0o755)
    os.environ["DIVERSITY_ASSISTANT_DATA_DIR"] = str(root / "appdata")
    try:
        package = root / "bench.p7m"
        with package.open("wb") as stream:
            for _ in range(size // 1_000_000):
                stream.write(os.urandom(1_000_000))
        with running_sshd(root / "server") as sshd:
            credentials = Credentials(sshd.user, key_file=sshd.user_key.private_file)

            def portal(folder: Path, port: int | None = None) -> Portal:
                folder.mkdir()
                return Portal.from_url(
                    f"sftp://127.0.0.1:{port or sshd.port}{folder}",
                    host_key_sha256=sshd.host_key.fingerprint,
                )

            start = time.perf_counter()
            receipt = upload(package, portal(sshd.upload_dir / "ours"), credentials)
            ours = time.perf_counter() - start

            (sshd.upload_dir / "openssh").mkdir()
            start = time.perf_counter()
            sshd.openssh_sftp(f"put {package} {sshd.upload_dir / 'openssh'}/bench.p7m", root)
            openssh = time.perf_counter() - start

            # one cut at ~50 % of the bytes on the wire
            with CuttingProxy(sshd.port, cuts=1, low=size // 2, high=size // 2) as proxy:
                fast = RetryPolicy(first_delay=0.05)
                cut = upload(
                    package, portal(sshd.upload_dir / "cut", proxy.port), credentials, retry=fast
                )
        mb = size / 1e6
        print(f"file: {mb:.0f} MB over loopback SFTP (OpenSSH sshd, internal-sftp)")
        print(f"ours (upload + read-back verify): {mb / ours:7.1f} MB/s  ({ours:.2f} s)")
        print(f"OpenSSH sftp put (no verify):     {mb / openssh:7.1f} MB/s  ({openssh:.2f} s)")
        print(f"receipt sha256 matches: {receipt.sha256 == cut.sha256}")
        print(
            f"one cut at 50 %: attempts {cut.attempts}, bytes sent {cut.bytes_sent}, "
            f"re-sent {cut.bytes_sent - size} ({(cut.bytes_sent - size) / size:.2%} of the file)"
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
