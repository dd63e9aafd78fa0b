"""The wizard, driven as an officer would: programme, conditions, organisation, file, columns,
checks. Every page autosaves the draft, and no employee data ever lands in it."""

from __future__ import annotations

import json
import shutil
import warnings
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWizard
from wizard_helpers import go_next, next_enabled, shown_wizard, walk_to_mapping

from desktop_app.demo_data import StaffOptions, write_demo_workbook
from desktop_app.draft import Draft, save_draft
from desktop_app.intake import read_table
from desktop_app.resources import resource_path
from desktop_app.ui.app import continue_box, demo_draft, starting_draft
from desktop_app.ui.i18n import Translations
from desktop_app.ui.wizard import PageId
from desktop_app.validation import Severity

DEMO_FILE = resource_path("samples", "demo-personeel.xlsx")
WAIT = 20_000


@pytest.fixture(autouse=True)
def data_folder(tmp_path, monkeypatch):
    folder = tmp_path / "appdata"
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="module")
def messy_file(tmp_path_factory) -> Path:
    """An export with the mistakes that are errors (the bundled demo has warnings only)."""
    return write_demo_workbook(
        tmp_path_factory.mktemp("messy") / "personeel.xlsx", StaffOptions(n=300, messy=True)
    )


@pytest.fixture(scope="module")
def demo_bsns(messy_file) -> set[str]:
    table = read_table(messy_file)
    return {b for b in table.column("BSN") if b and b[0].isdigit()}


def messy_draft(messy_file: Path) -> Draft:
    draft = demo_draft()
    draft.source = replace(draft.source, path=messy_file)
    return draft


def drop_file(widget, path: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    position = QPointF(widget.rect().center())
    with warnings.catch_warnings():  # the QPoint constructor is the one PySide offers
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            position.toPoint(),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        position,
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, drop)


def autosaved_text(path: Path) -> str:
    assert path.exists(), "the draft was not autosaved"
    return path.read_text(encoding="utf-8")


def assert_no_employee_data(text: str, bsns: set[str]) -> None:
    leaked = [b for b in bsns if b in text]
    assert not leaked, f"BSNs in the draft: {leaked[:3]}"
    assert "Öztürk" not in text
    assert "P100000" not in text


