"""Across the wizard: unexpected exceptions are logged without personal data and shown calmly with
a report to save; the wizard can be walked by keyboard alone; pages survive 200 % scaling."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWizard
from wizard_helpers import shown_wizard

from desktop_app.draft import Draft, DraftError, Organisation
from desktop_app.logging_setup import (
    configure_logging,
    format_exception,
    scrub,
    scrub_message,
    unconfigure_logging,
)
from desktop_app.ui.app import demo_draft
from desktop_app.ui.crash import CrashDialog, build_report, install_crash_handler
from desktop_app.ui.pages.programme import ProgrammePage
from desktop_app.ui.wizard import PageId

WAIT = 20_000
BSN = "123456782"
EMAIL = "jan.jansen@example.nl"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def data_folder(tmp_path, monkeypatch):
    folder = tmp_path / "appdata"
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def log_file(data_folder):
    path = configure_logging()
    assert path == data_folder / "logs" / "diversity-assistant.log"
    yield path
    unconfigure_logging()


def crash_dialogs() -> list[CrashDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()
    ]


def all_text(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel)) + widget.windowTitle()


@pytest.fixture
def crash_handler(qtbot):
    handlers = []

    def install(wizard):
        handler = install_crash_handler(wizard)
        handlers.append(handler)
        return handler

    yield install
    for handler in handlers:
        handler.uninstall()
    for dialog in crash_dialogs():
        dialog.reject()


# -- scrubbing ----------------------------------------------------------------------------------


def test_scrubbing_masks_identifiers_addresses_postcodes_and_paths():
    text = scrub(
        f"BSN {BSN}, INSZ 85.07.30-033.28, KBO 0123.456.789, LH 802634540L01, {EMAIL}, "
        "3511 AB Utrecht, 1000 Brussel, B-9000, "
        'File "/home/jan/Documents/personeel 2026.xlsx", "C:\\Users\\Jan\\p.xlsx", '
        'File "/opt/app/desktop_app/ui/pages/file.py", line 1234'
    )
    for secret in (BSN, "85.07.30", "0123.456", "802634540", EMAIL, "3511", "1000", "9000"):
        assert secret not in text
    assert "jan" not in text.lower().replace("<e-mail>", "")
    assert '"personeel 2026.xlsx"' in text
    assert '"p.xlsx"' in text
    assert '"desktop_app/ui/pages/file.py", line 1234' in text
    assert scrub("Gemeente Voorbeeld failed", ["Gemeente Voorbeeld"]) == "<hidden> failed"
    # a value quoted in an exception message is masked; identifiers stay readable
    assert (
        scrub_message("could not convert string to float: 'Öztürk' in column 'salary_scale'")
        == "could not convert string to float: '…' in column 'salary_scale'"
    )


def test_tracebacks_hold_no_local_variables_and_no_exception_text():
    def read_cell():
        secret_cell = f"Öztürk {BSN}"  # a local: never in a traceback
        raise KeyError(secret_cell)

    try:
        try:
            read_cell()
        except KeyError as error:
            # an unquoted name, as libraries write them: no pattern could tell it is a name
            cell, reason = "".join(["Jan", "sen"]), "could not " + "convert"
            raise ValueError(f"{reason} string to float: {cell} {BSN} {EMAIL}") from error
    except ValueError as error:
        text = format_exception(type(error), error, error.__traceback__)
    assert "Traceback (most recent call last)" in text
    assert "in read_cell" in text  # where it happened stays readable
    assert "\nKeyError\n" in text
    assert "direct cause" in text
    assert text.rstrip().endswith("\nValueError")
    for secret in ("Öztürk", "Jansen", BSN, EMAIL, "could not convert"):
        assert secret not in text


def test_exceptions_are_logged_as_value_free_events():
    from desktop_app.errors import IntakeError
    from desktop_app.logging_setup import exception_line

    refusal = IntakeError("intake.file-empty", file="Jansen salarissen.xlsx")
    assert exception_line(refusal) == "desktop_app.errors.IntakeError [intake.file-empty]"
    missing = FileNotFoundError(2, "No such file or directory", "/home/jan/Jansen.xlsx")
    assert exception_line(missing) == "FileNotFoundError [ENOENT] No such file or directory (.xlsx)"
    assert exception_line(ValueError("Jansen")) == "ValueError"


def test_the_log_file_rotates_and_is_scrubbed(log_file):
    logger = logging.getLogger("desktop_app.test")
    logger.warning("upload of %s for %s failed", f"'{BSN}.csv'", EMAIL)
    logger.warning("autosave failed: %s", ValueError("Jansen, Piet"))
    logger.warning("sheet %s \x1b]52;c;aGk=\x07 read", "Blad\u202e1")
    try:
        raise RuntimeError(f"row 8: {BSN} {'Jan' + 'sen'}")
    except RuntimeError:
        logger.exception("checks failed")
    handler = next(h for h in logging.getLogger().handlers if hasattr(h, "maxBytes"))
    assert handler.maxBytes > 0
    assert handler.backupCount > 0
    text = log_file.read_text(encoding="utf-8")
    assert "checks failed" in text
    assert "autosave failed: ValueError\n" in text
    assert "\nRuntimeError\n" in text
    assert "Jansen" not in text
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "\u202e" not in text
    assert BSN not in text
    assert EMAIL not in text
    assert configure_logging() == log_file  # once: a second call changes nothing
    assert sum(hasattr(h, "maxBytes") for h in logging.getLogger().handlers) == 1


# -- unexpected exceptions in the wizard ------------------------------------------------------------


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_scrubbed_and_shown_with_a_report(
    qtbot, tmp_path, monkeypatch, log_file, crash_handler
):
    def broken(self, checked):
        if checked and self.radios["cbs-barometer-algemeen"].isChecked():
            name = self.draft.organisation.name
            raise ValueError(f"cell {BSN} of {EMAIL} does not fit {name}")

    monkeypatch.setattr(ProgrammePage, "_chosen", broken)
    autosave = tmp_path / "autosave.json"
    wizard = shown_wizard(qtbot, demo_draft(), autosave)
    crash_handler(wizard)
    wizard.currentPage().radios["cbs-barometer-algemeen"].click()  # the slot raises

    qtbot.waitUntil(lambda: bool(crash_dialogs()), timeout=WAIT)
    dialog = crash_dialogs()[0]
    shown = all_text(dialog)
    assert "Er ging iets onverwachts mis." in shown
    assert "automatisch bewaard" in shown
    assert "Traceback" not in shown
    assert BSN not in shown
    assert autosave.exists()  # the choices were saved once more
    assert dialog.save_button.text() == "Rapport &bewaren…"
    assert dialog.continue_button.isDefault()

    log = log_file.read_text(encoding="utf-8")
    assert "unexpected exception on page PROGRAMME (0)" in log
    assert "Traceback (most recent call last)" in log
    assert "in broken" in log
    assert 'raise ValueError(f"cell {BSN} of {EMAIL} does not fit {name}")' in log  # code stays
    assert log.rstrip().endswith("\nValueError")  # the event, not the text built from data
    assert BSN not in log
    assert EMAIL not in log
    assert "Gemeente Voorbeeld" not in log

    target = tmp_path / "chosen" / "report"
    target.parent.mkdir()
    dialog.ask_path = lambda parent, suggested, language: target
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = target.with_suffix(".txt")
    assert dialog.saved_path == saved
    assert "report.txt" in dialog.status.text()
    report = saved.read_text(encoding="utf-8")
    assert "Version: 0.1.0" in report
    assert "Page: PROGRAMME (0)" in report
    assert "Programme: cbs-barometer-ingezoomd" in report
    assert "Python: " in report
    assert "Qt: " in report
    assert "System: " in report
    assert report.rstrip().endswith("\nValueError")
    for secret in (BSN, EMAIL, "Gemeente Voorbeeld", "802634540L01", str(tmp_path)):
        assert secret not in report
    assert "demo-personeel.xlsx" not in report or "samples" not in report

    # Continue: the wizard carries on.
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not crash_dialogs(), timeout=WAIT)
    assert wizard.isVisible()


@pytest.mark.qt_no_exception_capture
def test_an_escaping_app_error_shows_its_translated_message_without_traceback(
    qtbot, tmp_path, monkeypatch, log_file, crash_handler
):
    def broken(self, checked):
        if checked:
            raise DraftError("draft.not-found", file="elders.json")

    monkeypatch.setattr(ProgrammePage, "_chosen", broken)
    wizard = shown_wizard(qtbot, Draft(), tmp_path / "autosave.json", language="fr")
    crash_handler(wizard)
    wizard.currentPage().radios["cbs-barometer-ingezoomd"].click()

    qtbot.waitUntil(lambda: bool(crash_dialogs()), timeout=WAIT)
    dialog = crash_dialogs()[0]
    expected = DraftError("draft.not-found", file="elders.json").render("fr")
    assert dialog.heading.text() == expected
    assert "Le fichier brouillon elders.json n'existe pas" in expected
    shown = all_text(dialog)
    assert "Traceback" not in shown
    assert "DraftError" not in shown
    assert dialog.save_button is None
    assert dialog.continue_button.text() == "OK"
    assert "escaped to the top" in log_file.read_text(encoding="utf-8")
    dialog.accept()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_another_thread_is_shown_in_the_gui_thread(
    qtbot, tmp_path, log_file, crash_handler
):
    wizard = shown_wizard(qtbot, Draft(), tmp_path / "autosave.json", language="en")
    crash_handler(wizard)

    def job():
        raise OSError(f"cannot reach {EMAIL}")

    thread = threading.Thread(target=job, name="reader")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(crash_dialogs()), timeout=WAIT)
    dialog = crash_dialogs()[0]
    assert "Something unexpected went wrong." in all_text(dialog)
    assert "Thread: reader" in dialog.report
    assert EMAIL not in log_file.read_text(encoding="utf-8")
    dialog.reject()


def test_a_report_names_only_the_file_of_the_source_and_no_home_folder(tmp_path):
    source = Path.home() / "Personeel Jansen" / "export.xlsx"
    try:
        raise FileNotFoundError(2, "No such file", str(source))
    except FileNotFoundError as error:
        report = build_report(type(error), error, error.__traceback__, page="FILE (3)")
    assert "FileNotFoundError [ENOENT] No such file (.xlsx)" in report  # the kind of file only
    assert "export" not in report
    assert "Personeel Jansen" not in report
    assert str(Path.home()) not in report


# -- keyboard only ------------------------------------------------------------------------------------


def focused():
    return QApplication.focusWidget()


def press(qtbot, wizard, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused() or wizard, key, modifier)


def tab_to(qtbot, wizard, wanted, limit: int = 250) -> bool:
    """Press Tab until ``wanted`` has the focus; False when the focus never gets there."""
    for _ in range(limit):
        if focused() is wanted:
            return True
        press(qtbot, wizard, Qt.Key.Key_Tab)
    return focused() is wanted


def alt_n(qtbot, wizard, expected: PageId) -> None:
    """The Next button's mnemonic (Alt+N in English, Alt+V in Dutch, Alt+S in French)."""
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on page {PageId(wizard.currentId()).name}"
    mnemonic = button.shortcut()
    assert mnemonic == QKeySequence.mnemonic(button.text())
    assert not mnemonic.isEmpty(), f"Next ({button.text()!r}) has no Alt shortcut"
    QTest.keySequence(focused() or wizard, mnemonic)  # a mnemonic clicks with a short animation
    qtbot.waitUntil(lambda: wizard.currentId() == expected, timeout=2000)


