"""The results window (pytest-qt, offscreen): opened on an organisation's kept results, it shows
per year and breakdown the stacked bars (total, subgroups, a typed-in benchmark) as the core drew
them, two years of a subgroup with the chance verdict, the publication check; a file imported from
the window is kept and shown; a broken file says where; the report saved from the window is a PDF
with its tables and charts. Screenshots go to DIVERSITY_ASSISTANT_SHOTS when set."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from desktop_app.profiles import load_programme_by_id
from desktop_app.results import import_results
from desktop_app.ui.i18n import Translations
from desktop_app.ui.pages.results import ResultsWindow
from desktop_app.ui.widgets.results_import import ImportDialog
from tests.test_results import cbs_book, ingezoomd_2024, ingezoomd_2025

ORG = "rsin-123456782"
INGEZOOMD = load_programme_by_id("cbs-barometer-ingezoomd")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(folder))
    return folder


def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    folder = os.environ.get("DIVERSITY_ASSISTANT_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def test_the_window_shows_bars_years_and_the_check(qtbot, tmp_path: Path) -> None:
    import_results(ingezoomd_2024(tmp_path / "2024.xlsx"), INGEZOOMD, 2024, ORG)
    import_results(ingezoomd_2025(tmp_path / "2025.xlsx"), INGEZOOMD, 2025, ORG)
    window = ResultsWindow(ORG, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.empty.isVisible()
    # the newest year first, its breakdown's bars as the core described them
    assert window.set_choice.currentText().startswith("2025 – ")
    assert window.breakdown_choice.currentText() == "Afdeling"
    described = window.bar_chart.accessibleDescription()
    assert described.startswith("Totaal: Netherlands 78.2%")
    assert "Staf en bestuur: Netherlands 79.6%, Europe (excluding the Netherlands) ." in described
    assert window.bar_chart.height() > 100
    # a typed-in benchmark is drawn beside them
    panel = window.benchmark_panel
    for group, value in zip(
        ("nederland", "europa", "buiten-europa"), (74.9, 10.3, 14.8), strict=True
    ):
        panel.spins[group].setValue(value)
    panel.label_edit.setText("Employees in the Netherlands")
    panel.apply_button.click()
    assert (
        "Employees in the Netherlands: Netherlands 74.9%"
        in window.bar_chart.accessibleDescription()
    )
    # a benchmark that does not add up is refused beside the fields
    panel.spins["nederland"].setValue(50.0)
    panel.apply_button.click()
    assert panel.message.isVisible()
    assert "add up to 75.1" in panel.message.text()
    # year over year: the total of the breakdown, two years, the verdicts in words
    window.subgroup_choice.setCurrentText("Totaal")
    assert len(window.line_charts) == 1
    verdicts = window.verdicts.text()
    assert (
        "Netherlands: 78.5% (2024) → 78.2% (2025): within what chance explains, no trend"
        in verdicts
    )
    assert (
        "Outside Europe: 7.0% (2024) → 12.7% (2025): a change larger than chance explains"
        in verdicts
    )
    # the publication check of the chosen year, run on a worker
    qtbot.waitUntil(lambda: not window.checking, timeout=60_000)
    check = window.check_text.text()
    assert check.startswith("Publication check 2025 (threshold: 10 persons)")
    assert "Staf en bestuur" in check
    assert "can be worked back" in check
    window.resize(900, 1400)
    qtbot.wait(50)
    shot(window, "results-window")
    # the older year: another table, its check passes
    window.set_choice.setCurrentIndex(1)
    assert window.set_choice.currentText().startswith("2024 – ")
    qtbot.waitUntil(lambda: not window.checking, timeout=60_000)
    assert "No findings" in window.check_text.text()


def test_importing_from_the_window_and_saving_the_report(qtbot, tmp_path: Path) -> None:
    translations = Translations()
    translations.install("nl")
    try:
        window = ResultsWindow(ORG, "nl")
        qtbot.addWidget(window)
        window.show()
        assert window.empty.isVisible()
        assert not window.report_button.isVisible()
        dialog = ImportDialog(ORG, "nl", window)
        qtbot.addWidget(dialog)
        dialog.show()
        # a broken file: the located message stays in the dialog
        broken = cbs_book(
            tmp_path / "broken.xlsx",
            {"Afdeling": [["Totaal", 1240, "78,2", "veel", "12,7"]]},
        )
        dialog.path.setText(str(broken))
        dialog.year.setValue(2025)
        dialog.import_button.click()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.message.isVisible()
        assert "Afdeling" in dialog.message.text()
        assert "veel" in dialog.message.text()
        # the office's file: kept, the window shows it
        dialog.path.setText(str(ingezoomd_2025(tmp_path / "2025.xlsx")))
        dialog.import_button.click()
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert dialog.stored is not None
        window.imported(dialog.stored.path)
        assert window.set_choice.count() == 1
        assert window.report_button.isVisible()
        assert "78,2" in window.bar_chart.accessibleDescription()  # Dutch decimal comma
        assert "Eén jaar" in window.verdicts.text() or "één jaar" in window.verdicts.text()
        # the report from the window: the PDF, the tables and the charts
        window.save_report(tmp_path / "out" / "resultaten.pdf")
        qtbot.waitUntil(lambda: not window.saving, timeout=60_000)
        pdf = window.saved_report
        assert pdf is not None
        assert pdf.is_file()
        assert pdf.with_name("resultaten.tables.xlsx").is_file()
        assert sorted(p.suffix for p in (tmp_path / "out" / "resultaten.charts").iterdir())[:1] == [
            ".png"
        ]
        if shutil.which("pdftotext") is None:
            pytest.fail("pdftotext is missing: run tests/setup-system.sh (poppler-utils)")
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Publicatiecheck 2025" in " ".join(text.split())
        assert window.message.isVisible()
        assert "resultaten.pdf" in window.message.text()
    finally:
        translations.install("en")


def test_the_report_is_built_on_a_worker_and_written_on_the_gui_thread(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report's content (the publication check of every year: seconds on many subgroups) is
    built off the GUI thread; the files are rendered (Qt) on it when that is done; the button is
    off meanwhile and a second click does nothing."""
    import threading

    import desktop_app.ui.pages.results as page

    import_results(ingezoomd_2024(tmp_path / "2024.xlsx"), INGEZOOMD, 2024, ORG)
    import_results(ingezoomd_2025(tmp_path / "2025.xlsx"), INGEZOOMD, 2025, ORG)
    threads: dict[str, bool] = {}
    release = threading.Event()
    real_build, real_write = page.build_report, page.write_results_report

    def build(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads["build on the GUI thread"] = threading.current_thread() is threading.main_thread()
        release.wait(30)  # the window is seen busy while this runs
        return real_build(*args, **kwargs)

    def write(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads["write on the GUI thread"] = threading.current_thread() is threading.main_thread()
        return real_write(*args, **kwargs)

    monkeypatch.setattr(page, "build_report", build)
    monkeypatch.setattr(page, "write_results_report", write)
    window = ResultsWindow(ORG, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.checking, timeout=60_000)
    target = tmp_path / "out" / "report.pdf"
    window.save_report(target)
    assert window.saving
    assert not window.report_button.isEnabled()
    assert window.message.text() == "Making the report…"
    qtbot.wait(100)  # the window keeps answering while the worker builds
    window.breakdown_choice.setCurrentIndex(0)
    assert window.saving
    assert not window.report_button.isEnabled()
    window.save_report(tmp_path / "other.pdf")  # a second click while busy: ignored
    release.set()
    qtbot.waitUntil(lambda: not window.saving, timeout=60_000)
    assert threads == {"build on the GUI thread": False, "write on the GUI thread": True}
    assert window.report_button.isEnabled()
    assert window.saved_report == target
    assert target.is_file()
    assert target.read_bytes().startswith(b"%PDF-")
    assert not (tmp_path / "other.pdf").exists()
    assert window.message.kind == "ok"
    assert "report.pdf" in window.message.text()
    # a failure on the worker is said in the window and the button comes back
    monkeypatch.setattr(page, "build_report", real_build)
    monkeypatch.setattr(
        page, "write_results_report", lambda *_a: (_ for _ in ()).throw(OSError("disk full"))
    )
    window.save_report(tmp_path / "full.pdf")
    qtbot.waitUntil(lambda: not window.saving, timeout=60_000)
    assert window.message.kind == "error"
    assert "disk full" in window.message.text()
    assert window.report_button.isEnabled()
    assert window.saved_report is None


def test_the_start_window_lists_results_and_opens_them(qtbot, tmp_path: Path) -> None:
    from types import SimpleNamespace

    from desktop_app.ui.pages.start import StartScreen

    empty = StartScreen(None, "en", journeys=[])
    qtbot.addWidget(empty)
    empty.show()
    assert empty.results_empty.isVisible()
    assert not empty.results_button.isEnabled()  # no organisation known yet
    import_results(ingezoomd_2025(tmp_path / "2025.xlsx"), INGEZOOMD, 2025, ORG)
    screen = StartScreen(None, "en", journeys=[])
    qtbot.addWidget(screen)
    screen.show()
    assert screen.results.count() == 1
    assert screen.results.item(0).text().startswith(f"{ORG}: 2025 – ")
    assert not screen.results_empty.isVisible()
    screen.results_button.click()
    window = screen.results_window
    assert isinstance(window, ResultsWindow)
    assert window.isVisible()
    assert window.organisation == ORG
    window.close()
    # a table set attached in a journey window: its results window, the import filled in
    attached = ingezoomd_2024(tmp_path / "2024.xlsx")
    journey = SimpleNamespace(organisation=ORG, year=2024, programme=INGEZOOMD)
    screen.import_table_set(attached, journey)  # type: ignore[arg-type]
    window = screen.results_window
    assert window is not None
    dialog = window.findChildren(ImportDialog)[-1]
    assert dialog.path.text() == str(attached)
    assert dialog.year.value() == 2024
    assert dialog.programme.currentData() == "cbs-barometer-ingezoomd"
    dialog.import_button.click()
    assert window.set_choice.count() == 2
    assert "Imported and kept" in window.message.text()


def test_a_ksz_gpg_imported_from_the_window_asks_for_the_passphrase(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pysequoia

    from desktop_app.crypto import openpgp
    from desktop_app.results import load_history
    from desktop_app.submission import openpgp_key_folder
    from desktop_app.ui.widgets import results_import

    organisation = "kbo-0123456749"
    key = openpgp.create_key(
        openpgp_key_folder(organisation),
        organisation,
        "Stad Voorbeeld",
        "hr@voorbeeld.be",
        passphrase="lang geheim wachtwoord",
        algorithm="cv25519",
    )
    plain = (
        Path(__file__).resolve().parent.parent / "resources/samples/results-ksz-2025.csv"
    ).read_bytes()
    encrypted = tmp_path / "tabellen-2025.csv.gpg"
    encrypted.write_bytes(pysequoia.encrypt(plain, recipients=[key.certificate], armor=False))
    asked: list[str] = []
    answers = iter([None, "lang geheim wachtwoord"])

    def ask(parent, mode, *, kind, language):  # type: ignore[no-untyped-def]
        asked.append(f"{mode} {kind}")
        return next(answers)

    monkeypatch.setattr(results_import, "ask_passphrase", ask)
    dialog = ImportDialog(organisation, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.prefill(encrypted, "ksz-diversiteit", 2025)
    dialog.import_button.click()  # cancelled at the passphrase: nothing kept, still open
    assert dialog.stored is None
    assert dialog.isVisible()
    dialog.import_button.click()
    assert asked == ["open openpgp", "open openpgp"]
    assert dialog.result() == QDialog.DialogCode.Accepted
    (kept,) = load_history(organisation)
    assert kept.source_name == "tabellen-2025.csv"
    assert kept.table("Afdeling").rows[0].value("belgisch").count == 231
    # encrypted to another key: a sentence in the dialog
    other = openpgp.generate_key("Iemand", "x@example.org", algorithm="cv25519")
    stranger = tmp_path / "ander.csv.gpg"
    stranger.write_bytes(pysequoia.encrypt(plain, recipients=[other.certificate], armor=False))
    again = ImportDialog(organisation, "en")
    qtbot.addWidget(again)
    again.show()
    again.prefill(stranger, "ksz-diversiteit", 2025)
    answers = iter(["lang geheim wachtwoord"])
    again.import_button.click()
    assert again.stored is None
    assert again.message.isVisible()
    assert "ander.csv.gpg" in again.message.text()


def test_a_check_that_ends_after_another_year_was_chosen_is_dropped(qtbot, tmp_path: Path) -> None:
    """The publication check runs on a worker; choosing another year while it runs shows that
    year's check, never the earlier one arriving late."""
    import_results(ingezoomd_2024(tmp_path / "2024.xlsx"), INGEZOOMD, 2024, ORG)
    import_results(ingezoomd_2025(tmp_path / "2025.xlsx"), INGEZOOMD, 2025, ORG)
    window = ResultsWindow(ORG, "en")
    qtbot.addWidget(window)
    window.show()
    assert window.checking  # 2025's check started with the window
    window.set_choice.setCurrentIndex(1)  # 2024, at once
    qtbot.waitUntil(lambda: not window.checking, timeout=60_000)
    qtbot.wait(200)  # 2025's worker has ended too; its result must not replace 2024's
    text = window.check_text.text()
    assert text.startswith("Publication check 2024"), text
    assert "No findings" in text
