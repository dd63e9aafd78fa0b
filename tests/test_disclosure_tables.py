"""Building linked frequency tables, rules, determinism and messages of the disclosure engine."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from desktop_app.disclosure import (
    DisclosureError,
    RuleSettings,
    frequency_tables,
    primary_cells,
    protect,
)
from desktop_app.messages import LANGUAGES, catalogue, template_fields


def _staff() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    n = 300
    return pd.DataFrame(
        {
            "dept": rng.choice(
                [f"D{i}" for i in range(8)], n, p=[0.3, 0.2, 0.15, 0.1, 0.1, 0.1, 0.04, 0.01]
            ),
            "age": rng.choice(["<30", "30-50", "50+"], n),
            "sex": rng.choice(["M", "V", "X"], n, p=[0.5, 0.48, 0.02]),
            "level": rng.choice(["1", "2", "3", "4"], n),
        }
    )


def test_a_table_has_inner_cells_margins_and_grand_total_in_a_fixed_order():
    records = pd.DataFrame({"dept": ["B", "A", "A"], "sex": ["M", "V", "M"]})
    tables = frequency_tables(records, [("sex", "dept")])
    assert tables.keys[0] == ()
    assert tables.keys[1:3] == ((("dept", "A"),), (("dept", "B"),))
    assert tables.values[0] == 3
    assert tables.values[tables.index[(("dept", "A"), ("sex", "M"))]] == 1
    assert tables.values[tables.index[(("dept", "B"), ("sex", "V"))]] == 0
    assert tables.n_cells == 3 * 3
    frame = tables.to_frame(0, total_label="Totaal")
    assert list(frame.columns) == ["sex", "dept", "count", "suppressed"]
    assert frame.iloc[0].tolist() == ["Totaal", "Totaal", 3, False]


def test_every_cell_is_the_sum_of_its_inner_cells_and_every_equation_adds_up():
    tables = frequency_tables(_staff(), [("dept", "age", "sex"), ("level", "sex")])
    for j in range(tables.n_cells):
        assert tables.values[j] == tables.inner_values[tables.model.column(j)].sum()
    for eq in tables.equations:
        assert tables.values[eq.parent] == sum(tables.values[c] for c in eq.children)


def test_linked_tables_share_their_common_cells():
    tables = frequency_tables(_staff(), [("dept", "sex"), ("level", "sex")])
    for key in [(), (("sex", "M"),)]:
        assert tables.tables_of[tables.index[key]] == (0, 1)
    assert tables.model.n_rows == 8 * 4 * 3


def test_a_hierarchy_adds_group_cells_and_their_equations():
    records = pd.DataFrame({"dept": ["HR", "IT", "IT", "Ops", "Ops", "Ops"]})
    tables = frequency_tables(
        records, [("dept",)], hierarchies={"dept": {"HR": "Staff", "IT": "Staff", "Ops": "Line"}}
    )
    staff = tables.index[(("dept", "Staff"),)]
    assert tables.values[staff] == 3
    parents = {eq.parent: eq.children for eq in tables.equations}
    assert sorted(tables.keys[c] for c in parents[staff]) == [(("dept", "HR"),), (("dept", "IT"),)]
    assert len(parents[tables.index[()]]) == 2  # total = Line + Staff


@pytest.mark.parametrize(
    ("specs", "key"),
    [
        ([], "disclosure.no-tables"),
        ([("dept", "dept")], "disclosure.bad-table"),
        ([("dept", "age", "sex", "level", "dept2")], "disclosure.bad-table"),
        ([("salary",)], "disclosure.unknown-variable"),
    ],
)
def test_bad_table_choices_are_refused_with_a_message(specs, key):
    records = _staff().assign(dept2=lambda d: d["dept"])
    with pytest.raises(DisclosureError) as caught:
        frequency_tables(records, specs)
    assert caught.value.message.key == key
    assert caught.value.render("nl")


def test_a_missing_category_names_the_row():
    records = pd.DataFrame({"dept": ["A", None, "B"]})
    with pytest.raises(DisclosureError) as caught:
        frequency_tables(records, [("dept",)])
    assert "2" in caught.value.render("en")


def test_threshold_and_zero_rules():
    records = pd.DataFrame({"dept": list("AAAAABBC"), "sex": list("MMMVVMVM")})
    tables = frequency_tables(records, [("dept", "sex")])
    plain = {tables.keys[p.cell] for p in primary_cells(tables, RuleSettings(threshold=3))}
    assert (("dept", "C"),) in plain  # 1 person
    assert (("dept", "C"), ("sex", "V")) not in plain  # a zero, safe by default
    zeros = {
        tables.keys[p.cell]
        for p in primary_cells(tables, RuleSettings(threshold=3, zeros_unsafe=True))
    }
    assert (("dept", "C"), ("sex", "V")) in zeros
    with pytest.raises(DisclosureError):
        RuleSettings(threshold=0)


def test_the_same_input_gives_the_same_pattern_every_run():
    tables = frequency_tables(_staff(), [("dept", "age", "sex"), ("level", "sex")])
    first = protect(tables, RuleSettings(threshold=5))
    assert first.passed
    for _ in range(19):
        again = protect(
            frequency_tables(_staff(), [("dept", "age", "sex"), ("level", "sex")]),
            RuleSettings(threshold=5),
        )
        assert again.suppressed == first.suppressed
        assert again.report.intervals == first.report.intervals


def test_every_disclosure_message_exists_in_three_languages_with_the_same_fields():
    keys = [k for k in catalogue() if k.startswith("disclosure.")]
    assert keys
    for key in keys:
        texts = catalogue()[key]
        assert set(texts) == set(LANGUAGES)
        fields = {template_fields(texts[lang]).__len__() for lang in LANGUAGES}
        assert len({frozenset(template_fields(texts[lang])) for lang in LANGUAGES}) == 1, fields


def test_audit_messages_render():
    records = pd.DataFrame({"grade": ["a"] * 10 + ["b"] * 3 + ["c", "d"]})
    tables = frequency_tables(records, [("grade",)])
    from desktop_app.disclosure import audit

    ones = [(("grade", "c"),), (("grade", "d"),)]
    report = audit(tables, ones, dict.fromkeys(ones, 3))
    texts = [m.render(lang) for m in report.messages() for lang in LANGUAGES]
    assert all("2" in t for t in texts)
    ok = protect(tables, RuleSettings(threshold=3)).report
    assert ok.messages()[0].key == "disclosure.audit.passed"
