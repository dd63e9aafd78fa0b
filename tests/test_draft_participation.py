"""'Taken part before?' ("Eerder deelgenomen") is a choice, no or yes with the year(s), in the draft
(version 3), migrated from the free text a version 2 draft held (fixtures written by the previous
release in tests/fixtures/drafts/v2-*.json), chosen on the organisation page and shown in words in
the answers overview and the application's answers sheet."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from desktop_app.draft import (
    VERSION,
    Draft,
    DraftError,
    EarlierParticipation,
    Organisation,
    load_draft,
    save_draft,
)
from desktop_app.draft_migrations import earlier_participation_from_text, migrate_2_to_3
from desktop_app.journey.documents import application_sections
from desktop_app.package.answers import answer_sections
from desktop_app.profiles import load_programme_by_id

FIXTURES = Path(__file__).parent / "fixtures" / "drafts"


def _copy(name: str, folder: Path) -> Path:
    target = folder / name
    shutil.copyfile(FIXTURES / name, target)
    return target


def test_version_2_drafts_open_with_the_answer_as_a_choice(tmp_path):
    assert VERSION == 3
    demo = load_draft(_copy("v2-demo.json", tmp_path))
    assert demo.organisation.earlier_participation == EarlierParticipation(False, note="Nee")
    years = load_draft(_copy("v2-cbs-years.json", tmp_path))
    answer = years.organisation.earlier_participation
    assert answer.participated is True
    assert answer.years == (2022, 2024)
    assert answer.note == "Ja, in 2022 en 2024 (ingezoomd)"  # the officer's words are kept
    # nothing else changed: the rest of the organisation and the draft read as before
    before = json.loads((FIXTURES / "v2-cbs-years.json").read_text(encoding="utf-8"))
    path = tmp_path / "v2-cbs-years.json"
    save_draft(years, path)
    after = json.loads(path.read_text(encoding="utf-8"))
    assert after["version"] == 3
    organisation = dict(after["organisation"])
    assert organisation.pop("earlier_participation") == {
        "participated": True,
        "years": [2022, 2024],
        "note": "Ja, in 2022 en 2024 (ingezoomd)",
    }
    before["organisation"].pop("earlier_participation")
    assert organisation == before["organisation"]
    for key in ("programme", "checklist", "peildatum", "population", "mapping", "categories"):
        assert after[key] == before[key], key
    assert load_draft(path).organisation == years.organisation


@pytest.mark.parametrize(
    ("text", "participated", "years"),
    [
        ("Nee", False, []),
        ("nee, nog niet", False, []),
        ("Eerste keer", False, []),
        ("Non", False, []),
        ("Ja", True, []),
        ("Oui, en 2023", True, [2023]),
        ("2019 en 2021", True, [2019, 2021]),
        ("weet ik niet", None, []),  # says neither: the officer chooses again
        ("Nee, wel in 2020 een pilot", None, [2020]),
    ],
)
def test_the_free_text_is_read_as_no_yes_or_not_answered(text, participated, years):
    answer = earlier_participation_from_text(text)
    assert answer == {"participated": participated, "years": years, "note": text}


def test_an_empty_or_absent_answer_stays_absent_and_the_input_is_left_alone():
    data = {"version": 2, "organisation": {"name": "X", "earlier_participation": "  "}}
    migrated = migrate_2_to_3(data)
    assert migrated == {"version": 3, "organisation": {"name": "X"}}
    assert data["organisation"]["earlier_participation"] == "  "
    assert migrate_2_to_3({"version": 2})["version"] == 3  # no organisation at all


@pytest.mark.parametrize(
    "value", [{"participated": "ja"}, {"participated": True, "years": ["2022"]}, "Nee"]
)
def test_a_damaged_choice_is_refused_as_damaged(tmp_path, value):
    path = _copy("v2-demo.json", tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = 3
    data["organisation"]["earlier_participation"] = value
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DraftError) as caught:
        load_draft(path)
    assert caught.value.message.key == "draft.damaged"


def test_the_organisation_holds_a_choice_not_text():
    organisation = Organisation().with_value(
        "earlier_participation", EarlierParticipation.yes("2024 en 2022, 2024")
    )
    assert organisation.get("earlier_participation").years == (2022, 2024)
    with pytest.raises(TypeError):
        organisation.with_value("earlier_participation", "Ja")
    assert organisation.with_value("earlier_participation", None).earlier_participation is None


def _organisation_answer(draft: Draft, language: str) -> str:
    programme = load_programme_by_id("cbs-barometer-ingezoomd")
    (section,) = [s for s in answer_sections(draft, programme, language) if s.id == "organisation"]
    label = programme.organisation_fields[-1].label.get(language)
    assert programme.organisation_fields[-1].id == "earlier_participation"
    return {row.label: row.value for row in section.rows}[label]


def _sheet_answer(draft: Draft, language: str) -> str:
    programme = load_programme_by_id("cbs-barometer-algemeen")
    for _heading, items in application_sections(draft, programme, language):
        for item in items:
            if isinstance(item, tuple) and item[0] == programme.organisation_fields[-1].label.get(
                language
            ):
                return item[1]
    raise AssertionError("no earlier participation in the answers sheet")


@pytest.mark.parametrize(
    ("answer", "language", "expected"),
    [
        (EarlierParticipation(True, (2022, 2024)), "nl", "Ja, in 2022, 2024"),
        (EarlierParticipation(True, (2022, 2024)), "fr", "Oui, en 2022, 2024"),
        (EarlierParticipation(True), "en", "Yes"),
        (EarlierParticipation(False), "nl", "Nee, dit is de eerste keer"),
        (EarlierParticipation(None, note="weet ik niet"), "nl", "niet ingevuld"),
        (None, "en", "not given"),
    ],
)
def test_the_answers_overview_and_sheet_say_it_in_words(answer, language, expected):
    draft = Draft(
        programme_id="cbs-barometer-ingezoomd",
        organisation=Organisation(fields={"name": "Gemeente X"}, earlier_participation=answer),
        peildatum=dt.date(2026, 1, 1),
    )
    overview = _organisation_answer(draft, language)
    sheet = _sheet_answer(draft, language)
    if answer is None or answer.participated is None:
        assert "weet" not in overview  # the old free text is never sent as the answer
        assert "weet" not in sheet
    else:
        assert overview == expected
        assert sheet == expected


def test_the_organisation_page_asks_no_or_yes_with_the_years(qtbot, tmp_path, monkeypatch):
    from wizard_helpers import go_next, shown_wizard

    from desktop_app.ui.app import demo_draft
    from desktop_app.ui.routes import PageId

    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    draft = demo_draft()
    draft.organisation = draft.organisation.with_value(
        "earlier_participation", EarlierParticipation(None, note="weet ik niet")
    )
    wizard = shown_wizard(qtbot, draft, tmp_path / "autosave.json", "nl")
    go_next(qtbot, wizard, PageId.CHECKLIST)
    go_next(qtbot, wizard, PageId.ORGANISATION)
    page = wizard.currentPage()
    choice = page.participation
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    # an older free text that says neither: shown, nothing chosen, Next waits for a choice
    assert not choice.no.isChecked()
    assert not choice.yes.isChecked()
    assert choice.note.isVisible()
    assert "weet ik niet" in choice.note.text()
    assert not next_button.isEnabled()
    assert not choice.years.isEnabled()
    choice.yes.click()
    assert choice.years.isEnabled()
    assert not next_button.isEnabled()  # yes needs the year(s)
    assert not choice.note.isVisible()
    qtbot.keyClicks(choice.years, "2099")
    assert choice.message.kind == "error"
    assert "2099" in choice.message.text()
    assert not next_button.isEnabled()
    choice.years.clear()
    qtbot.keyClicks(choice.years, "2024, 2022")
    assert choice.message.kind is None
    assert next_button.isEnabled()
    assert wizard.draft.organisation.earlier_participation == EarlierParticipation(
        True, (2022, 2024)
    )
    # by keyboard: the choices take focus in the tab order; the arrow keys choose
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    choice.yes.setFocus()
    qtbot.keyClick(choice.yes, Qt.Key.Key_Up)
    assert choice.no.isChecked()
    assert wizard.draft.organisation.earlier_participation == EarlierParticipation(False)
    assert choice.no.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert choice.years.focusPolicy() & Qt.FocusPolicy.TabFocus
    # the language follows
    wizard.set_language("fr")
    assert choice.no.text() == "Non, c'est la première fois"


def test_the_overview_shows_the_openpgp_fingerprint_in_groups_of_four():
    """(Seen on the KSZ review at 200%: 40 hex digits in one run.)"""
    programme = load_programme_by_id("ksz-diversiteit")
    fingerprint = "EF9BC23A41BBD1E504E3BC24DCBCB09B2D58F5CC"
    draft = Draft(
        programme_id=programme.id,
        organisation=Organisation(fields={"name": "Stad X", "openpgp_fingerprint": fingerprint}),
    )
    (section,) = [s for s in answer_sections(draft, programme, "fr") if s.id == "organisation"]
    values = [row.value for row in section.rows]
    assert "EF9B C23A 41BB D1E5 04E3 BC24 DCBC B09B 2D58 F5CC" in values
