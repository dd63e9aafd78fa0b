"""Keyboard only, all the way.

Routes covered, with the keyboard alone (Tab, Space, typing, Alt+letters; no method calls to
advance):

- CBS Barometer, ingezoomde variant, with the bundled demo (``demo-draft.json`` and
  ``demo-personeel.xlsx``): programme, conditions, organisation, staff file, columns, checks
  (warnings acknowledged), safe categories (the merge suggestion applied), review (the default
  route, the office's web portal), encrypt (target typed, the file made), its upload confirmed,
  the ending;
- CBS Barometer, algemene variant, from an empty draft, to the final page: programme, conditions,
  organisation (the earlier participation chosen, the staff count per payroll tax number typed),
  review, the file made, its upload confirmed, the ending;
- KSZ (Belgium) without own data, from an empty draft: programme, conditions, organisation,
  decisions, motivation, on to the categories page (its request needs no more keys than the
  route with own data below);
- KSZ with the institution's own data for linkage, from an empty draft to the final page:
  decisions (own data ticked), motivation, the staff file, columns, checks, categories (the
  proposals applied), the request (key made, documents saved), review (the KSZ's OpenPGP key
  chosen and its fingerprint confirmed), the linkage file made and signed, its hand-over
  confirmed, the ending.

The operating system's file dialogs are answered by the test (they are not Qt widgets); the
buttons that open them are reached by Tab and pressed with Space.

And the mnemonics: on every page, in nl, en and fr, no two visible buttons, labels, checkboxes or
radios (nor the wizard's own Next, Back, Finish, Close and Help) share an Alt letter.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict

import keyring
import pytest
from ksz_helpers import MOTIVATION, ORGANISATION
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QWidget,
    QWizard,
)
from test_crypto_support import InMemoryKeyring
from wizard_helpers import WAIT, go_next, next_enabled, shown_wizard

from desktop_app.draft import Draft
from desktop_app.profiles.model import Channel, Protection
from desktop_app.ui.app import demo_draft
from desktop_app.ui.routes import PageId

LANGUAGES = ("nl", "en", "fr")
WIZARD_BUTTONS = (
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.FinishButton,
    QWizard.WizardButton.CancelButton,
    QWizard.WizardButton.HelpButton,
)
NEXT = {"nl": "&Volgende >", "en": "&Next >", "fr": "&Suivant >"}


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    previous = keyring.get_keyring()
    keyring.set_keyring(InMemoryKeyring())
    yield
    keyring.set_keyring(previous)


# -- mnemonics ------------------------------------------------------------------------------------


def mnemonic(text: str) -> str | None:
    """The Alt letter of ``text`` (``&&`` is a literal ampersand), lower case; None without one."""
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def mnemonic_texts(wizard) -> dict[str, list[str]]:
    """Alt letter -> the visible texts that use it on the wizard's current page, and the texts of
    the wizard's own buttons (Back, Next, Close and Help shown or not: they come and go with the
    route; Finish when shown, on a route's last page, where Next is not)."""
    letters: dict[str, list[str]] = defaultdict(list)
    own = [wizard.button(which) for which in WIZARD_BUTTONS]
    for button in own:
        if button is wizard.button(QWizard.WizardButton.FinishButton) and not button.isVisible():
            continue
        letter = mnemonic(button.text())
        if letter:
            letters[letter].append(button.text())
    for widget in wizard.findChildren(QWidget):
        if not widget.isVisible() or widget in own:
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        else:
            continue
        letter = mnemonic(text)
        if letter:
            letters[letter].append(text)
    return letters


def clashes(wizard, seen: list[str]) -> list[str]:
    """Clashes on the current page in every language (the wizard is left in Dutch)."""
    found = []
    page = PageId(wizard.currentId()).name
    seen.append(page)
    for language in LANGUAGES:
        wizard.set_language(language)
        assert wizard.button(QWizard.WizardButton.NextButton).text() == NEXT[language]
        letters = mnemonic_texts(wizard)
        if os.environ.get("DUMP_MNEMONICS"):
            print(page, language, dict(sorted(letters.items())))
        for letter, texts in sorted(letters.items()):
            if len(texts) > 1:
                found.append(f"{page} [{language}] Alt+{letter.upper()}: {texts}")
    wizard.set_language("nl")
    return found


