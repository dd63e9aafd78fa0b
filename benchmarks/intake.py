"""Intake speed and memory: our `check` (read + map + validate) beside calamine's raw parse and
pandas+openpyxl on the same file, all measured in the same run.

    .venv/bin/python benchmarks/intake.py                 # 200k-row xlsx and 1M-row csv, 3 repeats
    .venv/bin/python benchmarks/intake.py --rows 20000 --csv-rows 100000 --repeat 1   # quick look
    .venv/bin/python benchmarks/intake.py --forms      # also prefixed elements, cells without r
    git worktree add /tmp/base bc9e7c4 && .venv/bin/python benchmarks/intake.py --against /tmp/base
        # also our `check` as another checkout had it, alternating with today's in the same run

Every measurement runs in a fresh child process: the time is the work inside the child (after
imports), the memory is the child's peak resident set. Machines here are noisy: read the medians
and the ratios, not single figures. Targets (2 cores): xlsx check, its sheet pre-check included,
<= 1.5x calamine's raw parse and >= 5x faster than pandas+openpyxl; 1M-row csv check < 6 s; peak
< 1.5 GB for 1M rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "benchmarks" / "out"
PEILDATUM = dt.date(2026, 1, 1)


def make_xlsx(path: Path, rows: int) -> None:
    from desktop_app.demo_data import write_large_workbook

    write_large_workbook(path, rows, seed=1)


def make_csv(path: Path, rows: int) -> None:
    from desktop_app.demo_data import HEADERS, StaffOptions, staff_rows

    with path.open("w", encoding="cp1252", errors="replace", newline="") as stream:
        stream.write(";".join(HEADERS) + "\r\n")
        for row in staff_rows(StaffOptions(n=rows, seed=2)):
            cells = []
            for value in row:
                if isinstance(value, dt.date):
                    cells.append(value.strftime("%d-%m-%Y"))
                elif isinstance(value, float):
                    cells.append(f"{value}".replace(".", ","))
                elif value is None:
                    cells.append("")
                else:
                    cells.append(str(value))
            stream.write(";".join(cells) + "\r\n")


def rewritten(source: Path, target: Path, form: str) -> None:
    """The same workbook with its sheet XML as other writers put it: ``prefixed`` (every element
    as ``<x:c>``, as the .NET Open XML SDK writes it) or ``no-r`` (cells without their ``r``
    reference, as Power BI, Dynamics and SpreadJS exports do)."""
    import re
    import zipfile

    with (
        zipfile.ZipFile(source) as archive,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename.startswith("xl/worksheets/"):
                if form == "prefixed":
                    data = re.sub(rb"<(/?)([A-Za-z])", rb"<\1x:\2", data)
                    data = data.replace(b'<x:worksheet xmlns="', b'<x:worksheet xmlns:x="', 1)
                else:
                    data = re.sub(rb'<c r="[A-Z]+[0-9]+"', b"<c", data)
            out.writestr(info, data)


def child(kind: str, path: str) -> None:
    """Runs in the child: import, then time only the work."""
    if kind == "check":
        from desktop_app.check import CheckOptions, run_check

        options = CheckOptions(
            "cbs-barometer-ingezoomd", breakdowns=("Afdeling",), peildatum=PEILDATUM
        )
        started = time.perf_counter()
        result = run_check(Path(path), options)
        rows = result.table.n_rows
    elif kind == "calamine":
        from python_calamine import CalamineWorkbook

        started = time.perf_counter()
        rows = len(
            CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python(skip_empty_area=False)
        )
    elif kind == "pandas-openpyxl":
        import pandas as pd

        started = time.perf_counter()
        rows = len(pd.read_excel(path, engine="openpyxl", dtype=str))
    elif kind == "pandas-csv":
        import pandas as pd

        started = time.perf_counter()
        rows = len(pd.read_csv(path, sep=";", dtype=str, encoding="cp1252", keep_default_na=False))
    else:
        raise SystemExit(f"unknown kind {kind}")
    print(json.dumps({"seconds": time.perf_counter() - started, "rows": rows}))


AGAINST: Path | None = None  # another checkout whose `check` is timed as "check@base"


def measure(kind: str, path: Path) -> tuple[float, float, int]:
    """(seconds of work, peak RSS in MB, rows) from one child process."""
    script, env = Path(__file__), None
    if kind.endswith("@base"):
        assert AGAINST is not None
        kind, script = kind.removesuffix("@base"), AGAINST / "benchmarks" / "intake.py"
        env = {**os.environ, "PYTHONPATH": str(AGAINST)}
    process = subprocess.Popen(
        [sys.executable, str(script), "--child", kind, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=script.parent.parent,
    )
    _, status, usage = os.wait4(process.pid, 0)
    output = process.stdout.read()
    process.stdout.close()
    if status != 0:
        raise SystemExit(f"{kind} failed on {path}")
    report = json.loads(output)
    peak_mb = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return report["seconds"], peak_mb, report["rows"]


def run(kinds: list[tuple[str, int]], path: Path, baseline: str) -> None:
    kinds = [(kind, repeat) for kind, repeat in kinds if repeat > 0]  # --pandas-repeat 0: skipped
    results = {}
    # rounds alternate between the measurements, so a noisy minute falls on all of them alike
    taken: dict[str, list[tuple[float, float, int]]] = {kind: [] for kind, _ in kinds}
    for round_number in range(max(repeat for _, repeat in kinds)):
        for kind, repeat in kinds:
            if round_number < repeat:
                taken[kind].append(measure(kind, path))
    for kind, repeat in kinds:
        samples = taken[kind]
        seconds = [s for s, _, _ in samples]
        results[kind] = (
            statistics.median(seconds),
            min(seconds),
            max(seconds),
            max(m for _, m, _ in samples),
            samples[0][2],
            repeat,
        )
    base = results[baseline][0]
    print(f"\n{path.name} ({path.stat().st_size / 1e6:.1f} MB)")
    print(
        f"  {'measurement':<18}{'median s':>10}{'min':>8}{'max':>8}{'peak MB':>10}{'rows':>10}"
        f"{'runs':>6}{'vs ' + baseline:>18}"
    )
    for kind, (median, low, high, peak, rows, repeat) in results.items():
        print(
            f"  {kind:<18}{median:>10.2f}{low:>8.2f}{high:>8.2f}{peak:>10.0f}{rows:>10}{repeat:>6}"
            f"{median / base:>17.2f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--csv-rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pandas-repeat", type=int, default=1, help="pandas+openpyxl is slow")
    parser.add_argument(
        "--against",
        type=Path,
        metavar="CHECKOUT",
        help="also time `check` from this checkout of the project (check@base), same run",
    )
    parser.add_argument(
        "--forms",
        action="store_true",
        help="also the xlsx with prefixed elements and with cells without r (other writers' forms)",
    )
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--rewrite", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    global AGAINST  # noqa: PLW0603 - set once from the command line
    AGAINST = args.against.resolve() if args.against else None
    base_checks = [("check@base", args.repeat)] if AGAINST else []
    if args.child:
        child(*args.child)
        return
    if args.rewrite:
        form, source, target = args.rewrite
        rewritten(Path(source), Path(target), form)
        return
    OUT.mkdir(exist_ok=True)
    xlsx = OUT / f"staff-{args.rows}.xlsx"
    csv = OUT / f"staff-{args.csv_rows}.csv"
    for path, maker, n in ((xlsx, make_xlsx, args.rows), (csv, make_csv, args.csv_rows)):
        if not path.exists():
            print(f"generating {path.name} ...", flush=True)
            maker(path, n)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus")
    run(
        [
            ("calamine", args.repeat),
            ("check", args.repeat),
            *base_checks,
            ("pandas-openpyxl", args.pandas_repeat),
        ],
        xlsx,
        "calamine",
    )
    if args.forms:
        for form in ("prefixed", "no-r"):
            variant = OUT / f"staff-{args.rows}-{form}.xlsx"
            if not variant.exists():  # in a child: the parent stays small, and a child's peak
                # (ru_maxrss) counts from the parent's size at the fork
                print(f"writing {variant.name} ...", flush=True)
                subprocess.run(
                    [sys.executable, __file__, "--rewrite", form, str(xlsx), str(variant)],
                    check=True,
                )
            run(
                [("calamine", args.repeat), ("check", args.repeat), *base_checks],
                variant,
                "calamine",
            )
    run([("pandas-csv", args.repeat), ("check", args.repeat), *base_checks], csv, "pandas-csv")


if __name__ == "__main__":
    main()
