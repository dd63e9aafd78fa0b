"""The safe-categories page previews the breakdown × sex as a protected frequency table: the demo's
few people of sex X per department are hidden, the audit passes, and a merge recomputes it."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea
from test_ui_submission import isolated, walk_to_categories  # noqa: F401 (fixture)
from wizard_helpers import WAIT, shown_wizard

from desktop_app.ui.app import demo_draft

SCREENSHOT = os.environ.get("CATEGORIES_PREVIEW_SCREENSHOT")


def test_the_preview_marks_suppressed_cells_and_follows_the_merges(qtbot, tmp_path, isolated):  # noqa: F811
    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "autosave.json", "en")
    walk_to_categories(qtbot, wizard)
    page = wizard.currentPage()
    preview = page.preview
    qtbot.waitUntil(
        lambda: (
            preview.tables is not None
            and not page.running
            and bool(preview.views)
            and preview.views[0][1].isVisible()
        ),
        timeout=WAIT,
    )

    (label, _view, model) = preview.views[0]
    assert label.text() == "Afdeling by sex"
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert columns == ["M", "V", "X", "Total"]
    rows = model.rowCount()
    assert rows == 11  # ten departments and the total
    x = columns.index("X")
    statuses = [model.status(r, x) for r in range(rows)]
    assert "primary" in statuses  # one to four people of sex X per department
    hidden = statuses.index("primary")
    assert model.index(hidden, x).data() == "×"
    assert model.index(hidden, x).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c4262e"
    assert preview.verdict.kind == "ok"
    assert preview.verdict.text().startswith("Audit passed")
    if SCREENSHOT:  # the page scrolled down to the preview
        scroll = page.findChild(QScrollArea).verticalScrollBar()
        scroll.setValue(scroll.maximum())
        page.grab().save(SCREENSHOT)

    page.sections[0].apply_button.click()  # the merge suggestion: fewer, larger departments
    # the preview is recomputed in a worker: wait for the new table, not just for "not running"
    qtbot.waitUntil(
        lambda: not page.running and preview.views and preview.views[0][2].rowCount() < rows,
        timeout=WAIT,
    )
    assert preview.verdict.kind == "ok"
    page.sections[0].undo_button.click()
    qtbot.waitUntil(
        lambda: not page.running and preview.views and preview.views[0][2].rowCount() == rows,
        timeout=WAIT,
    )
