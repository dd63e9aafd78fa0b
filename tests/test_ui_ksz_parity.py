"""Parity of the two faces on the Belgian route: the wizard's KSZ categories page and
``ksz crossing --json`` give the same verdict and the same proposals on the same file and draft,
before and after the officer applies a proposal."""

from __future__ import annotations

import json

from ksz_helpers import staff_file
from PySide6.QtCore import Qt
from test_ui_ksz import (  # noqa: F401 - isolated is an autouse fixture
    go_next,
    isolated,
    make_wizard,
    wait_checked,
    walk_with_own_data_to_mapping,
)

from desktop_app.cli import main
from desktop_app.ksz.steps import outcome_json
from desktop_app.ui.wizard import PageId


def cli_json(capsys, source, draft) -> tuple[int, dict]:
    code = main(
        ["--lang", "nl", "ksz", "crossing", str(source), "--programme", "ksz-diversiteit",
         "--draft", str(draft), "--json"]
    )  # fmt: skip
    return code, json.loads(capsys.readouterr().out)


def test_wizard_and_command_line_agree_on_the_crossing_check(qtbot, tmp_path, capsys):
    source = staff_file(tmp_path)
    wizard = make_wizard(qtbot, tmp_path)
    walk_with_own_data_to_mapping(qtbot, wizard, source)
    page = wizard.currentPage()
    for i in range(page.breakdowns.count()):
        item = page.breakdowns.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in ("Afdeling", "Niveau"):
            item.setCheckState(Qt.CheckState.Checked)
    go_next(qtbot, wizard, PageId.VALIDATION)
    page = wizard.currentPage()
    qtbot.waitUntil(
        lambda: page.session.validation is not None and not page.running, timeout=30_000
    )
    if page.acknowledge.isVisible():
        page.acknowledge.click()
    go_next(qtbot, wizard, PageId.KSZ_CATEGORIES)

    page = wizard.currentPage()
    wait_checked(qtbot, page)
    draft = tmp_path / "autosave.json"
    wizard.autosave()

    def wizard_json() -> dict:
        return outcome_json(page.outcome, page.staff(), page.programme, "nl")

    code, report = cli_json(capsys, source, draft)
    assert code == 1
    assert report["passes"] is False
    assert [c["own"] for c in report["crossings"]] == [["Afdeling"], ["Niveau"]]
    assert report == wizard_json()
    assert report["crossings"][0]["proposals"]

    # The officer applies the first proposal in the wizard: both faces now pass, alike.
    page.views[0].proposal_rows[0][1].click()
    wait_checked(qtbot, page)
    assert page.outcome.passes
    wizard.autosave()
    code, report = cli_json(capsys, source, draft)
    assert code == 0
    assert report == wizard_json()
