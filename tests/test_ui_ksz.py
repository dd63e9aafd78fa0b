"""The Belgian KSZ route driven as an officer would: programme, conditions, organisation, then the
KSZ's four steps (decisions, motivation, categories with the crossing check, the request) to the
request documents on disk, with and without the institution's own data for linkage."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import keyring
import pytest
from gpg_helpers import GpgOffice
from ksz_helpers import MOTIVATION, ORGANISATION, staff_file, valid_insz
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard
from test_crypto_support import InMemoryKeyring
from wizard_helpers import go_next, next_enabled, shown_wizard

from desktop_app.crypto import openpgp
from desktop_app.draft import Draft
from desktop_app.ksz.request import EXAMPLES
from desktop_app.ui.pages.ksz_request import key_folder
from desktop_app.ui.wizard import PageId

WAIT = 30_000
CHECKLIST_ITEMS = 7  # the OpenPGP key is made at the request step, not confirmed beforehand


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    previous = keyring.get_keyring()
    keyring.set_keyring(InMemoryKeyring())
    yield
    keyring.set_keyring(previous)


def make_wizard(qtbot, tmp_path: Path, language: str = "nl"):
    return shown_wizard(qtbot, Draft(), tmp_path / "autosave.json", language)


def walk_to_decisions(qtbot, wizard) -> None:
    """Programme, the eight conditions and the organisation (KBO number checked as typed)."""
    page = wizard.currentPage()
    assert "diversit" in page.radios["ksz-diversiteit"].text()
    page.radios["ksz-diversiteit"].click()
    go_next(qtbot, wizard, PageId.CHECKLIST)
    page = wizard.currentPage()
    assert len(page.rows) == CHECKLIST_ITEMS
    for row in page.rows:
        row.confirmed.click()
        qtbot.keyClicks(row.by, "A. Peeters")
    go_next(qtbot, wizard, PageId.ORGANISATION)
    page = wizard.currentPage()
    rows = {row.field.id: row for row in page.rows}
    for field_id, value in ORGANISATION.items():
        qtbot.keyClicks(rows[field_id].edit, value)
    assert rows["kbo_numbers"].message.kind == "ok"
    go_next(qtbot, wizard, PageId.KSZ_DECISIONS)


def walk_with_own_data_to_mapping(qtbot, wizard, source: Path, timeout: int = 30_000) -> None:
    """Decisions (no age, year 2025, the institution's own data), the motivation, ``source`` read
    on the file page: on to the mapping page."""
    walk_to_decisions(qtbot, wizard)
    page = wizard.currentPage()
    page.checks["age"].setChecked(False)
    page.year.setValue(2025)
    page.own_data.click()
    go_next(qtbot, wizard, PageId.KSZ_MOTIVATION)
    fill_motivation(qtbot, wizard)
    go_next(qtbot, wizard, PageId.FILE)
    page = wizard.currentPage()
    page.open_file(source)
    qtbot.waitUntil(lambda: page.session.table is not None and not page.running, timeout=timeout)
    go_next(qtbot, wizard, PageId.MAPPING)


def fill_motivation(qtbot, wizard) -> None:
    """Empty and example-only motivations are refused; the officer's own words pass."""
    page = wizard.currentPage()
    assert wizard.currentId() == PageId.KSZ_MOTIVATION
    assert not next_enabled(wizard)
    assert "4 van de 4" in page.status.text()
    purpose = page.fields["purpose"]
    purpose.example_button.click()  # the KSZ's example only: refused
    assert purpose.message.kind == "error"
    assert "te weinig eigen tekst" in purpose.message.text()
    assert not next_enabled(wizard)
    purpose.edit.clear()
    for name, text in MOTIVATION.items():
        page.fields[name].edit.setPlainText(text)
        assert page.fields[name].message.kind == "ok", name
    assert next_enabled(wizard)
    page.fields["legal_basis"].edit.setPlainText("Wet.")  # too short: refused again
    assert page.fields["legal_basis"].message.kind == "error"
    assert not next_enabled(wizard)
    page.fields["legal_basis"].edit.setPlainText(MOTIVATION["legal_basis"])
    assert page.status.kind == "ok"
    assert next_enabled(wizard)


def wait_checked(qtbot, page) -> None:
    qtbot.waitUntil(lambda: not page.running and page.outcome is not None, timeout=WAIT)


def make_key_and_documents(qtbot, wizard, tmp_path, monkeypatch) -> list[Path]:
    page = wizard.currentPage()
    assert wizard.currentId() == PageId.KSZ_REQUEST
    assert not next_enabled(wizard)
    assert page.key_message.kind == "warning"  # no key yet
    assert not page.save_button.isEnabled()  # the request needs the fingerprint
    assert "vingerafdruk" in page.problems_message.text()
    page.create_button.click()
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    fingerprint = wizard.draft.organisation.get("openpgp_fingerprint")
    assert len(fingerprint) == 40
    assert page.fingerprint.text() == openpgp.format_fingerprint(fingerprint)
    # readable: the page's text size (not the smaller system fixed font), selectable, wrapping
    assert page.fingerprint.font().pointSizeF() == page.font().pointSizeF()
    assert page.fingerprint.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert page.fingerprint.wordWrap()
    assert page.key_message.kind == "ok"
    assert not page.problems_message.isVisible()
    assert (key_folder(wizard.draft.organisation_id) / openpgp.SECRET_KEY_FILE).exists()

    exported = tmp_path / "export" / "sleutel.asc"
    exported.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(exported), ""))
    )
    page.export_button.click()
    assert openpgp.read_public_key(exported.read_bytes()).fingerprint == fingerprint

    # a backup of the secret key, locked with a passphrase the officer chooses and keeps apart
    assert page.key_panel.backup_button.isVisible()
    import desktop_app.ui.pages.ksz_request as request_page

    chosen = "reservekopie in de kluis"
    monkeypatch.setattr(request_page, "ask_passphrase", lambda *a, **k: chosen)
    backup = tmp_path / "export" / "backup.pgp"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(backup), ""))
    )
    page.key_panel.backup_button.click()
    assert page.key_message.kind == "ok", page.key_message.text()
    restored = openpgp.unlock_secret_key(backup.read_bytes(), chosen)
    assert restored.fingerprint == fingerprint
    assert chosen.encode() not in (tmp_path / "autosave.json").read_bytes()
    assert page.key_message.kind == "ok"

    folder = tmp_path / "aanvraag"
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder))
    )
    page.save_button.click()
    assert page.documents_message.kind == "ok", page.documents_message.text()
    return page.written


