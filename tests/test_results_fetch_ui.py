"""The results window's import dialog fetches the KSZ's tables from its SFTP server (pytest-qt,
offscreen, OpenSSH's sshd on loopback): offered only where the programme's profile offers it, the
fetch runs on a worker, an unknown server's key is asked about in the upload's host-key dialog
(refused: nothing kept; confirmed: fetched, imported and remembered), a .gpg asks for the key's
passphrase and is imported without being fetched again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from desktop_app.results import load_history
from desktop_app.transfer import remembered_host_key
from desktop_app.ui.i18n import Translations
from desktop_app.ui.widgets import results_fetch
from desktop_app.ui.widgets.results_fetch import FetchDialog
from desktop_app.ui.widgets.results_import import ImportDialog
from tests.servers.sshd import Sshd
from tests.test_results_fetch import (  # noqa: F401 (fixtures: the same server set-up)
    ORG,
    SAMPLE,
    OrganisationKey,
    data_dir,
    outbox,
    sshd,
)

WAIT = 30_000


def open_fetch(qtbot, programme_id: str = "ksz-diversiteit") -> tuple[ImportDialog, FetchDialog]:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(ORG, "nl")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.programme.setCurrentIndex(dialog.programme.findData(programme_id))
    dialog.year.setValue(2025)
    assert dialog.fetch_button.isVisible()
    dialog.fetch_button.click()
    fetch = dialog.fetch_dialog
    assert fetch is not None
    qtbot.waitUntil(fetch.isVisible, timeout=WAIT)
    return dialog, fetch


def test_the_option_is_offered_only_where_the_programme_offers_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    translations = Translations()
    translations.install("nl")
    try:
        dialog = ImportDialog(ORG, "nl")
        qtbot.addWidget(dialog)
        dialog.show()
        shown = {}
        for index in range(dialog.programme.count()):
            dialog.programme.setCurrentIndex(index)
            shown[dialog.programme.currentData()] = dialog.fetch_button.isVisible()
        assert shown == {
            "cbs-barometer-algemeen": False,
            "cbs-barometer-ingezoomd": False,
            "ksz-diversiteit": True,
        }
        # in the officer's language, with its own mnemonic
        assert dialog.fetch_button.text() == "&Ophalen van de SFTP-server van de instantie…"
    finally:
        translations.install("en")


def test_an_unknown_key_refused_keeps_nothing_and_confirmed_fetches_and_imports(
    qtbot,
    sshd: Sshd,  # noqa: F811 (fixture)
    outbox: Path,  # noqa: F811 (fixture)
) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(SAMPLE, outbox / "tabellen-2025.csv")
    dialog, fetch = open_fetch(qtbot)
    fetch.address.setText(f"sftp://{sshd.user}@127.0.0.1:{sshd.port}{outbox}")
    fetch.key_file.setText(str(sshd.user_key.private_file))
    fetch.fetch_button.click()
    assert fetch.worker is not None  # on a worker: the dialog answers meanwhile
    qtbot.waitUntil(lambda: fetch.host_key_dialog is not None, timeout=WAIT)
    asked = fetch.host_key_dialog
    assert asked.fingerprint.text() == sshd.host_key.fingerprint
    assert "127.0.0.1" in asked.text.text()
    asked.refuse_button.click()
    qtbot.waitUntil(lambda: fetch.worker is None, timeout=WAIT)
    assert fetch.isVisible()
    assert sshd.host_key.fingerprint in fetch.message.text()
    assert load_history(ORG) == ()
    assert remembered_host_key("127.0.0.1", sshd.port) is None
    assert list(fetch.scratch.iterdir()) == []

    fetch.fetch_button.click()
    qtbot.waitUntil(lambda: fetch.host_key_dialog is not None, timeout=WAIT)
    fetch.host_key_dialog.confirm_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
    assert dialog.stored is not None
    assert dialog.stored.result.source_name == "tabellen-2025.csv"
    (kept,) = load_history(ORG)
    assert kept.table("Afdeling").rows[0].value("belgisch").count == 231
    assert remembered_host_key("127.0.0.1", sshd.port) == sshd.host_key.fingerprint
    assert not fetch.scratch.exists()  # the fetched file is gone with the dialog


def test_a_gpg_is_fetched_once_and_opened_with_the_passphrase_asked_for(
    qtbot,
    sshd: Sshd,  # noqa: F811 (fixture)
    outbox: Path,  # noqa: F811 (fixture)
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.submission import openpgp_key_folder

    key = OrganisationKey(tmp_path)
    try:
        key.encrypt(SAMPLE, outbox / "tabellen-2025.csv.gpg")
    finally:
        key.close()
    shutil.copytree(key.folder, openpgp_key_folder(ORG))  # the organisation's own key
    asked: list[str] = []

    def ask(parent, mode, *, kind, language):  # type: ignore[no-untyped-def]
        asked.append(f"{mode} {kind}")
        return key.passphrase

    monkeypatch.setattr(results_fetch, "ask_passphrase", ask)
    dialog, fetch = open_fetch(qtbot)
    fetch.address.setText(f"sftp://{sshd.user}@127.0.0.1:{sshd.port}{outbox}/tabellen-2025.csv.gpg")
    fetch.key_file.setText(str(sshd.user_key.private_file))
    fetch.host_key.setText(sshd.host_key.fingerprint)  # given: no question
    fetch.fetch_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
    assert fetch.host_key_dialog is None
    assert asked == ["open openpgp"]
    (kept,) = load_history(ORG)
    assert kept.source_name == "tabellen-2025.csv"
    assert kept.table("Afdeling").rows[0].value("belgisch").count == 231
