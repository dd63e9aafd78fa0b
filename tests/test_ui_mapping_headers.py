"""The mapping page tells the officer about the header: two columns with one name are named, never
mapped for them, and the note says which one they chose; a file without a header row says so."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from test_ui_submission import isolated  # noqa: F401 (fixture)
from wizard_helpers import shown_wizard, walk_to_mapping

from desktop_app.ui.app import demo_draft


def mapping_page_for(qtbot, tmp_path: Path, source: Path):
    draft = demo_draft()
    draft.source = replace(draft.source, path=source, sheet=None, header_row=None)
    draft.mapping = None
    wizard = shown_wizard(qtbot, draft, tmp_path / "autosave.json", "en")
    walk_to_mapping(qtbot, wizard)
    return wizard, wizard.currentPage()


def test_duplicate_headers_on_the_mapping_page(qtbot, tmp_path, isolated):  # noqa: F811
    source = tmp_path / "dubbel.csv"
    source.write_text(
        "Persnr;BSN;Naam;BSN;Geboortedatum;Geslacht\n"
        "P1;111222333;Jan;123456782;01-02-1980;M\n"
        "P2;123456782;Piet;111222333;03-04-1975;V\n",
        encoding="utf-8",
    )
    wizard, page = mapping_page_for(qtbot, tmp_path, source)
    assert "bsn" not in wizard.draft.mapping.fields
    text = page.header_message.text()
    assert page.header_message.isVisibleTo(page)
    assert "Columns B, D have the same header “BSN”" in text
    assert "Neither is mapped automatically" in text

    (row,) = [r for r in page.rows if r.field.id == "bsn"]
    row.combo.setCurrentIndex(row.combo.findData("BSN (D)"))
    assert wizard.draft.mapping.fields["bsn"] == "BSN (D)"
    assert "Used: column D for" in page.header_message.text()


def test_a_file_without_header_row_on_the_mapping_page(qtbot, tmp_path, isolated):  # noqa: F811
    source = tmp_path / "export.csv"
    source.write_text(
        "P1;Jansen;111222333;01-02-1980;M\nP2;Bakker;123456782;03-04-1975;V\n", encoding="utf-8"
    )
    _, page = mapping_page_for(qtbot, tmp_path, source)
    text = page.header_message.text()
    assert "No header row found in export.csv: the data starts in row 1" in text
    assert "111222333" not in text
    assert "Jansen" not in text
