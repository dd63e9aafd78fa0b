"""The submission's subgroup sizes narrow the office's group sizes: a linked import's publication
check works over a narrower range than the same import unlinked, and finds one small cell fewer
on a constructed case; the year lines carry the narrowed size; an older record without subgroup
sizes still links (and nothing is narrowed); jobs (algemene variant) are never narrowed; KSZ as
its profile says (nothing unmatched); a table that fits two breakdowns equally is not narrowed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from desktop_app.delivery.record import DeliveredFile, DeliveryRecord, write_record
from desktop_app.profiles.model import Channel, Protection
from desktop_app.results import (
    SizeInterval,
    check_result,
    compare_years,
    import_results,
    load_history,
    read_result_tables,
    series,
)
from desktop_app.results.sizes import (
    link_sizes,
    narrowed_rows,
    submitted_interval,
    with_submitted_sizes,
)
from tests.test_results import ALGEMEEN, INGEZOOMD, KSZ, ORG, SAMPLES, cbs_book


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(folder))
    return folder


def tables(path: Path) -> Path:
    """Two departments, sizes rounded to tens; Europe 4.0% of Burgerzaken (270) and 1.2% of Staf
    (730): over the office's intervals alone both may be fewer than 10 persons."""
    return cbs_book(
        path,
        {
            "Totaal": [["Totaal", 1000, "80,0", "10,0", "10,0"]],
            "Afdeling": [
                ["Totaal", 1000, "80,0", "10,0", "10,0"],
                ["Burgerzaken", 270, "86,0", "4,0", "10,0"],
                ["Staf", 730, "78,0", "1,2", "20,8"],
            ],
        },
    )


def manifest(**extra: Any) -> dict[str, Any]:
    return {
        "programme": {"id": "cbs-barometer-ingezoomd", "version": "2026.1"},
        "peildatum": "2025-10-01",
        "created": "2025-11-02T10:00:00+00:00",
        "rows": {"read": 1030, "included": 1020, "written": 1020},
        "categories": {"merges": {}},
        **extra,
    }


SENT = [
    {
        "number": 1,
        "header": "Afdeling",
        "breakdown": "organisational_unit",
        "column": "subgroep_1",
        "sizes": {"Staf": 740, "Burgerzaken": 280},
    }
]


def record(tmp_path: Path, data: dict[str, Any], name: str = "cbs-2025.record.json") -> Path:
    path = tmp_path / name
    write_record(
        path,
        DeliveryRecord(
            manifest=data,
            file=DeliveredFile("cbs-2025.csv", "ab" * 32, 1234),
            channel=Channel.WEB_PORTAL,
            protection=Protection.NONE,
            recipient_kind="channel",
            recipient_fingerprint=None,
            signer_fingerprint=None,
        ),
    )
    return path


def test_a_linked_import_checks_over_narrower_sizes_and_finds_one_cell_fewer(
    tmp_path: Path,
) -> None:
    path = record(tmp_path, manifest(subgroup_sizes=SENT))
    stored = import_results(tables(tmp_path / "t.xlsx"), INGEZOOMD, 2025, ORG, record=path)
    linked = stored.result
    assert linked.submission is not None
    assert linked.submission["subgroup_sizes"][0]["sizes"] == {"Staf": 740, "Burgerzaken": 280}
    assert "Organisatieonderdeel" in linked.submission["subgroup_sizes"][0]["names"]
    assert linked.submission["unmatched_percent"] == 5
    unlinked = replace(linked, submission=None)
    # the kept file holds the office's intervals; the narrowing is applied where sizes are used
    kept = load_history(ORG)[0]
    assert kept.submission == linked.submission
    burgerzaken = kept.table("Afdeling").rows[1]
    assert burgerzaken.size_interval == SizeInterval(251, 275)  # 270 ± 5, up to 5% unmatched
    narrowed = with_submitted_sizes(kept)
    assert narrowed.table("Afdeling").rows[1].size_interval == SizeInterval(266, 275)  # 280 sent
    assert narrowed.table("Afdeling").rows[2].size_interval == SizeInterval(703, 735)  # 740 sent
    total = narrowed.table("Afdeling").rows[0]
    assert total.total
    assert total.size_interval == SizeInterval(969, 1005)  # 1020 sent; office 1000 ± 5
    assert narrowed.table("Totaal").rows[0].size_interval == SizeInterval(969, 1005)
    assert narrowed_rows(kept) == 4
    assert narrowed_rows(unlinked) == 0

    before = check_result(unlinked)
    after = check_result(kept)
    assert before.threshold == after.threshold == 10
    small_before = {(f.line, f.group): (f.people_low, f.people_high) for f in before.findings}
    small_after = {(f.line, f.group): (f.people_low, f.people_high) for f in after.findings}
    assert {f.kind for f in (*before.findings, *after.findings)} == {"small"}
    # Burgerzaken's 4.0% Europe: 9 to 12 persons over the office's sizes, 10 to 12 over the
    # submitted ones: no longer a finding
    assert small_before == {("Burgerzaken", "europa"): (9, 12), ("Staf", "europa"): (7, 10)}
    # Staf's 1.2% stays a finding, over a narrower range
    assert small_after == {("Staf", "europa"): (8, 10)}
    assert len(after.findings) == len(before.findings) - 1
    # the report says so beside the link
    from desktop_app.results import build_report

    html = build_report(load_history(ORG), "en", organisation=ORG).html
    assert (
        "The group sizes are narrowed with the numbers sent per subgroup (4 lines): a published "
        "group holds between 95% and 100% of the persons sent." in html
    )

    # the year lines and the comparison between years use the narrowed sizes too
    (point,) = series(
        load_history(ORG),
        unit="person",
        classification="herkomst",
        breakdown="Afdeling",
        subgroup="Burgerzaken",
        group="europa",
    )
    assert point.size == SizeInterval(266, 275)
    earlier = replace(unlinked, year=2024, submission=None)
    verdict = next(
        v
        for v in compare_years(earlier, kept)
        if (v.breakdown, v.subgroup, v.group) == ("Afdeling", "Burgerzaken", "europa")
    )
    wider = next(
        v
        for v in compare_years(earlier, unlinked)
        if (v.breakdown, v.subgroup, v.group) == ("Afdeling", "Burgerzaken", "europa")
    )
    assert verdict.interval_after is not None
    assert wider.interval_after is not None
    width = verdict.interval_after[1] - verdict.interval_after[0]
    assert width < wider.interval_after[1] - wider.interval_after[0]


