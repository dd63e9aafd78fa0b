"""Chance, not trend: is a group's change in share between two years within what chance explains?

A share of a small group moves from year to year by chance alone (who joined, who left). For each
year the share's 95% Wilson score interval is taken, made conservative: the share is widened by
half its rounding step (a published 12.3 is anything from 12.25 to 12.35) and the interval is
taken at both ends of the group size's interval (rounding, unmatched staff), keeping the widest.
When the two years' intervals overlap the change is within chance; only when they do not is it
reported as a change. Overlapping intervals are a deliberately cautious test: it rather says
"chance" once too often than calling a random wobble a trend.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from desktop_app.results.model import ResultsError, ResultSet, SizeInterval
from desktop_app.results.sizes import with_submitted_sizes

Z95 = 1.959963984540054  # the normal quantile for a two-sided 95% interval


def wilson_interval(share: float, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a proportion ``share`` (0..1) observed over ``n``."""
    if n <= 0:
        return (0.0, 1.0)
    p = min(max(share, 0.0), 1.0)
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return (max(0.0, centre - half), min(1.0, centre + half))


def share_interval(
    share: float, size: SizeInterval, decimals: int = 1, z: float = Z95
) -> tuple[float, float]:
    """The conservative interval (in percent) of a published ``share`` (percent, rounded to
    ``decimals``) over a group whose size lies in ``size``."""
    half_step = 0.5 * 10.0 ** (-decimals)
    low_share = max(0.0, share - half_step) / 100
    high_share = min(100.0, share + half_step) / 100
    sizes = {max(size.low, 1), max(size.high, 1)}
    low = min(wilson_interval(low_share, n, z)[0] for n in sizes)
    high = max(wilson_interval(high_share, n, z)[1] for n in sizes)
    return (100 * low, 100 * high)


def change_within_chance(
    before: float,
    size_before: SizeInterval,
    after: float,
    size_after: SizeInterval,
    decimals: int = 1,
) -> bool:
    """True when the move from ``before`` to ``after`` (percent) is within what chance explains."""
    a = share_interval(before, size_before, decimals)
    b = share_interval(after, size_after, decimals)
    return a[0] <= b[1] and b[0] <= a[1]


@dataclass(frozen=True)
class ChangeVerdict:
    """One group's share in one subgroup, in two years, and what chance says about the change.

    ``within_chance`` is None when the change cannot be judged: a cell suppressed in either year
    (``reason`` "suppressed") or no group size given (``reason`` "no-size").
    """

    breakdown: str
    subgroup: str
    group: str
    year_before: int | None
    year_after: int | None
    share_before: float | None
    share_after: float | None
    interval_before: tuple[float, float] | None
    interval_after: tuple[float, float] | None
    within_chance: bool | None
    reason: str = ""


def compare_years(before: ResultSet, after: ResultSet) -> tuple[ChangeVerdict, ...]:
    """Every group of every subgroup found in both sets; refused when the two sets count different
    units (jobs, persons) or use different origin classifications: such series are never mixed."""
    if before.unit != after.unit or before.classification != after.classification:
        raise ResultsError(
            "results.series-mixed",
            before=f"{before.year} {before.programme} ({before.unit}, {before.classification})",
            after=f"{after.year} {after.programme} ({after.unit}, {after.classification})",
        )
    before, after = with_submitted_sizes(before), with_submitted_sizes(after)
    decimals = max(before.share_decimals, after.share_decimals)
    verdicts: list[ChangeVerdict] = []
    old_tables = {t.breakdown: t for t in before.tables}
    for table in after.tables:
        old_table = old_tables.get(table.breakdown)
        if old_table is None:
            continue
        old_rows = {r.subgroup: r for r in old_table.rows}
        for row in table.rows:
            old = old_rows.get(row.subgroup)
            if old is None:
                continue
            for group in after.groups:
                a, b = old.value(group), row.value(group)
                common = (
                    table.breakdown,
                    row.subgroup,
                    group,
                    before.year,
                    after.year,
                    a.share,
                    b.share,
                )
                if a.share is None or b.share is None:
                    verdicts.append(ChangeVerdict(*common, None, None, None, "suppressed"))
                    continue
                if old.size_interval is None or row.size_interval is None:
                    verdicts.append(ChangeVerdict(*common, None, None, None, "no-size"))
                    continue
                first = share_interval(a.share, old.size_interval, decimals)
                second = share_interval(b.share, row.size_interval, decimals)
                within = first[0] <= second[1] and second[0] <= first[1]
                verdicts.append(ChangeVerdict(*common, first, second, within))
    return tuple(verdicts)
