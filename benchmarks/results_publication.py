"""The publication check's speed on one breakdown of 5 to 40 departments, same run.

    .venv/bin/python benchmarks/results_publication.py [--repeat 3]

Generated table sets (seeded): departments of 30 to 300 persons, Europa 2-15% and Buiten-Europa
2-20%, cells under 5 persons suppressed by the office, the total published; threshold 10. Printed
per size: the median seconds of the findings alone (``propose=False``: one audit of the pattern,
the baseline) and of the whole check with its proposals (further suppressions and coarser
groupings, each checked again), their ratio, and the findings per run. The machine is shared:
read medians. Target: 40 departments under 5 s with proposals (the results window runs the
check when the officer picks a year).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from desktop_app.results.model import GroupValue, ResultRow, ResultSet, ResultTable, SizeInterval
from desktop_app.results.publication import check_publication

GROUPS = ("nederland", "europa", "buiten-europa")


def table_set(departments: int, seed: int) -> ResultSet:
    rnd = random.Random(seed)
    rows = []
    totals = [0, 0, 0]
    people = 0
    for number in range(departments):
        size = rnd.randint(30, 300)
        europa, buiten = rnd.uniform(2, 15), rnd.uniform(2, 20)
        shares = (100 - europa - buiten, europa, buiten)
        counts = [round(size * s / 100) for s in shares]
        size = sum(counts)
        people += size
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        values = tuple(
            GroupValue(g, None if c < 5 else round(100 * c / size, 1), suppressed=c < 5)
            for g, c in zip(GROUPS, counts, strict=True)
        )
        rows.append(
            ResultRow(
                f"Afdeling {number}", False, size, SizeInterval(size - 5, size + 5), values, 0
            )
        )
    total = tuple(
        GroupValue(g, round(100 * t / people, 1)) for g, t in zip(GROUPS, totals, strict=True)
    )
    rows.insert(
        0, ResultRow("Totaal", True, people, SizeInterval(people - 5, people + 5), total, 0)
    )
    return ResultSet(
        "cbs-barometer-ingezoomd",
        "person",
        "percentages",
        "herkomst",
        GROUPS,
        "generated",
        "",
        (ResultTable("Afdeling", "Afdeling", tuple(rows)),),
        year=2025,
    )


def timed(result: ResultSet, propose: bool) -> tuple[float, int]:
    start = time.perf_counter()
    check = check_publication(result, threshold=10, propose=propose)
    return time.perf_counter() - start, len(check.findings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        f"{'departments':>11} {'findings s':>10} {'with proposals s':>16} {'ratio':>6} {'findings':>8}"
    )
    for departments in (5, 10, 20, 40):
        bare, full, found = [], [], []
        for seed in range(args.repeat):
            result = table_set(departments, seed)
            bare.append(timed(result, False)[0])
            seconds, count = timed(result, True)
            full.append(seconds)
            found.append(count)
        low, high = statistics.median(bare), statistics.median(full)
        print(
            f"{departments:>11} {low:>10.2f} {high:>16.2f} {high / low:>6.1f} "
            f"{statistics.median(found):>8.0f}"
        )


if __name__ == "__main__":
    main()