def test_an_older_record_without_subgroup_sizes_still_links(tmp_path: Path) -> None:
    path = record(tmp_path, manifest())
    stored = import_results(tables(tmp_path / "t.xlsx"), INGEZOOMD, 2025, ORG, record=path)
    link = stored.result.submission
    assert link is not None
    assert link["rows_included"] == 1020
    assert "subgroup_sizes" not in link
    assert with_submitted_sizes(stored.result) == stored.result  # nothing narrowed
    assert len(check_result(stored.result).findings) == 2
    from desktop_app.results import build_report

    html = build_report(load_history(ORG), "en", organisation=ORG).html
    assert "Belongs to the submission cbs-2025.csv" in html
    assert "narrowed" not in html
    # a damaged entry in a newer record is left out; the rest is kept
    damaged = [
        {"header": "X", "sizes": "many"},
        7,
        {**SENT[0], "sizes": {"Staf": True, "Burgerzaken": 280}},
    ]
    kept = link_sizes(manifest(subgroup_sizes=damaged), INGEZOOMD)
    assert [e["sizes"] for e in kept["subgroup_sizes"]] == [{"Burgerzaken": 280}]


def test_jobs_are_never_narrowed_and_ksz_takes_its_profiles_word(tmp_path: Path) -> None:
    algemeen = read_result_tables(SAMPLES / "results-cbs-algemeen-2025.xlsx", ALGEMEEN)
    link = {
        "rows_included": 1300,
        **link_sizes(
            manifest(subgroup_sizes=[{"header": "Banen", "sizes": {"Totaal": 1300}}]), ALGEMEEN
        ),
    }
    linked = replace(algemeen, submission=link)
    assert with_submitted_sizes(linked) == linked  # jobs, not persons: not narrowed
    assert narrowed_rows(linked) == 0
    # KSZ: nothing unmatched (its profile), so a subgroup sent is published over exactly its n
    ksz = read_result_tables(SAMPLES / "results-ksz-2025.csv", KSZ)
    welzijn = ksz.table("Afdeling").rows[-1]
    assert welzijn.size_interval == SizeInterval(240, 240)
    sizes = {r.subgroup: r.size for r in ksz.table("Afdeling").rows if not r.total}
    ksz_link = link_sizes(manifest(subgroup_sizes=[{"header": "Afdeling", "sizes": sizes}]), KSZ)
    assert ksz_link["unmatched_percent"] == 0
    assert submitted_interval(240, 0) == SizeInterval(240, 240)
    assert submitted_interval(280, 5) == SizeInterval(266, 280)
    # a count the office reports that cannot hold what was sent keeps the office's interval
    off = {**sizes, welzijn.subgroup: 250}
    other = link_sizes(manifest(subgroup_sizes=[{"header": "Afdeling", "sizes": off}]), KSZ)
    narrowed = with_submitted_sizes(replace(ksz, submission=other))
    assert narrowed.table("Afdeling").rows[-1].size_interval == SizeInterval(240, 240)


def test_a_table_that_fits_two_breakdowns_equally_is_not_narrowed(tmp_path: Path) -> None:
    result = read_result_tables(tables(tmp_path / "t.xlsx"), INGEZOOMD)
    twins = [
        {"header": "Team", "sizes": {"Staf": 740, "Burgerzaken": 280}},
        {"header": "Cluster", "sizes": {"Staf": 735, "Burgerzaken": 285}},
    ]
    link = {"rows_included": 1020, **link_sizes(manifest(subgroup_sizes=twins), INGEZOOMD)}
    narrowed = with_submitted_sizes(replace(result, submission=link))
    assert narrowed.table("Afdeling").rows[1].size_interval == SizeInterval(251, 275)
    # the breakdown's name decides between them
    named = [{**twins[0], "header": "Afdeling"}, twins[1]]
    link = {"rows_included": 1020, **link_sizes(manifest(subgroup_sizes=named), INGEZOOMD)}
    narrowed = with_submitted_sizes(replace(result, submission=link))
    assert narrowed.table("Afdeling").rows[1].size_interval == SizeInterval(266, 275)
