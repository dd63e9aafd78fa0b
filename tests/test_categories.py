"""Safe categories: bands at the peildatum and merges that bring every subgroup to the minimum."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from desktop_app.categories import (
    AGE_BANDS,
    UNKNOWN,
    Bands,
    MergePlan,
    SubgroupViolation,
    age_at,
    check_subgroup_sizes,
    propose_merges,
    scale_number,
    year_of,
)
from desktop_app.categories.subgroups import merged_names
from desktop_app.check import CheckOptions, run_check
from desktop_app.demo_data import HEADERS, StaffOptions, staff_rows
from desktop_app.draft import load_draft
from desktop_app.package.build import subgroup_problems
from desktop_app.profiles import load_programme_by_id
from desktop_app.resources import resource_path


def test_age_bands_label_every_age_and_keep_unknown_explicit():
    assert AGE_BANDS.labels() == ("<25", "25-34", "35-44", "45-54", "55+", UNKNOWN)
    ages = np.array([18, 24.99, 25, 34, 35, 54, 55, 99, np.nan])
    assert AGE_BANDS.assign(ages).tolist() == [
        "<25",
        "<25",
        "25-34",
        "25-34",
        "35-44",
        "45-54",
        "55+",
        "55+",
        UNKNOWN,
    ]


def test_age_is_counted_in_whole_years_at_the_peildatum():
    births = pd.Series(pd.to_datetime(["2000-01-01", "2000-01-02", "1960-02-29", None]))
    ages = age_at(births, dt.date(2026, 1, 1))
    assert ages[:3].tolist() == [26, 25, 65]
    assert np.isnan(ages[3])


def test_year_of_entry_and_salary_scale_numbers():
    assert year_of(pd.Series(pd.to_datetime(["2019-07-01", None])))[0] == 2019
    scales = scale_number(pd.Series(["Schaal 9", "S10", "schaal 11a", None, "geen"]))
    assert scales[:3].tolist() == [9, 10, 11]
    assert np.isnan(scales[3:]).all()


@pytest.mark.parametrize("edges", [(), (30, 30), (40, 30)])
def test_bands_refuse_edges_that_do_not_increase(edges):
    with pytest.raises(ValueError, match="edge"):
        Bands(edges)


def test_coarser_bands_merge_one_pair_of_neighbours_at_a_time():
    coarser = Bands((25, 35, 45)).coarser()
    assert [b.edges for b in coarser] == [(35, 45), (25, 45), (25, 35)]
    assert Bands((40,)).coarser() == []


def test_small_subgroups_are_listed_smallest_first():
    labels = pd.Series(["ICT"] * 300 + ["HR"] * 40 + ["Juridisch"] * 12)
    violations = check_subgroup_sizes(labels, 250)
    assert [(v.subgroup, v.size) for v in violations] == [("Juridisch", 12), ("HR", 40)]


def test_people_left_out_of_a_breakdown_are_a_group_of_their_own():
    """Total 600 minus the listed 590 reveals a group of 10: the differencing trap."""
    labels = pd.Series(["A"] * 300 + ["B"] * 290)
    violations = check_subgroup_sizes(labels, 250, population_total=600)
    assert len(violations) == 1
    assert violations[0].differencing
    assert violations[0].size == 10


def test_merges_into_the_parent_when_a_hierarchy_is_given():
    sizes = {"Directie": 600, "Staf": 280, "Juridisch": 30, "Communicatie": 40}
    plan = propose_merges(sizes, 250, parents={"Juridisch": "Staf", "Communicatie": "Staf"})
    assert plan.moves == {"Communicatie": "Staf", "Juridisch": "Staf"}
    assert plan.sizes == {"Directie": 600, "Staf": 350}
    assert plan.passes


def test_the_remainder_group_must_itself_reach_the_minimum():
    sizes = {"A": 900, "B": 300, "C": 100, "D": 60}
    plan = propose_merges(sizes, 250, strategy="remainder")
    assert plan.sizes["overig"] >= 250
    assert plan.moves["C"] == "overig"
    assert plan.moves["D"] == "overig"
    assert "A" not in plan.moves
    assert plan.passes


def test_merge_names_never_hide_other_departments():
    plan = MergePlan(moves={"HR": "ICT", "Jur": "ICT", "A": "overig", "B": "overig"})
    assert merged_names(plan.moves) == {
        "A": "overig",
        "B": "overig",
        "HR": "HR + ICT + Jur",
        "ICT": "HR + ICT + Jur",
        "Jur": "HR + ICT + Jur",
    }


def test_a_population_below_the_minimum_cannot_pass():
    plan = propose_merges({"A": 100, "B": 50}, 250)
    assert not plan.passes
    assert sum(plan.sizes.values()) == 150


def test_applying_a_plan_relabels_the_people():
    plan = propose_merges({"A": 300, "B": 20}, 250)
    relabelled = plan.apply(pd.Series(["A", "B", "B"]))
    assert relabelled.tolist() == ["A", "A", "A"]


@settings(max_examples=200, deadline=None)
@given(
    sizes=st.dictionaries(st.sampled_from(list("ABCDEFGHIJ")), st.integers(1, 600), min_size=1),
    minimum=st.integers(1, 400),
    strategy=st.sampled_from(["sibling", "remainder"]),
)
def test_every_merge_plan_keeps_everyone_and_passes_when_possible(sizes, minimum, strategy):
    plan = propose_merges(sizes, minimum, strategy=strategy)
    assert sum(plan.sizes.values()) == sum(sizes.values())
    assert plan.passes == (sum(sizes.values()) >= minimum)
    if plan.passes:
        assert min(plan.sizes.values()) >= minimum
    labels = pd.Series([label for label, n in sorted(sizes.items()) for _ in range(n)])
    after = plan.apply(labels).value_counts().to_dict()
    assert after == dict(plan.sizes)
    assert propose_merges(sizes, minimum, strategy=strategy) == plan  # deterministic


# --- the programme minimum is a boundary: exactly the minimum passes, one fewer fails ----------

CBS_INGEZOOMD = "cbs-barometer-ingezoomd"


def cbs_minimum() -> int:
    return load_programme_by_id(CBS_INGEZOOMD).thresholds.min_subgroup_size


def test_cbs_asks_250_people_per_subgroup():
    assert cbs_minimum() == 250


@pytest.mark.parametrize(("size", "passes"), [(251, True), (250, True), (249, False)])
def test_a_department_of_exactly_the_minimum_passes_and_one_person_fewer_fails(size, passes):
    minimum = cbs_minimum()
    labels = pd.Series(["Sociaal domein"] * 600 + ["ICT"] * size)
    violations = check_subgroup_sizes(labels, minimum)
    assert violations == ([] if passes else [SubgroupViolation("ICT", size, minimum)])
    # the same people left out of the breakdown: total minus the listed groups
    left_out = check_subgroup_sizes(
        pd.Series(["Sociaal domein"] * 600), minimum, population_total=600 + size
    )
    assert left_out == ([] if passes else [SubgroupViolation("", size, minimum, differencing=True)])


@pytest.mark.parametrize("strategy", ["sibling", "remainder"])
@pytest.mark.parametrize(("size", "passes"), [(250, True), (249, False)])
def test_a_merge_leaves_a_department_of_exactly_the_minimum_alone(strategy, size, passes):
    sizes = {"Sociaal domein": 600, "ICT": size}
    plan = propose_merges(sizes, cbs_minimum(), strategy=strategy)
    assert plan.passes
    assert ("ICT" not in plan.moves) == passes
    assert sum(plan.sizes.values()) == 600 + size
    # a whole organisation of exactly the minimum can pass; one person fewer cannot
    assert propose_merges({"A": size - 100, "B": 100}, cbs_minimum(), strategy=strategy).passes == (
        passes
    )


@pytest.mark.parametrize(("ict", "refused"), [(250, False), (249, True)])
def test_packaging_accepts_a_department_of_250_and_refuses_one_of_249(tmp_path, ict, refused):
    """A real workbook (openpyxl), checked as the officer does, then the packaging gate."""
    draft = load_draft(resource_path("samples", "demo-draft.json"))
    assert draft.programme_id == CBS_INGEZOOMD
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Personeel"
    sheet.append(list(HEADERS))
    department = HEADERS.index("Afdeling")
    rows = staff_rows(StaffOptions(n=250 + ict, seed=11, peildatum=draft.peildatum))
    for i, row in enumerate(rows):
        row[department] = "Sociaal domein" if i < 250 else "ICT"
        row[HEADERS.index("Datum uit dienst")] = None  # everyone is in the population
        sheet.append(row)
    path = tmp_path / "personeel.xlsx"
    workbook.save(path)

    check = run_check(
        path, CheckOptions(CBS_INGEZOOMD, breakdowns=("Afdeling",), peildatum=draft.peildatum)
    )
    assert int(check.validation.included.sum()) == 250 + ict
    problems = subgroup_problems(draft, check)
    if refused:
        (problem,) = problems
        assert problem.params["groups"] == ["ICT (249)"]
        assert problem.params["minimum"] == 250
    else:
        assert problems == []