def test_no_two_mnemonics_clash_on_any_page_in_any_language(qtbot, tmp_path):
    found: list[str] = []
    seen: list[str] = []
    # The CBS route with the demo: every page from the programme to encryption.
    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "cbs.json", "nl")
    for expected in (PageId.CHECKLIST, PageId.ORGANISATION):
        found += clashes(wizard, seen)
        go_next(qtbot, wizard, expected)
    found += clashes(wizard, seen)
    walk_to_mapping_from_organisation(qtbot, wizard, found, seen)
    page = wizard.currentPage()
    found += clashes(wizard, seen)
    go_next(qtbot, wizard, PageId.VALIDATION)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    found += clashes(wizard, seen)
    page.acknowledge.click()
    go_next(qtbot, wizard, PageId.CATEGORIES)
    page = wizard.currentPage()
    found += clashes(wizard, seen)
    page.sections[0].apply_button.click()
    go_next(qtbot, wizard, PageId.REVIEW)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.preview is not None and not page.running, timeout=WAIT)
    found += clashes(wizard, seen)
    page.choose_route(Channel.WEB_PORTAL, Protection.CMS)  # the certificate's controls too
    found += clashes(wizard, seen)
    page.choose_route(Channel.WEB_PORTAL, Protection.NONE)
    go_next(qtbot, wizard, PageId.ENCRYPT)
    found += clashes(wizard, seen)
    page = wizard.currentPage()
    page.target.setText(str(tmp_path / "out" / "barometer.csv"))
    page.encrypt_button.click()  # and the page once the file is made (the portal's controls)
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert page.problem.kind is None, page.problem.text()
    found += clashes(wizard, seen)
    # Any pages after the file is made (sending, the ending), as far as Next goes without input.
    while wizard.nextId() != -1 and next_enabled(wizard):
        go_next(qtbot, wizard, wizard.nextId())
        found += clashes(wizard, seen)
    release(wizard)

    # The KSZ route without own data: its four steps.
    wizard = shown_wizard(qtbot, Draft(), tmp_path / "ksz.json", "nl")
    wizard.currentPage().radios["ksz-diversiteit"].click()
    go_next(qtbot, wizard, PageId.CHECKLIST)
    for row in wizard.currentPage().rows:
        row.confirmed.click()
        qtbot.keyClicks(row.by, "A. Peeters")
    go_next(qtbot, wizard, PageId.ORGANISATION)
    rows = {row.field.id: row for row in wizard.currentPage().rows}
    for field_id, value in ORGANISATION.items():
        qtbot.keyClicks(rows[field_id].edit, value)
    found += clashes(wizard, seen)
    go_next(qtbot, wizard, PageId.KSZ_DECISIONS)
    found += clashes(wizard, seen)
    go_next(qtbot, wizard, PageId.KSZ_MOTIVATION)
    page = wizard.currentPage()
    for name, text in MOTIVATION.items():
        page.fields[name].edit.setPlainText(text)
    found += clashes(wizard, seen)
    go_next(qtbot, wizard, PageId.KSZ_CATEGORIES)
    page = wizard.currentPage()
    page.count.setValue(400)
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    found += clashes(wizard, seen)
    release(wizard)
    wizard = shown_wizard(qtbot, Draft(), tmp_path / "ksz2.json", "nl")
    # The request page, shown directly (its content does not depend on the categories).
    wizard.setStartId(PageId.KSZ_REQUEST)
    wizard.restart()
    found += clashes(wizard, seen)

    expected = {p.name for p in PageId if p <= PageId.KSZ_REQUEST}
    assert set(seen) >= expected, expected - set(seen)
    assert not found, "mnemonic clashes:\n" + "\n".join(found)


def release(wizard) -> None:
    """Close ``wizard``, its translator left in English (the source language): each wizard
    installs its own, and the next wizard's switch to English would fall back to this one's."""
    wizard.set_language("en")
    wizard.close()


def walk_to_mapping_from_organisation(qtbot, wizard, found, seen) -> None:
    go_next(qtbot, wizard, PageId.FILE)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.table is not None and not page.running, timeout=WAIT)
    found += clashes(wizard, seen)
    go_next(qtbot, wizard, PageId.MAPPING)


# -- keyboard-only walks ----------------------------------------------------------------------------


def focused():
    return QApplication.focusWidget()


