"""A panic inside a Rust extension (calamine, cryptography, pysequoia) reaches Python as pyo3's
``PanicException``, a BaseException that ``except Exception`` lets through. It must end like any
other failure: the intake refuses the file in a sentence (its words, which may quote the file, not
shown), the pieces fall back to the one parse, a wizard job reports it, and the command line ends
in a sentence and exit 2, never a traceback. The class cannot be imported (pyo3 makes it on the
first panic), so the tests make one of the same name and module, as the product recognises it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import python_calamine
from test_intake_refusals import good_xlsx

from desktop_app.cli import main
from desktop_app.errors import failure_to_report, is_rust_panic
from desktop_app.intake import read_table, sheet_pieces
from tests.intake_helpers import refused

PanicException = type("PanicException", (BaseException,), {"__module__": "pyo3_runtime"})
SECRET = "Jansen 123456782"  # what a panic's words might quote from the file


def panicking(*args: object, **kwargs: object) -> None:
    raise PanicException(f"called `Option::unwrap()` on a `None` value near {SECRET}")


def test_a_panic_is_told_apart_from_what_must_go_on() -> None:
    assert is_rust_panic(PanicException("x"))
    assert failure_to_report(PanicException("x"))
    assert failure_to_report(ValueError("x"))
    assert not is_rust_panic(type("PanicException", (BaseException,), {})("other module"))
    for going_on in (KeyboardInterrupt(), SystemExit(0), GeneratorExit()):
        assert not failure_to_report(going_on)


@pytest.mark.parametrize("where", ["open", "sheet"])
def test_a_panic_in_calamine_is_a_refusal_that_quotes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    if where == "open":
        monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", panicking)
    else:
        monkeypatch.setattr(python_calamine.CalamineWorkbook, "get_sheet_by_name", panicking)
    error = refused(good_xlsx(tmp_path / "personeel.xlsx"), "intake.could-not-read")
    for language in ("nl", "en", "fr"):
        assert SECRET not in error.render(language)
        assert "PanicException" in error.render(language)


def test_a_panic_in_a_piece_falls_back_to_the_one_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.demo_data import write_large_workbook

    path = write_large_workbook(tmp_path / "staff.xlsx", 1_500, seed=5)
    monkeypatch.setattr(sheet_pieces, "MIN_SHEET_BYTES", 0)
    monkeypatch.setattr(sheet_pieces, "parse_workers", lambda: 2)
    whole = read_table(path)
    calls = []

    def panics_once_in_a_worker(*args: object) -> object:
        calls.append(1)
        raise PanicException("index out of bounds")

    monkeypatch.setattr(sheet_pieces, "_read_piece", panics_once_in_a_worker)
    table = read_table(path)  # the pieces gave None: read in one go
    assert calls
    assert [c.tolist() for c in table.columns] == [c.tolist() for c in whole.columns]


def test_a_panic_ends_the_command_in_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    import desktop_app.check

    monkeypatch.setattr(desktop_app.check, "run_check", panicking)
    source = good_xlsx(tmp_path / "personeel.xlsx")
    code = main(["--lang", "en", "check", str(source), "--programme", "cbs-barometer-ingezoomd"])
    out, err = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in err + out
    assert SECRET not in err + out
    assert "PanicException" in err


def test_a_panic_in_a_wizard_job_is_reported_to_the_page(qtbot) -> None:
    from desktop_app.ui.workers import Worker, WorkerManager

    manager = WorkerManager()
    worker = Worker(lambda _worker: panicking())
    failures = []
    worker.signals.failed.connect(failures.append)
    with qtbot.waitSignal(worker.signals.finished, timeout=5000):
        manager.start(worker)
    assert len(failures) == 1
    assert is_rust_panic(failures[0])