def assert_documents(written: list[Path], fingerprint: str, expected: tuple[str, ...]) -> None:
    names = sorted(p.name for p in written)
    assert names == sorted(
        [
            "bcss-demande-stad-voorbeeld-2025-fr.odt",
            "bcss-demande-stad-voorbeeld-2025-fr.pdf",
            "ksz-aanvraag-stad-voorbeeld-2025-nl.odt",
            "ksz-aanvraag-stad-voorbeeld-2025-nl.pdf",
            "openpgp-public-key-stad-voorbeeld.asc",
        ]
    )
    for path in written:
        assert path.exists()
        if path.suffix == ".pdf":
            assert path.read_bytes().startswith(b"%PDF")
            assert path.stat().st_size > 2000
        elif path.suffix == ".odt":
            with zipfile.ZipFile(path) as archive:
                content = archive.read("content.xml").decode()
            assert fingerprint in content
            assert MOTIVATION["plan_action"] in content or "fr" in path.stem
            for text in expected:
                assert text in content, (path.name, text)


def assert_readable_hex(page, value, label, expected: str, group: int) -> None:
    """A checksum or fingerprint as the officer reads it: in groups of ``group``, at the size of
    the page's text in a fixed-pitch face, selectable, wrapping, named by its label."""
    from PySide6.QtGui import QFontInfo

    assert value.isVisible()
    assert label.isVisible()
    groups = value.text().split(" ")
    assert "".join(groups) == expected
    assert len(groups) == len(expected) // group
    assert all(len(g) == group for g in groups)
    assert QFontInfo(value.font()).fixedPitch()
    assert value.font().pointSizeF() == page.font().pointSizeF()  # not the smaller system size
    flags = value.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert value.wordWrap()
    assert label.buddy() is value
    assert value.accessibleName() == label.text()