def press(qtbot, wizard, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused() or wizard, key, modifier)


def tab_to(qtbot, wizard, wanted, limit: int = 300) -> bool:
    """Press Tab until ``wanted`` has the focus; False when the focus never gets there."""
    for _ in range(limit):
        if focused() is wanted:
            return True
        press(qtbot, wizard, Qt.Key.Key_Tab)
    return focused() is wanted


def alt(qtbot, wizard, button) -> None:
    """Press ``button``'s Alt+letter (its mnemonic in the current language)."""
    sequence = QKeySequence.mnemonic(button.text())
    assert not sequence.isEmpty(), f"{button.text()!r} has no Alt shortcut"
    QTest.keySequence(focused() or wizard, sequence)


def alt_next(qtbot, wizard, expected: PageId) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on page {PageId(wizard.currentId()).name}"
    alt(qtbot, wizard, button)
    qtbot.waitUntil(lambda: wizard.currentId() == expected, timeout=3000)


def ascii_only(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def keyboard_wizard(qtbot, draft: Draft, autosave):
    wizard = shown_wizard(qtbot, draft, autosave, "nl")
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard, timeout=WAIT)
    wizard.currentPage().setFocus()
    return wizard


def test_keyboard_only_the_cbs_zoomed_in_route_with_the_demo(qtbot, tmp_path):
    wizard = keyboard_wizard(qtbot, demo_draft(), tmp_path / "autosave.json")
    back = wizard.button(QWizard.WizardButton.BackButton)

    # Programme: the demo's choice (the zoomed-in variant); F1 shows its help, Esc closes it.
    press(qtbot, wizard, Qt.Key.Key_F1)
    assert wizard.help_panel.isVisible()
    assert wizard.help_panel.page_key == "programme"
    press(qtbot, wizard, Qt.Key.Key_Escape)
    assert not wizard.help_panel.isVisible()
    assert wizard.isVisible()
    alt_next(qtbot, wizard, PageId.CHECKLIST)

    # Back and forth with Alt+R (Vorige) and Alt+V (Volgende).
    alt(qtbot, wizard, back)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.PROGRAMME, timeout=3000)
    alt_next(qtbot, wizard, PageId.CHECKLIST)
    alt_next(qtbot, wizard, PageId.ORGANISATION)
    alt_next(qtbot, wizard, PageId.FILE)

    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.table is not None and not page.running, timeout=WAIT)
    alt_next(qtbot, wizard, PageId.MAPPING)
    alt_next(qtbot, wizard, PageId.VALIDATION)

    # Checks: the demo's three warnings are acknowledged with Space.
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    assert not next_enabled(wizard)
    assert tab_to(qtbot, wizard, page.acknowledge), "the acknowledgement is not reachable by Tab"
    press(qtbot, wizard, Qt.Key.Key_Space)
    assert page.acknowledge.isChecked()
    alt_next(qtbot, wizard, PageId.CATEGORIES)

    # Safe categories: the merge suggestion, by Tab and Space.
    page = wizard.currentPage()
    section = page.sections[0]
    assert not next_enabled(wizard)
    assert tab_to(qtbot, wizard, section.apply_button), "the merge suggestion is not by Tab"
    press(qtbot, wizard, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: section.violations() == [], timeout=3000)
    alt_next(qtbot, wizard, PageId.REVIEW)

    # Review: the default route (the office's web portal) needs nothing more.
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.preview is not None and not page.running, timeout=WAIT)
    press(qtbot, wizard, Qt.Key.Key_F1)
    assert wizard.help_panel.page_key == "review"
    press(qtbot, wizard, Qt.Key.Key_Escape)
    alt_next(qtbot, wizard, PageId.ENCRYPT)

    # Encrypt: the target typed, the file made with Space on the button; sent, the final page.
    make_send_and_finish_by_keyboard(qtbot, wizard, tmp_path / "out" / "barometer.csv")
    wizard.close()


