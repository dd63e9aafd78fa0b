"""Identifier checks: the single-value checks agree with python-stdnum, the vectorised ones agree
with the single-value checks, and identifiers are masked but for their last three digits."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from stdnum.be import ssn as be_ssn
from stdnum.be import vat as be_vat
from stdnum.nl import bsn as nl_bsn

from desktop_app.validation import (
    check_bsn,
    check_insz,
    check_kbo,
    check_loonheffingennummer,
    check_rsin,
    mask_identifier,
)
from desktop_app.validation.identifiers import (
    check_bsn_array,
    check_insz_array,
    check_kbo_array,
    check_loonheffingennummer_array,
    check_rsin_array,
)

digits = st.text(alphabet="0123456789", min_size=0, max_size=12)
# near-identifiers: digits with separators, spaces, letters and odd characters mixed in
messy = st.text(alphabet="0123456789 .-/Lxé\u2013\u00a0", min_size=0, max_size=16)


@st.composite
def valid_bsns(draw) -> str:
    first = draw(st.text(alphabet="0123456789", min_size=8, max_size=8))
    total = sum((9 - i) * int(d) for i, d in enumerate(first))
    check = total % 11
    if check == 10 or first == "00000000":
        first = "12345678"
        check = 2
    return first + str(check)


# --- BSN --------------------------------------------------------------------------------------


def test_a_valid_bsn_is_accepted_and_kept_as_nine_digits():
    result = check_bsn("123456782")
    assert result.valid
    assert result.normalised == "123456782"
    assert result.problem is None


def test_a_bsn_that_excel_stored_as_a_number_gets_its_leading_zero_back():
    # 012345672 typed in a number cell becomes 12345672
    result = check_bsn("12345672")
    assert result.valid
    assert result.normalised == "012345672"


def test_separators_are_forgiven():
    assert check_bsn("1234.56.782").normalised == "123456782"
    assert check_bsn(" 123 456 782 ").normalised == "123456782"
    assert check_bsn("123-456-782").normalised == "123456782"


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("123456789", "checksum"),
        ("12345", "length"),
        ("1234567890", "length"),
        ("12345678A", "format"),
        ("000000000", "format"),
        ("", "empty"),
    ],
)
def test_a_wrong_bsn_says_why(value, kind):
    result = check_bsn(value)
    assert not result.valid
    assert result.normalised is None
    assert result.kind == kind
    assert result.problem == f"validation.identifier.{kind}"


@given(digits)
@example("012345672")
@example("12345672")
@example("000000000")
def test_bsn_agrees_with_stdnum_for_nine_digits_and_padded_short_numbers(value):
    ours = check_bsn(value)
    if len(value) in (7, 8, 9):
        assert ours.valid == nl_bsn.is_valid(value.zfill(9))
        if ours.valid:
            assert ours.normalised == nl_bsn.compact(value)
    else:
        assert not ours.valid  # shorter numbers are not padded: too much is missing


@settings(max_examples=300)
@given(st.lists(st.one_of(digits, messy, valid_bsns()), min_size=0, max_size=40))
def test_vectorised_bsn_check_agrees_exactly_with_the_single_value_check(values):
    bulk = check_bsn_array(np.array(values, dtype=object))
    for value, normalised, kind in zip(values, bulk.normalised, bulk.kind, strict=True):
        single = check_bsn(value)
        assert (normalised, kind) == (single.normalised, single.kind), value


@given(st.lists(valid_bsns(), min_size=1, max_size=50))
def test_vectorised_bsn_check_accepts_every_valid_bsn(values):
    assert all(k is None for k in check_bsn_array(values).kind)


def test_rsin_uses_the_same_eleven_test():
    assert check_rsin("002300647").valid == nl_bsn.is_valid("002300647")
    assert check_rsin("123456782").valid
    assert not check_rsin("123456789").valid
    assert list(check_rsin_array(["123456782", "123456789"]).kind) == [None, "checksum"]


# --- loonheffingennummer ----------------------------------------------------------------------


def test_a_loonheffingennummer_is_an_rsin_with_l_and_two_digits():
    assert check_loonheffingennummer("123456782L01").normalised == "123456782L01"
    assert check_loonheffingennummer("1234.56.782.l.01").normalised == "123456782L01"
    assert check_loonheffingennummer("123456789L01").kind == "checksum"
    assert check_loonheffingennummer("123456782B01").kind == "format"
    assert check_loonheffingennummer("123456782L1").kind == "format"
    assert check_loonheffingennummer("").kind == "empty"


@given(valid_bsns(), st.integers(0, 99))
def test_every_valid_rsin_makes_a_valid_loonheffingennummer(rsin, sub):
    number = f"{rsin}L{sub:02d}"
    assert check_loonheffingennummer(number).valid
    assert check_loonheffingennummer_array([number]).normalised[0] == number


@given(st.text(alphabet="0123456789", min_size=9, max_size=9), st.integers(0, 99))
def test_loonheffingennummer_agrees_with_stdnums_rsin_checksum(rsin, sub):
    expected = nl_bsn.is_valid(rsin)
    assert check_loonheffingennummer(f"{rsin}L{sub:02d}").valid == expected


# --- INSZ -------------------------------------------------------------------------------------


def test_insz_national_number_and_bis_number_are_accepted():
    assert check_insz("85.07.30-033 28").normalised == "85073003328"
    assert check_insz("98.47.28-997.65").normalised == "98472899765"  # BIS: month + 40


def test_an_insz_of_someone_born_in_2001_gets_its_leading_zero_back():
    assert be_ssn.is_valid("01490700185")
    assert check_insz("1490700185").normalised == "01490700185"


def test_a_wrong_insz_says_why():
    assert check_insz("85073003329").kind == "checksum"
    assert check_insz("8507300332").kind == "checksum"  # padded to 08507300332: wrong check
    assert check_insz("123").kind == "length"
    assert check_insz("85O73003328").kind == "format"


@settings(max_examples=500)
@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
@example("85073003328")
@example("17073003384")
@example("01490700185")
@example("98472899765")
def test_insz_agrees_with_stdnum(value):
    assert check_insz(value).valid == be_ssn.is_valid(value)


# The month part of an INSZ: 1-12, 0 when unknown; a BIS number adds 20 or 40 to it. Any other
# month (13-19, 33-39, 53-99) makes the number invalid, even with a correct mod-97 check.
INSZ_MONTHS = frozenset(range(13)) | frozenset(range(20, 33)) | frozenset(range(40, 53))


@st.composite
def valid_insz(draw) -> str:
    """An INSZ with a correct mod-97 check, its month valid or (one time in three) not."""
    year = draw(st.integers(0, 99))
    month = draw(
        st.one_of(
            st.sampled_from([0, 1, 6, 12, 20, 25, 32, 40, 47, 52]),
            st.sampled_from([0, 1, 6, 12, 20, 25, 32, 40, 47, 52]),
            st.integers(13, 99),  # BIS-like months that are no month: 13, 19, 33, 39, 53-99
        )
    )
    day = draw(st.integers(0, 31))
    serial = draw(st.integers(1, 998))
    first9 = f"{year:02d}{month:02d}{day:02d}{serial:03d}"
    base = int(first9) if draw(st.booleans()) else 2_000_000_000 + int(first9)
    return first9 + f"{97 - base % 97:02d}"


@settings(max_examples=300)
@given(st.lists(st.one_of(valid_insz(), digits, messy), min_size=0, max_size=40))
def test_vectorised_insz_check_agrees_exactly_with_the_single_value_check(values):
    bulk = check_insz_array(values)
    for value, normalised, kind in zip(values, bulk.normalised, bulk.kind, strict=True):
        single = check_insz(value)
        assert (normalised, kind) == (single.normalised, single.kind), value


def insz_with_month(month: int, *, born_2000: bool) -> str:
    """An INSZ of someone born on the 15th of ``month`` (1985 or 2005), mod-97 check correct."""
    first9 = f"{5 if born_2000 else 85:02d}{month:02d}15033"
    base = int(first9) + (2_000_000_000 if born_2000 else 0)
    return first9 + f"{97 - base % 97:02d}"


def test_an_insz_month_above_12_is_valid_only_as_a_bis_month_and_both_checks_say_so():
    values = [insz_with_month(m, born_2000=b) for m in range(100) for b in (False, True)]
    values += [v.lstrip("0") for v in values if v.startswith("0")]  # Excel dropped the zero
    bulk = check_insz_array(values)
    for value, normalised, kind in zip(values, bulk.normalised, bulk.kind, strict=True):
        single = check_insz(value)
        assert (normalised, kind) == (single.normalised, single.kind), value
        month = int(value.zfill(11)[2:4])
        assert (kind is None) == (month in INSZ_MONTHS), value
        assert be_ssn.is_valid(value.zfill(11)) == (month in INSZ_MONTHS), value
    assert sum(bulk.valid) == 3 * len(INSZ_MONTHS)  # 1985, 2005, and 2005 without its first 0


# --- KBO --------------------------------------------------------------------------------------


def test_kbo_numbers_old_and_new_form():
    assert check_kbo("0403.019.261").normalised == "0403019261"
    assert check_kbo("403019261").normalised == "0403019261"  # old 9-digit form
    assert check_kbo("BE 0428.759.497").normalised == "0428759497"
    assert check_kbo("0431150351").kind == "checksum"
    assert check_kbo("2403019261").kind in ("component", "checksum")
    assert check_kbo("04030192").kind == "length"


@settings(max_examples=300)
@given(st.one_of(st.text(alphabet="0123456789", min_size=9, max_size=10), messy))
def test_kbo_agrees_with_stdnum(value):
    ours = check_kbo(value)
    if ours.valid:
        assert be_vat.is_valid(value)
        assert ours.normalised == be_vat.compact(value)
    elif value.strip().isdigit() and len(value.strip()) in (9, 10):
        assert not be_vat.is_valid(value)
    assert check_kbo_array([value]).kind[0] == ours.kind


# --- masking ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("123456782", "******782"),
        ("123456782L01", "********2L01"),
        ("85.07.30-033.28", "***********3.28"),
        ("Jan", "***"),
        ("12", "12"),
    ],
)
def test_masking_keeps_only_the_last_three_digits(value, masked):
    assert mask_identifier(value) == masked


@given(st.text(alphabet="0123456789", min_size=4, max_size=15))
def test_a_masked_number_never_shows_more_than_three_digits(value):
    masked = mask_identifier(value)
    assert len(masked) == len(value)
    assert sum(ch.isdigit() for ch in masked) == 3
    assert masked.endswith(value[-3:])