def test_an_officer_goes_from_programme_to_checks_with_a_messy_file(
    qtbot, tmp_path, messy_file, demo_bsns
):
    autosave = tmp_path / "autosave.json"
    wizard = shown_wizard(qtbot, Draft(), autosave)
    saves = []
    wizard.autosaved.connect(lambda _p: saves.append(wizard.currentId()))

    # Programme: nothing chosen yet, so Next waits.
    page = wizard.currentPage()
    assert wizard.currentId() == PageId.PROGRAMME
    assert not next_enabled(wizard)
    assert "ingezoomde variant" in page.radios["cbs-barometer-ingezoomd"].text()
    assert "personeelsbestand" in page.descriptions["cbs-barometer-ingezoomd"].text()
    page.radios["cbs-barometer-ingezoomd"].click()
    go_next(qtbot, wizard, PageId.CHECKLIST)
    assert json.loads(autosaved_text(autosave))["programme"] == "cbs-barometer-ingezoomd"

    # Conditions: each needs its tick and a name.
    page = wizard.currentPage()
    assert len(page.rows) == 5
    assert not next_enabled(wizard)
    assert "ondernemingsraad" in page.rows[0].text.text()
    assert "5 van de 5" in page.status.text()
    for row in page.rows:
        row.confirmed.click()
    assert not next_enabled(wizard)  # ticked, but nobody named
    for row in page.rows:
        qtbot.keyClicks(row.by, "A. Jansen")
    assert next_enabled(wizard)
    assert page.status.kind == "ok"
    go_next(qtbot, wizard, PageId.ORGANISATION)
    saved = json.loads(autosaved_text(autosave))
    assert saved["checklist"]["works-council-informed"]["by"] == "A. Jansen"
    assert saved["checklist"]["works-council-informed"]["confirmed"] is True

    # Organisation: the payroll tax number is checked while typing.
    page = wizard.currentPage()
    rows = {row.field.id: row for row in page.rows}
    assert not next_enabled(wizard)
    qtbot.keyClicks(rows["loonheffingennummers"].edit, "802634541L01")
    assert rows["loonheffingennummers"].message.kind == "error"
    assert "elfproef" in rows["loonheffingennummers"].message.text()
    rows["loonheffingennummers"].edit.clear()
    qtbot.keyClicks(rows["loonheffingennummers"].edit, "802634540L01; 123456782L02")
    assert rows["loonheffingennummers"].message.kind == "ok"
    qtbot.keyClicks(rows["contact_email"].edit, "hr-at-voorbeeld")
    assert rows["contact_email"].message.kind == "error"
    rows["contact_email"].edit.setText("hr@voorbeeld.nl")
    for field_id, row in rows.items():
        if not row.edit.text():
            qtbot.keyClicks(row.edit, f"test {field_id}")
    page.peildatum.setDate(page.peildatum.date().fromString("2026-01-01", "yyyy-MM-dd"))
    assert not next_enabled(wizard)  # "taken part before?" is a choice still to make
    page.participation.yes.click()
    qtbot.keyClicks(page.participation.years, "2024")
    assert next_enabled(wizard)
    go_next(qtbot, wizard, PageId.FILE)
    saved = json.loads(autosaved_text(autosave))
    assert saved["organisation"]["loonheffingennummers"] == ["802634540L01", "123456782L02"]
    assert saved["peildatum"] == "2026-01-01"

    # File: dropped on the page; the header row under the title is found and highlighted.
    page = wizard.currentPage()
    assert not next_enabled(wizard)
    drop_file(page.drop, messy_file)
    qtbot.waitUntil(lambda: page.session.table is not None and not page.running, timeout=WAIT)
    assert page.header_row.value() == 3
    assert page.model.headerData(0, Qt.Orientation.Vertical) == "3"
    assert page.model.data(page.model.index(0, 2)) == "BSN"
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.FontRole).bold()
    assert page.sheet.currentText() == "Personeel"
    assert "301" in page.notes.text()
    assert next_enabled(wizard)
    go_next(qtbot, wizard, PageId.MAPPING)
    saved = json.loads(autosaved_text(autosave))
    assert saved["source"]["header_row"] == 3
    assert saved["source"]["sheet"] == "Personeel"

    # Columns: suggested, with confidence and masked examples; Afdeling kept as breakdown.
    page = wizard.currentPage()
    rows = {row.field.id: row for row in page.rows}
    assert rows["bsn"].header == "BSN"
    assert rows["bsn"].match.text() == "exacte naam"
    assert "******" in rows["bsn"].examples.text()
    assert rows["employment_type"].header is None
    assert page.key_message.kind == "ok"
    assert "BSN" in page.key_message.text()
    assert [box.header for box in page.value_boxes] == ["Geslacht"]
    # the empty choice asks for a code: beside a source value "Onbekend" it must not read as one
    (box,) = page.value_boxes
    assert {combo.itemText(0) for combo in box.combos.values()} == {"— kies een code —"}
    items = {
        page.breakdowns.item(i).data(Qt.ItemDataRole.UserRole): page.breakdowns.item(i)
        for i in range(page.breakdowns.count())
    }
    assert "Organisatieonderdeel" in items["Afdeling"].text()
    # the detected subgroups are pre-ticked; the officer keeps Afdeling only
    assert items["Afdeling"].checkState() == Qt.CheckState.Checked
    items["Functieschaal"].setCheckState(Qt.CheckState.Unchecked)
    assert page.draft.breakdowns == ("Afdeling",)
    assert "Naam" not in items  # names are never offered as subgroups
    rows["sex"].combo.setCurrentIndex(rows["sex"].combo.findData("BSN"))
    assert not next_enabled(wizard)
    assert "meer dan één veld" in page.problem.text()
    rows["sex"].combo.setCurrentIndex(rows["sex"].combo.findData("Geslacht"))
    assert next_enabled(wizard)
    go_next(qtbot, wizard, PageId.VALIDATION)
    saved = json.loads(autosaved_text(autosave))
    assert saved["mapping"]["breakdowns"] == [
        {"header": "Afdeling", "breakdown": "organisational_unit"}
    ]

    # Checks: the file's mistakes are found; errors block Next.
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    # the birth date is not sent with the BSN key: its impossible date is a warning
    assert page.counts() == {"error": 2, "warning": 4}
    assert page.model.rowCount() == 6
    assert "2 fouten en 4 waarschuwingen" in page.summary.text()
    assert not next_enabled(wizard)
    assert not page.acknowledge.isVisible()
    page.severity.setCurrentIndex(page.severity.findData(Severity.ERROR))
    assert page.proxy.rowCount() == 2
    page.search.setText("elfproef")
    assert page.proxy.rowCount() == 1
    page.view.selectRow(0)
    assert "Excel-rij (1): 8" in page.details.toPlainText()
    assert page.details.toPlainText().startswith("Ongeldig BSN")
    page.search.clear()
    page.severity.setCurrentIndex(0)
    page.view.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # most rows first
    assert page.proxy.index(0, 2).data() == "Dubbele medewerker"  # a title, never the code

    # Every page change saved the draft, and the draft holds none of the file's data.
    assert set(saves) >= {
        PageId.CHECKLIST,
        PageId.ORGANISATION,
        PageId.FILE,
        PageId.MAPPING,
        PageId.VALIDATION,
    }
    assert_no_employee_data(autosaved_text(autosave), demo_bsns)
    wizard.close()
    assert_no_employee_data(autosaved_text(autosave), demo_bsns)