def test_the_belgian_route_with_own_data_for_linkage(qtbot, tmp_path, monkeypatch):
    source = staff_file(tmp_path)
    wizard = make_wizard(qtbot, tmp_path)
    walk_to_decisions(qtbot, wizard)
    assert wizard.step_labels[PageId.KSZ_DECISIONS].isVisibleTo(wizard)
    assert not wizard.step_labels[PageId.CATEGORIES].isVisibleTo(wizard)

    # Decisions: origin, sex and age by default; the definitions come from the profile.
    page = wizard.currentPage()
    assert [c for c, box in page.checks.items() if box.isChecked()] == ["origin", "sex", "age"]
    assert "nationaliteit" in page.definition_labels["origin"].text()
    assert "Rijksregister" in page.definition_labels["sex"].text()
    assert "31 december" in page.definition_labels["age"].text()
    for box in page.checks.values():
        box.setChecked(False)
    assert not next_enabled(wizard)
    assert page.characteristics_message.kind == "error"
    for name in ("origin", "sex"):
        page.checks[name].setChecked(True)
    page.year.setValue(2025)
    page.definitions.setPlainText("Personeel: statutair en contractueel personeel op 31 december")
    assert wizard.uses_file() is False
    assert wizard.step_labels[PageId.FILE].property("skipped") == "true"
    page.own_data.click()
    assert wizard.uses_file() is True
    assert wizard.step_labels[PageId.FILE].property("skipped") == "false"
    go_next(qtbot, wizard, PageId.KSZ_MOTIVATION)
    fill_motivation(qtbot, wizard)
    go_next(qtbot, wizard, PageId.FILE)

    # The linkage file: INSZ and own categories, read, mapped and checked like the Dutch file.
    page = wizard.currentPage()
    page.open_file(source)
    qtbot.waitUntil(lambda: page.session.table is not None and not page.running, timeout=WAIT)
    go_next(qtbot, wizard, PageId.MAPPING)
    page = wizard.currentPage()
    rows = {row.field.id: row for row in page.rows}
    assert rows["insz"].header == "Rijksregisternummer"
    for i in range(page.breakdowns.count()):
        item = page.breakdowns.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in ("Afdeling", "Niveau"):
            item.setCheckState(Qt.CheckState.Checked)
    assert wizard.draft.breakdowns == ("Afdeling", "Niveau")
    go_next(qtbot, wizard, PageId.VALIDATION)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    if page.acknowledge.isVisible():
        page.acknowledge.click()
    go_next(qtbot, wizard, PageId.KSZ_CATEGORIES)

    # Categories: department x origin x sex is flagged (Onthaal: 4 people); a proposal fixes it.
    page = wizard.currentPage()
    assert not page.age_card.isVisible()  # age not requested
    assert page.origin_card.isVisible()
    assert page.origin.currentData() == "origin-ksz"
    assert "Onthaal (4)" in page.own_text.text()
    wait_checked(qtbot, page)
    assert [view.heading.text() for view in page.views] == [
        "Afdeling × herkomst × geslacht",
        "Niveau × herkomst × geslacht",
    ]
    unit, level = page.views
    assert unit.verdict.kind == "error"
    assert "Onthaal" in unit.verdict.text()
    assert "0,0" in unit.verdict.text()  # 4 x 0.02 x 0.5 = 0.04
    assert unit.proposals
    assert level.verdict.kind == "error"  # level C: 79 x 0.02 x 0.5 = 0.8
    assert page.status.kind == "error"
    assert "2 van de 2" in page.status.text()
    assert not next_enabled(wizard)
    best = unit.proposals[0]
    assert any("Onthaal" in c.render("nl") for c in best.changes)
    unit.proposal_rows[0][1].click()
    wait_checked(qtbot, page)
    assert all(view.verdict.kind == "ok" for view in page.views), [
        v.verdict.text() for v in page.views
    ]
    assert page.status.kind == "ok"
    assert next_enabled(wizard)
    merges = wizard.draft.categories.merges["Afdeling"]
    assert "Onthaal" in merges
    assert "Financiën" not in merges
    assert page.origin.currentData() == wizard.draft.categories.ksz["origin_scheme"]
    assert "Onthaal (4)" not in page.own_text.text()
    # Undo brings the flagged crossing back; applying again fixes it.
    page.undo_button.click()
    wait_checked(qtbot, page)
    assert page.views[0].verdict.kind == "error"
    assert wizard.draft.categories.merges == {}
    page.views[0].proposal_rows[0][1].click()
    wait_checked(qtbot, page)
    assert next_enabled(wizard)
    go_next(qtbot, wizard, PageId.KSZ_REQUEST)

    # The request: key pair, public key, the documents in nl and fr as PDF and ODT.
    written = make_key_and_documents(qtbot, wizard, tmp_path, monkeypatch)
    fingerprint = wizard.draft.organisation.get("openpgp_fingerprint")
    merged_unit = wizard.draft.categories.merges["Afdeling"]["Onthaal"]
    assert_documents(written, fingerprint, ("Stad Voorbeeld", "Financiën", merged_unit))
    assert "Basisschema" in wizard.currentPage().next_text.text()
    assert "koppelingsbestand" in wizard.currentPage().next_text.text()
    assert next_enabled(wizard)
    go_next(qtbot, wizard, PageId.REVIEW)  # the linkage file goes on to review and encryption

    # The autosaved draft holds the choices and no employee data.
    saved_text = (tmp_path / "autosave.json").read_text(encoding="utf-8")
    saved = json.loads(saved_text)
    assert saved["categories"]["ksz"]["characteristics"] == ["origin", "sex"]
    assert saved["categories"]["ksz"]["reference_year"] == 2025
    assert saved["categories"]["ksz"]["motivation"] == MOTIVATION
    assert saved["categories"]["ksz"]["definitions"] == {
        "Personeel": "statutair en contractueel personeel op 31 december"
    }
    assert saved["organisation"]["openpgp_fingerprint"] == fingerprint
    assert valid_insz(0) not in saved_text
    assert "P0001" not in saved_text

    # Review and encrypt: the linkage file (INSZ + own categories) encrypted for KSZ's OpenPGP
    # key (KSZ takes no certificate) and signed with the organisation's key; GnuPG opens it.
    office = GpgOffice(tmp_path / "ksz-office")
    try:
        page = wizard.currentPage()
        qtbot.waitUntil(lambda: page.preview is not None and not page.running, timeout=60_000)
        assert page.preview.columns[:2] == ("insz", "categorie_1")
        # one reference on the overview too: the year, with the day the staff is counted on;
        # its Change goes to the decisions, where the year is chosen
        population = dict(page.answers.sections["population"].texts())
        assert population["Refertejaar"] == "2025 (wie op 31-12-2025 in dienst is)"
        assert "Peildatum" not in population
        assert page.change_target("population") == PageId.KSZ_DECISIONS
        page.set_openpgp_key(office.public)
        page.confirm_key.click()
        go_next(qtbot, wizard, PageId.ENCRYPT)
        page = wizard.currentPage()
        out = tmp_path / "out" / "koppeling.csv.gpg"
        page.target.setText(str(out))
        qtbot.mouseClick(page.encrypt_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not page.running, timeout=60_000)
        assert page.problem.kind is None, page.problem.text()
        assert out.exists()
        submission = page.session.submission
        assert_readable_hex(page, page.package_sha, page.sha_label, submission.package_sha256, 8)
        assert_readable_hex(
            page, page.signer_fingerprint, page.signer_label, submission.signer_fingerprint, 4
        )
        assert "OpenPGP" in page.signer_label.text()
        org = wizard.draft.organisation_id
        office.import_key(openpgp.export_public_key(openpgp.load_key(key_folder(org), org)))
        plain, said = office.decrypt(out)
        assert "Good signature" in said
    finally:
        office.close()
    lines = plain.decode("utf-8").splitlines()
    assert lines[0].startswith("insz;categorie_1")
    assert valid_insz(0) in "\n".join(lines)
    assert "P0001" not in "\n".join(lines)


