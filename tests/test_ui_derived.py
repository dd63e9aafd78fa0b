"""Derived breakdowns in the wizard: the mapping page offers age when the birth date is mapped, and
the safe-categories page shows its bands with a band editor kept in the draft."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_ui_submission import isolated, unnamed_inputs  # noqa: F401 (fixture)
from wizard_helpers import WAIT, go_next, next_enabled, shown_wizard, walk_to_mapping

from desktop_app.categories import UNKNOWN
from desktop_app.ui.app import demo_draft
from desktop_app.ui.wizard import PageId


def derived_item(page, header):
    for index in range(page.breakdowns.count()):
        item = page.breakdowns.item(index)
        if item.data(Qt.ItemDataRole.UserRole) == header:
            return item
    raise AssertionError(header)


def test_age_bands_are_chosen_on_the_mapping_page_and_edited_on_the_categories_page(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
):
    draft = demo_draft()
    wizard = shown_wizard(qtbot, draft, tmp_path / "autosave.json", "en")
    walk_to_mapping(qtbot, wizard)

    mapping_page = wizard.currentPage()
    item = derived_item(mapping_page, "=age")
    assert item.text().startswith("Age (band at the reference date)")
    assert item.flags() & Qt.ItemFlag.ItemIsEnabled  # the demo maps the birth date
    for index in range(mapping_page.breakdowns.count()):  # age only
        mapping_page.breakdowns.item(index).setCheckState(Qt.CheckState.Unchecked)
    item.setCheckState(Qt.CheckState.Checked)
    assert [b.header for b in wizard.draft.mapping.breakdowns] == ["=age"]

    go_next(qtbot, wizard, PageId.VALIDATION)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    if not next_enabled(wizard):
        page.acknowledge.click()
    go_next(qtbot, wizard, PageId.CATEGORIES)

    page = wizard.currentPage()
    assert [s.header for s in page.sections] == ["=age"]
    section = page.sections[0]
    assert section.heading.text() == "Age (band at the reference date)"
    assert (
        list(section.chart.sizes)
        == ["<25", "25-34", "35-44", "45-54", "55+", UNKNOWN][: len(section.chart.sizes)]
    )
    assert section.bands_edit.text() == "25, 35, 45, 55"
    assert not unnamed_inputs(page)

    section.bands_edit.setText("35, x")
    section.apply_edges()
    assert section.bands_message.kind == "error"
    assert wizard.draft.categories.bands == {}

    section.bands_edit.setText("35, 50")
    section.apply_edges()
    assert wizard.draft.categories.bands == {"age": (35, 50)}
    assert set(section.chart.sizes) <= {"<35", "35-49", "50+", UNKNOWN}
    assert sum(section.chart.sizes.values()) == 1999
    assert not section.violations()
    assert next_enabled(wizard)

    section.coarser.activated.emit(1)  # merge the first two bands: 50 and over / under 50
    assert wizard.draft.categories.bands == {"age": (50,)}
