"""The search for coarser categories: least information lost for few suppressions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from desktop_app.categories import AGE_BANDS, Bands
from desktop_app.disclosure import RuleSettings
from desktop_app.disclosure.merge_search import (
    band_options,
    hierarchy_options,
    keep_as_is,
    merge_options,
    search_categories,
)
from desktop_app.messages import LANGUAGES

RULE = RuleSettings(threshold=5)
SPECS = [("department", "age", "sex")]


def _staff(seed: int = 11) -> pd.DataFrame:
    """400 staff: three big departments and four small ones; ages 20-64; sex M/V."""
    rng = np.random.default_rng(seed)
    departments = ["Ops"] * 140 + ["ICT"] * 110 + ["HR"] * 90
    departments += ["Legal"] * 20 + ["Audit"] * 16 + ["Comms"] * 14 + ["Board"] * 10
    n = len(departments)
    return pd.DataFrame(
        {
            "department": departments,
            "age": rng.integers(20, 65, n).astype(float),
            "sex": rng.choice(["M", "V"], n),
        }
    )


def _variables(records: pd.DataFrame):
    return [
        merge_options("department", records["department"], (30, 90, 150)),
        band_options("age", records["age"], AGE_BANDS),
        keep_as_is("sex", records["sex"]),
    ]


@pytest.fixture(scope="module")
def found():
    records = _staff()
    return search_categories(_variables(records), SPECS, RULE, top=5, max_nodes=25)


def test_the_finest_categories_need_many_suppressions_and_a_coarser_choice_none(found):
    finest = found.best[0]
    assert finest.information_loss == 0.0
    assert finest.suppressed >= 10
    clean = [c for c in found.best if c.suppressed == 0]
    assert clean, found.best
    assert all(c.passed for c in found.best)
    assert clean[0].information_loss < 1.0


def test_the_best_few_are_a_pareto_front_least_loss_first(found):
    best = found.best
    assert 2 <= len(best) <= 5
    losses = [c.information_loss for c in best]
    assert losses == sorted(losses)
    for a in best:
        for b in best:
            if a is not b:
                assert not (
                    a.information_loss <= b.information_loss
                    and a.suppressed <= b.suppressed
                    and a.suppressed_total <= b.suppressed_total
                ), (a, b)
    # Less loss is paid for with more suppression.
    assert [c.suppressed for c in best] == sorted((c.suppressed for c in best), reverse=True)


def test_sex_is_never_generalised_and_every_choice_names_its_options(found):
    for choice in found.best:
        options = dict(choice.options)
        assert options["sex"] == "as is"
        assert dict(choice.categories)["sex"] == 2
        assert set(options) == {"department", "age", "sex"}


def test_sex_keeps_its_codes_even_when_merges_are_offered():
    records = _staff()
    variables = _variables(records)
    variables[2] = merge_options("sex", records["sex"], (300,))
    assert len(variables[2].options) == 2
    result = search_categories(variables, SPECS, RULE, max_nodes=5)
    assert all(dict(c.options)["sex"] == "as is" for c in result.best)
    assert result.candidates == 4 * 15


def test_the_walk_is_bounded_and_prunes_below_clean_nodes():
    records = _staff()
    result = search_categories(_variables(records), SPECS, RULE, max_nodes=3)
    assert result.evaluated <= 3
    assert result.pruned > 0
    assert result.candidates == 4 * 15  # department options x age band sets


def test_the_search_is_deterministic(found):
    again = search_categories(_variables(_staff()), SPECS, RULE, top=5, max_nodes=25)
    assert again == found


def test_a_choice_says_what_it_costs_in_every_language(found):
    for choice in found.best:
        for lang in LANGUAGES:
            text = choice.message().render(lang)
            assert str(choice.primary) in text
            assert "department" in text


def test_band_options_are_every_coarser_merge_of_neighbours():
    ages = np.array([22, 30, 40, 50, 60, np.nan])
    opts = band_options("age", ages, Bands((25, 35, 45, 55)))
    assert len(opts.options) == 15  # every non-empty subset of the 4 edges
    assert opts.options[0].label == "<25 25-34 35-44 45-54 55+"
    assert opts.options[0].codes[-1] == "onbekend"
    assert {o.n_categories for o in opts.options} == {3, 4, 5, 6}


def test_hierarchy_options_climb_one_level_at_a_time():
    labels = ["HR", "ICT", "Legal", "Ops"]
    parents = {"HR": "Staff", "ICT": "Staff", "Legal": "Staff", "Staff": "All", "Ops": "All"}
    opts = hierarchy_options("department", labels, parents)
    assert [o.codes.tolist() for o in opts.options] == [
        labels,
        ["Staff", "Staff", "Staff", "All"],
        ["All", "All", "All", "All"],
    ]


def test_merge_options_skip_merges_that_change_nothing():
    labels = ["A"] * 50 + ["B"] * 40 + ["C"] * 3
    opts = merge_options("department", labels, (2, 10, 20, 45))
    assert [o.label for o in opts.options] == [
        "as is",
        "groups of at least 10",
        "groups of at least 45",
    ]


def test_options_of_different_lengths_are_refused():
    with pytest.raises(ValueError, match="same records"):
        search_categories([keep_as_is("a", ["x", "y"]), keep_as_is("b", ["x"])], [("a", "b")], RULE)
