"""OpenSSH's sshd on a free loopback port, with a generated host key, user key and config.

Runs as the current user (root in CI: then a throwaway user with a password is also made for
the password-login test and removed afterwards). sshd must be installed (.ci/run installs
openssh-server); a missing sshd fails the tests, it does not skip them.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.servers.keys import SshKey, make_ssh_key

SSHD = "/usr/sbin/sshd"
PASSWORD_USER = "da-upload-test"
PASSWORD = "correct horse 7 battery"


@dataclass(frozen=True)
class Sshd:
    port: int
    host_key: SshKey
    user: str
    user_key: SshKey
    upload_dir: Path
    password_user: str | None  # a user that logs in with PASSWORD (root only)
    log: Path

    def openssh_sftp(self, commands: str, folder: Path, timeout: float = 120) -> None:
        """Run OpenSSH's own ``sftp`` client with ``commands`` (its batch language, e.g.
        ``get a b``) as the key user, trusting only this server's host key (a known_hosts file
        written in ``folder``). Fails (CalledProcessError) when a command fails."""
        known = folder / "known_hosts"
        known.write_text(f"[127.0.0.1]:{self.port} {self.host_key.public_line}\n")
        subprocess.run(
            [
                "sftp",
                "-q",
                "-b",
                "-",
                "-P",
                str(self.port),
                "-i",
                str(self.user_key.private_file),
                "-o",
                f"UserKnownHostsFile={known}",
                "-o",
                "StrictHostKeyChecking=yes",
                "-o",
                "BatchMode=yes",
                f"{self.user}@127.0.0.1",
            ],
            input=f"{commands}\n".encode(),
            check=True,
            capture_output=True,
            timeout=timeout,
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(
    port: int, process: subprocess.Popen[bytes], log: Path, seconds: float = 10
) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early: {log.read_text(errors='replace')}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"server did not listen on {port}: {log.read_text(errors='replace')}")


def _password_user() -> str | None:
    if os.geteuid() != 0:
        return None
    if subprocess.run(["id", PASSWORD_USER], capture_output=True, check=False).returncode:
        subprocess.run(
            ["useradd", "--no-create-home", "--shell", "/bin/sh", PASSWORD_USER], check=True
        )
    subprocess.run(["chpasswd"], input=f"{PASSWORD_USER}:{PASSWORD}".encode(), check=True)
    return PASSWORD_USER


@contextlib.contextmanager
def running_sshd(folder: Path) -> Iterator[Sshd]:
    if not Path(SSHD).exists() or shutil.which("ssh-keygen") is None:
        raise RuntimeError("OpenSSH's sshd is not installed: apt-get install openssh-server")
    folder.mkdir(parents=True, exist_ok=True)
    host_key = make_ssh_key(folder / "host_ed25519")
    user_key = make_ssh_key(folder / "user_ed25519")
    (folder / "authorized_keys").write_text(user_key.public_line + "\n")
    upload_dir = folder / "inbox"
    upload_dir.mkdir()
    upload_dir.chmod(0o777)  # the password user writes here too
    folder.chmod(0o755)
    port = free_port()
    config = folder / "sshd_config"
    config.write_text(
        f"""Port {port}
ListenAddress 127.0.0.1
HostKey {host_key.private_file}
PidFile {folder / "sshd.pid"}
AuthorizedKeysFile {folder / "authorized_keys"}
UsePAM no
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication yes
KbdInteractiveAuthentication no
PermitRootLogin yes
MaxStartups 200
MaxAuthTries 4
LogLevel VERBOSE
Subsystem sftp internal-sftp
ChrootDirectory none
"""
    )
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege-separation dir
    password_user = _password_user()
    log = folder / "sshd.log"
    with log.open("wb") as log_stream:
        process = subprocess.Popen(
            [SSHD, "-D", "-e", "-f", str(config)], stdout=log_stream, stderr=subprocess.STDOUT
        )
    try:
        wait_for_port(port, process, log)
        yield Sshd(port, host_key, getpass.getuser(), user_key, upload_dir, password_user, log)
    finally:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if password_user:
            subprocess.run(["userdel", password_user], capture_output=True, check=False)


@contextlib.contextmanager
def running_sshd_in_temp(prefix: str) -> Iterator[Sshd]:
    """:func:`running_sshd` in a fresh folder of the system's temporary area (not pytest's
    private 0700 one: the password user must reach its inbox), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    try:
        with running_sshd(folder / "server") as server:
            yield server
    finally:
        shutil.rmtree(folder, ignore_errors=True)
