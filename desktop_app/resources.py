"""Where the shipped resources (profiles, messages, samples, translations) live.

Three layouts are supported: a source checkout or editable install (``resources/`` beside the
package), a PyInstaller bundle (``sys._MEIPASS/resources``) and a wheel install, where
``resources/`` is shipped as the package ``desktop_app._resources``.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

ENV_OVERRIDE = "DIVERSITY_ASSISTANT_RESOURCES"


@cache
def resource_root() -> Path:
    """The folder that holds ``programmes/``, ``messages/``, ``samples/`` and ``translations/``."""
    override = os.environ.get(ENV_OVERRIDE)
    candidates = []
    if override:
        candidates.append(Path(override))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates += [package_dir.parent / "resources", package_dir / "_resources"]
    for candidate in candidates:
        if (candidate / "programmes").is_dir():
            return candidate
    raise FileNotFoundError(
        "resources folder not found; looked in: " + ", ".join(str(c) for c in candidates)
    )


def resource_path(*parts: str) -> Path:
    """A path inside the resource folder (it need not exist)."""
    return resource_root().joinpath(*parts)
