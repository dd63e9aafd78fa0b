"""Help on every page: every step has its help in Dutch, English and French (in data, not code),
and F1 or the Help button opens it beside the pages, following the page and the language; Esc
or the button closes it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from wizard_helpers import go_next, shown_wizard

from desktop_app.help import HelpMissing, help_pages, help_text
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
