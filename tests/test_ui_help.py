"""Help on every page: every step has its help in Dutch, English and French (in data, not code),
and F1 or the Help button opens it beside the pages, following the page and the language; Esc
or the button closes it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from wizard_helpers import go_next, shown_wizard

from desktop_app.help import HelpMissing, field_help, help_fields, help_pages, help_text
from desktop_app.ui.app import demo_draft
from desktop_app.ui.routes import PageId

LANGUAGES = ("nl", "en", "fr")
ENGLISH_WORDS = {"the", "and", "what", "which", "your", "with", "step", "watch", "for", "this"}


def words(html: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ']+", re.sub(r"<[^>]+>", " ", html).lower())


@pytest.fixture(autouse=True)
def data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))


@pytest.mark.parametrize("page", list(PageId), ids=lambda p: p.name.lower())
def test_every_page_has_help_in_every_language(page):
    texts = {language: help_text(page.name, language) for language in LANGUAGES}
    for language, text in texts.items():
        assert len(words(text)) > 40, (page.name, language)
        assert "<p>" in text
    # No English left in the Dutch and French texts.
    assert texts["nl"] != texts["en"]
    assert texts["fr"] != texts["en"]
    for language in ("nl", "fr"):
        english = [w for w in words(texts[language]) if w in ENGLISH_WORDS]
        assert not english, (page.name, language, english)


def test_a_gap_in_the_help_raises():
    assert {p.name.lower() for p in PageId} <= set(help_pages())
    with pytest.raises(HelpMissing):
        help_text("no_such_page", "nl")
    with pytest.raises(HelpMissing):
        help_text("programme", "de")


def test_the_help_speaks_of_what_the_office_expects():
    assert "250" in help_text("categories", "nl")
    assert "AVG" in help_text("checklist", "nl")
    assert "RGPD" in help_text("checklist", "fr")
    assert "peildatum" in help_text("organisation", "nl").lower()
    mapping = help_text("mapping", "en")
    assert "BSN" in mapping
    assert "postcode" in mapping
    assert "house number" in mapping
    assert "OpenPGP" in help_text("encrypt", "fr")
    assert "fingerprint" in help_text("review", "en")
    assert "Kleopatra" in help_text("ksz_request", "nl")


def test_f1_opens_the_help_of_the_current_page_and_it_follows_page_and_language(qtbot, tmp_path):
    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "draft.json", "nl")
    panel = wizard.help_panel
    assert not panel.isVisible()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    wizard.button(QWizard.WizardButton.NextButton).setFocus()
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_F1)
    assert panel.isVisible()
    assert panel.page_key == "programme"
    assert panel.language == "nl"
    assert panel.text().startswith("Waarvoor is deze stap?")
    assert wizard.button(QWizard.WizardButton.HelpButton).isChecked()

    wizard.set_language("fr")
    assert panel.language == "fr"
    assert panel.text().startswith("À quoi sert cette étape")
    wizard.set_language("en")
    assert panel.text().startswith("What is this step for?")

    go_next(qtbot, wizard, PageId.CHECKLIST)
    assert panel.isVisible()
    assert panel.page_key == "checklist"
    assert "general terms" in panel.text()
    assert panel.title.text().endswith("Conditions")

    # Esc closes the panel (and not the window).
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Escape)
    assert not panel.isVisible()
    assert wizard.isVisible()
    assert not wizard.button(QWizard.WizardButton.HelpButton).isChecked()

    # The Help button opens and closes it.
    help_button = wizard.button(QWizard.WizardButton.HelpButton)
    qtbot.mouseClick(help_button, Qt.MouseButton.LeftButton)
    assert panel.isVisible()
    assert panel.page_key == "checklist"
    qtbot.mouseClick(help_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()
    assert help_button.text().replace("&", "") == "Help"


def test_the_help_button_is_named_in_each_language(qtbot, tmp_path):
    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "draft.json", "fr")
    assert wizard.button(QWizard.WizardButton.HelpButton).text().replace("&", "") == "Aide"
    wizard.set_language("nl")
    assert wizard.button(QWizard.WizardButton.HelpButton).text().replace("&", "") == "Help"


# -- the "?" beside a field --------------------------------------------------------------------

FIELD_HELP = (
    "loonheffingennummers",
    "kbo_numbers",
    "staff_counts",
    "peildatum",
    "population",
    "earlier_participation",
    "openpgp_fingerprint",
    "identification_key",
    "breakdowns",
)


@pytest.mark.parametrize("field", FIELD_HELP)
def test_every_field_help_is_in_every_language(field):
    assert field in help_fields()
    texts = {language: field_help(field, language) for language in LANGUAGES}
    for language, text in texts.items():
        assert len(words(text)) > 30, (field, language)
        assert text.startswith("<p>")
    for language in ("nl", "fr"):
        english = [w for w in words(texts[language]) if w in ENGLISH_WORDS]
        assert not english, (field, language, english)
    with pytest.raises(HelpMissing):
        field_help(field, "de")
    with pytest.raises(HelpMissing):
        field_help("no_such_field", "nl")


def focused():
    return QApplication.focusWidget()


def tab_to(qtbot, wizard, wanted, limit: int = 200) -> bool:
    for _ in range(limit):
        if focused() is wanted:
            return True
        qtbot.keyClick(focused() or wizard, Qt.Key.Key_Tab)
    return focused() is wanted


def test_a_question_mark_beside_the_terms_opens_their_help_by_keyboard(qtbot, tmp_path):
    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "draft.json", "nl")
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    go_next(qtbot, wizard, PageId.CHECKLIST)
    go_next(qtbot, wizard, PageId.ORGANISATION)
    page = wizard.currentPage()
    rows = {row.field.id: row for row in page.rows}
    buttons = {
        "loonheffingennummers": rows["loonheffingennummers"].help_button,
        "peildatum": page.peildatum_help_button,
        "population": page.population_help_button,
        "earlier_participation": page.participation.help_button,
    }
    assert rows["name"].help_button is None  # a plain field has no "?"
    panel = wizard.help_panel
    expected = {
        "loonheffingennummers": "123456782L01",
        "peildatum": "in dienst",
        "population": "Externen",
        "earlier_participation": "dezelfde subgroepen",
    }
    for field, button in buttons.items():
        assert button is not None, field
        assert button.isVisible(), field
        assert button.accessibleName().startswith("Hulp: "), button.accessibleName()
        assert "betekent" in button.toolTip()
        # reached by Tab, pressed with Space: the panel shows that field's help
        assert tab_to(qtbot, wizard, button), f"the ? of {field} is not reached by Tab"
        qtbot.keyClick(button, Qt.Key.Key_Space)
        assert panel.isVisible(), field
        assert panel.field_id == field
        assert expected[field] in panel.text(), (field, panel.text()[:200])
        assert panel.title.text().startswith("Hulp: ")
        assert focused() is button  # the officer stays where they were
        qtbot.keyClick(button, Qt.Key.Key_Escape)
        assert not panel.isVisible()
        assert wizard.isVisible()
    # in French, the same button explains in French
    wizard.set_language("fr")
    buttons["peildatum"].click()
    assert panel.field_id == "peildatum"
    assert "Date de référence" in panel.text()
    assert buttons["peildatum"].accessibleName().startswith("Aide : ")


def test_the_mapping_page_explains_the_key_and_the_subgroups(qtbot, tmp_path):
    from wizard_helpers import walk_to_mapping

    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "draft.json", "en")
    walk_to_mapping(qtbot, wizard)
    page = wizard.currentPage()
    page.key_help_button.click()
    assert wizard.help_panel.field_id == "identification_key"
    assert "0.1%" in wizard.help_panel.text()
    page.breakdown_list.help_button.click()
    assert wizard.help_panel.field_id == "breakdowns"
    assert "250" in wizard.help_panel.text()
    assert page.breakdown_list.help_button.accessibleName() == "Help: Breakdowns (subgroups)"


def test_the_ksz_request_explains_the_fingerprint(qtbot, tmp_path):
    from desktop_app.draft import Draft

    wizard = shown_wizard(qtbot, Draft(), tmp_path / "draft.json", "fr")
    wizard.setStartId(PageId.KSZ_REQUEST)
    wizard.restart()
    button = wizard.currentPage().key_panel.fingerprint_help
    assert button.isVisible()
    assert button.accessibleName() == "Aide : Empreinte"
    button.click()
    assert wizard.help_panel.field_id == "openpgp_fingerprint"
    assert "Kleopatra" in wizard.help_panel.text()
