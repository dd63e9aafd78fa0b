"""Run by tests/test_ui_layout.py in a child process with ``QT_SCALE_FACTOR=2`` (not collected on
its own): the French demo at 200% as the officer sees it, the programme and the categories page
shot to $LAYOUT_SHOTS, and the clipping check on every page (it must agree with the 100% run, as
the scale factor changes device pixels only)."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
from test_crypto_support import InMemoryKeyring
from test_ui_layout import clipped, is_known
from ui_walk import walk_demo
from wizard_helpers import shown_wizard

from desktop_app.ui.app import demo_draft

SHOT = ("programme", "categories")


def test_french_demo_at_200_percent(qtbot, tmp_path, monkeypatch):
    assert os.environ.get("QT_SCALE_FACTOR") == "2"
    folder = Path(os.environ["LAYOUT_SHOTS"])
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    keyring.set_keyring(InMemoryKeyring())
    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "autosave.json", "fr")
    assert wizard.devicePixelRatio() == 2
    found = []

    def visit(name: str) -> None:
        qtbot.wait(50)
        found.extend(f"fr 200% {name}: {p}" for p in clipped(wizard))
        if name in SHOT:
            assert wizard.grab().save(str(folder / f"fr-200-{name}.png"))

    walk_demo(qtbot, wizard, tmp_path / "out", visit)
    unknown = [p for p in found if not is_known(p)]
    assert not unknown, "\n".join(unknown)