def test_keyboard_only_the_first_pages_of_the_ksz_route(qtbot, tmp_path):
    wizard = keyboard_wizard(qtbot, Draft(), tmp_path / "autosave.json")

    # Programme: Tab to the choices, arrows to the KSZ, Space chooses it.
    page = wizard.currentPage()
    radio = page.radios["ksz-diversiteit"]
    assert tab_to(qtbot, wizard, page.radios["cbs-barometer-algemeen"]), "no radio by Tab"
    for _ in range(3):
        if focused() is radio:
            break
        press(qtbot, wizard, Qt.Key.Key_Down)
    if focused() is not radio:  # radios without an exclusive group move by Tab
        assert tab_to(qtbot, wizard, radio)
    press(qtbot, wizard, Qt.Key.Key_Space)
    assert radio.isChecked()
    alt_next(qtbot, wizard, PageId.CHECKLIST)

    # Conditions: Space ticks, the name is typed.
    page = wizard.currentPage()
    for row in page.rows:
        assert tab_to(qtbot, wizard, row.confirmed)
        press(qtbot, wizard, Qt.Key.Key_Space)
        assert tab_to(qtbot, wizard, row.by)
        qtbot.keyClicks(focused(), "A. Peeters")
    alt_next(qtbot, wizard, PageId.ORGANISATION)

    # Organisation: every field reached by Tab and typed.
    page = wizard.currentPage()
    rows = {row.field.id: row for row in page.rows}
    for field_id, value in ORGANISATION.items():
        assert tab_to(qtbot, wizard, rows[field_id].edit), f"{field_id} not by Tab"
        qtbot.keyClicks(focused(), value)
    alt_next(qtbot, wizard, PageId.KSZ_DECISIONS)

    # Decisions: the reference year by Tab and typing.
    page = wizard.currentPage()
    assert tab_to(qtbot, wizard, page.year), "the reference year is not by Tab"
    press(qtbot, wizard, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "2025")
    assert page.year.value() == 2025
    alt_next(qtbot, wizard, PageId.KSZ_MOTIVATION)

    # Motivation: each text typed; Tab leaves a text box.
    page = wizard.currentPage()
    for name, text in MOTIVATION.items():
        assert tab_to(qtbot, wizard, page.fields[name].edit), f"{name} not by Tab"
        qtbot.keyClicks(focused(), ascii_only(text))  # QTest types ASCII only
        assert page.fields[name].message.kind == "ok", name
    alt_next(qtbot, wizard, PageId.KSZ_CATEGORIES)
    press(qtbot, wizard, Qt.Key.Key_F1)
    assert wizard.help_panel.page_key == "ksz_categories"
    wizard.close()


def dialog_answers(monkeypatch, **answers) -> None:
    """The operating system's file dialogs answered as the officer would type into them (they are
    not Qt widgets the test can drive): ``open=path``, ``folder=path``."""
    from PySide6.QtWidgets import QFileDialog

    if "open" in answers:
        chosen = str(answers["open"])
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (chosen, ""))
        )
    if "folder" in answers:
        folder = str(answers["folder"])
        monkeypatch.setattr(
            QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: folder)
        )


def conditions_by_keyboard(qtbot, wizard, name: str) -> None:
    for row in wizard.currentPage().rows:
        assert tab_to(qtbot, wizard, row.confirmed)
        press(qtbot, wizard, Qt.Key.Key_Space)
        assert tab_to(qtbot, wizard, row.by)
        qtbot.keyClicks(focused(), name)


def make_send_and_finish_by_keyboard(qtbot, wizard, target) -> None:
    """Encrypt (the target typed, the file made with Space), send (the officer's own upload
    confirmed with Space) and the final page."""
    page = wizard.currentPage()
    assert tab_to(qtbot, wizard, page.target), "the target is not reachable by Tab"
    press(qtbot, wizard, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), str(target))
    assert tab_to(qtbot, wizard, page.encrypt_button), "the encrypt button is not by Tab"
    press(qtbot, wizard, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.running, timeout=60_000)
    assert page.problem.kind is None, page.problem.text()
    assert page.result_card.isVisible()
    assert target.exists()
    shared = {k: v for k, v in mnemonic_texts(wizard).items() if len(v) > 1}
    assert not shared, f"mnemonic clash on the encrypt page: {shared}"
    alt_next(qtbot, wizard, PageId.SEND)
    panel = wizard.currentPage().delivered_card
    shared = {k: v for k, v in mnemonic_texts(wizard).items() if len(v) > 1}
    assert not shared, f"mnemonic clash on the send page: {shared}"
    assert tab_to(qtbot, wizard, panel.confirm_button), "the upload confirmation is not by Tab"
    press(qtbot, wizard, Qt.Key.Key_Space)
    assert panel.message.kind is None, panel.message.text()
    alt_next(qtbot, wizard, PageId.DONE)
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()


