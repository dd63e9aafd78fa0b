"""The app-data folder: platformdirs, configured so every earlier release's folder stays where it is,
and a folder that would move on Windows is copied on first use without losing a key."""

from __future__ import annotations

from pathlib import Path

import platformdirs.windows
import pytest
from platformdirs.macos import MacOS

from desktop_app import paths
from desktop_app.crypto.keys import CERTIFICATE_FILE, KEY_FILE
from desktop_app.crypto.openpgp import PUBLIC_KEY_FILE, SECRET_KEY_FILE
from desktop_app.paths import autosave_path, data_dir
from desktop_app.transfer.hostkeys import FILE_NAME as HOST_KEYS_FILE


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    """No override, no XDG, a home of our own and a fresh once-per-process migration memory."""
    for name in ("DIVERSITY_ASSISTANT_DATA_DIR", "XDG_DATA_HOME", "APPDATA"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(paths, "_settled", {})
    return tmp_path


@pytest.fixture
def windows(monkeypatch, clean_env):
    """Windows as seen from here: platformdirs' known-folder lookup answers from a dict."""
    monkeypatch.setattr("sys.platform", "win32")
    known = {
        "CSIDL_APPDATA": str(clean_env / "Users" / "ann" / "AppData" / "Roaming"),
        "CSIDL_LOCAL_APPDATA": str(clean_env / "Users" / "ann" / "AppData" / "Local"),
    }
    asked: list[str] = []

    def get_win_folder(csidl_name: str) -> str:
        asked.append(csidl_name)
        return known[csidl_name]

    monkeypatch.setattr(platformdirs.windows, "get_win_folder", get_win_folder)
    return known, asked


def test_the_environment_override_wins_on_every_platform(clean_env, monkeypatch):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(clean_env / "data"))
    for platform in ("linux", "win32", "darwin"):
        monkeypatch.setattr("sys.platform", platform)
        assert data_dir() == clean_env / "data"
        assert autosave_path() == clean_env / "data" / "autosave-draft.json"


def test_linux_uses_an_absolute_xdg_data_home_else_local_share(clean_env, monkeypatch):
    monkeypatch.setattr("sys.platform", "linux")
    assert data_dir() == clean_env / "home" / ".local" / "share" / "Diversity Assistant"
    monkeypatch.setenv("XDG_DATA_HOME", str(clean_env / "xdg"))
    assert data_dir() == clean_env / "xdg" / "Diversity Assistant"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/xdg")  # the XDG spec: ignore a relative one
    assert data_dir() == clean_env / "home" / ".local" / "share" / "Diversity Assistant"


def test_macos_uses_application_support_whatever_xdg_says(clean_env, monkeypatch):
    monkeypatch.setattr("sys.platform", "darwin")
    expected = clean_env / "home" / "Library" / "Application Support" / "Diversity Assistant"
    assert data_dir() == expected
    # without XDG variables this is exactly platformdirs' own macOS folder ...
    assert Path(MacOS("Diversity Assistant", appauthor=False).user_data_dir) == expected
    # ... and with one (set in a terminal, unseen by the Finder) the keys do not move
    monkeypatch.setenv("XDG_DATA_HOME", str(clean_env / "xdg"))
    assert data_dir() == expected


def test_windows_uses_the_roaming_app_data_folder_with_one_level(windows, clean_env, monkeypatch):
    known, asked = windows
    # what earlier releases read: %APPDATA%, the same folder the system names
    monkeypatch.setenv("APPDATA", known["CSIDL_APPDATA"])
    expected = clean_env / "Users" / "ann" / "AppData" / "Roaming" / "Diversity Assistant"
    assert data_dir() == expected  # not ...\Diversity Assistant\Diversity Assistant, not Local
    assert autosave_path() == expected / "autosave-draft.json"
    assert set(asked) == {"CSIDL_APPDATA"}
    assert not expected.exists()  # nothing created or copied


def _earlier_folder(root: Path) -> dict[str, bytes]:
    files = {
        f"keys/gemeente-voorbeeld/{KEY_FILE}": b"-----BEGIN ENCRYPTED PRIVATE KEY-----\n",
        f"keys/gemeente-voorbeeld/{CERTIFICATE_FILE}": b"-----BEGIN CERTIFICATE-----\n",
        f"keys/gemeente-voorbeeld/openpgp/{SECRET_KEY_FILE}": b"\x85\x01secret",
        f"keys/gemeente-voorbeeld/openpgp/{PUBLIC_KEY_FILE}": b"-----BEGIN PGP PUBLIC KEY BLOCK-----\n",
        HOST_KEYS_FILE: b'{"sftp.example.nl:22": "ssh-ed25519 AAAA"}',
        "autosave-draft.json": b'{"format": "diversity-assistant/draft"}',
        "logs/diversity-assistant.log": b"started\n",
    }
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    return files


def _contents(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()
    }


def test_windows_copies_a_folder_that_would_move_keys_and_all(windows, clean_env, monkeypatch):
    known, _ = windows
    earlier_root = clean_env / "redirected" / "Roaming"  # %APPDATA% no longer the system's folder
    monkeypatch.setenv("APPDATA", str(earlier_root))
    earlier = earlier_root / "Diversity Assistant"
    files = _earlier_folder(earlier)
    new = Path(known["CSIDL_APPDATA"]) / "Diversity Assistant"

    assert data_dir() == new
    assert _contents(new) == files  # signing key, OpenPGP key, host keys, autosave, logs
    assert _contents(earlier) == files  # the earlier folder is left as it was
    assert [p.name for p in new.parent.iterdir()] == ["Diversity Assistant"]  # no temp left

    # once copied, the new folder is the one in use: a later start copies nothing over it
    (new / HOST_KEYS_FILE).write_bytes(b"{}")
    monkeypatch.setattr(paths, "_settled", {})
    assert data_dir() == new
    assert (new / HOST_KEYS_FILE).read_bytes() == b"{}"


def test_windows_never_copies_over_a_folder_in_use(windows, clean_env, monkeypatch):
    known, _ = windows
    monkeypatch.setenv("APPDATA", str(clean_env / "redirected"))
    _earlier_folder(clean_env / "redirected" / "Diversity Assistant")
    new = Path(known["CSIDL_APPDATA"]) / "Diversity Assistant"
    new.mkdir(parents=True)
    (new / HOST_KEYS_FILE).write_bytes(b"{}")
    assert data_dir() == new
    assert _contents(new) == {HOST_KEYS_FILE: b"{}"}


def test_windows_keeps_the_earlier_folder_when_the_copy_fails(windows, clean_env, monkeypatch):
    known, _ = windows
    monkeypatch.setenv("APPDATA", str(clean_env / "redirected"))
    earlier = clean_env / "redirected" / "Diversity Assistant"
    files = _earlier_folder(earlier)

    def disk_full(source, target, **kwargs):
        Path(target).mkdir()
        (Path(target) / "half").write_bytes(b"x")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("shutil.copytree", disk_full)
    new = Path(known["CSIDL_APPDATA"]) / "Diversity Assistant"
    assert data_dir() == earlier  # the keys stay reachable
    assert not new.exists()
    assert list(new.parent.iterdir()) == []  # the half copy is gone
    assert _contents(earlier) == files
