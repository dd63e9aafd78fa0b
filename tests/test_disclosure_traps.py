"""Known traps of secondary suppression, each as the officer would meet it."""

from __future__ import annotations

import pandas as pd

from desktop_app.disclosure import RuleSettings, audit, frequency_tables, protect


def _records(**columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns)


def _keys(tables, cells):
    return [tables.keys[i] for i in cells]


def _row_15() -> pd.DataFrame:
    # 15 = 10 + 3 + 1 + 1
    return _records(grade=["a"] * 10 + ["b"] * 3 + ["c"] + ["d"])


def test_suppressing_only_the_two_ones_of_15_10_3_1_1_discloses_them():
    tables = frequency_tables(_row_15(), [("grade",)])
    ones = [(("grade", "c"),), (("grade", "d"),)]
    report = audit(tables, ones, dict.fromkeys(ones, 3))
    assert not report.passed
    for item in report.intervals:
        assert (item.low, item.high) == (0.0, 2.0)  # the two 1s add up to 15 - 10 - 3


def test_row_15_10_3_1_1_is_protected_by_a_third_cell():
    tables = frequency_tables(_row_15(), [("grade",)])
    result = protect(tables, RuleSettings(threshold=3))
    assert result.passed
    assert _keys(tables, result.suppressed) == [
        (("grade", "b"),),
        (("grade", "c"),),
        (("grade", "d"),),
    ]


def test_two_singletons_are_not_left_alone_even_when_the_interval_would_be_wide_enough():
    # threshold 2: [0, 2] is as wide as the protection level, but each of the two people in a
    # 1-cell knows their own cell and would work out the other: a third cell must go too.
    tables = frequency_tables(_row_15(), [("grade",)])
    result = protect(tables, RuleSettings(threshold=2))
    assert result.passed
    assert len(result.suppressed) == 3


def _linked_records() -> pd.DataFrame:
    rows = (
        [("A", "M", "young")] * 5
        + [("A", "M", "old")] * 5
        + [("A", "F", "old")] * 1
        + [("B", "M", "young")] * 4
        + [("B", "M", "old")] * 4
        + [("B", "F", "young")] * 3
        + [("B", "F", "old")] * 3
    )
    return pd.DataFrame(rows, columns=["dept", "sex", "age"])


def test_linked_tables_each_safe_alone_can_be_unsafe_together():
    """sdcTable's linked-table counterexample, in HR terms.

    Department x sex alone is safe when it hides both women's cells and both department totals.
    Department x age alone has nothing to hide and publishes the department totals. Published
    together, the department total of A (11) and A's men (10) give A's one woman.
    """
    records = _linked_records()
    by_sex = frequency_tables(records, [("dept", "sex")])
    pattern = [
        (("dept", "A"), ("sex", "F")),
        (("dept", "A"),),
        (("dept", "B"), ("sex", "F")),
        (("dept", "B"),),
    ]
    alone = audit(by_sex, pattern, {(("dept", "A"), ("sex", "F")): 3})
    assert alone.passed

    by_age = frequency_tables(records, [("dept", "age")])
    assert protect(by_age, RuleSettings(threshold=3)).suppressed == ()

    both = frequency_tables(records, [("dept", "sex"), ("dept", "age")])
    # A cell published in any table is published: the department totals are known.
    together = audit(
        both,
        [(("dept", "A"), ("sex", "F")), (("dept", "B"), ("sex", "F"))],
        {(("dept", "A"), ("sex", "F")): 3},
    )
    assert not together.passed
    woman = together.interval(both.index[(("dept", "A"), ("sex", "F"))])
    assert woman.low == woman.high == 1.0

    result = protect(both, RuleSettings(threshold=3))
    assert result.passed


def test_linked_tables_over_non_nested_groupings_are_protected_together():
    records = pd.DataFrame(
        {
            "dept": list("AAAAABBBBBBBCCCCCCCC"),
            "level": list("12312123121231231231"),
            "sex": list("MFMMFMFMMFMMMFMFMMFM"),
        }
    )
    tables = frequency_tables(records, [("dept", "sex"), ("level", "sex")])
    result = protect(tables, RuleSettings(threshold=3))
    assert result.passed
    shared = tables.index[(("sex", "F"),)]
    assert tables.tables_of[shared] == (0, 1)  # one cell, in both tables