def test_keyboard_only_from_programme_to_checks(qtbot, tmp_path):
    demo = demo_draft()
    values = demo.organisation.to_json()
    draft = demo_draft()
    draft.programme_id = None
    draft.checklist = {}
    draft.organisation = Organisation()
    wizard = shown_wizard(qtbot, draft, tmp_path / "autosave.json")
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard, timeout=WAIT)
    wizard.currentPage().setFocus()

    # Programme: Tab to the choices, arrow to the zoomed-in variant, Space chooses it.
    page = wizard.currentPage()
    radio = page.radios["cbs-barometer-ingezoomd"]
    assert tab_to(qtbot, wizard, page.radios["cbs-barometer-algemeen"]), "no radio by Tab"
    press(qtbot, wizard, Qt.Key.Key_Down)
    if focused() is not radio:  # radios without an exclusive group move by Tab
        assert tab_to(qtbot, wizard, radio)
    press(qtbot, wizard, Qt.Key.Key_Space)
    assert radio.isChecked()
    alt_n(qtbot, wizard, PageId.CHECKLIST)

    # Conditions: Space ticks, the name is typed.
    page = wizard.currentPage()
    for row in page.rows:
        assert tab_to(qtbot, wizard, row.confirmed)
        press(qtbot, wizard, Qt.Key.Key_Space)
        assert tab_to(qtbot, wizard, row.by)
        qtbot.keyClicks(focused(), "A. Jansen")
    alt_n(qtbot, wizard, PageId.ORGANISATION)

    # Organisation: every field reached by Tab and typed.
    page = wizard.currentPage()
    for row in page.rows:
        value = values.get(row.field.id) or f"test {row.field.id}"
        value = "; ".join(value) if isinstance(value, list) else value
        assert tab_to(qtbot, wizard, row.edit), f"organisation field {row.field.id} not by Tab"
        qtbot.keyClicks(focused(), value)
    # taken part before: a choice, by Tab and Space
    assert tab_to(qtbot, wizard, page.participation.no), "earlier participation not by Tab"
    press(qtbot, wizard, Qt.Key.Key_Space)
    assert page.participation.no.isChecked()
    alt_n(qtbot, wizard, PageId.FILE)

    # File: the demo's file is read on entering; the sheet and header row are reachable.
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.table is not None and not page.running, timeout=WAIT)
    for widget in (page.drop.button, page.sheet, page.header_row):
        assert tab_to(qtbot, wizard, widget), f"{widget.accessibleName()} not by Tab"
    alt_n(qtbot, wizard, PageId.MAPPING)

    # Columns: the saved mapping fits; each column choice is reachable.
    page = wizard.currentPage()
    for row in page.rows:
        assert tab_to(qtbot, wizard, row.combo), f"column choice {row.field.id} not by Tab"
    alt_n(qtbot, wizard, PageId.VALIDATION)

    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    assert tab_to(qtbot, wizard, page.view), "the findings table is not reachable by Tab"
    wizard.close()


