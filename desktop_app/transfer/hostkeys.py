"""SSH host keys the user confirmed on first contact, remembered in the app-data folder.

A programme profile's pinned key always wins; a remembered key is only used when the profile has
none. A key is never accepted without a pin or the user's confirmation.
"""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.atomic import write_atomic
from desktop_app.bounded_read import FileKind, InputFileError, read_json_bounded
from desktop_app.paths import data_dir

FILE_NAME = "portal-host-keys.json"


def _path() -> Path:
    return data_dir() / FILE_NAME


def _load() -> dict[str, str]:
    try:
        data = read_json_bounded(_path(), FileKind.STATE)
    except (FileNotFoundError, ValueError, InputFileError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _key(host: str, port: int) -> str:
    return f"[{host}]:{port}"


def remembered_host_key(host: str, port: int) -> str | None:
    return _load().get(_key(host, port))


def remember_host_key(host: str, port: int, fingerprint: str) -> None:
    data = _load()
    data[_key(host, port)] = fingerprint
    path = _path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8"))


def forget_host_key(host: str, port: int) -> bool:
    data = _load()
    if data.pop(_key(host, port), None) is None:
        return False
    write_atomic(_path(), (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8"))
    return True
