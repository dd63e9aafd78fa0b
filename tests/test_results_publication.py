"""The publication check: a published share that may stand for fewer people than the threshold,
and a left-out cell worked back by differencing (the total minus the other departments; a merged
line minus its other member, published in another year's report), flagged with a proposal that
passes the check again; a safe publication passes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.errors import AppError
from desktop_app.profiles import load_programme_by_id
from desktop_app.results import ResultsError, read_result_tables
from desktop_app.results.model import GroupValue, ResultRow, ResultSet, ResultTable, SizeInterval
from desktop_app.results.publication import (
    PublicationVersion,
    PublishedLine,
    check_publication,
    default_versions,
    threshold_for,
)

ROOT = Path(__file__).resolve().parent.parent
GROUPS = ("nederland", "europa", "buiten-europa")


def row(name: str, size: int, shares: tuple[float | None, ...], total: bool = False) -> ResultRow:
    values = tuple(
        GroupValue(g, s, suppressed=s is None, marker="." if s is None else "")
        for g, s in zip(GROUPS, shares, strict=True)
    )
    return ResultRow(name, total, size, SizeInterval(size - 5, size + 5), values, 0)


def result_set(rows: list[ResultRow], year: int = 2025) -> ResultSet:
    return ResultSet(
        programme="cbs-barometer-ingezoomd",
        unit="person",
        values="percentages",
        classification="herkomst",
        groups=GROUPS,
        source_name="test.xlsx",
        source_sha256="",
        tables=(ResultTable("Afdeling", "Afdeling", tuple(rows)),),
        year=year,
    )


def departments() -> ResultSet:
    # Totaal 1000: Nederland 800, Europa 100, Buiten-Europa 100
    return result_set(
        [
            row("Totaal", 1000, (80.0, 10.0, 10.0), total=True),
            row("Beleid", 500, (80.0, 10.0, 10.0)),
            row("Uitvoering", 400, (77.5, 11.3, 11.2)),
            row("Staf", 100, (90.0, 5.0, 5.0)),
        ]
    )


LINES = (
    PublishedLine("Beleid", ("Beleid",)),
    PublishedLine("Uitvoering", ("Uitvoering",)),
    PublishedLine("Staf", ("Staf",)),
)


def test_a_safe_publication_passes() -> None:
    check = check_publication(departments(), threshold=3)
    assert check.passed, check.findings
    assert check.checked_cells == 4 * 4  # three lines and the total: a size and three groups each


def test_a_share_that_may_stand_for_fewer_people_than_the_threshold_is_flagged() -> None:
    # Staf's 5.0% of 95..105 people: 4 to 6 people, under a threshold of 10
    check = check_publication(departments(), threshold=10)
    small = [f for f in check.findings if f.kind == "small"]
    assert {(f.line, f.group) for f in small} == {("Staf", "europa"), ("Staf", "buiten-europa")}
    assert all(4 <= f.people_low < 10 and f.people_high <= 6 for f in small)
    # proposed: a merge with the smallest other department, which passes the check again
    merges = [p for f in small for p in f.proposals if p.kind == "merge"]
    assert merges
    assert merges[0].merge == ("Staf", "Uitvoering")
    version = default_versions(departments())[0].merged(list(merges[0].merge))
    assert [line.label for line in version.lines] == ["Beleid", "Uitvoering + Staf"]
    assert check_publication(departments(), [version], threshold=10).passed


def test_leaving_out_a_cell_is_undone_by_the_total_minus_the_other_departments() -> None:
    left_out = frozenset({("Staf", "europa"), ("Staf", "buiten-europa")})
    version = PublicationVersion(2025, "Afdeling", LINES, True, left_out, "jaarverslag")
    check = check_publication(departments(), [version], threshold=10)
    differencing = [f for f in check.findings if f.kind == "differencing"]
    assert {(f.line, f.group) for f in differencing} == set(left_out)
    europa = next(f for f in differencing if f.group == "europa")
    assert (europa.people_low, europa.people_high) == (5, 5)  # worked back exactly
    assert europa.via == ("Totaal", "Beleid", "Uitvoering")
    assert europa.version == "jaarverslag"
    # the proposed further suppressions pass the check when applied
    proposed = {
        c for f in differencing for p in f.proposals if p.kind == "suppress" for c in p.cells
    }
    assert proposed - left_out, "a further cell is proposed"
    safer = PublicationVersion(2025, "Afdeling", LINES, True, left_out | proposed, "jaarverslag")
    assert check_publication(departments(), [safer], threshold=10).passed
    # without the total, the same left-out cells cannot be worked back
    no_total = PublicationVersion(2025, "Afdeling", LINES, False, left_out, "intranet")
    assert check_publication(departments(), [no_total], threshold=10).passed


def test_merged_one_year_and_unmerged_the_next_is_differencing() -> None:
    """The 2025 figures merged in the 2025 report (Uitvoering + Staf), reprinted in the 2026 report
    with Uitvoering on its own and Staf not shown: Staf = the merged line minus Uitvoering."""
    merged = PublicationVersion(
        2025,
        "Afdeling",
        (
            PublishedLine("Beleid", ("Beleid",)),
            PublishedLine("Uitvoering + Staf", ("Uitvoering", "Staf")),
        ),
        False,
        name="jaarverslag 2025",
    )
    alone = PublicationVersion(
        2025,
        "Afdeling",
        (PublishedLine("Beleid", ("Beleid",)), PublishedLine("Uitvoering", ("Uitvoering",))),
        False,
        name="jaarverslag 2026",
    )
    assert check_publication(departments(), [merged], threshold=10).passed
    assert check_publication(departments(), [alone], threshold=10).passed
    both = check_publication(departments(), [merged, alone], threshold=10)
    found = {(f.kind, f.line, f.group) for f in both.findings}
    assert ("differencing", "Staf", "europa") in found
    europa = next(f for f in both.findings if f.line == "Staf" and f.group == "europa")
    assert (europa.people_low, europa.people_high) == (5, 5)
    assert europa.via == ("Uitvoering + Staf", "Uitvoering")
    # proposed: show the 2026 reprint merged as in 2025, which passes
    assert any(p.kind == "merge" and p.merge == ("Uitvoering", "Staf") for p in europa.proposals)


def test_the_sample_set_cells_the_office_left_out_are_worked_back_from_the_total() -> None:
    programme = load_programme_by_id("cbs-barometer-ingezoomd")
    result = read_result_tables(
        ROOT / "resources/samples/results-cbs-ingezoomd-2025.xlsx", programme
    )
    check = check_publication(result, threshold=threshold_for(programme.thresholds.cell_threshold))
    assert check.threshold == 10
    flagged = {(f.breakdown, f.line, f.group, f.kind) for f in check.findings}
    assert flagged == {
        ("Afdeling", "Staf en bestuur", "europa", "differencing"),
        ("Afdeling", "Staf en bestuur", "buiten-europa", "differencing"),
    }
    for finding in check.findings:
        assert finding.via[0] == "Totaal"
        assert any(p.kind == "suppress" for p in finding.proposals)


def test_the_threshold_and_unknown_lines_are_refused_plainly() -> None:
    assert threshold_for(0) == 5
    assert threshold_for(10) == 10
    with pytest.raises(AppError):
        check_publication(departments(), threshold=0)
    bad = PublicationVersion(2025, "Afdeling", (PublishedLine("X", ("Nope",)),), True)
    with pytest.raises(ResultsError) as refused:
        check_publication(departments(), [bad], threshold=5)
    assert "Nope" in refused.value.render("en")
    assert "Afdeling" in refused.value.render("nl")


# -- the command line: `results check`, with and without a publication plan ------------------------


@pytest.fixture
def kept_departments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The departments above as an office's workbook (xlsxwriter), imported for 2025."""
    from desktop_app.results import import_results
    from tests.test_results import cbs_book

    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    book = cbs_book(
        tmp_path / "2025.xlsx",
        {
            "Afdeling": [
                ["Totaal", 1000, "80,0", "10,0", "10,0"],
                ["Beleid", 500, "80,0", "10,0", "10,0"],
                ["Uitvoering", 400, "77,5", "11,3", "11,2"],
                ["Staf", 100, "90,0", "5,0", "5,0"],
            ]
        },
    )
    import_results(book, load_programme_by_id("cbs-barometer-ingezoomd"), 2025, "rsin-123456782")
    return tmp_path


