"""Where the product keeps its own files on this computer: the app-data folder and what lives in it.

The folder is the one platformdirs names for "Diversity Assistant", configured so that it is the
folder every earlier release used:

- ``DIVERSITY_ASSISTANT_DATA_DIR`` wins (tests, portable use);
- Windows: the roaming ``%APPDATA%\\Diversity Assistant`` (``appauthor=False``: no second
  "Diversity Assistant" level; ``roaming=True``: not ``%LOCALAPPDATA%``);
- macOS: ``~/Library/Application Support/Diversity Assistant``, whatever ``$XDG_DATA_HOME`` says;
- elsewhere: ``$XDG_DATA_HOME/Diversity Assistant`` (an absolute one) or
  ``~/.local/share/Diversity Assistant``.

On Windows platformdirs asks the system for the roaming folder where earlier releases read the
``APPDATA`` variable. The two are the same folder unless the variable was changed; if they differ,
the old folder is copied to the new one on first use (the organisation's signing key, OpenPGP key,
known host keys, autosave and logs with it) and left in place; if the copy fails, the old folder
stays in use. Nothing here creates the folder: its users do, when they first write to it.

Qt-free and low: this module imports nothing of the product.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import uuid
from pathlib import Path

from platformdirs.macos import MacOS
from platformdirs.unix import Unix
from platformdirs.windows import Windows

DATA_DIR_ENV = "DIVERSITY_ASSISTANT_DATA_DIR"
APP_FOLDER = "Diversity Assistant"
AUTOSAVE_NAME = "autosave-draft.json"

log = logging.getLogger(__name__)

# (legacy, new) -> the folder to use; a migration is tried once per process.
_settled: dict[tuple[Path, Path], Path] = {}


class _MacOSFolders(MacOS):
    """platformdirs' macOS folders, except that ``$XDG_DATA_HOME`` does not move the data folder.

    platformdirs lets XDG variables take precedence on macOS. An app started from the Finder never
    sees a shell's variables, so honouring them would keep the signing key in one folder when the
    app is started from a terminal and in another when started from the Finder.
    """

    @property
    def user_data_dir(self) -> str:
        return os.path.join(os.path.expanduser("~/Library/Application Support"), self.appname or "")


def platform_data_dir() -> Path:
    """The platform's app-data folder for the product (platformdirs), ignoring the override."""
    if sys.platform == "win32":
        return Windows(APP_FOLDER, appauthor=False, roaming=True).user_data_path
    if sys.platform == "darwin":
        return _MacOSFolders(APP_FOLDER, appauthor=False).user_data_path
    return Unix(APP_FOLDER, appauthor=False).user_data_path


def legacy_data_dir() -> Path | None:
    """The folder releases before platformdirs used, where it can differ from today's (Windows:
    from the ``APPDATA`` variable); None elsewhere."""
    if sys.platform != "win32":
        return None
    base = os.environ.get("APPDATA")
    root = Path(base) if base else Path.home() / "AppData" / "Roaming"
    return root / APP_FOLDER


def data_dir() -> Path:
    """The user's app-data folder for this product (not created here)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    new = platform_data_dir()
    legacy = legacy_data_dir()
    if legacy is None or _same_folder(legacy, new):
        return new
    key = (legacy, new)
    if key not in _settled:
        _settled[key] = migrate(legacy, new)
    return _settled[key]


def autosave_path() -> Path:
    """Where the wizard keeps the draft between sessions."""
    return data_dir() / AUTOSAVE_NAME


def migrate(legacy: Path, new: Path) -> Path:
    """Copy ``legacy`` to ``new`` if only ``legacy`` holds anything; return the folder to use.

    The copy is made beside ``new`` under a temporary name and renamed into place, so ``new`` is
    either absent or complete. ``legacy`` is never changed. If the copy fails, ``legacy`` is the
    folder to use, so no key is ever left behind.
    """
    if not legacy.is_dir() or _has_entries(new):
        return new
    temporary = new.with_name(f".{new.name}.migrating-{uuid.uuid4().hex[:8]}")
    try:
        new.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(legacy, temporary, symlinks=True)
        if new.is_dir():
            new.rmdir()  # empty (checked above)
        temporary.rename(new)
    except OSError as error:
        shutil.rmtree(temporary, ignore_errors=True)
        log.warning(
            "app-data folder not moved (errno %s); the earlier folder stays in use", error.errno
        )
        return legacy
    log.info("app-data folder copied from the earlier location")
    return new


def _has_entries(folder: Path) -> bool:
    try:
        with os.scandir(folder) as entries:
            return any(True for _ in entries)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # a file in the way, or a folder we cannot list: leave it alone


def _same_folder(a: Path, b: Path) -> bool:
    return os.path.normcase(os.path.normpath(a)) == os.path.normcase(os.path.normpath(b))