# -- 200 % scaling ------------------------------------------------------------------------------------

SCALED_SCRIPT = r"""
import json, os, sys
from pathlib import Path
from PySide6.QtWidgets import (QApplication, QAbstractButton, QCheckBox, QLabel, QPushButton,
    QRadioButton, QWizard)
from desktop_app.ui.app import create_wizard, demo_draft
from desktop_app.ui.wizard import PageId

folder = Path(sys.argv[1])
wizard = create_wizard(demo_draft(), Path(sys.argv[3]) / "autosave.json", sys.argv[2])
wizard.resize(1100, 760)
wizard.show()
app = QApplication.instance()

from PySide6.QtTest import QTest

def settle(ms=150):
    QTest.qWait(ms)

def wait(condition, ms=20000):
    for _ in range(ms // 50):
        if condition():
            return
        QTest.qWait(50)
    raise TimeoutError("the page did not finish its work")

def clipped(widget):
    out = []
    checked = 0
    for label in widget.findChildren(QLabel):
        if not label.isVisibleTo(wizard) or label.wordWrap() or not label.text():
            continue
        if label.textFormat().name == "RichText" or label.text().lstrip().startswith("<"):
            continue
        text = label.text().replace("&", "") if label.buddy() else label.text()
        checked += 1
        need = max(label.fontMetrics().horizontalAdvance(line) for line in text.splitlines())
        room = label.contentsRect().width() - 2 * label.margin() - 2 * label.indent() if label.indent() > 0 else label.contentsRect().width() - 2 * label.margin()
        if need > room + 1:
            out.append({"kind": "QLabel", "text": text[:80], "need": need, "room": room})
    for button in widget.findChildren(QAbstractButton):
        if not button.isVisibleTo(wizard) or not button.text():
            continue
        if isinstance(button, (QPushButton, QCheckBox, QRadioButton)):
            checked += 1
            need = button.sizeHint().width()
            if isinstance(button, (QCheckBox, QRadioButton)) and need > button.width() + 1:
                out.append({"kind": type(button).__name__, "text": button.text()[:80],
                            "need": need, "room": button.width()})
            elif isinstance(button, QPushButton) and need > button.width() + 1:
                out.append({"kind": "QPushButton", "text": button.text()[:80], "need": need,
                            "room": button.width()})
    return out, checked

# the measurement itself: a label too narrow for its text is found
probe = QLabel("Werkgever " * 8, wizard.currentPage())
probe.setFixedWidth(60)
probe.show()
settle()
assert clipped(wizard)[0], "the clipping check does not see a clipped label"
probe.deleteLater()

results = {"ratio": wizard.devicePixelRatio(), "pages": {}}
for step in range(6):
    settle()
    page = wizard.currentPage()
    page_id = PageId(wizard.currentId())
    if page_id == PageId.FILE:
        wait(lambda: page.session.table is not None and not page.running)
    if page_id == PageId.VALIDATION:
        wait(lambda: page.session.validation is not None and not page.running)
    settle()
    shot = folder / f"scale2-{sys.argv[2]}-{int(page_id)}-{page_id.name.lower()}.png"
    wizard.grab().save(str(shot))
    found, checked = clipped(wizard)
    results["pages"][page_id.name] = {"screenshot": str(shot), "clipped": found, "checked": checked}
    if page_id == PageId.VALIDATION:
        break
    wizard.button(QWizard.WizardButton.NextButton).click()
wizard.close()
print(json.dumps(results))
"""


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_pages_at_200_percent_scaling_show_their_texts_whole(tmp_path, language):
    folder = Path(os.environ.get("DIVERSITY_ASSISTANT_SCREENSHOTS") or tmp_path / "scaled")
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QT_SCALE_FACTOR="2",
        DIVERSITY_ASSISTANT_DATA_DIR=str(tmp_path / "appdata"),
    )
    done = subprocess.run(
        [sys.executable, "-c", SCALED_SCRIPT, str(folder), language, str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout.strip().splitlines()[-1])
    assert results["ratio"] == 2
    assert list(results["pages"]) == [
        "PROGRAMME",
        "CHECKLIST",
        "ORGANISATION",
        "FILE",
        "MAPPING",
        "VALIDATION",
    ]
    for name, page in results["pages"].items():
        assert Path(page["screenshot"]).stat().st_size > 10_000, name
        assert page["checked"] >= 3, f"{name}: the check found almost nothing to measure"
    clipped = {name: page["clipped"] for name, page in results["pages"].items() if page["clipped"]}
    assert not clipped, json.dumps(clipped, indent=1, ensure_ascii=False)


def test_the_window_never_asks_for_more_than_the_screen_offers():
    from PySide6.QtCore import QSize

    from desktop_app.ui.app import application
    from desktop_app.ui.wizard import PREFERRED_MINIMUM, fitting_size

    application()
    fitted = fitting_size(PREFERRED_MINIMUM)
    assert fitted.width() <= PREFERRED_MINIMUM.width()
    assert fitted.height() <= PREFERRED_MINIMUM.height()
    assert fitting_size(QSize(100_000, 100_000)).width() < 100_000  # bounded by the screen
