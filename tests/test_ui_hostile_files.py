"""The wizard's File page, given files that once ended the process or hung it: the officer sees a
sentence that says what to do, Next stays disabled, no crash dialog opens, and the wizard lives on
to read a good file afterwards."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from test_intake_extent import workbook
from test_ui_submission import isolated  # noqa: F401 (fixture)
from wizard_helpers import WAIT, go_next, shown_wizard, walk_to_file

from desktop_app.resources import resource_path
from desktop_app.ui.app import demo_draft
from desktop_app.ui.crash import CrashDialog
from desktop_app.ui.wizard import PageId


def file_page(qtbot, tmp_path: Path):
    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "autosave.json", "en")
    page = walk_to_file(qtbot, wizard)
    return wizard, page


def far_cell(folder: Path) -> Path:
    return workbook(folder / "solver.xlsx", 20, far=(1048575, 16383))


def pipe(folder: Path) -> Path:
    os.mkfifo(folder / "export.csv")
    return folder / "export.csv"


@pytest.mark.parametrize(
    ("builder", "expected"),
    [
        (far_cell, "XFD1048576"),
        (pipe, "not a regular file"),
    ],
    ids=["far-cell", "fifo"],
)
def test_a_hostile_file_is_refused_on_the_file_page(qtbot, tmp_path, isolated, builder, expected):  # noqa: F811
    wizard, page = file_page(qtbot, tmp_path)
    page.open_file(builder(tmp_path))
    qtbot.waitUntil(lambda: not page.running and page.message.isVisibleTo(page), timeout=WAIT)
    assert expected in page.message.text()
    assert "Traceback" not in page.message.text()
    assert "Q7secretvalue" not in page.message.text()  # the far cell's value is never shown
    assert not page.isComplete()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()]

    page.open_file(resource_path("samples", "demo-personeel.xlsx"))  # the wizard lives on
    qtbot.waitUntil(lambda: not page.running and page.session.table is not None, timeout=WAIT)
    assert page.isComplete()
    go_next(qtbot, wizard, PageId.MAPPING)