def test_keyboard_only_the_cbs_general_route_to_the_final_page(qtbot, tmp_path):
    """CBS algemeen, no staff file: the typed counts per payroll tax number, review, the file
    made, its upload confirmed, the final page."""
    wizard = keyboard_wizard(qtbot, Draft(), tmp_path / "autosave.json")

    # Programme: Tab to the general variant, Space chooses it (no staff export by default).
    page = wizard.currentPage()
    radio = page.radios["cbs-barometer-algemeen"]
    assert tab_to(qtbot, wizard, radio), "no radio by Tab"
    press(qtbot, wizard, Qt.Key.Key_Space)
    assert radio.isChecked()
    assert not page.has_file.isChecked()
    alt_next(qtbot, wizard, PageId.CHECKLIST)
    conditions_by_keyboard(qtbot, wizard, "A. Jansen")
    alt_next(qtbot, wizard, PageId.ORGANISATION)

    # Organisation: every field by Tab, the earlier participation by Space, the counts typed.
    page = wizard.currentPage()
    values = {
        "name": "Gemeente Voorbeeld",
        "loonheffingennummers": "802634540L01; 123456782L02",
        "contact_email": "hr@voorbeeld.example",
    }
    for row in page.rows:
        assert tab_to(qtbot, wizard, row.edit), f"organisation field {row.field.id} not by Tab"
        qtbot.keyClicks(focused(), values.get(row.field.id, "A. Jansen"))
    assert tab_to(qtbot, wizard, page.participation.no), "taken part before: not by Tab"
    press(qtbot, wizard, Qt.Key.Key_Space)
    assert [number for number, _l, _s in page.count_rows] == ["802634540L01", "123456782L02"]
    qtbot.wait(20)  # the count boxes made while typing are shown by the event loop
    for _number, _label, spin in page.count_rows:
        assert tab_to(qtbot, wizard, spin), "a staff count is not by Tab"
        press(qtbot, wizard, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(focused(), "312")
    assert wizard.draft.organisation.staff_counts == ("312", "312")
    alt_next(qtbot, wizard, PageId.REVIEW)  # no file pages without a staff export

    # Review: the application table, the default route; make it, send it, the final page.
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.preview is not None and not page.running, timeout=WAIT)
    assert page.preview.rows == 2
    alt_next(qtbot, wizard, PageId.ENCRYPT)
    make_send_and_finish_by_keyboard(qtbot, wizard, tmp_path / "out" / "aanvraag.csv")
    wizard.close()


