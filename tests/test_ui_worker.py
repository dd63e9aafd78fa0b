"""Workers: long work runs off the GUI thread, reports progress, can be cancelled, and the window
keeps answering while a 200,000-row file is read and checked."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import threading
import time

import pytest
from PySide6.QtCore import QTimer

from desktop_app.demo_data import write_large_workbook
from desktop_app.profiles import load_programme_by_id
from desktop_app.ui.jobs import check_job, read_job
from desktop_app.ui.workers import Worker, WorkerManager

GAP_LIMIT_S = 0.5  # see the note in test_the_window_keeps_answering...


@pytest.fixture(autouse=True)
def collect_while_qt_lives():
    """Free finished workers and their signal objects while the QApplication still exists."""
    yield
    gc.collect()


def test_a_worker_reports_progress_and_its_result_off_the_gui_thread(qtbot):
    manager = WorkerManager()
    threads = []

    def job(worker, a, b):
        threads.append(threading.get_ident())
        worker.progress(50, "half")
        return a + b

    worker = Worker(job, 2, 3)
    progress, results = [], []
    worker.signals.progress.connect(lambda p, t: progress.append((p, t)))
    worker.signals.result.connect(results.append)
    with qtbot.waitSignal(worker.signals.finished, timeout=5000):
        manager.start(worker)
    assert results == [5]
    assert progress == [(50, "half")]
    assert threads[0] != threading.get_ident()
    qtbot.waitUntil(lambda: not manager.busy)


def test_a_failure_arrives_as_a_signal(qtbot):
    manager = WorkerManager()

    def job(worker):
        raise ValueError("broken")

    worker = Worker(job)
    failures = []
    worker.signals.failed.connect(failures.append)
    with qtbot.waitSignal(worker.signals.finished, timeout=5000):
        manager.start(worker)
    assert isinstance(failures[0], ValueError)


def test_a_cancelled_worker_stops_at_the_next_step_and_drops_its_result(qtbot):
    manager = WorkerManager()
    started = threading.Event()
    release = threading.Event()
    steps = []

    def job(worker):
        started.set()
        release.wait(5)
        worker.check_cancelled()
        steps.append("after cancel point")
        return "result"

    worker = Worker(job)
    results = []
    worker.signals.result.connect(results.append)
    manager.start(worker)
    assert started.wait(5)
    with qtbot.waitSignal(worker.signals.finished, timeout=5000):
        worker.cancel()
        release.set()
    assert results == []
    assert steps == []


def largest_gap_while(qtbot, manager: WorkerManager, worker: Worker, timeout_ms: int) -> float:
    """Start ``worker`` and probe the event loop every 10 ms until it finishes: the largest gap."""
    stamps = [time.perf_counter()]
    probe = QTimer()
    probe.setInterval(10)
    probe.timeout.connect(lambda: stamps.append(time.perf_counter()))
    probe.start()
    with qtbot.waitSignal(worker.signals.finished, timeout=timeout_ms):
        manager.start(worker)
    probe.stop()
    return max(b - a for a, b in itertools.pairwise(stamps))


@pytest.mark.slow
def test_the_window_keeps_answering_while_200000_rows_are_read_and_checked(qtbot, tmp_path):
    """The figure benchmarks/ui_responsiveness.py prints (target 100 ms); the limit here is loose
    because CI machines are noisy.

    Gaps come from C calls that hold the GIL: python-calamine's ``to_python`` held it ~0.3 s, so
    intake builds the rows in a Python loop over ``iter_rows()`` and transposes them in slices.
    """
    path = tmp_path / "big.xlsx"
    write_large_workbook(path, 200_000)
    programme = load_programme_by_id("cbs-barometer-ingezoomd")
    manager = WorkerManager()

    reading = Worker(read_job, path, programme)
    outcomes = []
    reading.signals.result.connect(outcomes.append)
    read_gap = largest_gap_while(qtbot, manager, reading, 120_000)
    table = outcomes[0].table
    assert table.n_rows == 200_000

    from desktop_app.mapping.suggest import suggest_mapping

    mapping, _s, _p = suggest_mapping(
        table.headers, programme, ["Afdeling"], table.sheet, table.header_row
    )
    checking = Worker(check_job, table, programme, mapping, dt.date(2026, 1, 1), {})
    results = []
    checking.signals.result.connect(results.append)
    check_gap = largest_gap_while(qtbot, manager, checking, 120_000)
    assert results[0].validation.included.sum() > 190_000
    print(
        f"largest event-loop gap: reading {read_gap * 1000:.0f} ms, checking {check_gap * 1000:.0f} ms"
    )
    assert read_gap < GAP_LIMIT_S
    assert check_gap < GAP_LIMIT_S