def test_the_belgian_route_without_own_data_ends_at_the_request(qtbot, tmp_path, monkeypatch):
    wizard = make_wizard(qtbot, tmp_path)
    walk_to_decisions(qtbot, wizard)
    page = wizard.currentPage()
    page.checks["work-regime"].setChecked(True)
    page.year.setValue(2025)
    assert not page.own_data.isChecked()
    go_next(qtbot, wizard, PageId.KSZ_MOTIVATION)
    fill_motivation(qtbot, wizard)
    go_next(qtbot, wizard, PageId.KSZ_CATEGORIES)  # no file, mapping or checks

    page = wizard.currentPage()
    assert page.count_widget.isVisible()
    assert page.age_card.isVisible()
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert page.status.kind == "info"  # the head count is needed first
    assert not next_enabled(wizard)
    page.count.setValue(120)
    wait_checked(qtbot, page)
    (view,) = page.views
    assert (
        view.heading.text() == "Hele organisatie × herkomst × geslacht × arbeidsregime × leeftijd"
    )
    assert view.verdict.kind == "error"
    assert not next_enabled(wizard)

    # Own age edges are checked against the reference edges as typed.
    page.edges.clear()
    qtbot.keyClicks(page.edges, "25, 33")
    assert page.edges_message.kind == "error"
    assert "33" in page.edges_message.text()
    assert not next_enabled(wizard)
    page.edges.clear()
    qtbot.keyClicks(page.edges, "35, 55")
    assert not page.edges_message.isVisible()
    assert wizard.draft.categories.ksz["age_edges"] == [35, 55]
    wait_checked(qtbot, page)
    assert page.age_choice.currentText() == "<35, 35-54, 55+"
    # Four characteristics for 120 people: no coarser grouping passes; the officer is told to
    # leave one out, goes back and drops the work regime.
    view = page.views[0]
    assert not view.proposals
    assert view.none.isVisible()
    assert "Beslissingen" in view.none.text()
    wizard.back()
    wizard.back()
    assert wizard.currentId() == PageId.KSZ_DECISIONS
    wizard.currentPage().checks["work-regime"].setChecked(False)
    go_next(qtbot, wizard, PageId.KSZ_MOTIVATION)
    go_next(qtbot, wizard, PageId.KSZ_CATEGORIES)
    page = wizard.currentPage()
    assert page.edges.text() == "35, 55"  # kept
    wait_checked(qtbot, page)
    view = page.views[0]
    assert view.heading.text() == "Hele organisatie × herkomst × geslacht × leeftijd"
    assert view.verdict.kind == "error"
    assert view.proposals
    view.proposal_rows[0][1].click()
    wait_checked(qtbot, page)
    assert page.views[0].verdict.kind == "ok", page.views[0].verdict.text()
    assert page.age_choice.currentText() != "<35, 35-54, 55+"  # the proposal widened the bands
    assert next_enabled(wizard)
    go_next(qtbot, wizard, PageId.KSZ_REQUEST)

    page = wizard.currentPage()
    assert "geen eigen gegevens" in page.next_text.text()
    # An institution with a key in Kleopatra uses its public key instead of making one.
    kleopatra = openpgp.generate_key("Stad Voorbeeld", "an.peeters@voorbeeld.be")
    public = tmp_path / "kleopatra.asc"
    openpgp.write_public_key(kleopatra, public)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(public), ""))
    )
    page.import_button.click()
    assert wizard.draft.organisation.get("openpgp_fingerprint") == kleopatra.fingerprint
    assert not page.create_button.isVisible()
    folder = tmp_path / "aanvraag"
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder))
    )
    page.save_button.click()
    assert_documents(page.written, kleopatra.fingerprint, ("Stad Voorbeeld",))
    # The last page: Finish, no Next (no linkage file to encrypt).
    assert wizard.nextId() == -1
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert wizard.step_labels[PageId.REVIEW].property("skipped") == "true"