def test_keyboard_only_the_ksz_route_with_own_data_to_the_final_page(
    qtbot, tmp_path, monkeypatch, request
):
    """KSZ with the institution's own data for linkage: decisions, motivation, the staff file,
    columns, checks, categories (the proposals applied with Space), the request (key made,
    documents saved), review (the office's OpenPGP key chosen and confirmed), the linkage file
    made, its hand-over confirmed, the final page."""
    from gpg_helpers import GpgOffice
    from ksz_helpers import staff_file

    source = staff_file(tmp_path)
    office = GpgOffice(tmp_path / "ksz-office")  # the KSZ's key pair, made by GnuPG
    request.addfinalizer(office.close)
    office_key = office.public
    wizard = keyboard_wizard(qtbot, Draft(), tmp_path / "autosave.json")

    # Programme, conditions and organisation, as on the route without own data.
    page = wizard.currentPage()
    radio = page.radios["ksz-diversiteit"]
    assert tab_to(qtbot, wizard, page.radios["cbs-barometer-algemeen"]), "no radio by Tab"
    for _ in range(3):  # the arrows move within the choices
        if focused() is radio:
            break
        press(qtbot, wizard, Qt.Key.Key_Down)
    if focused() is not radio:
        assert tab_to(qtbot, wizard, radio)
    press(qtbot, wizard, Qt.Key.Key_Space)
    assert radio.isChecked()
    alt_next(qtbot, wizard, PageId.CHECKLIST)
    conditions_by_keyboard(qtbot, wizard, "A. Peeters")
    alt_next(qtbot, wizard, PageId.ORGANISATION)
    page = wizard.currentPage()
    rows = {row.field.id: row for row in page.rows}
    for field_id, value in ORGANISATION.items():
        assert tab_to(qtbot, wizard, rows[field_id].edit), f"{field_id} not by Tab"
        qtbot.keyClicks(focused(), value)
    alt_next(qtbot, wizard, PageId.KSZ_DECISIONS)

    # Decisions: the year typed, the own data ticked with Space.
    page = wizard.currentPage()
    assert tab_to(qtbot, wizard, page.year), "the reference year is not by Tab"
    press(qtbot, wizard, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "2025")
    assert tab_to(qtbot, wizard, page.own_data), "the own data choice is not by Tab"
    press(qtbot, wizard, Qt.Key.Key_Space)
    assert wizard.uses_file()
    alt_next(qtbot, wizard, PageId.KSZ_MOTIVATION)
    page = wizard.currentPage()
    for name, text in MOTIVATION.items():
        assert tab_to(qtbot, wizard, page.fields[name].edit), f"{name} not by Tab"
        qtbot.keyClicks(focused(), ascii_only(text))
    alt_next(qtbot, wizard, PageId.FILE)

    # The staff file: Choose (Space), the dialog answered with the file.
    page = wizard.currentPage()
    dialog_answers(monkeypatch, open=source)
    assert tab_to(qtbot, wizard, page.drop.button), "choosing the file is not by Tab"
    press(qtbot, wizard, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.session.table is not None and not page.running, timeout=WAIT)
    alt_next(qtbot, wizard, PageId.MAPPING)

    # Columns: the national number found, the department and level pre-ticked as subgroups.
    page = wizard.currentPage()
    assert {row.field.id: row.header for row in page.rows}["insz"] == "Rijksregisternummer"
    assert wizard.draft.breakdowns == ("Afdeling", "Niveau")
    alt_next(qtbot, wizard, PageId.VALIDATION)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    if page.acknowledge.isVisible():
        assert tab_to(qtbot, wizard, page.acknowledge), "the acknowledgement is not by Tab"
        press(qtbot, wizard, Qt.Key.Key_Space)
    alt_next(qtbot, wizard, PageId.KSZ_CATEGORIES)

    # Categories: each flagged crossing fixed with its first proposal, by Tab and Space.
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: not page.running and page.outcome is not None, timeout=WAIT)
    for _ in range(6):
        failing = [v for v in page.views if not v.result.passes]
        if not failing:
            break
        button = failing[0].proposal_rows[0][1]
        assert tab_to(qtbot, wizard, button), "a proposal is not reachable by Tab"
        press(qtbot, wizard, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: not page.running and page.outcome is not None, timeout=WAIT)
    alt_next(qtbot, wizard, PageId.KSZ_REQUEST)

    # The request: the key pair made, the documents saved (the folder dialog answered).
    page = wizard.currentPage()
    assert tab_to(qtbot, wizard, page.create_button), "making the key is not by Tab"
    press(qtbot, wizard, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert page.key_message.kind == "ok", page.key_message.text()
    dialog_answers(monkeypatch, folder=tmp_path / "aanvraag")
    assert tab_to(qtbot, wizard, page.save_button), "saving the documents is not by Tab"
    press(qtbot, wizard, Qt.Key.Key_Space)
    assert page.documents_message.kind == "ok", page.documents_message.text()
    alt_next(qtbot, wizard, PageId.REVIEW)

    # Review: the office's OpenPGP key chosen (the dialog answered) and its fingerprint confirmed.
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.preview is not None and not page.running, timeout=60_000)
    dialog_answers(monkeypatch, open=office_key)
    assert tab_to(qtbot, wizard, page.office_key.choose_button), "the office key is not by Tab"
    press(qtbot, wizard, Qt.Key.Key_Space)
    assert page.openpgp_key_file == office_key
    qtbot.wait(20)  # the fingerprint and its confirmation are shown by the event loop
    assert tab_to(qtbot, wizard, page.confirm_key), "the key's confirmation is not by Tab"
    press(qtbot, wizard, Qt.Key.Key_Space)
    assert page.confirm_key.isChecked()
    alt_next(qtbot, wizard, PageId.ENCRYPT)
    make_send_and_finish_by_keyboard(qtbot, wizard, tmp_path / "out" / "koppeling.csv.gpg")
    wizard.close()
