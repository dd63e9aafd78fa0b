"""The review page's conditions table: each row as high as its text at the page's width, not the
height it would need in the narrow first layout (rows of 100-200 px, mostly empty)."""

from __future__ import annotations

from test_ui_delivery import demo_to_review
from test_ui_submission import isolated  # noqa: F401 (fixture)
from wizard_helpers import shown_wizard

from desktop_app.ui.app import demo_draft


def test_the_conditions_rows_fit_their_text(qtbot, tmp_path, isolated):  # noqa: F811
    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "autosave.json", "nl")
    page = demo_to_review(qtbot, wizard)
    table = page.checklist.table
    line = table.fontMetrics().lineSpacing()

    def heights() -> list[int]:
        return [table.rowHeight(row) for row in range(table.rowCount())]

    qtbot.waitUntil(lambda: max(heights()) <= 3 * line, timeout=5_000)
    assert table.columnWidth(0) > 400  # the condition column got the room
    assert table.height() <= table.horizontalHeader().height() + sum(heights()) + 8
    wizard.resize(700, 760)  # narrower: the rows grow to keep the text readable
    qtbot.waitUntil(lambda: max(heights()) > 2 * line, timeout=5_000)
