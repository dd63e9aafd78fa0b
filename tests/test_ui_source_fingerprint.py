"""The wizard sends what the officer reviewed: a staff file swapped between the review and Encrypt
(same size, same modification time, other content) is refused with a message that asks for a new
check, and nothing is written; after "Reload file" on the Checks page the package is made."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
import test_ui_submission
from PySide6.QtCore import Qt
from test_source_fingerprint import sha256_and_size, swap, workbook_twin
from test_ui_submission import DEMO_FILE, walk_to_categories
from wizard_helpers import WAIT, go_next, shown_wizard

from desktop_app.draft import load_draft
from desktop_app.intake.fingerprint import SourceFingerprint
from desktop_app.messages import Message
from desktop_app.ui.app import demo_draft
from desktop_app.ui.wizard import PageId

# The submission tests' fixtures: app data, keyring and temp folder of the test; an office.
isolated = test_ui_submission.isolated
office = test_ui_submission.office


def review_and_go_to_encrypt(qtbot, wizard, certificate_path) -> None:
    """From the categories page (merges applied) through the review to Encrypt."""
    page = wizard.currentPage()
    section = page.sections[0]
    if section.violations():
        qtbot.mouseClick(section.apply_button, Qt.MouseButton.LeftButton)
    go_next(qtbot, wizard, PageId.REVIEW)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.preview is not None and not page.running, timeout=WAIT)
    page.set_certificate(certificate_path)
    if not page.confirm.isChecked():
        page.confirm.click()
    go_next(qtbot, wizard, PageId.ENCRYPT)


@pytest.mark.usefixtures("isolated")
def test_a_file_swapped_after_the_review_is_refused_at_encrypt(qtbot, tmp_path, office):
    certificate_path, _certificate = office
    source = tmp_path / "personeel.xlsx"
    shutil.copyfile(DEMO_FILE, source)
    twin = workbook_twin(source)
    original = source.read_bytes()
    draft = demo_draft()
    draft.source = replace(draft.source, path=source)
    autosave = tmp_path / "autosave.json"
    wizard = shown_wizard(qtbot, draft, autosave, "nl")
    walk_to_categories(qtbot, wizard)
    reviewed = SourceFingerprint(*sha256_and_size(source))
    assert wizard.session.table.fingerprint == reviewed
    assert wizard.draft.source.fingerprint == reviewed  # kept in the (autosaved) draft
    review_and_go_to_encrypt(qtbot, wizard, certificate_path)
    assert load_draft(autosave).source.fingerprint == reviewed

    page = wizard.currentPage()
    out = tmp_path / "out" / "barometer.p7m"
    page.target.setText(str(out))
    swap(source, twin)  # between the review and Encrypt
    qtbot.mouseClick(page.encrypt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    now = SourceFingerprint(*sha256_and_size(source))
    expected = Message(
        "intake.source-changed",
        {
            "file": "personeel.xlsx",
            "checked_sha256": reviewed.short,
            "checked_size": reviewed.size,
            "now_sha256": now.short,
            "now_size": now.size,
        },
    ).render("nl")
    assert page.problem.kind == "error"
    assert page.problem.text() == expected
    assert "veranderd sinds het werd gecontroleerd" in page.problem.text()
    assert "Bestand opnieuw lezen" in page.problem.text()
    assert page.session.submission is None
    assert not page.result_card.isVisible()
    assert not out.exists()
    assert not out.parent.exists() or not any(out.parent.iterdir())

    # The file as it was reviewed is sent: put it back (same size and time) and Encrypt works.
    swap(source, original)
    qtbot.mouseClick(page.encrypt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert page.problem.kind is None, page.problem.text()
    assert out.exists()


@pytest.mark.usefixtures("isolated")
def test_after_a_new_check_the_changed_file_is_sent(qtbot, tmp_path, office):
    certificate_path, _certificate = office
    source = tmp_path / "personeel.xlsx"
    shutil.copyfile(DEMO_FILE, source)
    twin = workbook_twin(source)
    draft = demo_draft()
    draft.source = replace(draft.source, path=source)
    wizard = shown_wizard(qtbot, draft, None, "nl")
    walk_to_categories(qtbot, wizard)
    review_and_go_to_encrypt(qtbot, wizard, certificate_path)
    page = wizard.currentPage()
    out = tmp_path / "out" / "barometer.p7m"
    page.target.setText(str(out))
    swap(source, twin)
    qtbot.mouseClick(page.encrypt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert page.problem.kind == "error"
    assert not out.exists()

    # What the message asks: back to the Checks, "Reload file", review again, Encrypt.
    for _ in range(3):
        wizard.back()
    assert wizard.currentId() == PageId.VALIDATION
    checks = wizard.currentPage()
    qtbot.waitUntil(lambda: not checks.running, timeout=WAIT)
    qtbot.mouseClick(checks.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: not checks.running and checks.session.validation is not None, timeout=WAIT
    )
    changed = SourceFingerprint(*sha256_and_size(source))
    assert wizard.session.table.fingerprint == changed
    assert wizard.draft.source.fingerprint == changed
    if not checks.acknowledge.isChecked():
        checks.acknowledge.click()
    go_next(qtbot, wizard, PageId.CATEGORIES)
    review_and_go_to_encrypt(qtbot, wizard, certificate_path)
    page = wizard.currentPage()
    page.target.setText(str(out))
    qtbot.mouseClick(page.encrypt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert page.problem.kind is None, page.problem.text()
    assert out.exists()
    assert page.session.submission.check.fingerprint == changed
