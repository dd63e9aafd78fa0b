"""The review step as "Check your answers, then confirm", driven in the real wizard (offscreen):
every section with the demo draft's answers, no BSN on the page or in the printed PDF, and each
Change button back to the step where the answer is given, with Next leading back to the review."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QWizard
from test_ui_delivery import demo_to_review
from test_ui_submission import demo_bsns, isolated  # noqa: F401 (fixture)
from wizard_helpers import WAIT, next_enabled, shown_wizard

from desktop_app.text import grouped_hex
from desktop_app.ui.app import demo_draft
from desktop_app.ui.routes import PageId


def section_rows(page, section_id: str) -> dict[str, str]:
    return dict(page.answers.sections[section_id].texts())


def shown_texts(page) -> list[str]:
    """Every text on the review page: labels, buttons' names and the tables' cells."""
    texts = [label.text() for label in page.findChildren(QLabel)]
    for table in (page.sample, page.checklist_table):
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                texts.append(item.text() if item else "")
    return texts


def test_every_answer_is_shown_and_printed_without_a_bsn(qtbot, tmp_path, isolated, monkeypatch):  # noqa: F811
    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "autosave.json", "nl")
    page = demo_to_review(qtbot, wizard)
    draft = wizard.draft
    assert page.title() == "Controleer uw antwoorden en bevestig"

    organisation = section_rows(page, "organisation")
    assert organisation["Naam van de organisatie"] == "Gemeente Voorbeeld"
    assert section_rows(page, "population")["Peildatum"] == "01-01-2026"
    source = section_rows(page, "source")
    assert source["Bestand"] == "demo-personeel.xlsx"
    assert source["Werkblad"] == draft.source.sheet
    assert source["Kopregel"] == str(draft.source.header_row)
    assert source["SHA-256-vingerafdruk"] == grouped_hex(draft.source.fingerprint.sha256)
    mapping = section_rows(page, "mapping")
    # every column the office gets, a breakdown column with what it holds
    assert {"bsn", "peildatum", "subgroep_1 (Afdeling)"} <= set(mapping)
    assert set(page.preview.columns) == {"bsn", "peildatum", "subgroep_1"}
    assert mapping["bsn"] == "← kolom BSN"
    assert mapping["peildatum"] == "← de peildatum (01-01-2026)"
    assert mapping["subgroep_1 (Afdeling)"] == "← uitsplitsing 1: Afdeling (Organisatieonderdeel)"
    # every mapped column is named: as a source of a column sent, or as read for the checks only
    read_only = mapping["Alleen gelezen voor de controles, niet verstuurd"]
    for header in draft.mapping.fields.values():
        assert f"← kolom {header}" in mapping.values() or header in read_only
    assert "Geslacht" in read_only
    assert mapping["Identificatiesleutel"] == "BSN"
    (department,) = section_rows(page, "breakdowns").values()
    merged = draft.categories.merges["Afdeling"]["Financiën"]
    assert f"samengevoegd: {merged}" in department
    assert "Sociaal domein" in department  # the categories as sent

    # compact: no row much taller than its text
    for section in page.answers.sections.values():
        line = section.rows.fontMetrics().lineSpacing()
        for label, value in section.labels:
            if label.isVisible():
                lines = max(label.text().count("\n"), value.text().count("\n")) + 1
                assert label.height() <= (lines + 3) * line + 8, (section.id, label.text())

    bsns = demo_bsns()
    assert not [t for t in shown_texts(page) if any(b in t for b in bsns)]

    # Save as PDF…: the dialog starts in Documents; the PDF has every section, no BSN
    asked = []

    def save_as(_parent, _title, start, _filter):
        asked.append(start)
        return str(tmp_path / "overzicht"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert (
        "Documents" in asked[0] or "Documenten" in asked[0] or asked[0].startswith(str(Path.home()))
    )
    assert asked[0].endswith(".pdf")
    pdf = tmp_path / "overzicht.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert page.saved.kind == "ok"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Controleer uw antwoorden" in text
    assert "Gemeente Voorbeeld" in text
    assert "01-01-2026" in text
    squeezed = "".join(text.split())  # long values wrap
    assert draft.source.fingerprint.sha256 in squeezed
    for title in ("Bronbestand", "Kolommen", "Voorwaarden zoals bevestigd", "Verzending"):
        assert title in text
    assert "webportaal" in text  # the route chosen
    assert "←kolomBSN" in squeezed
    assert not [b for b in bsns if b in squeezed]


def walk_back_to_review(qtbot, wizard) -> None:
    """Next on every step, as the officer would, until the review shows its preview again."""
    for _ in range(12):
        if wizard.currentId() == PageId.REVIEW:
            break
        page = wizard.currentPage()
        if wizard.currentId() == PageId.VALIDATION:
            qtbot.waitUntil(
                lambda p=page: p.session.validation is not None and not p.running, timeout=WAIT
            )
            if not next_enabled(wizard):
                page.acknowledge.click()
        qtbot.waitUntil(lambda: next_enabled(wizard), timeout=WAIT)
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PageId.REVIEW
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.preview is not None and not page.running, timeout=WAIT)


@pytest.mark.parametrize(
    ("section", "target"),
    [
        ("programme", PageId.PROGRAMME),
        ("organisation", PageId.ORGANISATION),
        ("population", PageId.ORGANISATION),
        ("conditions", PageId.CHECKLIST),
        ("source", PageId.FILE),
        ("mapping", PageId.MAPPING),
        ("breakdowns", PageId.CATEGORIES),
    ],
)
def test_each_change_button_goes_to_its_step_and_next_comes_back(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
    section,
    target,
):
    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "autosave.json", "nl")
    page = demo_to_review(qtbot, wizard)
    if section == "conditions":
        button, title = page.checklist.change, "Voorwaarden zoals bevestigd"
    else:
        card = page.answers.sections[section]
        button, title = card.change, card.heading.text()
    assert button.text() == "Wijzigen"
    assert button.accessibleName() == f"Wijzig {title}"
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus  # reachable with Tab
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert wizard.currentId() == target
    organisation = wizard.draft.organisation.name
    walk_back_to_review(qtbot, wizard)
    page = wizard.currentPage()
    assert section_rows(page, "organisation")["Naam van de organisatie"] == organisation
    assert next_enabled(wizard)  # the answers kept: the file can be made


def test_the_overview_follows_the_language_and_tab_reaches_its_buttons(qtbot, tmp_path, isolated):  # noqa: F811
    from test_ui_delivery import in_tab_chain

    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "autosave.json", "nl")
    page = demo_to_review(qtbot, wizard)
    wizard.set_language("fr")
    assert page.title() == "Vérifiez vos réponses, puis confirmez"
    programme = page.answers.sections["programme"]
    assert programme.heading.text() == "Programme"
    assert programme.change.accessibleName() == "Modifier Programme"
    assert section_rows(page, "population")["Date de référence"] == "01-01-2026"
    assert page.checklist.change.accessibleName() == "Modifier Conditions telles que confirmées"
    for section in page.answers.sections.values():
        assert in_tab_chain(page, section.change), section.id
    assert in_tab_chain(page, page.print_button)
    assert in_tab_chain(page, page.checklist.change)


def test_a_pdf_that_cannot_be_written_is_said_on_the_page(qtbot, tmp_path, isolated):  # noqa: F811
    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "autosave.json", "nl")
    page = demo_to_review(qtbot, wizard)
    assert page.save_pdf(tmp_path / "missing" / "folder" / "overzicht.pdf") is None
    assert page.saved.kind == "error"
    assert "overzicht.pdf" in page.saved.text()
