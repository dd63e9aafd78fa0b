"""The KSZ crossing check: predicted smallest cells from reference shares, and coarser proposals
that pass, on a generated institution with a few small departments and levels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from ksz_helpers import SIZES

from desktop_app.categories import AGE_BANDS, Bands
from desktop_app.ksz.crossing import (
    Crossing,
    CrossingError,
    age_band_shares,
    check_crossing,
    check_crossings,
    propose,
)
from desktop_app.messages import LANGUAGES
from desktop_app.profiles import load_programme_by_id

KSZ = load_programme_by_id("ksz-diversiteit")
SETTINGS = KSZ.crossing
THRESHOLD = KSZ.thresholds.cell_threshold

UNIT, LEVEL = "organisational_unit", "function_level"


def institution(with_ages: bool = False) -> pd.DataFrame:
    rows = [{UNIT: unit, LEVEL: level} for (unit, level), n in SIZES.items() for _ in range(n)]
    staff = pd.DataFrame(rows)
    if with_ages:
        staff["age"] = np.random.default_rng(8).integers(20, 65, len(staff))
    return staff


def test_profile_reference_is_versioned_and_documented() -> None:
    assert SETTINGS is not None
    assert SETTINGS.version == "2024.1"
    assert "Statbel" in SETTINGS.source.get("nl")
    assert "onafhankelijk" in SETTINGS.source.get("nl")
    ids = {s.id for s in SETTINGS.schemes}
    assert {"origin-ksz", "origin-statbel", "origin-vdab", "sex"} <= ids
    assert [g.code for g in SETTINGS.scheme("origin-ksz").groups] == [
        "belgian", "eu", "non_eu", "unknown",
    ]  # fmt: skip
    for scheme in SETTINGS.schemes:
        assert sum(g.share for g in scheme.groups) == pytest.approx(1, abs=0.005)
        for group in scheme.groups:
            assert all(group.label.get(lang) for lang in LANGUAGES)
    assert THRESHOLD == 5


def test_age_band_shares_sum_fine_bands() -> None:
    shares = age_band_shares(AGE_BANDS, SETTINGS)
    assert list(shares) == ["<25", "25-34", "35-44", "45-54", "55+"]
    assert shares["<25"] == pytest.approx(0.07)
    assert shares["55+"] == pytest.approx(0.20)
    assert sum(shares.values()) == pytest.approx(1)
    with pytest.raises(CrossingError) as caught:
        age_band_shares(Bands((27,)), SETTINGS)
    assert caught.value.message.key == "ksz.age-edge-not-in-reference"


def test_expected_smallest_cell_is_staff_times_product_of_shares() -> None:
    staff = institution()
    crossing = Crossing((UNIT,), ("sex",))
    result = check_crossing(staff, crossing, SETTINGS, THRESHOLD)
    assert result.smallest_expected == pytest.approx(4 * 0.5)  # Onthaal: 4 people
    assert result.smallest_cell == ("Onthaal", "female")
    assert not result.passes
    assert result.cells == 5 * 2
    big = check_crossing(staff[staff[UNIT] == "Financiën"], crossing, SETTINGS, THRESHOLD)
    assert big.passes
    assert big.smallest_expected == pytest.approx(130)
    origin_age = Crossing((UNIT,), ("origin-statbel",), AGE_BANDS)
    expected = 4 * 0.13 * 0.07  # Onthaal x non-Belgian x <25
    assert check_crossing(staff, origin_age, SETTINGS, THRESHOLD).smallest_expected == (
        pytest.approx(expected)
    )


def test_some_crossings_are_flagged_and_others_pass() -> None:
    staff = institution()
    crossings = [
        Crossing((), ("origin-ksz",)),  # the whole institution: 436 x 0.02 = 8.7
        Crossing((UNIT,), ("origin-ksz", "sex")),
        Crossing((UNIT, LEVEL), ("sex",)),
        Crossing((LEVEL,), ("origin-3",)),
    ]
    results = check_crossings(staff, crossings, KSZ)
    assert [r.passes for r in results] == [True, False, False, True]
    text = results[1].message.render("nl")
    assert "Onthaal" in text
    assert "minder dan 5" in text
    for language in LANGUAGES:
        assert results[1].message.render(language)


@pytest.mark.parametrize(
    "crossing",
    [
        Crossing((UNIT,), ("origin-ksz", "sex")),
        Crossing((UNIT,), ("origin-statbel",), AGE_BANDS),
        Crossing((UNIT, LEVEL), ("sex",)),
        Crossing((UNIT,), ("origin-vdab",), AGE_BANDS),
    ],
    ids=lambda c: c.describe(),
)
def test_proposals_fix_the_too_small_crossings(crossing: Crossing) -> None:
    staff = institution()
    assert not check_crossing(staff, crossing, SETTINGS, THRESHOLD).passes
    proposals = propose(staff, crossing, KSZ)
    assert proposals, "no proposal"
    bits = [p.information_bits for p in proposals]
    assert bits == sorted(bits, reverse=True)
    for proposal in proposals:
        # re-check independently: the proposed crossing with its merges passes
        again = check_crossing(
            staff, proposal.crossing, SETTINGS, THRESHOLD, proposal.result.merges
        )
        assert again.passes
        assert again.smallest_expected >= THRESHOLD
        assert proposal.changes
        for change in proposal.changes:
            for language in LANGUAGES:
                assert change.render(language)
    assert propose(staff, crossing, KSZ) == proposals  # deterministic


def test_best_proposal_merges_only_small_units_and_keeps_big_ones() -> None:
    staff = institution()
    best = propose(staff, Crossing((UNIT, LEVEL), ("sex",)), KSZ)[0]
    moves = best.result.merges[UNIT]
    assert set(moves) <= {"Onthaal", "Communicatie", "Juridische dienst"}
    assert "Financiën" not in moves
    assert "ICT" not in moves


def test_a_passing_crossing_needs_no_proposal_and_a_hopeless_one_gets_none() -> None:
    staff = institution()
    assert propose(staff, Crossing((), ("sex",)), KSZ) == []
    tiny = staff.head(6)
    assert propose(tiny, Crossing((UNIT,), ("origin-statbel", "sex")), KSZ) == []


def test_ages_from_the_staff_file_are_counted_not_predicted() -> None:
    staff = institution(with_ages=True)
    crossing = Crossing((UNIT,), ("sex",), AGE_BANDS)
    result = check_crossing(staff, crossing, SETTINGS, THRESHOLD)
    assert not result.passes
    proposals = propose(staff, crossing, KSZ)
    assert proposals
    best = proposals[0]
    assert check_crossing(staff, best.crossing, SETTINGS, THRESHOLD, best.result.merges).passes


def test_unknown_scheme_and_column_are_refused() -> None:
    staff = institution()
    with pytest.raises(CrossingError) as caught:
        check_crossing(staff, Crossing((UNIT,), ("religion",)), SETTINGS, THRESHOLD)
    assert caught.value.message.key == "ksz.unknown-scheme"
    with pytest.raises(CrossingError) as caught:
        check_crossing(staff, Crossing(("grade",), ("sex",)), SETTINGS, THRESHOLD)
    assert caught.value.message.key == "ksz.unknown-own-category"
