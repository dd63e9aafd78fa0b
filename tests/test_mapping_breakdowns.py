"""Which columns may be a breakdown (subgroup): names, personal numbers, dates and mostly distinct
columns never are, in the core (desktop_app.mapping.breakdown_columns), on the command line
(``check --breakdown Naam`` is refused with a clear message, exit 2) and in the wizard (not in the
list, named in a note); the columns that look like a programme breakdown are pre-ticked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt

from desktop_app.demo_data import StaffOptions, write_demo_workbook
from desktop_app.draft import Draft, SourceFile
from desktop_app.errors import UsageError
from desktop_app.intake import read_table
from desktop_app.mapping.breakdown_columns import (
    ensure_breakdowns,
    not_a_breakdown,
    unfit_breakdowns,
)
from desktop_app.mapping.start import starting_mapping
from desktop_app.profiles import load_programme_by_id

INGEZOOMD = "cbs-barometer-ingezoomd"


@pytest.fixture(scope="module")
def ingezoomd():
    return load_programme_by_id(INGEZOOMD)


@pytest.fixture
def demo_file(tmp_path) -> Path:
    path = tmp_path / "personeel.xlsx"
    write_demo_workbook(path, StaffOptions(n=300, messy=False))
    return path


def workbook(path: Path, headers: list[str], rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_names_numbers_dates_and_distinct_columns_are_never_breakdowns(demo_file, ingezoomd):
    table = read_table(demo_file)
    unfit = unfit_breakdowns(table, ingezoomd)
    assert unfit["Naam"].reason == "name"
    assert unfit["BSN"].reason == "personal"
    assert unfit["Geboortedatum"].reason == "personal"
    assert unfit["Postcode"].reason == "personal"
    assert unfit["Datum in dienst"].reason == "personal"
    numbers = unfit["Personeelsnummer"]
    assert numbers.reason == "distinct"
    assert numbers.distinct == numbers.rows == 300
    for header in ("Afdeling", "Functieschaal", "Geslacht"):
        assert header not in unfit, header
    # the reason names the column and counts, never a value of the file
    text = numbers.message().render("nl")
    assert "Personeelsnummer" in text
    assert "300" in text
    assert "P100001" not in text


def test_the_distinct_rule_keeps_small_files_and_named_groups(tmp_path, ingezoomd):
    # ten people in seven departments, each in a team of their own: mostly distinct, but few
    # groups (the size check of a later step speaks of those), so still breakdowns
    departments = ["HR", "ICT", "Financiën", "Publiekszaken", "Juridisch", "Facilitair", "Staf"]
    rows = [[f"E{i}", departments[i % 7], f"Team {i}"] for i in range(10)]
    table = read_table(workbook(tmp_path / "klein.xlsx", ["Nr", "Naam afdeling", "Team"], rows))
    assert not_a_breakdown(table, ingezoomd, "Naam afdeling") is None  # not a person's name
    assert not_a_breakdown(table, ingezoomd, "Team") is None  # 10 values: few groups
    # sixty people, each in a "team" of their own: refused
    rows = [[f"E{i}", departments[i % 7], f"Team {i}"] for i in range(60)]
    table = read_table(workbook(tmp_path / "groot.xlsx", ["Nr", "Naam afdeling", "Team"], rows))
    assert not_a_breakdown(table, ingezoomd, "Naam afdeling") is None
    refused = not_a_breakdown(table, ingezoomd, "Team")
    assert refused is not None
    assert (refused.reason, refused.distinct, refused.rows) == ("distinct", 60, 60)
    # empty cells do not count as values: a column filled for 6 of 60 with 6 values is a breakdown
    rows = [[f"E{i}", "HR" if i % 10 else f"x{i}", ""] for i in range(60)]
    table = read_table(workbook(tmp_path / "leeg.xlsx", ["Nr", "Afdeling", "Team"], rows))
    assert not_a_breakdown(table, ingezoomd, "Afdeling") is None


def test_a_derived_band_is_always_a_breakdown(demo_file, ingezoomd):
    table = read_table(demo_file)
    assert not_a_breakdown(table, ingezoomd, "=age") is None
    ensure_breakdowns(table, ingezoomd, ["=age", "Afdeling"])  # no refusal
    with pytest.raises(UsageError) as caught:
        ensure_breakdowns(table, ingezoomd, ["Afdeling", "Naam"])
    assert caught.value.message.key == "mapping.not-a-breakdown"
    for language in ("nl", "en", "fr"):
        assert "Naam" in caught.value.render(language)


def test_the_suggestion_offers_and_ticks_only_real_subgroups(demo_file, ingezoomd):
    table = read_table(demo_file)
    start = starting_mapping(table, ingezoomd)
    unfit = {u.header for u in start.unfit}
    assert {"Naam", "Personeelsnummer", "BSN"} <= unfit
    assert not unfit & {b.header for b in start.possible}
    offered = start.offered_headers(table.headers)
    assert "Naam" not in offered
    assert "Afdeling" in offered
    # the detected breakdowns are ticked in a fresh suggestion, within the programme's maximum
    assert "Afdeling" in {b.header for b in start.possible}
    ticked = start.detected(ingezoomd.max_breakdowns)
    assert "Afdeling" in {b.header for b in ticked.breakdowns}
    assert not start.detected(0).breakdowns


def run_check(path: Path, *extra: str, lang: str = "en") -> subprocess.CompletedProcess:
    env = {**os.environ, "DIVERSITY_ASSISTANT_LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "check", str(path), "--programme", INGEZOOMD,
         "--peildatum", "2026-01-01", *extra],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("column", "lang", "words"),
    [
        ("Naam", "en", "names"),
        ("Personeelsnummer", "nl", "300 verschillende waarden"),
        ("Geboortedatum", "fr", "date"),
    ],
)
def test_the_check_command_refuses_such_a_breakdown_clearly(demo_file, column, lang, words):
    result = run_check(demo_file, "--breakdown", column, lang=lang)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert column in result.stderr
    assert words in result.stderr
    assert "P100001" not in result.stderr + result.stdout  # no personal value


def test_the_wizard_lists_no_name_column_and_pre_ticks_the_detected_subgroups(
    qtbot, tmp_path, demo_file, monkeypatch
):
    from wizard_helpers import go_next, shown_wizard

    from desktop_app.ui.app import demo_draft
    from desktop_app.ui.routes import PageId

    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    draft: Draft = demo_draft()
    draft.mapping = None  # a fresh file: the suggestion, not a saved mapping
    draft.source = SourceFile(path=demo_file)
    wizard = shown_wizard(qtbot, draft, tmp_path / "autosave.json", "nl")
    for expected in (PageId.CHECKLIST, PageId.ORGANISATION, PageId.FILE):
        go_next(qtbot, wizard, expected)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.table is not None and not page.running, timeout=20_000)
    go_next(qtbot, wizard, PageId.MAPPING)
    page = wizard.currentPage()
    items = {
        page.breakdowns.item(i).data(Qt.ItemDataRole.UserRole): page.breakdowns.item(i)
        for i in range(page.breakdowns.count())
    }
    for header in ("Naam", "Personeelsnummer", "BSN", "Geboortedatum"):
        assert header not in items, header
    assert items["Afdeling"].checkState() == Qt.CheckState.Checked
    assert "Afdeling" in {b.header for b in wizard.draft.mapping.breakdowns}
    note = page.breakdown_list.unfit_note
    assert note.isVisible()
    assert "‘Naam’" in note.text()
    assert "subgroep" in note.text()
    assert "verschillende waarden" in note.toolTip()
    # the officer can untick it: the choice stands
    items["Afdeling"].setCheckState(Qt.CheckState.Unchecked)
    assert "Afdeling" not in {b.header for b in wizard.draft.mapping.breakdowns}
