"""Issue 13, CBS route: where the wizard and the command line disagreed, both faces now call one
core function and behave the same. Each test drives the same input through the CLI
(``desktop_app.cli.main``) or the core call, and through the wizard (pytest-qt, offscreen):

- category labels: ``entry_year`` is the same band in ``tables``, the wizard and the output file;
- a programme without a cell threshold: both faces ask for one, none is invented;
- a saved mapping that no longer fits: both refuse, naming the missing column; the wizard offers a
  suggestion as an explicit choice;
- the SSH host key: the profile's pin applies to the CLI's upload too; one host-key store.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from test_transfer_sftp import inbox, make_package, sshd  # noqa: F401 (fixtures)
from test_ui_submission import isolated, walk_to_categories  # noqa: F401 (fixture)
from wizard_helpers import WAIT, go_next, next_enabled, shown_wizard, walk_to_mapping

import desktop_app.check as check_module
import desktop_app.profiles as profiles_module
import desktop_app.ui.wizard as wizard_module
from desktop_app.categories import bands_for, subgroup_sizes
from desktop_app.categories.labels import category_labels, included_rows
from desktop_app.check import CheckOptions, run_check
from desktop_app.cli import main
from desktop_app.disclosure.preview import ThresholdMissing, cell_threshold
from desktop_app.draft import load_draft
from desktop_app.errors import MappingError
from desktop_app.mapping.start import starting_mapping
from desktop_app.mapping.store import save_mapping
from desktop_app.package.build import breakdown_codes
from desktop_app.package.preview import package_preview
from desktop_app.profiles import load_programme_by_id
from desktop_app.profiles.model import Portal as ProfilePortal
from desktop_app.transfer.hostkey_policy import (
    expected_host_key,
    migrate_draft_host_key,
    pinned_host_key,
    portal_for_upload,
)
from desktop_app.transfer.hostkeys import remember_host_key, remembered_host_key
from desktop_app.ui.app import demo_draft
from desktop_app.ui.wizard import PageId
from tests.servers.keys import make_ssh_key

PROGRAMME = "cbs-barometer-ingezoomd"


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def with_programme(monkeypatch, change) -> None:
    """Every face loads the ingezoomd profile changed by ``change(programme)``."""
    real = load_programme_by_id

    def load(programme_id: str):
        programme = real(programme_id)
        return change(programme) if programme_id == PROGRAMME else programme

    for module in (check_module, wizard_module, profiles_module):
        monkeypatch.setattr(module, "load_programme_by_id", load)


# -- 1. category labels: entry_year ----------------------------------------------------------


def test_entry_year_is_the_same_band_in_tables_the_wizard_and_the_output_file(
    qtbot,
    tmp_path,
    capsys,
    isolated,  # noqa: F811
):
    draft = demo_draft()
    wizard = shown_wizard(qtbot, draft, tmp_path / "autosave.json", "en")
    walk_to_mapping(qtbot, wizard)
    mapping_page = wizard.currentPage()
    for index in range(mapping_page.breakdowns.count()):  # year of entry only
        item = mapping_page.breakdowns.item(index)
        wanted = item.data(Qt.ItemDataRole.UserRole) == "=entry_year"
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
    assert [b.header for b in wizard.draft.mapping.breakdowns] == ["=entry_year"]
    go_next(qtbot, wizard, PageId.VALIDATION)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    if not next_enabled(wizard):
        page.acknowledge.click()
    go_next(qtbot, wizard, PageId.CATEGORIES)
    (section,) = wizard.currentPage().sections
    in_wizard = dict(section.chart.sizes)
    bands = set(bands_for("entry_year").labels())
    assert set(in_wizard) <= bands
    assert sum(in_wizard.values()) == 1999

    # tables: the same bands with the same counts (it was a calendar year there)
    mapping_file = tmp_path / "mapping.json"
    save_mapping(wizard.draft.mapping, mapping_file)
    code, out, err = cli(
        capsys,
        "tables",
        draft.source.path,
        "--programme",
        PROGRAMME,
        "--mapping",
        mapping_file,
        "--peildatum",
        draft.peildatum.isoformat(),
        "--by",
        "entry_year",
        "--min-count",
        "1",
        "--json",
    )
    assert code == 0, err
    (table,) = json.loads(out)["tables"]
    in_tables = {
        c["key"]["entry_year"]: c["count"] for c in table["cells"] if c["key"]["entry_year"]
    }
    assert {k: v for k, v in in_tables.items() if v} == in_wizard

    # the output file's column: the package builder's codes for the same check
    check = run_check(
        Path(draft.source.path),
        CheckOptions(PROGRAMME, mapping=wizard.draft.mapping, peildatum=draft.peildatum),
    )
    codes = breakdown_codes(check)[1]
    included = included_rows(codes.to_frame("x"), check.validation.included)["x"]
    assert subgroup_sizes(included) == in_wizard
    assert (
        category_labels(
            check.programme, check.validation.records, "=entry_year", check.peildatum
        ).tolist()
        == codes.tolist()
    )


# -- 2. no cell threshold in the profile: asked of the officer by both faces -----------------------


def no_threshold(programme):
    return replace(programme, thresholds=replace(programme.thresholds, cell_threshold=0))


def test_a_programme_without_a_cell_threshold_gets_none_invented_by_either_face(
    qtbot,
    tmp_path,
    capsys,
    isolated,  # noqa: F811
    monkeypatch,
):
    with_programme(monkeypatch, no_threshold)
    draft = demo_draft()
    programme = profiles_module.load_programme_by_id(PROGRAMME)
    assert programme.thresholds.cell_threshold == 0
    with pytest.raises(ThresholdMissing):
        cell_threshold(programme)
    assert cell_threshold(programme, 7) == 7

    # CLI: --min-count is required, with a translated sentence
    args = ("tables", draft.source.path, "--programme", PROGRAMME, "--by", "Afdeling")
    code, _out, err = cli(capsys, *args)
    assert code == 2
    assert "--min-count" in err
    assert "has no cell threshold" in err
    code, out, err = cli(capsys, *args, "--min-count", "7", "--json")
    assert code == 0, err
    assert json.loads(out)["threshold"] == 7

    # wizard: the threshold field is shown and must be filled; no preview with an invented 5
    wizard = shown_wizard(qtbot, draft, tmp_path / "autosave.json", "en")
    walk_to_categories(qtbot, wizard)
    page = wizard.currentPage()
    preview = page.preview
    assert preview.threshold_row.isVisibleTo(page)
    assert preview.threshold_edit.text() == ""
    assert preview.threshold_message.kind == "error"
    assert page.cell_threshold() is None
    assert preview.tables is None
    assert not page.running
    assert not page.isComplete()
    preview.threshold_edit.setText("7")
    preview.threshold_edit.editingFinished.emit()
    assert wizard.draft.categories.cell_threshold == 7
    qtbot.waitUntil(lambda: preview.tables is not None and not page.running, timeout=WAIT)
    assert preview.tables.threshold == 7
    assert page.isComplete() == (not page.blocking())


def test_a_programme_with_a_cell_threshold_shows_no_threshold_field(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
):
    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "autosave.json", "en")
    walk_to_categories(qtbot, wizard)
    page = wizard.currentPage()
    assert not page.preview.threshold_row.isVisibleTo(page)
    assert page.cell_threshold() == 10  # the profile's


# -- 3. a saved mapping that no longer fits --------------------------------------------------------


def test_a_saved_mapping_that_no_longer_fits_is_refused_by_both_faces(
    qtbot,
    tmp_path,
    capsys,
    isolated,  # noqa: F811
):
    draft = demo_draft()
    stale = replace(
        draft.mapping, fields={**draft.mapping.fields, "personnel_number": "Medewerkernummer"}
    )
    draft.mapping = stale

    # CLI: check refuses, naming the missing column
    mapping_file = tmp_path / "mapping.json"
    save_mapping(stale, mapping_file)
    code, _out, err = cli(
        capsys, "check", draft.source.path, "--programme", PROGRAMME, "--mapping", mapping_file
    )
    assert code == 2
    assert "Medewerkernummer" in err

    # the core call both faces make
    wizard = shown_wizard(qtbot, draft, tmp_path / "autosave.json", "en")
    walk_to_mapping(qtbot, wizard)
    page = wizard.currentPage()
    with pytest.raises(MappingError) as refused:
        starting_mapping(page.table, page.programme, stale)
    assert "Medewerkernummer" in refused.value.render("en")

    # wizard: the same refusal shown, nothing replaced, Next waits for the officer's choice
    assert page.saved_refused.kind == "error"
    assert "Medewerkernummer" in page.saved_refused.text()
    assert page.suggest_button.isVisibleTo(page)
    assert wizard.draft.mapping == stale
    assert not next_enabled(wizard)

    qtbot.mouseClick(page.suggest_button, Qt.MouseButton.LeftButton)
    assert not page.suggest_button.isVisibleTo(page)
    assert page.saved_refused.kind is None or not page.saved_refused.isVisibleTo(page)
    suggested = starting_mapping(page.table, page.programme, None).mapping
    assert wizard.draft.mapping.fields == suggested.fields
    assert "Medewerkernummer" not in wizard.draft.mapping.fields.values()
    assert next_enabled(wizard)

    wizard.set_language("nl")  # the button and refusal are translated
    assert page.suggest_button.text() != "S&tart from a suggestion"


def test_a_saved_mapping_that_fits_is_used_by_both_faces(
    qtbot,
    tmp_path,
    isolated,  # noqa: F811
):
    draft = demo_draft()
    check = run_check(Path(draft.source.path), CheckOptions(PROGRAMME, mapping=draft.mapping))
    wizard = shown_wizard(qtbot, draft, tmp_path / "autosave.json", "en")
    walk_to_mapping(qtbot, wizard)
    page = wizard.currentPage()
    assert not page.suggest_button.isVisibleTo(page)
    assert check.mapping_origin == "file"
    assert wizard.draft.mapping.fields == check.mapping.fields
    assert [b.header for b in wizard.draft.mapping.breakdowns] == [
        b.header for b in check.mapping.breakdowns
    ]


# -- 2b. the package preview is the core's ---------------------------------------------------------


def test_the_package_preview_is_built_by_the_core(isolated):  # noqa: F811
    draft = demo_draft()
    check = run_check(
        Path(draft.source.path),
        CheckOptions(PROGRAMME, mapping=draft.mapping, peildatum=draft.peildatum),
    )
    preview = package_preview(draft, check)
    assert preview.rows == int(check.validation.included.sum())
    assert len(preview.sample) == 5
    bsn = preview.columns.index(next(c for c in preview.masked_columns if "BSN" in c.upper()))
    assert all(row[bsn].startswith("*") for row in preview.sample)


# -- 4. host keys: one rule, one store -------------------------------------------------------------


def pinned_profile(sshd, inbox: Path, fingerprint: str):  # noqa: F811
    def change(programme):
        portal = ProfilePortal(
            "sftp", url=f"sftp://127.0.0.1:{sshd.port}{inbox}", host_key_sha256=fingerprint
        )
        return replace(programme, portal=portal)

    return change


def test_the_rule_order_given_profile_remembered_ask(tmp_path, monkeypatch):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    a, b, c = (make_ssh_key(tmp_path / name).fingerprint for name in "abc")
    profile = ProfilePortal("sftp", url="sftp://portal.example:2222/in", host_key_sha256=a)
    url = "sftp://portal.example:2222/other-folder"
    assert pinned_host_key(url, given=b, profile=profile).fingerprint == b
    assert pinned_host_key(url, profile=profile).source == "profile"
    assert pinned_host_key("sftp://portal.example:22/in", profile=profile).source == "ask"
    assert pinned_host_key("sftp://elsewhere.example:2222/in", profile=profile).source == "ask"
    portal = portal_for_upload(url)
    assert expected_host_key(portal).source == "ask"
    remember_host_key("portal.example", 2222, c)
    assert expected_host_key(portal).fingerprint == c
    assert expected_host_key(portal_for_upload(url, profile=profile)).fingerprint == a  # pin wins
    assert (
        portal_for_upload("https://portal.example/files", profile=profile).host_key_sha256 is None
    )


def test_a_draft_s_host_key_moves_into_the_one_store(tmp_path, monkeypatch):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    key = make_ssh_key(tmp_path / "k").fingerprint
    old = {
        "url": "sftp://h.example:22/in",
        "host_key_sha256": key,
        "host_key_for": "[h.example]:22",
    }
    assert migrate_draft_host_key(old) == {"url": "sftp://h.example:22/in"}
    assert remembered_host_key("h.example", 22) == key
    other = make_ssh_key(tmp_path / "o").fingerprint  # the store already knows: it wins
    migrate_draft_host_key({"host_key_sha256": other, "host_key_for": "[h.example]:22"})
    assert remembered_host_key("h.example", 22) == key


def test_the_profile_pin_applies_to_both_faces(
    qtbot,
    tmp_path,
    capsys,
    isolated,  # noqa: F811
    monkeypatch,
    sshd,  # noqa: F811
    inbox,  # noqa: F811
):
    package = make_package(tmp_path / "out", 50_000)
    url = f"sftp://127.0.0.1:{sshd.port}{inbox}"
    base = ("upload", package, "--portal", url, "--user", sshd.user)
    key = ("--key-file", sshd.user_key.private_file)

    # a wrong pin in the profile: the CLI with --programme refuses like the wizard would
    wrong = make_ssh_key(tmp_path / "wrong").fingerprint
    with_programme(monkeypatch, pinned_profile(sshd, inbox, wrong))
    code, _out, err = cli(capsys, *base, *key, "--programme", PROGRAMME)
    assert code == 2
    assert wrong in err
    assert sshd.host_key.fingerprint in err
    assert list(inbox.iterdir()) == []
    wizard = shown_wizard(qtbot, demo_draft(), tmp_path / "autosave.json", "en")
    panel = wizard.page(PageId.SEND).upload_card
    panel.url.setText(url)
    assert panel.portal().host_key_sha256 == wrong  # the wizard's portal: the same pin
    profile = profiles_module.load_programme_by_id(PROGRAMME)
    assert panel.portal() == portal_for_upload(url, profile=profile)

    # without --programme the key is unknown: not confirmed (no terminal), nothing sent
    code, _out, err = cli(capsys, *base, *key)
    assert code == 2
    assert sshd.host_key.fingerprint in err
    assert remembered_host_key("127.0.0.1", sshd.port) is None

    # the right pin: uploaded without asking; no key written to the store for a pinned server
    with_programme(monkeypatch, pinned_profile(sshd, inbox, sshd.host_key.fingerprint))
    code, _out, err = cli(capsys, *base, *key, "--programme", PROGRAMME)
    assert code == 0, err
    assert (inbox / package.name).exists()

    # one store: a key an earlier (version 1) draft kept moves into app data when it is read
    data = demo_draft().to_json() | {"version": 1}
    del data["delivery"]
    data["portal"] = {
        "upload": {
            "url": url,
            "host_key_sha256": sshd.host_key.fingerprint,
            "host_key_for": f"[127.0.0.1]:{sshd.port}",
        }
    }
    (tmp_path / "second").mkdir()
    old = tmp_path / "second" / "old-draft.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    draft = load_draft(old)
    assert remembered_host_key("127.0.0.1", sshd.port) == sshd.host_key.fingerprint
    wizard = shown_wizard(qtbot, draft, tmp_path / "second" / "autosave.json", "en")
    panel = wizard.page(PageId.SEND).upload_card
    assert panel.settings().url == url
    assert "host_key_sha256" not in json.dumps(wizard.draft.to_json())
