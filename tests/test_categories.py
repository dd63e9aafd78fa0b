"""Safe categories: bands at the peildatum and merges that bring every subgroup to the minimum."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.categories import (
    AGE_BANDS,
    UNKNOWN,
    Bands,
    age_at,
    check_subgroup_sizes,
    propose_merges,
    scale_number,
    year_of,
)


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