def test_the_dutch_route_is_unchanged(qtbot, tmp_path):
    wizard = make_wizard(qtbot, tmp_path)
    wizard.page(PageId.PROGRAMME).radios["cbs-barometer-ingezoomd"].click()
    assert wizard.route()[-3:] == (PageId.ENCRYPT, PageId.SEND, PageId.DONE)
    for page_id in (PageId.KSZ_DECISIONS, PageId.KSZ_REQUEST):
        assert not wizard.step_labels[page_id].isVisibleTo(wizard)
    assert wizard.step_labels[PageId.CATEGORIES].text() == "7. Veilige indeling"


@pytest.mark.parametrize("language", ["fr"])
def test_the_motivation_is_judged_in_the_officers_language(qtbot, tmp_path, language):
    wizard = make_wizard(qtbot, tmp_path, language)
    walk_to_decisions(qtbot, wizard)
    go_next(qtbot, wizard, PageId.KSZ_MOTIVATION)
    page = wizard.currentPage()
    page.fields["purpose"].example_button.click()
    assert page.fields["purpose"].edit.toPlainText().strip() == EXAMPLES["purpose"][1]
    assert "trop peu de texte propre" in page.fields["purpose"].message.text()
    wizard.set_language("nl")
    assert "te weinig eigen tekst" in page.fields["purpose"].message.text()