def _zero_row_records() -> pd.DataFrame:
    return pd.DataFrame({"dept": list("AAAAAABBBBBBB"), "sex": list("MMMFFFMMMMFFF")})


def test_an_all_zero_row_with_zeros_safe_is_published_as_zeros():
    records = _zero_row_records()
    tables = frequency_tables(records, [("dept", "sex")], categories={"dept": ["A", "B", "E"]})
    result = protect(tables, RuleSettings(threshold=3))
    assert result.passed
    assert result.suppressed == ()
    assert tables.values[tables.index[(("dept", "E"),)]] == 0


def test_an_all_zero_row_with_zeros_unsafe_cannot_be_shown_empty():
    records = _zero_row_records()
    tables = frequency_tables(records, [("dept", "sex")], categories={"dept": ["A", "B", "E"]})
    result = protect(tables, RuleSettings(threshold=3, zeros_unsafe=True))
    assert result.passed
    row_e = [i for i, key in enumerate(tables.keys) if ("dept", "E") in key]
    for cell in row_e:
        assert result.status(cell) == "primary"
        assert result.report.interval(cell).high >= 3


def test_the_audit_catches_hiding_a_zero_row_under_a_published_zero_total():
    records = _zero_row_records()
    tables = frequency_tables(records, [("dept", "sex")], categories={"dept": ["A", "B", "E"]})
    hidden = [(("dept", "E"), ("sex", "F")), (("dept", "E"), ("sex", "M"))]
    report = audit(tables, hidden, dict.fromkeys(hidden, 3))
    assert not report.passed
    assert all(item.exact for item in report.intervals)


def _full_cell_records() -> pd.DataFrame:
    # Department D: all 12 are men. Department E: mixed.
    return pd.DataFrame(
        {"dept": ["D"] * 12 + ["E"] * 14, "sex": ["M"] * 12 + ["M"] * 7 + ["F"] * 7}
    )


def test_a_100_percent_cell_is_not_caught_by_the_threshold_rule_alone():
    tables = frequency_tables(_full_cell_records(), [("dept", "sex")])
    result = protect(tables, RuleSettings(threshold=3))
    assert result.passed
    assert result.suppressed == ()


def test_a_100_percent_cell_is_protected_when_full_cells_are_unsafe():
    tables = frequency_tables(_full_cell_records(), [("dept", "sex")])
    result = protect(tables, RuleSettings(threshold=3, full_cells_unsafe=True))
    assert result.passed
    full = tables.index[(("dept", "D"), ("sex", "M"))]
    empty = tables.index[(("dept", "D"), ("sex", "F"))]
    assert result.status(full) == "primary"
    assert result.status(empty) == "primary"
    # An outsider can no longer tell that all of D are men, nor that D has no women.
    assert result.report.interval(full).low <= 12 - 3
    assert result.report.interval(empty).high >= 3


def _zero_secondary_records() -> pd.DataFrame:
    # dept B has no women: the zero (B, F) sits between two small cells.
    return pd.DataFrame(
        {
            "dept": list("AAAAAAABBBBBB") + ["C"] * 6,
            "sex": list("MMMMFFF") + ["M"] * 6 + list("MMMFFF"),
        }
    )


def test_a_suppressed_zero_worked_out_exactly_passes_when_zeros_are_safe():
    """Hiding a zero that could have been published, and an outsider finding it is 0, is no
    disclosure under "zeros safe"; under "zeros unsafe" the same pattern fails."""
    records = _zero_secondary_records()
    tables = frequency_tables(records, [("dept", "sex")])
    zero = (("dept", "B"), ("sex", "F"))
    assert tables.values[tables.index[zero]] == 0
    safe = audit(tables, [zero], {})
    (item,) = safe.intervals
    assert (item.low, item.high) == (0.0, 0.0)
    assert item.revealable
    assert safe.passed
    strict = audit(tables, [zero], {}, zeros_unsafe=True)
    assert not strict.passed
    assert not strict.intervals[0].revealable


def test_a_suppressed_non_zero_secondary_worked_out_exactly_fails():
    records = _zero_secondary_records()
    tables = frequency_tables(records, [("dept", "sex")])
    report = audit(tables, [(("dept", "A"), ("sex", "M"))], {})
    assert not report.passed
    assert report.intervals[0].exact
    assert not report.intervals[0].revealable