def test_reload_reads_the_corrected_file_and_warnings_need_an_acknowledgement(
    qtbot, tmp_path, messy_file
):
    source = tmp_path / "personeel.xlsx"
    shutil.copy(messy_file, source)
    draft = demo_draft()
    draft.source = replace(draft.source, path=source)
    wizard = shown_wizard(qtbot, draft, tmp_path / "autosave.json")
    walk_to_mapping(qtbot, wizard)
    go_next(qtbot, wizard, PageId.VALIDATION)
    page = wizard.currentPage()
    # the result arrives before the job's end re-enables "Reload file": wait for both
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    assert page.counts()["error"] == 2
    assert not next_enabled(wizard)

    write_demo_workbook(source, StaffOptions(n=300, messy=False))  # the officer fixed the export
    assert page.reload_button.isEnabled()
    qtbot.mouseClick(page.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    counts = page.counts()
    assert counts["error"] == 0
    if counts["warning"]:
        assert page.acknowledge.isVisible()
        assert not next_enabled(wizard)
        page.acknowledge.click()
    assert next_enabled(wizard)
    go_next(qtbot, wizard, PageId.CATEGORIES)
    page = wizard.currentPage()
    assert [section.header for section in page.sections] == ["Afdeling"]
    section = page.sections[0]
    assert len(section.chart.sizes) == 10  # ten departments, all under CBS's 250
    assert len(section.violations()) == 10
    assert section.status.kind == "error"
    assert not next_enabled(wizard)


def test_the_general_variant_without_a_file_skips_the_file_pages(qtbot, tmp_path):
    wizard = shown_wizard(qtbot, Draft(), tmp_path / "autosave.json")
    page = wizard.currentPage()
    page.radios["cbs-barometer-algemeen"].click()
    assert page.has_file.isEnabled()
    assert not page.has_file.isChecked()
    assert wizard.step_labels[PageId.FILE].property("skipped") == "true"
    organisation = wizard.page(PageId.ORGANISATION)
    assert organisation.nextId() == PageId.REVIEW
    page.has_file.click()
    assert organisation.nextId() == PageId.FILE
    assert wizard.step_labels[PageId.FILE].property("skipped") == "false"
    page.radios["cbs-barometer-ingezoomd"].click()
    assert not page.has_file.isEnabled()


def test_the_language_switches_live_also_for_the_core_messages(qtbot, tmp_path, messy_file):
    wizard = shown_wizard(qtbot, messy_draft(messy_file), tmp_path / "autosave.json")
    walk_to_mapping(qtbot, wizard)
    go_next(qtbot, wizard, PageId.VALIDATION)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    assert page.title() == "Controles"
    assert "elfproef" in page.model.index(0, 3).data()

    wizard.set_language("fr")
    assert page.title() == "Contrôles"
    assert wizard.button(QWizard.WizardButton.BackButton).text() == "< &Précédent"
    assert "Langue" in wizard.button(QWizard.WizardButton.CustomButton1).text()
    assert "2 erreurs et 4 avertissements" in page.summary.text()
    assert page.model.index(0, 0).data() == "Erreur"
    assert (
        "Dans la colonne" in page.model.index(0, 3).data()
        or "Dans la" in page.model.index(0, 3).data()
    )
    assert wizard.page(PageId.ORGANISATION).peildatum_label.text().startswith("Date de")

    wizard.set_language("en")
    assert page.title() == "Checks"
    assert page.model.index(0, 0).data() == "Error"
    wizard.set_language("nl")
    assert page.title() == "Controles"


def test_restarting_offers_to_continue_the_autosaved_draft(qtbot, data_folder):
    from desktop_app.paths import autosave_path

    assert (
        starting_draft(None, False, "nl", ask=pytest.fail)[0].programme_id is None
    )  # nothing saved yet
    save_draft(demo_draft(), autosave_path())
    asked = []

    def ask(path, draft, language):
        asked.append((path, draft.organisation.name, language))
        return True

    draft, target = starting_draft(None, False, "nl", ask=ask)
    assert asked == [(autosave_path(), "Gemeente Voorbeeld", "nl")]
    assert draft.programme_id == "cbs-barometer-ingezoomd"
    assert target == autosave_path()
    fresh, _ = starting_draft(None, False, "nl", ask=lambda *_: False)
    assert fresh.programme_id is None

    translations = Translations()
    translations.install("nl")
    box = continue_box(autosave_path(), draft, "nl")
    qtbot.addWidget(box)
    assert "Gemeente Voorbeeld" in box.informativeText()
    assert "ingezoomde variant" in box.informativeText()
    assert box.text() == "Verdergaan waar u gebleven was?"
    assert {b.text() for b in box.buttons()} == {"&Verdergaan", "&Opnieuw beginnen"}

    autosave_path().write_text("{broken", encoding="utf-8")
    reports = []
    damaged, _ = starting_draft(None, False, "nl", ask=pytest.fail, report=reports.append)
    assert damaged.programme_id is None
    assert "beschadigd" in reports[0]


def test_the_demo_autosaves_apart_from_the_real_draft(data_folder):
    draft, target = starting_draft(None, True, "nl", ask=pytest.fail)
    assert target == data_folder / "demo-autosave-draft.json"
    assert draft.source.path == DEMO_FILE


def test_keyboard_only_the_checklist_can_be_completed(qtbot, tmp_path):
    draft = demo_draft()
    draft.checklist = {}
    wizard = shown_wizard(qtbot, draft, tmp_path / "autosave.json")
    go_next(qtbot, wizard, PageId.CHECKLIST)
    page = wizard.currentPage()
    # Tab goes tick -> date -> name -> next item's tick, in reading order.
    chain, widget = [], page.rows[0].confirmed
    for _ in range(400):
        chain.append(widget)
        widget = widget.nextInFocusChain()
    order = [w for row in page.rows for w in (row.confirmed, row.date, row.by)]
    positions = [chain.index(w) for w in order]
    assert positions == sorted(positions)
    for row in page.rows:
        qtbot.keyClick(row.confirmed, Qt.Key.Key_Space)
        qtbot.keyClicks(row.by, "K. Board")
    assert all(row.done for row in page.rows)
    assert next_enabled(wizard)
    for row in page.rows:
        for widget in (row.confirmed, row.date, row.by):
            assert widget.accessibleName()
            assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_every_input_has_an_accessible_name(qtbot, tmp_path):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLabel,
        QLineEdit,
    )

    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "autosave.json")
    walk_to_mapping(qtbot, wizard)
    unnamed = []
    for page_id in (
        PageId.PROGRAMME,
        PageId.CHECKLIST,
        PageId.ORGANISATION,
        PageId.FILE,
        PageId.MAPPING,
    ):
        page = wizard.page(page_id)
        buddies = {id(label.buddy()) for label in page.findChildren(QLabel) if label.buddy()}
        inputs = [
            w
            for kind in (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton)
            for w in page.findChildren(kind)
        ]
        for widget in inputs:
            if isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
                continue  # the line edit inside a spin box or combo box
            if not widget.isVisibleTo(page) or widget.objectName().startswith("qt_"):
                continue
            text = widget.text() if isinstance(widget, QAbstractButton) else ""
            if not (widget.accessibleName() or text or id(widget) in buddies):
                unnamed.append((int(page_id), type(widget).__name__, widget.objectName()))
    assert not unnamed