YEAR_HINT = {"nl": "31 december 2024", "fr": "31 décembre 2024"}
NUMBERED = {"nl": ("Stap ", "stap "), "fr": ("Étape ", "étape ")}


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_the_ksz_route_shows_one_reference_and_one_numbering(qtbot, tmp_path, language):
    """The KSZ asks "of which year?": the organisation page asks no reference date, the
    decisions page's year is the one date (the day the staff is counted shown under it), and
    the peildatum, the journey's year and the request documents follow it. The pages' titles
    carry no numbering of their own beside the step list's."""
    import datetime as dt

    from desktop_app.journey.journey import draft_key
    from desktop_app.ksz.documents import build_request

    wizard = make_wizard(qtbot, tmp_path, language)
    walk_to_decisions(qtbot, wizard)
    organisation = wizard.page(PageId.ORGANISATION)
    assert not organisation.peildatum.isVisibleTo(organisation)
    assert not organisation.peildatum_label.isVisibleTo(organisation)
    assert organisation.population_label.isVisibleTo(organisation)  # who is counted stays
    assert organisation.year_note.isVisibleTo(organisation)  # and where the day comes from
    assert YEAR_HINT[language].split(" 2024")[0] in organisation.year_note.text().replace(
        "\u00a0", " "
    )
    last_year = dt.date.today().year - 1
    assert wizard.draft.peildatum == dt.date(last_year, 12, 31)  # not this year's 1 January

    page = wizard.currentPage()
    assert page.year.value() == last_year
    page.year.setValue(2024)
    assert wizard.draft.peildatum == dt.date(2024, 12, 31)
    assert YEAR_HINT[language] in page.year_hint.text().replace("\u00a0", " ")  # kept together
    assert draft_key(wizard.draft)[1] == 2024
    assert build_request(wizard.draft, wizard.programme).reference_year == 2024
    sidebar = wizard.step_labels[PageId.KSZ_DECISIONS].text()
    assert sidebar.startswith("4. "), sidebar
    for page_id in (PageId.KSZ_DECISIONS, PageId.KSZ_MOTIVATION, PageId.KSZ_CATEGORIES,
                    PageId.KSZ_REQUEST):  # fmt: skip
        wizard.page(page_id).retranslate()  # as when the page is entered
        title = wizard.page(page_id).title()
        assert title
        assert not any(word in title for word in NUMBERED[language]), title
        assert not any(ch.isdigit() for ch in title), title


def test_a_draft_with_a_peildatum_of_its_own_takes_its_reference_year(qtbot, tmp_path):
    """A draft saved before (1 January 2026 from the organisation page beside the year 2025)
    opens with one reference: 31 December 2025."""
    import datetime as dt

    from desktop_app.draft import CategoryChoices

    draft = Draft(
        programme_id="ksz-diversiteit",
        peildatum=dt.date(2026, 1, 1),
        categories=CategoryChoices(ksz={"reference_year": 2025}),
    )
    wizard = shown_wizard(qtbot, draft, tmp_path / "autosave.json", "nl")
    walk_to_decisions(qtbot, wizard)
    assert wizard.draft.peildatum == dt.date(2025, 12, 31)
    assert wizard.currentPage().year.value() == 2025
    assert json.loads((tmp_path / "autosave.json").read_text(encoding="utf-8"))["peildatum"] == (
        "2025-12-31"
    )


