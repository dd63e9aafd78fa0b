"""The officer's whole way timed: the wizard (offscreen) from the file chosen to the safe-categories
page showing its verdict, beside the command line's `check` and `tables` on the same file, all in
the same run.

    .venv/bin/python benchmarks/wizard_way.py                    # 200,000 rows, 3 rounds
    .venv/bin/python benchmarks/wizard_way.py --rows 20000 --repeat 1   # quick look

What is timed, each in a fresh child process after its imports (Qt's start-up and the window's
first paint are not the officer's wait):

- ``wizard``: Next on the organisation page (the file page then reads the draft's file, as after
  choosing it), Next to the mapping (the saved mapping, with ``Afdeling`` as breakdown), Next to
  the checks (validation runs in its worker), the warnings acknowledged, Next to the safe
  categories, until the page's table preview (breakdown x sex, secondary suppression and LP audit)
  shows its verdict. Clicks cost nothing here: the figure is the work and the event loop;
- ``check``: ``diversity-assistant check FILE --mapping M --json`` (``main()`` in process);
- ``tables``: ``diversity-assistant tables FILE --mapping M --by Afdeling,sex --json``, the table the
  categories page previews.

Rounds alternate the three, so a noisy minute falls on all alike; medians and ratios are printed.
Target (issue 17): the wizard's way within 1.5x of `check` plus `tables`.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROGRAMME = "cbs-barometer-ingezoomd"
PEILDATUM = dt.date(2026, 1, 1)
BREAKDOWN = "Afdeling"
WAIT_SECONDS = 600.0


def prepare(rows: int) -> tuple[Path, Path, Path]:
    """The workbook, a saved mapping that fits it and a draft (the demo's choices, this file)."""
    from dataclasses import replace

    from benchmarks.intake import OUT
    from desktop_app.demo_data import write_large_workbook
    from desktop_app.draft import SourceFile, save_draft
    from desktop_app.intake import read_table
    from desktop_app.mapping.store import save_mapping
    from desktop_app.mapping.suggest import suggest_mapping
    from desktop_app.profiles import load_programme_by_id
    from desktop_app.ui.app import demo_draft

    OUT.mkdir(exist_ok=True)
    workbook = OUT / f"staff-{rows}.xlsx"
    if not workbook.exists():
        print(f"generating {workbook.name} ...", flush=True)
        write_large_workbook(workbook, rows, seed=1)
    table = read_table(workbook)
    programme = load_programme_by_id(PROGRAMME)
    mapping, _, _ = suggest_mapping(
        table.headers, programme, [BREAKDOWN], table.sheet, table.header_row
    )
    mapping_path = OUT / f"wizard-way-{rows}.mapping.json"
    save_mapping(mapping, mapping_path)
    draft = demo_draft()
    draft.source = SourceFile(path=workbook, sheet=table.sheet, header_row=table.header_row)
    draft.mapping = mapping
    draft.peildatum = PEILDATUM
    draft.categories = replace(draft.categories, merges={})
    draft_path = OUT / f"wizard-way-{rows}.draft.json"
    save_draft(draft, draft_path)
    return workbook, mapping_path, draft_path


# -- children ---------------------------------------------------------------------------------------


def child_cli(kind: str, workbook: str, mapping: str) -> None:
    from desktop_app.cli import main

    arguments = [kind, workbook, "--programme", PROGRAMME, "--mapping", mapping]
    arguments += ["--peildatum", PEILDATUM.isoformat(), "--json"]
    if kind == "tables":
        arguments += ["--by", f"{BREAKDOWN},sex"]
    sink = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(sink):
        code = main(arguments)
    seconds = time.perf_counter() - started
    if code not in (0, 1):  # 1: findings or a failed audit, still a whole run
        raise SystemExit(f"{kind} exited {code}")
    print(json.dumps({"seconds": seconds}))


def child_wizard(draft_path: str, appdata: str) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["DIVERSITY_ASSISTANT_DATA_DIR"] = appdata
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QWizard

    from desktop_app.draft import load_draft
    from desktop_app.ui.app import create_wizard
    from desktop_app.ui.routes import PageId

    wizard = create_wizard(load_draft(Path(draft_path)), None, "nl")
    wizard.resize(1100, 760)
    wizard.show()

    def wait_until(condition, what: str) -> None:
        deadline = time.perf_counter() + WAIT_SECONDS
        while not condition():
            if time.perf_counter() > deadline:
                raise SystemExit(f"the wizard did not reach {what}")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    def go(expected: PageId) -> None:
        if not wizard.button(QWizard.WizardButton.NextButton).isEnabled():
            raise SystemExit(f"Next disabled on page {wizard.currentId()}")
        wizard.next()
        if wizard.currentId() != expected:
            raise SystemExit(f"on page {wizard.currentId()}, expected {expected}")

    go(PageId.CHECKLIST)
    go(PageId.ORGANISATION)
    wait_until(lambda: True, "the organisation page")
    started = time.perf_counter()
    go(PageId.FILE)
    page = wizard.currentPage()
    wait_until(lambda: page.session.table is not None and not page.running, "the file read")
    read = time.perf_counter()
    go(PageId.MAPPING)
    go(PageId.VALIDATION)
    page = wizard.currentPage()
    wait_until(lambda: page.session.validation is not None and not page.running, "the checks")
    checked = time.perf_counter()
    if not wizard.button(QWizard.WizardButton.NextButton).isEnabled():
        page.acknowledge.setChecked(True)
    go(PageId.CATEGORIES)
    page = wizard.currentPage()
    preview = page.preview
    wait_until(lambda: preview.tables is not None and not page.running, "the categories verdict")
    done = time.perf_counter()
    print(
        json.dumps(
            {
                "seconds": done - started,
                "read": read - started,
                "checks": checked - read,
                "categories": done - checked,
                "passed": bool(preview.tables.passed),
            }
        )
    )
    wizard.close()


def measure(arguments: list[str]) -> dict:
    output = subprocess.run(
        [sys.executable, str(Path(__file__)), "--child", *arguments],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "wizard":
            child_wizard(*rest)
        else:
            child_cli(kind, *rest)
        return

    import tempfile

    workbook, mapping, draft = prepare(args.rows)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, {workbook.name}")
    taken: dict[str, list[dict]] = {"check": [], "tables": [], "wizard": []}
    with tempfile.TemporaryDirectory(prefix="wizard-way-") as appdata:
        for _ in range(args.repeat):
            taken["check"].append(measure(["check", str(workbook), str(mapping)]))
            taken["tables"].append(measure(["tables", str(workbook), str(mapping)]))
            taken["wizard"].append(measure(["wizard", str(draft), appdata]))
    median = {kind: statistics.median(r["seconds"] for r in runs) for kind, runs in taken.items()}
    both = median["check"] + median["tables"]
    print(f"  {'measurement':<28}{'median s':>10}{'min':>8}{'max':>8}{'runs':>6}")
    for kind, runs in taken.items():
        seconds = [r["seconds"] for r in runs]
        print(
            f"  {kind:<28}{median[kind]:>10.2f}{min(seconds):>8.2f}{max(seconds):>8.2f}"
            f"{len(runs):>6}"
        )
    for part in ("read", "checks", "categories"):
        print(f"    wizard: {part:<18}{statistics.median(r[part] for r in taken['wizard']):>10.2f}")
    print(f"  wizard / check          {median['wizard'] / median['check']:>6.2f}x")
    print(f"  wizard / (check+tables) {median['wizard'] / both:>6.2f}x   (target <= 1.5x)")
    verdicts = {r["passed"] for r in taken["wizard"]}
    print(f"  categories verdict: {'passed' if verdicts == {True} else 'not passed'} (as read)")


if __name__ == "__main__":
    main()
