"""The identifier-type registry: every identifier type a programme uses is in it, and every entry
checks, normalises and masks its numbers."""

from __future__ import annotations

import tomllib

import pytest

from desktop_app.messages import catalogue
from desktop_app.profiles.model import FieldType
from desktop_app.resources import resource_path
from desktop_app.validation.fields import IDENTIFIER_TYPES as FIELD_IDENTIFIER_TYPES
from desktop_app.validation.identifier_types import BY_ID, IDENTIFIER_TYPES, identifier_type

# Field types that are not identifiers; a new field type must be put here or in the registry.
NOT_IDENTIFIERS = {
    FieldType.TEXT,
    FieldType.CATEGORY,
    FieldType.CODE,
    FieldType.INTEGER,
    FieldType.DECIMAL,
    FieldType.YEAR,
    FieldType.DATE,
    FieldType.POSTCODE_NL,
    FieldType.HOUSE_NUMBER,
    FieldType.HOUSE_NUMBER_SUFFIX,
    FieldType.EMAIL,
    FieldType.PHONE,
}

# (type, known good as typed, its normalised form, known bad)
CASES = [
    ("bsn", "1112.22.333", "111222333", "111222334"),
    ("rsin", "8026 34540", "802634540", "802634541"),
    ("loonheffingennummer", "802634540l01", "802634540L01", "802634541L01"),
    ("insz", "85.07.30-033.28", "85073003328", "85073003329"),
    ("kbo", "0203.201.340", "0203201340", "0203.201.341"),
]


def _field_types_in_programmes() -> set[str]:
    used = set()
    for path in sorted(resource_path("programmes").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for section in ("organisation_fields", "employee_fields"):
            used.update(field["type"] for field in data.get(section, []) if "type" in field)
    return used


def test_every_identifier_type_a_programme_uses_is_in_the_registry():
    used = _field_types_in_programmes()
    identifiers = used - {t.value for t in NOT_IDENTIFIERS}
    assert identifiers >= {"bsn", "loonheffingennummer", "insz", "kbo"}
    assert identifiers <= set(BY_ID)


def test_the_registry_is_exactly_the_identifier_field_types():
    assert set(BY_ID) == {t.value for t in FieldType} - {t.value for t in NOT_IDENTIFIERS}
    assert {t.value for t in FIELD_IDENTIFIER_TYPES} == set(BY_ID)
    assert [kind.id for kind in IDENTIFIER_TYPES] == list(BY_ID)
    assert identifier_type(FieldType.BSN) is BY_ID["bsn"]
    assert identifier_type("kbo") is BY_ID["kbo"]
    assert identifier_type(FieldType.TEXT) is None
    assert identifier_type(None) is None


def test_every_case_covers_one_registry_entry():
    assert [case[0] for case in CASES] == list(BY_ID)


@pytest.mark.parametrize(("type_id", "good", "normalised", "bad"), CASES)
def test_each_entry_validates_a_good_number_and_refuses_a_bad_one(type_id, good, normalised, bad):
    kind = BY_ID[type_id]
    assert kind.check(good).valid
    assert kind.normalise(good) == normalised
    assert kind.shape.fullmatch(normalised)
    refused = kind.check(bad)
    assert not refused.valid
    assert refused.kind == "checksum"
    assert kind.normalise(bad) is None
    many = kind.check_many([good, bad, normalised])
    assert list(many.normalised) == [normalised, None, normalised]
    assert list(many.kind) == [None, "checksum", None]


@pytest.mark.parametrize(("type_id", "good", "normalised", "bad"), CASES)
def test_each_entry_has_its_messages_and_masks(type_id, good, normalised, bad):
    kind = BY_ID[type_id]
    texts = catalogue()
    for key in (kind.name_key, kind.shape_key, kind.check_key):
        assert key in texts
    assert kind.mask(normalised).endswith(normalised[-3:])
    assert kind.mask(normalised).startswith("*" * (len(normalised) - 4))
    # examples of a column: only the public register's number is shown as it is
    assert kind.example(normalised) == (normalised if type_id == "kbo" else kind.mask(normalised))