def test_work_regime_codes_are_shown_by_their_labels_and_sent_as_the_offices_codes(qtbot, tmp_path):
    """The value map of the work regime offers 'Voltijds'/'Deeltijds' (nl) and 'Temps plein'/
    'Temps partiel' (fr), never the profile's codes 'full-time'/'part-time'; what the officer
    chooses is kept, and the linkage file carries, as the office's code."""
    wizard = make_wizard(qtbot, tmp_path)
    walk_with_own_data_to_mapping(qtbot, wizard, staff_file(tmp_path))
    page = wizard.currentPage()
    (box,) = [b for b in page.values_widget.boxes if b.field.id == "work_regime"]
    expected = {"nl": ["Voltijds", "Deeltijds"], "fr": ["Temps plein", "Temps partiel"]}
    for language in ("nl", "fr"):
        wizard.set_language(language)
        for combo in box.combos.values():
            items = [combo.itemText(i) for i in range(1, combo.count())]
            assert items == expected[language], items
            assert not any("time" in combo.itemText(i) for i in range(combo.count()))
        assert box.combos["voltijds"].currentText() == expected[language][0]
    wizard.set_language("nl")
    combo = box.combos["voltijds"]  # the officer says 'voltijds' means part-time here
    combo.setCurrentIndex(combo.findText("Deeltijds"))
    assert combo.currentData() == "part-time"
    assert wizard.draft.mapping.value_maps == {"work_regime": {"voltijds": "part-time"}}


def test_every_code_has_its_own_label_in_each_language():
    """The value maps show codes by label only: two codes of one field may not share a label."""
    from desktop_app.profiles import available_programmes

    programmes = list(available_programmes())
    assert any(p.id == "ksz-diversiteit" for p in programmes)
    for programme in programmes:
        for field in programme.employee_fields:
            for language in ("nl", "en", "fr"):
                labels = [code.label.get(language) for code in field.codes]
                assert len(set(labels)) == len(labels), (programme.id, field.id, language)
                assert all(labels), (programme.id, field.id, language)


def test_a_fingerprint_wraps_between_its_groups_at_200_percent(qtbot):
    """In a narrow window with the font doubled the fingerprint takes several lines, each break
    between two groups: every group fits the width whole."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    from desktop_app.ui.widgets.hex_value import HexValue

    app = QApplication.instance()
    font = app.font()
    bigger = app.font()
    bigger.setPointSizeF(font.pointSizeF() * 2)
    app.setFont(bigger)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        value = HexValue(window, group=4)
        QVBoxLayout(window).addWidget(value)
        value.set_value("B860E99987A3D2804C2F1E0A9B7D6C5E4F3A2B1C")
        window.resize(260, 400)
        window.show()
        qtbot.waitExposed(window)
        assert value.font().pointSizeF() == bigger.pointSizeF()  # it follows the 200% font
        metrics = QFontMetrics(value.font())
        width = value.contentsRect().width()
        assert metrics.horizontalAdvance(value.text()) > width  # it must wrap
        assert value.height() >= 2 * metrics.lineSpacing()  # and does, on whole lines
        assert all(metrics.horizontalAdvance(g) <= width for g in value.text().split(" "))
        assert value.text() == "B860 E999 87A3 D280 4C2F 1E0A 9B7D 6C5E 4F3A 2B1C"
    finally:
        app.setFont(font)


def test_the_dutch_route_still_asks_its_peildatum(qtbot, tmp_path):
    """The CBS route keeps its reference date on the organisation page, without the KSZ note."""
    import datetime as dt

    from desktop_app.ui.app import demo_draft

    draft = demo_draft()
    wizard = shown_wizard(qtbot, draft, tmp_path / "autosave.json", "nl")
    go_next(qtbot, wizard, PageId.CHECKLIST)
    go_next(qtbot, wizard, PageId.ORGANISATION)
    page = wizard.currentPage()
    assert page.peildatum.isVisibleTo(page)
    assert not page.year_note.isVisibleTo(page)
    assert page.reference_box.title() == "Peildatum en wie meetelt"
    day = page.peildatum.date()
    assert wizard.draft.peildatum == dt.date(day.year(), day.month(), day.day())
