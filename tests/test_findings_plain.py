"""The checks in plain words (the officer's first day): a short title for every finding code, a
column that is not sent never blocks, long row lists cut, plural forms, the findings as an Excel file
for the salary administration (identifiers masked), Tab out of the findings table, Qt's own dialogs
in the officer's language."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desktop_app.check import CheckResult
from desktop_app.draft import Draft
from desktop_app.messages import LANGUAGES, Message, catalogue
from desktop_app.package.build import readiness_problems
from desktop_app.report import check_report_json, check_report_text
from desktop_app.resources import resource_path
from desktop_app.validation import Code, Severity
from desktop_app.validation.export import write_findings_xlsx
from desktop_app.validation.identifier_types import IDENTIFIER_TYPES
from desktop_app.validation.local import MAPPING_STEP, MAPPING_VALUES_SECTION
from desktop_app.validation.plain import count, finding_rows, plural_form, summary, verdict
from tests.validation_helpers import (
    BSNS,
    FIELD_HEADERS,
    HEADERS,
    PEILDATUM,
    mapping,
    person,
    programme,
    run,
    table,
)

ROOT = Path(__file__).resolve().parent.parent
ADDRESS_KEY = {k: v for k, v in FIELD_HEADERS.items() if k != "bsn"}


# --- 1. short titles ------------------------------------------------------------------------------


def codes_in_the_source() -> set[str]:
    """Every ``Code.X`` the validation modules name, as its string value."""
    names: set[str] = set()
    for path in (ROOT / "desktop_app" / "validation").glob("*.py"):
        names |= set(re.findall(r"\bCode\.([A-Z_]+)\b", path.read_text(encoding="utf-8")))
    assert names, "no Code.X found in desktop_app/validation"
    return {Code[name].value for name in names}


def test_every_code_the_validation_can_emit_has_a_title_in_three_languages():
    emitted = codes_in_the_source()
    assert emitted >= {"invalid-identifier", "total-row", "no-data"}
    messages = catalogue()
    for code in emitted | {c.value for c in Code}:
        texts = messages.get(f"validation.title.{code}")
        assert texts is not None, code
        for language in LANGUAGES:
            assert texts.get(language, "").strip(), (code, language)
            assert code not in texts[language], (code, language)  # plain words, not the code


def test_the_title_of_an_invalid_identifier_names_the_identifier():
    bad = run([person(i, bsn="123456789" if i == 2 else BSNS[i]) for i in range(6)])
    (finding,) = [f for f in bad.findings if f.code is Code.INVALID_IDENTIFIER]
    assert [finding.title.render(lang) for lang in LANGUAGES] == [
        "Ongeldig BSN",
        "Invalid BSN",
        "BSN invalide",
    ]
    for kind in IDENTIFIER_TYPES:
        for language in LANGUAGES:
            title = Message(
                "validation.title.invalid-identifier", {"name": Message(kind.short_key)}
            )
            assert title.render(language), (kind.id, language)


def test_check_text_shows_the_title_and_json_keeps_the_code(tmp_path):
    result = run([person(i, bsn="123456789" if i == 2 else BSNS[i]) for i in range(6)])
    check = check_result(result)
    text = check_report_text(check, "nl")
    assert "Ongeldig BSN:" in text
    assert "[invalid-identifier]" not in text
    assert "invalid-identifier" not in text
    (entry,) = [f for f in check_report_json(check, "fr")["findings"] if f["severity"] == "error"]
    assert entry["code"] == "invalid-identifier"
    assert entry["title"] == "BSN invalide"


# --- 2. a column that is not sent never blocks ----------------------------------------------------

BAD_ADDRESS = {
    "p1": {"postcode": "12345"},
    "p2": {"house_number_suffix": "toolong-suffix"},
    "p3": {"postcode": "1234"},
    "p4": {"house_number": "12a"},
}


def bad_address_rows() -> list[list[str]]:
    return [person(i, **BAD_ADDRESS.get(f"p{i}", {})) for i in range(6)]


def test_a_bsn_keyed_file_is_not_blocked_by_address_columns_it_does_not_send():
    result = run(bad_address_rows())
    assert result.identification_key == "bsn"
    assert not result.has_errors, [f.render("en") for f in result.findings]
    address = [
        f for f in result.findings if f.field in ("postcode", "house_number_suffix", "house_number")
    ]
    assert {f.field for f in address} == {"postcode", "house_number_suffix", "house_number"}
    for finding in address:
        assert finding.severity is Severity.WARNING
        assert finding.note is not None
        assert finding.note.key == "validation.local-column"
        texts = {language: finding.render(language) for language in LANGUAGES}
        assert "koppel hem dan los in de stap ‘Kolommen’" in texts["nl"]
        assert "unlink it in the ‘Columns’ step" in texts["en"]
        assert "dissociez-la à l’étape « Colonnes »" in texts["fr"]
        assert finding.render("nl").startswith(finding.message.render("nl"))


def test_with_the_address_key_in_use_the_same_values_are_errors():
    result = run(bad_address_rows(), fields=ADDRESS_KEY)
    assert result.identification_key == "address"
    address = [
        f for f in result.findings if f.field in ("postcode", "house_number_suffix", "house_number")
    ]
    assert len(address) == 4
    assert all(f.severity is Severity.ERROR and f.note is None for f in address)


def test_a_column_used_for_a_breakdown_or_a_derived_band_is_sent_and_still_blocks():
    rows = bad_address_rows()
    as_breakdown = run(rows, breakdowns=("Afdeling", "Postcode"))
    postcode = [f for f in as_breakdown.findings if f.field == "postcode"]
    assert postcode
    assert all(f.severity is Severity.ERROR for f in postcode)


def test_package_readiness_counts_the_same_errors():
    sent = check_result(run(bad_address_rows(), fields=ADDRESS_KEY))
    local = check_result(run(bad_address_rows()))
    draft = Draft(programme_id="test-cbs-ingezoomd")

    def blocked(check: CheckResult) -> bool:
        return any(m.key == "package.validation-errors" for m in readiness_problems(draft, check))

    assert blocked(sent)
    assert not blocked(local)


def test_no_message_names_a_step_that_does_not_exist_and_the_step_is_the_mapping_pages_title():
    for key, texts in catalogue().items():
        if key.startswith("validation."):
            for text in texts.values():
                for gone in ("Waarden koppelen", "Kolommen koppelen", "Map columns", "Map values"):
                    assert gone not in text, key
    titles = {
        language: ts_translation(language, "MappingPage", "Columns") for language in LANGUAGES
    }
    sections = {
        language: ts_translation(language, "MappingPage", "Coded values") for language in LANGUAGES
    }
    for language in LANGUAGES:
        assert Message(MAPPING_STEP).render(language) == titles[language]
        assert Message(MAPPING_VALUES_SECTION).render(language) == sections[language]


def ts_translation(language: str, context: str, source: str) -> str:
    path = resource_path("translations", f"diversity_assistant_{language}.ts")
    for element in ET.parse(path).getroot():
        if element.findtext("name") != context:
            continue
        for message in element.findall("message"):
            if message.findtext("source") == source:
                return message.findtext("translation") or source
    raise AssertionError(f"{source!r} not in {context} of {path.name}")


# --- 3. long row lists, 6. plural forms -----------------------------------------------------------


def test_a_long_row_list_names_ten_rows_and_how_many_more():
    rows = tuple(range(10, 232))
    assert len(rows) == 222
    short = finding_rows(rows)
    assert (
        short.render("nl") == "Excel-rijen (222): 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 en nog 212"
    )
    assert short.render("en").endswith("19 and 212 more")
    assert short.render("fr").endswith("19 et 212 de plus")
    full = finding_rows(rows, None).render("en")
    assert full.endswith("229, 230, 231")
    assert "more" not in full
    assert finding_rows((46,)).render("nl") == "Excel-rij (1): 46"


def test_total_rows_in_a_message_are_cut_too():
    rows = [
        person(i % 6) if i % 2 else ["", "", "", "", "", "", "", "", "", "", "", "Totaal"]
        for i in range(60)
    ]
    data = list(rows)
    result = run(data)
    (total,) = [f for f in result.findings if f.code is Code.TOTAL_ROW]
    assert len(total.rows) == 30
    assert "en nog 20" in total.render("nl")


def test_counts_take_the_plural_form_of_each_language():
    assert plural_form("fr", 0) == "one"
    assert plural_form("nl", 0) == "other"
    assert count("error", 1).render("fr") == "1 erreur"
    assert count("error", 2).render("fr") == "2 erreurs"
    assert count("warning", 0).render("fr") == "0 avertissement"
    assert count("error", 1).render("nl") == "1 fout"
    assert count("warning", 1).render("en") == "1 warning"
    result = run([person(i, bsn="123456789" if i == 2 else BSNS[i]) for i in range(6)])
    assert result.counts() == {"error": 1, "warning": 0}
    assert summary(result, 6).render("fr").startswith("1 erreur et 0 avertissement.")
    assert summary(result, 6).render("nl").startswith("1 fout en 0 waarschuwingen.")
    assert "1 erreurs" not in verdict(result).render("fr")
    assert verdict(result).render("en").startswith("1 error and 0 warnings.")


def test_messages_about_one_row_take_the_singular():
    one = run([person(i, start_date="2030-01-01" if i == 1 else "2010-01-01") for i in range(6)])
    two = run(
        [person(i, start_date="2030-01-01" if i in (1, 2) else "2010-01-01") for i in range(6)]
    )
    (single,) = [f for f in one.findings if f.code is Code.OUTSIDE_POPULATION]
    (double,) = [f for f in two.findings if f.code is Code.OUTSIDE_POPULATION]
    assert single.render("fr").startswith("Non comptée, car entrée")
    assert double.render("fr").startswith("Non comptées, car entrées")
    assert single.message.key == double.message.key == "validation.population.not-started"


# --- 4. the findings as an Excel file -------------------------------------------------------------


def spoiled_rows() -> list[list[str]]:
    return [
        person(0, bsn="123456789"),  # fails the elfproef: error, row 2
        person(1),
        person(2, birth_date="31-02-1980"),  # with the BSN key: a warning, row 4
        person(3, postcode="12345"),
        person(4),
        person(5),
    ]


def test_the_findings_export_names_row_personnel_number_column_and_problem_but_no_identifier(
    tmp_path,
):
    result = run(spoiled_rows())
    target = tmp_path / "bevindingen.xlsx"
    written = write_findings_xlsx(
        result, table(HEADERS, spoiled_rows()), programme(), mapping(), target, "nl"
    )
    assert written == sum(max(1, len(f.rows)) for f in result.findings)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bevindingen.xlsx"]  # no temp left
    sheet = openpyxl.load_workbook(target).active
    lines = list(sheet.iter_rows(values_only=True))
    assert lines[0] == (
        "Excel-rij",
        "Ernst",
        "Personeelsnummer",
        "Kolom",
        "Probleem",
        "Identificatienummer (gemaskeerd)",
    )
    by_row = {line[0]: line for line in lines[1:]}
    assert by_row[2][1:4] == ("Fout", "P1000", "B (Burgerservicenummer)")
    assert by_row[2][4].startswith("Ongeldig BSN: In kolom B")
    assert by_row[2][5] == "******789"
    assert by_row[4][1] == "Waarschuwing"
    assert by_row[4][3] == "C (Geboortedatum)"
    assert by_row[4][5] == "******672"
    identifiers = {*BSNS, "123456789", "12345672"}
    cells = [str(c) for line in lines for c in line if c is not None]
    for identifier in identifiers:
        assert not any(identifier in cell for cell in cells), identifier
    with zipfile.ZipFile(target) as archive:
        for name in archive.namelist():
            raw = archive.read(name).decode("utf-8", "replace")
            for identifier in identifiers:
                assert identifier not in raw, (name, identifier)


def test_a_formula_like_personnel_number_stays_text(tmp_path):
    rows = [
        person(0, personnel_number='=HYPERLINK("x")', bsn="123456789"),
        *(person(i) for i in range(1, 6)),
    ]
    result = run(rows)
    target = tmp_path / "f.xlsx"
    write_findings_xlsx(result, table(HEADERS, rows), programme(), mapping(), target, "en")
    sheet = openpyxl.load_workbook(target).active
    values = [line[2] for line in sheet.iter_rows(min_row=2, values_only=True)]
    assert '=HYPERLINK("x")' in values
    assert all(cell.data_type != "f" for line in sheet.iter_rows() for cell in line)


def test_check_writes_the_findings_file_from_the_command_line(tmp_path, monkeypatch, capsys):
    from desktop_app.cli import main
    from desktop_app.demo_data import StaffOptions, write_demo_workbook
    from desktop_app.intake import read_table

    source = tmp_path / "personeel.xlsx"
    write_demo_workbook(source, StaffOptions(n=200, messy=True))
    out = tmp_path / "out" / "bevindingen.xlsx"
    out.parent.mkdir()
    monkeypatch.setenv("DIVERSITY_ASSISTANT_LANG", "fr")
    code = main(
        [
            "check",
            str(source),
            "--programme",
            "cbs-barometer-ingezoomd",
            "--peildatum",
            "2026-01-01",
            "--findings-xlsx",
            str(out),
        ]
    )
    printed = capsys.readouterr().out
    assert code == 1
    assert "BSN invalide : " in printed  # French puts a space before the colon
    assert "invalid-identifier" not in printed
    assert [p.name for p in out.parent.iterdir()] == ["bevindingen.xlsx"]
    sheet = openpyxl.load_workbook(out).active
    lines = list(sheet.iter_rows(values_only=True))
    assert lines[0][0] == "Ligne Excel"
    assert any(str(line[4]).startswith("BSN invalide") for line in lines[1:])
    bsns = {b for b in read_table(source).column("BSN") if len(b.strip()) >= 7}
    text = "\n".join(str(c) for line in lines for c in line if c is not None)
    assert bsns
    assert not any(b.strip() in text for b in bsns)


def check_result(result) -> CheckResult:
    return CheckResult(
        source=Path("personeel.xlsx"),
        programme=programme(),
        table=table(HEADERS, [person(i) for i in range(6)]),
        mapping=mapping(),
        mapping_origin="suggested",
        suggestions=(),
        possible_breakdowns=(),
        validation=result,
        peildatum=PEILDATUM,
    )


# --- 5. keyboard, 6. Qt's own dialogs (pytest-qt) -------------------------------------------------


@pytest.fixture
def checks_page(qtbot, tmp_path, monkeypatch):
    from wizard_helpers import WAIT, go_next, shown_wizard, walk_to_mapping

    from desktop_app.ui.app import demo_draft
    from desktop_app.ui.routes import PageId

    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    opened = []

    def open_page(language: str = "nl", peildatum=None):
        draft = demo_draft()
        if peildatum is not None:
            draft.peildatum = peildatum
        wizard = shown_wizard(qtbot, draft, tmp_path / "autosave.json", language)
        opened.append(wizard)
        walk_to_mapping(qtbot, wizard)
        go_next(qtbot, wizard, PageId.VALIDATION)
        page = wizard.currentPage()
        qtbot.waitUntil(
            lambda: page.session.validation is not None and not page.running, timeout=WAIT
        )
        return wizard, page

    yield open_page
    for wizard in opened:  # the next test's wizard starts from Qt's own texts again
        remove_translators(wizard.translations)


def remove_translators(translations) -> None:
    from PySide6.QtCore import QCoreApplication

    for translator in translations._installed:
        QCoreApplication.instance().removeTranslator(translator)
    translations._installed = []


def test_tab_leaves_the_findings_table_and_reaches_the_acknowledgement(qtbot, checks_page):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    wizard, page = checks_page()
    assert page.counts()["error"] == 0
    assert page.acknowledge.isVisible()
    wizard.activateWindow()
    page.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.view)
    seen = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if QApplication.focusWidget() is page.acknowledge:
            break
    assert QApplication.focusWidget() is page.acknowledge, [type(w).__name__ for w in seen]
    qtbot.keyClick(page.acknowledge, Qt.Key.Key_Space)
    assert page.acknowledge.isChecked()


def test_the_checks_page_shows_titles_and_exports_to_documents(
    qtbot, checks_page, tmp_path, monkeypatch
):
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    from desktop_app.ui.models import FindingsModel

    _wizard, page = checks_page("fr")
    codes = {c.value for c in Code}
    shown = [page.proxy.index(r, FindingsModel.CODE).data() for r in range(page.proxy.rowCount())]
    assert shown
    assert not codes & set(shown)
    assert "Ligne de total" in shown
    asked = {}

    def save_name(parent, caption, directory, filter_text):
        asked["directory"] = directory
        return str(tmp_path / "constats"), filter_text

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    page.export_button.click()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(asked["directory"]).parent == Path(documents)
    written = tmp_path / "constats.xlsx"
    assert written.exists()
    assert "constats.xlsx" in page.exported.text()
    header = next(openpyxl.load_workbook(written).active.iter_rows(values_only=True))
    assert header[0] == "Ligne Excel"


def test_a_long_row_list_on_the_page_is_cut_until_show_all_rows(qtbot, checks_page):
    import datetime

    from desktop_app.ui.models import FINDING_ROLE

    _wizard, page = checks_page("nl", datetime.date(2026, 12, 6))
    for row in range(page.proxy.rowCount()):
        finding = page.proxy.index(row, 0).data(FINDING_ROLE)
        if len(finding.rows) > 10:
            page.view.selectRow(row)
            break
    else:
        pytest.fail("the demo at 6 December 2026 has no finding with more than ten rows")
    more = len(finding.rows) - 10
    text = page.details.toPlainText()
    assert text.startswith(finding.title.render("nl"))
    assert f"en nog {more}" in text
    assert str(finding.rows[-1]) not in text.rsplit(":", 1)[-1]
    assert page.all_rows.isVisible()
    assert page.all_rows.text() == "&Alle rijen tonen"
    page.all_rows.click()
    text = page.details.toPlainText()
    assert "en nog" not in text
    assert text.rstrip().endswith(str(finding.rows[-1]))
    assert page.all_rows.text() == "&Minder rijen tonen"


def test_qts_own_file_dialog_speaks_dutch_and_french(qtbot):
    from PySide6.QtWidgets import QFileDialog, QLabel

    from desktop_app.ui.i18n import Translations

    translations = Translations()
    try:
        for language, look_in, file_type in (
            ("nl", "Zoeken in:", "Bestanden van type:"),
            ("fr", "Voir dans\xa0:", "Fichiers de type\xa0:"),
        ):
            translations.install(language)
            dialog = QFileDialog()
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
            qtbot.addWidget(dialog)
            texts = [label.text() for label in dialog.findChildren(QLabel)]
            assert look_in in texts, texts
            assert file_type in texts, texts
            assert not any("Look in" in t or "Files of" in t for t in texts), texts
    finally:
        remove_translators(translations)


def test_counts_are_written_with_the_languages_thousands_separator() -> None:
    """What the page showed before the counts became messages: 1.945 in Dutch, not 1945."""
    from desktop_app.validation.plain import count

    assert count("error", 1945).render("nl") == "1.945 fouten"
    assert count("error", 1945).render("en") == "1,945 errors"
    assert count("error", 1945).render("fr") == "1\u202f945 erreurs"
    assert count("row", 1).render("fr") == "1 ligne"
