"""@tus/server with @tus/file-store on Node.js behind TLS (tests/servers/tus_server.mjs)."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.servers.keys import Tls

HERE = Path(__file__).parent
SCRIPT = HERE / "tus_server.mjs"


@dataclass(frozen=True)
class TusServer:
    port: int
    store: Path

    def url(self, port: int | None = None) -> str:
        return f"https://127.0.0.1:{port or self.port}/files/"

    def finished_uploads(self) -> list[tuple[Path, int]]:
        """(data file, size) of every upload the server holds, finished or not."""
        return [
            (path, path.stat().st_size)
            for path in sorted(self.store.iterdir())
            if path.is_file() and not path.name.endswith(".json")
        ]


@contextlib.contextmanager
def running_tus(
    folder: Path,
    tls: Tls,
    *,
    max_size: int | None = None,
    user: str | None = None,
    password: str | None = None,
    forbidden_user: str | None = None,
) -> Iterator[TusServer]:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node.js is not installed")
    if not (HERE / "node_modules" / "@tus" / "server").is_dir():
        raise RuntimeError("run `npm ci --prefix tests/servers` first (@tus/server)")
    store = folder / "tus-store"
    store.mkdir(parents=True, exist_ok=True)
    command = [
        node,
        str(SCRIPT),
        "--dir",
        str(store),
        "--cert",
        str(tls.cert_file),
        "--key",
        str(tls.key_file),
    ]
    if max_size is not None:
        command += ["--max-size", str(max_size)]
    if user is not None:
        command += ["--user", user, "--password", password or ""]
    if forbidden_user is not None:
        command += ["--forbidden-user", forbidden_user]
    log = folder / "tus.log"
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log.open("wb"), cwd=HERE)
    try:
        assert process.stdout is not None
        line = process.stdout.readline().decode()
        if not line.startswith("LISTENING "):
            process.wait(5)
            raise RuntimeError(f"tus server did not start: {line!r} {log.read_text()}")
        yield TusServer(int(line.split()[1]), store)
    finally:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