def run_check(*extra: str) -> int:
    from desktop_app.cli import main

    return main(["--lang", "en", "results", "check", "--organisation", "rsin-123456782", *extra])


def test_the_check_command_flags_small_shares_and_passes_a_merge(
    kept_departments: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_check() == 1
    said = capsys.readouterr().out
    assert (
        "Afdeling › Staf › Europe (excluding the Netherlands): this percentage may stand for"
        in said
    )
    assert "Proposed: merge into one line: Staf + Uitvoering." in said
    plan = kept_departments / "plan.json"
    plan.write_text(
        json.dumps(
            {
                "versions": [
                    {
                        "name": "jaarverslag 2025",
                        "year": 2025,
                        "breakdown": "Afdeling",
                        "lines": [
                            "Beleid",
                            {"label": "Uitvoering + Staf", "members": ["Uitvoering", "Staf"]},
                        ],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    assert run_check("--plan", str(plan)) == 0
    assert "No findings" in capsys.readouterr().out


def test_the_check_command_finds_merged_and_unmerged_versions(
    kept_departments: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    merged = {
        "name": "jaarverslag 2025",
        "year": 2025,
        "breakdown": "Afdeling",
        "total": False,
        "lines": ["Beleid", {"label": "Uitvoering + Staf", "members": ["Uitvoering", "Staf"]}],
    }
    alone = {
        "name": "jaarverslag 2026",
        "year": 2025,
        "breakdown": "Afdeling",
        "total": False,
        "lines": ["Beleid", "Uitvoering"],
    }
    plan = kept_departments / "plan.json"
    plan.write_text(json.dumps({"versions": [merged, alone]}), encoding="utf-8")
    assert run_check("--plan", str(plan), "--json") == 1
    found = json.loads(capsys.readouterr().out)
    (check,) = found
    assert check["year"] == 2025
    assert check["threshold"] == 10
    staf = [f for f in check["findings"] if f["line"] == "Staf"]
    assert {f["group"] for f in staf} == {"europa", "buiten-europa"}
    assert all(f["kind"] == "differencing" for f in staf)
    assert all(f["via"] == ["Uitvoering + Staf", "Uitvoering"] for f in staf)
    assert all(f["version"] == "jaarverslag 2026" for f in staf)
    assert run_check("--plan", str(plan)) == 1
    said = capsys.readouterr().out
    assert "can be worked back exactly (5 persons) from Uitvoering + Staf minus Uitvoering" in said


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "plan.json"),
        ('{"versions": []}', 'the field "versions"'),
        (
            '{"versions": [{"year": "2025", "breakdown": "Afdeling", "lines": ["Beleid"]}]}',
            'version 1: the field "year"',
        ),
        (
            '{"versions": [{"year": 2025, "breakdown": "Afdeling", "lines": [3]}]}',
            'the field "lines"',
        ),
        ('{"versions": [{"year": 2025, "breakdown": "Afdeling", "lines": ["Nope"]}]}', "Nope"),
        (
            '{"versions": [{"year": 2025, "breakdown": "Afdeling", "lines": ["Staf"], "left_out": [["Staf", "asia"]]}]}',
            "asia",
        ),
        (
            '{"versions": [{"year": 2019, "breakdown": "Afdeling", "lines": ["Staf"]}]}',
            "No results of 2019",
        ),
        ('{"format": "something-else", "versions": []}', "not a publication plan"),
        ("[1, 2]", "not a publication plan"),
    ],
)
def test_a_bad_plan_is_refused_with_a_sentence(
    kept_departments: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    plan = kept_departments / "plan.json"
    plan.write_text(content, encoding="utf-8")
    assert run_check("--plan", str(plan)) == 2
    said = capsys.readouterr()
    assert expected in said.err
    assert "Traceback" not in said.err + said.out


def test_the_ksz_sample_total_in_its_own_block_is_used_and_the_proposal_passes() -> None:
    programme = load_programme_by_id("ksz-diversiteit")
    result = read_result_tables(ROOT / "resources/samples/results-ksz-2025.csv", programme)
    check = check_publication(result, threshold=threshold_for(programme.thresholds.cell_threshold))
    welzijn = next(f for f in check.findings if f.line == "Welzijn")
    assert (welzijn.kind, welzijn.group) == ("differencing", "onbekend")
    assert (welzijn.people_low, welzijn.people_high) == (10, 10)  # counts: exact
    assert welzijn.via == ("Totaal", "Administratie", "Technische dienst")
    (proposal,) = [p for p in welzijn.proposals if p.kind == "suppress"]
    assert len(proposal.cells) == 4  # the classic rectangle
    version = default_versions(result)
    afdeling = next(v for v in version if v.breakdown == "Afdeling")
    safer = PublicationVersion(
        afdeling.year, "Afdeling", afdeling.lines, True, frozenset(proposal.cells), afdeling.name
    )
    assert check_publication(result, [safer], threshold=5).passed


def test_a_plan_or_benchmark_that_is_not_a_file_is_refused(
    kept_departments: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop_app.cli import main

    others = [kept_departments]  # a folder, everywhere
    if Path("/dev/zero").exists():
        others.append(Path("/dev/zero"))
    out = kept_departments / "r.pdf"
    for other in others:
        assert run_check("--plan", str(other)) == 2
        args = ["--out", str(out), "--organisation", "rsin-123456782", "--benchmark", str(other)]
        assert main(["--lang", "en", "results", "report", *args]) == 2
        said = capsys.readouterr()
        assert other.name in said.err
        assert "Traceback" not in said.err
    assert not out.exists()


def test_a_merge_that_takes_in_a_suppressed_department_is_safe_unless_its_partner_is_shown() -> (
    None
):
    suppressed = result_set(
        [
            row("Totaal", 1000, (80.0, 10.0, 10.0), total=True),
            row("Beleid", 500, (80.0, 10.0, 10.0)),
            row("Uitvoering", 400, (77.5, 11.3, 11.2)),
            row("Staf", 100, (90.0, None, None)),
        ]
    )
    merged = PublicationVersion(
        2025,
        "Afdeling",
        (
            PublishedLine("Beleid", ("Beleid",)),
            PublishedLine("Uitvoering + Staf", ("Uitvoering", "Staf")),
        ),
        True,
        name="jaarverslag",
    )
    assert check_publication(suppressed, [merged], threshold=10).passed
    # the same figures also published per department (the office's own lines): Staf's cells are
    # the total minus the others, whatever the merge
    both = check_publication(suppressed, [merged, *default_versions(suppressed)], threshold=10)
    assert {(f.line, f.kind) for f in both.findings} == {("Staf", "differencing")}
